"""RELAX NG findings in TEI terms: element paths, allowed content by class, value lists, links, "did you mean".

libxml2 reports RELAX NG errors in its own words ("Did not expect element
persNme there", "Element date failed to validate attributes"), locates them by
an XPath of stars (``/*/*[2]/*[2]/*/*``), reports only the first error inside
an element's content, and adds follow-on errors for the ancestors of a bad
element. ``explain`` rewrites one finding with the grammar's TEI names (model
classes and macros instead of the hundreds of element names they expand to);
``explain_relaxng`` validates a document, sets each bad element or attribute
aside on a copy and validates again so every error is reported, and drops the
findings that are only consequences of another one.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from .grammar import Grammar, attribute_key, grammar_for
from .locate import SourceText
from .wording import describe, element_name, guidelines_url

__all__ = [
    "Finding",
    "classify",
    "drop_cascades",
    "explain",
    "explain_relaxng",
    "guidelines_url",
    "resolve_path",
    "tei_path",
]
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MAX_ROUNDS = 50
MAX_FINDINGS = 500

# libxml2's RELAX NG messages (relaxng.c, xmlRelaxNGGetErrorString), by the kind of problem they report.
KINDS = [
    ("element-not-expected", r"Did not expect element (?P<element>\S+) there"),
    ("text-not-expected", r"Did not expect text in element (?P<element>\S+) content"),
    ("extra-content", r"Element (?P<element>\S+) has extra content: (?P<extra>\S+)"),
    ("missing-element", r"Expecting an element ?(?P<expected>\S*), got nothing"),
    ("wrong-element", r"Expecting element (?P<expected>\S+), got (?P<element>\S+)"),
    ("no-namespace", r"Expecting a namespace for element (?P<element>\S+)"),
    ("wrong-namespace", r"Element (?P<element>\S+) has wrong namespace: expecting (?P<expected>\S+)"),
    ("extra-namespace", r"Expecting no namespace for element (?P<element>\S+)"),
    ("not-empty", r"Expecting element (?P<element>\S+) to be empty"),
    ("invalid-attribute", r"Invalid attribute (?P<attribute>\S+) for element (?P<element>\S+)"),
    ("attributes-failed", r"Element (?P<element>\S+) failed to validate attributes"),
    ("content-failed", r"Element (?P<element>\S+) failed to validate content"),
    ("bad-value", r"Type (?P<type>\S+) doesn't allow value '(?P<value>.*)'"),
    ("interleave", r"Extra element (?P<element>\S+) in interleave|Invalid sequence in interleave"),
]
# Findings that can be mere consequences of a finding deeper in the same subtree, least specific last.
CONSEQUENCES = {"extra-content": 1, "missing-element": 2, "interleave": 2, "content-failed": 3}


@dataclass
class Finding:
    """One libxml2 finding with the document element it is about."""

    diagnostic: Diagnostic
    kind: str
    groups: dict[str, str]
    element: etree._Element | None
    round: int = 0


def classify(message: str) -> tuple[str, dict[str, str]]:
    """The kind of a libxml2 RELAX NG message and the names it mentions."""
    for kind, pattern in KINDS:
        match = re.search(pattern, message)
        if match:
            return kind, {k: v for k, v in match.groupdict().items() if v is not None}
    return "other", {}


def explain(
    diagnostic: Diagnostic, schema: Path | None, tree: etree._ElementTree | etree._Element | None = None
) -> Diagnostic:
    """The finding rewritten in TEI terms; with ``tree`` (the document validated) also its element path."""
    kind, groups = classify(diagnostic.message)
    element = _anchor(resolve_path(_root(tree), diagnostic.path), kind, groups) if tree is not None else None
    grammar = grammar_for(schema) if schema is not None and schema.suffix == ".rng" else None
    source = SourceText(tree) if tree is not None else None
    return _explained(Finding(diagnostic, kind, groups, element), grammar, source)


def explain_relaxng(
    compiled: etree.RelaxNG,
    tree: etree._ElementTree | etree._Element,
    file: str = "",
    schema: Path | None = None,
    source: SourceText | None = None,
    *,
    rejected: bool = False,
) -> list[Diagnostic]:
    """Every RELAX NG error of a document, in TEI terms, without follow-on errors, in line order; empty when valid.

    ``source`` is the document's text when it was not parsed from its file (an excerpt of a large file);
    ``rejected`` tells that ``compiled`` has just rejected this document (its error log is the document's).
    """
    root = _root(tree)
    if not rejected and compiled.validate(root.getroottree()):
        return []
    rule = schema.name if schema is not None else ""
    grammar = grammar_for(schema) if schema is not None and schema.suffix == ".rng" else None
    findings = [
        f for f in drop_cascades(_all_findings(compiled, root, file, rule, grammar)) if not _id_only(f, grammar)
    ]
    source = source or SourceText(root)
    explained = [_explained(f, grammar, source) for f in findings]
    return sorted(explained, key=lambda d: (d.line, d.column))


def _all_findings(
    compiled: etree.RelaxNG, root: etree._Element, file: str, rule: str, grammar: Grammar | None
) -> list[Finding]:
    """Validate a copy again and again, setting aside what each round found, until nothing new turns up."""
    work = copy.deepcopy(root)
    origin = dict(zip(work.iter(), root.iter(), strict=True))
    findings: list[Finding] = []
    repaired: list[etree._Element] = []
    disorderly: list[etree._Element] = []  # set aside, and so possibly leaving later siblings out of order
    for round_number in range(MAX_ROUNDS):
        if round_number and compiled.validate(work.getroottree()):
            break
        fresh = []
        for entry in compiled.error_log:
            target = resolve_path(work, entry.path or "")
            diagnostic = Diagnostic(
                Severity.ERROR,
                "relaxng",
                entry.message,
                file or entry.filename or "",
                entry.line,
                entry.column,
                entry.path or "",
                rule,
            )
            kind, groups = classify(entry.message)
            target = _anchor(target, kind, groups)
            finding = Finding(diagnostic, kind, groups, origin.get(target) if target is not None else None)
            finding.round = round_number
            if not _induced(finding, repaired, disorderly, grammar):
                fresh.append((finding, target))
        findings.extend(f for f, _ in fresh)
        holders = {a for _, t in fresh if t is not None for a in t.iterancestors()}
        kept = [(f, t) for f, t in fresh if t is not None and not _explained_below(f, t, holders)]
        changed = [(f, origin[t]) for f, t in kept if _set_aside(f, t, grammar)]
        if not changed or len(findings) > MAX_FINDINGS:
            break
        repaired.extend(element for _, element in changed)
        disorderly.extend(element for f, element in changed if not _misplaced(f, grammar))
    return findings


def _explained_below(finding: Finding, target: etree._Element, holders: set[etree._Element]) -> bool:
    """Whether a follow-on finding's element holds another finding of the round (so it is not taken out whole).

    ``holders``: the ancestors of the round's findings' elements.
    """
    return finding.kind in CONSEQUENCES and target in holders


def _id_only(finding: Finding, grammar: Grammar | None) -> bool:
    """Whether libxml2 rejects an element's attributes only for an ``xml:id`` used before (reported on parsing)."""
    element = finding.element
    if finding.kind not in ("attributes-failed", "invalid-attribute") or element is None:
        return False
    value = element.get(XML_ID)
    if value is None or sum(1 for e in element.getroottree().iter(etree.Element) if e.get(XML_ID) == value) < 2:
        return False
    if finding.kind == "invalid-attribute":
        return finding.groups.get("attribute") == "id"
    return not _bad_attributes(finding, element, grammar)


def _anchor(element: etree._Element | None, kind: str, groups: dict[str, str]) -> etree._Element | None:
    """The element a finding is about.

    libxml2 points attribute findings at the element's first child, and an unexpected element
    sometimes at its parent.
    """
    name = groups.get("element")
    if element is None or not name or kind == "extra-content":
        return element
    wanted = name.rpartition(":")[2]
    if etree.QName(element).localname == wanted:
        return element
    if kind in ("element-not-expected", "wrong-element"):
        child = next((c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == wanted), None)
        if child is not None:
            return child
    for candidate in element.iterancestors():
        if etree.QName(candidate).localname == wanted:
            return candidate
    return element


def _misplaced(finding: Finding, grammar: Grammar | None) -> bool:
    """Whether a finding is about an element its parent allows, only not at that point."""
    element = finding.element
    if finding.kind != "element-not-expected" or element is None or grammar is None:
        return False
    parent = element.getparent()
    patterns = grammar.patterns_for(parent) if parent is not None else []
    return bool(patterns) and etree.QName(element).localname in grammar.allowed_elements(patterns[0])


def _induced(
    finding: Finding,
    repaired: Sequence[etree._Element],
    disorderly: Sequence[etree._Element],
    grammar: Grammar | None,
) -> bool:
    """Whether a later round's finding only reports what setting an earlier one aside did.

    Taking an element out leaves its parent incomplete, and taking out an element that does not
    belong there (or a required one) can leave the siblings after it out of order; those findings
    are the repair's, not the document's. A misplaced element taken out changes nothing for the
    elements after it, so their own misplacement is still reported.
    """
    element = finding.element
    if not finding.round:
        return False
    if _misplaced(finding, grammar):
        assert element is not None
        return any(r.getparent() is element.getparent() for r in disorderly)
    if finding.kind not in CONSEQUENCES:
        return False
    return element is None or any(element is r or _is_ancestor(element, r) for r in repaired)


def _set_aside(finding: Finding, target: etree._Element, grammar: Grammar | None) -> bool:
    """Change the working copy so the next round gets past this finding; whether anything changed."""
    if finding.kind in ("invalid-attribute", "attributes-failed", "bad-value"):
        names = _bad_attributes(finding, target, grammar)
        for name in names:
            del target.attrib[name]
        if names:
            return True
    if finding.kind == "text-not-expected":
        target.text = None
        for child in target:
            child.tail = None
        return True
    if finding.kind == "not-empty":
        target.text = None
        for child in list(target):
            target.remove(child)
        return True
    if finding.kind in ("bad-value", "other") or target.getparent() is None:
        return False
    _remove(target)
    return True


def _bad_attributes(finding: Finding, element: etree._Element, grammar: Grammar | None) -> list[str]:
    """The Clark names of the attributes a finding is about."""
    if finding.kind == "invalid-attribute":
        wanted = finding.groups.get("attribute", "")
        return [name for name in element.attrib if etree.QName(name).localname == wanted]
    if finding.kind == "bad-value":
        return [name for name, value in element.attrib.items() if value == finding.groups.get("value")]
    if grammar is None:
        return []
    patterns = grammar.patterns_for(element)
    if not patterns:
        return []
    rules = grammar.attributes(patterns[0])
    return [
        name
        for name, value in element.attrib.items()
        if attribute_key(name) not in rules or not grammar.value_ok(rules[attribute_key(name)].pattern, value)
    ]


def _remove(element: etree._Element) -> None:
    """Take an element out of its parent, keeping the text that follows it."""
    parent = element.getparent()
    assert parent is not None
    tail, previous = element.tail, element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def drop_cascades(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that are not only consequences of another one (libxml2 reports bad ancestors too)."""
    unique: list[Finding] = []
    seen: set[tuple[str, int, str]] = set()
    for finding in findings:
        key = (finding.diagnostic.message, id(finding.element), finding.kind)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    kept = [f for f in unique if not _consequence(f, unique)]
    return kept or unique[:1]


def _consequence(finding: Finding, others: Sequence[Finding]) -> bool:
    element = finding.element
    if finding.kind == "bad-value":
        return any(o.kind == "attributes-failed" and o.element is element for o in others)
    if element is None:
        return finding.kind in CONSEQUENCES or finding.kind == "attributes-failed" and len(others) > 1
    if finding.kind not in CONSEQUENCES:
        return False
    rank = CONSEQUENCES[finding.kind]
    for other in others:
        if other is finding or other.element is None:
            continue
        if _is_ancestor(element, other.element) or (
            other.element is element and CONSEQUENCES.get(other.kind, 0) < rank
        ):
            return True
    return False


def _is_ancestor(ancestor: etree._Element, element: etree._Element) -> bool:
    return any(a is ancestor for a in element.iterancestors())


def _explained(finding: Finding, grammar: Grammar | None, source: SourceText | None) -> Diagnostic:
    """The finding's diagnostic with a TEI message, the element's path, line and column."""
    element = finding.element
    diagnostic = finding.diagnostic
    message = describe(finding.kind, finding.groups, diagnostic.message, element, grammar)
    changes: dict[str, object] = {"message": message}
    if element is not None:
        changes["path"] = tei_path(element)
        line, column = _position(finding, element, source) if source is not None else (element.sourceline or 0, 0)
        changes["line"], changes["column"] = line or diagnostic.line, column
    return dataclasses.replace(diagnostic, **changes)  # type: ignore[arg-type]


def _position(finding: Finding, element: etree._Element, source: SourceText) -> tuple[int, int]:
    """Where in the source a finding is: the stray text, the attribute, else the element's start tag."""
    if finding.kind == "text-not-expected":
        return source.stray_text(element)
    if finding.kind in ("invalid-attribute", "bad-value"):
        wanted = finding.groups.get("attribute"), finding.groups.get("value")
        for clark, value in element.attrib.items():
            if etree.QName(clark).localname == wanted[0] or finding.kind == "bad-value" and value == wanted[1]:
                return source.attribute(element, clark)
    return source.element(element)


# ------------------------------------------------------------------------- paths


def tei_path(element: etree._Element) -> str:
    """The element's path by names, positions only among same-named siblings: ``/TEI/text/body/div/p[2]``."""
    steps = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        step = element_name(node)
        if parent is not None:
            same = parent.findall(node.tag) if isinstance(node.tag, str) else []  # children only, found in C
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


_STEP = re.compile(r"(?:([\w.-]+):)?([\w.*-]+)(?:\[(\d+)\])?")
_STAR = re.compile(r"\*(?:\[\d+\])?")


def resolve_path(root: etree._Element, path: str) -> etree._Element | None:
    """The element a libxml2 error path (``/*/*[2]/x:foo``) points to, or ``None``."""
    if not path or not path.startswith("/"):
        return None
    steps = path.strip("/").split("/")
    if root.getparent() is None and all(_STAR.fullmatch(step) for step in steps):
        # Steps of any element by position, as libxml2 mostly writes them: an XPath, evaluated in C.
        found = root.getroottree().xpath(path)
        return found[0] if isinstance(found, list) and found and isinstance(found[0], etree._Element) else None
    node: etree._Element | None = None
    for number, step in enumerate(steps):
        match = _STEP.fullmatch(step)
        if match is None:
            return None
        prefix, name, index = match.groups()
        pool = [root] if number == 0 else [c for c in (node if node is not None else []) if isinstance(c.tag, str)]
        if name != "*":
            pool = [c for c in pool if etree.QName(c).localname == name and (prefix is None or c.prefix == prefix)]
        position = int(index) - 1 if index else 0
        if position >= len(pool):
            return None
        node = pool[position]
    return node


def _root(tree: etree._ElementTree | etree._Element | None) -> etree._Element:
    assert tree is not None
    return tree.getroot() if isinstance(tree, etree._ElementTree) else tree
