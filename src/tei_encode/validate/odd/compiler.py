"""An ODD customisation compiled to RELAX NG and ISO Schematron by the TEI Stylesheets, run by Saxon.

The TEI's own pipeline, as its ``teitorng`` and ``teitoschematron`` scripts run it: ``odd2odd.xsl``
merges the customisation with the specifications it customises (the cached P5 subset, unless the
ODD names another source), ``odd2relax.xsl`` writes the grammar and ``extract-isosch.xsl`` the
Schematron of its constraints. Results are cached under ``CACHE/odd/KEY/``, beside a copy of the
ODD (which documents them, for ``--conformance``), the key made of the ODD's bytes, those of the
local files it names, the Stylesheets' version and the subset's fingerprint, so an ODD is
compiled once until one of them changes. Nothing is fetched: an ODD naming a source or an
external grammar by URL, or a TEI release other than the cached one, is refused with what to do.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from ...errors import SchemaError, SchemaNotFound
from ...xmlio import TEI_NS, UnsafeXML, check_doctype, safe_parser, write_atomic
from .. import saxon
from ..cache import cache_dir, entry_key
from .tools import P5SUBSET, STYLESHEETS, subset_file, subset_server, tool_directory

# The Stylesheets' steps: (stylesheet under odds/, what it makes).
_STEPS = (("odd2odd.xsl", "compiled.odd"), ("odd2relax.xsl", "rng"), ("extract-isosch.xsl", "isosch"))
_EXECUTABLES: dict[tuple[Path, str], Any] = {}
_ID_ERRORS = frozenset({"DTD_XMLID_VALUE", "DTD_ID_REDEFINED"})
# When the Stylesheets ran, which they write into comments; left out, so the same ODD gives the same bytes.
_TIMESTAMP = re.compile(r"\s*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
_INSTEAD = "or compile it with the TEI's tools and pass the result: --schema compiled.rng"


def compiled_odd(odd: Path) -> list[Path]:
    """The RELAX NG grammar and ISO Schematron of an ODD customisation, compiled now or from the cache.

    Raises ``SchemaNotFound`` when the ODD, the Stylesheets or the P5 subset are missing (saying
    how to fetch them) and ``SchemaError`` when the ODD is not one or does not compile.
    """
    tree = _specification(odd)
    sources = _local_sources(tree, odd)
    stylesheets, subset = _tools(odd, needs_subset=_uses_subset(tree))
    key = entry_key(
        "odd",
        STYLESHEETS.version,
        P5SUBSET.fingerprint if subset else "",
        *(hashlib.sha256(path.read_bytes()).hexdigest() for path in [odd, *sources]),
    )
    target = cache_dir() / "odd" / key
    grammar, schematron = target / f"{odd.stem}.rng", target / f"{odd.stem}.isosch"
    if not (grammar.is_file() and schematron.is_file()):
        outputs = _run(odd, stylesheets, subset)
        # The ODD beside its schemas, as in a project: ``--conformance`` finds the ODD documenting them there.
        write_atomic(grammar.with_suffix(".odd"), odd.read_bytes())
        write_atomic(schematron, outputs["isosch"])
        write_atomic(grammar, outputs["rng"])
    return [grammar, schematron]


def _tools(odd: Path, *, needs_subset: bool) -> tuple[Path, Path | None]:
    """The cached Stylesheets and P5 subset (when needed); ``SchemaNotFound`` naming every fetch still to run."""
    stylesheets = _cached(lambda: tool_directory(STYLESHEETS))
    subset = _cached(subset_file) if needs_subset else None
    if stylesheets is None or (needs_subset and subset is None):
        missing = [STYLESHEETS] if stylesheets is None else []
        missing += [P5SUBSET] if needs_subset and subset is None else []
        raise SchemaNotFound(
            f"{odd}: ODDs are compiled with the TEI Stylesheets, and the cache {cache_dir()} lacks "
            + " and ".join(f"{tool.name} {tool.version} (`{tool.fetch_command()}`)" for tool in missing)
            + f": fetch once, or offline with --from FILE|DIR; {_INSTEAD}"
        )
    return stylesheets, subset


def _cached(find: Callable[[], Path]) -> Path | None:
    try:
        return find()
    except SchemaNotFound:
        return None


def _specification(odd: Path) -> etree._ElementTree:
    """The ODD, parsed safely; ``SchemaError`` when it is not well-formed or not an ODD with a ``schemaSpec``.

    ``xml:id`` values that are not NCNames or used twice are let through: they are the ODD's
    business, and the Stylesheets' parser does not check them either.
    """
    parser = safe_parser(recover=True)
    try:
        tree = etree.parse(str(odd), parser)
    except OSError as exc:
        raise SchemaNotFound(f"{odd}: cannot read: {exc.strerror or exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise SchemaError(f"{odd}:{exc.lineno}: {exc.msg}") from exc
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR and e.type_name not in _ID_ERRORS]
    if errors:
        raise SchemaError(f"{odd}:{errors[0].line}: {errors[0].message}")
    try:
        check_doctype(tree, str(odd))
    except UnsafeXML as exc:
        raise SchemaError(f"{odd}: {exc.msg}") from exc
    if tree.find(f".//{{{TEI_NS}}}schemaSpec") is None:
        raise SchemaError(f"{odd}: no <schemaSpec>, so not an ODD customisation")
    return tree


def _local_sources(tree: etree._ElementTree, odd: Path) -> list[Path]:
    """The local files the ODD takes specifications (``@source``) or grammars (``moduleRef/@url``) from.

    Each must be there. A URL is refused (validation never fetches anything), and so is a TEI
    release (``tei:4.12.0``) other than the cached subset's.
    """
    found: list[Path] = []
    for element, attribute in _references(tree):
        value = element.get(attribute, "").strip()
        where = f"{odd}:{element.sourceline}: {attribute}={value!r}"
        if value.startswith(("http://", "https://")):
            raise SchemaError(
                f"{where}: nothing is fetched from a URL while validating; save it beside the ODD, {_INSTEAD}"
            )
        if value.startswith("tei:"):
            if value != f"tei:{P5SUBSET.version}":
                raise SchemaNotFound(
                    f"{where}: the ODD asks for TEI P5 {value[4:]}, but the Stylesheets run with the P5 subset of "
                    f"{P5SUBSET.version} (`{P5SUBSET.fetch_command()}`): name that release, or a local copy of "
                    f'the p5subset.xml of {value[4:]} (source="p5subset.xml"), {_INSTEAD}'
                )
            continue
        path = (odd.parent / value.removeprefix("file://")).resolve()
        if not path.is_file():
            raise SchemaNotFound(f"{where}: no such file ({path})")
        found.append(path)
    return found


def _uses_subset(tree: etree._ElementTree) -> bool:
    """Whether some part of the ODD takes its specifications from the TEI's: no ``@source``, or ``tei:``."""
    if any(not spec.get("source", "").strip() for spec in tree.iter(f"{{{TEI_NS}}}schemaSpec")):
        return True
    return any(e.get(a, "").strip().startswith("tei:") for e, a in _references(tree) if a == "source")


