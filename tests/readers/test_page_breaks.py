"""Printed page breaks left in a text copy (``readers/pages.py``): page marks, folio breaks, running heads."""

from __future__ import annotations

import pytest

from tei_encode.model import Block
from tei_encode.readers.pages import mark_page_breaks

BREAKS = {
    "page-mark": (["had not become known [Page 211] here until"], [(0, 21, "211")]),
    "page-mark-ru": (["как сказано [Стр. 12] выше"], [(0, 12, "12")]),
    "folios": (["Л. 31// Присутствуют: Петров\nЛ. 31об.// Орлов – стоит"], [(0, 0, "31"), (0, 29, "31об.")]),
    "head-after-number": (["так и не доделано,\n284 В. И. ЛЕНИН\nи надо ещё"], [(0, 19, "284")]),
    "head-after-number-and-rule": (["Перевод с французского", "206__________ В. И. ЛЕНИН"], [(1, 0, "206")]),
    "head-before-number": (["из Суражан\nРАЗГОВОР ПО ПРЯМОМУ ПРОВОДУ с Б. М. ВОЛИНЫМ 213\nв Гомеле"], [(0, 11, "213")]),
    "number-over-head": (
        ["Ред.", "62", "В. И. ЛЕНИН", "отчётливее формулировать"],
        [(1, 0, "62")],
    ),
    "head-over-number": (
        ["in Lenin Miscellany XXI", "V.  I.  L E N I N", "114"],
        [(1, 0, "114")],
    ),
    "head-over-number-over-prose": (
        ["and so\nV.  I.  L E N I N\n114\nthe sentence of the letter runs on over the page as it did before"],
        [(0, 7, "114")],
    ),
    "head-with-years-of-the-part": (["Дорогой Маркс!\nПИСЬМА (1842-1895) 431\nЯ получил"], [(0, 15, "431")]),
    "typed-page-number": (["and so\n- 2 -\nthe sentence runs on", "— 12 —"], [(0, 7, "2"), (1, 0, "12")]),
    "page-spelled-out": (["Excerpts.\n[page one of nineteen]\nKosygin: Ask"], [(0, 10, "1")]),
    "page-number-at-the-top": (
        ["Вид материала", "294", "Сталин» (РГАСПИ. Ф. 558. Оп. 11. Д. 79. Л. 51). 23 августа ПБ приняло постановление"],
        [(1, 0, "294")],
    ),
}
NO_BREAKS = {
    "document-number-first": ["116\nТЕЛЕГРАММА ПРЕДСЕДАТЕЛЮ\nСообщите по телеграфу"],
    "number-and-label": ["Ответ на\nCABLE Nº 2220"],
    "date-in-capitals": ["Москва\n12 ДЕКАБРЯ 1950 Г."],
    "note-number": ["В МАЛЫЙ СОВНАРКОМ\n70\n21. IV. 1918 г."],
    "figures": ["Итого\n12 30 40"],
    "dash-and-number": ["Итого\n— 12", "- 2 - 3 -"],
    "brackets": ["see [page twelve] and [12]"],
    "signature-and-year": ["Сердечный привет!\nА. ПЕШКОВ\n1919"],
    "years-outside-brackets": ["Итого\nПИСЬМА 1842-1895 431"],
    # a number over a heading naming the addressee is the letter's in the volume (a running head names the author)
    "letter-number-over-addressee": ["Дачи сняты.", "152", "К. ГЮИСМАНСУ", "Дорогой товарищ Гюисманс!"],
    "letter-number-over-addressees": ["Ред.", "12", "Л. Б. КАМЕНЕВУ И Г. Е. ЗИНОВЬЕВУ"],
    "letter-number-over-correspondents": ["Перевод с французского", "1", "М. ГОРЬКИЙ — И. В. СТАЛИНУ"],
    "letter-number-over-english-addressee": ["1916", "98", "To:   MAXIM GORKY"],
    "number-further-down": ["a", "b", "c", "12", "The paragraph under the number runs on as a sentence does here."],
}


def breaks(texts: list[str]) -> list[tuple[int, int, str]]:
    blocks = [Block("p", text) for text in texts]
    mark_page_breaks(blocks)
    return [(k, s.start, s.attr("n")) for k, b in enumerate(blocks) for s in b.spans if s.kind == "pb"]


@pytest.mark.parametrize("case", BREAKS, ids=list(BREAKS))
def test_page_breaks_are_marked_where_the_page_starts(case: str) -> None:
    texts, wanted = BREAKS[case]
    assert sorted(breaks(texts)) == wanted


@pytest.mark.parametrize("case", NO_BREAKS, ids=list(NO_BREAKS))
def test_lines_that_are_no_page_break(case: str) -> None:
    assert breaks(NO_BREAKS[case]) == []
