"""The editorial step of a conversion: review rows for every document of a source, then the editors' decisions.

Runs after the enrichers (and their page step) and before the TEI writer, so
the decisions see the converters' final markup and the writer sees the decisions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, Reporter, Severity
from ..enrichers.context import Context
from ..model import Document
from ..register import Entry
from .apply import apply_decisions, mark_decided
from .decisions import Decision
from .rows import ReviewRow, document_of_line, documents_of_lines, review_rows

# Warnings of the enrichers about one name, which a decision about that name settles.
SETTLED_CODES = ("ambiguous-name", "person-not-in-register", "place-not-in-register")


@dataclass
class Decided:
    """One document after the editorial step: its review rows, the editors who decided on it, and the entries
    the decisions accepted into the register or defined (for ``register accept``)."""

    rows: list[ReviewRow] = field(default_factory=list)
    editors: dict[str, str] = field(default_factory=dict)
    accepted: list[Entry] = field(default_factory=list)


def review_and_decide(
    documents: Sequence[Document],
    context: Context,
    reporter: Reporter,
    decisions: Sequence[Decision],
    diagnostics: Sequence[Diagnostic],
    source_lines: Sequence[str],
) -> dict[str, Decided]:
    """Review rows for each document (from its spans and the source's ``diagnostics`` on its lines), then apply
    the decisions about it; a decision that matches nothing is reported (warning ``decision-unmatched``, with
    the decisions file and line)."""
    starts = documents_of_lines(documents)
    default = documents[0].id if documents else ""
    by_document: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_document.setdefault(document_of_line(starts, d.line, default), []).append(d)
    decided = {}
    for document in documents:
        provisional = context.added.setdefault(document.id, [])
        rows = review_rows(document, [e.key for e in provisional], by_document.get(document.id, []), source_lines)
        outcome = apply_decisions(document, decisions, context.register_for(document.id), provisional, rows)
        reporter.diagnostics.extend(_unmatched(decision, reason) for decision, reason in outcome.unmatched)
        decided[document.id] = Decided(mark_decided(rows, outcome), outcome.editors, list(outcome.accepted.values()))
    _settle_warnings(reporter, by_document, decided)
    return decided


def refuse(document_id: str, decisions: Sequence[Decision], reporter: Reporter, reason: str) -> None:
    """Report every decision about ``document_id`` as not applied, for ``reason``."""
    for decision in decisions:
        if decision.document == document_id:
            reporter.diagnostics.append(_unmatched(decision, reason))


def _unmatched(decision: Decision, reason: str) -> Diagnostic:
    return Diagnostic(
        Severity.WARNING, "decision-unmatched", f"{decision.action} not applied: {reason}", decision.file, decision.line
    )


def _settle_warnings(reporter: Reporter, by_document: dict[str, list[Diagnostic]], decided: dict[str, Decided]) -> None:
    """Turn the enrichers' warnings about a name an editor has decided into notes saying where it was decided."""
    settled: dict[Diagnostic, Diagnostic] = {}
    for document, diagnostics in by_document.items():
        rows = [r for r in decided[document].rows if r.status == "decided"] if document in decided else []
        for d in diagnostics:
            if d.severity is not Severity.WARNING or d.code not in SETTLED_CODES:
                continue
            row = next((r for r in rows if d.message.startswith(repr(r.text)) and r.line >= d.line), None)
            if row is not None:
                rows.remove(row)
                settled[d] = replace(d, severity=Severity.INFO, message=f"{d.message} (decided: {row.decision})")
    if settled:
        reporter.diagnostics[:] = [settled.get(d, d) for d in reporter.diagnostics]
