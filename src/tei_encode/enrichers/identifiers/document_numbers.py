"""Document numbers, typed by the label before them.

``ИСХ. № 5542``, ``Cable No. 5542``, ``К п.615 /оп/ пр.ПБ № 83`` (an item and
its protocol), and incoming and outgoing numbers without a number sign
(``Вх. 1352``) give the number alone, typed by its label; a number after a
quoted title (``"Pravda" No. 12``) is an issue of a periodical, not a document
number. The identifiers enricher marks them up.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...lexicon import CLOSING_QUOTES, ENGLISH_MONTHS, OPENING_QUOTES, QUOTES, RUSSIAN_MONTHS_GENITIVE
from .telegrams import (
    CLASS_FILE,
    DECIMAL_FILE,
    LOT_FILE,
    SERIES_MESSAGE,
    SUBJECT_FILE,
    TELEGRAM_PATTERNS,
    telegram_references,
)

# Besides "№", "No." and "#": "No" without its stop before a number ("No 242"), and the Latin "N" that Russian
# texts typed without "№" write for it ("N 149", "N П 149/XIV", "N11"; kept only in Cyrillic text, see _latin_n).
_SIGN = (
    r"(?:№|N[Oo]\.|(?<![\w.])no\.(?=[ \t]*\d)|Nr\.|N°|Nº|(?<![\w#&])#(?=[ \t]?\d)"
    r"|(?-i:(?<![\w.])No(?=[ \t]\d))|(?-i:(?<![\w.])N(?=[ \t]?(?:[А-ЯЁ][ \t]?)?\d)))"
)
# A number, after a letter or two of its series, which may stand apart: "П83/615", "Р-21", "П 149/XIV"; it ends
# before a word in small letters glued to it, as a flattened page writes the next line ("№ 001919командующим").
_VALUE = r"(?:[^\W\d_]{1,3}-?|(?-i:[А-ЯЁ])[ \t](?=\d))?\d(?:(?!(?-i:[a-zа-яё]{3}))\w|[/-](?=\w))*"
_NUMBER = re.compile(rf"(?<![\w№]){_SIGN}[ \t]*(?P<value>{_VALUE})")
# Labels of incoming and outgoing numbers, by what they show: an abbreviation always labels a number ("Вх. 1352"),
# the English word in full only where it stands (see _is_unsigned_number), a Russian participle only before a
# number sign ("исходящий № 5542"; "исходящих 40" is an amount).
_DIRECTIONS = {
    "outgoing": (r"исх|outg\.", "outgoing", r"исходящ\w*"),
    "incoming": (r"вх|inc\.", "incoming", r"входящ\w*"),
}
_ABBREVIATED = re.compile("|".join(labels[0] for labels in _DIRECTIONS.values()), re.I)
# Protocol labels by a stem that the lower case text holds wherever the label is written.
_PROTOCOL_LABELS = {"протокол": r"протокол\w*", "пб": r"пр\.?\s*пб", "protocol": "protocol", "minutes": "minutes"}
_PROTOCOL = "|".join(_PROTOCOL_LABELS.values())
_PROTOCOL_WORDS = tuple(_PROTOCOL_LABELS)
_NUMBER_LABELS = {
    **{kind: "|".join(labels) for kind, labels in _DIRECTIONS.items()},
    "copy": r"экз(?:емпляр\w*)?|копи\w*|copy",
    "cipher": r"шифр\w*|cipher(?:ed)?(?:\s+(?:telegram|cable))?|ciphergram",
    "protocol": _PROTOCOL + "|пр",
    "item": r"пункт\w*|item",
    "document": r"документ\w*|document|doc",
    "cable": r"cable(?:gram)?",
    "telegram": r"телеграмм\w*|telegram",
    "note": r"записк\w*|note|memo(?:randum)?",
    "letter": r"письм\w*|letter",
    "order": r"приказ\w*|order|directive|директив\w*",
    "decree": r"постановлени\w*|decree|resolution",
    "report": r"донесени\w*|доклад\w*|report",
}
_LABEL_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _NUMBER_LABELS.items()) + r")\.?\s*$", re.I
)
_ITEM = r"п|пункт\w*|item|point|pt"
# "К п.615 /оп/ пр.ПБ № 83", "PB item 21 No. 40": an item of a numbered protocol.
_ITEM_PROTOCOL = re.compile(
    rf"(?<!\w)(?:{_ITEM})\.?\s*(?P<item>\d+[a-zа-яё]?|(?-i:[IVXLC]+))(?!\w)(?P<gap>[^\n№]{{0,40}}?)"
    rf"{_SIGN}\s*(?P<protocol>{_VALUE})",
    re.I,
)
# The meeting between a protocol and its number: "протокола заседания Политбюро № 58".
_MEETING = r"(?:заседани\w+\s+)?(?:Политбюро|Оргбюро|Секретариата|СНК|СТО|ПБ|ОБ)"
# "протокола № 72 заседания ... от 3.09.1925 г., п. 143", "протокола заседания Политбюро № 58, п. 41", "Protocol
# No. 72 of ..., item 143": the protocol first.
_PROTOCOL_THEN_ITEM = re.compile(
    rf"(?<!\w)(?:{_PROTOCOL})(?:\s+{_MEETING})?\.?\s*{_SIGN}\s*(?P<protocol>{_VALUE})"
    rf"(?P<gap>(?:(?!{_SIGN})[^\n]){{0,80}}?)[,;][ \t]*"
    rf"(?:{_ITEM})\.?[ \t]*(?P<item>\d+(?:/\d+)?[a-zа-яё]?)(?!\w)",
    re.I,
)
# Incoming and outgoing numbers are also written without a number sign: "Вх. 1352", "Исх. 274/с", "Inc. 1352". The
# number is no date ("Вх. 12/XII") and ends the line or is followed by a date or punctuation, not by a word
# ("Вх. 200 тонн"). The words in full ("incoming 300 from Harbin", "исходящих 40") are more often amounts; see
# _is_unsigned_number.
_UNSIGNED = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<{kind}>{labels[0]}|{labels[1]})" for kind, labels in _DIRECTIONS.items())
    + r")(?:\.[ \t]*|[ \t]+)"
    r"(?!\d{1,2}[/.](?:[IVXІ]+|\d{1,2})(?!\w))(?P<value>\d(?:\w|[/-](?=\w))*)(?!\w)(?![.:,]\d)"
    r"(?=[ \t]*(?:$|[^\w\s]|\d|(?:of|from|dated|от|из)(?!\w)))",
    re.I | re.M,
)
_MONTHS = "|".join(month[:3].lower() for month in ENGLISH_MONTHS) + "|" + "|".join(RUSSIAN_MONTHS_GENITIVE)
# A cable, telegram, letter or document referred to by its number without a number sign ("Your cable 236 February
# 7", "in telegram 269, February 9", "Letter 45", "Document 22"): the number ends the line or is followed by
# punctuation, a date or "of", not by a word ("telegram 3 days ago"); a year is none ("the letter 1950.").
_KINDS_UNSIGNED = ("cable", "telegram", "letter", "document")
# The item of a protocol heading its extract, in a document that cited the protocol: "41. О предоставлении ...",
# "85/72. О снабжении ...".
_EXTRACT_ITEM = re.compile(r"^(?P<value>\d{1,4}(?:/\d{1,4})?)\.[ \t]+(?=Об?[ \t])", re.M)
# The date suffix of such a file number, month, day and two-digit year: "6–2850" is 28 June 1950. The system was in
# use from 1910 to 1963, so the century is the twentieth.
_FILED = re.compile(r"/(?P<m>1[0-2]|[1-9])[-–](?P<d>[0-3]\d)(?P<y>\d{2})$")
_DECIMAL_FILE_YEARS = (1910, 1963)
# The number of a Politburo, Orgburo or Secretariat decision alone on its line, its protocol and item after the
# series letter: "П 98/40", "П83/615", "Ст 45/3", "П 149/XIV".
_DECISION_NUMBER = re.compile(
    r"^[ \t]*(?P<value>(?:П|Ст|ОБ|Пр)[ \t]?\d{1,4}/(?:\d{1,4}|[IVXLC]{1,7})(?:[-–]\d{1,2})?)[ \t.]*$", re.M
)
# A registration stamp: the number and its date alone on a line, "6148    27/X/62".
_REGISTRATION_STAMP = re.compile(
    r"^[ \t]*(?P<value>\d{3,6})[ \t]+(?=\d{1,2}[./](?:[IVX]{1,4}|\d{1,2})[./](?:\d{2}|\d{4})[ \t]*$)", re.M
)
# A registration number of two parts alone on its line ("195-19", "196-104" above a Politburo extract): the second
# smaller than the first, so no range of pages or years.
_REGISTRATION_PAIR = re.compile(r"^[ \t]*(?P<value>(?P<a>\d{2,5})-(?P<b>\d{1,5}))[ \t]*$", re.M)
# The item number an archivist's description quotes: 'номер пункта «41»'.
_QUOTED_ITEM = re.compile(r"(?<!\w)номер\w*[ \t]+пункт\w*[ \t]+[«\"„](?P<value>\d{1,4}(?:/\d{1,4})?)[»\"“]", re.I)
_LINE_DIGIT = re.compile(r"\n[ \t]*\d")
# The number of a record in a digital archive, cited with it: "Record ID: 111992".
_RECORD_ID = re.compile(r"(?<!\w)Record[ \t]+ID:?[ \t]*(?P<value>\d{1,9})(?!\w)")
_KIND_UNSIGNED = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(f"(?P<{kind}>[{kind[0].upper()}{kind[0]}]{kind[1:]})" for kind in _KINDS_UNSIGNED)
    + r")[ \t]+(?!(?:18|19|20)\d\d\b)(?P<value>\d{1,5})(?!\w)(?![.:,/]\d)"
    rf"(?=[ \t]*(?:$|[^\w\s]|(?:of|from|dated)(?!\w)|(?:{'|'.join(ENGLISH_MONTHS)})(?!\w)))",
    re.M,
)
# Several documents referred to by their numbers after one plural word: "Documents 84 and 91", "See related Documents
# Nos. 77, 82, 85", "телеграммы № 12 и 14". Each number is one; a year is none ("Documents 1950 and 1951"), and the
# last number is followed by what _KIND_UNSIGNED allows after its one number.
_PLURAL_KINDS = {
    "document": r"[Dd]ocuments|документ(?:ы|ов|ами|ах)",
    "cable": r"[Cc]ables",
    "telegram": r"[Tt]elegrams|телеграмм(?:ы|ами|ах)?",
    "letter": r"[Ll]etters",
}
_PLURAL_VALUE = r"(?!(?:18|19|20)\d\d(?!\w))\d{1,5}(?!\w)(?![.:,/]\d)"
_PLURAL_KIND = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(f"(?P<{kind}>{label})" for kind, label in _PLURAL_KINDS.items())
    + rf")[ \t]+(?:(?:Nos?\.|№№?)[ \t]*)?(?P<value>{_PLURAL_VALUE})"
    rf"(?=(?:[ \t]*,[ \t]*|[ \t]*,?[ \t]+(?:and|и)[ \t]+){_PLURAL_VALUE})"
)
# The numbers after the first, each after a comma or "and", the list ending where _KIND_UNSIGNED's one number may.
_PLURAL_NEXT = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]*,?[ \t]+(?:and|и)[ \t]+)(?P<value>{_PLURAL_VALUE})")
# The end of a range of numbers after a dash between spaces ("№ 3 — 5"); a hyphen between spaces does not join a
# range (" № 2 - 8 отдел": a copy's number and its addressee).
_RANGE_END = re.compile(r"[ \t]+[—–][ \t]+(?P<value>\d{1,4})(?![\w/.,-]\d|\w)")
_PLURAL_WORDS = ("documents ", "cables ", "telegrams ", "letters ", "документ", "телеграмм")
_PLURAL_END = re.compile(
    rf"[ \t]*(?:$|[^\w\s]|(?:and|of|from|dated|от)(?!\w)|(?:{'|'.join(ENGLISH_MONTHS)})(?!\w))", re.M
)
# A number listed after a signed one, of two or more digits, or a range of them, before a pause or a verb (not a
# day before its month, nor a count: "Copy No. 12, 13 copies").
_LISTED = re.compile(
    r"[ \t]*,[ \t]*(?P<value>\d{2,}(?:[-–]\d{2,})?)(?![\w/.,-]\d|\w)"
    r"(?=[ \t]*(?:[,.;:)\]]|$|(?:and|were|was|are|have|has|и|были|был[аи]?)(?!\w)))",
    re.I | re.M,
)
# A date right after a number: "274, 25 November 1952", "1352 of 5.10.51", "5542 от 20 сентября".
_DATE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:of|dated|от)[ \t]+)?\d{1,2}(?:[./](?:\d{1,2}|[IVXІ]+)(?!\w)|[ \t]+(?:" + _MONTHS + r"))",
    re.I,
)
_LINE_END = re.compile(r"[ \t*_.;)\]]*$", re.M)
# Where _UNSIGNED can match, the lower case text holds one of these (the abbreviations begin the words in full).
_UNSIGNED_LABELS = tuple(label.rstrip("\\.") for labels in _DIRECTIONS.values() for label in labels[0].split("|"))
# A title in quotation marks right before the number sign names a periodical: '"Pravda" No. 12', «Правда» № 5.
# The title may be followed by the place it appeared in ('«Пролетарский Путь» (Ульяновск) № 16'), and may open on the
# line before: a guillemet closing it there is enough.
_QUOTED_TITLE = re.compile(
    rf"(?:[{OPENING_QUOTES}][A-ZА-ЯЁ][^{QUOTES}\n]{{0,60}}[{CLOSING_QUOTES}]|^[^{QUOTES}\n]{{1,40}}»)"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?,?[ \t]*$"
)
_PROTOCOL_CONTEXT = re.compile(
    rf"(?-i:ПБ|PB|ОБ|OB|СНК|СТО)|{_PROTOCOL}|prot\.|пр\.|прот\.|politburo|политбюро|orgburo|оргбюро", re.I
)
_LINE_WINDOW = 200  # how far labels and line context are looked for around a number
_DITTO = {*QUOTES, "〃", "''"}
_TYPIST = re.compile(r"(?<!\w)(?:отп|исп)\.", re.I)
_YEAR_BEFORE = re.compile(r"(?<!\d)\d{4}\s*[.,](?:\s*\S+){0,2}\s*$")
_PERIODICAL = re.compile(
    r"(?<!\w)(?:magazine|journal|newspaper|gazette|periodical|bulletin|issue|vol\.|working\s+paper|briefing\s+book"
    r"|журнал\w*|газет\w*|бюллетен\w*|выпуск\w*|вып\.|том(?=[ \t]*(?:\d|[IVXLC]+(?!\w))))",
    re.I,
)
# Words that name periodicals in their titles, just before the number of an issue: "Voprosy Istorii No. 11",
# "Vestnik Vremennogo Pravitelstva No. 1", "Demokratisches Wochenblatt, No. 43", «Вестник ...» № 2.
_PERIODICAL_TITLE = re.compile(
    r"(?<!\w)(?:Vestnik|Voprosy|Izvesti[iy]?a|Zeitung|\w*[Bb]latt|Revue|Review|Gazeta|Zhurnal|Вестник\w*|Вопрос\w*"
    r"|Известия)(?!\w)"
)
# Things numbered that are no documents: "шахте № 3" (a mine), "School No. 5", "Camp No. 2".
_NOT_A_DOCUMENT = re.compile(
    r"(?<!\w)(?:шахт|завод|фабрик|школ|больниц|госпитал|лагер|цех|mine|factory|plant|school|hospital|camp)\w*"
    r"[ \t]*$",
    re.I,
)
# A number "of" a title after it is an issue of that periodical: "No. 3 of Iskra", "No. 12 of the Sotsial-Demokrat".
_ISSUE_OF = re.compile(
    rf"^[ \t]*of[ \t]+(?:the[ \t]+)?(?!(?:{'|'.join(ENGLISH_MONTHS)}|Politburo|Orgburo|Presidium|Sovnarkom|Secretariat"
    r"|Plenum|Congress|Conference|Government|Ministry|Commissariat|People|Comrade)\b)[A-Z][a-z][\w-]*\b"
    r"(?![ \t]+(?:[Cc]ommittee|[Cc]ouncil|[Cc]ommission|[Ss]oviet|[Bb]ureau|[Mm]inistry))"
)
_URL = re.compile(r"<?(?:https?://|www\.)[^\s>]*>?", re.I)
# Every number sign of _SIGN, in lower case: a text whose lower case holds none has no document number.
_SIGNS = ("№", "no.", "nr.", "n°", "nº", "#")


# Values this long are taken to be the same number when they recur ("с № П83/615"); "№ 1" is not.
_DISTINCT = 3


@dataclass(frozen=True)
class DocumentNumber:
    """A number at ``text[start:end]`` with its kind (``outgoing``, ``copy``, ``cable`` ...)."""

    start: int
    end: int
    value: str
    type: str


@dataclass
class NumberState:
    """What earlier numbers of the document tell about later ones."""

    last_type: str = ""
    types: dict[str, str] = field(default_factory=dict)
    protocol: bool = False  # a protocol's number was seen: an extract's items follow
    telegram: bool = False  # the document is a telegram: it cites others by number and date alone

    def remember(self, number: DocumentNumber) -> None:
        """Note a number's kind for ditto marks and for repeats of the same value."""
        self.last_type = number.type
        self.protocol = self.protocol or number.type == "protocol"
        if number.type != "number" and len(number.value) >= _DISTINCT:
            self.types.setdefault(number.value, number.type)


