"""Where a letter starts on a page of several letters copied as plain text, told by the shape of its heading.

Web copies of letter editions and collected works run letters on with nothing but their headings between them.
A letter starts at:

- a number of the volume's sequence, alone on its line or before a heading in capitals or one naming a letter
  (``452`` / ``ПИСЬМО И. И. РАДЧЕНКО``, ``453 Н. ОСИНСКОМУ``, ``№ 12.``, ``12. ИЗ ПИСЬМА …``, ``13. Из письма
  Г. Е. Зиновьеву``), when the page holds the next or the previous number of that sequence too (a running head's
  page number, ``284 В. И. ЛЕНИН``, is no part of it), or right under the editors' lines of the letter before it
  (``Печатается по рукописи``, perhaps broken into short lines as the book's column was) or its archival citation
  (``ЦХСД, ф. 89, оп. 37, д. 45, л. 2``) on a page that opens inside that letter;
- a heading naming the letter (``Письмо К.Е. Ворошилову 24 сентября 1931 года``, ``Letter to Comrade X``, ``ПИСЬМО
  К.Ф. СТАРОСТИНУ``, ``Stalin to Kaganovich October 2, 1933``) after a signature or a rule (``-----``) that closes
  the letter before it, or a heading in capitals naming a document of another kind (``ВЕЧЕРНЕЕ СООБЩЕНИЕ ...``,
  ``ДИРЕКТИВА СТАВКИ ...``) right under its signature;
- a heading naming writer and addressee (``И.В.Сталин Ф.Рузвельту``, ``Каганович — Сталину``) on a page that gives
  two or more of them with a letter's text between, signed or not, with the date line over it (``Отправлено 4 августа
  1941 года``); a head of state's message headed by its classification (``СЕКРЕТНО И ЛИЧНО ОТ ПРЕМЬЕРА ...``,
  ``Секретное и личное послание``) after the text of the message before, with its number over it (``No. 47``), not
  under a colon (a message quoted);
- a salutation (``Dear Mr. Kay:``) right under the signature of the letter before or under the date line under it;
- a heading opening with the name of a document's kind in capitals and giving its number (``ДИРЕКТИВА СТАВКИ ВГК
  № 001919``, ``ПРИКАЗ № 227``) right under the last sentence of the document before it (under a colon it is a
  document quoted; under a stamp, a place or a date, the head of an enclosure); neither when the sentences above
  named that kind of document (``Направляю копию телеграммы``): it is the document enclosed or quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import RUSSIAN_MONTHS_GENITIVE, SALUTATIONS
from .collection import ARCHIVE_LINE, POSTSCRIPT
from .edition import HEADING as DATED_HEADING
from .edition import SEPARATOR
from .layout import ADDRESSEE_HEADING, DATE_ONLY, DATE_UNDER_NAME, NAME_LINE, SIGNATURE, STAMP_WORDS
from .works import EDITORIAL

NUMBER = re.compile(r"^(?P<sign>(?:№|No\.)\s*)?(?P<n>\d{1,4})\.?(?:\s+(?P<head>\S.{0,150}))?$")
# A heading that names a letter, a note or a telegram (perhaps an extract: ``Из письма``).
NAMED = re.compile(
    r"^(?:письмо|из\s+письма|записка|из\s+записки|телеграмма|из\s+телеграммы"
    r"|(?:from\s+)?(?:a\s+)?(?:letter|telegram)|note\s+to)\b",
    re.I,
)
HEADING_WORDS = 16
# The kinds of document a heading names by its first words, beside letters (``NAMED``): a directive, an order, a
# decree, a report, a message, a record.
_KIND = re.compile(
    r"(?:\w+\s+){0,2}?(?P<kind>директив|приказ|постановлени|решени|распоряжени|указани|сообщени|спецсообщени|донесени"
    r"|доклад|справк|обращени|заявлени|меморандум|нот[аы]\b|радиограмм|(?:шифро?)?телеграмм|directive|order|decree"
    r"|resolution|report|message|memorandum|statement|instruction|dispatch|cable|telegram)\w*",
    re.I,
)
# "Writers — addressees": names, each a surname perhaps after initials, joined by commas or "and".
_NAME = r"(?:[A-ZА-ЯЁ]\.\s?){0,3}[A-ZА-ЯЁ][\w'’-]+"
_SIDE = rf"{_NAME}(?:(?:,\s*|\s+(?:и|and)\s+){_NAME})*"
_CORRESPONDENTS = re.compile(rf"^(?P<from>{_SIDE})\s[—–-]\s(?P<to>{_SIDE})\.?$")
# The writer and the addressee with no dash between, both with initials, perhaps with the editors' note sign:
# "И.В.Сталин Ф.Рузвельту", "Ф. РУЗВЕЛЬТ И. В. СТАЛИНУ *".
_INITIALLED = r"(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][\w'’-]+"
_PAIR = re.compile(rf"^(?P<from>{_INITIALLED})\s+(?P<to>{_INITIALLED})(?:\s*\*+)?$")
# A head of state's message headed by its classification, "personal and secret", before its writer or its word for
# a message: "СЕКРЕТНО И ЛИЧНО ОТ ПРЕМЬЕРА И. В. СТАЛИНА", "ЛИЧНО И СТРОГО СЕКРЕТНО ОТ ...", "Секретное и личное
# послание", "Personal and secret from the Prime Minister", "Personal and most secret ...", "Personal and top secret".
_SECRECY = r"(?:лично|личное|(?:строго\s+|совершенно\s+)?секретн(?:о|ое)|personal|(?:most\s+|top\s+)?secret)"
_MESSAGE = re.compile(rf"^{_SECRECY}\s+(?:и|and)\s+{_SECRECY}\s+(?:от|from|to|for|послание|message|сообщение)\b", re.I)
# An English letter's heading, undated: "MARX TO ENGELS" in capitals, or "To Friedrich Engels", "To Comrade Orlov",
# "To V. I. Lenin" (a given name or initials and the surname; "To Moscow" may be an address).
_CAPS_NAME = r"[A-Z][A-Z'’-]+"
_CAPS_SIDE = rf"{_CAPS_NAME}(?:(?:,\s*|\s+AND\s+){_CAPS_NAME})*"
_PERSON = r"(?:(?:[A-Z]\.\s?){1,3}|[A-Z][a-z]+\s+)[A-Z][a-z'’-]+"
_TO_HEADING = re.compile(rf"^{_CAPS_SIDE}\s+TO\s+{_CAPS_SIDE}$|^To\s+(?:Comrade\s+[A-Z][a-z'’-]+|{_PERSON})\.?$")
# A heading that gives a document or an extract of one, by its kind (``_KIND``, or a record of a meeting) after it.
_EXTRACT = re.compile(r"(?:(?:an\s+)?(?:extract|excerpt)s?\s+from|from|выписка\s+из|из)\s+(?:the\s+)?", re.I)
_RECORD = re.compile(r"(?:minutes|protocol|протокол|стенограмм|transcript)\w*", re.I)
_EXTRACT_WORDS = 40
_STAMP_WORDS = 3
_DATIVE = re.compile(r"(?:[уюУЮ]|[оО][мМ][уУ]|[оО][йЙ]|[ыиЫИ][мМ])$")
_STEM = 6  # enough of a kind's name to find it in any case ending
_NUMBER_SIGN = re.compile(r"(?:№|\bN[oº°]?\.?|\bNo\.?)\s*\d")
# A name alone (``Ленин``, ``Stalin.``), a closing formula and the name after it.
_ONE_NAME = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]+\.?$")
_SIGNED_FORMULA = re.compile(
    r"^(?:с\s+(?:\S+\s+)?(?:привет\w*|уважением)|ваш[аи]?|yours(?:\s+\w+)?,?"
    r"|with\s+(?:\w+\s+)?(?:respect|greetings|regards),?)"
    r"\s+(?:[A-ZА-ЯЁ]\.\s?)*[A-ZА-ЯЁ][\w.]+\.?$",
    re.I,
)
# A letter's salutation: "Dear Mr. Kay:", "Дорогой товарищ!".
_SALUTATION = re.compile(rf"^(?:{'|'.join(SALUTATIONS)})\b.{{0,60}}$", re.I)
# A short line that ends in a date: "Отправлено 4 августа 1941 года", "4 ноября 1941 год".
_DATED = re.compile(rf"\d{{1,2}}\s+(?:{'|'.join(RUSSIAN_MONTHS_GENITIVE)})\s+\d{{4}}\s*(?:г\.?|года?)?\.?$", re.I)
_DATED_WORDS = 5
_EDITORS_REACH = 3  # the editors' block of the letter before is among the three lines above a number
_EDITORS_RUN = 8  # or among the short lines above it, the block broken into as many
_FOOTNOTE = re.compile(r"^(?:\*+|\d{1,2}\s)")
_YEAR_AT_END = re.compile(r"\d{4}\s*(?:г|гг|года)?\.$")
_PROSE_WORDS = 6  # a line of the letter's text, not a heading or a signature
SENTENCE_END = re.compile(r"[a-zа-яё]{2}[.!?]")  # a word ending a sentence (an initial's stop ends none)


@dataclass(frozen=True)
class Start:
    """Where a letter starts: its first line, the line of its heading, and its number and the number's line if it
    has one."""

    line: int
    heading: int
    number: str = ""
    number_at: int = -1


def letter_starts(lines: list[str]) -> list[Start]:
    """Where the page's letters start after the first, and the first if it is numbered or headed."""
    candidates = _numbered(lines)
    numbers = [int(s.number) for s in candidates]
    numbered = [
        s for k, s in enumerate(candidates) if int(s.number) - 1 in numbers[:k] or int(s.number) + 1 in numbers[k + 1 :]
    ]
    if len(numbered) >= 2:
        return numbered
    closed = [s for s in candidates if _after_editors(lines, s.line) and has_prose(lines[: s.line])]
    if len(closed) == 1:  # a page opening inside a letter, then one numbered letter
        return closed
    headed = {s.heading: s for s in _named(lines)} | {s.heading: s for s in _headed(lines)}
    named = [headed[k] for k in sorted(headed)]
    return named if any(has_prose(lines[: s.line]) for s in named) else []


