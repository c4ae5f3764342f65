"""A compiler from ISO Schematron (XPath 2/3 query bindings) to XSLT 3.0, run by Saxon.

No XSLT 2 Schematron skeleton ships on PyPI, so this module writes the stylesheet itself: one
mode per pattern, one template per rule (the first rule of a pattern that matches a node wins,
through descending priorities), ``let`` as variables, ``assert`` and ``report`` as tests that
emit a ``finding`` element with the message (``value-of`` and ``name`` evaluated), the role, the
id and the location of the node as a positional path (``/*[1]/*[3]``) that lxml can resolve to a
line. ``abstract`` rules are inlined where ``extends`` names them; schema- and pattern-level
``let`` are evaluated in each rule's context; abstract patterns, phases and ``diagnostics`` are
not supported (every pattern is active). Patterns of one rule are applied to the nodes of an
XPath selection (``//tei:p``); patterns of several rules share one walk over the document.

``compile_schematron`` can leave out the patterns whose rule contexts cannot match any node of a
vocabulary (the last step names an element or attribute no document contains), which makes
large schemas such as the TEI's 93 patterns cheap on documents that use a few of their elements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from ..errors import SchemaError
from .vocabulary import Vocabulary

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
LOCAL_NS = "urn:x-tei-encode:schematron"
XPATH2_BINDINGS = {"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}


def _sch(local: str) -> str:
    return f"{{{SCH_NS}}}{local}"


def _xsl(parent: etree._Element, local: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{XSL_NS}}}{local}", **attributes)


def namespaces_of(schema: etree._Element) -> dict[str, str]:
    """The prefixes the schema declares with ``sch:ns``."""
    return {ns.get("prefix", ""): ns.get("uri", "") for ns in schema.iter(_sch("ns")) if ns.get("prefix")}


def compile_schematron(schema: etree._Element, vocabulary: Vocabulary | None = None) -> etree._ElementTree:
    """An XSLT 3.0 stylesheet that reports the findings of ``schema`` as ``finding`` elements."""
    if schema.tag != _sch("schema"):
        raise SchemaError("not an ISO Schematron schema (root is not sch:schema)")
    if schema.find(f"{_sch('pattern')}[@abstract='true']") is not None:
        raise SchemaError("abstract Schematron patterns are not supported")
    namespaces = namespaces_of(schema)
    nsmap: dict[str | None, str] = {"xsl": XSL_NS, "xs": "http://www.w3.org/2001/XMLSchema", "f": LOCAL_NS}
    nsmap.update({p: u for p, u in namespaces.items() if p not in nsmap})
    sheet = etree.Element(f"{{{XSL_NS}}}stylesheet", nsmap=nsmap, version="3.0", **{"exclude-result-prefixes": "#all"})
    _xsl(sheet, "output", method="xml", indent="no")
    _location_function(sheet)
    abstract = {r.get("id", ""): r for r in schema.iter(_sch("rule")) if r.get("abstract") == "true"}
    global_lets = schema.findall(_sch("let"))
    findings = etree.SubElement(_xsl(sheet, "template", match="/"), "findings")
    walked: list[tuple[str, list[etree._Element]]] = []
    for index, pattern in enumerate(schema.iter(_sch("pattern"))):
        rules = [r for r in pattern.findall(_sch("rule")) if r.get("abstract") != "true"]
        if vocabulary is not None:
            rules = [r for r in rules if _may_match(r.get("context", ""), {**namespaces, **_prefixes(r)}, vocabulary)]
        if not rules:
            continue
        mode = f"p{index}"
        _xsl(sheet, "mode", name=mode, **{"on-no-match": "deep-skip"})
        lets = global_lets + pattern.findall(_sch("let"))
        for position, rule in enumerate(rules):
            _rule_template(sheet, rule, mode, len(rules) - position, lets, abstract, pattern.get("id", mode))
        selection = _selection(rules[0].get("context", "")) if len(rules) == 1 else None
        if selection is None:
            walked.append((mode, rules))
        else:
            etree.SubElement(
                findings, f"{{{XSL_NS}}}apply-templates", nsmap=_prefixes(rules[0]), select=selection, mode=mode
            )
    if walked:
        _walk(sheet, findings, walked)
    return etree.ElementTree(sheet)


def _selection(context: str) -> str | None:
    """An XPath expression selecting the nodes a rule context matches, or None if not simply derived.

    A pattern of one rule needs no traversal of its own: ``tei:p[@x]`` matches exactly the nodes
    of ``//tei:p[@x]``, which Saxon evaluates far faster than a template walk.
    """
    parts = []
    for part in (p.strip() for p in split_top_level(context, "|")):
        if not part or re.match(r"^[\w.-]+(:[\w.-]+)?\s*\(", part) and not part.startswith(("text()", "node()")):
            return None
        parts.append(part if part.startswith("/") else f"//{part}")
    return " | ".join(parts)


def _walk(sheet: etree._Element, findings: etree._Element, walked: list[tuple[str, list[etree._Element]]]) -> None:
    """One traversal of the document that applies the modes of multi-rule patterns to each node.

    Attributes and text nodes are visited only when a rule context can match them.
    """
    _xsl(findings, "apply-templates", select=".", mode="walk")
    contexts = [rule.get("context", "") for _, rules in walked for rule in rules]
    kinds = {_node_kind(part) for context in contexts for part in split_top_level(context, "|")}
    children = "*" + ("|@*" if kinds & {"attribute", "any"} else "") + ("|text()" if kinds & {"text", "any"} else "")
    walk = _xsl(sheet, "template", match="document-node()|*|@*|text()", mode="walk")
    for mode, _ in walked:
        _xsl(walk, "apply-templates", select=".", mode=mode)
    _xsl(walk, "apply-templates", select=children, mode="walk")


def _node_kind(path: str) -> str:
    """What the last step of a path selects: "element", "attribute", "text" or "any" (unknown)."""
    inner = _parenthesised(path)
    if inner is not None:
        kinds = {_node_kind(part) for part in split_top_level(inner, "|")}
        return kinds.pop() if len(kinds) == 1 else "any"
    steps = split_top_level(path.strip(), "/")
    last = _strip_predicates(steps[-1].strip()) if steps else ""
    if last.startswith(("@", "attribute::")):
        return "attribute"
    if last in {"text()", "child::text()"}:
        return "text"
    if last == "" and len(steps) <= 2 or last.startswith(("*", "tei:", "child::")) or _STEP_NAME.match(last):
        return "element"
    return "any"


def _prefixes(element: etree._Element) -> dict[str, str]:
    return {p: u for p, u in element.nsmap.items() if p}


def _location_function(sheet: etree._Element) -> None:
    function = _xsl(sheet, "function", name="f:location", **{"as": "xs:string"})
    _xsl(function, "param", name="node", **{"as": "node()"})
    _xsl(
        function,
        "sequence",
        select="string-join(for $e in $node/ancestor-or-self::* "
        "return concat('/*[', count($e/preceding-sibling::*) + 1, ']'), '')",
    )


def _rule_template(
    sheet: etree._Element,
    rule: etree._Element,
    mode: str,
    priority: int,
    lets: list[etree._Element],
    abstract: dict[str, etree._Element],
    pattern_id: str,
) -> None:
    context = rule.get("context")
    if not context:
        raise SchemaError(f"Schematron rule without a context in pattern {pattern_id!r}")
    template = etree.SubElement(
        sheet, f"{{{XSL_NS}}}template", nsmap=_prefixes(rule), match=context, mode=mode, priority=str(priority)
    )
    body = [*lets, *_expanded(rule, abstract)]
    for child in body:
        if child.tag == _sch("let"):
            _xsl(template, "variable", name=child.get("name", ""), select=child.get("value", "()"))
    for child in body:
        if child.tag in (_sch("assert"), _sch("report")):
            _check(template, child, pattern_id)


def _expanded(rule: etree._Element, abstract: dict[str, etree._Element]) -> Iterable[etree._Element]:
    """The children of a rule, with ``extends`` replaced by the abstract rule's children."""
    for child in rule:
        if child.tag == _sch("extends"):
            base = abstract.get(child.get("rule", ""))
            if base is None:
                raise SchemaError(f"Schematron rule extends unknown abstract rule {child.get('rule')!r}")
            yield from _expanded(base, abstract)
        elif isinstance(child.tag, str):
            yield child


