"""The body of a Word document as blocks: paragraphs, headings, list items, table cells, page breaks.

Each heading starts a division holding the heading and what follows it up to the next one;
paragraphs before the first heading form a division of their own. Table cells and list items are
blocks whose attributes say which table, row or list they belong to, so the writer can rebuild the
structure; a cell's paragraphs are its lines. Text boxes are read as paragraphs after the one that
anchors them. Page breaks are blocks between paragraphs (explicit breaks on a line of their own,
section breaks, "page break before") or empty spans inside one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ...model import Block, Division, Span
from .paragraphs import MC, ParagraphReader, Text
from .styles import Styles, w

# Numbering formats that make a list unordered.
BULLETS = frozenset({"bullet", "none", ""})


@dataclass
class Numbering:
    """Which numbering definitions count (ordered lists) and which show bullets."""

    ordered: dict[tuple[str, str], bool] = field(default_factory=dict)

    @classmethod
    def from_part(cls, root: etree._Element | None) -> Numbering:
        """The numbering of a ``numbering.xml`` root (none when the file has none)."""
        numbering = cls()
        if root is None:
            return numbering
        abstract = {
            el.get(w("abstractNumId"), ""): {
                lvl.get(w("ilvl"), "0"): _val(lvl.find(w("numFmt"))) not in BULLETS for lvl in el.iter(w("lvl"))
            }
            for el in root.iter(w("abstractNum"))
        }
        for num in root.iter(w("num")):
            levels = abstract.get(_val(num.find(w("abstractNumId"))), {})
            for level, ordered in levels.items():
                numbering.ordered[(num.get(w("numId"), ""), level)] = ordered
        return numbering


class BodyReader:
    """Walks ``w:body`` into divisions."""

    def __init__(self, paragraphs: ParagraphReader, styles: Styles, numbering: Numbering) -> None:
        self.paragraphs = paragraphs
        self.styles = styles
        self.numbering = numbering
        self.divisions: list[Division] = []
        self.tables = 0

    def read(self, body: etree._Element) -> list[Division]:
        """The divisions of the body, in order."""
        self._container(body)
        return [d for d in self.divisions if d.blocks]

    def _current(self) -> Division:
        if not self.divisions:
            self.divisions.append(Division("section", []))
        return self.divisions[-1]

    def _add(self, block: Block) -> None:
        self._current().blocks.append(block)

    def _container(self, parent: etree._Element) -> None:
        for child in parent:
            if child.tag == w("p"):
                self._paragraph(child)
            elif child.tag == w("tbl"):
                self._table(child)
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._container(content)
            elif child.tag in (w("customXml"), w("ins"), w("moveTo")):
                self._container(child)

    def _paragraph(self, p: etree._Element) -> None:
        ppr = p.find(w("pPr"))
        if ppr is not None and _on(ppr.find(w("pageBreakBefore"))):
            self._add(Block("pb", ""))
        text = self.paragraphs.read(p)
        value = text.value()
        level = self.styles.heading_level(ppr)
        if value.strip() or _has_content_spans(text):
            if level is not None and value.strip():
                self.divisions.append(Division("section", [], {"level": str(level)}))
                self._add(Block("head", value, text.spans))
            else:
                self._add(Block("p", value, text.spans, attrs=self._list_attrs(ppr)))
        elif text.breaks:
            self._add(Block("pb", ""))
        self._text_boxes(p)
        if ppr is not None and ppr.find(w("sectPr")) is not None:
            self._add(Block("pb", "", attrs={"reason": "section"}))

    def _list_attrs(self, ppr: etree._Element | None) -> dict[str, str]:
        num = self.styles.list_numbering(ppr)
        if num is None:
            return {}
        ident, level = _val(num.find(w("numId"))), _val(num.find(w("ilvl"))) or "0"
        if ident in ("", "0"):
            return {}
        ordered = self.numbering.ordered.get((ident, level), False)
        return {"item": "ordered" if ordered else "bullet", "list": ident, "level": level}

    def _text_boxes(self, p: etree._Element) -> None:
        for box in p.iter(w("txbxContent")):
            if any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
                continue  # the same box again, for older readers
            for inner in box.iter(w("p")):
                text = self.paragraphs.read(inner)
                if text.value().strip():
                    self._add(Block("p", text.value(), text.spans, attrs={"rend": "textbox"}))

    def _table(self, tbl: etree._Element) -> None:
        self.tables += 1
        table = str(self.tables)
        for r, row in enumerate(tbl.iter(w("tr")), start=1):
            if _inside_nested_table(row, tbl):
                continue
            for cell in row.iter(w("tc")):
                if _inside_nested_table(cell, tbl):
                    continue
                text, spans = self._cell_text(cell)
                tcpr = cell.find(w("tcPr"))
                span_cols = _val(tcpr.find(w("gridSpan"))) if tcpr is not None else ""
                attrs = {"table": table, "row": str(r)}
                if span_cols and span_cols != "1":
                    attrs["cols"] = span_cols
                self._add(Block("cell", text, spans, attrs=attrs))

    def _cell_text(self, cell: etree._Element) -> tuple[str, list[Span]]:
        """A cell's paragraphs (those of tables inside it too) as lines of one text."""
        whole = Text()
        for k, p in enumerate(cell.iter(w("p"))):
            if k:
                whole.append("\n")
            text = self.paragraphs.read(p)
            whole.insert(text.value(), text.spans)
        return whole.value(), whole.spans


def _inside_nested_table(el: etree._Element, table: etree._Element) -> bool:
    """Whether ``el`` belongs to a table nested in ``table`` rather than to ``table`` itself."""
    for ancestor in el.iterancestors(w("tbl")):
        return ancestor is not table
    return False


def _has_content_spans(text: Text) -> bool:
    return any(s.kind == "note" for s in text.spans)


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(w("val"), "true") not in ("0", "false", "off")


def _val(el: etree._Element | None) -> str:
    return el.get(w("val"), "") if el is not None else ""
