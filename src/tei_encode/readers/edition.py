"""Reader for pages of a correspondence edition that hold several letters, each under a heading of its own.

Such a page (an edition of one leader's letters to another, in English or Russian) runs the letters on: each
opens with a heading naming writer, addressee and date on one line (``Stalin to Kaganovich October 2,
1933``, ``Сталин — Кагановичу 2 октября 1933 г.``), may have an archive line (``Archive: RGASPI F. 558. Op.
11. D. 81. L. 79. Autograph.``) before or after its text, a secretary's number (``No. 58.``, ``#59``), and
footnotes after a line of underscores. Every letter becomes a document of its own; what stands above the first
heading describes the edition, unless it is the end of a letter the page opens inside (its text and its archive
line, which no edition's description has): that is a document of its own. A page copied without blank lines has
its letters cut at the heading lines, and an archive line run on to the heading (``... August 1, 1932Archive:
RGASPI ...``) is parted from it. A heading that stands alone before another (the page's own title) heads the letter
that follows the other letter's published source (``Коммунист. 1990. № 11. С. 96–97.``) and opens with a
salutation, without a heading of its own.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..lexicon import ENGLISH_MONTHS, RUSSIAN_MONTHS_GENITIVE, SALUTATIONS
from ..model import Block, Division, Document
from .blocks import Chunk, block, chunks, document_id
from .collection import ARCHIVE_LINE, body_blocks, letter_end, opening_document
from .notes import mark_note_references, note_blocks
from .script import text_language

_MONTHS_EN = "|".join(ENGLISH_MONTHS)
_MONTHS_RU = "|".join(RUSSIAN_MONTHS_GENITIVE)
_DATE = (
    rf"(?:(?:{_MONTHS_EN})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS_EN}),?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS_RU})\s+\d{{4}}(?:\s*(?:года|г\.?))?|\[[^\[\]\n]{{4,40}}\])"
)
# "Stalin to Kaganovich October 2, 1933", "Сталин — Кагановичу 2 октября 1933 г.", "Письмо В.М. Молотову 13
# августа 1930 года", "Надпись на телеграмме С.М. Кирова 11 сентября 1931 года" (an inscription on a document: the
# writer's words on another's paper): who, to whom, and when.
HEADING = re.compile(
    rf"^(?P<title>[A-ZА-ЯЁ][^\n]{{1,80}}?\s(?:to|—|–|-)\s[A-ZА-ЯЁ][^\n]{{1,80}}?"
    rf"|(?:Письмо|Записка|Телеграмма|(?:Надпись|Резолюция|Пометка)\s+на\s+\w+|Letter|Note|Telegram)"
    rf"\s+(?:to\s+)?[A-ZА-ЯЁ][^\n]{{1,80}}?)"
    rf"[,.]?\s+(?P<date>{_DATE})\.?$"
)
# An archive line run on to the heading's date, with no break between them.
RUN_ON_LABEL = re.compile(r"(?<=\d)(?=(?:Archive|Архив|Source|Источник)\s*:)")
# The published source under a letter: journal, year, issue and pages (``Коммунист. 1990. № 11. С. 96–97.``).
PUBLISHED = re.compile(
    r"^[^\n]{2,80}?\.\s+\d{4}\.\s+(?:№|No\.?)\s*\d+[.,]\s+(?:С|P|pp?)\.\s*\d+(?:\s*[–—-]\s*\d+)?\.?$"
)
ARCHIVE_LABEL = re.compile(r"^(?:Archive|Архив|Source|Источник)\s*:", re.I)
SECRETARY_NUMBER = re.compile(r"^(?:(?:In|Out|Вх|Исх)\.?\s*)?(?:No\.?|№|#)\s*\d+[a-zа-я]?\.?$")
SEPARATOR = re.compile(r"^[_\-—–*]{3,}$")


class EditionReader:
    """A page of a correspondence edition with several letters, each under a "X to Y <date>" heading."""

    name = "edition"

    def detect(self, text: str) -> bool:
        """Two or more chunks (or lines of a page without blank lines) that are a letter's heading."""
        return sum(1 for c in _units(text) if HEADING.match(c.text)) >= 2

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document per letter; the lines above the first heading describe the edition."""
        parts = _units(text)
        starts = [i for i, c in enumerate(parts) if HEADING.match(c.text)]
        if not starts:
            return []
        prefix = document_id(source)
        header, opening = parts[: starts[0]], []
        if _letter_end(header):
            header, opening = [], [opening_document(header, prefix, source, reporter)]
        letters = [
            parts[start : starts[k + 1] if k + 1 < len(starts) else len(parts)] for k, start in enumerate(starts)
        ]
        return opening + [
            _letter(letter, header, source, prefix, n, reporter)
            for n, letter in enumerate(_headless_letters_headed(letters), start=1)
        ]


def _letter_end(header: list[Chunk]) -> bool:
    """Whether the lines above the first heading end a letter: its text and an archive line."""
    cited = any(ARCHIVE_LINE.match(line.strip()) for c in header for line in c.text.split("\n"))
    return cited and letter_end(header)


def _units(text: str) -> list[Chunk]:
    """The page's chunks; a chunk holding a heading among other lines is cut into its lines, and an archive line
    run on to a heading is parted from it."""
    out: list[Chunk] = []
    for chunk in chunks(text):
        lines = [
            Chunk(piece.strip(), chunk.line + k)
            for k, line in enumerate(chunk.text.split("\n"))
            for piece in (RUN_ON_LABEL.split(line) if ":" in line else (line,))  # the label's colon: a quick test
            if piece.strip()
        ]
        if len(lines) > 1 and any(HEADING.match(c.text) for c in lines):
            out.extend(lines)
        else:
            out.append(chunk)
    return out


def _headless_letters_headed(letters: list[list[Chunk]]) -> list[list[Chunk]]:
    """The letters, a heading that stands alone given the letter without a heading further down the page."""
    letters = [list(letter) for letter in letters]
    alone = [k for k, letter in enumerate(letters) if len(letter) == 1]
    for k, letter in enumerate(letters):
        cut = _headless_start(letter)
        owner = next((a for a in alone if a < k), None)
        if cut is None or owner is None:
            continue
        alone.remove(owner)
        letters[owner].extend(letter[cut:])
        del letter[cut:]
    return letters


def _headless_start(letter: list[Chunk]) -> int | None:
    """Where, after the letter's published source, a letter without a heading opens with a salutation."""
    source = next((i for i, c in enumerate(letter) if i and PUBLISHED.match(c.text)), None)
    if source is None or source + 1 >= len(letter):
        return None
    return source + 1 if _salutation(letter[source + 1].text) else None


