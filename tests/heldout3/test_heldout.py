"""The third held-out batch: real documents for the next first-sight figure, then regression documents.

``documents/`` holds 28 public pages of eighteen layouts in English and Russian (see
``SOURCES.md``), ``gold/`` their markup, committed before any converter change was made for
them. ``python bench/heldout.py --set tests/heldout3`` measures them; its first run on the
round's final converters was the first-sight figure, recorded in ``RESULTS.md`` here.

Each source, converted with the shipped register through the command line, must give TEI
valid against the project's schemas, keep every word of the source but its chrome lines, give
as many documents as it holds, mark up no chrome line, and have its markup scored against its
whole gold. What the first-sight run found the converters still fail on is in
``NOT_YET_WHOLE``, ``NOT_YET_SPLIT`` and ``CHROME_STILL_MARKED`` (strict xfails, so that a fix
shows), and each source's F1 in ``FIRST_SIGHT_F1``, below which it may fall by no more than
``TOLERANCE`` (a source missing from it would skip its F1 test and say why). The gold itself must occur in its source in
reading order (outside its chrome lines) and score 1.000 against a TEI of its own mentions.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from tei_encode.cli import main

from ..heldout.measure import (
    HELDOUT,
    KINDS,
    Entry,
    chrome_marked,
    count_documents,
    coverage,
    load_manifest,
    markup,
)
from ..heldout.test_heldout import convert_batch, gold_as_tei, scoring_tools
from ..heldout2.test_heldout import gold_mentions

BATCH = Path(__file__).resolve().parent
ENTRIES = {entry.name: entry for entry in load_manifest(BATCH)}
# Overall F1 of each source at first sight (shipped register), from the "first sight" section of
# RESULTS.md: 2026-12-06, converter code of e67343f.
FIRST_SIGHT_F1: dict[str, float] = {
    "bibliboba-gorky-letters-lenin-1919": 0.711,
    "bukovsky-kosygin-taraki-1979-03-18": 0.905,
    "docslib-wilson-116213-khrushchev-ulbricht-1961": 0.776,
    "dostoevskiyfyodor-lenin-pss46-axelrod-1901-08-04": 0.714,
    "fayllar-lenin-cw44-1918-07-telegrams": 0.800,
    "frus1948v04-d696-reams-yugoslavia": 0.902,
    "frus1964-68v05-d81-moscow-le-chang": 0.706,
    "frus1964-68v19-d123-anderson-nasser": 0.684,
    "iknigi-trotsky-leninbund-1929": 0.667,
    "itexts-marx-engels-t27-engels-marx-1851-05-01": 0.929,
    "lektsii-engels-jenny-marx-1869-07-09": 0.933,
    "leninism-biokhronika-1919-04-11": 0.923,
    "libmonster-ck-vkpb-ck-kpj-1948": 0.727,
    "marxists-honecker-brezhnev-1980-11-26": 0.727,
    "mecw40-231-marx-engels-1859-03-22": 0.960,
    "mia-lenin-stalin-1921-10-25": 0.930,
    "rulit-politburo-afghanistan-1979-04-12": 0.833,
    "rusarchives-malenkov-1955-1957": 0.973,
    "sezonowa-cwihp-bulletin-kosygin-taraki-1979": 0.717,
    "sozialistischeklassiker-trotsky-unknown-comrade-1932": 0.800,
    "sozialistischeklassiker-trotsky-winitsky-1930": 0.759,
    "studfiles-kravchinsky-axelrod-1888-11-18": 0.828,
    "thelib-politburo-1983-09-02-excerpt": 0.500,
    "wikirouge-marx-engels-1860-02-14": 0.773,
    "wikirouge-trotsky-olberg-1930-03-24": 0.833,
    "wilson-113622-budapest-meeting-1967": 0.754,
    "wilson-nasser-soviet-leaders-1968": 0.714,
    "wilson-shcherbakov-pham-van-dong-1966": 0.960,
}
# How far below its first-sight F1 a source may fall.
TOLERANCE = 0.02
# The three tables below are filled from what the first-sight run finds (RESULTS.md).
# Pages whose documents the converters do not yet write one file each (strict: a fix shows as an
# unexpected pass, and the entry is removed).
NOT_YET_SPLIT: set[str] = {"fayllar-lenin-cw44-1918-07-telegrams"}
# Sources whose words the converters do not all keep yet (strict, likewise).
NOT_YET_WHOLE: set[str] = set()
# Chrome lines a converter still marks up or takes as the title, by source (each should go; no
# other may appear).
CHROME_STILL_MARKED: dict[str, set[str]] = {
    "bibliboba-gorky-letters-lenin-1919": {"Читаем Письма, телеграммы, надписи 1907-1926 полностью"},
    "fayllar-lenin-cw44-1918-07-telegrams": {"In accordance with a decision of the ninth congress of the r", "#12681"},
    "iknigi-trotsky-leninbund-1929": {"Автор книги: Юрий Фельштинский"},
    "libmonster-ck-vkpb-ck-kpj-1948": {"Libmonster ID: RU-15510"},
    "rulit-politburo-afghanistan-1979-04-12": {"Выбрать главу"},
    "sezonowa-cwihp-bulletin-kosygin-taraki-1979": {"[ Pobierz całość w formacie PDF ]"},
    "sozialistischeklassiker-trotsky-unknown-comrade-1932": {"Leon Trotsky > 1932 >"},
    "sozialistischeklassiker-trotsky-winitsky-1930": {"Leon Trotsky > 1930 >"},
    "studfiles-kravchinsky-axelrod-1888-11-18": {
        "Upload Опубликованный материал нарушает ваши авторские права? Сообщите нам.",
        "07.05.2019",
    },
    "wikirouge-trotsky-olberg-1930-03-24": {"Category | Template | Form |", "Template | Form |"},
}


def occurrence_outside_chrome(text: str, needle: str, start: int, chrome: set[str]) -> int:
    """Where ``needle`` next occurs in ``text`` from ``start`` on a line that is not chrome, or -1."""
    found = text.find(needle, start)
    while found >= 0:
        line_start = text.rfind("\n", 0, found) + 1
        line_end = text.find("\n", found)
        if text[line_start : line_end if line_end >= 0 else None].strip() not in chrome:
            return found
        found = text.find(needle, found + 1)
    return found


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Each source's TEI files, converted with the corpus register."""
    return convert_batch(ENTRIES, tmp_path_factory.mktemp("heldout3"))


