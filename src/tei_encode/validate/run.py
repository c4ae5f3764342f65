"""Validating files: parse safely, run every validator, turn parse errors into findings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..xmlio import parse_file
from . import BaseValidator


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files given directly, and every ``*.xml`` under the directories given, sorted and unique."""
    found: set[Path] = set()
    for path in paths:
        found.update(sorted(path.rglob("*.xml")) if path.is_dir() else [path])
    return sorted(found)


def validate_file(path: Path, validators: Sequence[BaseValidator]) -> list[Diagnostic]:
    """Every finding for one file: a parse error, or what each validator reports."""
    try:
        tree = parse_file(path)
    except OSError as exc:
        return [Diagnostic(Severity.ERROR, "io", f"cannot read: {exc.strerror or exc}", str(path))]
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        return [Diagnostic(Severity.ERROR, "not-well-formed", exc.msg, str(path), line, column)]
    return list(iter_findings(tree, str(path), validators))


def iter_findings(tree: etree._ElementTree, file: str, validators: Sequence[BaseValidator]) -> Iterator[Diagnostic]:
    """The findings of every validator for one parsed document, in validator order."""
    for validator in validators:
        yield from validator.iter_errors(tree, file)
