"""The ``render`` command: TEI files to HTML pages, with the index pages they link to."""

from __future__ import annotations

from pathlib import Path

import click
from lxml import etree

from ..render import VIEWS, Edition, render_document, render_indexes, summarize
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
@click.option(
    "--title",
    default=None,
    help="The edition's title, shown in every page's header.  [default: the first file's seriesStmt title, "
    "edition or publisher, else a plain title]",
)
def render(paths: tuple[Path, ...], output: Path, view: str, title: str | None) -> None:
    """Render TEI files as HTML pages (any TEI P5 file; unknown elements keep their text).

    Besides one page and a copy of the TEI per file, OUTPUT receives the index pages
    (documents, people, places, chronology, correspondents, search, about), the stylesheet
    and the scripts, so that every link between the pages resolves.
    """
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    edition = Edition(title) if title else None
    summaries = []
    for path in expand_paths(paths):
        try:
            tree = parse_file(path)
        except (OSError, etree.XMLSyntaxError) as exc:
            fail(f"{path}: cannot parse: {exc}", 1)
        edition = edition or Edition.of_tei(tree.getroot())
        summary = summarize(tree, path.stem)
        for name, data in render_document(tree, path.stem, summary, edition, view).items():
            write_atomic(output / name, data)
        summaries.append(summary)
        click.echo(f"{path} -> {output / (path.stem + '.html')}", err=True)
    for name, data in render_indexes(summaries, edition or Edition()).items():
        write_atomic(output / name, data)
