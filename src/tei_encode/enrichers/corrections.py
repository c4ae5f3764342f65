"""Corrections and editorial brackets: ``del`` and ``add`` for words a note of the source says were struck out or
written in, ``subst`` for a deletion replaced by an insertion (directly or after a space),
``supplied`` for text an editor put in square brackets, ``gap`` for an omission mark or a
bracketed "illegible"; ``[sic]`` and footnote numbers are left alone.

Runs first, so later enrichers see supplied text as part of the names and dates
around it (``Filippov [Stalin]``, ``July 24 [1920]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..lexicon import CLOSING_QUOTES, OPENING_QUOTES, QUOTES
from ..model import Block, Document, Span, SpanKind, span

if TYPE_CHECKING:
    from .context import Context

OMISSION = re.compile(r"\[\s*(?:\.\s*){2,}\]|\[\s*…\s*\]|<\s*\.\.\.\s*>")
# An editor's word for text that cannot be read, in brackets: a gap, not supplied text.
ILLEGIBLE = re.compile(
    r"\[\s*(?:(?:one|two|three|several|\d+)\s+)?(?:words?\s+)?(?:illegible|unreadable|indecipherable|undecipherable"
    r"|неразб(?:орчиво)?\.?|нрзб\.?)(?:\s+words?)?\s*\]",
    re.I,
)
# Editorial remarks in brackets that are not text of the document.
REMARK = re.compile(r"\[\s*(?:sic!?|\?|!|так в (?:документе|тексте|оригинале)\.?)\s*\]", re.I)
BRACKETED = re.compile(r"\[([^\[\]\n]{1,80})\]")

# Notes that say which words of the text were struck out or written in: the quoted words, then a passive verb
# (``The words "..." were added by Zinoviev above the line``, ``Слова «...» зачеркнуты``), or the verb first
# (``Crossed out: "..."``, ``Вписано рукой Сталина: «...»``).
QUOTED = re.compile(rf"[{OPENING_QUOTES}]([^{QUOTES}\n]{{2,300}})[{CLOSING_QUOTES}]")
DELETED_EN = r"crossed\s+out|crossed\s+through|struck\s+out|struck\s+through|scored\s+out|deleted"
ADDED_EN = r"added|inserted|interlined|written\s+in|written\s+above"
DELETED_RU = r"зач[её]ркнут\w*|вычеркнут\w*"
ADDED_RU = r"вписан\w*|вставлен\w*|добавлен\w*|приписан\w*|надписан\w*"
VERB = rf"(?P<verb>{DELETED_EN}|{ADDED_EN}|{DELETED_RU}|{ADDED_RU})\b"
# After the quotation, in the same clause: an English verb in the passive, or a Russian short participle.
VERB_AFTER = re.compile(
    rf"[^.;:{QUOTES}]{{0,40}}?(?:\b(?:were|was|are|is|been)\s+(?:\w+\s+){{0,2}}?(?=(?:{DELETED_EN}|{ADDED_EN})\b)"
    rf"|\b(?=(?:{DELETED_RU}|{ADDED_RU})\b)){VERB}",
    re.I,
)
# Before the quotation: the participle opening a sentence of the note.
VERB_BEFORE = re.compile(rf"(?:^|[.;]\s+)(?:\d{{1,2}}\s*\.?\s*)?{VERB}[^;{QUOTES}]{{0,60}}$", re.I)
DELETION_VERB = re.compile(rf"{DELETED_EN}|{DELETED_RU}", re.I)
STRUCK = re.compile(r"crossed|struck|scored|зач[её]ркн|вычеркн", re.I)
# Quoted words that only open or close the passage a note speaks of (``beginning with the words "..."``).
PASSAGE_EDGE = re.compile(
    r"(?:beginning|starting|ending|from|up\s+to|to)\s+(?:with\s+)?the\s+words?\s*$|(?:со|до)\s+слов\w*\s*$", re.I
)
# A list of quotations sharing one verb (``"..." and "..." were crossed out``).
NEXT_QUOTE = re.compile(rf"\s*(?:,|and|or|и|или)\s*(?=[{QUOTES}])", re.I)
ADD_PLACES = (
    (re.compile(r"above\s+the\s+line|над\s+строкой", re.I), "above"),
    (re.compile(r"below\s+the\s+line|под\s+строкой", re.I), "below"),
    (re.compile(r"in\s+the\s+margins?|на\s+полях", re.I), "margin"),
)
# A quotation followed by its verb names words of the text only when the note says so: ``the words``, ``the name``
# or ``слова`` before it, or a hand, ink or place in the sentence; otherwise it is a title (``The item "On the
# grain trade" was added to the agenda``).
WORDS_BEFORE = re.compile(
    r"\b(?:the\s+(?:words?|name|phrase|line|passage|sentence)|слов[ао]?|фразы?|фамилия|строка)\s*$", re.I
)
HAND_OR_PLACE = re.compile(
    r"\bhand\b|\bink\b|\bpencil\b|рукой|рука|чернилами|карандашом|"
    + "|".join(pattern.pattern for pattern, _ in ADD_PLACES),
    re.I,
)
SENTENCE_END = re.compile(r"(?<=[^A-ZА-ЯЁ\s][.!?])\s+(?=[A-ZА-ЯЁ])")


class CorrectionsEnricher:
    """Adds del and add spans that notes describe, and subst, supplied and gap spans."""

    name = "corrections"
    priority = 10

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Mark corrections and editorial brackets in every block."""
        _mark_noted_corrections(document)
        for _, block in document.blocks():
            _mark_substitutions(block)
            _mark_brackets(block)


