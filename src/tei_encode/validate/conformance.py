"""TEI conformance of a document, as the Guidelines define it (chapter USE, "Conformance").

A TEI conformant document is well-formed XML in the TEI namespace, has the
mandatory header (``teiHeader/fileDesc`` with ``titleStmt/title``,
``publicationStmt`` and ``sourceDesc``), is valid against the schema its
project derives from the Guidelines and, that schema being a clean subset of
TEI, also against ``tei_all``. A document that meets all of this except
validity against ``tei_all`` uses a customisation that extends TEI: a "TEI
extension". A document whose root is not a TEI element in the TEI namespace is
not TEI at all. ``conformance_report`` runs these checks and says which
verdict holds and why.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import SchemaNotFound, TeiEncodeError, UnknownName
from ..xmlio import TEI_NS, safe_parser

TEI_ROOTS = ("TEI", "teiCorpus")
HEADER_PARTS = (
    ("tei:teiHeader", "a teiHeader"),
    ("tei:teiHeader/tei:fileDesc", "teiHeader/fileDesc"),
    ("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", "fileDesc/titleStmt/title"),
    ("tei:teiHeader/tei:fileDesc/tei:publicationStmt", "fileDesc/publicationStmt"),
    ("tei:teiHeader/tei:fileDesc/tei:sourceDesc", "fileDesc/sourceDesc"),
)


class Verdict(StrEnum):
    """Where a document stands with respect to the TEI Guidelines."""

    CONFORMANT = "TEI conformant"
    EXTENSION = "TEI extension"
    NOT_CONFORMANT = "not TEI conformant"
    NOT_TEI = "not TEI"
    UNDETERMINED = "TEI conformant or TEI extension (not checked against tei_all)"


class Checker(Protocol):
    """A validator: anything that yields the findings for a document."""

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """The findings for one document."""


@dataclass(frozen=True)
class Check:
    """One requirement of the conformance section and whether the document meets it."""

    name: str
    passed: bool | None
    detail: str = ""


@dataclass
class ConformanceReport:
    """The verdict for one document, the checks it rests on and the findings of the schemas."""

    file: str
    verdict: Verdict
    checks: list[Check] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        """The checks that failed (or could not run), as sentences."""
        return [f"{c.name}: {c.detail}" for c in self.checks if c.passed is not True]

    def format(self) -> str:
        """``file: verdict`` and one indented line per check."""
        marks = {True: "ok", False: "FAIL", None: "--"}
        lines = [f"{self.file}: {self.verdict.value}"]
        for check in self.checks:
            lines.append(f"  [{marks[check.passed]}] {check.name}" + (f": {check.detail}" if check.detail else ""))
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready mapping."""
        return {
            "file": self.file,
            "verdict": self.verdict.value,
            "checks": [{"name": c.name, "passed": c.passed, "detail": c.detail} for c in self.checks],
            "diagnostics": [d.as_dict() for d in self.diagnostics],
        }


