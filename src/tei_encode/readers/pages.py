"""Page breaks of a printed edition or a manuscript left in a text copy of it, marked where the reader can be sure.

A web copy of a book keeps the printed page numbers: a translator's or an edition's mark inside a sentence (``[Page
211]``, ``[p. 12]``, ``[Стр. 12]``), a folio break of a transcription (``Л. 31//``, ``Л. 31об.//``), and the running
head of the page with its number on a line of its own (``284 В. И. ЛЕНИН``, ``206______ В. И. ЛЕНИН``, ``РАЗГОВОР ПО
ПРЯМОМУ ПРОВОДУ с Б. М. ВОЛИНЫМ 213``, ``ПИСЬМА (1842-1895) 431``, ``62`` over ``В. И. ЛЕНИН`` or under it), a book
page's number alone over its first lines at the top of the text, a typed page's number between dashes (``- 2 -``,
``— 12 —``), and a file's page spelled out (``[page one of nineteen]``). A number alone over a letter's heading naming
its addressee (``152`` / ``К. ГЮИСМАНСУ``, ``98`` / ``To: MAXIM GORKY``, ``1`` / ``М. ГОРЬКИЙ — И. В. СТАЛИНУ``) is
the letter's number in the volume, not a page's. Each gives an empty ``pb`` span with the page's number (``n``) where
the page starts: before the mark, the folio, the running head or the number, which stay text.
"""

from __future__ import annotations

import re

from ..model import Block, span
from .layout import ADDRESSEE_HEADING

# A page mark inside the text: "[Page 211]", "[p. 12]", "[Стр. 12]", "[С. 12]".
_MARK = re.compile(r"\[(?:page|p\.|pp\.|стр\.|страница|с\.)\s*(?P<n>\d{1,4})\]", re.I)
# A typed page's number between dashes, alone on its line: "- 2 -", "— 12 —".
_DASHED = re.compile(r"^[-–—]\s*(?P<n>\d{1,4})\s*[-–—]$")
# A folio break of a transcription: "Л. 31//", "Л. 31об.//", "f. 12v//".
_FOLIO = re.compile(r"(?<!\w)(?:Л|л|Лл|f|ff|fol)\.\s?(?P<n>\d{1,4}(?:\s?об\.?|[rv])?)\s?//")
# A running head with its page number before or after it, or the number alone over it.
_NUMBER_FIRST = re.compile(r"^(?P<n>\d{1,4})(?:\s+|_{3,}\s*)(?P<head>\S.{2,120})$")  # perhaps a leader rule between
_NUMBER_LAST = re.compile(r"^(?P<head>\S.{2,120}?)\s+(?P<n>\d{1,4})$")
_NUMBER = re.compile(r"^\d{1,4}$")
# A head with figures or ending in a number's label is a line of the text ("CABLE Nº 2220", "ДЕКАБРЯ 1950"); the
# years of a part of the edition in brackets are not ("ПИСЬМА (1842-1895)").
_NOT_HEAD = re.compile(r"\d|(?:№|N[ºo°]\.?|No\.?|Nr\.?|#)$", re.I)
_YEARS = re.compile(r"\(\d{4}\s*[-–—]\s*\d{4}\)")
# A year alone is no page's nor a document's number: "1919" under "В. УЛЬЯНОВ" dates the letter.
YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
# A file's page spelled out: "[page one of nineteen]".
_SPELLED = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")  # fmt: skip
_SPELLED_MARK = re.compile(rf"\[page\s+(?P<n>{'|'.join(_SPELLED)})\s+of\s+[a-z-]+\]", re.I)
_HEAD_LETTERS = 3
_TOP = 3  # a page number alone stands among the first lines of the text
_PROSE_WORDS = 8
_HEAD_CAPITALS = 0.8  # a running head is set in capitals: a preposition or "г." may be small


def mark_page_breaks(blocks: list[Block]) -> None:
    """Add a ``pb`` span with its number before each page mark, folio break and running head of ``blocks`` (the
    text of one document, in order: a running head may stand in a block of its own)."""
    lines = [(b, at, line) for b in blocks for at, line in _lines(b.text)]
    for block in blocks:
        for match in _MARK.finditer(block.text):
            block.add(span(match.start(), match.start(), "pb", n=match.group("n")))
        for match in _FOLIO.finditer(block.text):
            block.add(span(match.start(), match.start(), "pb", n=re.sub(r"\s", "", match.group("n"))))
        for match in _SPELLED_MARK.finditer(block.text):
            n = str(_SPELLED.index(match.group("n").lower()) + 1)
            block.add(span(match.start(), match.start(), "pb", n=n))
    numbered = set()  # the numbers under their heads, marked with them
    for k in range(1, len(lines)):  # the first line is the text's own heading or number
        block, at, line = lines[k]
        if k in numbered:
            continue
        if dashed := _DASHED.match(line):
            block.add(span(at, at, "pb", n=dashed.group("n")))
            continue
        head = _NUMBER_FIRST.match(line) or _NUMBER_LAST.match(line)
        if head and _head(head.group("head")) and not _NOT_HEAD.search(_YEARS.sub("", head.group("head"))):
            block.add(span(at, at, "pb", n=head.group("n")))
        elif (
            _NUMBER.match(line)
            and k + 1 < len(lines)
            and _head(lines[k + 1][2])
            and not ADDRESSEE_HEADING.match(lines[k + 1][2])
        ):
            block.add(span(at, at, "pb", n=line))
        elif _under_head(lines, k):  # the number under its head: the page starts at the head
            block.add(span(at, at, "pb", n=lines[k + 1][2]))
            numbered.add(k + 1)
        elif _NUMBER.match(line) and k < _TOP and k + 1 < len(lines) and _prose(lines[k + 1][2]):
            block.add(span(at, at, "pb", n=line))  # the printed page's number over its first lines


def _under_head(lines: list[tuple[Block, int, str]], k: int) -> bool:
    """Whether line ``k`` is a running head with the page's number alone on the next line, the last of the text or
    over its running sentences (a number over a date or a heading is a note's or a document's)."""
    if k + 1 >= len(lines) or not _head(lines[k][2]) or _NOT_HEAD.search(lines[k][2]):
        return False
    number = lines[k + 1][2]
    following = lines[k + 2][2] if k + 2 < len(lines) else ""
    return bool(_NUMBER.match(number)) and not YEAR.match(number) and (not following or _prose(following))


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` with text, stripped, each with the offset of its first character."""
    out = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            out.append((offset + len(line) - len(line.lstrip()), stripped))
        offset += len(line) + 1
    return out


def _prose(text: str) -> bool:
    """Whether a line runs on as a text's sentences do."""
    return len(text.split()) >= _PROSE_WORDS


def _head(text: str) -> bool:
    """Whether a line reads as a running head: set in capitals (a preposition or "г." may be small), two words or
    more."""
    letters = [ch for ch in text if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return len(letters) >= _HEAD_LETTERS and capitals >= _HEAD_CAPITALS * len(letters) and len(text.split()) >= 2
