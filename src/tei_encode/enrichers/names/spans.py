"""Adding a name span to a block without breaking the spans already there.

Shared by the person and place enrichers and the modules that mark family names,
first names and people the register lacks.
"""

from __future__ import annotations

from ...model import Block, Span, span

# Spans a name may not overlap at all; any other span it may contain or lie in, but not cross.
CLAIMING_KINDS = ("idno", "date", "person", "place", "noteref")


def add_name_span(block: Block, start: int, end: int, kind: str, **attrs: str) -> bool:
    """Add a span unless it overlaps a claiming span or crosses the boundary of any other."""
    if start >= end:
        return False
    for other in block.spans:
        if other.overlaps(start, end) and (other.kind in CLAIMING_KINDS or _crosses(other, start, end)):
            return False
    block.add(span(start, end, kind, **attrs))
    return True


def _crosses(other: Span, start: int, end: int) -> bool:
    """Whether ``other``, which overlaps ``start:end``, neither lies in it nor holds it."""
    inside = other.start <= start and end <= other.end
    around = start <= other.start and other.end <= end
    return not inside and not around
