"""A site's widgets above a page's first sentence and below its last (``readers/widgets.py``)."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.readers.chrome import drop_chrome
from tei_encode.readers.widgets import widgets

TEXT = "Дорогой товарищ, Ваше письмо от 3 мая я получил и сразу ответил на него телеграммой."
WIDGETS = [
    "Header Ads",
    "Реклама",
    "Special pages",
    "Special pages :",  # a widget's label with its colon, the links under it gone
    "Поделиться:",
    "Share",
    "Print | Share | E-mail",
    "Поделиться",
    "Версия для печати",
    "Личный кабинет",
    "Войти Регистрация",
    "Шрифт:",  # a reading site's controls
    "Закладка:",
    "• Наши партнеры",
]
WIDGETS += [
    "Просмотров: 1234",
    "Comments (3)",
    "Рейтинг: 4.5 (12 голосов)",
    "Views: 1,234 | Comments: 0",
    "1,234 views",
    "1234 просмотра • 5 комментариев",
]
MENU_BARS = ["Студопедия Главная Случайная страница Обратная связь", "Letters Home Archive About Contact"]
KEPT = [
    "12 votes were cast for the motion",
    "1945 Comments on the Treaty",
    "Печать",
    "Share this",
    "Printed in Moscow",
    "Просмотрено",
    "Голос народа",
    "Шрифт письма неразборчив",
    "Interval",
]
KEPT += [
    "Search for the lost expedition of Captain Scott and his men",
    "Home Front",
    "News from Home and Abroad",
    "Главная улица Москвы",
]


@pytest.mark.parametrize("line", WIDGETS)
def test_widgets_above_and_below_the_text_are_the_sites(line: str) -> None:
    lines = [line, "", "Письмо Сидорову", "", TEXT, "", line]
    assert widgets(lines) == {0: "site widget", 6: "site widget"}


@pytest.mark.parametrize("line", ["Поиск по документам XX века", "Search this site"])
def test_a_search_boxs_label_above_and_below_the_text_is_the_sites(line: str) -> None:
    assert widgets([line, TEXT, line]) == {0: "search box", 2: "search box"}


SITE_LINES = {
    "Tags: Stalin, Moscow, letters": "tag line",
    "Метки: Сталин, Москва": "tag line",
    "Posted in Letters, Moscow": "tag line",
    "Опубликовано: 2020-11-18": "publication line",
    "Posted: May 3, 2019 at 10:15": "publication line",
    "Родительская категория: Ленин ПСС": "tag line",
}


@pytest.mark.parametrize("line", SITE_LINES)
def test_tags_and_dates_of_publication_above_and_below_the_text_are_the_sites(line: str) -> None:
    assert widgets([line, TEXT, line]) == {0: SITE_LINES[line], 2: SITE_LINES[line]}


@pytest.mark.parametrize("line", MENU_BARS)
def test_a_bar_of_the_sites_pages_above_and_below_the_text_is_its_menu(line: str) -> None:
    assert widgets([line, TEXT, line]) == {0: "menu bar", 2: "menu bar"}


@pytest.mark.parametrize("line", KEPT)
def test_other_short_lines_are_kept(line: str) -> None:
    assert widgets([line, TEXT, line]) == {}


def test_a_widgets_word_inside_the_text_is_the_documents() -> None:
    text = f"Письмо Сидорову\n\n{TEXT}\n\nПоделиться\n\n{TEXT}\n"
    reporter = Reporter("page.txt")
    assert drop_chrome(text, reporter) == text and not reporter.diagnostics


@pytest.mark.parametrize(
    "line", ["[Show full text]", "[Закрыть]", "[ Скрыть примечание ]", "get citation", "• share document"]
)
def test_a_button_in_brackets_is_the_sites_anywhere(line: str) -> None:
    assert widgets([TEXT, line, TEXT]) == {1: "site button"}


@pytest.mark.parametrize(
    "line", ["[Подпись]", "[печать]", "[Показания свидетеля не публикуются, так как они очень длинны]"]
)
def test_an_editors_words_in_brackets_are_the_documents(line: str) -> None:
    assert widgets([TEXT, line, TEXT]) == {}


@pytest.mark.parametrize("line", ["Kommentare", "Другие записи:", "Comments"])
def test_a_sites_section_closing_the_page_is_the_sites(line: str) -> None:
    assert widgets(["Письмо Сидорову", TEXT, "П. Петров", line]) == {3: "site section"}


def test_a_sites_tab_over_its_widget_and_a_link_under_it_are_the_sites() -> None:
    lines = ["• Citation", "", "Share", "• Наши партнеры", "Виды спа example.ru.", TEXT]
    assert widgets(lines) == dict.fromkeys((0, 2, 3, 4), "site widget")
    assert widgets(["• Citation", "get citation", TEXT]) == {0: "site widget", 1: "site button"}
    assert widgets(["• Citation", "Письмо Сидорову", TEXT, "Адрес: example.ru"]) == {}


def test_a_row_of_the_sites_record_with_a_web_date_is_the_sites_anywhere() -> None:
    assert widgets([TEXT, "Кто опубликовал: | 11.12.2023", TEXT]) == {1: "site record"}
    assert widgets([TEXT, "Дата: | 11.12.1956", TEXT]) == {}


def test_a_section_heading_with_text_under_it_is_the_documents() -> None:
    assert widgets(["Письмо Сидорову", TEXT, "Комментарии", "1. Письмо печатается по копии."]) == {}
