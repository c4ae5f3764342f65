"""Each letter's correspDesc and the collection index, checked against the table read by hand."""

from __future__ import annotations

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers.correspondence import side_spans
from tei_encode.model import Block
from tei_encode.pipeline import Converted, convert_path, default_register

from .conftest import SOURCES
from .corpus_letters import LETTERS

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def converted() -> dict[str, Converted]:
    """Every document of the corpus by number (letters) or id (the cable, the index)."""
    found: dict[str, Converted] = {}
    for source in sorted(SOURCES.values()):
        for item in convert_path(source, default_register(source), Reporter(source.name)):
            found[item.document.meta.number or item.document.id] = item
    return found


def parties(action: etree._Element) -> list[str]:
    """Register keys of the persons and organisations (``org:NAME`` for one the register lacks), in order."""
    return [
        el.get("ref", "").lstrip("#") or f"org:{el.text}"
        for el in action
        if etree.QName(el).localname in ("persName", "orgName")
    ]


@pytest.mark.parametrize(("key", "senders", "addressees", "place", "date"), LETTERS, ids=[row[0] for row in LETTERS])
def test_corresp_desc_names_senders_addressees_place_and_date(
    converted: dict[str, Converted],
    key: str,
    senders: list[str],
    addressees: list[str],
    place: str | None,
    date: dict[str, str],
) -> None:
    [desc] = converted[key].tree.findall(".//tei:profileDesc/tei:correspDesc", NS)
    sent = desc.find("tei:correspAction[@type='sent']", NS)
    received = desc.find("tei:correspAction[@type='received']", NS)
    assert sent is not None and received is not None
    assert parties(sent) == senders
    assert parties(received) == addressees
    assert [p.get("ref") for p in sent.findall("tei:placeName", NS)] == ([] if place is None else [f"#{place}"])
    assert [dict(d.attrib) for d in sent.findall("tei:date", NS)] == [date]


def test_collection_index_lists_the_letters_in_order(converted: dict[str, Converted]) -> None:
    index = converted["bolshevik-correspondence-091-100"].tree
    numbers = [row[0] for row in LETTERS if row[0].isdigit()]
    items = index.findall(".//tei:body/tei:list[@type='letters']/tei:item", NS)
    assert [i.get("n") for i in items] == numbers
    targets = [i.find("tei:ref", NS).get("target") for i in items]  # type: ignore[union-attr]
    assert targets == [f"{converted[n].document.id}.xml" for n in numbers]
    descs = index.findall(".//tei:profileDesc/tei:correspDesc", NS)
    assert [(d.get("n"), d.get("ref")) for d in descs] == list(zip(numbers, targets, strict=True))
    for number, desc in zip(numbers, descs, strict=True):
        [own] = converted[number].tree.findall(".//tei:profileDesc/tei:correspDesc", NS)
        assert [etree.tostring(a) for a in desc] == [etree.tostring(a) for a in own]


def test_collection_index_transcribes_the_page_header_once_with_its_markup(converted: dict[str, Converted]) -> None:
    index = converted["bolshevik-correspondence-091-100"].tree
    [bibl] = index.findall(".//tei:sourceDesc/tei:bibl[@type='printed-collection']", NS)
    compilers = [p.get("ref") for p in bibl.findall("tei:persName", NS)]
    assert compilers == ["#Kvashonkin", "#Kosheleva", "#Rogovaya", "#Khlevnyuk"]
    dates = [dict(d.attrib) for d in bibl.findall("tei:date", NS)]
    assert dates == [{"notBefore": "1912", "notAfter": "1927"}, {"when": "1996"}]
    letter = converted["91"].tree
    assert letter.findall(".//tei:bibl[@type='printed-collection']/tei:persName", NS) == []


@pytest.mark.parametrize(
    ("title", "sides"),
    [
        ("Telegram from J. V. Stalin to V. I. Lenin", ["J. V. Stalin", "V. I. Lenin"]),
        ("Cable No. 5542, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong",
         ["Filippov [Stalin]", "Krasovsky, for Cde. Mao Zedong"]),
        ("Ciphered Telegram No. 1197, Roshchin to Vyshinsky on a Conversation with Liu Shaoqi",
         ["Roshchin", "Vyshinsky"]),
        ("Letter from Molotov to Stalin about the Grain Procurements", ["Molotov", "Stalin"]),
        ("Шифртелеграмма Рощина для Вышинского о беседе с Лю Шао-ци", ["Рощина", "Вышинского"]),
    ],
    ids=["from-to", "for", "on-topic", "about-topic", "russian-topic"],
)  # fmt: skip
def test_title_sides_end_where_the_topic_begins(title: str, sides: list[str]) -> None:
    assert [title[start:end] for start, end in side_spans(Block("title", title))] == sides


def test_an_organisation_writing_or_written_to_is_linked_to_the_register(converted: dict[str, Converted]) -> None:
    """An organisation side named as the register names it, spacing aside ('RCP (b)'), carries its key."""
    linked = {
        (el.text, el.get("ref"))
        for item in converted.values()
        for el in item.tree.findall(".//tei:correspDesc/tei:correspAction/tei:orgName", NS)
    }
    assert linked == {
        ("Caucasian Bureau of the Central Committee of the RCP(b)", "#Kavburo"),
        ("Politburo of the Central Committee of the RCP (b)", "#Politburo"),
    }
