"""Persons proposed by the form of their surname, for English text, which has no model here.

A capitalised word that no span claims, does not open a sentence, stands alone (no capitalised word joined to
it) and ends like a Russian, Ukrainian, Polish, Georgian or Armenian surname (``SURNAME_ENDING``: Litvinov,
Rakovsky, Ordzhonikidze) is proposed as a person with ``cert="low"``, unless the gazetteer knows it as a
place. The same word elsewhere in the document, at a sentence's start too, is proposed with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Block, span
from ..names.index import fold
from ..names.rules import SURNAME_ENDING
from .candidates import PREVIOUS_WORD, WORD, is_free, opens_sentence
from .gazetteer import lookup

SOURCE = "rule:surname-form"
BY = "the surname-form rule"
# Words after a surname that make it the name of a place or an institution (``the Putilov plant``).
NAMED_AFTER = re.compile(
    r" (?:plant|factory|works|mill|mine|hospital|clinic|street|prospect|avenue|square|bridge|canal|station|"
    r"institute|school|academy|university|museum|library|theatre|theater|prize|line|district|regiment|division)\b",
    re.I,
)
MIN_LENGTH = 5
# English words and western place names that end like a surname (``Domain``, ``Britain``, ``Norwich``).
NOT_SURNAME_ENDING = re.compile(r"(?:ain|oin|uin|wich)\Z")


def propose_surnames(blocks: Sequence[tuple[Block, list[tuple[int, int]]]], registered: frozenset[str]) -> None:
    """Mark the surname-shaped words of the English ``blocks`` (each with its free capitalised words) as persons
    (``cert="low"``); none that is a word of a register name (``registered``, folded)."""
    found: set[str] = set()
    for block, free in blocks:
        for start, end in free:
            if opens_sentence(block.text, start):
                continue
            word = block.text[start:end]
            if _surname_shaped(word) and fold(word) not in registered and _stands_alone(block.text, start, end):
                found.add(word)
    if not found:
        return
    for block, _ in blocks:
        if not any(word in block.text for word in found):
            continue
        for match in WORD.finditer(block.text):
            word = match.group()
            start, end = match.span()
            if word in found and _stands_alone(block.text, start, end) and is_free(block, start, end):
                block.add(span(start, end, "person", cert="low", source=SOURCE, by=BY))


def _surname_shaped(word: str) -> bool:
    return (
        len(word) >= MIN_LENGTH
        and bool(SURNAME_ENDING.search(word))
        and not NOT_SURNAME_ENDING.search(word)
        and lookup(word) is None
    )


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether no capitalised word is joined to ``start:end`` by a space (``Petrovsky Street``); a word before
    it that opens a sentence does not count (``In Litvinov's view``)."""
    before = PREVIOUS_WORD.search(text, 0, start)
    if before and before.group(1)[0].isupper() and not opens_sentence(text, before.start(1)):
        return False
    return not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()) and not NAMED_AFTER.match(text, end)
