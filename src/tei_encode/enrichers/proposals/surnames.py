"""Persons proposed by the form of their surname, for English text, which has no model here.

A capitalised word that no span claims, does not open a sentence, stands alone (no capitalised word joined to
it) and ends like a Russian, Ukrainian, Polish, Georgian or Armenian surname (``SURNAME_ENDING``: Litvinov,
Rakovsky, Ordzhonikidze), follows one initial (``F. Castro``; a given name before a middle initial is the
name's too: ``Colin L. Powell``), acts as a person does (``Meissner writes``, ``Goegg has promised``), is the
go-between a letter passes through (``through Blumenfeld``), or owns
what follows it (``Radek’s articles``) and is named again, is proposed as a person with ``cert="low"``, unless
the gazetteer knows it as a place or it is a word of posts, institutions or months. The same word elsewhere in
the document, at a sentence's start too, is proposed with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Block, span
from ..names.index import fold
from ..names.initials import COMPASS_INITIALS, given_name_start
from ..names.rules import SURNAME_ENDING
from ..names.words import (
    ABSTRACT_ENDING,
    GIVEN_NAMES,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_AUXILIARIES,
    PERSON_VERBS,
    TITLE_WORDS,
)
from ..unregistered.places import NOT_PLACE_ENDING, NOT_PLACES
from .candidates import CONNECTIVES, NEXT_WORD, WORD, is_free, name_end, opens_sentence, previous_word
from .gazetteer import lookup

SOURCE = "rule:surname-form"
BY = "the surname-form rule"
# Words after a surname that make it the name of a place or an institution (``the Putilov plant``).
NAMED_AFTER = re.compile(
    r" (?:plant|factory|works|mill|mine|hospital|clinic|street|prospect|avenue|square|bridge|canal|station|"
    r"institute|school|academy|university|museum|library|theatre|theater|prize|line|district|regiment|division|"
    r"hall|lane|road|park|gate|house|palace|cathedral|church|college|island|bay)\b",
    re.I,
)
MIN_LENGTH = 5
# A verb of saying or doing after a word, perhaps after an auxiliary ("Meissner writes", "Goegg has promised").
_VERBS = "|".join(sorted(PERSON_VERBS, key=lambda v: (-len(v), v)))
ACTS = re.compile(rf" (?:(?:{'|'.join(sorted(PERSON_AUXILIARIES))}) )?(?:{_VERBS})\b")
# English words and western place names that end like a surname (``Domain``, ``Britain``, ``Norwich``).
NOT_SURNAME_ENDING = re.compile(r"(?:ain|oin|uin|wich)\Z")
# One initial before a word, not the end of an abbreviation ("U.S. Army") or of a word ("Op. Cit.").
INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-ZА-ЯЁ]\.[ \t]?\Z")
# An article or a determiner before a word: "the Australian left", "his Wochenblatt" name things, not persons.
# An adjective in small letters may stand between (``the injured State``, ``the beastly Telegraph``).
ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|his|her|its|our|their|your|my))[ \t]+(?:[a-z]+[ \t]+)?\Z")
ARTICLE_REACH = 24
CAPITALISED_WORD = re.compile(r"\b[A-Z][^\W\d_]+")
# The preposition before a go-between.
THROUGH = re.compile(r"\bthrough[ \t]+\Z")
# Capitalised words that own things, or follow an initial, and are no persons' names.
# (Common nouns and adverbs that open clauses own things and act too: "the People's Commissar", "Though believe".)
NOT_OWNERS = NOT_NAMES | ORG_WORDS | TITLE_WORDS | NOT_PLACES | frozenset({
    "party", "god", "today", "yesterday", "people", "peoples", "state", "nation", "world", "country", "though",
    "although", "however", "thus", "hence", "therefore", "meanwhile", "perhaps",
})  # fmt: skip


def propose_surnames(blocks: Sequence[tuple[Block, list[tuple[int, int]]]], registered: frozenset[str]) -> None:
    """Mark the surname-shaped words of the English ``blocks`` (each with its free capitalised words) as persons
    (``cert="low"``); none that is a word of a register name (``registered``, folded)."""
    found: set[str] = set()
    owners: set[str] = set()
    for block, free in blocks:
        for start, free_end in free:
            initial = initial_before(block.text, start)
            if opens_sentence(block.text, start) and initial is None:
                continue
            end = name_end(block.text, start, free_end)
            word = block.text[start:end]
            if fold(word) in registered or not _stands_alone(block.text, start, free_end):
                continue
            cued = (
                initial is not None
                or _acts(block.text, start, end)
                or _go_between(block.text, start)
                or _holds_the_post(block.text, start, end)
            )
            if surname_shaped(word) or (cued and _may_own(word)) or _city_after_initial(block.text, start, word):
                found.add(word)
            elif end < free_end and _may_own(word):
                owners.add(word)
    # Owning something is weaker evidence than a surname's form: an owner named once may be an abbreviation.
    found.update(
        word for word in owners if sum(len(re.findall(rf"\b{re.escape(word)}\b", b.text)) for b, _ in blocks) > 1
    )
    if not found:
        return
    for block, _ in blocks:
        if not any(word in block.text for word in found):
            continue
        for match in WORD.finditer(block.text):
            start, end = match.start(), name_end(block.text, *match.span())
            word = block.text[start:end]
            if word in found and _stands_alone(block.text, start, match.end()) and is_free(block, start, end):
                initial = initial_before(block.text, start)
                if initial is not None and is_free(block, initial, start):
                    start = initial  # "J. Stalin": the initial is the name's
                    start = _given_name_start(block, start)
                block.add(span(start, end, "person", cert="low", source=SOURCE, by=BY))


def _city_after_initial(text: str, start: int, word: str) -> bool:
    """Whether ``word``, a town of the gazetteer (no country), stands after an initial (``F. Engels``): a town is
    not written with an initial, a person is."""
    initial = initial_before(text, start)
    if initial is None or text[initial] in COMPASS_INITIALS or word.casefold() in NOT_OWNERS:
        return False
    place = lookup(word)
    return place is not None and not place.country


def _given_name_start(block: Block, initial: int) -> int:
    """Where a name whose initial stands at ``initial`` starts with the given name before it (``Colin L.
    Powell``); a word opening a sentence is one only if it is a known given name (not ``Yesterday F. Castro``)."""
    given = given_name_start(block.text, initial)
    word = block.text[given:initial].split(None, 1)[0] if given < initial else ""
    if not word or not is_free(block, given, initial):
        return initial
    if opens_sentence(block.text, given) and fold(word) not in GIVEN_NAMES:
        return initial
    return given


def _acts(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` acts as a person does: a verb of saying or doing follows, no article or
    determiner stands before it and it is no adjective (``the Australian left``)."""
    return (
        ACTS.match(text, end) is not None
        and not article_before(text, start)
        and not NOT_PLACE_ENDING.search(text[start:end].casefold())
    )


