"""Whether a month a text names lies ahead of the text's own time, in English or Russian.

A month ahead (``will send it in January``, ``next March``, ``чтобы к 1 января``) belongs to the year after
the document's when the month is earlier than the document's; the date enricher asks here.
"""

from __future__ import annotations

import re

# A verb that looks ahead (``will``, ``shall``, Russian ``будет``), or a purpose (``чтобы``: so that).
_FUTURE = re.compile(
    r"\b(?:will|shall|going\s+to)\b|\w'll\b|(?<!\w)(?:буд(?:у|ешь|ет|ем|ете|ут)|чтобы)(?!\w)", re.IGNORECASE
)
# ... and a month that its clause directly leads to: ``will send it in January``, ``чтобы к 1 января``.
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:in|by|until|till|before|from|on|during|after)\s+(?:the\s+)?|(?<!\w)(?:в|во|к|до|с|со)\s+)$",
    re.IGNORECASE,
)
# Between the verb and the month, a word that starts another clause, or a verb of memory: ``It will be recalled
# that in January``, ``You will remember what happened in March`` look back.
_LOOKS_BACK = re.compile(
    r"\b(?:be\s+(?:recalled|seen|noted|remembered)|remember|recall|that|what|which|who|when|where|how|whether|if|as"
    r"|because|since)\b|(?<!\w)(?:что|как|когда|котор\w*|если)(?!\w)",
    re.IGNORECASE,
)
_NEXT_BEFORE = re.compile(r"\b(?:next|coming)\s+$", re.IGNORECASE)
_NEXT_AFTER = re.compile(r"\s+next\b", re.IGNORECASE)


def looks_forward(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a month ahead: ``will send it in January``, ``next March``, ``in May next``."""
    clause = re.split(r"[.!?;:,]", text[max(0, start - 60) : start])[-1]
    if _NEXT_BEFORE.search(clause) is not None or _NEXT_AFTER.match(text, end) is not None:
        return True
    futures = list(_FUTURE.finditer(clause))
    if not futures or _PREPOSITION_BEFORE.search(clause) is None:
        return False
    return _LOOKS_BACK.search(clause, futures[-1].start()) is None
