"""Recording in the TEI that an editor decided: one ``respStmt`` per editor in the ``titleStmt``.

The spans a decision made carry ``resp="#resp-…"`` pointing here and ``cert``;
the statement says what the editor did, and a paragraph of the ``editorialDecl``
what ``resp`` means, so a reader of the TEI can tell the editors' markup from
the converter's.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from ..xmlio import XML_NS, tei

RESP = "markup decided by an editor (editorial decisions file)"
DECLARATION = (
    "Names and dates with resp were decided by the editor it points to, in the edition's decisions file, after"
    " the converters ran; their cert says how sure the editor is. The rest of the markup is the converters'."
)


def record_editors(root: etree._Element, editors: Mapping[str, str]) -> None:
    """Add a ``respStmt`` for each editor (``xml:id`` to name) after the titles of ``root``'s ``titleStmt``, and say
    what ``resp`` means in the ``editorialDecl``."""
    header = root.find(tei("teiHeader"))
    title_stmt = None if header is None else header.find(f"{tei('fileDesc')}/{tei('titleStmt')}")
    if header is None or title_stmt is None or not editors:
        return
    declaration = header.find(f"{tei('encodingDesc')}/{tei('editorialDecl')}")
    if declaration is not None:
        etree.SubElement(declaration, tei("p")).text = DECLARATION
    for key in sorted(editors):
        statement = etree.SubElement(title_stmt, tei("respStmt"))
        statement.set(f"{{{XML_NS}}}id", key)
        etree.SubElement(statement, tei("resp")).text = RESP
        etree.SubElement(statement, tei("name")).text = editors[key]
