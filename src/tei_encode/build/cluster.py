"""The per-document work of a build on a Dask distributed cluster.

The build's own process stays the only one that reads the corpus and writes
the output: it sends each task a source's name and bytes, and the worker
sends back the source's record and the bytes of its files, which the build
writes as a local build would. No storage needs to be shared, and the lock on
the output directory keeps covering every write.

The register, the schemas and the editors' decisions reach each worker once, in a worker plugin that
also carries the client's code fingerprint: a worker with other code would
give other bytes, so it refuses the work. Each worker process loads the
register and compiles the schemas once, on first use, and converts its tasks
one at a time (the work holds the GIL: run workers with ``--nthreads 1`` and
several processes rather than threads). A task that fails is retried; one
lost with its worker is run again elsewhere by the scheduler, up to its
``allowed-failures`` setting. Connecting gives up after Dask's
``distributed.comm.timeouts.connect`` (30 s unless configured, e.g. by
``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT``).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from distributed import Client, KilledWorker, WorkerPlugin, as_completed, get_worker
from distributed import Worker as DaskWorker

from ..buildstate import SourceRecord
from ..exchange.cmif import EDITION_FILE
from .keys import code_fingerprint
from .worker import BuildError, BuildSettings, Sink, Worker

TASK_PREFIX = "tei-encode-convert"
RETRIES = 2
# Sources sent ahead of the results: enough to keep hundreds of workers busy, without holding a whole
# corpus in the scheduler's memory.
IN_FLIGHT = 1000


class Setup(WorkerPlugin):
    """What a Dask worker needs to convert sources: the register, schemas, edition and editors' decisions of a
    build, sent once."""

    def __init__(self, name: str, settings: BuildSettings, fingerprint: str) -> None:
        self.name = name
        self.corpus_name = settings.corpus_name
        self.fingerprint = fingerprint
        register = sorted(settings.register_dir.glob("*.xml")) if settings.register_dir.is_dir() else []
        self.register = {path.name: path.read_bytes() for path in register}
        self.schemas = {path.name: path.read_bytes() for path in settings.schemas}
        edition = settings.register_dir.parent / EDITION_FILE
        self.edition = edition.read_bytes() if edition.is_file() else None
        self.decisions = settings.decisions
        self.directory: Path | None = None
        self.converter: Worker | None = None
        self.lock: threading.Lock | None = None

    def setup(self, worker: DaskWorker) -> None:
        """Check the worker's code, and put the register and schemas where a ``Worker`` can load them."""
        if code_fingerprint() != self.fingerprint:
            raise BuildError(f"worker {worker.address}: its tei-encode differs from the client's; install the same")
        self.lock = threading.Lock()
        self.directory = Path(tempfile.mkdtemp(prefix="tei-encode-"))
        for folder, files in (("register", self.register), ("schemas", self.schemas)):
            (self.directory / folder).mkdir()
            for name, data in files.items():
                (self.directory / folder / name).write_bytes(data)
        if self.edition is not None:  # beside the register, where the corpus has it
            (self.directory / EDITION_FILE).write_bytes(self.edition)

    def teardown(self, worker: DaskWorker) -> None:
        """Forget the build's register, schemas and worker."""
        self.converter = None
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def convert(self, name: str, data: bytes, key: str) -> tuple[SourceRecord, dict[str, bytes]]:
        """Convert one source, one at a time (the register and schemas loaded on the first): its record and
        its files."""
        assert self.directory is not None and self.lock is not None, "plugin not set up"
        files: dict[str, bytes] = {}
        with self.lock:
            if self.converter is None:
                schemas = tuple(self.directory / "schemas" / schema for schema in self.schemas)
                register = self.directory / "register"
                out = self.directory / "out"
                self.converter = Worker(BuildSettings(self.corpus_name, register, schemas, out, self.decisions))
            source = self.directory / "sources" / name
            source.parent.mkdir(exist_ok=True)
            source.write_bytes(data)
            try:
                record = self.converter.convert(source, key, files.__setitem__)
            finally:
                source.unlink()
        return record, files


def convert_on_worker(plugin: str, name: str, data: bytes, key: str) -> tuple[SourceRecord, dict[str, bytes]]:
    """The task: convert one source (its file name and bytes) with the build's plugin on this Dask worker."""
    setup = get_worker().plugins[plugin]
    assert isinstance(setup, Setup)
    return setup.convert(name, data, key)


def convert_on_cluster(
    address: str, settings: BuildSettings, todo: list[Path], keys: dict[str, str], sink: Sink
) -> Iterator[tuple[str, SourceRecord]]:
    """Convert ``todo`` on the cluster of the scheduler at ``address``, giving each file to ``sink``;
    yield the records as they complete. A source this process cannot read is reported by a local
    worker, as a local build would."""
    try:
        client = Client(address, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:
        raise BuildError(f"{address}: cannot reach the Dask scheduler: {exc}") from exc
    with client:
        plugin = f"tei-encode-build-{client.id}"
        client.register_plugin(Setup(plugin, settings, code_fingerprint()), name=plugin)
        try:
            yield from _run(client, plugin, settings, todo, keys, sink)
        finally:
            client.unregister_worker_plugin(plugin)  # type: ignore[no-untyped-call]


def _run(
    client: Client,
    plugin: str,
    settings: BuildSettings,
    todo: list[Path],
    keys: dict[str, str],
    sink: Sink,
) -> Iterator[tuple[str, SourceRecord]]:
    """Submit ``todo`` a window at a time; write and yield what completes."""
    sources: dict[str, Path] = {}
    local: Worker | None = None
    pending = iter(enumerate(todo))
    running = as_completed(loop=client.loop)  # type: ignore[no-untyped-call]

    def submit(count: int) -> Iterator[tuple[str, SourceRecord]]:
        nonlocal local
        for number, source in pending:
            try:
                data = source.read_bytes()
            except OSError:
                local = local or Worker(settings)
                yield source.name, local.convert(source, keys[source.name], sink)
                continue
            task = f"{TASK_PREFIX}-{number:08d}-{client.id}"
            future = client.submit(
                convert_on_worker, plugin, source.name, data, keys[source.name], key=task, retries=RETRIES
            )
            running.add(future)  # type: ignore[no-untyped-call]
            sources[task] = source
            count -= 1
            if count == 0:
                return

    yield from submit(IN_FLIGHT)
    for future in running:
        source = sources.pop(future.key)
        try:
            record, files = future.result()
        except KilledWorker as exc:
            raise BuildError(f"{source.name}: the workers converting it died; run the build again") from exc
        except Exception as exc:
            raise BuildError(f"{source.name}: failed on the Dask cluster: {type(exc).__name__}: {exc}") from exc
        for relative, content in files.items():
            sink(relative, content)
        future.release()
        yield source.name, record
        yield from submit(1)
