"""The ``build`` command: convert, validate and render a whole corpus."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..build import build as build_corpus
from ..diagnostics import Severity
from ..errors import TeiEncodeError
from .common import echo_diagnostics, fail


@click.command()
@click.argument("corpus", required=False, default="corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    default="out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output directory (default: out).",
)
def build(corpus: Path, output: Path) -> None:
    """Convert every source in CORPUS (default: corpus), validate the TEI and render the HTML views into OUT.

    OUT receives tei/ (TEI files), html/ (pages, index.html), validation.json and conversion.json.
    """
    if not corpus.is_dir():
        fail(f"{corpus}: no such corpus directory")
    started = time.monotonic()
    try:
        result = build_corpus(corpus, output, progress=lambda name: click.echo(f"converting {name}", err=True))
    except TeiEncodeError as exc:
        fail(str(exc))
    echo_diagnostics(result.conversion)
    echo_diagnostics(result.validation)
    warnings = sum(1 for d in result.conversion if d.severity is Severity.WARNING)
    click.echo(
        f"{len(result.documents)} documents, {warnings} warnings, {len(result.invalid)} invalid "
        f"({time.monotonic() - started:.1f} s) -> {output}",
        err=True,
    )
    sys.exit(1 if result.invalid or any(d.severity is Severity.ERROR for d in result.conversion) else 0)
