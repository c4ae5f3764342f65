"""Whether an element's content model accepts its children cut in two before a child of one name.

A file read in two halves (``halves.py``) has its parent's children checked as ``u·x`` in one
and ``x·v`` in the other, ``x`` the child after the cut. Both accepted prove ``u·x·v`` accepted
when ``x`` is *synchronizing* for the model: every state of it that can read ``x`` and still be
completed goes to states of one language after ``x``. A bounded count (``x, x?, x?``) or
branches (``(a, x*) | (x*, c)``) are not.

The model is taken at the level of its children: each element pattern is a symbol (its local
name: the grammars cut have one pattern a name), ``text`` reads any run of text nodes (the cut
lies between blanks, which RELAX NG ignores among elements). Attributes belong to the parent's
start tag, which both halves hold: a part of the model holding only attributes is left out where
it sits in groups and interleaves alone (then it accepts the start tag or not, whatever the
children), and the model is not judged where attributes sit in a choice or repetition with
children, nor where the content holds ``data``, ``value`` or ``list``. States are worked out as
Brzozowski derivatives and two states' languages compared pair by pair; past ``_STATES`` of
either, the answer is no.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from lxml import etree

from .rngnodes import RNG_NS

_STATES = 4000
_R = f"{{{RNG_NS}}}"
TEXT = "#text"
_ATTRIBUTES = "boolean(descendant-or-self::rng:attribute | descendant-or-self::rng:ref)"

# A pattern: ("empty",), ("none",), ("sym", name), ("text",), ("group", a, b), ("choice", frozenset),
# ("interleave", a, b) or ("plus", p).
Pattern = tuple[Any, ...]
EMPTY: Pattern = ("empty",)
NONE: Pattern = ("none",)


class _Unsure(Exception):
    """The model holds what this module does not judge."""


def synchronizing(grammar: etree._ElementTree, parent: str, child: str) -> bool:
    """Whether the content of ``parent`` (a local name) accepts its children cut before a ``child``."""
    try:
        model = _Reader(grammar).content(parent)
        return _synchronizing(model, child)
    except _Unsure:
        return False


class _Reader:
    """The content of an element pattern as a Pattern over its children's names."""

    def __init__(self, grammar: etree._ElementTree) -> None:
        self.root = grammar.getroot()
        self.defines: dict[str, etree._Element] = {}
        for define in self.root.iter(f"{_R}define"):
            name = define.get("name", "")
            if name in self.defines or define.get("combine"):
                raise _Unsure
            self.defines[name] = define
        self.filled: dict[str, bool] = {}

    def content(self, parent: str) -> Pattern:
        found = [e for e in self.root.iter(f"{_R}element") if _local(e.get("name")) == parent]
        if len(found) != 1:
            raise _Unsure
        return self._sequence(found[0], free=True)

    def _sequence(self, node: etree._Element, free: bool) -> Pattern:
        result = EMPTY
        for child in reversed(_patterns(node)):
            result = group(self._pattern(child, free), result)
        return result

    def _pattern(self, node: etree._Element, free: bool) -> Pattern:
        tag = etree.QName(node).localname
        if tag == "element":
            if node.get("name") is None:
                raise _Unsure
            return ("sym", _local(node.get("name")))
        if not self._has_content(node) and node.xpath(_ATTRIBUTES, namespaces={"rng": RNG_NS}):
            if not free:  # a ref may hold attributes
                raise _Unsure  # attributes in a choice or repetition with children
            return EMPTY
        inner = free and tag in ("group", "interleave", "ref", "mixed")
        if tag == "ref":
            return self._sequence(self._define(node), inner)
        if tag in ("empty", "attribute"):
            return EMPTY
        if tag == "notAllowed":
            return NONE
        if tag == "text":
            return ("text",)
        if tag == "mixed":
            return interleave(("text",), self._sequence(node, inner))
        if tag == "group":
            return self._sequence(node, inner)
        if tag == "interleave":
            result = EMPTY
            for child in _patterns(node):
                result = interleave(self._pattern(child, inner), result)
            return result
        if tag == "choice":
            return choice(self._pattern(child, False) for child in _patterns(node))
        if tag == "optional":
            return choice((EMPTY, self._sequence(node, False)))
        if tag == "zeroOrMore":
            return choice((EMPTY, plus(self._sequence(node, False))))
        if tag == "oneOrMore":
            return plus(self._sequence(node, False))
        raise _Unsure  # data, value, list; parentRef, externalRef, grammar

    def _define(self, ref: etree._Element) -> etree._Element:
        define = self.defines.get(ref.get("name", ""))
        if define is None:
            raise _Unsure
        return define

    def _has_content(self, node: etree._Element) -> bool:
        """Whether ``node`` may match children (elements, text, data) besides attributes."""
        tag = etree.QName(node).localname
        if tag in ("element", "text", "mixed", "data", "value", "list"):
            return True
        if tag in ("attribute", "empty", "notAllowed"):
            return False
        if tag == "ref":
            name = node.get("name", "")
            if name not in self.filled:
                self.filled[name] = False  # defines reach themselves only through elements
                self.filled[name] = any(self._has_content(c) for c in _patterns(self._define(node)))
            return self.filled[name]
        return any(self._has_content(child) for child in _patterns(node))


