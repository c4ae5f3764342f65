"""Pages of several letters copied as plain text: cut at numbers of one sequence or at named headings after a
signature; single letters stay whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.readers import reader_for
from tei_encode.readers.chrome import drop_chrome
from tei_encode.readers.letters import LettersReader

from .pages import read, texts

# A page of collected works without blank lines: numbers of the volume, a running head with the page number.
NUMBERED = """18
ПИСЬМО П. П. ИВАНОВУ
3. V. 1920 г.
Тов. Иванов! Прошу прислать мне отчёт комиссии о работе складов и сообщить, когда он будет готов.
С ком. приветом Петров
Впервые напечатано в 1930 г.
112 П. П. ПЕТРОВ
19 С. С. СИДОРОВУ
Тов. Сидоров! Посылаю Вам записку о складах и прошу ответить сегодня же.
"""

# Numbered extracts of letters in ordinary case, each with the archive line after its text.
NUMBERED_EXTRACTS = """12. Из письма Г. Е. Зиновьеву
Посылаю Вам статью и прошу напечатать её в ближайшем номере, если успеете до конца недели.
РГАСПИ. Ф. 2. Оп. 1. Д. 12. Л. 3.
13. Из письма Л. Б. Каменеву
Статью получил. Печатать её сейчас не будем, подождём решения комиссии.
РГАСПИ. Ф. 2. Оп. 1. Д. 13. Л. 1.
"""

# A page of collected works opening inside a letter: its end and editors' lines, then one numbered letter.
OPENS_INSIDE_NUMBERED = """и надо это сделать сегодня же, не откладывая до заседания комиссии в понедельник.
С ком. приветом Петров
Написано 3 мая 1920 г.
Печатается по рукописи
19
С. С. СИДОРОВУ
Тов. Сидоров! Посылаю Вам записку о складах и прошу ответить сегодня же.
"""

# One numbered letter, its editors' lines and footnote, and the running head of the next page.
HEAD_AFTER_NOTES = """18
ПИСЬМО П. П. ИВАНОВУ
Тов. Иванов! Прошу прислать мне отчёт комиссии о работе складов сегодня же.
С ком. приветом Петров
Печатается по рукописи
* Текст написан рукой Петрова. Ред.
62
П. П. ПЕТРОВ
"""

# A blog page of two letters in English, a dashed line and a note between them.
NAMED = """Letter to the Workers of the Mill

2 May 1931

Greetings to the workers of the mill on the day of its opening, and best wishes for the work ahead.

P. Petrov

Pravda No. 12, 1931

--------------
(Truth)

Letter to Comrade Orlov

9 May 1931

Thank you for the report of the commission.
"""

# Unsigned letters apart by a rule.
RULED = """Letter to the Editors of Pravda

2 May 1931

The editors are asked to print the enclosed statement of the commission in the next issue of the paper.

-----------

Note to Comrade Orlov

The statement was printed on the fourth of May, as the commission asked.
"""

# A page opening inside a letter, then a letter under a dated heading.
OPENS_INSIDE = """на складах. В начале года условия были одни, теперь они другие, и это надо учесть обязательно.
Привет!
И. Петров.
Письмо С.С. Сидорову 24 сентября 1931 года
Письмо получил. Ты прав, что мы не всегда учитываем значение поездок на места.
"""

# One letter under its heading; the heading names a letter, but nothing closes a letter before it.
SINGLE = """Письмо С.С. Сидорову 24 сентября 1931 года

Письмо получил. Ты прав, что мы не всегда учитываем значение поездок на места.

И. Петров.
"""

# A letter, its signature, and the editors' comment, whose first sentence names the letter.
COMMENTED = """Письмо С.С. Сидорову 24 сентября 1931 года

Письмо получил. Ты прав, что мы не всегда учитываем значение поездок на места.

И. Петров.

