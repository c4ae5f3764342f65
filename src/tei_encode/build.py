"""The main job: convert every source of a corpus, validate the TEI, render the HTML views.

``out/`` receives ``tei/`` (one TEI file per document), ``validation.json``
(every finding of the project's schemas), ``html/`` (one page per document,
``index.html`` and ``style.css``) and ``conversion.json`` (what the readers and
enrichers reported). Files of documents no longer produced are removed; every
file is written atomically, and the same corpus gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Reporter, Severity
from .pipeline import Converted, convert_path
from .register import Register
from .render import render_document, render_indexes, summarize
from .validate import BaseValidator, default_schemas, load_validator
from .validate.run import iter_findings
from .xmlio import serialize, write_atomic

SOURCE_SUFFIXES = (".txt", ".md")


@dataclass
class BuildResult:
    """What a build did: documents written, conversion diagnostics, validation findings."""

    documents: list[str] = field(default_factory=list)
    conversion: list[Diagnostic] = field(default_factory=list)
    validation: list[Diagnostic] = field(default_factory=list)

    @property
    def invalid(self) -> list[str]:
        """Files with at least one validation error."""
        return sorted({d.file for d in self.validation if d.severity is Severity.ERROR})


def corpus_sources(corpus: Path) -> list[Path]:
    """The source texts of a corpus directory (its README excepted)."""
    return sorted(p for p in corpus.iterdir() if p.suffix in SOURCE_SUFFIXES and p.name.lower() != "readme.md")


def build(
    corpus: Path,
    out: Path,
    progress: Callable[[str], None] | None = None,
    validators: list[BaseValidator] | None = None,
) -> BuildResult:
    """Convert, validate and render ``corpus`` into ``out``."""
    register = Register.from_directory(corpus / "register")
    validators = validators if validators is not None else [load_validator(p) for p in default_schemas()]
    result = BuildResult()
    converted: list[Converted] = []
    for source in corpus_sources(corpus):
        if progress:
            progress(source.name)
        reporter = Reporter(f"{corpus.name}/{source.name}")
        converted.extend(convert_path(source, register, reporter))
        result.conversion.extend(reporter.diagnostics)
    tei_dir, html_dir = out / "tei", out / "html"
    summaries = []
    pages: set[str] = set()
    for item in converted:
        write_atomic(tei_dir / item.filename, serialize(item.tree))
        result.documents.append(item.filename)
        result.validation.extend(iter_findings(item.tree.getroottree(), f"tei/{item.filename}", validators))
        stem = item.document.id
        pages |= _write_pages(html_dir, render_document(item.tree, stem))
        summaries.append(summarize(item.tree, stem))
    pages |= _write_pages(html_dir, render_indexes(summaries))
    _remove_stale(tei_dir, {item.filename for item in converted})
    _remove_stale(html_dir, pages)
    write_atomic(out / "validation.json", _report(result.validation, result.documents, "validation"))
    write_atomic(out / "conversion.json", _report(result.conversion, [], "conversion"))
    return result


def _write_pages(directory: Path, pages: dict[str, bytes]) -> set[str]:
    for name, data in pages.items():
        write_atomic(directory / name, data)
    return set(pages)


def _remove_stale(directory: Path, keep: set[str]) -> None:
    for path in directory.iterdir():
        if path.is_file() and path.name not in keep:
            path.unlink()


def _report(diagnostics: list[Diagnostic], files: list[str], kind: str) -> bytes:
    report: dict[str, object] = {"kind": kind, "diagnostics": [d.as_dict() for d in diagnostics]}
    if files:
        invalid = sorted({d.file for d in diagnostics if d.severity is Severity.ERROR})
        report["files"] = len(files)
        report["valid"] = len(files) - len(invalid)
        report["invalid"] = invalid
    return (json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
