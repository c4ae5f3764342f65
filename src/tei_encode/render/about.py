"""The About page: the edition, its editorial principles and its sources.

The principles are the paragraphs of the documents' ``editorialDecl`` (each once, with how
many documents state it); the sources are the printed collections and online archives the
documents come from, and the pages from which the register's authority ids were verified.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from .edition import Edition
from .html import element


def about_page(
    documents: list[dict[str, Any]],
    people: dict[str, dict[str, Any]],
    places: dict[str, dict[str, Any]],
    edition: Edition,
) -> list[etree._Element]:
    """The content of ``about.html``."""
    content = [
        element("p", {"class": "edition"}, element("cite", None, edition.title), f", {len(documents)} documents.")
    ]
    if edition.credit:
        content.append(element("p", None, f"Edited by {edition.credit}."))
    content += _principles(documents)
    content += _sources(documents, edition)
    content += _register_sources(people, places)
    content += [
        element("h2", {"id": "use"}, "Using the edition"),
        element(
            "p",
            None,
            "Every document page offers its TEI file for download, a suggested citation and the licence its "
            "TEI states; where a TEI file states none, the rights holder named by the source decides on reuse.",
        ),
    ]
    return content


def _principles(documents: list[dict[str, Any]]) -> list[etree._Element]:
    stated = Counter(p for doc in documents for p in dict.fromkeys(doc["editorial"]))
    if not stated:
        return []
    items = element("ul", {"class": "principles"})
    first_seen = list(dict.fromkeys(p for doc in documents for p in doc["editorial"]))
    for paragraph in sorted(first_seen, key=lambda p: (-stated[p], first_seen.index(p))):
        share = "all documents" if stated[paragraph] == len(documents) else f"{stated[paragraph]} of {len(documents)}"
        items.append(element("li", None, paragraph, " ", element("span", {"class": "count"}, f"({share})")))
    lead = element("p", None, "From the editorial declarations (editorialDecl) of the TEI files:")
    return [element("h2", {"id": "principles"}, "Editorial principles"), lead, items]


def _sources(documents: list[dict[str, Any]], edition: Edition) -> list[etree._Element]:
    printed = Counter(text for doc in documents for text in dict.fromkeys(doc["printed"]))
    online = Counter(urlsplit(doc["source"]).netloc for doc in documents if doc["source"])
    if not printed and not online:
        return []
    items = element("ul", {"class": "sources"})
    for source in edition.sources:
        count = sum(1 for doc in documents if source.matches("\n".join(doc["printed"])))
        if count:
            items.append(
                element("li", None, source.citation, " ", element("span", {"class": "count"}, f"({count} documents)"))
            )
    for text, count in sorted(printed.items(), key=lambda item: (-item[1], item[0])):
        lines = text.split("\n")
        item = element("li", None, element("span", {"class": "line"}, lines[0]))
        item.extend(element("span", {"class": "line"}, line) for line in lines[1:])
        item.append(element("span", {"class": "count"}, f"({count} documents)"))
        items.append(item)
    for host, count in sorted(online.items()):
        items.append(element("li", None, f"Online: {host} ({count} documents, each linked from its page)"))
    return [element("h2", {"id": "sources"}, "Sources"), items]


def _register_sources(people: dict[str, dict[str, Any]], places: dict[str, dict[str, Any]]) -> list[etree._Element]:
    verified: dict[str, list[tuple[str, str]]] = {}
    for page_name, entries in (("people.html", people), ("places.html", places)):
        for key, entry in entries.items():
            for source in entry["sources"]:
                verified.setdefault(source, []).append((f"{page_name}#{key}", entry["name"]))
    if not verified:
        return []
    items = element("ul", {"class": "register-sources"})
    for source, named in sorted(verified.items()):
        item = element("li", {"class": "uri"}, element("a", {"href": source, "rel": "external"}, source), ": ")
        for k, (href, name) in enumerate(named):
            if k:
                item[-1].tail = (item[-1].tail or "") + ", "
            item.append(element("a", {"href": href}, name))
        items.append(item)
    lead = element("p", None, "The register's authority ids were verified from these pages:")
    return [element("h2", {"id": "register"}, "Sources of the register"), lead, items]
