"""Scores of the converters on the held-out documents, with the shipped register and with none.

Converts every source listed in a held-out batch's ``manifest.json`` (``tests/heldout``, or
the batch ``--set`` names, such as ``tests/heldout2``) with ``tei-encode convert`` (one process
per source, so a crash costs one document), twice: with ``--register
corpus/register`` and with a register directory whose person and place lists are empty (what
a user without a register gets). Each source's TEI is scored against its gold markup with
``../shared/tools/score_markup.py`` (micro-averaged precision, recall and F1 per kind and over
all kinds, and value accuracy) and its words checked with ``../shared/tools/fidelity.py``
(over the source less its chrome lines); the number of documents written is compared with
the manifest's (a page of several letters must give that many) and chrome lines found inside
markup are listed. See ``tests/heldout/measure.py`` for the exact rules.

The figures replace the section ``## LABEL`` of the results file (other sections stay), with
the date, the commit measured and the command, so a first-sight run is recorded beside the
baseline. Output is deterministic for a given commit and date.

    python bench/heldout.py                                  # prints the section
    python bench/heldout.py --label "first sight" --out tests/heldout/RESULTS.md
    python bench/heldout.py --set tests/heldout2 --label "first sight" --out tests/heldout2/RESULTS.md
    python bench/heldout.py --keep /tmp/heldout-tei          # keep the TEI for inspection
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.heldout.measure import (  # noqa: E402
    HELDOUT,
    KINDS,
    Entry,
    chrome_marked,
    count_documents,
    coverage,
    load_manifest,
    markup,
    shared_tool,
    tei_files,
)

EMPTY_REGISTER = {
    "persons.xml": "listPerson",
    "places.xml": "listPlace",
}
EMPTY_TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>An empty register</title></titleStmt>
    <publicationStmt><p>Written by bench/heldout.py.</p></publicationStmt>
    <sourceDesc><p>No entries: the converters on their own.</p></sourceDesc></fileDesc></teiHeader>
  <text><body><{tag}/></body></text>
</TEI>
"""


@dataclass
class DocResult:
    """What the converter made of one source."""

    entry: Entry
    returncode: int
    stderr: str
    score: dict[str, Any]
    documents: int
    kept: int
    words: int
    missing: Counter[str]
    chrome: list[str]


@dataclass
class ModeResult:
    """All sources converted with one register."""

    title: str
    register: str
    docs: list[DocResult] = field(default_factory=list)


def tei_encode() -> list[str]:
    """The command that runs tei-encode with this interpreter."""
    return [sys.executable, "-c", "import sys; from tei_encode.cli import main; sys.argv[0] = 'tei-encode'; main()"]


def empty_register(directory: Path) -> Path:
    """A register directory whose person and place lists have no entries."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, tag in EMPTY_REGISTER.items():
        (directory / name).write_text(EMPTY_TEI.format(tag=tag), encoding="utf-8")
    return directory


def run_mode(
    title: str, register: Path, label: str, entries: list[Entry], work: Path, tools: dict[str, Any]
) -> ModeResult:
    """Convert and measure every source of a batch with one register."""
    result = ModeResult(title, label)
    for number, entry in enumerate(entries, 1):
        print(f"[{number}/{len(entries)}] {title}: {entry.name}", file=sys.stderr, flush=True)
        out = work / entry.name
        out.mkdir(parents=True)
        command = [*tei_encode(), "convert", str(entry.source), "-o", str(out), "--register", str(register)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        files = tei_files(out)
        kept, words, missing = coverage(entry, files, tools["fidelity"])
        result.docs.append(
            DocResult(
                entry,
                done.returncode,
                done.stderr.strip(),
                markup(entry, files, tools["score_markup"]),
                count_documents(files),
                kept,
                words,
                missing,
                chrome_marked(files, entry.chrome),
            )
        )
    return result


def _prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mode_table(mode: ModeResult) -> list[str]:
    """The markdown of one mode: per kind, overall, structure and coverage, per document."""
    lines = [f"### {mode.title}", "", f"Register: {mode.register}.", ""]
    lines += [
        "| kind | gold | predicted | matched | P | R | F1 | value accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    totals = Counter[str]()
    for kind in (*KINDS, "overall"):
        if kind == "overall":
            tp, gold, pred, ok = totals["tp"], totals["gold"], totals["pred"], totals["value_ok"]
        else:
            parts = [d.score[kind] for d in mode.docs if kind in d.score]
            tp, gold, pred = (sum(p[k] for p in parts) for k in ("tp", "gold", "pred"))
            ok = sum(p["value_ok"] for p in parts)
            if not gold and not pred:
                continue
            totals.update(tp=tp, gold=gold, pred=pred, value_ok=ok)
        p, r, f1 = _prf(tp, gold, pred)
        name = "**overall (micro)**" if kind == "overall" else kind
        lines.append(f"| {name} | {gold} | {pred} | {tp} | {p:.3f} | {r:.3f} | {f1:.3f} | {ok / tp if tp else 0:.3f} |")
    wrong = [d for d in mode.docs if d.documents != d.entry.documents]
    lost = [d for d in mode.docs if d.kept < d.words]
    chrome = [d for d in mode.docs if d.chrome]
    failed = [d for d in mode.docs if d.returncode not in (0, 1) or not d.documents]
    kept, words = sum(d.kept for d in mode.docs), sum(d.words for d in mode.docs)
    lines += [
        "",
        f"- Documents split or merged wrongly: {len(wrong)} of {len(mode.docs)} sources"
        + "".join(f"; `{d.entry.name}` {d.documents} for {d.entry.documents}" for d in wrong),
        f"- Word coverage (sources less chrome): {kept}/{words} ({100 * kept / words:.2f}%); sources losing words: "
        + (", ".join(f"`{d.entry.name}` ({', '.join(sorted(d.missing))})" for d in lost) or "none"),
        "- Chrome marked up: "
        + ("; ".join(f"`{d.entry.name}`: " + ", ".join(f"“{c}”" for c in d.chrome) for d in chrome) or "none"),
        "- Conversions that failed (exit 2 or no TEI): "
        + ("; ".join(f"`{d.entry.name}` (exit {d.returncode}: {d.stderr[-200:]})" for d in failed) or "none"),
        "",
        "| source | layout | lang | docs (want) | P | R | F1 | words kept |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for d in mode.docs:
        o = d.score["overall"]
        lines.append(
            f"| {d.entry.name} | {d.entry.layout} | {d.entry.language} | {d.documents} ({d.entry.documents}) "
            f"| {o['precision']:.3f} | {o['recall']:.3f} | {o['f1']:.3f} | {d.kept}/{d.words} |"
        )
    return lines + [""]


def commit() -> str:
    """The commit measured, the last commit that changed ``src/``, and whether ``src/`` differs from it."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], capture_output=True, text=True, cwd=REPO).stdout.strip()

    head = git("log", "-1", "--format=%h %s")
    src = git("log", "-1", "--format=%h", "--", "src")
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src")
    return f"`{head}` (converter code `src/` as of `{src}`" + (", with uncommitted changes)" if dirty else ")")


