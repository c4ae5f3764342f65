"""Adding a name span to a block without breaking the spans already there.

Shared by the person and place enrichers and the modules that mark family names,
first names and people the register lacks.
"""

from __future__ import annotations

from ...model import Block, Span, SpanKind, span
from ..claims import REGISTER_NAME_AVOIDS


def add_name_span(block: Block, start: int, end: int, kind: SpanKind, **attrs: str) -> bool:
    """Add a span unless it overlaps a span names avoid or crosses the boundary of any other."""
    if start >= end:
        return False
    for other in block.spans:
        if other.overlaps(start, end) and (other.kind in REGISTER_NAME_AVOIDS or _crosses(other, start, end)):
            return False
    block.add(span(start, end, kind, **attrs))
    return True


def _crosses(other: Span, start: int, end: int) -> bool:
    """Whether ``other``, which overlaps ``start:end``, neither lies in it nor holds it."""
    inside = other.start <= start and end <= other.end
    around = start <= other.start and other.end <= end
    return not inside and not around
