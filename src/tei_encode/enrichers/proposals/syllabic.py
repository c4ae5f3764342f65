"""Chinese and Korean full names in Latin letters, proposed by their shape, for English text.

A family name that comes first (``FAMILY_NAMES_FIRST``) and a given name of one to three syllables, in
title case or in capitals (``Kim Il Sung``, ``Mao Zedong``, ``Li Zhou-yuan``, ``PAK HEON-YEONG``), that no
capitalised word continues, no word of it a kind of place or an English word (``Han River``, ``Sun Yat``
is left to the register) and the whole no place of the gazetteer (``Hong Kong``), is proposed as a person
with ``cert="low"``; so are its other mentions in the document, in either case. Found where a free
capitalised word is such a family name, so most blocks cost one set look-up per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...model import Block, span
from ..names.index import fold, is_syllabic_name
from ..names.syllabic import ENGLISH_WORDS, syllabic_runs
from ..names.words import NOT_NAMES, ORG_WORDS, TITLE_WORDS
from ..unregistered.keys import entry_key, name_words
from ..unregistered.places import NOT_PLACES, PLACE_KINDS
from .candidates import CONNECTIVES, is_free, previous_word
from .gazetteer import lookup

SOURCE = "rule:syllabic-name"
BY = "the syllabic-name rule"
BARE_WORD = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z]+|[A-Z]{2,})(?![\w-])")
# Words that are no given names: English words a family name may stand before, kinds of place, posts.
NOT_GIVEN = (
    ENGLISH_WORDS
    | PLACE_KINDS
    | NOT_PLACES
    | NOT_NAMES
    | ORG_WORDS
    | TITLE_WORDS
    | frozenset({"sea", "lake", "bay", "road", "gate", "hall", "island", "line", "pass", "strait", "village"})
)


def syllabic_names(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the Chinese and Korean full names of ``text``, each the family name and its given name."""
    for start, ends in syllabic_runs(text):
        if _joined_before(text, start):
            continue  # "So Chon Ju": the family name is the word before, which no list knows
        words = [text[a:b] for a, b in ends]
        # The longest syllabic run of its words ("Kim Il Sung" of "Kim Il Sung Said": "Said" is no syllable).
        for count in range(len(words), 1, -1):
            name = tuple(words[:count])
            if is_syllabic_name(name) and not any(fold(w) in NOT_GIVEN for w in name[1:]):
                if lookup(" ".join(name).title()) is None:
                    yield start, ends[count - 1][1]
                break


def propose_syllabic_names(candidates: Sequence[Block], blocks: Sequence[Block]) -> None:
    """Mark the Chinese and Korean full names of the English ``candidates`` (blocks with free capitalised words or
    words in capitals) and their other mentions in the English ``blocks`` as persons."""
    found: set[str] = set()
    for block in candidates:
        for start, end in syllabic_names(block.text):
            if is_free(block, start, end):
                found.add(_folded(block.text[start:end]))
    if not found:
        return
    mention = re.compile(
        "|".join(rf"(?<![\w-]){_spaced(name)}(?![\w-])" for name in sorted(found, key=lambda n: (-len(n), n))),
        re.I,
    )
    written: dict[str, str] = {}
    for block in blocks:
        for match in mention.finditer(block.text):
            if is_free(block, *match.span()) and match.group()[0].isupper():
                block.add(span(match.start(), match.end(), "person", cert="low", source=SOURCE, by=BY))
                written.setdefault(_folded(match.group()), match.group())
    _mark_family_names(blocks, written)


def _mark_family_names(blocks: Sequence[Block], written: dict[str, str]) -> None:
    """Mark a bare family name (``Li``, ``MAO``) as the one person proposed here whose full name starts with it."""
    by_family: dict[str, set[str]] = {}
    for folded, name in written.items():
        by_family.setdefault(folded.split()[0], set()).add(entry_key(name_words(name)))
    for block in blocks:
        for word in BARE_WORD.finditer(block.text):
            keys = by_family.get(fold(word.group()), set())
            if len(keys) == 1 and not _name_follows(block.text, word.end()) and is_free(block, *word.span()):
                block.add(span(*word.span(), "person", ref=f"#{next(iter(keys))}", cert="low", source=SOURCE, by=BY))


def _joined_before(text: str, start: int) -> bool:
    """Whether a capitalised word other than a heading's ``From`` or ``To`` stands a space before ``start``."""
    before = previous_word(text, start)
    return before is not None and before.group(1)[0].isupper() and before.group(1) not in CONNECTIVES


def _name_follows(text: str, end: int) -> bool:
    """Whether a capitalised word follows ``end`` after a space or a hyphen (a fuller name, or another one)."""
    return text[end : end + 1] in (" ", "-") and text[end + 1 : end + 2].isupper()


def _folded(name: str) -> str:
    return " ".join(fold(word) for word in name.split())


def _spaced(name: str) -> str:
    """A pattern for a name whose words may be parted by any white space."""
    return r"\s+".join(re.escape(word) for word in name.split())