def _headed(lines: list[str]) -> list[Start]:
    """The headings naming writer and addressee (``И.В.Сталин Ф.Рузвельту``, ``Каганович — Сталину``) of a page that
    holds two or more of them with a letter's text between: each starts a letter, with the date line over it."""
    heads = [i for i, line in enumerate(lines) if _correspondents(line.strip())]
    if len(heads) < 2 or not all(has_prose(lines[a:b]) for a, b in zip(heads, heads[1:], strict=False)):
        return []
    return [Start(_dated_above(lines, i), i) for i in heads]


def _numbered_above(lines: list[str], at: int) -> Start:
    """The start of a letter headed at line ``at``, from its number with its sign alone on the line over it (``No.
    47``, ``№ 184``)."""
    above = next((k for k in range(at - 1, -1, -1) if lines[k].strip()), None)
    match = NUMBER.match(lines[above].strip()) if above is not None else None
    if above is None or match is None or not match.group("sign") or match.group("head"):
        return Start(at, at)
    return Start(above, at, match.group("n"), above)


def _dated_above(lines: list[str], at: int) -> int:
    """Line ``at``, or the line over it when that is a date line (``4 ноября 1941 год``, ``August 3, 1940.``),
    which dates the letter under it."""
    above = next((k for k in range(at - 1, -1, -1) if lines[k].strip()), None)
    return above if above is not None and _dated(lines[above].strip()) else at


