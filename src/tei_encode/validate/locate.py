"""Where a finding is in the source text: the line and column of a start tag, an attribute or stray text.

libxml2 gives RELAX NG findings no column, and lxml knows of an element only the line where its
start tag ends. ``SourceText`` reads the document's text once and finds, from that line, the
``<`` of the start tag, an attribute's name inside it, or the first character of text an element
does not allow. Lines and columns count from 1, columns in characters, as jing and xmllint count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from lxml import etree

# How much of a stray text is looked for in the source: up to the first character that may be escaped there.
_SNIPPET = re.compile(r"[^&<>\"'\r\n]{1,40}")
# How many lines before the line where a start tag ends its "<" may stand.
_TAG_LINES = 50


class SourceText:
    """The text of one parsed document, for locating its elements, attributes and text."""

    def __init__(self, tree: etree._ElementTree | etree._Element, text: str | None = None) -> None:
        """The document's text is read from its file, unless given as ``text`` (a document parsed from bytes)."""
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        self.root = root
        self.text = text or ""
        url = root.getroottree().docinfo.URL
        if url and text is None:
            try:
                with open(url, "rb") as handle:
                    data = handle.read()
                self.text = data.decode(root.getroottree().docinfo.encoding or "utf-8", "replace")
            except (OSError, LookupError):
                self.text = ""
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._by_line: dict[int, list[etree._Element]] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column of a character offset."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def element(self, element: etree._Element) -> tuple[int, int]:
        """Where the element's start tag begins; (its line, 0) when the source cannot tell."""
        offset = self._tag_offset(element)
        return self.position(offset) if offset is not None else (element.sourceline or 0, 0)

    def attribute(self, element: etree._Element, clark: str) -> tuple[int, int]:
        """Where an attribute's name stands in the element's start tag (the start tag when not found)."""
        offset = self._tag_offset(element)
        if offset is None:
            return element.sourceline or 0, 0
        name = re.escape(written_name(element, clark))
        end = self.text.find(">", offset)
        found = re.compile(rf"\s({name})\s*=").search(self.text, offset, end if end >= 0 else len(self.text))
        return self.position(found.start(1) if found else offset)

    def stray_text(self, element: etree._Element) -> tuple[int, int]:
        """Where the first text that is not white space begins among the element's children."""
        pieces = [(element.text, element), *((child.tail, child) for child in element)]
        for text, after in pieces:
            stripped = (text or "").lstrip()
            if not stripped:
                continue
            start = self._tag_offset(after)
            snippet = _SNIPPET.match(stripped)
            if start is not None and snippet:
                found = self.text.find(snippet.group(0), start + 1)
                if found >= 0:
                    return self.position(found)
            return self.element(after)
        return self.element(element)

    def _tag_offset(self, element: etree._Element) -> int | None:
        """The offset of the ``<`` of the element's start tag, found from the line where that tag ends."""
        line = element.sourceline
        if not self.text or not line or line > len(self.starts):
            return None
        name = written_name(element, element.tag)
        same = [e for e in self._on_line(line) if e.tag == element.tag and e.prefix == element.prefix]
        index = next(i for i, e in enumerate(same) if e is element)
        line_start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        window = self.starts[max(0, line - 1 - _TAG_LINES)]
        # The start tags of this name whose closing ">" is on this line, in document order.
        ending_here = []
        for match in _tag_pattern(name).finditer(self.text, window, end):
            close = self.text.find(">", match.end())
            if line_start <= close < end:
                ending_here.append(match.start())
        return ending_here[index] if index < len(ending_here) else None

    def _on_line(self, line: int) -> list[etree._Element]:
        """The elements whose start tags end on ``line``, in document order."""
        if self._by_line is None:
            self._by_line = {}
            for node in self.root.iter(etree.Element):
                self._by_line.setdefault(node.sourceline or 0, []).append(node)
        return self._by_line.get(line, [])


@lru_cache(maxsize=256)
def _tag_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"<{re.escape(name)}(?=[\s/>])")


def written_name(element: etree._Element, clark: str) -> str:
    """A Clark name as the document writes it: with the prefix bound to its namespace (``f:revType``)."""
    if not clark.startswith("{"):
        return clark
    namespace, local = clark[1:].split("}", 1)
    if namespace == "http://www.w3.org/XML/1998/namespace":
        return f"xml:{local}"
    if clark == element.tag:
        return f"{element.prefix}:{local}" if element.prefix else local
    prefixes = [p for p, uri in element.nsmap.items() if uri == namespace and p]
    return f"{sorted(prefixes)[0]}:{local}" if prefixes else clark
