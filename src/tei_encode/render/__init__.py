"""HTML views of TEI documents: XSLT 1.0 stylesheets run by lxml, and the index pages of a site.

The stylesheets (package data under ``xslt/``) render the text: ``diplomatic.xsl``
and ``reading.xsl`` both import ``text.xsl``, and ``witnesses.xsl`` gives each
transcription of a document in its reading text. Python assembles the page around
them (header, metadata, the switch between views) and aligns the witnesses.

A site is published in three calls, so that a build can render documents
independently (in parallel, or only the changed ones) and the index pages from the
summaries it kept:

- ``render_document(tree, stem)`` gives the page of one document (both views and,
  when the document has several transcriptions, the witnesses side by side);
- ``summarize(tree, stem)`` gives the JSON-serialisable facts the index pages need;
- ``render_indexes(summaries)`` gives the index pages and the shared static files
  (``render_index_entries`` the same from each summary's ``index_entry``, which is all a
  build keeps of a document for them).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from lxml import etree

from ..errors import UnknownName
from ..xmlio import TEI_NS, safe_parser
from .html import element, page, sanitize, serialize_page
from .indexes import SCRIPT, IndexEntry, index_entry, index_pages
from .summary import Summary, summarize
from .witnesses import witness_section

VIEWS = ("both", "diplomatic", "reading")
STYLESHEETS = ("diplomatic", "reading", "witnesses")
# The transcriptions witnesses.xsl puts side by side.
_WITNESS_DIVISIONS = etree.XPath(
    "count(//tei:text//tei:div[@type='transcription' or @type='witness' or @type='version'])",
    namespaces={"tei": TEI_NS},
)
SWITCH_LABELS = {"reading": "Reading", "diplomatic": "Diplomatic", "witnesses": "Witnesses side by side"}

__all__ = [
    "VIEWS",
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
    tree: etree._ElementTree | etree._Element, view: str = "both", stem: str = "", summary: Summary | None = None
) -> bytes:
    """The HTML page of one TEI document: ``reading``, ``diplomatic`` or ``both`` with a switch.

    ``summary`` is the document's ``summarize`` result when the caller has it already.
    """
    if view not in VIEWS:
        raise UnknownName("view", view, VIEWS)
    summary = summary or summarize(tree, stem or "document")
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
    content = [element("h1", None, summary["title"]), _metadata(summary), *extras]
    if len(sections) > 1:
        content += _switch(list(sections))
    content += sections.values()
    root = page(summary["title"], f"document {view}", "", content)
    sanitize(root)
    return serialize_page(root)


def _metadata(summary: Summary) -> etree._Element:
    rows: list[tuple[str, list[etree._Element | str]]] = [("Date", [summary["date"]["display"]])]
    if summary["date"]["iso"] and summary["date"]["iso"] != summary["date"]["display"]:
        rows[0][1].extend([" ", element("span", {"class": "iso"}, summary["date"]["iso"])])
    for label, field, target in (
        ("From", "senders", "people.html"),
        ("To", "addressees", "people.html"),
        ("Place", "place", "places.html"),
    ):
        names: list[etree._Element | str] = []
        for k, party in enumerate(summary[field]):
            names += ["; "] if k else []
            names.append(
                element("a", {"href": f"{target}#{party['key']}"}, party["name"]) if party["key"] else party["name"]
            )
        if names:
            rows.append((label, names))
    if summary["reference"]:
        rows.append(("Archival reference", [summary["reference"]]))
    metadata = element("dl", {"class": "meta"})
    for label, value in rows:
        metadata.append(element("dt", None, label))
        metadata.append(element("dd", None, *value))
    return metadata


def _switch(views: list[str]) -> list[etree._Element]:
    """Radio buttons before the view sections; the CSS shows the section of the checked one."""
    controls: list[etree._Element] = [element("p", {"class": "switch-title", "id": "switch-title"}, "Show:")]
    for k, name in enumerate(views):
        radio = element(
            "input",
            {"type": "radio", "name": "view", "id": f"show-{name}", "class": "switch", "value": name},
        )
        radio.set("aria-describedby", "switch-title")
        if k == 0:
            radio.set("checked", "checked")
        controls += [radio, element("label", {"for": f"show-{name}", "class": "switch"}, SWITCH_LABELS[name])]
    return controls


def stylesheet() -> bytes:
    """The CSS shared by every page."""
    return (resources.files("tei_encode") / "render" / "static" / "style.css").read_bytes()


def script() -> bytes:
    """The few lines of script that sort the corpus table."""
    return (resources.files("tei_encode") / "render" / "static" / SCRIPT).read_bytes()


def render_document(
    tree: etree._ElementTree | etree._Element, stem: str, summary: Summary | None = None
) -> dict[str, bytes]:
    """The HTML pages of one TEI document, by file name relative to the site root."""
    return {f"{stem}.html": render_html(tree, "both", stem, summary)}


def render_indexes(summaries: Iterable[Summary]) -> dict[str, bytes]:
    """The index pages and static files of the site, by file name relative to the site root."""
    return render_index_entries(index_entry(summary) for summary in summaries)


def render_index_entries(entries: Iterable[IndexEntry]) -> dict[str, bytes]:
    """``render_indexes`` from the documents' ``index_entry`` results, as a build keeps them."""
    return {**index_pages(entries), "style.css": stylesheet(), SCRIPT: script()}
