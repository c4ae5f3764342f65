"""Reader for letters in an edition of collected works (one or more to a page).

A letter there is headed by its addressee (``TO MAXIM GORKY``, ``To A. M. Gorky``, ``Letter to the Editors``),
perhaps after its number in the volume, and followed by the editors' lines: when and where it was written
(``Written on January 3, 1911``, ``Written between December 17 and 30 (December 30, 1912 and January 12,
1913)`` in Old and New Style), ``First published in ...``, ``Sent from Paris to Capri``, ``Printed from the
original``. Its text carries the volume's endnote numbers (``[45]`` or a number after a word); the notes, when
the page has them, follow ``Notes``. Every letter is a document; the editors' lines describe its source, the
date they give is its date.

A letter of collected works published on the web gives the editors' lines as labelled fields above the text
(``Written: Written February 12, 1916``, ``Published: ...``, ``Source: ...``, ``Translated: ...``, a value
perhaps on the lines after its label), under the author's name, and its endnotes (``[1] ...``) after the text
without a ``Notes`` label; such a page holds one letter.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..lexicon import ENGLISH_MONTHS, SALUTATIONS
from ..model import Block, Division, Document, span
from .blocks import Chunk, block, chunks, document_id
from .collection import NOTES_LABEL, body_blocks
from .notes import mark_bracketed_references, mark_note_references, note_blocks
from .script import text_language

# The heading of a letter: to whom (``TO MAXIM GORKY``, ``To the Editors of Pravda``), perhaps numbered.
HEADING = re.compile(r"^(?:\d{1,4}\.?\s*\n?)?(?:(?:A\s+)?Letter\s+to|To|TO|Письмо|Кому|[А-ЯЁ]\.\s)\s[^\n]{2,100}$")
# The editors' lines under it.
EDITORIAL = re.compile(
    r"^(?:Written|First published|Published|Sent from|Printed from|Dictated|Signed|Translated from|"
    r"Написано|Впервые напечатано|Печатается по|Послано из|Перевод с)\b",
    re.I,
)
WRITTEN = re.compile(r"^(?:Written|Dictated|Написано)\b", re.I)
ENDNOTE = re.compile(r"^\[(\d{1,4})\]\s*\S")
# The labelled fields of a web edition's page: the first of them opens the block.
FIELDS_START = re.compile(r"^(?:Written|Published|Dictated|Написано|Опубликовано)\s*:", re.I)
# The letter's number in the volume, on a line of its own above the fields.
VOLUME_NUMBER = re.compile(r"^\d{1,4}$")
FIELD = re.compile(r"^[A-ZА-ЯЁ][\w\\/ ]{1,30}:(?:\s|$)")
# Where the letter's text begins after the fields: its date line or its salutation.
TEXT_START = re.compile(
    rf"^(?:(?:{'|'.join(ENGLISH_MONTHS)})\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?:{'|'.join(ENGLISH_MONTHS)})\s+\d{{4}})\.?$"
    rf"|^(?i:{'|'.join(SALUTATIONS)})\b"
    r"|^\d{1,2}\s?[./]\s?[IVX]{1,4}\s?[./]\s?(?:\d{2}|\d{4})\.?$"  # a date with the month in Roman numerals
)


class WorksReader:
    """Letters of an edition of collected works: a heading to the addressee, the editors' lines, the text."""

    name = "works"

    def detect(self, text: str) -> bool:
        """A heading followed, within three chunks, by an editors' ``Written ...`` line; or the labelled fields
        of a web edition's page."""
        parts = chunks(text)
        return bool(_starts(parts)) or _fields_at(parts) is not None

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document per letter; the notes at the page's end go to the letters that refer to them."""
        parts = chunks(text)
        if not _starts(parts) and _fields_at(parts) is not None:
            return [_web_letter(parts, source, reporter)]
        notes_at = next((i for i, c in enumerate(parts) if NOTES_LABEL.match(c.text)), len(parts))
        notes, parts = parts[notes_at:], parts[:notes_at]
        starts = _starts(parts) or [0]
        header = parts[: starts[0]]
        prefix = document_id(source)
        documents = []
        spans = [(start, starts[k + 1] if k + 1 < len(starts) else len(parts)) for k, start in enumerate(starts)]
        shares = _notes_of_letters([parts[a:b] for a, b in spans], notes)
        for k, (start, end) in enumerate(spans):
            suffix = f"-{k + 1:02d}" if len(starts) > 1 else ""
            document = _letter(parts[start:end], shares[k], source, f"{prefix}{suffix}", reporter)
            if header:
                joined = Chunk("\n".join(c.text for c in header), header[0].line)
                document.fields["collection"] = block("collection", joined)
            documents.append(document)
        return documents


