"""Russian date rules: month names in every case, quoted days, decades and quarters.

``26 сентября 1951 г.``, ``"26" сентября 1951 г.``, ``" " сентября 1951г.`` (a
blank day: the month), ``20 сентября``, ``10-го октября``, ``5-10 октября`` and
``с 5 по 10 октября`` (ranges), ``в сентябре 1951 года``, ``первой декаде
октября``, ``второй половине мая``, ``в начале октября``, ``IV кв. 1951 г.``,
``в первом квартале`` (a quarter without its year takes the document's), Old
Style dates with the New Style day (``16 (29) сентября 1912 г.``, ``28 октября
(10 ноября) 1912 г.``), days that share a month (``3 и 4 января``: a date
each), halves of a year and seasons (``во второй половине 1952 г.``, ``весной
1953 г.``, not the decade ``1920-х``). A month alone counts (``в сентябре``),
except the forms of ``май``, which need a day or a year.
"""

from __future__ import annotations

import re

from ...lexicon import CLOSING_QUOTES, OPENING_QUOTES
from .core import (
    END_OF_MONTH,
    HAS_SLASHED_DAY,
    HAS_YEAR,
    YEAR_END,
    YEAR_SUFFIX_RU,
    DayListRule,
    Reading,
    Rule,
    old_style_year,
)

# Stems in the order they must be tried: ``март`` before ``ма`` (май).
_STEMS = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
)  # fmt: skip
_ABBREVIATED = (
    ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("июн", 6), ("июл", 7),
    ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
)  # fmt: skip

_FULL = (
    r"(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ём|ем)"
    r"|(?:март|август)(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем)"
)
# An abbreviation with its full stop, or completed by the editors in brackets: ``янв[аря]``.
_SHORT = r"(?:янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)(?:\.|\[[а-яё]{1,6}\])"
MONTH_WORD = _FULL + "|" + _SHORT
"""A Russian month name or its abbreviation, in any case (for a quick test whether a text may hold a date)."""
QUARTER_WORD = r"кв(?:\.|артал)"
"""The Russian word for a quarter of a year or its abbreviation (a date without a month name or a digit)."""
MONTH_WORD_STARTS = (
    "янв", "фев", "мар", "апр", "май", "мая", "мае", "маю", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
)  # fmt: skip
"""How every ``MONTH_WORD`` begins, in lower case."""
_MONTH = r"(?P<month>" + _FULL + r")(?!\w)"
# A month word before a dash or "и": where a span of months may be.
_HAS_MONTH_DASH = re.compile(rf"(?i:(?:{'|'.join(MONTH_WORD_STARTS)})[а-яё]*)(?:[ \t]*[-–—]|[ \t]+и[ \t])")
_ANY_MONTH = r"(?P<month>" + _FULL + r"(?!\w)|" + _SHORT + r")"
_NEW_MONTH = r"(?P<month2>" + _FULL + r"(?!\w)|" + _SHORT + r")"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NEW_DAY_MONTH = r"\s*\(\s*(?P<nd>" + _DAY + r")\s+" + _NEW_MONTH + r"\s*\)"  # ``(10 ноября)``
# The year may begin the next line, with its "г." (``19 января\n1928 г.``): a heading broken in two.
_YEAR = r"(?:[ \t\u00a0]*(?:\n[ \t]*(?=\d{4}[ \t\u00a0]?г))?(?P<y>\d{4})(?!\d)" + YEAR_SUFFIX_RU + r"?)?"
_BLANK = r"[ \t\u00a0]*"
# A day written as an ordinal with its case ending: ``10-го октября``, ``с 5-го по 10-е``.
_CASE_ENDING = r"(?:-(?:го|е|й|му|ое|ого|ому))?"
_DAY_LIST = r"(?P<days>" + _DAY + r"(?:\s*,\s*" + _DAY + r")*\s*,?\s+и\s+" + _DAY + r")(?!\d)"

# Every rule needs Cyrillic letters (or the old forms of в, д, о, с, т, ъ that case-insensitive matching takes for
# them): a quick test before the rules.
_CYRILLIC = re.compile("[\u0400-\u04ff\u1c80-\u1c88]")

