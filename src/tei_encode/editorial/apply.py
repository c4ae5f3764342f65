"""Applying the editors' decisions to an enriched document, after every enricher has run.

Each decision finds its mention by text and occurrence (or a snippet of context)
and replaces, removes, adds or confirms the markup there; the spans it makes
carry ``resp`` (the editor, a ``respStmt`` of the header) and ``cert``. A decision
that finds nothing is returned with the reason, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Block, Correspondence, Document, DocumentDate, Party, Span, span
from ..register import Entry, Name, Register
from .anchors import Position, document_blocks, find
from .decisions import MARK_KINDS, NAME_KINDS, Decision
from .rows import ReviewRow

ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# What a model's proposal says of itself (who proposed it, from which package): the editor's decision replaces it.
PROPOSED = ("resp", "source", "by")
# Corrections the converters may read from a note: an editor may confirm or undo them.
CORRECTIONS = ("del", "add")
ACCEPTED_NOTE = "Accepted into the register by {editor} (editorial decision)."


@dataclass
class Outcome:
    """What the decisions about one document did: where each one applied, what did not match and why, the
    editors who decided (``respStmt`` id to name), the entries accepted (provisional key to entry) and the
    provisional key each ``accept`` decision accepted."""

    applied: list[tuple[Decision, list[Position]]] = field(default_factory=list)
    unmatched: list[tuple[Decision, str]] = field(default_factory=list)
    editors: dict[str, str] = field(default_factory=dict)
    accepted: dict[str, Entry] = field(default_factory=dict)
    accepts: dict[Decision, str] = field(default_factory=dict)


def resp_id(editor: str) -> str:
    """The ``xml:id`` of an editor's ``respStmt``: ``resp-`` and the name in lower case, words joined by hyphens."""
    return "resp-" + ("-".join(re.findall(r"\w+", editor.lower())) or "editor")


def apply_decisions(
    document: Document,
    decisions: Sequence[Decision],
    register: Register,
    provisional: list[Entry],
    rows: Sequence[ReviewRow] = (),
) -> Outcome:
    """Apply the decisions about ``document`` in file order.

    ``register`` holds the register and the document's provisional entries; ``provisional``
    (those entries) is updated in place for accepted ones; ``rows`` are the document's review
    rows, which an ``ok`` may confirm when its text is a line the reader dropped.
    """
    outcome = Outcome()
    blocks = document_blocks(document)
    replaced: set[str] = set()
    for decision in (d for d in decisions if d.document == document.id):
        positions: list[Position] = []
        if decision.action in ("date", "sender", "addressee"):
            problem = _set_document(document, decision, register, provisional, replaced)
        else:
            positions = find(blocks, decision.text, decision.occurrence, decision.context)
            if positions:
                problem = _apply(blocks, positions[0], decision, register, provisional, outcome)
            elif decision.action == "ok" and _confirms_row(decision, rows):
                problem = ""
            else:
                problem = _not_found(blocks, decision)
        if problem:
            outcome.unmatched.append((decision, problem))
        else:
            outcome.applied.append((decision, positions))
            outcome.editors[resp_id(decision.editor)] = decision.editor
    return outcome


def mark_decided(rows: Sequence[ReviewRow], outcome: Outcome) -> list[ReviewRow]:
    """The rows, those a decision covers marked as decided: by overlapping its mention, by its text and
    occurrence (rows of lines not in the text), or by being a mention of the provisional entry it accepts."""
    marked = []
    for row in rows:
        deciding = next((d for d, positions in outcome.applied if _covers(d, positions, row, outcome)), None)
        marked.append(row.decided(deciding.where) if deciding else row)
    return marked


def _covers(decision: Decision, positions: list[Position], row: ReviewRow, outcome: Outcome) -> bool:
    if row.position is not None and any(p.overlaps(row.position) for p in positions):
        return True
    if row.position is None and decision.action == "ok" and _same_words(decision, row):
        return True
    accepted = outcome.accepts.get(decision)
    return accepted is not None and row.kind == "unregistered" and row.proposal.split()[-1] == f"#{accepted}"


