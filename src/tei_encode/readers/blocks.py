"""Splitting a source text into blocks (runs of lines between blank lines) and inline markup.

Inline markup of the exports: ``~~struck~~`` (deletion), ``^{text}`` (insertion
above the line), ``**bold**`` and ``*italic*``. The markers are removed from the
text and become spans, so the text keeps every other character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Block, Span, SpanKind, span


@dataclass(frozen=True)
class Chunk:
    """Lines between blank lines: the text (lines right-stripped, edges stripped) and its first line number."""

    text: str
    line: int


def chunks(text: str) -> list[Chunk]:
    """The blank-line separated chunks of ``text`` with their 1-based first line."""
    return list(_chunks(text))


@lru_cache(maxsize=8)
def _chunks(text: str) -> tuple[Chunk, ...]:
    """``chunks``, kept for the last texts: detecting the format and reading a source cut the same text."""
    out: list[Chunk] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            out.append(Chunk(_join(current), start))
            current = []
    if current:
        out.append(Chunk(_join(current), start))
    return tuple(out)


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip()


INLINE = re.compile(
    r"~~(?P<del>.+?)~~|\^\{(?P<add>[^{}]+)\}|\*\*(?P<bold>[^*]+?)\*\*|(?<![*\w])\*(?P<italic>[^*\n]+?)\*(?![*])",
    re.DOTALL,
)
INLINE_KINDS: dict[str, tuple[SpanKind, dict[str, str]]] = {
    "del": ("del", {"rend": "strikethrough"}),
    "add": ("add", {"place": "above"}),
    "bold": ("hi", {"rend": "bold"}),
    "italic": ("hi", {"rend": "italic"}),
}


def parse_inline(text: str) -> tuple[str, list[Span]]:
    """Remove the inline markers from ``text``; return the plain text and the spans they marked."""
    if "*" not in text and "~" not in text and "^" not in text:  # no marker: spare the pattern's scan
        return text, []
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for match in INLINE.finditer(text):
        out.append(text[pos : match.start()])
        length += match.start() - pos
        group = match.lastgroup or ""
        inner = match.group(group)
        kind, attrs = INLINE_KINDS[group]
        spans.append(span(length, length + len(inner), kind, **attrs))
        out.append(inner)
        length += len(inner)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), spans


def document_id(name: str) -> str:
    """An xml:id (NCName) for a document, from a source file name or stem."""
    stem = name.rsplit(".", 1)[0] if name.endswith((".txt", ".md", ".docx")) else name
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or "document"
    return slug if slug[0].isalpha() or slug[0] == "_" else f"d-{slug}"


def block(kind: str, chunk: Chunk, **attrs: str) -> Block:
    """A block of ``kind`` from a chunk, inline markup turned into spans."""
    text, spans = parse_inline(chunk.text)
    return Block(kind, text, spans, chunk.line, dict(attrs))


def strip_marker(text: str) -> str:
    """The text without inline markers (for classifying a chunk)."""
    return parse_inline(text)[0]
