"""What a corpus says of its edition for CMIF (``CORPUS/cmif.json``), and the CMIF file's publication date.

The configuration names the file's title, its editors (people, with an
optional e-mail), the publisher, the URL the file is published at, the URL of
each letter, the printed editions the letters come from (matched by a piece
of the TEI's source citation, described in full: title, editors, place,
publisher, year) and the last publication: its date-time and the SHA-256 of
the content then. correspSearch harvests a file again only when its date
increases, so the date is the recorded one while the content is unchanged,
and a later one when it changed: ``SOURCE_DATE_EPOCH`` (the time of the
commit that changed it), else one second after the recorded date. Neither
the clock nor the output directory is read: the same input gives the same
bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..errors import TeiEncodeError
from ..xmlio import write_atomic

EDITION_FILE = "cmif.json"
W3C_DATE = re.compile(r"-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?")
STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
SHA256 = re.compile(r"[0-9a-f]{64}")
URL = re.compile(r"https?://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]")
EDITION_KEYS = {"title", "editors", "publisher", "url", "letter_url", "sources", "published", "date"}
SOURCE_KEYS = {"match", "title", "editors", "place", "publisher", "year"}
DEFAULT_TITLE = "Correspondence metadata of the tei-encode corpus"
DEFAULT_PUBLISHER = "tei-encode project"


class CmifError(TeiEncodeError, ValueError):
    """CMIF header data that cannot be used (a bad date, no editor, a malformed configuration)."""


@dataclass(frozen=True)
class Editor:
    """An editor of the CMIF file: a person's name, and an e-mail address if given."""

    name: str
    email: str = ""


@dataclass(frozen=True)
class PrintedSource:
    """A printed edition letters come from, found by a piece (``match``) of their TEI source citation."""

    match: str
    title: str
    editors: tuple[str, ...] = ()
    place: str = ""
    publisher: str = ""
    year: str = ""

    def matches(self, citation: str) -> bool:
        """Whether a source citation names this edition (case and spacing aside)."""
        return " ".join(self.match.split()).casefold() in " ".join(citation.split()).casefold()


@dataclass(frozen=True)
class Stamp:
    """The last publication: its date-time (UTC) and the SHA-256 of the content then."""

    when: str
    sha256: str


@dataclass(frozen=True)
class CmifHeader:
    """What CMIF requires of the file itself, and what decides its date.

    ``date`` fixes the publication date; when it is empty, the date comes from ``stamp`` and ``epoch``
    (``SOURCE_DATE_EPOCH``) and the content (see ``publication_when``).
    """

    date: str = ""
    title: str = DEFAULT_TITLE
    editors: tuple[Editor, ...] = ()
    publisher: str = DEFAULT_PUBLISHER
    url: str = ""
    letter_url: str = ""
    sources: tuple[PrintedSource, ...] = ()
    stamp: Stamp | None = None
    epoch: str = ""

    def __post_init__(self) -> None:
        if self.date and not W3C_DATE.fullmatch(self.date):
            raise CmifError(f"publication date {self.date!r} is not an ISO 8601 date (YYYY-MM-DD)")
        if not self.editors or not all(e.name.strip() for e in self.editors):
            raise CmifError("CMIF needs at least one editor, a person (--editor, or editors in cmif.json)")
        if not URL.fullmatch(self.url):
            raise CmifError(f"the CMIF file's published URL must be a URL (--url, or url in cmif.json): {self.url!r}")
        if not (self.date or self.stamp or self.epoch):
            raise CmifError("no publication date: give one (--date), record one in cmif.json or set SOURCE_DATE_EPOCH")
        try:
            self.letter_url.format(id="x")
        except (KeyError, IndexError, ValueError) as exc:
            raise CmifError(f"letter URL {self.letter_url!r}: only {{id}} may be filled in") from exc

    def source_for(self, citation: str) -> PrintedSource | None:
        """The configured printed edition a source citation names, if any."""
        return next((s for s in self.sources if s.matches(citation)), None)


def publication_when(header: CmifHeader, content_sha256: str) -> str:
    """The publication date of content with this hash: the given date; the recorded one while the content is
    unchanged; else ``SOURCE_DATE_EPOCH``, but never before one second after the recorded date."""
    if header.date:
        return header.date
    stamp = header.stamp
    if stamp is not None and stamp.sha256 == content_sha256:
        return stamp.when
    later = _parse(stamp.when) + timedelta(seconds=1) if stamp is not None else None
    epoch = _epoch(header.epoch) if header.epoch else None
    candidates = [t for t in (later, epoch) if t is not None]
    return max(candidates).strftime(STAMP_FORMAT)


