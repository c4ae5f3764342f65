"""What an editor has to do to complete the register, found by reading a converted corpus.

Names in the TEI (``persName``, ``placeName``, ``orgName`` outside ``standOff``)
whose ``@ref`` does not lead to a register entry, grouped by kind and written
form; ids that cannot be ids of their authority file (form, GND check digit);
ids without a usable check record, or whose record names someone else (its
label is none of the entry's names); register entries without an authority
id; and, for every verified id, its check. Entries the corpus never names are
listed too, for information.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from ..register import Authority, Entry, Register
from ..xmlio import tei
from .checks import CheckRecord, label_matches, record_key
from .entities import KIND_OF_NAME, entities, ref_key, text_of
from .idsyntax import id_problem
from .inputs import TeiDocument
from .mentions import xpath


@dataclass(frozen=True)
class Place:
    """Where a name occurs: the TEI file, its line and the element's XPath."""

    file: str
    line: int
    xpath: str

    def format(self) -> str:
        """``file:line (xpath)``."""
        return f"{self.file}:{self.line} ({self.xpath})"


@dataclass(frozen=True)
class Unlinked:
    """One written form of a name that no register entry covers, with every place it occurs, and the key of
    the entry an editors' decision gives it in the documents' own ``standOff`` ("" when none does)."""

    kind: str
    text: str
    places: tuple[Place, ...]
    decided: str = ""


@dataclass(frozen=True)
class IdFinding:
    """One id of an entry and what is wrong with it ("" for a verified id), with its check record if any;
    ``malformed`` when the id cannot be an id of its authority file at all."""

    entry: Entry
    authority: Authority
    problem: str = ""
    record: CheckRecord | None = None
    malformed: bool = False


@dataclass
class RegisterReport:
    """The findings of the register check."""

    unlinked: list[Unlinked] = field(default_factory=list)
    malformed: list[IdFinding] = field(default_factory=list)
    unverified: list[IdFinding] = field(default_factory=list)
    without_ids: list[Entry] = field(default_factory=list)
    verified: list[IdFinding] = field(default_factory=list)
    unused: list[Entry] = field(default_factory=list)

    def needs_work(self, strict: bool = False) -> bool:
        """Whether something must be fixed: unlinked names, malformed or unverified ids (and, if ``strict``,
        entries without ids)."""
        return bool(self.unlinked or self.malformed or self.unverified or (strict and self.without_ids))


def check_id(entry: Entry, authority: Authority, checks: dict[str, CheckRecord]) -> IdFinding:
    """The verdict on one id: its form, then its check record (present, usable, naming this entry)."""
    problem = id_problem(authority.scheme, authority.value)
    if problem:
        return IdFinding(entry, authority, problem, malformed=True)
    record = checks.get(record_key(authority))
    if record is None:
        return IdFinding(entry, authority, "no check record")
    problem = record.problem()
    if not problem and not label_matches(entry, record.label):
        problem = f"checked label {record.label!r} is none of the entry's names"
    return IdFinding(entry, authority, problem, record)


def check_register(
    register: Register, documents: Iterable[TeiDocument], checks: dict[str, CheckRecord] | None = None
) -> RegisterReport:
    """Compare the register with the names of ``documents`` (the corpus converted with that register) and its
    ids with their check records."""
    checks = checks or {}
    report = RegisterReport()
    unlinked: dict[tuple[str, str], list[Place]] = defaultdict(list)
    decided: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    name_tags = [tei(tag) for tag in KIND_OF_NAME]
    for document in documents:
        own = entities(document.root)  # the entries editors' decisions add to the document
        for part in document.root:
            if part.tag == tei("standOff"):
                continue
            for el in part.iter(*name_tags):
                key = ref_key(el)
                if key and register.get(key) is not None:
                    used.add(key)
                    continue
                name = (KIND_OF_NAME[etree.QName(el).localname], text_of(el))
                unlinked[name].append(Place(document.file, el.sourceline or 0, xpath(el)))
                if key in own:
                    decided[name] = key
    report.unlinked = [
        Unlinked(kind, text, tuple(places), decided.get((kind, text), ""))
        for (kind, text), places in sorted(unlinked.items())
    ]
    for kind in ("person", "place", "org"):
        for entry in register.of_kind(kind):
            if not entry.authorities:
                report.without_ids.append(entry)
            for authority in entry.authorities:
                finding = check_id(entry, authority, checks)
                if finding.malformed:
                    report.malformed.append(finding)
                else:
                    (report.unverified if finding.problem else report.verified).append(finding)
            if entry.key not in used:
                report.unused.append(entry)
    return report
