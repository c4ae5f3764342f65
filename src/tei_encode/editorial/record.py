"""Recording in the TEI that an editor decided: one ``respStmt`` per editor in the ``titleStmt``.

The spans a decision made carry ``resp="#resp-…"`` pointing here and ``cert``;
the statement says what the editor did, so a reader of the TEI can tell the
editors' markup from the converter's.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from ..xmlio import XML_NS, tei

RESP = "markup decided by an editor (editorial decisions file)"


def record_editors(root: etree._Element, editors: Mapping[str, str]) -> None:
    """Add a ``respStmt`` for each editor (``xml:id`` to name) after the titles of ``root``'s ``titleStmt``."""
    title_stmt = root.find(f"{tei('teiHeader')}/{tei('fileDesc')}/{tei('titleStmt')}")
    if title_stmt is None or not editors:
        return
    for key in sorted(editors):
        statement = etree.SubElement(title_stmt, tei("respStmt"))
        statement.set(f"{{{XML_NS}}}id", key)
        etree.SubElement(statement, tei("resp")).text = RESP
        etree.SubElement(statement, tei("name")).text = editors[key]
