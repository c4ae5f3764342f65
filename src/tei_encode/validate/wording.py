"""The words of validation messages: what a RELAX NG finding means, in the terms of the TEI Guidelines.

``describe`` turns one libxml2 report (its kind, the names it mentions and the
document element it is about) into a sentence that names the element's allowed
content by class and macro, the attribute's allowed values, a close name when a
name looks misspelt, and the element's page in the Guidelines.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from functools import lru_cache

from lxml import etree

from ..xmlio import TEI_NS
from .grammar import AttributeRule, Grammar, attribute_key
from .locate import written_name

# Namespaces a misplaced TEI element is likely to have been given by mistake (``…/ns/2.0``).
TEI_FAMILY = "http://www.tei-c.org/"
GUIDELINES = "https://www.tei-c.org/release/doc/tei-p5-doc/en/html/ref-{}.html"


def guidelines_url(element: str) -> str:
    """The element's reference page in the TEI Guidelines."""
    return GUIDELINES.format(element)


def _without_document(kind: str, groups: dict[str, str], message: str, grammar: Grammar | None) -> str:
    """What the message and the grammar alone tell, when the document is not at hand."""
    name = groups.get("element", "")
    if not name or kind == "other":
        return message
    see = f". See {guidelines_url(name)}"
    patterns = grammar.elements.get(name, []) if grammar is not None else []
    if grammar is None or kind not in ("element-not-expected", "invalid-attribute", "text-not-expected"):
        return f"{message}{see}"
    if kind == "element-not-expected":
        if not patterns:
            return f"unknown element <{name}>{_did_you_mean(name, (), grammar.element_names, '<', '>')}"
        classes = grammar.classes_of(name)
        member = f" (<{name}> is in {', '.join(classes)})" if classes else ""
        return f"<{name}> is not allowed here{member}{see}"
    if not patterns:
        return f"{message}{see}"
    if kind == "text-not-expected":
        content = grammar.render(patterns[0])
        return f"text is not allowed directly in <{name}>; <{name}> allows {content}{see}"
    rules = {key: rule for pattern in patterns for key, rule in grammar.attributes(pattern).items()}
    attribute = groups.get("attribute", "")
    matching = [key for key in rules if key.rpartition(":")[2] == attribute]
    if not matching:
        hint = _did_you_mean(attribute, rules, (), "@", "")
        return f"attribute @{attribute} is not allowed on <{name}>{hint}; <{name}> takes {_attribute_list(rules)}{see}"
    expected = grammar.describe_value(rules[matching[0]].pattern)
    return f"the value of @{matching[0]} on <{name}> is not valid: expected {expected}{see}"


def describe(
    kind: str, groups: dict[str, str], message: str, element: etree._Element | None, grammar: Grammar | None
) -> str:
    """The message for one libxml2 report of ``kind`` (see ``messages.KINDS``) about ``element``."""
    if element is None:
        return _without_document(kind, groups, message, grammar)
    if kind in ("element-not-expected", "wrong-element", "no-namespace", "extra-namespace", "wrong-namespace"):
        return _unexpected_element(element, grammar)
    if kind == "extra-content":
        return _unexpected_element(element, grammar)
    if kind == "text-not-expected":
        return f"text is not allowed directly in <{element_name(element)}>{_allowed(element, grammar)}{_see(element)}"
    if kind == "missing-element":
        expected = f" (<{groups['expected']}>)" if groups.get("expected") else ""
        return (
            f"<{element_name(element)}> is incomplete: a required element is missing{expected}"
            f"{_allowed(element, grammar, 'requires')}{_see(element)}"
        )
    if kind == "not-empty":
        return f"<{element_name(element)}> must be empty{_see(element)}"
    if kind in ("invalid-attribute", "attributes-failed", "bad-value"):
        return _attribute_message(kind, groups, message, element, grammar)
    if kind in ("content-failed", "interleave"):
        return f"the content of <{element_name(element)}> is not valid{_allowed(element, grammar)}{_see(element)}"
    return message


