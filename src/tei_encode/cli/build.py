"""The ``build`` command: convert, validate and render a whole corpus, in parallel and incrementally."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..build import BuildResult, Holder
from ..build import build as build_corpus
from ..diagnostics import Severity, counted
from ..errors import TeiEncodeError
from ..machine import cores
from .common import echo_diagnostics, fail, progress_bar


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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes converting in parallel (default: one per processor); a few changed sources are converted"
    " in this process, which is faster than starting workers.",
)
@click.option("--force", is_flag=True, help="Convert every source again, even those unchanged since the last build.")
@click.option(
    "--scheduler",
    envvar="TEI_ENCODE_SCHEDULER",
    metavar="ADDRESS",
    help="Convert on the Dask cluster of this scheduler (e.g. tcp://host:8786; default: $TEI_ENCODE_SCHEDULER)"
    " instead of local processes; needs tei-encode[dask] here and on the workers.",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=0,
    metavar="SECONDS",
    help="When another build is writing into OUT, wait up to this long for it (default: refuse at once).",
)
def build(corpus: Path, output: Path, jobs: int | None, force: bool, scheduler: str | None, wait: float) -> None:
    """Convert every source in CORPUS (default: corpus), validate the TEI and render the HTML views into OUT.

    OUT receives tei/ (TEI files), html/ (pages, index.html), validation.json, conversion.json and
    .build-state.json, which lets the next build convert only the sources that changed (or all of them
    when the register, the schemas or tei-encode changed). One build at a time writes into OUT: another
    one refuses, naming the build in progress, or waits for it (--wait).

    With --scheduler, the sources are converted, validated and rendered on the workers of a Dask
    cluster; they receive each source's bytes and send the files back, and this process writes OUT,
    so no storage needs to be shared. The output is the same as a local build's.

    Exit status: 0 all valid, 1 invalid documents or conversion errors, 2 a source that cannot be read,
    an output that cannot be written, another build writing into OUT, or a cluster that cannot be used.
    """
    if not corpus.is_dir():
        fail(f"{corpus}: no such corpus directory")
    started = time.monotonic()
    try:
        with progress_bar("building") as progress:
            result = build_corpus(
                corpus,
                output,
                progress,
                jobs=jobs or cores(),
                force=force,
                scheduler=scheduler or None,
                wait=wait,
                on_wait=lambda holder: _waiting(holder, output, wait),
            )
    except KeyboardInterrupt:
        fail("interrupted; run the build again to complete it", 130)
    except TeiEncodeError as exc:
        fail(str(exc))
    echo_diagnostics(result.conversion)
    echo_diagnostics(result.validation)
    click.echo(summary(result, output, time.monotonic() - started), err=True)
    sys.exit(exit_code(result))


def summary(result: BuildResult, output: Path, seconds: float) -> str:
    """The closing line: documents, sources converted, warnings, invalid files, unreadable sources, time."""
    warnings = sum(1 for d in result.conversion if d.severity is Severity.WARNING)
    parts = [
        f"{counted(len(result.documents), 'document')} ({counted(result.converted, 'source')} converted,"
        f" {result.reused} unchanged)",
        counted(warnings, "warning"),
        f"{len(result.invalid)} invalid",
    ]
    if result.failed:
        parts.append(f"{counted(len(result.failed), 'source')} not converted")
    return f"{', '.join(parts)} ({seconds:.1f} s) -> {output}"


def exit_code(result: BuildResult) -> int:
    """2 when a source could not be read, 1 for invalid documents or conversion errors, else 0."""
    if result.failed:
        return 2
    if result.invalid or any(d.severity is Severity.ERROR for d in result.conversion):
        return 1
    return 0


def _waiting(holder: Holder | None, output: Path, wait: float) -> None:
    who = holder.describe() if holder else "another process"
    click.echo(f"tei-encode: {output}: waiting up to {wait:g} s for the build of {who}", err=True)
