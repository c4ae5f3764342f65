"""The exception hierarchy: one root, each subclass also a matching built-in."""

from __future__ import annotations

from collections.abc import Iterable


class TeiEncodeError(Exception):
    """Root of every error tei-encode raises on purpose."""


class ReaderError(TeiEncodeError, ValueError):
    """A source text cannot be read (empty, not UTF-8, unknown format)."""


class UnknownName(TeiEncodeError, KeyError):
    """A name (reader, view, schema) that is not registered."""

    def __init__(self, what: str, name: str, known: Iterable[str]) -> None:
        self.what, self.name, self.known = what, name, sorted(known)
        super().__init__(f"unknown {what} {name!r}; known: {', '.join(self.known)}")

    def __str__(self) -> str:
        return str(self.args[0])


class SchemaNotFound(TeiEncodeError, FileNotFoundError):
    """A schema file or named schema that is not there."""


class SchemaError(TeiEncodeError, ValueError):
    """A schema that cannot be compiled."""


class InvalidDocument(TeiEncodeError, ValueError):
    """A document that fails validation; carries the diagnostics."""

    def __init__(self, diagnostics: list[object]) -> None:
        self.diagnostics = diagnostics
        super().__init__(f"{len(diagnostics)} validation error(s)")
