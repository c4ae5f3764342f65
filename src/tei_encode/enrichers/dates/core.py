"""Shared machinery of the date finder: readings, rules, ISO rendering and span choice.

A rule is a regular expression with a builder that turns one match into a
:class:`Reading`: what the expression states (year, month, day, a range, a
time), with the parts it leaves to the context set to ``None``. The finder in
``enricher.py`` runs the English, Russian and numeric rules of ``english.py``,
``russian.py`` and ``numeric.py`` over a text, keeps the longest
non-overlapping candidates, and renders each reading as ISO 8601 with
:func:`render`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

# A ``last_day`` meaning "to the end of the month", whatever its length.
END_OF_MONTH = 99

# Letters that some sources type instead of the look-alike Latin Roman digits;
# one character for one, so offsets into the normalised text stay valid.
_ROMAN_LOOKALIKES = str.maketrans({"І": "I", "Х": "X", "Ⅰ": "I", "Ⅴ": "V", "Ⅹ": "X"})
_LOOKALIKE_LETTERS = "".join(map(chr, _ROMAN_LOOKALIKES))

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
ROMAN_MONTHS = {r: i for i, r in enumerate(_ROMAN, start=1)}
ROMAN_MONTH = r"(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![A-Za-z])"

# A Russian year may carry its case word or abbreviation: ``1951 г.``, ``1951г.``, ``1952 году``.
YEAR_SUFFIX_RU = r"(?:[ \t\u00a0]?(?:гг?\.|г(?!\w)|год(?:а|у|ом)?(?!\w)))"

# A quick test shared by the rules of days written with a slash (``12/25 April``): a literal first, as fast to find.
HAS_SLASHED_DAY = re.compile(r"/[ \t]*\d")

# A look-ahead before a pattern that opens with a look-behind and a digit: a search tries such a pattern at every
# position of a text, the look-ahead passes over every position but a digit's in one test.
AT_DIGIT = r"(?=\d)"

# A quick test shared by rules that need a four-digit year (tested once for a text, whichever rule asks first).
HAS_YEAR = re.compile(r"[12]\d{3}")

# What follows the four digits of a decade, not a year: ``1920s``, ``1920's``, ``1920-х годов``, ``1920-е``.
DECADE_END = re.compile(r"'?s\b|-?(?:х|е|ые|ых)(?!\w)")
# The end of a four-digit year: no more digits, and not a decade.
YEAR_END = r"(?!\d|" + DECADE_END.pattern + ")"

# A rights statement of the page a text was copied from ("Public Domain: Lenin Internet Archive (2005).", "©
# 2016"): its years date the copy, not the text, and are no dates of it. A label ending its line ("Public
# Domain:") goes on over the next lines to the first that ends a sentence, three at most.
_RIGHTS_LINE = re.compile(
    r"^[ \t]*(?:(?i:public domain|copyright|all rights reserved|creative commons|licen[cs]ed under)\b|©|\([Cc]\)[ \t])"
    r"(?:[^\n]*:[ \t]*\n(?:[^\n]*[^.\n][ \t]*\n){0,2}[^\n]*\.[ \t]*$|[^\n]*)",
    re.M,
)
_RIGHTS_WORDS = ("domain", "copyright", "©", "(c)", "rights reserved", "creative commons", "licensed", "licenced")


def rights_lines(text: str) -> list[tuple[int, int]]:
    """The offsets of the rights statements' lines in ``text``."""
    lowered = text.lower()
    if not any(word in lowered for word in _RIGHTS_WORDS):
        return []
    return [m.span() for m in _RIGHTS_LINE.finditer(text)]


# Words after which a number is a page, volume, sheet, item or document number, not a date (``pages 12 and 14
# April``: not April 12).
_MARKER = re.compile(
    r"(?:№|\bNos?\.?|\bNr\.?|#|§|\b[PpSTLDFCH]\.|\bpp\.|\bll?\.|\b[Vv]ols?\.|\b[Oo]p\.|\bOn\.|\b[Ss]ection"
    r"|\b[Aa]rt\.|\b[Cc]h\.|\b[ЛлДдФфСсТтПпч]\.|\b[Оо]п\.|\bпп\.|\bст\.|\bгл\.|\bстр\."
    r"|\b(?i:pages?|items?|points?|paragraphs?|clauses?|articles?|numbers?|parts?)"
    r"|(?<!\w)(?i:страниц[аеуы]?|пункт(?:ы|а|ов|ах)?|параграф(?:ы|а|ов|ах)?|стать(?:я|и|ей|ях)|част(?:ь|и))(?!\w))\s*$"
)