def _unexpected_element(element: etree._Element, grammar: Grammar | None) -> str:
    name, namespace = element_name(element), etree.QName(element).namespace
    parent = element.getparent()
    if grammar is None:
        where = f" in <{element_name(parent)}>" if parent is not None else ""
        return f"element <{name}> is not allowed here{where}{_see(parent if parent is not None else element)}"
    local = etree.QName(element).localname
    known = local in grammar.elements and namespace in grammar.namespaces_of(local)
    if not known and local in grammar.elements and (namespace is None or namespace.startswith(TEI_FAMILY)):
        what = "has no namespace" if namespace is None else f"is in the namespace {namespace}"
        return f"<{name}> {what}: TEI elements belong to the namespace {TEI_NS}"
    foreign = not known and namespace not in (TEI_NS, None)
    if parent is None:
        allowed = " | ".join(grammar.render(start) for start in grammar.starts) or "?"
        return f"the document element <{name}> is not allowed; the schema starts with {allowed}"
    patterns = grammar.patterns_for(parent)
    allowed_here = grammar.allowed_elements(patterns[0]) if patterns else frozenset()
    if foreign:
        # No TEI name is a likely misspelling of an element of another vocabulary (<svg>, <math>).
        head = f"element <{name}> of the namespace {namespace} is not allowed in <{element_name(parent)}>"
    elif not known:
        head = f"unknown element <{name}>" + _did_you_mean(name, allowed_here, grammar.element_names, "<", ">")
    elif name in allowed_here:
        problem = _own_problem(element, grammar)
        if problem:
            return problem
        siblings = [etree.QName(c).localname for c in parent if isinstance(c.tag, str)]
        before = grammar.missing_before(patterns[0], siblings, list(parent).index(element) - _others_before(element))
        head = f"<{name}> is allowed in <{element_name(parent)}> but not at this point"
        head += f": <{before}> must come before it" if before else ""
    else:
        classes = grammar.classes_of(name)
        member = f" (<{name}> is in {', '.join(classes)})" if classes else ""
        head = f"<{name}> is not allowed in <{element_name(parent)}>{member}"
    return f"{head}{_allowed(parent, grammar)}{_see(parent)}"


def _others_before(element: etree._Element) -> int:
    """How many comments and processing instructions precede an element among its siblings."""
    return sum(1 for node in element.itersiblings(preceding=True) if not isinstance(node.tag, str))


def _own_problem(element: etree._Element, grammar: Grammar) -> str | None:
    """What is wrong inside an element its parent allows: text, a child or an attribute its pattern rejects."""
    name = element_name(element)
    pattern = grammar.patterns_for(element)[0]
    text = [element.text, *(child.tail for child in element)]
    if any(t and t.strip() for t in text) and not grammar.allows_text(pattern):
        return f"<{name}> contains text, which it does not allow{_allowed(element, grammar)}{_see(element)}"
    allowed = grammar.allowed_elements(pattern)
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname not in allowed:
            child_name = element_name(child)
            return (
                f"<{name}> contains <{child_name}>, which it does not allow{_allowed(element, grammar)}{_see(element)}"
            )
    rules = grammar.attributes(pattern)
    for clark, value in element.attrib.items():
        key, shown = attribute_key(clark), written_name(element, clark)
        if key not in rules:
            return (
                f"attribute @{shown} is not allowed on <{name}>; <{name}> takes {_attribute_list(rules)}{_see(element)}"
            )
        if not grammar.value_ok(rules[key].pattern, value):
            expected = grammar.describe_value(rules[key].pattern)
            return f'@{shown}="{value}" on <{name}> is not valid: expected {expected}{_see(element)}'
    return None