def edition_header(path: Path, environ: Mapping[str, str], **overrides: Any) -> CmifHeader | None:
    """The CMIF header a corpus describes in ``cmif.json``, or None when it has no such file.

    ``overrides`` (header fields, e.g. from the command line) replace what the file says; ``SOURCE_DATE_EPOCH``
    comes from ``environ``.
    """
    if not path.is_file():
        return None
    data = _read(path)
    fields: dict[str, Any] = {
        "title": _text(path, data, "title", DEFAULT_TITLE),
        "editors": tuple(_editor(path, e) for e in _list(path, data, "editors")),
        "publisher": _text(path, data, "publisher", DEFAULT_PUBLISHER),
        "url": _text(path, data, "url", ""),
        "letter_url": _text(path, data, "letter_url", ""),
        "sources": tuple(_source(path, s) for s in _list(path, data, "sources")),
        "stamp": _stamp(path, data),
        "epoch": environ.get("SOURCE_DATE_EPOCH", "").strip(),
    }
    fields.update({k: v for k, v in overrides.items() if v})
    try:
        return CmifHeader(**fields)
    except CmifError as exc:
        raise CmifError(f"{path}: {exc}") from exc


def record_stamp(path: Path, stamp: Stamp) -> None:
    """Record a publication in ``cmif.json`` (the other settings are kept as they are)."""
    data = _read(path)
    data.pop("date", None)
    data["published"] = {"when": stamp.when, "sha256": stamp.sha256}
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CmifError(f"{path}: cannot read the edition's CMIF settings: {exc}") from exc
    if not isinstance(data, dict) or not set(data) <= EDITION_KEYS:
        raise CmifError(f"{path}: expected an object with only {', '.join(sorted(EDITION_KEYS))}")
    return data


def _text(path: Path, data: Mapping[str, Any], key: str, default: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise CmifError(f"{path}: {key} must be a string")
    return value


def _list(path: Path, data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise CmifError(f"{path}: {key} must be a list")
    return value


def _editor(path: Path, value: Any) -> Editor:
    if isinstance(value, str):
        return Editor(value)
    if isinstance(value, dict) and set(value) <= {"name", "email"} and isinstance(value.get("name"), str):
        return Editor(value["name"], str(value.get("email", "")))
    raise CmifError(f"{path}: an editor is a name or an object with name and email")


def _source(path: Path, value: Any) -> PrintedSource:
    if not isinstance(value, dict) or not set(value) <= SOURCE_KEYS or not {"match", "title"} <= set(value):
        raise CmifError(f"{path}: a source has match and title, and may have {', '.join(sorted(SOURCE_KEYS))}")
    editors = value.get("editors", [])
    if not isinstance(editors, list) or not all(isinstance(e, str) for e in editors):
        raise CmifError(f"{path}: a source's editors are a list of names")
    year = str(value.get("year", ""))
    if year and not re.fullmatch(r"\d{4}", year):
        raise CmifError(f"{path}: a source's year {year!r} is not a year")
    return PrintedSource(
        str(value["match"]), str(value["title"]), tuple(editors), str(value.get("place", "")),
        str(value.get("publisher", "")), year,
    )  # fmt: skip


def _stamp(path: Path, data: Mapping[str, Any]) -> Stamp | None:
    published = data.get("published")
    if published is None:
        # A fixed date of an older configuration: the publication it records, of content not known.
        date = data.get("date")
        day = isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
        return Stamp(f"{date}T00:00:00Z", "") if day else None
    if (
        not isinstance(published, dict)
        or set(published) != {"when", "sha256"}
        or not SHA256.fullmatch(str(published["sha256"]))
    ):
        raise CmifError(f"{path}: published has when (a UTC date-time) and sha256 (the content's hash)")
    when = str(published["when"])
    _parse(when, path)
    return Stamp(when, str(published["sha256"]))


def _parse(when: str, path: Path | None = None) -> datetime:
    try:
        return datetime.strptime(when, STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError as exc:
        where = f"{path}: " if path else ""
        raise CmifError(f"{where}publication date-time {when!r} is not YYYY-MM-DDThh:mm:ssZ") from exc


def _epoch(value: str) -> datetime:
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise CmifError(f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds") from exc
