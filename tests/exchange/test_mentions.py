"""Mention export: one row per mention with its normalised value, register key, authority and position."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.exchange.inputs import load_documents, read_tei
from tei_encode.exchange.mentions import Mention, iter_mentions, mentions, to_csv, to_json

from ..conftest import CORPUS
from .fixtures import write_letter


@pytest.fixture()
def letter_rows(tmp_path: Path) -> list[Mention]:
    return iter_mentions(read_tei(write_letter(tmp_path, "letter-1")))


def test_rows_of_a_letter(letter_rows: list[Mention]) -> None:
    assert [(m.kind, m.type, m.text, m.value, m.key, m.authority) for m in letter_rows] == [
        ("person", "", "Anna", "Anna", "Anna", "http://d-nb.info/gnd/118540238 http://www.wikidata.org/entity/Q1"),
        ("place", "", "Tver", "Tver", "Tver", "http://www.wikidata.org/entity/Q2"),
        ("person", "", "Boris", "Boris", "Boris", ""),
        ("person", "", "Vera", "", "", ""),
        ("date", "", "early May", "1901-05-01/1901-05-10", "", ""),
        ("idno", "archival", "1/2", "fond=1; delo=2", "", ""),
    ]
    assert {m.document for m in letter_rows} == {"letter-1"}


def test_positions_point_at_the_mention(tmp_path: Path, letter_rows: list[Mention]) -> None:
    document = read_tei(tmp_path / "letter-1.xml")
    text_lines = (tmp_path / "letter-1.xml").read_text(encoding="utf-8").splitlines()
    string_value = "".join(document.root.find("{http://www.tei-c.org/ns/1.0}text").itertext())
    for m in letter_rows:
        (el,) = document.tree.xpath(m.xpath, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
        assert " ".join("".join(el.itertext()).split()) == m.text
        assert el.sourceline == m.line
        assert ">" + m.text.split()[0] in text_lines[m.line - 1] or m.kind == "idno"
        assert " ".join(string_value[m.offset : m.offset + len(m.text) + 5].split()).startswith(m.text)


def test_positions_with_a_comment_and_repeated_siblings(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>ab<!-- cd -->ef <date when="1900">1900</date></p>'
        '<p>x <date when="1901">1901</date> <date from="1902" to="1903">y</date></p></body></text></TEI>',
        encoding="utf-8",
    )
    rows = iter_mentions(read_tei(path))
    assert [(m.value, m.xpath, m.offset) for m in rows] == [
        ("1900", "/tei:TEI/tei:text/tei:body/tei:p[1]/tei:date", 5),
        ("1901", "/tei:TEI/tei:text/tei:body/tei:p[2]/tei:date[1]", 11),
        ("1902/1903", "/tei:TEI/tei:text/tei:body/tei:p[2]/tei:date[2]", 16),
    ]


def test_csv_has_a_header_and_round_trips(letter_rows: list[Mention]) -> None:
    table = list(csv.DictReader(io.StringIO(to_csv(letter_rows).decode("utf-8"))))
    assert list(table[0]) == [
        "document",
        "kind",
        "type",
        "text",
        "value",
        "key",
        "authority",
        "xpath",
        "line",
        "offset",
        "zone",
    ]
    assert [(r["text"], int(r["line"]), int(r["offset"])) for r in table] == [
        (m.text, m.line, m.offset) for m in letter_rows
    ]


def test_json_is_utf8_and_round_trips() -> None:
    rows = mentions(load_documents([CORPUS], Reporter()))
    data = json.loads(to_json(rows).decode("utf-8"))
    assert [Mention(**item) for item in data] == rows
    cyrillic = next(m.text for m in rows if any("\u0400" <= c <= "\u04ff" for c in m.text))
    assert cyrillic.encode("utf-8") in to_json(rows)  # UTF-8, not ASCII escapes


def test_corpus_export_is_stable_and_linked() -> None:
    first = mentions(load_documents([CORPUS], Reporter()))
    assert first == mentions(load_documents([CORPUS], Reporter()))
    stalin = [m for m in first if m.key == "Stalin"]
    assert stalin and {m.authority for m in stalin} == {"http://www.wikidata.org/entity/Q855"}
    by_document: dict[str, list[Mention]] = {}
    for m in first:
        by_document.setdefault(m.document, []).append(m)
    # No. 91 opens with its number, the correspondents of its title and its date (corpus, lines 11-15).
    assert [(m.kind, m.text, m.value) for m in by_document["bolshevik-correspondence-no091"][:4]] == [
        ("idno", "91", "91"),
        ("person", "J. V. Stalin", "Stalin"),
        ("person", "V. I. Lenin", "Lenin"),
        ("date", "July 24 [1920]", "1920-07-24"),
    ]
    assert not [m for m in first if "standOff" in m.xpath or "correspDesc" in m.xpath or "msDesc" in m.xpath]


def test_zone_of_each_corpus_mention() -> None:
    """No. 91: its title names Stalin and Lenin, its text Budyonny, note 2 Voroshilov; its citation is archival."""
    rows = [m for m in mentions(load_documents([CORPUS], Reporter())) if m.document == "bolshevik-correspondence-no091"]
    zones = {(m.kind, m.value, m.zone) for m in rows}
    assert {("person", "Stalin", "title"), ("person", "Lenin", "title"), ("person", "Budyonny", "text")} <= zones
    assert ("person", "Voroshilov", "note") in zones and ("person", "Voroshilov", "text") not in zones
    assert {m.zone for m in rows if m.kind == "idno" and m.type == "archival"} == {"citation", "note"}
    assert {m.zone for m in rows if m.kind == "date"} >= {"title", "text", "note"}
    assert {m.zone for m in rows} <= {"title", "text", "note", "citation", "header"}
