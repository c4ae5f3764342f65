"""TEI conformance verdicts: our output, a letter of another edition, and made-up documents that fall short."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.conformance import Verdict, conformance_report
from tei_encode.validate.relaxng import RelaxNGValidator
from tests.conftest import REPO, require_shared
from tests.validate.test_jing import jing_invalid
from tests.validate.test_messages import document

ODD = REPO / "schema" / "tei_encode.odd"
MINIMAL = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc>
<titleStmt><title>A letter</title></titleStmt>
<publicationStmt><p>Not published.</p></publicationStmt>
<sourceDesc><p>Made up.</p></sourceDesc>
</fileDesc></teiHeader>
<text><body><p>BODY</p></body></text>
</TEI>"""

# A small schema standing in for a project's customisation: TEI's header, paragraphs with an optional
# <myNote> in the TEI namespace (which TEI does not have), and <p> elements that TEI also allows.
CUSTOM = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
<start><element name="TEI"><element name="teiHeader"><element name="fileDesc">
  <element name="titleStmt"><element name="title"><text/></element></element>
  <optional><element name="publicationStmt"><ref name="p"/></element></optional>
  <optional><element name="sourceDesc"><ref name="p"/></element></optional>
</element></element>
<element name="text"><element name="body"><oneOrMore><ref name="p"/></oneOrMore></element></element>
</element></start>
<define name="p"><element name="p"><zeroOrMore>
  <choice><text/><element name="myNote"><text/></element></choice>
