"""The main job: convert every source of a corpus, validate the TEI, render the HTML views.

``out/`` receives ``tei/`` (one TEI file per document), ``validation.json``
(every finding of the project's schemas), ``html/`` (the pages of each
document, the index pages and ``style.css``), ``conversion.json`` (what the
readers and enrichers reported), ``cmif.xml`` (the letters in CMIF, when the
corpus describes its edition in ``cmif.json``) and the build's own state files.

Sources are converted in parallel by worker processes, each loading the
register and compiling the schemas once. The build is incremental: the state
file records, for every source, a key hashing the source's bytes and name, the
register files, the schemas, the code of the package and the state format,
with the index entries and findings of its documents. A source whose key is
unchanged and whose outputs are all present is not converted again; a changed
register, schema or tool version changes every key. Outputs of sources that
are gone are removed. Every file is written atomically, the state is saved as
sources complete, and ``.build-pending.json`` lists the sources being converted
(their old records are not trusted if the build stops), so an interrupted build
leaves no half-written file and the next build completes it. The same corpus
gives the same bytes, whatever the number of processes and whatever was built
before; the state file too (no times, no absolute paths).

Documents are validated against the project's RELAX NG schema and Schematron
rules. The W3C XML Schema is generated from the RELAX NG schema (a test keeps
them in sync): checking it too, with the pure-Python ``xmlschema``, would
repeat the same grammar and more than double the time of a build;
``tei-encode validate`` checks it.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from . import __version__
from .buildstate import (
    PENDING_FILE,
    STATE_FILE,
    STATE_FORMAT,
    DocumentRecord,
    SourceRecord,
    State,
    decode_diagnostics,
    encode_diagnostic,
    files_under,
    load_state,
    report,
    save_pending,
    save_state,
)
from .cmifpublish import CMIF_FILE, PARTS_FILE, publish_cmif
from .diagnostics import Diagnostic, Reporter, Severity
from .editorial.built import REVIEW_DIR, decided_key, encode_rows, publish_review
from .editorial.corpus import corpus_decisions, unknown_documents
from .editorial.decisions import Decision
from .errors import SchemaNotFound, TeiEncodeError
from .exchange.cmif import EDITION_FILE
from .pipeline import convert_path
from .readers.decoding import SourceDecodeError, decode_bytes, read_source_bytes
from .readers.docx.archive import is_zip
from .register import Register
from .render import Edition, IndexEntry, index_entry, render_document, render_index_entries, summarize
from .validate import BaseValidator, default_schemas, load_validator
from .validate.run import iter_findings
from .xmlio import serialize, update_atomic, write_atomic

SOURCE_SUFFIXES = (".txt", ".md", ".docx")
CHECKPOINT_SECONDS = 10.0
# Starting a worker process (imports, register, schemas) costs about as much as converting this many
# sources: fewer sources than this per process are converted in the build's own process.
SOURCES_PER_WORKER_START = 8
REPORTS = ("validation.json", "conversion.json", STATE_FILE)

Progress = Callable[[int, int], None]


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


@dataclass
class BuildResult:
    """What a build did: documents written, conversion warnings and errors, validation findings.

    ``conversion.json`` in the output also has the informational notes.
    """

    documents: list[str] = field(default_factory=list)
    conversion: list[Diagnostic] = field(default_factory=list)
    validation: list[Diagnostic] = field(default_factory=list)
    converted: int = 0
    reused: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def invalid(self) -> list[str]:
        """Files with at least one validation error."""
        return sorted({d.file for d in self.validation if d.severity is Severity.ERROR})


def corpus_sources(corpus: Path) -> list[Path]:
    """The source texts of a corpus directory (its README excepted)."""
    return sorted(
        p for p in corpus.iterdir() if p.suffix in SOURCE_SUFFIXES and p.name.lower() != "readme.md" and not p.is_dir()
    )


def build_schemas() -> list[Path]:
    """The schemas a build validates against: the project's RELAX NG schema and Schematron rules."""
    return [p for p in default_schemas() if p.suffix != ".xsd"]


