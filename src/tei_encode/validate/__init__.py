"""Validators: RELAX NG, W3C XML Schema and ISO Schematron behind one protocol.

Each validator is built from a schema file and offers ``iter_errors(tree,
file)`` (the diagnostics, one per finding), ``validate(tree)`` (raises
``InvalidDocument``) and ``is_valid(tree)``; ``prepare(vocabulary)`` lets it
compile once for the names a set of documents uses (see ``prune.py``).
``load_validator`` picks the kind by the file's extension; ``default_schemas``
are the project's own; ``sources.py`` resolves named schemas and the documents'
``<?xml-model?>`` instructions; ``run.py`` validates many files.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from typing import Protocol

from lxml import etree

from ..diagnostics import Diagnostic
from ..errors import InvalidDocument, SchemaNotFound, UnknownName
from .vocabulary import Vocabulary


class Validator(Protocol):
    """One compiled schema."""

    name: str

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """The findings for one document."""


class BaseValidator:
    """``validate`` and ``is_valid`` built on ``iter_errors``."""

    name = "schema"
    # Whether ``prepare`` uses the vocabulary (else collecting it can be skipped).
    needs_vocabulary = False
    # Whether ``prepare`` may be given a guess at the names (``vocabulary.sampled_vocabulary``): a
    # document using others is then checked again with its own, at the cost of that document only.
    guesses_vocabulary = False
    # Whether such a validator checks each document against its own names only (no guess is worth it).
    alone = False

    def prepare(self, vocabulary: Vocabulary) -> None:
        """Get ready for documents using at most the names of ``vocabulary`` (nothing to do by default)."""

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """The findings for one document (subclasses implement this)."""
        raise NotImplementedError

    def validate(self, tree: etree._ElementTree | etree._Element, file: str = "") -> None:
        """Raise ``InvalidDocument`` with the diagnostics when the document is invalid."""
        errors: list[object] = list(self.iter_errors(tree, file))
        if errors:
            raise InvalidDocument(errors)

    def is_valid(self, tree: etree._ElementTree | etree._Element) -> bool:
        """Whether the document has no finding."""
        return next(iter(self.iter_errors(tree)), None) is None


def load_validator(path: Path) -> BaseValidator:
    """A validator for the schema at ``path``, chosen by its extension."""
    kinds = {
        ".rng": ("relaxng", "RelaxNGValidator"),
        ".xsd": ("xsd", "XsdValidator"),
        ".sch": ("schematron", "SchematronValidator"),
        ".isosch": ("schematron", "SchematronValidator"),
    }
    if path.suffix not in kinds:
        raise UnknownName("schema type", path.suffix or path.name, kinds)
    if not path.is_file():
        raise SchemaNotFound(f"{path}: schema not found")
    # Only the module needed is imported: xmlschema alone takes 0.7 s, which a RELAX NG run should not pay.
    module, name = kinds[path.suffix]
    validator: BaseValidator = getattr(import_module(f".{module}", __name__), name)(path)
    return validator


def default_schemas() -> list[Path]:
    """The project's schemas (RELAX NG, XSD, Schematron), shipped as package data."""
    from importlib import resources  # 7 ms of imports, not needed when schemas are given

    base = resources.files("tei_encode") / "schema"
    return [Path(str(base / name)) for name in ("tei_encode.rng", "tei_encode.xsd", "tei_encode.sch")]
