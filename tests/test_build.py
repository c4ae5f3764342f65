"""The main job end to end: the corpus converts into valid, complete, deterministic TEI and HTML."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.build import build
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.run import validate_file

from .conftest import REPO, SOURCES, navigation_words, require_shared, require_tool, words_lost


def tei_files(out: Path, source: str) -> list[Path]:
    prefix = "wilson" if source.startswith("wilson") else "bolshevik"
    return sorted((out / "tei").glob(f"{prefix}*.xml"))


def test_build_writes_the_documents_the_index_and_the_cmif(built: Path) -> None:
    names = sorted(p.name for p in (built / "tei").glob("*.xml"))
    assert len(names) == 12
    assert "wilson-119543-cable-5542.xml" in names
    assert [n for n in names if n.startswith("bolshevik")] == [
        "bolshevik-correspondence-091-100.xml",
        *[f"bolshevik-correspondence-no{n:03d}.xml" for n in range(91, 101)],
    ]
    assert (built / "html" / "index.html").is_file()
    assert (built / "validation.json").is_file()
    cmif = etree.parse(str(built / "cmif.xml")).getroot()
    assert len(cmif.findall(".//{http://www.tei-c.org/ns/1.0}correspDesc")) == 11


@pytest.mark.parametrize("schema", default_schemas(), ids=lambda p: p.suffix)
def test_output_valid_against_project_schema(built: Path, schema: Path) -> None:
    validator = load_validator(schema)
    findings = [d.format() for f in sorted((built / "tei").glob("*.xml")) for d in validate_file(f, [validator])]
    assert findings == []


def test_output_valid_against_tei_all_with_lxml(built: Path, tei_all: etree.RelaxNG) -> None:
    for path in sorted((built / "tei").glob("*.xml")):
        assert tei_all.validate(etree.parse(str(path))), f"{path.name}: {tei_all.error_log}"


def test_output_valid_against_tei_all_with_jing(built: Path) -> None:
    jing = require_tool("jing")
    rng = require_shared("tei-p5/tei_all.rng")
    files = [str(p) for p in sorted((built / "tei").glob("*.xml"))]
    result = subprocess.run([jing, str(rng), *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("source", sorted(SOURCES), ids=str)
def test_no_word_of_the_source_is_lost(built: Path, source: str) -> None:
    lost = words_lost(SOURCES[source], tei_files(built, source))
    assert lost - navigation_words(SOURCES[source]) == Counter(), f"words lost: {lost}"


# The figures the issues set: F1 and value accuracy at least these, overall.
GOLD_MINIMUM = {"wilson-119543-cable-5542": 0.97, "bolshevik-correspondence-091-100": 0.95}


@pytest.mark.parametrize("source", sorted(SOURCES), ids=str)
def test_markup_scores_against_the_gold(built: Path, source: str) -> None:
    tool = require_shared("tools/score_markup.py")
    gold = require_shared(f"gold/{source}.json")
    files = [str(p) for p in tei_files(built, source)]
    result = subprocess.run([sys.executable, str(tool), str(gold), *files, "--json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    minimum = GOLD_MINIMUM[source]
    assert overall["f1"] >= minimum and overall["value_acc"] >= minimum, overall


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    build(REPO / "corpus", tmp_path)
    first = {p.relative_to(built): p.read_bytes() for p in sorted(built.rglob("*")) if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def published(out: Path) -> dict[Path, bytes]:
    """The files of a build that are published (the build's own state files, named with a dot, are not)."""
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.name[0] != "."}


def test_committed_out_is_current(built: Path) -> None:
    committed = REPO / "out"
    expected = published(built)
    actual = published(committed)
    assert sorted(map(str, actual)) == sorted(map(str, expected)), "out/ has other files than a fresh build"
    for name, data in expected.items():
        if actual[name] != data:
            diff = difflib.unified_diff(
                actual[name].decode().splitlines(), data.decode().splitlines(), "committed", "rebuilt", lineterm="", n=1
            )
            pytest.fail(f"out/{name} is stale; run `tei-encode build corpus -o out`:\n" + "\n".join(list(diff)[:40]))


def test_xml_ids_are_unique_and_derived_from_the_document(built: Path) -> None:
    for path in sorted((built / "tei").glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        ids = root.xpath("//@xml:id")
        assert len(ids) == len(set(ids))
        doc_id = root.get("{http://www.w3.org/XML/1998/namespace}id")
        assert path.stem == doc_id
