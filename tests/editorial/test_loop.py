"""The editor's loop on a made-up letter with known converter errors: review, decide, rebuild, score.

``fixtures/madeup`` holds a letter the converters get wrong in four ways (a name
they miss, a ship they take for a person, a year they infer wrongly, a bare
name two namesakes share), its gold markup, and the decisions that correct it.
Decisions alone bring it to F1 1.000; a decision whose words leave the source
is reported with its file and line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.build import build
from tei_encode.cli import main
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.run import validate_file

from ..conftest import CORPUS, require_shared

FIXTURE = Path(__file__).parent / "fixtures" / "madeup"
SOURCE = "bolshevik-correspondence-501-502.txt"
GOLD = FIXTURE / "bolshevik-correspondence-501-502.json"
LETTER = "bolshevik-correspondence-no501"


def corpus(tmp_path: Path, decisions: bool = True) -> Path:
    """The made-up letter as a corpus of its own, with the bundled register (and its decisions)."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    shutil.copy(FIXTURE / SOURCE, directory / SOURCE)
    shutil.copytree(CORPUS / "register", directory / "register")
    if decisions:
        shutil.copy(FIXTURE / "decisions.csv", directory / "decisions.csv")
    return directory


def score(tei_dir: Path) -> dict[str, object]:
    tool = require_shared("tools/score_markup.py")
    files = sorted(str(p) for p in tei_dir.glob("*.xml"))
    done = subprocess.run([sys.executable, str(tool), "--json", str(GOLD), *files], capture_output=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def overall(result: dict[str, object]) -> tuple[float, float]:
    total = result["overall"]
    assert isinstance(total, dict)
    return round(total["f1"], 3), round(total["value_acc"], 3)


def test_the_converters_alone_get_the_letter_wrong(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(corpus(tmp_path, decisions=False), out)
    f1, value = overall(score(out / "tei"))
    assert f1 < 1 and value < 1
    rows = json.loads((out / "review" / "review.json").read_text("utf-8"))
    assert {(r["kind"], r["text"], r["status"]) for r in rows if r["document"] == LETTER} >= {
        ("namesake", "Kamenev", "open"),
        ("date", "January 5", "open"),
    }


def test_decisions_alone_bring_the_letter_to_f1_1(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(corpus(tmp_path), out)
    assert not result.conversion, [d.format() for d in result.conversion]
    assert overall(score(out / "tei")) == (1.0, 1.0)
    tei = out / "tei" / f"{LETTER}.xml"
    validators = [load_validator(p) for p in default_schemas()]
    assert validate_file(tei, validators) == []
    text = tei.read_text("utf-8")
    assert '<respStmt xml:id="resp-a-n-editor"><resp>' in text and "<name>A. N. Editor</name>" in text
    assert "<p>Names and dates with resp were decided by the editor it points to" in text
    assert '<persName ref="#Kamenev_LB" cert="high" resp="#resp-a-n-editor">Kamenev</persName>' in text
    assert '<persName ref="#Gusarov" cert="medium" resp="#resp-a-n-editor">Gusarov</persName>' in text
    assert "The steamer Trotsky sails" in text
    assert '<date when="1921-01-05" cert="high" resp="#resp-a-n-editor">January 5</date>' in text
    rows = json.loads((out / "review" / "review.json").read_text("utf-8"))
    kamenev = next(r for r in rows if r["text"] == "Kamenev")
    assert (kamenev["status"], kamenev["decision"]) == ("decided", "corpus/decisions.csv:2")


def test_a_rebuild_keeps_every_decision_and_a_changed_decision_rebuilds(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    out = tmp_path / "out"
    build(source, out)
    first = (out / "tei" / f"{LETTER}.xml").read_bytes()
    again = build(source, out)
    assert (again.converted, again.reused) == (0, 1)
    forced = build(source, out, force=True)
    assert forced.converted == 1 and (out / "tei" / f"{LETTER}.xml").read_bytes() == first
    decisions = source / "decisions.csv"
    decisions.write_text(decisions.read_text("utf-8").replace(",medium,", ",low,"), "utf-8")
    changed = build(source, out)
    assert changed.converted == 1
    assert '<persName ref="#Gusarov" cert="low"' in (out / "tei" / f"{LETTER}.xml").read_text("utf-8")


def test_a_decision_that_no_longer_matches_is_reported(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    text = (source / SOURCE).read_text("utf-8")
    (source / SOURCE).write_text(text.replace("The engineer Gusarov", "The engineer Gusev"), "utf-8")
    with (source / "decisions.csv").open("a", encoding="utf-8") as decisions:
        decisions.write("bolshevik-correspondence-no999,Lenin,,,ok,,,,,,\n")
    result = build(source, tmp_path / "out")
    assert [d.format() for d in result.conversion] == [
        "corpus/decisions.csv:3: warning: mark not applied: 'Gusarov' is not in the snippet"
        " 'engineer Gusarov' of document bolshevik-correspondence-no501",
        "corpus/decisions.csv:6: warning: ok not applied: no document 'bolshevik-correspondence-no999' in the corpus",
    ]
    runner = CliRunner()
    lenient = runner.invoke(main, ["review", str(source), "-o", str(tmp_path / "review")])
    assert lenient.exit_code == 0, lenient.output
    strict = runner.invoke(main, ["review", str(source), "-o", str(tmp_path / "review"), "--strict"])
    assert strict.exit_code == 1
    assert "corpus/decisions.csv:3: warning: mark not applied: 'Gusarov'" in strict.stderr
    assert "corpus/decisions.csv:6: warning: ok not applied" in strict.stderr


def test_a_malformed_decisions_file_stops_with_its_line(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    with (source / "decisions.csv").open("a", encoding="utf-8") as decisions:
        decisions.write("bolshevik-correspondence-no501,Lenin,,,rename,,,,,,\n")
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "corpus/decisions.csv:6: unknown action 'rename'" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_review_of_a_clean_corpus_exits_0(tmp_path: Path, strict: bool) -> None:
    source = corpus(tmp_path)
    result = CliRunner().invoke(
        main, ["review", str(source), "-o", str(tmp_path / "r"), *(["--strict"] if strict else [])]
    )
    assert result.exit_code == 0, result.output
    assert "0 unmatched decisions" in result.stderr
