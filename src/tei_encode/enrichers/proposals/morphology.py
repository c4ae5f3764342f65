"""Persons proposed by the dictionary's reading of a Russian word as a surname (``заменить Поповым``, ``Копия
Никифорову``).

A capitalised word inside a sentence of Russian text that no span claims after the model and the rules, and that
the dictionary reads first as a surname (not as a place or an ordinary word), is proposed as a person with
``cert="low"``; none that is a word of a register name or stands a space from another name.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Block, span
from ..names.index import fold, morph
from .candidates import free_capitalised_words, is_free

SOURCE = "rule:surname-reading"
BY = "the dictionary's surname reading"


def propose_read_surnames(blocks: Iterable[Block], registered: frozenset[str]) -> None:
    """Mark the words of the Russian ``blocks`` the dictionary reads first as surnames (``registered``: the folded
    words of the register's names, left to it)."""
    for block in blocks:
        for start, end in list(free_capitalised_words(block)):
            word = block.text[start:end]
            if fold(word) in registered or not is_free(block, start, end) or _beside_person(block, start, end):
                continue
            tag = morph().parse(word)[0].tag
            if "Surn" in tag and "Geox" not in tag:
                block.add(span(start, end, "person", cert="low", source=SOURCE, by=BY))


def _beside_person(block: Block, start: int, end: int) -> bool:
    """Whether a person's name stands a space before or after ``start:end`` (``Шапошников Б.М. Сочинения``: where
    one name ends and the next begins is not known)."""
    return any(s.start == end + 1 or s.end == start - 1 for s in block.spans_of("person"))
