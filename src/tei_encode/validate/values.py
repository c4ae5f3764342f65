"""What an attribute pattern accepts: its value lists and data types, described and checked.

``AttributeValues`` is the part of ``grammar.Grammar`` that reads attribute patterns: it says
in words what a value must be and checks one value with libxml2 on a one-attribute grammar.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree

from .patterns import XSD_TYPES, is_rng, join, rng


class AttributeValues:
    """Attribute value rules of a grammar whose defines are indexed by name."""

    root: etree._Element
    defines: dict[str, list[etree._Element]]

    def describe_value(self, attribute: etree._Element) -> str:
        """What an attribute pattern accepts: its closed list of values, or its data types."""
        return join([self._value(c, frozenset()) for c in attribute if is_rng(c)], ", ") or "any text"

    def values(self, attribute: etree._Element) -> list[str]:
        """The literal values an attribute pattern lists (empty when it lists none)."""
        found: list[str] = []
        for node in self._value_nodes(attribute, frozenset()):
            if node.tag == rng("value") and (node.text or "") not in found:
                found.append(node.text or "")
        return found

    def _value_nodes(self, node: etree._Element, seen: frozenset[str]) -> Iterator[etree._Element]:
        for child in node:
            if not is_rng(child):
                continue
            if child.tag == rng("ref") and child.get("name", "") not in seen:
                for define in self.defines.get(child.get("name", ""), []):
                    yield from self._value_nodes(define, seen | {child.get("name", "")})
            else:
                yield child
                yield from self._value_nodes(child, seen)

    def _value(self, node: etree._Element, seen: frozenset[str]) -> str | None:
        tag = etree.QName(node).localname
        if tag == "value":
            return f'"{node.text or ""}"'
        if tag == "data":
            params = [f"{p.get('name')} {p.text}" for p in node if p.tag == rng("param")]
            return f"xsd:{node.get('type')}" + (f" ({', '.join(params)})" if params else "")
        if tag == "text":
            return "any text"
        if tag == "list":
            inner = join([self._value(c, seen) for c in node if is_rng(c)], ", ")
            return f"a space-separated list of {inner}"
        if tag == "ref":
            name = node.get("name", "")
            if name in seen:
                return None
            parts = [self._value(c, seen | {name}) for d in self.defines.get(name, []) for c in d if is_rng(c)]
            return join(parts, ", ")
        parts = [self._value(c, seen) for c in node if is_rng(c)]
        return join(parts, " or " if tag == "choice" else ", ")

    def value_ok(self, attribute: etree._Element, value: str) -> bool:
        """Whether ``value`` matches the attribute pattern (checked by libxml2 on a one-attribute grammar)."""
        schema = self._value_schema(attribute)
        return schema is None or bool(schema.validate(_value_document(value)))

    @lru_cache(maxsize=512)  # noqa: B019 - one grammar object per schema file, kept for the process
    def _value_schema(self, attribute: etree._Element) -> etree.RelaxNG | None:
        grammar = etree.Element(rng("grammar"), datatypeLibrary=XSD_TYPES)
        element = etree.SubElement(etree.SubElement(grammar, rng("start")), rng("element"), name="v")
        wrapper = etree.SubElement(element, rng("attribute"), name="a")
        for child in attribute:
            if is_rng(child):
                wrapper.append(_copy_pattern(self.root, child))
        for name in sorted(self._refs(attribute, frozenset())):
            for define in self.defines.get(name, []):
                grammar.append(_copy_pattern(self.root, define))
        try:
            return etree.RelaxNG(grammar)
        except etree.RelaxNGParseError:
            return None

    def _refs(self, node: etree._Element, seen: frozenset[str]) -> frozenset[str]:
        names = set(seen)
        for ref in node.iter(rng("ref")):
            name = ref.get("name", "")
            if name not in names:
                names.add(name)
                for define in self.defines.get(name, []):
                    names |= self._refs(define, frozenset(names))
        return frozenset(names)


def _copy_pattern(root: etree._Element, node: etree._Element) -> etree._Element:
    """A copy of a pattern that keeps the datatype library it inherited from its ancestors."""
    copied = copy.deepcopy(node)
    for original, twin in zip(node.iter(), copied.iter(), strict=True):
        if original.tag == rng("data"):
            twin.set("datatypeLibrary", _library(root, original))
    return copied


def _library(root: etree._Element, node: etree._Element) -> str:
    for candidate in (node, *node.iterancestors()):
        if candidate.get("datatypeLibrary") is not None:
            return str(candidate.get("datatypeLibrary", ""))
    return XSD_TYPES


def _value_document(value: str) -> etree._ElementTree:
    element = etree.Element("v")
    element.set("a", value)
    return element.getroottree()
