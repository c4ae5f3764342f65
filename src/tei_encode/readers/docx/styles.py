"""What Word's styles say about a paragraph or a run: heading level, list membership, renditions.

Formatting in a Word file comes from the run's own properties, from its character style and from
the styles each is based on. Only what a transcription needs is read: the renditions TEI records in
``hi/@rend`` (italic, bold, underline, small and all capitals), struck-through text (a deletion),
raised and lowered text (an insertion above or below the line), and a paragraph's outline level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADING_NAME = re.compile(r"^(?:heading|überschrift|titre|заголовок)\s*(\d)$", re.IGNORECASE)
# Run properties that become hi/@rend, in a fixed order so equal formatting gives equal output.
RENDITIONS = (("i", "italic"), ("b", "bold"), ("u", "underline"), ("smallCaps", "smallcaps"), ("caps", "allcaps"))


def w(name: str) -> str:
    """A WordprocessingML element or attribute name."""
    return f"{{{W}}}{name}"


@dataclass(frozen=True)
class RunFormat:
    """What a run's formatting means for the transcription."""

    renditions: tuple[str, ...] = ()
    strike: str = ""  # "strikethrough" or "doubleStrikethrough"
    vertical: str = ""  # "superscript" or "subscript"


@dataclass
class Styles:
    """The styles part, read for run formatting and heading levels."""

    run_props: dict[str, etree._Element] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    outline: dict[str, int] = field(default_factory=dict)
    numbering: dict[str, etree._Element] = field(default_factory=dict)

    @classmethod
    def from_part(cls, root: etree._Element | None) -> Styles:
        """The styles of a ``styles.xml`` root (none when the file has no styles part)."""
        styles = cls()
        if root is None:
            return styles
        for style in root.iter(w("style")):
            ident = style.get(w("styleId"), "")
            based = style.find(w("basedOn"))
            if based is not None:
                styles.based_on[ident] = based.get(w("val"), "")
            props = style.find(w("rPr"))
            if props is not None:
                styles.run_props[ident] = props
            level = _outline_level(style.find(w("pPr")))
            name = style.find(w("name"))
            heading = HEADING_NAME.match(name.get(w("val"), "") if name is not None else "") or HEADING_NAME.match(
                ident
            )
            if level is None and heading:
                level = int(heading.group(1)) - 1
            if level is not None:
                styles.outline[ident] = level
            ppr = style.find(w("pPr"))
            num = ppr.find(w("numPr")) if ppr is not None else None
            if num is not None:
                styles.numbering[ident] = num
        return styles

    def chain(self, ident: str) -> list[str]:
        """``ident`` and the styles it is based on, nearest first (cycles cut)."""
        out: list[str] = []
        while ident and ident not in out:
            out.append(ident)
            ident = self.based_on.get(ident, "")
        return out

    def heading_level(self, ppr: etree._Element | None) -> int | None:
        """The 1-based heading level of a paragraph, from its own outline level or its style's."""
        own = _outline_level(ppr)
        if own is not None:
            return own + 1 if own < 9 else None
        for ident in self.chain(_style_of(ppr, "pStyle")):
            if ident in self.outline:
                level = self.outline[ident]
                return level + 1 if level < 9 else None
        return None

    def list_numbering(self, ppr: etree._Element | None) -> etree._Element | None:
        """The ``w:numPr`` that makes a paragraph a list item: its own, else its style's (nearest first)."""
        own = ppr.find(w("numPr")) if ppr is not None else None
        if own is not None:
            return own
        return next((self.numbering[i] for i in self.chain(_style_of(ppr, "pStyle")) if i in self.numbering), None)

    def run_format(self, rpr: etree._Element | None) -> RunFormat:
        """The formatting of a run: its character style's (and their bases'), then its own, which wins."""
        values: dict[str, str] = {}
        layers = [self.run_props[i] for i in reversed(self.chain(_style_of(rpr, "rStyle"))) if i in self.run_props]
        for props in [*layers, *([rpr] if rpr is not None else [])]:
            for child in props:
                name = etree.QName(child).localname
                values[name] = child.get(w("val"), "true")
        renditions = tuple(rend for key, rend in RENDITIONS if _on(values.get(key)))
        strike = (
            "doubleStrikethrough"
            if _on(values.get("dstrike"))
            else "strikethrough"
            if _on(values.get("strike"))
            else ""
        )
        vertical = values.get("vertAlign", "")
        return RunFormat(renditions, strike, vertical if vertical in ("superscript", "subscript") else "")


def _on(value: str | None) -> bool:
    """A toggle property's value: present and not switched off (``u`` is on unless ``none``)."""
    return value is not None and value not in ("0", "false", "off", "none")


def _outline_level(ppr: etree._Element | None) -> int | None:
    el = ppr.find(w("outlineLvl")) if ppr is not None else None
    if el is None:
        return None
    value = el.get(w("val"), "")
    return int(value) if value.isdigit() else None


def _style_of(props: etree._Element | None, tag: str) -> str:
    el = props.find(w(tag)) if props is not None else None
    return el.get(w("val"), "") if el is not None else ""
