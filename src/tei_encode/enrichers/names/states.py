"""The official names of states: one place over the whole name (``People's Republic of Poland``, ``Korean People's
Democratic Republic``, ``Yemen Arab Republic``), not the country's name inside it alone.

A state's name is ``Republic`` (or ``Kingdom``) with a word of its form before it (``People's``, ``Democratic``,
``Socialist``, ``Arab`` ...), led by the country's name or adjective, or followed by ``of`` and the country. It is
linked to the place the register found inside it (``Poland``), else marked without a link and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Block, span
from ..claims import WORDS_CLAIMED

# The words of a state's form before "Republic" (an apostrophe straight or typographic).
FORM = r"(?:People[’']s|Democratic|Socialist|Soviet|Federal|Federative|Arab|Islamic|Popular|Revolutionary)"
COUNTRY = r"(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
STATE = re.compile(
    rf"(?<![\w’'-])(?:(?P<adjective>[A-Z][a-z]+)[ \t]+)?(?P<form>{FORM}(?:[ \t]+{FORM})*)[ \t]+(?:Republic|Kingdom)"
    rf"(?:[ \t]+of[ \t]+(?P<country>{COUNTRY}))?(?![\w’'-])"
)
# Capitalised words that may open a sentence or a title before a state's name without being part of it.
NOT_COUNTRIES = frozenset({"The", "A", "In", "Of", "To", "For", "From", "And", "With", "By", "On", "At", "This"})


def state_names(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the official names of states in ``text``: with a country or its adjective before the form
    (``Korean People's Democratic Republic``) or after ``of`` (``People's Republic of Poland``)."""
    if "Republic" not in text and "Kingdom" not in text:
        return
    for match in STATE.finditer(text):
        adjective = match.group("adjective")
        start = match.start() if adjective and adjective not in NOT_COUNTRIES else match.start("form")
        if start == match.start("form") and not match.group("country"):
            continue  # "the People's Republic": which state, the text has said before
        yield start, match.end()


def add_state_names(block: Block) -> list[str]:
    """Mark the states' names of ``block`` as places over the places found inside them; the names no place inside
    links (to be reported)."""
    unlinked = []
    for start, end in state_names(block.text):
        inside = [s for s in block.spans if s.overlaps(start, end)]
        if any(s.kind in WORDS_CLAIMED and not (start <= s.start and s.end <= end) for s in inside):
            continue
        if any(s.kind in WORDS_CLAIMED and s.kind != "place" for s in inside):
            continue
        places = [s for s in inside if s.kind == "place"]
        refs = {s.attr("ref") for s in places if s.attr("ref")}
        if any((s.start, s.end) == (start, end) for s in places) or len(refs) > 1:
            continue
        for s in places:
            block.spans.remove(s)
        if refs:
            block.add(span(start, end, "place", ref=refs.pop()))
        else:
            block.add(span(start, end, "place"))
            unlinked.append(block.text[start:end])
    return unlinked
