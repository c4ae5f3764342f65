"""Reader for pages of published letter collections (one page, several numbered documents).

A page opens with site chrome (a navigation bar), the collection title, its
year and compilers; then each document: ``No. 91``, a title ("Telegram from X
to Y"), a date line, addressee, salutation and place-date lines, the body with
note reference numbers, a closing formula and the signature, perhaps a closing
place-date line and a postscript, the archival citation with the physical
description, and ``Notes:``. A page may hold a single document, and may open inside a letter: above its first item
the end of that letter (sentences of its text, or one and its archival citation) is a document of its own.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..errors import ReaderError
from ..lexicon import ARCHIVES, ENGLISH_MONTHS, RIGHT_QUOTES, SALUTATIONS
from ..model import Block, Division, Document, span
from .blocks import Chunk, block, chunks, document_id
from .chrome import NAV_BAR
from .layout import STAMP_WORDS
from .notes import mark_note_references, note_blocks
from .script import text_language

ITEM_NUMBER = re.compile(r"^(?:No\.|№|Nr\.|Document\s+No\.?|Документ\s+№)\s*(\d+)\s*$", re.I)
NOTES_LABEL = re.compile(r"^(?:notes|примечания)\s*:?\s*$", re.I)
# An archive's abbreviation: a word of two capitals or more (TsPA, TsGAOR, RTsKhIDNI, ЦПА); an archival citation
# opens with one to four of them (``TsPA IML``, ``AVP RF``) and the fond.
ARCHIVE_ABBREVIATION = r"[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{0,10}[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{0,10}"
# The archives whose name alone, with no fond after it, opens a citation line (``RGASPI. 17/3/...``): their current
# abbreviations in ARCHIVES, in Latin letters (a space there also matching none, ``APRF``) and some in Cyrillic
# letters, with RGASPI's Cyrillic name of 1991-1999 (the patterns ``R[TG]...I`` and ``TsA...`` take the Latin old
# names). Only these, not every spelling in ARCHIVES: any other name opens a citation only before a fond
# (ARCHIVE_ABBREVIATION), and taking more would move where some documents' bodies end.
_CITED_ALONE = ("RGASPI", "GARF", "RGVA", "RGAE", "RGANI", "APRF", "AVPRF")
_CITED_ALONE_CYRILLIC = ("RGASPI", "GARF", "RGVA", "APRF", "AVPRF")
_FORMER_CYRILLIC = ("РЦХИДНИ",)


def _cyrillic_abbreviation(current: str) -> str:
    """The first spelling of the archive ``current`` in ARCHIVES that is written in Cyrillic capitals."""
    return next(s for s in ARCHIVES[current] if re.fullmatch(r"[А-ЯЁ ]+", s))


_LATIN_ALONE = "|".join(r"\s?".join(ARCHIVES[current][0].split()) for current in _CITED_ALONE)
_CYRILLIC_ALONE = "|".join([*map(_cyrillic_abbreviation, _CITED_ALONE_CYRILLIC), *_FORMER_CYRILLIC])
ARCHIVE_LINE = re.compile(
    rf"^(?:R[TG][A-Za-z]*I[A-Z]*|{_LATIN_ALONE}|TsA\w*|Ibid)\b[.;,]?\s|"
    rf"^(?:{_CYRILLIC_ALONE}|Там же)|^F\.\s*\d+[.,]\s*(?:Op|On|List)|"
    rf"^{ARCHIVE_ABBREVIATION}(?:\s{ARCHIVE_ABBREVIATION}){{0,3}}[.,;]?\s+(?:F|f|Fond|fond|Ф|ф|Фонд|фонд)\.?\s*\d",
)
PHYSICAL = re.compile(r"(?<=\d)(\.?)\s+(?=[A-Z][a-z]+[^\d]*$)")
# The physical description of a document (``Typescript. Signatures - autographs.``, ``Certified copy.``): terms of
# the edition, each a sentence or a list item, a term perhaps qualified (``Typescript with autograph corrections``).
PHYSICAL_TERM = (
    r"(?:(?:certified|authenticated|carbon|typewritten|typescript|handwritten|autograph|contemporary|draft|decoded)\s+)?"
    r"(?:autographs?|typescripts?|cop(?:y|ies)|original|manuscript|draft|photocopy|excerpt|extract|"
    r"telegraph(?:ic)?\s+(?:tape|form)|signatures?\s*[-–—:]?\s*(?:autographs?|facsimiles?|typed|missing)|"
    r"(?:заверенная\s+)?копия|подлинник|автограф|машинопись|рукопись|черновик|телеграфная\s+лента|"
    r"подписи?\s*[-–—:]?\s*автографы?)"
)
# What a term may be qualified by: corrections, a hand, an ink or a form (``Typescript with autograph corrections``,
# ``Copy in Stalin's hand``, ``Автограф на бланке``), not any words (``Draft on the land question``).
PHYSICAL_QUALIFIER = (
    r"(?:with|on|in|by|с|на)\s+(?:[\w'’.-]+\s+){0,3}?"
    r"(?:corrections?|amendments?|insertions?|notes|marks|hand|pencil|ink|letterhead|form|"
    r"правк\w*|исправлени\w*|помет\w*|рукой|карандаш\w*|чернил\w*|бланке)"
)
PHYSICAL_LINE = re.compile(rf"(?:{PHYSICAL_TERM}(?:\s+{PHYSICAL_QUALIFIER})?(?:[.,;]\s*|$))+$", re.I)
SENTENCE_GAP = re.compile(r"\.\s+")
# A registration number standing alone after the signature (``No. 1347/sh.``).
REGISTRATION_LINE = re.compile(r"^(?:No\.|№|Nr\.)\s*\d[\w/-]*\.?$")
MONTHS = f"(?:{'|'.join(ENGLISH_MONTHS)})"
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


# The year of a dateline: after a day and a month in figures (``21.VIII.21``, ``12/XI-25``, ``16/XI 1919``) or
# after a day and a month name (``17 October 1919``, ``October 17, 1919``). Two digits count only when joined to
# the month, so that an hour after a comma (``16/X, 23 h.``) is not read as a year.
DATELINE_YEAR = re.compile(
    r"\b\d{1,2}\s?[./]\s?(?:[IVXІ]{1,4}|\d{1,2})(?:[./-](?P<short>\d{2})(?![\d/])|[./-]?\s?(?P<full>1\d{3}|20\d{2})\b)"
    rf"|(?:\b\d{{1,2}}\s+{MONTHS}|{MONTHS}\s+\d{{1,2}},?)\s+(?P<full2>1\d{{3}}|20\d{{2}})\b"
)
YEAR_SPAN = re.compile(r"\b(1\d{3}|20\d{2})\s*[-–]\s*(1\d{3}|20\d{2})\b")


# A closing date without a place (``8.IX.25.``, ``12/XI-25``); with a place it is a PLACE_DATE.
CLOSING_DATE = re.compile(r"^\[?\d{1,2}\s?[./]\s?(?:[IVXІ]{1,4}|\d{1,2})(?:[./-]\s?(?:\d{2}|\d{4}))?\.?\]?$")
# A salutation: ``Dear Koba,``, ``Hello, Koba!``, or a short call ending in ``!`` (``Comrade Stalin!``).
SALUTATION = re.compile(
    rf"^(?:my\s+|much\s+)?(?:{'|'.join(SALUTATIONS)})\b[^\n]{{0,50}}[!,]$|^[^\n.,:;]{{2,40}}!$",
    re.I,
)
POSTSCRIPT = re.compile(r"^(?:P\.\s?P\.\s?S\.|P\.\s?S\.|PS\.?(?=\s)|Post\s?scriptum\b)", re.I)
# A closing formula before the signature's name, perhaps after a parting sentence (``I embrace you. Your Klim.``).
VALEDICTION = re.compile(
    r"^(?:(?:[^.!?\n]{1,40}[.!?]\s+)?yours?(?:\s+(?:truly|sincerely|faithfully|ever|devoted|affectionately))?"
    r"|with\s+(?:[a-z]+\s+){0,2}(?:greetings|regards|respect|salutations?)"
    r"|(?:(?:communist|comradely|warm|best)\s+)?(?:greetings|regards)"
    r"|с\s+(?:[а-яё]+\s+){0,2}(?:приветом|уважением)|ваш[аи]?|тво[йя])[,!.]?\s+(?=\S)",
    re.I,
)


class CollectionReader:
    """A page of a published collection with numbered documents (``No. 91`` ...)."""

    name = "collection"

    def detect(self, text: str) -> bool:
        """Two or more item-number lines such as ``No. 91``, or one on a page with the collection's other marks."""
        parts = chunks(text)
        starts = [i for i, c in enumerate(parts) if ITEM_NUMBER.match(c.text)]
        return len(starts) >= 2 or (len(starts) == 1 and _has_collection_marks(parts, starts[0]))

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document per numbered item; the page header becomes each one's source description."""
        parts = chunks(text)
        starts = [i for i, c in enumerate(parts) if ITEM_NUMBER.match(c.text)]
        if not starts:
            raise ReaderError(
                f"{source}: not a collection page: no item number on a line of its own (such as 'No. 91'); "
                "leave out --format to detect the format"
            )
        prefix = document_id(re.sub(r"-\d+-\d+$", "", source.rsplit(".", 1)[0]) or "collection")
        opening, documents = parts[: starts[0]], []
        if letter_end(opening):  # the end of a letter the page opens inside, no header of the collection's
            documents.append(opening_document(opening, prefix, source, reporter))
            opening = []
        header = self._header(opening, reporter)
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
        lang = text_language("\n".join(c.text for c in parts))
        document = Document(id=f"{prefix}-no{int(number):03d}", source=source, genre="letter", lang=lang, title=title)
        document.meta.number = number
        number_block = block("number", parts[0])
        document.fields["number"] = number_block
        if header:
            document.fields["collection"] = _merge(header)
        if rest and DATE_LINE.match(rest[0].text):
            document.fields["date"] = block("date", rest.pop(0))
        notes_at = next((i for i, c in enumerate(rest) if NOTES_LABEL.match(c.text)), len(rest))
        body, notes = rest[:notes_at], rest[notes_at + 1 :]
        letter = Division("letter", body_blocks(body, reporter), {"lang": lang})
        document.divisions.append(letter)
        if notes_at < len(rest):
            label = rest[notes_at]
            document.divisions.append(Division("notes", note_blocks(notes), {"label": label.text.rstrip(":")}))
        mark_note_references([document.title, *letter.blocks], document.divisions[1:])
        if "date" not in document.fields:
            _year_from_dateline(document, letter.blocks, header)
        return document


