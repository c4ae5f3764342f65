"""Corrections and editorial brackets: ``subst`` for a deletion replaced by an insertion,
``supplied`` for text an editor put in square brackets, ``gap`` for an omission mark.

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
        follower = next((a for a in adds if a.start == deletion.end), None)
        if follower is not None:
            block.add(span(deletion.start, follower.end, "subst"))


def _mark_brackets(block: Block) -> None:
    for match in OMISSION.finditer(block.text):
        if block.is_free(match.start(), match.end()):
            block.add(span(match.start(), match.end(), "gap", reason="omitted"))
    for match in BRACKETED.finditer(block.text):
        start, end = match.span(1)
        inner = match.group(1)
        if OMISSION.fullmatch(match.group(0)) or not inner.strip() or not block.is_free(start, end, "idno", "gap"):
            continue
        block.add(span(start, end, "supplied", reason="editorial"))
