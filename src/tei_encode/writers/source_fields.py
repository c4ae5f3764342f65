"""The fields of a source's page that the TEI header has an element for, written into the citation's ``bibl``.

A Wilson Center page ends with its Document Information: the rights of reuse become ``availability``, the
archive's record number an ``idno`` typed ``record``, the date the record was uploaded a ``date`` (with its ISO
value when it is one), the language of the record ``textLang``. Any other field stays a typed ``note``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ..model import Block
from ..xmlio import tei

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Inline = Callable[[etree._Element, Block], etree._Element]


def write_field(bibl: etree._Element, name: str, block: Block, inline: Inline) -> None:
    """The element of field ``name`` at the end of the citation ``bibl``."""
    label = block.attrs.get("label", "")
    if name == "rights":
        element = etree.SubElement(bibl, tei("availability"))
        inline(etree.SubElement(element, tei("p")), block)
    elif name == "record":
        element = etree.SubElement(bibl, tei("idno"), type="record")
        element.text = block.text
    elif name == "uploaded":  # the date itself, not the dates the text of the field holds
        element = etree.SubElement(bibl, tei("date"))
        element.text = block.text
        if ISO_DAY.fullmatch(block.text.strip()):
            element.set("when", block.text.strip())
    elif name == "record-language":
        element = inline(etree.SubElement(bibl, tei("textLang")), block)
    else:
        element = inline(etree.SubElement(bibl, tei("note"), type=name), block)
    if label:
        element.set("n", label)
