"""Bibliographic references: a citation of a printed work in parentheses becomes a ``bibl`` span.

Editors' notes cite printed editions in parentheses, with a volume and a page
or an issue: ``(See: Lenin V. I. PSS. T. 51. P. 247)``, ``(Izvestiya of the
Central Committee of the CPSU. 1991. No. 2, pp. 121, 123)``, ``(Ленин В. И.
ПСС. Т. 51. С. 247)``. The reference is the text inside the parentheses after a
lead-in such as ``See:``; an archival citation (already an ``idno``) is not one.
Persons, places of publication and years inside it are marked by the later
enrichers, nested in the ``bibl``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, span

if TYPE_CHECKING:
    from .context import Context

PARENTHESES = re.compile(r"\(([^()\n]{8,300})\)")
LEAD_IN = re.compile(r"^\s*(?:see(?: also)?|cf\.|quoted (?:from|in)|см\.(?: также)?|цит\. по)\s*:?\s*", re.I)
VOLUME = r"(?:T|Vol|vol|Tom|Т|Том|т)\.\s*\d+"
PAGES = r"(?:P|p|pp|S|С|с|Стр|стр)\.\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*"
ISSUE = r"(?:No|№)\.?\s*\d+"
LOCATOR = re.compile(rf"(?<!\w)(?:{VOLUME}|{ISSUE})\b.*?(?<!\w){PAGES}|(?<!\w){VOLUME}\b", re.S)
# A reference names a work: a capitalised word before its locator.
WORK = re.compile(r"[A-ZА-ЯЁ][\w’'-]+")


class BibliographyEnricher:
    """Marks references to printed works as ``bibl`` spans."""

    name = "bibliography"
    priority = 25

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add a ``bibl`` span for every parenthesised reference to a printed work."""
        for _, block in document.blocks():
            for start, end in references(block.text):
                if _is_free(block, start, end):
                    block.add(span(start, end, "bibl"))


def references(text: str) -> list[tuple[int, int]]:
    """The offsets of the references to printed works in ``text`` (inside parentheses, after any lead-in)."""
    found = []
    for match in PARENTHESES.finditer(text):
        inner = match.group(1)
        locator = LOCATOR.search(inner)
        if locator is None or not WORK.search(inner[: locator.start()]):
            continue
        lead = LEAD_IN.match(inner)
        start = match.start(1) + (lead.end() if lead else len(inner) - len(inner.lstrip()))
        end = match.end(1) - (len(inner) - len(inner.rstrip(" .;,")))
        found.append((start, end))
    return found


def _is_free(block: Block, start: int, end: int) -> bool:
    """No archival citation or reference inside, and no span crossing the reference's edges."""
    for s in block.spans:
        if not s.overlaps(start, end):
            continue
        inside = start <= s.start and s.end <= end
        around = s.start <= start and end <= s.end
        if s.kind in ("idno", "bibl") or not (inside or around):
            return False
    return True
