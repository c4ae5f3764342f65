"""Collation of two witnesses by tokens: normalised words aligned by a longest common subsequence.

The steps follow the Gothenburg model of collation that CollateX implements (tokenisation,
normalisation, alignment, then analysis and display: Haentjens Dekker and Middell,
"Computer-Supported Collation with CollateX", 2011):

- a witness's text is cut into word tokens, each normalised for comparison: case folded, ё
  read as е, punctuation and quotation marks dropped, figures apart from the letters run on
  to them (``1951г.`` is ``1951`` ``г``), and a word typed with spaced letters (``П Е К И Н``)
  read as one word;
- tokens that occur exactly once in each witness are anchors; the longest increasing run of
  anchors (patience sorting, as in Bram Cohen's patience diff) fixes the alignment's
  skeleton, and between two anchors a longest common subsequence (dynamic programming)
  aligns the rest. Anchors keep a frequent word (``в``, ``и``) from being paired across the
  whole text, and keep the work near linear for texts that mostly agree.

``align_tokens`` returns the aligned pairs of token positions; ``witnesses`` pairs the
blocks of two rendered witnesses from them and marks the words that differ.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

# A word of capitals typed with spaces between its letters (П Е К И Н), else any run of non-space.
RAW_WORD = re.compile(r"(?<!\w)[^\W\d_](?: [^\W\d_]){2,}(?!\w)|\S+")
_PIECES = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*")
# Past this many cells a gap between anchors is aligned greedily rather than by full LCS.
MAX_CELLS = 4_000_000
# Anchors are looked for again inside the gaps between anchors, this many levels deep.
MAX_DEPTH = 16


def normalise(raw: str) -> list[str]:
    """The comparison tokens of one raw word (none for punctuation alone)."""
    if " " in raw and raw.replace(" ", "").isupper():
        raw = raw.replace(" ", "")
    return _PIECES.findall(raw.casefold().replace("ё", "е"))


def align_tokens(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) with ``left[i] == right[j]``, increasing in both, as many as the method finds."""
    pairs: list[tuple[int, int]] = []
    _align(left, right, 0, len(left), 0, len(right), pairs)
    return pairs


def _align(
    left: list[str], right: list[str], i0: int, i1: int, j0: int, j1: int, out: list[tuple[int, int]], depth: int = 0
) -> None:
    # Equal heads and tails first: most of two versions of one text agree.
    while i0 < i1 and j0 < j1 and left[i0] == right[j0]:
        out.append((i0, j0))
        i0, j0 = i0 + 1, j0 + 1
    tail: list[tuple[int, int]] = []
    while i1 > i0 and j1 > j0 and left[i1 - 1] == right[j1 - 1]:
        i1, j1 = i1 - 1, j1 - 1
        tail.append((i1, j1))
    if i0 < i1 and j0 < j1:
        anchors = _anchors(left, right, i0, i1, j0, j1) if depth < MAX_DEPTH else []
        if anchors:
            for i, j in anchors:
                _align(left, right, i0, i, j0, j, out, depth + 1)
                out.append((i, j))
                i0, j0 = i + 1, j + 1
            _align(left, right, i0, i1, j0, j1, out, depth + 1)
        else:
            out.extend(_lcs(left, right, i0, i1, j0, j1))
    out.extend(reversed(tail))


def _anchors(left: list[str], right: list[str], i0: int, i1: int, j0: int, j1: int) -> list[tuple[int, int]]:
    """Tokens once in each range, the longest run of them in the same order in both."""
    in_left = Counter(left[i0:i1])
    in_right = Counter(right[j0:j1])
    where = {token: j for j, token in enumerate(right[j0:j1], j0) if in_right[token] == 1}
    candidates = [(i, where[t]) for i, t in enumerate(left[i0:i1], i0) if in_left[t] == 1 and t in where]
    # Longest increasing subsequence of the right positions (patience sorting).
    tops: list[int] = []
    top_index: list[int] = []
    previous: list[int] = []
    for k, (_, j) in enumerate(candidates):
        pile = bisect_left(tops, j)
        if pile == len(tops):
            tops.append(j)
            top_index.append(k)
        else:
            tops[pile] = j
            top_index[pile] = k
        previous.append(top_index[pile - 1] if pile else -1)
    run: list[tuple[int, int]] = []
    k = top_index[-1] if top_index else -1
    while k >= 0:
        run.append(candidates[k])
        k = previous[k]
    return run[::-1]


def _lcs(left: list[str], right: list[str], i0: int, i1: int, j0: int, j1: int) -> list[tuple[int, int]]:
    """A longest common subsequence of two ranges by dynamic programming (greedy past ``MAX_CELLS``)."""
    n, m = i1 - i0, j1 - j0
    if n * m > MAX_CELLS:
        return _greedy(left, right, i0, i1, j0, j1)
    length = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = length[i], length[i + 1]
        token = left[i0 + i]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if token == right[j0 + j] else max(below[j], row[j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if left[i0 + i] == right[j0 + j]:
            pairs.append((i0 + i, j0 + j))
            i, j = i + 1, j + 1
        elif length[i + 1][j] >= length[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _greedy(left: list[str], right: list[str], i0: int, i1: int, j0: int, j1: int) -> list[tuple[int, int]]:
    """Each left token paired with the next equal right token, in order (a fallback for very long gaps)."""
    pairs = []
    j = j0
    for i in range(i0, i1):
        k = j
        while k < j1 and right[k] != left[i]:
            k += 1
        if k < j1:
            pairs.append((i, k))
            j = k + 1
    return pairs
