"""Review rows: every decision the converters were unsure of, one row per mention, with a stable id.

A row names the document, the source line, the text with its context, what the
converter proposes and why it is unsure: a person or place the register lacks
(linked to a provisional entry), a bare name several namesakes share, a name a
model or gazetteer proposed (with its confidence), a date whose year was inferred
or left open, a source line a reader dropped or could not place, a deletion or
insertion read from a note. The id hashes the
document id, the kind, the text and its occurrence, never offsets, so it stays the
same when the converters change around it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..diagnostics import Diagnostic
from ..model import Block, Document, Span
from .anchors import Occurrences, Position, document_blocks, line_of, snippet
from .decisions import NAME_KINDS

# Kinds of rows, in the order the page lists them, with their labels.
KINDS = {
    "unregistered": "not in the register",
    "namesake": "ambiguous namesake",
    "proposal": "proposed by a model",
    "date": "date inferred or open",
    "correction": "correction from a note",
    "reader": "line not placed",
}
# Diagnostics the span rows already cover; every other diagnostic with a line is a line a reader could not place.
COVERED_CODES = frozenset(
    {
        "date-year-inferred",
        "date-month-inferred",
        "ambiguous-name",
        "namesake-linked",
        "person-not-in-register",
        "place-not-in-register",
    }
)
# The note of a bare name linked to one of its namesakes by inference: the name, the key and why.
NAMESAKE_LINKED = re.compile(r"'(.+)' is (\S+), (.+)$")
FIELDS = (
    "id",
    "kind",
    "document",
    "source",
    "line",
    "text",
    "occurrence",
    "before",
    "after",
    "proposal",
    "status",
    "decision",
)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One uncertain decision of the converters."""

    id: str
    kind: str
    document: str
    source: str
    line: int
    text: str
    occurrence: int
    before: str
    after: str
    proposal: str
    status: str = "open"
    decision: str = ""  # file:line of the editor's decision, once decided
    position: Position | None = None

    def values(self) -> tuple[str | int, ...]:
        """The row's fields in the order of ``FIELDS`` (without its position in the model)."""
        return (
            self.id,
            self.kind,
            self.document,
            self.source,
            self.line,
            self.text,
            self.occurrence,
            self.before,
            self.after,
            self.proposal,
            self.status,
            self.decision,
        )

    def as_dict(self) -> dict[str, object]:
        """The row's fields for CSV and JSON (without its position in the model)."""
        return dict(zip(FIELDS, self.values(), strict=True))

    def decided(self, where: str) -> ReviewRow:
        """This row, marked as decided by the decision at ``where``."""
        return replace(self, status="decided", decision=where)


def row_id(document: str, kind: str, text: str, occurrence: int) -> str:
    """The stable id of a row: a hash of document id, kind, text and occurrence."""
    return hashlib.sha256(f"{document}\0{kind}\0{' '.join(text.split())}\0{occurrence}".encode()).hexdigest()[:12]


def review_rows(
    document: Document, provisional: Iterable[str], diagnostics: Sequence[Diagnostic], source_lines: Sequence[str]
) -> list[ReviewRow]:
    """The rows of one enriched document: its uncertain spans, then the diagnostics on its lines.

    ``provisional`` are the keys of the document's provisional entries; ``diagnostics``
    those of its source that fall on the document's lines; ``source_lines`` the source text.
    """
    blocks = document_blocks(document)
    found = Occurrences(blocks)
    keys = set(provisional)
    notes = _notes(document)
    rows = []
    for index, block in enumerate(blocks):
        for s in sorted(block.spans):
            uncertain = _uncertainty(s, keys) or _noted_correction(block, s, notes)
            if uncertain:
                rows.append(_span_row(document, found, index, block, s, *uncertain))
    rows.extend(_inferred_namesakes(document, found, diagnostics, {r.position for r in rows}))
    rows.extend(_diagnostic_rows(document, diagnostics, source_lines))
    return rows


def _inferred_namesakes(
    document: Document, found: Occurrences, diagnostics: Sequence[Diagnostic], taken: set[Position | None]
) -> list[ReviewRow]:
    """Rows for the bare names the enrichers linked to one namesake by inference (``namesake-linked``)."""
    rows = []
    for d in diagnostics:
        linked = NAMESAKE_LINKED.match(d.message) if d.code == "namesake-linked" else None
        if linked is None:
            continue
        text, key, reason = linked.groups()
        for index, block in enumerate(found.blocks):
            spans = [s for s in sorted(block.spans) if block.line == d.line and s.attr("ref") == f"#{key}"]
            match = next(
                (
                    s
                    for s in spans
                    if block.text[s.start : s.end] == text and Position(index, s.start, s.end) not in taken
                ),
                None,
            )
            if match is not None:
                taken.add(Position(index, match.start, match.end))
                rows.append(_span_row(document, found, index, block, match, "namesake", f"person #{key}: {reason}"))
                break
    return rows


