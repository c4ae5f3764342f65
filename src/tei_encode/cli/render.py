"""The ``render`` command: TEI files to HTML pages."""

from __future__ import annotations

from pathlib import Path

import click
from lxml import etree

from ..render import VIEWS, render_html, stylesheet
from ..validate.run import expand_paths
from ..xmlio import parse_file, write_atomic
from .common import fail, output_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("Directory for the HTML pages.")
@click.option("--view", type=click.Choice(sorted(VIEWS)), default="reading", help="Which view to render.")
def render(paths: tuple[Path, ...], output: Path, view: str) -> None:
    """Render TEI files as HTML pages (any TEI P5 file; unknown elements keep their text)."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    for path in expand_paths(paths):
        try:
            tree = parse_file(path)
        except (OSError, etree.XMLSyntaxError) as exc:
            fail(f"{path}: cannot parse: {exc}", 1)
        write_atomic(output / f"{path.stem}.html", render_html(tree, view))
        click.echo(f"{path} -> {output / (path.stem + '.html')}", err=True)
    write_atomic(output / "style.css", stylesheet())
