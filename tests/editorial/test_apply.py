"""Each action of the decisions file on the made-up letter: what it does to the TEI, and why it may not apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.editorial.decisions import parse_decisions
from tei_encode.pipeline import convert_path
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.run import iter_findings

from ..conftest import CORPUS
from .test_loop import FIXTURE, LETTER, SOURCE

HEADER = "document,text,occurrence,context,action,kind,value,names,cert,editor,note\n"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def decide(rows: str) -> tuple[etree._Element, list[str]]:
    """The letter's TEI with the decisions ``rows`` (document id left out), and the decisions that did not apply."""
    text = HEADER + "".join(f"{LETTER},{row}\n" for row in rows.strip().splitlines())
    reporter = Reporter(SOURCE)
    items = convert_path(
        FIXTURE / SOURCE,
        Register.from_directory(CORPUS / "register"),
        reporter,
        decisions=parse_decisions(text, "decisions.csv"),
    )
    [letter] = [item for item in items if item.document.id == LETTER]
    findings = list(iter_findings(letter.tree.getroottree(), LETTER, [load_validator(p) for p in default_schemas()]))
    assert findings == []
    return letter.tree, [d.format() for d in reporter.diagnostics if d.code == "decision-unmatched"]


def names(tree: etree._Element, xpath: str) -> list[tuple[str, str]]:
    return [("".join(e.itertext()), e.get("ref", "")) for e in tree.xpath(xpath, namespaces=TEI)]


def test_the_document_date_sender_and_addressee() -> None:
    tree, warnings = decide(
        ",,,date,,1920-12-31,,,,\n,,,sender,,Trotsky,,,,\n,,,sender,,Stalin,,,,\n,,,addressee,,Zinoviev,,,,"
    )
    assert warnings == []
    sent, received = tree.xpath("//t:correspDesc/t:correspAction", namespaces=TEI)
    assert names(sent, "t:persName") == [("Leon Trotsky", "#Trotsky"), ("Joseph Stalin", "#Stalin")]
    assert names(received, "t:persName") == [("Grigory Zinoviev", "#Zinoviev")]
    assert sent.find("t:date", TEI).get("when") == "1920-12-31"
    assert tree.find(".//t:origDate", TEI).get("when") == "1920-12-31"


def test_not_ok_and_a_range() -> None:
    tree, warnings = decide(
        "Lugansk,,,not,,,,,,\n30/12,,,ok,,,,medium,,\nJanuary 5,,,mark,date,1921-01-01/1921-01-10,,low,,"
    )
    assert warnings == []
    assert "Lugansk" not in [text for text, _ in names(tree, "//t:body//t:placeName")]
    [dated] = tree.xpath("//t:dateline/t:date", namespaces=TEI)
    assert (dated.get("when"), dated.get("cert"), dated.get("evidence"), dated.get("resp")) == (
        "1920-12-30",
        "medium",
        "internal",
        "#resp-the-editors",
    )
    [ranged] = [d for d in tree.iterfind(".//t:date", TEI) if d.text == "January 5"]
    assert (ranged.get("notBefore"), ranged.get("notAfter"), ranged.get("cert")) == ("1921-01-01", "1921-01-10", "low")
    assert tree.find(".//t:titleStmt/t:respStmt/t:name", TEI).text == "the editors"


def test_mark_a_place_and_link_a_name_the_converters_had_elsewhere() -> None:
    tree, warnings = decide("Red Hill,,,mark,place,,,,,\nStalin,2,,link,,Stalin,,,,")
    assert warnings == []
    assert ("Red Hill", "") in names(tree, "//t:body//t:placeName")
    assert names(tree, "//t:signed/t:persName") == [("Stalin", "#Stalin")]


BAD = [
    ("Kamenev,3,,link,,Kamenev_LB,,,,", "'Kamenev' occurs 1 time(s) in document bolshevik-correspondence-no501, not 3"),
    ("Zinoviev,,,not,,,,,,", "'Zinoviev' is not in document bolshevik-correspondence-no501"),
    ("Kamenev,,,link,,Kamenev_XY,,,,", "no register entry 'Kamenev_XY' (give its names to make one)"),
    ("Odessa,,,mark,person,Odesa,,,,", "register entry 'Odesa' is a place, not a person"),
    ("January 5,,,mark,date,5 January 1921,,,,", "date value '5 January 1921' is not an ISO date"),
    ("Kamenev,,,accept,,,,,,", "'Kamenev' is not linked to any entry"),
    ("Stalin,,,accept,,Lenin,,,,", "'Stalin' is linked to #Stalin, not a provisional entry"),
    (",,,sender,,Nobody,,,,", "no register entry 'Nobody'"),
]


@pytest.mark.parametrize(("row", "reason"), BAD, ids=[r for _, r in BAD])
def test_a_decision_that_cannot_apply_is_reported_with_its_line(row: str, reason: str) -> None:
    _, warnings = decide(row)
    assert [w.split(" not applied: ")[0] for w in warnings] == [f"decisions.csv:2: warning: {row.split(',')[3]}"]
    assert reason in warnings[0]


def test_decisions_are_applied_to_no_other_document(tmp_path: Path) -> None:
    text = HEADER + "bolshevik-correspondence-no091,Kamenev,,,link,,Kamenev_LB,,,,\n"
    reporter = Reporter(SOURCE)
    convert_path(
        FIXTURE / SOURCE,
        Register.from_directory(CORPUS / "register"),
        reporter,
        decisions=parse_decisions(text, "decisions.csv"),
    )
    assert [d.code for d in reporter.diagnostics if d.code.startswith("decision")] == []


def test_ok_with_nothing_to_confirm_and_a_decision_on_the_index_are_reported() -> None:
    text = HEADER + f"{LETTER},Red Hill,,,ok,,,,,,\nbolshevik-correspondence-501-502,Kamenev,,,link,,Kamenev_LB,,,,\n"
    reporter = Reporter(SOURCE)
    convert_path(
        FIXTURE / SOURCE,
        Register.from_directory(CORPUS / "register"),
        reporter,
        decisions=parse_decisions(text, "decisions.csv"),
    )
    assert [d.format() for d in reporter.diagnostics if d.code == "decision-unmatched"] == [
        "decisions.csv:2: warning: ok not applied:"
        " no name, place, date or correction is marked at 'Red Hill' to confirm",
        "decisions.csv:3: warning: link not applied: a collection's index is made from its letters: decide on them",
    ]


@pytest.mark.parametrize(("action", "deleted"), [("ok", True), ("not", False)])
def test_a_correction_read_from_a_note_confirmed_or_undone(action: str, deleted: bool) -> None:
    source = FIXTURE.parent / "noted" / "bolshevik-correspondence-601-602.txt"
    text = HEADER + f"bolshevik-correspondence-no601,Zinoviev is nervous,,,{action},,,,,,\n"
    reporter = Reporter(source.name)
    [letter, _] = convert_path(
        source, Register.from_directory(CORPUS / "register"), reporter, decisions=parse_decisions(text, "d.csv")
    )
    assert [d.format() for d in reporter.diagnostics if d.code == "decision-unmatched"] == []
    assert (letter.tree.find(".//t:body//t:del", TEI) is not None) is deleted
    assert "Zinoviev is nervous" in "".join(letter.tree.find(".//t:body", TEI).itertext())
    [row] = [r for r in letter.review if r.kind == "correction"]
    assert (row.status, row.decision) == ("decided", "d.csv:2")
