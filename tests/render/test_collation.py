"""Collation by tokens: normalisation, and the anchored longest common subsequence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.render import render_html
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


PARAGRAPH = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff<>&"),
        min_size=1,
        max_size=40,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=40, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5), st.lists(PARAGRAPH, min_size=1, max_size=5))
def test_the_witness_view_keeps_every_character_of_both_witnesses(left: list[str], right: list[str]) -> None:
    def division(n: int, paragraphs: list[str]) -> str:
        return f'<div type="transcription" n="{n}">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"

    source = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
        f"<text><body>{division(1, left)}{division(2, right)}</body></text></TEI>"
    )
    page = render_html(etree.fromstring(source.encode("utf-8")), "both", "t")
    view = etree.fromstring(page.split(b"\n", 1)[1]).xpath("//section[@id='witnesses']")[0]
    for column, paragraphs in ((1, left), (2, right)):
        cells = view.xpath(f".//tbody/tr/td[{column}][not(@class='absent')]")
        assert ["".join(cell.itertext()) for cell in cells] == paragraphs
