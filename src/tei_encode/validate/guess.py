"""A run's guess at its names: what the markup at the start of each file uses, read before validating.

Validators that ``guesses_vocabulary`` are prepared with the guess for the whole run: a document
using other names is then checked with its own, at the cost of that document only. Scanning the
first ``_GUESS_BYTES`` of each file takes a few tenths of a second on a thousand files, against a
second or more for every name of every element; with a core to spare, the second half of the files
is scanned at once in a forked process (the scan comes before any worker starts, so it is on the
run's path).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

from .stream import scan_vocabulary
from .vocabulary import Vocabulary

# Bytes at the start of each file whose markup's names make the guess at a run's names: the header
# and first pages of a TEI document use most of the names its body repeats.
_GUESS_BYTES = 32 << 10
# From this many files on, a forked process scans half of them (starting it takes a few milliseconds).
_SPLIT_FROM = 64


def guessed_names(files: Sequence[Path], *, fork: bool = False) -> Vocabulary | None:
    """The names the markup of the first ``_GUESS_BYTES`` of each file may use (``stream.scan_vocabulary``),
    and the elements none of them carries an attribute on there; None when a grammar of these names
    would cost more to compile than the files' own grammars together.

    libxml2's time to compile a pruned grammar grows with about the cube of its element names (TEI's
    content models are choices of them): files of many kinds each using few names (the TEI's own
    test files: 306 names in all, 25 a file) are better checked each against its own (0.6 s against
    0.07 s). ``fork``: the second half of the files may be scanned in a forked process.
    """
    if fork and len(files) >= _SPLIT_FROM:
        half = len(files) // 2
        other = _scanned_elsewhere(files[half:])
        names, cubes = _scanned(files[:half])
        more, more_cubes = other() or _scanned(files[half:])
        names, cubes = names | more, cubes + more_cubes
    else:
        names, cubes = _scanned(files)
    return names if len(names.elements) ** 3 <= cubes else None


def _scanned(files: Sequence[Path]) -> tuple[Vocabulary, int]:
    """The names of the files' beginnings, and the sum of the cubes of each file's count of element names."""
    elements: set[str] = set()
    attributes: set[str] = set()
    clothed: set[str] = set()  # elements with attributes in some file (``Vocabulary.__or__``, file by file)
    cubes = 0
    for path in files:
        try:
            with path.open("rb") as handle:
                own = scan_vocabulary(handle, _GUESS_BYTES)
        except OSError:
            continue  # reported when the file is validated
        elements |= own.elements
        attributes |= own.attributes
        clothed |= own.elements - own.bare
        cubes += len(own.elements) ** 3
    return Vocabulary(frozenset(elements), frozenset(attributes), frozenset(elements - clothed)), cubes


def _scanned_elsewhere(files: Sequence[Path]) -> Callable[[], tuple[Vocabulary, int] | None]:
    """Start scanning ``files`` in a forked process; the call returned waits for its result (None when
    no process could be started or it failed, and the caller scans them itself)."""
    try:
        read, write = os.pipe()
    except OSError:
        return _nothing
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return _nothing
    if pid == 0:  # the child: scan, send, exit without cleaning up the parent's state
        status = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as channel:
                channel.write(pickle.dumps(_scanned(files)))
            status = 0
        finally:
            os._exit(status)
    os.close(write)

    def result() -> tuple[Vocabulary, int] | None:
        with os.fdopen(read, "rb") as channel:
            data = channel.read()
        if os.waitpid(pid, 0)[1] != 0:
            return None
        found: tuple[Vocabulary, int] = pickle.loads(data)
        return found

    return result


def _nothing() -> None:
    """What a process that could not be started found."""
