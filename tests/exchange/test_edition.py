"""The corpus's CMIF settings (cmif.json): what is read, what is refused with the file named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tei_encode.exchange.edition import CmifError, Editor, PrintedSource, Stamp, edition_header, record_stamp

GOOD = {
    "title": "Letters",
    "editors": ["Anna Editor", {"name": "Boris Editor", "email": "b@example.org"}],
    "url": "https://example.org/cmif.xml",
    "sources": [{"match": "Letters of Anna", "title": "Letters of Anna", "editors": ["C. D."], "year": "1901"}],
    "published": {"when": "2026-12-01T10:00:00Z", "sha256": "0" * 64},
}


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "cmif.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_settings_are_read(tmp_path: Path) -> None:
    header = edition_header(_write(tmp_path, GOOD), {"SOURCE_DATE_EPOCH": "1800000000"})
    assert header is not None
    assert header.editors == (Editor("Anna Editor"), Editor("Boris Editor", "b@example.org"))
    assert header.sources == (PrintedSource("Letters of Anna", "Letters of Anna", ("C. D.",), "", "", "1901"),)
    assert header.stamp == Stamp("2026-12-01T10:00:00Z", "0" * 64) and header.epoch == "1800000000"
    assert header.source_for("LETTERS  of anna, vol. 1") is not None and header.source_for("Other") is None
    overridden = edition_header(tmp_path / "cmif.json", {}, url="https://x.org/c.xml", title="")
    assert overridden is not None and overridden.url == "https://x.org/c.xml" and overridden.title == "Letters"


def test_no_settings_file_is_no_header(tmp_path: Path) -> None:
    assert edition_header(tmp_path / "cmif.json", {}) is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "expected an object with only"),
        ({"editors": []}, "at least one editor"),
        ({"editors": [{"firstname": "A"}]}, "an editor is a name or an object"),
        ({"url": "cmif.xml"}, "must be a URL"),
        ({"sources": [{"title": "T"}]}, "a source has match and title"),
        ({"sources": [{"match": "m", "title": "T", "year": "ca. 1900"}]}, "is not a year"),
        ({"published": {"when": "yesterday", "sha256": "0" * 64}}, "is not YYYY-MM-DDThh:mm:ssZ"),
        ({"published": {"when": "2026-12-01T10:00:00Z", "sha256": "abc"}}, "published has when"),
        ({"title": 5}, "title must be a string"),
    ],
    ids=[
        "unknown-key",
        "no-editor",
        "bad-editor",
        "file-name-url",
        "source-no-match",
        "bad-year",
        "bad-when",
        "bad-hash",
        "title-not-text",
    ],  # fmt: skip
)
def test_bad_settings_are_refused_naming_the_file(tmp_path: Path, change: dict[str, object], message: str) -> None:
    path = _write(tmp_path, {**GOOD, **change})
    with pytest.raises(CmifError, match=message) as caught:
        edition_header(path, {})
    assert str(path) in str(caught.value)


def test_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cmif.json"
    path.write_text("{title: 1}", encoding="utf-8")
    with pytest.raises(CmifError, match="cannot read"):
        edition_header(path, {})


def test_recording_keeps_the_other_settings(tmp_path: Path) -> None:
    path = _write(tmp_path, {**GOOD, "date": "2026-01-01"})
    record_stamp(path, Stamp("2026-12-06T07:00:00Z", "1" * 64))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["published"] == {"when": "2026-12-06T07:00:00Z", "sha256": "1" * 64}
    assert "date" not in data and data["sources"] == GOOD["sources"] and data["editors"] == GOOD["editors"]
