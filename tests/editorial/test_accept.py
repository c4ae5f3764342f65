"""``register accept``: the entries the editors accepted go into the register files, which stay valid TEI."""

from __future__ import annotations

import shutil
import subprocess
from itertools import takewhile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main
from tei_encode.register import Register

from ..conftest import CORPUS, require_shared, require_tool
from .test_loop import FIXTURE, SOURCE

CABLE = "wilson-119543-cable-5542.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The cable and the made-up letter with the bundled register and both sets of decisions."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    shutil.copy(CORPUS / CABLE, directory / CABLE)
    shutil.copy(FIXTURE / SOURCE, directory / SOURCE)
    shutil.copytree(CORPUS / "register", directory / "register")
    own = (FIXTURE / "decisions.csv").read_text("utf-8")
    shipped = [line for line in (CORPUS / "decisions.csv").read_text("utf-8").splitlines() if "cable" in line]
    (directory / "decisions.csv").write_text(own + "\n".join(shipped) + "\n", "utf-8")
    return directory


def accept(corpus: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["register", "accept", str(corpus), *args])
    return result.exit_code, result.stdout, result.stderr


def test_accepted_entries_join_the_register_with_their_names(corpus: Path) -> None:
    before = (corpus / "register" / "persons.xml").read_text("utf-8")
    code, out, _ = accept(corpus)
    assert code == 0
    persons = corpus / "register" / "persons.xml"
    assert out.splitlines() == [
        f"person Gusarov (Gusarov) -> {persons}",
        f"person Kornyushina (Корнюшина) -> {persons}",
        f"person Makarov (Макаров) -> {persons}",
    ]
    after = persons.read_text("utf-8")
    closing = before.rindex("      </listPerson>")
    added = after[closing : len(after) - (len(before) - closing)]
    assert after.startswith(before[:closing]) and after.endswith(before[closing:])
    assert added.splitlines()[:5] == [
        '        <person xml:id="Gusarov">',
        '          <persName type="main" xml:lang="en">Gusarov</persName>',
        '          <persName xml:lang="ru">Гусаров</persName>',
        "          <note>an engineer of the Donbass mines</note>",
        "        </person>",
    ]
    entry = Register.from_directory(corpus / "register").entries["Kornyushina"]
    assert [(n.text, n.lang, n.type) for n in entry.names] == [
        ("Корнюшина", "ru", "main"),
        ("Kornyushina", "en", "variant"),
    ]
    assert accept(corpus)[1] == ""  # accepting again changes nothing
    assert persons.read_text("utf-8") == after


def test_the_register_stays_valid_tei(corpus: Path) -> None:
    jing = require_tool("jing")
    tei_all = require_shared("tei-p5/tei_all.rng")
    assert accept(corpus)[0] == 0
    files = sorted(str(p) for p in (corpus / "register").glob("*.xml"))
    result = subprocess.run([jing, str(tei_all), *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_after_accepting_the_decisions_still_hold_and_nothing_is_open(corpus: Path, tmp_path: Path) -> None:
    assert accept(corpus)[0] == 0
    runner = CliRunner()
    result = runner.invoke(main, ["review", str(corpus), "-o", str(tmp_path / "review"), "--strict"])
    assert result.exit_code == 0, result.stderr
    assert "0 unmatched decisions" in result.stderr
    rows = (tmp_path / "review" / "review.csv").read_text("utf-8")
    assert "provisional entry" not in rows
    check = runner.invoke(main, ["register", "check", str(corpus)])
    heading, *lines = check.stdout.splitlines()
    assert heading.startswith("Names not linked to the register")
    unlinked = "\n".join(takewhile(lambda line: line.startswith(" "), lines))  # the section under the heading
    assert "Корнюшина" not in unlinked and "Gusarov" not in unlinked


def test_only_the_keys_asked_for(corpus: Path) -> None:
    code, out, _ = accept(corpus, "--key", "Makarov")
    assert code == 0 and out.startswith("person Makarov (Макаров)") and len(out.splitlines()) == 1
    code, _, err = accept(corpus, "--key", "Nobody")
    assert code == 2 and "no decision accepts an entry with key 'Nobody'" in err
