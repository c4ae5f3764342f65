"""Benchmark of ``tei-encode build`` on synthetic corpora: speed, memory, incremental rebuilds, linearity.

For each size (default 1,000 and 10,000 letters) it generates a corpus with
``bench/generate.py``, runs a full build (``--force``), a rebuild with nothing
changed and a rebuild after changing one source file, each as its own
``tei-encode build`` process, and reports wall time, documents per second and
peak memory: the largest resident set of any one process (``getrusage`` of the
children, so the largest of this run and the runs before it) and the largest
sum over the build's processes (sampled from ``/proc`` every 50 ms, Linux
only). The ratio of the largest to the smallest full build time, next to the
ratio of their sizes, measures linearity.

    python bench/build.py                       # 1,000 and 10,000 letters, all cores
    python bench/build.py --letters 1000 --jobs 2 --write-results

``--write-results`` replaces the "## Build" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
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
    summary: str


def tei_encode() -> list[str]:
    """The command that runs tei-encode with this interpreter."""
    return [sys.executable, "-c", "import sys; from tei_encode.cli import main; sys.argv[0] = 'tei-encode'; main()"]


def group_rss_mb(group: int) -> float:
    """The resident memory of every process in a process group, in MB (0 where /proc is missing)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[2]) != group:
                continue
            rss = next(line for line in (entry / "status").read_text().splitlines() if line.startswith("VmRSS:"))
            total += int(rss.split()[1])
        except (OSError, ValueError, IndexError, StopIteration):
            continue
    return total / 1024


def run_build(corpus: Path, out: Path, jobs: int, *extra: str) -> Run:
    """Run one build and measure it."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    process = subprocess.Popen(
        [*tei_encode(), "build", str(corpus), "-o", str(out), "-j", str(jobs), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    peak = 0.0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not finished.wait(0.05):
            peak = max(peak, group_rss_mb(process.pid))

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
    return Run(seconds, cpu, documents, usage.ru_maxrss / 1024, peak, summary)


def touch_one_source(corpus: Path) -> Path:
    """Change one source file (the middle one): a line added at its end."""
    sources = sorted(corpus.glob("*.txt"))
    source = sources[len(sources) // 2]
    with source.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    return source


def _rebuild_after_touch(corpus: Path, out: Path, jobs: int) -> Run:
    touch_one_source(corpus)
    return run_build(corpus, out, jobs)


def benchmark(sizes: list[int], jobs: int, work: Path) -> str:
    """Run the benchmark; return the Markdown section with the figures."""
    load = load_average()
    rows = []
    full: dict[int, float] = {}
    cpu: dict[int, float] = {}
    for letters in sizes:
        corpus, out = work / f"corpus-{letters}", work / f"out-{letters}"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        generate(letters, corpus)
        first = run_build(corpus, out, jobs, "--force")
        full[letters] = first.seconds
        cpu[letters] = first.cpu_seconds
        # Rebuilds take a second or two: the best of three is the figure least disturbed by other work.
        unchanged = min((run_build(corpus, out, jobs) for _ in range(REBUILDS)), key=lambda run: run.seconds)
        one = min((_rebuild_after_touch(corpus, out, jobs) for _ in range(REBUILDS)), key=lambda run: run.seconds)
        rows.append(
            f"| {letters:,} | {first.documents:,} | {first.seconds:.1f} | {first.documents / first.seconds:.0f} "
            f"| {first.cpu_seconds:.0f} | {first.cpu_seconds / first.documents * 1000:.1f} "
            f"| {first.max_process_mb:.0f} | {first.max_total_mb:.0f} | {unchanged.seconds:.2f} | {one.seconds:.2f} |"
        )
        print(rows[-1], flush=True)
    small, large = min(full), max(full)
    ratio = full[large] / full[small] if large != small else 1.0
    lines = [
        "## Build",
        "",
        f"Machine: {machine()}; load average {load:.1f} when the run started (other work on the machine"
        " slows the wall-clock figures down; CPU seconds, user and system of every build process, depend"
        " on it less, but on a virtual machine the host's load moves them too: runs on this one differed by"
        " up to a quarter). "
        f"`--jobs {jobs}`. {time.strftime('%Y-%m-%d', time.gmtime())}.",
        "",
        "| letters | documents | full build (s) | documents/s | CPU (s) | CPU per document (ms) "
        "| peak MB, one process | peak MB, all processes | rebuild, nothing changed (s, best of 3) "
        "| rebuild, one file changed (s, best of 3) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
    ]
    if large != small:
        lines.append(
            f"Linearity: {large:,} letters took {ratio:.2f} times as long as {small:,} "
            f"and {cpu[large] / cpu[small]:.2f} times the CPU time ({large // small} times as many letters)."
        )
        lines.append("")
    lines += [
        "Reproduce (a collection page holds ten letters, every tenth letter is a Wilson Center export):",
        "",
        "```sh",
        f"python bench/build.py --letters {' '.join(str(s) for s in sizes)} --jobs {jobs} --write-results",
        "# or by hand:",
        "python bench/generate.py --letters 10000 -o /tmp/corpus-10000",
        f"time tei-encode build /tmp/corpus-10000 -o /tmp/out-10000 --jobs {jobs} --force",
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
    parser.add_argument("--write-results", action="store_true", help="write the figures into bench/RESULTS.md")
    args = parser.parse_args()
    compile_bytecode()
    if args.work is None:
        with tempfile.TemporaryDirectory(prefix="tei-encode-bench-") as work:
            section = benchmark(args.letters, args.jobs, Path(work))
    else:
        args.work.mkdir(parents=True, exist_ok=True)
        section = benchmark(args.letters, args.jobs, args.work)
    print(section)
    if args.write_results:
        write_section("Build", section)


if __name__ == "__main__":
    main()
