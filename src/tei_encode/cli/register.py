"""The ``register`` commands: ``check`` lists what an editor has to complete, ``reconcile`` asks the authority
files and writes proposals for an editor to accept, ``accept`` moves the entries the editors accepted into the
register."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from ..diagnostics import Reporter
from ..errors import TeiEncodeError
from ..exchange.authorities import GEONAMES, LOBID, WIKIDATA, AuthorityClient
from ..exchange.checks import CHECKS_FILE, load_checks
from ..exchange.inputs import corpus_register, is_corpus, load_documents
from ..exchange.reconcile import reconcile as reconcile_register
from ..exchange.reconcile import to_json
from ..exchange.register_check import RegisterReport, check_register
from ..validate.cache import cache_dir
from ..xmlio import write_atomic
from .common import echo_diagnostics, fail


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


@register.command()
@click.argument("corpus", required=False, default="corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The proposals (JSON)."
)
@click.option("--key", "keys", multiple=True, help="Only this register entry (repeatable); default: all.")
@click.option("--wikidata-url", default=WIKIDATA, show_default=True, help="Base URL of Wikidata.")
@click.option("--lobid-url", default=LOBID, show_default=True, help="Base URL of lobid (lobid-gnd).")
@click.option("--geonames-url", default=GEONAMES, show_default=True, help="Base URL of the GeoNames web services.")
@click.option("--geonames-user", default="", envvar="GEONAMES_USER", help="GeoNames account name [env GEONAMES_USER].")
@click.option("--interval", default=1.0, show_default=True, type=click.FloatRange(0), help="Seconds between requests.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1), help="Seconds per request.")
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where answers are kept [default: the tei-encode cache directory, reconcile/].",
)
@click.option("--date", "checked", default=None, help="The day of the check (YYYY-MM-DD) [default: today, UTC].")
def reconcile(
    corpus: Path,
    output: Path,
    keys: tuple[str, ...],
    wikidata_url: str,
    lobid_url: str,
    geonames_url: str,
    geonames_user: str,
    interval: float,
    timeout: float,
    cache: Path | None,
    checked: str | None,
) -> None:
    """Ask Wikidata, lobid-gnd and GeoNames about the ids of CORPUS's register; write proposals to OUTPUT.

    \b
    For each entry with a Wikidata id: the item's label, and its GND (P227), VIAF (P214) and
    GeoNames (P1566) ids with the names lobid-gnd and GeoNames give them; GND and GeoNames
    ids the register has besides are asked about too. Each proposal says the entry, the id,
    "confirm" (the register has it: a check record to keep) or "add" (it lacks it), the label
    seen, the day, the page, and whether the label is one of the entry's names.

    \b
    The register is never changed: an editor accepts proposals (their check records go to
    register/checks.json, added ids to the register). Answers are cached, requests are spaced
    --interval seconds apart and time out after --timeout seconds. Exit 1 when an authority
    file could not be asked about some entry (the others are still proposed), 2 on bad usage.
    """
    day = checked or datetime.now(UTC).date().isoformat()
    reporter = Reporter()
    try:
        register_ = corpus_register(corpus)
        unknown = sorted(set(keys) - set(register_.entries))
        if unknown:
            fail(f"not in the register: {', '.join(unknown)}")
        client = AuthorityClient(
            cache if cache is not None else cache_dir() / "reconcile",
            wikidata_url, lobid_url, geonames_url, geonames_user, interval, timeout,
        )  # fmt: skip
        proposals = reconcile_register(register_, client, day, reporter, keys)
        write_atomic(output, to_json(proposals))
    except TeiEncodeError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or output}: {exc.strerror or exc}")
    echo_diagnostics(reporter.diagnostics)
    added = sum(p.action == "add" for p in proposals)
    click.echo(f"{len(proposals)} proposals ({added} ids to add), {client.requests} requests -> {output}", err=True)
    sys.exit(1 if reporter.diagnostics else 0)


@register.command()
@click.argument("corpus", required=False, default="corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--key", "keys", multiple=True, help="Only the entry with this key (repeat for several).")
def accept(corpus: Path, keys: tuple[str, ...]) -> None:
    """Move the entries the editors accepted into the register files of CORPUS (default: corpus).

    An entry is accepted by a row of CORPUS/decisions.csv: "accept" (a provisional entry, under the
    row's key and with its names) or "mark" with a new key and names. Each goes, with its name
    variants and note, into the register file that lists its kind. Exit 0 when done (also when
    there was nothing to move), 2 for an unknown --key, a malformed decisions file or a register
    that cannot be read or written.
    """
    from ..build import corpus_sources
    from ..editorial.accept import accept_into_register
    from ..editorial.corpus import review_corpus

    if not is_corpus(corpus):
        fail(f"{corpus}: not a corpus directory (no source texts)")
    try:
        accepted = review_corpus(corpus, corpus_sources(corpus)).accepted
        moved = accept_into_register(corpus / "register", accepted, keys)
    except TeiEncodeError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or corpus}: cannot write: {exc.strerror or exc}")
    for item in moved:
        click.echo(f"{item.entry.kind} {item.entry.key} ({item.entry.name}) -> {item.file}")
    click.echo(f"{len(moved)} entries moved into the register", err=True)


def format_report(report: RegisterReport) -> str:
    """The report as text, one section per finding, each line indented under its heading."""
    lines = [f"Names not linked to the register ({len(report.unlinked)}):"]
    for name in report.unlinked:
        decided = f", entry {name.decided} of an editors' decision (`register accept` adds it)" if name.decided else ""
        lines.append(f"  {name.kind} {name.text!r} ({len(name.places)}x){decided}")
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
