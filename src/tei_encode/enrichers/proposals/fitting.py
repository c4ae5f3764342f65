"""How a person natasha proposes is fitted to what the enrichers before it found.

A model's name may meet a name found already. Where it extends a person a rule found and the register lacks
(``Надежде Сергеевне`` of a rule, ``Сергеевне Аллилуевой`` of the model), the two are one name, and the rule's
provisional entry gives way. Where it runs into a person the register links (``Сефа И. П. Товстухе``: two people
the model joined), a capitalised word beside that name, inside a sentence, is a name of its own. A rule's name
opened by initials is left as it is: whether they are its or the end of the model's (``Шапошников Б.М.
Сочинения``) is not known. Either way only words and initials joined by spaces make one name (not ``Хрущев,
Микоян``, ``Лубянка. Сталин``), and an abbreviation is none (``Ленин Тов.``). A word the model takes for a place,
which the gazetteer does not know and which has the form of a Russian surname of adjective declension standing
as a noun (``адрес Альского:``, ``по адресу Преображенского.``; not ``в Преображенском``, ``Карельского и
Марийского обкомов``, ``архиепископа Кишиневского Анастасия``), is a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...lexicon import ADDRESS_PRONOUNS
from ...model import Block, Span
from ...register import Register
from ..claims import PROPOSAL_AVOIDS
from ..names.index import morph
from .candidates import NEXT_WORD, is_common_russian_word, opens_sentence, previous_word, trimmed

# A Russian surname of adjective declension (``Альский``, ``Преображенского``, ``Троцкому``), in any case.
ADJECTIVAL_SURNAME = re.compile(r"\A[А-ЯЁ][а-яё]+(?:ск|цк)(?:ий|ого|ому|им|ом)\Z")
# Prepositions before a place's name in Russian (``в Преображенском``): such a word is a place.
PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "на", "под", "до", "через", "около", "близ", "у"})
# Parts of speech a surname standing as a noun may be followed by (``Альский пишет``), unlike the noun an adjective
# qualifies.
VERBS = frozenset({"VERB", "INFN", "GRND", "PRTS"})
# An initial opening a name (``И. П. Товстухе``, ``Б.М. Сочинения``).
INITIAL = re.compile(r"[А-ЯЁA-Z]\.")
# One name: capitalised words and initials joined by spaces or hyphens, perhaps in the editors' brackets.
_PART = r"\[?(?:[А-ЯЁA-Z]\.|[А-ЯЁA-Z][^\W\d_]+)\]?"
ONE_NAME = re.compile(rf"\A{_PART}(?:(?:[ \t]+|-){_PART})*\Z")
# What parts two names the model took for one: a comma, a semicolon, a full stop after a word (not an initial).
PARTS_APART = re.compile(r"\s*[,;]\s*|(?<=[^\W\d_]{2})\.\s+")
# A capitalised word of its own beside a name, not an abbreviation (``Тов.``).
WORD_BESIDE = re.compile(r"\A[А-ЯЁA-Z][^\W\d_]{2,}(?:-[А-ЯЁA-Z][^\W\d_]+)?\Z")


def name_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names in the model's person at ``start:end``: split at a comma, a semicolon or a full stop after a word
    (``Хрущев, Микоян``; not an initial's), without an abbreviation or a pronoun of address at the end (``Ленин Тов.``,
    ``Стэндли Ваше``)."""
    parts = []
    for a, b in _between(PARTS_APART.finditer(text, start, end), start, end):
        words = _words(text, a, b)
        while words and _abbreviation(text, *words[-1]):
            words.pop()
        if words:
            parts.append(trimmed(text, a, words[-1][1] + (text[words[-1][1] : words[-1][1] + 1] == ".")))
    return [(a, b) for a, b in parts if a < b]


def _between(separators: Iterable[re.Match[str]], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``start:end`` between the ``separators``."""
    stretches = []
    for match in separators:
        stretches.append((start, match.start()))
        start = match.end()
    return [*stretches, (start, end)]


def fitted_persons(block: Block, start: int, end: int, register: Register) -> tuple[list[tuple[int, int]], list[Span]]:
    """The stretches to propose for the model's person at ``start:end`` of ``block``, and the provisional persons
    of earlier rules they replace (nothing if another kind of span claims the words)."""
    met = [s for s in block.spans if s.kind in PROPOSAL_AVOIDS and s.overlaps(start, end)]
    if not met:
        return [(start, end)], []
    if any(s.kind != "person" for s in met):
        return [], []
    text = block.text
    if any(INITIAL.match(text, s.start) and not _registered(s, register) for s in met):
        return [], []  # "Сефа И. П. Товстухе", "Шапошников Б.М. Сочинения": whose the initials are is not known
    whole = [s for s in met if _registered(s, register)]
    if not whole:
        if len(met) > 1:
            return [], []  # two people found apart: the model joined them
        union = (min(start, met[0].start), max(end, met[0].end))
        if union == (met[0].start, met[0].end) or not ONE_NAME.match(text[union[0] : union[1]]):
            return [], []
        added = [*_words(text, union[0], met[0].start), *_words(text, met[0].end, union[1])]
        if any(_abbreviation(text, a, b) or is_common_russian_word(text[a:b]) for a, b in added):
            return [], []
        return [union], met
    if len(whole) != len(met):
        return [], []
    pieces = []
    edges = [start, *(x for s in sorted(whole) for x in (s.start, s.end)), end]
    for left, right in zip(edges[::2], edges[1::2], strict=True):
        a, b = trimmed(text, left, right)
        if a >= b or not WORD_BESIDE.match(text[a:b]) or _abbreviation(text, a, b) or opens_sentence(text, a):
            continue
        if text[left:a].strip() or text[b:right].strip():
            continue  # only spaces between the word and the name beside it
        pieces.append((a, b))
    return pieces, []


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of ``text[start:end]``, with their offsets."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\W\d_]+", text[start:end])]


def _abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is an abbreviation (two or three letters before a full stop; one is an
    initial) or a pronoun of address (``Стэндли Ваше``: the model read on into the title)."""
    return 2 <= end - start <= 3 and text[end : end + 1] == "." or text[start:end].lower() in ADDRESS_PRONOUNS


def _registered(s: Span, register: Register) -> bool:
    """Whether ``s`` is linked to an entry of the register (not a provisional one)."""
    return register.get(s.attr("ref").lstrip("#")) is not None


def is_adjectival_surname(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` has the form of a Russian surname of adjective declension and stands as a
    noun: no preposition of place before it, no word after it but a verb (an adjective qualifies a noun or stands
    in a title before a name)."""
    if not ADJECTIVAL_SURNAME.match(text[start:end]):
        return False
    before = previous_word(text, start)
    if before is not None and before.group(1).lower() in PLACE_PREPOSITIONS:
        return False
    after = NEXT_WORD.match(text, end)
    if after is None:
        return True
    if not after.group(1).islower():
        return False
    return bool(VERBS & set(str(morph().parse(after.group(1))[0].tag).replace(" ", ",").split(",")))
