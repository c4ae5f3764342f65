"""A large file streamed in two halves at once, one per core, for its first error or its verdict.

libxml2's text reader validates on one thread. A file of ``HALVES_MB`` or more, in a run that
leaves a core free (``spare_core``), against a grammar with one element pattern for each name
(``one_pattern_each``: TEI's, pruned to the file's names), is cut near its middle between two siblings of the same name
(the ``<div>``s of a ``<body>``, the ``<entry>``s of a dictionary's ``<div>``), and two documents
are read at once, here and in a forked process:

- the first: the file up to the end of the element after the cut, then the end tags of its
  ancestors;
- the second: the file up to the end of the parent's start tag (where the parent opens near the
  file's start), then the file from the element after the cut on.

Each element of the file is in one of them whole (the element after the cut in both, so the two
siblings around the cut are seen together), and the parent's content model sees its children up
to the cut in one and from it in the other. When both are valid, the file is, provided (``sound``,
checked before any process is forked) the parent's content model accepts its children cut before
a child of that name (``children.py``: TEI's ``body`` and ``div`` do, ``x, x?, x?`` does not) and
no ID-typed value is used on both sides of the cut, which neither half would see (``unique.py``);
otherwise the file is read in order.

The first document's first error, met before the blanks and end tags after the element were
read, is the file's own first error. Reading on after an error (``stream.py``: the file without
the elements explained so far), the reading is checked up to the element after the cut, and when
it is valid there, the second half's first error is the next one, if it lies after that element
(on it or before, it may come of the cut). Meanwhile the child reads on after its errors as
``stream.py`` would, and sends each reading's parts and first error: while this process reads
the same parts, it takes the child's answer. Anything else (a cut not where it was thought, which
makes the first document ill-formed, parts the child did not read) tells nothing: the file is
read on in order, as without a second core. Each error is explained as before, so the findings
are those of one reading.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from .children import synchronizing
from .excerpt import TOKEN, Lines, Remainder, Segments, unit_of
from .libxml2 import CompiledGrammar, StreamError
from .rngnodes import RNG_NS
from .unique import id_attributes, repeats_none

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


def one_pattern_each(grammar: etree._ElementTree) -> bool:
    """Whether the grammar has one element pattern for each local name and none for any name.

    Then the parent's start tag the second half is read under (its first occurrence near the
    file's start) selects the pattern of the parent at the cut, should they be two elements of
    one name; a grammar telling elements of one name apart by their attributes is not cut. TEI's
    grammars have one pattern a name (tei_all's few for any name go when pruned to a file's names).
    """
    seen: set[str] = set()
    for element in grammar.iter(f"{{{RNG_NS}}}element"):
        name = element.get("name")
        local = name.rpartition(":")[2] if name else None
        if local is None or local in seen:
            return False
        seen.add(local)
    return True


class Halves:
    """A file cut in two, the second half being read by a forked process; ``close`` ends that process.

    The child sends what it finds as it goes (pickled, one after the other): the second half's first
    error, then, reading on after each error as ``stream.py`` does, the parts of the file read and
    the first error met in them, until one reading meets none.
    """

    def __init__(
        self,
        grammars: tuple[CompiledGrammar, etree._ElementTree],
        path: Path,
        source: tuple[BinaryIO, int, str],
        label: str,
    ) -> None:
        compiled, grammar = grammars
        handle, self.size, encoding = source
        self.pid = 0  # the child reading the second half, until it is waited for
        self.heard = False
        self.later: list[StreamError] | None = None  # what the second half tells, once heard
        found = cut(handle, self.size)
        self.found = found is not None and sound(grammar, handle, self.size, found[3])
        if found is None or not self.found:
            return
        self.first, second, self.places, _ = found
        self.lines = Lines(handle, self.size)
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare after all: read in order
            os.close(read)
            os.close(write)
            self.found = False
            return
        if pid == 0:  # the child: read the second half and on, exit without the parent's cleanup
            status = 1
            try:
                os.close(read)
                with path.open("rb") as own, os.fdopen(write, "wb") as channel:
                    _second_half(compiled, (own, self.size, encoding), second, self.places, channel, label)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.pid, self.answer = pid, os.fdopen(read, "rb")

    def next_error(
        self, compiled: CompiledGrammar, handle: BinaryIO, parts: list[Part], label: str, to_file: Callable[[int], int]
    ) -> list[StreamError] | None:
        """``[]`` when what is read from ``parts`` on is valid, ``[error]`` with its first error (at the
        file's line: ``to_file`` maps the lines read), None when the halves cannot tell.

        They can while ``parts`` read the file from before the cut to its end without a break: then
        that reading up to the element after the cut is checked here, and the rest was by the child;
        and after that, while the parts read are those the child read on in turn.
        """
        last = parts[-1] if parts else None
        if not self.found or not isinstance(last, tuple) or last[1] != self.size:
            return None
        if last[0] > self.places[1]:
            if not self.heard or not self.pid:
                return None
            step = self._heard()
            if not isinstance(step, tuple) or step[0] != parts:
                self.close()  # the child reads other parts than these: read in order from here
                return None
            return [] if step[1] is None else [dataclasses.replace(step[1], line=to_file(step[1].line))]
        reading = [*parts[:-1], (last[0], self.places[2]), self.first[-1]]
        error, closing = _read(compiled, Segments(handle, reading), label)
        if error is not None:  # before the end tags after the cut: the file's own; else an effect of the cut
            return None if closing else [dataclasses.replace(error, line=to_file(error.line))]
        if not self.heard:
            self.heard = True
            answer = self._heard()
            if answer is None:
                self.later = []
            elif isinstance(answer, StreamError):
                placed = _placed(answer, self.places, self.lines)
                self.later = [placed] if placed is not None else None
            if not self.later:  # nothing more to hear from the child
                self.close()
        return self.later

    def _heard(self) -> StreamError | tuple[list[Part], StreamError | None] | str | None:
        """The child's next message ("end" when it has no more or failed)."""
        try:
            message: StreamError | tuple[list[Part], StreamError | None] | str | None = pickle.load(self.answer)
        except (EOFError, pickle.UnpicklingError):
            return "end"
        return message

    def close(self) -> None:
        """End the child if it still reads (its answer no longer matters) and wait for it."""
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)  # it holds nothing to clean up, and exits so anyway
            os.waitpid(self.pid, 0)
            self.answer.close()
            self.pid = 0


