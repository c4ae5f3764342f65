"""Persons a document introduces once and then names by the surname alone, and the speakers of a record.

A person found with a full name (``Soviet Premier Alexei Kosygin``, ``Zakaria Mohieddin``) is named later by the
surname alone, in running text and as a speaker's label (``Kosygin: Ask Comrade Taraki``): every free mention
of that surname standing alone (no capitalised word joined to it but a post) is that person, linked to the same
entry, with ``cert="medium"``; a surname two persons of the document share is left alone, and so is a family name
that comes first (``Le Chang``, ``Kim Il Sung``: the last word is a given name).

In the record of a conversation, three or more lines open with a speaker's name and a colon or a full stop
(``Kosygin: ...``, ``Громыко. Значит, ...``); a label shaped like a surname (a Russian surname by its
dictionary reading, a Latin one by its ending) or already a person's name in the document is a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...model import Block, Span, span
from ..names.index import CYRILLIC, fold, morph
from ..names.words import FAMILY_NAMES_FIRST, NOT_NAMES, ORG_WORDS, TITLE_WORDS
from ..unregistered.places import NOT_PLACES
from .candidates import (
    CONNECTIVES,
    NEXT_WORD,
    is_common_russian_word,
    is_free,
    opens_sentence,
    previous_word,
)
from .gazetteer import lookup
from .surnames import NAMED_AFTER, initial_before, surname_shaped

SOURCE = "rule:repeated-surname"
BY = "the repeated-surname rule"
SPEAKER_SOURCE = "rule:speaker"
SPEAKER_BY = "the speaker rule"
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]+(?:-[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]+)?"
# A line opening with a speaker's name and a colon or a full stop before the speech.
SPEAKER_LINE = re.compile(rf"^[ \t]*(?P<name>{_NAME_WORD})[.:][ \t]+\S", re.M)
# What joins a word to the one before or after it, so that it is no word of its own (a possessive is not).
WORD_BEFORE = re.compile(r"[\w’'-]\Z")
WORD_AFTER = re.compile(r"(?![’']s(?!\w))[\w’'-]")
MIN_SPEAKER_LINES = 3
MIN_LENGTH = 3
NOT_SURNAMES = NOT_NAMES | ORG_WORDS | TITLE_WORDS | NOT_PLACES


def propose_speakers(blocks: Sequence[Block]) -> bool:
    """Mark the speakers' labels of a conversation record in ``blocks`` as persons (``cert="medium"``); whether
    any was."""
    lines = [(block, m) for block in blocks for m in SPEAKER_LINE.finditer(block.text)]
    if len(lines) < MIN_SPEAKER_LINES:
        return False
    marked = False
    persons = {fold(w) for block in blocks for s in block.spans_of("person") for w in _words(block, s)}
    for block, match in lines:
        word = match.group("name")
        if fold(word) in NOT_SURNAMES or not (fold(word) in persons or _surname_shaped(word)):
            continue
        if is_free(block, *match.span("name")):
            block.add(span(*match.span("name"), "person", cert="medium", source=SPEAKER_SOURCE, by=SPEAKER_BY))
            marked = True
    return marked


def propose_repeated_surnames(blocks: Sequence[Block]) -> None:
    """Mark the free mentions of the surnames of persons found with a full name as those persons."""
    full: dict[str, dict[str, str]] = {}
    for block in blocks:
        for s in block.spans:
            if s.kind != "person" or not s.attr("ref") or " " not in block.text[s.start : s.end]:
                continue
            words = _words(block, s)
            if len(words) > 1 and fold(words[0]) not in FAMILY_NAMES_FIRST:
                full.setdefault(words[-1], {k: v for k, v in s.attrs if k in ("ref", "unregistered")})
    refs = surname_refs(blocks, frozenset(full)) if full else {}
    surnames = {word for word, found in refs.items() if len(found) == 1}
    if not surnames:
        return
    for block in blocks:
        for word, start in _occurrences(block.text, sorted(surnames)):
            end = start + len(word)
            if not is_free(block, start, end) or not _stands_alone(block.text, start, end):
                continue
            initial = initial_before(block.text, start)
            if initial is not None and is_free(block, initial, start):
                start = initial  # "L. Trotsky" after "Leon Trotsky"
            block.add(span(start, end, "person", cert="medium", source=SOURCE, by=BY, **full[word]))


def _occurrences(text: str, words: list[str]) -> Iterator[tuple[str, int]]:
    """Where each of ``words`` stands in ``text`` as a word of its own, perhaps with a possessive (``Kosygin’s``)."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not WORD_BEFORE.search(text, max(0, at - 1), at) and not WORD_AFTER.match(text, end):
                yield word, at
            at = text.find(word, end)


def surname_refs(blocks: Sequence[Block], only: frozenset[str]) -> dict[str, set[str]]:
    """The refs of the linked persons of ``blocks`` named with one of the surnames ``only`` (the last word of a
    name; not of a family name that comes first), by surname."""
    refs: dict[str, set[str]] = {}
    for block in blocks:
        for s in block.spans:
            if s.kind != "person" or not s.attr("ref"):
                continue
            words = _words(block, s)
            if not words or words[-1] not in only or (len(words) > 1 and fold(words[0]) in FAMILY_NAMES_FIRST):
                continue
            refs.setdefault(words[-1], set()).add(s.attr("ref"))
    return {word: found for word, found in refs.items() if _may_be_surname(word)}


def _may_be_surname(word: str) -> bool:
    """Whether the last word of a person's name may be a surname: capitalised, no post or institution, and in
    Russian no common word (``Орловского Совдепа``, a body taken for a person, names no one by ``Совдепа``)."""
    return (
        len(word) >= MIN_LENGTH
        and word[0].isupper()
        and fold(word) not in NOT_SURNAMES
        and not is_common_russian_word(word)
    )


def _words(block: Block, s: Span) -> list[str]:
    """The words of a person's span, without a possessive."""
    text = block.text[s.start : s.end]
    return (text[:-2] if text.endswith(("’s", "'s")) else text).split()


def _surname_shaped(word: str) -> bool:
    """Whether a speaker's label reads as a surname: in Russian by the dictionary, in Latin letters by its ending."""
    if CYRILLIC.search(word):
        return lookup(word) is None and "Surn" in morph().parse(word)[0].tag
    return surname_shaped(word)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether no capitalised word is joined to ``start:end`` by a space but a post or a sentence's first word
    before it (``Premier Kosygin``, ``In Kosygin's view``), and nothing named after it follows."""
    before = previous_word(text, start)
    if (
        before is not None
        and before.group(1)[0].isupper()
        and before.group(1) not in CONNECTIVES
        and fold(before.group(1)) not in TITLE_WORDS
        and not opens_sentence(text, before.start(1))
    ):
        return False
    after = NEXT_WORD.match(text, end)
    joined = after is not None and after.group(1)[0].isupper() and after.group(1) not in CONNECTIVES
    return not joined and not NAMED_AFTER.match(text, end)
