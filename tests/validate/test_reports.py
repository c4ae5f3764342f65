"""Validation reports: text, JSON, JUnit XML (parsed back with lxml) and GitHub workflow commands."""

from __future__ import annotations

import json
import os
import re
import tomllib

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tei_encode.cli import main
from tei_encode.diagnostics import Diagnostic, Severity
from tei_encode.errors import UnknownName
from tei_encode.validate.reports import (
    FORMATS,
    escape_data,
    escape_property,
    format_report,
    indented_records,
    summary_line,
)
from tests.conftest import REPO

BAD = Diagnostic(
    Severity.ERROR,
    "relaxng",
    '@place="top" on <add> is not valid: expected "above" or "below"',
    "tei/a, b.xml",
    12,
    5,
    "/TEI/text/body/div/p[2]/add",
    "tei_encode.rng",
)
NOT_WELL_FORMED = Diagnostic(
    Severity.ERROR, "not-well-formed", "Opening and ending tag mismatch: p line 3 and div", "tei/c.xml", 4, 9
)
NOTE = Diagnostic(Severity.WARNING, "schematron", "50% of dates\r\nare uncertain", "tei/a, b.xml", 20)
RESULTS = {"tei/a, b.xml": [BAD, NOTE], "tei/ok.xml": [], "tei/c.xml": [NOT_WELL_FORMED]}


def test_every_format_is_known() -> None:
    assert FORMATS == ("text", "json", "junit", "github")
    for fmt in FORMATS:
        assert format_report(RESULTS, fmt, 1.5)
    with pytest.raises(UnknownName, match="known: github, json, junit, text"):
        format_report(RESULTS, "html", 1.5)


def test_text_is_one_line_per_finding() -> None:
    assert format_report(RESULTS, "text", 1.0).splitlines() == [
        BAD.format(),
        "tei/a, b.xml:20: warning: 50% of dates are uncertain",
        NOT_WELL_FORMED.format(),
    ]
    assert format_report({"tei/ok.xml": []}, "text", 1.0) == ""


def test_summary_line_counts_files_with_errors() -> None:
    assert summary_line(RESULTS, 1.234) == "3 files, 1 valid, 2 invalid (1.23 s)"
    assert summary_line({"x.xml": [NOTE]}, 0.5) == "1 file, 1 valid, 0 invalid (0.50 s)"


def test_json_report() -> None:
    report = json.loads(format_report(RESULTS, "json", 2.0))
    assert report["files"] == 3
    assert report["valid"] == 1
    assert report["invalid"] == ["tei/a, b.xml", "tei/c.xml"]
    assert report["diagnostics"][0] == BAD.as_dict()
    assert [d["code"] for d in report["diagnostics"]] == ["relaxng", "schematron", "not-well-formed"]


def test_json_report_is_the_json_modules_indented_text() -> None:
    for results in (RESULTS, {"tei/ok.xml": []}, {}):
        text = format_report(results, "json", 2.0, {"tei/ok.xml": "tei_all"})
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


_VALUES = st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.none(), st.booleans())


@given(st.lists(st.dictionaries(st.text(), _VALUES, max_size=6), max_size=5))
def test_records_are_indented_as_the_json_module_indents_them(records: list[dict[str, object]]) -> None:
    expected = json.dumps({"r": records}, ensure_ascii=False, indent=2)
    assert '{\n  "r": ' + indented_records(records) + "\n}" == expected


def test_junit_report_has_one_testcase_per_file() -> None:
    root = etree.fromstring(format_report(RESULTS, "junit", 2.5).encode())
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("time")) == (
        "3",
        "2",
        "0",
        "2.500",
    )
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == ["tei/a, b.xml", "tei/ok.xml", "tei/c.xml"]
    assert cases["tei/ok.xml"].find("failure") is None
    failure = cases["tei/a, b.xml"].find("failure")
    assert failure is not None
    assert failure.get("message", "").startswith("tei/a, b.xml:12:5: @place=")
    assert BAD.format() in (failure.text or "")
    assert "50% of dates" in cases["tei/a, b.xml"].findtext("system-out", "")
    assert "Opening and ending tag mismatch" in (cases["tei/c.xml"].find("failure").get("message") or "")  # type: ignore[union-attr]


def test_junit_message_counts_the_other_failures() -> None:
    second = Diagnostic(Severity.ERROR, "relaxng", "second", "x.xml", 3)
    root = etree.fromstring(format_report({"x.xml": [BAD, second]}, "junit", 0.1).encode())
    assert root.find("testsuite/testcase/failure").get("message", "").endswith("(and 1 more)")  # type: ignore[union-attr]


def test_github_workflow_commands_are_escaped() -> None:
    lines = format_report(RESULTS, "github", 1.0).splitlines()
    assert lines == [
        "::error file=tei/a%2C b.xml,line=12,col=5,title=TEI relaxng (tei_encode.rng)::"
        '@place="top" on <add> is not valid: expected "above" or "below" (at /TEI/text/body/div/p[2]/add)',
        "::warning file=tei/a%2C b.xml,line=20,title=TEI schematron::50%25 of dates%0D%0Aare uncertain",
        "::error file=tei/c.xml,line=4,col=9,title=TEI not-well-formed::"
        "Opening and ending tag mismatch: p line 3 and div",
    ]


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
        ("C:\\tei\\a,b.xml", "C:\\tei\\a,b.xml", "C%3A\\tei\\a%2Cb.xml"),
        ("%0A", "%250A", "%250A"),
    ],
    ids=["plain", "percent", "newlines", "colon-comma", "already-escaped-looking"],
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_pre_commit_hook_runs_the_validate_command() -> None:
    if os.environ.get("CI") == "true":
        import yaml  # the test extra installs PyYAML; CI must not skip this test
    else:
        yaml = pytest.importorskip("yaml")
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("tei-encode-validate", "tei-encode validate", "python")
    assert re.search(hook["files"], "tei/letter-091.xml") and not re.search(hook["files"], "notes.md")
    program, command = hook["entry"].split()
    assert program in tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert command in main.list_commands(click.Context(main))
