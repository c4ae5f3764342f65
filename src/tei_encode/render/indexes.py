"""The index pages of a site, made from one small entry per document.

``index.html`` is the corpus as a table (sorted by date; ``sort.js`` sorts it by any column)
with the collection indexes listed apart, ``people.html`` and ``places.html`` hold one entry
per register key (canonical name, authority links, the forms the documents write, every
document that names it with its date), ``chronology.html`` lists the documents by year and
month under a timeline. The correspondents, search and about pages come from their own
modules; ``site.js`` carries the order of the documents and the collections they belong
to, so a document page links its neighbours and its collection without being rendered
again when another document comes.

``index_entry`` turns a document's summary into its ``IndexEntry``, the JSON-serialisable
facts the pages need; a build keeps these entries, so the pages are made again without
parsing or summarising anything. Every page is an lxml tree (no markup is built as text).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from functools import cache
from typing import Any

import orjson
from lxml import etree

from .about import about_page
from .correspondence import correspondence_content, month_name, timeline
from .edition import Edition
from .html import element, page, serialize_page
from .parts import DatedItems, date_element, dated_item, document_link, names
from .search import SEARCH_DATA, SEARCH_SCRIPT, search_content, search_data
from .summary import COLLECTION, UNDATED, Summary

SCRIPT = "sort.js"
SITE_DATA = "site.js"
PAGE_SCRIPT = "page.js"
COLUMNS = ("Date", "Title", "From", "To", "Place", "Archival reference")

# What the pages need of one document (JSON-serialisable): the summary's fields without its
# register details, "order" (date, title, stem), "year", "month", and "people" and "places":
# a list of the JSON of each mention, [key, name, note, [authority URIs], [[lang, text] of each
# form written], [verification pages], [the register's names of the entry]]. Kept as JSON text,
# they are decoded only while their page is made: a build holding ten thousand entries holds
# strings, not a million lists.
IndexEntry = dict[str, Any]


def index_entry(summary: Summary) -> IndexEntry:
    """The entry of one document: what the index pages show of it and the names it mentions."""
    sort = summary["date"]["sort"]
    provenance = summary["provenance"]
    return {
        "order": [sort, summary["title"], summary["stem"]],
        "stem": summary["stem"],
        "href": summary["href"],
        "title": summary["title"],
        "date": summary["date"],
        "year": "Undated" if sort == UNDATED else sort[:4],
        "month": sort[:7] if len(sort) >= 7 else "",
        "kind": summary["kind"],
        "senders": summary["senders"],
        "addressees": summary["addressees"],
        "place": summary["place"],
        "reference": summary["reference"],
        "text": summary["text"],
        "members": provenance["members"],
        "editorial": provenance["editorial"],
        "printed": provenance["printed"],
        "source": provenance["url"],
        "people": _mentions(summary["people"]),
        "places": _mentions(summary["places"]),
    }


# The files index_pages makes, in the order it makes them.
INDEX_PAGES = (
    "index.html",
    "people.html",
    "places.html",
    "chronology.html",
    "correspondence.html",
    "search.html",
    "about.html",
    SEARCH_DATA,
    SITE_DATA,
)


def index_pages(
    entries: Iterable[IndexEntry], edition: Edition, wanted: Container[str] = INDEX_PAGES
) -> Iterator[tuple[str, bytes]]:
    """The index pages and the site's data scripts (file name and bytes), each made when asked for: a page of
    ten thousand documents is a large tree, better gone before the next is made. Only the ``wanted`` ones: two
    processes can make the pages of one site between them."""
    everything = sorted(entries, key=lambda entry: tuple(entry["order"]))
    documents = [e for e in everything if e["kind"] != COLLECTION]
    collections = [e for e in everything if e["kind"] == COLLECTION]
    items = DatedItems()

    @cache
    def register(kind: str) -> dict[str, dict[str, Any]]:
        return _register(everything, kind)

    def made(title: str, name: str, content: list[etree._Element], scripts: tuple[str, ...] = ()) -> bytes:
        root = page(title, "index", name, [element("h1", None, title), *content], edition.title, scripts)
        return serialize_page(root)

    makers: dict[str, Callable[[], bytes]] = {
        "index.html": lambda: made("Documents", "index.html", _corpus(documents, collections), (SCRIPT,)),
        "people.html": lambda: made("People", "people.html", _register_content(register("people"), "people", items)),
        "places.html": lambda: made("Places", "places.html", _register_content(register("places"), "places", items)),
        "chronology.html": lambda: made("Chronology", "chronology.html", _chronology(documents)),
        "correspondence.html": lambda: made(
            "Correspondents", "correspondence.html", correspondence_content(documents, register("people"), items)
        ),
        "search.html": lambda: made("Search", "search.html", search_content(documents), (SEARCH_DATA, SEARCH_SCRIPT)),
        "about.html": lambda: made(
            "About", "about.html", about_page(everything, register("people"), register("places"), edition)
        ),
        SEARCH_DATA: lambda: search_data(documents, register("people"), register("places")),
        SITE_DATA: lambda: _site_data(documents, collections),
    }
    for name in INDEX_PAGES:
        if name in wanted:
            yield name, makers[name]()


def _mentions(mentions: list[Summary]) -> list[str]:
    """The JSON of each mention (decoded only when not seen before, see ``_register``)."""
    return [
        orjson.dumps(
            [
                m["key"],
                m["name"],
                m["note"],
                m["authority"],
                [[v["lang"], v["text"]] for v in m["variants"]],
                m.get("sources", []),
                m.get("names", []),
            ]
        ).decode("utf-8")
        for m in mentions
    ]


def _site_data(documents: list[IndexEntry], collections: list[IndexEntry]) -> bytes:
    """``site.js``: the documents in date order and the collection each belongs to, for the document pages."""
    within: dict[str, list[str]] = {}
    for collection in collections:
        for stem in collection["members"]:
            within.setdefault(stem, [collection["href"], collection["title"]])
    data = {
        "order": [[e["href"], e["title"]] for e in documents],
        "collections": {e["href"]: within[e["stem"]] for e in documents if e["stem"] in within},
    }
    return b"window.teiEncodeSite = " + orjson.dumps(data, option=orjson.OPT_SORT_KEYS) + b";\n"


def _corpus(documents: list[IndexEntry], collections: list[IndexEntry]) -> list[etree._Element]:
    head = element("tr")
    for k, label in enumerate(COLUMNS):
        button = element("button", {"type": "button"}, label)
        head.append(element("th", {"scope": "col", "aria-sort": "ascending" if k == 0 else None}, button))
    body = element("tbody")
    for doc in documents:
        cells = [
            element("td", {"data-sort": doc["date"]["sort"]}, date_element(doc["date"])),
            element("td", None, document_link(doc)),
            element("td", None, *names(doc["senders"])),
            element("td", None, *names(doc["addressees"])),
            element("td", None, *names(doc["place"], "places.html")),
            element("td", {"class": "reference"}, doc["reference"]),
        ]
        body.append(element("tr", None, *cells))
    caption = f"{len(documents)} documents, by date; the column buttons sort the table."
    table = element(
        "table",
        {"class": "corpus sortable"},
        element("caption", None, caption),
        element("thead", None, head),
        body,
    )
    content = [
        element("div", {"class": "table-scroll", "role": "region", "aria-label": "Documents", "tabindex": "0"}, table)
    ]
    if collections:
        items = element("ul", {"class": "collections"})
        for collection in collections:
            count = len(collection["members"])
            items.append(element("li", None, document_link(collection), f" ({count} documents)"))
        content += [element("h2", {"id": "collections"}, "Collections"), items]
    return content


def _register(documents: list[IndexEntry], kind: str) -> dict[str, dict[str, Any]]:
    """The register entries the documents name, each with the documents naming it (in date order)."""
    entries: dict[str, dict[str, Any]] = {}
    # The same mention (key, name, note, authority, forms) recurs in document after document:
    # each distinct one is decoded and merged once, in document order, which gives the same entries.
    merged: dict[str, dict[str, Any]] = {}
    for number, doc in enumerate(documents):
        for mention in doc[kind]:
            entry = merged.get(mention)
            if entry is None:
                key, name, note, authority, variants, sources, names = orjson.loads(mention)
                fresh = {"name": name, "note": note, "authority": {}, "forms": {}, "sources": {}, "names": {}}
                entry = entries.setdefault(key, {**fresh, "items": [], "last": -1})
                entry["names"].update(dict.fromkeys(names))
                entry["name"] = entry["name"] or name
                entry["note"] = entry["note"] or note
                entry["authority"].update(dict.fromkeys(authority))
                entry["forms"].update(dict.fromkeys(map(tuple, variants)))
                entry["sources"].update(dict.fromkeys(sources))
                merged[mention] = entry
            if entry["last"] != number:  # a document is listed once per entry
                entry["last"] = number
                entry["items"].append(doc)
    # Register keys are surnames (or the key a project gives), a better order than first names.
    return dict(sorted(entries.items(), key=lambda item: (item[0].removeprefix("key-").casefold(), item[0])))


def _register_content(entries: dict[str, dict[str, Any]], kind: str, items: DatedItems) -> list[etree._Element]:
    noun = "people and organisations" if kind == "people" else "places"
    lead = element("p", None, f"{len(entries)} {noun} named in the documents, with every document that names them.")
    return [lead, *(_entry(key, entry, items) for key, entry in entries.items())]


def _entry(key: str, entry: dict[str, Any], dated_item: DatedItems) -> etree._Element:
    section = element(
        "section",
        {"class": "entry", "id": key, "aria-labelledby": f"{key}-name"},
        element("h2", {"id": f"{key}-name"}, entry["name"]),
    )
    if entry["note"]:
        section.append(element("p", {"class": "entry-note"}, entry["note"]))
    # Made inside the section: an entry may list thousands of documents, and a list moved into another
    # tree is walked whole each time.
    details = etree.SubElement(section, "dl")
    if entry["authority"]:
        links: list[etree._Element | str] = []
        for k, uri in enumerate(entry["authority"]):
            links += [", "] if k else []
            links.append(element("a", {"href": uri, "rel": "external"}, uri))
        details.extend([element("dt", None, "Authority"), element("dd", {"class": "uri"}, *links)])
    if entry["forms"]:
        forms: list[etree._Element | str] = []
        for k, (lang, text) in enumerate(sorted(entry["forms"])):
            forms += [", "] if k else []
            forms.append(element("span", {"lang": lang or None}, text))
        details.extend([element("dt", None, "Written as"), element("dd", None, *forms)])
    details.append(element("dt", None, f"Documents ({len(entry['items'])})"))
    items = etree.SubElement(etree.SubElement(details, "dd"), "ul", {"class": "mentions"})
    items.extend(dated_item(doc) for doc in entry["items"])
    return section


def _chronology(documents: list[IndexEntry]) -> list[etree._Element]:
    """The timeline, then the documents by year and month (undated ones last)."""
    content = timeline(documents)
    years: dict[str, dict[str, list[IndexEntry]]] = {}
    for doc in documents:
        years.setdefault(doc["year"], {}).setdefault(doc["month"], []).append(doc)
    for year, months in years.items():
        section = element("section", {"aria-labelledby": f"y-{year}"}, element("h2", {"id": f"y-{year}"}, year))
        for month, docs in months.items():
            if month:
                section.append(element("h3", {"id": f"m-{month}"}, month_name(month)))
            items = element("ol", {"class": "chronology"})
            for doc in docs:
                item = dated_item(doc)
                if doc["senders"] or doc["addressees"]:
                    parties = [" (", *names(doc["senders"]), " to ", *names(doc["addressees"]), ")"]
                    item.append(element("span", {"class": "parties"}, *parties))
                items.append(item)
            section.append(items)
        content.append(section)
    return content
