"""The cmif, export and register check commands (CliRunner)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main

from ..conftest import CORPUS
from .fixtures import write_letter

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_cmif_of_the_corpus(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "cmif.xml"
    args = ["cmif", str(CORPUS), "-o", str(out), "--date", "2026-11-22", "--editor", "A", "--editor", "B"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "11 letters of 12 documents" in result.output
    root = etree.parse(str(out)).getroot()
    assert len(root.findall(".//tei:correspDesc", NS)) == 11
    assert [e.text for e in root.iterfind(".//tei:editor", NS)] == ["A", "B"]
    assert root.findtext(".//tei:publicationStmt/tei:idno", namespaces=NS) == "cmif.xml"
    again = tmp_path / "again" / "cmif.xml"
    assert runner.invoke(main, [*args[:3], str(again), *args[4:]]).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_cmif_of_tei_files_skips_non_letters(runner: CliRunner, tmp_path: Path) -> None:
    write_letter(tmp_path, "a")
    write_letter(tmp_path, "b", corresp="")
    out = tmp_path / "out" / "cmif.xml"
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    result = runner.invoke(
        main, ["cmif", str(tmp_path), "-o", str(out), "-v", "--letter-url", "https://x.org/{id}"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "b: no correspDesc" in result.output and "1 letters of 2 documents" in result.output
    root = etree.parse(str(out)).getroot()
    assert [d.get("ref") for d in root.iterfind(".//tei:correspDesc", NS)] == ["https://x.org/a"]
    assert root.find(".//tei:publicationStmt/tei:date", NS).get("when") == "2023-11-14"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "yesterday"], "not an ISO 8601 date"),
        (["--date", "2026-01-01", "--letter-url", "https://x.org/{name}"], "only {id} may be filled in"),
        ([], "no publication date"),
        (["--date", "2026-01-01", "MISSING.xml"], "MISSING.xml: no such file"),
    ],
    ids=["bad-date", "bad-letter-url", "no-date", "missing-input"],
)
def test_cmif_usage_errors_write_nothing(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    letter = write_letter(tmp_path, "a")
    out = tmp_path / "cmif.xml"
    inputs = [str(tmp_path / a) if a.endswith(".xml") else a for a in args]
    result = runner.invoke(main, ["cmif", str(letter), *inputs, "-o", str(out)], env={"SOURCE_DATE_EPOCH": None})
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_cmif_rejects_a_file_that_is_not_tei(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<html/>", encoding="utf-8")
    result = runner.invoke(main, ["cmif", str(bad), "-o", str(tmp_path / "c.xml"), "--date", "2026-01-01"])
    assert result.exit_code == 2 and "not a TEI document" in result.output


def test_export_csv_and_json(runner: CliRunner, tmp_path: Path) -> None:
    write_letter(tmp_path, "a")
    csv_out, json_out = tmp_path / "m.csv", tmp_path / "m.json"
    assert (
        runner.invoke(main, ["export", str(tmp_path / "a.xml"), "--format", "csv", "-o", str(csv_out)]).exit_code == 0
    )
    assert runner.invoke(main, ["export", str(tmp_path / "a.xml"), "-o", str(json_out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8"))))
    records = json.loads(json_out.read_text(encoding="utf-8"))
    assert (
        [r["text"] for r in rows]
        == [r["text"] for r in records]
        == ["Anna", "Tver", "Boris", "Vera", "early May", "1/2"]
    )
    assert records[0]["line"] == int(rows[0]["line"]) > 0


def test_export_to_stdout(runner: CliRunner, tmp_path: Path) -> None:
    write_letter(tmp_path, "a")
    result = runner.invoke(main, ["export", str(tmp_path), "--format", "csv", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "document,kind,type,text,value,key,authority,xpath,line,offset"
    assert len(result.stdout.splitlines()) == 7


def test_register_check_of_the_corpus(runner: CliRunner) -> None:
    result = runner.invoke(main, ["register", "check", str(CORPUS)])
    sections = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert [s.split(" (")[0] for s in sections] == [
        "Names not linked to the register",
        "Authority ids without a verification source",
        "Entries without an authority id",
        "Authority ids and where they were verified",
        "Entries the corpus does not name",
    ]
    assert "  person Stalin: wikidata Q855 https://www.wikidata.org/entity/Q855" in result.stdout
    verified = result.stdout.split("Authority ids and where they were verified")[1].split("Entries the corpus")[0]
    ids = [line for line in verified.splitlines()[1:] if not line.startswith("    ")]
    sources = [line for line in verified.splitlines()[1:] if line.startswith("    verified at https://")]
    assert ids and len(ids) == len(sources)
    unlinked = result.stdout.split("Authority ids without")[0]
    assert result.exit_code == (1 if unlinked.count("\n") > 1 else 0)


def test_register_check_needs_a_corpus(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["register", "check", str(tmp_path)])
    assert result.exit_code == 2 and "not a corpus directory" in result.output
