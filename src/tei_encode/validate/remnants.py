"""The ``empty`` remnants a pruning leaves, taken out: defines that became empty inlined, sequences cleared.

Pruning (``prune.py``) replaces what matches nothing by ``notAllowed`` and ``empty``; libxml2
compiles content models without such remnants into automata and checks them an order of
magnitude faster than by backtracking. Patterns are ``rngnodes.Node``: a pattern nothing changes
in is returned as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from .rngnodes import Node, leaf

# Patterns from which ``empty`` children are dropped; repeats of nothing but ``empty``; wrappers of one pattern.
_SEQUENCES = {"group", "interleave", "oneOrMore", "zeroOrMore", "optional", "mixed", "define", "start", "element"}
_REPEATS = {"optional", "zeroOrMore", "oneOrMore"}
_WRAPPERS = {"group", "choice"}
EMPTY = leaf("empty")


def reachable_from(start: Node, defines: dict[str, Node]) -> dict[str, Node]:
    """The defines ``start`` refers to, directly or through others."""
    reachable: dict[str, Node] = {}
    todo = [start]
    while todo:
        for name in todo.pop().refs():
            if name not in reachable and name in defines:
                reachable[name] = defines[name]
                todo.append(defines[name])
    return reachable


def simplify_empty(
    start: Node, live: dict[str, Node], simplified: Callable[[Node, set[str]], Node]
) -> tuple[Node, dict[str, Node]]:
    """Inline defines that are ``empty`` and drop ``empty`` from sequences, until nothing changes.

    ``simplified`` takes the remnants out of one define (``simplify``, or a cached form of it).
    After the first round only the patterns that changed, or that refer to a define newly found
    empty, are visited again: the others would not change (the same result as visiting every
    pattern every round).
    """
    current = {"": start, **live}
    users: dict[str, set[str]] = {}
    for name, define in current.items():
        for ref in define.refs():
            users.setdefault(ref, set()).add(name)
    empty: set[str] = set()
    todo = set(current)
    while todo:
        # A define becomes empty only by a change of its own content.
        found = {n for n in todo - empty if n and all(c.local == "empty" for c in current[n].patterns)}
        empty |= found
        changed = set()
        for name in todo:
            done = simplified(current[name], empty)
            if done is not current[name]:
                current[name] = done
                changed.add(name)
        todo = changed.union(*(users.get(n, set()) for n in found))
    start = current.pop("")
    return start, current


def simplify(pattern: Node, empty_defines: set[str]) -> Node:
    """``pattern`` without ``empty`` remnants, bottom up (the pattern itself when nothing changed)."""
    children = list(pattern.children)
    changed = False
    for index in range(pattern.skip, len(children)):
        child = children[index]
        if child.children:  # a pattern without children has nothing to simplify
            child = simplify(child, empty_defines)
        if child.ref:
            emptied = child.ref in empty_defines
        else:
            emptied = child.local in _REPEATS and all(c.local == "empty" for c in child.patterns)
        if emptied:
            child = EMPTY
        elif child.local in _WRAPPERS and len(child.children) == 1 and child.plain:
            child = child.children[0]
        if child is not children[index]:
            children[index] = child
            changed = True
    if pattern.local in _SEQUENCES:
        empties = [i for i in range(pattern.skip, len(children)) if children[i].local == "empty"]
        if empties and len(empties) == len(children) - pattern.skip:
            empties.pop()  # all empty: one stays
        for index in reversed(empties):
            del children[index]
            changed = True
    return pattern.with_children(children) if changed else pattern
