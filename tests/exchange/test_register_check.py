"""The register check: unlinked names, malformed ids, ids without a check that names the entry, entries without
ids, and the checks of the verified ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_encode.exchange.checks import CheckRecord
from tei_encode.exchange.idsyntax import id_problem, valid_uri
from tei_encode.exchange.inputs import read_tei
from tei_encode.exchange.register_check import check_id, check_register
from tei_encode.register import AUTHORITY_URIS, Entry, Register

from .fixtures import write_letter

REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>
<person xml:id="Anna"><persName type="main">Anna Example</persName>
<idno type="gnd" source="https://example.org/b">118540238</idno></person>
<person xml:id="Boris"><persName type="main">Boris Example</persName></person>
<person xml:id="Gleb"><persName type="main">Gleb Example</persName><idno type="viaf">77</idno></person>
</listPerson><listPlace><place xml:id="Tver"><placeName type="main">Tver</placeName>
<idno type="wikidata" source="https://example.org/t">Q2</idno></place></listPlace></body></text></TEI>
"""


def test_a_name_linked_only_by_an_editors_decision_is_unlinked_with_its_entry_named(tmp_path: Path) -> None:
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "people.xml").write_text(REGISTER.replace("Boris", "Bogdan"), encoding="utf-8")
    register = Register.from_directory(tmp_path / "register")
    report = check_register(register, [read_tei(write_letter(tmp_path, "letter-1"))])
    # Boris's entry is only in the letter's own standOff (as a decision puts it there); Vera has none at all.
    assert [(u.text, u.decided, len(u.places)) for u in report.unlinked] == [("Boris", "Boris", 2), ("Vera", "", 2)]


def test_findings(tmp_path: Path) -> None:
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "people.xml").write_text(REGISTER, encoding="utf-8")
    register = Register.from_directory(tmp_path / "register")
    letter = read_tei(write_letter(tmp_path, "letter-1"))
    report = check_register(register, [letter])
    # "Vera" is named twice (correspDesc and text) without a register entry; standOff is not read.
    assert [(u.kind, u.text, [p.xpath.rsplit("/", 1)[-1] for p in u.places]) for u in report.unlinked] == [
        ("person", "Vera", ["tei:persName[2]", "tei:persName[3]"])
    ]
    assert [p.file for p in report.unlinked[0].places] == [letter.file, letter.file]
    assert [e.key for e in report.without_ids] == ["Boris"]
    assert [(f.entry.key, f.authority.value, f.problem) for f in report.unverified] == [
        ("Anna", "118540238", "no check record"),
        ("Gleb", "77", "no check record"),
        ("Tver", "Q2", "no check record"),
    ]
    assert report.verified == []
    assert [e.key for e in report.unused] == ["Gleb"]
    assert report.needs_work()


def test_complete_register_needs_no_work_unless_strict(tmp_path: Path) -> None:
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "people.xml").write_text(
        REGISTER.replace('<idno type="viaf">77</idno>', ""), encoding="utf-8"
    )
    corresp = (
        '<correspDesc><correspAction type="sent"><persName ref="#Anna">Anna</persName></correspAction>'
        '<correspAction type="received"><persName ref="#Boris">Boris</persName></correspAction></correspDesc>'
    )
    path = write_letter(tmp_path, "letter-1", corresp=corresp)
    path.write_text(path.read_text(encoding="utf-8").replace("<persName>Vera</persName>", "Vera"), encoding="utf-8")
    report = check_register(Register.from_directory(tmp_path / "register"), [read_tei(path)], CHECKS)
    assert report.unlinked == [] and report.unverified == [] and report.malformed == []
    assert [(f.entry.key, f.record) for f in report.verified] == [
        ("Anna", CHECKS["gnd:118540238"]), ("Tver", CHECKS["wikidata:Q2"]),
    ]  # fmt: skip
    assert not report.needs_work()
    assert report.needs_work(strict=True)  # Boris and Gleb have no authority id


CHECKS = {
    "gnd:118540238": CheckRecord("Anna Example", "2026-12-01", "https://d-nb.info/gnd/118540238"),
    "wikidata:Q2": CheckRecord("Tver", "2026-12-01", "https://www.wikidata.org/wiki/Q2"),
}


