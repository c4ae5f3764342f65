"""The GitHub Action (``action.yml``): its definition, and its steps' scripts run here as a runner would run them.

Each ``run`` step is executed with bash in a workspace of its own, its ``env`` evaluated from the
inputs as GitHub evaluates ``${{ inputs.* }}``, ``${{ github.action_path }}`` and ``${{ runner.temp }}``,
with ``GITHUB_OUTPUT`` a file. The ``uses`` steps (setup-python, cache) are GitHub's own and are
checked for their inputs only. tei_all comes from ../shared/tei-p5, put into the action's cache
first as the cache step would restore it, so the fetch step reads nothing from the network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tei_encode import __version__
from tei_encode.validate.named import fetch
from tests.conftest import REPO, require_shared, require_tool

ACTION = REPO / "action.yml"
FIXTURES = REPO / "tests" / "validate" / "fixtures"
_EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def definition() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return loaded


def run_steps() -> list[dict[str, Any]]:
    return [step for step in definition()["runs"]["steps"] if "run" in step]


def evaluate(value: str, context: dict[str, str]) -> str:
    """A value with its ``${{ name }}`` expressions replaced (only names of ``context`` occur in the scripts' env)."""
    return _EXPRESSION.sub(lambda m: context[m.group(1)], value)


def test_definition() -> None:
    action = definition()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "schema", "args", "install", "python-version"} == set(action["inputs"])
    steps = action["runs"]["steps"]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert uses == ["actions/setup-python@v5", "actions/cache@v4"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache"))
    assert "steps.install.outputs.version" in cache["with"]["key"]
    assert cache["with"]["restore-keys"] in cache["with"]["key"]
    for step in run_steps():
        assert step["shell"] == "bash"
        # Inputs reach the scripts through env only: an input's text is never pasted into the script.
        assert "${{" not in step["run"], step["name"]


@pytest.fixture
def runner(tmp_path: Path) -> dict[str, str]:
    """What a runner gives the steps: a workspace, its temporary directory, the output file, PATH."""
    workspace, temp = tmp_path / "workspace", tmp_path / "runner-temp"
    workspace.mkdir()
    temp.mkdir()
    output, summary = tmp_path / "github-output", tmp_path / "step-summary"
    output.touch()
    summary.touch()
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return {
        "workspace": str(workspace),
        "runner.temp": str(temp),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": path,
        "HOME": str(temp),
    }


def run_action(runner: dict[str, str], inputs: dict[str, str]) -> list[subprocess.CompletedProcess[str]]:
    """Run the action's scripts in order, as far as the first that fails; their results."""
    bash = require_tool("bash")
    declared = definition()["inputs"]
    context = {f"inputs.{name}": inputs.get(name, str(spec.get("default", ""))) for name, spec in declared.items()}
    context |= {"github.action_path": str(REPO), "runner.temp": runner["runner.temp"]}
    done = []
    for step in run_steps():
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("TEI_ENCODE", "GITHUB"))}
        environment |= {key: value for key, value in runner.items() if key.isupper()}
        environment |= {key: evaluate(str(value), context) for key, value in step.get("env", {}).items()}
        result = subprocess.run(
            [bash, "-e", "-c", step["run"]],
            cwd=runner["workspace"],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        done.append(result)
        if result.returncode:
            break
    return done


@pytest.fixture
def tei_all_cached(runner: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """tei_all in the action's cache, as a run after the first restores it."""
    cache = Path(runner["runner.temp"]) / "tei-encode-cache"
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(cache))
    fetch("tei_all", str(require_shared("tei-p5")))
    return cache


def tei_all_files(cache: Path) -> list[Path]:
    """The cached grammar and Schematron of tei_all, as ``schema fetch tei_all`` prints them."""
    (directory,) = (cache / "schemas" / "tei_all").iterdir()
    return [directory / "tei_all.rng", directory / "tei_all.isosch"]


def workspace_with_tei(runner: dict[str, str]) -> Path:
    workspace = Path(runner["workspace"])
    (workspace / "tei" / "bad").mkdir(parents=True)
    shutil.copy(FIXTURES / "valid-cert-and-resp.xml", workspace / "tei" / "letter.xml")
    shutil.copy(FIXTURES / "attribute-not-allowed.xml", workspace / "tei" / "bad" / "colour.xml")
    shutil.copy(FIXTURES / "misspelt-element-persnme.xml", workspace / "tei" / "bad" / "persnme.xml")
    return workspace


def test_installs_fetches_and_annotates(runner: dict[str, str], tei_all_cached: Path) -> None:
    workspace_with_tei(runner)
    install, fetched, validated = run_action(
        runner, {"paths": "tei/letter.xml\n'tei/bad/*.xml'", "install": "tei-encode"}
    )
    assert install.returncode == 0, install.stderr
    assert Path(runner["GITHUB_OUTPUT"]).read_text() == f"version={__version__}\n"
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout.split() == [str(p) for p in tei_all_files(tei_all_cached)]
    assert validated.returncode == 1, validated.stderr
    lines = validated.stdout.splitlines()
    assert len(lines) == 2
    assert re.match(r"::error file=tei/bad/colour\.xml,line=32,col=\d+,title=TEI relaxng[^:]*::.*@colour", lines[0])
    assert re.match(r"::error file=tei/bad/persnme\.xml,line=32,col=\d+,title=TEI relaxng[^:]*::", lines[1])
    assert "did you mean <persName>?" in lines[1]
    summary = Path(runner["GITHUB_STEP_SUMMARY"]).read_text()
    assert "    3 files, 1 valid, 2 invalid" in summary and "2 errors, 0 warnings, each an annotation" in summary
    assert "3 files, 1 valid, 2 invalid" in validated.stderr and "checked against tei_all: 3 files" in validated.stderr


def test_valid_files_give_no_annotation(runner: dict[str, str], tei_all_cached: Path) -> None:
    workspace = workspace_with_tei(runner)
    shutil.copy(workspace / "tei" / "letter.xml", workspace / "tei" / "a letter.xml")
    inputs = {"paths": "tei/letter.xml 'tei/a letter.xml'", "install": "tei-encode", "args": "-j 1"}
    *_, validated = run_action(runner, inputs)
    assert validated.returncode == 0 and validated.stdout == ""
    assert "2 files, 2 valid" in validated.stderr
    assert "warnings" not in Path(runner["GITHUB_STEP_SUMMARY"]).read_text()


def test_schemas_one_a_line(runner: dict[str, str], tei_all_cached: Path) -> None:
    workspace = workspace_with_tei(runner)
    schema = "  tei-encode  \n\n" + str(REPO / "src" / "tei_encode" / "schema" / "tei_encode.sch") + "\n"
    steps = run_action(runner, {"paths": "tei", "schema": schema, "install": "tei-encode"})
    fetched, validated = steps[1], steps[2]
    assert fetched.stdout == ""  # neither tei_all nor an ODD: nothing to fetch
    assert validated.returncode == 1
    assert "checked against tei-encode" in validated.stderr and str(workspace) not in validated.stdout


def test_an_odd_needs_the_stylesheets(runner: dict[str, str], tei_all_cached: Path) -> None:
    """With an ODD the Stylesheets are fetched; when that fails (no proxy answers here), the job stops there."""
    workspace_with_tei(runner)
    runner["HTTPS_PROXY"] = "http://127.0.0.1:9"
    steps = run_action(runner, {"paths": "tei", "schema": "schema/my.odd", "install": "tei-encode"})
    assert len(steps) == 2 and steps[1].returncode == 2
    assert "tei-xsl-7.57.0.zip: cannot download" in steps[1].stderr


def test_the_readme_example_uses_the_actions_inputs() -> None:
    """The README's workflow parses and gives the action only inputs it declares."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "OWNER/tei-encode@" in b]
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    steps = workflow["jobs"]["validate"]["steps"]
    (ours,) = [step for step in steps if step.get("uses", "").startswith("OWNER/tei-encode@")]
    assert set(ours["with"]) <= set(definition()["inputs"])
    assert ours["uses"].endswith(f"@v{__version__}")


def test_more_findings_than_annotations(runner: dict[str, str], tei_all_cached: Path) -> None:
    """Past ten errors GitHub makes no more annotations: every finding is still in the log, and the summary says so."""
    workspace = Path(runner["workspace"])
    shutil.copytree(FIXTURES, workspace / "fixtures")
    *_, validated = run_action(runner, {"paths": "fixtures", "install": "tei-encode"})
    errors = [line for line in validated.stdout.splitlines() if line.startswith("::error ")]
    assert validated.returncode == 1 and len(errors) > 10
    summary = Path(runner["GITHUB_STEP_SUMMARY"]).read_text()
    assert f"{len(errors)} errors, " in summary and "the first ten of each are annotations" in summary
