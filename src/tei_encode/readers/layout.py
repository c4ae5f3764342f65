"""The parts of a typed or handwritten official document, told apart by layout and formulae.

Soviet and other chancery documents follow fixed conventions: classification and
registry stamps at the head, registration lines with numbers, the addressee,
a salutation ending in ``!``, the body, a catchword at a page foot, a page
number ``- 2 -``, the signature in capitals, the date, the dispatch line
(``отп.``) and the certification (``Верно:``). This module names each chunk.
"""

from __future__ import annotations

import re

from ..model import Block
from .blocks import Chunk, block, strip_marker

PAGE_NUMBER = re.compile(r"^[-–—]\s*(\d+)\s*[-–—]$")
CATCHWORD = re.compile(r"^/[^/\n]{1,40}/$|^(?:см\.?\s*сл\.?|p\.?t\.?o\.?|\(?over\)?)", re.I)
CERTIFICATION = re.compile(r"^(?:верно|копия верна|с подлинным верно|true copy|certified(?: true)?)\b", re.I)
DISPATCH = re.compile(r"^(?:отп\.|отпечатано|typed\b|dispatched\b)", re.I)
STAMP_WORDS = re.compile(
    r"секретно|подлежит возврату|воспрещается|^копия\b|срочно|лично|top secret|^secret\b|^copy\b|strictly|urgent|"
    r"must be returned|copying prohibited|особой важности",
    re.I,
)
REGISTRATION = re.compile(r"(?:№|\bNo\.?\s*\d|\bNr\.\s*\d)")
ADDRESS_START = re.compile(r"^(?:товарищ\w*|тов\.|т\.|для\b|to\b|for\b|comrade|cde\.)", re.I)
SIGNATURE = re.compile(r"^[\"„“«]?[A-ZА-ЯЁ][A-ZА-ЯЁ.\- ]{1,40}[\"”»]?\.?[\"”»]?\.?$")
DATE_ONLY = re.compile(
    r"^[\"„“]?\s*\d{0,2}\s*[\"”]?\s*(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"\s*\d{4}\s*г?\.?$|^(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}\.?$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$",
    re.I,
)


def classify_witness(parts: list[Chunk], lang: str) -> list[Block]:
    """The blocks of one transcription, each with its role."""
    blocks: list[Block] = []
    body_started = False
    skip = False
    for index, chunk in enumerate(parts):
        if skip:
            skip = False
            continue
        text = strip_marker(chunk.text)
        kind = _kind(text, body_started)
        if kind == "pb":
            blocks.append(block("pb", chunk, n=PAGE_NUMBER.match(text).group(1)))  # type: ignore[union-attr]
            continue
        if kind == "certification" and index + 1 < len(parts) and len(parts[index + 1].text) < 60:
            chunk = Chunk(chunk.text + "\n" + parts[index + 1].text, chunk.line)
            skip = True
        if kind in ("salute", "p"):
            body_started = True
        blocks.append(block(kind, chunk))
    return blocks


def _kind(text: str, body_started: bool) -> str:
    first_line = text.split("\n", 1)[0]
    if PAGE_NUMBER.match(text):
        return "pb"
    if CATCHWORD.match(text):
        return "catchword"
    if CERTIFICATION.match(text):
        return "certification"
    if DISPATCH.match(text):
        return "dispatch"
    if DATE_ONLY.match(text):
        return "dateline"
    if len(text) <= 120 and STAMP_WORDS.search(first_line) and not ADDRESS_START.match(first_line):
        return "stamp"
    if len(text) <= 80 and text.rstrip('"”»').endswith("!"):
        return "salute"
    if body_started and SIGNATURE.match(text) and len(text.split()) <= 4:
        return "signature"
    if len(text) <= 100 and REGISTRATION.search(text) and not body_started:
        return "registration"
    if not body_started and len(text) <= 120 and (ADDRESS_START.match(text) or _is_caps_line(text)):
        return "address"
    if not body_started and len(text) <= 120 and not text.endswith("."):
        return "address"
    return "p"


def _is_caps_line(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)
