"""Validating many files: parse safely, pick each file's schemas, compile once, check in parallel.

``validate_files`` parses every file (parse errors and refused constructs become findings),
groups the files by the schemas that apply to them (``--schema``, else their ``<?xml-model?>``
instructions, else ``tei_all``), prepares each validator once for the vocabulary of its group
(see ``prune.py``) and validates, in this process or in ``jobs`` worker processes. A schema that a
document names but that cannot be found or compiled is a finding of the documents naming it.
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
from ..xmlio import XML_NS, UnsafeXML, check_doctype, parse_file, safe_parser
from . import BaseValidator, load_validator, saxon
from .locate import SourceText
from .sources import default_for_unnamed, schema_label, xml_model_line, xml_model_schemas
from .stream import is_large, prolog_tree, stream_findings
from .vocabulary import EMPTY_VOCABULARY, Vocabulary, forget_vocabulary, vocabularies_kept, vocabulary_of

Progress = Callable[[int, int], None]
_VALIDATORS: dict[Path, BaseValidator] = {}
XML_ID = f"{{{XML_NS}}}id"
# The codes of findings that leave a file unread, so no schema checked it.
UNREAD = frozenset({"io", "unsafe-xml", "not-well-formed"})


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
    """
    with vocabularies_kept():  # the union of the run's names, then each document's own
        return _validate_files(files, schemas, jobs, progress)


def _validate_files(
    files: Sequence[Path], schemas: Sequence[Path] | None, jobs: int, progress: Progress | None
) -> Results:
    results = Results(files)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, len(files))

    if schemas is not None and jobs > 1 and not any(validator_for(p).needs_vocabulary for p in schemas):
        # Nothing to learn from the documents before validating: the workers parse them too.
        _prepared(tuple(schemas), [], in_parent=False)
        members: list[tuple[Path, etree._ElementTree | None]] = [(p, None) for p in files]
        results.update(_in_workers(tuple(schemas), EMPTY_VOCABULARY, members, jobs, advance, progress is not None))
        label = schema_label(tuple(schemas))
        results.schemas.update({f: label for f, found in results.items() if not any(d.code in UNREAD for d in found)})
        return results
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
            chosen = tuple(schemas) if schemas is not None else tuple(xml_model_schemas(tree, path))
        except TeiEncodeError as exc:
            results[str(path)] = [_schema_finding(path, tree, exc)]
            continue
        groups.setdefault(chosen or tuple(default_for_unnamed()), []).append((path, tree))
    advance(len(files) - sum(len(group) for group in groups.values()))
    prepared = []
    for chosen, members in groups.items():
        try:
            prepared.append((chosen, members, _prepared(chosen, members, in_parent=jobs <= 1)))
        except TeiEncodeError as exc:
            if schemas is not None:
                raise
            found = {str(p): [_schema_finding(p, prologs.get(p) if tree is None else tree, exc)] for p, tree in members}
            results.update(found)
            advance(len(members))
    for chosen, members, (validators, vocabulary) in prepared:
        results.schemas.update(dict.fromkeys((str(path) for path, _ in members), schema_label(chosen)))
        if jobs > 1:
            results.update(_in_workers(chosen, vocabulary, members, jobs, advance, progress is not None))
            continue
        for path, tree in members:
            results[str(path)] = _findings(path, tree, validators)
            advance(1)
    for file, findings in parsing.items():  # spawned workers parse again, and report these too
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
    schemas: tuple[Path, ...], members: list[tuple[Path, etree._ElementTree | None]], *, in_parent: bool
) -> tuple[list[BaseValidator], Vocabulary]:
    """The validators of a group and its vocabulary; prepared here unless workers must do it after the fork."""
    validators = [validator_for(p) for p in schemas]
    needed = any(v.needs_vocabulary for v in validators)
    vocabulary = vocabulary_of(tree for _, tree in members if tree is not None) if needed else EMPTY_VOCABULARY
    for validator in validators:
        if in_parent or validator.fork_safe:
            validator.prepare(vocabulary)
    return validators, vocabulary


# The documents of the group being validated by forked workers, which inherit them unpickled.
_MEMBERS: list[tuple[Path, etree._ElementTree | None]] = []


