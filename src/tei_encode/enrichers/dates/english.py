"""English date rules: month names with days, ordinals, years and parts of months.

``September 26, 1951``, ``July 24 [1920]``, ``August 3rd``, ``August 5-10``,
``July 29 or 30, 1920``, ``[October] 18 or 19`` (a month the editors
supplied), ``26 July``, ``the 4th of August``, ``thirtieth of July``, a day
alone after a bound or a document (``before the thirtieth``, ``no later than
the 12th``, ``your cable of the 8th``), ``mid-August 1920``, ``early August``, ``the
end of July`` and a month alone used as a noun or modifier (``our July
offensive``), parts of a month (``the first ten days of October``, ``the second
half of May``), quarters (``the fourth quarter of 1951``, ``II quarter of
1953``, ``the first quarter``), halves of a year and seasons (``the second half of 1952``, ``spring
of 1953``), Old Style dates with the New Style day (``October 28 (November
10) [1912]``, ``18 (31) December 1912``), days that share a month (``3 and 4
January``, ``January 3rd and 4th``: one date each), doubtful days (``[8-9?]
December 1952``) and spans of months and years (``January-March 1953``,
``1946-February 1950``). Month names count only when capitalised; ``May``
alone is a verb more often than a month, so it needs a day, a year or a
preposition (``after May``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...lexicon import CLOSING_QUOTES, ENGLISH_MONTHS, OPENING_QUOTES
from .core import (
    AT_DIGIT,
    END_OF_MONTH,
    HAS_SLASHED_DAY,
    HAS_YEAR,
    YEAR_END,
    DayListRule,
    Reading,
    Rule,
    old_style_year,
)

_ABBREVIATIONS = {"Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8, "Sep.": 9, "Sept.": 9}
_ABBREVIATIONS |= {"Oct.": 10, "Nov.": 11, "Dec.": 12}
MONTH_NUMBERS = {name: i for i, name in enumerate(ENGLISH_MONTHS, start=1)}
MONTH_NUMBERS |= {name.upper(): i for name, i in list(MONTH_NUMBERS.items())}
MONTH_NUMBERS |= _ABBREVIATIONS

# Quick tests of the rules: every month name and abbreviation above holds its first three letters, as written.
_MONTH_STARTS = "|".join(sorted({name[:3] for name in MONTH_NUMBERS}))
_HAS_MONTH = re.compile(_MONTH_STARTS)
_HAS_DIGIT = re.compile(r"\d")
_HAS_OF_MONTH = re.compile(rf"\sof\s+(?:{_MONTH_STARTS})")
# Every ordinal, in words or not, ends in st, nd, rd or th.
_HAS_ORDINAL_OF_MONTH = re.compile(rf"(?i:st|nd|rd|th)\s+of\s+(?:{_MONTH_STARTS})")
_HAS_QUOTED_DAY = re.compile(rf"\d\s*[{CLOSING_QUOTES}]")
_HAS_MONTH_DAY = re.compile(rf"(?:{_MONTH_STARTS})[A-Za-z]*[.\]]?\s+\d")
_HAS_DAY_MONTH = re.compile(rf"(?:\d|st|nd|rd|th)\s+(?:of\s+)?\[?(?:{_MONTH_STARTS})")

_MONTH_NAMES = "|".join(re.escape(m) for m in sorted(MONTH_NUMBERS, key=len, reverse=True))
# Abbreviations without a full stop ("Jan 13 1950", as cable clerks write them): months only with a day and a year.
BARE_ABBREVIATIONS = {name.rstrip("."): i for name, i in _ABBREVIATIONS.items()}
_BARE_MONTH = r"(?P<month>" + "|".join(sorted(BARE_ABBREVIATIONS, key=len, reverse=True)) + r")(?!\w)"
# A day, month and year joined by full stops, as telegraph forms write them: "13.June.1951".
_DOTTED_MONTH = r"(?P<month>" + "|".join(ENGLISH_MONTHS) + r")"
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")(?!\w)"
_NEW_MONTH = r"(?P<month2>" + _MONTH_NAMES + r")(?!\w)"
_NAMED_MONTH = r"(?P<month>" + "|".join(ENGLISH_MONTHS) + "|" + "|".join(m.upper() for m in ENGLISH_MONTHS) + r")\b"
_LAST_MONTH = r"(?P<month2>" + "|".join(ENGLISH_MONTHS) + "|" + "|".join(m.upper() for m in ENGLISH_MONTHS) + r")\b"
_TITLE_MONTH = r"(?P<month>" + "|".join(ENGLISH_MONTHS) + r")\b"


def _initials(words: Iterable[str]) -> str:
    """A class of the first letters of ``words``, in either case (as ``(?i:...)`` matches them)."""
    return "(?i:[" + "".join(sorted({word[0] for word in words})) + "])"


# Look-aheads of what a match opens with, before a pattern that opens with a word boundary, a look-behind or an
# optional part: a search tries such a pattern at every position of a text, the look-ahead passes over most of them
# in one test. A month's name or abbreviation (as written); a day's digit or an ordinal in words.
_MONTH_INITIALS = "[" + "".join(sorted({name[0] for name in MONTH_NUMBERS})) + "]"
_AT_MONTH = f"(?={_MONTH_INITIALS})"
_AT_OPEN_MONTH = rf"(?=\[|{_MONTH_INITIALS})"  # or the editors' bracket before it
# A year of four digits opening a date, not inside a number (the look-behind after the first digit: a search skips).
_YEAR_FIRST = r"(?P<y>(?:1(?<![\w./,-]1)[5-9]|2(?<![\w./,-]2)0)\d\d)"
# A month the editors supplied in brackets before or after its day: ``[October] 18 or 19``, ``18 [October]``.
_OPEN_MONTH = r"(?:(?P<mb>\[)|\b)" + _MONTH + r"(?(mb)\])"
_BRACKETABLE_MONTH = r"(?P<mb>\[)?" + _MONTH + r"(?(mb)\])"

_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
ORDINAL_WORDS = {word: i for i, word in enumerate((*_UNITS, *_TEENS, "twentieth"), start=1)}
ORDINAL_WORDS |= {f"twenty-{word}": 20 + i for i, word in enumerate(_UNITS, start=1)}
ORDINAL_WORDS |= {"thirtieth": 30, "thirty-first": 31}

_WORD_ORDINAL = "|".join(w.replace("-", "[- ]") for w in sorted(ORDINAL_WORDS, key=len, reverse=True))
_DAY = r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d))"
_ORDINAL = r"(?:(?P<od>\d{1,2})(?:st|nd|rd|th)|(?P<ow>(?i:" + _WORD_ORDINAL + r")))(?!\w)"
_AT_ORDINAL = r"(?=\d|" + _initials(ORDINAL_WORDS) + ")"
_RANGE = r"(?:(?:[ \t]*[-–—][ \t]*|\s+(?:or|to)\s+)(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?"
# A note number glued to the year is no part of its value: "01 July 19491" is 1 July 1949 and note 1. The date
# takes the whole word (the writer keeps a word a span would cut in two as written, and a date cut off it is lost).
_GLUED_NOTE = r"(?<=1[5-9]\d\d|20\d\d)[1-9]\d?(?![\d/]|[.,]\d)"
# The year may be stated, or supplied by the editors in brackets, also after the text's "this year" ("6-17 April
# this year [1961]").
_YEAR = (
    r"(?:,?\s*(?:of\s+)?(?:(?P<y>\d{4})|(?:(?:of\s+)?this\s+year\s+)?\[(?P<yb>\d{4})\])(?:(?![\d/])|"
    + _GLUED_NOTE
    + r"))?"
)

# After a day named alone comes a pause, not a noun (``the 12th Army``, ``the 12th and 13th``). A day in digits
# may also be followed by a new clause (``by the 15th and send it``), a note number before a pause (``on the 29th
# 1 .``) or by a verb or a preposition (``of the 8th has been received``, ``on the 5th in Moscow``): group
# ``more``, which a day in words does not take (``before the first in line``, ``after the first and second``).
_PAUSE = (
    r"(?=\s*(?:[.,;:!?)]|$)"
    r"|(?P<more>\s+and\s+(?!the\s+\d|\d)|\s+(?:\d{1,2}(?=\s*(?:[.,;:!?)]|$))|(?:has|have|had|was|were|is|are|will"
    r"|would|shall|should|could|can|must|did|in|at|with|for|about|but|when)\b)))"
)
# Words a day named alone follows: a bound (``until the 12th``, ``no later than the 12th``) or a document it
# dates (``your cable of the 8th``).
_BEFORE_DAY_ALONE = (
    r"\b(?i:before|after|by|until|till|on|since|from|(?:no|not)\s+(?:later|earlier)\s+than"
    r"|(?:cable|telegram|wire|letter|note|message|report|dispatch|despatch|memorandum|directive|order|instruction"
    r"|decision|resolution|statement|reply|answer|request|conversation|talk|meeting|session)s?\s+of)\s+the\s+"
)
# The New Style day in brackets after an Old Style one: ``(29)``, ``(November 10)``.
_NEW_DAY = r"\s*\(\s*(?P<nd>\d{1,2})(?:st|nd|rd|th)?\s*\)"
_NEW_MONTH_DAY = r"\s*\(\s*" + _NEW_MONTH + r"\s+(?P<nd>\d{1,2})(?:st|nd|rd|th)?\s*\)"
_NEW_DAY_MONTH = r"\s*\(\s*(?P<nd>\d{1,2})(?:st|nd|rd|th)?\s+" + _NEW_MONTH + r"\s*\)"
# Both dates with their years, across a new year: ``December 31, 1912 (January 13, 1913)``.
_OLD_AND_NEW_YEARS = (
    _MONTH + r"\s+" + _DAY + r",?\s*(?P<y>\d{4})\s*\(\s*" + _NEW_MONTH + r"\s+(?P<nd>\d{1,2})(?:st|nd|rd|th)?"
    r",?\s*(?P<y2>\d{4})\s*\)(?P<yb>)"
)
# Days that share one month: ``3 and 4``, ``3rd, 4th and 5th``.
_LIST_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d/]|\.\d)"
_DAY_LIST = r"(?P<days>" + _LIST_DAY + r"(?:\s*,\s*" + _LIST_DAY + r")*\s*,?\s+(?:and|&)\s+" + _LIST_DAY + ")"

# Parts of a month, as the first and last day they cover.
_PARTS = {"early": (1, 10), "beginning": (1, 10), "mid": (11, 20), "middle": (11, 20)}
_AT_MONTH_PART = f"(?={_MONTH_INITIALS}|{_initials((*_PARTS, 'late', 'end'))})"  # or the part of it before it
_PARTS |= {"late": (21, END_OF_MONTH), "end": (21, END_OF_MONTH)}


def _year(match: re.Match[str]) -> int | None:
    stated = match.group("y") or match.group("yb")
    return int(stated) if stated else None


def _day_of(match: re.Match[str]) -> int:
    groups = match.groupdict()
    digits = groups.get("d") or groups.get("od")
    if digits:
        return int(digits)
    return ORDINAL_WORDS[groups["ow"].lower().replace(" ", "-")]


def _month_day(match: re.Match[str]) -> Reading:
    """``September 26, 1951``, ``26 July``, ``4th of August``, ``August 5-10``."""
    day = _day_of(match)
    second = match.groupdict().get("d2")
    last = int(second) if second else None
    return Reading(year=_year(match), month=MONTH_NUMBERS[match.group("month")], day=day, last_day=last)


def _bare_month_day(match: re.Match[str]) -> Reading:
    """``Jan 13 1950``: a month abbreviated without its full stop."""
    return Reading(year=_year(match), month=BARE_ABBREVIATIONS[match.group("month")], day=_day_of(match))


def _old_and_new_style(match: re.Match[str]) -> Reading:
    """``October 28 (November 10) [1912]``, ``September 16 (29), 1912``, ``18 (31) December 1912``."""
    new_month = match.groupdict().get("month2")
    month = MONTH_NUMBERS[match.group("month")]
    return Reading(
        year=old_style_year(match, _year(match), month, MONTH_NUMBERS[new_month] if new_month else None),
        month=month,
        day=_day_of(match),
        new_month=MONTH_NUMBERS[new_month] if new_month else None,
        new_day=int(match.group("nd")),
    )


def _doubtful_days(match: re.Match[str]) -> Reading:
    """``[8-9?] December 1952``: days the editors supplied, with the doubt they mark."""
    reading = _month_day(match)
    return Reading(
        year=reading.year,
        month=reading.month,
        day=reading.day,
        last_day=reading.last_day,
        uncertain=bool(match.group("doubt")),
    )


def _month_span(match: re.Match[str]) -> Reading:
    """``January-March 1953``, ``February or March 1910``, ``September and October 1931`` (months of one year),
    ``1946-February 1950``, ``May 1946 - March 1950``."""
    first_year = match.groupdict().get("y1")
    first_month = MONTH_NUMBERS[match.group("month")] if match.group("month") else None
    last_month = MONTH_NUMBERS[match.group("month2")]
    if first_year:
        return Reading(year=int(first_year), month=first_month, last_year=_year(match), last_month=last_month)
    return Reading(year=_year(match), month=first_month, last_month=last_month)


def _days_of_two_months(match: re.Match[str]) -> Reading:
    """``31 October-1 November 1868``: from a day of one month to a day of the next."""
    month, last_month = MONTH_NUMBERS[match.group("month")], MONTH_NUMBERS[match.group("month2")]
    return Reading(
        year=_year(match), month=month, day=_day_of(match), last_month=last_month, last_day=int(match.group("d2"))
    )


def _fiscal_year(match: re.Match[str]) -> Reading:
    """``FY 1950``: the year to 30 June (to 30 September from 1977) named by the calendar year it ends in."""
    year = int(match.group("y"))
    first = 10 if year >= 1977 else 7
    return Reading(year=year - 1, month=first, last_year=year, last_month=first - 1)


def _year_month_day(match: re.Match[str]) -> Reading:
    """``1950, January 14``: the year first."""
    return Reading(year=int(match.group("y")), month=MONTH_NUMBERS[match.group("month")], day=_day_of(match))


def _shared_month(match: re.Match[str]) -> Reading:
    """The month and year of ``3 and 4 January``: each day is set by the rule."""
    return Reading(year=_year(match), month=MONTH_NUMBERS[match.group("month")])


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}  # winter spans two years
_YEAR_HALVES = {"first": (1, 6), "second": (7, 12), "last": (7, 12)}


def _part_of_year(match: re.Match[str]) -> Reading:
    """``spring of 1953``, ``the second half of 1952``: months of a year."""
    season = match.group("season")
    first, last = _SEASONS[season.lower()] if season else _YEAR_HALVES[match.group("half").lower()]
    return Reading(year=_year(match), month=first, last_month=last)


def _month_part(match: re.Match[str]) -> Reading | None:
    """``mid-August 1920``, ``early August``, ``August 1920``, ``[October] 1950``; a month alone is another rule."""
    groups = match.groupdict()
    part = (groups.get("part") or groups.get("edge") or "").lower()
    year = _year(match)
    if not part and year is None:
        return None
    month = MONTH_NUMBERS[match.group("month")]
    if not part:
        return Reading(year=year, month=month)
    first, last = _PARTS[part]
    return Reading(year=year, month=month, day=first, last_day=last)


# Before these words ``May`` is a month, not a verb: ``after May``, ``in May``.
_BEFORE_MAY = re.compile(r"\b(?:in|after|before|since|until|till|during|from|by)\s+$", re.IGNORECASE)


# Before these words a month alone names an event: ``the anniversary of October`` (the Revolution), ``Great October``.
_BEFORE_EVENT = re.compile(r"(?:\banniversary\s+of(?:\s+the)?|\b(?:Great|Red))\s+$")


def _month_alone(match: re.Match[str]) -> Reading | None:
    """``our July offensive``, ``after May``: not ``May`` as a verb, nor a month naming an event or in a title."""
    month = match.group("month")
    if month == "May" and not _BEFORE_MAY.search(match.string, max(0, match.start() - 8), match.start()):
        return None
    if _BEFORE_EVENT.search(match.string, max(0, match.start() - 22), match.start()):
        return None
    return Reading(month=MONTH_NUMBERS[month])


_THIRDS = {"first": (1, 10), "second": (11, 20), "third": (21, END_OF_MONTH), "last": (21, END_OF_MONTH)}
_HALVES = {"first": (1, 15), "second": (16, END_OF_MONTH), "last": (16, END_OF_MONTH)}
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _month_division(match: re.Match[str]) -> Reading | None:
    """``the first ten days of October``, ``the second half of May``: part of a month."""
    which = match.group("which").lower()
    parts = _HALVES if match.group("unit").lower() == "half" else _THIRDS
    if which not in parts:
        return None
    first, last = parts[which]
    return Reading(year=_year(match), month=MONTH_NUMBERS[match.group("month")], day=first, last_day=last)


_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _quarter(match: re.Match[str]) -> Reading:
    """``the fourth quarter of 1951``, ``II quarter of 1953``, ``Q4 1951``: three months."""
    if match.group("which"):
        number = _QUARTERS[match.group("which").lower()]
    elif match.group("rq"):
        number = _ROMAN_QUARTERS[match.group("rq")]
    else:
        number = int(match.group("qn"))
    return Reading(year=_year(match), month=3 * number - 2, last_month=3 * number)


def _ordinal_alone(match: re.Match[str]) -> Reading | None:
    """``before the thirtieth``, ``your cable of the 8th``: a day of the month last spoken of."""
    if match.group("more") and not match.group("od"):
        return None
    return Reading(day=_day_of(match))


def _ordinal_alone_of_telegram(match: re.Match[str]) -> Reading:
    """``mytel 27th``: the telegram of a day of the month last spoken of."""
    return Reading(day=int(match.group("od")))


# The bracketed New Style day: ``(29)``, ``(November 10)``, ``(10 November)``, ``(January 13, 1913)``.
_HAS_NEW_STYLE = re.compile(
    r"\(\s*(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][A-Za-z]*\.?)?|[A-Z][A-Za-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s*\d{4})?\s*\)"
)
_HAS_LIST = re.compile(r"\s(?:and|&)\s+\d")
# The start of a span of months across years: ``1946``-, ``May 1946``-.
_FIRST_MONTH_YEAR = r"(?:\b" + _NAMED_MONTH + r"\s+|(?<![\w./,-]))(?P<y1>\d{4})"
_HAS_DASH_MONTH = re.compile(rf"[-–—][ \t]*(?:{_MONTH_STARTS})")
_HAS_SPAN_MONTH = re.compile(rf"(?:[-–—][ \t]*|[ \t](?:or|to|and)[ \t]+)(?:{_MONTH_STARTS})")
_HAS_DAY_TO_MONTH = re.compile(rf"\d(?:st|nd|rd|th)?(?:[ \t]*[-–—][ \t]*|[ \t]+to[ \t]+)(?:{_MONTH_STARTS})")
_HAS_DASH_DAY_MONTH = re.compile(rf"[-–—][ \t]*\d{{1,2}}\s+(?:{_MONTH_STARTS})")

# Days that share a month come first: where one of them is also read alone, the list's reading (with its year) wins.
RULES: tuple[Rule, ...] = (
    Rule(
        re.compile(_AT_MONTH + r"\b" + _BARE_MONTH + r"[ \t]+" + _DAY + r",?[ \t]+(?P<y>\d{4})(?![\d/])(?P<yb>)"),
        _bare_month_day,
        (_HAS_MONTH,),
    ),
    Rule(
        re.compile(AT_DIGIT + r"(?<![\w.])" + _DAY + r"\." + _DOTTED_MONTH + r"\.(?P<y>\d{4})(?![\d/])(?P<yb>)"),
        _month_day,
        (_HAS_MONTH,),
    ),
    DayListRule(
        re.compile(AT_DIGIT + r"(?<![\w.,/])" + _DAY_LIST + r"\s+(?:of\s+)?" + _MONTH + _YEAR),
        _shared_month,
        (_HAS_MONTH, _HAS_LIST),
    ),
    DayListRule(
        re.compile(_AT_MONTH + r"\b" + _MONTH + r"\s+" + _DAY_LIST + _YEAR), _shared_month, (_HAS_MONTH, _HAS_LIST)
    ),
    Rule(
        re.compile(_AT_MONTH + r"\b" + _MONTH + r"\s+" + _DAY + _NEW_DAY + _YEAR),
        _old_and_new_style,
        (_HAS_MONTH, _HAS_NEW_STYLE),
    ),
    Rule(re.compile(_AT_MONTH + r"\b" + _OLD_AND_NEW_YEARS), _old_and_new_style, (_HAS_MONTH, _HAS_NEW_STYLE)),
    Rule(  # both styles' days with a slash: "12/25 April 1917"
        re.compile(
            r"(?<![\w.,/])" + _DAY + r"[ \t]*/[ \t]*(?P<nd>\d{1,2})(?:st|nd|rd|th)?(?!\d)\s+(?:of\s+)?" + _MONTH + _YEAR
        ),
        _old_and_new_style,
        (HAS_SLASHED_DAY, _HAS_MONTH),
    ),
    Rule(  # "31 March/13 April 1917"
        re.compile(
            r"(?<![\w.,/])"
            + _DAY
            + r"\s+"
            + _MONTH
            + r"[ \t]*/[ \t]*(?P<nd>\d{1,2})(?:st|nd|rd|th)?(?!\d)\s+"
            + _NEW_MONTH
            + _YEAR
        ),
        _old_and_new_style,
        (HAS_SLASHED_DAY, _HAS_MONTH),
    ),
    Rule(
        re.compile(_AT_MONTH + r"\b" + _MONTH + r"\s+" + _DAY + _NEW_MONTH_DAY + _YEAR),
        _old_and_new_style,
        (_HAS_MONTH, _HAS_NEW_STYLE),
    ),
    Rule(
        re.compile(AT_DIGIT + r"(?<![\w.,/])" + _DAY + _NEW_DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR),
        _old_and_new_style,
        (_HAS_MONTH, _HAS_NEW_STYLE),
    ),
    Rule(
        re.compile(AT_DIGIT + r"(?<![\w.,/])" + _DAY + r"\s+" + _MONTH + _NEW_DAY_MONTH + _YEAR),
        _old_and_new_style,
        (_HAS_MONTH, _HAS_NEW_STYLE),
    ),
    Rule(
        re.compile(
            r"\[\s*(?P<d>\d{1,2})(?:\s*[-–]\s*(?P<d2>\d{1,2}))?\s*(?P<doubt>\?)?\s*\]\s+(?:of\s+)?" + _MONTH + _YEAR
        ),
        _doubtful_days,
        (_HAS_MONTH, re.compile(rf"\]\s+(?:of\s+)?(?:{_MONTH_STARTS})")),
    ),
    Rule(
        re.compile(_FIRST_MONTH_YEAR + r"[ \t]*[-–—][ \t]*" + _LAST_MONTH + r"[ \t]+(?P<y>\d{4})(?!\d)(?P<yb>)"),
        _month_span,
        (_HAS_MONTH, _HAS_DASH_MONTH),
    ),
    Rule(
        re.compile(
            _AT_MONTH + r"\b" + _NAMED_MONTH + r"(?:[ \t]*[-–—][ \t]*|[ \t]+(?:or|to|and)[ \t]+)" + _LAST_MONTH + _YEAR
        ),
        _month_span,
        (_HAS_MONTH, _HAS_SPAN_MONTH),
    ),
    Rule(  # "31 October-1 November 1868"
        re.compile(
            r"(?<![\w.,/])" + _DAY + r"\s+" + _MONTH + r"[ \t]*[-–—][ \t]*(?P<d2>\d{1,2})(?!\d)\s+" + _NEW_MONTH + _YEAR
        ),
        _days_of_two_months,
        (_HAS_MONTH, _HAS_DASH_DAY_MONTH),
    ),
    Rule(  # "May 29 to August 27, 1932"
        re.compile(
            _AT_MONTH
            + r"\b"
            + _MONTH
            + r"\s+"
            + _DAY
            + r"(?:[ \t]*[-–—][ \t]*|[ \t]+to[ \t]+)"
            + _NEW_MONTH
            + r"[ \t]+"
            r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d)" + _YEAR
        ),
        _days_of_two_months,
        (_HAS_MONTH, _HAS_DAY_TO_MONTH),
    ),
    Rule(  # the United States' fiscal year: "FY 1950", "fiscal year 1950"
        re.compile(r"\b(?:FY|[Ff]iscal [Yy]ear)[ \t]?(?P<y>1[89]\d\d|20\d\d)(?!\d)"),
        _fiscal_year,
        (re.compile("FY|iscal"),),
    ),
    Rule(
        re.compile(r"(?<![\w./,-])(?P<y>\d{4}),[ \t]+" + _MONTH + r"[ \t]+" + _DAY + r"(?P<yb>)"),
        _year_month_day,
        (_HAS_MONTH, re.compile(rf"\d,[ \t]+(?:{_MONTH_STARTS})")),
    ),
    Rule(  # the year first and the month alone, as an edition heads a month's letters: "1935 October"
        re.compile(_YEAR_FIRST + r"[ \t]+" + _NAMED_MONTH + r"(?P<yb>)(?=[ \t]*(?:$|[.,;:)\]]))", re.M),
        _month_part,
        (_HAS_MONTH, re.compile(r"\d[ \t]+[A-Z]")),
    ),
    Rule(
        re.compile(
            r"\b(?:(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all)|(?P<half>[Ff]irst|[Ss]econd|[Ll]ast)\s+half)"
            r"(?:\s+of)?\s+(?P<y>\d{4})"
            + YEAR_END  # not a decade: ``the first half of 1920s``
            + "(?P<yb>)"
        ),
        _part_of_year,
        (HAS_YEAR, re.compile("pring|ummer|utumn|all|half")),
    ),
    Rule(
        re.compile(_AT_OPEN_MONTH + _OPEN_MONTH + r"\s+" + _DAY + _RANGE + _YEAR),
        _month_day,
        (_HAS_MONTH, _HAS_MONTH_DAY),
    ),
    Rule(
        re.compile(AT_DIGIT + r"(?<![\w.,/])" + _DAY + _RANGE + r"\s+(?:of\s+)?" + _BRACKETABLE_MONTH + _YEAR),
        _month_day,
        (_HAS_MONTH, _HAS_DAY_MONTH),
    ),
    Rule(  # the day of a form filled in by hand: '"24" May 1960'
        re.compile(rf"(?<!\w)[{OPENING_QUOTES}]\s*" + _DAY + rf"\s*[{CLOSING_QUOTES}]\s+" + _MONTH + _YEAR),
        _month_day,
        (_HAS_MONTH, _HAS_QUOTED_DAY),
    ),
    Rule(
        re.compile(_AT_ORDINAL + r"\b" + _ORDINAL + r"\s+of\s+" + _MONTH + _YEAR),
        _month_day,
        (_HAS_OF_MONTH, _HAS_ORDINAL_OF_MONTH),
    ),
    Rule(
        re.compile(
            _AT_MONTH_PART
            + r"(?:\b(?P<part>(?i:early|mid|late))(?:-|\s+)|\b(?P<edge>(?i:beginning|middle|end))\s+of\s+)?"
            + _NAMED_MONTH
            + _YEAR
        ),
        _month_part,
        (_HAS_MONTH,),
    ),
    Rule(
        re.compile(r"\[" + _NAMED_MONTH + r"\],?\s*(?P<y>\d{4})(?![\d/])(?P<yb>)"),
        _month_part,
        (re.compile(r"\],?\s*[12]\d{3}"), _HAS_MONTH),
    ),
    Rule(
        re.compile(
            "(?=" + _initials(("first", "second", "third", "last")) + ")"
            r"\b(?P<which>(?i:first|second|third|last))\s+(?P<unit>(?i:ten\s+days|decade|half))\s+of\s+"
            + _NAMED_MONTH
            + _YEAR
        ),
        _month_division,
        (_HAS_OF_MONTH,),
    ),
    Rule(
        re.compile(
            r"(?:\b(?P<which>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+quarter"
            r"|\b(?P<rq>IV|I{1,3})\s+quarter|\bQ(?P<qn>[1-4]))"
            r"(?:\s+of)?(?:\s+the\s+year)?\s+(?P<y>\d{4})(?!\d)(?P<yb>)"
        ),
        _quarter,
        (re.compile("quarter|Q"), _HAS_DIGIT),
    ),
    # A quarter without its year takes the document's, but not one of something else (``the first quarter of the
    # century``); ``the last quarter`` may be the one before the document's.
    Rule(
        re.compile(
            r"\b(?P<which>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+quarter(?!\s+of\b|[\w-])"
            r"(?P<rq>)(?P<qn>)(?P<y>)(?P<yb>)"
        ),
        _quarter,
        (re.compile("quarter"),),
    ),
    # A month alone just after an opening quote begins a name or a title: the "August bloc".
    Rule(
        re.compile(_AT_MONTH + rf"(?<![\w\-{OPENING_QUOTES}])" + _TITLE_MONTH + r"(?!\s*\[|\s+(?:[A-Z]|\d))"),
        _month_alone,
        (_HAS_MONTH,),
    ),
    Rule(  # the telegram of a day of the month: "mytel 27th", "urtel 3rd"
        re.compile(r"(?<![\w.])(?i:my|ur|emb|dep|ref)tel[ \t]+(?P<span>(?P<od>\d{1,2})(?:st|nd|rd|th))(?!\w)(?P<ow>)"),
        _ordinal_alone_of_telegram,
        (re.compile("(?i:tel) "),),
    ),
    Rule(
        re.compile(
            _BEFORE_DAY_ALONE
            + r"(?:(?i:morning|afternoon|evening|night|end|middle)\s+of\s+the\s+)?(?P<span>"
            + _ORDINAL
            + ")"
            + _PAUSE
        ),
        _ordinal_alone,
        (re.compile(r"the\s+" + _ORDINAL),),
    ),
)