Письмо написано в ответ на записку Сидорова от 20 сентября.
"""

# Numbered lines that are no sequence of letters: a page number and a note number.
UNRELATED_NUMBERS = """ПИСЬМО С. С. СИДОРОВУ
Письмо получил. Ты прав, что мы не всегда учитываем значение поездок на места 12.
62
П. П. ПЕТРОВ
Учтём опыт твоей поездки и обсудим его на заседании комиссии в понедельник.
"""


def test_numbers_of_one_sequence_cut_the_page_and_a_running_head_does_not() -> None:
    name, documents = read(NUMBERED)
    assert name == "letters"
    assert [d.meta.number for d in documents] == ["18", "19"]
    assert [d.title.text for d in documents] == ["ПИСЬМО П. П. ИВАНОВУ", "С. С. СИДОРОВУ"]
    assert [
        (s.kind, d.fields["number"].text[s.start : s.end]) for d in documents for s in d.fields["number"].spans
    ] == [
        ("idno", "18"),
        ("idno", "19"),
    ]
    assert "112 П. П. ПЕТРОВ" in texts(documents[0]) and "Посылаю" in texts(documents[1])


def test_a_number_under_the_editors_lines_of_the_letter_the_page_opens_inside_cuts_it() -> None:
    name, documents = read(OPENS_INSIDE_NUMBERED)
    assert name == "letters"
    assert [(d.meta.number, d.title.text) for d in documents] == [
        ("", "и надо это сделать сегодня же, не откладывая до заседания комиссии в понедельник."),
        ("19", "С. С. СИДОРОВУ"),
    ]


def test_a_number_under_the_editors_note_of_a_translation_and_a_running_head_cuts_the_page() -> None:
    page = (
        "комитетам других партий, которые его судили.\n\nВаш П. Петров\n\nПослано из Парижа в Брюссель\n\n"
        "Впервые напечатано на французском языке в 1962 г.\n\nНа русском языке печатается\n\n"
        "впервые, по фотокопии с рукописи\n\nПеревод с французского\n\n"
        "206__________________________ П. П. ПЕТРОВ\n\n155 С. С. СИДОРОВУ\n\n"
        "Дорогой Марк! Будучи занят вчера статьей, я сделал ошибку в проекте письма.\n"
    )
    name, documents = read(page)
    assert name == "letters"
    assert [(d.meta.number, d.title.text) for d in documents] == [
        ("", "комитетам других партий, которые его судили."),
        ("155", "С. С. СИДОРОВУ"),
    ]


def test_a_number_under_the_archival_citation_of_the_document_the_page_opens_inside_cuts_it() -> None:
    page = (
        "О предстоящем процессе комитет информировал свои отделения в странах Европы.\n7 января 1972 года, № 40-А\n"
        "ЦХСД, ф. 89, оп. 37, д. 45, л. 2\n(копия).\n№28\nЗаписка П. Петрова в ЦК КПСС от 6 апреля 1972 года\n"
        "Считаем возможным принять это предложение и опубликовать текст рецензии.\n"
    )
    name, documents = read(page)
    assert name == "letters"
    assert [(d.meta.number, d.title.text) for d in documents] == [
        ("", "О предстоящем процессе комитет информировал свои отделения в странах Европы."),
        ("28", "Записка П. Петрова в ЦК КПСС от 6 апреля 1972 года"),
    ]


def test_numbered_extracts_in_ordinary_case_cut_the_page() -> None:
    name, documents = read(NUMBERED_EXTRACTS)
    assert name == "letters"
    assert [(d.meta.number, d.title.text) for d in documents] == [
        ("12", "Из письма Г. Е. Зиновьеву"),
        ("13", "Из письма Л. Б. Каменеву"),
    ]
    assert "Д. 12" in texts(documents[0]) and "Д. 13" in texts(documents[1])


def test_named_headings_after_a_signature_cut_the_page() -> None:
    name, documents = read(NAMED)
    assert name == "letters"
    assert [d.title.text for d in documents] == ["Letter to the Workers of the Mill", "Letter to Comrade Orlov"]
    assert [d.fields["date"].text for d in documents] == ["2 May 1931", "9 May 1931"]
    assert "(Truth)" in texts(documents[0]) and "Thank you" in texts(documents[1])


def test_a_rule_closes_an_unsigned_letter() -> None:
    name, documents = read(RULED)
    assert name == "letters"
    assert [d.title.text for d in documents] == ["Letter to the Editors of Pravda", "Note to Comrade Orlov"]
    assert "-----------" in texts(documents[0])


def test_the_end_of_a_letter_a_page_opens_inside_is_a_document() -> None:
    name, documents = read(OPENS_INSIDE)
    assert name == "letters"
    assert len(documents) == 2
    assert documents[0].title.text.startswith("на складах.") and "И. Петров." in texts(documents[0])
    assert documents[1].title.text == "Письмо С.С. Сидорову 24 сентября 1931 года"
    assert [d.id for d in documents] == ["page-01", "page-02"]


# The end of a letter signed with a name alone, then a letter under a heading naming writer and addressee.
SIGNED_WITH_A_NAME = """the matter can wait until the commission has met and reported to us on Monday.
Petrov.
Sidorov to Petrov October 2, 1933
Your letter came today. I agree with the commission.
"""


def test_a_name_alone_under_a_sentence_signs_a_letter() -> None:
    name, documents = read(SIGNED_WITH_A_NAME)
    assert name == "letters"
    assert [d.title.text for d in documents][1:] == ["Sidorov to Petrov October 2, 1933"]


def test_a_page_read_as_letters_by_name_gives_its_text_as_one_document() -> None:
    documents = LettersReader().read(SINGLE, "page.txt", Reporter("page.txt"))
    assert len(documents) == 1 and "Письмо получил." in texts(documents[0])


@pytest.mark.parametrize(
    "text",
    [SINGLE, COMMENTED, UNRELATED_NUMBERS, HEAD_AFTER_NOTES],
    ids=["one-letter", "commented", "numbers-of-no-sequence", "running-head-after-notes"],
)
def test_a_single_letter_is_not_this_readers(text: str) -> None:
    assert reader_for(text).name != "letters"


def test_every_line_is_kept() -> None:
    for text in (NUMBERED, NUMBERED_EXTRACTS, OPENS_INSIDE_NUMBERED, NAMED, RULED, OPENS_INSIDE):
        _, documents = read(text)
        kept = "\n".join("\n".join([d.title.text, *(b.text for b in d.fields.values()), texts(d)]) for d in documents)
        assert sorted(kept.split()) == sorted(text.split())


# The shapes the reader, the chrome rules and the page breaks look for, in any order, among any text.
SHAPES = st.sampled_from(
    [
        "452",
        "453",
        "№ 12.",
        "12. ИЗ ПИСЬМА А. Б. ВВВ",
        "ПИСЬМО К.Ф. СТАРОСТИНУ",
        "И. СТАЛИН",
        "J. Stalin",
        "Letter to Comrade Orlov",
        "Письмо К.Е. Ворошилову 24 сентября 1931 года",
        "284 В. И. ЛЕНИН",
        "62",
        "The text runs on as a sentence of some length does here.",
        "",
        "| a | a |",
        "|---|---|",
        "Template:Name",
        "Previous",
        "» » Page name",
        "Page name",
        "Page 3 of 18",
        "PDF",
        "網頁",
        "1 ... 3 4 5 ... 9",
        "[Page 12]",
        "11 January 1935",
        "ВЕЧЕРНЕЕ СООБЩЕНИЕ ИНФОРМБЮРО",
        "ДИРЕКТИВА СТАВКИ № 001919",
        "Б. ШАПОШНИКОВ,",
        "Каганович — Сталину",
        "РГАСПИ. Ф. 558. Оп. 11. Д. 81. Л. 79.",
        "Опубликовано: 2020-11-18",
        "Добавлен:",
        "07.05.2019",
        "Автор книги: П. Петров",
        "Жанр:",
        "[Закрыть]",
        "Kommentare",
        "Поделиться",
        "Home • Letters • About",
        "П.П.Петров С.С.Сидорову",
        "СЕКРЕТНО И ЛИЧНО ОТ ПРЕМЬЕРА П. ПЕТРОВА",
        "ПРЕЗИДЕНТУ г-ну С. СИДОРОВУ",
        "Отправлено 4 августа 1941 года",
        "Dear Mr. Kay:",
        "Дорогой товарищ!",
        "С искренним уважением П.Петров",
        "Sincerely yours,",
        "Впервые напечатано в 1924 г.",
        "в журнале",
        "К. ГЮИСМАНСУ",
        "Special pages :",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(SHAPES, st.text(max_size=20)), max_size=25))
def test_any_page_of_the_shapes_keeps_every_word(parts: list[str]) -> None:
    text = "\n".join(parts)
    reporter = Reporter("page.txt")
    kept = drop_chrome(text, reporter)
    pairs = list(zip(kept.split("\n"), text.split("\n"), strict=True))  # chrome blanked, no line added or moved
    assert all(line in (original, "") for line, original in pairs)
    assert len([1 for line, original in pairs if line != original]) == len(reporter.diagnostics)
    reader = LettersReader()
    if reader.detect(kept):
        documents = reader.read(kept, "page.txt", reporter)
        words = " ".join(" ".join([d.title.text, *(b.text for b in d.fields.values()), texts(d)]) for d in documents)
        assert sorted(words.split()) == sorted(kept.split())