def _placed(error: StreamError | None, places: tuple[int, int, int], lines: Lines) -> StreamError | None:
    """The second half's error at the file's line; None when there is none, or it may come of the cut
    (on the element the halves share or before it)."""
    if error is None:
        return None
    opened, start, end = places
    line = error.line - lines.line_of(opened) - 1 + lines.line_of(start)
    return dataclasses.replace(error, line=line) if error.relaxng and line > lines.line_of(end) else None


def _second_half(
    compiled: CompiledGrammar,
    source: tuple[BinaryIO, int, str],
    second: list[Part],
    places: tuple[int, int, int],
    channel: BinaryIO,
    label: str,
) -> None:
    """The child's work: the second half's first error, then each reading on after an error (the
    parts read and their first error), sent as found."""
    handle, size, encoding = source
    first = compiled.first_error(Segments(handle, second).read, label)
    pickle.dump(first, channel)
    channel.flush()
    lines = Lines(handle, size)
    error = _placed(first, places, lines)
    remainder = Remainder(size, lines, encoding)
    done = 0
    while error is not None:
        unit = unit_of(handle, size, lines, error, encoding)
        if unit is None or unit.end_line < done:
            break
        done = unit.end_line
        remainder.drop(unit)
        parts = remainder.parts()
        found = compiled.first_error(Segments(handle, parts).read, label)
        pickle.dump((parts, found), channel)
        channel.flush()
        error = dataclasses.replace(found, line=remainder.line(found.line)) if found is not None else None
    pickle.dump("end", channel)


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


def sound(grammar: etree._ElementTree, handle: BinaryIO, size: int, names: tuple[str, str]) -> bool:
    """Whether the halves' two verdicts make the file's: the parent's content model accepts its
    children cut before the child's name (``children.py``), and no ID-typed value is used on both
    sides of the cut (``unique.py``; scanning 150 MB takes 0.1 s of CPU)."""
    if not synchronizing(grammar, *names):
        return False
    identifiers = id_attributes(grammar)
    return identifiers is not None and repeats_none(handle, size, identifiers)


def cut(handle: BinaryIO, size: int) -> tuple[list[Part], list[Part], tuple[int, int, int], tuple[str, str]] | None:
    """The two documents read for a file, where the parent's start tag ends, the element after the
    cut starts and ends, and the local names of the parent and its child there; None when no cut is
    found near the file's middle."""
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
    names = (_local(chain[-1]), _local(name))
    return first, [(0, opened), b"\n", (middle + start, size)], (opened, middle + start, middle + end), names


def _local(name: bytes) -> str:
    return name.rpartition(b":")[2].decode("utf-8", "replace")


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
