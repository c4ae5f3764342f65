"""Finding a mention by what an editor can see: its text, which occurrence it is, or a snippet around it.

Occurrences are counted over the whole document in reading order (title, header
fields, text, notes), at word boundaries, with any run of white space in the
text matching any other; so a decision written against one conversion still
finds its words after the converters change, as long as the words are there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Block, Document


@dataclass(frozen=True)
class Position:
    """Where a mention is: the index of its block in ``document_blocks`` and its offsets in that block."""

    block: int
    start: int
    end: int

    def overlaps(self, other: Position) -> bool:
        """Whether the two positions share a character."""
        return self.block == other.block and self.start < other.end and other.start < self.end


def document_blocks(document: Document) -> list[Block]:
    """The blocks of a document in reading order (the order occurrences are counted in)."""
    return [block for _, block in document.blocks()]


@lru_cache(maxsize=1024)
def _pattern(text: str) -> re.Pattern[str]:
    words = text.split()
    if not words:
        return re.compile(r"(?!)")
    # No word character before the text: looked behind its first character, so that a search skips to that character
    # instead of trying every position.
    first = re.escape(words[0][0]) + r"(?<!\w.)" + re.escape(words[0][1:])
    return re.compile(r"\s+".join([first, *map(re.escape, words[1:])]) + r"(?!\w)")


def occurrences(blocks: list[Block], text: str) -> list[Position]:
    """Every occurrence of ``text`` in ``blocks``, in reading order."""
    pattern = _pattern(text)
    first = text.split()[0] if text.split() else ""
    return [
        Position(k, m.start(), m.end())
        for k, block in enumerate(blocks)
        if first in block.text  # a quick test that spares the pattern most blocks
        for m in pattern.finditer(block.text)
    ]


class Occurrences:
    """The occurrences of texts in the blocks of one document, each text searched for once."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._found: dict[str, dict[tuple[int, int], int]] = {}

    def number(self, text: str, position: Position) -> int:
        """Which occurrence of ``text`` (1 for the first) starts at ``position``; 0 if none does."""
        if text not in self._found:
            found = occurrences(self.blocks, text)
            self._found[text] = {(p.block, p.start): k for k, p in enumerate(found, 1)}
        return self._found[text].get((position.block, position.start), 0)


def find(blocks: list[Block], text: str, occurrence: int = 1, context: str = "", every: bool = False) -> list[Position]:
    """The position of the ``occurrence``-th ``text`` (inside a snippet ``context`` if given); empty if not there.
    With ``every``, all the positions, whatever ``occurrence``.

    With a context, occurrences are counted inside the places the snippet occurs, so
    ``occurrence`` may stay 1 when the snippet is unique.
    """
    found = occurrences(blocks, text)
    if context:
        places = occurrences(blocks, context)
        found = [p for p in found if any(c.block == p.block and c.start <= p.start and p.end <= c.end for c in places)]
    if every:
        return found
    return [found[occurrence - 1]] if 0 < occurrence <= len(found) else []


def snippet(block: Block, start: int, end: int, width: int = 60) -> tuple[str, str]:
    """The text before and after ``start:end`` in its block, about ``width`` characters each, white space folded."""
    before = block.text[max(0, start - width) : start]
    after = block.text[end : end + width]
    if start > width:
        before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
    if end + width < len(block.text):
        after = (after.rsplit(" ", 1)[0] if " " in after else after) + "…"
    return _fold(before), _fold(after)


def line_of(block: Block, offset: int) -> int:
    """The source line of ``offset`` in ``block`` (the block's line when the reader did not record one)."""
    return block.line + block.text.count("\n", 0, offset) if block.line else 0


def _fold(text: str) -> str:
    """White space folded to single spaces, a space kept at either edge that had some."""
    folded = " ".join(text.split())
    if folded:
        folded = (" " if text[0].isspace() else "") + folded + (" " if text[-1].isspace() else "")
    return folded