def _dated(line: str) -> bool:
    """A date line, or a short line ending in a date (``Отправлено 4 августа 1941 года``)."""
    return date_line(line) or (len(line.split()) <= _DATED_WORDS and _DATED.search(line) is not None)


def _numbered(lines: list[str]) -> list[Start]:
    """The lines of numbers before a heading in capitals or one naming a letter (``452`` / ``ПИСЬМО ...``)."""
    found: list[Start] = []
    for i, line in enumerate(lines):
        match = NUMBER.match(line.strip())
        if not match:
            continue
        head = match.group("head")
        following = next_line(lines, i)
        if head is not None and (capitals(head) or heading(head)):
            found.append(Start(i, i, match.group("n"), i))
        elif head is None and following is not None and (_lead(lines[following]) or match.group("sign")):
            found.append(Start(i, following, match.group("n"), i))
    return found


def _after_editors(lines: list[str], at: int) -> bool:
    """Whether the editors' lines of a letter (``Печатается по рукописи``) or its archival citation (``ЦХСД, ф. 89,
    оп. 37, д. 45, л. 2``) end just above line ``at``, with no footnote between (a running head may follow the
    footnotes at a page's foot)."""
    above = [line.strip() for line in lines[max(0, at - _EDITORS_REACH * 2) : at] if line.strip()][-_EDITORS_REACH:]
    last_note = max((k for k, line in enumerate(above) if _FOOTNOTE.match(line)), default=-1)
    if any(EDITORIAL.match(line) or ARCHIVE_LINE.match(line) for line in above[last_note + 1 :]):
        return True
    # the editors' lines broken as the book's narrow column was (``Впервые напечатано в 1924 г.`` / ``в журнале`` /
    # ...): a run of short lines, none a footnote, one of them opening with the editors' words
    run = []
    for line in reversed([line.strip() for line in lines[:at] if line.strip()][-_EDITORS_RUN:]):
        if has_prose([line]) or _FOOTNOTE.match(line):
            break
        run.append(line)
    return any(EDITORIAL.match(line) for line in run)


