"""Reader for pages of several letters copied as plain text, each letter told by the shape of its heading (where
one starts: ``starts.py``).

A page that opens inside a letter gives that letter's end as a document of its own, even when that end is only
its signatures (two lines or more that close it: signatures, its date, its archive line). Every letter keeps its
number (``idno``), heading (title), the date line under the heading and its lines; a page with no such start
is not this reader's.
"""

from __future__ import annotations

from ..diagnostics import Reporter
from ..model import Block, Division, Document, span
from .blocks import Chunk, block, document_id
from .collection import ARCHIVE_LINE
from .layout import NAME_LINE, SIGNATURE, plain_spaces
from .pages import mark_page_breaks
from .script import text_language
from .starts import (
    HEADING_WORDS,
    NUMBER,
    SENTENCE_END,
    Start,
    capitals,
    date_line,
    has_prose,
    heading,
    letter_starts,
    next_line,
)


class LettersReader:
    """A page of several letters told apart by their headings: numbers of a sequence, or named headings."""

    name = "letters"

    def detect(self, text: str) -> bool:
        """A letter starts somewhere on the page after another letter's text."""
        return bool(letter_starts(plain_spaces(text).split("\n")))

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document per letter; lines above the first start (a page title, the end of a letter) go with it
        when they hold no letter's text, else make a document of their own. Lines are told by their shape with their
        fixed spaces as plain ones; the documents keep them."""
        lines, shapes = text.split("\n"), plain_spaces(text).split("\n")
        starts = letter_starts(shapes) or [Start(0, -1)]  # read by name, a page of one letter is one document
        if not _letter_text(shapes[: starts[0].line]) and not _closing_block(shapes[: starts[0].line]):
            starts[0] = Start(0, starts[0].heading, starts[0].number, starts[0].number_at)
        elif starts[0].line:
            first = next_line(lines, -1)
            headed = first is not None and heading(shapes[first].strip())
            starts.insert(0, Start(0, first if headed and first is not None else -1))
        prefix = document_id(source)
        ends = [s.line for s in starts[1:]] + [len(lines)]
        return [
            _letter(lines, start, end, source, f"{prefix}-{k:02d}")
            for k, (start, end) in enumerate(zip(starts, ends, strict=True), start=1)
        ]


def _closing_block(lines: list[str]) -> bool:
    """Whether the lines are the close of a letter the page opens inside: two lines or more, the last a signature,
    each a signature, a date line or an archive line (a byline over a heading is one line)."""
    texts = [line.strip() for line in lines if line.strip()]
    return (
        len(texts) >= 2
        and bool(SIGNATURE.match(texts[-1].rstrip(",")))
        and all(
            SIGNATURE.match(t.rstrip(",")) or NAME_LINE.match(t.rstrip(",")) or date_line(t) or ARCHIVE_LINE.match(t)
            for t in texts
        )
    )


def _letter_text(lines: list[str]) -> bool:
    """Whether the lines above a page's first letter hold a letter's text (``has_prose``), the page's title left out:
    its first line when that opens with a capital, is short enough for a heading and ends no sentence or clause, nor
    holds the end of one (a page opening inside a letter opens mid-sentence)."""
    texts = [line.strip() for line in lines if line.strip()]
    title = texts[0] if texts else ""
    if (
        title[:1].isupper()
        and len(title.split()) <= HEADING_WORDS
        and not title.endswith((".", "!", "?", ",", ";", ":"))
        and not SENTENCE_END.search(title)
    ):
        texts = texts[1:]
    return has_prose(texts)


def _letter(lines: list[str], start: Start, end: int, source: str, id_: str) -> Document:
    """The document of the lines ``start.line`` to ``end``: number, heading, date line, and the text's chunks."""
    fields = {}
    number = _number(lines, start)
    if number is not None:
        fields["number"] = number
    # the page's own lines above its first letter's heading open the text
    unnumbered = [line if k != start.number_at else "" for k, line in enumerate(lines)]
    heading_at = start.heading if start.heading >= 0 else start.line
    above = _chunks(unnumbered, start.line, heading_at)
    title, body_from = _title(lines, start, end)
    date_at = next_line(lines, body_from - 1)
    if date_at is not None and date_at < end and date_line(lines[date_at].strip()):
        fields["date"] = block("date", Chunk(lines[date_at].strip(), date_at + 1))
        body_from = date_at + 1
    body = above + _chunks(lines, body_from, end)
    if title is None:  # a letter the page opens inside: its first line stands for a title
        opening = body.pop(0) if body else Chunk("", start.line + 1)
        first_line, _, rest = opening.text.partition("\n")
        title = block("title", Chunk(first_line, opening.line))
        if rest:
            body.insert(0, Chunk(rest, opening.line + 1))
    lang = text_language("\n".join(lines[start.line : end]))
    document = Document(id=id_, source=source, genre="letter", lang=lang, title=title, fields=fields)
    document.meta.number = start.number
    blocks = [block("p", c) for c in body]
    mark_page_breaks(blocks)
    document.divisions.append(Division("letter", blocks, {"lang": lang}))
    return document


def _number(lines: list[str], start: Start) -> Block | None:
    """The letter's number in the volume as written (``452``, ``№ 12.``), the number itself an ``idno``."""
    if not start.number:
        return None
    text = lines[start.number_at].strip()
    match = NUMBER.match(text)
    assert match is not None
    number = block(
        "number", Chunk(text[: match.start("head")].rstrip() if match.group("head") else text, start.number_at + 1)
    )
    number.add(span(match.start("n"), match.end("n"), "idno"))
    return number


def _title(lines: list[str], start: Start, end: int) -> tuple[Block | None, int]:
    """The letter's heading (a numbered heading in capitals may run over several lines), and the line after it;
    None and the letter's first line for a letter without a heading."""
    if start.heading < 0:
        return None, start.line
    heading_lines = [start.heading]
    while (
        start.number
        and (following := next_line(lines, heading_lines[-1])) is not None
        and following < end
        and capitals(lines[following])
        and not NUMBER.match(lines[following].strip())
    ):
        heading_lines.append(following)
    first = lines[start.heading].strip()
    if start.number and start.heading == start.number_at:
        first = first[NUMBER.match(first).start("head") :]  # type: ignore[union-attr]
    text = "\n".join([first, *(lines[k].strip() for k in heading_lines[1:])])
    return block("title", Chunk(text, start.heading + 1)), heading_lines[-1] + 1


def _chunks(lines: list[str], start: int, end: int) -> list[Chunk]:
    """The runs of lines between blank lines from ``start`` to ``end`` (0-based), with their 1-based lines."""
    out: list[Chunk] = []
    run: list[str] = []
    first = start
    for i in range(start, end):
        line = lines[i].rstrip()
        if line.strip():
            if not run:
                first = i
            run.append(line)
            continue
        if run:
            out.append(Chunk("\n".join(run).strip(), first + 1))
            run = []
    if run:
        out.append(Chunk("\n".join(run).strip(), first + 1))
    return out
