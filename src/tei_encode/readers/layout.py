"""The parts of a typed or handwritten official document, told apart by layout and formulae.

Soviet and other chancery documents follow fixed conventions: classification and
registry stamps at the head, registration lines with numbers, the addressee,
a salutation ending in ``!``, the body, a catchword at a page foot, a page
number ``- 2 -``, the signature in capitals, the date, the dispatch line
(``отп.``) and the certification (``Верно:``). This module names each chunk.
"""

from __future__ import annotations

import re

from ..lexicon import CERTIFICATION as CERTIFICATION_WORDS
from ..lexicon import ENGLISH_MONTHS, OPENING_QUOTES, RIGHT_QUOTES, RUSSIAN_MONTHS_GENITIVE
from ..model import Block
from .blocks import Chunk, block, strip_marker

# The spaces a web page puts for a plain one (no-break, figure, narrow no-break, ideographic) and tabs.
_FIXED_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u202f\u3000\t", " "))


def plain_spaces(text: str) -> str:
    """``text`` with its no-break and other fixed spaces and its tabs as plain spaces, one for one (offsets and lines
    stay), for telling its lines by their shape; the text itself keeps them."""
    return text.translate(_FIXED_SPACES)


# A page number as typed (``- 2 -``) or as a translator marks it (``[page 2]``).
PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*(\d+)\s*[-–—]|\[(?:page|стр\.|страница)\s*(\d+)\])$", re.I)
# A letter's heading naming its addressee, as a collected-works edition sets it over the letter under its number:
# initials and a surname in capitals in the dative (``К. ГЮИСМАНСУ``, ``Л. Б. КАМЕНЕВУ И Г. Е. ЗИНОВЬЕВУ``), perhaps
# after its writer (``М. ГОРЬКИЙ — И. В. СТАЛИНУ``), or ``To`` and the name in capitals (``TO P. B. AXELROD``,
# ``To:   MAXIM GORKY``). A running head names the edition's author in the nominative (``В. И. ЛЕНИН``).
_DATIVE_NAME = r"(?:[А-ЯЁ]\.\s?){1,3}[А-ЯЁ-]+(?:ОМУ|ЕМУ|У|Ю|ОЙ|ЕЙ)"
ADDRESSEE_HEADING = re.compile(
    rf"^(?:[^—–\n]{{2,60}}\s[—–-]\s)?{_DATIVE_NAME}(?:(?:\s*,\s*|\s+И\s+){_DATIVE_NAME})*$"
    r"|^(?:TO|To):?\s+(?:[A-Z]\.\s?){0,3}[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3}$"
)
# The heading of a document attached to a protocol item (``К п. 143 пр. ПБ № 79``, ``To item 143 of Politburo
# protocol No. 79``): what follows is a document of its own, opening with its address.
ENCLOSURE_HEADING = re.compile(
    r"^(?:к\s+п\.\s?\d+|to\s+item\s+\d+)\b[^\n]{0,40}(?:пр\.|протокол\w*|protocol)[^\n]{0,20}(?:№|No\.)\s*[\w/]+$",
    re.I,
)
CATCHWORD = re.compile(r"^/[^/\n]{1,40}/$|^(?:см\.?\s*сл\.?|p\.?t\.?o\.?|\(?over\)?)", re.I)
CERTIFICATION = re.compile(rf"^{CERTIFICATION_WORDS}\b", re.I)
DISPATCH = re.compile(r"^(?:отп\.|отпечатано|typed\b|dispatched\b)", re.I)
STAMP_WORDS = re.compile(
    r"секретно|подлежит возврату|воспрещается|^копия\b|срочно|лично|top secret|^secret\b|^copy\b|strictly|urgent|"
    r"must be returned|copying prohibited|особой важности|особая папка|special folder",
    re.I,
)
REGISTRATION = re.compile(r"(?:№|\bNo\.?\s*\d|\bNr\.\s*\d)")
ADDRESS_START = re.compile(r"^(?:товарищ\w*|тов\.|т\.|для\b|to\b|for\b|comrade|cde\.)", re.I)
# Only right quotes close a signature: a “ after one was never taken, and taking it would change which lines are.
SIGNATURE = re.compile(rf"^[{OPENING_QUOTES}]?[A-ZА-ЯЁ][A-ZА-ЯЁ.\- ]{{1,40}}[{RIGHT_QUOTES}]?\.?[{RIGHT_QUOTES}]?\.?$")
# The blank day of a Russian form (``"__" декабря 1950 г.``) stands between quotes; guillemets were never taken
# there, and taking them would make more lines date-only than before (the Russian date rules do take them).
_BLANK_DAY_OPEN = OPENING_QUOTES.replace("«", "")
_BLANK_DAY_CLOSE = RIGHT_QUOTES.replace("»", "")
DATE_ONLY = re.compile(
    rf"^[{_BLANK_DAY_OPEN}]?\s*\d{{0,2}}\s*[{_BLANK_DAY_CLOSE}]?\s*(?:{'|'.join(RUSSIAN_MONTHS_GENITIVE)})"
    rf"\s*\d{{4}}\s*г?\.?$|^(?:{'|'.join(ENGLISH_MONTHS)})"
    r"\s+\d{1,2},?\s+\d{4}\.?$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$|^\d{1,2}\.[IVXІ]{1,4}\.\d{2,4}\s*(?:г\.?)?$",
    re.I,
)


