"""The look-aheads that open some date rules only speed their search: without one, a rule finds the same matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.enrichers.dates.english import MONTH_NUMBERS, ORDINAL_WORDS
from tei_encode.enrichers.dates.enricher import RULES
from tei_encode.lexicon import CASE_ALIKE

from .lookaheads import without_lookahead

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("tests/heldout*/documents/*.txt"))


OPENED = [rule.pattern for rule in RULES if rule.pattern.pattern.startswith("(?=")]
PLAIN = [without_lookahead(pattern) for pattern in OPENED]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_rules_of_the_three_kinds_open_with_look_aheads() -> None:
    assert len(OPENED) >= 20
    assert all(plain.pattern and not plain.pattern.startswith("(?=") for plain in PLAIN)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_same_matches_on_the_corpus_and_held_out_documents(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    for opened, plain in zip(OPENED, PLAIN, strict=True):
        assert _matches(opened, text) == _matches(plain, text), opened.pattern[:80]


# Words of dates, in any case, and with their first letter replaced by each letter that case-insensitive matching
# takes for another (``ſecond``), in the phrases the rules read.
WORDS = [*MONTH_NUMBERS, *ORDINAL_WORDS, "early", "mid", "late", "beginning", "middle", "end", "last", "3rd", "24"]
FORMS = sorted(
    {form for word in WORDS for form in (word, word.lower(), word.upper(), *(c + word[1:] for c in CASE_ALIKE))}
)
PHRASES = (
    "{0} of {1} 1917",
    "{0} {1} 1917",
    "{0}-{1}",
    "{1} {0}, 1917",
    "[{1}] {0}",
    "{0} half of {1}",
    "{0} ten days of {1}",
)
TEXTS = [phrase.format(form, month) for form in FORMS for phrase in PHRASES for month in ("May", "SEPT.")]


def test_same_matches_on_the_phrases_of_dates() -> None:
    text = "\n".join(TEXTS)
    for opened, plain in zip(OPENED, PLAIN, strict=True):
        assert _matches(opened, text) == _matches(plain, text), opened.pattern[:80]


PIECES = st.one_of(
    st.sampled_from(FORMS),
    st.sampled_from(["of", "the", "half", "ten days", "decade", "I", "IX", "г.", "года", "января", "1917", "12"]),
    st.text(alphabet=CASE_ALIKE + "Kſ0123456789 -–/.,[]()\"'\n\tIVXabcdefghijklmnopqrstuvwxyz", max_size=4),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map(" ".join))
def test_same_matches_on_any_text(text: str) -> None:
    for opened, plain in zip(OPENED, PLAIN, strict=True):
        assert _matches(opened, text) == _matches(plain, text), opened.pattern[:80]
