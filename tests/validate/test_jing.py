"""Verdicts identical to jing's on tei_all, for every letter of ../shared/real-tei/escher and every fixture.

tei-encode validates against tei_all pruned to the documents' vocabulary (``prune.py``); this
is the proof that pruning changes no verdict. Fixtures are named after their defect: ``valid-*``
and ``warning-*`` are valid, ``sch-*`` are valid by the grammar but break a TEI Schematron rule,
every other fixture is invalid by the grammar.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tei_encode.diagnostics import Severity
from tei_encode.validate.run import validate_files
from tests.conftest import require_shared, require_tool

FIXTURES = Path(__file__).parent / "fixtures"
GRAMMAR_VALID = ("valid-", "warning-", "sch-")

# What each invalid fixture must report: the line of the first error and a word of its message.
EXPECTED = {
    "add-with-bad-hand-pointer": (32, "@hand"),
    "attribute-not-allowed": (32, "@colour"),
    "bad-cert-value": (32, "@cert"),
    "bad-notbefore-date": (32, "@notBefore"),
    "bad-when-date": (32, "@when"),
    "bad-xml-id-not-ncname": (32, "not an NCName"),
    "correspaction-without-type-value": (22, "@type"),
    "duplicate-xml-id": (32, "already used"),
    "empty-body": (30, "<body> is incomplete"),
    "gap-with-bad-quantity": (32, "@quantity"),
    "head-after-p-in-div": (33, "<head>"),
    "idno-with-element-child": (15, "<idno>"),
    "lb-with-content": (32, "<lb>"),
    "missing-publicationstmt": (8, "<publicationStmt>"),
    "missing-sourcedesc": (4, "<sourceDesc>"),
    "missing-teiheader": (4, "<teiHeader>"),
    "missing-title": (5, "<title>"),
    "misspelt-attribute-wehn": (32, "did you mean @when?"),
    "misspelt-element-persnme": (32, "did you mean <persName>?"),
    "msdesc-without-msidentifier": (13, "<msIdentifier>"),
    "no-tei-namespace": (2, "namespace"),
    "p-inside-p": (32, "<p> is not allowed in <p>"),
    "teiheader-after-text": (3, "<teiHeader>"),
    "text-directly-in-body": (31, "text is not allowed directly in <body>"),
    "title-in-body": (31, "<title> is not allowed in <body>"),
    "unknown-element-in-p": (32, "<friend>"),
    "unknown-root-element": (2, "<Letter>"),
    "wrong-namespace": (2, "http://www.tei-c.org/ns/2.0"),
    "sch-subtype-without-type": (31, "@subtype"),
}


def jing_invalid(grammar: Path, files: list[Path]) -> set[str]:
    """The files jing reports errors for (one invocation for all)."""
    jing = require_tool("jing")
    run = subprocess.run([jing, str(grammar), *map(str, files)], capture_output=True, text=True, check=False)
    return {m.group(1) for m in re.finditer(r"^(.+?):\d+:\d+: (?:fatal|error):", run.stdout + run.stderr, re.M)}


def _ours_invalid(schemas: list[Path], files: list[Path]) -> set[str]:
    results = validate_files(files, schemas)
    return {file for file, found in results.items() if any(d.severity is Severity.ERROR for d in found)}


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.xml"))


def test_fixture_set_is_large_enough_and_named_after_defects() -> None:
    files = _fixtures()
    invalid = [f for f in files if not f.name.startswith(GRAMMAR_VALID)]
    assert len(files) >= 40 and len(invalid) >= 20
    assert {f.stem for f in files if not f.name.startswith(("valid-", "warning-"))} == set(EXPECTED)


def test_escher_verdicts_equal_jing() -> None:
    grammar = require_shared("tei-p5/tei_all.rng")
    files = sorted(require_shared("real-tei/escher").glob("*.xml"))
    assert len(files) == 201
    jing = jing_invalid(grammar, files)
    assert _ours_invalid([grammar], files) == jing
    assert len(jing) == 9


def test_fixture_verdicts_equal_jing() -> None:
    grammar = require_shared("tei-p5/tei_all.rng")
    files = _fixtures()
    jing = jing_invalid(grammar, files)
    assert _ours_invalid([grammar], files) == jing
    assert jing == {str(f) for f in files if not f.name.startswith(GRAMMAR_VALID)}


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_invalid_fixture_gives_its_finding(name: str) -> None:
    schemas = [require_shared("tei-p5/tei_all.rng"), require_shared("tei-p5/tei_all.isosch")]
    path = FIXTURES / f"{name}.xml"
    errors = [d for d in validate_files([path], schemas)[str(path)] if d.severity is Severity.ERROR]
    line, words = EXPECTED[name]
    assert errors, f"{name} gave no error"
    assert (errors[0].line, words in errors[0].message) == (line, True), errors[0].format()


def test_warning_fixture_is_valid_with_a_warning() -> None:
    schemas = [require_shared("tei-p5/tei_all.rng"), require_shared("tei-p5/tei_all.isosch")]
    path = FIXTURES / "warning-when-with-notbefore.xml"
    found = validate_files([path], schemas)[str(path)]
    assert [(d.severity, d.line) for d in found] == [(Severity.WARNING, 32)]
    assert "@when attribute cannot be used with any other att.datable.w3c attributes" in found[0].message
