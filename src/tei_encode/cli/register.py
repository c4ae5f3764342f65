"""The ``register`` commands: ``register check`` lists what an editor has to complete."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Reporter
from ..errors import TeiEncodeError
from ..exchange.checks import CHECKS_FILE, load_checks
from ..exchange.inputs import corpus_register, is_corpus, load_documents
from ..exchange.register_check import RegisterReport, check_register
from .common import fail


@click.group()
def register() -> None:
    """Work with the register of people, places and organisations (CORPUS/register/*.xml)."""


@register.command()
@click.argument("corpus", required=False, default="corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Also exit 1 when register entries have no authority id.")
def check(corpus: Path, strict: bool) -> None:
    """List what the register of CORPUS (default: corpus) lacks, grouped so an editor can complete it.

    \b
    1. names in the converted corpus that no register entry covers, by kind and written form,
       with every place (TEI file, line, XPath);
    2. ids that cannot be ids of their authority file (an unknown file, a wrong form, a wrong
       GND check digit);
    3. ids not verified: without a check record in CORPUS/register/checks.json, or whose record
       has no label, date or source URL, or a label that is none of the entry's names;
    4. entries without an authority id;
    5. every verified id with its check (label, day, page);
    6. entries the corpus never names.

    Exit 1 when there are unlinked names, malformed or unverified ids (with --strict, also
    entries without an id), 0 otherwise; 2 for a missing corpus or an unreadable register.
    """
    if not is_corpus(corpus):
        fail(f"{corpus}: not a corpus directory (no source texts)")
    try:
        register_ = corpus_register(corpus)
        checks = load_checks(corpus / "register" / CHECKS_FILE)
        report = check_register(register_, load_documents([corpus], Reporter()), checks)
    except TeiEncodeError as exc:
        fail(str(exc))
    click.echo(format_report(report), nl=False)
    sys.exit(1 if report.needs_work(strict) else 0)


def format_report(report: RegisterReport) -> str:
    """The report as text, one section per finding, each line indented under its heading."""
    lines = [f"Names not linked to the register ({len(report.unlinked)}):"]
    for name in report.unlinked:
        lines.append(f"  {name.kind} {name.text!r} ({len(name.places)}x)")
        lines.extend(f"    {place.format()}" for place in name.places)
    lines.append(f"Ids that cannot be ids of their authority file ({len(report.malformed)}):")
    lines.extend(f"  {f.entry.kind} {f.entry.key}: {f.authority.scheme} {f.problem}" for f in report.malformed)
    lines.append(f"Ids not verified ({len(report.unverified)}):")
    lines.extend(
        f"  {f.entry.kind} {f.entry.key}: {f.authority.scheme} {f.authority.value}: {f.problem}"
        for f in report.unverified
    )
    lines.append(f"Entries without an authority id ({len(report.without_ids)}):")
    lines.extend(f"  {e.kind} {e.key}: {e.name}" for e in report.without_ids)
    lines.append(f"Verified ids ({len(report.verified)}):")
    for f in report.verified:
        assert f.record is not None  # a verified id has its record
        period = f" ({f.authority.not_before or '..'}/{f.authority.not_after or '..'})" if f.authority.bounded else ""
        lines.append(f"  {f.entry.kind} {f.entry.key}: {f.authority.uri}{period}")
        lines.append(f"    {f.record.label!r}, checked {f.record.checked} at {f.record.source}")
    lines.append(f"Entries the corpus does not name ({len(report.unused)}):")
    lines.extend(f"  {e.kind} {e.key}: {e.name}" for e in report.unused)
    return "\n".join(lines) + "\n"
