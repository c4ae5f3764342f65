"""Pages of a book of documents: a page cut where one document closes and a heading of another kind opens, never
at a document's postscript, enclosure, quotation or editors' note (``readers/letters.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.readers.chrome import drop_chrome
from tei_encode.readers.letters import LettersReader

from .pages import read, texts

# A book's page: the end of a directive (its signatures), a report under its heading, a directive under the
# report's last sentence.
SERIES = """Книга документов — страница 5 из 28

П. ПЕТРОВ,

С. СИДОРОВ

УТРЕННЕЕ СООБЩЕНИЕ ИНФОРМБЮРО

3 октября 1941 года

В течение ночи наши войска вели бои с противником на всём фронте и отбили две атаки.

ПРИКАЗ ШТАБА № 0042командующим армиями,командирам дивизий3 октября 1941 года

Опыт боёв показал, что связь между частями налажена плохо и требует немедленного исправления.
"""
SERIES_HEADINGS = ["П. ПЕТРОВ,", "УТРЕННЕЕ СООБЩЕНИЕ ИНФОРМБЮРО", "ПРИКАЗ ШТАБА № 0042"]

# One document each: an enclosure under a stamp and a date, a document quoted under a colon, one the letter
# announces, a postscript, a numbered heading under the date of the letter.
ONE_DOCUMENT = {
    "enclosure-under-its-head": (
        "Спецсообщение П. П. Петрова\n\nНаправляю Вам копию донесения из Минска и прошу решения по нему.\n\n"
        "Петров\n\nСЕКРЕТНО\n\nМинск\n\n18 сентября 1938 г.\n\nМЕМОРАНДУМ № 43074\n\n"
        "Операция по приказу закончена в срок, и все отчёты отправлены в центр сегодня.\n"
    ),
    "quoted-under-a-colon": (
        "Письмо Петрову\n\nТов. Петров! Сообщаю Вам, что вчера был получен и разослан следующий текст:\n\n"
        "ПРИКАЗ № 15\n\nВсем частям немедленно прекратить отступление и занять оборону на рубеже реки.\n\n"
        "С приветом Сидоров\n"
    ),
    "announced-enclosure": (
        "Записка Петрову\n\nНаправляю Вам копию телеграммы, полученной сегодня от командующего фронтом.\n\n"
        "ТЕЛЕГРАММА № 7384\n\nПрошу срочно прислать подкрепление на участок армии, где противник прорвался.\n"
    ),
    "postscript": (
        "Письмо Петрову\n\nДорогой друг! Письмо твоё получил и очень рад, что ты здоров и работаешь.\n\n"
        "Сидоров\n\nP.S. СООБЩЕНИЕ о съезде пришлю завтра, когда его напечатают в газете.\n"
    ),
    "stamp-over-a-telegram": (
        "Письмо Петрову\n\nДорогой друг! Посылаю тебе текст, который мы получили вчера вечером из Минска.\n\n"
        "СЕКРЕТНО\n\nТЕЛЕГРАММА № 5\n\nПрошу срочно сообщить о положении дел в губернии и о запасах хлеба.\n"
    ),
}


def test_a_page_of_documents_of_several_kinds_is_cut_at_each() -> None:
    name, documents = read(drop_chrome(SERIES, Reporter("page.txt")))
    assert name == "letters"
    assert [d.title.text.split("\n")[0][: len(h)] for d, h in zip(documents, SERIES_HEADINGS, strict=True)] == (
        SERIES_HEADINGS
    )
    assert "отбили две атаки." in texts(documents[1]) and "требует немедленного" in texts(documents[2])


def test_a_byline_over_a_heading_is_no_document_of_its_own() -> None:
    page = (
        "П. ПЕТРОВ\n\nСООБЩЕНИЕ ИНФОРМБЮРО\n\nНаши войска вели бои с противником на всём фронте весь день.\n\n"
        "С. СИДОРОВ\n\nПРИКАЗ ШТАБА № 7\n\nВсем частям занять оборону на рубеже реки и ждать приказа.\n"
    )
    _, documents = read(page)
    assert [d.title.text for d in documents] == ["СООБЩЕНИЕ ИНФОРМБЮРО", "ПРИКАЗ ШТАБА № 7"]


@pytest.mark.parametrize("case", ONE_DOCUMENT, ids=list(ONE_DOCUMENT))
def test_a_document_is_not_cut_at_what_it_encloses_or_quotes(case: str) -> None:
    _, documents = read(ONE_DOCUMENT[case])
    assert len(documents) == 1


# The parts of a generated page: documents' headings, their text, what a document holds and must keep (a
# postscript, an enclosure, a quotation, an editors' note), and a site's lines around them.
HEADINGS = st.sampled_from(
    [
        "ВЕЧЕРНЕЕ СООБЩЕНИЕ ИНФОРМБЮРО",
        "ДИРЕКТИВА СТАВКИ № 001919",
        "ПРИКАЗ № 227командующим фронтами",
        "Письмо К.Е. Ворошилову 24 сентября 1931 года",
        "DIRECTIVE No. 12 TO THE FRONTS",
        "Letter to Comrade Orlov",
    ]
)
SENTENCES = st.sampled_from(
    [
        "Наши войска вели упорные бои с противником на всём фронте весь день.",
        "Прошу прислать мне отчёт комиссии о работе складов сегодня же.",
        "The troops held the line along the river for the whole of the day.",
        "Направляю Вам копию директивы, полученной сегодня утром из штаба.",
    ]
)
INSIDE = st.sampled_from(
    [
        "P.S. Отчёт пришлю завтра.",
        "Приложение № 1",
        "Текст приказа такой:",
        "СЕКРЕТНО",
        "[Примечание редакции: текст печатается по копии.]",
        "12 сентября 1941 года",
        "РГАСПИ. Ф. 558. Оп. 11. Д. 81. Л. 79.",
    ]
)
# Any short text among the documents, less the characters of inline markup (``*italic*``, ``~~deleted~~``,
# ``^{added}``): those become spans of the blocks, not words, and are tested with the blocks.
ANY_TEXT = st.text(alphabet=st.characters(exclude_characters="*~^{}"), max_size=12)
CLOSES = st.sampled_from(["И. СТАЛИН", "Б. ШАПОШНИКОВ", "С приветом Петров", "J. Stalin", "-----"])
AROUND = st.sampled_from(
    [
        "Опубликовано на сайте: 2020-11-18",
        "© 2005-2024 Library",
        "Главная » Документы » Том 3",
        "Page 3 of 18",
        "LETTERS.RU Письма и документы",
        "Просмотров: 1234",
        "Поделиться",
        "Документы\nПубликации\nО проекте\nКонтакты",
        "",
    ]
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page of documents of the shapes above, in any order, with any text among them."""
    parts = draw(st.lists(AROUND, max_size=3))
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(HEADINGS))
        parts += draw(st.lists(st.one_of(SENTENCES, INSIDE, ANY_TEXT), min_size=1, max_size=5))
        parts += draw(st.lists(CLOSES, max_size=2))
    parts += draw(st.lists(AROUND, max_size=2))
    return "\n\n".join(parts)