def _attribute_message(
    kind: str, groups: dict[str, str], message: str, element: etree._Element, grammar: Grammar | None
) -> str:
    if grammar is None or not grammar.patterns_for(element):
        return f"{message}{_see(element)}"
    rules = grammar.attributes(grammar.patterns_for(element)[0])
    problems = []
    for clark, value in element.attrib.items():
        key, shown = attribute_key(clark), written_name(element, clark)
        if kind == "invalid-attribute" and etree.QName(clark).localname != groups.get("attribute"):
            continue
        if key not in rules:
            # Attributes of other namespaces (f:revType) are not misspelt TEI attributes.
            hint = "" if key.startswith("{") else _did_you_mean(key, rules, (), "@", "")
            problems.append(f"attribute @{shown} is not allowed on <{element_name(element)}>{hint}")
        elif not grammar.value_ok(rules[key].pattern, value):
            hint = _did_you_mean(value, grammar.values(rules[key].pattern), (), '"', '"')
            expected = grammar.describe_value(rules[key].pattern)
            problems.append(f'@{shown}="{value}" on <{element_name(element)}> is not valid: expected {expected}{hint}')
    missing = [name for name, rule in rules.items() if rule.required and not _has_attribute(element, name)]
    for name in missing:
        expected = grammar.describe_value(rules[name].pattern)
        problems.append(f"<{element_name(element)}> lacks the required attribute @{name} ({expected})")
    if not problems:
        problems.append(f"the attributes of <{element_name(element)}> do not match the schema")
    if any("not allowed on" in p for p in problems) or len(problems) == 1 and "do not match" in problems[0]:
        problems.append(f"<{element_name(element)}> takes {_attribute_list(rules)}")
    return "; ".join(problems) + _see(element)


def _attribute_list(rules: Mapping[str, AttributeRule]) -> str:
    """The attributes an element takes: its own, then those of each attribute class, summed up."""
    by_class: dict[str, list[str]] = {}
    for name, rule in rules.items():
        by_class.setdefault(rule.owner, []).append(f"@{name}")
    own = by_class.pop("", [])
    parts = [", ".join(own)] if own else []
    for owner, names in sorted(by_class.items(), key=lambda item: (item[0] == "att.global", item[0])):
        parts.append(f"{owner} ({', '.join(names)})")
    return "; ".join(parts) if parts else "no attributes"


def _has_attribute(element: etree._Element, name: str) -> bool:
    return any(attribute_key(clark) == name for clark in element.attrib)


def _allowed(element: etree._Element, grammar: Grammar | None, verb: str = "allows") -> str:
    """``; <p> allows (phrase | <label>)*, where phrase = …`` for an element's best-matching pattern."""
    if grammar is None:
        return ""
    patterns = grammar.patterns_for(element)
    if not patterns:
        return ""
    content = grammar.render(patterns[0])
    glosses = []
    for part in grammar.named_parts(content)[:3]:
        body = grammar.render_define(part)
        if body:
            glosses.append(f"{part} = {body}")
    where = f", where {'; '.join(glosses)}" if glosses else ""
    return f"; <{element_name(element)}> {verb} {content}{where}"


def _did_you_mean(name: str, near: Iterable[str], anywhere: Iterable[str], before: str, after: str) -> str:
    """`` (did you mean <persName>?)`` from the names allowed here first, then from all the grammar's names."""
    for candidates in (near, anywhere):
        close = closest(name, frozenset(candidates))
        if close:
            return f" (did you mean {before}{close}{after}?)"
    return ""


@lru_cache(maxsize=8192)
def closest(name: str, candidates: frozenset[str]) -> str | None:
    """The candidate that differs from ``name`` only in case, else the closest by ``difflib`` (ratio 0.6).

    Cached: a corpus misspells the same names in the same places thousands of times. A ratio of
    0.6 needs the shorter name to be at least 3/7 of the longer, so longer or shorter candidates
    are not compared at all.
    """
    ordered = sorted(candidates)
    folded = name.lower()
    same = [c for c in ordered if c.lower() == folded and c != name]
    if same:
        return same[0]
    pool = [c for c in ordered if 3 * max(len(c), len(name)) <= 7 * min(len(c), len(name))]
    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    return close[0] if close else None


def _see(element: etree._Element) -> str:
    if etree.QName(element).namespace != TEI_NS:
        return ""
    return f". See {guidelines_url(etree.QName(element).localname)}"


def element_name(element: etree._Element) -> str:
    """An element's name as a TEI reader writes it: the local name, with its prefix outside the TEI namespace."""
    qname = etree.QName(element)
    if qname.namespace in (TEI_NS, None) or not element.prefix:
        return str(qname.localname)
    return f"{element.prefix}:{qname.localname}"
