"""Pieces the site's pages share: a document's date, a list of linked names, a link to a document.

Each is an lxml element (or a list of elements and strings to append), so text of any kind
(markup characters, quotes, any script) is escaped by the serialiser, never by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from .html import element
from .summary import COLLECTION

Inline = list[etree._Element | str]


def date_element(date: dict[str, str]) -> etree._Element:
    """The display date, its ISO value in ``datetime`` (a day, month or year) or a tooltip (a range)."""
    iso, display = date["iso"], date["display"]
    if iso and "/" not in iso:
        return element("time", {"datetime": iso, "title": iso if iso != display else None}, display)
    return element("span", {"title": iso or None}, display)


def names(parties: Iterable[dict[str, Any]], page_name: str = "people.html") -> Inline:
    """Names separated by semicolons, each linked to its index entry when it has one."""
    inline: Inline = []
    for k, party in enumerate(parties):
        inline += ["; "] if k else []
        key, name = party["key"], party["name"]
        inline.append(element("a", {"href": f"{page_name}#{key}"}, name) if key else name)
    return inline


def document_link(entry: dict[str, Any]) -> etree._Element:
    """A link to a document's page, its title as the text."""
    return element("a", {"href": entry["href"]}, entry["title"])


def dated_item(entry: dict[str, Any], tag: str = "li") -> etree._Element:
    """``date title`` of one document, the title linked (a collection index is named as one, not dated)."""
    if entry.get("kind") == COLLECTION:
        return element(tag, None, element("span", {"class": "kind"}, f"{COLLECTION}:"), " ", document_link(entry))
    return element(tag, None, date_element(entry["date"]), " ", document_link(entry))


class DatedItems:
    """``dated_item`` for documents listed many times (under each person they name): made once, then copied."""

    def __init__(self) -> None:
        self._made: dict[str, etree._Element] = {}

    def __call__(self, entry: dict[str, Any]) -> etree._Element:
        made = self._made.get(entry["href"])
        if made is None:
            made = self._made[entry["href"]] = dated_item(entry)
        return made.__copy__()  # lxml's copy is deep; without copy.deepcopy's bookkeeping
