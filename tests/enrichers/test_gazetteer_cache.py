"""The gazetteer's index is made once and kept in the user cache; a damaged cache file is made again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from tei_encode.enrichers.proposals import gazetteer


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty user cache, and the index forgotten by this process before and after the test."""
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path))
    gazetteer._index.cache_clear()
    yield tmp_path / "gazetteer"
    gazetteer._index.cache_clear()


def _never_made() -> gazetteer.Index:
    raise AssertionError("the index was made again instead of read from the cache")


def test_the_index_read_from_the_cache_is_the_index_made(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = gazetteer._index()
    assert [p.name for p in cache.iterdir()] == [f"{gazetteer._cache_key()}.json"]
    gazetteer._index.cache_clear()
    monkeypatch.setattr(gazetteer, "_made_index", _never_made)
    read = gazetteer._index()
    assert read == made
    assert [list(d.items()) for d in read] == [list(d.items()) for d in made]
    assert gazetteer.lookup("Нанкина", inflected=True) == gazetteer.Place("Nanjing", "geonames", "1799962")


@pytest.mark.parametrize(
    "damage", [b'{"places": [', b"[]", b'{"places": [["x"]], "names": {}, "stems": {}}', b'{"places": []}'],
    ids=["cut", "not-an-object", "short-place", "no-names"],
)  # fmt: skip
def test_a_damaged_cache_file_is_made_again(cache: Path, damage: bytes) -> None:
    made = gazetteer._index()
    path = cache / f"{gazetteer._cache_key()}.json"
    path.write_bytes(damage)
    gazetteer._index.cache_clear()
    assert gazetteer._index() == made
    assert orjson.loads(path.read_bytes())["names"]["Beijing"] is not None


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(blocker))
    gazetteer._index.cache_clear()
    try:
        assert gazetteer.lookup("USSR") == gazetteer.Place("USSR", "iso3166-3", "SUHH", country=True)
    finally:
        gazetteer._index.cache_clear()
