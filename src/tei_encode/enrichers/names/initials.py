"""Initials: they belong to a person's name, before it (``J. V. Stalin``, ``A.V.Kvashonkin``) or after it
(``Stalin I. V.``, ``Lenin, V. I.``), and tell namesakes apart (``S. S. Kamenev`` / ``L. B. Kamenev``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ...lexicon import OPENING_QUOTES
from .match import Mention
from .words import NOT_BESIDE_INITIALS

UPPER = "A-ZА-ЯЁ"
# An initial is one capital, or a Latin digraph that transliterates one Russian letter (Ya., Zh., Yu.).
INITIAL = rf"(?:[{UPPER}]|Ya|Yu|Ye|Yo|Zh|Kh|Ts|Ch|Sh|Shch)\.[ \t]{{0,3}}"
# Initials start a word: after a space, an opening bracket or quote, not after "CP(b)U" or "RCP".
INITIALS_START = rf"(?<![^\s(\[{OPENING_QUOTES}'])"
# A given name or a patronymic abbreviated: an initial or its first letters (``Н.``, ``Al.``, ``Nik.``, ``Vlad.``).
ABBREVIATION = rf"[{UPPER}][a-zа-яё]{{0,3}}\."
# A given name and a patronymic abbreviated, the Russian way of naming a person alone (``L. B.``, ``Nik. Vas.``,
# ``Ал. Ал.``).
NAME_AND_PATRONYMIC = rf"{ABBREVIATION}[ \t]?{ABBREVIATION}"
LEADING_INITIALS = re.compile(rf"{INITIALS_START}(?:{INITIAL}){{1,3}}\Z")
# After a name, one initial (``Суслову Д.``, a namesake told apart) or more (``Stalin I. V.``).
TRAILING_INITIALS = re.compile(rf"\A,?[ \t]+((?:{INITIAL}){{0,2}}[{UPPER}]\.)(?![^\W_])")

# Initials that are abbreviated points of the compass before a place (``N. Korea``, ``W. Berlin``), not a name's.
COMPASS_INITIALS = frozenset("NSEW")
# A capitalised word after one initial (``K. Marx``), the initial in group 1 and the word in group 2. The look-behind
# (no word character or dot before the initial) follows the initial, so that a search skips to the capitals.
INITIALLED_WORD = re.compile(rf"([{UPPER}])(?<![\w.][{UPPER}])\.[ \t]?([{UPPER}][^\W\d_]+)(?![\w.])")


def words_after_initials(texts: Iterable[str]) -> frozenset[str]:
    """The capitalised words that stand after one initial (not a point of the compass) somewhere in ``texts``: a
    person's surname there (``F. Engels``, ``K. Marx``), whatever town shares it."""
    return frozenset(
        m.group(2) for text in texts for m in INITIALLED_WORD.finditer(text) if m.group(1) not in COMPASS_INITIALS
    )


def with_initials(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions widened over the initials next to them, leading ones first."""
    for m in mentions:
        lead = LEADING_INITIALS.search(text, max(0, m.start - 12), m.start)
        if lead:
            m.initials, m.start = initial_letters(lead.group()), lead.start()
            if len(m.initials) == 1:  # a middle initial after the given name: "Dwight D. Eisenhower"
                m.start = given_name_start(text, m.start)
    # Initials that lead into the next name ("Lenin, L. D. Trotsky") are that name's.
    starts = sorted(m.start for m in mentions)
    for m in mentions:
        trail = None if m.initials else TRAILING_INITIALS.search(text[m.end : m.end + 12])
        if trail and not any(m.end < s <= m.end + trail.end() for s in starts):
            m.initials, m.end = initial_letters(trail.group(1)), m.end + trail.end()
    return mentions


GIVEN_NAME_BEFORE = re.compile(rf"{INITIALS_START}(?P<given>[{UPPER}][a-zа-яё]{{2,}})[ \t]+(?:{INITIAL})?\Z")


def given_name_start(text: str, start: int) -> int:
    """Where a name starting at ``start`` starts with the given name and middle initial before it
    (``Mark W. Clark``); ``start`` if there is none (``General Clark``, ``To I. V. Stalin``)."""
    before = GIVEN_NAME_BEFORE.search(text, max(0, start - 20), start)
    if before is None or before.group("given").casefold() in NOT_BESIDE_INITIALS:
        return start
    return before.start()


def initial_letters(initials: str) -> str:
    """The capital of each initial, as the register keeps them (``A. Ya.``, ``[L. B.]``: ``AY``, ``LB``)."""
    return "".join(c for c in initials if c.isupper())


def resolve(mentions: list[Mention], initials: Mapping[str, frozenset[str]]) -> list[Mention]:
    """Narrow the keys of namesakes by their initials, else to the one of them the block names unambiguously."""
    for m in mentions:
        if len(m.keys) > 1 and m.initials:
            fits = tuple(k for k in m.keys if any(_same_initials(m.initials, i) for i in initials.get(k, ())))
            m.keys = fits or m.keys
    certain = {m.keys[0] for m in mentions if len(m.keys) == 1}
    for m in mentions:
        named = certain.intersection(m.keys)
        if len(m.keys) > 1 and len(named) == 1:
            m.keys = tuple(named)
    return mentions


def _same_initials(mention: str, register: str) -> bool:
    return register.startswith(mention) or mention.startswith(register)
