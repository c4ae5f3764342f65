"""The page of one document: its header facts, the views, its provenance and how to cite it.

Around the views the XSLT renders, the page gives the date (ISO value on demand, as a
tooltip), the kind of document, correspondents and archival reference; a navigation that
``page.js`` fills from ``site.js`` (previous and next in date order, the collection);
the switch between views, which ``page.js`` ties to ``#reading``, ``#diplomatic`` and
``#witnesses`` so that links and reloads open the view they name; and the section on the
source: link, citation, contributor and credits, printed collection, licence, the TEI file
(published beside the page) and a citation with the date of access.
"""

from __future__ import annotations

from lxml import etree

from .edition import Edition
from .html import element
from .parts import date_element, names
from .summary import COLLECTION, Summary

SWITCH_LABELS = {"reading": "Reading", "diplomatic": "Diplomatic", "witnesses": "Witnesses side by side"}
VIEW_NAMES = {"reading": "Reading view", "diplomatic": "Diplomatic view", "witnesses": "Witnesses side by side"}


def header(summary: Summary) -> list[etree._Element]:
    """The title, the facts of the document, and the navigation ``page.js`` completes."""
    rows: list[tuple[str, list[etree._Element | str]]] = []
    if summary["date"]["iso"] or summary["kind"] != COLLECTION:  # an index of letters has theirs, not its own
        rows.append(("Date", [date_element(summary["date"])]))
    rows.append(("Kind", [summary["kind"]]))
    for label, field, target in (
        ("From", "senders", "people.html"),
        ("To", "addressees", "people.html"),
        ("Place", "place", "places.html"),
    ):
        if summary[field]:
            rows.append((label, names(summary[field], target)))
    if summary["reference"]:
        rows.append(("Archival reference", [summary["reference"]]))
    metadata = element("dl", {"class": "meta"})
    for label, value in rows:
        metadata.append(element("dt", None, label))
        metadata.append(element("dd", None, *value))
    sequence = element(
        "nav",
        {"class": "sequence", "aria-label": "Neighbouring documents"},
        element(
            "ul",
            None,
            element("li", {"class": "all"}, element("a", {"href": "index.html"}, "All documents")),
        ),
    )
    return [element("h1", None, summary["title"]), metadata, sequence]


def switch(views: list[str]) -> list[etree._Element]:
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


def source_section(summary: Summary, edition: Edition) -> etree._Element:
    """Where the document comes from, its licence, its TEI file and how to cite it."""
    facts = summary["provenance"]
    rows: list[tuple[str, list[etree._Element | str]]] = []
    if facts["url"]:
        rows.append(("Source", [element("a", {"href": facts["url"], "rel": "external", "class": "uri"}, facts["url"])]))
    if facts["citation"]:
        rows.append(("Cited by the source as", [facts["citation"]]))
    credits = " ".join(t for t in (facts["contributor"], facts["credits"]) if t)
    if credits:
        rows.append(("Credits", [credits]))
    for printed in facts["printed"]:
        lines = printed.split("\n")
        rows.append(("Printed in", [element("span", {"class": "line"}, line) for line in lines]))
    described = edition.printed_in("\n".join([*facts["printed"], facts["citation"]]))
    if described is not None:
        rows.append(("Printed edition", [described.citation]))
    licence = facts["licence"]
    if licence["url"]:
        rows.append(("Licence", [element("a", {"href": licence["url"], "rel": "license"}, licence["text"])]))
    else:
        rows.append(("Licence", [licence["text"] or "Not stated in the TEI; the rights holder of the source decides."]))
    tei_file = f"{summary['stem']}.xml"
    rows.append(
        ("TEI", [element("a", {"href": tei_file, "download": tei_file, "type": "application/tei+xml"}, tei_file)])
    )
    details = element("dl", {"class": "meta"})
    for label, value in rows:
        details.extend([element("dt", None, label), element("dd", None, *value)])
    citation = element(
        "p",
        {"class": "how-to-cite"},
        f"{summary['title']}{', ' + summary['date']['display'] if summary['date']['iso'] else ''}. In: ",
        element("cite", None, edition.title),
        f"{', ed. ' + edition.credit if edition.credit else ''}. ",
        element("span", {"class": "cite-url"}, summary["href"]),
        " (accessed ",
        element("span", {"class": "cite-accessed"}, "date of access"),
        ").",
    )
    return element(
        "section",
        {"class": "source", "id": "source", "aria-labelledby": "source-title"},
        element("h2", {"id": "source-title"}, "About this document"),
        details,
        element("h3", {"id": "cite-title"}, "How to cite"),
        citation,
    )


def tighten_note_markers(root: etree._Element) -> None:
    """No space before a note marker: the space a plain-text source puts before the number is dropped."""
    for marker in root.iter("a"):
        if "noteref" not in marker.get("class", "").split():
            continue
        before = marker.getprevious()
        if before is not None:
            before.tail = (before.tail or "").rstrip() or None
        else:
            parent = marker.getparent()
            if parent is not None and parent.text:
                parent.text = parent.text.rstrip()