def _same_words(decision: Decision, row: ReviewRow) -> bool:
    return " ".join(decision.text.split()) == row.text and decision.occurrence == row.occurrence


def _confirms_row(decision: Decision, rows: Sequence[ReviewRow]) -> bool:
    return any(row.position is None and _same_words(decision, row) for row in rows)


def _not_found(blocks: list[Block], decision: Decision) -> str:
    where = f"the snippet {decision.context!r} of document" if decision.context else "document"
    count = len(find(blocks, decision.text, 0, decision.context, every=True))
    if not count:
        return f"{decision.text!r} is not in {where} {decision.document}"
    return f"{decision.text!r} occurs {count} time(s) in {where} {decision.document}, not {decision.occurrence}"


def _decided(decision: Decision) -> dict[str, str]:
    return {"resp": f"#{resp_id(decision.editor)}", "cert": decision.cert}


def _apply(
    blocks: list[Block],
    at: Position,
    decision: Decision,
    register: Register,
    provisional: list[Entry],
    outcome: Outcome,
) -> str:
    """Apply one mention decision at ``at``; the reason it cannot be applied, or empty."""
    block = blocks[at.block]
    there = [s for s in block.spans if s.kind in MARK_KINDS and s.overlaps(at.start, at.end)]
    corrections = [s for s in block.spans if s.kind in CORRECTIONS and (s.start, s.end) == (at.start, at.end)]
    action = decision.action
    if action == "not":
        _remove(
            block, there + corrections + [s for s in block.spans if s.kind == "subst" and s.overlaps(at.start, at.end)]
        )
    elif action == "ok":
        if not there and not corrections:
            return f"no name, place, date or correction is marked at {decision.text!r} to confirm"
        for s in there:  # a correction stays as it is: the schema gives del and add no resp
            _remove(block, [s])
            kept = {k: v for k, v in s.attrs if k not in PROPOSED}  # the editor's now, not the model's
            block.add(span(s.start, s.end, s.kind, **{**kept, **_decided(decision)}))
    elif action == "link" or (action == "mark" and decision.kind in NAME_KINDS):
        entry = _lookup(decision.value, register, provisional) if decision.value else None
        provisional_or_new = entry is None or any(e.key == decision.value for e in provisional)
        if decision.value and provisional_or_new and decision.names and decision.kind in NAME_KINDS:
            entry = _new_entry(decision, decision.kind, provisional, outcome)
        if decision.value and entry is None:
            return f"no register entry {decision.value!r} (give its names to make one)"
        kind = NAME_KINDS[entry.kind if entry is not None else decision.kind]
        if action == "mark" and entry is not None and entry.kind != decision.kind:
            return f"register entry {decision.value!r} is a {entry.kind}, not a {decision.kind}"
        _remove(block, there)
        ref = f"#{entry.key}" if entry is not None else ""
        block.add(span(at.start, at.end, kind, ref=ref, **_decided(decision)))
    elif action == "mark":
        attrs = _date_attrs(decision.value)
        if attrs is None:
            return f"date value {decision.value!r} is not an ISO date (1920-08-12) or range (1920-08-11/1920-08-20)"
        _remove(block, there)
        block.add(span(at.start, at.end, "date", **attrs, **_decided(decision)))
    else:
        return _accept(blocks, block, at, decision, register, provisional, outcome)
    return ""


def _remove(block: Block, spans: list[Span]) -> None:
    block.spans[:] = [s for s in block.spans if s not in spans]


def _date_attrs(value: str) -> dict[str, str] | None:
    start, sep, end = value.partition("/")
    if not sep and ISO.fullmatch(value):
        return {"when": value}
    if sep and (not start or ISO.fullmatch(start)) and (not end or ISO.fullmatch(end)) and (start or end):
        return {"not_before": start, "not_after": end}
    return None


