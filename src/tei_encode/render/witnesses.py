"""Witnesses side by side: transcriptions aligned paragraph by paragraph, differing words marked.

witnesses.xsl renders each transcription of a document in its reading text; this
module pairs their blocks (paragraphs, salutations, stamps ...) by the similarity of
their words, with a global alignment that lets a block stand alone where the other
transcription has nothing, and wraps the words in which two paired blocks differ in
``<mark class="diff">``. XSLT 1.0 has no practical way to compare sequences, so the
comparison is done here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from difflib import SequenceMatcher
from typing import TypeAlias

from lxml import etree

from .html import element

WORD = re.compile(r"\S+")
# Blocks whose children are aligned one by one rather than as a whole.
CONTAINERS = {"opener", "closer", "postscript", "front", "body", "back", "text", "div"}
# Two blocks pair only when at least this share of their words agree.
MIN_SIMILARITY = 0.3

Block: TypeAlias = etree._Element
Pair: TypeAlias = tuple[Block | None, Block | None]


def witness_section(sources: etree._Element) -> etree._Element | None:
    """The side-by-side view of the ``witness-source`` divs of ``sources``; None for fewer than two."""
    witnesses = [w for w in sources if isinstance(w.tag, str) and "witness-source" in w.get("class", "").split()]
    if len(witnesses) < 2:
        return None
    for witness in witnesses:
        _detach_ids(witness)
    section = element(
        "section",
        {"class": "view witnesses", "id": "witnesses", "aria-labelledby": "witnesses-title"},
        element("h2", {"class": "view-title", "id": "witnesses-title"}, "Witnesses side by side"),
        element(
            "p",
            {"class": "legend"},
            "Each row pairs corresponding passages; ",
            element("mark", {"class": "diff"}, "marked words"),
            " differ between the transcriptions.",
        ),
    )
    base = witnesses[0]
    for other in witnesses[1:]:
        section.append(_table(base, other))
    return section


def align(left: list[Block], right: list[Block]) -> list[Pair]:
    """Pair the blocks of two witnesses in order, maximising the similarity of the pairs."""
    words_l = [_words(b) for b in left]
    words_r = [_words(b) for b in right]
    n, m = len(left), len(right)
    similar = [[_similarity(words_l[i], words_r[j], left[i].tag == right[j].tag) for j in range(m)] for i in range(n)]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = score[i + 1][j + 1] + similar[i][j] if similar[i][j] >= MIN_SIMILARITY else -1.0
            score[i][j] = max(paired, score[i + 1][j], score[i][j + 1])
    pairs: list[Pair] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and similar[i][j] >= MIN_SIMILARITY and score[i][j] == score[i + 1][j + 1] + similar[i][j]:
            pairs.append((left[i], right[j]))
            i, j = i + 1, j + 1
        elif i < n and (j == m or score[i][j] == score[i + 1][j]):
            pairs.append((left[i], None))
            i += 1
        else:
            pairs.append((None, right[j]))
            j += 1
    return pairs


def mark_differences(left: Block, right: Block) -> None:
    """Wrap the words of two paired blocks that the other block does not have in ``<mark class="diff">``."""
    words_l, words_r = _words(left), _words(right)
    changed_l: set[int] = set()
    changed_r: set[int] = set()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, words_l, words_r, autojunk=False).get_opcodes():
        if tag != "equal":
            changed_l.update(range(i1, i2))
            changed_r.update(range(j1, j2))
    _wrap_words(left, changed_l)
    _wrap_words(right, changed_r)


def blocks(witness: etree._Element) -> list[Block]:
    """The blocks of a rendered witness in order, containers opened up."""
    found: list[Block] = []
    for child in witness:
        if not isinstance(child.tag, str):
            continue
        classes = set(child.get("class", "").split())
        if child.tag in {"div", "section"} and classes & CONTAINERS:
            found.extend(blocks(child))
        else:
            found.append(child)
    return found


def _table(base: etree._Element, other: etree._Element) -> etree._Element:
    labels = (base.get("data-label", "Transcription"), other.get("data-label", "Transcription"))
    langs = (base.get("lang"), other.get("lang"))
    head = element("tr", None, *(element("th", {"scope": "col"}, label) for label in labels))
    body = element("tbody")
    # Copies: with three or more witnesses the base appears in several tables, marked differently.
    for left, right in align(blocks(deepcopy(base)), blocks(other)):
        if left is not None and right is not None:
            mark_differences(left, right)
        cells = []
        for block, lang in zip((left, right), langs, strict=True):
            cell = element("td", {"lang": lang})
            if block is not None:
                cell.append(block)
            else:
                cell.set("class", "absent")
                cell.append(element("span", {"class": "absent-note"}, "not in this transcription"))
            cells.append(cell)
        body.append(element("tr", None, *cells))
    caption = element("caption", None, f"{labels[0]} and {labels[1]}")
    return element("table", {"class": "witnesses"}, caption, element("thead", None, head), body)


def _detach_ids(witness: etree._Element) -> None:
    """Ids belong to the reading view; links into notes it holds become plain text here."""
    for el in witness.iter():
        if not isinstance(el.tag, str):
            continue
        el.attrib.pop("id", None)
        if el.tag == "a" and el.get("href", "").startswith("#"):
            el.tag = "span"
            del el.attrib["href"]


def _words(block: etree._Element) -> list[str]:
    return WORD.findall("".join(block.itertext()))


def _similarity(left: list[str], right: list[str], same_kind: bool) -> float:
    if not left and not right:
        return 1.0 if same_kind else 0.0
    ratio = SequenceMatcher(None, left, right, autojunk=False).ratio()
    return ratio + (0.05 if same_kind else 0.0)


def _wrap_words(block: etree._Element, changed: set[int]) -> None:
    if not changed:
        return
    index = 0
    for owner, is_text in list(_text_segments(block, top=True)):
        text = owner.text if is_text else owner.tail
        if not text:
            continue
        count = len(WORD.findall(text))
        marked = {k - index for k in changed if index <= k < index + count}
        index += count
        if marked:
            _split(owner, is_text, text, marked)


def _text_segments(el: etree._Element, top: bool = False) -> Iterator[tuple[etree._Element, bool]]:
    """Where the text of ``el`` lies, in reading order: (element, True) for its text, (element, False) for its tail."""
    if isinstance(el.tag, str):
        yield el, True
        for child in el:
            yield from _text_segments(child)
    if not top:
        yield el, False


def _split(owner: etree._Element, is_text: bool, text: str, marked: set[int]) -> None:
    """Replace one text or tail by the same text with the marked words wrapped (runs of them in one mark)."""
    lead = ""
    marks: list[etree._Element] = []
    position = 0
    current: etree._Element | None = None
    for k, match in enumerate(WORD.finditer(text)):
        if k not in marked:
            current = None
        elif current is not None:
            current.text = (current.text or "") + text[position : match.end()]
            position = match.end()
        else:
            gap = text[position : match.start()]
            if marks:
                marks[-1].tail = (marks[-1].tail or "") + gap
            else:
                lead = gap
            current = element("mark", {"class": "diff"}, match.group())
            marks.append(current)
            position = match.end()
    marks[-1].tail = (marks[-1].tail or "") + text[position:]
    if is_text:
        owner.text = lead
        parent, insert_at = owner, 0
    else:
        owner.tail = lead
        found = owner.getparent()
        assert found is not None
        parent, insert_at = found, found.index(owner) + 1
    for offset, mark in enumerate(marks):
        parent.insert(insert_at + offset, mark)