def _mark_substitutions(block: Block) -> None:
    adds = block.spans_of("add")
    for deletion in block.spans_of("del"):
        between = len(block.text[deletion.end :]) - len(block.text[deletion.end :].lstrip(" "))
        follower = next((a for a in adds if a.start == deletion.end + between), None)
        if follower is not None:
            block.add(span(deletion.start, follower.end, "subst"))


def _mark_brackets(block: Block) -> None:
    for pattern, reason in ((OMISSION, "omitted"), (ILLEGIBLE, "illegible")):
        for match in pattern.finditer(block.text):
            if block.is_free(match.start(), match.end()):
                block.add(span(match.start(), match.end(), "gap", reason=reason))
    for match in BRACKETED.finditer(block.text):
        start, end = match.span(1)
        inner = match.group(1)
        if REMARK.fullmatch(match.group(0)) or not inner.strip():
            continue
        if not block.is_free(start, end, "idno", "gap", "noteref"):
            continue
        block.add(span(start, end, "supplied", reason="editorial"))


def _mark_noted_corrections(document: Document) -> None:
    """``del`` and ``add`` over the words of the text that the document's notes say were struck out or written in."""
    notes = [b for d in document.divisions if d.kind == "notes" for b in d.blocks if b.kind == "note"]
    if not notes:
        return
    text_blocks = [b for d in document.divisions if d.kind != "notes" for b in d.blocks if b.kind != "note"]
    for note in notes:
        if not any(q in note.text for q in QUOTES):
            continue
        key = note.attrs.get("key") or note.attrs.get("n", "")
        for words, kind, attrs in _noted_corrections(note.text):
            found = _find_words(words, text_blocks, key)
            if found is not None:
                target, start, end = found
                target.add(span(start, end, kind, **attrs))


def _noted_corrections(text: str) -> Iterator[tuple[str, SpanKind, dict[str, str]]]:
    """The quoted words a note says were struck out or written in, with ``del`` or ``add`` and its attributes."""
    quotes = list(QUOTED.finditer(text))
    for quote, verb in zip(quotes, _verbs(text, quotes), strict=True):
        if verb is None or not any(ch.isalnum() for ch in quote.group(1)):
            continue
        if PASSAGE_EDGE.search(text, max(0, quote.start() - 40), quote.start()):
            continue
        if DELETION_VERB.fullmatch(verb.group("verb")):
            yield quote.group(1), "del", {"rend": "strikethrough"} if STRUCK.match(verb.group("verb")) else {}
        else:
            sentence = _sentence_around(text, verb.start("verb"))
            place = next((name for pattern, name in ADD_PLACES if pattern.search(sentence)), "")
            yield quote.group(1), "add", {"place": place} if place else {}


