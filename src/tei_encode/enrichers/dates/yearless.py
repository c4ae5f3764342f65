"""Dates that state no year in a document that gives none: marked as dates, with no ISO value.

The dates enricher completes a year-less date (``5 April``, ``20 сентября``) from the document's own date;
in a document with no date (a plain text, a letter without a dateline) it cannot, and left such dates
unmarked. They are dates all the same: each gets a ``date`` span without ``when``, so a reader finds it and
an editor can supply the year. A leap year is used only to recognise them (``29 February`` is a day).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...diagnostics import Reporter
from ...model import Document, span
from ..claims import DATE_AVOIDS
from .core import rights_lines
from .enricher import find_dates

if TYPE_CHECKING:
    from ..context import Context

RECOGNITION_YEAR = 2000


class YearlessDatesEnricher:
    """Marks the year-less dates the dates enricher could not complete."""

    name = "yearless-dates"
    priority = 31

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add a value-less ``date`` span for every year-less date left unmarked."""
        if document.meta.date or document.meta.year is not None:
            return  # the dates enricher had a year to complete them with
        for _, block in document.blocks():
            blocked = [(s.start, s.end) for s in block.spans if s.kind in DATE_AVOIDS] + rights_lines(block.text)
            for match in find_dates(block.text, RECOGNITION_YEAR, None, blocked):
                if match.inferred_year and block.is_free(match.start, match.end, *DATE_AVOIDS):
                    block.add(span(match.start, match.end, "date"))
                    text = block.text[match.start : match.end]
                    reporter.info(
                        "date-without-year", f"{text!r} states no year and the document gives none", block.line
                    )