_PROSE_WORDS = 8
_PROSE_LINES = 2


def letter_end(parts: list[Chunk]) -> bool:
    """Whether the chunks above a page's first item hold a letter's text: two sentences or more of some length, or one
    and the archive's citation that closes a document (a collection's header gives its title, its compilers and the
    site's links)."""
    lines = [line.strip() for c in parts for line in c.text.split("\n") if line.strip()]
    prose = [line for line in lines if len(line.split()) >= _PROSE_WORDS and line[-1] in '.!?»"”)']
    return len(prose) >= _PROSE_LINES or bool(prose and any(ARCHIVE_LINE.match(line) for line in lines))


def opening_document(parts: list[Chunk], prefix: str, source: str, reporter: Reporter) -> Document:
    """The end of the letter a page opens inside, as a document of its own: its first line stands for a title."""
    first, _, rest = parts[0].text.partition("\n")
    title = block("title", Chunk(first, parts[0].line))
    body = ([Chunk(rest.strip(), parts[0].line + 1)] if rest.strip() else []) + parts[1:]
    lang = text_language("\n".join(c.text for c in parts))
    document = Document(id=f"{prefix}-opening", source=source, genre="letter", lang=lang, title=title)
    document.divisions.append(Division("letter", body_blocks(body, reporter), {"lang": lang}))
    return document


