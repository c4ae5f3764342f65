"""Who wrote to whom, and when: the network of correspondents and the timeline of letters.

The network is a static SVG drawn when the site is made: the correspondents most often
named (``MAX_NODES``) on a circle in a fixed order, a line from sender to addressee as
thick as their letters are many. A table of every pair with its letters is the
alternative for screen readers and for what the drawing leaves out. The timeline is a
table of years by months, each cell a bar linking to the month in the chronology.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from lxml import etree

from .html import element
from .parts import DatedItems

MAX_NODES = 30
SIZE = 800
RADIUS = 230
MARGIN = 110  # room beside the circle for the labels
LABEL = 24  # longer names are cut (the full name is the label's tooltip and in the table)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

Party = tuple[str, str]  # (register key or "", name)


def month_name(month: str) -> str:
    """``1920-07`` as ``July 1920``."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def _pairs(
    documents: list[dict[str, Any]], people: dict[str, dict[str, Any]]
) -> dict[tuple[Party, Party], list[dict[str, Any]]]:
    """The letters of each (sender, addressee); a correspondent with a register entry is one, however written."""

    def party(found: dict[str, str]) -> Party:
        key = found["key"]
        return key, (people[key]["name"] if key in people else "") or found["name"]

    pairs: dict[tuple[Party, Party], list[dict[str, Any]]] = {}
    for doc in documents:
        for sender in doc["senders"]:
            for addressee in doc["addressees"]:
                docs = pairs.setdefault((party(sender), party(addressee)), [])
                if doc not in docs:
                    docs.append(doc)
    return pairs


def correspondence_content(
    documents: list[dict[str, Any]], people: dict[str, dict[str, Any]], dated_item: DatedItems
) -> list[etree._Element]:
    """The network drawing and the table of correspondents (named as the register names them)."""
    pairs = _pairs(documents, people)
    if not pairs:
        return [element("p", None, "No document names both its sender and its addressee.")]
    letters = Counter[Party]()
    for (sender, addressee), docs in pairs.items():
        letters[sender] += len(docs)
        letters[addressee] += len(docs)
    nodes = sorted(letters, key=lambda p: (-letters[p], p[1].casefold(), p[0]))[:MAX_NODES]
    lead = element(
        "p",
        None,
        f"{len(letters)} correspondents, {len(pairs)} pairs of sender and addressee, "
        f"{len({d['stem'] for docs in pairs.values() for d in docs})} letters. ",
        element("a", {"href": "#pairs"}, "The table below"),
        " lists every pair with its letters.",
    )
    return [lead, _network(nodes, pairs, letters), *_table(pairs, dated_item)]


