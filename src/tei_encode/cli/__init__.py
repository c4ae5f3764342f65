"""The command line: one module per command. The only place that prints or exits.

Exit codes: 0 ok, 1 invalid documents or conversion errors, 2 usage or I/O errors.
"""

from __future__ import annotations

import click

from .. import __version__
from .build import build
from .convert import convert
from .render import render
from .validate import validate


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


for command in (convert, validate, render, build):
    main.add_command(command)