# A signed name in ordinary case: initials and a surname (``А. Поскребышев``, ``I. V. Kovalev``) or two or three
# capitalised words (``Zhou Enlai``).
NAME_LINE = re.compile(
    r"^(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?\.?$|^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}$"
)
# The date under a signature: a DATE_ONLY date, or a day and month with the year in editorial brackets and perhaps
# the hour (``10 October [1950], 21:00``).
DATE_UNDER_NAME = re.compile(r"^\d{1,2}\s+[A-Za-zА-Яа-яЁё]+\s+\[?\d{4}\]?(?:\s*г\.)?(?:,?\s*\d{1,2}[:.]\d{2})?\.?$")

# A date the editors supplied, bounded (``[not after 3 March 1953]``, ``[не позднее 10 апреля 1949 г.]``).
EDITORIAL_DATE = re.compile(
    r"^\[(?:not\s+(?:after|before|earlier\s+than|later\s+than)|не\s+(?:позднее|ранее))\s+[^\[\]\n]{4,30}\]$", re.I
)
# A closing formula on a line of its own before the signature (``With deep respect,``, ``С глубоким уважением``).
CLOSING_FORMULA = re.compile(
    r"^(?:with\s+(?:\w+\s+)?(?:respect|greetings|regards)|yours(?:\s+(?:truly|sincerely|faithfully))?|"
    r"с\s+(?:\w+\s+)?(?:уважением|приветом))[,.!]?$",
    re.I,
)
# The place under a signature, perhaps with the date on the next line (``Pyongyang``, ``г. Пхеньян``).
PLACE_LINE = re.compile(r"^(?:г\.\s?)?[A-ZА-ЯЁ][\w'-]+(?:\s[A-ZА-ЯЁ][\w'-]+)?\.?$")


def classify_witness(parts: list[Chunk], lang: str) -> list[Block]:
    """The blocks of one transcription, each with its role."""
    blocks: list[Block] = []
    body_started = False
    skip = False
    for index, chunk in enumerate(parts):
        if skip:
            skip = False
            continue
        text = strip_marker(chunk.text)
        if body_started and text == chunk.text and _is_name_and_date(text):
            name, date = chunk.text.split("\n")
            blocks += [block("signature", Chunk(name, chunk.line)), block("dateline", Chunk(date, chunk.line + 1))]
            continue
        kind = _kind(text, body_started)
        if kind == "p" and blocks and blocks[-1].kind == "signature" and _is_place_and_date(text):
            kind = "dateline"
        if kind == "pb":
            blocks.append(block("pb", chunk, n=_page_number(text)))
            continue
        if kind == "registration":
            body_started = body_started and not ENCLOSURE_HEADING.match(text)
        if kind == "certification" and index + 1 < len(parts) and len(parts[index + 1].text) < 60:
            chunk = Chunk(chunk.text + "\n" + parts[index + 1].text, chunk.line)
            skip = True
        if kind in ("salute", "p"):
            body_started = True
        blocks.append(block(kind, chunk))
    return blocks


def _page_number(text: str) -> str:
    """The number of a page-number line."""
    match = PAGE_NUMBER.match(text)
    return next(n for n in match.groups() if n) if match else ""


def _is_place_and_date(text: str) -> bool:
    """Whether a chunk is a place in ordinary case (a signature is in capitals), alone or over a date line."""
    place, _, date = text.partition("\n")
    return (
        bool(PLACE_LINE.match(place))
        and not _is_caps_line(place)
        and (not date or bool(DATE_ONLY.match(date) or DATE_UNDER_NAME.match(date)))
    )


def _is_name_and_date(text: str) -> bool:
    """Whether a chunk is a signed name with the date on the line under it."""
    lines = text.split("\n")
    return (
        len(lines) == 2
        and bool(NAME_LINE.match(lines[0]))
        and bool(DATE_ONLY.match(lines[1]) or DATE_UNDER_NAME.match(lines[1]))
    )


def _kind(text: str, body_started: bool) -> str:
    first_line = text.split("\n", 1)[0]
    if PAGE_NUMBER.match(text):
        return "pb"
    if CATCHWORD.match(text):
        return "catchword"
    if CERTIFICATION.match(text):
        return "certification"
    if DISPATCH.match(text):
        return "dispatch"
    if DATE_ONLY.match(text) or EDITORIAL_DATE.match(text):
        return "dateline"
    if len(text) <= 120 and STAMP_WORDS.search(first_line) and not ADDRESS_START.match(first_line):
        return "stamp"
    if len(text) <= 80 and text.rstrip(RIGHT_QUOTES).endswith("!"):
        return "salute"
    if body_started and CLOSING_FORMULA.match(text):
        return "salute"
    if body_started and SIGNATURE.match(text) and len(text.split()) <= 4:
        return "signature"
    if (len(text) <= 100 and REGISTRATION.search(text) and not body_started) or ENCLOSURE_HEADING.match(text):
        return "registration"
    if not body_started and len(text) <= 120 and (ADDRESS_START.match(text) or _is_caps_line(text)):
        return "address"
    if not body_started and len(text) <= 120 and not text.endswith("."):
        return "address"
    return "p"


def _is_caps_line(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)
