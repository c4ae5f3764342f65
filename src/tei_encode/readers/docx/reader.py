"""Reader for Word files (``.docx``): the OOXML parts read directly, formatting and revisions kept.

python-docx exposes neither footnotes, comments nor tracked changes, so the parts are read with
lxml, through ``archive.open_package``, which refuses hostile archives. The main document gives
the divisions (``body``), its footnotes and endnotes become notes at their anchors numbered as
Word numbers them, comments become editorial notes by their authors, and the core properties
(title, author, dates) go to the header.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from lxml import etree

from ...diagnostics import Reporter
from ...model import Block, Division, Document, FileProperties, Span
from ..blocks import document_id
from .archive import DocxError, Package, is_zip, open_package
from .body import BodyReader, Numbering
from .paragraphs import Anchors, ParagraphReader, Text
from .styles import Styles, w

WANTED = ("styles", "numbering", "footnotes", "endnotes", "comments", "settings", "core-properties")
CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")
# Word's default numbering of notes when the file sets none: footnotes 1, 2, 3; endnotes i, ii, iii.
DEFAULT_FORMATS: dict[str, str] = {"footnote": "decimal", "endnote": "lowerRoman"}


class DocxReader:
    """Word files (Office Open XML word-processing documents)."""

    name = "docx"
    binary = True

    def detect_bytes(self, data: bytes) -> bool:
        """Whether ``data`` is a ZIP archive (whether it is a Word one is told by ``read_bytes``)."""
        return is_zip(data)

    def read_bytes(self, data: bytes, source: str, reporter: Reporter) -> list[Document]:
        """The one document a Word file holds; ``DocxError`` (naming the part) when it is refused."""
        package = open_package(data, source, WANTED)
        for notice in package.notices:
            reporter.info("docx-external", notice)
        styles = Styles.from_part(package.related(package.document_part, "styles"))
        rels = package.relationships.get(package.document_part, {})
        anchors = Anchors(
            note_text=_no_note,
            comment=_no_comment,
            hyperlinks={r.id: r.target for r in rels.values() if r.type == "hyperlink"},
            note_formats=_note_formats(package),
        )
        paragraphs = ParagraphReader(styles, anchors)
        anchors.note_text = _NoteText(package, paragraphs).note
        anchors.comment = _Comments(package, paragraphs).comment
        body = package.parts[package.document_part].find(w("body"))
        if body is None:
            raise DocxError(source, "the main document has no body", package.document_part)
        numbering = Numbering.from_part(package.related(package.document_part, "numbering"))
        divisions = BodyReader(paragraphs, styles, numbering).read(body)
        for target in anchors.unsafe_links:
            reporter.warning("docx-link", f"hyperlink target {target!r} is no web or mail address; kept as text only")
        properties = _properties(package)
        text = "\n".join(b.text for d in divisions for b in d.blocks)
        title = Block("title", properties.title or _first_heading(divisions) or PurePath(source).stem)
        document = Document(
            id=document_id(source),
            source=source,
            genre="text",
            lang=_language(text),
            title=title,
            divisions=divisions,
            revisions=sorted(anchors.revisions.values(), key=lambda r: int(r.key[2:])),
            properties=properties,
        )
        return [document]


def _no_note(kind: str, ident: str) -> tuple[str, list[Span]]:
    return "", []


def _no_comment(ident: str) -> tuple[str, list[Span], str] | None:
    return None


class _NoteText:
    """Footnote and endnote texts by id, read once with the document's paragraph reader."""

    def __init__(self, package: Package, paragraphs: ParagraphReader) -> None:
        self.parts = {kind: package.related(package.document_part, f"{kind}s") for kind in ("footnote", "endnote")}
        self.paragraphs = paragraphs

    def note(self, kind: str, ident: str) -> tuple[str, list[Span]]:
        part = self.parts.get(kind)
        if part is None:
            return "", []
        for note in part.iter(w(kind)):
            if note.get(w("id")) == ident:
                return _paragraphs_text(self.paragraphs, note)
        return "", []


class _Comments:
    """Comment texts and authors by id."""

    def __init__(self, package: Package, paragraphs: ParagraphReader) -> None:
        self.part = package.related(package.document_part, "comments")
        self.paragraphs = paragraphs

    def comment(self, ident: str) -> tuple[str, list[Span], str] | None:
        if self.part is None:
            return None
        for comment in self.part.iter(w("comment")):
            if comment.get(w("id")) == ident:
                text, spans = _paragraphs_text(self.paragraphs, comment)
                return text, spans, comment.get(w("author"), "")
        return None


def _paragraphs_text(paragraphs: ParagraphReader, parent: etree._Element) -> tuple[str, list[Span]]:
    """The paragraphs of a note or comment as lines of one text, leading and trailing space trimmed."""
    whole = Text()
    for k, p in enumerate(parent.iter(w("p"))):
        if k:
            whole.append("\n")
        text = paragraphs.read(p)
        whole.insert(text.value(), text.spans)
    value = whole.value()
    lead = len(value) - len(value.lstrip())
    trimmed = value.strip()
    spans = [
        Span(max(s.start - lead, 0), min(s.end - lead, len(trimmed)), s.kind, s.attrs)
        for s in whole.spans
        if s.end - lead > 0 and s.start - lead < len(trimmed)
    ]
    return trimmed, spans


def _properties(package: Package) -> FileProperties:
    core = package.related("", "core-properties")
    if core is None:
        return FileProperties()

    def value(prefix: str, name: str) -> str:
        el = core.find(f"{{{CORE[prefix]}}}{name}")
        return " ".join((el.text or "").split()) if el is not None else ""

    return FileProperties(
        title=value("dc", "title"),
        creator=value("dc", "creator"),
        modified_by=value("cp", "lastModifiedBy"),
        created=value("dcterms", "created"),
        modified=value("dcterms", "modified"),
        subject=value("dc", "subject"),
        description=value("dc", "description"),
    )


def _first_heading(divisions: list[Division]) -> str:
    """The text of the file's first heading, if it has one (a title when the properties give none)."""
    for division in divisions:
        for block in division.blocks:
            if block.kind == "head":
                return " ".join(block.text.split())
    return ""


def _language(text: str) -> str:
    """``ru`` when the text has more Cyrillic letters than Latin ones, else ``en``."""
    return "ru" if len(CYRILLIC.findall(text)) > len(LATIN.findall(text)) else "en"


def _note_formats(package: Package) -> dict[str, str]:
    """How the file numbers footnotes and endnotes (settings, then the last section's properties)."""
    formats = dict(DEFAULT_FORMATS)
    sources = [package.related(package.document_part, "settings"), package.parts[package.document_part]]
    for root in sources:
        if root is None:
            continue
        for kind in formats:
            for props in root.iter(w(f"{kind}Pr")):
                fmt = props.find(w("numFmt"))
                if fmt is not None and fmt.get(w("val")):
                    formats[kind] = fmt.get(w("val"), formats[kind])
    return formats