def _year_from_dateline(document: Document, blocks: list[Block], header: list[Block]) -> None:
    """Without an editorial date line, the letter's own dateline (``Riga, 21.VIII.21.``) gives the document's
    year, in ``meta.year``; a two-digit year takes the century that puts it inside the collection's span of years.
    """
    for dateline in (b for b in blocks if b.kind == "dateline"):
        year = dateline_year(dateline.text, _years_spanned(header))
        if year:
            document.meta.year = year
            return


def dateline_year(text: str, span: tuple[int, int] | None) -> int | None:
    """The year a dateline states: four digits, or two after a day and a month (``9/III-21``) read within ``span``."""
    match = DATELINE_YEAR.search(text)
    if not match:
        return None
    full = match.group("full") or match.group("full2")
    if full:
        return int(full)
    if span is None:
        return None
    short = int(match.group("short"))
    years = [century + short for century in range(span[0] // 100 * 100, span[1] + 1, 100)]
    return next((y for y in years if span[0] <= y <= span[1]), None)


def _years_spanned(header: list[Block]) -> tuple[int, int] | None:
    """The span of years the collection's title gives (``Correspondence. 1912-1927``)."""
    for b in header:
        match = YEAR_SPAN.search(b.text)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


def _has_collection_marks(parts: list[Chunk], start: int) -> bool:
    """Whether a page with one numbered item has the site's navigation bar above it, or notes or an archival
    citation below it: the marks of a collection page that holds a single document.
    """
    return any(NAV_BAR.match(c.text) for c in parts[:start]) or any(
        NOTES_LABEL.match(c.text) or ARCHIVE_LINE.match(c.text) for c in parts[start + 1 :]
    )


def _merge(blocks: list[Block]) -> Block:
    text = "\n".join(b.text for b in blocks)
    merged = Block("collection", text, line=blocks[0].line)
    offset = 0
    for b in blocks:
        for s in b.spans:
            merged.add(span(s.start + offset, s.end + offset, s.kind, **dict(s.attrs)))
        offset += len(b.text) + 1
    return merged


def body_blocks(parts: list[Chunk], reporter: Reporter) -> list[Block]:
    citation_at = next((i for i, c in enumerate(parts) if ARCHIVE_LINE.match(c.text)), None)
    body = parts if citation_at is None else parts[:citation_at]
    tail = [] if citation_at is None else parts[citation_at:]
    first_para = next((i for i, c in enumerate(body) if len(c.text) > 120), None)
    if first_para is None:  # a short letter: its first sentence of some length
        first_para = next((i for i, c in enumerate(body) if _is_sentence(c.text)), len(body))
    kinds = _closing_kinds(body, first_para)
    last = max((i for i in range(len(body)) if i not in kinds), default=None)  # the signature, if any
    signature_at = last if last is not None and last > first_para and len(body[last].text) <= 60 else None
    blocks: list[Block] = []
    for i, chunk in enumerate(body):
        if i in kinds:
            blocks.append(_closing_block(kinds[i], chunk))
        elif i < first_para:
            blocks.append(block(_opening_kind(chunk.text), chunk))
        elif i == signature_at:
            blocks.extend(_signature_blocks(chunk))
        else:
            blocks.append(block("p", chunk))
    for chunk in tail:
        blocks.extend(_citation_blocks(chunk))
    if citation_at is None:
        reporter.warning("no-citation", "no archival citation line found", parts[-1].line if parts else 0)
    return blocks


def _closing_kinds(body: list[Chunk], first_para: int) -> dict[int, str]:
    """The kinds of the chunks that are neither the signature nor the text: physical descriptions, registration
    numbers and datelines after the text, and a postscript with everything after it.
    """
    kinds = {i: kind for i in range(first_para + 1, len(body)) if (kind := _number_or_dateline(body[i].text))}
    kinds.update(_trailing_physical_descriptions(body, kinds))
    postscript_at = next((i for i, c in enumerate(body) if i > first_para and POSTSCRIPT.match(c.text)), None)
    if postscript_at is not None:
        kinds.update({i: "postscript" for i in range(postscript_at, len(body)) if i not in kinds})
    return kinds


def _number_or_dateline(text: str) -> str:
    """For a line after the opening: ``registration`` for a number line and ``dateline`` for a place and date
    (``Tiflis, 5.IX.24.``, ``8.IX.25.``); else ``""``. Neither is the signature, which is then the last line before
    them.
    """
    if REGISTRATION_LINE.match(text):
        return "registration"
    if len(text) <= 50 and (CLOSING_DATE.match(text) or PLACE_DATE.match(text)):
        return "dateline"
    return ""


def _trailing_physical_descriptions(body: list[Chunk], kinds: dict[int, str]) -> dict[int, str]:
    """``physdesc`` for the physical descriptions (``Typescript. Signatures - autographs.``) among the closing lines
    that end the body: a paragraph of the text that happens to read like one (``Original in the party archive.``)
    has text after it.
    """
    found: dict[int, str] = {}
    for i in reversed(range(len(body))):
        if PHYSICAL_LINE.match(body[i].text):
            found[i] = "physdesc"
        elif i not in kinds:
            break
    return found


def _opening_kind(text: str) -> str:
    """A line before the text: ``dateline`` (place and date), ``salute`` (``Dear Koba!``) or ``address``."""
    if PLACE_DATE.match(text) or DATE_LINE.match(text):
        return "dateline"
    if SALUTATION.match(text) and not STAMP_WORDS.search(text):
        return "salute"
    return "address"


def _closing_block(kind: str, chunk: Chunk) -> Block:
    """A block of ``kind``; a postscript is a paragraph marked ``postscript``: it follows the signature but is text,
    not part of the closer.
    """
    return block("p", chunk, postscript="yes") if kind == "postscript" else block(kind, chunk)


def _signature_blocks(chunk: Chunk) -> list[Block]:
    """The signature; a closing formula before the name (``With communist greetings``, ``Your``) is a salute
    of its own, so that the signature holds the name only.
    """
    match = VALEDICTION.match(chunk.text)
    rest = chunk.text[match.end() :] if match else ""
    if not match or not rest[:1].isupper() or len(rest) > 40 or any(c in chunk.text for c in "*~^"):
        return [block("signature", chunk)]
    lines_before = chunk.text.count("\n", 0, match.end())
    return [
        block("salute", Chunk(chunk.text[: match.end()].rstrip(), chunk.line)),
        block("signature", Chunk(rest, chunk.line + lines_before)),
    ]


def _is_sentence(text: str) -> bool:
    """A sentence of six words or more, not a place-and-date line."""
    sentence = len(text.split()) >= 6 and text.rstrip(RIGHT_QUOTES + "’)").endswith((".", "!", "?", ";", ":"))
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