# The bracketed New Style day: ``(29)``, ``(10 ноября)``.
_HAS_NEW_STYLE = re.compile(r"\(\s*\d")

_ORDINALS = {"п": 1, "1": 1, "в": 2, "2": 2, "т": 3, "3": 3}
_DECADES = {1: (1, 10), 2: (11, 20), 3: (21, END_OF_MONTH)}
_HALVES = {1: (1, 15), 2: (16, END_OF_MONTH)}
_EDGES = {"нач": (1, 10), "сер": (11, 20), "кон": (21, END_OF_MONTH)}


def month_number(word: str) -> int:
    """The number of a Russian month name in any case, or of its abbreviation."""
    word = word.lower().replace("[", "").replace("]", "")
    table = _ABBREVIATED if word.endswith(".") else _STEMS
    return next(number for stem, number in table if word.startswith(stem))


def _year(match: re.Match[str]) -> int | None:
    stated = match.group("y")
    return int(stated) if stated else None


def _day_month(match: re.Match[str]) -> Reading:
    """``26 сентября 1951 г.``, ``"26" сентября``, ``5-10 октября``; a blank day leaves the month."""
    day, second = match.group("d"), match.groupdict().get("d2")
    return Reading(
        year=_year(match),
        month=month_number(match.group("month")),
        day=int(day) if day else None,
        last_day=int(second) if second else None,
    )


# A small letter or a comma before a word, perhaps with a preposition or an opening quote between.
_INSIDE_SENTENCE = re.compile(r"[а-яёa-z,][ \t]+(?:[«\"„“][ \t]*)?(?:[а-яё]{1,2}[ \t]+)?[«\"„“]?\Z")


def _month(match: re.Match[str]) -> Reading | None:
    """``сентябре 1951 г.``, ``в октябре``; not ``мая`` alone, nor a capitalised title word, nor a month capitalised
    inside a sentence, which Russian does only for the Revolution (``«Уроки Октября»``)."""
    word = match.group("month")
    if match.group("y") is None:
        rest = match.string[match.end() :]
        if month_number(word) == 5 or (word[0].isupper() and re.match(r"\s+[A-ZА-ЯЁ]", rest)):
            return None
        if word[0].isupper() and _INSIDE_SENTENCE.search(match.string, 0, match.start("month")):
            return None
    return Reading(year=_year(match), month=month_number(word))


def _months(match: re.Match[str]) -> Reading | None:
    """``июле - августе``, ``январе и феврале``: from the first month to the end of the second, of one year."""
    first, last = month_number(match.group("month")), month_number(match.group("month2"))
    return Reading(year=_year(match), month=first, last_month=last) if first < last else None


def _part(match: re.Match[str]) -> Reading | None:
    """``первой декаде октября``, ``второй половине мая``, ``в начале октября``."""
    if match.group("edge"):
        first, last = _EDGES[match.group("edge")[:3].lower()]
    else:
        parts = _DECADES if match.group("unit").lower().startswith("декад") else _HALVES
        bounds = parts.get(_ORDINALS[match.group("ord")[0].lower()])
        if bounds is None:
            return None
        first, last = bounds
    return Reading(year=_year(match), month=month_number(match.group("month")), day=first, last_day=last)


def _old_and_new_style(match: re.Match[str]) -> Reading:
    """``16 (29) сентября 1912 г.``, ``28 октября (10 ноября) 1912 г.``: the New Style day."""
    new_month = match.groupdict().get("month2")
    month = month_number(match.group("month"))
    return Reading(
        year=old_style_year(match, _year(match), month, month_number(new_month) if new_month else None),
        month=month,
        day=int(match.group("d")),
        new_month=month_number(new_month) if new_month else None,
        new_day=int(match.group("nd")),
    )


