"""Benchmark of ``tei-encode validate`` against jing and xmllint: cold runs on 1,000 generated TEI documents.

It generates a synthetic corpus with ``bench/generate.py``, converts it to TEI with
``tei-encode convert`` (the documents), then times each validator as one process over all
documents, cold, the best of ``--repeat`` runs (3 by default): ``tei-encode validate`` with an
empty cache of pruned grammars (the named schema ``tei_all`` itself is in the cache, as after
``tei-encode schema fetch tei_all``), jing in one invocation, and ``xmllint --noout --relaxng``.
Against the project's schema (``schema/tei_encode.rng``) and TEI P5 ``tei_all.rng`` (from
../shared/tei-p5); plus the TEI Schematron rules in milliseconds per document, measured
in-process. Prints a Markdown table of seconds and ratios with the commands;
``--write-results`` replaces the "## Validation" section of bench/RESULTS.md.

With ``--corpus NAME=DIR`` (repeatable) it validates real TEI of public projects instead, and
with ``--big-mb N`` a generated file of N MB, valid and with two errors, beside jing (see
``corpora.py``); their sections of RESULTS.md are "Validation of real corpora" and
"Validation of large files".

    python bench/validate.py                     # 1,000 documents
    python bench/validate.py --docs 200 --skip-xmllint --write-results
    python bench/validate.py --corpus faust=/path/to/faust-xml/xml/transcript --big-mb 150 --write-results
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(BENCH))

from build import tei_encode  # noqa: E402
from corpora import big_files, corpus_run, corpus_table, time_and_memory  # noqa: E402
from generate import generate  # noqa: E402
from results import compile_bytecode, load_average, machine, write_section  # noqa: E402

PROJECT_RNG = REPO / "schema" / "tei_encode.rng"
TEI_ALL = SHARED / "tei-p5" / "tei_all.rng"
TEI_ALL_SCH = SHARED / "tei-p5" / "tei_all.isosch"


@dataclass
class Timing:
    """One validator run over all documents."""

    label: str
    command: str
    seconds: float
    verdict: str


def make_documents(count: int, work: Path) -> list[Path]:
    """``count`` TEI documents converted from a generated corpus (a few more when the corpus rounds up)."""
    corpus, tei = work / "corpus", work / "tei"
    generate(count, corpus, 1)
    sources = sorted(corpus.glob("*.txt"))
    register = ["--register", str(corpus / "register")] if (corpus / "register").is_dir() else []
    subprocess.run(
        [*tei_encode(), "convert", *map(str, sources), "-o", str(tei), *register],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return sorted(tei.glob("*.xml"))


def timed(
    label: str,
    shown: str,
    command: list[str],
    repeat: int,
    environment: Callable[[], dict[str, str]] | None = None,
) -> Timing:
    """The best wall time of ``repeat`` runs of ``command``; ``environment`` is called before each run.

    The best of a few runs is the figure least disturbed by other work on a shared machine;
    a fresh environment per run (an empty cache of pruned grammars) keeps every run cold.
    """
    best, code = float("inf"), 0
    for _ in range(repeat):
        env = environment() if environment else None
        started = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        best, code = min(best, time.perf_counter() - started), run.returncode
    return Timing(label, shown, best, f"exit {code}")


def fresh_cache(work: Path, name: str) -> dict[str, str]:
    """An environment whose user cache holds tei_all (as after ``schema fetch``) and no pruned grammar."""
    from tei_encode.validate.named import NAMED, extract_schematron

    cache = work / name
    shutil.rmtree(cache, ignore_errors=True)
    grammar = cache / "schemas" / "tei_all" / NAMED["tei_all"].version / "tei_all.rng"
    grammar.parent.mkdir(parents=True)
    shutil.copy(TEI_ALL, grammar)
    grammar.with_suffix(".isosch").write_bytes(extract_schematron(TEI_ALL.read_bytes(), "tei_all.rng"))
    return {**os.environ, "TEI_ENCODE_CACHE": str(cache)}


def schematron_ms_per_document(files: list[Path]) -> float:
    """The TEI Schematron rules (XPath 2, Saxon) per document, compiled once, in this process."""
    from tei_encode.validate.prune import vocabulary_of
    from tei_encode.validate.schematron import SchematronValidator
    from tei_encode.xmlio import parse_file

    trees = [parse_file(f) for f in files]
    validator = SchematronValidator(TEI_ALL_SCH)
    validator.prepare(vocabulary_of(trees))
    started = time.perf_counter()
    for tree, path in zip(trees, files, strict=True):
        list(validator.iter_errors(tree, str(path)))
    return (time.perf_counter() - started) * 1000 / len(files)


def benchmark(count: int, work: Path, jobs: int, skip_xmllint: bool, repeat: int) -> str:
    """Run every validator and return the Markdown section."""
    load = load_average()
    files = make_documents(count, work)
    paths = list(map(str, files))
    jing = shutil.which("jing")
    xmllint = None if skip_xmllint else shutil.which("xmllint")
    options = ["--jobs", str(jobs)] if jobs > 1 else []
    shown_options = f"--jobs {jobs} " if jobs > 1 else ""
    validate = [*tei_encode(), "validate", *options]
    rows: list[tuple[str, list[Timing]]] = []

    def cold() -> dict[str, str]:
        return fresh_cache(work, "cache")

    project = "schema/tei_encode.rng"
    timings = [
        timed(
            "tei-encode, RELAX NG, cold",
            f"tei-encode validate {shown_options}--schema {project} TEI/*.xml",
            [*validate, "--schema", str(PROJECT_RNG), *paths],
            repeat,
            cold,
        ),
        timed(
            "tei-encode, RELAX NG + Schematron (the default), cold",
            f"tei-encode validate {shown_options}TEI/*.xml",
            [*validate, *paths],
            repeat,
            cold,
        ),
    ]
    if jing:
        timings.append(
            timed("jing, one invocation", f"jing {project} TEI/*.xml", [jing, str(PROJECT_RNG), *paths], repeat)
        )
    if xmllint:
        command = [xmllint, "--noout", "--relaxng", str(PROJECT_RNG), *paths]
        timings.append(timed("xmllint --relaxng", f"xmllint --noout --relaxng {project} TEI/*.xml", command, repeat))
    rows.append((project, timings))

    cached_rng = str(work / "cache" / "schemas" / "tei_all" / "4.12.0" / "tei_all.rng")
    shown_rng = f"tei-encode validate {shown_options}--schema CACHE/tei_all.rng TEI/*.xml"
    timings = [
        timed("tei-encode, RELAX NG, cold", shown_rng, [*validate, "--schema", cached_rng, *paths], repeat, cold),
        timed(
            "tei-encode, RELAX NG + TEI Schematron, cold",
            f"tei-encode validate {shown_options}--schema tei_all TEI/*.xml",
            [*validate, "--schema", "tei_all", *paths],
            repeat,
            cold,
        ),
    ]
    warm = cold()
    subprocess.run([*validate, "--schema", cached_rng, *paths], capture_output=True, env=warm, check=False)
    timings.insert(
        1,
        timed(
            "tei-encode, RELAX NG, pruned grammar cached on disk",
            shown_rng,
            [*validate, "--schema", cached_rng, *paths],
            repeat,
            lambda: warm,
        ),
    )
    if jing:
        timings.append(
            timed("jing, one invocation", "jing tei_all.rng TEI/*.xml", [jing, str(TEI_ALL), *paths], repeat)
        )
    if xmllint:
        command = [xmllint, "--noout", "--relaxng", str(TEI_ALL), *paths]
        timings.append(
            timed("xmllint --relaxng (one run)", "xmllint --noout --relaxng tei_all.rng TEI/*.xml", command, 1)
        )
    rows.append(("TEI P5 4.12.0 tei_all", timings))
    return report(rows, count, len(files), schematron_ms_per_document(files), jobs, repeat, load)


def report(
    rows: list[tuple[str, list[Timing]]],
    requested: int,
    count: int,
    schematron_ms: float,
    jobs: int,
    repeat: int,
    load: float,
) -> str:
    """The "## Validation" section: one table per schema, times and ratios to jing."""
    lines = [
        "## Validation",
        "",
        f"`python bench/validate.py --docs {requested}` on {machine()}; {count} TEI documents converted from "
        f"`bench/generate.py` (TEI/ below; CACHE is the user cache after `tei-encode schema fetch tei_all`), "
        f"each validator one cold process over all of them, the best of {repeat} runs"
        + (f", tei-encode with `--jobs {jobs}`" if jobs > 1 else "")
        + ". Ratio = time / jing's time (below 1.0 is faster than jing). "
        f"Load average {load:.1f} when the run started, {time.strftime('%Y-%m-%d', time.gmtime())}; "
        "on a virtual machine the host's load moves the figures by up to ±30 % between runs.",
        "",
    ]
    for schema, timings in rows:
        jing = next((t.seconds for t in timings if t.label.startswith("jing")), None)
        lines += [
            f"### {schema}",
            "",
            "| validator | seconds | ratio to jing | result | command |",
            "| --- | ---: | ---: | --- | --- |",
        ]
        for t in timings:
            ratio = f"{t.seconds / jing:.2f}" if jing else "–"
            lines.append(f"| {t.label} | {t.seconds:.2f} | {ratio} | {t.verdict} | `{t.command}` |")
        lines.append("")
    lines += [
        f"TEI Schematron rules (tei_all.isosch, XPath 2 in Saxon, patterns pruned to the vocabulary): "
        f"{schematron_ms:.2f} ms per document, in-process after one compilation.",
        "",
        *goals(rows, schematron_ms),
    ]
    return "\n".join(lines)


def goals(rows: list[tuple[str, list[Timing]]], schematron_ms: float) -> list[str]:
    """The goals of the validator's speed, each with the measured figure."""
    ratios = []
    for _, timings in rows:
        jing = next((t.seconds for t in timings if t.label.startswith("jing")), None)
        ratios.append(timings[0].seconds / jing if jing else float("nan"))
    project, tei_all = ratios
    return [
        "Goals: cold against tei_all ≤ 1.0× jing's time: "
        f"{tei_all:.2f}× ({'met' if tei_all <= 1 else 'not met'}); "
        f"against schema/ ≥ 5× faster than jing: {1 / project:.1f}× ({'met' if project <= 0.2 else 'not met'}); "
        f"TEI Schematron ≤ 5 ms per document: {schematron_ms:.2f} ms ({'met' if schematron_ms <= 5 else 'not met'}).",
        "",
    ]


