"""A Word file's ZIP archive opened defensively: bounded inflation, safe XML, no external content.

A ``.docx`` is a ZIP archive of XML parts. Whatever a hostile archive holds is refused with a
``DocxError`` naming the file and the part, before it can cost more than bounded time and memory:

- not a ZIP archive, a truncated or corrupt one, or one with no main document part;
- a part that inflates past ``MAX_PART_BYTES``, an archive past ``MAX_TOTAL_BYTES`` or
  ``MAX_MEMBERS`` members, or a part whose inflation ratio passes ``MAX_RATIO`` (a ZIP bomb).
  Sizes are counted while inflating, never taken from the archive's own (forgeable) headers;
- a document type declaration or entity declaration in any part read (XXE, "billion laughs");
- an external relationship that would pull content from elsewhere (a subdocument, an externally
  linked picture or object). Hyperlinks are not content: they become ``ref/@target``. A link to
  the template the file was made from is never followed and only reported.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from ...errors import ReaderError
from ...xmlio import safe_parser

ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200
# Parts smaller than this are never judged by their ratio: a few kilobytes of repeated markup compress well.
RATIO_FLOOR = 1024 * 1024
CHUNK = 64 * 1024

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
# External targets that are references, not content to fetch.
EXTERNAL_REFERENCES = frozenset({"hyperlink"})
EXTERNAL_IGNORED = frozenset({"attachedTemplate"})


class DocxError(ReaderError):
    """A Word file refused or unreadable, with the part the problem is in."""

    def __init__(self, file: str, reason: str, part: str = "") -> None:
        self.file, self.reason, self.part = file, reason, part
        super().__init__(f"{file}{f' ({part})' if part else ''}: {reason}")


def is_zip(data: bytes) -> bool:
    """Whether ``data`` starts like a ZIP archive."""
    return data[:4] in ZIP_SIGNATURES


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its id, type (last path step), target and whether it points outside."""

    id: str
    type: str
    target: str
    external: bool