def _go_between(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows ``through`` (``transmitted it through Blumenfeld``): a go-between, which
    a letter names by a single word far more often than a place passed through."""
    return THROUGH.search(text, max(0, start - 9), start) is not None


def _holds_the_post(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands alone in brackets after a post (and no comma) on its line, as an
    edition's heading names the holder of an office (``The Chargé in Yugoslavia (Reams) to the Secretary of
    State``)."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start - 1]
    line = line[max(line.rfind(")"), line.rfind("("), -1) + 1 :]
    if "," in line:
        return False  # "Georgiy Mamedov, Deputy Department Head (Notetaker)": a role after a name and a post
    return any(w not in CONNECTIVES and w.casefold() in TITLE_WORDS for w in CAPITALISED_WORD.findall(line))


def article_before(text: str, start: int) -> bool:
    """Whether an article or a determiner, perhaps with an adjective, stands before the word at ``start``: a
    thing's name, not a person's (``the injured State``, ``the pitiable Hermann``, a newspaper)."""
    return ARTICLE_BEFORE.search(text, max(0, start - ARTICLE_REACH), start) is not None


def surname_shaped(word: str) -> bool:
    """Whether a Latin word ends like a Slavonic, Georgian or Armenian surname and is no place of the gazetteer."""
    return (
        len(word) >= MIN_LENGTH
        and bool(SURNAME_ENDING.search(word))
        and not NOT_SURNAME_ENDING.search(word)
        and lookup(word) is None
    )


def initial_before(text: str, start: int) -> int | None:
    """Where a single initial right before ``start`` begins (``J. Stalin``, ``F. Castro``), if there is one."""
    match = INITIAL_BEFORE.search(text, max(0, start - 4), start)
    return match.start() if match else None


def _may_own(word: str) -> bool:
    """Whether a word that owns something (``Radek’s``) may be a person's name: no post, institution, month,
    abstract noun or place the gazetteer knows."""
    return (
        len(word) >= 3
        and word.casefold() not in NOT_OWNERS
        and not word.isupper()
        and not ABSTRACT_ENDING.search(word.casefold())
        and lookup(word) is None
    )


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether no capitalised word is joined to ``start:end`` by a space (``Petrovsky Street``); a word before
    it that opens a sentence does not count (``In Litvinov's view``)."""
    before = previous_word(text, start)
    word = before.group(1) if before is not None else ""
    if (
        word[:1].isupper()
        and word not in CONNECTIVES
        and before is not None
        and not opens_sentence(text, before.start(1))
    ):
        return False
    after = NEXT_WORD.match(text, end)
    joined = after is not None and after.group(1)[0].isupper() and after.group(1) not in CONNECTIVES
    return not joined and not NAMED_AFTER.match(text, end)
