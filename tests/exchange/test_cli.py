"""The cmif, export and register check commands (CliRunner)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main

from ..conftest import CORPUS
from .fixtures import write_letter

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
EDITION = ["--editor", "Anna Editor", "--url", "https://example.org/cmif.xml"]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_cmif_of_the_corpus_reads_its_configuration(runner: CliRunner, tmp_path: Path) -> None:
    """Without options, `cmif` writes what `build` writes: the same settings, the same bytes."""
    out = tmp_path / "cmif.xml"
    result = runner.invoke(main, ["cmif", str(CORPUS), "-o", str(out)], env={"SOURCE_DATE_EPOCH": None})
    assert result.exit_code == 0, result.output
    assert "11 letters of 12 documents" in result.output
    assert out.read_bytes() == (CORPUS.parent / "out" / "cmif.xml").read_bytes()
    config = json.loads((CORPUS / "cmif.json").read_text(encoding="utf-8"))
    root = etree.parse(str(out)).getroot()
    assert root.findtext(".//tei:publicationStmt/tei:idno", namespaces=NS) == config["url"]


def test_cmif_options_override_the_configuration(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "cmif.xml"
    args = ["cmif", str(CORPUS), "-o", str(out), "--date", "2026-11-22", "--editor", "A", "--editor", "B"]
    result = runner.invoke(main, [*args, "--url", "https://x.org/c.xml"])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert [e.text for e in root.iterfind(".//tei:titleStmt/tei:editor", NS)] == ["A", "B"]
    assert root.findtext(".//tei:publicationStmt/tei:idno", namespaces=NS) == "https://x.org/c.xml"
    assert root.find(".//tei:publicationStmt/tei:date", NS).get("when") == "2026-11-22"


def test_cmif_record_keeps_the_date_until_the_content_changes(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "cmif.xml"
    env = {"SOURCE_DATE_EPOCH": "1800000000"}
    assert runner.invoke(main, ["cmif", str(corpus), "-o", str(out), "--record"], env=env).exit_code == 0
    recorded = json.loads((corpus / "cmif.json").read_text(encoding="utf-8"))["published"]
    first = out.read_bytes()
    later = {"SOURCE_DATE_EPOCH": "1900000000"}
    assert runner.invoke(main, ["cmif", str(corpus), "-o", str(out)], env=later).exit_code == 0
    assert out.read_bytes() == first and f'when="{recorded["when"]}"'.encode() in first
    assert runner.invoke(main, ["cmif", str(corpus), "-o", str(out), "--title", "New"], env=later).exit_code == 0
    assert b'when="2030-03-17T17:46:40Z"' in out.read_bytes()


def test_cmif_of_tei_files_skips_non_letters(runner: CliRunner, tmp_path: Path) -> None:
    write_letter(tmp_path, "a")
    write_letter(tmp_path, "b", corresp="")
    out = tmp_path / "out" / "cmif.xml"
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    args = ["cmif", str(tmp_path), "-o", str(out), "-v", "--letter-url", "https://x.org/{id}", *EDITION]
    result = runner.invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    assert "b: no correspDesc" in result.output and "1 letters of 2 documents" in result.output
    root = etree.parse(str(out)).getroot()
    assert [d.get("ref") for d in root.iterfind(".//tei:correspDesc", NS)] == ["https://x.org/a"]
    assert root.find(".//tei:publicationStmt/tei:date", NS).get("when") == "2023-11-14T22:13:20Z"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "yesterday"], "not an ISO 8601 date"),
        (["--date", "2026-01-01", "--letter-url", "https://x.org/{name}"], "only {id} may be filled in"),
        ([], "no publication date"),
        (["--date", "2026-01-01", "MISSING.xml"], "MISSING.xml: no such file"),
        (["--date", "2026-01-01", "--url", "cmif.xml"], "must be a URL"),
    ],
    ids=["bad-date", "bad-letter-url", "no-date", "missing-input", "file-name-as-url"],
)
def test_cmif_usage_errors_write_nothing(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    letter = write_letter(tmp_path, "a")
    out = tmp_path / "cmif.xml"
    inputs = [str(tmp_path / a) if a.endswith(".xml") else a for a in args]
    args = ["cmif", str(letter), *EDITION, *inputs, "-o", str(out)]
    result = runner.invoke(main, args, env={"SOURCE_DATE_EPOCH": None})
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_cmif_rejects_a_file_that_is_not_tei(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<html/>", encoding="utf-8")
    result = runner.invoke(main, ["cmif", str(bad), "-o", str(tmp_path / "c.xml"), "--date", "2026-01-01", *EDITION])
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
    assert result.stdout.splitlines()[0] == "document,kind,type,text,value,key,authority,xpath,line,offset,zone"
    assert len(result.stdout.splitlines()) == 7


def test_register_check_of_the_corpus(runner: CliRunner) -> None:
    result = runner.invoke(main, ["register", "check", str(CORPUS)])
    sections = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert [s.split(" (")[0] for s in sections] == [
        "Names not linked to the register",
        "Ids that cannot be ids of their authority file",
        "Ids not verified",
        "Entries without an authority id",
        "Verified ids",
        "Entries the corpus does not name",
    ]
    assert "Ids that cannot be ids of their authority file (0):" in result.stdout
    assert "Ids not verified (0):" in result.stdout
    assert "  person Stalin: http://www.wikidata.org/entity/Q855\n    'Joseph Stalin', checked 20" in result.stdout
    assert "  place Poland: http://www.wikidata.org/entity/Q207272 (1918-11-11/1939-10-06)" in result.stdout
    unlinked = result.stdout.split("Ids that cannot")[0]
    assert result.exit_code == (1 if unlinked.count("\n") > 1 else 0)


def test_register_check_needs_a_corpus(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["register", "check", str(tmp_path)])
    assert result.exit_code == 2 and "not a corpus directory" in result.output


def test_export_letters_and_network_of_the_corpus(runner: CliRunner, tmp_path: Path) -> None:
    table, network = tmp_path / "letters.csv", tmp_path / "network.gexf"
    assert runner.invoke(main, ["export", str(CORPUS), "--format", "letters", "-o", str(table)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert len(rows) == 11
    first = rows[0]
    assert (first["id"], first["date"], first["senders"], first["addressees"]) == (
        "bolshevik-correspondence-no091", "1920-07-24", "Joseph Stalin", "Vladimir Lenin",
    )  # fmt: skip
    assert first["senders_ids"] == "http://www.wikidata.org/entity/Q855"
    assert (first["sent_from"], first["sent_to"]) == ("Kharkiv", "Moscow")
    assert first["sent_to_ids"] == "http://www.geonames.org/524901 http://www.wikidata.org/entity/Q649"
    assert runner.invoke(main, ["export", str(CORPUS), "--format", "network", "-o", str(network)]).exit_code == 0
    gexf = etree.parse(str(network)).getroot()
    g = {"g": "http://gexf.net/1.3"}
    edges = gexf.findall(".//g:edge", g)
    # Eight letters to one addressee; No. 94 and the cable to two, No. 97 to four.
    assert len(edges) == 8 + 2 + 2 + 4
    assert (edges[0].get("source"), edges[0].get("target"), edges[0].get("start")) == ("Stalin", "Lenin", "1920-07-24")
    assert {n.get("id") for n in gexf.iterfind(".//g:node", g)} >= {"Stalin", "Lenin", "Trotsky", "Mao_Zedong"}
