"""Named schemas: TEI P5 ``tei_all`` fetched once into the user cache, with a pinned checksum.

``tei-encode schema fetch tei_all`` downloads ``tei_all.rng`` of the pinned TEI P5 release from
the TEI Consortium's release archive (or takes it from ``--from FILE|DIR|URL``: a copy on disk, a
directory or mirror holding it), checks its SHA-256 and writes it,
with the ISO Schematron extracted from it (``tei_all.isosch``: every ``sch:ns`` and
``sch:pattern`` the RELAX NG embeds, as the TEI release tools do), into
``CACHE/schemas/tei_all/4.12.0/``. ``--schema tei_all`` then uses both files, offline.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import SchemaError, SchemaNotFound, TeiEncodeError
from ..xmlio import safe_parser, write_atomic
from .cache import cache_dir, sha256_file, url_cache_path

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
RNG_NS = "http://relaxng.org/ns/structure/1.0"


class FetchError(TeiEncodeError, OSError):
    """A named schema could not be downloaded, or its checksum does not match."""


@dataclass(frozen=True)
class NamedSchema:
    """A schema known by name: the release file to download and its pinned checksum."""

    name: str
    version: str
    base_url: str
    grammar: str
    sha256: str

    def directory(self) -> Path:
        """Where the fetched files live in the cache."""
        return cache_dir() / "schemas" / self.name / self.version

    def files(self) -> list[Path]:
        """The cached RELAX NG grammar and its extracted Schematron."""
        grammar = self.directory() / self.grammar
        return [grammar, grammar.with_suffix(".isosch")]


NAMED = {
    "tei_all": NamedSchema(
        "tei_all",
        "4.12.0",
        "https://www.tei-c.org/Vault/P5/4.12.0/xml/tei/custom/schema/relaxng/",
        "tei_all.rng",
        "b0f115095ead2ccc6933aa3365c6f4a82cba3b2ec7eee7f76bb616d7a63b7e48",
    ),
}


def fetch_command(name: str) -> str:
    """The command that fills the cache for a named schema."""
    return f"tei-encode schema fetch {name}"


def named_schema_files(name: str) -> list[Path]:
    """The cached files of a named schema; ``SchemaNotFound`` (saying how to fetch it) when absent."""
    schema = NAMED[name]
    files = schema.files()
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise SchemaNotFound(
            f"schema {name!r} ({schema.grammar} of TEI P5 {schema.version}) is not in the cache "
            f"{schema.directory()}; fetch it once with: {fetch_command(name)}"
        )
    return files


def fetch(name: str, source: str | None = None, timeout: float = 60.0, *, force: bool = False) -> list[Path]:
    """Put a named schema into the cache, verify its checksum, extract its Schematron.

    ``source`` is where the release file comes from: a file, a directory holding it, or a URL (of
    the file, or of a directory holding it); by default the TEI's release archive. Nothing is read
    when the cache already holds the pinned file (unless ``force``).
    """
    schema = NAMED[name]
    grammar_path, schematron_path = schema.files()
    cached = schematron_path.is_file() and grammar_path.is_file()
    if not force and cached and sha256_file(grammar_path) == schema.sha256:
        return [grammar_path, schematron_path]
    origin, data = _release_file(schema, source or schema.base_url, timeout)
    found = hashlib.sha256(data).hexdigest()
    if found != schema.sha256:
        raise FetchError(
            f"{origin}: checksum mismatch: expected sha256 {schema.sha256} for {schema.grammar} "
            f"of TEI P5 {schema.version}, got {found}; nothing was written"
        )
    schematron = extract_schematron(data, f"{schema.grammar} of TEI P5 {schema.version}")
    write_atomic(grammar_path, data)
    write_atomic(schematron_path, schematron)
    return [grammar_path, schematron_path]


def _release_file(schema: NamedSchema, source: str, timeout: float) -> tuple[str, bytes]:
    """Where the release file was read from and its bytes: a URL, a file or a directory holding it."""
    if source.startswith(("http://", "https://")):
        url = source if source.endswith(Path(schema.grammar).suffix) else source.rstrip("/") + "/" + schema.grammar
        return url, download(url, timeout)
    path = Path(source)
    if path.is_dir():
        path = path / schema.grammar
    try:
        return str(path), path.read_bytes()
    except OSError as exc:
        raise FetchError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def extract_schematron(grammar: bytes, source: str) -> bytes:
    """An ISO Schematron schema (XPath 2) of the ``sch:ns`` and ``sch:pattern`` a RELAX NG grammar embeds."""
    try:
        root = etree.fromstring(grammar, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise SchemaError(f"{source}: not well-formed: {exc}") from exc
    schema = etree.Element(f"{{{SCH_NS}}}schema", nsmap={"sch": SCH_NS}, queryBinding="xslt2")
    etree.SubElement(schema, f"{{{SCH_NS}}}title").text = f"ISO Schematron rules extracted from {source}"
    declared: set[tuple[str | None, str | None]] = set()
    for ns in root.iter(f"{{{SCH_NS}}}ns"):
        pair = (ns.get("prefix"), ns.get("uri"))
        if pair not in declared:
            declared.add(pair)
            etree.SubElement(schema, f"{{{SCH_NS}}}ns", prefix=pair[0] or "", uri=pair[1] or "")
    for prefix, uri in sorted(root.nsmap.items(), key=lambda item: item[0] or ""):
        if prefix and (prefix, uri) not in declared and uri not in (RNG_NS, SCH_NS):
            declared.add((prefix, uri))
            etree.SubElement(schema, f"{{{SCH_NS}}}ns", prefix=prefix, uri=uri)
    for pattern in root.iter(f"{{{SCH_NS}}}pattern"):
        schema.append(_copy(pattern))
    return bytes(etree.tostring(schema, encoding="UTF-8", xml_declaration=True, pretty_print=True))


def _copy(element: etree._Element) -> etree._Element:
    """A copy of ``element`` that keeps the namespace declarations in scope (XPath prefixes need them)."""
    return etree.fromstring(etree.tostring(element))


def fetch_url(url: str, timeout: float = 60.0) -> Path:
    """Download the schema at ``url`` into the cache, where ``<?xml-model?>`` lookups find it."""
    target = url_cache_path(url)
    write_atomic(target, download(url, timeout))
    return target


def download(url: str, timeout: float) -> bytes:
    """The bytes at an http(s) URL; ``FetchError`` for any other scheme or a failed download."""
    import urllib.error  # only here: 25 ms of imports every validation run would pay
    import urllib.request

    if not url.startswith(("https://", "http://")):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (scheme checked above)
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(f"{url}: cannot download: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise FetchError(f"{url}: cannot download: {getattr(exc, 'reason', exc)}") from exc