@pytest.fixture(scope="module")
def tools() -> dict[str, ModuleType]:
    """The shared scoring tools, imported once."""
    return scoring_tools()


def test_the_batch_is_as_the_issue_asks_and_the_tables_name_its_sources() -> None:
    languages = Counter(e.language for e in ENTRIES.values())
    assert len(ENTRIES) >= 24 and len({e.layout for e in ENTRIES.values()}) >= 6
    assert set(languages) == {"en", "ru"} and languages["ru"] >= 8
    for table in (FIRST_SIGHT_F1, NOT_YET_SPLIT, NOT_YET_WHOLE, CHROME_STILL_MARKED):
        assert set(table).issubset(ENTRIES)
    assert all(lines <= set(ENTRIES[name].chrome) for name, lines in CHROME_STILL_MARKED.items())
    assert all(0.0 <= f1 <= 1.0 for f1 in FIRST_SIGHT_F1.values())


def test_no_source_is_also_in_an_earlier_batch() -> None:
    earlier = load_manifest(HELDOUT) + load_manifest(HELDOUT.parent / "heldout2")
    assert not {e.url for e in earlier} & {e.url for e in ENTRIES.values()}
    texts = {e.source.read_text(encoding="utf-8") for e in earlier}
    assert not texts & {e.source.read_text(encoding="utf-8") for e in ENTRIES.values()}


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_every_source_has_gold_and_its_chrome_in_the_text(name: str) -> None:
    entry = ENTRIES[name]
    lines = {line.strip() for line in entry.source.read_text(encoding="utf-8").splitlines()}
    assert set(entry.chrome) <= lines
    assert entry.documents >= 1 and entry.url.startswith(("http://", "https://"))
    assert json.loads(entry.gold.read_text(encoding="utf-8"))["source"] == entry.source.name


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_gold_mentions_occur_in_their_source_in_reading_order(name: str) -> None:
    entry: Entry = ENTRIES[name]
    text = entry.source.read_text(encoding="utf-8")
    chrome = {line.strip() for line in entry.chrome}
    position, out_of_order = 0, []
    for mention in gold_mentions(entry):
        assert mention["kind"] in KINDS, mention
        if mention["kind"] == "pb":
            assert mention["n"] == "" or mention["n"] in text, mention
            continue
        found = occurrence_outside_chrome(text, mention["text"], position, chrome)
        if found < 0:
            out_of_order.append(mention["text"])
            continue
        # a deletion or an insertion holds the mentions inside it: the next one may start within it
        position = found if mention["kind"] in ("del", "add") else found + len(mention["text"])
    assert out_of_order == []


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_gold_scores_one_against_itself(tools: dict[str, ModuleType], tmp_path: Path, name: str) -> None:
    entry = ENTRIES[name]
    (tmp_path / "gold.xml").write_bytes(gold_as_tei(gold_mentions(entry)))
    overall = tools["score_markup"].score(entry.gold, [tmp_path / "gold.xml"])["overall"]
    assert (overall["f1"], overall["value_acc"]) == (1.0, 1.0)


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_valid_against_the_project_schemas(converted: dict[str, list[Path]], name: str) -> None:
    files = converted[name]
    assert files
    result = CliRunner().invoke(main, ["validate", *map(str, files)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason="words not yet all kept", strict=True))
        if n in NOT_YET_WHOLE
        else n
        for n in sorted(ENTRIES)
    ],
)
def test_no_word_is_lost(converted: dict[str, list[Path]], tools: dict[str, ModuleType], name: str) -> None:
    kept, total, missing = coverage(ENTRIES[name], converted[name], tools["fidelity"])
    assert (kept, sorted(missing)) == (total, [])


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason="documents not yet split", strict=True))
        if n in NOT_YET_SPLIT
        else n
        for n in sorted(ENTRIES)
    ],
)
def test_no_document_is_split_or_merged(converted: dict[str, list[Path]], name: str) -> None:
    count, wanted = count_documents(converted[name]), ENTRIES[name].documents
    assert count == wanted, f"{name}: {count} documents written for the {wanted} it holds"


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_no_chrome_is_marked_up(converted: dict[str, list[Path]], name: str) -> None:
    marked = set(chrome_marked(converted[name], ENTRIES[name].chrome))
    assert marked <= CHROME_STILL_MARKED.get(name, set())


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_markup_is_scored_against_the_whole_gold(
    converted: dict[str, list[Path]], tools: dict[str, ModuleType], name: str
) -> None:
    result = markup(ENTRIES[name], converted[name], tools["score_markup"])
    wanted = Counter(m["kind"] for m in gold_mentions(ENTRIES[name]))
    assert {kind: result[kind]["gold"] for kind in wanted} == dict(wanted)
    assert sum(result[kind]["pred"] for kind in result if kind != "overall") > 0, "nothing marked up"
    for kind in result:
        if kind != "overall":
            assert result[kind]["tp"] <= min(result[kind]["gold"], result[kind]["pred"]), kind
    assert 0.0 <= result["overall"]["f1"] <= 1.0


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_markup_scores_at_least_its_first_sight_figure(
    converted: dict[str, list[Path]], tools: dict[str, ModuleType], name: str
) -> None:
    if name not in FIRST_SIGHT_F1:
        pytest.skip(
            "no first-sight F1 recorded in FIRST_SIGHT_F1 yet (the coordinator's first-sight run fills "
            "it): only the structural checks of test_markup_is_scored_against_the_whole_gold ran"
        )
    overall = markup(ENTRIES[name], converted[name], tools["score_markup"])["overall"]
    assert overall["f1"] >= FIRST_SIGHT_F1[name] - TOLERANCE, overall
