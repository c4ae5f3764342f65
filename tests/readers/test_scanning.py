"""The readers' fast scans find what the plain regular expressions and ``difflib`` find."""

from __future__ import annotations

import re
import sys
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.readers.blocks import chunks, parse_inline
from tei_encode.readers.notes import LABEL_BEFORE, NUMBER_BEFORE, REFERENCE, _ends_with, _references
from tei_encode.readers.script import CYRILLIC_LETTER, text_language
from tei_encode.readers.wilson import _alike, _common_subsequence

# Texts made of the pieces the patterns look at: digits, labels, brackets, punctuation, spaces, letters.
PIECES = st.sampled_from(
    ["1", "2", "12", "3", "No", "No.", "F.", "pp", "№", "§", "item", "List", "aNo", " ", "  ", "\n", "\u00a0", ".", ",",
     ";", ":", ")", "]", "'", '"', "/", "-", "a", "word", "We", "On", "questions", "th", "km", "%", "Я"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=500)
@given(TEXTS)
def test_references_are_what_the_pattern_finds_everywhere(text: str) -> None:
    assert [(m.span(), m.groups()) for m in _references(text)] == [
        (m.span(), m.groups()) for m in REFERENCE.finditer(text)
    ]


@settings(max_examples=300)
@given(TEXTS, st.integers(min_value=0, max_value=200))
def test_labels_before_a_reference_are_found_as_in_the_whole_text(text: str, at: int) -> None:
    start = min(at, len(text))
    for pattern in (LABEL_BEFORE, NUMBER_BEFORE):
        assert _ends_with(pattern, text, start) == bool(pattern.search(text[:start]))


@pytest.mark.parametrize(
    ("text", "start", "found"),
    [("see No. 12", 8, True), ("see xNo 12", 8, False), ("page 5/ \n 3", 10, True), ("word 3", 5, False)],
    ids=["label", "label-inside-word", "number-and-line-break", "plain-word"],
)
def test_labels_and_numbers_before_a_reference(text: str, start: int, found: bool) -> None:
    assert (_ends_with(LABEL_BEFORE, text, start) or _ends_with(NUMBER_BEFORE, text, start)) is found


def _longest_common_subsequence(a: str, b: str) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _copy_with_changes(text: str, drop: list[bool]) -> str:
    return "".join(ch for ch, gone in zip(text, drop, strict=False) if not gone) + text[len(drop) :]


@settings(max_examples=300)
@given(st.text("abcd .", max_size=60), st.text("abcd .", max_size=60))
def test_common_subsequence_is_the_longest(a: str, b: str) -> None:
    assert _common_subsequence(a, b) == _longest_common_subsequence(a, b)


@settings(max_examples=300)
@given(st.text("abcde ,.", min_size=0, max_size=120), st.lists(st.booleans(), max_size=120), st.text("xy", max_size=8))
def test_alike_is_difflib_ratio_above_four_fifths(a: str, drop: list[bool], extra: str) -> None:
    b = _copy_with_changes(a, drop) + extra
    for x, y in ((a, b), (b, a)):
        plain = min(len(x), len(y)) >= 0.8 * max(len(x), len(y)) and (
            SequenceMatcher(None, x, y, autojunk=False).ratio() > 0.8
        )
        assert _alike(x, y) is plain


def test_cyrillic_letters_are_the_letters_of_the_cyrillic_block() -> None:
    block = re.compile(r"[\u0400-\u04ff]")
    letters = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isalpha() and block.match(chr(c))]
    assert CYRILLIC_LETTER.findall("".join(map(chr, range(0x300, 0x600)))) == letters
    assert text_language("Сталину, 24/VII 1920 г. ҂") == "ru"
    assert text_language("To Stalin, 24 July — Сталину") == "en"


@pytest.mark.parametrize(
    ("text", "plain", "kinds"),
    [
        ("no markers at all", "no markers at all", []),
        ("a ~~struck~~ and ^{added} **bold**", "a struck and added bold", ["del", "add", "hi"]),
        ("2 * 3 = 6", "2 * 3 = 6", []),
    ],
    ids=["none", "markers", "lone-star"],
)
def test_inline_markers(text: str, plain: str, kinds: list[str]) -> None:
    result, spans = parse_inline(text)
    assert (result, [s.kind for s in spans]) == (plain, kinds)


def test_chunks_of_one_text_are_fresh_lists() -> None:
    text = "one\ntwo\n\n\nthree  \n"
    first = chunks(text)
    first.pop()
    assert [(c.text, c.line) for c in chunks(text)] == [("one\ntwo", 1), ("three", 5)]
