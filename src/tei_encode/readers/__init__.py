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
from ..errors import ReaderError, UnknownName
from ..model import Document
from .collection import CollectionReader
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


def decode_source(path: Path) -> str:
    """The text of a source file: UTF-8 (a BOM is allowed), not empty, newlines normalised."""
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise ReaderError(f"{path}: is a directory, not a source text") from exc
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReaderError(f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    if not text.strip():
        raise ReaderError(f"{path}:1: empty source text")
    bad = next((i for i, ch in enumerate(text) if _forbidden_in_xml(ch)), None)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise ReaderError(f"{path}:{line}: control character U+{ord(text[bad]):04X} cannot be kept in XML")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _forbidden_in_xml(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)


def read_path(path: Path, reporter: Reporter, name: str | None = None) -> list[Document]:
    """Decode ``path`` and read it with the chosen reader."""
    text = decode_source(path)
    return reader_for(text, name).read(text, path.name, reporter)
