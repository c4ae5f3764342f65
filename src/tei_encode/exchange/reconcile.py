"""Proposals for the register from the authority files: ids to confirm and ids to add, never written silently.

For each entry with a Wikidata id, Wikidata says the item's label and its GND
(P227), VIAF (P214) and GeoNames (P1566) ids; lobid-gnd and GeoNames say the
names of those records. Each id becomes a proposal with what was seen (label,
day, page): ``confirm`` for an id the register has (its check record),
``add`` for one it lacks (holding for the same period as the Wikidata id it
came through). Whether the label is one of the entry's names is part of the
proposal; an editor accepts or rejects each, and only then does the register
change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from ..diagnostics import Reporter
from ..register import Authority, Entry, Register
from .authorities import Answer, AuthorityClient, AuthorityError
from .checks import label_matches
from .idsyntax import id_problem


@dataclass(frozen=True)
class Proposal:
    """One id for one entry, with what the authority file said of it."""

    key: str
    name: str
    action: str  # "confirm" (the register has the id) or "add"
    scheme: str
    value: str
    label: str
    checked: str
    source: str
    label_matches: bool
    not_before: str = ""
    not_after: str = ""
    via: str = ""  # the Wikidata id an added id was found through


def reconcile(
    register: Register,
    client: AuthorityClient,
    checked: str,
    reporter: Reporter,
    keys: Iterable[str] = (),
) -> list[Proposal]:
    """Proposals for the entries of ``register`` (those named in ``keys``, else all), checked on ``checked``.

    An authority file that cannot be asked about an entry is reported as a warning; the others go on.
    """
    wanted = set(keys)
    proposals: list[Proposal] = []
    for key, entry in sorted(register.entries.items()):
        if wanted and key not in wanted:
            continue
        try:
            proposals.extend(_entry_proposals(entry, client, checked, reporter))
        except AuthorityError as exc:
            reporter.warning("reconcile-unreachable", f"{key}: {exc}")
    return proposals


def to_json(proposals: list[Proposal]) -> bytes:
    """The proposals as a UTF-8 JSON array, in register order."""
    return (json.dumps([asdict(p) for p in proposals], ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _entry_proposals(entry: Entry, client: AuthorityClient, checked: str, reporter: Reporter) -> Iterator[Proposal]:
    held = {(a.scheme, a.value) for a in entry.authorities}
    proposed: set[tuple[str, str]] = set()
    for authority in entry.authorities:
        if authority.scheme != "wikidata":
            continue
        item = client.wikidata_item(authority.value)
        yield _proposal(entry, authority, item, checked, "confirm")
        for scheme, values in sorted(item.ids.items()):
            for value in values:
                problem = id_problem(scheme, value)
                if problem:
                    reporter.warning("reconcile-malformed", f"{entry.key}: {authority.value} gives {problem}")
                    continue
                found = Authority(scheme, value, "", authority.not_before, authority.not_after)
                action = "confirm" if (scheme, value) in held else "add"
                proposed.add((scheme, value))
                yield _proposal(entry, found, _answer(client, scheme, value, item), checked, action, authority.value)
    for authority in entry.authorities:
        if authority.scheme in ("gnd", "geonames") and (authority.scheme, authority.value) not in proposed:
            answer = _answer(client, authority.scheme, authority.value, None)
            yield _proposal(entry, authority, answer, checked, "confirm")


def _answer(client: AuthorityClient, scheme: str, value: str, item: Answer | None) -> Answer:
    """What the authority file itself says of an id; for VIAF, what Wikidata says (its label and page)."""
    if scheme == "gnd":
        return client.gnd_record(value)
    if scheme == "geonames":
        return client.geonames_place(value)
    assert item is not None  # VIAF ids are only reached through Wikidata
    return item


def _proposal(entry: Entry, authority: Authority, answer: Answer, checked: str, action: str, via: str = "") -> Proposal:
    return Proposal(
        entry.key,
        entry.name,
        action,
        authority.scheme,
        authority.value,
        answer.label,
        checked,
        answer.page,
        bool(answer.label) and label_matches(entry, answer.label),
        authority.not_before,
        authority.not_after,
        via,
    )
