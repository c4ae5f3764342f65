"""Readers turn one source text into document models; one module per source format.

A reader has a ``name``, ``detect(text) -> bool`` (does this text look like my
format?) and ``read(text, source, reporter) -> list[Document]``. ``READERS``
maps names to readers; ``read_path`` decodes a file, picks the reader (by
detection or by name) and reports problems with the file name and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..diagnostics import Reporter
from ..errors import UnknownName
from ..model import Document
from .collection import CollectionReader
from .decoding import decode_source
from .plain import PlainReader
from .wilson import WilsonReader


class Reader(Protocol):
    """One source format."""

    name: str

    def detect(self, text: str) -> bool:
        """Whether ``text`` looks like this format."""

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """The documents the text holds."""


READERS: dict[str, Reader] = {r.name: r for r in (WilsonReader(), CollectionReader(), PlainReader())}


def reader_for(text: str, name: str | None = None) -> Reader:
    """The named reader, or the first whose ``detect`` accepts the text (plain text last)."""
    if name is not None:
        if name not in READERS:
            raise UnknownName("format", name, READERS)
        return READERS[name]
    return next(r for r in READERS.values() if r.detect(text) or r.name == "plain")


def read_path(path: Path, reporter: Reporter, name: str | None = None) -> list[Document]:
    """Decode ``path`` and read it with the chosen reader."""
    text = decode_source(path)
    return reader_for(text, name).read(text, path.name, reporter)
