"""``tei-encode review`` on the bundled corpus, and the review files: page, CSV and JSON with the same rows."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main
from tei_encode.editorial.rows import FIELDS, KINDS

from ..conftest import CORPUS, require_shared

CABLE = "wilson-119543-cable-5542"
LETTER_99 = "bolshevik-correspondence-no099"


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    result = CliRunner().invoke(main, ["review", str(CORPUS), "-o", str(out), "--strict"])
    assert result.exit_code == 0, result.output
    assert "0 unmatched decisions" in result.stderr
    return out


def rows(review: Path) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((review / "review.json").read_text("utf-8"))
    return data


def test_the_provisional_people_of_the_cable_each_mention_in_context(review: Path) -> None:
    found = [r for r in rows(review) if r["kind"] == "unregistered" and r["document"] == CABLE]
    assert [(r["text"], r["line"], r["proposal"]) for r in found] == [
        ("Корнюшина", 75, "person: provisional entry #Kornyushin"),
        ("Макаров", 79, "person: provisional entry #Makarov"),
        ("Макаров", 79, "person: provisional entry #Makarov"),
    ]
    assert [(str(r["before"])[-5:], str(r["after"])[:6]) for r in found] == [
        ("отп. ", " 17.45"),
        ("вник ", " /Мака"),
        ("ров /", "/"),
    ]
    assert [r["decision"] for r in found] == [
        "corpus/decisions.csv:4",
        "corpus/decisions.csv:5",
        "corpus/decisions.csv:5",
    ]


def test_the_bare_kamenev_of_no_99_is_listed_and_decided(review: Path) -> None:
    found = [r for r in rows(review) if r["kind"] == "namesake"]
    assert [(r["document"], r["line"], r["text"], r["occurrence"]) for r in found] == [
        (LETTER_99, 216, "Kamenev", 1),
        (LETTER_99, 226, "Kamenev", 2),
    ]
    assert str(found[0]["before"]).endswith("Lloyd George's statement, transmitted by ")
    assert str(found[1]["after"]).startswith("'s dispatch has just been received.")
    assert {r["proposal"] for r in found} == {"person: one of Kamenev_LB, Kamenev_SS; not linked"}
    assert [r["decision"] for r in found] == ["corpus/decisions.csv:2", "corpus/decisions.csv:3"]


def test_every_row_of_the_corpus_is_decided(review: Path) -> None:
    data = rows(review)
    assert len(data) == 33  # with Bugach (No. 98), a slip the register no longer names, decided in decisions.csv
    assert {r["kind"] for r in data} == {"unregistered", "namesake", "date", "reader"}
    assert [r["text"] for r in data if r["status"] != "decided"] == []
    chrome = next(r for r in data if r["kind"] == "reader")
    assert (chrome["line"], chrome["text"]) == (3, "Marx-Engels | Lenin | Stalin | Home Page")


def test_ids_are_stable_and_unique(review: Path, tmp_path: Path) -> None:
    ids = [r["id"] for r in rows(review)]
    assert len(set(ids)) == len(ids)
    again = CliRunner().invoke(main, ["review", str(CORPUS), "-o", str(tmp_path)])
    assert again.exit_code == 0
    for name in ("index.html", "review.csv", "review.json", "style.css"):
        assert (tmp_path / name).read_bytes() == (review / name).read_bytes(), name


def test_csv_and_page_hold_the_rows_of_the_json(review: Path) -> None:
    data = rows(review)
    table = list(csv.DictReader(io.StringIO((review / "review.csv").read_text("utf-8"))))
    assert list(table[0]) == list(FIELDS)
    assert [r["id"] for r in table] == [r["id"] for r in data]
    assert [int(r["line"]) for r in table] == [r["line"] for r in data]
    page = etree.parse(str(review / "index.html"))
    body_rows = page.findall(".//tbody/tr")
    assert [tr.get("id") for tr in body_rows] == [r["id"] for r in data]
    for tr, row in zip(body_rows, data, strict=True):
        assert (tr.get("data-kind"), tr.get("data-document"), tr.get("data-status")) == (
            row["kind"],
            row["document"],
            row["status"],
        )
        assert tr.find("td[@class='context']/mark").text == row["text"]
        assert [td.text for td in tr.findall("td")][4:6] == [str(row["occurrence"]), row["proposal"]]
    kinds = [o.get("value") for o in page.findall(".//select[@data-filter='kind']/option")]
    assert kinds == ["", *[k for k in KINDS if any(r["kind"] == k for r in data)]]
    assert page.find(".//link[@rel='stylesheet']").get("href") == "style.css"
    assert (review / "style.css").is_file()


def test_build_writes_the_same_review(built: Path, review: Path) -> None:
    for name in ("index.html", "review.csv", "review.json"):
        assert (built / "review" / name).read_bytes() == (review / name).read_bytes(), name


def test_a_missing_corpus_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(tmp_path / "nowhere"), "-o", str(tmp_path / "r")])
    assert result.exit_code == 2
    assert "no such corpus directory" in result.stderr


def review_of(fixture: str, tmp_path: Path) -> list[dict[str, object]]:
    """The review rows of a corpus made of one fixture directory and the bundled register."""
    corpus = tmp_path / "corpus"
    shutil.copytree(Path(__file__).parent / "fixtures" / fixture, corpus)
    shutil.copytree(CORPUS / "register", corpus / "register")
    result = CliRunner().invoke(main, ["review", str(corpus), "-o", str(tmp_path / "review")])
    assert result.exit_code == 0, result.output
    return rows(tmp_path / "review")


def test_a_bare_name_linked_by_inference_is_listed(tmp_path: Path) -> None:
    [row] = review_of("inferred", tmp_path)
    assert (row["kind"], row["line"], row["text"], row["after"], row["proposal"]) == (
        "namesake",
        12,
        "Kamenev",
        " writes that the Duma group is split.",
        "person #Kamenev_LB: the one the register has active on 1913-02-02",
    )


def test_a_correction_read_from_a_note_is_listed(tmp_path: Path) -> None:
    [row] = [r for r in review_of("noted", tmp_path) if r["kind"] == "correction"]
    assert (row["document"], row["line"], row["text"], row["proposal"]) == (
        "bolshevik-correspondence-no601",
        12,
        "Zinoviev is nervous",
        "del: struck out, as note 1 says",
    )


@pytest.mark.parametrize("source", ["bolshevik-correspondence-091-100", "wilson-119543-cable-5542"])
def test_with_its_decisions_the_corpus_reaches_f1_and_value_1(built: Path, source: str) -> None:
    tool = require_shared("tools/score_markup.py")
    gold = require_shared(f"gold/{source}.json")
    stem = source.rsplit("-", 2)[0] if source.startswith("bolshevik") else source
    files = sorted(str(p) for p in (built / "tei").glob(f"{stem}*.xml"))
    done = subprocess.run([sys.executable, str(tool), "--json", str(gold), *files], capture_output=True, check=True)
    overall = json.loads(done.stdout)["overall"]
    assert (overall["f1"], overall["value_acc"]) == (1.0, 1.0)
