"""The HTML5 every page shares: the page frame with its navigation, and serialisation.

Pages are lxml element trees without a namespace, serialised as polyglot markup:
well-formed XML that an HTML5 parser reads into the same tree (empty elements that
are not void get an end tag, and phrasing elements never contain blocks), so the
pages can be checked with an XML parser and open in any browser from the file system.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import deepcopy
from functools import lru_cache

from lxml import etree

SITE_PAGES = (
    ("index.html", "Documents"),
    ("people.html", "People"),
    ("places.html", "Places"),
    ("chronology.html", "Chronology"),
    ("correspondence.html", "Correspondents"),
    ("search.html", "Search"),
    ("about.html", "About"),
)
STYLESHEET = "style.css"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose content may only be phrasing: a block inside one would be closed early by
# an HTML parser, so such blocks become spans (keeping their class, shown as blocks by the CSS).
PHRASING_ONLY = {"p", "span", "a", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "sub", "em", "cite", "time", "del", "ins"}
PHRASING_ONLY |= {"mark", "label", "dt", "q", "small", "strong", "b", "i", "abbr"}
BLOCKS = {"p", "div", "section", "address", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3"}
BLOCKS |= {"h4", "h5", "h6", "dl", "dt", "dd", "blockquote", "figure", "nav", "header", "footer", "aside"}
# Elements with no content at all (found by libxml2: a page may hold a million elements).
_EMPTY = etree.XPath("descendant-or-self::*[not(node())]")


def element(tag: str, attrib: dict[str, str | None] | None = None, *children: etree._Element | str) -> etree._Element:
    """An HTML element with attributes (None leaves one out) and children (strings become text)."""
    el = etree.Element(tag, {k: v for k, v in attrib.items() if v is not None} if attrib else None)
    if children:
        append(el, *children)
    return el


def append(parent: etree._Element, *children: etree._Element | str) -> etree._Element:
    """Append elements and strings (as text or tail) to ``parent``; returns it."""
    for child in children:
        if isinstance(child, str):
            last = next(reversed(parent), None)  # len() would count every child: slow under a long list
            if last is None:
                parent.text = (parent.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            parent.append(child)
    return parent


def page(
    title: str,
    body_class: str,
    current: str,
    content: Iterable[etree._Element],
    site: str,
    scripts: Iterable[str] = (),
) -> etree._Element:
    """The frame of a page: head, skip link, site navigation (``site`` is the edition's title),
    ``<main>`` holding ``content``, and the ``scripts`` it loads at its end."""
    root = deepcopy(_frame(body_class, current, site, tuple(scripts)))  # a copy made in C: a seventh of the time
    root.find("head/title").text = f"{title} · {site}"
    # The content goes in last, into the page's own tree: moving a subtree into another tree walks all of it.
    append(root.find("body/main"), *content)
    return root


@lru_cache(maxsize=64)
def _frame(body_class: str, current: str, site: str, scripts: tuple[str, ...]) -> etree._Element:
    """A page with an empty title and an empty ``<main>`` (shared: copy it before use)."""
    head = element(
        "head",
        None,
        element("meta", {"charset": "utf-8"}),
        element("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        element("meta", {"name": "color-scheme", "content": "light dark"}),
        element("title"),
        element("link", {"rel": "stylesheet", "href": STYLESHEET}),
    )
    links = element("ul")
    for href, label in SITE_PAGES:
        link = element("a", {"href": href}, label)
        if href == current:
            link.set("aria-current", "page")
        links.append(element("li", None, link))
    header = element(
        "header",
        {"class": "site"},
        element("p", {"class": "site-name"}, element("a", {"href": "index.html"}, site)),
        element("nav", {"aria-label": "Edition"}, links),
    )
    skip = element("a", {"class": "skip", "href": "#main"}, "Skip to the content")
    body = element("body", {"class": body_class}, skip, header)
    etree.SubElement(body, "main", {"id": "main"})
    for src in scripts:
        etree.SubElement(body, "script", {"src": src})
    return element("html", {"lang": "en"}, head, body)


def sanitize(root: etree._Element) -> None:
    """Make the tree read the same under HTML5 parsing rules.

    A block inside a phrasing-only element becomes a span with the class ``block``;
    a link inside a link becomes a span (keeping its id, so links to it still resolve).
    """
    # One walk in C (lxml's iterwalk), counting the phrasing-only elements and the links that hold each element.
    phrasing = links = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if el.tag == "a" and links:
                el.tag = "span"
                el.attrib.pop("href", None)
            elif phrasing and el.tag in BLOCKS:
                el.set("class", f"{el.get('class', el.tag)} block".strip())
                el.tag = "span"
            step = 1
        else:
            step = -1
        if el.tag in PHRASING_ONLY:
            phrasing += step
        if el.tag == "a":
            links += step


def serialize_page(root: etree._Element) -> bytes:
    """UTF-8 polyglot HTML5 with a doctype and a final newline."""
    _close_empty(root)
    data: bytes = etree.tostring(root, encoding="utf-8", method="xml", doctype="<!DOCTYPE html>")
    return data + b"\n"


def serialize_content(parent: etree._Element) -> bytes:
    """The children of ``parent`` (an element without attributes or tail) as ``serialize_page`` writes them in
    a page: a long list can be made and written a part at a time, then joined into its page."""
    _close_empty(parent)
    data: bytes = etree.tostring(parent, encoding="utf-8", method="xml")
    start, end = f"<{parent.tag}>".encode(), f"</{parent.tag}>".encode()
    if parent.attrib or parent.tail or not (data.startswith(start) and data.endswith(end)):
        raise ValueError(f"<{parent.tag}> has attributes or a tail: its content cannot be cut from it")
    return data[len(start) : -len(end)]


def _close_empty(root: etree._Element) -> None:
    """Give every empty element that is not void an end tag (an empty text)."""
    for el in _EMPTY(root):
        if el.tag not in VOID:
            el.text = ""
