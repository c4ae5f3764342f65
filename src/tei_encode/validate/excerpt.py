"""Cutting a large document around one error: the element that holds it, an excerpt, and where to go on.

A streamed validation tells where its first error is (a line, the names of the element and its
ancestors) but not what else is wrong: libxml2's streaming state is lost after an error. ``locate``
finds in the source text a *unit*: the deepest ancestor-or-self C of the erroneous element whose
next sibling has the same name (a ``div`` among ``div``s, an ``entry`` among ``entry``s), inside its
parent P. When the siblings before C take little text, the excerpt is the file up to C's end (and
the end tags of C's ancestors), and reading goes on without C (``Remainder``); otherwise it is the
text up to the start tag of P's first occurrence on its path, then C, and reading goes on behind
that text from C's end, as if C and the siblings before it were not there. Dropping a run of
same-named siblings keeps a TEI content model satisfied; lines and columns are those of the file
(what follows a cut starts on a line of its own, indented to its column).

Only markup is tokenised (tags, comments, CDATA, processing instructions), in a bounded window:
a unit that cannot be found within it gives None, and the caller validates the whole tree instead.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .libxml2 import StreamError

# Markup tokens: comments, CDATA, processing instructions, declarations, end tags, start tags (also `halves.py`).
TOKEN = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<![^>]*>"
    rb"|</(?P<end>[^\s>]+)\s*>"
    rb"|<(?P<start>[^\s/>!?][^\s/>]*)(?:\"[^\"]*\"|'[^']*'|[^>\"'])*?(?P<empty>/?)>",
    re.S,
)
# How far around an error the text is searched for the unit and for the parent's start tag.
BUDGET = 8 * 1024 * 1024
_WINDOWS = (64 * 1024, 1024 * 1024, BUDGET)
# Up to this much text of the siblings before the unit is kept in its excerpt.
_CONTEXT = 1024 * 1024
# How far after the unit its ancestors' next siblings are looked for.
_FOLLOWING = 64 * 1024
_CHUNK = 4 * 1024 * 1024


class Lines:
    """Line numbers and offsets of a file, counted once forward in chunks (checkpoints kept)."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle = handle
        self.size = size
        self.offsets = [0]  # checkpoint offsets, every _CHUNK bytes
        self.lines = [1]  # the line at each checkpoint

    def _checkpoint(self, offset: int) -> tuple[int, int]:
        """The last checkpoint at or before ``offset`` (counting forward to it when needed)."""
        while self.offsets[-1] + _CHUNK <= min(offset, self.size):
            self.handle.seek(self.offsets[-1])
            self.lines.append(self.lines[-1] + self.handle.read(_CHUNK).count(b"\n"))
            self.offsets.append(self.offsets[-1] + _CHUNK)
        index = bisect_right(self.offsets, offset) - 1
        return self.offsets[index], self.lines[index]

    def line_of(self, offset: int) -> int:
        """The line of the byte at ``offset``."""
        start, line = self._checkpoint(offset)
        self.handle.seek(start)
        return line + self.handle.read(offset - start).count(b"\n")

    def start_of(self, line: int) -> int:
        """The offset where ``line`` starts (the file's size past its last line)."""
        if line <= 1:
            return 0
        # The last checkpoint on a line before: a checkpoint on ``line`` itself may be past its start.
        index = bisect_left(self.lines, line) - 1
        while index == len(self.lines) - 1 and self.offsets[-1] + _CHUNK <= self.size:
            self._checkpoint(self.offsets[-1] + _CHUNK)
            index = bisect_left(self.lines, line) - 1
        offset, current = self.offsets[index], self.lines[index]
        self.handle.seek(offset)
        while current < line:
            block = self.handle.read(_CHUNK)
            if not block:
                return self.size
            count = block.count(b"\n")
            if current + count < line:
                current, offset = current + count, offset + len(block)
                continue
            return offset + _newline(block, line - current) + 1
        return offset

    def column_of(self, offset: int, encoding: str) -> int:
        """The column (in characters, from 1) of the byte at ``offset``."""
        start = self.start_of(self.line_of(offset))
        self.handle.seek(start)
        return len(self.handle.read(offset - start).decode(encoding, "replace")) + 1


