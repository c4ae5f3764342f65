"""The command line: convert, validate, render and build. The only place that prints or exits.

Exit codes: 0 ok, 1 invalid documents or conversion errors, 2 usage or I/O errors.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import click
from lxml import etree

from . import __version__
from .build import build as build_corpus
from .diagnostics import Diagnostic, Reporter, Severity
from .errors import TeiEncodeError
from .model import dump
from .pipeline import convert_path, default_register
from .readers import READERS
from .register import Register
from .render import VIEWS, render_html, stylesheet
from .validate import default_schemas, load_validator
from .validate.run import expand_paths, validate_file
from .xmlio import parse_file, serialize, write_atomic

EXISTING = click.Path(exists=True, path_type=Path)


def output_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The required ``-o/--output DIR`` option of convert and render."""
    return click.option(
        "-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path), help=help_text
    )


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"tei-encode: error: {message}", err=True)
    sys.exit(code)


def _echo_diagnostics(diagnostics: Sequence[Diagnostic], minimum: Severity = Severity.WARNING) -> None:
    order = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    for d in diagnostics:
        if order.index(d.severity) <= order.index(minimum):
            click.echo(d.format(), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-encode")
def main() -> None:
    """Turn archival source texts into TEI P5, validate TEI, and publish HTML reading views.

    \b
    Typical use:
      tei-encode build corpus -o out        convert, validate and render a corpus
      tei-encode convert SOURCE.txt -o tei  convert single sources
      tei-encode validate tei/              validate TEI against the project's schemas
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("Directory for the TEI files (created if missing).")
@click.option(
    "--format",
    "source_format",
    type=click.Choice(sorted(READERS)),
    default=None,
    help="Source format; detected from the text when omitted.",
)
@click.option(
    "--register",
    "register_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Register directory (TEI listPerson/listPlace files); default: register/ beside each source.",
)
@click.option("--debug-model", is_flag=True, help="Print the document model of each document instead of writing TEI.")
@click.option("-v", "--verbose", is_flag=True, help="Also print informational notes.")
def convert(
    sources: tuple[Path, ...],
    output: Path,
    source_format: str | None,
    register_dir: Path | None,
    debug_model: bool,
    verbose: bool,
) -> None:
    """Convert source texts (Wilson Center exports, collection pages, plain text) to TEI, one file per document."""
    failed = False
    for source in sources:
        reporter = Reporter(str(source))
        try:
            if not source.exists():
                raise TeiEncodeError(f"{source}: no such file")
            register = Register.from_directory(register_dir) if register_dir else default_register(source)
            items = convert_path(source, register, reporter, source_format)
        except TeiEncodeError as exc:
            _echo_diagnostics(reporter.diagnostics)
            _fail(str(exc))
        _echo_diagnostics(reporter.diagnostics, Severity.INFO if verbose else Severity.WARNING)
        failed = failed or reporter.has_errors
        for item in items:
            if debug_model:
                click.echo(dump(item.document), nl=False)
                continue
            try:
                write_atomic(output / item.filename, serialize(item.tree))
            except OSError as exc:
                _fail(f"{output / item.filename}: cannot write: {exc.strerror or exc}")
            click.echo(f"{source} -> {output / item.filename}", err=True)
    sys.exit(1 if failed else 0)


@main.command()
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
        _fail(f"{missing[0]}: no such file or directory")
    try:
        validators = [load_validator(p) for p in (schemas or default_schemas())]
    except TeiEncodeError as exc:
        _fail(str(exc))
    files = expand_paths(paths)
    if not files:
        _fail("no XML files to validate")
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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("Directory for the HTML pages.")
@click.option("--view", type=click.Choice(sorted(VIEWS)), default="reading", help="Which view to render.")
def render(paths: tuple[Path, ...], output: Path, view: str) -> None:
    """Render TEI files as HTML pages (any TEI P5 file; unknown elements keep their text)."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"{missing[0]}: no such file or directory")
    for path in expand_paths(paths):
        try:
            tree = parse_file(path)
        except (OSError, etree.XMLSyntaxError) as exc:
            _fail(f"{path}: cannot parse: {exc}", 1)
        write_atomic(output / f"{path.stem}.html", render_html(tree, view))
        click.echo(f"{path} -> {output / (path.stem + '.html')}", err=True)
    write_atomic(output / "style.css", stylesheet())


@main.command()
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
        _fail(f"{corpus}: no such corpus directory")
    started = time.monotonic()
    try:
        result = build_corpus(corpus, output, progress=lambda name: click.echo(f"converting {name}", err=True))
    except TeiEncodeError as exc:
        _fail(str(exc))
    _echo_diagnostics(result.conversion)
    _echo_diagnostics(result.validation)
    warnings = sum(1 for d in result.conversion if d.severity is Severity.WARNING)
    click.echo(
        f"{len(result.documents)} documents, {warnings} warnings, {len(result.invalid)} invalid "
        f"({time.monotonic() - started:.1f} s) -> {output}",
        err=True,
    )
    sys.exit(1 if result.invalid or any(d.severity is Severity.ERROR for d in result.conversion) else 0)