@settings(max_examples=300, deadline=None)
@given(pages())
def test_any_page_of_documents_keeps_every_word_and_every_sentence_whole(page: str) -> None:
    reporter = Reporter("page.txt")
    kept = drop_chrome(page, reporter)
    pairs = list(zip(kept.split("\n"), page.split("\n"), strict=True))  # chrome blanked, no line added or moved
    assert all(line in (original, "") for line, original in pairs)
    dropped = {d.line for d in reporter.diagnostics if d.code == "site-chrome-dropped"}
    assert dropped == {n for n, (line, original) in enumerate(pairs, start=1) if line != original}
    reader = LettersReader()
    documents = reader.read(kept, "page.txt", reporter) if reader.detect(kept) else []
    if not documents:
        return
    parts = ["\n".join([d.title.text, *(b.text for b in d.fields.values()), texts(d)]) for d in documents]
    assert sorted(" ".join(parts).split()) == sorted(kept.split())
    for line in kept.split("\n"):  # a sentence of a document is never cut between two of them
        if line.strip() and len(line.split()) > 6:
            assert sum(line.strip() in part for part in parts) >= 1, line


@st.composite
def series(draw: st.DrawFn) -> tuple[str, int]:
    """A page of documents each under a heading of its kind in capitals and closed by signatures, holding
    postscripts, stamps, notes and dates that open no document, and how many documents it holds."""
    count = draw(st.integers(1, 4))
    parts: list[str] = []
    for _ in range(count):
        parts.append(draw(st.sampled_from(["ВЕЧЕРНЕЕ СООБЩЕНИЕ ИНФОРМБЮРО", "ДИРЕКТИВА СТАВКИ № 001919"])))
        parts += draw(st.lists(st.one_of(SENTENCES.filter(lambda s: "копию" not in s), INSIDE), min_size=1, max_size=4))
        parts.append(draw(SENTENCES.filter(lambda s: "копию" not in s)))
        parts += draw(st.lists(st.sampled_from(["И. СТАЛИН,", "Б. ШАПОШНИКОВ"]), min_size=1, max_size=2))
    return "\n\n".join(parts), count