def find_document_numbers(text: str, state: NumberState | None = None) -> list[DocumentNumber]:
    """The document numbers in ``text``, in order; ``state`` carries context across blocks."""
    state = state if state is not None else NumberState()
    lowered = text.lower()
    signed = _has_sign(lowered)
    unsigned = any(label in lowered for label in _UNSIGNED_LABELS)
    kinds = any(f"{kind} " in lowered for kind in _KINDS_UNSIGNED)
    plurals = any(word in lowered for word in _PLURAL_WORDS)
    files = "/" in text
    telegrams = telegram_references(text, lowered, state.telegram)
    records = "record" in lowered
    central = "central " in lowered  # the subject-numeric files
    lots = "Lot " in text
    quoted = "номер" in lowered
    series = " of " in text
    lined = text[:1].isdigit() or _LINE_DIGIT.search(text) is not None  # a line opens with a number
    items = state.protocol and ". О" in text
    if not any(
        (signed, unsigned, kinds, plurals, files, telegrams, records, central, lots, series, lined, quoted, items)
    ):
        return []
    urls = url_spans(text)
    pairs = _protocol_items(text, lowered, urls) if signed else []
    if plurals:
        pairs += [m for m in _PLURAL_KIND.finditer(text) if _plural_numbers(m) and not overlaps(*m.span(), urls)]
    taken = sorted(urls + [p.span() for p in pairs])
    signs = [m for m in _NUMBER.finditer(text) if not overlaps(*m.span(), taken)] if signed else []
    if not _CYRILLIC.search(text):
        signs = [m for m in signs if not _latin_n(m)]
    bare = [m for m in _UNSIGNED.finditer(text) if _is_unsigned_number(m)] if unsigned else []
    bare += list(_KIND_UNSIGNED.finditer(text)) if kinds else []
    bare += list(DECIMAL_FILE.finditer(text)) if files else []
    bare += [m for m in CLASS_FILE.finditer(text) if file_date(m.group())] if files else []
    bare += list(_DECISION_NUMBER.finditer(text)) if files else []
    bare += list(SUBJECT_FILE.finditer(text)) if central else []
    bare += list(LOT_FILE.finditer(text)) if lots else []
    bare += telegrams
    bare += list(_RECORD_ID.finditer(text)) if records else []
    bare += list(_QUOTED_ITEM.finditer(text)) if quoted else []
    bare += list(SERIES_MESSAGE.finditer(text)) if series else []
    if lined:
        bare += _REGISTRATION_STAMP.finditer(text)
        bare += (m for m in _REGISTRATION_PAIR.finditer(text) if int(m.group("b")) < int(m.group("a")))
    bare += list(_EXTRACT_ITEM.finditer(text)) if items else []
    bare = [m for m in bare if not overlaps(*m.span(), taken)]
    found: list[DocumentNumber] = []
    for match in sorted(pairs + signs + bare, key=lambda m: m.start()):
        if match.re is _ITEM_PROTOCOL:
            numbers = [_number(match, "item", "item"), _number(match, "protocol", "protocol")]
        elif match.re is _PROTOCOL_THEN_ITEM:
            numbers = [_number(match, "protocol", "protocol"), _number(match, "item", "item")]
        elif match.re is _PLURAL_KIND:
            numbers = _plural_numbers(match)
        elif match.re is _UNSIGNED:
            numbers = [_number(match, "value", "incoming" if match.group("incoming") else "outgoing")]
        elif match.re in (DECIMAL_FILE, CLASS_FILE, SUBJECT_FILE, LOT_FILE):
            numbers = [_number(match, "value", "file")]
        elif match.re is _DECISION_NUMBER:
            numbers = [_number(match, "value", "decision")]
        elif match.re in (_EXTRACT_ITEM, _QUOTED_ITEM):
            numbers = [_number(match, "value", "item")]
        elif match.re in TELEGRAM_PATTERNS:  # the abbreviation, series or post is part of it ("Embtel 1519")
            numbers = [DocumentNumber(*match.span("ref"), match.group("value"), "telegram")]
        elif match.re is _RECORD_ID:
            numbers = [_number(match, "value", "record")]
        elif match.re is SERIES_MESSAGE:  # the series is part of the reference, as "Embtel" is
            numbers = [DocumentNumber(match.start(), match.end(), match.group("value").split()[-1], "message")]
        elif match.re in (_REGISTRATION_STAMP, _REGISTRATION_PAIR):
            numbers = [_number(match, "value", "registration")]
        elif match.re is _KIND_UNSIGNED:
            numbers = [_number(match, "value", next(k for k in _KINDS_UNSIGNED if match.group(k)))]
        else:
            kind = _number_type(text, match, state)
            first = _with_range(text, _number(match, "value", kind))
            numbers = [first, *_listed_after(text, first.end, kind)] if kind else []
        for number in numbers:
            state.remember(number)
        found += numbers
    return found


