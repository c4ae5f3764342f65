"""The editors' decisions file: one row per decision, anchored by document, text and occurrence, never by offsets.

``corpus/decisions.csv`` is UTF-8 CSV with a header row, to be edited in a
spreadsheet or a text editor. Columns (only ``document`` and ``action`` are
always required; the order of columns is free, unknown columns are refused):

- ``document``: the document id (the TEI file name without ``.xml``).
- ``text``: the words as the source writes them (white space need not match).
- ``occurrence``: which occurrence of ``text`` in the document (1 = the first; default 1),
  counted in reading order: title, header fields, text, notes.
- ``context``: a snippet around ``text`` that holds it; occurrences are then counted inside it.
- ``action``: ``link`` (link the mention to register key ``value``), ``not`` (the text is no
  name, place or date, or no correction: its markup goes), ``mark`` (mark the text as ``kind`` person, place, org or
  date with ``value``: a register key, or an ISO date ``1920-08-12`` or range
  ``1920-08-11/1920-08-20``), ``ok`` (the converter's reading is right: keep it, recorded as
  decided), ``date`` / ``sender`` / ``addressee`` (the document's date, ISO, or correspondent,
  register key; no ``text``), ``accept`` (the provisional entry the mention is linked to goes
  into the register, under key ``value`` (default: its key) with ``names``).
- ``kind``: for ``mark``.
- ``value``: see ``action``.
- ``names``: for ``accept``: the entry's names, ``;``-separated, each ``lang:name`` (the first is
  the main name).
- ``cert``: how sure the editor is: high (default), medium, low.
- ``editor``: who decided (recorded in the TEI header; default: the editors).
- ``note``: why (for the editors); for ``accept``, the note of the register entry.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import TeiEncodeError
from ..model import PartyKind

DECISIONS_FILE = "decisions.csv"
COLUMNS = ("document", "text", "occurrence", "context", "action", "kind", "value", "names", "cert", "editor", "note")
MENTION_ACTIONS = ("link", "not", "mark", "ok", "accept")
DOCUMENT_ACTIONS = ("date", "sender", "addressee")
ACTIONS = MENTION_ACTIONS + DOCUMENT_ACTIONS
# The kinds of names (register entries and their spans) and what ``mark`` may mark.
NAME_KINDS: dict[str, PartyKind] = {"person": "person", "place": "place", "org": "org"}
MARK_KINDS = (*NAME_KINDS, "date")
CERTAINTIES = ("high", "medium", "low")
DEFAULT_EDITOR = "the editors"


class DecisionsError(TeiEncodeError, ValueError):
    """A decisions file that cannot be read or has a malformed row (the message names file and line)."""


@dataclass(frozen=True)
class Decision:
    """One row of the decisions file, with the file and line it came from."""

    file: str
    line: int
    document: str
    action: str
    text: str = ""
    occurrence: int = 1
    context: str = ""
    kind: str = ""
    value: str = ""
    names: tuple[tuple[str, str], ...] = ()
    cert: str = "high"
    editor: str = DEFAULT_EDITOR
    note: str = ""

    @property
    def where(self) -> str:
        """``file:line``."""
        return f"{self.file}:{self.line}"


def load_decisions(path: Path, name: str = "") -> list[Decision]:
    """The decisions of ``path`` (none when it is absent); ``name`` is how diagnostics name the file."""
    if not path.is_file():
        return []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionsError(f"{name or path}: cannot read decisions: {exc}") from exc
    return parse_decisions(text, name or str(path))


def parse_decisions(text: str, name: str) -> list[Decision]:
    """The decisions of a CSV text; a malformed row raises ``DecisionsError`` naming ``name`` and its line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return []
    except csv.Error as exc:
        raise DecisionsError(f"{name}:1: {exc}") from exc
    unknown = [h for h in header if h not in COLUMNS]
    if unknown or "document" not in header or "action" not in header:
        raise DecisionsError(
            f"{name}:1: the header must name the columns document and action, and only these: {', '.join(COLUMNS)}"
            + (f" (unknown: {', '.join(unknown)})" if unknown else "")
        )
    decisions, line = [], 1
    try:
        for values in reader:
            start, line = line + 1, reader.line_num
            if not any(v.strip() for v in values):
                continue
            row = dict(zip(header, (v.strip() for v in values), strict=False))
            decisions.append(_decision(row, name, start))
    except csv.Error as exc:
        raise DecisionsError(f"{name}:{line + 1}: {exc}") from exc
    return decisions


def _decision(row: dict[str, str], name: str, line: int) -> Decision:
    def bad(message: str) -> DecisionsError:
        return DecisionsError(f"{name}:{line}: {message}")

    action = row.get("action", "").lower()
    if action not in ACTIONS:
        raise bad(f"unknown action {action!r}; known: {', '.join(ACTIONS)}")
    if not row.get("document"):
        raise bad("no document id")
    text, value, kind = row.get("text", ""), row.get("value", ""), row.get("kind", "").lower()
    if action in MENTION_ACTIONS and not text:
        raise bad(f"{action} needs the text it is about")
    if action in DOCUMENT_ACTIONS and text:
        raise bad(f"{action} is about the whole document: leave text empty")
    if action in ("link", "date", "sender", "addressee") and not value:
        raise bad(f"{action} needs a value")
    if action == "mark" and kind not in MARK_KINDS:
        raise bad(f"mark needs a kind: one of {', '.join(MARK_KINDS)}")
    occurrence = row.get("occurrence") or "1"
    if not occurrence.isdigit() or int(occurrence) < 1:
        raise bad(f"occurrence must be a whole number from 1, not {occurrence!r}")
    cert = row.get("cert", "").lower() or "high"
    if cert not in CERTAINTIES:
        raise bad(f"cert must be one of {', '.join(CERTAINTIES)}, not {cert!r}")
    return Decision(
        name,
        line,
        row["document"],
        action,
        text,
        int(occurrence),
        row.get("context", ""),
        kind,
        value,
        _names(row.get("names", ""), bad),
        cert,
        row.get("editor", "") or DEFAULT_EDITOR,
        row.get("note", ""),
    )


def _names(text: str, bad: Callable[[str], DecisionsError]) -> tuple[tuple[str, str], ...]:
    names = []
    for item in (part.strip() for part in text.split(";")):
        if not item:
            continue
        lang, sep, written = item.partition(":")
        if not sep or not lang.strip() or not written.strip() or " " in lang.strip():
            raise bad(f"names must be 'lang:name; lang:name', not {item!r}")
        names.append((lang.strip(), written.strip()))
    return tuple(names)


def decisions_digest(decisions: list[Decision], document_ids: list[str]) -> str:
    """A hash of the decisions about ``document_ids`` (their content and lines): what makes a document's output."""
    wanted = set(document_ids)
    digest = hashlib.sha256()
    for d in decisions:
        if d.document in wanted:
            digest.update(repr(d).encode("utf-8") + b"\n")
    return digest.hexdigest()
