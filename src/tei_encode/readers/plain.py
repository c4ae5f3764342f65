"""Reader for plain text: a title line and paragraphs, for sources of no known format."""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import Division, Document, span
from .blocks import Chunk, block, chunks, document_id
from .layout import ADDRESS_START, DATE_ONLY, STAMP_WORDS
from .pages import YEAR, mark_page_breaks
from .script import text_language
from .works import VOLUME_NUMBER

# A first chunk of more lines than this is no title but the text run on under it (a page copied without blank
# lines): its first line is the title, its other lines paragraphs.
TITLE_LINES = 3
# Nor is a first chunk longer than this: its first line is the title (a line run on for a page is text).
TITLE_CHARACTERS = 300


class PlainReader:
    """Any UTF-8 text: the first paragraph is the title (its first line, when it runs on into the text; the line
    after a date line standing alone above it, the date being the document's; not a label ending in a colon, nor
    a chancery document's stamps, numbers and addressees over its heading, nor the end of a text cut off above),
    the rest are paragraphs; the language is the script's."""

    name = "plain"

    def detect(self, text: str) -> bool:
        """Plain text is the fallback for every text."""
        return True

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document: title and paragraphs."""
        parts = _parts(text)
        fields = {}
        if len(parts) > 1 and DATE_ONLY.match(parts[0].text):
            fields["date"] = block("date", parts.pop(0))
        at = _title_at(parts)
        number, heading, rest = _numbered_heading(parts, at)
        if number is not None:  # the edition's number of the document over its heading
            fields["number"] = block("number", number)
            fields["number"].add(span(0, len(number.text), "idno"))
        title = block("title", heading)
        document = Document(
            id=document_id(source), source=source, genre="text", lang=text_language(text), title=title, fields=fields
        )
        if number is not None:
            document.meta.number = number.text
        body = [block("p", c) for c in parts[:at] + rest + parts[at + 1 :]]
        mark_page_breaks(body)
        document.divisions.append(Division("text", body, {}))
        reporter.info("plain-reader", "no known source format recognised; read as plain text")
        return [document]


# The head of a chancery document stands above its heading: stamps ("Совершенно секретно"), its number alone ("N П
# 149/XIV", "№ 5") and the addressees ("Т.т. Брежневу, ..."), each a short line.
_HEAD_CHARACTERS = 160
_NUMBER_ALONE = re.compile(r"^(?:№|N[oº°]?\.?|#)\s*\S(?:[^\n]{0,18}\S)?$")
# A line closing a bracket it never opened ends a text cut off above the copy (a note's last lines).
_CUT_OFF = re.compile(r"^[^\[\]]*\]\s*$")
_CUT_OFF_LINES = 3


def _title_at(parts: list[Chunk]) -> int:
    """The index of the title among the first chunks: the first that is no label, past the lines of a text cut off
    above and past a chancery document's head when a short heading follows it; else the first that is no label."""
    first = next((k for k, c in enumerate(parts) if not c.text.endswith(":")), 0)  # a label is no title
    start = first
    cut = [k for k in range(first, min(first + _CUT_OFF_LINES, len(parts))) if _CUT_OFF.match(parts[k].text)]
    if cut and cut[0] + 1 < len(parts):
        start = cut[0] + 1
    at = start
    while at < len(parts) - 1 and _head_line(parts[at].text):
        at += 1
    if at > start and (parts[at].text.count("\n") >= TITLE_LINES or len(parts[at].text) > _HEAD_CHARACTERS):
        at = start  # no short heading under the head: its first line stays the title
    return at


# The edition's number with its stop before the heading on its line, not a year: "81. Telegram From ...".
_NUMBER_OPENING = re.compile(r"(?!(?:1[5-9]|20)\d\d\.)\d{1,4}\.(?=[ \t]+[A-ZА-ЯЁ])")


def _numbered_heading(parts: list[Chunk], at: int) -> tuple[Chunk | None, Chunk, list[Chunk]]:
    """The title chunk ``parts[at]`` as the edition's number of the document, its heading and the lines after the
    heading in the chunk (a note run on under it): a number with its stop opening the heading, a number alone on the
    chunk's first line, or as the whole chunk over the next one; else no number, the chunk, nothing after it."""
    chunk = parts[at]
    first, _, after = chunk.text.partition("\n")
    opening = _NUMBER_OPENING.match(chunk.text)
    if opening:  # "81. Telegram From the Embassy ...": the number with its stop, on the heading's line
        return Chunk(opening.group(), chunk.line), Chunk(chunk.text[opening.end() :].lstrip(), chunk.line), []
    if not VOLUME_NUMBER.match(first.strip()) or YEAR.match(first.strip()):
        return None, chunk, []
    number = Chunk(first.strip(), chunk.line)
    if not after.strip():
        if at + 1 < len(parts) and "\n" not in parts[at + 1].text:  # the heading is the next chunk: take it
            heading = parts.pop(at + 1)
            return number, heading, []
        return None, chunk, []
    lines = [(chunk.line + k + 1, line.strip()) for k, line in enumerate(after.split("\n")) if line.strip()]
    heading = Chunk(lines[0][1], lines[0][0])
    rest = [Chunk("\n".join(line for _, line in lines[1:]), lines[1][0])] if len(lines) > 1 else []
    return number, heading, rest


def _head_line(text: str) -> bool:
    """Whether a chunk is a line of a chancery document's head: a stamp, a registration number or an addressee."""
    if len(text) > _HEAD_CHARACTERS or "\n" in text:
        return False
    return bool(STAMP_WORDS.search(text) or _NUMBER_ALONE.match(text) or ADDRESS_START.match(text))


def _parts(text: str) -> list[Chunk]:
    """The chunks of ``text``; a first chunk too long for a title cut into its lines, and so every chunk when the
    text has no blank line between its lines (each line then is a paragraph)."""
    parts = chunks(text)
    if parts[0].text.count("\n") < TITLE_LINES and len(parts[0].text) <= TITLE_CHARACTERS:
        return parts
    cut = parts if len(parts) == 1 else parts[:1]
    lines = [Chunk(line.strip(), c.line + k) for c in cut for k, line in enumerate(c.text.split("\n")) if line.strip()]
    return lines + parts[len(cut) :]
