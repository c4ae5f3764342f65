"""Pruning a RELAX NG grammar to the vocabulary of the documents it will validate.

libxml2 spends 17-19 s compiling TEI ``tei_all`` (about 600 element patterns), while a document
uses a few dozen element and attribute names. An element or attribute pattern whose name occurs
in no document cannot take part in matching any of them, so it can be replaced by
``<notAllowed/>`` without changing any verdict. ``notAllowed`` is then propagated (a group or an
element content holding it matches nothing, a choice drops it, an optional becomes empty), the
defines no longer reachable from ``start`` are removed, and what is left is a grammar of a few
hundred patterns that compiles in a fraction of a second. Name classes other than plain names
(``anyName``, ``nsName``, choices of names) are kept as they are.

Grammars this module does not handle (``include``, ``externalRef``, ``parentRef``, nested
grammars, ``combine``) are not pruned: ``prune_grammar`` returns None and the full grammar is used.
"""

from __future__ import annotations

import copy

from lxml import etree

from .vocabulary import EMPTY_VOCABULARY, Vocabulary

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_UNSUPPORTED = {"include", "externalRef", "parentRef", "grammar"}
# Patterns that match nothing when one of their children matches nothing. Not ``element``: an
# element whose content is impossible stays, so that a document missing a required child gets
# the same error as from the full grammar ("titleStmt incomplete"), not a failure at its root.
_GROUPS = {"group", "interleave", "oneOrMore", "list", "mixed", "define", "attribute", "start"}
# Marks a pattern replaced by notAllowed with what it was ("element {ns}name"); removed at the end.
_MARK = "{urn:x-tei-encode:prune}was"
# Rounds of adding blamed names before giving up on pruning (each round adds a level of the tree).
_MAX_WIDENINGS = 12
# Marked copies of defines kept by a ``Prunable`` (tei_all has about 2,000 defines).
_KEEP_MARKED = 20_000


def _rng(local: str) -> str:
    return f"{{{RNG_NS}}}{local}"


_PREFIX = f"{{{RNG_NS}}}"
_ANY_RNG = f"{{{RNG_NS}}}*"


# Tag -> RELAX NG local name ("" for other tags): a dictionary look-up, as this runs for every pattern node.
_LOCALS: dict[object, str] = {}


def _local(element: etree._Element) -> str:
    tag = element.tag
    try:
        return _LOCALS[tag]
    except KeyError:
        local = tag[len(_PREFIX) :] if isinstance(tag, str) and tag.startswith(_PREFIX) else ""
        _LOCALS[tag] = local
        return local


def is_prunable(grammar: etree._ElementTree) -> bool:
    """Whether ``grammar`` is a single self-contained ``grammar`` this module can prune."""
    root = grammar.getroot()
    if root.tag != _rng("grammar"):
        return False
    for element in root.iter(etree.Element):
        if element is root:
            continue
        local = _local(element)
        if local in _UNSUPPORTED or element.get("combine"):
            return False
    return True


def grammar_names(grammar: etree._ElementTree) -> Vocabulary:
    """The element and attribute names a grammar's patterns name.

    Pruning depends only on which of these a vocabulary holds: other names are in no pattern.
    """
    found: dict[str, set[str]] = {"element": set(), "attribute": set()}
    for pattern in grammar.getroot().iter(_rng("element"), _rng("attribute")):
        clark = _clark_name(pattern)
        if clark is not None:
            found[_local(pattern)].add(clark)
    return Vocabulary(frozenset(found["element"]), frozenset(found["attribute"]))


def _clark_name(pattern: etree._Element) -> str | None:
    """The Clark name of an element or attribute pattern with a ``name`` attribute, else None."""
    name = pattern.get("name")
    if name is None:
        return None
    name = name.strip()
    if ":" in name:
        prefix, local = name.split(":", 1)
        namespace = pattern.nsmap.get(prefix, "http://www.w3.org/XML/1998/namespace" if prefix == "xml" else None)
        if namespace is None:
            return None
    elif _local(pattern) == "attribute":
        namespace, local = pattern.get("ns", ""), name
    else:
        found = next((a.get("ns") for a in pattern.iterancestors() if a.get("ns") is not None), None)
        namespace, local = pattern.get("ns", found or ""), name
    return f"{{{namespace}}}{local}" if namespace else local


