"""A run shares one grammar of its names only when that costs less than each file's own: findings stay the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tei_encode.validate import run
from tei_encode.validate.guess import guessed_names
from tei_encode.validate.run import validate_files
from tests.conftest import require_shared

FIXTURES = Path(__file__).parent / "fixtures"


def _files(tmp_path: Path, names: list[list[str]]) -> list[Path]:
    paths = []
    for number, elements in enumerate(names):
        path = tmp_path / f"f{number}.xml"
        path.write_text("<root>" + "".join(f'<{n} a="1"/><{n}/>' for n in elements) + "</root>", encoding="utf-8")
        paths.append(path)
    return paths


def test_files_of_one_kind_share_a_grammar_of_their_names(tmp_path: Path) -> None:
    files = _files(tmp_path, [["p", "hi", "name"], ["p", "hi"], ["p", "name", "date"]])
    guess = guessed_names(files)
    assert guess is not None
    assert guess.elements == {"root", "p", "hi", "name", "date"}
    assert guess.bare == {"root"}


def test_files_of_many_kinds_each_using_few_names_are_checked_against_their_own(tmp_path: Path) -> None:
    kinds = [[f"e{kind}x{n}" for n in range(12)] for kind in range(6)]
    assert guessed_names(_files(tmp_path, kinds)) is None


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_findings_are_the_same_with_a_shared_grammar_and_without(
    jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    tei_all = require_shared("tei-p5/tei_all.rng")
    files = sorted(FIXTURES.glob("*.xml"))
    shared = validate_files(files, [tei_all], jobs=jobs)
    assert any(shared.values()) and not all(shared.values()), "valid and invalid files"
    monkeypatch.setattr(run, "guessed_names", lambda *_, **__: None)
    alone = validate_files(files, [tei_all], jobs=jobs)
    assert alone == shared
    assert alone.schemas == shared.schemas


@pytest.mark.parametrize("kinds", [1, 70], ids=["one kind", "many kinds"])
def test_half_the_files_scanned_in_a_forked_process_give_the_same_guess(tmp_path: Path, kinds: int) -> None:
    names = [[f"e{number % kinds}x{n}" for n in range(number % 5 + 3)] for number in range(70)]
    files = _files(tmp_path, names)
    assert guessed_names(files, fork=True) == guessed_names(files)
    assert (guessed_names(files) is None) is (kinds > 1)


def test_without_a_process_to_fork_the_files_are_all_scanned_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(tmp_path, [[f"e{number % 3}x{n}" for n in range(4)] for number in range(70)])
    expected = guessed_names(files)

    def refused() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    assert guessed_names(files, fork=True) == expected