@dataclass(frozen=True)
class Reading:
    """What a date expression states; ``None`` parts are filled from the context."""

    year: int | None = None  # None: the context year; below 100: a two-digit year
    month: int | None = None  # None while ``day`` is set: the month of the context
    day: int | None = None
    last_year: int | None = None
    last_month: int | None = None
    last_day: int | None = None  # END_OF_MONTH: to the end of the month
    time: str = ""  # HH:MM
    # An Old Style (Julian) date with the New Style day (and month) stated beside it: ``October 28 (November 10)``.
    new_month: int | None = None
    new_day: int | None = None
    uncertain: bool = False  # the source doubts the day: ``[8-9?] December``
    bare_year: bool = False  # four digits alone: a year only where the words around allow (``At 1600`` is a time)

    @property
    def needs_year(self) -> bool:
        """Whether the year must come from the context."""
        return self.year is None

    @property
    def needs_month(self) -> bool:
        """Whether the month must come from the context (a day named alone)."""
        return self.day is not None and self.month is None


@dataclass(frozen=True)
class Value:
    """An ISO 8601 date: one point (``when``) or bounds."""

    when: str = ""
    not_before: str = ""
    not_after: str = ""
    julian: str = ""  # the Old Style date the text also states, ISO


@dataclass(frozen=True)
class Candidate:
    """One rule's reading of ``text[start:end]``."""

    start: int
    end: int
    reading: Reading


Builder = Callable[[re.Match[str]], Reading | None]


@dataclass(frozen=True)
class Rule:
    """A pattern and the builder of its readings; group ``span`` (if any) bounds the date.

    ``requires`` are quick tests that every text the pattern matches in passes
    (a month name, a digit, Cyrillic letters): a text that fails one need not be searched.
    """

    pattern: re.Pattern[str]
    build: Builder
    requires: tuple[re.Pattern[str], ...] = ()

    def may_match(self, text: str, passed: dict[re.Pattern[str], bool]) -> bool:
        """Whether ``text`` passes the quick tests; ``passed`` keeps their results for the other rules."""
        for test in self.requires:
            result = passed.get(test)
            if result is None:
                result = passed[test] = test.search(text) is not None
            if not result:
                return False
        return True

    def candidates(self, text: str) -> Iterator[Candidate]:
        """Every reading of this rule in ``text``."""
        group = "span" if "span" in self.pattern.groupindex else 0
        for match in self.pattern.finditer(text):
            reading = self.build(match)
            if reading is not None:
                yield Candidate(match.start(group), match.end(group), reading)


_EACH_DAY = re.compile(r"\d{1,2}")


class DayListRule(Rule):
    """Days that share one month (``3 and 4 January``, ``January 3rd and 4th``, ``3 и 4 января``): a date each.

    The pattern's group ``days`` holds the list; the builder reads the month
    and the year the days share. The last day takes the month and the year
    that follow it, the first the month before it; the others stand alone.
    Two days are one range (``9 and 12 July 1956``, ``between 10 and 12 March``), as editors date a meeting
    held over both.
    """

    def candidates(self, text: str) -> Iterator[Candidate]:
        """A candidate for each day of every list (one for a range)."""
        for match in self.pattern.finditer(text):
            shared = self.build(match)
            days = list(_EACH_DAY.finditer(text, match.start("days"), match.end("days")))
            # One number that is no day makes the list something else: ``August 32 and 31``.
            if shared is None or not all(1 <= int(day.group()) <= 31 for day in days):
                continue
            if len(days) == 2:  # "9 and 12 July", "between 10 and 12 March": the days and those between them
                first, last = (int(day.group()) for day in days)
                yield Candidate(match.start(), match.end(), replace(shared, day=first, last_day=last))
                continue
            for i, day in enumerate(days):
                start = match.start() if i == 0 else day.start()
                end = match.end() if i == len(days) - 1 else _ordinal_end(text, day.end())
                yield Candidate(start, end, replace(shared, day=int(day.group())))


