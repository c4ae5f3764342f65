"""Validating many files: parse safely, pick each file's schemas, compile once, check in parallel.

``validate_files`` takes the files in chunks of a few tens of megabytes, in this process or in
``jobs`` worker processes. For each chunk it parses every file (parse errors and refused
constructs become findings), groups the files by the schemas that apply to them (``--schema``,
else their ``<?xml-model?>`` instructions, else ``tei_all``), prepares each validator once for the
vocabulary of its group (see ``prune.py``) and validates. A schema that a document names but that
cannot be found or compiled is a finding of the documents naming it.
"""

from __future__ import annotations

import glob
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import TeiEncodeError
from ..machine import cores
from ..xmlio import XML_NS, UnsafeXML, check_doctype, parse_file, safe_parser
from . import BaseValidator, halves, load_validator, saxon
from .guess import guessed_names
from .locate import SourceText
from .sources import default_for_unnamed, schema_label, xml_model_line, xml_model_schemas
from .stream import is_large, prolog_tree, stream_findings
from .vocabulary import EMPTY_VOCABULARY, Vocabulary, forget_vocabulary, vocabularies_kept, vocabulary_of

Progress = Callable[[int, int], None]
_VALIDATORS: dict[Path, BaseValidator] = {}
XML_ID = f"{{{XML_NS}}}id"