def file_date(value: str) -> tuple[int, int, int] | None:
    """The year, month and day a decimal file number's suffix gives (``795.00/6–2850``: 1950, 6, 28), if any."""
    match = _FILED.search(value)
    year = 1900 + int(match.group("y")) if match else 0
    if (
        match is None
        or not 1 <= int(match.group("d")) <= 31
        or not _DECIMAL_FILE_YEARS[0] <= year <= _DECIMAL_FILE_YEARS[1]
    ):
        return None
    return year, int(match.group("m")), int(match.group("d"))


def _with_range(text: str, number: DocumentNumber) -> DocumentNumber:
    """``number`` with the end of a range written after it with a spaced dash, as one group: "письма № 3 — 5"."""
    more = _RANGE_END.match(text, number.end)
    if more is None or not number.value.isdigit() or int(more.group("value")) <= int(number.value):
        return number
    return DocumentNumber(number.start, more.end(), text[number.start : more.end()], number.type)


def _plural_numbers(match: re.Match[str]) -> list[DocumentNumber]:
    """The numbers after one plural word, the first in ``match``, if the list ends as a reference does."""
    kind = next(k for k in _PLURAL_KINDS if match.group(k))
    numbers = [_number(match, "value", kind)]
    end = match.end()
    while (more := _PLURAL_NEXT.match(match.string, end)) is not None:
        numbers.append(_number(more, "value", kind))
        end = more.end()
    return numbers if _PLURAL_END.match(match.string, end) else []


