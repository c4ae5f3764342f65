"""Builds on a Dask cluster of scheduler and worker processes on loopback: the bytes of a local build,
the same incremental state, tasks the scheduler ran, and no document lost with a killed worker."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import tei_encode as tei_encode_package
from tei_encode.build import build
from tei_encode.build.cluster import TASK_PREFIX

from ..conftest import CORPUS
from ..test_incremental import make_corpus, snapshot
from .loopback import Cluster, loopback_cluster, require_distributed

CLI = "import sys; from tei_encode.cli import main; sys.argv[0] = 'tei-encode'; main()"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with loopback_cluster(tmp_path_factory.mktemp("dask"), workers=2) as started:
        yield started


def tei_encode(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CLI, *arguments], capture_output=True, text=True, env=env, timeout=600)


def test_cluster_build_gives_the_bytes_of_a_local_build(cluster: Cluster, built: Path, tmp_path: Path) -> None:
    before = cluster.tasks_done(TASK_PREFIX)
    out = tmp_path / "X"
    result = tei_encode("build", str(CORPUS), "-o", str(out), "--force", "--scheduler", cluster.address)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == snapshot(built)
    assert cluster.tasks_done(TASK_PREFIX) - before == 2, "the scheduler ran one task per source"


def test_cluster_build_is_incremental_like_a_local_one(cluster: Cluster, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    env = {**os.environ, "TEI_ENCODE_SCHEDULER": cluster.address}
    first = tei_encode("build", str(corpus), "-o", str(out), env=env)
    assert first.returncode == 0, first.stderr
    page = corpus / "page-001-001.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("Report number 5", "A new report 5"), encoding="utf-8")
    before = cluster.tasks_done(TASK_PREFIX)
    second = tei_encode("build", str(corpus), "-o", str(out), env=env)
    assert second.returncode == 0, second.stderr
    assert "(1 source converted, 3 unchanged)" in second.stderr
    assert cluster.tasks_done(TASK_PREFIX) - before == 1
    build(corpus, tmp_path / "local")
    assert snapshot(out) == snapshot(tmp_path / "local")


def test_a_killed_worker_loses_no_document(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, 30)
    build(corpus, tmp_path / "local")
    out = tmp_path / "out"
    with loopback_cluster(tmp_path / "dask", workers=1) as cluster:
        process = subprocess.Popen(
            [sys.executable, "-c", CLI, "build", str(corpus), "-o", str(out), "--scheduler", cluster.address],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        # One worker, one thread: once it has done two of the 31 tasks, most are still to do when it dies.
        deadline = time.monotonic() + 300
        while cluster.tasks_done(TASK_PREFIX) < 2:
            assert process.poll() is None and time.monotonic() < deadline, "the build ended before the kill"
            time.sleep(0.05)
        os.killpg(cluster.workers[0].pid, signal.SIGKILL)
        cluster.workers[0].wait()
        assert cluster.tasks_done(TASK_PREFIX) < 31
        cluster.add_worker()
        _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr.decode()
    assert snapshot(out) == snapshot(tmp_path / "local")


def test_a_worker_with_other_code_refuses_the_work(tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(Path(tei_encode_package.__file__).parents[1], other)  # the schema link copied as files
    lexicon = other / "tei_encode" / "lexicon.py"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# another version\n", encoding="utf-8")
    with loopback_cluster(tmp_path / "dask", workers=0) as cluster:
        cluster.add_worker(env={**os.environ, "PYTHONPATH": str(other)})
        out = tmp_path / "out"
        result = tei_encode("build", str(make_corpus(tmp_path)), "-o", str(out), "--scheduler", cluster.address)
        assert cluster.tasks_done(TASK_PREFIX) == 0
    assert result.returncode == 2
    assert "worker tcp://127.0.0.1:" in result.stderr
    assert "its tei-encode differs from the client's; install the same" in result.stderr
    assert not list((out / "tei").glob("*.xml"))


def test_without_distributed_the_option_says_how_to_install_it(tmp_path: Path) -> None:
    hide = "import sys; sys.modules['distributed'] = None; " + CLI.removeprefix("import sys; ")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            hide,
            "build",
            str(make_corpus(tmp_path)),
            "-o",
            str(tmp_path / "out"),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "pip install 'tei-encode[dask]'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unreachable_scheduler_is_an_error_naming_it(tmp_path: Path) -> None:
    require_distributed()
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}
    arguments = ["build", str(make_corpus(tmp_path)), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"]
    result = tei_encode(*arguments, env=env)
    assert result.returncode == 2
    assert "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in result.stderr
    assert "Traceback" not in result.stderr
