"""Persons proposed by the list they stand in: a list of names most of which are persons.

A run of three or more single names (a word, perhaps after initials) joined by commas, "and" or "и" (``Brezhnev,
Voronov, Kirilenko, ... Kuusinen``; ``Molotov, Rudzutak, Pyatakov, Mironov and Smilga``; ``Молотов, Кириченко,
Сабуров, Суслов``) whose items are at least half persons already (from the register, the rules, the surname
form or the Russian model) and none a place: its other items are persons too, proposed with ``cert="low"``, but
for a place the gazetteer knows in Latin letters. In Russian the list is read before the gazetteer, whose former
names of towns are often surnames (Молотов, Perm's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Block, SpanKind, span
from ..names.index import CYRILLIC
from ..names.words import NOT_NAMES, ORG_WORDS, TITLE_WORDS
from .candidates import is_free
from .gazetteer import lookup

SOURCE = "rule:list"
BY = "the list rule"
_ITEM = r"(?:[A-ZА-ЯЁ]\.[ \t]?){0,2}[A-ZА-ЯЁ][a-zà-ÿа-яё]+(?:[-’'][A-Za-zà-ÿА-Яа-яЁё]+)?"
LIST = re.compile(rf"(?<![\w.])(?:{_ITEM})(?:(?:,[ \t]*|,?[ \t]+(?:and|и)[ \t]+)(?:{_ITEM})){{2,}}(?![\w’'])")
ITEM = re.compile(_ITEM)
MIN_ITEMS = 3
# Words of a list that name a post or an institution, not a person ("Kudryashov, Deputy Heads of ...").
NOT_PERSONS = NOT_NAMES | ORG_WORDS | TITLE_WORDS


def propose_listed(blocks: Iterable[Block]) -> None:
    """Mark the unmarked items of lists of persons in ``blocks`` as persons (``cert="low"``)."""
    for block in blocks:
        if block.text.count(",") + block.text.count(" and ") + block.text.count(" и ") < MIN_ITEMS - 1:
            continue
        for run in LIST.finditer(block.text):
            items = [
                m.span()
                for m in ITEM.finditer(block.text, run.start(), run.end())
                if m.group().split()[-1].casefold() not in NOT_PERSONS
            ]
            persons = sum(1 for a, b in items if _marked(block, a, b, "person"))
            if (
                len(items) < MIN_ITEMS
                or persons * 2 < len(items)
                or any(_marked(block, a, b, "place") for a, b in items)
            ):
                continue
            for a, b in items:
                if is_free(block, a, b) and not _latin_place(block.text[a:b]):
                    block.add(span(a, b, "person", cert="low", source=SOURCE, by=BY))


def _latin_place(item: str) -> bool:
    """Whether an item in Latin letters is a place of the gazetteer (``Marx and Engels, Works, Moscow``: a
    reference's place of publication); Russian items are read before the gazetteer (see above)."""
    return not CYRILLIC.search(item) and lookup(item) is not None


def _marked(block: Block, start: int, end: int, kind: SpanKind) -> bool:
    return any(s.start < end and start < s.end for s in block.spans_of(kind))