def _listed_after(text: str, end: int, kind: str) -> list[DocumentNumber]:
    """The numbers listed after one with its number sign, of its kind: "Your No. 811, 812-813 were presented"."""
    listed = []
    while (more := _LISTED.match(text, end)) is not None:
        listed.append(_number(more, "value", kind))
        end = more.end()
    return listed


def _is_unsigned_number(match: re.Match[str]) -> bool:
    """Whether an unsigned incoming or outgoing number is one: after an abbreviated label, or after the word in
    full where a date follows or the label opens the line and the number ends it (``Incoming 1352/sh``)."""
    label = match.group("incoming") or match.group("outgoing")
    if _ABBREVIATED.fullmatch(label):
        return True
    text = match.string
    if _DATE_AFTER.match(text, match.end()):
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not text[line_start : match.start()].strip(" \t*_[(") and _LINE_END.match(text, match.end()) is not None


def _has_sign(lowered: str) -> bool:
    """Whether the lower-cased text ``lowered`` holds a number sign (``№``, ``No.``, ``#``, ``N 5``)."""
    return any(sign in lowered for sign in _SIGNS) or _LETTER_SIGN.search(lowered) is not None


# "No" or "N" as a number sign, lower-cased (a quick test of _SIGN's forms without a mark). The look-behind follows
# the "n", so that a search skips to the letter instead of trying every position.
_LETTER_SIGN = re.compile(r"n(?<![\w.]n)o?[ \t]?(?:[а-яё][ \t]?)?\d")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