class _Pruner:
    """Works on a copy of one grammar: marks, propagates and removes ``notAllowed``."""

    def __init__(self, grammar: etree._ElementTree, vocabulary: Vocabulary, *, prepared: bool = False) -> None:
        # A prepared grammar is a fresh copy, stripped, with absent names already marked (``Prunable``).
        self.prepared = prepared
        self.tree = grammar if prepared else copy.deepcopy(grammar)
        self.root = self.tree.getroot()
        self.vocabulary = vocabulary
        self.defines = {d.get("name", "").strip(): d for d in self.root.iter(_rng("define"))}
        self.impossible: set[str] = set()
        self.holding: set[str] = set()
        self.users: dict[str, set[str]] = {}
        self.needed = EMPTY_VOCABULARY

    def run(self) -> etree._ElementTree | None:
        """The pruned grammar, or None when ``needed`` names must be added to the vocabulary first."""
        if not self.prepared:
            self.strip_annotations(self.root)
            self._mark_unknown_names()
        self._find_impossible_defines()
        start = self.root.find(f".//{_rng('start')}")
        if start is None:
            return None
        self.needed = self._needed_names(start)
        if self.needed != EMPTY_VOCABULARY:
            return None
        for define in self.defines.values():
            if define.get("name", "").strip() in self.impossible:
                define.getparent().remove(define)
        self._rewrite(start)
        # Defines with nothing impossible in them are left as they are.
        touched = self.holding.union(*(self.users.get(n, ()) for n in self.impossible))
        for name, define in self.defines.items():
            if name in touched and define.getparent() is not None:
                self._rewrite(define)
        self._remove_unreachable(start)
        self._simplify_empty()
        self._remove_unreachable(start)
        for marked in self.root.iter(_rng("notAllowed")):
            marked.attrib.pop(_MARK, None)
        return self.tree

    @staticmethod
    def strip_annotations(root: etree._Element) -> None:
        """Remove comments, processing instructions and foreign elements (documentation, Schematron)."""
        for element in list(root.iter(etree.Element, etree.Comment, etree.ProcessingInstruction)):
            foreign = not isinstance(element.tag, str) or not element.tag.startswith(f"{{{RNG_NS}}}")
            if foreign and element is not root and element.getparent() is not None:
                element.getparent().remove(element)

    def _mark_unknown_names(self) -> None:
        names = {"element": self.vocabulary.elements, "attribute": self.vocabulary.attributes}
        for pattern in list(self.root.iter(_rng("element"), _rng("attribute"))):
            clark = _clark_name(pattern)
            if clark is not None and clark not in names[_local(pattern)]:
                _replace(pattern, _rng("notAllowed")).set(_MARK, f"{_local(pattern)} {clark}")

    def _needed_names(self, start: etree._Element) -> Vocabulary:
        """The absent names that make ``start`` or a kept element's content match nothing.

        A document set without ``title`` makes ``titleStmt`` impossible; pruned that far, libxml2
        would report the attributes of ``titleStmt`` instead of the missing ``title``. Adding the
        blamed names to the vocabulary and pruning again keeps the full grammar's errors.
        """
        blamed: set[str] = set()
        seen: set[str] = set()
        kept = [e for e in self.root.iter(_rng("element")) if any(self._impossible(c) for c in _patterns(e))]
        todo = [c for e in kept for c in _patterns(e) if self._impossible(c)]
        todo += [start] if self._impossible(start) else []
        while todo:
            pattern = todo.pop()
            local = _local(pattern)
            if local == "notAllowed" and pattern.get(_MARK):
                blamed.add(pattern.get(_MARK, ""))
            elif local == "ref" and pattern.get("name", "").strip() not in seen:
                seen.add(pattern.get("name", "").strip())
                todo.append(self.defines[pattern.get("name", "").strip()])
            elif local != "element":
                todo.extend(c for c in _patterns(pattern) if self._impossible(c))
        elements = frozenset(m.split(" ", 1)[1] for m in blamed if m.startswith("element "))
        attributes = frozenset(m.split(" ", 1)[1] for m in blamed if m.startswith("attribute "))
        return Vocabulary(elements, attributes)

    def _find_impossible_defines(self) -> None:
        """Every define that can match nothing (the least fixpoint, so recursion is safe)."""
        users: dict[str, set[str]] = {}
        for name, define in self.defines.items():
            for ref in define.iter(_rng("ref")):
                users.setdefault(ref.get("name", "").strip(), set()).add(name)
        # Only a define holding notAllowed, or referring to an impossible one, can be impossible.
        self.holding = {n for n, d in self.defines.items() if next(d.iter(_rng("notAllowed")), None) is not None}
        self.users = users
        todo = list(self.holding)
        while todo:  # a define is looked at again only when one it refers to is found impossible
            name = todo.pop()
            if name not in self.impossible and self._impossible(self.defines[name]):
                self.impossible.add(name)
                todo.extend(users.get(name, ()))

    def _impossible(self, pattern: etree._Element) -> bool:
        """Whether ``pattern`` matches nothing, given the defines known to match nothing."""
        local = _local(pattern)
        if local == "notAllowed":
            return True
        if local == "ref":
            return pattern.get("name", "").strip() in self.impossible
        if local == "choice":
            return all(self._impossible(child) for child in _patterns(pattern))
        if local in _GROUPS:
            return any(self._impossible(child) for child in _patterns(pattern))
        return False

    def _rewrite(self, pattern: etree._Element) -> None:
        """Simplify the children of ``pattern`` in place, bottom up."""
        for child in _patterns(pattern):
            local = _local(child)
            if self._impossible(child):
                parent_local = _local(pattern)
                if parent_local == "choice":
                    pattern.remove(child)
                else:
                    _replace(child, _rng("notAllowed"))
            elif local in {"optional", "zeroOrMore"} and any(self._impossible(c) for c in _patterns(child)):
                _replace(child, _rng("empty"))
            else:
                self._rewrite(child)

    def _simplify_empty(self) -> None:
        """Inline defines that are ``empty`` and drop ``empty`` from sequences, until nothing changes.

        libxml2 compiles content models without such ``empty`` remnants into automata and
        checks them an order of magnitude faster than by backtracking. After the first round only
        the patterns that changed, or that refer to a define newly found empty, are visited again:
        the others would not change (the same result as visiting every pattern every round).
        """
        start = self.root.find(_rng("start"))
        live = {d.get("name", "").strip(): d for d in self.defines.values() if d.getparent() is not None}
        users: dict[str, set[str]] = {}
        for name, define in [("", start), *live.items()]:
            if define is not None:
                for ref in define.iter(_rng("ref")):
                    users.setdefault(ref.get("name", "").strip(), set()).add(name)
        empty: set[str] = set()
        todo = {"", *live}
        while todo:
            # A define becomes empty only by a change of its own content.
            found = {n for n in todo - empty if n and all(_local(c) == "empty" for c in _patterns(live[n]))}
            empty |= found
            changed = set()
            for name in sorted(todo):
                pattern = start if name == "" else live[name]
                if pattern is not None and _simplify(pattern, empty):
                    changed.add(name)
            todo = changed.union(*(users.get(n, set()) for n in found))

    def _remove_unreachable(self, start: etree._Element) -> None:
        reachable: set[str] = set()
        todo = [start]
        while todo:
            for ref in todo.pop().iter(_rng("ref")):
                name = ref.get("name", "").strip()
                if name not in reachable and name in self.defines:
                    reachable.add(name)
                    todo.append(self.defines[name])
        for name, define in self.defines.items():
            if name not in reachable and define.getparent() is not None:
                define.getparent().remove(define)


