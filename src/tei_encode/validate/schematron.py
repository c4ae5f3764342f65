"""ISO Schematron validation: XPath 1 with lxml, XPath 2/3 with Saxon (saxonche).

``queryBinding`` absent, ``xslt`` or ``xslt1``: lxml's ``isoschematron`` (libxslt), reported
from the SVRL output. ``xslt2``, ``xslt3``, ``xpath2``, ``xpath3`` or ``xpath31``: the schema is
compiled to XSLT 3.0 by ``sch2xslt`` (only the patterns whose rule contexts can match the
documents' vocabulary) and run by Saxon HE on the document lxml already parsed safely,
serialised without its DOCTYPE, so Saxon never resolves anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree, isoschematron

from ..diagnostics import Diagnostic, Severity
from ..errors import SchemaError
from ..xmlio import safe_parser
from . import BaseValidator
from .messages import tei_path
from .prune import EMPTY_VOCABULARY, Vocabulary, vocabulary_of
from .saxon import processor
from .sch2xslt import XPATH2_BINDINGS, compile_schematron

SVRL = "http://purl.oclc.org/dsdl/svrl"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XPATH1_BINDINGS = {"", "xslt", "xslt1", "exslt"}
_SEVERITIES = {"warning": Severity.WARNING, "warn": Severity.WARNING, "nonfatal": Severity.WARNING}
_SEVERITIES |= {"info": Severity.INFO, "information": Severity.INFO}
_EXECUTABLES: dict[tuple[str, str], Any] = {}


class SchematronValidator(BaseValidator):
    """An ISO Schematron schema, run by lxml or Saxon according to its ``queryBinding``."""

    name = "schematron"
    fork_safe = False

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
        self.xpath1: isoschematron.Schematron | None = None
        if self.binding in XPATH1_BINDINGS:
            try:
                self.xpath1 = isoschematron.Schematron(self.document, store_report=True)
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
        for kind, role, rule, location, text in findings:
            element = _element_at(doc, location)
            yield Diagnostic(
                _SEVERITIES.get(role.lower(), Severity.ERROR),
                "schematron",
                text,
                file,
                element.sourceline or 0 if element is not None else 0,
                0,
                tei_path(element) if element is not None else location,
                rule or kind,
            )

    def _xpath1_findings(self, doc: etree._ElementTree) -> Iterator[tuple[str, str, str, str, str]]:
        assert self.xpath1 is not None
        self.xpath1.validate(doc)
        report = self.xpath1.validation_report
        if report is None:
            return
        for result in report.getroot().iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
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