def _ordinal_end(text: str, end: int) -> int:
    """The end of a day number with its ordinal suffix (``4th``)."""
    return end + 2 if text[end : end + 2] in ("st", "nd", "rd", "th") else end


def normalise(text: str) -> str:
    """``text`` with look-alike letters in Roman numerals made Latin, same length."""
    # translate() looks every character up in the table: a third of the time to see first that none is there.
    return text.translate(_ROMAN_LOOKALIKES) if any(letter in text for letter in _LOOKALIKE_LETTERS) else text


def after_marker(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows ``No.``, ``№``, ``P.``, ``vol.`` and the like."""
    return _MARKER.search(text, max(0, start - 12), start) is not None


def followed_by_word(text: str, end: int) -> bool:
    """Whether a word or a per cent sign follows ``end`` (as after a fraction: ``1/5 of``)."""
    return re.match(r"\s*(?:[^\W\d_]|%)", text[end : end + 8]) is not None


def month_length(year: int, month: int) -> int:
    """The number of days of one month."""
    return calendar.monthrange(year, month)[1]


def full_year(year: int, context_year: int | None) -> int:
    """A two-digit year placed in the century of the context year (else the 1900s)."""
    if year >= 100:
        return year
    century = context_year // 100 * 100 if context_year else 1900
    return century + year


def render(reading: Reading, year: int | None, month: int | None) -> Value | None:
    """The ISO value of ``reading`` with the context's year and month; ``None`` if invalid."""
    y = full_year(reading.year, year) if reading.year is not None else year
    m = reading.month if reading.month is not None else (month if reading.day is not None else None)
    if y is None or not 1000 <= y <= 2099 or (reading.day is not None and m is None):
        return None
    if reading.last_year is not None:
        last = reading.last_year if reading.last_year >= 100 else y // 100 * 100 + reading.last_year  # "конце 20-х"
        return _year_range(y, reading.month, last, reading.last_month) if last > y else None
    if m is None:
        return Value(when=f"{y:04d}")
    if not 1 <= m <= 12:
        return None
    if reading.last_month is not None:
        return _month_range(y, m, reading.last_month, reading.day, reading.last_day)
    if reading.day is None:
        return Value(when=f"{y:04d}-{m:02d}")
    return _day_value(reading, y, m)


def _year_range(year: int, month: int | None, last_year: int, last_month: int | None) -> Value:
    """``1912-1927``, ``1946-February 1950``: from the first year (or month) to the end of the last."""
    first = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    if last_month is None:
        return Value(not_before=first, not_after=f"{last_year:04d}")
    end = f"{last_year:04d}-{last_month:02d}-{month_length(last_year, last_month):02d}"
    return Value(not_before=first, not_after=end)


def _month_range(year: int, first: int, last: int, day: int | None = None, last_day: int | None = None) -> Value | None:
    """From the first month (from its ``day``) to the end of the last (to its ``last_day``)."""
    if not first < last <= 12:
        return None
    start, end = day or 1, last_day or month_length(year, last)
    if not (1 <= start <= month_length(year, first) and 1 <= end <= month_length(year, last)):
        return None
    return Value(not_before=f"{year:04d}-{first:02d}-{start:02d}", not_after=f"{year:04d}-{last:02d}-{end:02d}")


def _day_value(reading: Reading, year: int, month: int) -> Value | None:
    days = month_length(year, month)
    day = reading.day or 0
    if not 1 <= day <= days:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if reading.new_day is not None:
        return _new_style(reading, date(year, month, day))
    if reading.last_day is None:
        return Value(when=f"{iso}T{reading.time}:00" if reading.time else iso)
    last = min(reading.last_day, days) if reading.last_day == END_OF_MONTH else reading.last_day
    if not day < last <= days:
        return None
    return Value(not_before=iso, not_after=f"{year:04d}-{month:02d}-{last:02d}")


def julian_to_gregorian(old: date) -> date:
    """The Gregorian (New Style) date of a Julian (Old Style) one: 12 days apart in the 1800s, 13 in the 1900s."""
    year = old.year if old.month > 2 else old.year - 1
    return old + timedelta(days=year // 100 - year // 400 - 2)


def old_style_year(match: re.Match[str], year: int | None, month: int, new_month: int | None) -> int | None:
    """The year of an Old Style date given with its New Style one; ``year`` is the year the text states.

    A year after both (``December 31 (January 13), 1913``) is the New Style
    date's, so across a new year the Old Style one is a year earlier; a year
    stated inside the pair (group ``y2`` is the other) is the Old Style date's.
    """
    crosses = new_month is not None and new_month < month
    if year is None or not crosses or "y2" in match.re.groupindex:
        return year
    return year - 1


def _new_style(reading: Reading, old: date) -> Value | None:
    """The New Style date of an Old Style one, if it falls on the New Style day (and month) the text states."""
    new = julian_to_gregorian(old)
    if new.day != reading.new_day or reading.new_month not in (None, new.month):
        return None
    return Value(when=new.isoformat(), julian=old.isoformat())


def choose(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap each other, in text order."""
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


_QUALIFIER = re.compile(
    r"\[\s*(?:(?P<after>not earlier than|no earlier than|not before|after|не ранее|после)"
    r"|(?P<before>not later than|no later than|not after|before|previously|не позднее|не позже|до|ранее))\s+$",
    re.IGNORECASE,
)
# The same bounds outside brackets, where an editor dates a text: at the start of a line or of a heading's part
# ("В. Д. БОНЧ-БРУЕВИЧУ. НЕ ПОЗДНЕЕ 2 АВГУСТА 1921 г."), and after "Written" ("Written prior to September 28,
# 1914"), where "after" and "before" bound the date too (elsewhere "after May 5" is a date an event follows).
_WRITTEN = r"\b(?:written|dated|написано|датировано)[ \t]+"
_OPEN_QUALIFIER = re.compile(
    r"(?:^[ \t]*|" + _WRITTEN + r"|[.:][ \t]+)(?P<q>(?P<after>not earlier than|no earlier than|not before|не ранее)"
    r"|(?P<before>not later than|no later than|not after|не позднее|не позже))[ \t]+$"
    r"|" + _WRITTEN + r"(?P<w>(?P<after2>after|после)|(?P<before2>before|prior to|до))[ \t]+$",
    re.IGNORECASE,
)

# The last words of the qualifiers above: a date after none of them has no bound.
_QUALIFIER_ENDS = ("than", "before", "after", "to ", "до ", "после", "ранее", "позднее", "позже")


def widen(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Extend a date over enclosing editorial brackets or the editor's bound before it, with the bound stated.

    ``[August 12, 1920]`` takes its brackets; ``[not earlier than August 5, 1920]``
    takes the whole bracket and becomes a ``not_before`` (``not_after`` for "not later"
    and for "before": ``[before 5 March 1953]``); so does ``Written after July 27, 1916``.
    """
    close = re.match(r"\s*\]", text[end:])
    if close is None:
        return _open_bound(text, start, end)
    if start > 0 and text[start - 1] == "[":
        return start - 1, end + close.end(), ""
    qualifier = _QUALIFIER.search(text, max(0, start - 40), start)
    if qualifier is None:
        return start, end, ""
    return qualifier.start(), end + close.end(), "not_before" if qualifier.group("after") else "not_after"


def _open_bound(text: str, start: int, end: int) -> tuple[int, int, str]:
    """``start:end`` with the bound an editor wrote before it outside brackets (see ``_OPEN_QUALIFIER``), if any."""
    line_start = text.rfind("\n", 0, start) + 1
    last_word = text[max(line_start, start - 9) : start].lower()
    if start - line_start > 200 or not any(word in last_word for word in _QUALIFIER_ENDS):
        return start, end, ""
    qualifier = _OPEN_QUALIFIER.search(text[line_start:start])
    if qualifier is None:
        return start, end, ""
    group = "q" if qualifier.group("q") else "w"
    after = qualifier.group("after") or qualifier.group("after2")
    return line_start + qualifier.start(group), end, "not_before" if after else "not_after"
