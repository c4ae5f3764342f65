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
themselves live in ``english.py``, ``russian.py`` and ``numeric.py``.

Before 1918 Russian letters are dated Old Style (Julian), and editions give
both styles: ``October 28 (November 10) [1912]`` is one date, the New Style
day. When a letter so dated writes its own date in the Old Style (``17.XII``
under ``December 17 (30)``), its other year-less days are Old Style too and
are converted; the title, the header and the editors' notes are not (the editors write New Style).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from ...diagnostics import Reporter
from ...lexicon import CASE_ALIKE
from ...model import Block, Document, DocumentDate, span
from ..claims import DATE_AVOIDS
from ..identifiers.document_numbers import file_date
from . import cables, english, numeric, russian, tense
from .core import (
    Candidate,
    Value,
    after_marker,
    choose,
    julian_to_gregorian,
    normalise,
    render,
    rights_lines,
    widen,
)

if TYPE_CHECKING:
    from ..context import Context

RULES = english.RULES + cables.RULES + russian.RULES + numeric.RULES
# Every date the rules read has a digit, a month name, an ordinal word or a Russian quarter (``во II квартале``):
# a text without one is not searched.
_WORTH_READING = re.compile(
    r"\d|"
    + "|".join(map(re.escape, english.MONTH_NUMBERS))
    + "|"
    + "|".join(english.ORDINAL_WORDS)
    + "|"
    + russian.MONTH_WORD
    + "|"
    + russian.QUARTER_WORD,
    re.IGNORECASE,
)
# The same test in parts, for speed: a digit; an English word above, found in the lower-cased text; a Russian
# quarter or month word, looked for only in a text with the lower-cased beginning of one.
_DIGIT = re.compile(r"\d")
_ENGLISH_WORDS = tuple(sorted({word.lower() for word in (*english.MONTH_NUMBERS, *english.ORDINAL_WORDS)}))
_RUSSIAN_MONTH = re.compile(russian.MONTH_WORD, re.IGNORECASE)
_RUSSIAN_QUARTER = re.compile(russian.QUARTER_WORD, re.IGNORECASE)
# A text with a letter case-insensitive matching takes for another is left to the whole expression.
_CASE_ALIKE = re.compile(f"[{CASE_ALIKE}]")


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
    julian: str = ""  # the Old Style date the text also states (or that was converted), ISO
    uncertain: bool = False

    @property
    def year(self) -> int:
        """The (first) year of the date."""
        return int((self.when or self.not_before or self.not_after)[:4])

    @property
    def month(self) -> int | None:
        """The month of the date, if it names one and lies within it (not ``spring of 1953``)."""
        if self.not_before and self.not_after and self.not_before[:7] != self.not_after[:7]:
            return None
        iso = self.when or self.not_before or self.not_after
        return int(iso[5:7]) if len(iso) >= 7 else None


def find_dates(
    text: str,
    year: int | None,
    month: int | None = None,
    blocked: Sequence[tuple[int, int]] = (),
    now: int | None = None,
) -> list[DateMatch]:
    """The dates in ``text``, in order, without overlaps.

    ``year`` completes dates that state none (none is annotated without it);
    ``month`` is the month last spoken of, for a day named alone (``before the
    thirtieth``); each date that names a month becomes the context of the next.
    No date overlaps a ``(start, end)`` of ``blocked``. ``now`` is the month the text was written in (else
    ``month``): a month before it that the text looks forward to is next year's.
    """
    norm = normalise(text)
    if not _worth_reading(norm):
        return []
    candidates = [c for c in _readings(norm) if _admissible(c, norm, year, blocked)]
    found: list[DateMatch] = []
    for cand in choose(candidates):
        match = _resolve(cand, text, year, month, now)
        if match is not None:
            found.append(match)
            month = match.month or month
    return found


@lru_cache(maxsize=256)
def _readings(norm: str) -> tuple[Candidate, ...]:
    """Every rule's readings of a normalised text, in the rules' order, before the context decides which stand.

    Kept for the last texts read: the letters of a page repeat its collection's heading, and notes such as
    "Original. Typescript." recur from letter to letter; a reading depends on the text alone.
    """
    passed: dict[re.Pattern[str], bool] = {}
    return tuple(c for rule in RULES if rule.may_match(norm, passed) for c in rule.candidates(norm))


def _worth_reading(text: str) -> bool:
    """Whether ``_WORTH_READING`` finds anything in ``text``."""
    if _DIGIT.search(text):
        return True
    if _CASE_ALIKE.search(text):
        return _WORTH_READING.search(text) is not None
    lowered = text.lower()
    if any(word in lowered for word in _ENGLISH_WORDS):
        return True
    if "кв" in lowered and _RUSSIAN_QUARTER.search(text) is not None:
        return True
    return any(start in lowered for start in russian.MONTH_WORD_STARTS) and _RUSSIAN_MONTH.search(text) is not None


