"""Check records of authority ids: what an editor (or ``register reconcile``) saw at the source.

``CORPUS/register/checks.json`` maps ``scheme:id`` (``wikidata:Q855``) to the
record of its last check: the label the authority file gives the id, the day
it was checked and the URL of the page read. An id is verified only when such
a record exists, its label is one of the entry's names and its source is a
URL: an id changed by mistake (Q42 typed for Stalin's Q855) has no record, or
one with another person's label, so the register check cannot pass by accident.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import ReaderError
from ..register import Authority, Entry
from ..xmlio import write_atomic

CHECKS_FILE = "checks.json"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
HTTP_URL = re.compile(r"https?://[^\s/]+/\S*")
QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class CheckRecord:
    """The last check of one id: the label seen at the source, the day and the page."""

    label: str
    checked: str
    source: str

    def problem(self) -> str:
        """What makes the record unusable ("" when nothing)."""
        if not self.label.strip():
            return "no label"
        if not ISO_DAY.fullmatch(self.checked):
            return f"check date {self.checked!r} is not an ISO day"
        if not HTTP_URL.fullmatch(self.source):
            return f"source {self.source!r} is not a URL"
        return ""


def record_key(authority: Authority) -> str:
    """The key of an id's check record: ``scheme:id``."""
    return f"{authority.scheme}:{authority.value}"


def load_checks(path: Path) -> dict[str, CheckRecord]:
    """The check records of a register (``{}`` when the file does not exist)."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReaderError(f"{path}: cannot read the check records: {exc}") from exc
    if not isinstance(data, dict):
        raise ReaderError(f"{path}: expected an object of check records by scheme:id")
    records = {}
    for key, value in data.items():
        if not isinstance(value, dict) or set(value) != {"label", "checked", "source"}:
            raise ReaderError(f"{path}: {key}: a check record has exactly label, checked and source")
        records[key] = CheckRecord(str(value["label"]), str(value["checked"]), str(value["source"]))
    return records


def save_checks(path: Path, records: Mapping[str, CheckRecord]) -> None:
    """Write check records sorted by key, so that a change shows as a small diff."""
    data = {key: asdict(records[key]) for key in sorted(records)}
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def fold(text: str) -> str:
    """A label or name compared without case and with spaces normalised."""
    return " ".join(text.split()).casefold()


def label_matches(entry: Entry, label: str) -> bool:
    """Whether ``label`` is one of the entry's names, with or without the qualifier an authority file adds in
    brackets to tell items apart (``Republic of China (1912–1949)``)."""
    names = {fold(name.text) for name in entry.names}
    return fold(label) in names or fold(QUALIFIER.sub("", label)) in names