def _check(template: etree._Element, check: etree._Element, pattern_id: str) -> None:
    test = check.get("test", "false()")
    condition = f"not({test})" if check.tag == _sch("assert") else test
    branch = _xsl(template, "if", test=condition)
    finding = etree.SubElement(branch, "finding")
    _xsl(finding, "attribute", name="location", select="f:location(.)")
    finding.set("kind", etree.QName(check).localname)
    finding.set("role", _literal(check.get("role") or check.getparent().get("role") or ""))
    finding.set("id", _literal(check.get("id") or pattern_id))
    finding.set("test", _literal(test))
    _message(finding, check)


def _literal(text: str) -> str:
    """``text`` as the value of a literal result attribute (braces would start a value template)."""
    return text.replace("{", "{{").replace("}", "}}")


def _message(target: etree._Element, source: etree._Element) -> None:
    """Copy a message: text as text, ``value-of`` and ``name`` as evaluated values, other markup as its text."""
    if source.text:
        _xsl(target, "text").text = source.text
    for child in source:
        if child.tag == _sch("value-of"):
            _xsl(target, "value-of", select=child.get("select", "."))
        elif child.tag == _sch("name"):
            _xsl(target, "value-of", select=f"name({child.get('path', '.')})")
        elif isinstance(child.tag, str):
            _message(target, child)
        if child.tail:
            _xsl(target, "text").text = child.tail