def _days_of_two_months(match: re.Match[str]) -> Reading | None:
    """``30 апреля – 2 мая 1950 г.``: from a day of one month to a day of a later one."""
    month, last_month = month_number(match.group("month")), month_number(match.group("month2"))
    if not month < last_month:
        return None
    day, last_day = int(match.group("d")), int(match.group("d2"))
    return Reading(year=_year(match), month=month, day=day, last_month=last_month, last_day=last_day)


def _shared_month(match: re.Match[str]) -> Reading:
    """The month and year of ``3 и 4 января``: each day is set by the rule."""
    return Reading(year=_year(match), month=month_number(match.group("month")))


_SEASONS = {"вес": (3, 5), "лет": (6, 8), "осе": (9, 11)}


def _part_of_year(match: re.Match[str]) -> Reading:
    """``весной 1953 г.``, ``во второй половине 1952 г.``, ``в первом полугодии 1953 г.``: months of a year."""
    season = match.group("season")
    if season:
        first, last = _SEASONS[season[:3].lower()]
    else:
        first, last = (1, 6) if match.group("half").lower().startswith("перв") else (7, 12)
    return Reading(year=_year(match), month=first, last_month=last)


_QUARTER_WORDS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}


# A noun in the genitive after a quarter without its year: a quarter of a town (``в первом квартале города``).
_OF_A_PLACE = re.compile(r"\s+(?!год)[а-яё]+[аыи](?!\w)", re.IGNORECASE)


def _quarter(match: re.Match[str]) -> Reading | None:
    """``IV кв. 1951 г.``, ``в первом квартале``: three months; not ``в первом квартале города``."""
    if match.group("y") is None and _OF_A_PLACE.match(match.string, match.end()):
        return None
    roman, word = match.group("q"), match.group("qw")
    if roman:
        quarter = {"I": 1, "II": 2, "III": 3, "IV": 4}[roman.upper()]
    elif word:
        quarter = _QUARTER_WORDS[word[:4].lower()]
    else:
        quarter = int(match.group("qa"))
    return Reading(year=_year(match), month=3 * quarter - 2, last_month=3 * quarter)


