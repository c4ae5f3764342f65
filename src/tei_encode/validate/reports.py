"""Validation reports: the findings for a set of files as text, JSON, JUnit XML or GitHub annotations.

Each format takes the same input, a mapping from file to its findings (an
empty list means the file is valid), so the command line only chooses a name
from ``FORMATS``. ``summary_line`` is the one line the command writes to
standard error after a text report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence

from lxml import etree

from ..diagnostics import Diagnostic, Severity, counted
from ..errors import UnknownName

FORMATS = ("text", "json", "junit", "github")

Results = Mapping[str, Sequence[Diagnostic]]


def invalid_files(results: Results) -> list[str]:
    """The files with at least one error, in the order of ``results``."""
    return [file for file, found in results.items() if any(d.severity is Severity.ERROR for d in found)]


def summary_line(results: Results, elapsed: float, schemas: Mapping[str, str] | None = None) -> str:
    """``N files, V valid, I invalid (T s); checked against tei_all: N files, …``.

    ``schemas`` maps each file to the schemas it was checked against (files not checked, such as
    those not well-formed, are left out).
    """
    invalid = len(invalid_files(results))
    line = f"{counted(len(results), 'file')}, {len(results) - invalid} valid, {invalid} invalid ({elapsed:.2f} s)"
    counts: dict[str, int] = {}
    for label in (schemas or {}).values():
        counts[label] = counts.get(label, 0) + 1
    if counts:
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        line += "; checked against " + ", ".join(f"{label}: {counted(n, 'file')}" for label, n in ordered)
    return line


def format_report(results: Results, fmt: str, elapsed: float, schemas: Mapping[str, str] | None = None) -> str:
    """The report in format ``fmt`` (one of ``FORMATS``); raises ``UnknownName`` for another name.

    ``schemas`` (file -> the schemas it was checked against) goes into the JSON report.
    """
    if fmt == "json":
        return _json(results, elapsed, schemas or {})
    formatters: dict[str, Callable[[Results, float], str]] = {
        "text": _text,
        "junit": _junit,
        "github": _github,
    }
    if fmt not in formatters:
        raise UnknownName("report format", fmt, FORMATS)
    return formatters[fmt](results, elapsed)


def _text(results: Results, elapsed: float) -> str:
    """``Diagnostic.format`` lines; a line break inside a message becomes a space, so one finding is one line."""
    return "".join(_one_line(d.format()) + "\n" for found in results.values() for d in found)


def _one_line(text: str) -> str:
    return re.sub(r"\s*[\r\n]+\s*", " ", text)


def _json(results: Results, elapsed: float, schemas: Mapping[str, str]) -> str:
    invalid = invalid_files(results)
    report = {
        "files": len(results),
        "valid": len(results) - len(invalid),
        "invalid": invalid,
        "seconds": round(elapsed, 3),
        "checked_against": dict(schemas),
    }
    head = json.dumps(report, ensure_ascii=False, indent=2)[: -len("\n}")]
    records = indented_records([d.as_dict() for found in results.values() for d in found])
    return f'{head},\n  "diagnostics": {records}\n}}\n'


def indented_records(records: Sequence[Mapping[str, object]]) -> str:
    """``json.dumps(records, ensure_ascii=False, indent=2)`` as the value of a top-level key, for flat records.

    The same text, written by the JSON encoder in C: ``indent`` takes its pure Python form, which
    spent a tenth of a second on 8,000 findings.
    """
    if not records:
        return "[]"
    inside = ",\n      "
    items = (json.dumps(record, ensure_ascii=False, separators=(inside, ": ")) for record in records)
    indented = (f"{{\n      {item[1:-1]}\n    }}" if item != "{}" else item for item in items)
    return "[\n    " + ",\n    ".join(indented) + "\n  ]"


def _junit(results: Results, elapsed: float) -> str:
    """JUnit XML as GitLab, Jenkins and the GitHub test-report actions read it: one testcase per file."""
    suites = etree.Element("testsuites", name="tei-encode validate")
    suite = etree.SubElement(
        suites,
        "testsuite",
        name="tei-encode validate",
        tests=str(len(results)),
        failures=str(len(invalid_files(results))),
        errors="0",
        skipped="0",
        time=f"{elapsed:.3f}",
    )
    suites.attrib.update({k: suite.get(k, "") for k in ("tests", "failures", "errors", "time")})
    for file, found in results.items():
        case = etree.SubElement(suite, "testcase", classname="tei-encode.validate", name=file, time="0")
        failed = [d for d in found if d.severity is Severity.ERROR]
        if failed:
            failure = etree.SubElement(case, "failure", type="invalid", message=_failure_message(failed))
            failure.text = "".join(d.format() + "\n" for d in failed)
        others = [d for d in found if d.severity is not Severity.ERROR]
        if others:
            etree.SubElement(case, "system-out").text = "".join(d.format() + "\n" for d in others)
    return str(etree.tostring(suites, encoding="unicode", pretty_print=True))


def _failure_message(failed: Sequence[Diagnostic]) -> str:
    first = failed[0]
    more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
    return f"{first.location()}: {first.message}{more}"


def _github(results: Results, elapsed: float) -> str:
    """GitHub workflow commands (``::error file=…::message``), one per finding."""
    commands = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for found in results.values():
        for d in found:
            properties = {"file": d.file}
            if d.line:
                properties["line"] = str(d.line)
            if d.column:
                properties["col"] = str(d.column)
            properties["title"] = f"TEI {d.code}" + (f" ({d.rule})" if d.rule else "")
            props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
            message = d.message + (f" (at {d.path})" if d.path else "")
            lines.append(f"::{commands[d.severity]} {props}::{escape_data(message)}\n")
    return "".join(lines)


def escape_data(text: str) -> str:
    """Escape a workflow command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: as the message, and also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
