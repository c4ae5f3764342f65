"""The numbers that head a document: the edition's number of a document or letter and a telegram's own number.

The edition's number opens a document's title (``81. Telegram From the
Embassy``) or a heading in its text (``171. Telegram From the Embassy in France
to the Department of State``, ``1. ГОРЬКИЙ — Е. П. ПЕШКОВОЙ``), or stands alone
on the line above the heading naming a letter's addressee; a telegram's own
number opens its text (``1885. Our current assessment``).
"""

from __future__ import annotations

import re

from .document_numbers import DocumentNumber

# A telegram's number opening its text, as the State Department's printed telegrams give it: "1521. Embtel 1519".
_OPENING_NUMBER = re.compile(r"(?P<value>\d{2,5})\.[ \t]+(?=[A-ZА-ЯЁ])")
# A title naming a telegram or a cable: "795.00/6–2850: Telegram".
TELEGRAM_TITLE = re.compile(r"(?<!\w)(?:telegram|cable|телеграмма|шифртелеграмма)(?!\w)", re.I)


# The edition's number of a document opening its title: "81. Telegram From the Embassy", "4. С. М. Кравчинский П. Б.
# Аксельроду", "83 ЭНГЕЛЬС – МАРКСУ" (without its stop, before a word in capitals). A year is none ("1918. Letters").
_TITLE_NUMBER = re.compile(r"(?P<value>(?!(?:1[5-9]|20)\d\d)\d{1,4})(?:\.[ \t]+(?=[A-ZА-ЯЁ])|\s+(?=[A-ZА-ЯЁ]{2}))")


def title_number(title: str) -> DocumentNumber | None:
    """The edition's number of the document that opens its ``title``, if any."""
    match = _TITLE_NUMBER.match(title)
    return _document_number(match, "document") if match else None


# The number an edition gives a letter, alone on its line above the heading that names the addressee in capitals:
# "98" over "To: MAXIM GORKY", "152" over "К. ГЮИСМАНСУ", "11" over "ТЕЛЕГРАММА ЯНСОНУ" (the Russian in the dative).
# A page number over a running head ("366" over "ПРИЛОЖЕНИЯ", "В. И. ЛЕНИН") addresses no one.
_LETTER_NUMBER = re.compile(r"[ \t]*(?P<value>(?!(?:1[5-9]|20)\d\d)\d{1,4})[ \t]*(?:\n|$)")
_ADDRESSEE_HEADING = re.compile(
    r"[ \t]*(?:(?:To|TO):?[ \t]+[A-Z][A-Z.,'’ \t-]*[A-Z]|[А-ЯЁ][А-ЯЁ.,«»\"—–\- \t]*[А-ЯЁ](?:У|Ю|ОМУ|ЕМУ|ОЙ|ЕЙ))[ \t]*"
)


def letter_number(text: str, following: str) -> DocumentNumber | None:
    """The edition's number of a letter alone on the first line of ``text``, if the next line (of ``text``, else
    ``following``, the next block's text) is the heading naming its addressee."""
    match = _LETTER_NUMBER.match(text)
    if match is None:
        return None
    heading = (text[match.end() :].lstrip() or following.lstrip()).split("\n", 1)[0]
    return _document_number(match, "document") if _ADDRESSEE_HEADING.fullmatch(heading) else None


def opening_number(text: str) -> DocumentNumber | None:
    """The telegram's number that opens ``text``, the first paragraph of a telegram, if any."""
    match = _OPENING_NUMBER.match(text)
    return _document_number(match, "telegram") if match else None


# The kinds of document an edition of diplomatic papers heads its documents with, as FRUS does: "Telegram From the
# Embassy in France to the Department of State", "Memorandum of Conversation", "Editorial Note", "Paper Prepared by
# the Policy Planning Staff", "Circular Telegram From the Department of State to Certain Posts". The heading names
# its sender or subject in capitals after the kind ("Memorandum from X was received" is a sentence of a list), and
# ends without a full stop.
_KIND_HEADING = re.compile(
    r"(?:(?:Circular|Intelligence|Special|National|Editorial|Oral|Draft|Telephone|Joint|Summary)[ \t]+){0,3}"
    r"(?:Telegram|Memorandum|Letter|Airgram|Despatch|Dispatch|Message|Paper|Report|Notes?|Minutes|Record|Estimate"
    r"|Transcript|Instruction|Cable|Conversation)"
    r"(?:[ \t]+(?:From|To|(?:Prepared[ \t]+)?(?:of|for|by|on|in|Between)[ \t]+(?:(?:the|a|an)[ \t]+)?[A-Z])[^\n]*)?"
    r"(?<![.!?])"
)
# The edition's number before a heading in the text: "171. Telegram From ...", "1. ГОРЬКИЙ — Е. П. ПЕШКОВОЙ".
_HEADING_NUMBER = re.compile(r"(?P<value>(?!(?:1[5-9]|20)\d\d\.)\d{1,4})\.[ \t]+")
_HEADING_WORDS = 40  # a heading longer than this is a paragraph
# A heading in capitals that opens with a preposition names a subject, as an agenda's items do ("1. О ПОМОЩИ
# КРЕСТЬЯНСКОМУ ХОЗЯЙСТВУ"), not an addressee.
_SUBJECT = re.compile(r"(?:О|ОБ|ПО)[ \t]")


def heading_number(text: str) -> DocumentNumber | None:
    """The edition's number before a document's heading in its text (a block of one line), if ``text`` is one."""
    match = _HEADING_NUMBER.match(text) if text[:1].isdigit() else None
    if match is None:
        return None
    heading = text[match.end() :].rstrip()
    if "\n" in heading or len(heading.split()) > _HEADING_WORDS:
        return None
    if _KIND_HEADING.fullmatch(heading) or (_ADDRESSEE_HEADING.fullmatch(heading) and not _SUBJECT.match(heading)):
        return _document_number(match, "document")
    return None


def _document_number(match: re.Match[str], kind: str) -> DocumentNumber:
    return DocumentNumber(match.start("value"), match.end("value"), match.group("value"), kind)
