"""The index of register names that the person and place enrichers match text against.

A register entry lists each name once, in its nominative form (``Сталин``, ``Мао
Цзе-дун``, ``Kamenev``); running text inflects it (``Сталину``, ``МАО ЦЗЕ-ДУНА``).
Every word is reduced to a set of match keys: a Latin word to its case-folded
self, a Cyrillic word also to its lemmas and nominative forms from pymorphy3, so
that an inflected word matches the register word it is a form of. A full Russian
name also gives its first name and patronymic (``Иосиф Виссарионович``), the way
letters address a person. The given name of a Chinese, Korean or Vietnamese name
(a family name of one syllable, then syllables) is one key without hyphens, spaces
or the э/е difference, so that ``Цзэ-дун``, ``Цзедун`` and ``Цзе дун`` are one name;
its family name is indexed too, for the bare ``Comrade Kim``, if the entry's main
name is such a name. The index is built once per register and kind and cached.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pymorphy3

from ...register import Entry, Register

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class Token(NamedTuple):
    """One word of a text, with its offsets."""

    start: int
    end: int
    text: str


_token = Token._make  # from a tuple, without the keyword handling of ``Token()``: a third of the time


@dataclass(frozen=True)
class Variant:
    """One name of a register entry, as the match keys of its words."""

    key: str
    words: tuple[str, ...]
    pseudonym: bool = False
    # The positions of the words the register writes with a dot after them (``St. Petersburg``, ``Harry S. Truman``):
    # the text may write the dot there too.
    dotted: frozenset[int] = frozenset()
    # Whether the last word is a syllabic given name (``цзедун``), which the text may split into syllables.
    joined: bool = False
    # Whether it is the first name and patronymic of a full name (``Иосиф Виссарионович``), which many people share.
    address: bool = False


@dataclass(frozen=True)
class NameIndex:
    """Register names of one kind, by the key of their first word, longest first."""

    by_first: Mapping[str, tuple[Variant, ...]]
    initials: Mapping[str, frozenset[str]]
    # The keys of the people with each syllabic family name (``kim``: Kim Il Sung, Kim Tu-bong).
    families: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The first names of the people the register names with a patronymic (``Zinoviev``: grigory, григорий).
    first_names: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The candidates of each word of running text met so far (most words start no name).
    _by_word: dict[str, tuple[Variant, ...]] = field(default_factory=dict, compare=False, repr=False)

    def candidates(self, forms: Iterable[str]) -> list[Variant]:
        """The variants whose first word is one of ``forms``, longest first."""
        found = {v for form in forms for v in self.by_first.get(form, ())}
        return sorted(found, key=lambda v: (-len(v.words), v.key, v.pseudonym))

    def starting_with(self, word: str) -> tuple[Variant, ...]:
        """The variants whose first word ``word`` is a form of, longest first (cached per word)."""
        found = self._by_word.get(word)
        if found is None:
            found = self._by_word[word] = tuple(self.candidates(word_forms(word)))
        return found

    def keys_with_family_name(self, word: str) -> frozenset[str]:
        """The keys of the people whose syllabic family name ``word`` is a form of (``Кима``: the Kims)."""
        if not self.families:
            return frozenset()
        return frozenset(key for form in syllable_forms(word) for key in self.families.get(form, ()))

    def keys_named(self, name: str) -> list[str]:
        """The keys of the entries with exactly this name (written as in the register)."""
        words = tuple(fold(w) for w in WORD.findall(name))
        return sorted({v.key for v in self.by_first.get(words[0], ()) if v.words == words}) if words else []


@lru_cache(maxsize=256)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of ``text`` (letters, with inner hyphens) in order (cached: persons, places and people the
    register lacks read the same blocks)."""
    return tuple(map(_token, [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]))


@lru_cache(maxsize=256)
def capitalised(text: str) -> tuple[int, ...]:
    """The positions in ``tokens(text)`` of the words that start with a capital letter (cached)."""
    return tuple(i for i, token in enumerate(tokens(text)) if token.text[0].isupper())


def fold(word: str) -> str:
    """A word's case- and ё-insensitive key."""
    return word.casefold().replace("ё", "е")


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The Russian morphological analyser (loaded once)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """The match keys of a word of running text: itself and, if Cyrillic, its lemmas and nominatives."""
    folded = fold(word)
    if not CYRILLIC.search(folded):
        return frozenset({folded})
    forms = {folded}
    parses = morph().parse(folded)
    for parse in parses:
        forms.add(fold(parse.normal_form))
        nominative = parse.inflect({"nomn"})
        if nominative is not None:
            forms.add(fold(nominative.word))
    if word[:1].isupper() and not any("ADJF" in parse.tag for parse in parses):
        forms.update(_foreign_name_stems(folded))
    return frozenset(forms)


def syllabic_key(word: str) -> str:
    """A word of a Chinese, Korean or Vietnamese name without the differences of its spellings: case, hyphens and
    the э/е of Russian transcriptions (``Цзэ-дун``: ``цзедун``)."""
    return fold(word).replace("э", "е").replace("-", "")


