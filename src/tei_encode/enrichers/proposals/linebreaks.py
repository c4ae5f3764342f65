"""A person's name that a line break cuts in two (``Prime Minister Nur`` / ``Mohammed Tarki``), made one again.

Two persons found on either side of a line break, the first after other words of its line (not a list of names
one to a line), are one name; it keeps the register's link of either part, else the second part's entry, and the
provisional entry of the other part, now named nowhere, is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Block, Span, span
from ...register import Entry

# Only a line break (and spaces) between two names.
BREAK = re.compile(r"[ \t]*\n[ \t]*\Z")


def join_across_lines(blocks: Sequence[Block], added: list[Entry]) -> list[Entry]:
    """Join the persons of ``blocks`` cut by a line break; ``added`` less the entries no mention names now."""
    dropped: set[str] = set()
    for block in blocks:
        if "\n" not in block.text:
            continue
        persons = block.spans_of("person")
        for first, second in zip(persons, persons[1:], strict=False):
            if not _cut(block.text, first, second) or first not in block.spans:
                continue
            keep = next((s for s in (first, second) if s.attr("ref") and not s.attr("source")), second)
            other = first if keep is second else second
            block.spans.remove(first)
            block.spans.remove(second)
            block.add(span(first.start, second.end, "person", **dict(keep.attrs)))
            if other.attr("ref") != keep.attr("ref"):
                dropped.add(other.attr("ref").lstrip("#"))
    if not dropped:
        return added
    named = {s.attr("ref").lstrip("#") for block in blocks for s in block.spans if s.attr("ref")}
    return [e for e in added if e.key not in dropped or e.key in named]


def _cut(text: str, first: Span, second: Span) -> bool:
    """Whether only a line break stands between ``first`` and ``second`` and words stand before ``first`` on its
    line."""
    if not BREAK.match(text[first.end : second.start]) or "\n" not in text[first.end : second.start]:
        return False
    line_start = text.rfind("\n", 0, first.start) + 1
    return bool(text[line_start : first.start].strip())
