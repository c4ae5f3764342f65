"""Persons proposed by one initial before a Russian surname (``А. Пешков``, ``В. Ульянов``, ``П. Кропоткина``).

Two or three initials before a surname are a rule of the names enricher; one initial is weaker evidence, so the
word after it must read first as a surname in the dictionary, and it is proposed with ``cert="medium"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Block, span
from ..names.index import fold, morph
from .candidates import is_free

SOURCE = "rule:initial-surname"
BY = "the initial-and-surname rule"
# One initial, not the end of an abbreviation or a word (``т. Иванов``, ``им. Ленина``) nor after one (``п. Б.
# Аксельроду``: whether the abbreviation is part of the name is not known), and a capitalised word, perhaps on
# the next line.
INITIAL_SURNAME = re.compile(
    r"(?<![\w.])(?<!\w\. )(?P<initial>[А-ЯЁ]\.)(?:[ \t]|\n)?(?P<surname>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![\w.-])"
)


def propose_initialled_surnames(blocks: Iterable[Block], registered: frozenset[str]) -> None:
    """Mark an initial and a surname after it in the Russian ``blocks`` as a person; not a word of a register name
    (``registered``, folded: ``В. Ульянов`` is the register's to link, as a birth name of Lenin's)."""
    for block in blocks:
        for match in INITIAL_SURNAME.finditer(block.text):
            start, end = match.span()
            surname = match.group("surname")
            if fold(surname) in registered or not is_free(block, start, end):
                continue
            if "Surn" in morph().parse(surname)[0].tag:
                block.add(span(start, end, "person", cert="medium", source=SOURCE, by=BY))
