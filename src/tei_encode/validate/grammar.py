"""A RELAX NG grammar read as TEI vocabulary: elements, classes, macros and attribute value lists.

TEI's compiled schemas name their defines after what they stand for: one
define per element (``p``), model classes (``model.phrase``), attribute classes
(``att.datable.attributes``) and macros (``macro.paraContent``). ``Grammar``
indexes a RELAX NG file (XML syntax) by those names so validation messages can
say what an element allows in the terms of the Guidelines rather than as the
hundreds of element names a content model expands to.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

from ..xmlio import safe_parser
from .patterns import attribute_class, attribute_key, is_rng, join, local, qualified_name, rng
from .values import AttributeValues

__all__ = ["AttributeRule", "Grammar", "attribute_key", "grammar_for", "is_rng", "rng"]
GROUPS = {"group": ", ", "interleave": " & ", "choice": " | "}
REPEATS = {"zeroOrMore": "*", "oneOrMore": "+", "optional": "?"}
SHORT = 60


@dataclass(frozen=True)
class AttributeRule:
    """One attribute an element may carry: its pattern, the class it comes from, whether it is required."""

    name: str
    pattern: etree._Element
    owner: str
    required: bool


class Grammar(AttributeValues):
    """An index of one RELAX NG grammar's elements, defines and attributes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = etree.parse(str(path), safe_parser()).getroot()
        self.defines: dict[str, list[etree._Element]] = {}
        self.starts: list[etree._Element] = []
        self._load(self.root, path, frozenset(), set())
        patterns = [*self.starts, *(d for defines in self.defines.values() for d in defines)]
        self.elements: dict[str, list[etree._Element]] = {}
        for element in (e for p in patterns for e in p.iter(rng("element"))):
            if element.get("name"):
                self.elements.setdefault(local(element.get("name", "")), []).append(element)
        self.element_names = frozenset(self.elements)
        self._namespaces: dict[str, frozenset[str | None]] = {}
        self._reach: dict[str, frozenset[str]] = {}
        # What findings ask of a pattern again and again (a corpus repeats its errors): by pattern, by define.
        self._allowed: dict[etree._Element, frozenset[str]] = {}
        self._rendered: dict[etree._Element, str] = {}
        self._rendered_defines: dict[str, str | None] = {}
        self._within: dict[str, frozenset[int]] = {}
        self._element_defines: dict[str, str | None] = {}
        self._attributes: dict[etree._Element, dict[str, AttributeRule]] = {}
        self._classes = self._class_index()

    def _load(self, root: etree._Element, path: Path, overridden: frozenset[str], seen: set[Path]) -> None:
        """Index a grammar file and the files it includes; a define inside ``include`` overrides the included one."""
        seen.add(path.resolve())
        for node in _grammar_children(root):
            tag = etree.QName(node).localname
            if tag == "define" and node.get("name", "") not in overridden:
                self.defines.setdefault(node.get("name", ""), []).append(node)
            elif tag == "start" and "start" not in overridden:
                self.starts.append(node)
            elif tag == "include" and node.get("href"):
                inner = {n.get("name", "") if n.tag == rng("define") else "start" for n in _grammar_children(node)}
                self._load(node, path, overridden, seen)
                included = _local_file(path, node.get("href", ""))
                if included is not None and included not in seen and included.is_file():
                    self._load(etree.parse(str(included), safe_parser()).getroot(), included, overridden | inner, seen)

    def _class_index(self) -> dict[str, list[str]]:
        """Element name -> the model classes that list it directly."""
        index: dict[str, list[str]] = {}
        for name, defines in self.defines.items():
            if not name.startswith("model.") or "_" in name:
                continue
            for define in defines:
                for ref in define.iter(rng("ref")):
                    element = self.element_of_define(ref.get("name", ""))
                    if element is not None and name not in index.setdefault(element, []):
                        index[element].append(name)
        return index

    def element_of_define(self, name: str) -> str | None:
        """The element name when the define ``name`` is exactly one element pattern."""
        if name not in self._element_defines:
            self._element_defines[name] = self._single_element(name)
        return self._element_defines[name]

    def _single_element(self, name: str) -> str | None:
        defines = self.defines.get(name, [])
        if len(defines) != 1:
            return None
        children = [c for c in defines[0] if is_rng(c)]
        if len(children) == 1 and children[0].tag == rng("element") and children[0].get("name"):
            return local(children[0].get("name", ""))
        return None

    def namespaces_of(self, element: str) -> frozenset[str | None]:
        """The namespaces the grammar's element patterns of a local name are in (None: no namespace)."""
        if element not in self._namespaces:
            found: set[str | None] = set()
            for pattern in self.elements.get(element, []):
                name = pattern.get("name", "")
                if ":" in name:
                    found.add(pattern.nsmap.get(name.split(":", 1)[0]))
                    continue
                inherited = next(
                    (n.get("ns") for n in (pattern, *pattern.iterancestors()) if n.get("ns") is not None), ""
                )
                found.add(inherited or None)
            self._namespaces[element] = frozenset(found)
        return self._namespaces[element]

    def classes_of(self, element: str) -> list[str]:
        """The model classes that contain ``element`` directly."""
        return self._classes.get(element, [])

    def patterns_for(self, element: etree._Element) -> list[etree._Element]:
        """The element patterns for a document element, the best match first."""
        candidates = self.elements.get(etree.QName(element).localname, [])
        if len(candidates) < 2:
            return list(candidates)
        parent = element.getparent()
        context = self.patterns_for(parent) if parent is not None else self.starts
        if context:
            reachable = self._patterns_within(context[0])
            candidates = [c for c in candidates if id(c) in reachable] or candidates
        children = {etree.QName(c).localname for c in element if isinstance(c.tag, str)}
        attributes = {attribute_key(a) for a in element.attrib}

        def score(pattern: etree._Element) -> int:
            names = self.allowed_elements(pattern)
            rules = self.attributes(pattern)
            return len(children & names) + len(attributes & set(rules)) - len(attributes - set(rules))

        return sorted(candidates, key=score, reverse=True)

    # ------------------------------------------------------------------ content

    def allowed_elements(self, pattern: etree._Element) -> frozenset[str]:
        """Every element name the content of an element pattern admits, through classes and macros."""
        if pattern not in self._allowed:
            self._allowed[pattern] = self._reachable(pattern)
        return self._allowed[pattern]

    def _reachable(self, node: etree._Element) -> frozenset[str]:
        names: set[str] = set()
        for child in node:
            if not is_rng(child) or child.tag == rng("attribute"):
                continue
            if child.tag == rng("element"):
                if child.get("name"):
                    names.add(local(child.get("name", "")))
            elif child.tag == rng("ref"):
                names |= self._define_reach(child.get("name", ""))
            else:
                names |= self._reachable(child)
        return frozenset(names)

    def _patterns_within(self, node: etree._Element) -> frozenset[int]:
        """The ids of the element patterns the content of ``node`` admits (for the patterns the grammar indexes)."""
        found: set[int] = set()
        for child in node:
            if not is_rng(child) or child.tag == rng("attribute"):
                continue
            if child.tag == rng("element"):
                found.add(id(child))
            elif child.tag == rng("ref"):
                found |= self._define_patterns(child.get("name", ""))
            else:
                found |= self._patterns_within(child)
        return frozenset(found)

    def _define_patterns(self, name: str) -> frozenset[int]:
        if name not in self._within:
            self._within[name] = frozenset()  # a define that refers to itself adds nothing new
            found: frozenset[int] = frozenset()
            for define in self.defines.get(name, []):
                found |= self._patterns_within(define)
            self._within[name] = found
        return self._within[name]

    def _define_reach(self, name: str) -> frozenset[str]:
        if name not in self._reach:
            self._reach[name] = frozenset()  # a define that refers to itself adds nothing new
            found: frozenset[str] = frozenset()
            for define in self.defines.get(name, []):
                found |= self._reachable(define)
            self._reach[name] = found
        return self._reach[name]

    def allows_text(self, node: etree._Element, seen: frozenset[str] = frozenset()) -> bool:
        """Whether the content of an element pattern admits text (or data) among its children."""
        for child in node:
            if not is_rng(child) or child.tag in (rng("attribute"), rng("element")):
                continue
            if child.tag in (rng("text"), rng("data"), rng("value"), rng("list"), rng("mixed")):
                return True
            if child.tag == rng("ref"):
                name = child.get("name", "")
                if name not in seen and any(self.allows_text(d, seen | {name}) for d in self.defines.get(name, [])):
                    return True
            elif self.allows_text(child, seen):
                return True
        return False

    def missing_before(self, pattern: etree._Element, children: Sequence[str], index: int) -> str | None:
        """The required element that a sequence content model wants before ``children[index]``, if it can tell.

        Only for content models that are a plain sequence of elements and classes with their
        counts (``<titleStmt>, <editionStmt>?, …``); None for anything it cannot follow.
        """
        items = self._sequence(pattern)
        position, count = 0, 0
        for number, child in enumerate(children[: index + 1]):
            while True:
                if position >= len(items):
                    return None
                names, low, high, plain = items[position]
                if child in names and (high is None or count < high):
                    count += 1
                    break
                if count < low:
                    return sorted(names)[0] if number == index and plain and len(names) == 1 else None
                if not plain:
                    return None
                position, count = position + 1, 0
        return None

    def _sequence(self, pattern: etree._Element) -> list[tuple[frozenset[str], int, int | None, bool]]:
        """The items of a sequence content model: element names, least and most count, plain or not."""
        items: list[tuple[frozenset[str], int, int | None, bool]] = []
        for child in pattern:
            if not is_rng(child) or child.tag == rng("attribute") or self._render(child) in (None, "empty"):
                continue
            if child.tag == rng("group"):
                items.extend(self._sequence(child))
                continue
            tag = etree.QName(child).localname
            counts: dict[str, tuple[int, int | None]] = {
                "optional": (0, 1),
                "zeroOrMore": (0, None),
                "oneOrMore": (1, None),
            }
            low, high = counts.get(tag, (1, 1))
            inner = [c for c in child if is_rng(c)] if tag in REPEATS else [child]
            if len(inner) != 1 or inner[0].tag not in (rng("element"), rng("ref"), rng("choice")):
                items.append((self._reachable_node(child), 0, None, False))
                continue
            items.append((self._reachable_node(inner[0]), low, high, True))
        return items

    def _reachable_node(self, node: etree._Element) -> frozenset[str]:
        """The element names a single pattern node stands for."""
        if node.tag == rng("element"):
            return frozenset({local(node.get("name", ""))}) if node.get("name") else frozenset()
        if node.tag == rng("ref"):
            return self._define_reach(node.get("name", ""))
        return self._reachable(node)

    def render(self, pattern: etree._Element) -> str:
        """The content model of an element pattern in compact syntax, attributes left out."""
        if pattern not in self._rendered:
            parts = [self._render(c) for c in pattern if is_rng(c)]
            if len([p for p in parts if p]) > 1:
                parts = [p for p in parts if p != "empty"]
            self._rendered[pattern] = join(parts, ", ") or "empty"
        return self._rendered[pattern]

    def _render(self, node: etree._Element) -> str | None:
        tag = etree.QName(node).localname
        if tag == "element":
            return f"<{local(node.get('name', ''))}>" if node.get("name") else "any element"
        if tag == "ref":
            return self._render_ref(node.get("name", ""))
        if tag in ("text", "data", "value", "list"):
            return "text"
        if tag in ("empty", "notAllowed"):
            return str(tag)
        if tag in GROUPS:
            parts = [self._render(c) for c in node if is_rng(c)]
            if tag == "group" and len([p for p in parts if p]) > 1:
                parts = [p for p in parts if p != "empty"]
            text = join(parts, GROUPS[tag])
            return text and (f"({text})" if GROUPS[tag].strip() in text and tag != "group" else text)
        if tag in REPEATS:
            inner = join([self._render(c) for c in node if is_rng(c)], ", ")
            if not inner:
                return None
            simple = inner.startswith("(") and inner.endswith(")") or not any(s in inner for s in (",", "|", "&"))
            return (inner if simple else f"({inner})") + REPEATS[tag]
        if tag == "mixed":
            inner = join([self._render(c) for c in node if is_rng(c)], ", ")
            return f"mixed {{{inner}}}" if inner else "text"
        return None

    def _render_ref(self, name: str) -> str | None:
        element = self.element_of_define(name)
        if element:
            return f"<{element}>"
        if name.startswith("att."):
            return None
        if name.startswith(("model.", "macro.")):
            return name
        body = self.render_define(name)
        if body is None or len(body) <= SHORT:
            return body
        return name

    def render_define(self, name: str) -> str | None:
        """A define's content in compact syntax (``None`` when it holds only attributes)."""
        if name not in self._rendered_defines:
            parts = [self._render(c) for d in self.defines.get(name, []) for c in d if is_rng(c)]
            self._rendered_defines[name] = join(parts, ", ") or None
        return self._rendered_defines[name]

    def named_parts(self, text: str) -> list[str]:
        """The class, macro and other define names a rendered content model mentions, in order."""
        found: list[str] = []
        for token in text.replace("(", " ").replace(")", " ").replace(",", " ").replace("|", " ").split():
            name = token.rstrip("*+?")
            if name in self.defines and name not in found and name not in ("text", "empty"):
                found.append(name)
        return found

    # --------------------------------------------------------------- attributes

    def attributes(self, pattern: etree._Element) -> dict[str, AttributeRule]:
        """The attributes an element pattern allows, by qualified name (``xml:id``, ``when``); not to be changed."""
        found = self._attributes.get(pattern)
        if found is None:
            found = self._attributes[pattern] = {}
            for rule in self._attribute_rules(pattern, "", True, frozenset()):
                found.setdefault(rule.name, rule)
        return found

    def _attribute_rules(
        self, node: etree._Element, owner: str, required: bool, seen: frozenset[str]
    ) -> Iterator[AttributeRule]:
        for child in node:
            if not is_rng(child) or child.tag == rng("element"):
                continue
            tag = etree.QName(child).localname
            if tag == "attribute":
                if child.get("name"):
                    yield AttributeRule(qualified_name(child), child, owner, required)
            elif tag == "ref":
                name = child.get("name", "")
                if name in seen or self.element_of_define(name):
                    continue
                for define in self.defines.get(name, []):
                    klass = owner or (attribute_class(name) if name.startswith("att.") else "")
                    yield from self._attribute_rules(define, klass, required, seen | {name})
            else:
                still = required and tag not in ("optional", "zeroOrMore", "choice")
                yield from self._attribute_rules(child, owner, still, seen)


@lru_cache(maxsize=8)
def load_grammar(path: Path, mtime: float = 0.0) -> Grammar:
    """The grammar of a RELAX NG file, parsed once per process (``mtime`` keys edits of the file)."""
    return Grammar(path)


def grammar_for(path: Path) -> Grammar:
    """``load_grammar`` keyed by the file's modification time."""
    return load_grammar(path.resolve(), path.stat().st_mtime)


def _local_file(base: Path, href: str) -> Path | None:
    """The file an ``include`` names, relative to the including file; None for a remote URL."""
    parsed = urlparse(href)
    if parsed.scheme == "file":
        from urllib.request import url2pathname  # 25 ms of imports (http, email), rarely needed

        return Path(url2pathname(parsed.path)).resolve()
    if parsed.scheme and len(parsed.scheme) > 1:
        return None
    return (base.parent / href).resolve()


def _grammar_children(node: etree._Element) -> Iterator[etree._Element]:
    """The defines, starts and includes of a grammar (or an include), looking inside ``div``."""
    for child in node:
        if child.tag == rng("div"):
            yield from _grammar_children(child)
        elif is_rng(child):
            yield child
