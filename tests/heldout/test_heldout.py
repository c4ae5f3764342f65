"""Real documents the converters were not written from, kept as regression documents.

``documents/`` holds 30 public pages of nine layouts in English and Russian (see
``SOURCES.md``), ``gold/`` their markup. Their first-sight scores are recorded in
``RESULTS.md`` by ``bench/heldout.py``; here each source, converted with the shipped register
through the command line, must give TEI valid against the project's schemas, keep every word
of the source but its chrome lines, give as many documents as it holds (a page of several
letters is split, a single letter is not), mark up no chrome line it did not mark up at the
baseline, and score at least its first-sight F1 less 0.02 (raised as the converters improve).
The gold itself must occur in its source and score 1.000 against a TEI of its own mentions.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main

from ..conftest import CORPUS, require_shared
from .measure import Entry, chrome_marked, count_documents, coverage, load_manifest, markup, shared_tool, tei_files

ENTRIES = {entry.name: entry for entry in load_manifest()}
# Overall F1 each source must reach: its latest figure of RESULTS.md (the regression section) less 0.02.
MINIMUM_F1 = {
    "bolshevik-correspondence-005": 0.865,
    "bolshevik-correspondence-014": 0.919,
    "bolshevik-correspondence-stalin-kamenev-1912": 0.980,
    "frus-1943-cairo-tehran-d35-roosevelt-stalin": 0.946,
    "frus-1944v03-d1160-harriman": 0.932,
    "helplib-stalin-letters-1930-08": 0.889,
    "hrono-beria-stalin-1945": 0.837,
    "istmat-32981-ezhov-stalin-1938": 0.944,
    "istmat-60201-yagoda-1934": 0.903,
    "lenin-cw36-1901-02-27": 0.844,
    "lenin-cw36-1916-07-27": 0.943,
    "lenin-cw43-1916-02-12": 0.903,
    "lenin-cw43-1916-08-31": 0.869,
    "lenin-cw43-1917-03-18": 0.938,
    "lenin-cw43-1917-03-22": 0.935,
    "rgaspi-victory-politburo-1941": 0.869,
    "rusarchives-lenin-stalin-crimea-1921": 0.980,
    "stalin-kaganovich-1932-08": 0.932,
    "stalin-kaganovich-1933-08": 0.956,
    "stalin-kaganovich-1933-09": 0.942,
    "stalin-kaganovich-1933-10": 0.970,
    "stalin-molotov-letter-45-1929": 0.913,
    "stalin-works-17-molotov-1927": 0.943,
    "translatinghistory-cuban-missile-crisis-22-1962": 0.921,
    "wilson-108048-komocsin-andropov-1966": 0.980,
    "wilson-110296-kuznetsov-terebin-1947": 0.980,
    "wilson-20772-roshchin-filippov-1951": 0.980,
    "wilson-89885-mao-filippov-1948": 0.900,
    "wilson-cable-2220-filippov-mao-1950": 0.980,
    "wilson-roshchin-foreign-ministry-1951": 0.980,
}
# Chrome lines still marked up (RESULTS.md, the regression section); no other may be, and these should go.
CHROME_MARKED_AT_BASELINE: dict[str, set[str]] = {}


def convert_batch(entries: dict[str, Entry], root: Path) -> dict[str, list[Path]]:
    """Each source's TEI files, converted under ``root`` by ``tei-encode convert`` with the corpus register."""
    runner = CliRunner()
    files = {}
    for name, entry in entries.items():
        out = root / name
        result = runner.invoke(
            main, ["convert", str(entry.source), "-o", str(out), "--register", str(CORPUS / "register")]
        )
        assert result.exit_code in (0, 1), f"{name}: exit {result.exit_code}: {result.output}"
        files[name] = tei_files(out)
    return files


def scoring_tools() -> dict[str, ModuleType]:
    """The shared scoring tools (``score_markup``, ``fidelity``), imported."""
    require_shared("tools/score_markup.py")
    require_shared("tools/fidelity.py")
    return {name: shared_tool(name) for name in ("score_markup", "fidelity")}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Each source's TEI files, converted with the corpus register."""
    return convert_batch(ENTRIES, tmp_path_factory.mktemp("heldout"))


