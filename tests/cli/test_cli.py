"""The command line: exit codes, messages naming the file and line, nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main

from ..conftest import SOURCES

VALID_TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
<encodingDesc><editorialDecl><p>e</p></editorialDecl><appInfo><application ident="x" version="1"><label>x</label>
</application></appInfo></encodingDesc><profileDesc><langUsage><language ident="en">English</language></langUsage>
</profileDesc></teiHeader><text><front><docTitle><titlePart>t</titlePart></docTitle></front><body><p>text</p></body>
</text></TEI>
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty source text"),
        (b"   \n\n", "empty source text"),
        (b"caf\xe9\n", "not UTF-8"),
        (b"ok\nline two \x01\n", "control character"),
    ],
    ids=["empty", "blank", "latin-1", "control-char"],
)
def test_convert_rejects_bad_input_without_writing(
    runner: CliRunner, tmp_path: Path, content: bytes, expected: str
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{source}:" in result.output and expected in result.output
    assert not out.exists() or not any(out.iterdir())


def test_convert_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output


def test_convert_writes_one_file_per_document_and_the_collection_index(runner: CliRunner, tmp_path: Path) -> None:
    source = SOURCES["bolshevik-correspondence-091-100"]
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    letters = sorted(p.name for p in tmp_path.glob("bolshevik-correspondence-no*.xml"))
    assert letters == [f"bolshevik-correspondence-no{n:03d}.xml" for n in range(91, 101)]
    assert sorted(p.name for p in tmp_path.glob("*.xml")) == sorted([*letters, "bolshevik-correspondence-091-100.xml"])


def test_convert_debug_model_prints_the_model(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["convert", str(SOURCES["wilson-119543-cable-5542"]), "-o", str(tmp_path), "--debug-model"]
    )
    assert result.exit_code == 0
    assert "division transcription" in result.output
    assert "del " in result.output and "'руководстве боевыми действиями'" in result.output


def test_validate_valid_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "ok.xml"
    path.write_text(VALID_TEI, encoding="utf-8")
    result = runner.invoke(main, ["validate", "--schema", "tei-encode", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 file, 1 valid, 0 invalid" in result.output


def test_validate_invalid_file_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(VALID_TEI.replace("<p>text</p>", "<p>text<persNam>x</persNam></p>"), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--schema", "tei-encode", str(path)])
    assert result.exit_code == 1
    assert f"{path}:6:" in result.output
    assert "persNam" in result.output


def test_validate_not_well_formed_is_a_finding(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<TEI>\n<unclosed>\n</TEI>\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert '"not-well-formed"' in result.output


def test_validate_refuses_entities(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "root:" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "missing.xml"], "no such file"),
        (["validate", "--schema", "schema.dtd", "{ok}"], "unknown schema type"),
        (["validate", "--schema", "absent.rng", "{ok}"], "schema not found"),
    ],
    ids=["missing-file", "unknown-schema-type", "missing-schema"],
)
def test_validate_usage_errors_exit_2(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    ok = tmp_path / "ok.xml"
    ok.write_text(VALID_TEI, encoding="utf-8")
    result = runner.invoke(main, [a.replace("{ok}", str(ok)) for a in args])
    assert result.exit_code == 2
    assert message in result.output


def test_render_writes_reading_view(runner: CliRunner, tmp_path: Path) -> None:
    tei = tmp_path / "tei"
    runner.invoke(main, ["convert", str(SOURCES["wilson-119543-cable-5542"]), "-o", str(tei)])
    result = runner.invoke(main, ["render", str(tei), "-o", str(tmp_path / "html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "html" / "wilson-119543-cable-5542.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "особенно" in page
    assert "руководстве боевыми действиями" not in page
