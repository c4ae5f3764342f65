"""The ``validate`` command: TEI files against RELAX NG, XSD and Schematron."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import click

from ..errors import TeiEncodeError
from ..machine import cores
from ..validate.reports import FORMATS, format_report, invalid_files, summary_line
from ..validate.run import (
    PARALLEL_FROM_MB,
    default_jobs,
    expand_paths,
    missing_paths,
    validate_files,
    validator_for,
)
from ..validate.sources import resolve_schema
from .common import fail, progress_bar

_ALLOCATIONS_BETWEEN_COLLECTIONS = 10_000


@click.command()
# Plain strings: click.Path would stat every one of thousands of files before the command starts.
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    metavar="FILE|NAME",
    help="Schema file (.rng, .xsd, .sch, .isosch), an ODD customisation (.odd, compiled once by the TEI "
    "Stylesheets after `tei-encode schema fetch tei-stylesheets` and `p5subset`), a named schema (tei_all, "
    "after `tei-encode schema fetch tei_all`) or tei-encode (this project's RELAX NG and Schematron); repeatable. "
    "Default: the schemas each document names in <?xml-model?>, else tei_all.",
)
@click.option(
    "--format",
    "report_format",
    type=click.Choice(FORMATS),
    default="text",
    help="Report format on standard output (github: workflow annotations; junit: JUnit XML).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes; 0 means one per CPU core. Default: one per core from "
    f"{PARALLEL_FROM_MB} MB of files on, else one (below, starting workers costs more than it saves).",
)
@click.option(
    "--conformance",
    is_flag=True,
    help="Report each file's TEI conformance instead (TEI conformant, TEI extension, not TEI conformant, "
    "not TEI; text or json), checked against the schema each document names and against tei_all "
    "(after `tei-encode schema fetch tei_all`).",
)
def validate(
    paths: tuple[str, ...], schemas: tuple[str, ...], report_format: str, jobs: int | None, conformance: bool
) -> None:
    """Validate TEI files, directories of them (every *.xml) or glob patterns.

    Each document is checked against the schemas it names in <?xml-model?> (TEI written by
    tei-encode names the project's schema), else against TEI P5 tei_all, unless --schema is given.
    A schema a document names that cannot be found or used is a finding of that document.

    Files of 8 MB or more ($TEI_ENCODE_STREAM_MB to change it; 0 for every file) are validated
    against RELAX NG while they are read, through the text reader of lxml's own libxml2, in a
    small fraction of the memory a whole tree takes; the findings are the same, but the element
    cut out around an error gets no position among its siblings in the path (div[?]). With a
    core to spare (--jobs above 1 and one process's worth of files), a file of 32 MB or more is
    read in two halves at once. When Schematron or XSD also apply, such a file is read whole as
    any other.

    Each finding is printed as FILE:LINE:COLUMN: severity: message. Exit 0 when every file is
    valid, 1 when any is invalid, not well-formed or refused as unsafe, 2 on usage or I/O
    errors (a missing path, a --schema that is missing or does not compile, tei_all or the TEI
    Stylesheets needed but not in the cache). A summary line, saying which schemas checked how many files, goes to
    standard error; a progress indicator too when it is a terminal.
    """
    started = time.monotonic()
    given = [Path(path) for path in paths]
    missing = missing_paths(given)
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    try:
        chosen = [path for spec in schemas for path in resolve_schema(spec)] if schemas else None
        for path in chosen or []:
            validator_for(path)
    except TeiEncodeError as exc:
        fail(str(exc))
    files = expand_paths(given)
    if not files:
        fail("no XML files to validate")
    if conformance:
        _conformance(files, chosen, report_format)
    # Pruned grammars and their caches are many small objects that live for the run: with the
    # default threshold (700 allocations) the collector went over them a thousand times on the
    # Faust edition's 391 files, 0.25 s of 5 s; little of what a run allocates forms cycles.
    threshold = gc.get_threshold()
    gc.set_threshold(_ALLOCATIONS_BETWEEN_COLLECTIONS)
    try:
        jobs = default_jobs(files) if jobs is None else jobs or cores()
        with progress_bar("validating") as progress:
            results = validate_files(files, chosen, jobs=jobs, progress=progress)
    except TeiEncodeError as exc:
        fail(str(exc))
    finally:
        gc.set_threshold(*threshold)
    elapsed = time.monotonic() - started
    click.echo(format_report(results, report_format, elapsed, results.schemas), nl=False)
    click.echo(summary_line(results, elapsed, results.schemas), err=True)
    sys.exit(1 if invalid_files(results) else 0)


def _conformance(files: list[Path], schemas: list[Path] | None, report_format: str) -> None:
    from ..validate.conformance import FAILING, check_files, format_conformance  # 40 ms, only for this report

    if report_format not in ("text", "json"):
        fail("--conformance reports as text or json only")
    try:
        reports = check_files(files, schemas)
    except TeiEncodeError as exc:
        fail(str(exc))
    click.echo(format_conformance(reports, report_format), nl=False)
    sys.exit(1 if any(r.verdict in FAILING for r in reports) else 0)