def _newline(block: bytes, count: int) -> int:
    """The index of the ``count``-th newline of ``block`` (which has that many), halving the span that holds it:
    a few dozen counts in C instead of one search a line (a 4 MB block has tens of thousands)."""
    low, high = 0, len(block)
    while high - low > 1:
        middle = (low + high) // 2
        before = block.count(b"\n", low, middle)
        if before >= count:
            high = middle
        else:
            count -= before
            low = middle
    return low


@dataclass(frozen=True)
class Unit:
    """An element C cut out of its parent P around an error, and where the file goes on after it."""

    prefix_end: int  # just after P's start tag: the text kept before C
    prefix_line: int
    start: int  # C's "<", or P's content start when the siblings before C are kept
    start_line: int
    start_column: int
    end: int  # just after C's end tag
    end_line: int
    end_column: int
    closing: bytes  # the end tags of P and its ancestors
    depth: int  # C's depth (the document element's is 0)
    element_start: int  # C's "<"
    elsewhere: frozenset[int]  # depths of C's ancestors whose excerpt stands in for another element
    followed: frozenset[int]  # depths of C and its ancestors that a sibling of their name is known to follow

    def excerpt(self, handle: BinaryIO) -> bytes:
        """The prefix, C on a line of its own at its column, and the end tags that close the document."""
        handle.seek(0)
        prefix = handle.read(self.prefix_end)
        handle.seek(self.start)
        unit = handle.read(self.end - self.start)
        return prefix + b"\n" + b" " * (self.start_column - 1) + unit + b"\n" + self.closing

    def path(self, path: str) -> str:
        """A path in the excerpt as a path of the file: ``[?]`` where a position is not known (C's, when its
        siblings were cut; an ancestor's, when the excerpt's is the first on its path and not C's own).

        An ancestor of C that is the first of its name keeps no ``[1]`` when no sibling of its name
        follows within ``_FOLLOWING`` bytes after C: finding one could mean reading to the end of the file.
        """
        steps = path.split("/")
        unknown = self.elsewhere | {self.depth} if self.far else frozenset()  # near: the file's own text
        for depth in unknown:
            if depth + 1 < len(steps):
                steps[depth + 1] = steps[depth + 1].partition("[")[0] + "[?]"
        for depth in self.followed - unknown:  # the first of its name: a sibling of its name follows, not excerpted
            if depth + 1 < len(steps) and "[" not in steps[depth + 1]:
                steps[depth + 1] += "[1]"
        return "/".join(steps)

    def excerpt_line(self, line: int) -> int:
        """The line of the file that a line of the excerpt is."""
        return line if line <= self.prefix_line else line - self.prefix_line - 1 + self.start_line

    @property
    def far(self) -> bool:
        """Whether the siblings before C are left out (too much text): the excerpt and reading on skip them."""
        return self.start > self.prefix_end


class Remainder:
    """The file without the units explained so far, as libxml2 reads on, and its lines as the file's.

    Each part after a cut starts on a line of its own, indented to its column, so that the lines
    and columns of what libxml2 reports map back by a difference of lines.
    """

    def __init__(self, size: int, lines: Lines, encoding: str) -> None:
        self.size = size
        self.lines = lines
        self.encoding = encoding
        self.cuts: list[tuple[int, int]] = []
        self.pieces: list[tuple[int, int]] = [(1, 1)]  # the first line of each part: as read, in the file

    def drop(self, unit: Unit) -> None:
        """Leave out a unit from now on, and the siblings before it when it is far from its parent's start.

        Then what is read is the text up to the start of the parent's first occurrence (less the
        units explained there) and the file after the unit: the cuts after that start are undone.
        """
        if unit.far:
            self.cuts = [(a, b) for a, b in self.cuts if b <= unit.prefix_end] + [(unit.prefix_end, unit.end)]
            return
        start, end = unit.element_start, unit.end
        overlapping = [(a, b) for a, b in self.cuts if a <= end and b >= start]
        start = min([start, *(a for a, _ in overlapping)])
        end = max([end, *(b for _, b in overlapping)])
        self.cuts = sorted([c for c in self.cuts if c not in overlapping] + [(start, end)])

    def parts(self) -> list[bytes | tuple[int, int]]:
        """What libxml2 reads: the parts kept, each after a cut on a line of its own at its column."""
        parts: list[bytes | tuple[int, int]] = []
        self.pieces = [(1, 1)]
        kept, read_line = 0, 1
        for start, end in [*self.cuts, (self.size, self.size)]:
            if start > kept or kept == 0:
                if kept:
                    read_line += 1
                    parts.append(b"\n" + b" " * (self.lines.column_of(kept, self.encoding) - 1))
                    self.pieces.append((read_line, self.lines.line_of(kept)))
                parts.append((kept, start))
                read_line += self.lines.line_of(start) - self.pieces[-1][1]
            kept = end
        return parts

    def line(self, line: int) -> int:
        """The line of the file that a line libxml2 read is (after ``parts``)."""
        read, real = next(piece for piece in reversed(self.pieces) if piece[0] <= line)
        return line - read + real