def _verbs(text: str, quotes: list[re.Match[str]]) -> list[re.Match[str] | None]:
    """For each quotation, the verb saying what happened to it: after it (when the note calls the quotation words
    of the text or names a hand or place), else before it; quotations joined by ``and`` or a comma share the verb
    of the list."""
    after = [VERB_AFTER.match(text, q.end()) for q in quotes]
    before = [VERB_BEFORE.search(text, 0, q.start()) for q in quotes]
    named = [WORDS_BEFORE.search(text, max(0, q.start() - 20), q.start()) is not None for q in quotes]
    joined = [_joined(text, quotes[k], quotes[k + 1]) for k in range(len(quotes) - 1)]
    for k in reversed(range(len(joined))):
        if joined[k]:
            after[k] = after[k] or after[k + 1]
    for k in range(1, len(quotes)):
        if joined[k - 1]:
            before[k] = before[k] or before[k - 1]
            named[k] = named[k] or named[k - 1]
    after = [a if a and (words or _hand_or_place(text, a)) else None for a, words in zip(after, named, strict=True)]
    return [a or b for a, b in zip(after, before, strict=True)]


def _hand_or_place(text: str, verb: re.Match[str]) -> bool:
    """Whether the sentence of ``verb`` names a hand, an ink or a place on the page (``in Lenin's hand``)."""
    return HAND_OR_PLACE.search(_sentence_around(text, verb.start("verb"))) is not None


def _joined(text: str, quote: re.Match[str], following: re.Match[str]) -> bool:
    """Whether two quotations are items of one list (``"..." and "..."``)."""
    link = NEXT_QUOTE.match(text, quote.end())
    return link is not None and link.end() == following.start()


def _sentence_around(text: str, position: int) -> str:
    """The sentence of ``text`` that holds ``position``."""
    start = 0
    for gap in SENTENCE_END.finditer(text):
        if gap.start() >= position:
            return text[start : gap.start()]
        start = gap.end()
    return text[start:]


def _find_words(words: str, blocks: list[Block], key: str) -> tuple[Block, int, int] | None:
    """Where the quoted words stand in the text: nearest the note's reference in its paragraph, else their only
    occurrence in the text; ``None`` when they are not found, are ambiguous or would cross other markup."""
    pattern = _words_pattern(words)
    anchors = [(b, s) for b in blocks for s in b.spans if s.kind == "noteref" and (s.attr("key") or s.attr("n")) == key]
    for block, anchor in anchors:
        places = [m.span() for m in pattern.finditer(block.text) if _fits(block, *m.span())]
        before = [p for p in places if p[1] <= anchor.start]
        if before or places:
            start, end = before[-1] if before else places[0]
            return block, start, end
    everywhere = [(b, *m.span()) for b in blocks for m in pattern.finditer(b.text) if _fits(b, *m.span())]
    return everywhere[0] if len(everywhere) == 1 else None


def _words_pattern(words: str) -> re.Pattern[str]:
    """The quoted words across any spacing, their first letter in either case (a note quotes ``"the road ..."``
    from a sentence that opens ``The road ...``)."""
    parts = words.strip(" .,;:").split()
    first = f"(?i:{re.escape(parts[0][0])})" + re.escape(parts[0][1:])
    return re.compile(r"\s+".join([first, *(re.escape(w) for w in parts[1:])]))


def _fits(block: Block, start: int, end: int) -> bool:
    """Whether a correction over ``start:end`` is new and nests with the spans the block has."""
    return all(_nests(s, start, end) for s in block.spans) and block.is_free(start, end, "del", "add")


def _nests(other: Span, start: int, end: int) -> bool:
    """Whether ``other`` and ``start:end`` are apart or one holds the other."""
    inside = other.start <= start and end <= other.end
    return not other.overlaps(start, end) or inside or (start <= other.start and other.end <= end)
