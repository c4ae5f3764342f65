"""The main job: convert every source of a corpus, validate the TEI, render the HTML views.

``out/`` receives ``tei/`` (one TEI file per document), ``validation.json``
(every finding of the project's schemas), ``html/`` (the pages of each
document, the index pages and ``style.css``), ``conversion.json`` (what the
readers and enrichers reported), ``cmif.xml`` (the letters in CMIF, when the
corpus describes its edition in ``cmif.json``) and the build's own state files.

Sources are converted in parallel by worker processes, each loading the
register and compiling the schemas once, or on the workers of a Dask cluster
(``cluster.py``); either way the records and files are the same. The local worker
processes also write the review files and the register pages at the end, while the
build's own process writes the other index pages. One build at
a time writes into an output directory (``lock.py``). The build is incremental: the state
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

import time
from collections.abc import Callable, Container, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from multiprocessing import get_context
from pathlib import Path
from types import ModuleType

from ..buildstate import (
    PENDING_FILE,
    STATE_FILE,
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
from ..cmifpublish import CMIF_FILE, PARTS_FILE, publish_cmif
from ..diagnostics import Diagnostic, Reporter, Severity
from ..editorial.built import REVIEW_DIR, decided_key, publish_review, review_key
from ..editorial.corpus import corpus_decisions, unknown_documents
from ..errors import SchemaNotFound
from ..register import Register
from ..render import INDEX_FILES, Edition, IndexEntry, render_index_entries
from ..validate import default_schemas
from ..xmlio import update_atomic
from .keys import build_key, source_key
from .lock import Holder, output_lock
from .worker import BuildError, BuildSettings, Worker, convert_in_process, duplicate, file_writer, init_process

SOURCE_SUFFIXES = (".txt", ".md", ".docx")
CHECKPOINT_SECONDS = 10.0
# Starting a worker process (imports, register, schemas) costs about as much as converting this many
# sources: fewer sources than this per process are converted in the build's own process.
SOURCES_PER_WORKER_START = 8
INSTALL_DASK = "building on a Dask cluster needs Dask's distributed package: pip install 'tei-encode[dask]'"
REPORTS = ("validation.json", "conversion.json", STATE_FILE)
WORKER_DIED = "a worker process died; run the build again to complete it"
# The largest index pages, made by a worker process while the build's own makes the others.
PAGES_APART = ("people.html", "places.html")

Progress = Callable[[int, int], None]


class ClusterUnavailable(BuildError):
    """A Dask scheduler was given, but Dask's ``distributed`` package is not installed."""


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
    scheduler: str | None = None,
    wait: float = 0.0,
    on_wait: Callable[[Holder | None], None] | None = None,
) -> BuildResult:
    """Convert, validate and render ``corpus`` into ``out`` with ``jobs`` processes, or on the Dask cluster
    of the ``scheduler`` at an address such as ``tcp://host:8786``.

    Holds the lock on ``out`` throughout: when another build holds it, waits up to ``wait`` seconds
    (telling ``on_wait`` who holds it) and then raises ``OutputLocked``. Raises ``BuildError`` when
    ``out`` cannot be written or the workers die, and lets ``KeyboardInterrupt`` through; in both cases
    what was done is kept for the next build.
    """
    decisions = tuple(corpus_decisions(corpus))  # a malformed decisions file stops the build before any work
    settings = BuildSettings(corpus.name, corpus / "register", tuple(schemas or build_schemas()), out, decisions)
    register = Register.from_directory(settings.register_dir)  # a broken register stops the build before any work
    for schema in settings.schemas:
        if not schema.is_file():
            raise SchemaNotFound(f"{schema}: schema not found")
    if scheduler and find_spec("distributed") is None:  # before any work; imported only when there is some
        raise ClusterUnavailable(INSTALL_DASK)
    with output_lock(out, wait, on_wait):
        return _build(corpus, settings, register, Conversion(jobs, scheduler), progress, force)


