"""The ``validate`` command: TEI files against RELAX NG, XSD and Schematron."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from ..errors import TeiEncodeError
from ..validate import default_schemas, load_validator
from ..validate.run import expand_paths, validate_file
from .common import fail


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Schema file (.rng, .xsd, .sch); repeatable. Default: the project's RELAX NG, XSD and Schematron.",
)
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Report format on standard output.",
)
def validate(paths: tuple[Path, ...], schemas: tuple[Path, ...], report_format: str) -> None:
    """Validate TEI files (or directories of them) against RELAX NG, XSD and Schematron schemas.

    Each finding is printed as FILE:LINE:COLUMN: error: MESSAGE. Exit 0 when every file is valid,
    1 when any is invalid or not well-formed, 2 on usage or I/O errors.
    """
    started = time.monotonic()
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    try:
        validators = [load_validator(p) for p in (schemas or default_schemas())]
    except TeiEncodeError as exc:
        fail(str(exc))
    files = expand_paths(paths)
    if not files:
        fail("no XML files to validate")
    results = {str(f): validate_file(f, validators) for f in files}
    invalid = [f for f, found in results.items() if found]
    if report_format == "json":
        report = {
            "files": len(files),
            "valid": len(files) - len(invalid),
            "invalid": invalid,
            "diagnostics": [d.as_dict() for found in results.values() for d in found],
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for found in results.values():
            for d in found:
                click.echo(d.format())
        click.echo(
            f"{len(files)} files, {len(files) - len(invalid)} valid, {len(invalid)} invalid "
            f"({time.monotonic() - started:.2f} s)",
            err=True,
        )
    sys.exit(1 if invalid else 0)