def _notes_of_letters(letters: list[list[Chunk]], notes: list[Chunk]) -> list[list[Chunk]]:
    """For each letter, the ``Notes`` label and the page's notes it refers to: bracketed endnotes (``[45]``) go to
    the letters whose text has their number, any other (and any that no letter refers to) to the last letter."""
    if not notes:
        return [[] for _ in letters]
    label, items = notes[0], notes[1:]
    texts = ["\n".join(c.text for c in letter) for letter in letters]
    shares: list[list[Chunk]] = [[] for _ in letters]
    for note in items:
        match = ENDNOTE.match(note.text)
        owners = [k for k, text in enumerate(texts) if match and f"[{match.group(1)}]" in text]
        for k in owners or [len(letters) - 1]:
            shares[k].append(note)
    return [[label, *share] if share else [] for share in shares]


def _starts(parts: list[Chunk]) -> list[int]:
    """The chunks that head a letter: a heading with a ``Written ...`` line among the next three chunks."""
    return [
        i
        for i, c in enumerate(parts)
        if HEADING.match(c.text) and any(WRITTEN.match(p.text) for p in parts[i + 1 : i + 4])
    ]


def _letter(parts: list[Chunk], page_notes: list[Chunk], source: str, id_: str, reporter: Reporter) -> Document:
    """The document of one letter: the heading as title, the editors' lines, the text and the notes it refers to
    (``page_notes``: the page's ``Notes`` label and notes)."""
    title = block("title", parts[0])
    rest = [line for c in parts[1:] for line in _lines_if_editorial(c)]
    editorial = []
    while rest and EDITORIAL.match(rest[0].text):
        editorial.append(rest.pop(0))
    lang = text_language("\n".join(c.text for c in parts))
    document = Document(id=id_, source=source, genre="letter", lang=lang, title=title)
    letter = _fill(document, editorial, rest, reporter)
    if page_notes:
        _add_notes(document, letter, page_notes)
    return document


def _lines_if_editorial(chunk: Chunk) -> list[Chunk]:
    """A chunk of the editors' lines as one chunk per line; any other chunk as it is."""
    lines = chunk.text.split("\n")
    if not EDITORIAL.match(lines[0]):
        return [chunk]
    return [Chunk(line, chunk.line + k) for k, line in enumerate(lines)]


def _add_notes(document: Document, letter: Division, page_notes: list[Chunk]) -> None:
    """The notes of the page that are this letter's (``page_notes``: the label, then the notes)."""
    label, notes = page_notes[0].text.rstrip(":"), page_notes[1:]
    if all(ENDNOTE.match(c.text) for c in notes):
        division = Division("notes", _bracketed_notes(notes), {"label": label})
        document.divisions.append(division)
        mark_bracketed_references(letter.blocks, {b.attrs["n"]: b.attrs["n"] for b in division.blocks})
        return
    division = Division("notes", note_blocks(notes), {"label": label})
    document.divisions.append(division)
    mark_note_references([document.title, *letter.blocks], [division])


def _bracketed_notes(notes: list[Chunk]) -> list[Block]:
    """Note blocks for endnotes numbered ``[45] ...``."""
    blocks = []
    for chunk in notes:
        match = ENDNOTE.match(chunk.text)
        assert match is not None
        note = block("note", chunk, n=match.group(1), key=match.group(1))
        note.add(span(0, match.end(1) + 1, "label"))
        blocks.append(note)
    return blocks


def _fields_at(parts: list[Chunk]) -> int | None:
    """The chunk that opens the labelled fields of a web edition's page, among the page's first four."""
    return next((i for i, c in enumerate(parts[:4]) if FIELDS_START.match(c.text)), None)


