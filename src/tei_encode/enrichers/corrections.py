"""Corrections and editorial brackets: ``subst`` for a deletion replaced by an insertion (directly or after a space),
``supplied`` for text an editor put in square brackets, ``gap`` for an omission mark or a
bracketed "illegible"; ``[sic]`` and footnote numbers are left alone.

Runs first, so later enrichers see supplied text as part of the names and dates
around it (``Filippov [Stalin]``, ``July 24 [1920]``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, span

if TYPE_CHECKING:
    from . import Context

OMISSION = re.compile(r"\[\s*(?:\.\s*){2,}\]|\[\s*…\s*\]|<\s*\.\.\.\s*>")
# An editor's word for text that cannot be read, in brackets: a gap, not supplied text.
ILLEGIBLE = re.compile(
    r"\[\s*(?:(?:one|two|three|several|\d+)\s+)?(?:words?\s+)?(?:illegible|unreadable|indecipherable|undecipherable"
    r"|неразб(?:орчиво)?\.?|нрзб\.?)(?:\s+words?)?\s*\]",
    re.I,
)
# Editorial remarks in brackets that are not text of the document.
REMARK = re.compile(r"\[\s*(?:sic!?|\?|!|так в (?:документе|тексте|оригинале)\.?)\s*\]", re.I)
BRACKETED = re.compile(r"\[([^\[\]\n]{1,80})\]")


class CorrectionsEnricher:
    """Adds subst, supplied and gap spans."""

    name = "corrections"
    priority = 10

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Mark corrections and editorial brackets in every block."""
        for _, block in document.blocks():
            _mark_substitutions(block)
            _mark_brackets(block)


def _mark_substitutions(block: Block) -> None:
    adds = block.spans_of("add")
    for deletion in block.spans_of("del"):
        between = len(block.text[deletion.end :]) - len(block.text[deletion.end :].lstrip(" "))
        follower = next((a for a in adds if a.start == deletion.end + between), None)
        if follower is not None:
            block.add(span(deletion.start, follower.end, "subst"))


def _mark_brackets(block: Block) -> None:
    for pattern, reason in ((OMISSION, "omitted"), (ILLEGIBLE, "illegible")):
        for match in pattern.finditer(block.text):
            if block.is_free(match.start(), match.end()):
                block.add(span(match.start(), match.end(), "gap", reason=reason))
    for match in BRACKETED.finditer(block.text):
        start, end = match.span(1)
        inner = match.group(1)
        if REMARK.fullmatch(match.group(0)) or not inner.strip():
            continue
        if not block.is_free(start, end, "idno", "gap", "noteref"):
            continue
        block.add(span(start, end, "supplied", reason="editorial"))
