"""ISO Schematron validation (XPath 1) with lxml, reported from the SVRL output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree, isoschematron

from ..diagnostics import Diagnostic, Severity
from ..errors import SchemaError
from ..xmlio import safe_parser
from . import BaseValidator

SVRL = "http://purl.oclc.org/dsdl/svrl"


class SchematronValidator(BaseValidator):
    """A compiled ISO Schematron schema (queryBinding xslt1)."""

    name = "schematron"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            document = etree.parse(str(path), safe_parser())
            self.schema = isoschematron.Schematron(document, store_report=True)
        except (etree.XMLSyntaxError, etree.SchematronParseError, etree.XSLTParseError) as exc:
            raise SchemaError(f"{path}: cannot compile Schematron schema: {exc}") from exc

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """One diagnostic per failed assertion or successful report, at the element it is about."""
        doc = tree if isinstance(tree, etree._ElementTree) else tree.getroottree()
        self.schema.validate(doc)
        report = self.schema.validation_report
        if report is None:
            return
        for result in report.getroot().iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
            location = result.get("location", "")
            text = " ".join("".join(result.itertext()).split())
            yield Diagnostic(
                Severity.ERROR,
                "schematron",
                text,
                file,
                _line_of(doc, location),
                0,
                location,
                result.get("id") or result.get("test", ""),
            )


def _line_of(doc: etree._ElementTree, location: str) -> int:
    try:
        found = doc.xpath(location, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    except etree.XPathError:
        return 0
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0].sourceline or 0
    return 0
