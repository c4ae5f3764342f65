"""Tests of the numbers heading a document in its text: the edition's number before a heading, a telegram's own."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context
from tei_encode.enrichers.identifiers.enricher import IdentifiersEnricher
from tei_encode.enrichers.identifiers.headings import heading_number
from tei_encode.model import Block, Division, Document


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("171. Telegram From the Embassy in France to the Department of State/1/", "171"),
        ("67. Memorandum From the Under Secretary (Rostow) to Secretary of State Rusk/1/", "67"),
        ("12. Memorandum of Conversation", "12"),
        ("204. Editorial Note", "204"),
        ("5. Circular Telegram From the Department of State to Certain Diplomatic Missions1", "5"),
        ("88. Paper Prepared by the Policy Planning Staff", "88"),
        ("1. ГОРЬКИЙ — Е. П. ПЕШКОВОЙ", "1"),
        ("12. В. И. ЛЕНИНУ", "12"),
        # a sentence of a numbered list, a heading of another kind, a year, a heading on two lines: none
        ("1. Memorandum from the Secretary was received and discussed.", None),
        ("2. Letter From the Ambassador was read out at the meeting.", None),
        ("3. Listened to:", None),
        ("1. О ПОМОЩИ КРЕСТЬЯНСКОМУ ХОЗЯЙСТВУ", None),  # an agenda's item: a subject, no addressee
        ("1961. Telegram From the Embassy", None),
        ("4. The Situation in Berlin", None),
        ("7. Telegram From the Embassy\nParis, October 7", None),
        ("Telegram From the Embassy", None),
    ],
)
def test_the_edition_number_before_a_heading_in_the_text(text: str, value: str | None) -> None:
    number = heading_number(text)
    assert (number.value if number else None) == value
    assert number is None or (number.type == "document" and text[number.start : number.end] == value)


def _document(title: str, *texts: str) -> Document:
    blocks = [Block("p", text) for text in texts]
    return Document("d1", "test", "letter", "en", Block("title", title), {}, [Division("text", blocks)])


def _numbers(document: Document) -> list[tuple[str, str]]:
    IdentifiersEnricher().apply(document, Context(), Reporter())
    return [
        (block.text[s.start : s.end], str(s.attr("type")))
        for block in document.divisions[0].blocks
        for s in block.spans_of("idno")
    ]


def test_a_telegram_under_its_heading_in_the_text_opens_with_its_number() -> None:
    document = _document(
        "U.S. Department of State",
        "171. Telegram From the Embassy in France to the Department of State/1/",
        "Paris, October 7, 1961, noon.",
        "/1/Source: Confidential. Repeated to London, Moscow, Bonn, and Berlin.",
        "1885. Our current assessment is that we are heading into very heavy weather.",
        "1886. A second paragraph opens with a number that is no telegram's.",
    )
    assert _numbers(document) == [("171", "document"), ("1885", "telegram")]


def test_a_memorandum_under_its_heading_opens_with_no_telegram_number() -> None:
    document = _document(
        "U.S. Department of State",
        "67. Memorandum From the Under Secretary to Secretary of State Rusk/1/",
        "1885. A paragraph that opens with a year.",
    )
    assert _numbers(document) == [("67", "document")]


def test_a_letter_number_left_at_the_foot_of_the_document_before_heads_the_next() -> None:
    first = _document("Против автономии", "Ленин, Сталин", "Печатается по тексту телеграфного бланка", "11")
    second = _document("ТЕЛЕГРАММА ЯНСОНУ", "Иркутск, Янсону")
    third = _document("Написано 28 февраля", "Текст")  # no addressee in the heading: "11" of the second is no number
    second.divisions[0].blocks.append(Block("p", "11"))
    enricher, context = IdentifiersEnricher(), Context()
    for document in (first, second, third):
        enricher.apply(document, context, Reporter())
    enricher.apply_to_page([first, second, third], context, Reporter())
    enricher.apply_to_page([first, second, third], context, Reporter())  # a second run adds nothing
    assert [s.attr("type") for s in first.divisions[0].blocks[-1].spans] == ["document"]
    assert second.divisions[0].blocks[-1].spans == []