def build(
    corpus: Path,
    out: Path,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    force: bool = False,
    schemas: Iterable[Path] | None = None,
) -> BuildResult:
    """Convert, validate and render ``corpus`` into ``out`` with ``jobs`` processes.

    Raises ``BuildError`` when ``out`` cannot be written or a worker dies, and
    lets ``KeyboardInterrupt`` through; in both cases what was done is kept
    for the next build.
    """
    decisions = tuple(corpus_decisions(corpus))  # a malformed decisions file stops the build before any work
    settings = BuildSettings(corpus.name, corpus / "register", tuple(schemas or build_schemas()), out, decisions)
    register = Register.from_directory(settings.register_dir)  # a broken register stops the build before any work
    for schema in settings.schemas:
        if not schema.is_file():
            raise SchemaNotFound(f"{schema}: schema not found")
    sources = corpus_sources(corpus)
    build_key = _build_key(settings)
    keys = {source.name: _source_key(build_key, source) for source in sources}
    previous = None if force else load_state(out)
    existing = {"tei": files_under(out / "tei"), "html": files_under(out / "html")}
    state = State(index=previous.index if previous else [], build_key=build_key)
    for source in sources:
        old = previous.sources.get(source.name) if previous else None
        # The key of a source covers the editors' decisions about the documents it gave.
        decided = (
            decided_key(keys[source.name], decisions, [d.file.removesuffix(".xml") for d in old.documents])
            if old
            else ""
        )
        if old and old.key == decided and old.key and not old.failed and _outputs_exist(old, existing):
            state.sources[source.name] = old
    todo = [s for s in sources if s.name not in state.sources]
    changed = previous is None or bool(todo) or previous.sources.keys() != state.sources.keys()
    # The index pages are made from the documents' index entries: stale when a source came or went,
    # the tool, register or schemas changed, or a converted source gives other entries than before.
    old_entries = {s.name: _index_entries(previous.sources.get(s.name)) for s in todo} if previous else {}
    pages_stale = (
        previous is None or previous.build_key != build_key or {s.name for s in sources} != previous.sources.keys()
    )
    result = BuildResult(reused=len(state.sources), converted=len(todo))
    _prepare_output(out, [s.name for s in todo])
    if progress:
        progress(len(state.sources), len(sources))
    for name, record in _convert_all(settings, register, todo, keys, jobs, state):
        state.sources[name] = record
        if progress:
            progress(len(state.sources), len(sources))
    pages_stale = pages_stale or any(_index_entries(state.sources[name]) != old for name, old in old_entries.items())
    clashes = _resolve_clashes(settings, sources, keys, state.sources)
    edition = Edition.of_corpus(corpus)
    _finish(out, sources, state, result, changed or clashes, pages_stale or clashes, edition)
    if changed or not (out / CMIF_FILE).is_file():
        _publish_cmif(corpus, out, sources, state, result)
    if changed or not (out / REVIEW_DIR / "index.html").is_file():
        _publish_review(out, sources, state)
    result.conversion.extend(unknown_documents(decisions, [d.removesuffix(".xml") for d in result.documents]))
    return result


def _publish_review(out: Path, sources: list[Path], state: State) -> None:
    """``OUT/review/`` from the review rows of every source."""
    try:
        publish_review(out, [line for source in sources for line in state.sources[source.name].review])
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc


def _publish_cmif(corpus: Path, out: Path, sources: list[Path], state: State, result: BuildResult) -> None:
    """``OUT/cmif.xml`` of the letters, from the parts of the documents that did not change and the new ones."""
    documents = [
        (document.file, state.sources[source.name].key)
        for source in sources
        if source.name in state.sources
        for document in state.sources[source.name].documents
    ]
    reporter = Reporter(CMIF_FILE)
    try:
        publish_cmif(corpus, out, documents, reporter)
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc
    result.conversion.extend(d for d in reporter.diagnostics if d.severity is not Severity.INFO)


def _convert_all(
    settings: BuildSettings, register: Register, todo: list[Path], keys: dict[str, str], jobs: int, state: State
) -> Iterable[tuple[str, SourceRecord]]:
    """Convert ``todo``, yielding records as they complete and saving the state now and then."""
    last_save, save_cost = time.monotonic(), 0.0
    done: dict[str, SourceRecord] = {}

    def checkpoint(force_save: bool = False) -> None:
        # The state grows with the corpus: save at most every CHECKPOINT_SECONDS (a killed build redoes
        # at most that much work), and spend at most a fiftieth of the time saving (it shares the cores).
        nonlocal last_save, save_cost
        if force_save or time.monotonic() - last_save > max(CHECKPOINT_SECONDS, 50 * save_cost):
            started = time.monotonic()
            save_state(settings.out, State({**state.sources, **done}, state.index))
            save_pending(settings.out, [s.name for s in todo if s.name not in done])
            last_save, save_cost = time.monotonic(), time.monotonic() - started

    if not todo:
        return
    try:
        if jobs <= 1 or len(todo) < SOURCES_PER_WORKER_START * jobs:
            worker = Worker(settings, register)
            for source in todo:
                done[source.name] = worker.convert(source, keys[source.name])
                yield source.name, done[source.name]
                checkpoint()
            return
        context = get_context("spawn")
        with ProcessPoolExecutor(
            min(jobs, len(todo)), mp_context=context, initializer=_init_worker, initargs=(settings,)
        ) as executor:
            futures: dict[Future[SourceRecord], Path] = {
                executor.submit(_convert_in_worker, source, keys[source.name]): source for source in todo
            }
            try:
                for future in as_completed(futures):
                    source = futures[future]
                    done[source.name] = future.result()
                    yield source.name, done[source.name]
                    checkpoint()
            except BaseException:
                executor.shutdown(wait=True, cancel_futures=True)
                raise
    except BrokenProcessPool as exc:
        checkpoint(force_save=True)
        raise BuildError("a worker process died; run the build again to complete it") from exc
    except BaseException:
        checkpoint(force_save=True)
        raise


