"""The word-loss check of the build and regression tests counts: every occurrence lost shows, the bar's excepted."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .conftest import navigation_words, words_lost

TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>{}</p></body></text></TEI>'


def test_losing_one_of_two_occurrences_of_a_name_is_a_loss(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    page = "Marx-Engels |  Lenin  | Stalin |  Home Page\nLenin wrote to Stalin. Lenin left.\n"
    source.write_text(page, encoding="utf-8")
    tei = tmp_path / "page.xml"
    tei.write_text(TEI.format("Lenin wrote to Stalin. left."), encoding="utf-8")
    lost = words_lost(source, [tei])
    assert lost == Counter({"lenin": 2, "marx": 1, "engels": 1, "stalin": 1, "home": 1, "page": 1})
    assert lost - navigation_words(source) == Counter({"lenin": 1})


def test_a_source_without_a_navigation_bar_may_lose_nothing(tmp_path: Path) -> None:
    source = tmp_path / "cable.txt"
    source.write_text("Home Page of the embassy.\n", encoding="utf-8")
    assert navigation_words(source) == Counter()
