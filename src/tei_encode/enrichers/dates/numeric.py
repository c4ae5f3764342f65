"""Date rules written in digits, common to every language of the sources.

Day and month with a slash or a dot and Arabic or Roman month numbers
(``24/7``, ``29/VII-20``, ``26/IX 1951 г.``, ``3.XI.1949``, ``19. X. 1921 г.``, ``9/VIII.1921``, ``5.2.50``,
``26.9``; in ``І/IX-20`` a letter I is typed for the digit 1), a time of
dispatch before such a date (``17.45 26.9``), month first where the day tells it (``10/14/50``), ISO dates
and the year first with dots (``1961.3.29``), years (``1974``,
``1951 года``) and ranges of years (``1912-1927``, ``1920-21``). A bare pair of Arabic
numbers next to a word or a number (``1/5 of``, ``12.5 million``) is a fraction
or a decimal, not a date; nor is a bare four-digit time (``At 1600``, ``1930
hours``) or document number (``Incoming 1352``, ``1352/sh``).
"""

from __future__ import annotations

import re

from .core import (
    AT_DIGIT,
    DECADE_END,
    HAS_YEAR,
    ROMAN_MONTH,
    ROMAN_MONTHS,
    YEAR_SUFFIX_RU,
    Reading,
    Rule,
    followed_by_word,
)

_DAY_MONTH = (
    r"(?P<d>0?[1-9]|[12]\d|3[01]|I(?=[./][IVX]))(?P<sep>[./])(?:(?P<m>0?[1-9]|1[0-2])(?!\d)|(?P<spaced>[ \t])?"
    + ROMAN_MONTH
    + r")"
    r"(?:(?:(?P=sep)|(?(roman)[./]))(?(roman)[ \t]?)(?P<y>\d{4}|\d{2})(?!\d)|-(?P<yh>\d{2})(?!\d)"
    r"|(?:[ \t\u00a0]+|(?(roman)[ \t]*[-–—][ \t]*))(?P<ys>\d{4})(?!\d)" + YEAR_SUFFIX_RU + r"?)?(?![\d/]|\.\d)"
)

_YEAR = r"(?P<y>1\d{3}|20\d{2})"
# Look-aheads of what a match opens with, before a pattern that opens with a look-behind (see english.py).
_AT_YEAR = "(?=[12])"
_AT_DAY = r"(?=[\dI])"  # or the I typed for 1


# A dash and a number that is no day of a date after a bare pair: a run of file or sheet numbers ("min. 2/1-9").
_RUN_OF_NUMBERS = re.compile(r"[ \t]?[-–][ \t]?\d{1,3}(?![\d/.])")


def _day_month(match: re.Match[str]) -> Reading | None:
    """``24/7``, ``29/VII-20``, ``26/IX 1951 г.``, ``5.2.50``: a bare Arabic pair must not be a fraction nor
    open a run of numbers."""
    stated = match.group("y") or match.group("yh") or match.group("ys")
    arabic = match.group("m")
    if arabic and not stated and (_looks_like_a_number(match) or _RUN_OF_NUMBERS.match(match.string, match.end())):
        return None
    if match.group("spaced") and not stated:
        return None  # "1. V. I. Lenin": an item of a list and initials
    month = int(arabic) if arabic else ROMAN_MONTHS[match.group("roman")]
    day = match.group("d")
    return Reading(year=int(stated) if stated else None, month=month, day=1 if day == "I" else int(day))


def _looks_like_a_number(match: re.Match[str]) -> bool:
    """Whether ``1/5`` or ``12.5`` is a fraction or a decimal: a word or a number is next to it."""
    text, start = match.string, match.start()
    return followed_by_word(text, match.end()) or re.search(r"\d[ \t]+$", text[max(0, start - 4) : start]) is not None


def _dispatch(match: re.Match[str]) -> Reading | None:
    """``17.45 26.9``: a time of dispatch and its date."""
    reading = _day_month(match)
    if reading is None:
        return None
    time = f"{int(match.group('h')):02d}:{match.group('mi')}"
    return Reading(year=reading.year, month=reading.month, day=reading.day, time=time)


def _month_first(match: re.Match[str]) -> Reading:
    """``10/14/50``, ``11.21.1962``: the American order, told by a day above 12."""
    return Reading(year=int(match.group("y")), month=int(match.group("m")), day=int(match.group("d")))


