"""Persons proposed by a given name before a surname, for English text.

A common given name (``GIVEN_NAMES``; any first name when the editors supplied the surname in brackets:
``Raymond [Molinier]``, ``Natalia Ivanova [Sedova]``), perhaps a patronymic (``Leonid Ilyich Brezhnev``, ``Nikolai
Alexandrovich Alexeyev``) and an initial (``Mark H. Doctoroff``), then one capitalised word (or all of them in
capitals: ``MOHAMMED TARAKI``) that is no post,
institution or month and that no other capitalised word continues, the whole no place of the gazetteer, is one
person, proposed with ``cert="medium"``. Person spans inside it (``Brezhnev`` from the register, ``Ilyich`` from
a rule) are replaced by the whole name, keeping the one register link among them; a name whose surname alone
names one person of the document elsewhere (``Castro`` before ``Fidel Castro``) is linked to that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ...model import Block, span
from ..names.index import fold, morph
from ..names.words import GIVEN_NAMES, NOT_NAMES, ORG_WORDS, TITLE_WORDS
from ..unregistered.places import NOT_PLACES, PLACE_KINDS
from .candidates import CONNECTIVES, NEXT_WORD, PREVIOUS_WORD, is_free, opens_sentence, previous_word
from .gazetteer import lookup
from .repeats import surname_refs
from .surnames import NAMED_AFTER, article_before

SOURCE = "rule:given-name"
BY = "the given-name rule"
ALONE_SOURCE = "rule:given-name-alone"
ALONE_BY = "the rule of a given name alone"
# Given names that are also months, verbs or words of places: alone they name no one.
NOT_ALONE = frozenset({"august", "mark", "jan", "will", "victor", "frank", "rosa", "franklin", "lewis", "georgia"})
# A Russian given name addressed (after a comma, or opening a line or a sentence, before a comma or "!") or signing
# on a line of its own.
RUSSIAN_ADDRESSED = re.compile(
    r"(?:(?<=, )|(?<=[.!?] )|(?<![^\n]))(?P<addressed>[А-ЯЁ][а-яё]{2,})(?=[,!])"
    r"|(?<![^\n])(?P<signed>[А-ЯЁ][а-яё]{2,})(?=\.?[ \t]*(?:\n|\Z))"
)
# Words before a given name that make it a place's or a church's (``St Paul``, ``San Ernesto``).
SAINTS = frozenset({"st", "saint", "san", "santa", "sankt", "fort", "port", "lake", "cape", "mount", "king", "queen"})
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
# A given name, a patronymic perhaps, an initial perhaps, and the surname, perhaps supplied by the editors in
# brackets (``Leonid Ilych [Brezhnev]``), perhaps with "Jr." or "Sr." (``Thomas W. Simons, Jr.``).
GIVEN_NAME = re.compile(
    rf"(?<![\w.’'-])(?P<given>{_WORD})"
    rf"(?:[ \t]+(?P<patronymic>[A-Z][a-z]+(?:ovich|evich|ich|ych|ovna|evna|ichna)))?"
    rf"(?:[ \t]+[A-Z]\.)?"
    rf"[ \t]+(?P<supplied>\[)?(?P<surname>{_WORD}(?:-{_WORD})?)(?(supplied)\])(?:(?=[’']s(?!\w))|(?![\w’'-]|\.\w))"
    rf"(?:,?[ \t]+(?:Jr|Sr)\.)?"
)
CAPITALISED_WORD = re.compile(rf"(?<![\w.’'-]){_WORD}")
# The same in capitals (``LEONID BREZHNEV``, ``MOHAMMED TARAKI``), as headings and signatures write names.
_CAPITALS = r"[A-ZÀ-ÖØ-Þ]{2,}"
NAME_IN_CAPITALS = re.compile(
    rf"(?<![\w.’'-])(?P<given>{_CAPITALS})"
    rf"(?:[ \t]+(?P<patronymic>[A-Z]+(?:OVICH|EVICH|ICH|YCH|OVNA|EVNA|ICHNA)))?"
    rf"(?:[ \t]+[A-Z]\.)?"
    rf"[ \t]+(?P<surname>{_CAPITALS}(?:-{_CAPITALS})?)(?![\w’'-]|\.\w)"
)
WORD_IN_CAPITALS = re.compile(rf"(?<![\w.’'-]){_CAPITALS}(?![\w’'-])")
PATTERNS = ((CAPITALISED_WORD, GIVEN_NAME), (WORD_IN_CAPITALS, NAME_IN_CAPITALS))
# Spans a name may hold: a person found in part, the editors' supplement (``[Brezhnev]``).
INSIDE_NAMES = frozenset({"person", "supplied"})
NOT_SURNAMES = NOT_NAMES | ORG_WORDS | TITLE_WORDS | NOT_PLACES | PLACE_KINDS


def propose_given_names(blocks: Iterable[Block], document: Sequence[Block]) -> None:
    """Mark the given names with their surnames in the English ``blocks`` as persons (``cert="medium"``), linked
    to the one person of the ``document``'s blocks already named by that surname, if there is one."""
    for block in blocks:
        text = block.text
        words = [(word, name) for pattern, name in PATTERNS for word in pattern.finditer(text)]
        for word, name in words:
            given = fold(word.group()) in GIVEN_NAMES
            if not given and not text.startswith(" [", word.end()):
                continue
            match = name.match(text, word.start())
            if match is None or not (given or _supplied(block, match)) or not _is_surname(text, match):
                continue
            start, end = match.span()
            if not given:
                start = _first_name_start(text, start)
            inside = [s for s in block.spans if s.overlaps(start, end)]
            if any(s.kind not in INSIDE_NAMES or s.start < start or s.end > end for s in inside):
                continue
            inside = [s for s in inside if s.kind == "person"]
            refs = {s.attr("ref") for s in inside if s.attr("ref") and not s.attr("source")}
            for s in inside:
                block.spans.remove(s)
            if not refs:
                surname = match.group("surname")
                refs = surname_refs(document, frozenset({surname})).get(surname, set())
            attrs = {"ref": next(iter(refs))} if len(refs) == 1 else {}
            block.add(span(start, end, "person", cert="medium", source=SOURCE, by=BY, **attrs))


