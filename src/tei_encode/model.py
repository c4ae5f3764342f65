"""The document model: plain text blocks with annotation spans, free of XML.

Readers build it, enrichers add spans to it, writers turn it into TEI. Inline
markup is held as spans (start, end, kind, attributes) over a block's text, so
enrichers work on plain strings with offsets and no character of the source can
be lost on the way to the writer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

# Span kinds the writer knows, with the TEI element each becomes.
SPAN_KINDS: Mapping[str, str] = {
    "person": "persName",
    "place": "placeName",
    "org": "orgName",
    "date": "date",
    "time": "time",
    "idno": "idno",
    "del": "del",
    "add": "add",
    "subst": "subst",
    "supplied": "supplied",
    "gap": "gap",
    "unclear": "unclear",
    "hi": "hi",
    "title": "title",
    "bibl": "bibl",
    "noteref": "ref",
    "quote": "quote",
    "stamp": "stamp",
    "link": "ref",
}


@dataclass(frozen=True, order=True)
class Span:
    """An annotation over ``text[start:end]`` of one block."""

    start: int
    end: int
    kind: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str = "") -> str:
        """The value of one attribute, or ``default``."""
        return dict(self.attrs).get(name, default)

    def covers(self, other: Span) -> bool:
        """Whether this span contains ``other``."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this span shares at least one character with ``start:end``."""
        return self.start < end and start < self.end


def span(start: int, end: int, kind: str, **attrs: str) -> Span:
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

    def spans_of(self, kind: str) -> list[Span]:
        """The spans of one kind, in text order."""
        return sorted(s for s in self.spans if s.kind == kind)

    def is_free(self, start: int, end: int, *kinds: str) -> bool:
        """Whether no span of the given kinds (any kind if none) overlaps ``start:end``."""
        return not any(s.overlaps(start, end) and (not kinds or s.kind in kinds) for s in self.spans)


@dataclass
class Division:
    """An ordered group of blocks: one transcription, the notes, the metadata."""

    kind: str
    blocks: list[Block] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Party:
    """A sender, addressee or place of a letter: the name as written and its register key."""

    kind: str
    name: str
    key: str = ""


@dataclass
class Correspondence:
    """Who wrote to whom, from where and when (ISO values)."""

    senders: list[Party] = field(default_factory=list)
    addressees: list[Party] = field(default_factory=list)
    places: list[Party] = field(default_factory=list)
    date: dict[str, str] = field(default_factory=dict)


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
    meta: dict[str, str] = field(default_factory=dict)
    correspondence: Correspondence | None = None

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
    for key, value in sorted(document.meta.items()):
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
        lines.append(f"  correspondence date {sorted(c.date.items())}")
    return "\n".join(lines) + "\n"


def _dump_block(block: Block, label: str) -> list[str]:
    attrs = " ".join(f"{k}={v}" for k, v in sorted(block.attrs.items()))
    out = [f"{label} {attrs}".rstrip() + f": {block.text!r}"]
    indent = " " * (len(label) - len(label.lstrip()) + 2)
    for s in sorted(block.spans, key=lambda s: (s.start, -s.end, s.kind)):
        extra = " ".join(f"{k}={v}" for k, v in s.attrs)
        out.append(f"{indent}{s.kind} {s.start}:{s.end} {block.text[s.start : s.end]!r} {extra}".rstrip())
    return out
