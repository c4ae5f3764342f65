"""Made-up Wilson Center exports in other layouts, archives, languages and years, converted end to end.

Each fixture in ``fixtures/wilson/`` is a variant of the export layout the corpus
does not show: an English translation only with footnotes and an editorial
``[illegible]``; a Russian transcription followed by its English translation,
cited from the Presidential Archive in words; two Russian drafts cited from two
archives, one with corrections. They must convert without errors into TEI valid
against the project's schema, with their people, dates, identifiers and notes
marked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter, Severity
from tei_encode.pipeline import convert_path
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator

from ..conftest import CORPUS

FIXTURES = Path(__file__).parent / "fixtures" / "wilson"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.from_directory(CORPUS / "register")


def convert(name: str, register: Register) -> tuple[etree._Element, Reporter]:
    reporter = Reporter(name)
    [item] = convert_path(FIXTURES / name, register, reporter)
    return item.tree, reporter


def texts(tree: etree._Element, xpath: str) -> list[str]:
    return [
        "".join(e.itertext()) if isinstance(e, etree._Element) else str(e) for e in tree.xpath(xpath, namespaces=NS)
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")), ids=str)
def test_variant_converts_into_valid_tei_without_errors(name: str, register: Register) -> None:
    tree, reporter = convert(name, register)
    assert not [d for d in reporter if d.severity is Severity.ERROR]
    for schema in default_schemas():
        assert list(load_validator(schema).iter_errors(tree.getroottree(), name)) == []


def test_english_only_export_with_footnotes(register: Register) -> None:
    tree, _ = convert("avp-english-footnotes.txt", register)
    assert texts(tree, "//tei:body/tei:div/@type") == ["translation"]
    citations = tree.xpath("//tei:sourceDesc/tei:bibl//tei:idno[@type='archival']", namespaces=NS)
    assert len(citations) == 2, "two citations in one line"
    first = {i.get("type"): i.text for i in citations[0].iter("{*}idno") if i is not citations[0]}
    assert first == {"repository": "AVP RF", "fond": "07", "opis": "23a", "papka": "18", "delo": "234", "folios": "5-7"}
    assert texts(tree, "//tei:msIdentifier/tei:idno[@type='papka']") == ["18"]
    [ref] = tree.xpath("//tei:body//tei:ref[@type='noteAnchor']", namespaces=NS)
    [note] = tree.xpath("//tei:back//tei:note", namespaces=NS)
    assert ref.get("target") == f"#{note.get('{http://www.w3.org/XML/1998/namespace}id')}"
    assert note.get("target") == f"#{ref.get('{http://www.w3.org/XML/1998/namespace}id')}"
    assert texts(tree, "//tei:gap/@reason") == ["illegible"]
    assert "A. Ya. ZARETSKY" in texts(tree, "//tei:body//tei:persName")
    assert "A. OSTAPENKO" in texts(tree, "//tei:body//tei:persName")
    assert texts(tree, "//tei:body//tei:date[.='3.XI.1949']/@when") == ["1949-11-03"]


def test_people_outside_the_register_get_one_provisional_entry_each(register: Register) -> None:
    tree, _ = convert("avp-english-footnotes.txt", register)
    refs = {e.text: e.get("ref") for e in tree.xpath("//tei:text//tei:persName", namespaces=NS)}
    assert refs["Ostapenko"] == refs["A. OSTAPENKO"] == "#Ostapenko"
    assert refs["Zaretsky"] == refs["A. Ya. ZARETSKY"] == "#Zaretsky"
    [entry] = tree.xpath("//tei:standOff//tei:person[@xml:id='Ostapenko']", namespaces=NS)
    assert "to be reviewed" in "".join(entry.itertext())
    senders = texts(tree, "//tei:correspAction[@type='sent']/tei:persName/@ref")
    addressees = texts(tree, "//tei:correspAction[@type='received']/tei:persName/@ref")
    assert (senders, addressees) == (["#Ostapenko"], ["#Zaretsky"])


def test_transcription_and_translation_become_two_divisions(register: Register) -> None:
    tree, _ = convert("aprf-russian-and-english.txt", register)
    divisions = tree.xpath("//tei:body/tei:div", namespaces=NS)
    assert [(d.get("type"), d.get("{http://www.w3.org/XML/1998/namespace}lang")) for d in divisions] == [
        ("transcription", "ru"),
        ("translation", "en"),
    ]
    parts = {i.get("type"): i.text for i in tree.xpath("//tei:msIdentifier/tei:idno", namespaces=NS)}
    assert parts == {"fond": "3", "opis": "65", "delo": "9", "folios": "51-52"}
    assert texts(tree, "//tei:msIdentifier/tei:repository") == ["APRF"]
    roshchin = texts(tree, "//tei:text//tei:persName[@ref='#Roshchin']")
    assert {"Roshchin", "РОЩИНУ", "ROSHCHIN"} <= set(roshchin)
    assert texts(tree, "//tei:div[@xml:lang='en']//tei:placeName[.='PEKING']/@ref") == ["#Beijing"]
    assert texts(tree, "//tei:div[@xml:lang='ru']//tei:date[.='5.2.50']/@when") == ["1950-02-05"] * 2
    labels = [texts(d, ".//tei:seg[@type='content-label']") for d in divisions]
    assert labels == [["Transcript - Russian"], ["Translation - English"]]


def test_two_drafts_with_corrections_quarters_and_decades(register: Register) -> None:
    tree, _ = convert("garf-two-drafts.txt", register)
    assert len(tree.xpath("//tei:body/tei:div[@type='transcription']", namespaces=NS)) == 2
    [subst] = tree.xpath("//tei:subst", namespaces=NS)
    assert (texts(subst, "tei:del"), texts(subst, "tei:add")) == (["телеграмме"], ["записке"])
    quarter = tree.xpath("//tei:date[starts-with(., 'II кв.')]", namespaces=NS)[0]
    assert (quarter.get("notBefore"), quarter.get("notAfter")) == ("1953-04-01", "1953-06-30")
    decade = tree.xpath("//tei:date[.='второй декаде марта']", namespaces=NS)[0]
    assert (decade.get("notBefore"), decade.get("notAfter"), decade.get("cert")) == ("1953-03-11", "1953-03-20", "high")
    assert texts(tree, "//tei:date[contains(., '\" марта')]/@when") == ["1953-03"]
    assert texts(tree, "//tei:pb/@n") == ["2"]
    assert texts(tree, "//tei:note[@type='certification']/tei:persName") == ["Петров"]
    repositories = texts(tree, "//tei:sourceDesc/tei:bibl//tei:idno[@type='repository']")
    assert repositories == ["GARF", "RGVA"]


def test_fields_after_the_texts_and_an_original_not_transcribed(register: Register) -> None:
    tree, _ = convert("chinese-original-trailing-fields.txt", register)
    assert texts(tree, "//tei:body/tei:div/@type") == ["translation"]
    languages = {e.get("ident"): e.text for e in tree.iterfind(".//tei:langUsage/tei:language", NS)}
    assert languages == {"en": "English", "zh": "Chinese"}
    people = tree.find(".//tei:sourceDesc/tei:bibl/tei:note[@type='people']", NS)
    assert people is not None and people.get("n") == "Associated People & Organizations"
    assert [p.get("ref") for p in people] == ["#Kim_Il_Sung", "#Zhou_Enlai", "#Peng_Dehuai"]
    assert texts(tree, "//tei:sourceDesc/tei:bibl/tei:note[@type='places']/tei:placeName") == [
        "Korea",
        "China",
        "Beijing",
    ]
    assert "Associated Places" not in "".join(tree.find(".//tei:body", NS).itertext())
