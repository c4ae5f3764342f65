"""Divisions of running text (a Word file's sections): a heading, then paragraphs, tables and lists.

Table cells and list items come from the reader as blocks that say which table and row, or which
list and level, they belong to; consecutive ones are gathered back into ``table/row/cell`` and
into nested ``list/item``.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..model import Block, Division
from ..xmlio import tei

Inline = Callable[[etree._Element, Block], etree._Element]


class Sections:
    """Writes section divisions with the document writer's inline markup."""

    def __init__(self, inline: Inline) -> None:
        self.inline = inline

    def write(self, parent: etree._Element, division: Division) -> None:
        """A ``div`` of type ``section`` for ``division``."""
        div = etree.SubElement(parent, tei("div"), type="section")
        blocks = division.blocks
        k = 0
        while k < len(blocks):
            block = blocks[k]
            if block.kind == "cell":
                k = self._table(div, blocks, k)
            elif block.attrs.get("item"):
                k = self._list(div, blocks, k)
            else:
                self._block(div, block)
                k += 1
        if not len(div):
            etree.SubElement(div, tei("p"))

    def _block(self, div: etree._Element, block: Block) -> None:
        if block.kind == "head":
            self.inline(etree.SubElement(div, tei("head")), block)
        elif block.kind == "pb":
            etree.SubElement(div, tei("pb"))
        else:
            self.inline(etree.SubElement(div, tei("p")), block)

    def _table(self, div: etree._Element, blocks: list[Block], k: int) -> int:
        """Write the table starting at ``blocks[k]``; the index after it."""
        table_id = blocks[k].attrs.get("table")
        table = etree.SubElement(div, tei("table"))
        row: etree._Element | None = None
        current = ""
        while k < len(blocks) and blocks[k].kind == "cell" and blocks[k].attrs.get("table") == table_id:
            cell = blocks[k]
            if row is None or cell.attrs.get("row") != current:
                row = etree.SubElement(table, tei("row"))
                current = cell.attrs.get("row", "")
            el = etree.SubElement(row, tei("cell"))
            if cell.attrs.get("cols"):
                el.set("cols", cell.attrs["cols"])
            self.inline(el, cell)
            k += 1
        return k

    def _list(self, div: etree._Element, blocks: list[Block], k: int) -> int:
        """Write the list (and its sublists) starting at ``blocks[k]``; the index after it."""
        stack: list[tuple[int, etree._Element]] = []
        while k < len(blocks) and blocks[k].attrs.get("item"):
            block = blocks[k]
            level = int(block.attrs.get("level", "0") or 0)
            while stack and stack[-1][0] > level:
                stack.pop()
            if not stack or stack[-1][0] < level:
                parent = stack[-1][1][-1] if stack and len(stack[-1][1]) else div
                rend = "numbered" if block.attrs["item"] == "ordered" else "bulleted"
                stack.append((level, etree.SubElement(parent, tei("list"), rend=rend)))
            self.inline(etree.SubElement(stack[-1][1], tei("item")), block)
            k += 1
        return k
