"""Finding a mention by text and occurrence or by a snippet of context, never by offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tei_encode.editorial.anchors import Occurrences, Position, find, occurrences
from tei_encode.model import Block

BLOCKS = [
    Block("title", "Telegram from Kamenev to Lenin"),
    Block("p", "Kamenev reports; Kamenevs and\nKamenev's   dispatch came. S. S. Kamenev agrees."),
]


def test_occurrences_are_counted_in_reading_order_at_word_boundaries() -> None:
    found = occurrences(BLOCKS, "Kamenev")
    assert [(p.block, BLOCKS[p.block].text[p.start : p.end]) for p in found] == [
        (0, "Kamenev"),
        (1, "Kamenev"),
        (1, "Kamenev"),
        (1, "Kamenev"),
    ]
    assert "Kamenevs" not in [BLOCKS[1].text[p.start : p.end + 1] for p in found[1:2]]


def test_white_space_in_the_text_matches_any_white_space() -> None:
    [position] = find(BLOCKS, "Kamenev's dispatch")
    assert BLOCKS[1].text[position.start : position.end] == "Kamenev's   dispatch"
    [position] = find(BLOCKS, "Kamenevs and Kamenev's")
    assert position.block == 1


def test_a_snippet_of_context_picks_the_occurrence() -> None:
    [position] = find(BLOCKS, "Kamenev", context="S. S. Kamenev")
    assert Occurrences(BLOCKS).number("Kamenev", position) == 4
    assert find(BLOCKS, "Kamenev", 2, context="S. S. Kamenev") == []
    assert find(BLOCKS, "Kamenev", context="L. B. Kamenev") == []


def test_an_occurrence_past_the_last_finds_nothing() -> None:
    assert find(BLOCKS, "Kamenev", 5) == []
    assert find(BLOCKS, "Zinoviev") == []


WORDS = st.sampled_from(["Lenin", "Lvov", "Lvov region", "Kamenev", "the", "Крым", "Крыму", "1920"])


@given(st.lists(st.lists(WORDS, min_size=1, max_size=12), min_size=1, max_size=4), WORDS)
def test_a_found_mention_is_found_again_by_its_occurrence(paragraphs: list[list[str]], text: str) -> None:
    blocks = [Block("p", " ".join(words)) for words in paragraphs]
    for position in occurrences(blocks, text):
        number = Occurrences(blocks).number(text, position)
        assert find(blocks, text, number) == [position]
        assert blocks[position.block].text[position.start : position.end] == text
    assert Occurrences(blocks).number(text, Position(len(blocks), 0, 1)) == 0
