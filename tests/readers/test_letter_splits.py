"""Pages of several letters of many shapes, generated: each letter is one document with all of its text, never cut
at what it holds (a postscript, an enclosure, a document quoted under a colon, an editors' note, a date line)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.model import Document
from tei_encode.readers.letters import LettersReader

from .pages import texts


def _numbered(k: int, first: int) -> str:
    return f"{first + k}\n\nПИСЬМО {'ПСРТ'[k % 4]}. {'ИВАН'[k % 4]}. СИДОРОВУ"


def _dated_ru(k: int, first: int) -> str:
    return f"Письмо К.Е. Ворошилову {k + 1} сентября 1931 года"


def _dated_en(k: int, first: int) -> str:
    return f"Stalin to Kaganovich October {k + 2}, 1933"


def _correspondents(k: int, first: int) -> str:
    return ["Петров — Сидорову", "Сидоров — Петрову"][k % 2]


def _greeting(k: int, first: int) -> str:
    return f"{k + 3} May 1931\n\nDear {['Mr. Kay', 'Comrade Orlov'][k % 2]}:"


def _message(k: int, first: int) -> str:
    return f"No. {first + k}\n\nСЕКРЕТНО И ЛИЧНО ОТ ПРЕМЬЕРА П. ПЕТРОВА"


# A page's family of headings: how each letter of it is headed (the k-th letter, the page's first number).
FAMILIES = {
    "numbered": _numbered,
    "dated-ru": _dated_ru,
    "dated-en": _dated_en,
    "correspondents": _correspondents,
    "greeting": _greeting,
    "message": _message,
}
# The language of each family's text, and its signatures.
RUSSIAN = {"numbered", "dated-ru", "correspondents", "message"}
SIGNATURES = {"ru": ["И. СТАЛИН", "С приветом Петров", "П. Петров"], "en": ["J. Stalin", "Yours, Lenin", "P. Petrov"]}
SENTENCES = {
    "ru": [
        "Наши войска вели упорные бои с противником на всём фронте весь день.",
        "Прошу прислать мне отчёт комиссии о работе складов сегодня же.",
        "Ты прав, что мы не всегда учитываем значение поездок на места.",
    ],
    "en": [
        "The troops held the line along the river for the whole of the day.",
        "Please send me the report of the commission on the stores at once.",
        "You are right that we do not always weigh the value of such trips.",
    ],
}
# What a letter holds and keeps: opening no letter wherever it stands in the letter's text.
INSIDE = {
    "ru": [
        "[Примечание редакции: текст печатается по копии.]",
        "12 сентября 1941 года",
        "Приложение № 1",
        "Текст телеграммы такой:\n\nТЕЛЕГРАММА № 5\n\nПрошу срочно сообщить о положении дел в губернии и о хлебе.",
        "СЕКРЕТНО",
    ],
    "en": [
        "[Editors' note: the text is printed from a copy.]",
        "12 September 1941",
        "Enclosure No. 1",
        "The telegram reads as follows:\n\nTELEGRAM No. 5\n\nPlease report at once on the state of the province.",
        "SECRET",
    ],
}
POSTSCRIPTS = {"ru": "P.S. Отчёт пришлю завтра, когда его перепишут.", "en": "P.S. The report will follow tomorrow."}


@st.composite
def letter_pages(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page of two to four letters of one family of headings, each signed, holding what a letter holds, and each
    letter's own sentence (a marker of which letter it is)."""
    family = draw(st.sampled_from(sorted(FAMILIES)))
    lang = "ru" if family in RUSSIAN else "en"
    first = draw(st.integers(10, 900))
    markers, parts = [], []
    for k in range(draw(st.integers(2, 4))):
        marker = f"{SENTENCES[lang][0][:-1]} {'и это письмо' if lang == 'ru' else 'and this is letter'} {k}."
        markers.append(marker)
        parts.append(FAMILIES[family](k, first))
        body = [marker, *draw(st.lists(st.sampled_from(SENTENCES[lang]), max_size=2))]
        for inside in draw(st.lists(st.sampled_from(INSIDE[lang]), max_size=2)):
            body.insert(draw(st.integers(1, len(body))), inside)
        body.append(draw(st.sampled_from(SENTENCES[lang])))
        parts += body
        parts.append(draw(st.sampled_from(SIGNATURES[lang])))
        if draw(st.booleans()):
            parts.append(POSTSCRIPTS[lang])
    return "\n\n".join(parts), markers


def _words(document: Document) -> str:
    """Every word a letter's document keeps: its heading, number, date line and text."""
    return "\n".join([document.title.text, *(b.text for b in document.fields.values()), texts(document)])


@settings(max_examples=300, deadline=None)
@given(letter_pages())
def test_every_letter_of_any_page_is_one_document_with_all_its_text(page_and_markers: tuple[str, list[str]]) -> None:
    page, markers = page_and_markers
    reader = LettersReader()
    assert reader.detect(page)
    documents = reader.read(page, "page.txt", Reporter("page.txt"))
    assert sorted(" ".join(_words(d) for d in documents).split()) == sorted(page.split())
    assert len(documents) == len(markers)
    for document, marker in zip(documents, markers, strict=True):
        assert marker in texts(document)
