"""Time rendering every TEI file of a built ``out/`` (document pages, summaries, index pages).

Run on demand (not collected by pytest):

    .venv/bin/python bench/render.py [OUT] [--repeat N]

The goal for the current corpus is under 2 seconds; the best of N runs is printed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tei_encode.render import render_document, render_indexes, summarize
from tei_encode.xmlio import parse_file

REPO = Path(__file__).resolve().parents[1]


def render_all(tei_files: list[Path]) -> int:
    """Render every file as the build does; returns the number of pages made."""
    pages = 0
    summaries = []
    for path in tei_files:
        tree = parse_file(path)
        pages += len(render_document(tree, path.stem))
        summaries.append(summarize(tree, path.stem))
    return pages + len(render_indexes(summaries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=REPO / "out")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted((args.out / "tei").glob("*.xml"))
    render_all(files[:1])  # compiles the stylesheets once, as a build does
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        pages = render_all(files)
        times.append(time.perf_counter() - start)
    print(f"command: .venv/bin/python bench/render.py {args.out} --repeat {args.repeat}")
    print(f"rendered {len(files)} TEI files into {pages} files: best {min(times):.3f} s of {args.repeat} (goal < 2 s)")


if __name__ == "__main__":
    main()
