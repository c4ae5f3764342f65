"""Large files against RELAX NG: validated while streaming, their findings explained from excerpts.

A file of ``STREAM_MB`` megabytes or more (``$TEI_ENCODE_STREAM_MB``, default 8; 0 streams
every file) is not parsed into a tree, which would take about twenty times its size in memory.
Its element and attribute names are collected by a scan of its markup (a superset of its
vocabulary: tags in comments count too, which only keeps more of the grammar), the grammar is
pruned to them (``prune.py``) and compiled by lxml's libxml2, whose text reader validates the
file as it reads it (``libxml2.py``). A valid file is done. At an error, the element holding it is
cut out with its context (``excerpt.py``) and explained by the tree-based machinery
(``messages.explain_relaxng``) with the same grammar, and the reading resumes after that element;
so each error gets the findings, lines and columns a whole tree would give, in memory bounded by
the largest such element.

Names are collected from the file's first ``_SPECULATE`` bytes only: a grammar pruned to fewer
names accepts fewer documents, so a file valid against it is valid; and a name it lacks makes the
file's first use of that name an error, whose excerpt shows it (then the whole file is scanned
and validated again). A file is validated as a tree instead (None) when lxml's libxml2
cannot be bound (``libxml2.py``), when it is not UTF-8 or has a document type declaration, when it is not
well-formed or repeats an ``xml:id`` (the tree path words those findings), or when an error's
element cannot be cut out of the text near it; also when another kind of schema (Schematron,
XSD) needs the tree anyway.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import TeiEncodeError
from ..xmlio import XML_NS, safe_parser
from . import BaseValidator, halves
from .excerpt import Lines, Remainder, Segments, Unit, unit_of
from .libxml2 import CompiledGrammar, LibraryMissing, StreamError, library
from .locate import SourceText
from .prune import grammar_names, is_prunable
from .relaxng import RelaxNGValidator
from .vocabulary import Vocabulary, vocabulary_of

ENVIRONMENT = "TEI_ENCODE_STREAM_MB"
# From 4 MB on, streaming takes less time than the tree, and from 16 MB a sixth of its memory or less
# (bench/RESULTS.md); below 8 MB, findings keep the position of every element in their paths.
STREAM_MB = 8
_SPECULATE = 8 * 1024 * 1024
_BLOCK = 8 * 1024 * 1024
# Errors followed through one file before the rest of it is left unread (as the tree path caps its findings).
_MAX_ERRORS = 500
_START_TAG = re.compile(rb"<([^\s/>!?][^\s/>]*)")
# Start tags with attributes, whole (quoted values may hold ">"): a file repeats most of them.
_WITH_ATTRIBUTES = re.compile(rb"<[^\s/>!?][^\s/>]*\s(?:[^>\"']+|\"[^\"]*\"|'[^']*')*")
_ATTRIBUTE = re.compile(rb"\s([^\s=<>\"'/]+)\s*=\s*[\"']")
_NAMESPACE = re.compile(rb"xmlns(?::([^\s=]+))?\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_DECLARED = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)[\"']")
_UTF8 = {"utf-8", "utf8", "us-ascii", "ascii"}
_GRAMMARS: dict[tuple[str, str], CompiledGrammar] = {}
_KEEP = 4


def stream_from() -> int:
    """The size in bytes from which files are streamed (``$TEI_ENCODE_STREAM_MB``, default 8 MB)."""
    value = os.environ.get(ENVIRONMENT, "").strip()
    try:
        megabytes = float(value) if value else STREAM_MB
    except ValueError:
        raise TeiEncodeError(f"{ENVIRONMENT}={value!r}: not a number of megabytes") from None
    return int(megabytes * 1024 * 1024)


def is_large(path: Path) -> bool:
    """Whether ``path`` is a file of the size from which files are streamed."""
    try:
        return path.stat().st_size >= stream_from()
    except OSError:
        return False


def prolog_tree(path: Path) -> etree._ElementTree | None:
    """The document up to its root's start tag (for its ``<?xml-model?>``), or None when that cannot be read."""
    try:
        with path.open("rb") as handle:
            parser = etree.iterparse(
                handle, events=("start",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
            )
            for _, element in parser:
                return element.getroottree()
    except (OSError, etree.XMLSyntaxError):
        return None
    return None


def stream_findings(path: Path, validators: Sequence[BaseValidator], file: str) -> list[Diagnostic] | None:
    """The RELAX NG findings of a large file, streamed; None when it must be validated as a tree."""
    if not validators or not all(isinstance(v, RelaxNGValidator) for v in validators):
        return None
    try:
        library()
    except LibraryMissing:
        return None
    found: list[Diagnostic] = []
    for validator in validators:
        assert isinstance(validator, RelaxNGValidator)
        own = _streamed(validator, path, file)
        if own is None:
            return None
        found.extend(own)
    return sorted(found, key=lambda d: (d.line, d.column))


def _streamed(validator: RelaxNGValidator, path: Path, file: str) -> list[Diagnostic] | None:
    if not is_prunable(validator.grammar):
        return None  # includes resolve against the grammar's file, which a grammar given as bytes lacks
    try:
        handle = path.open("rb")
    except OSError:
        return None
    with handle:
        size = os.fstat(handle.fileno()).st_size
        encoding = _encoding(handle)
        if encoding is None:
            return None
        vocabulary = _vocabulary(validator, handle, min(size, _SPECULATE))
        try:
            return _errors(validator, vocabulary, (path, handle, size, encoding), file)
        except _OtherNames:
            return _errors(validator, _vocabulary(validator, handle, size), (path, handle, size, encoding), file)


class _OtherNames(Exception):
    """An excerpt uses names of the grammar that the file's beginning does not: the whole file must be scanned."""


def _errors(
    validator: RelaxNGValidator, vocabulary: Vocabulary, source: tuple[Path, BinaryIO, int, str], file: str
) -> list[Diagnostic] | None:
    """The findings with the grammar pruned to ``vocabulary``; ``_OtherNames`` when it proves too narrow.

    A name of the grammar that ``vocabulary`` lacks matches nothing in the pruned grammar, so the
    file's first use of it is an error, and the excerpt of that error holds it: checking each
    excerpt's names is enough to know the file uses no other. The first error is looked for in two
    halves at once when a core is free (``halves.py``), else (or when they cannot tell) in one reading.
    """
    path, handle, size, encoding = source
    compiled = _compiled(validator, vocabulary, file)
    halved = None
    if halves.applies(size):
        grammar = validator._pruned(vocabulary)
        if halves.one_pattern_each(grammar):
            halved = halves.Halves((compiled, grammar), path, (handle, size, encoding), file)
    try:
        error = _next_error(compiled, halved, handle, [(0, size)], file, int)
        if error is None:
            return []
        return _findings(validator, vocabulary, (handle, size, encoding), (error, halved), file)
    finally:
        if halved is not None:
            halved.close()


def _encoding(handle: BinaryIO) -> str | None:
    """UTF-8 (or ASCII) for a document this module reads; None for other encodings or a DOCTYPE."""
    handle.seek(0)
    head = handle.read(65536)
    if head.startswith((b"\xfe\xff", b"\xff\xfe")) or b"<!DOCTYPE" in head:
        return None
    declared = _DECLARED.search(head[:1024])
    if declared and declared.group(1).decode("ascii", "replace").lower() not in _UTF8:
        return None
    return "utf-8"


def _vocabulary(validator: RelaxNGValidator, handle: BinaryIO, limit: int) -> Vocabulary:
    """The names of the grammar that the first ``limit`` bytes' markup may use."""
    if not validator.needs_vocabulary:
        return Vocabulary(frozenset(), frozenset())
    if validator.names is None:
        validator.names = grammar_names(validator.grammar)
    # Not pruned by element: the excerpts' own names (``vocabulary_of``) tell no element bare.
    return scan_vocabulary(handle, limit).within(validator.names).clothed()


def scan_vocabulary(handle: BinaryIO, limit: int) -> Vocabulary:
    """Every element and attribute name (Clark notation) the markup of the first ``limit`` bytes could use.

    A superset: each prefix stands for every namespace it is bound to anywhere, and tags in
    comments count too. The elements none of whose start tags there has an attribute are ``bare``.
    """
    elements: set[bytes] = set()
    attributes: set[bytes] = set()
    carriers: set[bytes] = set()
    bound: dict[bytes | None, set[str]] = {b"xml": {XML_NS}}
    handle.seek(0)
    rest, read = b"", 0
    while read < limit:
        block = handle.read(min(_BLOCK, limit - read))
        read += len(block)
        data = rest + block
        cut = data.rfind(b"<") if block and read < limit else len(data)
        data, rest = data[: max(cut, 0)], data[max(cut, 0) :]
        _scan(data, (elements, attributes, carriers), bound)
        if not block:
            break
    _scan(rest, (elements, attributes, carriers), bound)
    default = bound.get(None, set()) | {""}
    clark = {name: _clark(name, bound, default) for name in elements}
    element_names = {n for names in clark.values() for n in names}
    declarations = {name for name in attributes if name == b"xmlns" or name.startswith(b"xmlns:")}
    attribute_names = {n for name in attributes - declarations for n in _clark(name, bound, {""})}
    clothed = {n for name in carriers for n in clark.get(name) or _clark(name, bound, default)}
    return Vocabulary(frozenset(element_names), frozenset(attribute_names), frozenset(element_names - clothed))


def _scan(data: bytes, names: tuple[set[bytes], set[bytes], set[bytes]], bound: dict[bytes | None, set[str]]) -> None:
    """Add the names (of elements, attributes and elements with attributes) and namespace bindings of a
    block of markup (its repeated start tags read once)."""
    elements, attributes, carriers = names
    elements.update(_START_TAG.findall(data))
    tags = b"\n".join(set(_WITH_ATTRIBUTES.findall(data)))
    attributes.update(_ATTRIBUTE.findall(tags))
    carriers.update(_START_TAG.findall(tags))
    for prefix, double, single in _NAMESPACE.findall(tags):
        bound.setdefault(prefix or None, set()).add((double or single).decode("utf-8", "replace"))


def _clark(name: bytes, bound: dict[bytes | None, set[str]], unprefixed: set[str]) -> list[str]:
    prefix, _, local = name.rpartition(b":")
    text = local.decode("utf-8", "replace")
    namespaces = bound.get(prefix, set()) if prefix else unprefixed
    return [f"{{{namespace}}}{text}" if namespace else text for namespace in namespaces]


def _compiled(validator: RelaxNGValidator, vocabulary: Vocabulary, label: str) -> CompiledGrammar:
    """The grammar pruned to ``vocabulary``, compiled by libxml2 (a few kept per process)."""
    key = (validator.checksum, vocabulary.key())
    if key not in _GRAMMARS:
        if len(_GRAMMARS) >= _KEEP:
            _GRAMMARS.pop(next(iter(_GRAMMARS))).close()
        data = etree.tostring(validator._pruned(vocabulary), encoding="UTF-8")
        _GRAMMARS[key] = CompiledGrammar(data, str(validator.path))
    return _GRAMMARS[key]


def _next_error(
    compiled: CompiledGrammar,
    halved: halves.Halves | None,
    handle: BinaryIO,
    parts: list[bytes | tuple[int, int]],
    label: str,
    to_file: Callable[[int], int],
) -> StreamError | None:
    """The first error met reading ``parts``, at the file's line (``to_file`` maps the lines read)."""
    told = halved.next_error(compiled, handle, parts, label, to_file) if halved is not None else None
    if told is not None:
        return told[0] if told else None
    error = compiled.first_error(Segments(handle, parts).read, label)
    return dataclasses.replace(error, line=to_file(error.line)) if error is not None else None


def _findings(
    validator: RelaxNGValidator,
    vocabulary: Vocabulary,
    source: tuple[BinaryIO, int, str],
    first: tuple[StreamError, halves.Halves | None],
    file: str,
) -> list[Diagnostic] | None:
    """The findings of each error met, reading on after the element holding it; None to validate the tree."""
    handle, size, encoding = source
    error: StreamError | None = first[0]
    lines = Lines(handle, size)
    remainder = Remainder(size, lines, encoding)
    tree_grammar = validator._compiled(vocabulary)
    streaming = _compiled(validator, vocabulary, file)
    found: list[Diagnostic] = []
    done = (0, 0)
    for _ in range(_MAX_ERRORS):
        if error is None:
            break
        unit = unit_of(handle, size, lines, error, encoding)
        if unit is None or unit.end_line < done[0]:
            return None
        explained = _explained(validator, vocabulary, tree_grammar, handle, unit, encoding, error, file)
        found.extend(d for d in explained if (d.line, d.column) > done)  # not those of the units before
        done = (unit.end_line, unit.end_column)
        remainder.drop(unit)
        error = _next_error(streaming, first[1], handle, remainder.parts(), file, remainder.line)
    return found


def _explained(
    validator: RelaxNGValidator,
    vocabulary: Vocabulary,
    compiled: etree.RelaxNG,
    handle: BinaryIO,
    unit: Unit,
    encoding: str,
    error: StreamError,
    file: str,
) -> list[Diagnostic]:
    """The findings inside one unit, from its excerpt validated as a tree, at the file's lines."""
    from .messages import explain, explain_relaxng  # only for invalid documents: 40 ms of imports

    data = unit.excerpt(handle)
    last = unit.prefix_line + 1 + unit.end_line - unit.start_line
    try:
        tree = etree.fromstring(data, safe_parser()).getroottree()
    except etree.XMLSyntaxError:
        tree = None
    found = []
    if tree is not None:
        if validator.names is not None and not vocabulary.covers(vocabulary_of([tree]).within(validator.names)):
            raise _OtherNames
        source = SourceText(tree, data.decode(encoding, "replace"))
        for diagnostic in explain_relaxng(compiled, tree, file, validator.path, source):
            if unit.prefix_line < diagnostic.line <= last:
                at = unit.excerpt_line(diagnostic.line)
                found.append(dataclasses.replace(diagnostic, line=at, path=unit.path(diagnostic.path)))
    if not found:  # the excerpt did not show the error: say what libxml2 said, in TEI terms where it can
        raw = Diagnostic(Severity.ERROR, "relaxng", error.message, file, error.line, 0, "", validator.path.name)
        found.append(explain(raw, validator.path))
    return found
