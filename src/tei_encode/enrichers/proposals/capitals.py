"""Persons named in capitals in Russian headings (``ТЕЛЕГРАММА ЯНСОНУ``, ``ПИСЬМО БРОВЕРУ``, ``РОМЭНУ РОЛЛАНУ``).

A collected-works volume heads each letter with its kind and addressee in capitals, where the model, trained on
ordinary print, sees no name. The lines holding words in capitals are given to it with those words written as
names are (``Телеграмма Янсону``; the same length, so offsets hold), and the persons it finds over a word in
capitals are proposed, without the ordinary words it took in (``Телеграмма``), beside the initials or the
editors' brackets that belong to them (``В. Д. [ЭЛЬЦИНУ]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Block, span
from ..names.index import morph
from .candidates import is_common_russian_word, is_free, trimmed
from .people import in_register
from .russian import model_version, russian_names

# A Cyrillic word in capitals of three letters or more (``ЯНСОНУ``).
CAPITALS = re.compile(r"(?<![^\W\d_])[А-ЯЁ]{3,}(?![^\W\d_])")
# The first word of a line of two letters or more (an initial's letter is no word).
FIRST_WORD = re.compile(r"[^\W\d_]{2,}")
VOWELS = frozenset("АЕЁИОУЫЭЮЯ")
# Initials alone, a person a rule found without the name the editors completed after them (``В. Д.``).
# A word opening a name, with what separates it from the next.
LEADING_WORD = re.compile(r"([^\W\d_]+)[^\w\[]*")
INITIALS_ONLY = re.compile(r"\A(?:[А-ЯЁA-Z]\.[ \t]?)+\Z")


def propose_in_capitals(blocks: Iterable[Block], registered: frozenset[str]) -> None:
    """Mark the persons natasha finds over words in capitals in the Russian ``blocks`` (``registered``: the folded
    words of the register's names, left to it)."""
    by = f"natasha {model_version()}"
    for block in blocks:
        text = block.text
        for line_start, line in _lines_in_capitals(text):
            cased = CAPITALS.sub(lambda m: m.group()[0] + m.group()[1:].lower(), line)
            for found in russian_names(cased):
                if found.kind != "person" or not any(
                    _spoken(m.group()) for m in CAPITALS.finditer(line, found.start, found.end)
                ):
                    continue
                start, end = _without_common_words(cased, *trimmed(cased, found.start, found.end))
                start, end = start + line_start, end + line_start
                if end - start < 3 or in_register(cased[start - line_start : end - line_start], registered):
                    continue
                initials = [s for s in block.spans_of("person") if s.overlaps(start, end)]
                if not initials or not all(INITIALS_ONLY.match(text[s.start : s.end]) for s in initials):
                    initials = []
                for s in initials:
                    start = min(start, s.start)
                    block.spans.remove(s)
                end += text[end : end + 1] == "]" and "[" in text[start:end]
                if is_free(block, start, end):
                    block.add(span(start, end, "person", cert="medium", resp="#natasha", source="model:natasha", by=by))
                else:
                    block.spans.extend(initials)


def _lines_in_capitals(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` that open with a word in capitals (after a number or initials), with their offsets."""
    found = []
    start = 0
    for line in text.split("\n"):
        first = FIRST_WORD.search(line)
        if first is not None and first.group().isupper():
            found.append((start, line))
        start += len(line) + 1
    return found


def _spoken(word: str) -> bool:
    """Whether a word in capitals reads as a word, not as an abbreviation (``ГОКО``, ``РГАКФД``): five letters or
    more, a vowel at least in four."""
    return len(word) >= 5 and 4 * sum(letter in VOWELS for letter in word) >= len(word)


def _without_common_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the ordinary words in the nominative that open it, the kind of the document a heading
    names before its addressee (``Телеграмма Янсону``; not ``Ромэну Роллану``, nor an initial ``В.``); empty if all
    are."""
    while start < end:
        word = LEADING_WORD.match(text, start, end)
        if word is None or text[word.end(1) : word.end(1) + 1] == "." or not is_common_russian_word(word.group(1)):
            break
        if "nomn" not in morph().parse(word.group(1))[0].tag:
            break
        start = word.end()
    return start, end
