"""Telling apart namesakes: a name several register entries share (``Kamenev``).

Such a name is the one of them its letter names unambiguously, else the one the
letters of its page name (the letters of one page of a collection are close in
time and circle), else the only one the register has active (``floruit``) in the
letter's year; one that stays ambiguous is marked without ``ref`` and reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...diagnostics import Reporter
from ...model import Block, Document, Span, span
from ...register import ISO_DATE, Register
from .match import Mention


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


def link_namesakes_on_page(documents: Sequence[Document], register: Register, reporter: Reporter) -> None:
    """Link each name its document left to namesakes to the one of them the letters of the page name, if only one,
    else to the only one the register has active in the document's year; warn of the names left without a link.

    The letters of one page of a collection are close in time and circle, so a bare ``Kamenev`` in one of them
    is the Kamenev whose initials another gives. Call it once all the documents of a page are enriched.
    """
    left = [
        (d, b, s)
        for d in documents
        for _, b in d.blocks()
        for s in b.spans
        if s.kind == "person" and s.attr("namesakes")
    ]
    named = _named_by_letters(documents, editorial=False) if left else set()
    for document, block, s in left:
        text = block.text[s.start : s.end]
        keys = s.attr("namesakes").split()
        found = named.intersection(keys)
        day = _day_of(document)
        active = [k for k in keys if _active_on(register, k, day)] if day else []
        if len(found) == 1:
            _relink(block, s, next(iter(found)))
            reporter.info(
                "namesake-linked", f"{text!r} is {next(iter(found))}, the one the letters of the page name", block.line
            )
        elif not found and len(active) == 1:
            _relink(block, s, active[0])
            reporter.info(
                "namesake-linked", f"{text!r} is {active[0]}, the one the register has active on {day}", block.line
            )
        else:
            reporter.warning("ambiguous-name", f"{text!r} may be any of {', '.join(keys)}; no @ref", block.line)


def _day_of(document: Document) -> str:
    """The first day of a document's own date (``1913-02``: ``1913-02-01``), if it has one."""
    meta = document.meta
    for value in (meta.date.when, meta.date.not_before, "" if meta.year is None else str(meta.year)):
        if ISO_DATE.fullmatch(value):
            return value + "-01-01"[len(value) - 4 :]
    return ""


def _active_on(register: Register, key: str, day: str) -> bool:
    """Whether the register has ``key`` active (``floruit``) on ``day``; not when it does not say."""
    entry = register.get(key)
    return entry is not None and entry.active is not None and entry.active[0] <= day <= entry.active[1]


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
