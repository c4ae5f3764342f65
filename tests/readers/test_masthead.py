"""A page's masthead over its date of publication, and the web's copyright lines (``readers/masthead.py``)."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.readers.chrome import drop_chrome

MASTHEAD = {
    "library-site": (
        "Письма о войне и мире\n\n"
        "История, мемуары. Статьи, заметки, очерки, исследования. Книги по истории.\n\n"
        "ИСТОРИЯ: новое (2023)\n\nМеню для читателей\n"
        "Читать даром! Книга на тему Письма о войне и мире. Читатели: историки, студенты. Minsk, Belarus.\n\n"
        "Разместил:\nРазмещено на сайте: 2019-03-04\nИсточник: Исторический архив, № 3, 1995\n\n"
        "Письмо Н. Н. Петрова И. И. Сидорову от 3 мая 1920 г. о положении дел в губернии.\n",
        {
            3: "site header",
            5: "site header",
            7: "site header",
            8: "site header",
            10: "site header",
            11: "publication line",
        },
    ),
    "book-site": (
        "120 000 книг, 8 000 авторов.\n\nБиблиотека » Петров » Том 3\nТом 3\n"
        "  • Книга добавлена: 3 марта 2014, 11:05\n\n"
        "Дорогой товарищ, Ваше письмо от 3 мая я получил и сразу ответил на него телеграммой.\n",
        {1: "site header", 3: "breadcrumb", 4: "page name", 5: "publication line"},
    ),
    "file-site": (
        "Загрузил:\nГруппа:\nЗагружен:\n12.04.2021\n\n"
        "Письмо Сидорову\n\nПервая фраза письма достаточно длинна, чтобы быть предложением.\n",
        {1: "site header", 2: "site header", 3: "site header", 4: "publication line"},
    ),
    "english-blog": (
        "Letters of the Revolution\n\nHome Archive About Contact\nPosted: May 3, 2019 at 10:15\n\n"
        "Dear comrade, your letter of the third came yesterday and I answer it at once.\n",
        {3: "menu bar", 4: "publication line"},
    ),
    "site-name": (
        "LETTERS.RU Письма и документы - архив EPISTOLA.RU! Новости\n\nПисьмо Сидорову\n\n"
        "Дорогой товарищ, Ваше письмо от 3 мая я получил и сразу ответил на него телеграммой.\n",
        {1: "site name"},
    ),
    "collection-names": (
        "Альманах Россия XX век\n\nАрхив Петра П. Петрова\n\nВОССТАНИЕ 1956 г.\nДокумент №7\n\n"
        "Протокольная запись заседания\n\n"
        "Зачитывается информация товарищей из Будапешта, и решение принимается единогласно.\n",
        {1: "site name", 3: "site name"},
    ),
    "collection-under-a-search-box": (
        "Search in\n\nDigital Archive International History Declassified\n\nNovember 04, 1962\n\n"
        "Today talks were conducted between the delegations in the presence of the ambassador.\n",
        {1: "search box", 3: "site name"},
    ),
    "vertical-menu": (
        "Письма эпохи\nПубликации\nДокументы\nАрхив\nКарты и схемы\nО проекте\n\nПисьмо Сидорову\n\n"
        "Дорогой товарищ, Ваше письмо от 3 мая я получил и сразу ответил на него телеграммой.\n",
        {1: "menu", 2: "menu", 3: "menu", 4: "menu", 5: "menu", 6: "menu"},
    ),
    "tagline": (
        "Письма. Записки. Телеграммы. Краткие биографии\n\nПисьмо Сидорову\n\n"
        "Дорогой товарищ, Ваше письмо от 3 мая я получил и сразу ответил на него телеграммой.\n",
        {1: "site tagline"},
    ),
    "book-record": (
        "Автор книги: Пётр Петров\nЖанр:\nИстория\nВозрастные ограничения: +16\n\nПисьмо Сидорову\n\n"
        "Дорогой товарищ, Ваше письмо от 3 мая я получил и сразу ответил на него телеграммой.\n",
        {1: "book record", 2: "book record", 3: "book record", 4: "book record"},
    ),
    "wiki": (
        "Letter to Sidorov, March 8, 1933\n\nFrom Letters-en\nJump to navigation Jump to search\n\n"
        "Dear Friend, there is little news from you and we hope nothing unfortunate has happened.\n",
        {3: "wiki tagline", 4: "skip link"},
    ),
    "copyright": (
        "Letter to Sidorov\n\nThe letter's first sentence is long enough to be a sentence.\n\n"
        "© 2005-2024 Library of Letters\nCopyright 2019 Letters Online. All rights reserved.\n",
        {5: "copyright line", 6: "copyright line"},
    ),
}
NOT_MASTHEAD = [
    # a date of the web's years between the document's sentences is the document's
    "Letter to Sidorov\n\nThe letter's first sentence is long enough to be a sentence.\n\nPosted: 2020-11-18\n\n"
    "The letter's second sentence is long enough to be a sentence.\n",
    # a date of the document's own time after a label is the document's
    "Опубликовано: 7 октября 1916 г.\n\nПисьмо Петрову\n\nТекст письма достаточно длинный, чтобы быть предложением.\n",
    # a heading opening with an archive's name in capitals, with figures, or further down is the document's
    "АРХИВ ПРЕЗИДЕНТА РФ\nФонд 3\n\nТекст письма достаточно длинный, чтобы быть предложением.\n",
    "Архив Президента РФ, фонд 3\n\nТекст письма достаточно длинный, чтобы быть предложением.\n",
    "Письмо\nСидорову\nКопия\nАрхив Петрова\n\nТекст письма достаточно длинный, чтобы быть предложением.\n",
    # a date alone under no label
    "2019-05-20\n\nLetter to Sidorov\n\nThe letter's first sentence is long enough to be a sentence.\n",
    # an edition's copyright of its time, and a copyright in a sentence of the text
    "Copyright by the Archive Berlin 1924\n\nThe letter's first sentence is long enough to be a sentence.\n",
    "The Letters\n\nThe letter's first sentence is long enough to be a sentence.\n\nAll rights reserved.\n",
    "Letter\n\nWe spoke of the copyright of 2005 for the new edition of his letters, which the press has.\n",
    # a link or a sentence naming a site is the document's
    "Source: https://example.org/letters/12\n\nThe letter's first sentence is long enough to be a sentence.\n",
    "Published at example.org.\n\nThe letter's first sentence is long enough to be a sentence.\n",
    # a telegram of short clauses, alone or over a letter, and stamps with stops
    "Телеграмма Петрову\n\nПолучил. Согласен. Выезжаю.\n\nЛенин\n",
    "Получил. Согласен. Выезжаю. Ленин.\n",
    # a publication line under a short text with no sentence below: the text is all the document there is
    "Письмо\n\nПолучил. Согласен. Выезжаю завтра. Ваш Л.\n\nОпубликовано: 2020-11-18\n",
    "Секретно. Особая папка. Срочно. Лично.\n\nТекст письма достаточно длинный, чтобы быть предложением.\n",
    # those present or the addressees, listed under the document's heading
    "Протокол № 5\n\nПрисутствовали:\nСталин\nМолотов\nКаганович\nВорошилов\n\n"
    "Слушали доклад товарища Молотова о хлебозаготовках в Поволжье.\n",
    "Записка\nРазослать\nМолотову\nКагановичу\nВорошилову\nКалинину\n\nТекст записки достаточно длинный для этого.\n",
    # a book's fields below the document's first sentence are the document's (a bibliography)
    "Письмо Сидорову\n\nДорогой товарищ, Ваше письмо от 3 мая я получил и сразу ответил на него.\n\nЖанр: письмо\n",
    # a list of names at the top may be the document's too
    "Ленин\nСталин\nТроцкий\nБухарин\n\nПереписка вождей публикуется здесь по изданию, указанному ниже.\n",
    # three short lines, or a chancery head in capitals and with stops, are no menu
    "Москва\nКремль\nТоварищу Сталину\n\nТекст письма достаточно длинный, чтобы быть предложением.\n",
    "СЕКРЕТНО\nЭкз. № 1\nЦК ВКП\nТоварищу Сталину\nЛично\n\nТекст письма достаточно длинный, чтобы быть им.\n",
]


@pytest.mark.parametrize("case", MASTHEAD, ids=list(MASTHEAD))
def test_the_masthead_over_a_date_of_publication_is_the_sites(case: str) -> None:
    text, wanted = MASTHEAD[case]
    reporter = Reporter("page.txt")
    kept = drop_chrome(text, reporter).split("\n")
    assert {d.line: d.message.split(" dropped")[0] for d in reporter.diagnostics} == wanted
    lines = text.split("\n")
    assert [n for n, line in enumerate(lines, start=1) if line.strip() and not kept[n - 1].strip()] == sorted(wanted)


def test_the_pages_first_line_stays_its_title() -> None:
    text = MASTHEAD["library-site"][0]
    assert drop_chrome(text, Reporter("page.txt")).split("\n")[0] == "Письма о войне и мире"


@pytest.mark.parametrize("text", NOT_MASTHEAD, ids=range(len(NOT_MASTHEAD)))
def test_dates_and_copyrights_of_the_document_are_kept(text: str) -> None:
    reporter = Reporter("page.txt")
    assert drop_chrome(text, reporter) == text and not reporter.diagnostics
