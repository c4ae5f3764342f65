"""ISO Schematron validation: XPath 1 with lxml, XPath 2/3 with Saxon (saxonche).

``queryBinding`` absent, ``xslt`` or ``xslt1``: lxml's ``isoschematron`` compiles the schema to
XSLT 1.0, which runs in libxslt and is reported from its SVRL output. The compiled stylesheet is
streamlined first (see ``streamline``): the skeleton walks every element and attribute of the
document once per pattern, and once more in the default mode for nothing; instead each pattern
visits just the nodes its rule contexts select, in document order, so the SVRL is the same.

``xslt2``, ``xslt3``, ``xpath2``, ``xpath3`` or ``xpath31``: the schema is
compiled to XSLT 3.0 by ``sch2xslt`` (only the patterns whose rule contexts can match the
documents' vocabulary) and run by Saxon HE on the document lxml already parsed safely,
serialised without its DOCTYPE, so Saxon never resolves anything.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree, isoschematron

from ..diagnostics import Diagnostic, Severity
from ..errors import SchemaError
from ..xmlio import safe_parser
from . import BaseValidator
from .locate import SourceText
from .messages import tei_path
from .saxon import processor
from .sch2xslt import XPATH2_BINDINGS, compile_schematron, split_top_level
from .vocabulary import EMPTY_VOCABULARY, Vocabulary, vocabulary_of

SVRL = "http://purl.oclc.org/dsdl/svrl"
XSL = "http://www.w3.org/1999/XSL/Transform"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XPATH1_BINDINGS = {"", "xslt", "xslt1", "exslt"}
_SEVERITIES = {"warning": Severity.WARNING, "warn": Severity.WARNING, "nonfatal": Severity.WARNING}
_SEVERITIES |= {"info": Severity.INFO, "information": Severity.INFO}
_EXECUTABLES: dict[tuple[str, str], Any] = {}
# The templates the skeleton adds to every pattern's mode: skip text, walk on to attributes and children.
_SKELETON_WALKS = {("text()", "-1"), ("@*|node()", "-2")}
# The last step of a pattern that matches elements only (predicates removed): ``*``, ``p:*``, ``name``, ``p:name``.
_ELEMENT_STEP = re.compile(r"(child::)?(\*|[^\W\d][\w.\-]*(:(\*|[^\W\d][\w.\-]*))?)")


class SchematronValidator(BaseValidator):
    """An ISO Schematron schema, run by lxml or Saxon according to its ``queryBinding``."""

    name = "schematron"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            data = path.read_bytes()
            self.document = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=str(path)))
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SchemaError(f"{path}: cannot read Schematron schema: {exc}") from exc
        self.checksum = hashlib.sha256(data).hexdigest()
        self.binding = (self.document.getroot().get("queryBinding") or "").strip().lower()
        self.needs_vocabulary = self.binding in XPATH2_BINDINGS
        if self.binding not in XPATH1_BINDINGS | XPATH2_BINDINGS:
            raise SchemaError(f"{path}: unsupported Schematron queryBinding {self.binding!r}")
        self.vocabulary = EMPTY_VOCABULARY
        self.executable: Any = None
        self.xpath1: etree.XSLT | None = None
        if self.binding in XPATH1_BINDINGS:
            try:
                skeleton = isoschematron.Schematron(self.document, store_xslt=True).validator_xslt
                self.xpath1 = etree.XSLT(streamline(skeleton))
            except (etree.SchematronParseError, etree.XSLTParseError) as exc:
                raise SchemaError(f"{path}: cannot compile Schematron schema: {exc}") from exc

    def prepare(self, vocabulary: Vocabulary) -> None:
        """Compile the patterns that can apply to documents using at most the names of ``vocabulary``."""
        if self.xpath1 is not None:
            return
        self.vocabulary = vocabulary
        key = (self.checksum, vocabulary.key())
        if key not in _EXECUTABLES:
            stylesheet = compile_schematron(self.document.getroot(), vocabulary)
            _EXECUTABLES[key] = self._compile_xslt(stylesheet)
        self.executable = _EXECUTABLES[key]

    def _compile_xslt(self, stylesheet: etree._ElementTree) -> Any:
        from saxonche import PySaxonApiError

        text = etree.tostring(stylesheet, encoding="unicode")
        try:
            return processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
        except PySaxonApiError as exc:
            raise SchemaError(f"{self.path}: cannot compile Schematron schema: {exc}") from exc

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """One diagnostic per failed assertion or successful report, at the element it is about."""
        doc = tree if isinstance(tree, etree._ElementTree) else tree.getroottree()
        findings = self._xpath1_findings(doc) if self.xpath1 is not None else self._xpath2_findings(doc)
        source: SourceText | None = None
        for kind, role, rule, location, text in findings:
            element = _element_at(doc, location)
            line, column = 0, 0
            if element is not None:
                source = source or SourceText(doc)
                line, column = source.element(element)
            yield Diagnostic(
                _SEVERITIES.get(role.lower(), Severity.ERROR),
                "schematron",
                text,
                file,
                line,
                column,
                tei_path(element) if element is not None else location,
                rule or kind,
            )

    def _xpath1_findings(self, doc: etree._ElementTree) -> Iterator[tuple[str, str, str, str, str]]:
        assert self.xpath1 is not None
        report = self.xpath1(doc).getroot()
        if report is None:
            return
        for result in report.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
            text = " ".join("".join(result.itertext()).split())
            rule = result.get("id") or result.get("test", "")
            yield etree.QName(result).localname, result.get("role", ""), rule, result.get("location", ""), text

    def _xpath2_findings(self, doc: etree._ElementTree) -> Iterator[tuple[str, str, str, str, str]]:
        own = vocabulary_of([doc])
        if self.executable is None or not self.vocabulary.covers(own):
            self.prepare(self.vocabulary | own)
        node = processor().parse_xml(xml_text=etree.tostring(doc.getroot(), encoding="unicode"))
        output = self.executable.transform_to_string(xdm_node=node)
        for finding in etree.fromstring(output.encode("utf-8"), safe_parser()).iter("finding"):
            text = " ".join("".join(finding.itertext()).split())
            yield (
                finding.get("kind", ""),
                finding.get("role", ""),
                finding.get("id", ""),
                finding.get("location", ""),
                text,
            )


def _element_at(doc: etree._ElementTree, location: str) -> etree._Element | None:
    """The element a Schematron location points at (None when it cannot be resolved)."""
    if not location:
        return None
    try:
        found = doc.xpath(location, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    except etree.XPathError:
        return None
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0]
    return None


def streamline(stylesheet: etree._ElementTree) -> etree._ElementTree:
    """The skeleton's XSLT 1.0 stylesheet made to visit only the nodes its rules can fire on; same SVRL.

    The skeleton walks the whole document once per pattern (every element and attribute, trying
    each rule's context on each), and once more in the default mode, where nothing but the
    skipping of text is defined. Here the default walk is dropped and each pattern whose rule
    contexts are all element patterns selects its nodes at once with the contexts as expressions
    (``tei:note[@n]`` as ``//tei:note[@n]``): the same nodes in the same document order, each
    matched by the same first rule, so the report does not change. Other patterns keep their walk.
    """
    stylesheet = copy.deepcopy(stylesheet)
    templates = [t for t in stylesheet.getroot() if t.tag == f"{{{XSL}}}template"]
    main = next((t for t in templates if t.get("match") == "/" and t.get("mode") is None), None)
    if main is None:
        return stylesheet
    starts = list(main.iter(f"{{{XSL}}}apply-templates"))
    if all(t.get("mode") is not None or t.get("match") in ("/", "text()") for t in templates):
        for walk in starts:
            if walk.get("mode") is None and walk.get("select") is None:
                walk.getparent().remove(walk)
    for start in starts:
        mode = start.get("mode")
        if mode is not None and start.get("select") == "/":
            _select_directly(start, [t for t in templates if t.get("mode") == mode])
    return stylesheet


def _select_directly(start: etree._Element, templates: list[etree._Element]) -> None:
    """Make ``start`` apply its mode's rules to the nodes they match, and the rules stop walking on."""
    mode = start.get("mode")
    rules = [t for t in templates if (t.get("match"), t.get("priority")) not in _SKELETON_WALKS]
    walks = [w for t in templates for w in t.iter(f"{{{XSL}}}apply-templates") if w.get("mode") == mode]
    selects = [_as_select(alternative) for rule in rules for alternative in _alternatives(rule.get("match", ""))]
    if (
        not rules
        or None in selects
        or any(w.getparent() not in templates for w in walks)
        or any(not set(rule.nsmap.items()) <= set(start.nsmap.items()) for rule in rules)
    ):
        return
    start.set("select", " | ".join(s for s in selects if s))
    for walk in walks:
        walk.getparent().remove(walk)


def _as_select(pattern: str) -> str | None:
    """An XSLT pattern matching elements as the expression selecting them; None for other patterns."""
    pattern = pattern.strip()
    if "current()" in pattern or pattern.startswith(("id(", "key(")):
        return None
    last = split_top_level(pattern, "/")[-1]
    if not _ELEMENT_STEP.fullmatch(last.split("[", 1)[0].strip()):
        return None
    return pattern if pattern.startswith("/") else f"//{pattern}"


def _alternatives(pattern: str) -> list[str]:
    """The alternatives of a union pattern."""
    return split_top_level(pattern, "|")
