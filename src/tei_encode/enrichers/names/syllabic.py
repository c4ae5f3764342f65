"""Bare family names of Chinese, Korean and Vietnamese names, and bare first names of correspondents.

A bare family name (``Comrade Kim``, ``Ambassador Ni``) is the one person of that
family the document names in full, else is left to the namesakes of its page. A
family name that is also an ordinary word (``Sun``, ``He``, ``Не``) names someone
only after a title (``Comrade Sun``), or, in Russian, inside a sentence. A bare first name ending a salutation or a
signature (``Your Grigory.``) is the correspondent of the letter who has it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ...model import Block
from .index import CYRILLIC, NameIndex, Token, capitalised, fold, is_syllabic_name, morph, tokens, word_forms
from .match import Mention
from .rules import HONORIFIC, words_of
from .spans import add_name_span
from .words import FAMILY_NAMES_FIRST

# The end of a salutation or a signature after a name: punctuation, then the end of the line.
LINE_END = re.compile(r"[.!,;]?[ \t]*(?:\n|\Z)")
# English words that are also family names of one syllable: without a title before them they name no one.
# fmt: off
ENGLISH_WORDS = frozenset({
    "an", "be", "do", "go", "he", "ho", "in", "ma", "me", "no", "on", "so", "to", "we", "ye", "yo", "ban", "bang",
    "chin", "fan", "gang", "hang", "king", "long", "man", "min", "moon", "pan", "pin", "sin", "son", "song", "sun",
    "tan", "ten", "tin", "ton", "wan", "won", "yang", "young",
})
# fmt: on
# A family name and up to three more words of one case, each perhaps hyphenated (``Zhou-yuan``, ``HEON-YEONG``), or
# a family name in capitals before a given name in title case, as Korean and Japanese lists write them (``CHANG
# Ki-yeong``).
_TITLE_WORD = r"[A-Z][a-z]+(?:-[a-z]+)?"
_CAPITALS_WORD = r"[A-Z]+(?:-[A-Z]+)?"
FULL_NAME = re.compile(
    rf"(?<![\w’'-])(?:{_TITLE_WORD}(?:[ \t]{_TITLE_WORD}){{1,3}}|{_CAPITALS_WORD}(?:[ \t]{_CAPITALS_WORD}){{1,3}}"
    rf"|[A-Z]+(?:[ \t]{_TITLE_WORD}){{1,3}})"
    r"(?![\w-])"
)
LATIN_WORD = re.compile(r"(?<![\w’'-])[A-Z][A-Za-z]*")
# The Latin family names that come first, in title case and in capitals, that are no English words.
FAMILY_FORMS = frozenset(
    form for n in FAMILY_NAMES_FIRST if n.isascii() and n not in ENGLISH_WORDS for form in (n.capitalize(), n.upper())
)
# Grammemes of the names pymorphy3 knows; a word known with none of them is an ordinary word (Не, Ни, Нам, Чай).
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox"})
# How far before a name its title may start (``Товарищам `` is ten characters).
TITLE_REACH = 24


def add_family_names(blocks: Sequence[Block], index: NameIndex) -> list[tuple[Block, Mention]]:
    """Mark the bare family names of syllabic names (``Ambassador Ni``, ``Comrade Kim``): as the one person of the
    family the document names, else, if the word stands inside a sentence, as namesakes for the page to settle.
    A family name that may be an ordinary word where it stands is marked only after a title.

    Returns the namesakes marked."""
    named = {s.attr("ref").lstrip("#") for b in blocks for s in b.spans_of("person") if s.attr("ref")}
    ambiguous = []
    for block in blocks:
        for token, keys in _family_words(block.text, index):
            inside = _inside_sentence(block.text, token)
            if _may_be_ordinary_word(token.text, inside) and not _after_title(block.text, token):
                continue
            in_full = keys & named
            if len(in_full) == 1:
                add_name_span(block, token.start, token.end, "person", ref=f"#{next(iter(in_full))}")
            elif inside and add_name_span(block, token.start, token.end, "person"):
                ambiguous.append((block, Mention(token.start, token.end, tuple(sorted(in_full or keys)))))
    return ambiguous


def _family_words(text: str, index: NameIndex) -> Iterator[tuple[Token, frozenset[str]]]:
    """The bare words of ``text`` that are registered family names, with the keys of the people of that family."""
    for token in _bare_words(text):
        keys = index.keys_with_family_name(token.text)
        if keys:
            yield token, keys


def _bare_words(text: str) -> Iterator[Token]:
    """The capitalised words of ``text`` longer than a letter that no capitalised word follows (``Kim``, not
    ``Kim Chon-hae``) and that end no name of one (``Zhou`` of ``Li Zhou-yuan`` is a given name)."""
    words = tokens(text)
    for i in capitalised(text):
        token = words[i]
        following = words[i + 1] if i + 1 < len(words) else None
        previous = words[i - 1] if i else None
        if len(token.text) > 1 and not (
            (following and following.text[0].isupper() and text[token.end : following.start] == " ")
            or (
                previous
                and previous.text[0].isupper()
                and text[previous.end : token.start] == " "
                and "-" in token.text
            )
        ):
            yield token


def add_first_names(title: Block, blocks: Sequence[Block], index: NameIndex) -> None:
    """Mark a bare first name that ends a salutation or a signature (``Your Grigory.``, ``To Grigory.``) as the one
    correspondent the title names who has it."""
    correspondents = {s.attr("ref").lstrip("#") for s in title.spans_of("person") if s.attr("ref")}
    by_name: dict[str, set[str]] = defaultdict(set)
    for key in correspondents:
        for name in index.first_names.get(key, ()):
            by_name[name].add(key)
    if not by_name:
        return
    for block in blocks:
        for token in _bare_words(block.text):
            keys = {key for form in word_forms(token.text) for key in by_name.get(form, ())}
            if len(keys) == 1 and LINE_END.match(block.text, token.end):
                add_name_span(block, token.start, token.end, "person", ref=f"#{keys.pop()}")


def _inside_sentence(text: str, token: Token) -> bool:
    """Whether a word stands inside a sentence of ordinary case: after a letter, a digit or a comma on its line."""
    i = token.start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] == ",") and not token.text.isupper()


def _after_title(text: str, token: Token) -> bool:
    """Whether a title stands right before a word (``Comrade Sun``, ``тов. Не``)."""
    window = HONORIFIC.finditer(text, max(0, token.start - TITLE_REACH), token.end)
    return any(m.start("name") == token.start for m in window)


def _may_be_ordinary_word(word: str, inside: bool) -> bool:
    """Whether a capitalised word may be an ordinary word where it stands: English capitalises some inside a
    sentence too (``the Sun``, ``the Long March``), Russian only at its start (``Пак`` inside one is a name)."""
    if inside and CYRILLIC.search(word):
        return False
    return _is_ordinary_word(word)


@lru_cache(maxsize=4096)
def _is_ordinary_word(word: str) -> bool:
    """Whether a capitalised word may be an ordinary word (``Sun``, ``He``, ``Не``, ``Нам``)."""
    folded = fold(word)
    if not CYRILLIC.search(folded):
        return folded in ENGLISH_WORDS
    return any(p.is_known and not NAME_GRAMMEMES & p.tag.grammemes for p in morph().parse(folded))


def syllabic_runs(text: str) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """Where a Latin family name that comes first (``Kim``, ``MAO``) starts a run of capitalised words, with the
    ends of the run's words as written: the candidates for a Chinese or Korean full name."""
    if FAMILY_FORMS.isdisjoint(words_of(text)):
        return  # most texts: one look-up in the words every rule reads
    for word in LATIN_WORD.finditer(text):
        match = FULL_NAME.match(text, word.start()) if word.group() in FAMILY_FORMS else None
        if match is not None:
            start = match.start()
            yield start, [(start + a, start + b) for a, b in (m.span() for m in re.finditer(r"\S+", match.group()))]


def starts_syllabic_name(text: str, start: int) -> bool:
    """Whether a Chinese or Korean name starts at ``start``: a family name in full (``from Li Zhou-yuan``) or one
    of three letters or fewer alone (``toward Li``), which names a person more often than a place."""
    word = LATIN_WORD.match(text, start)
    if word is None or fold(word.group()) not in FAMILY_NAMES_FIRST:
        return False
    match = FULL_NAME.match(text, start)
    return len(word.group()) <= 3 or (match is not None and is_syllabic_name(tuple(match.group().split()[:2])))
