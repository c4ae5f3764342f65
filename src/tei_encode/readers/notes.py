"""Numbered notes and the reference numbers that point to them.

Notes are paragraphs after ``Notes:`` opening with their number (``1 The``,
``2On``, ``1 . On``); a paragraph without a number continues the note before
it, or, first of all, is note 1. In the text, a note reference is a small
number after a word (``progress 2.``, ``Kharkiv 24/7 1``, ``question3``,
``questions 1We``), taken only in increasing order and only up to the last
note, never after a label such as ``No.`` or ``F.``. Footnote references in
square brackets (``[1]``) are marked by ``mark_bracketed_references``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..model import Block, Division, span
from .blocks import Chunk, block

NOTE_NUMBER = re.compile(r"^(\d{1,2})(?:\s*\.)?(?=\s*\S)")
REFERENCE = re.compile(
    r"(?<=[\w)\]’'\".,!?])\s?(\d{1,2})(?=[A-Z]|\s*[.,;:]|\s*$|\s+[a-z])|(?<=[a-z])(\d{1,2})(?=[\s.,;:]|$)"
)
# A label and a number end where the text before a reference stops (``\s*$``); the labels are shorter than
# LABEL_WINDOW characters, so only that much of the text is searched.
LABEL_WINDOW = 8
LABEL_BEFORE = re.compile(r"(?:\b(?:No|Nos|Nr|F|Op|On|D|L|LL|T|P|S|pp|p|vol|Vol|List|item|Art|art|Ch|ch|§)\.?|№)\s*$")
NUMBER_BEFORE = re.compile(r"[\d/,-]\s*$")
# Characters that join the parts of a number, a date or a range; a point joins them only after a digit or a Roman
# month (``10.1.26``, ``21.VIII.21``), since a note number may follow the point ending a sentence.
GLUE = frozenset("0123456789/-–")
DATE_PART = frozenset("0123456789IVXІ")
LINE_END = re.compile(r"[\s.,;:]*(?:\n|$)")
DIGIT = re.compile(r"\d")


def note_blocks(parts: Sequence[Chunk]) -> list[Block]:
    """Note blocks with ``n`` (and ``label`` over the number when the text shows it)."""
    blocks: list[Block] = []
    current = 0
    for chunk in parts:
        match = NOTE_NUMBER.match(chunk.text)
        number = int(match.group(1)) if match else 0
        if match and number == current + 1:
            current = number
            note = block("note", chunk, n=str(number))
            note.add(span(0, len(match.group(1)), "label"))
        elif current and _continues(blocks[-1].text, chunk.text):
            note = block("note", chunk, n=str(current), continued="yes")
        else:
            current += 1
            note = block("note", chunk, n=str(current), numbered="no")
        blocks.append(note)
    return blocks


def _continues(previous: str, text: str) -> bool:
    """Whether an unnumbered paragraph goes on with the note before it (a quotation it introduced)."""
    return previous.rstrip().endswith(":") or text[:1].islower() or text.startswith(("[...]", "[…]", "…", "..."))


def mark_note_references(blocks: Sequence[Block], note_divisions: Sequence[Division]) -> None:
    """Add ``noteref`` spans (``n``) for the numbers in ``blocks`` that point to the notes."""
    numbers = {int(b.attrs["n"]) for d in note_divisions for b in d.blocks if b.kind == "note"}
    if not numbers:
        return
    last = 0
    highest = max(numbers)
    for target in blocks:
        for match in _references(target.text):
            group = 1 if match.group(1) else 2
            number = int(match.group(group))
            start, end = match.start(group), match.end(group)
            if not last < number <= highest or _ends_with(LABEL_BEFORE, target.text, start):
                continue
            if _is_quantity(target.text, end):
                continue
            if _glued_to_number(target.text, start):
                continue
            if _ends_with(NUMBER_BEFORE, target.text, start) and not LINE_END.match(target.text, end):
                continue
            target.add(span(start, end, "noteref", n=str(number)))
            last = number


def _references(text: str) -> Iterator[re.Match[str]]:
    """What ``REFERENCE.finditer(text)`` finds, trying only where a match can start: at a digit or just before it.

    A scan for digits is fast; the reference pattern, which opens with a lookbehind, is slow to try everywhere.
    """
    end = 0
    for digit in DIGIT.finditer(text):
        for start in (digit.start() - 1, digit.start()):
            if start >= end and start >= 0:
                match = REFERENCE.match(text, start)
                if match:
                    end = match.end()
                    yield match
                    break


def _glued_to_number(text: str, start: int) -> bool:
    """Whether the digits at ``start`` go on a number, a date or a range without a space (``9/III-21``, ``1921``).

    A note number stands apart from a number before it (``Kharkiv 24/7 1``); glued to one, it is that number's end.
    """
    before = text[start - 1] if start else ""
    return before in GLUE or (before == "." and start > 1 and text[start - 2] in DATE_PART)


def _ends_with(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether ``pattern`` (a label or a number, then ``\\s*$``) is in ``text[:start]``, searching its end only."""
    stop = start
    while stop and text[stop - 1].isspace():
        stop -= 1
    return bool(pattern.search(text, max(0, stop - LABEL_WINDOW), start))


QUANTITY = re.compile(r"\s+([a-z]{2,}s)\b|\s*(?:%|st\b|nd\b|rd\b|th\b|km\b|kg\b)")
# Words ending in ``s`` that are not plural nouns: after them the number is a note reference (``the Congress 1
# has betrayed``), not a count.
NOT_PLURAL = frozenset(
    {
        "has", "was", "does", "goes", "says", "this", "thus", "its", "his", "hers", "yes", "less", "unless",
        "always", "perhaps", "whereas", "besides", "across", "towards", "afterwards", "sometimes", "whose",
    }
)  # fmt: skip


def _is_quantity(text: str, end: int) -> bool:
    """Whether the number is followed by a plural noun or a unit, as a count is."""
    match = QUANTITY.match(text, end)
    return match is not None and match.group(1) not in NOT_PLURAL


BRACKETED_REFERENCE = re.compile(r"\[(\d{1,3})\]")


def mark_bracketed_references(blocks: Sequence[Block], keys: dict[str, str]) -> None:
    """Add ``noteref`` spans over ``[n]`` for the footnote numbers in ``keys`` (number -> note key)."""
    for target in blocks:
        for match in BRACKETED_REFERENCE.finditer(target.text):
            if match.group(1) in keys:
                target.add(span(match.start(), match.end(), "noteref", n=match.group(1), key=keys[match.group(1)]))
