"""The ``review`` command: every decision the converters were unsure of, as a page, CSV and JSON."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build import corpus_sources
from ..diagnostics import counted
from ..editorial.corpus import review_corpus
from ..editorial.page import write_review
from ..errors import TeiEncodeError
from .common import echo_diagnostics, fail, progress_bar


@click.command()
@click.argument("corpus", required=False, default="corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    default="review",
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for index.html, review.csv and review.json (default: review).",
)
@click.option("--strict", is_flag=True, help="Exit 1 when a decision of CORPUS/decisions.csv matches nothing.")
def review(corpus: Path, output: Path, strict: bool) -> None:
    """List every decision the converters were unsure of in CORPUS (default: corpus), for an editor.

    \b
    Rows: people and places the register lacks (each mention, linked to
    a provisional entry), bare names several namesakes share or that were
    linked by inference, names a model proposed (with its confidence),
    dates whose year was inferred or left open, source lines a reader
    dropped or could not place, deletions and insertions read from a note.
    Each row has the document, the line, the text in its context, the
    proposed decision and a stable id.

    OUTPUT receives index.html (open it from the file system; filter by kind, document and status),
    review.csv and review.json. Decide in CORPUS/decisions.csv (see the README); rows a decision
    covers are shown as decided. A decision that no longer matches anything is reported with its
    file and line.

    Exit status: 0 done (also with unmatched decisions, unless --strict), 1 unmatched decisions with
    --strict, 2 a missing corpus, an unreadable source or a malformed decisions file.
    """
    if not corpus.is_dir():
        fail(f"{corpus}: no such corpus directory")
    sources = corpus_sources(corpus)
    try:
        with progress_bar("Reviewing") as progress:
            result = review_corpus(corpus, sources, progress)
        write_review(output, result.rows)
    except TeiEncodeError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or output}: cannot write: {exc.strerror or exc}")
    echo_diagnostics(result.unmatched)
    open_rows = sum(1 for r in result.rows if r.status == "open")
    click.echo(
        f"{counted(len(result.rows), 'row')} ({open_rows} open), {counted(len(result.unmatched), 'unmatched decision')}"
        f" -> {output / 'index.html'}",
        err=True,
    )
    sys.exit(1 if strict and result.unmatched else 0)
