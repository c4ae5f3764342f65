"""A large file streamed in two halves at once, one per core, for its first error or its verdict.

libxml2's text reader validates on one thread. A file of ``HALVES_MB`` or more, in a run that
leaves a core free (``spare_core``), is cut near its middle between two siblings of the same name
(the ``<div>``s of a ``<body>``, the ``<entry>``s of a dictionary's ``<div>``), and two documents
are read at once, here and in a forked process:

- the first: the file up to the end of the element after the cut, then the end tags of its
  ancestors;
- the second: the file up to the end of the parent's start tag (where the parent opens near the
  file's start), then the file from the element after the cut on.

Each element of the file is in one of them whole (the element after the cut in both, so the two
siblings around the cut are seen together), and the parent's content model sees its children up
to the cut in one and from it in the other: a TEI content model accepts a run of same-named
siblings cut in two (the rule ``excerpt.py`` follows after an error). When both are valid, the
file is. The first document's first error, met before the blanks and end tags after the element
were read, is the file's own first error; when the first document is valid, so is the second
one's, if it lies after that element (on it or before, it may come of the cut). Anything else (a
cut not where it was thought, which makes the first document ill-formed) tells nothing: the file
is read whole in order, as without a second core. After the first error, the findings are
worked out as before (``stream.py``), so they are those of one reading.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from .excerpt import TOKEN, Lines, Segments
from .libxml2 import CompiledGrammar, StreamError

# From this size on a file is cut in two when a core is free: 32 MB take about a second to stream.
HALVES_MB = 32
# How much of the file's start is read for the parent of the cut, and how much after its middle for the cut.
_HEAD = 1024 * 1024
_WINDOW = 1024 * 1024
# Blanks between the element after the cut and the end tags closing the first document (libxml2 reads ahead).
_BLANKS = 64 * 1024
_SPARE_CORE: ContextVar[bool] = ContextVar("spare_core", default=False)

Part = bytes | tuple[int, int]


@contextmanager
def spare_core(spare: bool) -> Iterator[None]:
    """Within it, a large file may take a second process (the run itself uses one)."""
    token = _SPARE_CORE.set(spare)
    try:
        yield
    finally:
        _SPARE_CORE.reset(token)


def applies(size: int) -> bool:
    """Whether a file of ``size`` bytes is read in two halves in this run."""
    return _SPARE_CORE.get() and hasattr(os, "fork") and size >= HALVES_MB * 1024 * 1024


def first_error(
    compiled: CompiledGrammar, path: Path, handle: BinaryIO, size: int, label: str
) -> list[StreamError] | None:
    """``[]`` when the file is valid, ``[error]`` with its first error, None when the halves cannot tell."""
    halves = cut(handle, size)
    if halves is None:
        return None
    first, second, (opened, start, end) = halves
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read the second half, send its first error, exit without the parent's cleanup
        status = 1
        try:
            os.close(read)
            with path.open("rb") as own, os.fdopen(write, "wb") as channel:
                channel.write(pickle.dumps(compiled.first_error(Segments(own, second).read, label)))
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    try:
        error, closing = _read(compiled, Segments(handle, first), label)
        if error is not None:  # before the end tags after the cut: the file's own; else an effect of the cut
            return None if closing else [error]
        with os.fdopen(read, "rb", closefd=False) as channel:
            data = channel.read()
        if os.waitpid(pid, 0)[1] != 0:
            return None
        pid = 0
        later: StreamError | None = pickle.loads(data)
    finally:
        if pid:
            os.kill(pid, signal.SIGTERM)  # its answer no longer matters
            os.waitpid(pid, 0)
        os.close(read)
    if later is None:
        return []
    lines = Lines(handle, size)
    line = later.line - lines.line_of(opened) - 1 + lines.line_of(start)
    # After the element the two documents share, the second one's error is the file's (before it, the cut's).
    return [dataclasses.replace(later, line=line)] if later.relaxng and line > lines.line_of(end) else None


def _read(compiled: CompiledGrammar, first: Segments, label: str) -> tuple[StreamError | None, bool]:
    """The first document's first error, and whether libxml2 had been handed the blanks and end tags after the cut."""
    closing = False

    def supply(size: int) -> bytes:
        nonlocal closing
        within = any(isinstance(part, tuple) and part[0] < part[1] for part in first.parts)
        data = first.read(size)  # from one part at a time: the file's, or the end tags after it
        closing = closing or not within and bool(data)
        return data

    return compiled.first_error(supply, label), closing


def cut(handle: BinaryIO, size: int) -> tuple[list[Part], list[Part], tuple[int, int, int]] | None:
    """The two documents read for a file and where the parent's start tag ends, the element after
    the cut starts and ends; None when no cut is found near the file's middle."""
    handle.seek(0)
    parent = _run_parent(handle.read(min(size // 2, _HEAD)))
    if parent is None:
        return None
    chain, opened, name = parent
    middle = size // 2
    handle.seek(middle)
    window = handle.read(min(_WINDOW, size - middle))
    sibling = re.compile(rb"</" + re.escape(name) + rb"\s*>\s*(<" + re.escape(name) + rb"[\s/>])")
    found = sibling.search(window)
    if found is None:
        return None
    start = found.start(1)
    end = _element_end(window, start)
    if end is None:
        return None
    # Blanks before the end tags: libxml2 has checked the element after the cut before it reads them.
    closing = b"\n" + b" " * _BLANKS + b"".join(b"</" + ancestor + b">" for ancestor in reversed(chain))
    first: list[Part] = [(0, middle + end), closing]
    return first, [(0, opened), b"\n", (middle + start, size)], (opened, middle + start, middle + end)


def _run_parent(head: bytes) -> tuple[list[bytes], int, bytes] | None:
    """The outermost element still open at the end of ``head`` with two children of one name in a row:
    the names from the document element to it, the end of its start tag, and its children's name."""
    stack: list[tuple[bytes, int]] = []
    last: list[bytes | None] = []
    runs: list[bytes | None] = []
    for match in TOKEN.finditer(head):
        name, end = match.group("start"), match.group("end")
        if name is not None:
            if last:
                runs[-1] = runs[-1] or (name if last[-1] == name else None)
                last[-1] = name
            if not match.group("empty"):
                stack.append((name, match.end()))
                last.append(None)
                runs.append(None)
        elif end is not None:
            if not stack or stack[-1][0] != end:
                return None
            stack.pop()
            last.pop()
            runs.pop()
    for depth, run in enumerate(runs):
        if run is not None:
            return [opened for opened, _ in stack[: depth + 1]], stack[depth][1], run
    return None


def _element_end(window: bytes, start: int) -> int | None:
    """The end of the element whose start tag is at ``start`` in ``window``; None when not within it."""
    depth = 0
    for match in TOKEN.finditer(window, start):
        if match.group("start") is not None:
            if match.group("empty"):
                if depth == 0:
                    return match.end()
                continue
            depth += 1
        elif match.group("end") is not None:
            depth -= 1
            if depth == 0:
                return match.end()
    return None