def _iso(match: re.Match[str]) -> Reading:
    return Reading(year=int(match.group("y")), month=int(match.group("m")), day=int(match.group("d")))


def _decade(match: re.Match[str]) -> Reading:
    """``the 1930s``, ``1930-е годы``: the ten years from the one named."""
    first = int(match.group("y"))
    return Reading(year=first, last_year=first + 9)


# The years of a decade its beginning, middle and end span.
_DECADE_PARTS = {"нач": (0, 3), "сер": (4, 6), "кон": (7, 9)}


def _part_of_decade(match: re.Match[str]) -> Reading:
    """``конца 70-х годов``: the last three years of the decade, in the context's century if not stated."""
    first, last = _DECADE_PARTS[match.group("part")[:3].lower()]
    decade = int(match.group("y"))
    return Reading(year=decade + first, last_year=decade + last)


def _year_range(match: re.Match[str]) -> Reading | None:
    """``1912-1927``, ``1920-21`` (the last year in the century of the first), ``1864 to 1869``, ``1963 по 1972
    год`` (where both are years, not times: ``At 1600 to 1700 hours``)."""
    if match.group("y3") and not all(plausible_year(match.string, *match.span(g), None) for g in ("y", "y3")):
        return None
    first, last = int(match.group("y")), int(match.group("y2") or match.group("y3"))
    return Reading(year=first, last_year=last if last >= 100 else first // 100 * 100 + last)


# The page, volume, book or issue of a reference after its year: "Москва. РОССПЭН 2005 стр. 379", "1974. С. 5".
_REFERENCE_PART = r"(?:стр|с|т|кн|вып)\."


def _year(match: re.Match[str]) -> Reading | None:
    """A year; one followed by a Russian noun without ``г.``/``года`` is a count (``1500 штыков``).

    ``по`` is no noun (``с 1918 по 1920 г.``), nor the page or volume of a reference (``2005 стр. 379``).
    """
    if match.group("suffix"):
        return Reading(year=int(match.group("y")))
    if re.match(r"[ \t\u00a0]+(?!по(?!\w)|" + _REFERENCE_PART + r")[а-яё]", match.string[match.end() :], re.I):
        return None
    return Reading(year=int(match.group("y")), bare_year=True)


# A time of day after ``at`` (``At 1600``) or ``until`` (``until 2030``, ``до 1800``), and before ``hours``.
_AT = re.compile(r"\bat\s+$", re.IGNORECASE)
_UNTIL = re.compile(r"(?:\b(?:until|till|by)|(?<!\w)(?:до|к))\s+$", re.IGNORECASE)
_AFTER_TIME = re.compile(r"\s*(?:hours|hrs|h|ч\.|час\w*)(?!\w)", re.IGNORECASE)
# Words before a document number written without ``No.``: ``Вх. 1352``, ``Incoming 1352``.
_BEFORE_NUMBER = re.compile(r"(?:\b(?:incoming|outgoing)|(?<!\w)(?:вх|исх)\.?)\s*$", re.IGNORECASE)
# A number of five digits or more listed beside the four: numbers of one series, as of cables ("Vienna's 10712
# and 1022").
_LISTED_AFTER = re.compile(r"\d{5}[ \t]*(?:,|and|&|и)[ \t]*$")
_LISTED_BEFORE = re.compile(r"[ \t]*(?:,|and|&|и)[ \t]*\d{5}")


def plausible_year(text: str, start: int, end: int, context_year: int | None) -> bool:
    """Whether the four digits ``text[start:end]`` standing alone are a year rather than a time or a number.

    Not a year: a document number (``Incoming 1352``, ``1352/sh``, ``10712 and 1022``), a time
    (``1930 hours``), a decade (``1920s``, ``1920-х``), and a clock time after ``at`` unless within ten years of
    the context year (``At 1600`` in 1952) or after ``until`` unless between a
    century before the context year and twenty years after it (``until 2030``).
    """
    if _AFTER_TIME.match(text, end) or re.match(r"/[^\W\d_]", text[end : end + 2]):
        return False
    if DECADE_END.match(text, end):
        return False
    before = text[max(0, start - 12) : start]
    if _BEFORE_NUMBER.search(before) or _LISTED_AFTER.search(before) or _LISTED_BEFORE.match(text, end):
        return False
    number = int(text[start:end])
    if number // 100 > 23 or number % 100 > 59:
        return True
    if _AT.search(before):
        return context_year is not None and abs(number - context_year) <= 10
    if _UNTIL.search(before):
        return context_year is not None and context_year - 100 <= number <= context_year + 20
    return True


# Each rule's quick test is the shortest run of characters every date it reads holds (in ``I/IX`` the letter I is
# typed for the day 1).
RULES: tuple[Rule, ...] = (
    Rule(re.compile(_AT_DAY + r"(?<![\w./:-])" + _DAY_MONTH), _day_month, (re.compile(r"[\dI][./]"),)),
    Rule(
        re.compile(AT_DIGIT + r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)[ \t\u00a0]+" + _DAY_MONTH),
        _dispatch,
        (re.compile(r"\d[.:][0-5]"),),
    ),
    Rule(
        re.compile(_AT_YEAR + r"(?<![\w./-])" + _YEAR + r"-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])"),
        _iso,
        (re.compile(r"\d-[01]"),),
    ),
    Rule(
        re.compile(
            _AT_YEAR + r"(?<![\w./-])" + _YEAR + r"\.(?P<m>0?[1-9]|1[0-2])\.(?P<d>0?[1-9]|[12]\d|3[01])(?![\w./-])"
        ),
        _iso,
        (re.compile(r"(?:1\d|20)\d\d\.\d"),),
    ),
    Rule(
        re.compile(
            AT_DIGIT + r"(?<![\w./-])(?P<m>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y>\d{4}|\d{2})(?![\w/-]|\.\d)"
        ),
        _month_first,
        (re.compile(r"/(?:1[3-9]|2\d|3[01])/"),),
    ),
    Rule(  # the same with full stops, with a year of four digits (else a section number): "11.21.1962"
        re.compile(
            r"(?<![\w./-])(?P<m>0?[1-9]|1[0-2])\.(?P<d>1[3-9]|2\d|3[01])\.(?P<y>1[5-9]\d\d|20\d\d)(?![\w/-]|\.\d)"
        ),
        _month_first,
        (re.compile(r"\.(?:1[3-9]|2\d|3[01])\.[12]"),),
    ),
    Rule(
        re.compile(
            _AT_YEAR
            + r"(?<![\w./,-])"
            + _YEAR
            + r"(?:[ \t]?[-–—][ \t]?(?P<y2>1\d{3}|20\d{2}|\d{2}(?!\d))|[ \t]+(?:to|по)[ \t]+(?P<y3>1\d{3}|20\d{2}))"
            + YEAR_SUFFIX_RU
            + r"?(?![\w-]|[.,/]\d)"
        ),
        _year_range,
        (re.compile(r"\d(?:[ \t]?[-–—]|[ \t](?:to|по)[ \t])"),),
    ),
    Rule(  # a decade: "the 1930s", "1920's", "в 1930-е годы", "1950-х годов"
        re.compile(
            _AT_YEAR
            + r"(?<![\w./,:-])(?P<y>1\d{2}0|20\d0)(?:'?s\b|-(?:е|х|ые|ых)(?:[ \t\u00a0]+год(?:ы|ов|ах|ами)|(?!\w)))"
        ),
        _decade,
        (re.compile(r"0'?s|0-[ехы]"),),
    ),
    Rule(  # part of a decade, its century perhaps the context's: "в конце 20-х гг.", "начала 1870-х годов"
        re.compile(
            r"(?<![\w-])(?P<part>[Нн]ачал[аеоу]|[Сс]ередин[аеыу]|[Кк]онц[аеу]|[Кк]онец)[ \t\u00a0]+"
            r"(?P<y>(?:1\d|20)?\d0)-(?:х|е|ые|ых)(?:[ \t\u00a0]+(?:год(?:ы|ов|ах)|гг\.)|(?!\w))"
        ),
        _part_of_decade,
        (re.compile(r"0-[ехы]"),),
    ),
    Rule(
        re.compile(_AT_YEAR + r"(?<![\w./,:-])" + _YEAR + r"(?P<suffix>" + YEAR_SUFFIX_RU + r")?(?!\w|[.,/:-]\d)"),
        _year,
        (HAS_YEAR,),
    ),
)
