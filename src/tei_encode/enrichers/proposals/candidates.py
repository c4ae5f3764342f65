"""Where a model or the gazetteer is worth asking, and how a name it finds is trimmed to the name.

A block is given to a model only when it has a capitalised word that no earlier enricher claimed and that
does not open a sentence (names the register or the rules found are not looked at again): most blocks of a
corpus whose register knows its people never reach the model. A name found is cut to its capitalised words,
without the honorific or post before it (``Товарищу Мао Цзэдуну`` -> ``Мао Цзэдуну``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Block
from ..claims import PROPOSAL_AVOIDS
from ..names.index import CYRILLIC, morph
from ..names.rules import LEADING_HONORIFIC
from ..unregistered.keys import nominative
from ..unregistered.places import NOT_RUSSIAN_PLACE, NOT_RUSSIAN_PLACES

WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
# The word before a position, with one space between (``Nanjing Road``): see ``previous_word``.
PREVIOUS_WORD = re.compile(r"([^\W\d_]+) $")
_NEAR = 40  # how far before a position ``previous_word`` looks first
# The word after a position, with one space between.
NEXT_WORD = re.compile(r" ([^\W\d_]+)")


def previous_word(text: str, start: int) -> re.Match[str] | None:
    """``PREVIOUS_WORD.search(text, 0, start)``, looked for just before ``start`` first: a search from the start of
    the text tries every position on the way. A match found where the search began may go on further back."""
    near = max(0, start - _NEAR)
    found = PREVIOUS_WORD.search(text, near, start)
    return PREVIOUS_WORD.search(text, 0, start) if found is not None and found.start() == near > 0 else found


# A word of WORD that starts with a capital and goes on in small letters (``Litvinov``, ``Пекине``; not ``ЦК``).
# (The capital before the look-behind that no letter precedes it: a search then skips to the capitals.)
CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ](?<![^\W\d_][A-ZÀ-ÖØ-ÞА-ЯЁ])[a-zß-öø-ÿа-яё][^\W\d_]*(?:[-’'][^\W\d_]+)*")
# A possessive ending a capitalised word (``Radek’s``, ``Moscow's``), not part of its name.
POSSESSIVE = re.compile(r"[’']s\Z|[’']s(?![^\W\d_])")
# Words a heading capitalises that join names without being part of them ("From Pyongyang To Vyshinsky").
CONNECTIVES = frozenset({"To", "From", "And", "Of", "In", "At", "By", "For", "Via", "On", "The"})
SENTENCE_END = re.compile(r"[.!?:;»”\"]\s*$")
# A post or rank before a name that a model takes into it (Russian forms in any case).
POST = re.compile(
    r"^(?:(?:товарищ|господин|генерал|маршал|посол|министр|председател|секретар|премьер|президент|"
    r"консул|советник|адмирал|полковник|майор|капитан)\w*\.?|т\.|тов\.|г\.)\s+",
    re.I,
)
# A Russian preposition opening a sentence that a model takes into the name after it (``О Рокоссовском``).
PREPOSITION = re.compile(r"^(?:О|Об|Обо|В|Во|С|Со|К|Ко|У|По|От|Из|На|За|Для|При|Про|Без|До|Через)\s+(?=[А-ЯЁ][а-яё])")


def free_capitalised_words(block: Block, initial: bool = False) -> Iterator[tuple[int, int]]:
    """The capitalised words of ``block`` (with a small letter after the first) that no span claims; those that
    open the block, a line or a sentence only when ``initial``."""
    text = block.text
    claimed = [(s.start, s.end) for s in block.spans if s.kind in PROPOSAL_AVOIDS]
    for match in CAPITALISED.finditer(text):
        start, end = match.span()
        if not initial and opens_sentence(text, start):
            continue
        if not any(a < end and start < b for a, b in claimed):
            yield start, end


def name_end(text: str, start: int, end: int) -> int:
    """The end of the name in the word ``start:end``, without a possessive ``’s``."""
    return end - 2 if end - start > 2 and POSSESSIVE.match(text, end - 2) else end


def opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens the text, a line or a sentence."""
    return at == 0 or text[:at].endswith("\n") or bool(SENTENCE_END.search(text, max(0, at - 3), at))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without a leading honorific or post, without punctuation at its edges (but an initial's dot)
    and without a note's number glued to its end."""
    piece = text[start:end]
    for pattern in (PREPOSITION, POST, LEADING_HONORIFIC):
        match = pattern.match(piece)
        if match:
            start, piece = start + match.end(), piece[match.end() :]
    while piece and not piece[0].isalnum():
        start, piece = start + 1, piece[1:]
    for _ in range(2):  # the punctuation, then a note's number and the punctuation before it
        while piece and not piece[-1].isalnum() and not INITIAL_END.search(piece):
            piece = piece[:-1]
        note = GLUED_NOTE.search(piece)
        piece = piece[: note.start()] if note else piece
    return start, start + len(piece)


# A note's number glued to the end of a name (``А. М.2``, ``Женеву121``).
GLUED_NOTE = re.compile(r"(?<=[^\W\d_]\.|[^\W\d_]{2})\d{1,3}\Z")
# An initial ending a name of several words, whose dot is part of it (``А. М.``, ``Сталин И.``; not ``М.`` alone).
INITIAL_END = re.compile(r"[\s.][A-ZА-ЯЁ]\.\Z")


# The locative of an adjective or a surname of its form (``Рокоссовском``), not an institution's ``-ком``.
ADJECTIVE_IN_CASE = re.compile(r"[сц]ком\Z")
# The parts of a Russian word's analysis that make it the name of a place or a person (an organisation's is not).
NAME_TAGS = frozenset({"Geox", "Name", "Surn", "Patr", "Trad"})


def is_common_russian_word(text: str) -> bool:
    """Whether ``text`` is one Russian word that names no place or person: one the dictionary knows whose likeliest
    reading is no name (``Мае``), or a month, a day or a Soviet institution as the place rules know them."""
    if " " in text or "-" in text or not CYRILLIC.search(text):
        return False
    forms = {text.lower(), nominative(text)}
    # (``Рокоссовском`` ends like an institution only by its case.)
    endings = [form for form in forms if not ADJECTIVE_IN_CASE.search(form)]
    if forms & NOT_RUSSIAN_PLACES or any(NOT_RUSSIAN_PLACE.search(form) for form in endings):
        return True
    analyzer = morph()
    if not analyzer.word_is_known(text.lower()):
        return False
    first = analyzer.parse(text)[0]  # the likeliest reading
    return not NAME_TAGS & set(str(first.tag).replace(" ", ",").split(","))


def is_free(block: Block, start: int, end: int) -> bool:
    """Whether no claiming span overlaps ``start:end``."""
    return block.is_free(start, end, *PROPOSAL_AVOIDS)