def _uncertainty(s: Span, provisional: set[str]) -> tuple[str, str] | None:
    """The row kind and proposal of a span the converters were unsure of, if it is one."""
    if s.kind in NAME_KINDS:
        ref = s.attr("ref").removeprefix("#")
        if s.attr("namesakes"):
            return "namesake", f"{s.kind}: one of {', '.join(s.attr('namesakes').split())}; not linked"
        source, confidence = s.attr("source"), s.attr("confidence")
        if source.startswith(("model:", "gazetteer:")) or confidence or (s.attr("cert") and s.attr("cert") != "high"):
            detail = ", ".join(
                p
                for p in (
                    source,
                    f"confidence {confidence}" if confidence else "",
                    f"cert {s.attr('cert')}" if s.attr("cert") else "",
                )
                if p
            )
            return "proposal", f"{s.kind} {('#' + ref) if ref else '(no link)'} ({detail})"
        if ref in provisional:
            return "unregistered", f"{s.kind}: provisional entry #{ref}"
    elif s.kind == "date":
        value = _date_value(s)
        if not value:
            return "date", "date: year left open"
        if s.attr("cert") or s.attr("evidence") == "internal":
            return "date", f"date {value}: year taken from the document's date"
    return None


def _notes(document: Document) -> list[tuple[str, str]]:
    """The notes of a document (their number and their text with white space folded)."""
    return [
        (b.attrs.get("n", ""), " ".join(b.text.split()))
        for d in document.divisions
        if d.kind == "notes"
        for b in d.blocks
        if b.kind == "note"
    ]


def _noted_correction(block: Block, s: Span, notes: list[tuple[str, str]]) -> tuple[str, str] | None:
    """A deletion or insertion in the text whose words a note quotes: the converter read it from the note."""
    if s.kind not in ("del", "add") or block.kind == "note":
        return None
    words = " ".join(block.text[s.start : s.end].split())
    number = next((n for n, text in notes if words and words in text), None)
    if number is None:
        return None
    label = "struck out" if s.kind == "del" else "written in"
    return "correction", f"{s.kind}: {label}, as note {number} says" if number else f"{s.kind}: {label}, as a note says"


def _date_value(s: Span) -> str:
    if s.attr("when"):
        return s.attr("when")
    if s.attr("not_before") or s.attr("not_after"):
        return f"{s.attr('not_before')}/{s.attr('not_after')}"
    return ""


def _span_row(
    document: Document, found: Occurrences, index: int, block: Block, s: Span, kind: str, proposal: str
) -> ReviewRow:
    text = block.text[s.start : s.end]
    position = Position(index, s.start, s.end)
    occurrence = found.number(text, position)
    before, after = snippet(block, s.start, s.end)
    return ReviewRow(
        row_id(document.id, kind, text, occurrence),
        kind,
        document.id,
        document.source,
        line_of(block, s.start),
        " ".join(text.split()),
        occurrence,
        before,
        after,
        proposal,
        position=position,
    )


def _diagnostic_rows(
    document: Document, diagnostics: Sequence[Diagnostic], source_lines: Sequence[str]
) -> list[ReviewRow]:
    rows: list[ReviewRow] = []
    seen: dict[str, int] = {}
    for d in diagnostics:
        if d.code in COVERED_CODES or not d.line:
            continue
        text = " ".join(source_lines[d.line - 1].split()) if 0 < d.line <= len(source_lines) else ""
        text = text or d.message
        seen[text] = seen.get(text, 0) + 1
        rows.append(
            ReviewRow(
                row_id(document.id, "reader", text, seen[text]),
                "reader",
                document.id,
                document.source,
                d.line,
                text,
                seen[text],
                "",
                "",
                f"{d.code}: {d.message}",
            )
        )
    return rows


def documents_of_lines(documents: Sequence[Document]) -> list[tuple[int, str]]:
    """The first source line of each document's text (header fields a page shares are left out), in line order."""
    starts = []
    for document in documents:
        lines = [b.line for d in document.divisions for b in d.blocks if b.line]
        if lines:
            starts.append((min(lines), document.id))
    return sorted(starts)


def document_of_line(starts: list[tuple[int, str]], line: int, default: str) -> str:
    """The document a source line belongs to: the last one whose text starts at or before it (else ``default``,
    for lines before the first document's text)."""
    found = default
    for first, document in starts:
        if first <= line:
            found = document
    return found
