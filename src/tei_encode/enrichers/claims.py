"""Which spans a new span may not overlap: the text that persons, places, dates and identifiers claim.

A name, a date or an identifier owns its words, so what a later enricher finds there is left alone. Each kind of
finding adds the spans that matter to it: a register name keeps off note references, a name the register lacks
off organisations, an identifier off both and off gaps; a date only keeps off identifiers, note references and
other dates (a supplied or a name span may lie inside a date).
"""

from __future__ import annotations

from ..model import SpanKind

WORDS_CLAIMED: frozenset[SpanKind] = frozenset({"person", "place", "idno", "date"})
"""Spans that own their words."""

REGISTER_NAME_AVOIDS: frozenset[SpanKind] = WORDS_CLAIMED | {"noteref"}
"""What a name found in the register may not overlap (any other span it may hold or lie in, not cross)."""

UNREGISTERED_NAME_AVOIDS: frozenset[SpanKind] = WORDS_CLAIMED | {"org"}
"""What a name the register lacks may not overlap."""

IDENTIFIER_AVOIDS: frozenset[SpanKind] = WORDS_CLAIMED | {"org", "noteref", "gap"}
"""What a document number may not overlap (it holds nothing but its own parts)."""

DATE_AVOIDS: frozenset[SpanKind] = frozenset({"idno", "noteref", "date"})
"""What a date may not overlap."""

PROPOSAL_AVOIDS: frozenset[SpanKind] = WORDS_CLAIMED | {"org", "noteref", "bibl", "title", "label"}
"""What a name a model or gazetteer proposes may not overlap (nor a word it looks at to decide whether to run)."""