def _admissible(cand: Candidate, text: str, year: int | None, blocked: Sequence[tuple[int, int]]) -> bool:
    """Whether a candidate may compete: not a reference number, not on blocked text, resolvable."""
    if text[cand.start].isdigit() and after_marker(text, cand.start):
        return False
    if any(cand.start < end and start < cand.end for start, end in blocked):
        return False
    if cand.reading.bare_year and not numeric.plausible_year(text, cand.start, cand.end, year):
        return False
    return cand.reading.needs_month or render(cand.reading, year, None) is not None


def _resolve(cand: Candidate, text: str, year: int | None, month: int | None, now: int | None) -> DateMatch | None:
    reading = cand.reading
    value = render(reading, _year_of(cand, text, year, now or month), month)
    if value is None:
        return None
    start, end, bound = widen(text, cand.start, cand.end)
    value = _bounded(value, bound)
    return DateMatch(
        start,
        end,
        value.when,
        value.not_before,
        value.not_after,
        reading.needs_year,
        reading.needs_month,
        value.julian,
        reading.uncertain,
    )


def _year_of(cand: Candidate, text: str, year: int | None, month: int | None) -> int | None:
    """The context year, or the next one for a month before the current one that the text looks forward to.

    ``will send it in January`` and ``we will not fulfil the plan by the 1st of January`` in a letter of
    November are next January; ``чтобы в четвертом квартале`` in November is this year's quarter, not yet over.
    """
    reading = cand.reading
    ahead = (
        year is not None
        and reading.needs_year
        and reading.month is not None
        and month is not None
        and (reading.last_month or reading.month) < month
        and tense.looks_forward(text, cand.start, cand.end)
    )
    return year + 1 if ahead and year is not None else year


def _bounded(value: Value, bound: str) -> Value:
    """``[not earlier than X]`` keeps only X's lower bound, ``[not later than X]`` its upper one."""
    if bound == "not_before":
        return Value(not_before=value.when or value.not_before)
    if bound == "not_after":
        return Value(not_after=value.when or value.not_after)
    return value