RULES: tuple[Rule, ...] = (
    DayListRule(
        re.compile(r"(?<![\w.,/])" + _DAY_LIST + r"\s+" + _ANY_MONTH + _YEAR, re.IGNORECASE),
        _shared_month,
        (_CYRILLIC, re.compile(r"\s[иИ]\s+\d")),
    ),
    Rule(
        re.compile(
            r"(?<![\w.,/])(?P<d>" + _DAY + r")\s*\(\s*(?P<nd>" + _DAY + r")\s*\)\s+" + _ANY_MONTH + _YEAR,
            re.IGNORECASE,
        ),
        _old_and_new_style,
        (_CYRILLIC, _HAS_NEW_STYLE),
    ),
    Rule(
        re.compile(
            r"(?<![\w.,/])(?P<d>" + _DAY + r")\s+" + _ANY_MONTH + r"[ \t\u00a0]*(?P<y>\d{4})" + YEAR_SUFFIX_RU + "?"
            r"\s*\(\s*(?P<nd>"
            + _DAY
            + r")\s+"
            + _NEW_MONTH
            + r"[ \t\u00a0]*(?P<y2>\d{4})"
            + YEAR_SUFFIX_RU
            + r"?\s*\)",
            re.IGNORECASE,
        ),
        _old_and_new_style,
        (_CYRILLIC, _HAS_NEW_STYLE),
    ),
    Rule(
        re.compile(
            r"(?<![\w.,/])(?P<d>" + _DAY + r")\s+" + _ANY_MONTH + _NEW_DAY_MONTH + _YEAR,
            re.IGNORECASE,
        ),
        _old_and_new_style,
        (_CYRILLIC, _HAS_NEW_STYLE),
    ),
    Rule(  # both styles' days with a slash: "12/25 апреля 1917 г."
        re.compile(r"(?<![\w.,/])(?P<d>" + _DAY + r")[ \t]*/[ \t]*(?P<nd>" + _DAY + r")\s+" + _ANY_MONTH + _YEAR, re.I),
        _old_and_new_style,
        (_CYRILLIC, HAS_SLASHED_DAY),
    ),
    Rule(  # days of two months: "30 апреля – 2 мая 1950 г."
        re.compile(
            r"(?<![\w.,/])(?P<d>"
            + _DAY
            + r")\s+(?P<month>"
            + _FULL
            + r")(?!\w)[ \t]*[-–—][ \t]*(?P<d2>"
            + _DAY
            + r")\s+"
            + _NEW_MONTH
            + _YEAR,
            re.I,
        ),
        _days_of_two_months,
        (_CYRILLIC, re.compile("[-–—]")),
    ),
    Rule(
        re.compile(
            r"(?<!\w)(?:(?P<season>весн(?:ой|а|ы|е|у)|лет(?:ом|о|а)|осен(?:ью|ь|и))"
            r"|(?P<half>(?:перв|втор)(?:ой|ая|ую|ом|ое|ого))\s+(?:половин(?:а|ы|е|у|ой)|полугоди(?:е|я|и|ю|ем)))"
            r"\s+(?P<y>\d{4})" + YEAR_END + YEAR_SUFFIX_RU + "?",  # not a decade: ``1920-х``
            re.IGNORECASE,
        ),
        _part_of_year,
        (_CYRILLIC, HAS_YEAR),
    ),
    Rule(
        re.compile(
            rf"[{OPENING_QUOTES}]{_BLANK}(?P<d>{_DAY})?{_BLANK}[{CLOSING_QUOTES}]{_BLANK}{_ANY_MONTH}{_YEAR}",
            re.IGNORECASE,
        ),
        _day_month,
        (_CYRILLIC,),
    ),
    Rule(
        re.compile(
            r"(?<![\w.,/])(?P<d>"
            + _DAY
            + r")"
            + _CASE_ENDING
            + r"(?:(?:[ \t]*[-–—][ \t]*|\s+по\s+)(?P<d2>"
            + _DAY
            + r")"
            + _CASE_ENDING
            + r")?\s+"
            + _ANY_MONTH
            + _YEAR,
            re.IGNORECASE,
        ),
        _day_month,
        (_CYRILLIC,),
    ),
    Rule(  # "в июле - августе месяцах", "январь–март 1953 г.": the months and those between them
        re.compile(
            r"(?<![\w-])" + _MONTH + r"(?:[ \t]*[-–—][ \t]*|[ \t]+и[ \t]+)(?P<month2>" + _FULL + r")(?!\w)" + _YEAR,
            re.IGNORECASE,
        ),
        _months,
        (_CYRILLIC, _HAS_MONTH_DASH),
    ),
    Rule(re.compile(r"(?<![\w-])" + _MONTH + _YEAR, re.IGNORECASE), _month, (_CYRILLIC,)),
    Rule(
        re.compile(
            r"(?<!\w)(?:(?P<ord>перв(?:ой|ая|ую)|втор(?:ой|ая|ую)|трет(?:ьей|ья|ью)|[123]-?(?:й|я|ю|ей))\s+"
            r"(?P<unit>декад(?:а|ы|е|у|ой)|половин(?:а|ы|е|у|ой))"
            r"|(?P<edge>начал(?:о|а|е|у|ом)|середин(?:а|ы|е|у|ой)|кон(?:ец|ца|це|цу|цом)))\s+" + _ANY_MONTH + _YEAR,
            re.IGNORECASE,
        ),
        _part,
        (_CYRILLIC,),
    ),
    Rule(
        re.compile(
            r"(?<!\w)(?:(?P<q>IV|I{1,3})|(?P<qa>[1-4])-?(?:й|го|м|ом)"
            r"|(?P<qw>(?:перв|втор)(?:ый|ой|ого|ом|ому|ым)|трет(?:ий|ьего|ьем|ьему|ьим)|четв[её]рт(?:ый|ого|ом|ому|ым)))"
            r"[ \t\u00a0]?"
            r"(?:кв\.|квартал(?:а|е|у|ом)?(?!\w))" + _YEAR,
            re.IGNORECASE,
        ),
        _quarter,
        (_CYRILLIC,),
    ),
)
