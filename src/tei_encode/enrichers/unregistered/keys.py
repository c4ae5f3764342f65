"""Keys and written forms of provisional register entries, shared by the people and the places the register lacks.

A provisional entry's key is its name's words in Latin letters (``ГРОМЫКО`` and
``Gromyko`` both give ``Gromyko``), so that mentions in either script meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..names.index import CYRILLIC, WORD, fold, morph

REVIEW_NOTE = "Not in the register: found by the converter in this document; to be reviewed by an editor."
LATIN = "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", LATIN.split(" "), strict=True))


def name_words(text: str) -> list[str]:
    """The words of a name without initials (``A. Ya.``), Russian ones in the nominative, capitalised."""
    words = [m.group() for m in WORD.finditer(text) if not (len(m.group()) <= 2 and text[m.end() : m.end() + 1] == ".")]
    return [(nominative(w) if CYRILLIC.search(w) else w).capitalize() for w in words if len(w) > 1]


@lru_cache(maxsize=4096)
def nominative(word: str) -> str:
    """A Russian surname's nominative (``РОЩИНУ``: ``рощин``), preferring readings as a surname or name."""
    parses = morph().parse(word.lower())
    names = [p for p in parses if {"Surn", "Name"} & set(str(p.tag).replace(" ", ",").split(","))]
    return str((names or parses)[0].normal_form) if parses else word


# The parts of a Russian word's analysis that say it names a person.
PERSON_TAGS = frozenset({"Surn", "Name", "Patr"})


@lru_cache(maxsize=4096)
def place_nominative(word: str, cases: frozenset[str]) -> str:
    """The nominative of a Russian word a preposition governing ``cases`` puts before a place (``Сеулом``:
    ``Сеул``), or ``""`` if it is no place. A word the dictionary knows must be a place name in one of those cases;
    one it lacks (Chinese and Korean places) must not be guessed a surname first, and is read in those cases or,
    failing that, as the place name the guesser takes it for (``Цзянъиня``)."""
    parses = morph().parse(word.lower())
    known = morph().word_is_known(word.lower())
    grammemes = [set(str(p.tag).replace(" ", ",").split(",")) for p in parses]
    if not parses or "Surn" in grammemes[0] or known and any(g & PERSON_TAGS for g in grammemes):
        return ""
    fitting = [(p, g) for p, g in zip(parses, grammemes, strict=True) if "NOUN" in g and g & cases]
    if known or not fitting:
        fitting = [(p, g) for p, g in (fitting if known else zip(parses, grammemes, strict=True)) if "Geox" in g]
    fitting.sort(key=lambda pg: "masc" not in pg[1])  # foreign towns are masculine: "Аньдуне", "Мукдена"
    return str(fitting[0][0].normal_form).capitalize() if fitting else ""


def entry_key(words: list[str]) -> str:
    """An xml:id from the name's words: transliterated to Latin letters, joined by ``_``."""
    key = "_".join(latin_words(" ".join(words)))
    return re.sub(r"[^A-Za-z0-9_-]", "", key) or "Unnamed"


def latin_words(name: str) -> list[str]:
    """The words of a name in Latin letters, capitalised (``Вышинский``: ``["Vyshinsky"]``)."""
    words = [w.lower() for w in name.split()]
    return ["".join(TRANSLIT.get(ch, ch) for ch in _ending(w)).replace("_", "").capitalize() for w in words]


@lru_cache(maxsize=4096)
def latin_forms(word: str) -> tuple[str, ...]:
    """The match keys of a Russian word's nominative in Latin letters (``РОЩИНУ``: ``("roshchin",)``)."""
    return tuple(fold(w) for w in latin_words(nominative(word)))


# Spellings of one sound in English and in Russian transliterated: the Chinese and Korean "j" ("чж", "дж"), "kh" for
# "h", "ts" for "c", and the English "ck", "c" and "w" for "k" and "v".
SOUND_SPELLINGS = re.compile(r"chzh|dzh|tsz|zh|ch|j|kh|ts|ck|c|w")
SOUNDS = {
    "chzh": "j",
    "dzh": "j",
    "tsz": "j",
    "zh": "j",
    "ch": "j",
    "j": "j",
    "kh": "h",
    "ts": "c",
    "ck": "k",
    "c": "k",
    "w": "v",
}


def skeleton(word: str) -> str:
    """The consonants of a name as both scripts spell it: in Latin letters, one letter for each sound, the first
    letter kept and no vowel or doubled letter after it (``Clubb``, ``Клабб``: ``klb``; ``Panmunjom``,
    ``Паньмыньчжон``: ``pnmnjm``; ``Zhou``, ``Чжоу``: ``j``)."""
    latin = "".join(TRANSLIT.get(ch, ch) for ch in fold(word)).replace("_", "")
    sounds = SOUND_SPELLINGS.sub(lambda m: SOUNDS[m.group()], latin)
    return sounds[:1] + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", sounds[1:]))


def _ending(word: str) -> str:
    """Russian adjectival surname endings as English spells them (``Вышинский``: ``Vyshinsky``)."""
    return re.sub(r"(?:ий|ый)$", "y", word)
