"""The dates enricher: calendar expressions in English and Russian as ISO 8601 date spans.

:func:`find_dates` reads one text with a context year (and month) and returns
:class:`DateMatch` objects; :class:`DatesEnricher` first reads the document's
own date (the ``date`` field), records it in ``document.meta`` and takes its
year as the context for the year-less dates of every other block (``September
8``, ``20 сентября``, ``24/7``). A year so supplied is marked ``cert="high"``
``evidence="internal"``; a date the editors of an edition completed in
brackets (``July 24 [1920]``) is marked ``evidence="external"``. Vague or
relative expressions (``yesterday``, ``через 6 суток``) are not dates;
numbers after ``No.``, ``№``, ``P.``, ``vol.`` are not either. The rules
themselves live in ``dates_en.py``, ``dates_ru.py`` and ``dates_numeric.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, span
from . import dates_en, dates_numeric, dates_ru
from .dates_core import Candidate, Value, after_marker, choose, normalise, render, widen

if TYPE_CHECKING:
    from . import Context

RULES = dates_en.RULES + dates_ru.RULES + dates_numeric.RULES
# Every date the rules read has a digit, a month name or an ordinal word: a text without one is not searched.
_WORTH_READING = re.compile(
    r"\d|"
    + "|".join(map(re.escape, dates_en.MONTH_NUMBERS))
    + "|"
    + "|".join(dates_en.ORDINAL_WORDS)
    + "|"
    + dates_ru.MONTH_WORD,
    re.IGNORECASE,
)
# The same test in parts, for speed: a digit; an English word above, found in the lower-cased text; a Russian
# month word, looked for only in a text with the lower-cased beginning of one.
_DIGIT = re.compile(r"\d")
_ENGLISH_WORDS = tuple(sorted({word.lower() for word in (*dates_en.MONTH_NUMBERS, *dates_en.ORDINAL_WORDS)}))
_RUSSIAN_MONTH = re.compile(dates_ru.MONTH_WORD, re.IGNORECASE)
# Letters that case-insensitive matching takes for a letter other than their lower case (ı and i, ſ and s, ᲀ and в),
# and İ, whose lower case is two characters: a text with one is left to the whole expression.
_CASE_ALIKE = re.compile("[\u0130\u0131\u017f\u1c80-\u1c88]")

# Spans a date must not overlap (a "supplied" span may lie inside a date).
PROTECTED = ("idno", "noteref", "date")


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text: its offsets and its ISO value (a point or bounds)."""

    start: int
    end: int
    when: str = ""
    not_before: str = ""
    not_after: str = ""
    inferred_year: bool = False
    inferred_month: bool = False

    @property
    def year(self) -> int:
        """The (first) year of the date."""
        return int((self.when or self.not_before or self.not_after)[:4])

    @property
    def month(self) -> int | None:
        """The (first) month of the date, if it names one."""
        iso = self.when or self.not_before or self.not_after
        return int(iso[5:7]) if len(iso) >= 7 else None


def find_dates(
    text: str, year: int | None, month: int | None = None, blocked: Sequence[tuple[int, int]] = ()
) -> list[DateMatch]:
    """The dates in ``text``, in order, without overlaps.

    ``year`` completes dates that state none (none is annotated without it);
    ``month`` is the month last spoken of, for a day named alone (``before the
    thirtieth``); each date that names a month becomes the context of the next.
    No date overlaps a ``(start, end)`` of ``blocked``.
    """
    norm = normalise(text)
    if not _worth_reading(norm):
        return []
    passed: dict[re.Pattern[str], bool] = {}
    candidates = [
        c
        for rule in RULES
        if rule.may_match(norm, passed)
        for c in rule.candidates(norm)
        if _admissible(c, norm, year, blocked)
    ]
    found: list[DateMatch] = []
    for cand in choose(candidates):
        match = _resolve(cand, text, year, month)
        if match is not None:
            found.append(match)
            month = match.month or month
    return found