def _patterns(element: etree._Element) -> list[etree._Element]:
    """The pattern children of ``element``: not its name class, datatype parameters or annotations."""
    local = _local(element)
    if local in {"data", "value"}:
        return []
    children = list(element.iterchildren(_ANY_RNG))
    if local in {"element", "attribute"} and element.get("name") is None:
        return children[1:]
    return children


_SEQUENCES = {"group", "interleave", "oneOrMore", "zeroOrMore", "optional", "mixed", "define", "start", "element"}


_REPEATS = {"optional", "zeroOrMore", "oneOrMore"}
_WRAPPERS = {"group", "choice"}


def _simplify(pattern: etree._Element, empty_defines: set[str]) -> bool:
    """Remove ``empty`` remnants below ``pattern``, bottom up; whether anything changed."""
    changed = False
    for child in _patterns(pattern):
        if len(child):  # a pattern without children has nothing to simplify
            changed |= _simplify(child, empty_defines)
        local = _local(child)
        if local == "ref":
            emptied = child.get("name", "").strip() in empty_defines
        else:
            emptied = local in _REPEATS and all(_local(c) == "empty" for c in _patterns(child))
        if emptied:
            _replace(child, _rng("empty"))
            changed = True
        elif local in _WRAPPERS and len(child) == 1 and not child.attrib and len(_patterns(child)) == 1:
            child.getparent().replace(child, child[0])
            changed = True
    if _local(pattern) in _SEQUENCES:
        children = _patterns(pattern)
        empties = [c for c in children if _local(c) == "empty"]
        for child in empties[: len(empties) if len(empties) < len(children) else len(empties) - 1]:
            pattern.remove(child)
            changed = True
    return changed


def _replace(element: etree._Element, tag: str) -> etree._Element:
    parent = element.getparent()
    if parent is None:
        return etree.Element(tag, nsmap=element.nsmap)
    # Made in the parent's document: its namespace declarations are found there, not copied (fast).
    replacement = parent.makeelement(tag)
    replacement.tail = element.tail
    parent.replace(element, replacement)
    return replacement


