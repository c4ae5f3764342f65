"""Collation by tokens: normalisation, and the anchored longest common subsequence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_encode.render.collation import align_tokens, normalise


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        ('ФИЛИППОВ".', ["филиппов"]),
        ("„Тов.", ["тов"]),
        ("1951г.", ["1951", "г"]),
        ("/600", ["600"]),
        ("млн.рублей/", ["млн", "рублей"]),
        ("Цзе-дуна", ["цзе-дуна"]),
        ("Будённый", ["буденный"]),
        ("П Е К И Н", ["пекин"]),
        ("—", []),
    ],
    ids=["quote-and-stop", "low-quote", "year-and-letter", "slash", "run-on", "hyphenated", "yo", "spaced", "dash"],
)
def test_normalise(raw: str, tokens: list[str]) -> None:
    assert normalise(raw) == tokens


def test_a_word_missing_from_one_witness() -> None:
    left = ["о", "поставках", "дополнительного", "вооружения", "сообщаем"]
    right = ["о", "поставках", "вооружения", "сообщаем"]
    assert align_tokens(left, right) == [(0, 0), (1, 1), (3, 2), (4, 3)]


WORDS = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), max_size=40)


@given(WORDS, WORDS)
def test_aligned_pairs_are_equal_tokens_in_order(left: list[str], right: list[str]) -> None:
    pairs = align_tokens(left, right)
    assert all(left[i] == right[j] for i, j in pairs)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(pairs, pairs[1:], strict=False))


@given(WORDS, st.data())
def test_a_witness_contained_in_the_other_is_matched_whole(right: list[str], data: st.DataObject) -> None:
    keep = data.draw(st.lists(st.booleans(), min_size=len(right), max_size=len(right)))
    left = [token for token, kept in zip(right, keep, strict=True) if kept]
    assert [i for i, _ in align_tokens(left, right)] == list(range(len(left)))
