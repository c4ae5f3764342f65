"""The small vocabulary of RELAX NG patterns: Clark names, pattern tests, attribute names as documents write them."""

from __future__ import annotations

from lxml import etree

from ..xmlio import XML_NS

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_TYPES = "http://www.w3.org/2001/XMLSchema-datatypes"


def rng(tag: str) -> str:
    """The Clark name of a RELAX NG element."""
    return f"{{{RNG_NS}}}{tag}"


def is_rng(node: etree._Element) -> bool:
    """Whether a node is a RELAX NG pattern (not a comment, annotation or Schematron rule)."""
    return isinstance(node.tag, str) and node.tag.startswith(f"{{{RNG_NS}}}")


def local(name: str) -> str:
    """The local part of a possibly prefixed name."""
    return name.rpartition(":")[2]


def qualified_name(attribute: etree._Element) -> str:
    """An attribute pattern's name as written in documents: ``xml:id`` for the XML namespace."""
    name = str(attribute.get("name", ""))
    if attribute.get("ns") == XML_NS and ":" not in name:
        return f"xml:{name}"
    return name


def attribute_key(clark: str) -> str:
    """A document attribute's Clark name as ``qualified_name`` writes it."""
    if clark.startswith(f"{{{XML_NS}}}"):
        return "xml:" + clark.split("}", 1)[1]
    return clark


def attribute_class(define: str) -> str:
    """The TEI attribute class a define belongs to: ``att.datable.w3c.attribute.when`` -> ``att.datable.w3c``."""
    for marker in (".attribute.", ".attributes"):
        if marker in define:
            return define.split(marker, 1)[0]
    return define


def join(parts: list[str | None], separator: str) -> str:
    """The parts that are not empty, joined."""
    return separator.join(p for p in parts if p)
