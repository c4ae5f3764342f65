"""W3C XML Schema validation with xmlschema, compiled schemas kept in the user cache.

xmlschema builds TEI ``tei_all.xsd`` in 26-46 s; unpickling the built schema takes half a
second. Built schemas are therefore kept on disk, keyed by the bytes of every local file the
schema includes or imports and by the versions of xmlschema and tei-encode.
"""

from __future__ import annotations

import contextlib
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import xmlschema
from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import SchemaError
from ..xmlio import write_atomic
from . import BaseValidator
from .cache import cache_dir, entry_key, sha256_file

_LOCATION = re.compile(rb"""schemaLocation\s*=\s*["']([^"'#]+)["']""")


class XsdValidator(BaseValidator):
    """A compiled XSD."""

    name = "xsd"

    def __init__(self, path: Path, *, disk_cache: bool = True) -> None:
        self.path = path
        try:
            key = entry_key("xsd", xmlschema.__version__, *(sha256_file(f) for f in schema_files(path)))
        except OSError as exc:
            raise SchemaError(f"{path}: cannot read XML Schema: {exc}") from exc
        cached = cache_dir() / "xsd" / f"{key}.pickle"
        self.schema = _load(cached) if disk_cache else None
        if self.schema is None:
            try:
                self.schema = xmlschema.XMLSchema(str(path))
            except (xmlschema.XMLSchemaException, OSError) as exc:
                raise SchemaError(f"{path}: cannot compile XML Schema: {exc}") from exc
            if disk_cache:
                with contextlib.suppress(OSError, pickle.PicklingError):  # a read-only cache only costs speed
                    write_atomic(cached, pickle.dumps(self.schema, protocol=pickle.HIGHEST_PROTOCOL))

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """One diagnostic per schema violation, located at the offending element."""
        assert self.schema is not None
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        for error in self.schema.iter_errors(root):
            element = error.elem
            line = getattr(element, "sourceline", 0) or 0
            path = root.getroottree().getpath(element) if isinstance(element, etree._Element) else (error.path or "")
            yield Diagnostic(
                Severity.ERROR, "xsd", error.reason or str(error.message), file, line, 0, path, self.path.name
            )


def schema_files(path: Path) -> list[Path]:
    """The schema file and every local file it includes or imports, directly or not (in a stable order)."""
    found: list[Path] = []
    todo = [path.resolve()]
    while todo:
        current = todo.pop(0)
        if current in found:
            continue
        found.append(current)
        for match in _LOCATION.finditer(current.read_bytes()):
            location = match.group(1).decode("utf-8", "replace")
            if "://" not in location:
                candidate = (current.parent / location).resolve()
                if candidate.is_file():
                    todo.append(candidate)
    return found


def _load(cached: Path) -> xmlschema.XMLSchema | None:
    """A schema built by an earlier run (the cache is the user's own directory), or None."""
    try:
        with cached.open("rb") as handle:
            schema = pickle.load(handle)  # noqa: S301 (written by this tool into the user's cache)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return schema if isinstance(schema, xmlschema.XMLSchema) else None