def _network(
    nodes: list[Party], pairs: dict[tuple[Party, Party], list[Any]], letters: Counter[Party]
) -> etree._Element:
    centre = SIZE / 2
    at = {}
    for k, node in enumerate(nodes):
        angle = 2 * math.pi * k / len(nodes) - math.pi / 2
        at[node] = (round(centre + RADIUS * math.cos(angle), 1), round(centre + RADIUS * math.sin(angle), 1))
    # the circle's height, with room for the labels above and below it
    top = round(min(y for _, y in at.values()) - 40)
    bottom = round(max(y for _, y in at.values()) + 40)
    svg = element(
        "svg",
        {
            "class": "network",
            "viewBox": f"{-MARGIN} {top} {SIZE + 2 * MARGIN} {bottom - top}",
            "role": "group",
            "aria-labelledby": "network-title",
        },
    )
    svg.append(element("title", {"id": "network-title"}, "Network of correspondents; the table below gives the same"))
    marker = element("marker", {"id": "arrow", "viewBox": "0 0 10 10", "refX": "10", "refY": "5"})
    marker.attrib.update({"markerWidth": "10", "markerHeight": "10", "orient": "auto", "markerUnits": "userSpaceOnUse"})
    marker.append(element("path", {"d": "M 0 0 L 10 5 L 0 10 z", "class": "arrow-head"}))
    svg.append(element("defs", None, marker))
    for (sender, addressee), docs in sorted(pairs.items(), key=lambda item: (item[0][0][1], item[0][1][1])):
        if sender in at and addressee in at and sender != addressee:
            (x1, y1), (x2, y2) = at[sender], at[addressee]
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            # stop at the rim of the addressee's dot so that the arrow head shows
            stop = _radius(letters[addressee]) + 2
            x2, y2 = round(x2 - (x2 - x1) * stop / length, 1), round(y2 - (y2 - y1) * stop / length, 1)
            line = element("line", {"x1": str(x1), "y1": str(y1), "x2": str(x2), "y2": str(y2), "class": "edge"})
            line.set("stroke-width", str(min(1 + len(docs), 8)))
            line.set("marker-end", "url(#arrow)")
            line.append(element("title", None, f"{sender[1]} to {addressee[1]}: {len(docs)}"))
            svg.append(line)
    for node in nodes:
        x, y = at[node]
        dot = element("circle", {"cx": str(x), "cy": str(y), "r": str(_radius(letters[node])), "class": "node"})
        anchor = "start" if x > SIZE / 2 + 1 else "end" if x < SIZE / 2 - 1 else "middle"
        dx = 12 if anchor == "start" else -12 if anchor == "end" else 0
        shown = node[1] if len(node[1]) <= LABEL else node[1][: LABEL - 1].rstrip() + "…"
        label = element("text", {"x": str(x + dx), "y": str(y + (4 if anchor != "middle" else -12))}, shown)
        label.set("text-anchor", anchor)
        dot.append(element("title", None, f"{node[1]}: {letters[node]} letters"))
        group: etree._Element = element("g", {"class": "correspondent"}, dot, label)
        if node[0]:
            group = element("a", {"href": f"people.html#{node[0]}"}, group)
        svg.append(group)
    # On a phone the drawing keeps a legible size and scrolls inside its own region, not the page.
    scroll = element(
        "div", {"class": "network-scroll", "role": "region", "aria-label": "Network", "tabindex": "0"}, svg
    )
    return element("figure", {"class": "network"}, scroll)


def _radius(letters: int) -> int:
    return 4 + min(letters, 10)


def _table(pairs: dict[tuple[Party, Party], list[dict[str, Any]]], dated_item: DatedItems) -> list[etree._Element]:
    head = element("tr", None, *(element("th", {"scope": "col"}, label) for label in ("From", "To", "Letters")))
    body = element("tbody")
    for (sender, addressee), docs in sorted(
        pairs.items(), key=lambda item: (-len(item[1]), item[0][0][1], item[0][1][1])
    ):
        cells = []
        for key, name in (sender, addressee):
            cells.append(element("td", None, element("a", {"href": f"people.html#{key}"}, name) if key else name))
        cells.append(element("td", None, element("ul", {"class": "mentions"}, *(dated_item(d) for d in docs))))
        body.append(element("tr", None, *cells))
    table = element(
        "table",
        {"class": "pairs"},
        element("caption", None, "Senders and addressees, with their letters in date order"),
        element("thead", None, head),
        body,
    )
    return [element("h2", {"id": "pairs"}, "Correspondents and their letters"), table]


def timeline(documents: list[dict[str, Any]]) -> list[etree._Element]:
    """A table of the years with letters by month; each count links to its month in the chronology."""
    counts = Counter(doc["month"] for doc in documents if doc["month"])
    if not counts:
        return []
    most = max(counts.values())
    head = element("tr", None, element("th", {"scope": "col"}, "Year"))
    head.extend(
        element("th", {"scope": "col", "abbr": name}, short) for short, name in zip(MONTHS, MONTH_NAMES, strict=True)
    )
    body = element("tbody")
    for year in sorted({month[:4] for month in counts}):
        row = element("tr", None, element("th", {"scope": "row"}, year))
        for number in range(1, 13):
            month = f"{year}-{number:02d}"
            cell = element("td")
            if counts[month]:
                height = max(12, round(100 * counts[month] / most))
                bar = element("span", {"class": "bar", "style": f"height: {height}%"})
                label = f"{counts[month]} in {month_name(month)}"
                cell.append(
                    element("a", {"href": f"#m-{month}", "aria-label": label, "title": label}, bar, str(counts[month]))
                )
            row.append(cell)
        body.append(row)
    table = element(
        "table",
        {"class": "timeline"},
        element("caption", None, "Documents by month"),
        element("thead", None, head),
        body,
    )
    return [
        element("div", {"class": "table-scroll", "role": "region", "aria-label": "Timeline", "tabindex": "0"}, table)
    ]
