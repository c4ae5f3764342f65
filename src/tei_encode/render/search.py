"""Full-text search that works from the file system: the index is a script, not JSON to fetch.

``search-data.js`` assigns the documents (title, date, year, kind, the people and places
they name, their reading text) and the names of the register entries to a global;
``search.js`` (package data) matches the words typed, narrows by the facets (person,
place, year, kind of document) and lists the documents with a snippet around the first
match. Browsers refuse ``fetch`` of ``file://`` URLs, a script element they load.
"""

from __future__ import annotations

from typing import Any

import orjson
from lxml import etree

from .html import element

SEARCH_DATA = "search-data.js"
SEARCH_SCRIPT = "search.js"
FACETS = (("person", "Person"), ("place", "Place"), ("year", "Year"), ("kind", "Kind of document"))


def search_data(
    documents: list[dict[str, Any]], people: dict[str, dict[str, Any]], places: dict[str, dict[str, Any]]
) -> bytes:
    """The script holding the search index of ``documents``."""
    people_of: dict[str, list[str]] = {}
    places_of: dict[str, list[str]] = {}
    for entries, found in ((people, people_of), (places, places_of)):
        for key, entry in entries.items():
            for doc in entry["items"]:
                found.setdefault(doc["stem"], []).append(key)
    docs = [
        {
            "href": doc["href"],
            "title": doc["title"],
            "date": doc["date"]["display"],
            "year": doc["year"],
            "kind": doc["kind"],
            "people": people_of.get(doc["stem"], []),
            "places": places_of.get(doc["stem"], []),
            "text": doc["text"],
        }
        for doc in documents
    ]
    names = {
        kind: {
            key: [e["name"], *sorted({*e["names"], *(text for _, text in e["forms"])} - {e["name"]})]
            for key, e in entries.items()
        }
        for kind, entries in (("person", people), ("place", places))
    }
    data = orjson.dumps({"documents": docs, "names": names}, option=orjson.OPT_SORT_KEYS)
    return b"window.teiEncodeSearch = " + data + b";\n"


def search_content(documents: list[dict[str, Any]]) -> list[etree._Element]:
    """The search form (filled in by ``search.js``) and the region its results go to."""
    form = element("form", {"class": "search", "role": "search", "id": "search-form"})
    form.append(
        element(
            "p",
            {"class": "query"},
            element("label", {"for": "q"}, "Words"),
            element(
                "input",
                {"type": "search", "id": "q", "name": "q", "autocomplete": "off", "aria-describedby": "search-help"},
            ),
        )
    )
    facets = element("div", {"class": "facets"})
    for name, label in FACETS:
        select = element("select", {"id": f"facet-{name}", "name": name}, element("option", {"value": ""}, "any"))
        facets.append(element("p", None, element("label", {"for": f"facet-{name}"}, label), select))
    form.append(facets)
    help_text = (
        f"Searches the text, titles and names of {len(documents)} documents; every word must occur. "
        "Names are found in any of their forms (Будённый finds Budyonny). Results follow as you type."
    )
    return [
        element("p", {"id": "search-help"}, help_text),
        element("noscript", None, element("p", None, "Search needs JavaScript; the Documents page lists everything.")),
        form,
        element("p", {"id": "search-status", "role": "status", "aria-live": "polite"}),
        element("ol", {"id": "search-results", "class": "results"}),
    ]
