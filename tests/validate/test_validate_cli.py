"""``tei-encode validate``: paths, directories and globs, schemas from --schema and <?xml-model?>, jobs, exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main
from tei_encode.validate import run
from tei_encode.validate.cache import url_cache_path
from tei_encode.validate.named import NAMED
from tei_encode.validate.run import validate_files
from tests.conftest import REPO, require_shared

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_RNG = REPO / "schema" / "tei_encode.rng"
RNG_TYPE = "http://relaxng.org/ns/structure/1.0"
SCH_TYPE = "http://purl.oclc.org/dsdl/schematron"
MINIMAL = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>{}</p></body></text></TEI>\n'
RULES = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="tei:p"><assert test="string-length(.) gt 3">Paragraph too short.</assert></rule></pattern>
</schema>"""


def _model(href: str, schematypens: str) -> str:
    return f'<?xml-model href="{href}" type="application/xml" schematypens="{schematypens}"?>\n'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user cache of this test only (the session's may hold tei_all)."""
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_directories_and_globs(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copy(FIXTURES / "valid-minimal-letter.xml", tmp_path / f"{name}.xml")
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "unknown-element-in-p.xml", tmp_path / "sub" / "c.xml")
    schema = ["--schema", str(require_shared("tei-p5/tei_all.rng"))]
    whole = runner.invoke(main, ["validate", *schema, str(tmp_path)])
    assert whole.exit_code == 1
    assert "3 files, 2 valid, 1 invalid" in whole.output
    globbed = runner.invoke(main, ["validate", *schema, str(tmp_path / "*.xml")])
    assert globbed.exit_code == 0, globbed.output
    assert "2 files, 2 valid, 0 invalid" in globbed.output
    nothing = runner.invoke(main, ["validate", *schema, str(tmp_path / "*.tei")])
    assert nothing.exit_code == 2
    assert "no such file or directory" in nothing.output


def test_xml_model_relative_schemas(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "rules.sch").write_text(RULES, encoding="utf-8")
    shutil.copy(require_shared("tei-p5/tei_all.rng"), tmp_path / "schemas" / "tei_all.rng")
    head = _model("schemas/tei_all.rng", RNG_TYPE) + _model("schemas/rules.sch", SCH_TYPE)
    (tmp_path / "short.xml").write_text(head + MINIMAL.format("ab"), encoding="utf-8")
    (tmp_path / "long.xml").write_text(head + MINIMAL.format("long enough"), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(tmp_path / "short.xml"), str(tmp_path / "long.xml")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'short.xml'}:3:54: error: Paragraph too short." in result.output
    assert "teiHeader" in result.output  # tei_all.rng from the instruction: the header is missing
    assert "long.xml:3: error: Paragraph" not in result.output


def test_xml_model_naming_a_grammar_as_schematron_uses_its_embedded_rules(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(require_shared("tei-p5/tei_all.rng"), tmp_path / "tei_all.rng")
    document = tmp_path / "doc.xml"
    document.write_text(_model("tei_all.rng", SCH_TYPE) + MINIMAL.format("a<p>b</p>"), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(document)])
    assert result.exit_code == 1
    assert "Abstract model violation" in result.output


def test_xml_model_url_is_looked_up_in_the_cache_only(runner: CliRunner, tmp_path: Path, empty_cache: Path) -> None:
    url = "https://example.org/schemas/letters.rng"
    document = tmp_path / "doc.xml"
    document.write_text(_model(url, RNG_TYPE) + MINIMAL.format("text"), encoding="utf-8")
    missing = runner.invoke(main, ["validate", str(document)])
    assert missing.exit_code == 1
    assert f"fetch it once with: tei-encode schema fetch {url}" in missing.output
    cached = url_cache_path(url)
    cached.parent.mkdir(parents=True)
    shutil.copy(PROJECT_RNG, cached)
    found = runner.invoke(main, ["validate", str(document)])
    assert found.exit_code == 1
    assert "teiHeader" in found.output and "fetch it once" not in found.output


def test_tei_release_url_maps_to_the_named_schema(runner: CliRunner, tmp_path: Path, empty_cache: Path) -> None:
    url = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
    document = tmp_path / "doc.xml"
    shutil.copy(FIXTURES / "valid-minimal-letter.xml", document)
    text = document.read_text(encoding="utf-8").replace("?>\n", "?>\n" + _model(url, RNG_TYPE), 1)
    document.write_text(text, encoding="utf-8")
    empty = runner.invoke(main, ["validate", str(document)])
    assert "fetch it once with: tei-encode schema fetch tei_all" in empty.output
    grammar, _ = NAMED["tei_all"].files()
    grammar.parent.mkdir(parents=True)
    shutil.copy(require_shared("tei-p5/tei_all.rng"), grammar)
    shutil.copy(require_shared("tei-p5/tei_all.isosch"), grammar.with_suffix(".isosch"))
    result = runner.invoke(main, ["validate", str(document)])
    assert result.exit_code == 0, result.output


def test_jobs_give_the_same_report(runner: CliRunner, tmp_path: Path) -> None:
    schemas = ["--schema", str(require_shared("tei-p5/tei_all.rng")), "--schema", str(PROJECT_RNG)]
    args = ["validate", *schemas, "--format", "json", str(FIXTURES)]
    one = runner.invoke(main, args)
    two = runner.invoke(main, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    texts = [r.output[: r.output.rindex("}") + 1] for r in (one, two)]
    assert [re.sub(r'"seconds": [0-9.]+', "", t) for t in texts] == [re.sub(r'"seconds": [0-9.]+', "", texts[0])] * 2
    report = json.loads(texts[0])
    assert report["files"] == len(list(FIXTURES.glob("*.xml")))
    assert report["invalid"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--schema", "tei_all"], 2, "tei-encode schema fetch tei_all"),
        (["--schema", "{tmp}/broken.rng"], 2, "cannot read RELAX NG schema"),
        (["--schema", "{tmp}/absent.sch"], 2, "schema not found"),
        (["--format", "yaml"], 2, "Invalid value for '--format'"),
    ],
    ids=["empty-cache", "broken-schema", "missing-schema", "unknown-format"],
)
def test_usage_and_schema_errors_exit_2(
    runner: CliRunner, tmp_path: Path, empty_cache: Path, args: list[str], code: int, message: str
) -> None:
    (tmp_path / "broken.rng").write_text("<grammar", encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = runner.invoke(main, ["validate", *args, str(FIXTURES / "valid-minimal-letter.xml")])
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_summary_line_and_no_progress_bar_when_not_a_terminal(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["validate", "--schema", str(require_shared("tei-p5/tei_all.rng")), str(FIXTURES / "valid-table.xml")]
    )
    assert result.exit_code == 0
    assert result.output.startswith("1 file, 1 valid, 0 invalid (")
    assert "[#" not in result.output


def test_jobs_parse_in_the_workers_when_no_vocabulary_is_needed(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("valid-minimal-letter", "unknown-element-in-p", "valid-table"):
        shutil.copy(FIXTURES / f"{name}.xml", tmp_path / f"{name}.xml")
    (tmp_path / "broken.xml").write_text("<TEI><p></TEI>", encoding="utf-8")
    args = ["validate", "--schema", str(PROJECT_RNG), "--format", "json", str(tmp_path)]
    reports = []
    for jobs in ("1", "2"):
        result = runner.invoke(main, [*args, "--jobs", jobs])
        assert result.exit_code == 1
        report = json.loads(result.output[: result.output.rindex("}") + 1])
        report.pop("seconds")
        reports.append(report)
    assert reports[0] == reports[1]
    assert reports[0]["files"] == 4
    assert {d["code"] for d in reports[0]["diagnostics"] if d["file"].endswith("broken.xml")} == {"not-well-formed"}


def test_jobs_with_progress_report_every_file_as_one_process_does() -> None:
    files = sorted(FIXTURES.glob("*.xml")) + sorted((REPO / "out" / "tei").glob("*.xml"))  # invalid and valid
    seen: list[tuple[int, int]] = []
    alone = validate_files(files, [PROJECT_RNG])
    pooled = validate_files(files, [PROJECT_RNG], jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert pooled == alone
    assert any(alone.values()) and not all(alone.values())
    assert seen[-1] == (len(files), len(files))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_run_of_a_few_megabytes_takes_every_core_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    letter = FIXTURES / "valid-minimal-letter.xml"
    monkeypatch.setattr(run, "cores", lambda: 3)
    assert run.default_jobs([letter]) == 1
    assert run.default_jobs(sorted(FIXTURES.glob("*.xml"))) == 1
    large = tmp_path / "large.xml"
    large.write_bytes(b"<TEI/>".ljust(run.PARALLEL_FROM_MB << 20))
    assert run.default_jobs([letter, large]) == 3
    assert run.default_jobs([letter, tmp_path / "absent.xml"]) == 1  # reported when validated
