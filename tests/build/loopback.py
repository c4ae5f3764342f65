"""A Dask cluster on loopback for the tests: ``dask scheduler`` and ``dask worker`` processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

STARTUP_SECONDS = 120


def require_distributed() -> None:
    """Skip without Dask's distributed locally; fail without it in CI."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("distributed is required in CI (the test extra installs it)")
        pytest.skip("distributed is not installed")


def dask_command(*arguments: str) -> list[str]:
    """The ``dask`` command line of this interpreter's environment."""
    return [sys.executable, "-c", "from dask.__main__ import main; main()", *arguments]


class Cluster:
    """A scheduler and its workers, each a process of its own, listening on 127.0.0.1."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.file = directory / "scheduler.json"
        self.workers: list[subprocess.Popen[bytes]] = []
        self.client: Any = None  # the tests' own connection to the scheduler, opened on first use
        self.scheduler = self._start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0")
        self._wait(lambda: self.file.is_file() and bool(self.file.read_text().strip()), self.scheduler)
        self.address: str = json.loads(self.file.read_text())["address"]

    def _start(self, name: str, *arguments: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = (self.directory / f"{name}.log").open("wb")
        command = dask_command(*arguments, "--no-dashboard", "--scheduler-file", str(self.file))
        with log:
            return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env)

    def _wait(self, ready: Any, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not ready():
            if process.poll() is not None or time.monotonic() > deadline:
                log = (self.directory / "scheduler.log").read_text(errors="replace")
                pytest.fail(f"the Dask cluster did not start:\n{log[-2000:]}")
            time.sleep(0.1)

    def add_worker(self, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        """Start one worker process (one thread, no nanny: killing it loses it; ``env``: its environment)
        and wait until it joined."""
        before = self.worker_count()
        name = f"worker-{len(self.workers)}"
        scratch = str(self.directory / name)
        worker = self._start(
            name,
            "worker",
            "--host",
            "127.0.0.1",
            "--nthreads",
            "1",
            "--no-nanny",
            "--local-directory",
            scratch,
            env=env,
        )
        self.workers.append(worker)
        self._wait(lambda: self.worker_count() > before, worker)
        return worker

    def on_scheduler(self, function: Any) -> Any:
        """``function(dask_scheduler)`` run on the scheduler."""
        if self.client is None:
            from distributed import Client

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.client = Client(self.address, timeout=STARTUP_SECONDS, set_as_default=False)
        return self.client.run_on_scheduler(function)

    def worker_count(self) -> int:
        return int(self.on_scheduler(lambda dask_scheduler: len(dask_scheduler.workers)))

    def tasks_done(self, prefix: str) -> int:
        """How many tasks named ``prefix-...`` the scheduler has seen complete."""

        def count(dask_scheduler: Any) -> int:
            found = dask_scheduler.task_prefixes.get(prefix)
            return int(found.state_counts["memory"]) if found is not None else 0

        return int(self.on_scheduler(count))

    def stop(self) -> None:
        """End every process at once (nothing of theirs outlives the test's directory)."""
        if self.client is not None:
            self.client.close()
        for process in [*self.workers, self.scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def loopback_cluster(directory: Path, workers: int) -> Iterator[Cluster]:
    """A scheduler with ``workers`` worker processes, stopped at the end."""
    require_distributed()
    directory.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(directory)
    try:
        for _ in range(workers):
            cluster.add_worker()
        yield cluster
    finally:
        cluster.stop()