def _latin_n(match: re.Match[str]) -> bool:
    """Whether the number sign of a ``_NUMBER`` match is the bare Latin "N" (a sign only in Russian text)."""
    return match.group()[0] == "N" and match.group()[1:2] not in ("o", "O", "r", "°", "º", ".")


def _protocol_items(text: str, lowered: str, urls: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The items of numbered protocols in ``text``, whether the item or the protocol is written first."""
    pairs = [m for m in _ITEM_PROTOCOL.finditer(text) if _is_protocol_item(text, m) and not overlaps(*m.span(), urls)]
    if any(word in lowered for word in _PROTOCOL_WORDS):
        taken = sorted(urls + [p.span() for p in pairs])
        pairs += [m for m in _PROTOCOL_THEN_ITEM.finditer(text) if not overlaps(*m.span(), taken)]
    return pairs


def url_spans(text: str) -> list[tuple[int, int]]:
    """The offsets of the web addresses in ``text``, in order."""
    if "://" not in text and "www." not in text.lower():  # every address has one of them
        return []
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def _number(match: re.Match[str], group: str, kind: str) -> DocumentNumber:
    return DocumentNumber(match.start(group), match.end(group), match.group(group), kind)


def _is_protocol_item(text: str, match: re.Match[str]) -> bool:
    """Whether an item and a number name a protocol (``пр.ПБ``, ``PB``) near them, and the number is not labelled
    as one of another kind (``item 3 of the Politburo decision, cable No. 44``)."""
    gap = match.group("gap")
    label = _LABEL_BEFORE.search(gap[-40:])
    if label and label.lastgroup != "protocol":
        return False
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(_PROTOCOL_CONTEXT.search(gap) or _PROTOCOL_CONTEXT.search(before))


def _number_type(text: str, match: re.Match[str], state: NumberState) -> str:
    """The kind of the number ``match`` found, or "" when it is not a document number."""
    before, after = _line_around(text, match.start(), match.end())
    label = _LABEL_BEFORE.search(before[-40:])
    value = match.group("value")
    if label and label.lastgroup:
        return label.lastgroup
    if before.strip() in _DITTO:
        return state.last_type or "number"
    if _QUOTED_TITLE.search(before[-80:]):
        return ""  # an issue of a periodical: '"Sotsial-Demokrat" No. 47'
    if _YEAR_BEFORE.search(before[-30:]) or _PERIODICAL.search(before[-100:]) or _ISSUE_OF.match(after):
        return ""  # an issue of a periodical: "Izvestiya TsK KPSS. 1991. No. 2/3", "No. 3 of Iskra"
    if _PERIODICAL_TITLE.search(before[-40:]) or _NOT_A_DOCUMENT.search(before[-30:]):
        return ""
    if value in state.types:
        return state.types[value]
    if _TYPIST.search(before):
        return "registration"
    if not before.strip().strip("*_[(") and not after.strip().strip("*_])."):
        return "document"
    return "number"


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the line before ``start`` and after ``end``, at most ``_LINE_WINDOW`` characters each."""
    window_start = max(0, start - _LINE_WINDOW)
    newline = text.rfind("\n", window_start, start)
    line_end = text.find("\n", end, end + _LINE_WINDOW)
    before = text[newline + 1 if newline >= 0 else window_start : start]
    return before, text[end : line_end if line_end >= 0 else end + _LINE_WINDOW]


def overlaps(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``start:end`` shares a character with one of ``ranges`` (sorted and disjoint)."""
    before = bisect_left(ranges, (end,))
    return before > 0 and ranges[before - 1][1] > start
