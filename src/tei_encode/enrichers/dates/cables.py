"""Date shapes of cables, telegrams and their printed editions.

A month abbreviated without its full stop and a day, the year left to the
document (``Re Embtel 286 Aug 7``); a day with a full stop before the month's
name, as German and other continental hands write it (``12. August 1961``);
a day with a note number glued to it, as editions print a note after the date
of a cable cited (``ur 87 Jan 201``, ``on October 253 in which``: Jan 20 and
October 25, the notes 1 and 3, the date taking the whole word; a month has no day above 31, so a third digit
after a day of two is a note).
"""

from __future__ import annotations

import re

from ...lexicon import ENGLISH_MONTHS
from .core import Reading, Rule
from .english import BARE_ABBREVIATIONS, MONTH_NUMBERS

_MONTHS = MONTH_NUMBERS | BARE_ABBREVIATIONS
_BARE = r"(?P<month>" + "|".join(sorted(BARE_ABBREVIATIONS, key=len, reverse=True)) + r")"
_ANY = r"(?P<month>" + "|".join(sorted((*ENGLISH_MONTHS, *BARE_ABBREVIATIONS), key=len, reverse=True)) + r")"
# A day not followed by more of a number (a time ``7:30``, a fraction, a decimal); ``23.2`` is the day and a note.
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?!\d|[/:,]\d|\.\d\d)"
# A day of two digits with one more glued to it, the note: ``201``, ``253``, before a pause or a word. The date
# takes the whole word, as a year with a note glued to it does (the writer keeps a word a span would cut in two).
_NOTED_DAY = r"(?P<d>[12]\d|3[01])[1-9](?!\w|[.,/:]\d)"
_HAS_BARE_DAY = re.compile(r"(?:" + "|".join(BARE_ABBREVIATIONS) + r")[ \t]+\d")
_HAS_DOTTED_DAY = re.compile(r"\d\.[ \t]+[A-Z]")
_HAS_NOTED_DAY = re.compile(r"[A-Za-z][ \t]+[1-3]\d[1-9]")


def _day(match: re.Match[str]) -> Reading:
    """The month named and the day; the year if stated, else the document's."""
    year = match.groupdict().get("y")
    return Reading(year=int(year) if year else None, month=_MONTHS[match.group("month")], day=int(match.group("d")))


RULES: tuple[Rule, ...] = (
    Rule(re.compile(r"\b" + _BARE + r"[ \t]+" + _DAY), _day, (_HAS_BARE_DAY,)),
    Rule(
        re.compile(
            r"(?<![\w.])(?P<d>[12]\d|3[01]|0?[1-9])\.[ \t]+(?P<month>" + "|".join(ENGLISH_MONTHS) + r")[ \t]+"
            r"(?P<y>1[5-9]\d\d|20\d\d)(?!\d)"
        ),
        _day,
        (_HAS_DOTTED_DAY,),
    ),
    Rule(re.compile(r"\b" + _ANY + r"[ \t]+" + _NOTED_DAY), _day, (_HAS_NOTED_DAY,)),
)
