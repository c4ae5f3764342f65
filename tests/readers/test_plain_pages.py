"""The plain reader on pages copied without blank lines: a title line, not the whole text, and a date line."""

from __future__ import annotations

from tei_encode.diagnostics import Reporter
from tei_encode.readers import READERS

RUN_ON = """March 3, 1950
Report to the Committee on the Harvest
This document was made possible with support from a foundation
The harvest was gathered in time in every district but two.
The committee is asked to send seed to the two districts.
Petrov
"""


def test_a_page_without_blank_lines_has_a_title_line_and_a_paragraph_a_line() -> None:
    [document] = READERS["plain"].read(RUN_ON, "page.txt", Reporter("page.txt"))
    assert document.title.text == "Report to the Committee on the Harvest"
    assert document.fields["date"].text == "March 3, 1950"
    [text] = document.divisions
    assert [b.text for b in text.blocks] == RUN_ON.splitlines()[2:]


def test_a_short_first_chunk_is_the_title_as_before() -> None:
    text = "A Note\non the Harvest\n\nThe harvest was gathered.\nIn time.\n"
    [document] = READERS["plain"].read(text, "note.txt", Reporter("note.txt"))
    assert document.title.text == "A Note\non the Harvest"
    assert [b.text for b in document.divisions[0].blocks] == ["The harvest was gathered.\nIn time."]
