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


def test_a_page_of_one_letter_keeps_the_letter_beside_its_index(tmp_path: Path) -> None:
    """A page whose header makes it a collection of one letter: its index may not take the letter's file name."""
    from click.testing import CliRunner

    from tei_encode.cli import main

    source = tmp_path / "letter.txt"
    source.write_text(
        "A. N. Author\n\nTO A FRIEND\n\n\nWritten: Written at the beginning of March 1912\n"
        "Source: Collected Works, Volume 9, page 12.\n\n\nDear friend,\n\n"
        "The parcel came today and the books in it are welcome.\n\nYours,\nA. Author\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "--no-register"])
    assert result.exit_code in (0, 1), result.output
    files = sorted(out.glob("*.xml"))
    assert len(files) == len({f.name for f in files}) and files, result.output
    assert result.output.count(" -> ") == len(files)  # no file written twice
    assert words_lost(source, files) == Counter()
