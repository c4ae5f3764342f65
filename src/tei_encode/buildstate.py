"""What a build remembers between runs, and the JSON reports it writes.

A ``SourceRecord`` holds what converting one source gave: the key it was made
under, its documents (TEI file, HTML pages, index entry, validation findings),
the conversion diagnostics and the review rows. Diagnostics are kept as lines of JSON, encoded
once when the source is converted: a corpus of ten thousand letters has
hundreds of thousands of them, and an incremental build copies them into the
reports without decoding them again.

The state file (``.build-state.json`` in the output directory) is JSON Lines: a
header with the format, the key of the build and its index pages, then one line per source, sorted by
name. A record is encoded once, by the worker that converted the source, and
written again as it is by every later build that keeps it; so saving the state
costs a join however large the corpus, and loading it a decode of small
records (diagnostics are stored joined, as one string per source or document).
It holds no time, no absolute path and no order that depends on how the build
ran, so the same corpus gives the same bytes.
"""

from __future__ import annotations

import itertools
import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import orjson

from .diagnostics import Diagnostic, Severity
from .render import IndexEntry
from .xmlio import write_atomic, write_atomic_parts

STATE_FILE = ".build-state.json"
PENDING_FILE = ".build-pending.json"
STATE_FORMAT = 6
DIAGNOSTIC_FIELDS = tuple(f.name for f in fields(Diagnostic))
_INFO = f'"severity": "{Severity.INFO.value}"'
_SEVERITIES = {severity.value: severity for severity in Severity}
_PLACEHOLDER = "\0diagnostics\0"


def encode_diagnostic(d: Diagnostic) -> str:
    """One diagnostic as one line of JSON (keys sorted)."""
    data: dict[str, object] = {name: getattr(d, name) for name in DIAGNOSTIC_FIELDS}
    data["severity"] = d.severity.value
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def decode_diagnostics(lines: list[str]) -> list[Diagnostic]:
    """The diagnostics of ``encode_diagnostic`` lines."""
    if not lines:
        return []
    data: list[dict[str, Any]] = orjson.loads("[" + ",".join(lines) + "]")
    for d in data:
        d["severity"] = _SEVERITIES[d["severity"]]
    return [Diagnostic(**d) for d in data]


def is_notable(line: str) -> bool:
    """Whether an ``encode_diagnostic`` line is a warning or an error (not an informational note)."""
    return _INFO not in line


@dataclass
class DocumentRecord:
    """One document written by a build: its TEI file, pages, index entry and validation findings."""

    file: str
    pages: list[str]
    index: IndexEntry
    validation: list[str] = field(default_factory=list)


@dataclass
class SourceRecord:
    """What converting one source gave: its key, documents, conversion diagnostics, and whether it failed."""

    key: str
    documents: list[DocumentRecord] = field(default_factory=list)
    conversion: list[str] = field(default_factory=list)
    failed: bool = False
    review: list[str] = field(default_factory=list)  # the review rows of its documents, as lines of JSON
    notable: list[str] | None = field(default=None, compare=False, repr=False)  # the warnings and errors
    encoded: bytes = field(default=b"", compare=False, repr=False)  # as_json() as a line, once made

    def notable_conversion(self) -> list[str]:
        """The conversion diagnostics that are warnings or errors (their positions are kept in the state: a build
        reports them every time, and there are ten times as many informational notes)."""
        if self.notable is None:
            self.notable = [line for line in self.conversion if is_notable(line)]
        return self.notable

    def as_json(self) -> dict[str, object]:
        """The JSON form kept in the state file."""
        return {
            "key": self.key,
            "failed": self.failed,
            "conversion": "\n".join(self.conversion),
            "notable": [k for k, line in enumerate(self.conversion) if is_notable(line)],
            "review": "\n".join(self.review),
            "documents": [
                {"file": d.file, "pages": d.pages, "index": d.index, "validation": "\n".join(d.validation)}
                for d in self.documents
            ],
        }

    def line(self) -> bytes:
        """``as_json`` encoded on one line (made once: a record does not change once complete)."""
        if not self.encoded:
            self.encoded = orjson.dumps(self.as_json(), option=orjson.OPT_SORT_KEYS)
        return self.encoded

    @classmethod
    def from_json(cls, data: dict[str, Any], encoded: bytes = b"") -> SourceRecord:
        """Read back ``as_json`` (``encoded``: the line it was read from)."""
        documents = [
            DocumentRecord(str(d["file"]), list(d["pages"]), dict(d["index"]), _lines(d["validation"]))
            for d in data["documents"]
        ]
        conversion = _lines(data["conversion"])
        notable = [conversion[k] for k in data["notable"]]
        review = _lines(data["review"])
        return cls(str(data["key"]), documents, conversion, bool(data["failed"]), review, notable, encoded)


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


@dataclass
class State:
    """The records of a build by source name, the names of the index pages it wrote, its build key
    (the hash of everything but the sources: code, register, schemas) and the hash of the review rows its
    review files were written from."""

    sources: dict[str, SourceRecord] = field(default_factory=dict)
    index: list[str] = field(default_factory=list)
    build_key: str = ""
    review: str = ""


def save_state(out: Path, state: State) -> None:
    """Write the state file atomically, a line at a time (never the whole file in memory)."""
    header = {"format": STATE_FORMAT, "index": sorted(state.index), "build": state.build_key, "review": state.review}
    lines = (b"[%s,%s]\n" % (orjson.dumps(name), state.sources[name].line()) for name in sorted(state.sources))
    write_atomic_parts(out / STATE_FILE, itertools.chain([orjson.dumps(header) + b"\n"], lines))


def load_state(out: Path) -> State | None:
    """The state of the last build into ``out``; none when absent, unreadable or of another format.

    Sources an interrupted build was converting (``save_pending``) are left out: their outputs
    may be from content other than the one their record was made from.
    """
    try:
        lines = (out / STATE_FILE).read_bytes().splitlines()
        header = orjson.loads(lines[0]) if lines else {}
        if header.get("format") != STATE_FORMAT:
            return None
        pending = set(json.loads((out / PENDING_FILE).read_bytes())) if (out / PENDING_FILE).exists() else set()
        sources = {}
        for line in lines[1:]:
            name, data = orjson.loads(line)
            if name not in pending:
                prefix = b"[%s," % orjson.dumps(name)
                encoded = line[len(prefix) : -1] if line.startswith(prefix) and line.endswith(b"]") else b""
                sources[str(name)] = SourceRecord.from_json(data, encoded)
        return State(sources, [str(name) for name in header["index"]], str(header["build"]), str(header["review"]))
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
