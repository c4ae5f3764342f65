"""The index pages of a site, made from document summaries alone.

``index.html`` is the corpus as a table (sorted by date; a few lines of script in
``sort.js`` sort it by any column), ``people.html`` and ``places.html`` hold one entry
per register key (canonical name, authority links, the forms the documents write,
every document that names it), ``chronology.html`` lists the documents by year.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from .html import element, page, sanitize, serialize_page
from .summary import UNDATED, Summary

SCRIPT = "sort.js"
COLUMNS = ("Date", "Title", "From", "To", "Place", "Archival reference")


def index_pages(summaries: list[Summary]) -> dict[str, bytes]:
    """The four index pages, by file name."""
    documents = sorted(summaries, key=_document_order)
    pages = {
        "index.html": _page("Documents", "index.html", _corpus(documents)),
        "people.html": _page("People", "people.html", _register(documents, "people")),
        "places.html": _page("Places", "places.html", _register(documents, "places")),
        "chronology.html": _page("Chronology", "chronology.html", _chronology(documents)),
    }
    return pages


def _page(title: str, current: str, content: list[etree._Element]) -> bytes:
    root = page(title, "index", current, [element("h1", None, title), *content])
    if current == "index.html":
        body = root.find("body")
        assert body is not None
        body.append(element("script", {"src": SCRIPT}))
    sanitize(root)
    return serialize_page(root)


def _document_order(summary: Summary) -> tuple[str, str, str]:
    return (summary["date"]["sort"], summary["title"], summary["stem"])


def _names(parties: Iterable[Summary], page_name: str = "people.html") -> list[etree._Element | str]:
    result: list[etree._Element | str] = []
    for k, party in enumerate(parties):
        if k:
            result.append("; ")
        if party["key"]:
            result.append(element("a", {"href": f"{page_name}#{party['key']}"}, party["name"]))
        else:
            result.append(party["name"])
    return result


def _date(summary: Summary) -> etree._Element:
    iso = summary["date"]["iso"]
    if iso and "/" not in iso:
        return element("time", {"datetime": iso}, summary["date"]["display"])
    return element("span", {"title": iso or None}, summary["date"]["display"])


def _corpus(documents: list[Summary]) -> list[etree._Element]:
    head = element("tr")
    for k, label in enumerate(COLUMNS):
        cell = element("th", {"scope": "col"}, element("button", {"type": "button"}, label))
        if k == 0:
            cell.set("aria-sort", "ascending")
        head.append(cell)
    body = element("tbody")
    for doc in documents:
        cells = [
            element("td", {"data-sort": doc["date"]["sort"]}, _date(doc)),
            element("td", None, element("a", {"href": doc["href"]}, doc["title"])),
            element("td", None, *_names(doc["senders"])),
            element("td", None, *_names(doc["addressees"])),
            element("td", None, *_names(doc["place"], "places.html")),
            element("td", None, doc["reference"]),
        ]
        body.append(element("tr", None, *cells))
    table = element(
        "table",
        {"class": "corpus sortable"},
        element("caption", None, f"{len(documents)} documents, by date; the column buttons sort the table."),
        element("thead", None, head),
        body,
    )
    return [table]


def _register(documents: list[Summary], kind: str) -> list[etree._Element]:
    entries: dict[str, dict[str, Any]] = {}
    listed: set[tuple[str, int]] = set()  # (key, document number): a document is listed once per entry
    for number, doc in enumerate(documents):
        for mention in doc[kind]:
            entry = entries.setdefault(mention["key"], {**mention, "variants": [], "authority": [], "documents": []})
            for field in ("name", "note"):
                entry[field] = entry[field] or mention[field]
            entry["variants"] += [v for v in mention["variants"] if v not in entry["variants"]]
            entry["authority"] += [a for a in mention["authority"] if a not in entry["authority"]]
            if (mention["key"], number) not in listed:
                listed.add((mention["key"], number))
                entry["documents"].append(doc)
    noun = "people and organisations" if kind == "people" else "places"
    content = [
        element("p", None, f"{len(entries)} {noun} named in the documents, with every document that names them.")
    ]
    # Register keys are surnames (or the key a project gives), a better order than first names.
    for key, entry in sorted(entries.items(), key=lambda item: (item[0].removeprefix("key-").casefold(), item[0])):
        content.append(_entry(key, entry))
    return content


def _entry(key: str, entry: dict[str, Any]) -> etree._Element:
    details = element("dl")
    if entry["authority"]:
        links: list[etree._Element | str] = []
        for k, uri in enumerate(entry["authority"]):
            links += ([", "] if k else []) + [element("a", {"href": uri, "rel": "external"}, uri)]
        details.append(element("dt", None, "Authority"))
        details.append(element("dd", None, *links))
    if entry["variants"]:
        forms: list[etree._Element | str] = []
        for k, variant in enumerate(sorted(entry["variants"], key=lambda v: (v["lang"], v["text"]))):
            forms += ([", "] if k else []) + [element("span", {"lang": variant["lang"] or None}, variant["text"])]
        details.append(element("dt", None, "Written as"))
        details.append(element("dd", None, *forms))
    documents = element("ul", {"class": "mentions"})
    for doc in entry["documents"]:
        documents.append(element("li", None, _date(doc), " ", element("a", {"href": doc["href"]}, doc["title"])))
    details.append(element("dt", None, f"Documents ({len(entry['documents'])})"))
    details.append(element("dd", None, documents))
    section = element("section", {"class": "entry", "id": key, "aria-labelledby": f"{key}-name"})
    section.append(element("h2", {"id": f"{key}-name"}, entry["name"]))
    if entry["note"]:
        section.append(element("p", {"class": "entry-note"}, entry["note"]))
    section.append(details)
    return section


def _chronology(documents: list[Summary]) -> list[etree._Element]:
    content: list[etree._Element] = []
    years: dict[str, list[Summary]] = {}
    for doc in documents:
        sort = doc["date"]["sort"]
        years.setdefault("Undated" if sort == UNDATED else sort[:4], []).append(doc)
    for year, docs in years.items():
        items = element("ol", {"class": "chronology"})
        for doc in docs:
            parties: list[etree._Element | str] = []
            if doc["senders"] or doc["addressees"]:
                parties = [" (", *_names(doc["senders"]), " to ", *_names(doc["addressees"]), ")"]
            items.append(
                element("li", None, _date(doc), " ", element("a", {"href": doc["href"]}, doc["title"]), *parties)
            )
        section = element("section", {"aria-labelledby": f"y-{year}"}, element("h2", {"id": f"y-{year}"}, year), items)
        content.append(section)
    return content