def real_corpora_section(corpora: list[str], work: Path) -> str:
    """The Markdown section of the real corpora, each ``NAME=DIR``."""
    runs = []
    for spec in corpora:
        name, _, folder = spec.partition("=")
        runs.append(corpus_run(name, Path(folder), TEI_ALL, fresh_cache(work, f"cache-{name}"), load_average()))
    lines = [
        "## Validation of real corpora",
        "",
        f"`python bench/validate.py --corpus NAME=DIR ...` on {machine()}, {time.strftime('%Y-%m-%d')}. Every `*.xml`",
        "under DIR against TEI P5 4.12.0 `tei_all.rng`: one cold `tei-encode validate --schema tei_all.rng "
        "--format json` (empty cache of pruned grammars, default `--jobs`: one per core from 4 MB of files on) and one "
        "jing invocation, in the same run. Ratio = tei-encode cold / jing (below 1.0 is faster); warm: the same "
        'command again, the pruned grammars in the cache (CI with a cached directory). "alone = in run": '
        "invalid files of a sample whose findings alone are those of the run. Load = one-minute load average "
        "when the corpus started (the machine is shared; figures move with it). Files with a DOCTYPE or XInclude "
        "are left out (tei-encode refuses DTDs and includes nothing; jing stops the run on a missing one).",
        "",
        *corpus_table(runs),
        "",
    ]
    return "\n".join(lines)