@lru_cache(maxsize=65536)
def syllable_forms(word: str) -> frozenset[str]:
    """The match keys of a word of running text as part of a syllabic name (``Цзэ-дуном``: ``цзедун`` ...)."""
    return frozenset(syllabic_key(form) for form in word_forms(word))


# One syllable of a Chinese, Korean or Vietnamese name in Latin (pinyin, Wade-Giles, McCune-Reischauer) or Russian
# (Palladius, Kontsevich) spelling: an initial, a vowel or two (three in Latin) and a final. A Western name
# (Karl Marx, Dean Acheson, Лев Каменев) is not a family name of one syllable followed by such syllables.
# Korean spellings put a glide after the initial (``Gyung``, ``hyun``, ``Kwang``) and write ``ee`` (``Lee``, ``Rhee``).
LATIN_SYLLABLE = (
    r"(?:(?:zh|ch|sh|ts|tz|hs|ph|th|kh|ng|nh|tr|rh|[bcdfghjklmnpqrstvwxyz])(?:(?<![yw])[yw])?)?"
    r"(?:iao|uai|ai|ao|ae|ee|ei|eo|eu|ia|ie|io|iu|oe|oi|ou|ua|ue|ui|uo|a|e|i|o|u|ü|ŏ|ŭ)(?:ng|nh|n|m|r|l|k|p|t|h)?"
)
CYRILLIC_SYLLABLE = r"(?:чж|цз|чх|кх|тх|пх|[бпмфдтнлгкхцсчшжзрв])?[аоуэеиыяюё]{1,2}(?:нь|ль|н|л|р|к|п|т|м|й)?"
SYLLABLE = rf"(?:{LATIN_SYLLABLE}|{CYRILLIC_SYLLABLE})"
ONE_SYLLABLE = re.compile(rf"{SYLLABLE}\Z")
SYLLABIC_PART = re.compile(rf"{SYLLABLE}{{1,2}}\Z")
MAX_GIVEN_SYLLABLES = 3


def is_syllabic_name(words: tuple[str, ...]) -> bool:
    """Whether a name (without initials) is a Chinese, Korean or Vietnamese one: a family name of one syllable and
    a given name of up to three (``Mao Zedong``, ``Kim Il Sung``, ``Чжоу Энь-лай``)."""
    if len(words) < 2 or len(words) > 1 + MAX_GIVEN_SYLLABLES or not ONE_SYLLABLE.match(fold(words[0])):
        return False
    parts = [part for word in words[1:] for part in fold(word).split("-")]
    return len(parts) <= MAX_GIVEN_SYLLABLES and all(SYLLABIC_PART.match(part) for part in parts)


# Case endings Russian puts on foreign names the analyser does not know (Ким Ир Сена, Пэн Дэ-хуая, Гао Гана).
CASE_ENDINGS = ("ами", "ями", "ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е")


def _foreign_name_stems(folded: str) -> set[str]:
    """Nominatives a declined foreign name may have: the word without its case ending (``сена``: ``сен``).

    Only for capitalised words that cannot be adjectives (``Томской губернии`` names no place).
    """
    stems = set()
    for ending in CASE_ENDINGS:
        stem = folded[: -len(ending)]
        if folded.endswith(ending) and len(stem) >= 2 and stem[-1] not in "-":
            stems.update({stem, stem + "й", stem + "ь"})
    return stems


DIGRAPH_INITIALS = frozenset({"Ya", "Yu", "Ye", "Yo", "Zh", "Kh", "Ts", "Ch", "Sh", "Shch"})


def name_parts(name: str) -> tuple[str, tuple[str, ...]]:
    """A register name split into its leading initials (``"LB"``; ``A. Ya.``: ``"AY"``) and its other words."""
    words = WORD.findall(name)
    initials = ""
    while len(words) > 1 and (len(words[0]) == 1 or words[0] in DIGRAPH_INITIALS):
        initials += words.pop(0)[0].upper()
    return initials, tuple(words)


def index_for(register: Register, kind: str) -> NameIndex:
    """The (cached) index of the register's entries of one kind."""
    entries = tuple(register.entries.values())
    identities: tuple[str | int, ...] = (kind, *map(id, entries))
    cached = _BY_IDENTITY.pop(identities, None)
    if cached is None:
        cached = (entries, _build_index(tuple(register.of_kind(kind))))
        if len(_BY_IDENTITY) >= _IDENTITY_CACHE_SIZE:
            del _BY_IDENTITY[next(iter(_BY_IDENTITY))]  # the least recently used
    _BY_IDENTITY[identities] = cached
    return cached[1]


# Entries are immutable, so the index of a register is found again by the identities of its entries, which is much
# cheaper than sorting and hashing them for every document. The cache holds the entries, so that no other object
# can take their identities.
_BY_IDENTITY: dict[tuple[str | int, ...], tuple[tuple[Entry, ...], NameIndex]] = {}
_IDENTITY_CACHE_SIZE = 16


