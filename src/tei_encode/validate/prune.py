"""Pruning a RELAX NG grammar to the vocabulary of the documents it will validate.

libxml2 spends 17-19 s compiling TEI ``tei_all`` (about 600 element patterns), while a document
uses a few dozen element and attribute names. An element or attribute pattern whose name occurs
in no document cannot take part in matching any of them, so it can be replaced by
``<notAllowed/>`` without changing any verdict. ``notAllowed`` is then propagated (a group or an
element content holding it matches nothing, a choice drops it, an optional becomes empty), the
defines no longer reachable from ``start`` are removed, and what is left is a grammar of a few
hundred patterns that compiles in a fraction of a second. Name classes other than plain names
(``anyName``, ``nsName``, choices of names) are kept as they are.

An element that carries no attribute in the documents (``Vocabulary.bare``, known from a run's
guess at its names) keeps none of its optional attributes: libxml2 follows the content of an
element without ``<optional><attribute>`` in it by automaton, a tenth of the validation time of a
corpus such as GerDraCor, where half the elements carry none. Required attributes stay, so a
document that lacks one is rejected as by the full grammar.

The grammar is read once into plain nodes (``rngnodes.py``); a pruning walks only what the
vocabulary reaches from ``start``, rewrites only the patterns that change, shares the others
with the grammar and writes the result as text: a few milliseconds for tei_all and one document.

Grammars this module does not handle (``include``, ``externalRef``, ``parentRef``, nested
grammars, ``combine``, a ``div`` with attributes, no ``start``) are not pruned: ``prune_grammar``
returns None and the full grammar is used.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..xmlio import safe_parser
from .remnants import EMPTY, reachable_from, simplify, simplify_empty
from .rngnodes import RNG_NS, Node, clark_name, leaf, read_node, tag_text
from .vocabulary import EMPTY_VOCABULARY, Vocabulary

_UNSUPPORTED = {"include", "externalRef", "parentRef", "grammar"}
# Patterns that match nothing when one of their children matches nothing. Not ``element``: an
# element whose content is impossible stays, so that a document missing a required child gets
# the same error as from the full grammar ("titleStmt incomplete"), not a failure at its root.
_GROUPS = {"group", "interleave", "oneOrMore", "list", "mixed", "define", "attribute", "start"}
# Rounds of adding blamed names before giving up on pruning (each round adds a level of the tree).
_MAX_WIDENINGS = 12
_NOT_ALLOWED = leaf("notAllowed")
_NOTHING: frozenset[str] = frozenset()


def _rng(local: str) -> str:
    return f"{{{RNG_NS}}}{local}"


def is_prunable(grammar: etree._ElementTree) -> bool:
    """Whether ``grammar`` is a single self-contained ``grammar`` this module can prune."""
    root = grammar.getroot()
    if root.tag != _rng("grammar"):
        return False
    for element in root.iter(_rng("*")):
        if element is root:
            continue
        local = etree.QName(element).localname
        if local in _UNSUPPORTED or element.get("combine") or (local == "div" and element.attrib):
            return False
    return sum(1 for e in _top_level(root) if e.tag == _rng("start")) == 1


def _top_level(root: etree._Element) -> list[etree._Element]:
    """The ``start`` and ``define`` elements of a grammar, inside ``div`` elements too, in document order."""
    found = []
    for child in root.iterchildren(_rng("*")):
        local = etree.QName(child).localname
        if local == "div":
            found.extend(_top_level(child))
        elif local in ("start", "define"):
            found.append(child)
    return found


def grammar_names(grammar: etree._ElementTree) -> Vocabulary:
    """The element and attribute names a grammar's patterns name.

    Pruning depends only on which of these a vocabulary holds: other names are in no pattern.
    """
    found: dict[str, set[str]] = {"element": set(), "attribute": set()}
    for pattern in grammar.getroot().iter(_rng("element"), _rng("attribute")):
        clark = clark_name(pattern)
        if clark is not None:
            found[etree.QName(pattern).localname].add(clark)
    return Vocabulary(frozenset(found["element"]), frozenset(found["attribute"]))


# A define's absent element and attribute names: with the impossible defines it refers to, all a
# pruning's steps depend on within that define, so their results are kept per define and this key.
Absent = tuple[frozenset[str], frozenset[str]]
# The absent names (element or attribute, Clark name) that make a pattern match nothing, and the
# impossible refs on the way.
Blame = tuple[frozenset[tuple[str, str]], frozenset[str]]
# Entries kept per cache of a ``Prunable`` before it is emptied (a run's vocabularies share most).
_KEEP = 100_000


class Prunable:
    """A grammar read once into nodes, pruned to one vocabulary after another.

    What a pruning works out for one define (the defines it refers to, whether it can match
    anything, the names it blames, its rewritten and simplified patterns) depends only on the
    define's absent names and on which of the defines it refers to are impossible or empty, so it
    is kept for the next pruning: documents of one project mostly differ in a few defines.
    """

    def __init__(self, grammar: etree._ElementTree) -> None:
        self.prunable = is_prunable(grammar)
        root = grammar.getroot()
        nsmap = dict(root.nsmap)
        declarations = "".join(f' xmlns{":" + prefix if prefix else ""}="{uri}"' for prefix, uri in nsmap.items())
        head, self.end = tag_text(root, nsmap)
        tag, _, attributes = head.partition(" ")
        self.head = f"{tag}{declarations}{' ' + attributes if attributes else ''}"
        self.nsmap = nsmap
        # The defines by name and the start under "", in the grammar's order (kept in the output);
        # each read into nodes the first time a pruning reaches it.
        self.elements = {
            e.get("name", "").strip() if e.tag == _rng("define") else "": e
            for e in (_top_level(root) if self.prunable else [])
        }
        self.order = list(self.elements)
        self.patterns: dict[str, Node] = {}
        self.names: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        # Defines that are one named pattern: that pattern, and the absent names of the define when it is cut.
        self.heads: dict[str, Node] = {}
        self.cut: dict[str, Absent] = {}
        self.start = self.pattern("") if "" in self.elements else _NOT_ALLOWED
        self.summaries: dict[tuple[str, Absent], tuple[frozenset[str], bool]] = {}
        self.verdicts: dict[tuple[str, Absent, frozenset[str]], bool] = {}
        self.blames: dict[tuple[str, bool, Absent, frozenset[str]], Blame] = {}
        self.rewritten: dict[tuple[str, Absent, frozenset[str], frozenset[str]], Node] = {}
        # Per define: whether it holds attributes only and can match none (see ``optional_attributes``).
        self.optional: dict[str, bool] = {}
        self.simplified: dict[tuple[int, frozenset[str]], tuple[Node, Node]] = {}

    def prune(self, vocabulary: Vocabulary) -> etree._ElementTree | None:
        """A copy reduced to ``vocabulary``; None for a grammar this module does not handle.

        When the documents' root element is not one the grammar starts with, the start elements
        are kept too, so the error is about the root element, as with the full grammar.
        """
        if not self.prunable:
            return None
        for cache in (self.summaries, self.verdicts, self.blames, self.rewritten, self.simplified):
            if len(cache) >= _KEEP:
                cache.clear()
        for _ in range(_MAX_WIDENINGS):
            pruning = _Pruning(self, vocabulary)
            text = pruning.run()
            if text is not None:
                return etree.ElementTree(etree.fromstring(text, safe_parser()))
            if vocabulary.covers(pruning.needed):
                return None
            vocabulary = vocabulary | pruning.needed
        return None

    def pattern(self, name: str) -> Node:
        """The define ``name`` (the start for ""), read into nodes once."""
        found = self.patterns.get(name)
        if found is None:
            found = self.patterns[name] = read_node(self.elements[name], self.nsmap)
            self.names[name] = _names_in(found)
            head = found.children[0] if len(found.children) == 1 else None
            if head is not None and head.clark is not None:
                # A define that is one named pattern (an element of TEI): when that name is absent, nothing else counts.
                self.heads[name] = head
                self.cut[name] = (frozenset((head.clark,)), frozenset())
                if head.local == "attribute":
                    self.cut[name] = self.cut[name][::-1]
        return found

    def links(self, node: Node) -> tuple[list[Node], list[str], bool]:
        """The named element and attribute patterns and the refs below ``node`` (not below those patterns),
        and whether a ``notAllowed`` is among them."""
        if node.links is None:
            named: list[Node] = []
            refs: list[str] = []
            holds = False
            todo = list(node.children)
            while todo:
                child = todo.pop()
                if child.clark is not None:
                    named.append(child)
                elif child.ref:
                    refs.append(child.ref)
                else:
                    holds = holds or child.local == "notAllowed"
                    todo.extend(child.children)
            node.links = (named, refs, holds)
        return node.links

    def optional_attributes(self, pattern: Node) -> bool:
        """Whether ``pattern`` matches attributes only, and may match none (``empty`` in its stead
        on an element that carries no attribute accepts fewer documents)."""
        return _attributes_only(pattern, self._define_optional)[1]

    def _define_optional(self, name: str) -> bool:
        found = self.optional.get(name)
        if found is None:
            self.optional[name] = False  # a define that refers to itself is not taken for one
            found = self.optional[name] = name in self.elements and self.optional_attributes(self.pattern(name))
        return found

    def simplify(self, pattern: Node, empty_defines: set[str]) -> Node:
        """``remnants.simplify``, kept per pattern and the empty defines it refers to."""
        key = (id(pattern), pattern.refs() & empty_defines)
        found = self.simplified.get(key)
        if found is None or found[0] is not pattern:
            found = self.simplified[key] = (pattern, simplify(pattern, empty_defines))
        return found[1]


def _names_in(node: Node) -> tuple[frozenset[str], frozenset[str]]:
    """The element and attribute names of the patterns below ``node``."""
    found: dict[str, set[str]] = {"element": set(), "attribute": set()}
    todo = [node]
    while todo:
        pattern = todo.pop()
        if pattern.clark is not None:
            found[pattern.local].add(pattern.clark)
        todo.extend(pattern.children)
    return frozenset(found["element"]), frozenset(found["attribute"])


# Patterns that match all their children (in turn or in any order), and those that may match none of them.
_ALL = {"group", "interleave", "define", "start", "oneOrMore"}
_NULLABLE = {"optional", "zeroOrMore"}


def _attributes_only(pattern: Node, optional_define: Callable[[str], bool]) -> tuple[bool, bool]:
    """Whether ``pattern`` matches attributes only (no element, text or data), and whether it may match none.

    A ref counts as attributes only when its define may match none too (``optional_define``):
    enough for TEI's attribute classes.
    """
    local = pattern.local
    if local == "attribute":
        return True, False
    if local == "empty":
        return True, True
    if local == "ref":
        optional = optional_define(pattern.ref)
        return optional, optional
    if local not in _ALL and local not in _NULLABLE and local != "choice":
        return False, False
    parts = [_attributes_only(child, optional_define) for child in pattern.patterns]
    if not all(only for only, _ in parts):
        return False, False
    if local in _NULLABLE:
        return True, True
    if local == "choice":
        return True, any(none for _, none in parts)
    return True, all(none for _, none in parts)


class _Pruning:
    """One pruning: a pattern of an absent name stands for a ``notAllowed`` marked with that name."""

    def __init__(self, grammar: Prunable, vocabulary: Vocabulary) -> None:
        self.grammar = grammar
        self.allowed = {"element": vocabulary.elements, "attribute": vocabulary.attributes}
        self.bare = vocabulary.bare
        self.impossible: set[str] = set()
        self.known: dict[int, bool] = {}
        self.needed = EMPTY_VOCABULARY
        self.absent: dict[str, Absent] = {}
        self.refs: dict[str, frozenset[str]] = {}
        # The defines that are one pattern of an absent name: impossible, blaming that name.
        self.dead: set[str] = set()

    def _cut(self, node: Node) -> bool:
        return node.clark is not None and node.clark not in self.allowed[node.local]

    def run(self) -> str | None:
        """The pruned grammar as text, or None when ``needed`` names must be added to the vocabulary first."""
        grammar = self.grammar
        users, holding = self._reachable()
        self._find_impossible(users, holding)
        touched = holding.union(*(users.get(n, ()) for n in self.impossible))
        self.needed = self._needed_names(touched)
        if self.needed != EMPTY_VOCABULARY:
            return None
        live = {n: grammar.patterns[n] for n in self.refs if n and n not in self.impossible}
        start = self._rewritten("")
        live.update({n: self._rewritten(n) for n in live if n in touched or self._bare_in(n)})
        live = reachable_from(start, live)
        start, live = simplify_empty(start, live, grammar.simplify)
        live = reachable_from(start, live)
        live[""] = start
        body = [live[name].xml() for name in grammar.order if name in live]
        return "".join([grammar.head, ">", *body, grammar.end])

    def _key(self, name: str) -> tuple[str, Absent, frozenset[str]]:
        """What the steps after the fixpoint depend on in a define: its absent names and impossible refs."""
        return name, self.absent[name], self.refs[name].intersection(self.impossible)

    def _reachable(self) -> tuple[dict[str, set[str]], set[str]]:
        """The defines reachable from ``start`` through patterns of known names (in ``refs``), who refers
        to each, and those holding a ``notAllowed`` (marked or not)."""
        grammar = self.grammar
        users: dict[str, set[str]] = {}
        holding: set[str] = set()
        allowed_elements, allowed_attributes = self.allowed["element"], self.allowed["attribute"]
        patterns, heads, names, summaries = grammar.patterns, grammar.heads, grammar.names, grammar.summaries
        reached, absences, defined = self.refs, self.absent, grammar.elements
        todo = [""]
        while todo:
            name = todo.pop()
            pattern = patterns.get(name) or grammar.pattern(name)
            head = heads.get(name)
            if head is not None and head.clark not in self.allowed[head.local]:
                absences[name] = grammar.cut[name]
                self.dead.add(name)
                refs, holds = _NOTHING, True
            else:
                elements, attributes = names[name]
                # Mostly nothing is absent: the empty set shared, whose hash is known.
                absent = absences[name] = (
                    elements - allowed_elements if elements else _NOTHING,
                    attributes - allowed_attributes if attributes else _NOTHING,
                )
                summary = summaries.get((name, absent))
                if summary is None:
                    summary = summaries[(name, absent)] = self._summary(pattern)
                refs, holds = summary
            reached[name] = refs
            if holds and name:
                holding.add(name)
            for ref in refs:
                if name:
                    if ref in users:
                        users[ref].add(name)
                    else:
                        users[ref] = {name}
                if ref not in reached and ref in defined:
                    reached[ref] = _NOTHING
                    todo.append(ref)
        return users, holding

    def _summary(self, define: Node) -> tuple[frozenset[str], bool]:
        """The refs of ``define`` outside patterns of absent names, and whether it holds a ``notAllowed``."""
        refs: set[str] = set()
        holds = False
        todo = [define]
        while todo:
            named, found, holding = self.grammar.links(todo.pop())
            refs.update(found)
            holds = holds or holding
            for pattern in named:
                if self._cut(pattern):
                    holds = True
                else:
                    todo.append(pattern)
        return frozenset(refs), holds

    def _find_impossible(self, users: dict[str, set[str]], holding: set[str]) -> None:
        """Every define that can match nothing (the least fixpoint, so recursion is safe)."""
        verdicts = self.grammar.verdicts
        self.impossible.update(self.dead)
        todo = [n for n in holding if n not in self.dead]
        todo += [n for name in self.dead for n in users.get(name, ()) if n in self.refs]
        while todo:  # a define is looked at again only when one it refers to is found impossible
            name = todo.pop()
            if name in self.impossible:
                continue
            key = self._key(name)
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = self._matches_nothing(self.grammar.patterns[name])
            if verdict:
                self.impossible.add(name)
                todo.extend(n for n in users.get(name, ()) if n in self.refs)

    def _matches_nothing(self, pattern: Node) -> bool:
        """Whether ``pattern`` matches nothing, given the defines known to match nothing so far."""
        if pattern.clark is not None and pattern.clark not in self.allowed[pattern.local]:
            return True
        local = pattern.local
        if local == "notAllowed":
            return True
        if local == "ref":
            return pattern.ref in self.impossible
        if local == "choice":
            return all(self._matches_nothing(child) for child in pattern.patterns)
        if local in _GROUPS:
            return any(self._matches_nothing(child) for child in pattern.patterns)
        return False

    def _impossible(self, pattern: Node) -> bool:
        """``_matches_nothing`` once every impossible define is known, worked out once per pattern."""
        key = id(pattern)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._matches_nothing(pattern)
        return found

    def _needed_names(self, touched: set[str]) -> Vocabulary:
        """The absent names that make ``start`` or a kept element's content match nothing.

        A document set without ``title`` makes ``titleStmt`` impossible; pruned that far, libxml2
        would report the attributes of ``titleStmt`` instead of the missing ``title``. Adding the
        blamed names to the vocabulary and pruning again keeps the full grammar's errors. Only
        ``start`` and the defines holding something impossible can hold such an element.
        """
        blamed: set[tuple[str, str]] = set()
        todo: list[str] = []
        walks = [("", True), *((n, True) for n in sorted(touched - self.dead))]
        if self._impossible(self.grammar.start):
            walks.append(("", False))
        seen: set[str] = set()
        while walks:
            name, within = walks.pop()
            if name in self.dead:
                head = self.grammar.heads[name]
                found: Blame = frozenset(((head.local, head.clark or ""),)), _NOTHING
            else:
                _, absent, impossible = self._key(name)
                key = (name, within, absent, impossible)
                kept = self.grammar.blames.get(key)
                if kept is None:
                    kept = self.grammar.blames[key] = self._blame(self.grammar.patterns[name], within=within)
                found = kept
            blamed |= found[0]
            todo.extend(found[1])
            while todo:
                ref = todo.pop()
                if ref not in seen and ref in self.refs:
                    seen.add(ref)
                    walks.append((ref, False))
        elements = frozenset(clark for local, clark in blamed if local == "element")
        return Vocabulary(elements, frozenset(clark for local, clark in blamed if local == "attribute"))

    def _blame(self, top: Node, *, within: bool) -> Blame:
        """The absent names that make ``top`` (or, ``within``, the kept elements in it) match nothing,
        and the impossible refs on the way, whose defines are to be blamed in turn."""
        todo = [top]
        if within:
            todo, walk = [], [top]
            while walk:
                pattern = walk.pop()
                if self._cut(pattern):
                    continue
                if pattern.local == "element":
                    todo.extend(c for c in pattern.patterns if self._impossible(c))
                walk.extend(pattern.children)
        blamed: set[tuple[str, str]] = set()
        refs: set[str] = set()
        while todo:
            pattern = todo.pop()
            if self._cut(pattern):
                blamed.add((pattern.local, pattern.clark or ""))
            elif pattern.local == "notAllowed":
                continue
            elif pattern.ref:
                refs.add(pattern.ref)
            elif pattern.local != "element":
                todo.extend(c for c in pattern.patterns if self._impossible(c))
        return frozenset(blamed), frozenset(refs)

    def _bare_in(self, name: str) -> frozenset[str]:
        """The bare elements whose patterns are in the define ``name``."""
        return self.grammar.names[name][0] & self.bare if self.bare else _NOTHING

    def _rewritten(self, name: str) -> Node:
        """The define ``name`` (or the start) with what matches nothing taken out, and the optional attributes
        of bare elements, kept per ``_key`` and those elements."""
        key = (*self._key(name), self._bare_in(name))
        found = self.grammar.rewritten.get(key)
        if found is None:
            found = self.grammar.rewritten[key] = self._rewrite(self.grammar.patterns[name])
        return found

    def _rewrite(self, pattern: Node) -> Node:
        """``pattern`` with what matches nothing replaced (dropped from a choice), bottom up."""
        children: list[Node] = []
        changed = False
        for index, child in enumerate(pattern.children):
            if index < pattern.skip:
                children.append(child)
            elif self._impossible(child):
                changed = True
                if pattern.local != "choice":
                    children.append(_NOT_ALLOWED)
            elif child.local in ("optional", "zeroOrMore") and any(self._impossible(c) for c in child.patterns):
                changed = True
                children.append(EMPTY)
            else:
                rewritten = self._rewrite(child)
                changed = changed or rewritten is not child
                children.append(rewritten)
        if pattern.local == "element" and pattern.clark in self.bare:
            for index in range(pattern.skip, len(children)):
                if children[index].local != "empty" and self.grammar.optional_attributes(children[index]):
                    children[index] = EMPTY
                    changed = True
        return pattern.with_children(children) if changed else pattern


def prune_grammar(grammar: etree._ElementTree, vocabulary: Vocabulary) -> etree._ElementTree | None:
    """A copy of ``grammar`` reduced to ``vocabulary``; None for a grammar this module does not handle."""
    return Prunable(grammar).prune(vocabulary)
