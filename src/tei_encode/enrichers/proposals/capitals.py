"""Persons named in capitals: in Russian headings (``ТЕЛЕГРАММА ЯНСОНУ``, ``ПИСЬМО БРОВЕРУ``), and Russian surnames
in Latin capitals within ordinary text (``a conversation with ROSHCHIN and ARKHIPOV``, ``Commissar ... RYAZANOV.``).

A collected-works volume heads each letter with its kind and addressee in capitals, where the model, trained on
ordinary print, sees no name. The lines holding words in capitals are given to it with those words written as
names are (``Телеграмма Янсону``; the same length, so offsets hold), and the persons it finds over a word in
capitals are proposed, without the ordinary words it took in (``Телеграмма``), beside the initials or the
editors' brackets that belong to them (``В. Д. [ЭЛЬЦИНУ]``).

A translated cable writes the surnames of its people in capitals. In a text that is not all in capitals, a word
in Latin capitals that reads as a word (not ``CPSU``), ends like a Russian surname when written as a name
(``Arkhipov``, ``Ryazanov``; not in ``-in``, which names such as ``KREMLIN`` share), is no place the gazetteer knows,
follows no preposition of place and has no other word in capitals beside it but a name found already, is proposed
as a person with ``cert="low"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Block, span
from ..names.index import fold, morph
from ..names.rules import SURNAME_ENDING
from ..names.words import NOT_NAMES
from ..unregistered.places import PLACE_PREPOSITIONS
from .candidates import NEXT_WORD, is_common_russian_word, is_free, previous_word, trimmed
from .gazetteer import lookup
from .people import in_register
from .russian import model_version, russian_names
from .surnames import BY, NOT_SURNAME_ENDING, SOURCE

# A Cyrillic word in capitals of three letters or more (``ЯНСОНУ``).
CAPITALS = re.compile(r"(?<![^\W\d_])[А-ЯЁ]{3,}(?![^\W\d_])")
# The first word of a line of two letters or more (an initial's letter is no word).
FIRST_WORD = re.compile(r"[^\W\d_]{2,}")
VOWELS = frozenset("АЕЁИОУЫЭЮЯ")
LATIN_VOWELS = frozenset("AEIOUY")
# Endings of surnames that names of places and English words share (``Kremlin``, ``Britain``, ``Norwich``).
PLACE_ENDING = re.compile(rf"(?:in|yn)\Z|{NOT_SURNAME_ENDING.pattern}")
# A word in Latin capitals of five letters or more, standing alone (not part of a word or a hyphenated name).
LATIN_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{5,}(?![\w-])")
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
        for line_start, line in _lines_in_capitals(block):
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


def propose_surnames_in_capitals(blocks: Iterable[Block], registered: frozenset[str]) -> None:
    """Mark the Russian surnames in Latin capitals within the ordinary text of ``blocks`` as persons (none that is a
    word of a register name: ``registered``, folded)."""
    for block in blocks:
        text = block.text
        if text.isupper():
            continue
        for match in LATIN_CAPITALS.finditer(text):
            start, end = match.span()
            word = match.group()
            name = word.capitalize()
            if not _spoken(word, LATIN_VOWELS) or not SURNAME_ENDING.search(name) or PLACE_ENDING.search(name):
                continue
            if fold(word) in registered or fold(word) in NOT_NAMES or lookup(name) is not None:
                continue
            if _beside_capitals(block, start, end) or not is_free(block, start, end):
                continue
            before = previous_word(text, start)
            if before is not None and before.group(1).lower() in PLACE_PREPOSITIONS | {"from", "to"}:
                continue  # "in KHARKOV", "from ROSTOV": a place
            block.add(span(start, end, "person", cert="low", source=SOURCE, by=BY))


def _beside_capitals(block: Block, start: int, end: int) -> bool:
    """Whether a word in capitals that no person's name holds stands a space before or after ``start:end`` (a heading
    or a title in capitals, an organisation's name)."""
    text = block.text
    for match in (previous_word(text, start), NEXT_WORD.match(text, end)):
        if match is None or not match.group(1).isupper() or len(match.group(1)) < 2:
            continue
        at = match.start(1)
        if not any(s.start <= at < s.end for s in block.spans_of("person")):
            return True
    return False


def _lines_in_capitals(block: Block) -> list[tuple[int, str]]:
    """The lines of ``block`` that open with a word in capitals (after a number or initials) and hold one that no
    span claims, reads as a word and is no ordinary one (not a signature found already, not ``СОВЕРШЕННО
    СЕКРЕТНО``), with their offsets: the model is asked about those only."""
    found = []
    start = 0
    for line in block.text.split("\n"):
        first = FIRST_WORD.search(line)
        if first is not None and first.group().isupper():
            words = CAPITALS.finditer(line)
            if any(is_free(block, start + w.start(), start + w.end()) and _may_name(w.group()) for w in words):
                found.append((start, line))
        start += len(line) + 1
    return found


def _may_name(word: str) -> bool:
    """Whether a word in capitals may be a name: it reads as a word, and written as a name it is no ordinary one."""
    return _spoken(word) and not is_common_russian_word(word.capitalize())


def _spoken(word: str, vowels: frozenset[str] = VOWELS) -> bool:
    """Whether a word in capitals reads as a word, not as an abbreviation (``ГОКО``, ``РГАКФД``): five letters or
    more, a vowel at least in four."""
    return len(word) >= 5 and 4 * sum(letter in vowels for letter in word) >= len(word)


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