def conformance_report(
    tree: etree._ElementTree | etree._Element,
    file: str,
    project_validators: Sequence[Checker],
    tei_all_validator: Checker | etree.RelaxNG | None,
    odd: Path | None = None,
    *,
    unavailable: str = "",
    guidelines_only: bool = False,
) -> ConformanceReport:
    """The conformance verdict for a parsed document, with the checks behind it.

    ``project_validators`` are the schemas the document's project derives from the Guidelines;
    ``tei_all_validator`` is TEI's ``tei_all`` (``None`` when it is not available, which leaves
    the choice between conformant and extension open); ``odd`` is the ODD documenting the
    project's schema, which the Guidelines require for formal conformance; ``unavailable`` says
    why ``tei_all`` is missing. ``guidelines_only`` is for a document that names no schema of its
    own: ``tei_all``, documented by the Guidelines, is then its schema.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    report = ConformanceReport(file, Verdict.NOT_TEI, [Check("well-formed XML", True)])
    namespace = _namespace_check(root)
    report.checks.append(namespace)
    if not namespace.passed:
        return report
    header = _header_check(root)
    report.checks.append(header)
    if guidelines_only:
        project = Check(
            "valid against the project's schema", None, "it names no schema of its own: tei_all stands for it"
        )
        odd_check = Check("documented by an ODD", True, "tei_all is documented by the TEI Guidelines themselves")
    else:
        project = _run("valid against the project's schema", project_validators, root, file, report)
        odd_check = _odd_check(odd)
    report.checks.append(project)
    report.checks.append(odd_check)
    if not header.passed or project.passed is False:
        report.verdict = Verdict.NOT_CONFORMANT
        if tei_all_validator is not None:
            report.checks.append(_run("valid against tei_all", [_as_checker(tei_all_validator)], root, file, report))
        return report
    if tei_all_validator is None:
        report.checks.append(Check("valid against tei_all", None, unavailable or "tei_all was not given"))
        report.verdict = Verdict.UNDETERMINED
        return report
    tei_all = _run("valid against tei_all", [_as_checker(tei_all_validator)], root, file, report)
    report.checks.append(tei_all)
    if tei_all.passed:
        report.verdict = Verdict.CONFORMANT
    elif not project.passed:
        report.verdict = Verdict.NOT_CONFORMANT
    else:
        report.verdict = Verdict.EXTENSION
        report.checks.append(
            Check(
                "a clean subset of TEI",
                False,
                "valid against its own schema but not against tei_all: the customisation extends TEI",
            )
        )
    return report


def _namespace_check(root: etree._Element) -> Check:
    name = "root element in the TEI namespace"
    qname = etree.QName(root)
    if qname.namespace != TEI_NS:
        where = f"in the namespace {qname.namespace}" if qname.namespace else "in no namespace"
        return Check(name, False, f"<{qname.localname}> is {where}, not {TEI_NS}")
    if qname.localname not in TEI_ROOTS:
        return Check(name, False, f"<{qname.localname}> is not a TEI document element ({' or '.join(TEI_ROOTS)})")
    return Check(name, True, f"<{qname.localname}>")


def _header_check(root: etree._Element) -> Check:
    missing = [label for path, label in HEADER_PARTS if root.find(path, {"tei": TEI_NS}) is None]
    name = "mandatory header parts"
    if missing:
        return Check(name, False, "missing " + ", ".join(missing))
    title = root.find(HEADER_PARTS[2][0], {"tei": TEI_NS})
    if title is not None and not "".join(title.itertext()).strip():
        return Check(name, False, "fileDesc/titleStmt/title is empty")
    return Check(name, True, "teiHeader/fileDesc with titleStmt/title, publicationStmt and sourceDesc")


def _odd_check(odd: Path | None) -> Check:
    name = "documented by an ODD"
    if odd is None:
        return Check(name, None, "no ODD given; formal conformance needs the ODD of the schema")
    try:
        spec = etree.parse(str(odd), safe_parser()).find(f".//{{{TEI_NS}}}schemaSpec")
    except (OSError, etree.XMLSyntaxError) as exc:
        return Check(name, False, f"{odd.name}: cannot be read: {exc}")
    if spec is None:
        return Check(name, False, f"{odd.name} has no schemaSpec")
    return Check(name, True, f"{odd.name} (schemaSpec {spec.get('ident', '?')})")


def _run(name: str, validators: Sequence[Checker], root: etree._Element, file: str, report: ConformanceReport) -> Check:
    if not validators:
        return Check(name, None, "no schema given")
    found = [d for v in validators for d in v.iter_errors(root.getroottree(), file)]
    errors = [d for d in found if d.severity is Severity.ERROR]
    report.diagnostics.extend(found)
    if errors:
        return Check(name, False, f"{len(errors)} error(s), the first: {errors[0].message}")
    return Check(name, True)


def _as_checker(validator: Checker | etree.RelaxNG) -> Checker:
    return _CompiledRelaxNG(validator) if isinstance(validator, etree.RelaxNG) else validator


class _CompiledRelaxNG:
    """An already compiled lxml RELAX NG schema as a ``Checker``."""

    def __init__(self, schema: etree.RelaxNG) -> None:
        self.schema = schema

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        if self.schema.validate(tree):
            return
        for entry in self.schema.error_log:
            yield Diagnostic(Severity.ERROR, "relaxng", entry.message, file, entry.line, entry.column, entry.path or "")


# ------------------------------------------------------------------- many files

FAILING = {Verdict.NOT_TEI, Verdict.NOT_CONFORMANT}


def check_files(files: Sequence[Path], schemas: Sequence[Path] | None = None) -> list[ConformanceReport]:
    """The conformance of each file against ``schemas`` (default: its ``<?xml-model?>``) and ``tei_all``.

    ``tei_all`` comes from the user cache (``tei-encode schema fetch tei_all``); without it the
    verdicts stay open between conformant and extension. A document that names no schema of its
    own is judged by ``tei_all`` alone, which the Guidelines document. The ODD of a project's
    schema is the file beside it with the same name and the extension ``.odd``
    (``schema/tei_encode.odd`` for the project's schemas).
    """
    from .named import named_schema_files
    from .run import parse_finding, validator_for
    from .sources import xml_model_schemas

    try:
        tei_all_files = named_schema_files("tei_all")
        tei_all: Checker | None = validator_for(tei_all_files[0])
        missing = ""
    except SchemaNotFound as exc:
        tei_all_files, tei_all, missing = [], None, str(exc)
    reports = []
    for path in files:
        tree, problems = parse_finding(path)
        if tree is None:
            detail = problems[0].format() if problems else "cannot be parsed"
            reports.append(ConformanceReport(str(path), Verdict.NOT_TEI, [Check("well-formed XML", False, detail)]))
            continue
        try:
            chosen = list(schemas) if schemas is not None else xml_model_schemas(tree, path)
            own = [p for p in chosen if p.resolve() not in {t.resolve() for t in tei_all_files}]
            validators = [validator_for(p) for p in own]
        except TeiEncodeError as exc:
            reports.append(_unusable_schema(str(path), exc))
            continue
        odd = own[0].with_suffix(".odd") if own else None
        report = conformance_report(
            tree,
            str(path),
            validators,
            tei_all,
            odd if odd and odd.is_file() else None,
            unavailable=missing,
            guidelines_only=not own,
        )
        reports.append(report)
    return reports


def _unusable_schema(file: str, exc: TeiEncodeError) -> ConformanceReport:
    """The report of a document whose named schema cannot be found or used."""
    check = Check("valid against the project's schema", False, f"<?xml-model?>: {exc}")
    return ConformanceReport(file, Verdict.NOT_CONFORMANT, [Check("well-formed XML", True), check])


def format_conformance(reports: Sequence[ConformanceReport], fmt: str) -> str:
    """The reports as text (a block per file and a count per verdict) or as one JSON document."""
    counts = Counter(r.verdict.value for r in reports)
    if fmt == "json":
        data = {
            "files": len(reports),
            "verdicts": dict(sorted(counts.items())),
            "reports": [r.as_dict() for r in reports],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        blocks = [r.format() for r in reports]
        summary = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items()))
        return "\n".join(blocks) + f"\n{len(reports)} files: {summary}\n"
    raise UnknownName("conformance report format", fmt, ("json", "text"))
