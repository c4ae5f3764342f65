"""HTML views of TEI documents: XSLT 1.0 stylesheets run by lxml, and the corpus index pages.

``VIEWS`` maps view names to stylesheets shipped as package data; the
compiled transforms are cached per process.

A site is published in two steps, so that a build can render documents
independently (in parallel, or only the changed ones) and the index pages
from the summaries it kept:

- ``render_document(tree, stem)`` gives the pages of one document;
- ``summarize(tree, stem)`` gives the JSON-serialisable facts the index pages need;
- ``render_indexes(summaries)`` gives the index pages and the shared static files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

from lxml import etree, html

from ..errors import UnknownName
from ..xmlio import TEI_NS, safe_parser

VIEWS = {"reading": "reading.xsl"}
NS = {"tei": TEI_NS}


@cache
def _transform(view: str) -> etree.XSLT:
    if view not in VIEWS:
        raise UnknownName("view", view, VIEWS)
    source = (resources.files("tei_encode") / "render" / "xslt" / VIEWS[view]).read_bytes()
    return etree.XSLT(etree.fromstring(source, safe_parser()))


def render_html(tree: etree._ElementTree | etree._Element, view: str = "reading") -> bytes:
    """The HTML page of one TEI document in the given view."""
    result = _transform(view)(tree)
    return bytes(result).rstrip(b"\n") + b"\n"


def stylesheet() -> bytes:
    """The CSS shared by every page."""
    return (resources.files("tei_encode") / "render" / "static" / "style.css").read_bytes()


@dataclass(frozen=True)
class IndexRow:
    """One document in the corpus index."""

    href: str
    title: str
    date: str
    senders: str
    addressees: str
    reference: str


def index_row(tree: etree._ElementTree | etree._Element, href: str) -> IndexRow:
    """The index entry of one TEI document."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree

    def text(path: str) -> str:
        return "; ".join(" ".join("".join(e.itertext()).split()) for e in root.xpath(path, namespaces=NS))

    date = root.xpath("string((//tei:origDate/@when | //tei:origDate/@notBefore)[1])", namespaces=NS)
    reference = ", ".join(
        " ".join(e.text.split()) for e in root.xpath("//tei:msDesc/tei:msIdentifier/*", namespaces=NS) if e.text
    )
    return IndexRow(
        href,
        text("//tei:titleStmt/tei:title"),
        str(date),
        text("//tei:correspAction[@type='sent']/tei:persName | //tei:correspAction[@type='sent']/tei:orgName"),
        text("//tei:correspAction[@type='received']/tei:persName | //tei:correspAction[@type='received']/tei:orgName"),
        reference,
    )


def index_page(rows: list[IndexRow], title: str = "Documents") -> bytes:
    """The corpus index: a table of documents sorted by date, then title."""
    page = html.Element("html", lang="en")
    head = html.Element("head")
    page.append(head)
    head.append(html.Element("meta", charset="utf-8"))
    head.append(html.Element("meta", name="viewport", content="width=device-width, initial-scale=1"))
    title_el = html.Element("title")
    title_el.text = title
    head.append(title_el)
    head.append(html.Element("link", rel="stylesheet", href="style.css"))
    body = html.Element("body")
    page.append(body)
    main = html.Element("main")
    body.append(main)
    heading = html.Element("h1")
    heading.text = title
    main.append(heading)
    table = html.Element("table", {"class": "index"})
    main.append(table)
    header_row = html.Element("tr")
    for label in ("Date", "Document", "From", "To", "Archival reference"):
        th = html.Element("th", scope="col")
        th.text = label
        header_row.append(th)
    thead = html.Element("thead")
    thead.append(header_row)
    table.append(thead)
    tbody = html.Element("tbody")
    table.append(tbody)
    for row in sorted(rows, key=lambda r: (r.date, r.title, r.href)):
        tr = html.Element("tr")
        for k, value in enumerate((row.date, row.title, row.senders, row.addressees, row.reference)):
            td = html.Element("td")
            if k == 1:
                link = html.Element("a", href=row.href)
                link.text = value
                td.append(link)
            else:
                td.text = value
            tr.append(td)
        tbody.append(tr)
    return b"<!DOCTYPE html>\n" + html.tostring(page, encoding="utf-8", method="html") + b"\n"


Summary = dict[str, object]


def render_document(tree: etree._ElementTree | etree._Element, stem: str) -> dict[str, bytes]:
    """The HTML pages of one TEI document, by file name relative to the site root."""
    return {f"{stem}.html": render_html(tree)}


def summarize(tree: etree._ElementTree | etree._Element, stem: str) -> Summary:
    """What the index pages need to know of one document (JSON-serialisable)."""
    return asdict(index_row(tree, f"{stem}.html"))


def render_indexes(summaries: list[Summary]) -> dict[str, bytes]:
    """The index pages and static files of the site, by file name relative to the site root."""
    rows = [IndexRow(**{k: str(v) for k, v in summary.items()}) for summary in summaries]
    return {"index.html": index_page(rows), "style.css": stylesheet()}

