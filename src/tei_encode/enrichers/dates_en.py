"""English date rules: month names with days, ordinals, years and parts of months.

``September 26, 1951``, ``July 24 [1920]``, ``August 3rd``, ``August 5-10``,
``July 29 or 30, 1920``, ``26 July``, ``the 4th of August``, ``thirtieth of
July``, ``before the thirtieth``, ``mid-August 1920``, ``early August``, ``the
end of July`` and a month alone used as a noun or modifier (``our July
offensive``), parts of a month (``the first ten days of October``, ``the second
half of May``) and quarters (``the fourth quarter of 1951``). Month names count
only when capitalised; ``May`` alone is a verb more often than a month, so it
needs a day or a year.
"""

from __future__ import annotations

import re

from .dates_core import END_OF_MONTH, Reading, Rule

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ABBREVIATIONS = {"Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8, "Sep.": 9, "Sept.": 9}
_ABBREVIATIONS |= {"Oct.": 10, "Nov.": 11, "Dec.": 12}
MONTH_NUMBERS = {name: i for i, name in enumerate(_MONTHS, start=1)}
MONTH_NUMBERS |= {name.upper(): i for name, i in list(MONTH_NUMBERS.items())}
MONTH_NUMBERS |= _ABBREVIATIONS

# Quick tests of the rules: every month name and abbreviation above holds its first three letters, as written.
_MONTH_STARTS = "|".join(sorted({name[:3] for name in MONTH_NUMBERS}))
_HAS_MONTH = re.compile(_MONTH_STARTS)
_HAS_DIGIT = re.compile(r"\d")
_HAS_OF_MONTH = re.compile(rf"\sof\s+(?:{_MONTH_STARTS})")
# Every ordinal, in words or not, ends in st, nd, rd or th.
_HAS_ORDINAL_OF_MONTH = re.compile(rf"(?i:st|nd|rd|th)\s+of\s+(?:{_MONTH_STARTS})")
_HAS_MONTH_DAY = re.compile(rf"(?:{_MONTH_STARTS})[A-Za-z]*\.?\s+\d")
_HAS_DAY_MONTH = re.compile(rf"(?:\d|st|nd|rd|th)\s+(?:of\s+)?(?:{_MONTH_STARTS})")

_MONTH = r"(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")(?!\w)"
_NAMED_MONTH = r"(?P<month>" + "|".join(_MONTHS) + "|" + "|".join(m.upper() for m in _MONTHS) + r")\b"
_TITLE_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r")\b"

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
_RANGE = r"(?:(?:[ \t]*[-–—][ \t]*|\s+(?:or|to)\s+)(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?"
_YEAR = r"(?:,?\s*(?:of\s+)?(?:(?P<y>\d{4})|\[(?P<yb>\d{4})\])(?![\d/]))?"

# After a day named alone comes a pause, not a noun (``the 12th Army``).
_PAUSE = r"(?=\s*(?:[.,;:!?)]|$))"

# Parts of a month, as the first and last day they cover.
_PARTS = {"early": (1, 10), "beginning": (1, 10), "mid": (11, 20), "middle": (11, 20)}
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


def _month_part(match: re.Match[str]) -> Reading | None:
    """``mid-August 1920``, ``early August``, ``August 1920``; a month alone is another rule."""
    part = (match.group("part") or match.group("edge") or "").lower()
    year = _year(match)
    if not part and year is None:
        return None
    month = MONTH_NUMBERS[match.group("month")]
    if not part:
        return Reading(year=year, month=month)
    first, last = _PARTS[part]
    return Reading(year=year, month=month, day=first, last_day=last)


def _month_alone(match: re.Match[str]) -> Reading | None:
    """``our July offensive``: not ``May`` (a verb), nor a month inside a capitalised title."""
    if match.group("month") == "May":
        return None
    return Reading(month=MONTH_NUMBERS[match.group("month")])


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


def _quarter(match: re.Match[str]) -> Reading:
    """``the fourth quarter of 1951``, ``Q4 1951``: three months."""
    number = _QUARTERS[match.group("which").lower()] if match.group("which") else int(match.group("qn"))
    return Reading(year=_year(match), month=3 * number - 2, last_month=3 * number)


def _ordinal_alone(match: re.Match[str]) -> Reading:
    """``before the thirtieth``: a day of the month last spoken of."""
    return Reading(day=_day_of(match))


RULES: tuple[Rule, ...] = (
    Rule(re.compile(r"\b" + _MONTH + r"\s+" + _DAY + _RANGE + _YEAR), _month_day, (_HAS_MONTH, _HAS_MONTH_DAY)),
    Rule(
        re.compile(r"(?<![\w.,/])" + _DAY + _RANGE + r"\s+(?:of\s+)?" + _MONTH + _YEAR),
        _month_day,
        (_HAS_MONTH, _HAS_DAY_MONTH),
    ),
    Rule(
        re.compile(r"\b" + _ORDINAL + r"\s+of\s+" + _MONTH + _YEAR),
        _month_day,
        (_HAS_OF_MONTH, _HAS_ORDINAL_OF_MONTH),
    ),
    Rule(
        re.compile(
            r"(?:\b(?P<part>(?i:early|mid|late))(?:-|\s+)|\b(?P<edge>(?i:beginning|middle|end))\s+of\s+)?"
            + _NAMED_MONTH
            + _YEAR
        ),
        _month_part,
        (_HAS_MONTH,),
    ),
    Rule(
        re.compile(
            r"\b(?P<which>(?i:first|second|third|last))\s+(?P<unit>(?i:ten\s+days|decade|half))\s+of\s+"
            + _NAMED_MONTH
            + _YEAR
        ),
        _month_division,
        (_HAS_OF_MONTH,),
    ),
    Rule(
        re.compile(
            r"(?:\b(?P<which>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+quarter|\bQ(?P<qn>[1-4]))"
            r"(?:\s+of)?\s+(?P<y>\d{4})(?!\d)(?P<yb>)"
        ),
        _quarter,
        (re.compile("quarter|Q"), _HAS_DIGIT),
    ),
    Rule(re.compile(r"(?<![\w-])" + _TITLE_MONTH + r"(?!\s*\[|\s+(?:[A-Z]|\d))"), _month_alone, (_HAS_MONTH,)),
    Rule(
        re.compile(r"\b(?i:before|after|by|until|till|on|since|from)\s+the\s+(?P<span>" + _ORDINAL + ")" + _PAUSE),
        _ordinal_alone,
        (re.compile(r"the\s+" + _ORDINAL),),
    ),
)
