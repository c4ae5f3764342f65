"""Reader for plain text: a title line and paragraphs, for sources of no known format."""

from __future__ import annotations

from ..diagnostics import Reporter
from ..model import Division, Document
from .blocks import block, chunks, document_id
from .script import text_language


class PlainReader:
    """Any UTF-8 text: the first paragraph is the title, the rest are paragraphs; the language is the script's."""

    name = "plain"

    def detect(self, text: str) -> bool:
        """Plain text is the fallback for every text."""
        return True

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document: title and paragraphs."""
        parts = chunks(text)
        title = block("title", parts[0])
        document = Document(id=document_id(source), source=source, genre="text", lang=text_language(text), title=title)
        document.divisions.append(Division("text", [block("p", c) for c in parts[1:]], {}))
        reporter.info("plain-reader", "no known source format recognised; read as plain text")
        return [document]
