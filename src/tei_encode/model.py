"""The document model: plain text blocks with annotation spans, free of XML.

Readers build it, enrichers add spans to it, writers turn it into TEI. Inline
markup is held as spans (start, end, kind, attributes) over a block's text, so
enrichers work on plain strings with offsets and no character of the source can
be lost on the way to the writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Literal, get_args

SpanKind = Literal[
    "person",  # a person named
    "place",  # a place named
    "org",  # an organisation named
    "date",  # a calendar date, with its ISO value
    "time",  # a time of day
    "idno",  # an identifier: an archival citation or one of its parts, a document number
    "del",  # text struck out
    "add",  # text written in
    "subst",  # a deletion replaced by an insertion
    "supplied",  # text an editor supplied
    "gap",  # text left out or illegible
    "unclear",  # text hard to read
    "hi",  # text set apart (bold, underlined ...)
    "title",  # the title of a work
    "bibl",  # a reference to a printed work
    "noteref",  # a footnote reference
    "label",  # the number a note is labelled with
    "quote",  # a quotation
    "stamp",  # a stamp or printed mark
    "link",  # a web address
    "glue",  # a word that span boundaries cut in two (the source ran two words together)
    "note",  # a note at its anchor, its text in the span (a Word file's footnote, endnote or comment)
    "pb",  # a page break inside a block (an empty span)
]
"""What a span marks: the model's own vocabulary, which the writers map to their formats' elements."""

SPAN_KINDS: tuple[SpanKind, ...] = get_args(SpanKind)
"""Every span kind, in the order of ``SpanKind``."""


@dataclass(frozen=True, order=True)
class Span:
    """An annotation over ``text[start:end]`` of one block."""

    start: int
    end: int
    kind: SpanKind
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str = "") -> str:
        """The value of one attribute, or ``default``."""
        for key, value in reversed(self.attrs):  # the last of a name, as a dict of them would keep; no dict made
            if key == name:
                return value
        return default

    def covers(self, other: Span) -> bool:
        """Whether this span contains ``other``."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this span shares at least one character with ``start:end``."""
        return self.start < end and start < self.end


def span(start: int, end: int, kind: SpanKind, **attrs: str) -> Span:
    """Build a span; attributes are sorted so equal spans compare equal."""
    return Span(start, end, kind, tuple(sorted((k, v) for k, v in attrs.items() if v != "")))


@dataclass
class Block:
    """A run of source text with one role (paragraph, heading, stamp, note ...)."""

    kind: str
    text: str
    spans: list[Span] = field(default_factory=list)
    line: int = 0
    attrs: dict[str, str] = field(default_factory=dict)

    def add(self, new: Span) -> None:
        """Add a span unless an equal one is there already."""
        if new not in self.spans:
            self.spans.append(new)

    def spans_of(self, kind: SpanKind) -> list[Span]:
        """The spans of one kind, in text order."""
        found = [s for s in self.spans if s.kind == kind]
        if len(found) > 1:  # most blocks hold none or one: no comparison of spans, which runs in Python
            found.sort()
        return found

    def is_free(self, start: int, end: int, *kinds: SpanKind) -> bool:
        """Whether no span of the given kinds (any kind if none) overlaps ``start:end``."""
        return not any(s.overlaps(start, end) and (not kinds or s.kind in kinds) for s in self.spans)


@dataclass
class Division:
    """An ordered group of blocks: one transcription, the notes, the metadata."""

    kind: str
    blocks: list[Block] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentDate:
    """When a document was written, as ISO 8601 values: a date (``1951-09-26``, ``1920-08``), or bounds."""

    when: str = ""
    not_before: str = ""
    not_after: str = ""

    def __bool__(self) -> bool:
        return bool(self.when or self.not_before or self.not_after)


PartyKind = Literal["person", "place", "org"]
"""What a party of a letter is."""


@dataclass(frozen=True)
class Party:
    """A sender, addressee or place of a letter: the name as written and its register key."""

    kind: PartyKind
    name: str
    key: str = ""


@dataclass
class Correspondence:
    """Who wrote to whom, from where and when (ISO values)."""

    senders: list[Party] = field(default_factory=list)
    addressees: list[Party] = field(default_factory=list)
    places: list[Party] = field(default_factory=list)
    date: DocumentDate = field(default_factory=DocumentDate)


