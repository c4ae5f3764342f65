"""The index pages of a site, made from one small entry per document.

``index.html`` is the corpus as a table (sorted by date; a few lines of script in
``sort.js`` sort it by any column), ``people.html`` and ``places.html`` hold one entry
per register key (canonical name, authority links, the forms the documents write,
every document that names it), ``chronology.html`` lists the documents by year.

``index_entry`` turns a document's summary into its ``IndexEntry``: the markup of its
table row and of its line in the lists, already serialised, and the people and places
it names. A build keeps these entries, so the four pages are made again by joining
strings, however many documents there are, without parsing or summarising anything.
The markup is what ``html.serialize_page`` gives for the same elements.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from lxml import etree

from .html import element, page, serialize_page
from .summary import UNDATED, Summary

SCRIPT = "sort.js"
COLUMNS = ("Date", "Title", "From", "To", "Place", "Archival reference")
CONTENT = "tei-encode index content"

# What the pages need of one document (JSON-serialisable): "order" (date, title, stem), "year",
# "row" (its <tr>), "item" (date and linked title), "parties" (" (senders to addressees)" or ""),
# and "people" and "places": the JSON of a list of the JSON of each mention, [key, name, note,
# [authority URIs], [[lang, text] of each form]]. Kept as JSON text, they are decoded only while
# their page is made: a build holding ten thousand entries holds strings, not a million lists.
IndexEntry = dict[str, Any]

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


def index_entry(summary: Summary) -> IndexEntry:
    """The entry of one document: its markup in the index pages and the names it mentions."""
    item = f"{_date(summary)} {_link(summary['href'], summary['title'])}"
    parties = ""
    if summary["senders"] or summary["addressees"]:
        parties = f" ({_names(summary['senders'])} to {_names(summary['addressees'])})"
    cells = [
        _tag("td", {"data-sort": summary["date"]["sort"]}, _date(summary)),
        _tag("td", None, _link(summary["href"], summary["title"])),
        _tag("td", None, _names(summary["senders"])),
        _tag("td", None, _names(summary["addressees"])),
        _tag("td", None, _names(summary["place"], "places.html")),
        _tag("td", None, _text(summary["reference"])),
    ]
    sort = summary["date"]["sort"]
    return {
        "order": [sort, summary["title"], summary["stem"]],
        "year": "Undated" if sort == UNDATED else sort[:4],
        "row": _tag("tr", None, "".join(cells)),
        "item": item,
        "parties": parties,
        "people": _mentions(summary["people"]),
        "places": _mentions(summary["places"]),
    }


def index_pages(entries: Iterable[IndexEntry]) -> dict[str, bytes]:
    """The four index pages, by file name."""
    documents = sorted(entries, key=lambda entry: tuple(entry["order"]))
    return {
        "index.html": _page("Documents", "index.html", _corpus(documents)),
        "people.html": _page("People", "people.html", _register(documents, "people")),
        "places.html": _page("Places", "places.html", _register(documents, "places")),
        "chronology.html": _page("Chronology", "chronology.html", _chronology(documents)),
    }


def _page(title: str, current: str, content: str) -> bytes:
    """The page frame (built and serialised by ``html``) around ``content``."""
    root = page(title, "index", current, [element("h1", None, title), etree.Comment(CONTENT)])
    if current == "index.html":
        body = root.find("body")
        assert body is not None
        body.append(element("script", {"src": SCRIPT}))
    return serialize_page(root).replace(f"<!--{CONTENT}-->".encode(), content.encode("utf-8"), 1)


def _text(text: str) -> str:
    return text.translate(_TEXT)


def _tag(tag: str, attributes: dict[str, str | None] | None, content: str) -> str:
    """An element as ``serialize_page`` writes it: ``content`` is markup; None leaves an attribute out."""
    written = "".join(f' {k}="{v.translate(_ATTRIBUTE)}"' for k, v in (attributes or {}).items() if v is not None)
    return f"<{tag}{written}>{content}</{tag}>"


def _link(href: str, text: str, **attributes: str) -> str:
    return _tag("a", {"href": href, **attributes}, _text(text))


def _names(parties: Iterable[Summary], page_name: str = "people.html") -> str:
    return "; ".join(
        _link(f"{page_name}#{party['key']}", party["name"]) if party["key"] else _text(party["name"])
        for party in parties
    )


def _date(summary: Summary) -> str:
    iso, display = summary["date"]["iso"], _text(summary["date"]["display"])
    if iso and "/" not in iso:
        return _tag("time", {"datetime": iso}, display)
    return _tag("span", {"title": iso or None}, display)


def _mentions(mentions: list[Summary]) -> str:
    """The JSON of a list of the JSON of each mention (decoded only when not seen before, see ``_register``)."""
    rows = [
        orjson.dumps(
            [m["key"], m["name"], m["note"], m["authority"], [[v["lang"], v["text"]] for v in m["variants"]]]
        ).decode("utf-8")
        for m in mentions
    ]
    return orjson.dumps(rows).decode("utf-8")


def _corpus(documents: list[IndexEntry]) -> str:
    head = "".join(
        _tag(
            "th",
            {"scope": "col", "aria-sort": "ascending" if k == 0 else None},
            _tag("button", {"type": "button"}, label),
        )
        for k, label in enumerate(COLUMNS)
    )
    caption = f"{len(documents)} documents, by date; the column buttons sort the table."
    parts = [
        _tag("caption", None, caption),
        _tag("thead", None, _tag("tr", None, head)),
        _tag("tbody", None, "".join(doc["row"] for doc in documents)),
    ]
    return _tag("table", {"class": "corpus sortable"}, "".join(parts))


def _register(documents: list[IndexEntry], kind: str) -> str:
    entries: dict[str, dict[str, Any]] = {}
    # The same mention (key, name, note, authority, forms) recurs in document after document:
    # each distinct one is decoded and merged once, in document order, which gives the same entries.
    merged: dict[str, dict[str, Any]] = {}
    for number, doc in enumerate(documents):
        for mention in orjson.loads(doc[kind]):
            entry = merged.get(mention)
            if entry is None:
                key, name, note, authority, variants = orjson.loads(mention)
                entry = entries.setdefault(
                    key, {"name": name, "note": note, "authority": {}, "forms": {}, "items": [], "last": -1}
                )
                entry["name"] = entry["name"] or name
                entry["note"] = entry["note"] or note
                entry["authority"].update(dict.fromkeys(authority))
                entry["forms"].update(dict.fromkeys(map(tuple, variants)))
                merged[mention] = entry
            if entry["last"] != number:  # a document is listed once per entry
                entry["last"] = number
                entry["items"].append(doc["item"])
    noun = "people and organisations" if kind == "people" else "places"
    content = [_tag("p", None, f"{len(entries)} {noun} named in the documents, with every document that names them.")]
    # Register keys are surnames (or the key a project gives), a better order than first names.
    for key, entry in sorted(entries.items(), key=lambda item: (item[0].removeprefix("key-").casefold(), item[0])):
        content.append(_entry(key, entry))
    return "".join(content)


def _entry(key: str, entry: dict[str, Any]) -> str:
    details = []
    if entry["authority"]:
        links = ", ".join(_link(uri, uri, rel="external") for uri in entry["authority"])
        details += [_tag("dt", None, "Authority"), _tag("dd", None, links)]
    if entry["forms"]:
        forms = ", ".join(_tag("span", {"lang": lang or None}, _text(text)) for lang, text in sorted(entry["forms"]))
        details += [_tag("dt", None, "Written as"), _tag("dd", None, forms)]
    items = "".join(f"<li>{item}</li>" for item in entry["items"])
    details += [
        _tag("dt", None, f"Documents ({len(entry['items'])})"),
        _tag("dd", None, _tag("ul", {"class": "mentions"}, items)),
    ]
    content = _tag("h2", {"id": f"{key}-name"}, _text(entry["name"]))
    if entry["note"]:
        content += _tag("p", {"class": "entry-note"}, _text(entry["note"]))
    content += _tag("dl", None, "".join(details))
    return _tag("section", {"class": "entry", "id": key, "aria-labelledby": f"{key}-name"}, content)


def _chronology(documents: list[IndexEntry]) -> str:
    years: dict[str, list[IndexEntry]] = {}
    for doc in documents:
        years.setdefault(doc["year"], []).append(doc)
    sections = []
    for year, docs in years.items():
        items = "".join(_tag("li", None, doc["item"] + doc["parties"]) for doc in docs)
        content = _tag("h2", {"id": f"y-{year}"}, _text(year)) + _tag("ol", {"class": "chronology"}, items)
        sections.append(_tag("section", {"aria-labelledby": f"y-{year}"}, content))
    return "".join(sections)