@lru_cache(maxsize=16)
def _build_index(entries: tuple[Entry, ...]) -> NameIndex:
    # (key, words, pseudonym, joined): the dotted positions.
    variants: dict[tuple[str, tuple[str, ...], bool, bool], frozenset[int]] = {}
    addresses: set[tuple[str, tuple[str, ...]]] = set()  # (key, words) of first names with patronymics
    written: set[tuple[str, tuple[str, ...]]] = set()  # (key, words) of the names as the register writes them
    initials: dict[str, set[str]] = defaultdict(set)
    families: dict[str, set[str]] = defaultdict(set)
    first_names: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        found = [(*name_parts(n.text), n.type == "pseudonym", n.text) for n in entry.names]
        has_family = is_syllabic_name(name_parts(entry.name)[1])
        singles = {fold(words[0]) for _, words, _, _ in found if len(words) == 1}
        for letters, words, pseudonym, text in found:
            if not words:
                continue
            if is_syllabic_name(words):
                given = "".join(syllabic_key(w) for w in words[1:])
                variants[(entry.key, (fold(words[0]), given), pseudonym, True)] = frozenset()
                # A cover name (Feng Xi for Stalin) has no family, nor has a Western name one of whose spellings
                # looks syllabic (Луи Барту for Louis Barthou): the entry's own name tells.
                if has_family and len(words[0]) > 1 and not pseudonym:
                    families[syllabic_key(words[0])].add(entry.key)
                continue
            if len(words) == 3 and is_patronymic(fold(words[1])) and not pseudonym:
                first_names[entry.key].add(fold(words[0]))
            for name, dotted, address in _forms_of(words, text):
                known = variants.get((entry.key, name, pseudonym, False), frozenset())
                variants[(entry.key, name, pseudonym, False)] = known | dotted
                (addresses if address else written).add((entry.key, name))
            if letters:
                initials[entry.key].add(letters)
            elif len(words) > 1 and fold(words[-1]) in singles:
                initials[entry.key].add("".join(w[0].upper() for w in words[:-1]))
    by_first: dict[str, list[Variant]] = defaultdict(list)
    addresses -= written
    kept = _without_compounds({Variant(k, w, p, d, j, (k, w) in addresses) for (k, w, p, j), d in variants.items()})
    for variant in kept:
        by_first[variant.words[0]].append(variant)
    return NameIndex(
        {first: tuple(sorted(vs, key=lambda v: -len(v.words))) for first, vs in by_first.items()},
        {key: frozenset(values) for key, values in initials.items()},
        {family: frozenset(keys) for family, keys in families.items()},
        {key: frozenset(names) for key, names in first_names.items()},
    )


def _forms_of(words: tuple[str, ...], text: str) -> list[tuple[tuple[str, ...], frozenset[int], bool]]:
    """The match keys of a register name's words with its dotted positions, and whether they are an address.

    A full Russian name (``Иосиф Виссарионович Сталин``) also gives its first name and patronymic
    (``Иосиф Виссарионович``, how letters address him: an address, which many people share) and its first
    name and surname (``Иосиф Сталин``, how he signs or is named abroad: still his own name).
    """
    folded = tuple(fold(w) for w in words)
    forms = [(folded, _dotted_words(text, len(words)), False)]
    if len(folded) == 3 and is_patronymic(folded[1]):
        forms.append((folded[:2], frozenset(), True))
        forms.append(((folded[0], folded[2]), frozenset(), False))
    return forms


def _dotted_words(name: str, count: int) -> frozenset[int]:
    """The positions among the last ``count`` words of ``name`` (its words after the initials) that a dot follows
    inside the name (``St. Petersburg``: 0)."""
    matches = list(WORD.finditer(name))[-count:]
    return frozenset(i for i, m in enumerate(matches[:-1]) if name.startswith(".", m.end()))


# Endings of patronymics, Russian and transliterated (Vissarionovich, Konstantinovna, Ilyich, Ильич, Ильинична).
PATRONYMIC_ENDINGS = ("vich", "vna", "ichna", "yich", "вич", "вна", "ична", "ьич")


def is_patronymic(word: str) -> bool:
    """Whether a folded word has the ending of a patronymic."""
    return len(word) > 4 and word.endswith(PATRONYMIC_ENDINGS)


def _without_compounds(variants: set[Variant]) -> list[Variant]:
    """Drop names made of another entry's name and a shorter name of their own.

    ``Moscow Kremlin`` is the city and the Kremlin, two places; its parts are
    matched separately. A first name and patronymic is no other entry's name here: ``Николай Иванович Ежов``
    is one name, though Bukharin too is Николай Иванович.
    """
    names = {(v.key, v.words) for v in variants}
    others: dict[tuple[str, ...], set[str]] = defaultdict(set)  # the keys of the entries with each name
    for v in variants:
        if not v.address:
            others[v.words].add(v.key)

    def is_compound(v: Variant) -> bool:
        return any(
            (v.key, v.words[i:]) in names and others.get(v.words[:i], set()) - {v.key} for i in range(1, len(v.words))
        )

    return sorted((v for v in variants if not is_compound(v)), key=lambda v: (v.key, v.words, v.pseudonym))