@dataclass
class ArchivalCitation:
    """Where the original is kept: the archive (its current abbreviation) and the parts of the citation."""

    repository: str
    repository_as_written: str = ""  # the archive as the citation names it (``RTsKhIDNI``)
    fond: str = ""
    opis: str = ""
    papka: str = ""
    delo: str = ""
    folios: str = ""
    shelfmark: str = ""  # of an archive that numbers its files in its own way


@dataclass
class Metadata:
    """What readers and enrichers learn about a document beyond its text."""

    number: str = ""  # the number of a letter in its printed collection
    year: int | None = None  # the year of a letter's own dateline, where no date line of the edition dates it
    original_language: str = ""  # the language an export says the original is in (its code)
    export_id: str = ""  # the identifier of an export in its archive
    contents_label: str = ""  # the label of an export's contents
    date: DocumentDate = field(default_factory=DocumentDate)  # the document's own date
    archival: ArchivalCitation | None = None  # the citation of the original


@dataclass(frozen=True)
class Revision:
    """A tracked change of the source file: what it did (insertion, deletion, move-from, move-to), by whom, when."""

    key: str
    kind: str
    author: str
    date: str


@dataclass(frozen=True)
class FileProperties:
    """What a source file says of itself (a Word file's core properties)."""

    title: str = ""
    creator: str = ""
    modified_by: str = ""
    created: str = ""
    modified: str = ""
    subject: str = ""
    description: str = ""


@dataclass
class Document:
    """One TEI document to be: header fields as blocks, the text as divisions."""

    id: str
    source: str
    genre: str
    lang: str
    title: Block
    fields: dict[str, Block] = field(default_factory=dict)
    divisions: list[Division] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
    correspondence: Correspondence | None = None
    revisions: list[Revision] = field(default_factory=list)
    properties: FileProperties | None = None

    def blocks(self) -> Iterator[tuple[str, Block]]:
        """Every block with the language it is written in, header fields first."""
        yield self.lang_of(self.title), self.title
        for block in self.fields.values():
            yield self.lang_of(block), block
        for division in self.divisions:
            for block in division.blocks:
                yield block.attrs.get("lang") or division.attrs.get("lang") or self.lang, block

    def lang_of(self, block: Block) -> str:
        """The language of a header block (its own, else the document's)."""
        return block.attrs.get("lang") or self.lang


def dump(document: Document) -> str:
    """A deterministic, indented text dump of the model, for tests and ``--debug-model``."""
    lines = [f"document {document.id} genre={document.genre} lang={document.lang} source={document.source}"]
    for key, value in _flat(document.meta):
        lines.append(f"  meta {key}={value}")
    lines.extend(_dump_block(document.title, "  title"))
    for name, block in document.fields.items():
        lines.extend(_dump_block(block, f"  field {name}"))
    for division in document.divisions:
        attrs = " ".join(f"{k}={v}" for k, v in sorted(division.attrs.items()))
        lines.append(f"  division {division.kind} {attrs}".rstrip())
        for block in division.blocks:
            lines.extend(_dump_block(block, "    " + block.kind))
    if document.correspondence:
        c = document.correspondence
        for role, parties in (("sent", c.senders), ("received", c.addressees), ("place", c.places)):
            for party in parties:
                lines.append(f"  correspondence {role} {party.kind} {party.name!r} key={party.key}")
        lines.append(f"  correspondence date {list(_flat(c.date))}")
    return "\n".join(lines) + "\n"


def _flat(record: Metadata | DocumentDate | ArchivalCitation, prefix: str = "") -> Iterator[tuple[str, str]]:
    """The set fields of a metadata record (``original-language``), nested ones as ``outer.inner``, sorted."""
    items: list[tuple[str, str]] = []
    for f in fields(record):
        value = getattr(record, f.name)
        name = prefix + f.name.replace("_", "-")
        if isinstance(value, DocumentDate | ArchivalCitation):
            items.extend(_flat(value, f"{name}."))
        elif value not in ("", None):
            items.append((name, str(value)))
    return iter(sorted(items))


def _dump_block(block: Block, label: str) -> list[str]:
    attrs = " ".join(f"{k}={v}" for k, v in sorted(block.attrs.items()))
    out = [f"{label} {attrs}".rstrip() + f": {block.text!r}"]
    indent = " " * (len(label) - len(label.lstrip()) + 2)
    for s in sorted(block.spans, key=lambda s: (s.start, -s.end, s.kind)):
        extra = " ".join(f"{k}={v}" for k, v in s.attrs)
        out.append(f"{indent}{s.kind} {s.start}:{s.end} {block.text[s.start : s.end]!r} {extra}".rstrip())
    return out
