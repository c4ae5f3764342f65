"""Helpers shared by the commands: the error exit, diagnostics on stderr, common options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr, updated with (done, total), when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=0, label=label, file=sys.stderr, show_pos=True) as bar:
        shown = 0

        def update(done: int, total: int) -> None:
            nonlocal shown
            bar.length = total
            bar.update(done - shown)
            shown = done

        yield update