def _accept(
    blocks: list[Block],
    block: Block,
    at: Position,
    decision: Decision,
    register: Register,
    provisional: list[Entry],
    outcome: Outcome,
) -> str:
    """Accept the provisional entry the mention at ``at`` is linked to: rename it, give it the decision's names,
    relink its mentions in the document with the editor's ``resp``."""
    linked = [s for s in block.spans if s.kind in NAME_KINDS and s.overlaps(at.start, at.end) and s.attr("ref")]
    if not linked:
        return f"{decision.text!r} is not linked to any entry"
    key = linked[0].attr("ref").removeprefix("#")
    entry = next((e for e in provisional if e.key == key), None)
    if entry is None:
        # Already in the register (moved there by ``register accept``): the decision holds.
        return "" if decision.value in ("", key) else f"{decision.text!r} is linked to #{key}, not a provisional entry"
    new_key = decision.value or key
    if new_key != key and register.get(new_key) is not None:
        return f"register key {new_key!r} is taken"
    names = tuple(Name(text, lang, "main" if k == 0 else "variant") for k, (lang, text) in enumerate(decision.names))
    accepted = Entry(
        new_key, entry.kind, names or entry.names, note=decision.note or ACCEPTED_NOTE.format(editor=decision.editor)
    )
    provisional[provisional.index(entry)] = accepted
    outcome.accepted[key] = accepted
    outcome.accepts[decision] = key
    for other in blocks:
        for s in [s for s in other.spans if s.attr("ref") == f"#{key}"]:
            _remove(other, [s])
            other.add(span(s.start, s.end, s.kind, **{**dict(s.attrs), "ref": f"#{new_key}", **_decided(decision)}))
    return ""


def _lookup(key: str, register: Register, provisional: list[Entry]) -> Entry | None:
    """The entry with ``key``: in the register, else among the document's own entries (made by earlier decisions)."""
    return register.get(key) or next((e for e in provisional if e.key == key), None)


def _names(decision: Decision) -> tuple[Name, ...]:
    return tuple(Name(text, lang, "main" if k == 0 else "variant") for k, (lang, text) in enumerate(decision.names))


def _note(decision: Decision) -> str:
    return decision.note or ACCEPTED_NOTE.format(editor=decision.editor)


def _new_entry(decision: Decision, kind: str, provisional: list[Entry], outcome: Outcome) -> Entry:
    """The entry the editor defines (key ``value``, the decision's names) for a name the register lacks, in place
    of a provisional entry with that key if the converters made one."""
    entry = Entry(decision.value, kind, _names(decision), note=_note(decision))
    known = [k for k, e in enumerate(provisional) if e.key == decision.value]
    if known:
        provisional[known[0]] = entry
    else:
        provisional.append(entry)
    outcome.accepted[decision.value] = entry
    return entry


def _set_document(
    document: Document, decision: Decision, register: Register, provisional: list[Entry], replaced: set[str]
) -> str:
    """Set the document's date, sender or addressee; the reason it cannot be set, or empty."""
    correspondence = document.correspondence or Correspondence()
    if decision.action == "date":
        attrs = _date_attrs(decision.value)
        if attrs is None:
            return f"date value {decision.value!r} is not an ISO date (1920-08-12) or range (1920-08-11/1920-08-20)"
        dated = DocumentDate(attrs.get("when", ""), attrs.get("not_before", ""), attrs.get("not_after", ""))
        document.meta.date = correspondence.date = dated
    else:
        entry = _lookup(decision.value, register, provisional)
        if entry is None:
            return f"no register entry {decision.value!r}"
        party = Party(NAME_KINDS[entry.kind], entry.name, entry.key)
        parties = correspondence.senders if decision.action == "sender" else correspondence.addressees
        if decision.action not in replaced:  # the editors' first sender (addressee) replaces the converter's
            parties.clear()
            replaced.add(decision.action)
        if all(p.key != entry.key for p in parties):
            parties.append(party)
    document.correspondence = correspondence
    return ""