class DatesEnricher:
    """Adds ``date`` spans with ISO values; the document's own date gives the missing years."""

    name = "dates"
    priority = 30

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Annotate the document date (else the dateline's) first, record it in ``meta``, then every other block."""
        year = _meta_year(document)
        month: int | None = None
        taken_from = _DOCUMENT_DATE
        own = document.fields.get("date")
        dated: DateMatch | None = None
        if own is not None:
            found = _find(own, year, None)
            _annotate(own, found, reporter)
            if found:
                dated = found[0]
        if dated is None:
            dated = _dateline_date(document, year)
        if dated is not None:
            _record(document, dated)
            year, month = dated.year, dated.month
        elif year is None:
            titled = _title_date(document)  # "Letter to Karl Marx, March 1, 1868": a context, not a recorded date
            year, month = (titled.year, titled.month) if titled else _filed(document)
            taken_from = "the document's title" if titled else _FILE_NUMBER
        # With no date of the document, a year-less date takes the year of the last date stated before it, or
        # before the first such date, the year of that date.
        running = year is None
        # The edition's fields (published, source, translated) date the edition, not the text.
        editorial = {id(block) for block in document.fields.values()}
        if running:
            year, taken_from = _first_stated_year(document, editorial), _NEAREST_DATE
        now = month  # the month the document was written in, as far as its date or context tells
        old_style: bool | None = None
        letter = {id(block) for block in _letter_blocks(document)} if dated is not None and dated.julian else set()
        for _lang, block in document.blocks():
            if block is own:
                continue
            found = _find(block, year, month, now)
            month = _last_month(found, month)
            if dated is not None and id(block) in letter:
                old_style = _writes_old_style(found, dated, old_style)
                found = [_to_new_style(m) for m in found] if old_style else found
            _annotate(block, found, reporter, taken_from)
            if running and id(block) not in editorial:
                year = _last_stated_year(found, year)


# What the year of a year-less date was taken from, as the report says it; the last two are weaker contexts.
_DOCUMENT_DATE, _FILE_NUMBER, _NEAREST_DATE = "the document date", "its file number", "the date stated nearest to it"
_WEAK_CONTEXTS = (_FILE_NUMBER, _NEAREST_DATE)


# Divisions that are not the letter's own text: the editors' notes, the list of contents.
_EDITORIAL_DIVISIONS = ("notes", "contents")


def _letter_blocks(document: Document) -> list[Block]:
    """The blocks of the letter's own text: not its title or header fields, nor the editors' notes.

    Only these are written in the letter's calendar; the editors date their notes New Style.
    """
    return [
        block
        for division in document.divisions
        if division.kind not in _EDITORIAL_DIVISIONS
        for block in division.blocks
        if block.kind != "note"
    ]


def _dateline_date(document: Document, year: int | None) -> DateMatch | None:
    """The date of the letter's first place-and-date line (``Riga, 21.VIII.21.``), if it states its year.

    A letter the editors did not date keeps its own date there.
    """
    for division in document.divisions:
        for block in division.blocks:
            if block.kind == "dateline":
                stated = [m for m in _find(block, year, None) if not m.inferred_year]
                return stated[0] if stated else None
    return None


def _title_date(document: Document) -> DateMatch | None:
    """The first date of the document's title that states its year (``Letter to Karl Marx, March 1, 1868``)."""
    stated = [m for m in _find(document.title, None, None) if not m.inferred_year]
    return stated[0] if stated else None


def _filed(document: Document) -> tuple[int | None, int | None]:
    """The year and month a State Department file number of the title gives (``795.00/6–2850: Telegram``), the
    date the file received the document."""
    for idno in document.title.spans_of("idno"):
        if idno.attr("type") == "file":
            filed = file_date(document.title.text[idno.start : idno.end])
            if filed is not None:
                return filed[0], filed[1]
    return None, None


def _first_stated_year(document: Document, skipped: set[int]) -> int | None:
    """The year of the first day or month of the document that states its year, but in the ``skipped`` blocks."""
    for _lang, block in document.blocks():
        if id(block) in skipped:
            continue
        stated = _last_stated_year(_find(block, None, None)[:1], None)
        if stated is not None:
            return stated
    return None


def _last_stated_year(found: list[DateMatch], year: int | None) -> int | None:
    """The year of the last day or month of ``found`` that states its year, else ``year`` (a year alone is often
    a reference's, not the text's)."""
    stated = [m.year for m in found if not m.inferred_year and len(m.when) >= 7]
    return stated[-1] if stated else year


def _meta_year(document: Document) -> int | None:
    """The year a reader may have set in ``meta.year``."""
    year = document.meta.year
    return year if year is not None and 1000 <= year <= 9999 else None


def _record(document: Document, date: DateMatch) -> None:
    """The document date into ``meta`` as ISO strings."""
    document.meta.date = DocumentDate(date.when, date.not_before, date.not_after)


def _last_month(found: list[DateMatch], month: int | None) -> int | None:
    """The month of the last date that names one, else ``month``."""
    months = [m.month for m in found if m.month]
    return months[-1] if months else month


def _writes_old_style(found: list[DateMatch], dated: DateMatch, decided: bool | None) -> bool | None:
    """Whether a letter dated in both styles writes its own dates Old Style: its first day that matches one style.

    ``None`` while no year-less day of the letter has matched the Old or the New Style day of its date.
    """
    if decided is not None:
        return decided
    for match in found:
        if match.inferred_year and len(match.when) == 10:
            if match.when[5:] == dated.julian[5:]:
                return True
            if match.when[5:] == dated.when[5:]:
                return False
    return None


def _to_new_style(match: DateMatch) -> DateMatch:
    """A year-less day of a letter written Old Style, as its New Style date."""
    if not match.inferred_year or match.julian:
        return match
    when, not_before, not_after = (_new_style_day(v) for v in (match.when, match.not_before, match.not_after))
    return replace(match, when=when, not_before=not_before, not_after=not_after, julian=match.when)


def _new_style_day(iso: str) -> str:
    """An Old Style ISO day as New Style; a month, a year or nothing as it is."""
    return julian_to_gregorian(date.fromisoformat(iso)).isoformat() if len(iso) == 10 else iso


def _find(block: Block, year: int | None, month: int | None, now: int | None = None) -> list[DateMatch]:
    """The dates of one block that no identifier, note reference or earlier date covers."""
    blocked = [(s.start, s.end) for s in block.spans if s.kind in DATE_AVOIDS] + rights_lines(block.text)
    found = find_dates(block.text, year, month, blocked, now)
    return [m for m in found if block.is_free(m.start, m.end, *DATE_AVOIDS)]


def _annotate(block: Block, found: list[DateMatch], reporter: Reporter, taken_from: str = _DOCUMENT_DATE) -> None:
    """Add the date spans of one block and report each year ``taken_from`` the context (a file number or another
    date of the text is a weaker context than the document's date or title: ``cert="medium"``)."""
    for match in found:
        attrs = _attributes(match)
        if taken_from in _WEAK_CONTEXTS and match.inferred_year and attrs.get("cert") == "high":
            attrs["cert"] = "medium"
        supplied = any(match.start <= s.start and s.end <= match.end for s in block.spans_of("supplied"))
        if supplied and not attrs.get("evidence"):
            attrs["evidence"] = "external"  # the editors of the edition supplied part of it, from their sources
        block.add(span(match.start, match.end, "date", **attrs))
        text = block.text[match.start : match.end]
        if match.inferred_year:
            reporter.info("date-year-inferred", f"year {match.year} of {text!r} taken from {taken_from}", block.line)
        if match.inferred_month:
            reporter.info("date-month-inferred", f"month of {text!r} taken from the preceding date", block.line)


def _attributes(match: DateMatch) -> dict[str, str]:
    """The span attributes: the ISO value, and how certain a supplied part is."""
    attrs = {"when": match.when, "not_before": match.not_before, "not_after": match.not_after}
    if match.inferred_year or match.inferred_month:
        attrs["cert"] = "medium" if match.inferred_month else "high"
        attrs["evidence"] = "internal"
    if match.uncertain:
        attrs["cert"] = "low"
    return attrs
