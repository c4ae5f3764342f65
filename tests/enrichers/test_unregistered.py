"""People the register lacks: provisional entries, one per person, linked across spellings and scripts."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich
from tei_encode.model import Block, Division, Document
from tei_encode.register import Register


def enriched(title: str, *paragraphs: str) -> tuple[Document, Context]:
    document = Document(id="d", source="d.txt", genre="archival", lang="en", title=Block("title", title))
    document.divisions = [Division("transcription", [Block("p", p) for p in paragraphs], {"lang": "ru"})]
    context = Context(Register())
    enrich(document, context, Reporter())
    return document, context


def persons(document: Document) -> list[tuple[str, str]]:
    return [
        (b.text[s.start : s.end], s.attr("ref")) for _, b in document.blocks() for s in sorted(b.spans_of("person"))
    ]


@pytest.mark.parametrize(
    ("title", "paragraphs", "expected"),
    [
        (
            "Cable from Ostapenko to Zaretsky on the Talks",
            ["Передайте ЗАРЕЦКОМУ, что тов. Остапенко согласен."],
            [
                ("Ostapenko", "#Ostapenko"),
                ("Zaretsky", "#Zaretsky"),
                ("ЗАРЕЦКОМУ", "#Zaretsky"),
                ("Остапенко", "#Ostapenko"),
            ],
        ),
        (
            "Letter from Ostapenko to the Central Committee",
            ["Ответ подписал A. Ya. OSTAPENKO", "OSTAPENKO"],
            [("Ostapenko", "#Ostapenko"), ("A. Ya. OSTAPENKO", "#Ostapenko"), ("OSTAPENKO", "#Ostapenko")],
        ),
        ("Report on the harvest", ["Урожай собран."], []),
    ],
    ids=["title-and-russian-inflection", "initials-and-capitals", "nobody"],
)
def test_provisional_entries_link_every_mention(title: str, paragraphs: list[str], expected: list[tuple[str, str]]):
    document, context = enriched(title, *paragraphs)
    assert persons(document) == expected
    keys = sorted({ref.lstrip("#") for _, ref in expected})
    added = context.register_for(document.id)
    assert [k for k in keys if added.get(k) is None] == []
    assert all("review" in added.get(k).note for k in keys)  # type: ignore[union-attr]


def test_organisations_in_titles_are_not_people() -> None:
    document, _ = enriched("Telegram from the Caucasian Bureau of the Central Committee to Lenin and Trotsky")
    assert [text for text, _ in persons(document)] == ["Lenin", "Trotsky"]
