"""The ``schema`` command: named schemas and the ODD processors in the user cache (``schema fetch NAME``)."""

from __future__ import annotations

import click

from ..errors import TeiEncodeError
from ..validate.cache import cache_dir
from ..validate.named import NAMED, fetch, fetch_url
from ..validate.odd.tools import TOOLS, fetch_tool
from .common import fail


@click.group()
def schema() -> None:
    """Fetch named schemas (TEI P5 tei_all) and the TEI's ODD processors into the user cache, for offline validation.

    The cache is $TEI_ENCODE_CACHE, else $XDG_CACHE_HOME/tei-encode, else ~/.cache/tei-encode.
    """


@schema.command("fetch")
@click.argument("name", metavar="NAME|URL")
@click.option(
    "--from",
    "source",
    metavar="FILE|DIR|URL",
    help="Take the release file from FILE, from a directory DIR holding it, or from URL (the file, or a "
    "directory of a mirror holding it) instead of the TEI's release archive; for machines offline. "
    "For tei-stylesheets and p5subset also a ZIP archive, or a checkout of the Stylesheets' tag v7.57.0.",
)
@click.option("--force", is_flag=True, help="Fetch again even when the cache holds the pinned file.")
def fetch_command(name: str, source: str | None, force: bool) -> None:
    """Put a named schema (checksum-verified) or the schema at URL into the cache.

    \b
    tei_all: tei_all.rng of TEI P5 4.12.0 from
      https://www.tei-c.org/Vault/P5/4.12.0/xml/tei/custom/schema/relaxng/
      (or --from), and the Schematron extracted from it (tei_all.isosch).
      Documents that name no schema are validated against it.
    tei-stylesheets: the ODD processing of the TEI Stylesheets 7.57.0 (odds/, common/) from
      their GitHub release tei-xsl-7.57.0.zip (or --from), checksum-verified.
    p5subset: the specifications of TEI P5 4.8.0 that ODDs customise (p5subset.xml as the
      Stylesheets 7.57.0 ship it, verified by its git object id).
      With both, --schema my.odd compiles an ODD customisation (once; the result is cached).
    URL: any http(s) schema named by documents' <?xml-model?> instructions.

    A named schema already in the cache (checksum verified) is not fetched again, so CI can
    run this before every validation and cache the directory.
    """
    try:
        if name.startswith(("http://", "https://")):
            if source:
                fail("--from goes with a named schema, not with a URL")
            written = [fetch_url(name)]
        elif name in NAMED:
            written = fetch(name, source, force=force)
        elif name in TOOLS:
            written = [fetch_tool(TOOLS[name], source, force=force)]
        else:
            fail(f"unknown schema {name!r}; known: {', '.join(sorted([*NAMED, *TOOLS]))}, or an http(s) URL")
    except (TeiEncodeError, OSError) as exc:
        fail(str(exc))
    for path in written:
        click.echo(str(path))


@schema.command("path")
def path_command() -> None:
    """Print the cache directory."""
    click.echo(str(cache_dir()))
