"""CI runs the README's test command and installs only what constraints.txt pins; tests leave the tree clean."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parents[1]


def _readme_test_command() -> str:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Run the tests", 1)[1]
    match = re.search(r"```sh\n(.+?)\n```", section, re.S)
    assert match, "the README's test section has no command"
    return match.group(1)


def test_ci_runs_the_readme_test_command_with_ruff_and_mypy_before_the_tests() -> None:
    command = _readme_test_command()
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [step.strip() for step in command.split("&&")]
    assert steps[-3:] == [
        ".venv/bin/ruff check src tests",
        ".venv/bin/mypy --strict src",
        ".venv/bin/python -m pytest -q",
    ]
    assert "-c constraints.txt" in steps[1]


def test_every_dependency_is_bounded_and_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    unbounded = [d for d in declared if not re.search(r">=[^,]+,<", d)]
    assert unbounded == []
    pinned = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[_normal(name)] = version
    assert sorted({_normal(re.split(r"[<>=]", d)[0]) for d in declared} - set(pinned)) == []


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_hypothesis_keeps_its_database_out_of_the_repository() -> None:
    database = settings.default.database
    assert isinstance(database, DirectoryBasedExampleDatabase)
    assert ROOT not in Path(database.path).resolve().parents
    assert ROOT not in Path(os.environ["HYPOTHESIS_STORAGE_DIRECTORY"]).resolve().parents
