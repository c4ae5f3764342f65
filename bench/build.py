"""Benchmark of ``tei-encode build`` on synthetic corpora: speed, memory, incremental rebuilds, linearity.

For each size (default 1,000 and 10,000 letters) it generates a corpus with
``bench/generate.py``, runs a full build (``--force``), a rebuild with nothing
changed and a rebuild after changing one source file, each as its own
``tei-encode build`` process, and reports wall time, documents per second, CPU
time and peak memory: the largest resident set of any one process (``getrusage`` of the
children, so the largest of this run and the runs before it) and the largest
sum over the build's processes (sampled from ``/proc`` every 50 ms, Linux
only), with the size of the state file. The ratio of the largest to the
smallest full build time, next to the ratio of their sizes, measures linearity.

``--where cluster`` runs the same builds with ``--scheduler`` on a Dask
cluster on loopback: a ``dask scheduler`` and ``--jobs`` ``dask worker``
processes of one thread each, started for the run (``tei-encode[dask]``). Its
CPU time and memory count the scheduler and the workers too.

    python bench/build.py                       # 1,000 and 10,000 letters, all cores, locally
    python bench/build.py --letters 10000 100000 --jobs 2 --where local cluster --write-results

``--write-results`` replaces the "## Build" section of bench/RESULTS.md (after each size, so that a long
run that is stopped keeps what it measured).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402
from results import compile_bytecode, load_average, machine, write_section  # noqa: E402

REBUILDS = 3


@dataclass
class Run:
    """One ``tei-encode build`` process."""

    seconds: float
    cpu_seconds: float
    documents: int
    max_process_mb: float
    max_total_mb: float
    state_mb: float
    summary: str


def tei_encode() -> list[str]:
    """The command that runs tei-encode with this interpreter."""
    return [sys.executable, "-c", "import sys; from tei_encode.cli import main; sys.argv[0] = 'tei-encode'; main()"]


def group_rss_mb(group: int) -> tuple[float, float]:
    """The resident memory of the processes of a process group, in MB: their sum and the largest one
    (0 where /proc is missing)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[2]) != group:
                continue
            rss = next(line for line in (entry / "status").read_text().splitlines() if line.startswith("VmRSS:"))
            found.append(int(rss.split()[1]) / 1024)
        except (OSError, ValueError, IndexError, StopIteration):
            continue
    return sum(found), max(found, default=0.0)


def process_cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of running processes (0 for those /proc does not show)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


class Cluster:
    """A Dask scheduler and ``workers`` worker processes (one thread each) on loopback, in one process group."""

    def __init__(self, workers: int, work: Path) -> None:
        self.file = work / "scheduler.json"
        self.file.unlink(missing_ok=True)
        dask = [sys.executable, "-c", "from dask.__main__ import main; main()"]
        options = ["--no-dashboard", "--scheduler-file", str(self.file)]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.scheduler = subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", *options], process_group=0, **quiet
        )
        self.processes = [self.scheduler]
        while not (self.file.is_file() and self.file.read_text().strip()):
            time.sleep(0.1)
        self.address = json.loads(self.file.read_text())["address"]
        for number in range(workers):
            scratch = str(work / f"worker-{number}")
            worker = [*dask, "worker", "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny", "--local-directory"]
            self.processes.append(
                subprocess.Popen([*worker, scratch, *options], process_group=self.scheduler.pid, **quiet)
            )
        while self._workers() < workers:
            time.sleep(0.2)

    def _workers(self) -> int:
        code = (
            "import sys; from distributed import Client; c = Client(sys.argv[1]); "
            "print(len(c.scheduler_info()['workers']))"
        )
        found = subprocess.run([sys.executable, "-c", code, self.address], capture_output=True, text=True)
        return int(found.stdout.strip() or 0)

    def pids(self) -> list[int]:
        return [process.pid for process in self.processes]

    def stop(self) -> None:
        os.killpg(self.scheduler.pid, 9)
        for process in self.processes:
            process.wait()


