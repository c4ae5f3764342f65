"""Reader for pages of published letter collections (one page, several numbered documents).

A page opens with site chrome (a navigation bar), the collection title, its
year and compilers; then each document: ``No. 91``, a title ("Telegram from X
to Y"), a date line, addressee and place-date lines, the body with note
reference numbers, the signature, the archival citation with the physical
description, and ``Notes:``.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import Block, Division, Document, span
from .blocks import Chunk, block, chunks, document_id
from .notes import mark_note_references, note_blocks

ITEM_NUMBER = re.compile(r"^(?:No\.|№|Nr\.|Document\s+No\.?|Документ\s+№)\s*(\d+)\s*$", re.I)
NAV_BAR = re.compile(r"^[^|\n]+(?:\|[^|\n]+){2,}$")
NOTES_LABEL = re.compile(r"^(?:notes|примечания)\s*:?\s*$", re.I)
ARCHIVE_LINE = re.compile(
    r"^(?:R[TG][A-Za-z]*I[A-Z]*|RGASPI|GARF|RGVA|RGAE|RGANI|TsA\w*|AP\s?RF|APRF|AVP\s?RF|Ibid)\b[.;,]?\s|"
    r"^(?:РГАСПИ|РЦХИДНИ|ГАРФ|РГВА|АП РФ|АВП РФ|Там же)|^F\.\s*\d+[.,]\s*(?:Op|On|List)",
)
PHYSICAL = re.compile(r"(?<=\d)(\.?)\s+(?=[A-Z][a-z]+[^\d]*$)")
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A date line: a date in English, whole or partly in editorial brackets, possibly bounded by the editors.
DATE_LINE = re.compile(
    r"^\[?(?:(?:not\s+(?:earlier|later)\s+than|before|after|about|circa|c\.|ca\.|between)\s+)?"
    rf"(?:(?:\w+\s+)?\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:of\s+)?)?\[?{MONTHS}"
    r"|^\[?\d{1,2}[./]\d{1,2}[./]\d{2,4}",
    re.I,
)
PLACE_DATE = re.compile(
    r"^[A-Z][\w-]+,?\s+(?:\d{1,2}\s*/\s*[\dIVXІ]+|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})", re.U
)


class CollectionReader:
    """A page of a published collection with numbered documents (``No. 91`` ...)."""

    name = "collection"

    def detect(self, text: str) -> bool:
        """Two or more item-number lines such as ``No. 91``."""
        return sum(1 for c in chunks(text) if ITEM_NUMBER.match(c.text)) >= 2

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document per numbered item; the page header becomes each one's source description."""
        parts = chunks(text)
        starts = [i for i, c in enumerate(parts) if ITEM_NUMBER.match(c.text)]
        header = self._header(parts[: starts[0]] if starts else [], reporter)
        prefix = document_id(re.sub(r"-\d+-\d+$", "", source.rsplit(".", 1)[0]) or "collection")
        documents = []
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(parts)
            documents.append(self._document(parts[start:end], header, prefix, source, reporter))
        return documents

    def _header(self, parts: list[Chunk], reporter: Reporter) -> list[Block]:
        kept = []
        for chunk in parts:
            if NAV_BAR.match(chunk.text):
                reporter.info("site-chrome-dropped", f"navigation bar dropped: {chunk.text!r}", chunk.line)
                continue
            kept.append(block("collection", chunk))
        return kept

    def _document(
        self, parts: list[Chunk], header: list[Block], prefix: str, source: str, reporter: Reporter
    ) -> Document:
        number = ITEM_NUMBER.match(parts[0].text).group(1)  # type: ignore[union-attr]
        rest = [c for c in parts[1:] if c.text.strip()]
        title = block("title", rest.pop(0)) if rest else Block("title", parts[0].text, line=parts[0].line)
        document = Document(id=f"{prefix}-no{int(number):03d}", source=source, genre="letter", lang="en", title=title)
        document.meta["number"] = number
        number_block = block("number", parts[0])
        document.fields["number"] = number_block
        if header:
            document.fields["collection"] = _merge(header)
        if rest and DATE_LINE.match(rest[0].text):
            document.fields["date"] = block("date", rest.pop(0))
        notes_at = next((i for i, c in enumerate(rest) if NOTES_LABEL.match(c.text)), len(rest))
        body, notes = rest[:notes_at], rest[notes_at + 1 :]
        letter = Division("letter", _body_blocks(body, reporter), {"lang": "en"})
        document.divisions.append(letter)
        if notes_at < len(rest):
            label = rest[notes_at]
            document.divisions.append(Division("notes", note_blocks(notes), {"label": label.text.rstrip(":")}))
        mark_note_references([document.title, *letter.blocks], document.divisions[1:])
        return document


def _merge(blocks: list[Block]) -> Block:
    text = "\n".join(b.text for b in blocks)
    merged = Block("collection", text, line=blocks[0].line)
    offset = 0
    for b in blocks:
        for s in b.spans:
            merged.add(span(s.start + offset, s.end + offset, s.kind, **dict(s.attrs)))
        offset += len(b.text) + 1
    return merged


def _body_blocks(parts: list[Chunk], reporter: Reporter) -> list[Block]:
    citation_at = next((i for i, c in enumerate(parts) if ARCHIVE_LINE.match(c.text)), None)
    body = parts if citation_at is None else parts[:citation_at]
    tail = [] if citation_at is None else parts[citation_at:]
    first_para = next((i for i, c in enumerate(body) if len(c.text) > 120), None)
    if first_para is None:  # a short letter: its first sentence of some length
        first_para = next((i for i, c in enumerate(body) if _is_sentence(c.text)), len(body))
    signature_at = len(body) - 1 if len(body) > first_para + 1 and len(body[-1].text) <= 60 else None
    blocks: list[Block] = []
    for i, chunk in enumerate(body):
        if i < first_para:
            kind = "dateline" if PLACE_DATE.match(chunk.text) or DATE_LINE.match(chunk.text) else "address"
        elif i == signature_at:
            kind = "signature"
        else:
            kind = "p"
        blocks.append(block(kind, chunk))
    for chunk in tail:
        blocks.extend(_citation_blocks(chunk))
    if citation_at is None:
        reporter.warning("no-citation", "no archival citation line found", parts[-1].line if parts else 0)
    return blocks


def _is_sentence(text: str) -> bool:
    """A sentence of six words or more, not a place-and-date line."""
    sentence = len(text.split()) >= 6 and text.rstrip('"”’»)').endswith((".", "!", "?", ";", ":"))
    return sentence and not (PLACE_DATE.match(text) or DATE_LINE.match(text))


def _citation_blocks(chunk: Chunk) -> list[Block]:
    """The citation line, with a trailing physical description ("Autograph.") as a block of its own."""
    match = PHYSICAL.search(chunk.text)
    if not match or not ARCHIVE_LINE.match(chunk.text):
        return [block("citation", chunk)]
    citation = Chunk(chunk.text[: match.end(1)], chunk.line)
    physical = Chunk(chunk.text[match.end() :], chunk.line)
    return [block("citation", citation), block("physdesc", physical)]
