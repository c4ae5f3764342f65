"""RELAX NG validation with lxml (libxml2)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import SchemaError
from ..xmlio import safe_parser
from . import BaseValidator


class RelaxNGValidator(BaseValidator):
    """A compiled RELAX NG schema (XML syntax)."""

    name = "relaxng"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.schema = etree.RelaxNG(etree.parse(str(path), safe_parser()))
        except (etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
            raise SchemaError(f"{path}: cannot compile RELAX NG schema: {exc}") from exc

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """One diagnostic per libxml2 error, with line and column."""
        if self.schema.validate(tree):
            return
        for entry in self.schema.error_log:
            yield Diagnostic(
                Severity.ERROR,
                "relaxng",
                entry.message,
                file or entry.filename or "",
                entry.line,
                entry.column,
                entry.path or "",
                self.path.name,
            )
