"""``convert`` never fails silently: a wrong format, a missing register, XML given as a source, a Russian text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main
from tei_encode.xmlio import XML_NS

from ..conftest import CORPUS, SOURCES

RUSSIAN_NOTE = """Записка о снабжении

Товарищу Молотову.

Сообщаю, что поставки угля в Ленинград задерживаются на две недели из-за заносов на дорогах.

Начальник управления
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_collection_format_on_a_text_that_is_no_collection_page(runner: CliRunner, tmp_path: Path) -> None:
    source = write(tmp_path, "memo.txt", "A memo\n\nThe meeting is moved to Tuesday.\n")
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "--format", "collection", "--no-register"])
    assert result.exit_code == 2
    assert f"{source.name}: not a collection page" in result.output
    assert "does not look like the collection format" in result.output
    assert not out.exists()


def test_a_format_the_text_does_not_look_like_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    source = write(tmp_path, "memo.txt", "A memo\n\nThe meeting is moved to Tuesday.\n")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "--format", "wilson", "--no-register"])
    assert result.exit_code == 0
    assert "does not look like the wilson format" in result.output


def test_a_missing_register_directory_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-register"
    result = runner.invoke(
        main,
        ["convert", str(SOURCES["wilson-119543-cable-5542"]), "-o", str(tmp_path / "out"), "--register", str(missing)],
    )
    assert result.exit_code == 2
    assert "no-such-register" in result.output and "does not exist" in result.output
    assert not (tmp_path / "out").exists()


def test_no_register_found_is_said_and_no_register_silences_it(runner: CliRunner, tmp_path: Path) -> None:
    source = write(tmp_path, "memo.txt", "A memo\n\nComrade Molotov is to report on Tuesday.\n")
    said = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "a")])
    assert said.exit_code == 0
    assert "warning: no register found" in said.output and "--no-register" in said.output
    quiet = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "b"), "--no-register"])
    assert quiet.exit_code == 0 and "no register found" not in quiet.output
    assert (tmp_path / "b" / "memo.xml").is_file()


def test_an_empty_register_directory_is_said(runner: CliRunner, tmp_path: Path) -> None:
    source = write(tmp_path, "memo.txt", "A memo\n\nThe meeting is moved to Tuesday.\n")
    (tmp_path / "empty").mkdir()
    result = runner.invoke(
        main, ["convert", str(source), "-o", str(tmp_path / "o"), "--register", str(tmp_path / "empty")]
    )
    assert result.exit_code == 0 and "holds no entries" in result.output


def test_register_and_no_register_exclude_each_other(runner: CliRunner, tmp_path: Path) -> None:
    source = write(tmp_path, "memo.txt", "A memo\n\nText.\n")
    args = ["convert", str(source), "-o", str(tmp_path), "--register", str(CORPUS / "register"), "--no-register"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and "exclude each other" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text/></TEI>\n', "already TEI"),
        ('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader/></TEI>\n', "already TEI"),
        ("<!DOCTYPE html>\n<html><body><p>Letter</p></body></html>\n", "an HTML page"),
        ("<?xml version='1.0'?>\n<letters><letter>Dear Koba</letter></letters>\n", "an XML file"),
    ],
    ids=["tei", "tei-no-declaration", "html", "other-xml"],
)
def test_markup_is_refused_not_converted_as_text(
    runner: CliRunner, tmp_path: Path, content: str, expected: str
) -> None:
    source = write(tmp_path, "edition.xml", content)
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "--no-register"])
    assert result.exit_code == 2
    assert f"{source}:1: error: " in result.output and expected in result.output
    assert not out.exists()


def test_a_text_that_opens_with_an_angle_bracket_is_still_a_text(runner: CliRunner, tmp_path: Path) -> None:
    source = write(tmp_path, "note.txt", "<Draft> of a note\n\nThe meeting is moved to Tuesday.\n")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "o"), "--no-register"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("text", "lang"), [(RUSSIAN_NOTE, "ru"), ("A note\n\nThe coal is late.\n", "en")], ids=["ru", "en"]
)
def test_the_language_of_a_plain_text_is_its_scripts(runner: CliRunner, tmp_path: Path, text: str, lang: str) -> None:
    source = write(tmp_path, "note.txt", text)
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "o"), "--no-register"])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "o" / "note.xml")).getroot()
    assert root.get(f"{{{XML_NS}}}lang") == lang
    assert [e.get("ident") for e in root.iter("{*}language")] == [lang]
