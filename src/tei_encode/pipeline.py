"""Source file to TEI trees: read, enrich, write. The one place the stages meet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .diagnostics import Reporter
from .editorial.decisions import Decision
from .editorial.hook import refuse, review_and_decide
from .editorial.record import record_editors
from .editorial.rows import ReviewRow
from .enrichers import Context, enrich, enrich_page
from .model import Block, Document
from .readers import read_path
from .readers.blocks import document_id
from .readers.decoding import decode_bytes, read_source_bytes
from .readers.docx.archive import is_zip
from .register import Entry, Register
from .writers.collection import collection_index
from .writers.tei import TeiWriter


@dataclass
class Converted:
    """One document of a source: its model, its TEI tree and the file name it is written to."""

    document: Document
    tree: etree._Element
    review: list[ReviewRow] = field(default_factory=list)  # what the converters were unsure of
    accepted: list[Entry] = field(default_factory=list)  # entries the editors' decisions accepted or defined

    @property
    def filename(self) -> str:
        """``<document id>.xml``."""
        return f"{self.document.id}.xml"


def convert_path(
    path: Path,
    register: Register,
    reporter: Reporter,
    source_format: str | None = None,
    decisions: Sequence[Decision] = (),
) -> list[Converted]:
    """Every document of one source file as TEI, with its review rows and the editors' ``decisions`` applied;
    problems go to ``reporter``."""
    first = len(reporter.diagnostics)
    documents = read_path(path, reporter, source_format)
    context = Context(register)
    writer = TeiWriter()
    converted = []
    for document in documents:
        enrich(document, context, reporter)
    enrich_page(documents, context, reporter)  # a name one letter leaves open, another on the page may settle
    lines = _source_lines(path)
    decided = review_and_decide(documents, context, reporter, decisions, reporter.diagnostics[first:], lines)
    for document in documents:
        tree = writer.write(document, context.register_for(document.id), reporter)
        record_editors(tree, decided[document.id].editors)
        converted.append(Converted(document, tree, decided[document.id].rows, decided[document.id].accepted))
    index = _collection_index(path, converted, context.register, reporter)
    if index:
        refuse(index.document.id, decisions, reporter, "a collection's index is made from its letters: decide on them")
    return converted + ([index] if index else [])


def _source_lines(path: Path) -> list[str]:
    """The lines of a text source, which review rows quote (none for a Word file)."""
    data = read_source_bytes(path)
    return [] if is_zip(data) else decode_bytes(data, str(path)).splitlines()


def _collection_index(
    path: Path, converted: list[Converted], register: Register, reporter: Reporter
) -> Converted | None:
    """The index of the letters a page of a collection holds, if the source is one."""
    letters = [c for c in converted if "collection" in c.document.fields]
    if not letters:
        return None
    first = letters[0].document
    numbers = [c.document.meta.number for c in letters if c.document.meta.number]
    heading = first.fields["collection"].text.split("\n", 1)[0].strip()
    span = f"Nos. {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else f"No. {numbers[0]}" if numbers else ""
    title = Block("title", f"{heading}: {span}" if span else heading)
    index_id = document_id(path.name)
    if any(c.document.id == index_id for c in converted):  # a page of one letter: the letter keeps the name
        index_id = f"{index_id}-index"
    index = Document(
        id=index_id,
        source=first.source,
        genre="collection-index",
        lang=first.lang,
        title=title,
        fields={"collection": first.fields["collection"]},
    )
    pairs = [(c.document, c.tree) for c in letters]
    return Converted(index, collection_index(index, pairs, register, reporter))


def default_register(source: Path) -> Register:
    """The register beside a source: ``register/`` in the source's directory, if any."""
    directory = source.parent if source.is_file() else source
    return Register.from_directory(directory / "register")