def _salutation(text: str) -> bool:
    """A line that greets the addressee: ``Dear Koba,``, ``Вячеслав!``."""
    first = text.split("\n", 1)[0]
    words = first.split()
    return bool(words) and (words[0].lower().strip(",!") in SALUTATIONS or (len(words) <= 4 and first.endswith("!")))


def _letter(parts: list[Chunk], header: list[Chunk], source: str, prefix: str, n: int, reporter: Reporter) -> Document:
    """The document of one letter: its heading, archive line, number, text and footnotes."""
    heading = parts[0]
    match = HEADING.match(heading.text)
    assert match is not None
    title = block("title", Chunk(match.group("title"), heading.line))
    date = block("date", Chunk(match.group("date"), heading.line))
    rest = parts[1:]
    cut = next((i for i, c in enumerate(rest) if SEPARATOR.match(c.text)), len(rest))
    body, footnotes = rest[:cut], rest[cut + 1 :]
    citations = [
        c for c in body if ARCHIVE_LABEL.match(c.text) or ARCHIVE_LINE.match(c.text) or PUBLISHED.match(c.text)
    ]
    numbers = [c for c in body if SECRETARY_NUMBER.match(c.text)]
    text = [c for c in body if c not in citations and c not in numbers]
    lang = text_language("\n".join(c.text for c in parts))
    number = re.sub(r"\D", "", numbers[0].text) if numbers else ""
    document = Document(
        id=f"{prefix}-{n:02d}", source=source, genre="letter", lang=lang, title=title, fields={"date": date}
    )
    if header:
        document.fields["collection"] = block("collection", Chunk("\n".join(c.text for c in header), header[0].line))
    if number:
        document.meta.number = number
    blocks = [block("registration", c) for c in numbers] + _text_blocks(text, citations, reporter)
    if not citations:
        reporter.warning("no-citation", f"no archive line for the letter {heading.text!r}", heading.line)
    if cut < len(rest):  # the rule over the footnotes, kept as the page has it
        blocks.append(block("separator", rest[cut]))
    letter = Division("letter", blocks, {"lang": lang})
    document.divisions.append(letter)
    if footnotes:
        notes = Division("notes", note_blocks(footnotes), {"label": "Notes"})
        document.divisions.append(notes)
        mark_note_references([document.title, *letter.blocks], [notes])
    return document


def _text_blocks(text: list[Chunk], citations: list[Chunk], reporter: Reporter) -> list[Block]:
    """The blocks of a letter's text and its archive lines (which the collection reader expects after the text,
    where it parts a physical description from a citation); its missing citation is this reader's to report."""
    cited = [c for c in citations if ARCHIVE_LINE.match(c.text)]
    scratch = Reporter(reporter.file)
    blocks = body_blocks(text + cited, scratch) if text or cited else []
    for diagnostic in scratch.diagnostics:
        if diagnostic.code != "no-citation":
            reporter.report(diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.line)
    return blocks + [block("citation", c) for c in citations if c not in cited]