class Segments:
    """A reader over parts of a file and bytes in between, for libxml2's text reader."""

    def __init__(self, handle: BinaryIO, parts: list[bytes | tuple[int, int]]) -> None:
        self.handle = handle
        self.parts = list(parts)
        self.position = -1  # where the handle is, to seek only on a jump

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes; b"" at the end."""
        while self.parts:
            part = self.parts[0]
            if isinstance(part, bytes):
                data, rest = part[:size], part[size:]
                self.parts[0] = rest
            else:
                start, end = part
                if start != self.position:
                    self.handle.seek(start)
                data = self.handle.read(min(size, end - start))
                self.position = start + len(data)
                self.parts[0] = (start + len(data), end)
            if data:
                return data
            self.parts.pop(0)
        return b""


def _local(name: bytes) -> str:
    return name.rpartition(b":")[2].decode("utf-8", "replace")


def _tokens(handle: BinaryIO, start: int, end: int) -> Iterator[re.Match[bytes]]:
    handle.seek(start)
    yield from TOKEN.finditer(handle.read(end - start))


def unit_of(handle: BinaryIO, size: int, lines: Lines, error: StreamError, encoding: str) -> Unit | None:
    """The unit around the element of a streamed RELAX NG error (at the file's line); None for another
    kind of error or when it cannot be found."""
    if not error.relaxng or not error.element:
        return None
    chain = [name.rpartition("}")[2] for name in (*error.ancestors, error.element)]
    return locate(handle, size, lines, error.line, chain, encoding)


def locate(handle: BinaryIO, size: int, lines: Lines, line: int, chain: list[str], encoding: str) -> Unit | None:
    """The unit around the element named last in ``chain`` (local names from the document element),
    whose start tag ends on ``line``; None when it cannot be found within the budget."""
    if len(chain) < 2 or line < 1:
        return None
    line_start, line_end = lines.start_of(line), lines.start_of(line + 1)
    chosen: tuple[int, int] | None = None
    starts: dict[int, int] = {}
    for back in _WINDOWS:  # the ancestors' start tags are usually near: look further back only when needed
        window = max(0, line_start - back)
        handle.seek(window)
        text = handle.read(line_end - window)
        found = _element_start(text, line_start - window, chain)
        if found is None:
            return None
        if chosen is None:
            chosen = _unit_end(handle, size, window + found, chain)
            if chosen is None:
                return None
        starts = _chain_starts(text, found, chain, window)
        if chosen[0] + 1 in starts:
            break
        if window == 0:
            return None
    if chosen is None or chosen[0] + 1 not in starts:
        return None
    parent, end = chosen
    opened = _parent_start(handle, chain[: parent + 1], starts[parent + 1])
    if opened is None:
        return None
    prefix_end, path = opened
    # The siblings before C are kept when they are few: an error of order needs them.
    start = starts[parent + 1] if starts[parent + 1] - prefix_end > _CONTEXT else prefix_end
    return Unit(
        prefix_end,
        lines.line_of(prefix_end),
        start,
        lines.line_of(start),
        lines.column_of(start, encoding),
        end,
        lines.line_of(end),
        lines.column_of(end, encoding),
        b"".join(b"</" + name + b">" for _, name in reversed(path)),
        parent + 1,
        starts[parent + 1],
        # The ancestors found near C that are not those of the path's first occurrence, kept in the excerpt.
        frozenset(depth for depth, (offset, _) in enumerate(path) if starts.get(depth, offset) != offset),
        _followed(handle, size, end, chain, parent + 1) | {parent + 1},
    )


def _chain_starts(text: bytes, found: int, chain: list[str], window: int) -> dict[int, int]:
    """The offsets of the start tags of the chain's elements that ``text`` holds, by depth (up to a mismatch)."""
    depth = len(chain) - 1
    starts = {depth: window + found}
    for index, (offset, name) in enumerate(_open_before(text, found)[:depth]):
        if name != chain[depth - 1 - index]:
            break
        starts[depth - 1 - index] = window + offset
    return starts


def _element_start(text: bytes, line_start: int, chain: list[str]) -> int | None:
    """The offset in ``text`` of the first start tag of the chain's last element whose ">" is past
    ``line_start`` and whose parent is the chain's (a ``<p>`` in a ``<p>``, not the outer one)."""
    for match in TOKEN.finditer(text):
        name = match.group("start")
        candidate = name is not None and match.end() > line_start and _local(name) == chain[-1]
        if candidate and len(_chain_starts(text, match.start(), chain, 0)) > 1:
            return match.start()
    return None


def _open_before(text: bytes, offset: int) -> list[tuple[int, str]]:
    """The start tags still open at ``offset`` of ``text``, the nearest first."""
    stack: list[tuple[int, str]] = []
    for match in TOKEN.finditer(text, 0, offset):
        if match.group("start") is not None and not match.group("empty"):
            stack.append((match.start(), _local(match.group("start"))))
        elif match.group("end") is not None and stack:
            stack.pop()
    return stack[::-1]


def _unit_end(handle: BinaryIO, size: int, start: int, chain: list[str]) -> tuple[int, int] | None:
    """The depth of P (deepest first) whose child on the chain is followed by a sibling of its name, and C's end.

    Read forward from the erroneous element's start tag, as the elements of the chain close.
    """
    count = len(chain) - 1  # elements open before the erroneous one
    chain_open = count + 1  # elements of the chain still open once its start tag is read
    closed: tuple[int, int] | None = None  # the chain element that closed last (its depth, its end)
    for match in _tokens(handle, start, min(size, start + BUDGET)):
        name, end_name = match.group("start"), match.group("end")
        if name is not None:
            if closed is not None and _local(name) == chain[closed[0]]:
                return closed[0] - 1, start + closed[1]
            closed = None
            if not match.group("empty"):
                count += 1
            elif count == len(chain) - 1 and chain_open > count:
                chain_open, closed = count, (count, match.end())
        elif end_name is not None:
            count -= 1
            closed = None
            if count < chain_open:
                chain_open, closed = count, (count, match.end())
            if chain_open < 1:
                return None
    return None


def _followed(handle: BinaryIO, size: int, end: int, chain: list[str], depth: int) -> frozenset[int]:
    """The depths of C's ancestors that a sibling of their name follows, as far as ``_FOLLOWING`` bytes
    after C tell (an ancestor known to be followed is at least ``[1]`` in a path)."""
    count = chain_open = depth  # the ancestors of C are open
    closed: int | None = None
    found: set[int] = set()
    for match in _tokens(handle, end, min(size, end + _FOLLOWING)):
        name, end_name = match.group("start"), match.group("end")
        if closed is not None and (name is not None or end_name is not None):
            if name is not None and _local(name) == chain[closed]:
                found.add(closed)
            closed = None
        if name is not None and not match.group("empty"):
            count += 1
        elif end_name is not None:
            count -= 1
            if count < chain_open:
                chain_open = closed = count
            if chain_open < 1:
                break
    return frozenset(found)


def _parent_start(handle: BinaryIO, chain: list[str], limit: int) -> tuple[int, list[tuple[int, bytes]]] | None:
    """Where the content of the first element on the path ``chain`` begins, and where each element of
    that path starts, with its name as written."""
    stack: list[tuple[int, bytes]] = []
    on_path = 0  # how many of the open elements are the path's
    for match in _tokens(handle, 0, min(limit, BUDGET)):
        name, end_name = match.group("start"), match.group("end")
        if name is not None and not match.group("empty"):
            if on_path == len(stack) and on_path < len(chain) and _local(name) == chain[on_path]:
                on_path += 1
            stack.append((match.start(), name))
            if on_path == len(chain) == len(stack):
                return match.end(), stack
        elif end_name is not None and stack:
            stack.pop()
            on_path = min(on_path, len(stack))
    return None
