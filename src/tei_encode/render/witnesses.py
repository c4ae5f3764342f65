"""Witnesses side by side: the blocks both transcriptions have in one row, the words that differ marked.

witnesses.xsl renders each transcription diplomatically (its own deletions struck through,
its insertions raised); this module collates them (``collation``: normalised word tokens
aligned by anchored longest common subsequence), pairs the blocks (paragraphs, datelines,
addresses, signatures, stamps ...) that share aligned words, in order, and wraps the words
of a pair that the other block lacks in ``<mark class="diff">``. A deletion is part of the
witness's history, not of its text: its words are shown struck, not collated.
XSLT 1.0 has no practical way to compare sequences, so this is done here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from .collation import RAW_WORD, align_tokens, normalise
from .html import element

# Blocks whose children are aligned one by one rather than as a whole.
CONTAINERS = {"opener", "closer", "postscript", "front", "body", "back", "text", "div"}
# Text that is no word of the witness: its deletions, the view's page-break labels and note numbers.
NOT_COLLATED = {"del", "pb", "noteref"}
# Two blocks pair when the aligned words they share are at least this share of the shorter one.
MIN_SHARED = 0.5

Block: TypeAlias = etree._Element
Pair: TypeAlias = tuple[Block | None, Block | None]


@dataclass(frozen=True)
class Token:
    """One comparison token: its normalised form, its block, and the raw word it comes from."""

    norm: str
    block: int
    owner: etree._Element
    is_text: bool
    word: int


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
            "Each row pairs what both transcriptions have; ",
            element("mark", {"class": "diff"}, "marked words"),
            " differ between them. Each is shown as written, its deletions struck through and insertions raised.",
        ),
    )
    base = witnesses[0]
    for other in witnesses[1:]:
        section.append(_table(base, other))
    return section


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


def collate(left: list[Block], right: list[Block]) -> list[tuple[Pair, set[int], set[int]]]:
    """The rows of two witnesses' blocks, with the token positions (within each block) that differ.

    Blocks pair, in order, when the aligned tokens they share are at least ``MIN_SHARED``
    of the shorter block's tokens; a block without a partner stands alone.
    """
    tokens_l = [t for k, b in enumerate(left) for t in tokens(b, k)]
    tokens_r = [t for k, b in enumerate(right) for t in tokens(b, k)]
    matches = align_tokens([t.norm for t in tokens_l], [t.norm for t in tokens_r])
    shared = Counter((tokens_l[i].block, tokens_r[j].block) for i, j in matches)
    sizes_l = Counter(t.block for t in tokens_l)
    sizes_r = Counter(t.block for t in tokens_r)

    def weight(a: int, b: int) -> int:
        count = shared.get((a, b), 0)
        shorter = min(sizes_l[a], sizes_r[b])
        return count if count and count >= MIN_SHARED * shorter else 0

    pairs = _monotone_pairs(len(left), len(right), weight)
    rows = []
    for a, b in pairs:
        pair: Pair = (left[a] if a is not None else None, right[b] if b is not None else None)
        same_l = {i for i, j in matches if tokens_l[i].block == a and tokens_r[j].block == b}
        same_r = {j for i, j in matches if tokens_l[i].block == a and tokens_r[j].block == b}
        differ_l = {i for i, t in enumerate(tokens_l) if t.block == a and i not in same_l} if b is not None else set()
        differ_r = {j for j, t in enumerate(tokens_r) if t.block == b and j not in same_r} if a is not None else set()
        rows.append((pair, differ_l, differ_r))
        _mark(tokens_l, differ_l)
        _mark(tokens_r, differ_r)
    return rows


def align(left: list[Block], right: list[Block]) -> list[Pair]:
    """Pair the blocks of two witnesses in order (and mark the words in which paired blocks differ)."""
    return [pair for pair, _, _ in collate(left, right)]


def tokens(block: Block, number: int) -> Iterator[Token]:
    """The comparison tokens of one rendered block, in reading order."""
    for owner, is_text in _text_segments(block, top=True):
        text = owner.text if is_text else owner.tail
        if not text or (is_text and _skipped(owner)) or (not is_text and _inside_skipped(owner)):
            continue
        for k, raw in enumerate(RAW_WORD.findall(text)):
            for norm in normalise(raw):
                yield Token(norm, number, owner, is_text, k)


def _monotone_pairs(n: int, m: int, weight: Callable[[int, int], int]) -> list[tuple[int | None, int | None]]:
    """The order-keeping pairing of blocks with the greatest total weight (0 means no pair)."""
    w = [[weight(a, b) for b in range(m)] for a in range(n)]
    score = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            paired = score[a + 1][b + 1] + w[a][b] if w[a][b] else -1
            score[a][b] = max(paired, score[a + 1][b], score[a][b + 1])
    pairs: list[tuple[int | None, int | None]] = []
    a = b = 0
    while a < n or b < m:
        if a < n and b < m and w[a][b] and score[a][b] == score[a + 1][b + 1] + w[a][b]:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        elif a < n and (b == m or score[a][b] == score[a + 1][b]):
            pairs.append((a, None))
            a += 1
        else:
            pairs.append((None, b))
            b += 1
    return pairs


def _table(base: etree._Element, other: etree._Element) -> etree._Element:
    labels = (base.get("data-label", "Transcription"), other.get("data-label", "Transcription"))
    langs = (base.get("lang"), other.get("lang"))
    head = element("tr", None, *(element("th", {"scope": "col"}, label) for label in labels))
    body = element("tbody")
    # Copies: with three or more witnesses the base appears in several tables, marked differently.
    for (left, right), _, _ in collate(blocks(deepcopy(base)), blocks(deepcopy(other))):
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


def _skipped(el: etree._Element) -> bool:
    """Whether ``el`` or an element around it holds text that is not collated."""
    return any(
        isinstance(node.tag, str) and (node.tag in NOT_COLLATED or set(node.get("class", "").split()) & NOT_COLLATED)
        for node in (el, *el.iterancestors())
    )


def _inside_skipped(el: etree._Element) -> bool:
    parent = el.getparent()
    return parent is not None and _skipped(parent)


def _detach_ids(witness: etree._Element) -> None:
    """Ids belong to the reading view; links into notes it holds become plain text here."""
    for el in witness.iter():
        if not isinstance(el.tag, str):
            continue
        el.attrib.pop("id", None)
        if el.tag == "a" and el.get("href", "").startswith("#"):
            el.tag = "span"
            del el.attrib["href"]


def _mark(found: list[Token], differ: set[int]) -> None:
    """Wrap the raw words holding the differing tokens in ``<mark class="diff">``."""
    words: dict[tuple[int, bool], tuple[etree._Element, set[int]]] = {}
    for k in differ:
        token = found[k]
        words.setdefault((id(token.owner), token.is_text), (token.owner, set()))[1].add(token.word)
    for (_, is_text), (owner, marked) in words.items():
        text = owner.text if is_text else owner.tail
        if text:
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
    for k, match in enumerate(RAW_WORD.finditer(text)):
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