def _patterns(node: etree._Element) -> list[etree._Element]:
    return [child for child in node if isinstance(child.tag, str) and child.tag.startswith(_R)]


def _local(name: str | None) -> str:
    return (name or "").rpartition(":")[2]


def group(first: Pattern, second: Pattern) -> Pattern:
    if first == NONE or second == NONE:
        return NONE
    if first == EMPTY:
        return second
    if second == EMPTY:
        return first
    if first[0] == "group":
        return group(first[1], group(first[2], second))
    return ("group", first, second)


def interleave(first: Pattern, second: Pattern) -> Pattern:
    if first == NONE or second == NONE:
        return NONE
    if first == EMPTY:
        return second
    if second == EMPTY:
        return first
    return ("interleave", first, second)


def choice(options: Iterable[Pattern]) -> Pattern:
    kept: set[Pattern] = set()
    for option in options:
        if option[0] == "choice":
            kept.update(option[1])
        elif option != NONE:
            kept.add(option)
    if not kept:
        return NONE
    return next(iter(kept)) if len(kept) == 1 else ("choice", frozenset(kept))


def plus(inner: Pattern) -> Pattern:
    return inner if inner in (NONE, EMPTY) or inner[0] == "plus" else ("plus", inner)


@lru_cache(maxsize=65536)
def nullable(pattern: Pattern) -> bool:
    kind = pattern[0]
    if kind in ("empty", "text"):
        return True
    if kind in ("none", "sym"):
        return False
    if kind == "choice":
        return any(nullable(p) for p in pattern[1])
    if kind == "plus":
        return nullable(pattern[1])
    return nullable(pattern[1]) and nullable(pattern[2])


@lru_cache(maxsize=65536)
def inhabited(pattern: Pattern) -> bool:
    """Whether some sequence of children matches ``pattern``."""
    kind = pattern[0]
    if kind == "none":
        return False
    if kind == "choice":
        return any(inhabited(p) for p in pattern[1])
    if kind in ("group", "interleave"):
        return inhabited(pattern[1]) and inhabited(pattern[2])
    return kind != "plus" or inhabited(pattern[1])


@lru_cache(maxsize=65536)
def derivative(pattern: Pattern, symbol: str) -> Pattern:
    """What is left of ``pattern`` after a child ``symbol`` (``TEXT`` for text)."""
    kind = pattern[0]
    if kind in ("empty", "none"):
        return NONE
    if kind == "sym":
        return EMPTY if pattern[1] == symbol else NONE
    if kind == "text":
        return pattern if symbol == TEXT else NONE
    if kind == "choice":
        return choice(derivative(p, symbol) for p in pattern[1])
    if kind == "plus":
        return group(derivative(pattern[1], symbol), choice((EMPTY, pattern)))
    first, second = pattern[1], pattern[2]
    if kind == "group":
        after = group(derivative(first, symbol), second)
        return choice((after, derivative(second, symbol))) if nullable(first) else after
    return choice((interleave(derivative(first, symbol), second), interleave(first, derivative(second, symbol))))


def _symbols(pattern: Pattern, found: set[str]) -> set[str]:
    kind = pattern[0]
    if kind == "sym":
        found.add(pattern[1])
    elif kind == "text":
        found.add(TEXT)
    elif kind == "choice":
        for option in pattern[1]:
            _symbols(option, found)
    else:
        for part in pattern[1:]:
            if isinstance(part, tuple):
                _symbols(part, found)
    return found


def _synchronizing(model: Pattern, child: str) -> bool:
    alphabet = sorted(_symbols(model, set()))
    seen, waiting = {model}, [model]
    after: list[Pattern] = []
    while waiting:
        state = waiting.pop()
        read = derivative(state, child)
        if inhabited(read) and read not in after:
            after.append(read)
        for symbol in alphabet:
            following = derivative(state, symbol)
            if following not in seen and inhabited(following):
                if len(seen) >= _STATES:
                    return False
                seen.add(following)
                waiting.append(following)
    return all(_same_language(after[0], other, alphabet) for other in after[1:])


def _same_language(first: Pattern, second: Pattern, alphabet: list[str]) -> bool:
    """Whether two states accept the same sequences (False past ``_STATES`` pairs)."""
    seen, waiting = {(first, second)}, [(first, second)]
    while waiting:
        one, other = waiting.pop()
        if nullable(one) != nullable(other) or inhabited(one) != inhabited(other):
            return False
        if not inhabited(one):
            continue
        for symbol in alphabet:
            pair = (derivative(one, symbol), derivative(other, symbol))
            if pair not in seen:
                if len(seen) >= _STATES:
                    return False
                seen.add(pair)
                waiting.append(pair)
    return True