class Prunable:
    """A grammar made ready for pruning once: annotations stripped, defines indexed by name.

    ``prune`` hands ``_Pruner`` only the defines a vocabulary can reach from ``start`` (a walk that
    does not enter element or attribute patterns of absent names), so pruning costs in proportion
    to what the documents use, not to the size of the grammar: 15-25 ms of CPU for tei_all and one document.
    """

    def __init__(self, grammar: etree._ElementTree) -> None:
        self.prunable = is_prunable(grammar)
        self.root = copy.deepcopy(grammar.getroot())
        _Pruner.strip_annotations(self.root)
        self.start = self.root.find(_rng("start"))
        self.defines = {d.get("name", "").strip(): d for d in self.root.iter(_rng("define"))}
        self.top_level = self.start is not None and all(d.getparent() is self.root for d in self.defines.values())
        self.names: dict[etree._Element, str | None] = {
            pattern: _clark_name(pattern) for pattern in self.root.iter(_rng("element"), _rng("attribute"))
        }
        self.position = {node: index for index, node in enumerate(self.root)}
        self.marked: dict[tuple[etree._Element, frozenset[etree._Element]], etree._Element] = {}
        # What ``_reachable`` walks, per define or pattern: worked out the first time it is reached.
        self.graph: dict[etree._Element, tuple[list[tuple[etree._Element, str, str]], list[str]]] = {}

    def prune(self, vocabulary: Vocabulary) -> etree._ElementTree | None:
        """A copy reduced to ``vocabulary``; None for a grammar this module does not handle.

        When the documents' root element is not one the grammar starts with, the start elements
        are kept too, so the error is about the root element, as with the full grammar.
        """
        if not self.prunable:
            return None
        for _ in range(_MAX_WIDENINGS):
            if self.top_level:
                pruner = _Pruner(self._reachable(vocabulary), vocabulary, prepared=True)
            else:
                pruner = _Pruner(etree.ElementTree(self.root), vocabulary)
            pruned = pruner.run()
            if pruned is not None or vocabulary.covers(pruner.needed):
                return pruned
            vocabulary = vocabulary | pruner.needed
        return None

    def _links(self, node: etree._Element) -> tuple[list[tuple[etree._Element, str, str]], list[str]]:
        """The named element and attribute patterns and the refs below ``node``, not below those patterns."""
        found = self.graph.get(node)
        if found is None:
            named: list[tuple[etree._Element, str, str]] = []
            refs: list[str] = []
            todo = list(node)
            while todo:
                child = todo.pop()
                local = _local(child)
                clark = self.names.get(child) if local in ("element", "attribute") else None
                if clark is not None:
                    named.append((child, local, clark))
                elif local == "ref":
                    refs.append(child.get("name", "").strip())
                else:
                    todo.extend(child)
            found = self.graph[node] = (named, refs)
        return found

    def _reachable(self, vocabulary: Vocabulary) -> etree._ElementTree:
        """A grammar of ``start`` and the defines reachable from it through patterns of known names only."""
        assert self.start is not None
        allowed = {"element": vocabulary.elements, "attribute": vocabulary.attributes}
        seen: set[str] = set()
        cuts: dict[etree._Element, list[etree._Element]] = {}  # define -> its patterns of absent names
        todo = [(self.start, self.start)]
        while todo:
            node, define = todo.pop()
            named, refs = self._links(node)
            for pattern, local, clark in named:
                if clark in allowed[local]:
                    todo.append((pattern, define))
                else:
                    cuts.setdefault(define, []).append(pattern)
            for name in refs:
                if name not in seen and name in self.defines:
                    seen.add(name)
                    todo.append((self.defines[name], self.defines[name]))
        root = etree.Element(self.root.tag, attrib=dict(self.root.attrib), nsmap=self.root.nsmap)
        for node in sorted([self.start, *(self.defines[name] for name in seen)], key=self.position.__getitem__):
            root.append(copy.deepcopy(self._marked(node, frozenset(cuts.get(node, ())))))
        return etree.ElementTree(root)

    def _marked(self, define: etree._Element, cut: frozenset[etree._Element]) -> etree._Element:
        """A copy of ``define`` with the patterns ``cut`` replaced by marked ``notAllowed``, as ``_Pruner`` would.

        Kept for the next pruning: documents of one project cut the same patterns from most defines.
        """
        key = (define, cut)
        found = self.marked.get(key)
        if found is None:
            if len(self.marked) >= _KEEP_MARKED:
                self.marked.clear()
            marks = []
            for pattern in cut:
                mark = _replace(pattern, _rng("notAllowed"))
                mark.set(_MARK, f"{_local(pattern)} {self.names[pattern]}")
                marks.append((mark, pattern))
            found = self.marked[key] = copy.deepcopy(define)
            for mark, pattern in marks:
                mark.getparent().replace(mark, pattern)
        return found


def prune_grammar(grammar: etree._ElementTree, vocabulary: Vocabulary) -> etree._ElementTree | None:
    """A copy of ``grammar`` reduced to ``vocabulary``; None for a grammar this module does not handle."""
    return Prunable(grammar).prune(vocabulary)