_STEP_NAME = re.compile(r"^(@?)(?:([\w.-]+):)?([\w.-]+|\*)$")


def _may_match(context: str, prefixes: dict[str, str], vocabulary: Vocabulary) -> bool:
    """Whether a rule context can match a node of a document with ``vocabulary`` (conservatively True)."""
    return any(_alternative_may_match(part, prefixes, vocabulary) for part in split_top_level(context, "|"))


def _alternative_may_match(path: str, prefixes: dict[str, str], vocabulary: Vocabulary) -> bool:
    """False when a step of the path names an element or attribute absent from the vocabulary."""
    inner = _parenthesised(path)
    if inner is not None:
        return _may_match(inner, prefixes, vocabulary)
    steps = [step.strip() for step in split_top_level(path.strip(), "/") if step.strip()]
    for step in steps:
        name = _strip_predicates(step)
        for axis in ("child::", "self::", "descendant::", "descendant-or-self::"):
            name = name.removeprefix(axis)
        if name.startswith("attribute::"):
            name = "@" + name.removeprefix("attribute::")
        if not _name_may_occur(name, prefixes, vocabulary):
            return False
        if not all(_name_may_occur(t, prefixes, vocabulary) for t in _required_attributes(step, len(name))):
            return False
    return True


def _required_attributes(step: str, name_length: int) -> list[str]:
    """The bare ``@name`` conjuncts of the predicates of a step (each must be present to match)."""
    required = []
    rest = step[name_length:].strip() if not step.startswith("(") else ""
    while rest.startswith("["):
        end = _closing(rest, "[", "]")
        predicate = rest[1:end]
        conjuncts = split_top_level(re.sub(r"\s+and\s+", "&", predicate), "&")
        required += [c.strip() for c in conjuncts if _STEP_NAME.match(c.strip() or "-")]
        rest = rest[end + 1 :].strip()
    return [r for r in required if r.startswith("@")]


def _name_may_occur(name: str, prefixes: dict[str, str], vocabulary: Vocabulary) -> bool:
    """Whether a name test (``tei:p``, ``@xml:id``) can match; True for anything else."""
    match = _STEP_NAME.match(name)
    if match is None or match.group(3) == "*":
        return True
    at, prefix, local = match.groups()
    if prefix is None:
        namespace = ""
    elif prefix == "xml":
        namespace = "http://www.w3.org/XML/1998/namespace"
    elif prefix in prefixes:
        namespace = prefixes[prefix]
    else:
        return True
    clark = f"{{{namespace}}}{local}" if namespace else local
    return clark in (vocabulary.attributes if at else vocabulary.elements)


def _closing(text: str, opening: str, closing: str) -> int:
    """The index of the bracket that closes the one ``text`` starts with (its length when unclosed)."""
    depth = 0
    for index, char in enumerate(text):
        depth += 1 if char == opening else -1 if char == closing else 0
        if depth == 0:
            return index
    return len(text)


def _parenthesised(path: str) -> str | None:
    """The union inside ``( a | b )[predicates]``, or None when the path is not of that form."""
    stripped = _strip_predicates(path.strip())
    if stripped.startswith("(") and stripped.endswith(")") and len(split_top_level(path.strip(), "/")) == 1:
        return path.strip()[1 : _closing(path.strip(), "(", ")")]
    return None


def _strip_predicates(step: str) -> str:
    depth, kept = 0, []
    for char in step:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def split_top_level(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator`` outside brackets, parentheses and string literals."""
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts
