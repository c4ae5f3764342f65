"""The ``cmif`` command: the letters of a corpus or of TEI files as one CMIF file for correspSearch."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from ..diagnostics import Reporter, Severity
from ..errors import TeiEncodeError
from ..exchange.cmif import cmif_document, content_hash, is_letter
from ..exchange.edition import (
    DEFAULT_PUBLISHER,
    DEFAULT_TITLE,
    EDITION_FILE,
    CmifHeader,
    Editor,
    Stamp,
    edition_header,
    record_stamp,
)
from ..exchange.entities import NS
from ..exchange.inputs import is_corpus, load_documents
from ..xmlio import serialize, write_atomic
from .common import echo_diagnostics, fail


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The CMIF file to write."
)
@click.option("--date", "date", default=None, help="Publication date of the CMIF file (ISO 8601), fixed.")
@click.option("--title", default=None, help=f"Title of the CMIF file [default: cmif.json, else {DEFAULT_TITLE!r}].")
@click.option("--editor", "editors", multiple=True, help="Editor of the CMIF file (a person), repeatable.")
@click.option("--publisher", default=None, help=f"Publisher [default: cmif.json, else {DEFAULT_PUBLISHER!r}].")
@click.option("--url", default=None, help="The URL the CMIF file is published at (http or https).")
@click.option("--letter-url", default=None, help="URL of each letter's page, with {id} for the document id.")
@click.option(
    "--record",
    is_flag=True,
    help="Record this publication (date-time and content hash) in the corpus's cmif.json.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print informational notes (documents that are not letters).")
def cmif(
    inputs: tuple[Path, ...],
    output: Path,
    date: str | None,
    title: str | None,
    editors: tuple[str, ...],
    publisher: str | None,
    url: str | None,
    letter_url: str | None,
    record: bool,
    verbose: bool,
) -> None:
    """Write the letters of INPUTS as one CMIF file (Correspondence Metadata Interchange Format).

    INPUTS are corpus directories (converted in memory), directories of TEI files or TEI files;
    default: corpus. Only TEI documents with a correspDesc are letters; the others are skipped.

    \b
    The file's title, editors, publisher, URL, letter URLs, printed sources and last publication
    come from the first corpus's cmif.json (as for `build`); the options override them. A person
    is sent with a GND or VIAF id, a place with a GeoNames id, as correspSearch expects
    (http://d-nb.info/gnd/..., http://viaf.org/viaf/..., http://www.geonames.org/...); Wikidata
    ids stay in the register. The licence is CC BY 4.0.

    \b
    The publication date is --date; else the one recorded in cmif.json while the content is the
    same; else SOURCE_DATE_EPOCH, and never earlier than a second after the recorded one. The
    clock is never read: the same input gives the same file. --record stores the date and the
    content's hash in cmif.json, so that the date stays put until the content changes.
    """
    reporter = Reporter()
    corpora = [p for p in inputs or (Path("corpus"),) if is_corpus(p)]
    config = corpora[0] / EDITION_FILE if corpora else None
    if record and (config is None or not config.is_file()):
        fail("--record needs a corpus with a cmif.json among INPUTS")
    try:
        overrides: dict[str, Any] = {
            "date": date or "",
            "title": title or "",
            "editors": tuple(Editor(e) for e in editors),
            "publisher": publisher or "",
            "url": url or "",
            "letter_url": letter_url or "",
        }
        header = edition_header(config, os.environ, **overrides) if config is not None else None
        if header is None:
            header = CmifHeader(
                **{k: v for k, v in overrides.items() if v}, epoch=os.environ.get("SOURCE_DATE_EPOCH", "").strip()
            )
        documents = load_documents(inputs or (Path("corpus"),), reporter)
        roots = [d.root for d in documents]
        tree = cmif_document(roots, header, reporter)
    except TeiEncodeError as exc:
        echo_diagnostics(reporter.diagnostics)
        fail(str(exc))
    echo_diagnostics(reporter.diagnostics, Severity.INFO if verbose else Severity.ERROR)
    try:
        write_atomic(output, serialize(tree))
        if record and config is not None:
            when = tree.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date", NS)
            assert when is not None  # every CMIF file has one
            record_stamp(config, Stamp(when.get("when", ""), content_hash(tree)))
    except OSError as exc:
        fail(f"{exc.filename or output}: cannot write: {exc.strerror or exc}")
    except TeiEncodeError as exc:
        fail(str(exc))
    letters = sum(1 for root in roots if is_letter(root))
    click.echo(f"{letters} letters of {len(documents)} documents -> {output}", err=True)
    sys.exit(1 if reporter.has_errors else 0)
