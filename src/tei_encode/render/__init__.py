"""HTML views of TEI documents: XSLT 1.0 stylesheets run by lxml, and the pages of a site.

The stylesheets (package data under ``xslt/``) render the text: ``diplomatic.xsl``
and ``reading.xsl`` both import ``text.xsl``, and ``witnesses.xsl`` gives each
transcription of a document as written. Python assembles the page around them
(``document``: header facts, the switch between views, the source and how to cite it),
collates the witnesses (``collation``, ``witnesses``) and makes the index pages
(``indexes`` with ``correspondence``, ``search`` and ``about``), all as lxml trees.

A site is published in three calls, so that a build can render documents
independently (in parallel, or only the changed ones) and the index pages from the
summaries it kept:

- ``render_document(tree, stem)`` gives the page of one document (both views and,
  when the document has several transcriptions, the witnesses side by side) and the
  TEI file published beside it;
- ``summarize(tree, stem)`` gives the JSON-serialisable facts the index pages need;
- ``render_indexes(summaries)`` gives the index pages, the site's data scripts and the
  shared static files (``render_index_entries`` the same, one file at a time, from each
  summary's ``index_entry``, which is all a build keeps of a document for them). Both take the
  ``Edition`` whose title the pages carry.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from functools import cache
from importlib import resources

from lxml import etree

from ..errors import UnknownName
from ..xmlio import TEI_NS, safe_parser, serialize
from .document import header, source_section, switch, tighten_note_markers
from .edition import Edition
from .html import element, page, sanitize, serialize_page
from .indexes import INDEX_PAGES, PAGE_SCRIPT, SCRIPT, SITE_DATA, IndexEntry, index_entry, index_pages
from .search import SEARCH_SCRIPT
from .summary import Summary, summarize
from .witnesses import witness_section

VIEWS = ("both", "diplomatic", "reading")
STATIC_SCRIPTS = (SCRIPT, PAGE_SCRIPT, SEARCH_SCRIPT)
# The files of a site besides the documents' own: the index pages and data scripts, the stylesheet and scripts.
INDEX_FILES = (*INDEX_PAGES, "style.css", *STATIC_SCRIPTS)
STYLESHEETS = ("diplomatic", "reading", "witnesses")
# The transcriptions witnesses.xsl puts side by side.
_WITNESS_DIVISIONS = etree.XPath(
    "count(//tei:text//tei:div[@type='transcription' or @type='witness' or @type='version'])",
    namespaces={"tei": TEI_NS},
)

__all__ = [
    "INDEX_FILES",
    "VIEWS",
    "Edition",
    "IndexEntry",
    "Summary",
    "index_entry",
    "render_document",
    "render_html",
    "render_index_entries",
    "render_indexes",
    "script",
    "stylesheet",
    "summarize",
]


class _PackageResolver(etree.Resolver):  # type: ignore[misc]
    """Resolves ``xsl:import`` of the stylesheets to the package's own files, nothing else."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        name = system_url.rsplit("/", 1)[-1]
        if name.endswith(".xsl") and (_xslt_dir() / name).is_file():
            return self.resolve_string((_xslt_dir() / name).read_bytes(), context)
        return None


def _xslt_dir() -> resources.abc.Traversable:
    return resources.files("tei_encode") / "render" / "xslt"


@cache
def _transform(name: str) -> etree.XSLT:
    parser = safe_parser()
    parser.resolvers.add(_PackageResolver())
    source = (_xslt_dir() / f"{name}.xsl").read_bytes()
    document = etree.fromstring(source, parser, base_url=f"package:/tei_encode/render/xslt/{name}.xsl")
    return etree.XSLT(document, access_control=etree.XSLTAccessControl.DENY_ALL)


def _rendered(tree: etree._ElementTree | etree._Element, name: str) -> etree._Element:
    root = _transform(name)(tree).getroot()
    return element("div") if root is None else root


def render_html(
    tree: etree._ElementTree | etree._Element,
    view: str = "both",
    stem: str = "",
    summary: Summary | None = None,
    edition: Edition | None = None,
) -> bytes:
    """The HTML page of one TEI document: ``reading``, ``diplomatic`` or ``both`` with a switch.

    ``summary`` is the document's ``summarize`` result when the caller has it already.
    """
    if view not in VIEWS:
        raise UnknownName("view", view, VIEWS)
    summary = summary or summarize(tree, stem or "document")
    edition = edition or Edition()
    shown = ["reading", "diplomatic"] if view == "both" else [view]
    sections: dict[str, etree._Element] = {}
    extras: list[etree._Element] = []
    for name in shown:
        section, *rest = _rendered(tree, name)
        sections[name] = section
        extras += rest
    if view == "both" and _WITNESS_DIVISIONS(tree) >= 2:  # fewer make no side-by-side view
        witnesses = witness_section(_rendered(tree, "witnesses"))
        if witnesses is not None:
            sections["witnesses"] = witnesses
    content = [*header(summary), *extras]
    if len(sections) > 1:
        content += switch(list(sections))
    content += [*sections.values(), source_section(summary, edition)]
    root = page(summary["title"], f"document {view}", "", content, edition.title, (SITE_DATA, PAGE_SCRIPT))
    sanitize(root)
    tighten_note_markers(root)
    return serialize_page(root)


def stylesheet() -> bytes:
    """The CSS shared by every page."""
    return (resources.files("tei_encode") / "render" / "static" / "style.css").read_bytes()


def script(name: str = SCRIPT) -> bytes:
    """One of the site's scripts (by default the few lines that sort the corpus table)."""
    return (resources.files("tei_encode") / "render" / "static" / name).read_bytes()


def render_document(
    tree: etree._ElementTree | etree._Element,
    stem: str,
    summary: Summary | None = None,
    edition: Edition | None = None,
    view: str = "both",
) -> dict[str, bytes]:
    """The files of one TEI document in a site, by name relative to its root: the page and the TEI itself."""
    return {f"{stem}.html": render_html(tree, view, stem, summary, edition), f"{stem}.xml": serialize(tree)}


def render_indexes(summaries: Iterable[Summary], edition: Edition | None = None) -> dict[str, bytes]:
    """The index pages and static files of the site, by file name relative to the site root."""
    return dict(render_index_entries((index_entry(summary) for summary in summaries), edition))


def render_index_entries(
    entries: Iterable[IndexEntry], edition: Edition | None = None, wanted: Container[str] = INDEX_FILES
) -> Iterator[tuple[str, bytes]]:
    """``render_indexes`` from the documents' ``index_entry`` results, as a build keeps them: each file (name
    and bytes) made when asked for; only those ``wanted``."""
    yield from index_pages(entries, edition or Edition(), wanted)
    if "style.css" in wanted:
        yield "style.css", stylesheet()
    for name in STATIC_SCRIPTS:
        if name in wanted:
            yield name, script(name)
