"""The review of a whole corpus: convert every source with the editors' decisions, gather the rows.

Also the check that every decision names a document of the corpus, shared with
the build: a decision about a document no source produces is reported with its
file and line, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Reporter, Severity
from ..pipeline import convert_path
from ..register import Entry, Register
from .decisions import DECISIONS_FILE, Decision, load_decisions
from .rows import ReviewRow


@dataclass
class CorpusReview:
    """The review rows of a corpus, the decisions that did not apply (as warnings ``decision-unmatched``), its
    documents and the entries the decisions accepted."""

    rows: list[ReviewRow] = field(default_factory=list)
    unmatched: list[Diagnostic] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    accepted: list[Entry] = field(default_factory=list)


def corpus_decisions(corpus: Path) -> list[Decision]:
    """The decisions of a corpus (``CORPUS/decisions.csv``), named ``CORPUS-NAME/decisions.csv`` in diagnostics."""
    return load_decisions(corpus / DECISIONS_FILE, f"{corpus.name}/{DECISIONS_FILE}")


def review_corpus(
    corpus: Path, sources: Sequence[Path], progress: Callable[[int, int], None] | None = None
) -> CorpusReview:
    """Convert ``sources`` of ``corpus`` with its register and decisions; the rows and the unmatched decisions."""
    register = Register.from_directory(corpus / "register")
    decisions = corpus_decisions(corpus)
    review = CorpusReview()
    for done, source in enumerate(sources, 1):
        reporter = Reporter(f"{corpus.name}/{source.name}")
        for item in convert_path(source, register, reporter, decisions=decisions):
            review.rows.extend(item.review)
            review.documents.append(item.document.id)
            review.accepted.extend(item.accepted)
        review.unmatched.extend(d for d in reporter.diagnostics if d.code == "decision-unmatched")
        if progress:
            progress(done, len(sources))
    review.unmatched.extend(unknown_documents(decisions, review.documents))
    return review


def unknown_documents(decisions: Iterable[Decision], documents: Iterable[str]) -> list[Diagnostic]:
    """A warning for each decision about a document that is not among ``documents``."""
    known = set(documents)
    return [
        Diagnostic(
            Severity.WARNING,
            "decision-unmatched",
            f"{d.action} not applied: no document {d.document!r} in the corpus",
            d.file,
            d.line,
        )
        for d in decisions
        if d.document not in known
    ]