def run_build(corpus: Path, out: Path, jobs: int, *extra: str, cluster: Cluster | None = None) -> Run:
    """Run one build (on ``cluster`` if given) and measure it."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    cluster_cpu_before = process_cpu_seconds(cluster.pids()) if cluster else 0.0
    where = ["--scheduler", cluster.address] if cluster else ["-j", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*tei_encode(), "build", str(corpus), "-o", str(out), *where, *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    peak, peak_one = 0.0, 0.0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_one
        while not finished.wait(0.05):
            total, largest = group_rss_mb(process.pid)
            if cluster:
                workers, largest_worker = group_rss_mb(cluster.scheduler.pid)
                total, largest = total + workers, max(largest, largest_worker)
            peak, peak_one = max(peak, total), max(peak_one, largest)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    finished.set()
    sampler.join()
    summary = stderr.decode("utf-8", "replace").strip().splitlines()[-1]
    if process.returncode not in (0, 1):
        raise SystemExit(f"build failed ({process.returncode}): {summary}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    documents = int(summary.split()[0])
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    if cluster:
        cpu += process_cpu_seconds(cluster.pids()) - cluster_cpu_before
    state_mb = (out / ".build-state.json").stat().st_size / 1e6
    return Run(seconds, cpu, documents, peak_one, peak, state_mb, summary)


def touch_one_source(corpus: Path) -> Path:
    """Change one source file (the middle one): a line added at its end."""
    sources = sorted(corpus.glob("*.txt"))
    source = sources[len(sources) // 2]
    with source.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    return source


def _rebuild_after_touch(corpus: Path, out: Path, jobs: int, cluster: Cluster | None) -> Run:
    touch_one_source(corpus)
    return run_build(corpus, out, jobs, cluster=cluster)


def measure(letters: int, where: str, jobs: int, work: Path) -> tuple[str, Run]:
    """Full build and rebuilds of one corpus size, locally or on a cluster: a row of the table."""
    corpus, out = work / f"corpus-{letters}", work / f"out-{letters}-{where}"
    if not corpus.is_dir():
        generate(letters, corpus)
    shutil.rmtree(out, ignore_errors=True)
    cluster = Cluster(jobs, work) if where == "cluster" else None
    try:
        load = load_average()
        first = run_build(corpus, out, jobs, "--force", cluster=cluster)
        load_after = load_average()
        # Rebuilds take a second or two: the best of three is the figure least disturbed by other work.
        runs = [run_build(corpus, out, jobs, cluster=cluster) for _ in range(REBUILDS)]
        unchanged = min(runs, key=lambda run: run.seconds)
        runs = [_rebuild_after_touch(corpus, out, jobs, cluster) for _ in range(REBUILDS)]
        one = min(runs, key=lambda run: run.seconds)
    finally:
        if cluster:
            cluster.stop()
    label = f"local, {jobs} processes" if where == "local" else f"Dask, {jobs} workers"
    row = (
        f"| {letters:,} | {label} | {first.documents:,} | {first.seconds:.1f} | {first.documents / first.seconds:.0f} "
        f"| {first.cpu_seconds:.0f} | {first.cpu_seconds / first.documents * 1000:.1f} "
        f"| {first.max_process_mb:.0f} | {first.max_total_mb:.0f} | {first.state_mb:.1f} "
        f"| {unchanged.seconds:.2f} | {one.seconds:.2f} | {load:.1f} / {load_after:.1f} |"
    )
    return row, first


def section(rows: list[str], full: dict[tuple[int, str], Run], sizes: list[int], wheres: list[str], jobs: int) -> str:
    """The Markdown section with the figures measured so far."""
    lines = [
        "## Build",
        "",
        f"Machine: {machine()}, shared with other developers' test runs: the load average (one minute, when"
        " the full build started / ended) is beside each figure, and a load above the 2 cores slows the"
        " wall-clock figures down. CPU seconds (user and system of every process of the build, the Dask"
        " scheduler and workers included) depend on it less, but on a virtual machine the host's load moves"
        " them too: runs on this one differed by up to a quarter. Memory: the largest resident set of one"
        f" process, and of all processes together. {time.strftime('%Y-%m-%d', time.gmtime())}.",
        "",
        "| letters | where | documents | full build (s) | documents/s | CPU (s) | CPU per document (ms) "
        "| peak MB, one process | peak MB, all processes | state file (MB) | rebuild, nothing changed (s, best of 3) "
        "| rebuild, one file changed (s, best of 3) | load average |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
    ]
    for where in wheres:
        done = sorted(letters for letters, w in full if w == where)
        if len(done) > 1:
            small, large = full[(done[0], where)], full[(done[-1], where)]
            lines += [
                f"Linearity ({where}): {done[-1]:,} letters took {large.seconds / small.seconds:.2f} times as long"
                f" as {done[0]:,} and {large.cpu_seconds / small.cpu_seconds:.2f} times the CPU time"
                f" ({done[-1] // done[0]} times as many letters).",
                "",
            ]
    lines += [
        "Reproduce (a collection page holds ten letters, every tenth letter is a Wilson Center export):",
        "",
        "```sh",
        f"python bench/build.py --letters {' '.join(str(s) for s in sizes)} --jobs {jobs}"
        f" --where {' '.join(wheres)} --write-results",
        "# or by hand:",
        "python bench/generate.py --letters 10000 -o /tmp/corpus-10000",
        f"time tei-encode build /tmp/corpus-10000 -o /tmp/out-10000 --jobs {jobs} --force",
        "dask scheduler --host 127.0.0.1 --port 8786 &",
        f"dask worker tcp://127.0.0.1:8786 --nworkers {jobs} --nthreads 1 &",
        "time tei-encode build /tmp/corpus-10000 -o /tmp/out-10000 --scheduler tcp://127.0.0.1:8786 --force",
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, nargs="+", default=[1000, 10000], help="corpus sizes")
    default_jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    parser.add_argument("--jobs", type=int, default=default_jobs, help="processes (default: all cores)")
    parser.add_argument(
        "--work", type=Path, default=None, help="directory for corpora and outputs (default: temporary)"
    )
    parser.add_argument(
        "--where",
        nargs="+",
        choices=["local", "cluster"],
        default=["local"],
        help="local processes, and/or a Dask cluster of --jobs workers on loopback (default: local)",
    )
    parser.add_argument("--write-results", action="store_true", help="write the figures into bench/RESULTS.md")
    args = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="tei-encode-bench-") as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        rows: list[str] = []
        full: dict[tuple[int, str], Run] = {}
        for letters in args.letters:
            for where in args.where:
                row, full[(letters, where)] = measure(letters, where, args.jobs, work)
                rows.append(row)
                print(row, flush=True)
                if args.write_results:
                    write_section("Build", section(rows, full, args.letters, args.where, args.jobs))
            shutil.rmtree(work / f"corpus-{letters}", ignore_errors=True)
            for where in args.where:
                shutil.rmtree(work / f"out-{letters}-{where}", ignore_errors=True)
    print(section(rows, full, args.letters, args.where, args.jobs))


if __name__ == "__main__":
    main()
