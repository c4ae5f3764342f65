"""Lines told by their shape whatever spaces a web page put in them (``readers/layout.py``'s ``plain_spaces``):
no-break spaces, tabs, indents and trailing spaces change neither the chrome dropped nor where letters start, and the
text keeps its own spaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.readers.chrome import drop_chrome
from tei_encode.readers.layout import plain_spaces
from tei_encode.readers.letters import LettersReader

from .test_letter_starts import GREETED, PAIRS
from .test_letters_pages import SHAPES

NBSP = "\u00a0"


def dropped(text: str) -> list[int]:
    reporter = Reporter("page.txt")
    drop_chrome(text, reporter)
    return [d.line for d in reporter.diagnostics]


def test_fixed_spaces_become_plain_one_for_one() -> None:
    text = f"a{NBSP}b\tc\u202fd\u2007e\u3000f"
    assert plain_spaces(text) == "a b c d e f" and len(plain_spaces(text)) == len(text)


def test_chrome_with_no_break_spaces_is_dropped_and_the_text_keeps_them() -> None:
    text = f"Skip{NBSP}to{NBSP}content\n\nLetter{NBSP}to Sidorov\n\nThe letter's first sentence is long enough.\n"
    reporter = Reporter("page.txt")
    kept = drop_chrome(text, reporter)
    assert [d.line for d in reporter.diagnostics] == [1]
    assert kept == "\n" + text.split("\n", 1)[1]


def test_indented_chrome_and_a_wiki_table_with_trailing_spaces_are_dropped() -> None:
    assert dropped("    Skip to content\n\nThe letter's first sentence is long enough to be a sentence.\n") == [1]
    table = "Category | Template | Form |  \nText | Text | Text |  \n"
    assert dropped(table + "The letter's first sentence is long enough to be a sentence.\n") == [1, 2]


def test_letters_are_cut_alike_with_no_break_spaces_and_keep_them() -> None:
    for page in (PAIRS, GREETED):
        spaced = page.replace(" ", NBSP)
        documents = LettersReader().read(spaced, "page.txt", Reporter("page.txt"))
        plain = LettersReader().read(page, "page.txt", Reporter("page.txt"))
        assert [d.title.text.replace(NBSP, " ") for d in documents] == [d.title.text for d in plain]
        assert NBSP in documents[-1].title.text


SPACES = st.sampled_from([" ", NBSP, "\t", "\u202f"])  # one for one: a run of spaces is another text


@settings(max_examples=200, deadline=None)
@given(st.lists(SHAPES, max_size=20), st.lists(SPACES, min_size=1, max_size=5), st.sampled_from(["", "  "]))
def test_any_page_loses_the_same_chrome_whatever_its_spaces(parts: list[str], spaces: list[str], indent: str) -> None:
    text = "\n".join(parts)
    respaced = "\n".join(
        indent + "".join(ch if ch != " " else spaces[k % len(spaces)] for k, ch in enumerate(line)) + " "
        for line in parts
    )
    assert dropped(respaced) == dropped(text)
    reader = LettersReader()
    assert reader.detect(respaced) == reader.detect(text)