@settings(max_examples=200, deadline=None)
@given(series())
def test_a_page_of_documents_gives_each_of_them(page_and_count: tuple[str, int]) -> None:
    page, count = page_and_count
    documents = LettersReader().read(page, "page.txt", Reporter("page.txt"))
    assert len(documents) == count


# Letters headed by their writers and addressees, undated: the addressees in the dative or named with initials.
CORRESPONDENTS = """Петров — Сидорову

Дорогой друг! Посылаю тебе отчёт комиссии и прошу ответить сегодня же, не откладывая.

П. Петров

Сидоров, Орлов — Петрову

Отчёт получили. Ответим после заседания комиссии в понедельник, когда будут все цифры.

С. Сидоров

P. P. Petrov - S. S. Sidorov

Your report came today and I answer it at once, before the meeting of the commission.

P. Petrov

SIDOROV TO PETROV

Your answer came too late for the meeting, which had already ended when we read it.

S. Sidorov

To Peter Petrov

The commission meets again on Monday, and your report will be read out to it first.

S. Sidorov
"""


def test_letters_headed_by_writers_and_addressees_are_cut_at_each() -> None:
    name, documents = read(CORRESPONDENTS)
    assert name == "letters"
    assert [d.title.text for d in documents] == [
        "Петров — Сидорову",
        "Сидоров, Орлов — Петрову",
        "P. P. Petrov - S. S. Sidorov",
        "SIDOROV TO PETROV",
        "To Peter Petrov",
    ]


@pytest.mark.parametrize(
    "line", ["Translation - English", "Москва — Кремль", "Stalin - Molotov", "Translation to English", "To Moscow"]
)
def test_a_pair_of_words_that_names_no_addressee_opens_no_letter(line: str) -> None:
    page = (
        "Письмо Сидорову\n\nДорогой друг! Посылаю тебе отчёт комиссии и прошу ответить сегодня же.\n\n"
        f"П. Петров\n\n{line}\n\nОтчёт получили, ответим после заседания комиссии в понедельник.\n"
    )
    assert len(read(page)[1]) == 1


# Documents of a book, each with the archive's citation under its text.
CITED = """ПОСТАНОВЛЕНИЕ ПОЛИТБЮРО ЦК ВКП(б)

Утвердить предложение комиссии о порядке заготовок хлеба в Поволжье на будущий год.

РГАСПИ. Ф. 17. Оп. 3. Д. 5. Л. 1. Подлинник.

СООБЩЕНИЕ ТАСС

Сегодня в Москве открылся съезд, на котором присутствуют делегаты от всех республик.

РГАСПИ. Ф. 17. Оп. 3. Д. 6. Л. 2. Копия.

Приложение № 1 к пункту 40 протокола № 98

Текст приложения к постановлению печатается здесь по копии, хранящейся в архиве.
"""
# The archive's citation over the text, then a heading of a document's kind: one document.
CITED_ABOVE = """Петров — Сидорову

РГАСПИ. Ф. 17. Оп. 3. Д. 5. Л. 1. Подлинник.

ШИФРОТЕЛЕГРАММА

Прошу срочно сообщить о положении дел в губернии и о запасах хлеба на складах.
"""


def test_documents_are_cut_under_the_archives_citation_but_not_at_an_enclosure() -> None:
    _, documents = read(CITED)
    assert [d.title.text for d in documents] == ["ПОСТАНОВЛЕНИЕ ПОЛИТБЮРО ЦК ВКП(б)", "СООБЩЕНИЕ ТАСС"]
    assert "Текст приложения" in texts(documents[1])


def test_a_citation_over_the_text_closes_nothing() -> None:
    assert len(read(CITED_ABOVE)[1]) == 1