class Worker:
    """Converts sources: the register and the validators loaded once."""

    def __init__(self, settings: BuildSettings, register: Register | None = None) -> None:
        self.settings = settings
        self.register = register or Register.from_directory(settings.register_dir)
        self.validators: list[BaseValidator] = [load_validator(p) for p in settings.schemas]
        self.edition = Edition.of_corpus(settings.register_dir.parent)

    def convert(self, source: Path, key: str) -> SourceRecord:
        """Convert, validate and render one source; write its files; return its record.

        A source that cannot be read, or that makes a stage fail, gives a record
        with the error and no documents: one bad file must not stop a corpus.
        """
        name = f"{self.settings.corpus_name}/{source.name}"
        try:
            record = self._convert(source, key, name)
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

    def _convert(self, source: Path, key: str, name: str) -> SourceRecord:
        data = read_source_bytes(source)
        if not is_zip(data):  # a text source: refused here with the name the build reports it by
            decode_bytes(data, name)
        reporter = Reporter(name)
        items = convert_path(source, self.register, reporter, decisions=self.settings.decisions)
        key = decided_key(key, self.settings.decisions, [item.document.id for item in items])
        record = SourceRecord(key, conversion=[encode_diagnostic(d) for d in reporter.diagnostics])
        record.review = encode_rows(row for item in items for row in item.review)
        out = self.settings.out
        for item in items:
            if any(d.file == item.filename for d in record.documents):
                record.conversion.append(encode_diagnostic(_duplicate(name, item.filename, source.name)))
                continue
            stem = item.document.id
            summary = summarize(item.tree, stem)
            pages = render_document(item.tree, stem, summary, self.edition)
            findings = iter_findings(item.tree.getroottree(), f"tei/{item.filename}", self.validators)
            validation = [encode_diagnostic(d) for d in findings]
            try:
                write_atomic(out / "tei" / item.filename, serialize(item.tree))
                for page, data in pages.items():
                    write_atomic(out / "html" / page, data)
            except OSError as exc:
                raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc
            record.documents.append(DocumentRecord(item.filename, sorted(pages), index_entry(summary), validation))
        return record


_WORKER: Worker | None = None


def _init_worker(settings: BuildSettings) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the parent stops the build, workers just finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = Worker(settings)


def _convert_in_worker(source: Path, key: str) -> SourceRecord:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.convert(source, key)


def _duplicate(name: str, filename: str, winner: str) -> Diagnostic:
    return Diagnostic(
        Severity.ERROR,
        "duplicate-document",
        f"document {filename[: -len('.xml')]} is also produced by {winner}; this one is left out",
        name,
    )


def _resolve_clashes(
    settings: BuildSettings, sources: list[Path], keys: dict[str, str], records: dict[str, SourceRecord]
) -> bool:
    """Two sources giving the same document id: the first source keeps it and is written again.

    Returns whether there was a clash.
    """
    owner: dict[str, str] = {}
    rewrite: set[str] = set()
    for source in sources:
        record = records[source.name]
        kept, clashes = [], []
        for document in record.documents:
            first = owner.setdefault(document.file, source.name)
            if first == source.name:
                kept.append(document)
                continue
            rewrite.add(first)
            clashes.append(encode_diagnostic(_duplicate(f"{settings.corpus_name}/{source.name}", document.file, first)))
        if clashes:
            records[source.name] = SourceRecord(record.key, kept, record.conversion + clashes, record.failed)
    if rewrite:
        worker = Worker(settings)
        for source in sources:
            if source.name in rewrite:
                records[source.name] = worker.convert(source, keys[source.name])
    return bool(rewrite)


