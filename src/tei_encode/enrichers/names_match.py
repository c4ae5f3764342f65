"""Finding register names in a text: whole names, inflected, in capitals, letter-spaced or hyphenated.

A match starts at a capitalised word and takes the longest register name
whose words the following words are forms of. Three less regular spellings
are found too: letter-spaced capitals (``П Е К И Н``), names joined by a
hyphen (``Kuban-Wrangel``) and a name run together with the next small word
(``Georgiaalready``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names_index import NameIndex, Token, Variant, tokens, word_forms

LETTER_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_])")
HYPHEN_PART = re.compile(r"[^\W\d_]+")
# Small words a missing space can glue to the end of a name ("Georgiaalready").
# fmt: off
GLUED_WORDS = frozenset({
    "already", "also", "and", "are", "but", "could", "did", "does", "for", "from", "had", "has", "have",
    "into", "not", "over", "should", "than", "that", "the", "then", "this", "under", "was", "were", "which",
    "while", "will", "with", "would",
})
# fmt: on
MIN_GLUED_NAME = 4


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
    spaced = [m for m in (_spaced_mention(s, index) for s in LETTER_SPACED.finditer(text)) if m]
    words = [t for t in tokens(text) if not any(m.start <= t.start < m.end for m in spaced)]
    found = list(spaced)
    i = 0
    while i < len(words):
        if not words[i].text[0].isupper():  # every form this module finds starts with a capital
            i += 1
            continue
        mention, used = _match_at(text, words, i, index)
        if mention:
            found.append(mention)
            i += used
            continue
        found.extend(_hyphen_part_mentions(words[i], index) or _glued_mentions(words[i], index))
        i += 1
    return sorted(found, key=lambda m: m.start)


def _mention(start: int, end: int, variants: list[Variant]) -> Mention:
    return Mention(
        start, end, tuple(sorted({v.key for v in variants})), frozenset(v.key for v in variants if v.pseudonym)
    )


def _match_at(text: str, words: list[Token], i: int, index: NameIndex) -> tuple[Mention | None, int]:
    first = words[i]
    if not first.text[0].isupper():
        return None, 0
    best: list[Variant] = []
    for variant in index.candidates(word_forms(first.text)):
        if best and len(variant.words) < len(best[0].words):
            break
        if _continues(text, words, i, variant):
            best.append(variant)
    if not best:
        return None, 0
    used = len(best[0].words)
    return _mention(first.start, words[i + used - 1].end, best), used


def _continues(text: str, words: list[Token], i: int, variant: Variant) -> bool:
    """Whether the words after ``words[i]`` spell the rest of the variant, separated by spaces only."""
    if i + len(variant.words) > len(words):
        return False
    for j, key in enumerate(variant.words[1:], start=i + 1):
        gap = text[words[j - 1].end : words[j].start]
        if not gap or gap.strip() or "\n\n" in gap or key not in word_forms(words[j].text):
            return False
    return True


def _single_word(word: str, index: NameIndex) -> list[Variant]:
    if not word[:1].isupper():
        return []
    return [v for v in index.candidates(word_forms(word)) if len(v.words) == 1]


def _spaced_mention(match: re.Match[str], index: NameIndex) -> Mention | None:
    letters = match.group().replace(" ", "")
    variants = _single_word(letters, index) if letters.isupper() else []
    return _mention(match.start(), match.end(), variants) if variants else None


def _hyphen_part_mentions(word: Token, index: NameIndex) -> list[Mention]:
    if "-" not in word.text:
        return []
    found = []
    for part in HYPHEN_PART.finditer(word.text):
        variants = _single_word(part.group(), index)
        if variants:
            found.append(_mention(word.start + part.start(), word.start + part.end(), variants))
    return found


def _glued_mentions(word: Token, index: NameIndex) -> list[Mention]:
    for cut in range(MIN_GLUED_NAME, len(word.text) - 2):
        if word.text[cut:] in GLUED_WORDS:
            variants = _single_word(word.text[:cut], index)
            if variants:
                return [_mention(word.start, word.start + cut, variants)]
    return []