def _named(lines: list[str]) -> list[Start]:
    """The headings naming a letter or a document that follow a signature (so a letter closed just before them),
    and the numbered headings of a document's kind under a sentence."""
    found = []
    signed = closed = False  # a letter closed above; on the line above
    previous = text = ""  # the line above; the sentences since the last start
    signed_off = -1  # the line of the last signature under a sentence or a closing formula
    cited = -1  # the line of the archive's citation that closed the last document, with only stamps under it
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        extract = cited >= 0 and _extract_heading(line)
        other_kind = not _announced(line, text) and (
            (closed and _kind_in_capitals(line)) or (_sentence(previous) and _numbered_kind(line))
        )
        # after the text of the message before (its last line may run on to the next one's number: "...ев.№ 184"),
        # perhaps under its date and the next one's number; under a colon it is a message quoted
        message = (
            bool(_MESSAGE.match(line))
            and _short_heading(line)
            and (signed or bool(text) or has_prose([previous]))
            and not previous.endswith(":")
        )
        greeting = _SALUTATION.match(line) is not None and _greets_after(lines, signed_off, i)
        if message:
            found.append(_numbered_above(lines, i))
        if (signed and heading(line)) or other_kind or message or greeting or extract:
            if extract:
                found.append(Start(next_line(lines, cited) or i, i))
            elif not message:
                found.append(Start(_dated_above(lines, i) if greeting else i, i))
            signed = closed = False
            text = ""
            signed_off = cited = -1
        else:
            # an archive's citation closes a document with a sentence above it (over the text, it opens one)
            closed = _closes(line, previous) and bool(text or not ARCHIVE_LINE.match(line))
            cited = i if closed and ARCHIVE_LINE.match(line) else cited if cited >= 0 and _stamp(line) else -1
            signed = signed or closed
            if closed and previous.endswith((".", ",", "!", "?")) and not ADDRESSEE_HEADING.match(line):
                signed_off = i
            if len(line.split()) > _PROSE_WORDS:
                text += " " + line.lower()
        previous = line
    return found


def _extract_heading(line: str) -> bool:
    """A heading giving a document or an extract of one by its kind in its first words, in any case (``From reports
    on the general situation ...``, ``Extract from minutes # 124 of the meeting ...``, ``Из доклада ...``): no
    sentence, though it may run long."""
    match = _EXTRACT.match(line)
    return (
        match is not None
        and bool(_KIND.match(line, match.end()) or _RECORD.match(line, match.end()))
        and len(line.split()) <= _EXTRACT_WORDS
        and (not line.endswith((".", ",", ";", ":", "!", "?")) or bool(_YEAR_AT_END.search(line)))
    )


def _stamp(line: str) -> bool:
    """A stamp over a document's heading (``Strictly confidential``, ``Special folder``): a few words of a stamp."""
    return len(line.split()) <= _STAMP_WORDS and STAMP_WORDS.search(line) is not None


def _greets_after(lines: list[str], signed_off: int, at: int) -> bool:
    """Whether a salutation at line ``at`` opens a new letter: right under the signature of the letter before (at
    ``signed_off``) or under its postscripts, each a line of its own that ends a sentence (``P.S. The report will
    follow.``), perhaps under its date line; a postscript or an enclosure opens otherwise (a postscript ending in a
    colon quotes the letter under it)."""
    between = [line.strip() for line in lines[signed_off + 1 : at] if line.strip()]
    while between and POSTSCRIPT.match(between[0]) and between[0].endswith((".", "!", "?")):
        between.pop(0)
    return signed_off >= 0 and (not between or (len(between) == 1 and _dated(between[0])))


def _announced(line: str, text: str) -> bool:
    """Whether the kind of document a heading names was named in the sentences above it (``Направляю копию
    телеграммы`` over ``ТЕЛЕГРАММА``): the document it encloses or quotes, no document of its own."""
    kind = _KIND.match(line)
    return kind is not None and kind.group("kind").lower()[:_STEM] in text


