"""Reading a page as the command line would: the reader chosen for its text, and the text its documents keep."""

from __future__ import annotations

from tei_encode.diagnostics import Reporter
from tei_encode.model import Document
from tei_encode.readers import reader_for


def read(text: str) -> tuple[str, list[Document]]:
    """The name of the reader chosen for ``text`` and the documents it reads."""
    reader = reader_for(text)
    return reader.name, reader.read(text, "page.txt", Reporter("page.txt"))


def texts(document: Document) -> str:
    """The text of a document's divisions, a block a line."""
    return "\n".join(b.text for d in document.divisions for b in d.blocks)
