"""The ``export`` command: the mentions of a corpus or of TEI files as JSON or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Reporter
from ..errors import TeiEncodeError
from ..exchange.inputs import load_documents
from ..exchange.letters import letters, letters_csv, network_gexf
from ..exchange.mentions import FORMATS, mentions, to_csv, to_json
from ..xmlio import write_atomic
from .common import echo_diagnostics, fail


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice([*FORMATS, "letters", "network"]),
    default="json",
    show_default=True,
    help="json or csv: the mentions; letters: a CSV table of the letters; network: the correspondence as GEXF.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write (- for standard output).",
)
def export(inputs: tuple[Path, ...], output_format: str, output: Path) -> None:
    """Export the mentions of INPUTS (people, places, organisations, dates, identifiers) as JSON or CSV.

    INPUTS are corpus directories (converted in memory), directories of TEI files or TEI files;
    default: corpus. UTF-8, one record per mention, in document order.

    \b
    letters: one CSV row per letter: id, date, senders, addressees, the place of sending and
    of receipt, each with the authority URIs of its names (several joined by "; ").
    network: GEXF 1.3 for Gephi, nodegoat or Palladio: a node per correspondent (with its
    authority URIs), a directed edge per letter from sender to addressee, dated.

    \b
    Fields of the mentions: document, kind (person, place, org, date, idno), type (the element's @type), text
    (as written), value (the register key for names; @when, or notBefore/notAfter as an ISO 8601
    interval "start/end" with ".." for an open end, for dates; the identifier, or "type=value"
    pairs for an archival citation), key (register key), authority (authority URIs, preferred
    first), xpath, line (in the TEI file as build writes it) and offset (of the mention's first
    character in the string value of the enclosing text or sourceDesc/bibl).
    """
    reporter = Reporter()
    try:
        documents = load_documents(inputs or (Path("corpus"),), reporter)
    except TeiEncodeError as exc:
        echo_diagnostics(reporter.diagnostics)
        fail(str(exc))
    if output_format in ("letters", "network"):
        rows: list[object] = list(letters(documents))
        data = letters_csv(rows) if output_format == "letters" else network_gexf(rows)  # type: ignore[arg-type]
    else:
        found = mentions(documents)
        rows = list(found)
        data = to_json(found) if output_format == "json" else to_csv(found)
    if str(output) == "-":
        click.echo(data.decode("utf-8"), nl=False)
    else:
        try:
            write_atomic(output, data)
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror or exc}")
        what = "letters" if output_format in ("letters", "network") else "mentions"
        click.echo(f"{len(rows)} {what} -> {output}", err=True)
    sys.exit(1 if reporter.has_errors else 0)
