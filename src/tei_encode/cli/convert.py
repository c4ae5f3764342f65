"""The ``convert`` command: source texts to TEI files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Reporter, Severity
from ..editorial.corpus import corpus_decisions
from ..errors import TeiEncodeError
from ..model import dump
from ..pipeline import convert_path
from ..readers import FORMATS
from ..readers.decoding import SourceDecodeError
from ..register import Register
from ..xmlio import serialize, write_atomic
from .common import echo_diagnostics, fail, output_option


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("Directory for the TEI files (created if missing).")
@click.option(
    "--format",
    "source_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Source format; detected from the file (a Word file by its ZIP archive, text by its layout) when omitted.",
)
@click.option(
    "--register",
    "register_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Register directory (TEI listPerson/listPlace files); default: register/ beside each source, "
    "with a warning when there is none.",
)
@click.option(
    "--no-register",
    is_flag=True,
    help="Convert with no register: names are still marked, but linked to nothing (no warning about it).",
)
@click.option(
    "--no-decisions",
    is_flag=True,
    help="Ignore the editors' decisions (decisions.csv beside each source, applied by default as build does).",
)
@click.option("--debug-model", is_flag=True, help="Print the document model of each document instead of writing TEI.")
@click.option("-v", "--verbose", is_flag=True, help="Also print informational notes.")
def convert(
    sources: tuple[Path, ...],
    output: Path,
    source_format: str | None,
    register_dir: Path | None,
    no_register: bool,
    no_decisions: bool,
    debug_model: bool,
    verbose: bool,
) -> None:
    """Convert sources (Wilson Center exports, collection pages, Word files, plain text) to TEI, one file per document.

    A source that cannot be read is reported and skipped; the others are still converted (exit status 2).
    XML and HTML files are refused: they are not source texts (check TEI with `tei-encode validate`).
    """
    if no_register and register_dir:
        fail("--register and --no-register exclude each other")
    status = 0
    for source in sources:
        reporter = Reporter(str(source))
        try:
            if not source.exists():
                raise TeiEncodeError(f"{source}: no such file")
            register = _register(source, register_dir, no_register, reporter)
            decisions = () if no_decisions else corpus_decisions(source.parent)
            items = convert_path(source, register, reporter, source_format, decisions=decisions)
        except SourceDecodeError as exc:
            click.echo(exc.diagnostic("unreadable-source").format(), err=True)
            status = 2
            continue
        except TeiEncodeError as exc:
            echo_diagnostics(reporter.diagnostics)
            click.echo(f"tei-encode: error: {exc}", err=True)
            status = 2
            continue
        echo_diagnostics(reporter.diagnostics, Severity.INFO if verbose else Severity.WARNING)
        if reporter.has_errors:
            status = max(status, 1)
        for item in items:
            if debug_model:
                click.echo(dump(item.document), nl=False)
                continue
            try:
                write_atomic(output / item.filename, serialize(item.tree))
            except OSError as exc:
                fail(f"{output / item.filename}: cannot write: {exc.strerror or exc}")
            click.echo(f"{source} -> {output / item.filename}", err=True)
    sys.exit(status)


def _register(source: Path, directory: Path | None, none: bool, reporter: Reporter) -> Register:
    """The register to convert ``source`` with; a warning when there is none and none was asked for."""
    if none:
        return Register()
    if directory is None:
        directory = (source.parent if source.is_file() else source) / "register"
        if not directory.is_dir():
            reporter.warning(
                "no-register",
                f"no register found ({directory} does not exist): names are marked but linked to nothing; "
                "give --register DIR, or --no-register to convert without one",
            )
            return Register()
    register = Register.from_directory(directory)
    if not register.entries:
        reporter.warning("empty-register", f"the register directory {directory} holds no entries (no *.xml files)")
    return register
