"""The index of a page of a published collection: one TEI file listing its letters in order.

The page header (collection title, years, compilers) is transcribed once here,
with its markup, as the printed source; each letter's ``correspDesc`` is
restated in ``profileDesc`` with ``@ref`` pointing to the letter's file, so the
index gives date, sender, addressees and place of every letter; the body lists
the letters in the page's order with links to their files.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy

from lxml import etree

from .. import __version__
from ..diagnostics import Reporter
from ..model import Block, Document
from ..register import Register
from ..xmlio import NSMAP, XML_NS, tei
from .indent import indent
from .inline import render
from .standoff import standoff
from .tei import LANGUAGE_NAMES, encoding_desc, name_schemas

TEI_NS = {"tei": NSMAP[None]}
INDEX_DECISION = (
    "An index of the letters on one page of a printed collection: the page header is transcribed as the printed "
    "source; each letter's correspDesc is restated with @ref pointing to the letter's file and @n giving its number."
)


def collection_index(
    index: Document, letters: Sequence[tuple[Document, etree._Element]], register: Register, reporter: Reporter
) -> etree._Element:
    """The index TEI of ``index`` (a document holding the page header) and its letters with their TEI trees."""
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.set(f"{{{XML_NS}}}id", index.id)
    root.set(f"{{{XML_NS}}}lang", index.lang)
    name_schemas(root)
    header = etree.SubElement(root, tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    _text(title_stmt, "title", " ".join(index.title.text.split()))
    publication = etree.SubElement(file_desc, tei("publicationStmt"))
    _text(publication, "p", f"Index of {index.source}, made by tei-encode {__version__}; not published.")
    source_desc = etree.SubElement(file_desc, tei("sourceDesc"))
    collection = index.fields.get("collection")
    if collection is not None:
        _inline(etree.SubElement(source_desc, tei("bibl"), type="printed-collection"), collection, reporter)
    else:
        _text(source_desc, "p", f"Transcribed from {index.source}.")
    encoding_desc([INDEX_DECISION], header)
    profile = etree.SubElement(header, tei("profileDesc"))
    body = etree.SubElement(etree.SubElement(root, tei("text")), tei("body"))
    listing = etree.SubElement(body, tei("list"), type="letters")
    for document, tree in letters:
        target = f"{document.id}.xml"
        number = document.meta.number
        for corresp in tree.iterfind(".//tei:profileDesc/tei:correspDesc", TEI_NS):
            copy = deepcopy(corresp)
            copy.set("ref", target)
            if number:
                copy.set("n", number)
            profile.append(copy)
        item = etree.SubElement(listing, tei("item"))
        if number:
            item.set("n", number)
        link = _text(item, "ref", f"No. {number}" if number else document.id)
        link.set("target", target)
        link.tail = " " + " ".join(document.title.text.split())
        date = document.fields.get("date")
        if date is not None:
            link.tail += ", " + " ".join(date.text.split())
    etree.SubElement(
        etree.SubElement(profile, tei("langUsage")), tei("language"), ident=index.lang
    ).text = LANGUAGE_NAMES.get(index.lang, index.lang)
    stand_off = standoff(root, register, reporter)
    if stand_off is not None:
        root.insert(1, stand_off)
    return indent(root)


def _inline(parent: etree._Element, block: Block, reporter: Reporter) -> etree._Element:
    render(parent, block.text, block.spans, reporter, lambda _span: {})
    return parent


def _text(parent: etree._Element, tag: str, text: str) -> etree._Element:
    el = etree.SubElement(parent, tei(tag))
    el.text = text
    return el
