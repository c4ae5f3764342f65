"""A made-up page of the collection with other numbers, people and dates, converted end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter, Severity
from tei_encode.pipeline import Converted, convert_path
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator

from ..conftest import CORPUS

PAGE = Path(__file__).parent / "fixtures" / "collection" / "letters-201-204.txt"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def converted() -> tuple[dict[str, Converted], Reporter]:
    reporter = Reporter(PAGE.name)
    items = convert_path(PAGE, Register.from_directory(CORPUS / "register"), reporter)
    return {c.document.meta.number or c.document.id: c for c in items}, reporter


def attrs(tree: etree._Element, xpath: str) -> list[dict[str, str]]:
    return [dict(e.attrib) for e in tree.xpath(xpath, namespaces=NS)]


def test_every_letter_and_the_index_are_valid(converted: tuple[dict[str, Converted], Reporter]) -> None:
    items, reporter = converted
    assert sorted(items) == ["201", "202", "203", "letters-201-204"]
    assert not [d for d in reporter if d.severity is Severity.ERROR]
    validators = [load_validator(p) for p in default_schemas()]
    for key, item in items.items():
        assert [d.message for v in validators for d in v.iter_errors(item.tree.getroottree(), key)] == []


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("201", {"notBefore": "1920-09-03", "evidence": "external"}),
        ("202", {"when": "1920-09", "evidence": "external"}),
        ("203", {"notAfter": "1920-10-01", "evidence": "external"}),
    ],
    ids=["not-earlier-than", "month-alone", "not-later-than"],
)
def test_bracketed_date_lines(converted: tuple[dict[str, Converted], Reporter], number: str, expected: dict) -> None:
    tree = converted[0][number].tree
    assert attrs(tree, "//tei:front/tei:docDate/tei:date") == [expected]
    assert tree.xpath("string(//tei:front/tei:docDate/tei:date/tei:supplied)", namespaces=NS)


def test_dates_take_their_year_from_the_letter(converted: tuple[dict[str, Converted], Reporter]) -> None:
    items = converted[0]
    found = {e.text: dict(e.attrib) for c in items.values() for e in c.tree.iterfind(".//tei:body//tei:date", NS)}
    assert found["3/IX"]["when"] == "1920-09-03"
    assert found["30/VІІІ"]["when"] == "1920-08-30", "Cyrillic І typed for the Roman digit"
    assert found["August 3rd"]["when"] == "1920-08-03"
    assert (found["mid-September 1920"]["notBefore"], found["mid-September 1920"]["notAfter"]) == (
        "1920-09-11",
        "1920-09-20",
    )
    assert (found["September 29 or 30, 1920"]["notBefore"], found["September 29 or 30, 1920"]["notAfter"]) == (
        "1920-09-29",
        "1920-09-30",
    )


def test_short_letter_has_its_paragraph_and_signature(converted: tuple[dict[str, Converted], Reporter]) -> None:
    tree = converted[0]["203"].tree
    assert len(tree.findall(".//tei:body//tei:p", NS)) == 1
    assert tree.xpath("string(//tei:closer/tei:signed/tei:persName/@ref)", namespaces=NS) == "#Stalin"
    assert tree.xpath("string(//tei:opener/tei:dateline/tei:placeName/@ref)", namespaces=NS) == "#Kharkiv"


def test_namesake_named_in_the_title_is_linked(converted: tuple[dict[str, Converted], Reporter]) -> None:
    tree = converted[0]["202"].tree
    signed = tree.findall(".//tei:closer/tei:signed/tei:persName", NS)
    assert [(p.text, p.get("ref")) for p in signed] == [("Rykov", "#Rykov"), ("Kamenev", "#Kamenev_LB")]


def test_ibid_refers_to_the_citation_of_the_letter_before(converted: tuple[dict[str, Converted], Reporter]) -> None:
    tree = converted[0]["203"].tree
    parts = {i.get("type"): i.text for i in tree.iterfind(".//tei:msIdentifier/*", NS)}
    assert parts == {None: "RGASPI", "fond": "558", "opis": "1", "delo": "5600", "folios": "1"}


def test_notes_and_references(converted: tuple[dict[str, Converted], Reporter]) -> None:
    tree = converted[0]["202"].tree
    refs = tree.findall(".//tei:body//tei:ref[@type='noteAnchor']", NS)
    assert [r.get("n") for r in refs] == ["2"]
    inherited = tree.find(".//tei:back//tei:idno[@type='inherited']", NS)
    assert inherited is not None
    assert {i.get("type"): i.text for i in inherited} == {"fond": "2", "opis": "1"}
