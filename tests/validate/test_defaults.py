"""Which schema a document is checked against: its ``<?xml-model?>``, else tei_all; the project's only when named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main
from tei_encode.validate.named import NAMED
from tei_encode.validate.run import validate_files
from tei_encode.validate.sources import project_schemas, xml_model_schemas
from tei_encode.xmlio import PROJECT_SCHEMAS, parse_file
from tests.conftest import REPO, require_shared
from tests.validate.test_jing import jing_invalid

FIXTURES = Path(__file__).parent / "fixtures"
LETTER = FIXTURES / "valid-minimal-letter.xml"


def _report(result_output: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(result_output[: result_output.rindex("}") + 1])
    return data


def _with_model(source: Path, target: Path, href: str) -> Path:
    text = source.read_text(encoding="utf-8")
    model = f'<?xml-model href="{href}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    target.write_text(text.replace("?>\n", "?>\n" + model, 1), encoding="utf-8")
    return target


def test_a_document_naming_no_schema_is_checked_against_tei_all() -> None:
    require_shared("tei-p5/tei_all.rng")
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(LETTER)])
    assert result.exit_code == 0, result.output
    assert _report(result.output)["checked_against"] == {str(LETTER): "tei_all"}
    assert "checked against tei_all: 1 file" in result.output


def test_tei_all_missing_from_the_cache_says_how_to_fill_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "empty"))
    result = CliRunner().invoke(main, ["validate", str(LETTER)])
    assert result.exit_code == 2
    assert "checked against TEI P5 tei_all, which is not in the cache" in result.output
    assert "`tei-encode schema fetch tei_all`" in result.output and "--from tei_all.rng" in result.output


def test_the_writer_names_the_project_schema_and_the_validator_uses_it() -> None:
    written = sorted((REPO / "out" / "tei").glob("*.xml"))[0]
    tree = parse_file(written)
    assert xml_model_schemas(tree, written) == project_schemas()
    head = written.read_text(encoding="utf-8")[:400]
    for href, schematypens in PROJECT_SCHEMAS:
        assert f'href="{href}" type="application/xml" schematypens="{schematypens}"' in head
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(written)])
    assert result.exit_code == 0, result.output
    assert _report(result.output)["checked_against"] == {str(written): "tei-encode"}


def test_schema_tei_encode_names_the_project_schemas() -> None:
    result = CliRunner().invoke(
        main, ["validate", "--schema", "tei-encode", str(FIXTURES / "unknown-element-in-p.xml")]
    )
    assert result.exit_code == 1
    assert "checked against tei-encode: 1 file" in result.output
    assert "(tei_encode.rng)" not in result.output  # messages come from the project's grammar, not a file given


def test_a_broken_xml_model_is_a_finding_of_that_file_only(tmp_path: Path) -> None:
    require_shared("tei-p5/tei_all.rng")
    (tmp_path / "notes.txt").write_text("not a schema", encoding="utf-8")
    broken = _with_model(LETTER, tmp_path / "broken.xml", "notes.txt")
    missing = _with_model(LETTER, tmp_path / "missing.xml", "nowhere/schema.rng")
    fine = shutil.copy(LETTER, tmp_path / "fine.xml")
    results = validate_files([broken, missing, Path(fine)])
    assert results[str(fine)] == []
    assert results.schemas == {str(fine): "tei_all"}
    for path, words in ((broken, "unknown schema type '.txt'"), (missing, "nowhere/schema.rng")):
        (finding,) = results[str(path)]
        assert finding.code == "schema-not-usable" and words in finding.message
        assert finding.line == 2  # the instruction's line
    cli = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert cli.exit_code == 1
    assert "3 files, 1 valid, 2 invalid" in cli.output


@pytest.mark.parametrize("form", ["file", "directory"])
def test_schema_fetch_from_a_file_or_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    release = require_shared("tei-p5/tei_all.rng")
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "cache"))
    source = release if form == "file" else release.parent
    result = CliRunner().invoke(main, ["schema", "fetch", "tei_all", "--from", str(source)])
    assert result.exit_code == 0, result.output
    assert all(path.is_file() for path in NAMED["tei_all"].files())
    wrong = tmp_path / "wrong.rng"
    wrong.write_text("<grammar/>", encoding="utf-8")
    refused = CliRunner().invoke(main, ["schema", "fetch", "tei_all", "--from", str(wrong), "--force"])
    assert refused.exit_code == 2 and "checksum mismatch" in refused.output
    absent = CliRunner().invoke(main, ["schema", "fetch", "tei_all", "--from", str(tmp_path / "nothing"), "--force"])
    assert absent.exit_code == 2 and "cannot read" in absent.output


@pytest.mark.slow
def test_another_edition_by_default_reports_exactly_the_files_jing_rejects() -> None:
    folder = require_shared("real-tei/escher")
    files = sorted(folder.glob("*.xml"))
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(folder)])
    assert result.exit_code == 1
    report = _report(result.output)
    rejected = jing_invalid(require_shared("tei-p5/tei_all.rng"), files)
    assert len(rejected) == 9
    assert set(report["invalid"]) == rejected  # type: ignore[arg-type]
    assert set(report["checked_against"].values()) == {"tei_all"}  # type: ignore[union-attr]
    assert f"checked against tei_all: {len(files)} files" in result.output
