"""Which transcription of a text is the copy and which the draft, recorded in ``div/@subtype``.

An export may hold several transcriptions of one text, such as the outgoing copy of a cable
and the draft it was typed from. When a document has two or more, each is typed from what
it shows of itself: ``draft`` when it carries corrections (deletions or insertions), ``copy``
when a stamp or heading calls it a copy, ``typed-copy`` when it also records its typing (the
typist's dispatch line, ``отп.``). A transcription that shows neither, or both, is left
untyped: the view then names it by its number.
"""

from __future__ import annotations

import re

from ..model import Division

SUBTYPES = ("draft", "copy", "typed-copy")
COPY_WORD = re.compile(r"(?<!\w)(?:копия|копию|copy)(?!\w)", re.IGNORECASE)
# Blocks that name the kind of a transcription, and the block that records its typing.
LABEL_KINDS = {"stamp", "head", "heading", "registration"}
TYPING_KIND = "dispatch"
CORRECTIONS = {"del", "add", "subst"}
DECISION = (
    "Several transcriptions of one text are divisions typed transcription, with subtype draft when one carries "
    "corrections, copy when a stamp or heading calls it a copy, typed-copy when it also records its typing."
)


def witness_subtype(division: Division) -> str:
    """``draft``, ``copy``, ``typed-copy`` or "" for one transcription, from what it shows of itself."""
    corrected = any(s.kind in CORRECTIONS for b in division.blocks for s in b.spans)
    called_copy = any(b.kind in LABEL_KINDS and COPY_WORD.search(b.text) for b in division.blocks)
    if corrected == called_copy:
        return ""
    if corrected:
        return "draft"
    return "typed-copy" if any(b.kind == TYPING_KIND for b in division.blocks) else "copy"


def witness_subtypes(divisions: list[Division]) -> dict[int, str]:
    """The subtype of each transcription of a document that has several, by the division's position."""
    transcriptions = [k for k, d in enumerate(divisions) if d.kind == "transcription"]
    if len(transcriptions) < 2:
        return {}
    found = {k: divisions[k].attrs.get("subtype") or witness_subtype(divisions[k]) for k in transcriptions}
    return {k: subtype for k, subtype in found.items() if subtype}