def big_files_section(megabytes: int, work: Path, repeat: int, skip_xmllint: bool = False) -> str:
    """The Markdown section of one large valid file and the same with two errors.

    Each command runs ``repeat`` times in turn (tei-encode, jing, xmllint unless skipped, then
    again), so the load of a shared machine falls on all of them alike; the run with the least
    wall time counts.
    """
    source = REPO / "tests" / "validate" / "fixtures" / "valid-nested-divs-with-head.xml"
    env = fresh_cache(work, "cache-big")
    commands = {
        "tei-encode": [*tei_encode(), "validate", "--schema", str(TEI_ALL)],
        "jing": ["jing", str(TEI_ALL)],
        "xmllint --stream": ["xmllint", "--noout", "--stream", "--relaxng", str(TEI_ALL)],
    }
    if skip_xmllint:
        del commands["xmllint --stream"]
    rows = []
    for path in big_files(source, megabytes, work):
        size = path.stat().st_size / 1024 / 1024
        best: dict[str, tuple[float, float, float, int, float]] = {}
        for _ in range(repeat):
            for name, command in commands.items():
                load = load_average()
                measured = (*time_and_memory([*command, str(path)], env), load)
                if name not in best or measured[0] < best[name][0]:
                    best[name] = measured
        jing = best["jing"]
        for name, (wall, cpu, memory, code, load) in best.items():
            rows.append(
                f"| {path.name} ({size:.0f} MB) | {name} | exit {code} | {wall:.1f} | {cpu:.1f} | {wall / jing[0]:.2f} "
                f"| {memory:.0f} | {memory / jing[2]:.2f} | {load:.1f} |"
            )
    lines = [
        "## Validation of large files",
        "",
        f"`python bench/validate.py --big-mb {megabytes}` on {machine()}, {time.strftime('%Y-%m-%d')}: the body "
        "of a valid fixture repeated to the size, then the same with two errors (an unknown element half-way and "
        "an unknown attribute at three quarters), against TEI P5 4.12.0 `tei_all.rng`. Wall time, CPU time (user + "
        "system, forked processes included) and peak memory (maximum resident set size of the largest process, "
        f"GNU time) of one cold process each; the best wall time of {repeat} runs, taken in turn. Ratios to jing's. "
        "Load = one-minute load average before the run counted.",
        "",
        "| file | validator | verdict | wall (s) | CPU (s) | wall / jing | memory (MB) | memory / jing | load |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    """Parse the arguments, run the benchmark, print (and optionally write) the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--jobs", type=int, default=1, help="tei-encode --jobs (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command, the best counts (default 3)")
    parser.add_argument(
        "--skip-xmllint", action="store_true", help="leave out xmllint (~20 s on tei_all, more on big files)"
    )
    parser.add_argument("--write-results", action="store_true", help="write the figures into bench/RESULTS.md")
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=DIR", help="a real corpus (repeatable)")
    parser.add_argument("--big-mb", type=int, default=0, metavar="N", help="a generated file of N MB, and with errors")
    args = parser.parse_args()
    compile_bytecode()
    sections: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="tei-encode-bench-") as work:
        if args.corpus:
            sections.append(("Validation of real corpora", real_corpora_section(args.corpus, Path(work))))
        if args.big_mb:
            big = big_files_section(args.big_mb, Path(work), args.repeat, args.skip_xmllint)
            sections.append(("Validation of large files", big))
        if not sections:
            sections.append(("Validation", benchmark(args.docs, Path(work), args.jobs, args.skip_xmllint, args.repeat)))
    for heading, section in sections:
        print(section)
        if args.write_results:
            write_section(heading, section)


if __name__ == "__main__":
    main()