class Results(dict[str, list[Diagnostic]]):
    """The findings per file (an empty list means valid) and what each file was checked against."""

    def __init__(self, files: Sequence[Path]) -> None:
        super().__init__((str(f), []) for f in files)
        self.schemas: dict[str, str] = {}


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files given directly, every ``*.xml`` under the directories given, and glob matches; sorted, unique."""
    found: set[str] = set()
    for path in paths:
        if path.is_dir():
            found.update(map(str, path.rglob("*.xml")))
        elif not glob.has_magic(str(path)) or path.exists():
            found.add(str(path))
        else:
            for match in glob.glob(str(path), recursive=True):
                found.update(map(str, Path(match).rglob("*.xml")) if Path(match).is_dir() else [match])
    # Sorted as strings: a thousand comparisons of Path objects cost more than parsing a document.
    return [Path(name) for name in sorted(found)]


def missing_paths(paths: Iterable[Path]) -> list[Path]:
    """The paths that are neither files, directories nor globs matching something."""
    return [
        p for p in paths if not os.path.exists(p) and not (glob.has_magic(str(p)) and glob.glob(str(p), recursive=True))
    ]


def validator_for(path: Path) -> BaseValidator:
    """The validator of a schema file, loaded once per process."""
    key = path.resolve()
    if key not in _VALIDATORS:
        _VALIDATORS[key] = load_validator(path)
    return _VALIDATORS[key]


def parse_finding(path: Path) -> tuple[etree._ElementTree | None, list[Diagnostic]]:
    """The parsed document and the findings of parsing it (a duplicate ``xml:id``), or None and why not.

    libxml2 stops at an ``xml:id`` used twice as if the document were not well-formed; such a
    document is parsed again with that error recovered, so its other findings are reported too.
    """
    try:
        return parse_file(path), []
    except OSError as exc:
        return None, [Diagnostic(Severity.ERROR, "io", f"cannot read: {exc.strerror or exc}", str(path))]
    except UnsafeXML as exc:
        line, column = exc.position if exc.position else (0, 0)
        return None, [Diagnostic(Severity.ERROR, "unsafe-xml", exc.msg, str(path), line, column)]
    except etree.XMLSyntaxError as exc:
        recovered = _past_duplicate_ids(path)
        if recovered is not None:
            return recovered
        line, column = exc.position if exc.position else (0, 0)
        return None, [Diagnostic(Severity.ERROR, "not-well-formed", exc.msg, str(path), line, column)]


def _past_duplicate_ids(path: Path) -> tuple[etree._ElementTree | None, list[Diagnostic]] | None:
    """The document parsed past its duplicate ``xml:id`` errors, when they are its only errors."""
    parser = safe_parser(recover=True)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError:
        return None
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    if not errors or any(e.type_name != "DTD_ID_REDEFINED" for e in errors):
        return None
    try:
        check_doctype(tree, str(path))
    except UnsafeXML as refused:
        line, column = refused.position if refused.position else (0, 0)
        return None, [Diagnostic(Severity.ERROR, "unsafe-xml", refused.msg, str(path), line, column)]
    return tree, duplicate_ids(tree, str(path))


def duplicate_ids(tree: etree._ElementTree, file: str) -> list[Diagnostic]:
    """A finding for each ``xml:id`` used again, at the repeat, saying where it was first used."""
    from .messages import tei_path  # only for documents with a duplicate: 40 ms of imports

    source = SourceText(tree)
    first: dict[str, tuple[int, int]] = {}
    found = []
    for element in tree.getroot().iter(etree.Element):
        value = element.get(XML_ID)
        if value is None:
            continue
        line, column = source.attribute(element, XML_ID)
        if value not in first:
            first[value] = (line, column)
            continue
        where = "line {}, column {}".format(*first[value]) if first[value][1] else f"line {first[value][0]}"
        message = f'xml:id "{value}" is already used: its first occurrence is at {where}'
        found.append(Diagnostic(Severity.ERROR, "duplicate-id", message, file, line, column, tei_path(element)))
    return found


def validate_file(path: Path, validators: Sequence[BaseValidator]) -> list[Diagnostic]:
    """Every finding for one file, in line order: a parse error, or what parsing and each validator report.

    A large file is validated while streaming it when its schemas allow (``stream.py``).
    """
    if is_large(path):
        streamed = stream_findings(path, validators, str(path))
        if streamed is not None:
            return streamed
    tree, findings = parse_finding(path)
    if tree is None:
        return findings
    findings = in_line_order(findings + list(iter_findings(tree, str(path), validators)))
    forget_vocabulary(tree)  # parsed here, so kept by nobody else
    return findings


def in_line_order(findings: list[Diagnostic]) -> list[Diagnostic]:
    """The findings of one file by line and column (stable: one place keeps its validators' order)."""
    return sorted(findings, key=lambda d: (d.line, d.column))


def iter_findings(tree: etree._ElementTree, file: str, validators: Sequence[BaseValidator]) -> Iterator[Diagnostic]:
    """The findings of every validator for one parsed document, in validator order."""
    for validator in validators:
        yield from validator.iter_errors(tree, file)


# Parsed documents take about ten times their size in memory: the files are validated in chunks
# of about this many bytes, each parsed, validated and let go before the next.
_CHUNK_BYTES = 32 << 20


def validate_files(
    files: Sequence[Path],
    schemas: Sequence[Path] | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Results:
    """The findings per file (in the order given) and the schemas each was checked against.

    ``schemas`` applies to every file; None means each file's ``<?xml-model?>`` schemas, or
    ``tei_all`` when it names none. Raises ``TeiEncodeError`` for a schema given in ``schemas``
    that cannot be loaded or compiled, and ``SchemaNotFound`` when ``tei_all`` is needed but not
    in the cache; a schema a document names is a finding of that document when it cannot be used.

    The files are validated in consecutive chunks (at least one per job), each in one process,
    forked workers when ``jobs`` > 1: its documents are parsed, validated against grammars
    prepared for the chunk's names and let go. A file's findings come from its own names, so they
    do not depend on the chunks, nor on ``jobs``.
    """
    results = Results(files)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, len(files))

    forking = hasattr(os, "fork") and not saxon.started()
    pooled = progress is not None or not forking  # a pool of workers, reporting each chunk as it completes
    chunks = _chunks(files, 1 if jobs <= 1 else jobs * 4)  # taken as they come by the process free first
    chosen = tuple(schemas) if schemas is not None else None
    guess = guessed_names(files, fork=jobs > 1 and forking)
    if jobs > 1 and len(chunks) > 1 and guess is not None:
        for validator in [validator_for(path) for path in chosen or ()]:
            if validator.guesses_vocabulary:  # once, here: the workers start with the grammar compiled
                validator.prepare(guess)
    if jobs <= 1 or len(chunks) < 2:
        with halves.spare_core(jobs > 1 and forking):  # the run's other cores may read a large file's halves
            found = [_validate_chunk(chunk, chosen, guess, advance) for chunk in chunks]
    elif pooled:
        found = _in_pool(chunks, (chosen, guess), jobs, advance, forking)
    else:
        found = _in_forked_children(chunks, (chosen, guess), jobs)
    checked_against: dict[str, str] = {}
    for findings, checked in found:
        results.update(findings)
        checked_against.update(checked)
    results.schemas.update((file, checked_against[file]) for file in results if file in checked_against)
    return results


# From this many megabytes of files on, a run takes one process per core by default: below, starting
# them costs more than it saves (201 letters of 1.9 MB take 0.45 s of CPU in all, a fifth of it starting up).
PARALLEL_FROM_MB = 4


def default_jobs(files: Sequence[Path]) -> int:
    """The processes a run of ``files`` takes by default: one per core from ``PARALLEL_FROM_MB`` on, else one."""
    return cores() if sum(_size(path) for path in files) >= PARALLEL_FROM_MB << 20 else 1


def _chunks(files: Sequence[Path], parts: int) -> list[list[Path]]:
    """The files in consecutive chunks of about equal bytes: ``parts`` of them, or a multiple of
    ``parts`` so that none holds much more than ``_CHUNK_BYTES``."""
    sizes = [_size(path) for path in files]
    total = sum(sizes)
    count = min(len(files), parts * max(1, -(-total // (_CHUNK_BYTES * parts))))
    chunks: list[list[Path]] = [[]]
    filled = 0
    for path, size in zip(files, sizes, strict=True):
        if chunks[-1] and len(chunks) < count and filled >= total * len(chunks) / count:
            chunks.append([])
        chunks[-1].append(path)
        filled += size
    return [chunk for chunk in chunks if chunk]


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reported when the file is read


Found = tuple[dict[str, list[Diagnostic]], dict[str, str]]
# The schemas given for every file (None: each file's own) and the guess at the run's names (None: each
# document is checked against its own).
Setting = tuple[tuple[Path, ...] | None, Vocabulary | None]


def _validate_chunk(
    files: list[Path],
    schemas: tuple[Path, ...] | None,
    guess: Vocabulary | None,
    advance: Callable[[int], None] | None = None,
) -> Found:
    """The findings of a chunk of files, and the schemas each was checked against."""
    with vocabularies_kept():  # the names of each document its validators ask for
        results = _validate_parsed(files, (schemas, guess), advance or (lambda _: None))
    return dict(results), results.schemas


def _validate_parsed(files: list[Path], setting: Setting, advance: Callable[[int], None]) -> Results:
    """Parse the files, group them by the schemas that apply, prepare each group's validators, validate."""
    schemas, guess = setting
    results = Results(files)
    groups: dict[tuple[Path, ...], list[tuple[Path, etree._ElementTree | None]]] = {}
    parsing: dict[str, list[Diagnostic]] = {}
    prologs: dict[Path, etree._ElementTree] = {}  # of the files validated as they stream, for their <?xml-model?>
    for path in files:
        prolog = prolog_tree(path) if is_large(path) else None
        if prolog is not None:  # not parsed whole: validated as it streams, or parsed when validated
            try:
                chosen = tuple(schemas) if schemas is not None else tuple(xml_model_schemas(prolog, path))
            except TeiEncodeError as exc:
                results[str(path)] = [_schema_finding(path, prolog, exc)]
                continue
            groups.setdefault(chosen or tuple(default_for_unnamed()), []).append((path, None))
            prologs[path] = prolog
            continue
        tree, findings = parse_finding(path)
        if tree is None:
            results[str(path)] = findings
            continue
        if findings:
            parsing[str(path)] = findings
        try:
            chosen = schemas if schemas is not None else tuple(xml_model_schemas(tree, path))
        except TeiEncodeError as exc:
            results[str(path)] = [_schema_finding(path, tree, exc)]
            continue
        groups.setdefault(chosen or tuple(default_for_unnamed()), []).append((path, tree))
    advance(len(files) - sum(len(group) for group in groups.values()))
    prepared = []
    for chosen, members in groups.items():
        try:
            prepared.append((chosen, members, _prepared(chosen, members, guess)))
        except TeiEncodeError as exc:
            if schemas is not None:
                raise
            found = {str(p): [_schema_finding(p, prologs.get(p) if tree is None else tree, exc)] for p, tree in members}
            results.update(found)
            advance(len(members))
    for chosen, members, validators in prepared:
        results.schemas.update(dict.fromkeys((str(path) for path, _ in members), schema_label(chosen)))
        for path, tree in members:
            results[str(path)] = _findings(path, tree, validators)
            advance(1)
    for file, findings in parsing.items():  # findings of parsing, beside the validators'
        results[file] = in_line_order(findings + [d for d in results[file] if d not in findings])
    return results


def _schema_finding(path: Path, tree: etree._ElementTree | None, exc: TeiEncodeError) -> Diagnostic:
    """A finding of a document whose ``<?xml-model?>`` names a schema that cannot be used."""
    line = xml_model_line(tree) if tree is not None else 1
    return Diagnostic(Severity.ERROR, "schema-not-usable", f"<?xml-model?>: {exc}", str(path), line)


def _findings(path: Path, tree: etree._ElementTree | None, validators: Sequence[BaseValidator]) -> list[Diagnostic]:
    """The findings for a document parsed already, or parsed now when ``tree`` is None."""
    return (
        validate_file(path, validators)
        if tree is None
        else in_line_order(list(iter_findings(tree, str(path), validators)))
    )


def _prepared(
    schemas: tuple[Path, ...], members: list[tuple[Path, etree._ElementTree | None]], guess: Vocabulary | None
) -> list[BaseValidator]:
    """The validators of a group, prepared for the run's guessed names or the names of the group's documents.

    One document's own names are exact at the cost of a guess; files validated as they stream
    (no tree) have grammars of their own (``stream.py``).
    """
    validators = [validator_for(p) for p in schemas]
    trees = [tree for _, tree in members if tree is not None]
    exact: Vocabulary | None = None
    for validator in validators:
        if validator.guesses_vocabulary:
            validator.alone = guess is None
        if validator.alone:
            continue  # each document is checked against its own names, in ``iter_errors``
        if guess is not None and validator.guesses_vocabulary and len(trees) > 1:
            validator.prepare(guess)
        elif validator.needs_vocabulary:
            if trees:  # files validated as they stream have grammars of their own names
                exact = exact or vocabulary_of(trees)
                validator.prepare(exact)
        else:
            validator.prepare(EMPTY_VOCABULARY)
    return validators


def _in_forked_children(chunks: list[list[Path]], setting: Setting, jobs: int) -> list[Found]:
    """Validate the chunks here and in ``jobs`` - 1 forked children sending their findings back.

    Cheaper to start than a pool (no imports of multiprocessing, no queues): on a thousand files
    that is a tenth of the time. The children start with the schemas loaded, and the chunks are
    handed out one at a time through a pipe, so a process done early takes the next: a chunk's
    time follows its findings more than its size.
    """
    tasks_read, tasks_write = os.pipe()
    os.write(tasks_write, b"".join(index.to_bytes(_TASK, "little") for index in range(len(chunks))))
    os.close(tasks_write)
    children: list[tuple[int, int]] = []
    for _ in range(jobs - 1):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: validate chunks, send the findings, exit without cleaning up the parent's state
            status = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as channel:
                    channel.write(pickle.dumps(_outcome(chunks, tasks_read, setting)))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        children.append((pid, read))
    outcomes = [_outcome(chunks, tasks_read, setting)]
    os.close(tasks_read)
    failed = False
    for pid, read in children:
        with os.fdopen(read, "rb") as channel:
            data = channel.read()
        failed = os.waitpid(pid, 0)[1] != 0 or failed
        if not failed:
            outcomes.append(pickle.loads(data))
    if failed:
        raise TeiEncodeError("a validation worker process failed")
    found: dict[int, Found] = {}
    for outcome in outcomes:
        if isinstance(outcome, str):
            raise TeiEncodeError(outcome)
        found.update(outcome)
    return [found[index] for index in sorted(found)]


# Bytes of a chunk's number in the pipe of tasks: reads this short take one whole number each.
_TASK = 4


def _outcome(chunks: list[list[Path]], tasks: int, setting: Setting) -> dict[int, Found] | str:
    """The findings of the chunks whose numbers this process reads from ``tasks``, or the message of the
    error that stopped it."""
    done: dict[int, Found] = {}
    try:
        while len(task := os.read(tasks, _TASK)) == _TASK:
            index = int.from_bytes(task, "little")
            done[index] = _validate_chunk(chunks[index], *setting)
    except TeiEncodeError as exc:
        return str(exc)
    return done


def _in_pool(
    chunks: list[list[Path]],
    setting: Setting,
    jobs: int,
    advance: Callable[[int], None],
    forking: bool,
) -> list[Found]:
    """Validate the chunks in a pool of ``jobs`` workers, reported as they complete.

    Where ``fork`` is not available (or Saxon runs, which does not survive a fork), the workers
    are spawned.
    """
    from concurrent.futures import ProcessPoolExecutor  # only here: 30 ms of imports
    from multiprocessing import get_context

    found = []
    with ProcessPoolExecutor(jobs, mp_context=get_context("fork" if forking else "spawn")) as pool:
        futures = [pool.submit(_validate_chunk, chunk, *setting) for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            found.append(future.result())
            advance(len(chunk))
    return found
