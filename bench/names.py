"""Scores of the converters on the regression fixtures, with the shipped register and with an empty one.

Converts every ``tests/generalization/fixtures/*.txt`` (or ``tests/regression``) twice, scores each with
``../shared/tools/score_markup.py`` and prints micro P/R/F1 and value accuracy per kind over all fixtures, and the CPU seconds
the conversions took. Run from the repository:

    .venv/bin/python bench/names.py
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tei_encode.diagnostics import Reporter
from tei_encode.pipeline import convert_path
from tei_encode.register import Register
from tei_encode.xmlio import serialize

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO.parent / "shared" / "tools" / "score_markup.py"


def fixtures_dir() -> Path:
    """Where the regression fixtures are (the folder was renamed from ``generalization``)."""
    for name in ("regression", "generalization"):
        folder = REPO / "tests" / name / "fixtures"
        if folder.is_dir():
            return folder
    raise SystemExit("no regression fixtures found")


def score(register: Register, work: Path) -> tuple[dict[str, Counter[str]], float]:
    """Counts of true positives, predictions and gold mentions per kind, and the CPU seconds of converting."""
    totals: dict[str, Counter[str]] = {}
    cpu = 0.0
    for source in sorted(fixtures_dir().glob("*.txt")):
        out = work / source.stem
        out.mkdir(parents=True)
        start = time.process_time()
        for item in convert_path(source, register, Reporter(source.name)):
            (out / item.filename).write_bytes(serialize(item.tree))
        cpu += time.process_time() - start
        files = [str(p) for p in sorted(out.glob("*.xml"))]
        gold = source.with_suffix(".json")
        result = subprocess.run(
            [sys.executable, str(SCORER), str(gold), *files, "--json"], capture_output=True, text=True, check=True
        )
        for kind, figures in json.loads(result.stdout).items():
            if kind != "overall":
                totals.setdefault(kind, Counter()).update({k: figures[k] for k in ("tp", "pred", "gold", "value_ok")})
    return totals, cpu


def main() -> None:
    """Print the table."""
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    registers = {"shipped register": Register.from_directory(REPO / "corpus" / "register"), "empty register": Register()}
    for label, register in registers.items():
        with tempfile.TemporaryDirectory() as work:
            totals, cpu = score(register, Path(work))
        print(f"{label} (conversion CPU {cpu:.1f} s)")
        all_counts: Counter[str] = Counter()
        for kind in sorted(totals):
            counts = totals[kind]
            all_counts.update(counts)
            print("  " + _line(kind, counts))
        print("  " + _line("overall", all_counts))


def _line(kind: str, counts: Counter[str]) -> str:
    precision = counts["tp"] / counts["pred"] if counts["pred"] else 0.0
    recall = counts["tp"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    value = counts["value_ok"] / counts["tp"] if counts["tp"] else 0.0
    figures = f"P={precision:.3f} R={recall:.3f} F1={f1:.3f} value={value:.3f}"
    return f"{kind:8} gold={counts['gold']:4} pred={counts['pred']:4} {figures}"


if __name__ == "__main__":
    main()
