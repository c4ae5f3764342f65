"""Validation of TEI nobody here wrote, against tei_all, beside jing: real corpora and very large files.

Real corpora are public repositories of TEI projects, checked out outside this repository and
given by path (``--corpus NAME=DIR``); the commits used are listed in bench/RESULTS.md. For each,
one cold ``tei-encode validate --schema tei_all.rng`` (then once more, warm: the pruned grammars
in the cache, as in CI with a cached directory) and one jing invocation over every
``*.xml`` under DIR, in the same run: the time of each, whether the verdicts agree on every file,
the share of findings with a column, and whether the findings of a sample of invalid files are
the same alone as in the run. Files with a DOCTYPE or XInclude are left out (tei-encode refuses
DTDs and includes nothing). Large files are generated from one valid TEI document by repeating
its body (``--big-mb``), once valid and once with two errors; wall time and peak memory (maximum
resident set size) of tei-encode and jing.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from build import tei_encode

SAMPLE = 8


@dataclass
class CorpusRun:
    """tei-encode and jing over one corpus."""

    name: str
    files: int
    ours: float
    warm: float
    jing: float
    invalid: int
    verdicts_equal: bool
    findings: int
    with_column: int
    stable: str
    load: float


def jing_invalid(grammar: Path, files: list[Path]) -> tuple[set[str], float]:
    """The files jing reports errors for and its wall time (one invocation)."""
    started = time.perf_counter()
    run = subprocess.run(["jing", str(grammar), *map(str, files)], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    found = re.finditer(r"^(.+?):\d+:\d+: (?:fatal|error):", run.stdout + run.stderr, re.M)
    return {m.group(1) for m in found}, seconds


def corpus_run(name: str, folder: Path, grammar: Path, env: dict[str, str], load: float) -> CorpusRun:
    """One cold tei-encode run and one jing run over every ``*.xml`` under ``folder``.

    Files with a document type declaration or XInclude are left out: tei-encode refuses DTDs by
    design (a finding) and does not include other files, while jing loads both, and stops the
    whole run when one is missing.
    """
    files = [f for f in sorted(folder.rglob("*.xml")) if not _loads_other_files(f)]
    command = [*tei_encode(), "validate", "--schema", str(grammar), "--format", "json", *map(str, files)]
    started = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    ours = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    warm = time.perf_counter() - started
    report = json.loads(run.stdout)
    rejected, jing = jing_invalid(grammar, files)
    relaxng = [d for d in report["diagnostics"] if d["code"] in ("relaxng", "duplicate-id")]
    return CorpusRun(
        name,
        len(files),
        ours,
        warm,
        jing,
        len(report["invalid"]),
        set(report["invalid"]) == rejected,
        len(relaxng),
        sum(1 for d in relaxng if d["column"]),
        alone_as_in_run(report, grammar, env),
        load,
    )


def _loads_other_files(path: Path) -> bool:
    """Whether a document has a DOCTYPE or includes other files (XInclude)."""
    data = path.read_bytes()
    return b"<!DOCTYPE" in data[:4096] or b"http://www.w3.org/2001/XInclude" in data


def alone_as_in_run(report: dict[str, object], grammar: Path, env: dict[str, str]) -> str:
    """How many of a sample of invalid files get, validated alone, the findings they got in the run."""
    invalid = list(report["invalid"])  # type: ignore[call-overload]
    sample = invalid[:: max(1, len(invalid) // SAMPLE)][:SAMPLE]
    in_run: dict[str, list[object]] = {}
    for diagnostic in report["diagnostics"]:  # type: ignore[attr-defined]
        in_run.setdefault(diagnostic["file"], []).append(diagnostic)
    same = 0
    for file in sample:
        alone = subprocess.run(
            [*tei_encode(), "validate", "--schema", str(grammar), "--format", "json", file],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        same += json.loads(alone.stdout)["diagnostics"] == in_run.get(file, [])
    return f"{same}/{len(sample)}"


def corpus_table(runs: list[CorpusRun]) -> list[str]:
    """The Markdown rows of the real corpora and the totals."""
    lines = [
        "| corpus | files | invalid | verdicts = jing's | tei-encode cold (s) | jing (s) | ratio | tei-encode warm (s) "
        "| findings | with column | alone = in run | load |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for r in runs:
        share = f"{100 * r.with_column / r.findings:.1f} %" if r.findings else "-"
        lines.append(
            f"| {r.name} | {r.files} | {r.invalid} | {'yes' if r.verdicts_equal else 'NO'} | {r.ours:.2f} "
            f"| {r.jing:.2f} | {r.ours / r.jing:.2f} | {r.warm:.2f} | {r.findings} | {share} | {r.stable} "
            f"| {r.load:.1f} |"
        )
    ours, jing = sum(r.ours for r in runs), sum(r.jing for r in runs)
    findings, with_column = sum(r.findings for r in runs), sum(r.with_column for r in runs)
    lines.append(
        f"| **all** | {sum(r.files for r in runs)} | {sum(r.invalid for r in runs)} "
        f"| {'yes' if all(r.verdicts_equal for r in runs) else 'NO'} | {ours:.2f} | {jing:.2f} | {ours / jing:.2f} "
        f"| {sum(r.warm for r in runs):.2f} | {findings} | {100 * with_column / max(findings, 1):.1f} % | | |"
    )
    return lines


def big_files(source: Path, megabytes: int, work: Path) -> tuple[Path, Path]:
    """A valid TEI file of about ``megabytes`` MB made by repeating the body of ``source``, and one with 2 errors."""
    text = source.read_text(encoding="utf-8")
    start, end = text.index("<body>") + len("<body>"), text.index("</body>")
    body = text[start:end]
    copies = max(1, megabytes * 1024 * 1024 // max(len(body.encode()), 1))
    valid = work / f"big-{megabytes}mb.xml"
    with valid.open("w", encoding="utf-8") as handle:
        handle.write(text[:start])
        for number in range(copies):
            handle.write(re.sub(r'xml:id="([^"]+)"', rf'xml:id="\1-{number}"', body))
        handle.write(text[end:])
    invalid = work / f"big-{megabytes}mb-two-errors.xml"
    data = valid.read_text(encoding="utf-8")
    middle = len(data) // 2
    cut = data.index("<p", middle)
    data = data[:cut] + "<persNme>x</persNme>" + data[cut:]
    cut = data.index("<p", len(data) * 3 // 4)
    data = data[:cut] + '<p colour="red">x</p>' + data[cut:]
    invalid.write_text(data, encoding="utf-8")
    return valid, invalid


def time_and_memory(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system, children included), peak resident memory in MB (GNU
    time's maximum resident set size: of the largest process) and exit status."""
    run = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M", *command], capture_output=True, text=True, env=env, check=False
    )
    seconds, user, system, kilobytes = run.stderr.strip().splitlines()[-1].split()
    return float(seconds), float(user) + float(system), int(kilobytes) / 1024, run.returncode
