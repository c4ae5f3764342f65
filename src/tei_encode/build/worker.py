"""The per-document work of a build: convert one source, validate and render its documents.

A ``Worker`` loads the register and compiles the validators once, then
converts source after source. Where its files go is the caller's choice (a
``Sink``): a local worker writes them into the output directory itself, a
worker on a Dask cluster hands them back to the build's own process, the only
one that writes there.
"""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..buildstate import DocumentRecord, SourceRecord, encode_diagnostic
from ..diagnostics import Diagnostic, Reporter, Severity
from ..editorial.built import decided_key, encode_rows
from ..editorial.decisions import Decision
from ..errors import TeiEncodeError
from ..pipeline import convert_path
from ..readers.decoding import SourceDecodeError, decode_bytes, read_source_bytes
from ..readers.docx.archive import is_zip
from ..register import Register
from ..render import Edition, index_entry, render_document, summarize
from ..validate import BaseValidator, load_validator
from ..validate.run import iter_findings
from ..xmlio import write_atomic

# Receives each file of a converted source: its path relative to the output directory, and its bytes.
Sink = Callable[[str, bytes], None]


class BuildError(TeiEncodeError, OSError):
    """The build cannot go on: the output cannot be written, or a worker process died."""


@dataclass(frozen=True)
class BuildSettings:
    """What a worker needs to convert a source (picklable)."""

    corpus_name: str
    register_dir: Path
    schemas: tuple[Path, ...]
    out: Path
    decisions: tuple[Decision, ...] = ()  # the editors' decisions (CORPUS/decisions.csv)


def file_writer(out: Path) -> Sink:
    """A sink writing each file atomically under ``out``."""

    def write(relative: str, data: bytes) -> None:
        try:
            write_atomic(out / relative, data)
        except OSError as exc:
            raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc

    return write


class Worker:
    """Converts sources: the register and the validators loaded once."""

    def __init__(self, settings: BuildSettings, register: Register | None = None) -> None:
        self.settings = settings
        self.register = register or Register.from_directory(settings.register_dir)
        self.validators: list[BaseValidator] = [load_validator(p) for p in settings.schemas]
        self.edition = Edition.of_corpus(settings.register_dir.parent)
        self.write = file_writer(settings.out)

    def convert(self, source: Path, key: str, sink: Sink | None = None) -> SourceRecord:
        """Convert, validate and render one source; give its files to ``sink`` (default: write them under
        the output directory); return its record.

        A source that cannot be read, or that makes a stage fail, gives a record
        with the error and no documents: one bad file must not stop a corpus.
        """
        name = f"{self.settings.corpus_name}/{source.name}"
        try:
            record = self._convert(source, key, name, sink or self.write)
            record.line()  # encoded here, in the worker, not by the process that saves the state
            return record
        except BuildError:
            raise
        except SourceDecodeError as exc:
            error = exc.diagnostic("unreadable-source")
        except TeiEncodeError as exc:
            error = Diagnostic(Severity.ERROR, "unreadable-source", str(exc), name)
        except Exception as exc:  # noqa: BLE001 - reported as a diagnostic naming the source
            message = f"not converted: {type(exc).__name__}: {exc} (a bug in tei-encode; please report it)"
            error = Diagnostic(Severity.ERROR, "internal-error", message, name)
        return SourceRecord(key, conversion=[encode_diagnostic(error)], failed=True)

    def _convert(self, source: Path, key: str, name: str, sink: Sink) -> SourceRecord:
        data = read_source_bytes(source)
        if not is_zip(data):  # a text source: refused here with the name the build reports it by
            decode_bytes(data, name)
        reporter = Reporter(name)
        items = convert_path(source, self.register, reporter, decisions=self.settings.decisions)
        key = decided_key(key, self.settings.decisions, [item.document.id for item in items])
        record = SourceRecord(key, conversion=[encode_diagnostic(d) for d in reporter.diagnostics])
        record.review = encode_rows(row for item in items for row in item.review)
        for item in items:
            if any(d.file == item.filename for d in record.documents):
                record.conversion.append(encode_diagnostic(duplicate(name, item.filename, source.name)))
                continue
            stem = item.document.id
            summary = summarize(item.tree, stem)
            pages = render_document(item.tree, stem, summary, self.edition)
            findings = iter_findings(item.tree.getroottree(), f"tei/{item.filename}", self.validators)
            validation = [encode_diagnostic(d) for d in findings]
            sink(f"tei/{item.filename}", pages[item.filename])  # the copy beside the page: serialised once
            for page, data in pages.items():
                sink(f"html/{page}", data)
            record.documents.append(DocumentRecord(item.filename, sorted(pages), index_entry(summary), validation))
        return record


def duplicate(name: str, filename: str, winner: str) -> Diagnostic:
    """The error for a document of source ``name`` whose id ``winner`` already gave."""
    return Diagnostic(
        Severity.ERROR,
        "duplicate-document",
        f"document {filename[: -len('.xml')]} is also produced by {winner}; this one is left out",
        name,
    )


_WORKER: Worker | None = None


def init_process(settings: BuildSettings) -> None:
    """Set up a worker process of the local pool: one ``Worker`` for its life."""
    global _WORKER
    # Ctrl-C reaches the whole process group: the parent stops the build, workers just finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = Worker(settings)
    # A conversion makes few reference cycles but many short-lived containers: at Python's default thresholds the
    # cycle collector took 1.5 % of a worker's time, walking the register and caches it keeps for its life.
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


def convert_in_process(source: Path, key: str) -> SourceRecord:
    """Convert ``source`` with the worker of this pool process."""
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.convert(source, key)
