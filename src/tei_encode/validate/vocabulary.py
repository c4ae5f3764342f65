"""The element and attribute names a set of documents uses, which grammars are pruned to."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True)
class Vocabulary:
    """The element and attribute names (Clark notation) that occur in a set of documents.

    ``bare`` holds the element names known to carry no attribute in any of them (a subset of
    ``elements``); the others may carry any of ``attributes``. A grammar pruned to a vocabulary
    keeps no optional attribute on a bare element, so it accepts fewer documents the more names
    are bare: an empty ``bare`` is the safe default.
    """

    elements: frozenset[str]
    attributes: frozenset[str]
    bare: frozenset[str] = frozenset()

    def __or__(self, other: Vocabulary) -> Vocabulary:
        bare = (self.bare | other.bare) - (self.elements - self.bare) - (other.elements - other.bare)
        return Vocabulary(self.elements | other.elements, self.attributes | other.attributes, bare)

    def covers(self, other: Vocabulary) -> bool:
        """Whether every name of ``other`` is in this vocabulary, and an element bare here is bare there."""
        return (
            other.elements <= self.elements
            and other.attributes <= self.attributes
            and (self.bare & other.elements) <= other.bare
        )

    def within(self, names: Vocabulary) -> Vocabulary:
        """The names of this vocabulary that are also in ``names``."""
        elements = self.elements & names.elements
        return Vocabulary(elements, self.attributes & names.attributes, self.bare & elements)

    def clothed(self) -> Vocabulary:
        """The same names with no element known to be bare."""
        return Vocabulary(self.elements, self.attributes) if self.bare else self

    def key(self) -> str:
        """A stable text form, for cache keys."""
        bare = ["B", *sorted(self.bare)] if self.bare else []
        return "\n".join(["E", *sorted(self.elements), "A", *sorted(self.attributes), *bare])


EMPTY_VOCABULARY = Vocabulary(frozenset(), frozenset())


# Every attribute of a document, found in C: a fifth faster than asking each element for its keys.
_ATTRIBUTES = etree.XPath("descendant-or-self::*/@*")
# The vocabularies of the last documents seen: every validator asks for the same document's in turn.
_RECENT: dict[int, tuple[etree._Element, Vocabulary]] = {}
# How many ``_RECENT`` keeps: a few, or every document within ``vocabularies_kept``.
_KEEP = [4]


@contextmanager
def vocabularies_kept() -> Iterator[None]:
    """Within, the vocabulary of each document is worked out once (the caller keeps the documents)."""
    previous = _KEEP[0]
    _KEEP[0] = sys.maxsize
    try:
        yield
    finally:
        _KEEP[0] = previous
        _RECENT.clear()


def vocabulary_of(trees: Iterable[etree._ElementTree | etree._Element]) -> Vocabulary:
    """The names of every element and attribute in ``trees``."""
    elements: set[str] = set()
    attributes: set[str] = set()
    for tree in trees:
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        own = _document_vocabulary(root)
        elements |= own.elements
        attributes |= own.attributes
    return Vocabulary(frozenset(elements), frozenset(attributes))


def _document_vocabulary(root: etree._Element) -> Vocabulary:
    recent = _RECENT.get(id(root))
    if recent is not None and recent[0] is root:
        return recent[1]
    names = frozenset(attribute.attrname for attribute in _ATTRIBUTES(root))
    vocabulary = Vocabulary(frozenset(e.tag for e in root.iter(etree.Element)), names)
    if len(_RECENT) >= _KEEP[0]:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[id(root)] = (root, vocabulary)
    return vocabulary


def forget_vocabulary(tree: etree._ElementTree) -> None:
    """Let go of a document ``vocabularies_kept`` holds, once it has been validated."""
    _RECENT.pop(id(tree.getroot()), None)
