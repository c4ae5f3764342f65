"""The ``cmif`` command: the letters of a corpus or of TEI files as one CMIF file for correspSearch."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..diagnostics import Reporter, Severity
from ..errors import TeiEncodeError
from ..exchange.cmif import (
    DEFAULT_EDITOR,
    DEFAULT_PUBLISHER,
    DEFAULT_TITLE,
    CmifHeader,
    cmif_document,
    is_letter,
    publication_date,
)
from ..exchange.inputs import load_documents
from ..xmlio import serialize, write_atomic
from .common import echo_diagnostics, fail


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The CMIF file to write."
)
@click.option("--date", "date", default=None, help="Publication date of the CMIF file (YYYY-MM-DD).")
@click.option("--title", default=DEFAULT_TITLE, show_default=True, help="Title of the CMIF file.")
@click.option(
    "--editor",
    "editors",
    multiple=True,
    help=f"Editor of the CMIF file, repeatable [default: {DEFAULT_EDITOR}].",
)
@click.option("--publisher", default=DEFAULT_PUBLISHER, show_default=True, help="Publisher of the CMIF file.")
@click.option("--url", default=None, help="The URL the CMIF file is published at (default: its file name).")
@click.option(
    "--letter-url",
    default="",
    help="URL of each letter's page, with {id} for the document id; sets correspDesc/@ref.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print informational notes (documents that are not letters).")
def cmif(
    inputs: tuple[Path, ...],
    output: Path,
    date: str | None,
    title: str,
    editors: tuple[str, ...],
    publisher: str,
    url: str | None,
    letter_url: str,
    verbose: bool,
) -> None:
    """Write the letters of INPUTS as one CMIF file (Correspondence Metadata Interchange Format).

    INPUTS are corpus directories (converted in memory), directories of TEI files or TEI files;
    default: corpus. Only TEI documents with a correspDesc are letters; the others are skipped.

    \b
    Names point to an authority URI from the register (GND, VIAF, GeoNames or Wikidata, in this
    order of preference); names without one are listed without @ref. The licence is CC BY 4.0.
    The publication date is --date, else SOURCE_DATE_EPOCH, else the newest publicationStmt/date
    of the input; the clock is never read, so the same input gives the same file.
    """
    reporter = Reporter()
    try:
        documents = load_documents(inputs or (Path("corpus"),), reporter)
        roots = [d.root for d in documents]
        header = CmifHeader(
            publication_date(date, roots, os.environ),
            title,
            editors or (DEFAULT_EDITOR,),
            publisher,
            url or output.name,
            letter_url,
        )
        tree = cmif_document(roots, header, reporter)
    except TeiEncodeError as exc:
        echo_diagnostics(reporter.diagnostics)
        fail(str(exc))
    echo_diagnostics(reporter.diagnostics, Severity.INFO if verbose else Severity.ERROR)
    try:
        write_atomic(output, serialize(tree))
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}")
    letters = sum(1 for root in roots if is_letter(root))
    click.echo(f"{letters} letters of {len(documents)} documents -> {output}", err=True)
    sys.exit(1 if reporter.has_errors else 0)
