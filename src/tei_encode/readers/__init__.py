"""Readers turn one source text into document models; one module per source format.

A reader has a ``name``, ``detect(text) -> bool`` (does this text look like my
format?) and ``read(text, source, reporter) -> list[Document]``. ``READERS``
maps names to readers; ``read_path`` decodes a file, refuses XML and HTML,
picks the reader (by detection or by name), drops the site's chrome lines and reports problems with the file
name and line; a format given by name that the text does not look like is
reported. Readers of binary formats (Word files) take the file's bytes instead:
``BINARY_READERS``, chosen by name or when the bytes are a ZIP archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..diagnostics import Reporter
from ..errors import ReaderError, UnknownName
from ..model import Document
from .chrome import drop_chrome
from .collection import CollectionReader
from .decoding import decode_bytes, read_source_bytes
from .docx import DocxError, DocxReader
from .docx.archive import is_zip
from .edition import EditionReader
from .layouts import LayoutReader
from .layouts.wilson_pdf import LAYOUT as WILSON_PDF
from .layouts.wilson_site import LAYOUT as WILSON_SITE
from .letters import LettersReader
from .markup import refuse_markup
from .plain import PlainReader
from .protocol import Reader
from .wilson import WilsonReader
from .works import WorksReader


class BinaryReader(Protocol):
    """One binary source format."""

    name: str

    def read_bytes(self, data: bytes, source: str, reporter: Reporter) -> list[Document]:
        """The documents the file holds."""


_WILSON = WilsonReader()
# Layouts first: a page of a layout may also pass its base format's test.
READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        LayoutReader(WILSON_SITE, _WILSON),
        LayoutReader(WILSON_PDF, _WILSON),
        _WILSON,
        EditionReader(),
        WorksReader(),
        CollectionReader(),
        LettersReader(),
        PlainReader(),
    )
}
BINARY_READERS: dict[str, BinaryReader] = {r.name: r for r in (DocxReader(),)}
FORMATS = sorted({*READERS, *BINARY_READERS})


def reader_for(text: str, name: str | None = None) -> Reader:
    """The named reader, or the first whose ``detect`` accepts the text (plain text last)."""
    if name is not None:
        if name not in READERS:
            raise UnknownName("format", name, FORMATS)
        return READERS[name]
    return next(r for r in READERS.values() if r.detect(text) or r.name == "plain")


def read_path(path: Path, reporter: Reporter, name: str | None = None) -> list[Document]:
    """Read ``path`` with the named reader, else the one its bytes (a ZIP archive) or its text call for."""
    data = read_source_bytes(path)
    if name in BINARY_READERS or (name is None and is_zip(data)):
        try:
            return BINARY_READERS[name or "docx"].read_bytes(data, path.name, reporter)
        except DocxError as error:  # named by its path, as the user gave it
            raise DocxError(str(path), error.reason, error.part) from None
    if name is None and path.suffix.lower() == ".docx":
        raise ReaderError(
            f"{path}: named .docx but not a Word file (a .docx is a ZIP archive); "
            "if it is text, convert it with --format plain"
        )
    text = decode_bytes(data, str(path))
    refuse_markup(text, str(path))
    reader = reader_for(text, name)
    if name is not None and name != "plain" and not reader.detect(text):
        reporter.warning("format-not-detected", f"the text does not look like the {name} format; read as {name}")
    return reader.read(drop_chrome(text, reporter), path.name, reporter)
