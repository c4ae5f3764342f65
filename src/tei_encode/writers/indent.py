"""Indentation of TEI element-only content, so a file reads (and diffs) one element to a line.

Only elements whose content model in TEI P5 is element-only are indented, and only
below elements that were themselves indented: the whitespace inside mixed content
(a paragraph, a note, a ``bibl``, an ``opener``) is never touched, so the text of
every transcription stays byte for byte what the writer made. An element-only
element that holds text anyway (none should) is left as it is.
"""

from __future__ import annotations

from lxml import etree

from ..xmlio import TEI_NS

# TEI P5 elements with element-only content that the writers produce.
ELEMENT_ONLY = frozenset(
    f"{{{TEI_NS}}}{name}"
    for name in [
        "TEI",
        "teiCorpus",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "respStmt",
        "publicationStmt",
        "sourceDesc",
        "msDesc",
        "msIdentifier",
        "physDesc",
        "history",
        "encodingDesc",
        "editorialDecl",
        "appInfo",
        "application",
        "profileDesc",
        "abstract",
        "correspDesc",
        "correspAction",
        "langUsage",
        "revisionDesc",
        "text",
        "front",
        "docTitle",
        "body",
        "back",
        "div",
        "postscript",
        "standOff",
        "listPerson",
        "person",
        "listPlace",
        "place",
        "listOrg",
        "org",
        "list",
        "listBibl",
        "table",
        "row",
    ]
)
STEP = "  "


def indent(root: etree._Element) -> etree._Element:
    """Indent the element-only content of ``root`` in place, two spaces a level; return ``root``."""
    stack = [(root, 1)]
    while stack:
        element, level = stack.pop()
        if element.tag not in ELEMENT_ONLY or not len(element) or not _only_whitespace(element):
            continue
        inner = "\n" + STEP * level
        element.text = inner
        for child in element:
            child.tail = inner
            stack.append((child, level + 1))
        element[-1].tail = "\n" + STEP * (level - 1)
    return root


def _only_whitespace(element: etree._Element) -> bool:
    """Whether the element's own text and its children's tails are empty or whitespace."""
    text = element.text
    if text and not text.isspace():
        return False
    for child in element:
        tail = child.tail
        if tail and not tail.isspace():
            return False
    return True
