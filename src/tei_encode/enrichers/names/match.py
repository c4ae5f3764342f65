"""Finding register names in a text: whole names, inflected, in capitals, letter-spaced or hyphenated.

A match starts at a capitalised word and takes the longest register name
whose words the following words are forms of, with a dot where the register
writes one (``St. Petersburg``). Four less regular spellings are found too:
letter-spaced capitals (``П Е К И Н``), names joined by a hyphen
(``Kuban-Wrangel``), a name run together with the next small word
(``Georgiaalready``) and a name an editor completed in brackets (``Sok[olnikov]``,
``Ni [Zhiliang]``). The given name of a Chinese or Korean name may be written in
one word, hyphenated or in words of one syllable (``Цзэ-дуном``, ``Il Sung``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .index import (
    MAX_GIVEN_SYLLABLES,
    NameIndex,
    Token,
    Variant,
    capitalised,
    syllabic_key,
    syllable_forms,
    tokens,
    word_forms,
)

LETTER_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_])")
# A quick test: every letter-spaced run holds a space, a letter, a space, a letter and a space.
_SPACED_LETTERS = re.compile(r" [^\W\d_] [^\W\d_] ")
HYPHEN_PART = re.compile(r"[^\W\d_]+")
# Small words a missing space can glue to the end of a name ("Georgiaalready").
# fmt: off
GLUED_WORDS = frozenset({
    "already", "also", "and", "are", "but", "could", "did", "does", "for", "from", "had", "has", "have",
    "into", "not", "over", "should", "than", "that", "the", "then", "this", "under", "was", "were", "which",
    "while", "will", "with", "would",
})
# fmt: on
_GLUED_ENDINGS = tuple(GLUED_WORDS)
MIN_GLUED_NAME = 4
# Letters an editor supplied inside a word (``Sok[olnikov]``, ``[Sok]olnikov``) or words supplied after a name
# (``Ni [Zhiliang]``, ``Mao [Zedong]``): the name is read without the brackets and marked over its written form.
IN_WORD_BRACKETS = re.compile(
    r"(?<=[^\W\d_])\[[^\W\d_]+\]|\[[^\W\d_]+\](?=[^\W\d_])|(?<=[^\W\d_] )\[[^\W\d_]+(?:[ -][^\W\d_]+)*\]"
)


@dataclass
class Mention:
    """A register name found in a text: its span and the entries it may stand for."""

    start: int
    end: int
    keys: tuple[str, ...]
    pseudonyms: frozenset[str] = frozenset()
    initials: str = ""


def find_mentions(text: str, index: NameIndex) -> list[Mention]:
    """Every register name in ``text``, in text order, none overlapping."""
    brackets = tuple(IN_WORD_BRACKETS.finditer(text)) if "[" in text else ()
    if brackets:
        return _across_brackets(text, brackets, index)
    spaced = [m for m in (_spaced_mention(s, index) for s in letter_spaced(text)) if m]
    words, capitals = tokens(text), capitalised(text)
    if spaced:
        words = tuple(t for t in words if not any(m.start <= t.start < m.end for m in spaced))
        capitals = tuple(i for i, t in enumerate(words) if t.text[0].isupper())
    found = list(spaced)
    after = 0  # the first word after the last name found
    for i in capitals:  # every form this module finds starts with a capital
        if i < after:
            continue
        word = words[i].text
        if not index.starting_with(word) and "-" not in word and not word.endswith(_GLUED_ENDINGS):
            continue  # the common case, a capitalised word that starts no name, without the calls below
        mention, used = _match_at(text, words, i, index)
        if mention:
            found.append(mention)
            after = i + used
        else:
            found.extend(_hyphen_part_mentions(words[i], index) or _glued_mentions(words[i], index))
    return sorted(found, key=lambda m: m.start)


def _across_brackets(text: str, brackets: Sequence[re.Match[str]], index: NameIndex) -> list[Mention]:
    """The mentions of ``text`` read without its in-word brackets, each over the brackets at its edges too."""
    removed = {m.start() for m in brackets} | {m.end() - 1 for m in brackets}
    kept = [i for i in range(len(text)) if i not in removed]
    found = []
    for m in find_mentions("".join(text[i] for i in kept), index):
        start, end = kept[m.start], kept[m.end - 1] + 1
        if start - 1 in removed and text[start - 1] == "[":
            start -= 1
        if end in removed and text[end] == "]":
            end += 1
        found.append(Mention(start, end, m.keys, m.pseudonyms))
    return found


@lru_cache(maxsize=256)
def letter_spaced(text: str) -> tuple[re.Match[str], ...]:
    """The letter-spaced runs of ``text`` (cached: persons, places and people the register lacks read the same
    blocks)."""
    return tuple(LETTER_SPACED.finditer(text)) if _SPACED_LETTERS.search(text) else ()


def _mention(start: int, end: int, variants: list[Variant]) -> Mention:
    return Mention(
        start, end, tuple(sorted({v.key for v in variants})), frozenset(v.key for v in variants if v.pseudonym)
    )


def _match_at(text: str, words: Sequence[Token], i: int, index: NameIndex) -> tuple[Mention | None, int]:
    first = words[i]
    if not first.text[0].isupper():
        return None, 0
    best: list[Variant] = []
    used = 0
    for variant in index.starting_with(first.text):
        if best and len(variant.words) < len(best[0].words):
            break
        extent = _extent(text, words, i, variant)
        if extent > used:
            best, used = [variant], extent
        elif extent and extent == used:
            best.append(variant)
    if not best or _before_another_surname(text, words, i + used, best):
        return None, 0
    return _mention(first.start, words[i + used - 1].end, best), used


def _before_another_surname(text: str, words: Sequence[Token], j: int, variants: list[Variant]) -> bool:
    """Whether a first name and patronymic (``Александру Ивановичу``) is followed by a capitalised word, the surname
    of someone the register may not have (``Куприну``), rather than standing alone as a form of address."""
    return (
        all(v.address for v in variants)
        and j < len(words)
        and words[j].text[0].isupper()
        and _separated(text, words[j - 1], words[j], False)
    )


def _extent(text: str, words: Sequence[Token], i: int, variant: Variant) -> int:
    """How many words from ``words[i]`` on spell the variant (0 if they do not), separated by spaces only, or by
    a dot where the register writes one (``Dwight D. Eisenhower``)."""
    j = i + 1
    for position, key in enumerate(variant.words[1:], start=1):
        if j >= len(words) or not _separated(text, words[j - 1], words[j], position - 1 in variant.dotted):
            return 0
        if variant.joined and position == len(variant.words) - 1:
            syllables = _syllables_extent(text, words, j, key)
            if not syllables:
                return 0
            j += syllables
        elif key in word_forms(words[j].text):
            j += 1
        else:
            return 0
    return j - i


def _separated(text: str, before: Token, after: Token, dotted: bool) -> bool:
    """Whether two words of a name are apart by spaces (not a blank line), or a dot and spaces if ``dotted``."""
    gap = text[before.end : after.start]
    if dotted and gap.startswith("."):
        gap = gap[1:] or " "  # the space after the dot may be left out (``St.Petersburg``)
    return bool(gap) and not gap.strip() and "\n\n" not in gap


def _syllables_extent(text: str, words: Sequence[Token], j: int, key: str) -> int:
    """How many words from ``words[j]`` on spell the syllabic given name ``key`` (``Ир Сена``: 2; 0 if none): in
    one word, hyphenated or in words a space apart, the last one inflected."""
    prefix = ""
    for n in range(min(MAX_GIVEN_SYLLABLES, len(words) - j)):
        word = words[j + n]
        if n and text[words[j + n - 1].end : word.start] != " ":
            return 0
        if any(prefix + form == key for form in syllable_forms(word.text)):
            return n + 1
        prefix += syllabic_key(word.text)
        if not key.startswith(prefix):
            return 0
    return 0


def _single_word(word: str, index: NameIndex) -> list[Variant]:
    if not word[:1].isupper():
        return []
    return [v for v in index.starting_with(word) if len(v.words) == 1]


def _spaced_mention(match: re.Match[str], index: NameIndex) -> Mention | None:
    letters = match.group().replace(" ", "")
    variants = _single_word(letters, index) if letters.isupper() else []
    return _mention(match.start(), match.end(), variants) if variants else None


def _hyphen_part_mentions(word: Token, index: NameIndex) -> list[Mention]:
    """The names joined by hyphens in one word (``Kuban-Wrangel``); none in a word whose later parts are in small
    letters, the syllables of one given name (``Zhou-yuan`` of ``Li Zhou-yuan``, ``Kai-shek``)."""
    if "-" not in word.text or any(part[:1].islower() for part in word.text.split("-")[1:]):
        return []
    found = []
    for part in HYPHEN_PART.finditer(word.text):
        variants = _single_word(part.group(), index)
        if variants:
            found.append(_mention(word.start + part.start(), word.start + part.end(), variants))
    return found


def _glued_mentions(word: Token, index: NameIndex) -> list[Mention]:
    if not word.text.endswith(_GLUED_ENDINGS):
        return []
    for cut in range(MIN_GLUED_NAME, len(word.text) - 2):
        if word.text[cut:] in GLUED_WORDS:
            variants = _single_word(word.text[:cut], index)
            if variants:
                return [_mention(word.start, word.start + cut, variants)]
    return []