def _index_entries(record: SourceRecord | None) -> list[tuple[str, IndexEntry]] | None:
    return [(d.file, d.index) for d in record.documents] if record else None


def _finish(
    out: Path,
    sources: list[Path],
    state: State,
    result: BuildResult,
    changed: bool,
    pages_stale: bool,
    edition: Edition,
) -> None:
    """Write the index pages (when ``pages_stale``) and reports (when anything ``changed``), and remove
    what no source produces. Files that would get the bytes they hold already are left alone."""
    conversion: list[str] = []
    notable: list[str] = []
    validation: list[str] = []
    entries: list[IndexEntry] = []
    tei_files: set[str] = set()
    pages: set[str] = set()
    for source in sources:
        record = state.sources[source.name]
        conversion.extend(record.conversion)
        notable.extend(record.notable_conversion())
        if record.failed:
            result.failed.append(source.name)
        for document in record.documents:
            result.documents.append(document.file)
            validation.extend(document.validation)
            entries.append(document.index)
            tei_files.add(document.file)
            pages.update(document.pages)
    result.conversion = decode_diagnostics(notable)
    result.validation = decode_diagnostics(validation)
    outputs = [out / "html" / name for name in state.index] + [out / name for name in REPORTS]
    try:
        missing = not state.index or not all(path.is_file() for path in outputs)
        if pages_stale or missing:
            index = render_index_entries(entries, edition)
            for name, data in index.items():
                update_atomic(out / "html" / name, data)
            state.index = sorted(index)
        if changed or missing:
            update_atomic(out / "validation.json", report("validation", validation, result.documents, result.invalid))
            update_atomic(out / "conversion.json", report("conversion", conversion))
            save_state(out, state)
        save_pending(out, [])
        _remove_stale(out / "tei", tei_files)
        _remove_stale(out / "html", pages | set(state.index))
        _remove_temporary(out)
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc


def _prepare_output(out: Path, todo: list[str]) -> None:
    """Create the output directories, failing early when they cannot be written; record what is converted."""
    try:
        for directory in (out / "tei", out / "html"):
            directory.mkdir(parents=True, exist_ok=True)
        save_pending(out, todo)
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc


def _outputs_exist(record: SourceRecord, existing: dict[str, set[str]]) -> bool:
    return all(d.file in existing["tei"] and all(p in existing["html"] for p in d.pages) for d in record.documents)


def _remove_stale(directory: Path, keep: set[str]) -> None:
    """Remove files not in ``keep`` (paths relative to ``directory``): old outputs and leftover temporary files."""
    for name in files_under(directory) - keep:
        (directory / name).unlink()


def _remove_temporary(out: Path) -> None:
    """Remove temporary files an interrupted build left beside the reports."""
    for path in out.iterdir():
        names = (*REPORTS, PENDING_FILE, CMIF_FILE, PARTS_FILE)
        if path.is_file() and any(path.name.startswith(f".{name}.") for name in names):
            path.unlink()


def _build_key(settings: BuildSettings) -> str:
    """A hash of everything but the source that decides a document's output."""
    digest = hashlib.sha256(f"tei-encode {__version__} state {STATE_FORMAT}\n".encode())
    digest.update(settings.corpus_name.encode() + b"\n")
    digest.update(_code_fingerprint().encode() + b"\n")
    register = sorted(settings.register_dir.glob("*.xml")) if settings.register_dir.is_dir() else []
    edition = [p for p in [settings.register_dir.parent / EDITION_FILE] if p.is_file()]
    for label, paths in (("register", register), ("schema", list(settings.schemas)), ("edition", edition)):
        for path in paths:
            digest.update(f"{label} {path.name} {_file_hash(path)}\n".encode())
    return digest.hexdigest()


def _source_key(build_key: str, source: Path) -> str:
    """The key of one source; empty when it cannot be read (so it is always tried again)."""
    try:
        content = _file_hash(source)
    except OSError:
        return ""
    return hashlib.sha256(f"{build_key}\n{source.name}\n{content}\n".encode()).hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _code_fingerprint() -> str:
    """A hash of the package's code and data files (the command line excepted), so a changed tool rebuilds."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package).as_posix()
        if path.is_file() and not relative.startswith("cli/") and "__pycache__" not in relative:
            digest.update(f"{relative} {_file_hash(path)}\n".encode())
    return digest.hexdigest()


def cpu_count() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