@pytest.fixture(scope="module")
def tools() -> dict[str, ModuleType]:
    """The shared scoring tools, imported once."""
    return scoring_tools()


def test_every_source_has_gold_a_minimum_and_its_chrome_in_the_text() -> None:
    assert sorted(ENTRIES) == sorted(MINIMUM_F1)
    assert len(ENTRIES) >= 24 and len({e.layout for e in ENTRIES.values()}) >= 6
    assert {e.language for e in ENTRIES.values()} == {"en", "ru"}
    for entry in ENTRIES.values():
        lines = {line.strip() for line in entry.source.read_text(encoding="utf-8").splitlines()}
        assert set(entry.chrome) <= lines, entry.name
        assert entry.gold.is_file() and entry.documents >= 1, entry.name


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_gold_mentions_occur_in_their_source(name: str) -> None:
    entry: Entry = ENTRIES[name]
    text = entry.source.read_text(encoding="utf-8")
    gold = json.loads(entry.gold.read_text(encoding="utf-8"))
    assert gold["source"] == entry.source.name
    missing = [m["text"] for m in gold["mentions"] if m["kind"] != "pb" and m["text"] not in text]
    assert missing == []


def gold_as_tei(gold: list[dict[str, str]]) -> bytes:
    """A TEI file marking up exactly the gold mentions, as a converter that made no mistake would."""
    tei = "http://www.tei-c.org/ns/1.0"
    root = etree.Element(f"{{{tei}}}TEI", nsmap={None: tei})
    p = etree.SubElement(etree.SubElement(etree.SubElement(root, f"{{{tei}}}text"), f"{{{tei}}}body"), f"{{{tei}}}p")
    tags = {"person": "persName", "place": "placeName", "date": "date", "idno": "idno", "del": "del", "add": "add"}
    for mention in gold:
        if mention["kind"] == "pb":
            etree.SubElement(p, f"{{{tei}}}pb", n=mention["n"])
            continue
        el = etree.SubElement(p, f"{{{tei}}}{tags[mention['kind']]}")
        el.text, el.tail = mention["text"], " "
        if "key" in mention:
            el.set("ref", f"#{mention['key']}")
        for name in ("when", "notBefore", "notAfter"):
            if name in mention:
                el.set(name, mention[name])
        for part in ("fond", "opis", "delo", "folios"):
            if part in mention:
                etree.SubElement(el, f"{{{tei}}}idno", type=part).text = mention[part]
    return etree.tostring(root)


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_gold_scores_one_against_itself(tools: dict[str, ModuleType], tmp_path: Path, name: str) -> None:
    entry = ENTRIES[name]
    (tmp_path / "gold.xml").write_bytes(gold_as_tei(json.loads(entry.gold.read_text(encoding="utf-8"))["mentions"]))
    overall = tools["score_markup"].score(entry.gold, [tmp_path / "gold.xml"])["overall"]
    assert (overall["f1"], overall["value_acc"]) == (1.0, 1.0)


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_valid_against_the_project_schemas(converted: dict[str, list[Path]], name: str) -> None:
    files = converted[name]
    assert files
    result = CliRunner().invoke(main, ["validate", *map(str, files)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_no_word_is_lost(converted: dict[str, list[Path]], tools: dict[str, ModuleType], name: str) -> None:
    kept, total, missing = coverage(ENTRIES[name], converted[name], tools["fidelity"])
    assert (kept, sorted(missing)) == (total, [])


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_no_letter_is_split_or_merged(converted: dict[str, list[Path]], name: str) -> None:
    count, wanted = count_documents(converted[name]), ENTRIES[name].documents
    assert count == wanted, f"{name}: {count} documents written for the {wanted} it holds"


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_no_more_chrome_is_marked_up(converted: dict[str, list[Path]], name: str) -> None:
    marked = set(chrome_marked(converted[name], ENTRIES[name].chrome))
    assert marked <= CHROME_MARKED_AT_BASELINE.get(name, set())


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_markup_scores_at_least_the_baseline(
    converted: dict[str, list[Path]], tools: dict[str, ModuleType], name: str
) -> None:
    overall = markup(ENTRIES[name], converted[name], tools["score_markup"])["overall"]
    assert overall["f1"] >= MINIMUM_F1[name], overall
