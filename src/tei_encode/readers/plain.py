"""Reader for plain text: a title line and paragraphs, for sources of no known format."""

from __future__ import annotations

from ..diagnostics import Reporter
from ..model import Division, Document
from .blocks import Chunk, block, chunks, document_id
from .layout import DATE_ONLY
from .pages import mark_page_breaks
from .script import text_language

# A first chunk of more lines than this is no title but the text run on under it (a page copied without blank
# lines): its first line is the title, its other lines paragraphs.
TITLE_LINES = 3
# Nor is a first chunk longer than this: its first line is the title (a line run on for a page is text).
TITLE_CHARACTERS = 300


class PlainReader:
    """Any UTF-8 text: the first paragraph is the title (its first line, when it runs on into the text; the line
    after a date line standing alone above it, the date being the document's; not a label ending in a colon), the
    rest are paragraphs; the language is the script's."""

    name = "plain"

    def detect(self, text: str) -> bool:
        """Plain text is the fallback for every text."""
        return True

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document: title and paragraphs."""
        parts = _parts(text)
        fields = {}
        if len(parts) > 1 and DATE_ONLY.match(parts[0].text):
            fields["date"] = block("date", parts.pop(0))
        at = next((k for k, c in enumerate(parts) if not c.text.endswith(":")), 0)  # a label is no title
        title = block("title", parts[at])
        document = Document(
            id=document_id(source), source=source, genre="text", lang=text_language(text), title=title, fields=fields
        )
        body = [block("p", c) for c in parts[:at] + parts[at + 1 :]]
        mark_page_breaks(body)
        document.divisions.append(Division("text", body, {}))
        reporter.info("plain-reader", "no known source format recognised; read as plain text")
        return [document]


def _parts(text: str) -> list[Chunk]:
    """The chunks of ``text``; a first chunk too long for a title cut into its lines, and so every chunk when the
    text has no blank line between its lines (each line then is a paragraph)."""
    parts = chunks(text)
    if parts[0].text.count("\n") < TITLE_LINES and len(parts[0].text) <= TITLE_CHARACTERS:
        return parts
    cut = parts if len(parts) == 1 else parts[:1]
    lines = [Chunk(line.strip(), c.line + k) for c in cut for k, line in enumerate(c.text.split("\n")) if line.strip()]
    return lines + parts[len(cut) :]