def _in_workers(
    schemas: tuple[Path, ...],
    vocabulary: Vocabulary,
    members: list[tuple[Path, etree._ElementTree | None]],
    jobs: int,
    advance: Callable[[int], None],
    streaming: bool,
) -> dict[str, list[Diagnostic]]:
    """Validate a group in ``jobs`` forked processes, which inherit the parsed documents and compiled grammars.

    A member without a tree is parsed by the worker. Validators that are not ``fork_safe``
    (Saxon's runtime does not survive a fork) are prepared in each worker. Without progress to
    report (``streaming``), the group is split in ``jobs`` parts, this process validating one and
    forked children the others; else a pool of workers takes small slices and reports as they
    complete. Where ``fork`` is not available, workers are spawned and parse the files again.
    """
    forking = hasattr(os, "fork") and not saxon.started()
    _MEMBERS[:] = members
    try:
        if forking and not streaming:
            return _in_forked_children(schemas, vocabulary, len(members), jobs)
        return _in_pool(schemas, vocabulary, members, jobs, advance, forking)
    finally:
        _MEMBERS.clear()


def _in_forked_children(
    schemas: tuple[Path, ...], vocabulary: Vocabulary, count: int, jobs: int
) -> dict[str, list[Diagnostic]]:
    """Validate ``_MEMBERS`` in ``jobs`` parts: one here, the others in children sending their findings back.

    Cheaper to start than a pool (no imports of multiprocessing, no queues): on a thousand files
    that is a tenth of the time.
    """
    size = -(-count // jobs)
    slices = [(i, min(i + size, count)) for i in range(0, count, size)]
    children: list[tuple[int, int]] = []
    for start, stop in slices[1:]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: validate its part, send the findings, exit without cleaning up the parent's state
            status = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as channel:
                    channel.write(pickle.dumps(_validate_slice(schemas, vocabulary, start, stop, [])))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        children.append((pid, read))
    found = _validate_slice(schemas, vocabulary, *slices[0], [])
    failed = False
    for pid, read in children:
        with os.fdopen(read, "rb") as channel:
            data = channel.read()
        failed = failed or os.waitpid(pid, 0)[1] != 0
        if not failed:
            found.update(pickle.loads(data))
    if failed:
        raise TeiEncodeError("a validation worker process failed")
    return found


def _in_pool(
    schemas: tuple[Path, ...],
    vocabulary: Vocabulary,
    members: list[tuple[Path, etree._ElementTree | None]],
    jobs: int,
    advance: Callable[[int], None],
    forking: bool,
) -> dict[str, list[Diagnostic]]:
    """Validate ``members`` in a pool of ``jobs`` workers taking small slices, reported as they complete."""
    from concurrent.futures import ProcessPoolExecutor  # only here: 30 ms of imports
    from multiprocessing import get_context

    size = max(1, min(50, len(members) // (jobs * 4)))
    slices = [(i, min(i + size, len(members))) for i in range(0, len(members), size)]
    found: dict[str, list[Diagnostic]] = {}
    with ProcessPoolExecutor(jobs, mp_context=get_context("fork" if forking else "spawn")) as pool:
        futures = [
            pool.submit(
                _validate_slice,
                schemas,
                vocabulary,
                start,
                stop,
                [] if forking else [p for p, _ in members[start:stop]],
            )
            for start, stop in slices
        ]
        for (start, stop), future in zip(slices, futures, strict=True):
            found.update(future.result())
            advance(stop - start)
    return found


def _validate_slice(
    schemas: tuple[Path, ...], vocabulary: Vocabulary, start: int, stop: int, paths: list[Path]
) -> dict[str, list[Diagnostic]]:
    """Worker: validate documents ``start:stop`` of the group (re-parsed from ``paths`` when spawned)."""
    validators = [validator_for(p) for p in schemas]
    for validator in validators:
        validator.prepare(vocabulary)
    if paths:
        return {str(path): validate_file(path, validators) for path in paths}
    return {str(path): _findings(path, tree, validators) for path, tree in _MEMBERS[start:stop]}
