"""The ``render`` command: TEI files to HTML pages, with the index pages they link to."""

from __future__ import annotations

from pathlib import Path

import click
from lxml import etree

from ..render import VIEWS, render_html, render_indexes, summarize
from ..validate.run import expand_paths
from ..xmlio import parse_file, write_atomic
from .common import fail, output_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("Directory for the HTML pages.")
@click.option(
    "--view",
    type=click.Choice(VIEWS),
    default="reading",
    show_default=True,
    help="The reading text, the diplomatic text, or both with a switch (and witnesses side by side).",
)
def render(paths: tuple[Path, ...], output: Path, view: str) -> None:
    """Render TEI files as HTML pages (any TEI P5 file; unknown elements keep their text).

    Besides one page per file, OUTPUT receives the index pages (documents, people, places,
    chronology), style.css and sort.js, so that every link between the pages resolves.
    """
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    summaries = []
    for path in expand_paths(paths):
        try:
            tree = parse_file(path)
        except (OSError, etree.XMLSyntaxError) as exc:
            fail(f"{path}: cannot parse: {exc}", 1)
        write_atomic(output / f"{path.stem}.html", render_html(tree, view, path.stem))
        summaries.append(summarize(tree, path.stem))
        click.echo(f"{path} -> {output / (path.stem + '.html')}", err=True)
    for name, data in render_indexes(summaries).items():
        write_atomic(output / name, data)
