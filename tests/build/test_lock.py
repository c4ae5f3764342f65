"""The lock on the output directory: a second build refuses or waits, naming the first; two builds
started at once leave the output of one clean build; a lock whose holder is gone is taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from tei_encode.build import Holder, OutputLocked, build
from tei_encode.build.lock import LOCK_FILE, output_lock

from ..conftest import CORPUS
from ..test_incremental import make_corpus, snapshot

CLI = "import sys; from tei_encode.cli import main; sys.argv[0] = 'tei-encode'; main()"


def start_build(corpus: Path, out: Path, *options: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "build", str(corpus), "-o", str(out), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr.decode()


def test_two_builds_started_at_once_leave_a_clean_build(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "Y"
    processes = [start_build(CORPUS, out) for _ in range(2)]
    outcomes = [finish(process) for process in processes]
    assert snapshot(out) == snapshot(built)
    assert 0 in [code for code, _ in outcomes]
    for process, (code, stderr) in zip(processes, outcomes, strict=True):
        assert "Traceback" not in stderr
        if code != 0:  # the one that came second refused, naming the other
            other = next(p.pid for p in processes if p is not process)
            assert code == 2, stderr
            assert f"another build is writing into this directory (process {other} on " in stderr


def test_two_builds_that_wait_both_succeed(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "Y"
    processes = [start_build(CORPUS, out, "--wait", "300") for _ in range(2)]
    outcomes = [finish(process) for process in processes]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert snapshot(out) == snapshot(built)


def test_a_build_refuses_while_another_holds_the_lock(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, 1)
    out = tmp_path / "out"
    with output_lock(out) as holder:
        code, stderr = finish(start_build(corpus, out))
        assert json.loads((out / LOCK_FILE).read_text()) == holder.__dict__
    assert code == 2
    assert f"process {os.getpid()} on {socket.gethostname()}, started {holder.started}" in stderr
    assert "--wait" in stderr
    assert not (out / "tei").exists(), "the refused build wrote into the directory"
    assert not (out / LOCK_FILE).exists()


def test_a_waiting_build_goes_on_when_the_lock_is_let_go(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, 1)
    out = tmp_path / "out"
    seen: list[Holder | None] = []
    with ExitStack() as held:
        holder = held.enter_context(output_lock(out))

        def let_go(waiting_for: Holder | None) -> None:
            seen.append(waiting_for)
            held.close()

        result = build(corpus, out, wait=60, on_wait=let_go)
    assert seen == [holder]
    assert result.converted == 2
    assert snapshot(out) == snapshot(_clean(corpus, tmp_path))


def test_a_build_gives_up_waiting(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_lock(out) as holder, pytest.raises(OutputLocked) as raised:
        build(make_corpus(tmp_path, 1), out, wait=0.5)
    assert raised.value.holder == holder


def test_the_lock_of_a_killed_build_is_taken_over(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, 1)
    out = tmp_path / "out"
    code = (
        f"from pathlib import Path; from tei_encode.build.lock import output_lock; import time\n"
        f"with output_lock(Path({str(out)!r})):\n    print('locked', flush=True); time.sleep(300)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
    with pytest.raises(OutputLocked):
        build(corpus, out)
    holder.kill()
    holder.communicate()
    assert json.loads((out / LOCK_FILE).read_text())["pid"] == holder.pid, "the killed build's lock file is left"
    result = build(corpus, out)
    assert result.converted == 2
    assert not (out / LOCK_FILE).exists()


def test_the_lock_is_let_go_when_the_build_ends(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_corpus(tmp_path, 1), out)
    assert LOCK_FILE not in snapshot(out)
    with output_lock(out, wait=0) as holder:
        assert holder.pid == os.getpid()


def _clean(corpus: Path, root: Path) -> Path:
    out = root / "clean"
    build(corpus, out)
    return out