def _stalin(idno: str) -> Register:
    """A register whose Stalin entry has the id ``idno`` (an ``idno`` element)."""
    entry = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson><person xml:id="Stalin">'
        '<persName type="main">Joseph Stalin</persName><persName>Stalin</persName>'
        f"{idno}</person></listPerson></body></text></TEI>"
    )
    return Register({e.key: e for e in _entries(entry)})


def _entries(text: str) -> list[Entry]:
    from tempfile import TemporaryDirectory

    with TemporaryDirectory() as directory:
        path = Path(directory) / "r.xml"
        path.write_text(text, encoding="utf-8")
        return list(Register.load([path]).entries.values())


STALIN_CHECKS = {
    "wikidata:Q855": CheckRecord("Joseph Stalin", "2026-12-06", "https://www.wikidata.org/wiki/Q855"),
    "wikidata:Q42": CheckRecord("Douglas Adams", "2026-12-06", "https://www.wikidata.org/wiki/Q42"),
}


@pytest.mark.parametrize(
    ("idno", "bucket", "problem"),
    [
        ('<idno type="wikidata" source="https://www.wikidata.org/wiki/Q855">Q855</idno>', "verified", ""),
        (
            '<idno type="wikidata" source="https://www.wikidata.org/wiki/Q855">Q42</idno>',
            "unverified",
            "checked label 'Douglas Adams' is none of the entry's names",
        ),
        ('<idno type="wikidata" source="https://x.org/">Q43</idno>', "unverified", "no check record"),
        ('<idno type="Wikidata" source="https://x.org/">Mao</idno>', "malformed", "unknown authority file 'Wikidata'"),
        ('<idno type="wikidata" source="https://x.org/">Mao</idno>', "malformed", "'Mao' is not a wikidata id"),
        ('<idno type="gnd">118616928</idno>', "malformed", "wrong GND check digit"),
    ],
    ids=["right", "q42-for-stalin", "no-record", "capital-scheme-mao", "name-as-id", "gnd-check-digit"],
)
def test_check_cannot_pass_by_accident(idno: str, bucket: str, problem: str) -> None:
    report = check_register(_stalin(idno), [], STALIN_CHECKS)
    findings = getattr(report, bucket)
    assert len(findings) == 1 and problem in findings[0].problem
    assert report.needs_work() == (bucket != "verified")


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (CheckRecord("", "2026-12-06", "https://x.org/q"), "no label"),
        (CheckRecord("Stalin", "6.12.2026", "https://x.org/q"), "not an ISO day"),
        (CheckRecord("Stalin", "2026-12-06", "a page"), "not a URL"),
        (CheckRecord("stalin", "2026-12-06", "https://x.org/q"), ""),
    ],
    ids=["no-label", "bad-day", "no-url", "label-any-case"],
)
def test_check_record_must_be_usable(record: CheckRecord, problem: str) -> None:
    register = _stalin('<idno type="wikidata">Q855</idno>')
    entry = register.entries["Stalin"]
    finding = check_id(entry, entry.authorities[0], {"wikidata:Q855": record})
    assert finding.problem == problem or (problem and problem in finding.problem)


@pytest.mark.parametrize(
    ("scheme", "value", "ok"),
    [
        ("gnd", "118540238", True),
        ("gnd", "118616927", True),
        ("gnd", "4011882-4", True),
        ("gnd", "118540239", False),
        ("gnd", "Stalin", False),
        ("gnd", "11854023\u0668", False),
        ("viaf", "24602065", True),
        ("viaf", "0246", False),
        ("wikidata", "Q855", True),
        ("wikidata", "P31", False),
        ("geonames", "524901", True),
        ("geonames", "Moscow", False),
        ("lccn", "n79", False),
    ],
)
def test_id_forms(scheme: str, value: str, ok: bool) -> None:
    assert (id_problem(scheme, value) == "") is ok


@given(st.sampled_from(sorted(AUTHORITY_URIS)), st.text(max_size=20))
def test_an_id_is_sent_exactly_when_its_form_is_right(scheme: str, value: str) -> None:
    """Whatever is typed as an id, the form check answers, and the URI built from it is usable just when it is."""
    problem = id_problem(scheme, value)
    assert isinstance(problem, str)
    assert valid_uri(AUTHORITY_URIS[scheme].format(value)) == (problem == "")
