"""Regression fixtures: made-up documents of the corpus's two kinds, scored against their gold markup.

``fixtures/`` holds made-up documents of the corpus's two kinds, each with gold
markup written by the conventions of the corpus gold (``../shared/gold``):
nine Wilson Center exports (a Russian cipher telegram with corrections and
page breaks, an English record of conversation cited from the AVP RF in
fond/opis/papka/delo, a letter in Russian and English, a Russian-only report
with corrections and stamps, a cable translated from Chinese cited from the
PRC Foreign Ministry Archive, a Politburo decision with an attached telegram,
Hungarian party minutes cited from MOL, a 1952 cable on prisoners of war, a
1960 record of conversation in Beijing) and nine pages of the Bolshevik
leadership correspondence (1912-1915 letters with Old and New Style dates,
1917-1918, 1919 and 1920 telegrams, 1921-1922, 1922-1923, 1924-1925, 1926 and
1927 letters), with people, places and archives the corpus does not have.
The converters have been developed against them, so they are not held-out
documents and their scores say nothing of documents never seen: they guard
against regressions, a rule that breaks one of them fails here. Each must
convert into TEI valid against the project's schemas, keep every word, and
score at least the figures below (what the converters reach, less a margin
for changes that trade one mention for another).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.pipeline import convert_path
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.run import validate_file
from tei_encode.xmlio import serialize

from ..conftest import CORPUS, navigation_words, require_shared, words_lost

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = {path.stem: path for path in sorted(FIXTURES.glob("*.txt"))}
# Overall F1 and value accuracy each document must reach at least.
MINIMUM = {
    "bolshevik-correspondence-001-004": (0.94, 0.98),
    # Belenin, a cover name of Shlyapnikov the register lacks, is proposed as a person of his own: found, but the
    # value check then counts every Shlyapnikov mention as split.
    "bolshevik-correspondence-024-028": (0.96, 0.92),
    "bolshevik-correspondence-047-051": (0.95, 0.98),
    "bolshevik-correspondence-101-104": (0.92, 0.98),
    "bolshevik-correspondence-127-132": (0.96, 0.96),
    "bolshevik-correspondence-151-155": (0.95, 0.98),
    "bolshevik-correspondence-178-183": (0.95, 0.98),
    "bolshevik-correspondence-208-212": (0.98, 0.98),
    "bolshevik-correspondence-223-226": (0.95, 0.98),
    "wilson-111960-hwp-pc-1953": (0.93, 0.98),
    # The model finds Кочжедо, which gets a provisional entry apart from the Koje Island of the English text.
    "wilson-113388-filippov-mao-pows": (0.95, 0.95),
    "wilson-113942-kim-stalin": (0.98, 0.98),
    "wilson-114159-zhou-ni-zhiliang": (0.97, 0.98),
    "wilson-115821-politburo-p79": (0.97, 0.96),
    "wilson-117302-kovalev-stalin": (0.97, 0.98),
    "wilson-118107-chervonenko-chen-yi": (0.89, 0.98),
    "wilson-121044-razuvaev-pak": (0.98, 0.98),
    "wilson-208432-roshchin-1197": (0.98, 0.98),
}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each fixture's TEI files, in a directory of their own, converted with the corpus's register."""
    register = Register.from_directory(CORPUS / "register")
    root = tmp_path_factory.mktemp("regression")
    directories = {}
    for name, source in SOURCES.items():
        directory = root / name
        directory.mkdir()
        for item in convert_path(source, register, Reporter(source.name)):
            (directory / item.filename).write_bytes(serialize(item.tree))
        directories[name] = directory
    return directories


def test_every_fixture_has_gold_and_a_minimum() -> None:
    assert sorted(SOURCES) == sorted(MINIMUM)
    assert all((FIXTURES / f"{name}.json").is_file() for name in SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_markup_scores_against_the_gold(converted: dict[str, Path], name: str) -> None:
    tool = require_shared("tools/score_markup.py")
    files = [str(p) for p in sorted(converted[name].glob("*.xml"))]
    command = [sys.executable, str(tool), str(FIXTURES / f"{name}.json"), *files, "--json"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    f1, value = MINIMUM[name]
    assert overall["f1"] >= f1 and overall["value_acc"] >= value, overall


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_no_word_is_lost(converted: dict[str, Path], name: str) -> None:
    lost = words_lost(SOURCES[name], sorted(converted[name].glob("*.xml")))
    assert lost - navigation_words(SOURCES[name]) == Counter(), f"words lost: {lost}"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_valid_against_the_project_schemas(converted: dict[str, Path], name: str) -> None:
    validators = [load_validator(schema) for schema in default_schemas()]
    files = sorted(converted[name].glob("*.xml"))
    assert files
    assert [d.format() for path in files for d in validate_file(path, validators)] == []