def section(label: str, date: str, command: str, entries: list[Entry], modes: list[ModeResult]) -> str:
    """The whole ``## LABEL`` section."""
    langs = Counter(e.language for e in entries)
    gold = sum(d.score[k]["gold"] for d in modes[0].docs for k in KINDS if k in d.score)
    lines = [
        f"## {label}",
        "",
        f"Measured {date} on commit {commit()} with `{command}`.",
        f"{len(entries)} sources ({sum(e.documents for e in entries)} documents) in "
        f"{len({e.layout for e in entries})} layouts, "
        + ", ".join(f"{n} {lang}" for lang, n in sorted(langs.items()))
        + f"; {gold} gold mentions.",
        "",
    ]
    for mode in modes:
        lines += mode_table(mode)
    return "\n".join(lines)


def write_section(path: Path, label: str, text: str) -> None:
    """Replace the ``## LABEL`` section of the results file (or add it), keeping the others."""
    heading = "# Held-out scores\n\nFigures of `bench/heldout.py`; see `SOURCES.md` for the documents.\n\n"
    old = path.read_text(encoding="utf-8") if path.exists() else heading
    start = old.find(f"## {label}\n")
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + 1)
        new = old[:start] + text.rstrip("\n") + "\n" + (old[end:] if end >= 0 else "")
    path.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def quote(word: str) -> str:
    """A word of the command line as a shell reads it (double quotes around a single quote)."""
    return f'"{word}"' if "'" in word and not set('"$`\\!') & set(word) else shlex.quote(word)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, help="results file whose '## LABEL' section to replace (default: print)")
    parser.add_argument("--label", default="first sight", help="heading of the section (default: %(default)s)")
    parser.add_argument(
        "--date", default=dt.datetime.now(dt.UTC).date().isoformat(), help="date to record (default: today, UTC)"
    )
    parser.add_argument("--keep", type=Path, help="directory to keep the converted TEI in (default: a temporary one)")
    parser.add_argument(
        "--set",
        type=Path,
        default=HELDOUT,
        metavar="DIR",
        help="held-out batch to measure: a directory with manifest.json, documents/ and gold/ (default: tests/heldout)",
    )
    args = parser.parse_args(argv)
    if not (args.set / "manifest.json").is_file():
        print(f"heldout: {args.set}: no manifest.json here, so not a held-out batch", file=sys.stderr)
        return 2
    entries = load_manifest(args.set.resolve())
    try:
        tools = {name: shared_tool(name) for name in ("score_markup", "fidelity")}
    except FileNotFoundError as exc:
        print(f"heldout: {exc}", file=sys.stderr)
        return 2
    given = argv if argv is not None else sys.argv[1:]
    command = "python bench/heldout.py" + "".join(f" {quote('DIR' if a.startswith('/') else a)}" for a in given)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        if args.keep and args.keep.exists() and any(args.keep.iterdir()):
            print(f"heldout: {args.keep}: directory is not empty", file=sys.stderr)
            return 2
        modes = [
            run_mode(
                "With the shipped register",
                REPO / "corpus" / "register",
                "`corpus/register`",
                entries,
                work / "shipped",
                tools,
            ),
            run_mode(
                "With an empty register",
                empty_register(Path(tmp) / "empty-register"),
                "a directory whose `persons.xml` and `places.xml` have empty lists",
                entries,
                work / "empty",
                tools,
            ),
        ]
    text = section(args.label, args.date, command, entries, modes)
    if args.out:
        write_section(args.out, args.label, text)
        print(f"heldout: wrote '## {args.label}' to {args.out}", file=sys.stderr)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
