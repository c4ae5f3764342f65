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
# An archive's abbreviation: a word of two capitals or more (TsPA, TsGAOR, RTsKhIDNI, ЦПА); an archival citation
# opens with one to four of them (``TsPA IML``, ``AVP RF``) and the fond.
ARCHIVE_ABBREVIATION = r"[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{0,10}[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{0,10}"
ARCHIVE_LINE = re.compile(
    r"^(?:R[TG][A-Za-z]*I[A-Z]*|RGASPI|GARF|RGVA|RGAE|RGANI|TsA\w*|AP\s?RF|APRF|AVP\s?RF|Ibid)\b[.;,]?\s|"
    r"^(?:РГАСПИ|РЦХИДНИ|ГАРФ|РГВА|АП РФ|АВП РФ|Там же)|^F\.\s*\d+[.,]\s*(?:Op|On|List)|"
    rf"^{ARCHIVE_ABBREVIATION}(?:\s{ARCHIVE_ABBREVIATION}){{0,3}}[.,;]?\s+(?:F|f|Fond|fond|Ф|ф|Фонд|фонд)\.?\s*\d",
)
PHYSICAL = re.compile(r"(?<=\d)(\.?)\s+(?=[A-Z][a-z]+[^\d]*$)")
# The physical description of a document (``Typescript. Signatures - autographs.``, ``Certified copy.``): terms of
# the edition, each a sentence or a list item, a term perhaps qualified (``Typescript with autograph corrections``).
PHYSICAL_TERM = (
    r"(?:(?:certified|authenticated|carbon|typewritten|typescript|handwritten|autograph|contemporary|draft)\s+)?"
    r"(?:autographs?|typescripts?|cop(?:y|ies)|original|manuscript|draft|photocopy|excerpt|extract|"
    r"telegraph(?:ic)?\s+(?:tape|form)|signatures?\s*[-–—:]?\s*(?:autographs?|facsimiles?|typed|missing)|"
    r"(?:заверенная\s+)?копия|подлинник|автограф|машинопись|рукопись|черновик|телеграфная\s+лента|"
    r"подписи?\s*[-–—:]?\s*автографы?)"
)
PHYSICAL_LINE = re.compile(
    rf"(?:{PHYSICAL_TERM}(?:\s+(?:with|on|in|by|с|на)\s+[^.,;\n]{{1,40}})?(?:[.,;]\s*|$))+$", re.I
)
SENTENCE_GAP = re.compile(r"\.\s+")
# A registration number standing alone after the signature (``No. 1347/sh.``).
REGISTRATION_LINE = re.compile(r"^(?:No\.|№|Nr\.)\s*\d[\w/-]*\.?$")
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A date line: a date in English, whole or partly in editorial brackets, possibly bounded by the editors.
DATE_LINE = re.compile(
    r"^\[?(?:(?:not\s+(?:earlier|later)\s+than|before|after|about|circa|c\.|ca\.|between)\s+)?"
    rf"(?:(?:\w+\s+)?\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:of\s+)?)?\[?{MONTHS}"
    r"|^\[?\d{1,2}[./]\d{1,2}[./]\d{2,4}",
    re.I,
)
# A place (``Kureika``, ``St. Petersburg``) and a date: ``17/XII``, ``17.XII.``, ``2.XI.19.``, ``10.1.26``,
# ``17 October``, ``October 17``.
PLACE_DATE = re.compile(
    r"^[A-ZА-ЯЁ][\w'-]*\.?(?:\s[A-ZА-ЯЁ][\w'-]*\.?){0,2},?\s+"
    r"(?:\d{1,2}\s*/\s*[\dIVXІ]+|\d{1,2}\.\s?(?:[IVXІ]{1,4}\b|\d{1,2}\.)|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})"
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
    kinds = {i: kind for i, c in enumerate(body) if (kind := _apart_kind(c.text, i > first_para))}
    last = max((i for i in range(len(body)) if i not in kinds), default=None)  # the signature, if any
    signature_at = last if last is not None and last > first_para and len(body[last].text) <= 60 else None
    blocks: list[Block] = []
    for i, chunk in enumerate(body):
        if i in kinds:
            kind = kinds[i]
        elif i < first_para:
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


def _apart_kind(text: str, after_opening: bool) -> str:
    """``physdesc`` for a physical description, ``registration`` for a number line after the opening; else ``""``.

    Neither is the signature, which is then the last line before them.
    """
    if PHYSICAL_LINE.match(text):
        return "physdesc"
    if after_opening and REGISTRATION_LINE.match(text):
        return "registration"
    return ""


def _is_sentence(text: str) -> bool:
    """A sentence of six words or more, not a place-and-date line."""
    sentence = len(text.split()) >= 6 and text.rstrip('"”’»)').endswith((".", "!", "?", ";", ":"))
    return sentence and not (PLACE_DATE.match(text) or DATE_LINE.match(text))


def _citation_blocks(chunk: Chunk) -> list[Block]:
    """The citation line, with a trailing physical description ("Autograph.") as a block of its own.

    A line that is a physical description only (after the citation) is one block of that kind.
    """
    if PHYSICAL_LINE.match(chunk.text):
        return [block("physdesc", chunk)]
    if not ARCHIVE_LINE.match(chunk.text):
        return [block("citation", chunk)]
    cut = _physical_start(chunk.text)
    if cut is None:
        return [block("citation", chunk)]
    citation = Chunk(chunk.text[: cut[0]], chunk.line)
    physical = Chunk(chunk.text[cut[1] :], chunk.line)
    return [block("citation", citation), block("physdesc", physical)]


def _physical_start(text: str) -> tuple[int, int] | None:
    """Where the citation ends and its physical description starts: after the first sentence gap from which the
    rest consists of physical terms (``L. 3-4 rev. Autograph.``), else after the last number followed by words only.
    """
    for gap in SENTENCE_GAP.finditer(text):
        if PHYSICAL_LINE.match(text, gap.end()):
            return gap.start() + 1, gap.end()
    match = PHYSICAL.search(text)
    return (match.end(1), match.end()) if match else None
