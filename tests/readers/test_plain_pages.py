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


CHANCERY = """Совершенно секретно

Особая папка

N П 12/IV

Т.т. Петрову, Сидорову

Выписка из протокола N 12 заседания Политбюро

Согласиться с соображениями, изложенными в записке.
"""


def test_the_head_of_a_chancery_document_stays_above_its_heading_in_the_text() -> None:
    [document] = READERS["plain"].read(CHANCERY, "extract.txt", Reporter("extract.txt"))
    assert document.title.text == "Выписка из протокола N 12 заседания Политбюро"
    assert [b.text for b in document.divisions[0].blocks][:4] == [
        "Совершенно секретно",
        "Особая папка",
        "N П 12/IV",
        "Т.т. Петрову, Сидорову",
    ]


def test_a_stamp_over_the_text_itself_stays_the_title() -> None:
    text = "Secret\n\n" + "The harvest was gathered in time in every district but two, and the rest. " * 3 + "\n"
    [document] = READERS["plain"].read(text, "note.txt", Reporter("note.txt"))
    assert document.title.text == "Secret"


def test_the_end_of_a_text_cut_off_above_is_no_title() -> None:
    text = (
        "12-14; obtained by the project;\ntranslation by P. Petrov.]\nTranscript of a Conversation\n"
        "A: Ask him, perhaps he will tell us more.\n"
    )
    [document] = READERS["plain"].read(text, "bulletin.txt", Reporter("bulletin.txt"))
    assert document.title.text == "Transcript of a Conversation"
    assert [b.text for b in document.divisions[0].blocks][:2] == [
        "12-14; obtained by the project;",
        "translation by P. Petrov.]",
    ]


def test_the_number_of_a_letter_in_its_volume_over_its_heading() -> None:
    text = "83\nЭНГЕЛЬС – МАРКСУ [12]12\n  Письмо впервые опубликовано в 1913 г.\n\nДорогой Маркс!\n"
    [document] = READERS["plain"].read(text, "letter.txt", Reporter("letter.txt"))
    assert (document.fields["number"].text, document.meta.number) == ("83", "83")
    assert [s.kind for s in document.fields["number"].spans] == ["idno"]
    assert document.title.text == "ЭНГЕЛЬС – МАРКСУ [12]12"
    assert [b.text for b in document.divisions[0].blocks] == ["Письмо впервые опубликовано в 1913 г.", "Дорогой Маркс!"]
    apart = "114\n\nTELEGRAM TO P. PETROV\n\nThe text of the telegram.\n"
    [document] = READERS["plain"].read(apart, "telegram.txt", Reporter("telegram.txt"))
    assert (document.fields["number"].text, document.title.text) == ("114", "TELEGRAM TO P. PETROV")
    frus = "81. Telegram From the Embassy in Moscow to the Department of State\n\n3503. The text.\n"
    [document] = READERS["plain"].read(frus, "telegram.txt", Reporter("telegram.txt"))
    assert (document.fields["number"].text, document.title.text) == (
        "81.",
        "Telegram From the Embassy in Moscow to the Department of State",
    )
    for year_first in (
        "1919\nПисьмо Горькому\n\nТекст.\n",
        "1919\n\nПисьмо Горькому\n\nТекст.\n",
        "1919. Letters of the Year\n\nText.\n",
    ):
        [document] = READERS["plain"].read(year_first, "letter.txt", Reporter("letter.txt"))
        assert "number" not in document.fields