def _sentence(line: str) -> bool:
    """Whether a line ends a sentence of some words (a text's last line; not a date, a stamp or a place over an
    enclosure's heading)."""
    return line.endswith((".", "!", "?")) and len(line.split()) > _PROSE_WORDS


def _kind_in_capitals(line: str) -> bool:
    """A heading in capitals naming a document's kind in its first words (``ВЕЧЕРНЕЕ СООБЩЕНИЕ ...``)."""
    return capitals(line) and _short_heading(line) and bool(_KIND.match(line))


def _numbered_kind(line: str) -> bool:
    """A heading opening with a document's kind in capitals, with its number (``ДИРЕКТИВА СТАВКИ ВГК № 001919 ...``,
    ``ПРИКАЗ № 227``): no sentence."""
    kind = _KIND.match(line)
    return (
        kind is not None
        and capitals(line[: kind.end()])
        and _short_heading(line)
        and _NUMBER_SIGN.search(line[: kind.end() + 40]) is not None
    )


def _short_heading(line: str) -> bool:
    """A line short enough for a heading, not ending as a sentence or a clause does (a year may close it)."""
    return (
        len(line.split()) <= HEADING_WORDS
        and not line.endswith((",", ";", ":", "!", "?"))
        and (not line.endswith(".") or bool(_YEAR_AT_END.search(line)))
    )


def _closes(line: str, previous: str) -> bool:
    """Whether a line closes a letter: a signature (``И. СТАЛИН``, ``J. Stalin``; a name alone, ``Ленин``, under a
    sentence; a stamp in capitals, ``СЕКРЕТНО``, is none), a closing formula with the name (``С ком. приветом
    Ленин``, ``Yours, Lenin``), a rule, or the archive's citation an edition prints under a document (``РГАСПИ. Ф.
    558. Оп. 11. Д. 81. Л. 79.``)."""
    name = line.removesuffix(",")  # one signer of several
    signature = bool(SIGNATURE.match(name)) and len(line.split()) <= 4 and not STAMP_WORDS.search(line)
    alone = bool(_ONE_NAME.match(line)) and previous.endswith((".", "!", "?"))
    return signature or alone or any(p.match(line) for p in (NAME_LINE, _SIGNED_FORMULA, SEPARATOR, ARCHIVE_LINE))


def heading(line: str) -> bool:
    """A line that names a letter: a dated "X to Y" heading, an undated one naming its writers and addressees by
    their initials or the addressees in the dative (``М. ГОРЬКИЙ — И. В. СТАЛИНУ``, ``Каганович — Сталину``,
    ``G. K. Ordzhonikidze - V. I. Lenin``, ``MARX TO ENGELS``, ``To Friedrich Engels``), or one opening with the word
    for a letter that is no sentence (``Письмо написано в ответ на запрос.`` is one) and opens with a capital (a line
    of a text broken at its width may open with the word: ``letter could be made in Berlin``)."""
    if DATED_HEADING.match(line) or _correspondents(line):
        return True
    return bool(NAMED.match(line)) and _short_heading(line) and line[:1].isupper()


def _correspondents(line: str) -> bool:
    """Whether a line is "writers — addressees", the addressees in the dative or a side named with initials, or
    in English "WRITERS TO ADDRESSEES" in capitals or "To" a person."""
    if _TO_HEADING.match(line):
        return len(line.split()) <= HEADING_WORDS
    match = _CORRESPONDENTS.match(line) or _PAIR.match(line)
    return (
        match is not None
        and len(line.split()) <= HEADING_WORDS
        and (bool(_DATIVE.search(match.group("to"))) or "." in match.group("from") + match.group("to"))
    )


def _lead(line: str) -> bool:
    """Whether a line under a number heads a letter: set in capitals, or naming a letter."""
    return capitals(line) or heading(line.strip())


def capitals(text: str) -> bool:
    """A heading set in capitals: three letters or more, none of them small."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def has_prose(lines: list[str]) -> bool:
    """Whether the lines hold a letter's text: a line of some words, ending a sentence or running on."""
    return any(len(line.split()) > _PROSE_WORDS for line in lines)


def next_line(lines: list[str], i: int) -> int | None:
    """The index of the first line with text after ``i``."""
    return next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)


def date_line(line: str) -> bool:
    """A line that is a date alone (``16 February 1938``, ``October 2, 1933``, ``19.X.1921 г.``)."""
    return bool(DATE_ONLY.match(line) or DATE_UNDER_NAME.match(line))