def _worth_reading(text: str) -> bool:
    """Whether ``_WORTH_READING`` finds anything in ``text``."""
    if _DIGIT.search(text):
        return True
    if _CASE_ALIKE.search(text):
        return _WORTH_READING.search(text) is not None
    lowered = text.lower()
    if any(word in lowered for word in _ENGLISH_WORDS):
        return True
    return any(start in lowered for start in dates_ru.MONTH_WORD_STARTS) and _RUSSIAN_MONTH.search(text) is not None


def _admissible(cand: Candidate, text: str, year: int | None, blocked: Sequence[tuple[int, int]]) -> bool:
    """Whether a candidate may compete: not a reference number, not on blocked text, resolvable."""
    if text[cand.start].isdigit() and after_marker(text, cand.start):
        return False
    if any(cand.start < end and start < cand.end for start, end in blocked):
        return False
    return cand.reading.needs_month or render(cand.reading, year, None) is not None


def _resolve(cand: Candidate, text: str, year: int | None, month: int | None) -> DateMatch | None:
    value = render(cand.reading, year, month)
    if value is None:
        return None
    start, end, bound = widen(text, cand.start, cand.end)
    value = _bounded(value, bound)
    return DateMatch(
        start, end, value.when, value.not_before, value.not_after, cand.reading.needs_year, cand.reading.needs_month
    )


def _bounded(value: Value, bound: str) -> Value:
    """``[not earlier than X]`` keeps only X's lower bound, ``[not later than X]`` its upper one."""
    if bound == "notBefore":
        return Value(not_before=value.when or value.not_before)
    if bound == "notAfter":
        return Value(not_after=value.when or value.not_after)
    return value


class DatesEnricher:
    """Adds ``date`` spans with ISO values; the document's own date gives the missing years."""

    name = "dates"
    priority = 30

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Annotate the document date first, record it in ``meta``, then every other block."""
        year = _meta_year(document)
        month: int | None = None
        own = document.fields.get("date")
        if own is not None:
            found = _annotate(own, year, None, reporter)
            if found:
                _record(document, found[0])
                year, month = found[0].year, found[0].month
        for _lang, block in document.blocks():
            if block is not own:
                month = _last_month(_annotate(block, year, month, reporter), month)


def _meta_year(document: Document) -> int | None:
    """The year a reader may have set in ``meta["year"]``."""
    value = document.meta.get("year", "")
    return int(value) if value.isdigit() and len(value) == 4 else None


def _record(document: Document, date: DateMatch) -> None:
    """The document date into ``meta`` as ISO strings."""
    if date.when:
        document.meta["date.when"] = date.when
    if date.not_before:
        document.meta["date.notBefore"] = date.not_before
    if date.not_after:
        document.meta["date.notAfter"] = date.not_after


def _last_month(found: list[DateMatch], month: int | None) -> int | None:
    """The month of the last date that names one, else ``month``."""
    months = [m.month for m in found if m.month]
    return months[-1] if months else month


def _annotate(block: Block, year: int | None, month: int | None, reporter: Reporter) -> list[DateMatch]:
    """Add the date spans of one block and report each year taken from the context."""
    blocked = [(s.start, s.end) for s in block.spans if s.kind in PROTECTED]
    found = [m for m in find_dates(block.text, year, month, blocked) if block.is_free(m.start, m.end, *PROTECTED)]
    for date in found:
        attrs = _attributes(date)
        supplied = any(date.start <= s.start and s.end <= date.end for s in block.spans_of("supplied"))
        if supplied and not attrs.get("evidence"):
            attrs["evidence"] = "external"  # the editors of the edition supplied part of it, from their sources
        block.add(span(date.start, date.end, "date", **attrs))
        text = block.text[date.start : date.end]
        if date.inferred_year:
            message = f"year {date.year} of {text!r} taken from the document date"
            reporter.info("date-year-inferred", message, block.line)
        if date.inferred_month:
            reporter.info("date-month-inferred", f"month of {text!r} taken from the preceding date", block.line)
    return found


def _attributes(date: DateMatch) -> dict[str, str]:
    """The span attributes: the ISO value, and how certain a supplied part is."""
    attrs = {"when": date.when, "notBefore": date.not_before, "notAfter": date.not_after}
    if date.inferred_year or date.inferred_month:
        attrs["cert"] = "medium" if date.inferred_month else "high"
        attrs["evidence"] = "internal"
    return attrs
