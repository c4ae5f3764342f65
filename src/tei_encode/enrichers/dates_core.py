"""Shared machinery of the date finder: readings, rules, ISO rendering and span choice.

A rule is a regular expression with a builder that turns one match into a
:class:`Reading`: what the expression states (year, month, day, a range, a
time), with the parts it leaves to the context set to ``None``. The finder in
``dates.py`` runs the English, Russian and numeric rules of ``dates_en.py``,
``dates_ru.py`` and ``dates_numeric.py`` over a text, keeps the longest
non-overlapping candidates, and renders each reading as ISO 8601 with
:func:`render`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

# A ``last_day`` meaning "to the end of the month", whatever its length.
END_OF_MONTH = 99

# Letters that some sources type instead of the look-alike Latin Roman digits;
# one character for one, so offsets into the normalised text stay valid.
_ROMAN_LOOKALIKES = str.maketrans({"І": "I", "Х": "X", "Ⅰ": "I", "Ⅴ": "V", "Ⅹ": "X"})

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
ROMAN_MONTHS = {r: i for i, r in enumerate(_ROMAN, start=1)}
ROMAN_MONTH = r"(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![A-Za-z])"

# A Russian year may carry its case word or abbreviation: ``1951 г.``, ``1951г.``, ``1952 году``.
YEAR_SUFFIX_RU = r"(?:[ \t\u00a0]?(?:гг?\.|г(?!\w)|год(?:а|у|ом)?(?!\w)))"

# Words after which a number is a page, volume, sheet or document number, not a date.
_MARKER = re.compile(
    r"(?:№|\bNos?\.?|\bNr\.?|#|§|\b[PpSTLDFCH]\.|\bpp\.|\bll?\.|\b[Vv]ols?\.|\b[Oo]p\.|\bOn\.|\b[Ss]ection"
    r"|\b[Aa]rt\.|\b[Cc]h\.|\b[ЛлДдФфСсТтПпч]\.|\b[Оо]п\.|\bпп\.|\bст\.|\bгл\.|\bстр\.)\s*$"
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


def normalise(text: str) -> str:
    """``text`` with look-alike letters in Roman numerals made Latin, same length."""
    return text.translate(_ROMAN_LOOKALIKES)


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
        return Value(not_before=f"{y:04d}", not_after=f"{reading.last_year:04d}") if reading.last_year > y else None
    if m is None:
        return Value(when=f"{y:04d}")
    if not 1 <= m <= 12:
        return None
    if reading.last_month is not None:
        return _month_range(y, m, reading.last_month)
    if reading.day is None:
        return Value(when=f"{y:04d}-{m:02d}")
    return _day_value(reading, y, m)


def _month_range(year: int, first: int, last: int) -> Value | None:
    if not first < last <= 12:
        return None
    end = f"{year:04d}-{last:02d}-{month_length(year, last):02d}"
    return Value(not_before=f"{year:04d}-{first:02d}-01", not_after=end)


def _day_value(reading: Reading, year: int, month: int) -> Value | None:
    days = month_length(year, month)
    day = reading.day or 0
    if not 1 <= day <= days:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if reading.last_day is None:
        return Value(when=f"{iso}T{reading.time}:00" if reading.time else iso)
    last = min(reading.last_day, days) if reading.last_day == END_OF_MONTH else reading.last_day
    if not day < last <= days:
        return None
    return Value(not_before=iso, not_after=f"{year:04d}-{month:02d}-{last:02d}")


def choose(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap each other, in text order."""
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


_QUALIFIER = re.compile(
    r"\[\s*(?:(?P<after>not earlier than|no earlier than|not before|не ранее)"
    r"|(?P<before>not later than|no later than|not after|не позднее|не позже))\s+$",
    re.IGNORECASE,
)


def widen(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Extend a date over enclosing editorial brackets, with the bound they state.

    ``[August 12, 1920]`` takes its brackets; ``[not earlier than August 5, 1920]``
    takes the whole bracket and becomes a ``notBefore`` (``notAfter`` for "not later").
    """
    close = re.match(r"\s*\]", text[end:])
    if close is None:
        return start, end, ""
    if start > 0 and text[start - 1] == "[":
        return start - 1, end + close.end(), ""
    qualifier = _QUALIFIER.search(text, max(0, start - 40), start)
    if qualifier is None:
        return start, end, ""
    return qualifier.start(), end + close.end(), "notBefore" if qualifier.group("after") else "notAfter"
