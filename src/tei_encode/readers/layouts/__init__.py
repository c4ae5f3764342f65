"""Layouts: the same kind of source as one of the readers, laid out differently, described by a profile.

A web page copied from a site, or an export flattened to one line, holds what a known format holds, with site
chrome around it or with its line breaks lost. A ``Layout`` says so declaratively: the reader it is a variant
of, the patterns that recognise it, the lines that are site chrome (dropped, and reported), the labels it
writes without the base format's colon, and where a flattened text breaks. ``LayoutReader`` turns a text of
the layout into the base format's text (only adding line breaks and colons, so no word changes) and reads it
with the base reader. Labels put on lines of their own move the lines after them down; diagnostics of such a
text count the lines of the restored text. A new layout is one small module holding a ``Layout``, added to
``LAYOUTS`` in ``readers/__init__.py``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...diagnostics import Reporter
from ...model import Document

if TYPE_CHECKING:
    from ..protocol import Reader


@dataclass(frozen=True)
class Layout:
    """A profile of one layout of a known source format."""

    name: str
    base: str  # the name of the reader whose format this is a layout of
    signs: Sequence[re.Pattern[str]]  # each must match somewhere for the text to be of this layout
    chrome: Sequence[re.Pattern[str]] = ()  # whole lines of site chrome, dropped wherever they stand
    chrome_before: re.Pattern[str] | None = None  # the first line of the document: every line above is chrome
    chrome_after: re.Pattern[str] | None = None  # the last field's label: lines after its value are chrome
    labels: Mapping[str, str] = field(default_factory=dict)  # a label line as written -> as the base format has it
    breaks: re.Pattern[str] | None = None  # in a flattened text: each match stands in a chunk of its own
    lead: re.Pattern[str] | None = None  # in a flattened text: what it opens with is a chunk of its own (a date)


@dataclass(frozen=True)
class Normalised:
    """A text in the base format, and the chrome lines dropped from it (line number, text)."""

    text: str
    dropped: tuple[tuple[int, str], ...]


class LayoutReader:
    """Reads a text of a ``Layout`` with its base reader."""

    def __init__(self, layout: Layout, base: Reader) -> None:
        self.layout = layout
        self.name = layout.name
        self.base = base

    def detect(self, text: str) -> bool:
        """Whether every sign of the layout is in ``text``."""
        return all(sign.search(text) for sign in self.layout.signs)

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """The documents of ``text``, read by the base reader once the layout is undone."""
        result = normalise(text, self.layout)
        for line, dropped in result.dropped:
            reporter.info("site-chrome-dropped", f"site chrome dropped: {dropped!r}", line)
        reporter.info("layout", f"read as the {self.layout.name} layout of the {self.layout.base} format")
        return self.base.read(result.text, source, reporter)


def normalise(text: str, layout: Layout) -> Normalised:
    """``text`` in the base format of ``layout``: flattened breaks restored, chrome blanked, labels given colons."""
    if layout.breaks is not None and text.strip().count("\n") <= 2:
        text = _unflattened(text, layout)
    lines = text.split("\n")
    dropped: list[tuple[int, str]] = []
    keep = _kept_range(lines, layout)
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped and (not keep[0] <= number - 1 < keep[1] or any(p.fullmatch(stripped) for p in layout.chrome)):
            dropped.append((number, stripped))
            out.append("")
            continue
        label = layout.labels.get(stripped.rstrip(":").strip().lower())
        if label is None:
            out.append(line)
            continue
        # A label is a chunk of its own in the base format: blank lines around it.
        if out and out[-1].strip():
            out.append("")
        out.extend([label, ""])
    return Normalised("\n".join(out), tuple(dropped))


def _unflattened(text: str, layout: Layout) -> str:
    """A text flattened to one line with its chunks apart again: the lead, and every match of ``breaks``."""
    assert layout.breaks is not None
    text = layout.breaks.sub(lambda m: "\n\n" + m.group(0).strip() + "\n\n", text)
    if layout.lead is not None:
        text = layout.lead.sub(lambda m: m.group(0).rstrip() + "\n\n", text.lstrip(), count=1)
    return re.sub(r"[ \t]*\n\n\s*", "\n\n", text).strip() + "\n"


def _kept_range(lines: list[str], layout: Layout) -> tuple[int, int]:
    """The lines between the page's chrome: from the first matching ``chrome_before`` to the line after the value
    of the ``chrome_after`` label (the whole text when the layout names neither, or they are not found)."""
    first = 0
    if layout.chrome_before is not None:
        first = next((i for i, line in enumerate(lines) if layout.chrome_before.fullmatch(line.strip())), 0)
    last = len(lines)
    if layout.chrome_after is not None:
        label = next(
            (i for i, line in enumerate(lines) if i >= first and layout.chrome_after.fullmatch(line.strip())), None
        )
        if label is not None:
            value = next((i for i in range(label + 1, len(lines)) if lines[i].strip()), label)
            last = value + 1
    return first, last
