"""A lock on the output directory, so that two builds never write into it at once.

The lock is an advisory ``flock`` on ``OUT/.build-lock``, which also names its
holder (process id, host, start time) for the message another build shows.
The kernel releases the lock when its holder ends, however it ends, so a lock
left by a killed build is taken over by the next one without any guessing
about whether a process is still alive; on a network file system the lock is
shared by every host that mounts it (NFSv4 maps ``flock`` onto its own locks).
The holder removes the file as it lets go, and a build that was waiting on
the removed file tries again on the new one.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .worker import BuildError

LOCK_FILE = ".build-lock"
POLL_SECONDS = 0.2


@dataclass(frozen=True)
class Holder:
    """The build that holds the lock."""

    pid: int
    host: str
    started: str

    def describe(self) -> str:
        """``process 123 on host, started 2026-01-01T10:00:00Z``."""
        return f"process {self.pid} on {self.host}, started {self.started}"


class OutputLocked(BuildError):
    """Another build is writing into the output directory."""

    def __init__(self, out: Path, holder: Holder | None) -> None:
        who = holder.describe() if holder else "a process that has not yet said who it is"
        super().__init__(f"{out}: another build is writing into this directory ({who}); wait for it, or use --wait")
        self.holder = holder


@contextmanager
def output_lock(
    out: Path, wait: float = 0.0, on_wait: Callable[[Holder | None], None] | None = None
) -> Iterator[Holder]:
    """Hold the lock on ``out`` (created if need be) for the ``with`` block; yield this build as its holder.

    When another build holds it, wait up to ``wait`` seconds (calling ``on_wait`` once with that build),
    then raise ``OutputLocked``. Raises ``BuildError`` when ``out`` cannot be written.
    """
    path = out / LOCK_FILE
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = _acquire(out, path, time.monotonic() + wait, on_wait)
    except OSError as exc:
        if isinstance(exc, BuildError):
            raise
        raise BuildError(f"{exc.filename or path}: cannot write: {exc.strerror or exc}") from exc
    try:
        holder = Holder(os.getpid(), socket.gethostname(), time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder.__dict__).encode() + b"\n", 0)
        yield holder
    finally:
        path.unlink(missing_ok=True)  # before letting go: whoever gets the lock next has a file of its own
        os.close(fd)


def _acquire(out: Path, path: Path, deadline: float, on_wait: Callable[[Holder | None], None] | None) -> int:
    """A descriptor of the lock file, locked: the file at ``path`` now, not one its last holder removed."""
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise OutputLocked(out, holder) from None
            if on_wait and not told:
                on_wait(holder)
                told = True
            time.sleep(POLL_SECONDS)
            continue
        except BaseException:
            os.close(fd)
            raise
        if _is_current(fd, path):
            return fd
        os.close(fd)


def _is_current(fd: int, path: Path) -> bool:
    try:
        found = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (found.st_dev, found.st_ino) == (mine.st_dev, mine.st_ino)


def _holder(fd: int) -> Holder | None:
    """Who holds the lock, as its file says (none while the holder is still writing it)."""
    try:
        data = json.loads(os.pread(fd, 4096, 0))
        return Holder(int(data["pid"]), str(data["host"]), str(data["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
