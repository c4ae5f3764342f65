"""Helpers shared by the commands: the error exit, diagnostics on stderr, common options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import click

from ..diagnostics import Diagnostic, Severity


def output_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The required ``-o/--output DIR`` option of convert and render."""
    return click.option(
        "-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path), help=help_text
    )


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``tei-encode: error: MESSAGE`` on stderr and exit with ``code``."""
    click.echo(f"tei-encode: error: {message}", err=True)
    sys.exit(code)


def echo_diagnostics(diagnostics: Sequence[Diagnostic], minimum: Severity = Severity.WARNING) -> None:
    """Print the diagnostics at ``minimum`` severity or above on stderr."""
    order = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    shown = [d.format() for d in diagnostics if order.index(d.severity) <= order.index(minimum)]
    if shown:  # one write: a corpus can have tens of thousands
        click.echo("\n".join(shown), err=True)