def _references(tree: etree._ElementTree) -> Iterator[tuple[etree._Element, str]]:
    """Where the ODD names what it is made from: ``@source`` of a ``*Spec`` or ``*Ref``, ``@url`` of a ``moduleRef``.

    Only TEI elements: an example in the ODD (``egXML``) may show others.
    """
    for element in tree.iter(f"{{{TEI_NS}}}*"):
        name = etree.QName(element).localname
        if element.get("source", "").strip() and name.endswith(("Spec", "Ref")):
            yield element, "source"
        if element.get("url", "").strip() and name == "moduleRef":
            yield element, "url"


def _run(odd: Path, stylesheets: Path, subset: Path | None) -> dict[str, bytes]:
    """The outputs of the Stylesheets' three steps for ``odd``; ``SchemaError`` with their messages."""
    from saxonche import PySaxonApiError

    outputs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="tei-encode-odd-") as work:
        source = odd
        for stylesheet, made in _STEPS:
            executable = _executable(stylesheets, stylesheet)
            executable.clear_parameters()
            if stylesheet == "odd2odd.xsl" and subset is not None:
                server = saxon.processor().make_string_value(subset_server(subset))
                executable.set_parameter("defaultSource", saxon.processor().make_string_value(subset.as_uri()))
                executable.set_parameter("defaultTEIServer", server)
            output = Path(work) / made
            try:
                executable.transform_to_file(source_file=str(source), output_file=str(output))
            except PySaxonApiError as exc:
                said = _messages(executable, exc)
                raise SchemaError(f"{odd}: the TEI Stylesheets' {stylesheet} stopped: {said}") from None
            finally:
                executable.clear_xsl_messages()
            if stylesheet == "odd2odd.xsl":
                source = output
            else:
                outputs[made] = _without_timestamps(output)
    return outputs


def _without_timestamps(output: Path) -> bytes:
    """The output's bytes, the times in its comments left out."""
    tree = etree.parse(str(output), safe_parser())
    for comment in tree.iter(etree.Comment):
        comment.text = _TIMESTAMP.sub("", comment.text or "")
    return bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True)) + b"\n"


def _executable(stylesheets: Path, name: str) -> Any:
    """A Stylesheets step compiled once per process, its messages kept rather than printed."""
    key = (stylesheets, name)
    if key not in _EXECUTABLES:
        compiler = saxon.processor().new_xslt30_processor()
        executable = compiler.compile_stylesheet(stylesheet_file=str(stylesheets / "odds" / name))
        executable.set_save_xsl_message(True)
        _EXECUTABLES[key] = executable
    return _EXECUTABLES[key]


def _messages(executable: Any, exc: BaseException) -> str:
    """What the Stylesheets said before they stopped (their ``xsl:message``), else Saxon's error."""
    said = executable.get_xsl_messages()
    text = " ".join(str(said).split()) if said is not None else ""
    return text or " ".join(str(exc).split())
