"""Telling apart namesakes: a name several register entries share (``Kamenev``).

Such a name is the one of them its letter names unambiguously, else the one the
letters of its page name (the letters of one page of a collection are close in
time and circle); one that stays ambiguous is marked without ``ref`` and reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import Reporter
from ..model import Block, Document, Span, span
from .names_match import Mention


def link_namesakes(document: Document, ambiguous: list[tuple[Block, Mention]]) -> None:
    """A name namesakes share refers to the one of them the letter itself names ("L. B. Kamenev - V. I. Lenin"),
    if any; else it keeps its namesakes for the page (``link_namesakes_on_page``)."""
    named = _named_by_letters([document]) if ambiguous else set()
    for block, mention in ambiguous:
        found = named.intersection(mention.keys)
        if len(found) == 1:
            _relink(block, span(mention.start, mention.end, "person"), next(iter(found)))
            continue
        block.spans.remove(span(mention.start, mention.end, "person"))
        block.add(span(mention.start, mention.end, "person", namesakes=" ".join(mention.keys)))


def link_namesakes_on_page(documents: Sequence[Document], reporter: Reporter) -> None:
    """Link each name its document left to namesakes to the one of them the letters of the page name, if only one;
    warn of the names left without a link.

    The letters of one page of a collection are close in time and circle, so a bare ``Kamenev`` in one of them
    is the Kamenev whose initials another gives. Call it once all the documents of a page are enriched.
    """
    left = [
        (b, s) for d in documents for _, b in d.blocks() for s in b.spans if s.kind == "person" and s.attr("namesakes")
    ]
    named = _named_by_letters(documents, editorial=False) if left else set()
    for block, s in left:
        text = block.text[s.start : s.end]
        found = named.intersection(s.attr("namesakes").split())
        if len(found) == 1:
            key = next(iter(found))
            _relink(block, s, key)
            reporter.info("namesake-linked", f"{text!r} is {key}, the one the letters of the page name", block.line)
        else:
            keys = ", ".join(s.attr("namesakes").split())
            reporter.warning("ambiguous-name", f"{text!r} may be any of {keys}; no @ref", block.line)


def _named_by_letters(documents: Sequence[Document], editorial: bool = True) -> set[str]:
    """The people the documents name unambiguously in their titles, headers and texts; without ``editorial``, not
    counting names an editor completed in brackets (``Kamenev [S. S.]``).

    Editorial notes do not count: they bring in people from other times and places (a note on the
    Commander-in-Chief's directives names S. S. Kamenev in a letter about L. B. Kamenev's dispatch). Nor, for the
    other letters of a page, do an editor's brackets: they tell a namesake apart where the letter names him, and say
    nothing of the other letters.
    """
    blocks = [b for d in documents for b in (d.title, *d.fields.values())]
    blocks += [b for d in documents for division in d.divisions if division.kind != "notes" for b in division.blocks]
    return {
        s.attr("ref").lstrip("#")
        for b in blocks
        for s in b.spans
        if s.kind == "person" and s.attr("ref") and (editorial or "[" not in b.text[s.start : s.end])
    }


def _relink(block: Block, old: Span, key: str) -> None:
    """Replace a person span that lists namesakes (or none) with one that refers to ``key``."""
    block.spans.remove(old)
    block.add(span(old.start, old.end, "person", ref=f"#{key}"))
