"""The register check: unlinked names, entries without ids, unverified ids, where ids were verified."""

from __future__ import annotations

from pathlib import Path

from tei_encode.exchange.inputs import read_tei
from tei_encode.exchange.register_check import check_register
from tei_encode.register import Register

from ..conftest import CORPUS
from .fixtures import write_letter

REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>
<person xml:id="Anna"><persName type="main">Anna Example</persName>
<idno type="gnd" source="https://example.org/b">123</idno></person>
<person xml:id="Boris"><persName type="main">Boris Example</persName></person>
<person xml:id="Gleb"><persName type="main">Gleb Example</persName><idno type="viaf">77</idno></person>
</listPerson><listPlace><place xml:id="Tver"><placeName type="main">Tver</placeName>
<idno type="wikidata" source="https://example.org/t">Q2</idno></place></listPlace></body></text></TEI>
"""


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
    assert [(e.key, a.value) for e, a in report.unverified] == [("Gleb", "77")]
    assert [(e.key, a.scheme, a.source) for e, a in report.verified] == [
        ("Anna", "gnd", "https://example.org/b"),
        ("Tver", "wikidata", "https://example.org/t"),
    ]
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
    report = check_register(Register.from_directory(tmp_path / "register"), [read_tei(path)])
    assert report.unlinked == [] and report.unverified == []
    assert not report.needs_work()
    assert report.needs_work(strict=True)  # Boris and Gleb have no authority id


def test_every_authority_id_of_the_corpus_register_says_where_it_was_verified() -> None:
    register = Register.from_directory(CORPUS / "register")
    report = check_register(register, [])
    assert report.unverified == []
    assert report.verified and all(a.source.startswith("https://") for _, a in report.verified)