@dataclass(frozen=True)
class Conversion:
    """Where sources are converted: ``jobs`` local processes, or the cluster of a Dask ``scheduler``."""

    jobs: int = 1
    scheduler: str | None = None


def _build(
    corpus: Path,
    settings: BuildSettings,
    register: Register,
    conversion: Conversion,
    progress: Progress | None,
    force: bool,
) -> BuildResult:
    out = settings.out
    sources = corpus_sources(corpus)
    build = build_key(settings)
    keys = {source.name: source_key(build, source) for source in sources}
    previous = None if force else load_state(out)
    existing = {"tei": files_under(out / "tei"), "html": files_under(out / "html")}
    state = State(index=previous.index if previous else [], build_key=build)
    for source in sources:
        old = previous.sources.get(source.name) if previous else None
        # The key of a source covers the editors' decisions about the documents it gave.
        decided = (
            decided_key(keys[source.name], settings.decisions, [d.file.removesuffix(".xml") for d in old.documents])
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
        previous is None or previous.build_key != build or {s.name for s in sources} != previous.sources.keys()
    )
    result = BuildResult(reused=len(state.sources), converted=len(todo))
    _prepare_output(out, [s.name for s in todo])
    if progress:
        progress(len(state.sources), len(sources))
    with ExitStack() as stack:
        pool = _local_pool(settings, conversion, len(todo), stack)
        for name, record in _convert_all(settings, register, todo, keys, conversion, state, pool):
            state.sources[name] = record
            if progress:
                progress(len(state.sources), len(sources))
        pages_stale = pages_stale or any(_index_entries(state.sources[n]) != old for n, old in old_entries.items())
        clashes = _resolve_clashes(settings, sources, keys, state.sources)
        edition = Edition.of_corpus(corpus)
        # The review files are written by a worker process while this one writes the index pages.
        review = _publish_review(out, sources, state, previous.review if previous else "", pool)
        _finish(out, sources, state, result, changed or clashes, pages_stale or clashes, edition, review, pool)
    if changed or not (out / CMIF_FILE).is_file():
        _publish_cmif(corpus, out, sources, state, result)
    result.conversion.extend(unknown_documents(settings.decisions, [d.removesuffix(".xml") for d in result.documents]))
    return result


def _publish_review(
    out: Path, sources: list[Path], state: State, previous: str, pool: ProcessPoolExecutor | None
) -> Callable[[], None]:
    """``OUT/review/`` from the review rows of every source, unless they are the rows (hashed in ``previous``)
    the files were written from; the hash goes into ``state``. Written by a process of ``pool`` when there is
    one: the returned call waits for it."""
    rows = [line for source in sources for line in state.sources[source.name].review]
    state.review = review_key(state.build_key, rows)
    if state.review == previous and (out / REVIEW_DIR / "index.html").is_file():
        return lambda: None
    if pool is None:
        _written(out, lambda: publish_review(out, rows))
        return lambda: None
    future = pool.submit(publish_review, out, rows)
    return lambda: _written(out, future.result)


def _written(out: Path, write: Callable[[], object]) -> None:
    """Run ``write``: a ``BuildError`` for a file it could not write, or for the process it ran in dying."""
    try:
        write()
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc
    except BrokenProcessPool as exc:
        raise BuildError(WORKER_DIED) from exc


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
    settings: BuildSettings,
    register: Register,
    todo: list[Path],
    keys: dict[str, str],
    conversion: Conversion,
    state: State,
    pool: ProcessPoolExecutor | None,
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
        for name, record in _records(settings, register, todo, keys, conversion, pool):
            done[name] = record
            yield name, record
            checkpoint()
    except BrokenProcessPool as exc:
        checkpoint(force_save=True)
        raise BuildError(WORKER_DIED) from exc
    except BaseException:
        checkpoint(force_save=True)
        raise