</zeroOrMore></element></define>
</grammar>"""
# The same vocabulary without the extension: plays tei_all's part in the fast tests.
STRICT = (
    CUSTOM.replace('<choice><text/><element name="myNote"><text/></element></choice>', "<text/>")
    .replace("<optional>", "")
    .replace("</optional>", "")
)


def parse(text: str) -> etree._ElementTree:
    return etree.fromstring(text.encode()).getroottree()


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> tuple[RelaxNGValidator, RelaxNGValidator]:
    folder = tmp_path_factory.mktemp("schemas")
    (folder / "custom.rng").write_text(CUSTOM, encoding="utf-8")
    (folder / "strict.rng").write_text(STRICT, encoding="utf-8")
    return RelaxNGValidator(folder / "custom.rng"), RelaxNGValidator(folder / "strict.rng")


CASES = [
    ("conformant", MINIMAL, Verdict.CONFORMANT, []),
    (
        "extension-element",
        MINIMAL.replace("BODY", "text <myNote>mine</myNote>"),
        Verdict.EXTENSION,
        ["valid against tei_all: 1 error(s)", "a clean subset of TEI: valid against its own schema but not"],
    ),
    (
        "no-namespace",
        MINIMAL.replace(' xmlns="http://www.tei-c.org/ns/1.0"', ""),
        Verdict.NOT_TEI,
        ["root element in the TEI namespace: <TEI> is in no namespace"],
    ),
    (
        "other-namespace",
        MINIMAL.replace("http://www.tei-c.org/ns/1.0", "http://www.example.org/letters"),
        Verdict.NOT_TEI,
        ["<TEI> is in the namespace http://www.example.org/letters"],
    ),
    (
        "html-root",
        '<html xmlns="http://www.tei-c.org/ns/1.0"><body/></html>',
        Verdict.NOT_TEI,
        ["<html> is not a TEI document element (TEI or teiCorpus)"],
    ),
    (
        "sourceDesc-missing",
        MINIMAL.replace("<sourceDesc><p>Made up.</p></sourceDesc>", ""),
        Verdict.NOT_CONFORMANT,
        ["mandatory header parts: missing fileDesc/sourceDesc"],
    ),
    (
        "publicationStmt-and-sourceDesc-missing",
        MINIMAL.replace("<publicationStmt><p>Not published.</p></publicationStmt>", "").replace(
            "<sourceDesc><p>Made up.</p></sourceDesc>", ""
        ),
        Verdict.NOT_CONFORMANT,
        ["missing fileDesc/publicationStmt, fileDesc/sourceDesc"],
    ),
    (
        "title-empty",
        MINIMAL.replace("<title>A letter</title>", "<title> </title>"),
        Verdict.NOT_CONFORMANT,
        ["fileDesc/titleStmt/title is empty"],
    ),
    (
        "invalid-against-own-schema",
        MINIMAL.replace("BODY", "<hi>x</hi>"),
        Verdict.NOT_CONFORMANT,
        [
            "valid against the project's schema: 1 error(s), the first: unknown element <hi>",
            "<p> allows (text | <myNote>)*",
        ],
    ),
]


@pytest.mark.parametrize(("text", "verdict", "reasons"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_verdicts(
    text: str, verdict: Verdict, reasons: list[str], schemas: tuple[RelaxNGValidator, RelaxNGValidator]
) -> None:
    custom, strict = schemas
    report = conformance_report(parse(text), "letter.xml", [custom], strict, ODD)
    assert report.verdict is verdict, report.format()
    failed = [r for r in report.reasons if "ODD" not in r]
    for reason in reasons:
        assert any(reason in r for r in failed), (reason, report.reasons)
    if verdict is Verdict.CONFORMANT:
        assert failed == []


def test_without_tei_all_the_verdict_stays_open(schemas: tuple[RelaxNGValidator, RelaxNGValidator]) -> None:
    custom, _ = schemas
    report = conformance_report(parse(MINIMAL), "letter.xml", [custom], None)
    assert report.verdict is Verdict.UNDETERMINED
    assert "valid against tei_all: tei_all was not given" in report.reasons
    assert "documented by an ODD: no ODD given; formal conformance needs the ODD of the schema" in report.reasons


def test_invalid_against_tei_all_without_a_project_schema_is_not_an_extension(
    schemas: tuple[RelaxNGValidator, RelaxNGValidator],
) -> None:
    _, strict = schemas
    report = conformance_report(parse(MINIMAL.replace("BODY", "<myNote>x</myNote>")), "x.xml", [], strict)
    assert report.verdict is Verdict.NOT_CONFORMANT


def test_report_text_and_json(schemas: tuple[RelaxNGValidator, RelaxNGValidator], tmp_path: Path) -> None:
    custom, strict = schemas
    not_an_odd = tmp_path / "plain.xml"
    not_an_odd.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", encoding="utf-8")
    report = conformance_report(
        parse(MINIMAL.replace("BODY", "<myNote>x</myNote>")), "x.xml", [custom], strict, not_an_odd
    )
    lines = report.format().splitlines()
    assert lines[0] == "x.xml: TEI extension"
    assert "  [ok] root element in the TEI namespace: <TEI>" in lines
    assert "  [FAIL] documented by an ODD: plain.xml has no schemaSpec" in lines
    data = report.as_dict()
    assert data["verdict"] == "TEI extension"
    assert [c["name"] for c in data["checks"]] == [  # type: ignore[attr-defined]
        "well-formed XML",
        "root element in the TEI namespace",
        "mandatory header parts",
        "valid against the project's schema",
        "documented by an ODD",
        "valid against tei_all",
        "a clean subset of TEI",
    ]
    assert data["diagnostics"][0]["message"].startswith("unknown element <myNote>")  # type: ignore[index]


@pytest.mark.slow
def test_our_output_is_tei_conformant(built: Path, tei_all: etree.RelaxNG) -> None:
    validators = [load_validator(path) for path in default_schemas()]
    files = sorted((built / "tei").glob("*.xml"))
    assert files
    for file in files:
        report = conformance_report(etree.parse(str(file)), file.name, validators, tei_all, ODD)
        assert report.verdict is Verdict.CONFORMANT, report.format()
        assert report.reasons == []


@pytest.mark.slow
def test_letters_of_another_edition_against_tei_all(tei_all: etree.RelaxNG) -> None:
    letters = sorted(require_shared("real-tei/escher").glob("*.xml"))
    verdicts = {}
    for letter in letters:
        tree = etree.parse(str(letter))
        verdicts[letter.name] = conformance_report(tree, letter.name, [], tei_all).verdict
        assert verdicts[letter.name] in (Verdict.CONFORMANT, Verdict.NOT_CONFORMANT)
        assert (verdicts[letter.name] is Verdict.CONFORMANT) == bool(tei_all.validate(tree))
    assert Verdict.CONFORMANT in verdicts.values()


@pytest.fixture()
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(cache))
    return cache


def write_letters(folder: Path) -> list[Path]:
    folder.mkdir()
    files = [folder / "a-valid.xml", folder / "b-no-namespace.xml", folder / "c-broken.xml"]
    files[0].write_bytes(document())
    files[1].write_bytes(document(root="<TEI>"))
    files[2].write_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader></TEI>")
    return files


def test_cli_conformance_without_tei_all(empty_cache: Path, tmp_path: Path) -> None:
    valid, no_namespace, broken = write_letters(tmp_path / "tei")
    result = CliRunner().invoke(main, ["validate", "--conformance", str(tmp_path / "tei")])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert f"{valid}: TEI conformant or TEI extension (not checked against tei_all)" in lines
    assert f"{no_namespace}: not TEI" in lines
    assert f"{broken}: not TEI" in lines
    assert "fetch it once with: tei-encode schema fetch tei_all" in result.output
    assert "  [--] valid against the project's schema: it names no schema of its own: tei_all stands for it" in lines
    assert "  [ok] documented by an ODD: tei_all is documented by the TEI Guidelines themselves" in lines
    assert lines[-1] == "3 files: 1 TEI conformant or TEI extension (not checked against tei_all), 2 not TEI"


def test_cli_conformance_json_and_formats(empty_cache: Path, tmp_path: Path) -> None:
    valid, *_ = write_letters(tmp_path / "tei")
    result = CliRunner().invoke(main, ["validate", "--conformance", "--format", "json", str(valid)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["files"] == 1
    assert data["reports"][0]["verdict"] == Verdict.UNDETERMINED.value
    refused = CliRunner().invoke(main, ["validate", "--conformance", "--format", "junit", str(valid)])
    assert refused.exit_code == 2
    assert "--conformance reports as text or json only" in refused.output


@pytest.mark.slow
def test_cli_conformance_with_tei_all_in_the_cache(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = tmp_path / "cache" / "schemas" / "tei_all" / "4.12.0"
    cached.mkdir(parents=True)
    for name in ("tei_all.rng", "tei_all.isosch"):
        shutil.copyfile(require_shared(f"tei-p5/{name}"), cached / name)
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "cache"))
    ours = CliRunner().invoke(main, ["validate", "--conformance", str(built / "tei")])
    assert ours.exit_code == 0, ours.output
    count = len(list((built / "tei").glob("*.xml")))
    assert ours.output.splitlines()[-1] == f"{count} files: {count} TEI conformant"
    letter = require_shared("real-tei/escher/K_0002_Anonym_an_Escher_1877-02-00.xml")
    theirs = CliRunner().invoke(main, ["validate", "--conformance", "--schema", "tei_all", str(letter)])
    assert theirs.exit_code == 0, theirs.output
    assert f"{letter}: TEI conformant" in theirs.output.splitlines()
    assert "[ok] documented by an ODD: tei_all is documented by the TEI Guidelines themselves" in theirs.output
    assert "tei_encode.odd" not in theirs.output


@pytest.mark.slow
def test_cli_conformance_of_another_edition_by_default(tmp_path: Path) -> None:
    """Letters that name no schema are judged by tei_all: conformant exactly where jing finds them valid."""
    folder = require_shared("real-tei/escher")
    result = CliRunner().invoke(main, ["validate", "--conformance", str(folder)])
    assert result.exit_code == 1
    verdicts = dict(line.rsplit(": ", 1) for line in result.output.splitlines() if line.startswith(str(folder)))
    rejected = jing_invalid(require_shared("tei-p5/tei_all.rng"), sorted(folder.glob("*.xml")))
    assert {file for file, verdict in verdicts.items() if verdict == "not TEI conformant"} == rejected
    assert len(rejected) == 9
    assert list(verdicts.values()).count("TEI conformant") == len(verdicts) - 9 == 192
    assert "tei_encode.odd" not in result.output
