"""Source file to TEI trees: read, enrich, write. The one place the stages meet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .diagnostics import Reporter
from .enrichers import Context, enrich
from .model import Document
from .readers import read_path
from .register import Register
from .writers.tei import TeiWriter


@dataclass
class Converted:
    """One document of a source: its model, its TEI tree and the file name it is written to."""

    document: Document
    tree: etree._Element

    @property
    def filename(self) -> str:
        """``<document id>.xml``."""
        return f"{self.document.id}.xml"


def convert_path(
    path: Path, register: Register, reporter: Reporter, source_format: str | None = None
) -> list[Converted]:
    """Every document of one source file as TEI; problems go to ``reporter``."""
    documents = read_path(path, reporter, source_format)
    context = Context(register)
    writer = TeiWriter()
    converted = []
    for document in documents:
        enrich(document, context, reporter)
        converted.append(Converted(document, writer.write(document, context.register_for(document.id), reporter)))
    return converted


def default_register(source: Path) -> Register:
    """The register beside a source: ``register/`` in the source's directory, if any."""
    directory = source.parent if source.is_file() else source
    return Register.from_directory(directory / "register")