@dataclass
class Package:
    """The parts of one Word file that the reader uses, parsed; ``notices`` are what it ignored on purpose."""

    file: str
    document_part: str
    parts: dict[str, etree._Element] = field(default_factory=dict)
    relationships: dict[str, dict[str, Relationship]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    def part(self, name: str) -> etree._Element | None:
        """A parsed part by its name in the archive, if present."""
        return self.parts.get(name)

    def related(self, source: str, kind: str) -> etree._Element | None:
        """The part that ``source`` relates to by a relationship of type ``kind`` (e.g. ``footnotes``)."""
        for rel in self.relationships.get(source, {}).values():
            if rel.type == kind and not rel.external:
                return self.parts.get(_resolve(source, rel.target))
        return None


def open_package(data: bytes, file: str, wanted: tuple[str, ...]) -> Package:
    """Open the archive in ``data`` and parse its main document and the related parts of the types ``wanted``."""
    if not is_zip(data):
        raise DocxError(file, "not a Word file: no ZIP archive signature (a .docx is a ZIP archive)")
    archive = _Archive(data, file)
    root_rels = archive.relationships("")
    main = next((r for r in root_rels.values() if r.type == "officeDocument" and not r.external), None)
    document_part = _resolve("", main.target) if main else "word/document.xml"
    if document_part not in archive.names:
        raise DocxError(file, "no main document part: the archive is not a Word document", document_part)
    package = Package(file, document_part)
    package.relationships[""] = root_rels
    package.parts[document_part] = archive.xml(document_part)
    package.relationships[document_part] = archive.relationships(document_part)
    for rel in package.relationships[document_part].values():
        target = _resolve(document_part, rel.target)
        if rel.type in wanted and not rel.external and target in archive.names:
            package.parts[target] = archive.xml(target)
            package.relationships[target] = archive.relationships(target)
    for rel in root_rels.values():
        target = _resolve("", rel.target)
        if rel.type in wanted and not rel.external and target in archive.names:
            package.parts[target] = archive.xml(target)
    package.notices.extend(archive.check_external())
    return package


class _Archive:
    """The ZIP archive with bounded reads."""

    def __init__(self, data: bytes, file: str) -> None:
        self.file = file
        self.inflated = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as error:
            raise DocxError(file, f"not a readable ZIP archive (truncated or corrupt): {error}") from None
        if len(infos) > MAX_MEMBERS:
            raise DocxError(file, f"{len(infos)} members in the archive; more than {MAX_MEMBERS} refused")
        self.infos = {info.filename: info for info in infos}
        self.names = frozenset(self.infos)

    def read(self, name: str) -> bytes:
        """The inflated bytes of one member, counted as they inflate."""
        info = self.infos[name]
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    self._check_size(name, size, info.compress_size)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise DocxError(
                self.file, f"the part cannot be inflated (truncated or corrupt archive): {error}", name
            ) from None
        except (NotImplementedError, RuntimeError) as error:  # encrypted members raise RuntimeError
            raise DocxError(
                self.file, f"the part uses an unsupported compression or encryption: {error}", name
            ) from None
        self.inflated += size
        if self.inflated > MAX_TOTAL_BYTES:
            raise DocxError(self.file, f"the parts read inflate past {MAX_TOTAL_BYTES} bytes; refused", name)
        return b"".join(chunks)

    def _check_size(self, name: str, size: int, compressed: int) -> None:
        if size > MAX_PART_BYTES:
            raise DocxError(self.file, f"the part inflates past {MAX_PART_BYTES} bytes; refused as a ZIP bomb", name)
        if size > RATIO_FLOOR and size > MAX_RATIO * max(compressed, 1):
            raise DocxError(
                self.file,
                f"the part inflates more than {MAX_RATIO} times its compressed size; refused as a ZIP bomb",
                name,
            )

    def xml(self, name: str) -> etree._Element:
        """One member parsed as XML, refusing document type and entity declarations."""
        data = self.read(name)
        try:
            tree = etree.fromstring(data, safe_parser()).getroottree()
        except etree.XMLSyntaxError as error:
            raise DocxError(self.file, f"the part is not well-formed XML: {error}", name) from None
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            raise DocxError(self.file, "a document type or entity declaration in the part; refused", name)
        return tree.getroot()

    def relationships(self, part: str) -> dict[str, Relationship]:
        """The relationships of ``part`` (``""`` for the package's own), by id."""
        name = _rels_name(part)
        return {rel.id: rel for rel in self.relationships_in(name)} if name in self.names else {}

    def relationships_in(self, name: str) -> list[Relationship]:
        """The relationships listed in the ``.rels`` member ``name``."""
        return [
            Relationship(
                el.get("Id", ""),
                el.get("Type", "").rsplit("/", 1)[-1],
                el.get("Target", ""),
                el.get("TargetMode") == "External",
            )
            for el in self.xml(name).iter(f"{{{REL_NS}}}Relationship")
        ]

    def check_external(self) -> list[str]:
        """Refuse external relationships that pull in content anywhere in the archive; notices for those ignored."""
        notices = []
        for name in sorted(n for n in self.names if n.endswith(".rels")):
            for rel in self.relationships_in(name):
                if not rel.external or rel.type in EXTERNAL_REFERENCES:
                    continue
                if rel.type in EXTERNAL_IGNORED:
                    notices.append(f"{name}: external {rel.type} {rel.target!r} ignored (never fetched)")
                    continue
                raise DocxError(
                    self.file,
                    f"an external relationship ({rel.type} to {rel.target!r}) would pull in content "
                    "from outside the file; refused",
                    name,
                )
        return notices


def _rels_name(part: str) -> str:
    """``word/document.xml`` -> ``word/_rels/document.xml.rels``; ``""`` -> ``_rels/.rels``."""
    if not part:
        return "_rels/.rels"
    path = PurePosixPath(part)
    return str(path.parent / "_rels" / f"{path.name}.rels").lstrip("./")


def _resolve(source: str, target: str) -> str:
    """A relationship target relative to its source part, as a member name."""
    if target.startswith("/"):
        return target.lstrip("/")
    base = posixpath.dirname(source)
    return posixpath.normpath(posixpath.join(base, target)) if base else posixpath.normpath(target)
