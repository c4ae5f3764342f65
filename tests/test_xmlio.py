"""Atomic writes: the whole file or nothing, its directory made when missing, no temporary file left."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_encode.xmlio import update_atomic, write_atomic, write_atomic_parts


def test_a_write_makes_the_missing_directories(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "page.html"
    write_atomic(path, b"<p/>\n")
    write_atomic(path.with_name("other.html"), b"other")
    assert path.read_bytes() == b"<p/>\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["other.html", "page.html"]
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_write_where_a_file_stands_for_the_directory_fails_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("a file")
    with pytest.raises(OSError):
        write_atomic(tmp_path / "a" / "page.html", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["a"]


def test_parts_are_written_in_order_and_an_unchanged_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    write_atomic_parts(path, iter([b"one\n", b"two\n"]))
    inode = path.stat().st_ino
    assert path.read_bytes() == b"one\ntwo\n"
    assert not update_atomic(path, b"one\ntwo\n") and path.stat().st_ino == inode
    assert update_atomic(path, b"three\n") and path.read_bytes() == b"three\n"
