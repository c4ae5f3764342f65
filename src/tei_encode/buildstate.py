"""What a build remembers between runs, and the JSON reports it writes.

A ``SourceRecord`` holds what converting one source gave: the key it was made
under, its documents (TEI file, HTML pages, index summary, validation
findings) and the conversion diagnostics. Diagnostics are kept as lines of
JSON, encoded once when the source is converted: a corpus of ten thousand
letters has hundreds of thousands of them, and an incremental build copies
them into the reports without decoding them again.

The state file (``.build-state.json`` in the output directory) maps source
names to records; it holds no time, no absolute path and no order that
depends on how the build ran, so the same corpus gives the same bytes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Severity
from .render import Summary
from .xmlio import write_atomic

STATE_FILE = ".build-state.json"
PENDING_FILE = ".build-pending.json"
STATE_FORMAT = 2
DIAGNOSTIC_FIELDS = tuple(f.name for f in fields(Diagnostic))
_INFO = f'"severity": "{Severity.INFO.value}"'
_PLACEHOLDER = "\0diagnostics\0"


def encode_diagnostic(d: Diagnostic) -> str:
    """One diagnostic as one line of JSON (keys sorted)."""
    data: dict[str, object] = {name: getattr(d, name) for name in DIAGNOSTIC_FIELDS}
    data["severity"] = d.severity.value
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def decode_diagnostics(lines: list[str], *, notable_only: bool = False) -> list[Diagnostic]:
    """The diagnostics of ``encode_diagnostic`` lines; with ``notable_only``, warnings and errors only."""
    if notable_only:
        lines = [line for line in lines if _INFO not in line]
    if not lines:
        return []
    data: list[dict[str, Any]] = json.loads("[" + ",".join(lines) + "]")
    return [Diagnostic(**{**d, "severity": Severity(d["severity"])}) for d in data]


@dataclass
class DocumentRecord:
    """One document written by a build: its TEI file, pages, index summary and validation findings."""

    file: str
    pages: list[str]
    summary: Summary
    validation: list[str] = field(default_factory=list)


@dataclass
class SourceRecord:
    """What converting one source gave: its key, documents, conversion diagnostics, and whether it failed."""

    key: str
    documents: list[DocumentRecord] = field(default_factory=list)
    conversion: list[str] = field(default_factory=list)
    failed: bool = False

    def as_json(self) -> dict[str, object]:
        """The JSON form kept in the state file."""
        return {
            "key": self.key,
            "failed": self.failed,
            "conversion": self.conversion,
            "documents": [
                {"file": d.file, "pages": d.pages, "summary": d.summary, "validation": d.validation}
                for d in self.documents
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceRecord:
        """Read back ``as_json``."""
        documents = [
            DocumentRecord(str(d["file"]), list(d["pages"]), dict(d["summary"]), list(d["validation"]))
            for d in data["documents"]
        ]
        return cls(str(data["key"]), documents, list(data["conversion"]), bool(data["failed"]))


@dataclass
class State:
    """The records of a build by source name, and the names of the index pages it wrote."""

    sources: dict[str, SourceRecord] = field(default_factory=dict)
    index: list[str] = field(default_factory=list)


def save_state(out: Path, state: State) -> None:
    """Write the state file atomically."""
    data = {
        "format": STATE_FORMAT,
        "index": sorted(state.index),
        "sources": {name: state.sources[name].as_json() for name in sorted(state.sources)},
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    write_atomic(out / STATE_FILE, text.encode("utf-8"))


def load_state(out: Path) -> State | None:
    """The state of the last build into ``out``; none when absent, unreadable or of another format.

    Sources an interrupted build was converting (``save_pending``) are left out: their outputs
    may be from content other than the one their record was made from.
    """
    try:
        data = json.loads((out / STATE_FILE).read_bytes())
        if data.get("format") != STATE_FORMAT:
            return None
        pending = set(json.loads((out / PENDING_FILE).read_bytes())) if (out / PENDING_FILE).exists() else set()
        sources = {
            name: SourceRecord.from_json(record) for name, record in data["sources"].items() if name not in pending
        }
        return State(sources, [str(name) for name in data["index"]])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_pending(out: Path, names: list[str]) -> None:
    """Record the sources about to be converted (none: remove the record)."""
    if names:
        write_atomic(out / PENDING_FILE, (json.dumps(sorted(names), ensure_ascii=False) + "\n").encode("utf-8"))
    else:
        (out / PENDING_FILE).unlink(missing_ok=True)


def report(kind: str, lines: list[str], files: list[str] | None = None, invalid: list[str] | None = None) -> bytes:
    """A JSON report: ``kind``, the diagnostics one per line, and for validation the counts of files."""
    head: dict[str, object] = {"kind": kind, "diagnostics": _PLACEHOLDER}
    if files is not None:
        head["files"] = len(files)
        head["valid"] = len(files) - len(invalid or [])
        head["invalid"] = invalid or []
    text = json.dumps(head, ensure_ascii=False, indent=2, sort_keys=True)
    body = "[\n    " + ",\n    ".join(lines) + "\n  ]" if lines else "[]"
    return (text.replace(json.dumps(_PLACEHOLDER), body, 1) + "\n").encode("utf-8")


def files_under(directory: Path) -> set[str]:
    """The paths (relative, with ``/``) of the files under ``directory``; empty when it is absent."""
    found: set[str] = set()
    pending = [("", str(directory))]
    while pending:
        prefix, path = pending.pop()
        try:
            entries = os.scandir(path)
        except (FileNotFoundError, NotADirectoryError):
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    found.add(prefix + entry.name)
    return found
