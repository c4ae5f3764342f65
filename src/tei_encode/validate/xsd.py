"""W3C XML Schema validation with xmlschema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import xmlschema
from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import SchemaError
from . import BaseValidator


class XsdValidator(BaseValidator):
    """A compiled XSD."""

    name = "xsd"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.schema = xmlschema.XMLSchema(str(path))
        except (xmlschema.XMLSchemaException, OSError) as exc:
            raise SchemaError(f"{path}: cannot compile XML Schema: {exc}") from exc

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """One diagnostic per schema violation, located at the offending element."""
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        for error in self.schema.iter_errors(root):
            element = error.elem
            line = getattr(element, "sourceline", 0) or 0
            path = root.getroottree().getpath(element) if isinstance(element, etree._Element) else (error.path or "")
            yield Diagnostic(
                Severity.ERROR, "xsd", error.reason or str(error.message), file, line, 0, path, self.path.name
            )