def _web_letter(parts: list[Chunk], source: str, reporter: Reporter) -> Document:
    """The letter of a web edition's page: the author's name above the fields as title, the fields as the
    editors' lines, the text, and the endnotes after it."""
    at = _fields_at(parts)
    assert at is not None
    heading = parts[at - 1] if at and "\n" not in parts[at - 1].text else None
    lines = [Chunk(line.strip(), c.line + k) for c in parts[at:] for k, line in enumerate(c.text.split("\n"))]
    lines = [c for c in lines if c.text]
    fields = 0
    while fields < len(lines) and not TEXT_START.match(lines[fields].text):
        if not FIELD.match(lines[fields].text) and fields and _text_follows(lines, fields):
            break
        fields += 1
    rest = _rest_chunks(parts[at:], lines[fields].line if fields < len(lines) else None)
    notes_at = next((i for i, c in enumerate(rest) if all(ENDNOTE.match(n.text) for n in rest[i:])), len(rest))
    text, notes = rest[:notes_at], rest[notes_at:]
    label = "Notes"
    if notes and text and NOTES_LABEL.match(text[-1].text):  # the notes' own label over them
        label = text.pop().text.rstrip(": ")
    title = block("title", heading) if heading else block("title", text[0] if text else parts[0])
    lang = text_language("\n".join(c.text for c in parts))
    document = Document(id=document_id(source), source=source, genre="letter", lang=lang, title=title)
    editorial = lines[:fields]
    letter = _fill(document, editorial, text, reporter)
    above = parts[: at - 1 if heading else at]
    numbers = [c for c in above if VOLUME_NUMBER.match(c.text)]
    if numbers:  # the letter's number in the volume
        number = block("number", numbers[0])
        number.add(span(0, len(number.text), "idno"))
        document.fields["number"] = number
        document.meta.number = number.text
    letter.blocks[:0] = [block("byline", c) for c in above if c not in numbers[:1]]
    if notes:
        division = Division("notes", _bracketed_notes(notes), {"label": label})
        document.divisions.append(division)
        mark_bracketed_references(letter.blocks, {b.attrs["n"]: b.attrs["n"] for b in division.blocks})
    return document


def _fill(document: Document, editorial: list[Chunk], text: list[Chunk], reporter: Reporter) -> Division:
    """Give ``document`` the editors' lines (``Written ...`` as its date, the others as a note) and its letter,
    made of ``text``; return the letter's division."""
    written = next((c for c in editorial if WRITTEN.match(c.text)), None)
    if written is not None:
        document.fields["date"] = block("date", written)
    others = [c for c in editorial if c is not written]
    if others:
        joined = Chunk("\n".join(c.text for c in others), others[0].line)
        document.fields["editorial"] = block("editorial", joined, label="Editorial note")
    scratch = Reporter(reporter.file)  # a letter of collected works has no archival citation to miss
    letter = Division("letter", body_blocks(text, scratch) if text else [], {"lang": document.lang})
    for diagnostic in scratch.diagnostics:
        if diagnostic.code != "no-citation":
            reporter.report(diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.line)
    document.divisions.append(letter)
    return letter


def _text_follows(lines: list[Chunk], i: int) -> bool:
    """Whether the line ``i`` (no label) starts the letter's text rather than going on with a field's value: a
    line of some length that is a sentence, after a field whose value ended."""
    return len(lines[i].text) > 80 and lines[i - 1].text.endswith((".", "!", "?"))


def _rest_chunks(parts: list[Chunk], start: int | None) -> list[Chunk]:
    """The chunks from line ``start`` on (the chunk holding it cut there); a chunk of the letter's lines run on
    without blank lines cut into its lines."""
    if start is None:
        return []
    out: list[Chunk] = []
    for chunk in parts:
        lines = [Chunk(line.strip(), chunk.line + k) for k, line in enumerate(chunk.text.split("\n"))]
        kept = [c for c in lines if c.line >= start and c.text]
        if not kept:
            continue
        if len(kept) < len(lines) or len(kept) > 3 and any(ENDNOTE.match(c.text) for c in kept):
            out.extend(kept)
        else:
            out.append(Chunk("\n".join(c.text for c in kept), kept[0].line))
    return out
