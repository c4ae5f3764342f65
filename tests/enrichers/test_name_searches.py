"""The name patterns a search skips through quickly find what they found before: a look-ahead of their first letters
only speeds them, and a look-behind after an initial or a capital looks at the character before it, as before."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.enrichers.names.initials import INITIALLED_WORD, words_after_initials
from tei_encode.enrichers.names.rules import CONTRIBUTOR, INITIALS_SURNAME, SURNAME_INITIALS
from tei_encode.lexicon import CASE_ALIKE

from .lookaheads import without_lookahead

PIECES = st.one_of(
    st.sampled_from(["K.", "L. B.", "Ya.", "Kamenev", "Иванов", "И. И.", "Translated", "edited", "by", "for", "and"]),
    st.text(alphabet=CASE_ALIKE + "ABKLИЯabkl .,(_'\"\n\t-", max_size=4),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map(lambda pieces: "".join(pieces)))
def test_look_aheads_change_no_match(text: str) -> None:
    for pattern in (INITIALS_SURNAME, CONTRIBUTOR):
        plain = without_lookahead(pattern)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("K. Marx", ["Marx"]),
        ("(F. Engels) and 'V. Lenin'", ["Engels", "Lenin"]),
        ("see K. Marx", ["Marx"]),
        ("x.K. Marx", []),  # the initial inside a word or after a dot
        ("aK. Marx", []),
        ("N. Korea", []),  # a point of the compass
    ],
)
def test_an_initial_stands_at_a_words_start(text: str, found: list[str]) -> None:
    assert sorted(words_after_initials([text])) == found
    assert INITIALLED_WORD.search(text) is not None or not found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Иванов И. И.", (0, 12)),
        ("и Иванов И. И.", (2, 14)),
        ("(Kamenev L. B.)", (1, 14)),
        ("aKamenev L. B.", None),  # a capital inside a word starts no surname
        ("_Kamenev L. B.", (1, 14)),  # after an underscore, as after a space
        ("1Kamenev L. B.", None),
    ],
)
def test_a_surname_before_initials_starts_a_word(text: str, span: tuple[int, int] | None) -> None:
    match = SURNAME_INITIALS.search(text)
    assert (match.span() if match else None) == span