def _local_pool(
    settings: BuildSettings, conversion: Conversion, todo: int, stack: ExitStack
) -> ProcessPoolExecutor | None:
    """The worker processes of a local build of ``todo`` sources, shut down when ``stack`` closes (the work not
    started cancelled); none on a cluster, or when so few sources are converted in this process."""
    jobs = conversion.jobs
    if conversion.scheduler or jobs <= 1 or todo < SOURCES_PER_WORKER_START * jobs:
        return None
    pool = ProcessPoolExecutor(
        min(jobs, todo), mp_context=get_context("spawn"), initializer=init_process, initargs=(settings,)
    )
    stack.callback(pool.shutdown, wait=True, cancel_futures=True)
    return pool


def _records(
    settings: BuildSettings,
    register: Register,
    todo: list[Path],
    keys: dict[str, str],
    conversion: Conversion,
    pool: ProcessPoolExecutor | None,
) -> Iterator[tuple[str, SourceRecord]]:
    """The records of ``todo`` as they complete: on a cluster, in the processes of ``pool``, or in this process."""
    if conversion.scheduler:
        cluster = _cluster()
        sink = file_writer(settings.out)
        yield from cluster.convert_on_cluster(conversion.scheduler, settings, todo, keys, sink)
    elif pool is None:
        worker = Worker(settings, register)
        for source in todo:
            yield source.name, worker.convert(source, keys[source.name])
    else:
        futures: dict[Future[SourceRecord], Path] = {
            pool.submit(convert_in_process, source, keys[source.name]): source for source in todo
        }
        try:
            for future in as_completed(futures):
                yield futures[future].name, future.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _cluster() -> ModuleType:
    """The module that converts on a Dask cluster, which needs the optional ``distributed`` package."""
    try:
        return import_module(".cluster", __package__)
    except ImportError as exc:
        if exc.name not in ("dask", "distributed"):
            raise
        raise ClusterUnavailable(INSTALL_DASK) from exc


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
            clashes.append(encode_diagnostic(duplicate(f"{settings.corpus_name}/{source.name}", document.file, first)))
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
    review: Callable[[], None],
    pool: ProcessPoolExecutor | None,
) -> None:
    """Write the index pages (when ``pages_stale``) and reports (when anything ``changed``), and remove
    what no source produces. Files that would get the bytes they hold already are left alone. ``review`` waits
    for the review files, which the state saved here records as written; ``pool`` makes the register pages."""
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
            state.index = _write_index_pages(out, entries, edition, pool)
        review()
        if changed or missing:
            update_atomic(out / "validation.json", report("validation", validation, result.documents, result.invalid))
            update_atomic(out / "conversion.json", report("conversion", conversion))
            save_state(out, state)
        save_pending(out, [])
        _remove_stale(out / "tei", tei_files)
        _remove_stale(out / "html", pages | set(state.index))
        _remove_temporary(out)
    except BuildError:  # from the review's process, worded already
        raise
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc
    except BrokenProcessPool as exc:  # the process making index pages died
        raise BuildError(WORKER_DIED) from exc


def _write_index_pages(
    out: Path, entries: list[IndexEntry], edition: Edition, pool: ProcessPoolExecutor | None
) -> list[str]:
    """Write the index pages, each as soon as it is made, the largest two by a process of ``pool`` (when there is
    one) while this one makes the others; their names."""
    apart = pool.submit(write_index_files, out, entries, edition, PAGES_APART) if pool else None
    names = write_index_files(out, entries, edition, [n for n in INDEX_FILES if not (apart and n in PAGES_APART)])
    return sorted(names + (apart.result() if apart else []))


def write_index_files(out: Path, entries: list[IndexEntry], edition: Edition, wanted: Container[str]) -> list[str]:
    """Write the ``wanted`` files of the site's index (``render_index_entries``) into ``OUT/html``; their names."""
    names = []
    for name, data in render_index_entries(entries, edition, wanted):
        update_atomic(out / "html" / name, data)
        names.append(name)
    return names


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
