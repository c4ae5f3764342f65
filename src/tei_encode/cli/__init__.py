"""The command line: one module per command. The only place that prints or exits.

Exit codes: 0 ok, 1 invalid documents or conversion errors, 2 usage or I/O errors.

A command's module is imported only when that command runs (or ``--help``
lists the commands), so ``tei-encode validate`` in a pre-commit hook does not
pay for loading the converters and the views.
"""

from __future__ import annotations

from importlib import import_module

import click

from .. import __version__

# Command name -> module of this package defining a click command of the same name.
COMMANDS = {
    "build": "build",
    "cmif": "cmif",
    "convert": "convert",
    "export": "export",
    "register": "register",
    "render": "render",
    "review": "review",
    "schema": "schema",
    "validate": "validate",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when first used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The command names, sorted."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called ``cmd_name``, imported on demand."""
        if cmd_name not in COMMANDS:
            return None
        command = getattr(import_module(f".{COMMANDS[cmd_name]}", __name__), cmd_name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-encode")
def main() -> None:
    """Turn archival source texts into TEI P5, validate TEI, and publish HTML reading views.

    \b
    Typical use:
      tei-encode build corpus -o out        convert, validate and render a corpus
      tei-encode convert SOURCE.txt -o tei  convert single sources
      tei-encode validate tei/              validate TEI against the project's schemas
      tei-encode schema fetch tei_all       cache TEI P5 tei_all for --schema tei_all
    """