def propose_given_names_alone(blocks: Sequence[Block]) -> None:
    """Mark a common given name standing alone inside a sentence of the English ``blocks`` (``I have written to
    Wilhelm``, ``greetings from Alexei``), or opening one as the person addressed (``Mikhail, can you hear me?``),
    as a person (``cert="low"``): letters name friends so; linked to the one person of the document named in full
    with it, if there is one."""
    full: dict[str, set[str]] = {}
    for block in blocks:
        for s in block.spans_of("person"):
            words = block.text[s.start : s.end].split()
            if len(words) > 1 and s.attr("ref"):
                full.setdefault(fold(words[0]), set()).add(s.attr("ref"))
    for block in blocks:
        for word in CAPITALISED_WORD.finditer(block.text):
            start, end = word.span()
            folded = fold(word.group())
            if folded not in GIVEN_NAMES or folded in NOT_ALONE or not is_free(block, start, end):
                continue
            vocative = block.text[end : end + 1] == ","  # "Mikhail, can you hear me?": the name opens a sentence
            if (
                opens_sentence(block.text, start)
                and not vocative
                or article_before(block.text, start)
                or not _alone(block.text, start, end)
            ):
                continue
            refs = full.get(folded, set())
            attrs = {"ref": next(iter(refs))} if len(refs) == 1 else {}
            block.add(span(start, end, "person", cert="low", source=ALONE_SOURCE, by=ALONE_BY, **attrs))


def propose_russian_given_names_alone(blocks: Iterable[Block]) -> None:
    """Mark a Russian given name alone as the person addressed (``Ради бога, Павел, не стесняйте``; ``Павел, не
    думайте``) or signing on a line of its own (``Иосиф.``) as a person (``cert="low"``): a word the dictionary
    reads first as a given name in the nominative (not ``Вера``, ``Слава``)."""
    for block in blocks:
        for match in RUSSIAN_ADDRESSED.finditer(block.text):
            start, end = match.span(match.lastgroup or 0)
            tag = morph().parse(block.text[start:end])[0].tag
            if "Name" in tag and "nomn" in tag and is_free(block, start, end):
                block.add(span(start, end, "person", cert="low", source=ALONE_SOURCE, by=ALONE_BY))


def _alone(text: str, start: int, end: int) -> bool:
    """Whether no capitalised word, initial or name's particle is joined to the word at ``start:end`` (``St. Paul``,
    ``Paul Lafargue``, ``Karl-Marx-Hof``) and nothing named after a person follows (``Wilhelm Street``)."""
    if text[start - 1 : start] in ("-", ".", "[") or text[end : end + 1] in ("-", "]"):
        return False
    before = previous_word(text, start)
    if before is not None and (_joined(before.group(1)) or fold(before.group(1)) in SAINTS):
        return False
    after = NEXT_WORD.match(text, end)
    return (after is None or not after.group(1)[0].isupper()) and not NAMED_AFTER.match(text, end)


def _supplied(block: Block, match: re.Match[str]) -> bool:
    """Whether the editors supplied the surname after a first name in brackets (``Raymond [Molinier]``): that
    makes a person of any first name, not only a common one; not of a name already found (``Filippov [Stalin]``,
    a pseudonym and the name behind it)."""
    if "supplied" not in match.re.groupindex or match.group("supplied") is None:
        return False
    if any(s.overlaps(*match.span("given")) for s in block.spans_of("person")):
        return False
    return fold(match.group("given")) not in NOT_SURNAMES and match.group("given") not in CONNECTIVES


def _first_name_start(text: str, start: int) -> int:
    """Where a name whose surname the editors supplied starts: at the first name before its second one
    (``Natalia Ivanova [Sedova]``), else at ``start``."""
    before = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if before is None or not _joined(before.group(1)) or fold(before.group(1)) in NOT_SURNAMES:
        return start
    return before.start(1)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common given name."""
    return fold(word) in GIVEN_NAMES


def _is_surname(text: str, match: re.Match[str]) -> bool:
    """Whether the word after the given name is a surname: no post, institution, month or place, and neither a
    capitalised word before the given name (``Fort William``; a post may stand there) nor one after it."""
    surname = match.group("surname")
    if fold(surname) in NOT_SURNAMES or NAMED_AFTER.match(text, match.end()):
        return False
    if lookup(match.group()) is not None:  # "Port Elizabeth"; a town named like a surname is no matter
        return False
    before = previous_word(text, match.start())
    if before is not None and _joined(before.group(1)) and not opens_sentence(text, before.start(1)):
        return False
    after = NEXT_WORD.match(text, match.end())
    return after is None or not _joined(after.group(1))


def _joined(word: str) -> bool:
    """Whether a word beside a name would make it part of a longer one: capitalised, and no post, preposition or
    conjunction (``Premier``, ``FROM``, ``TO``)."""
    return word[0].isupper() and word not in CONNECTIVES and fold(word) not in TITLE_WORDS
