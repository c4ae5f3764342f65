"""The models and gazetteers a document's proposed names come from, as applications of its header.

A name proposed by a model or gazetteer carries ``resp="#natasha"`` (or ``#geonames``); that pointer must
resolve, so the header's ``appInfo`` lists each one used beside tei-encode, with its package and version
(the span's ``by`` attribute: ``natasha 1.6.0``).
"""

from __future__ import annotations

from lxml import etree

from ..model import Document
from ..xmlio import XML_NS, tei


def add_applications(app_info: etree._Element, document: Document) -> None:
    """An ``application`` in ``app_info`` for every model or gazetteer the spans of ``document`` name."""
    used: dict[str, str] = {}
    for _, block in document.blocks():
        for s in block.spans:
            resp = s.attr("resp")
            if resp and s.attr("by"):  # an editor's decision has resp too, pointing to a respStmt instead
                packages = s.attr("by").split("; ")
                for ident, package in zip(resp.split(), packages, strict=False):
                    used.setdefault(ident.lstrip("#"), package)
    for ident, package in sorted(used.items()):
        name, _, version = package.partition(" ")
        application = etree.SubElement(app_info, tei("application"), ident=name, version=version or "0")
        application.set(f"{{{XML_NS}}}id", ident)
        etree.SubElement(application, tei("label")).text = name
