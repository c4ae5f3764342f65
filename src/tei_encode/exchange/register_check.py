"""What an editor has to do to complete the register, found by reading a converted corpus.

Names in the TEI (``persName``, ``placeName``, ``orgName`` outside ``standOff``)
whose ``@ref`` does not lead to a register entry, grouped by kind and written
form; register entries without an authority id; authority ids without the
public source they were verified from; and, for every id, that source. Entries
the corpus never names are listed too, for information.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from ..register import Authority, Entry, Register
from ..xmlio import tei
from .entities import KIND_OF_NAME, ref_key, text_of
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
    """One written form of a name that no register entry covers, with every place it occurs."""

    kind: str
    text: str
    places: tuple[Place, ...]


@dataclass
class RegisterReport:
    """The findings of the register check."""

    unlinked: list[Unlinked] = field(default_factory=list)
    without_ids: list[Entry] = field(default_factory=list)
    unverified: list[tuple[Entry, Authority]] = field(default_factory=list)
    verified: list[tuple[Entry, Authority]] = field(default_factory=list)
    unused: list[Entry] = field(default_factory=list)

    def needs_work(self, strict: bool = False) -> bool:
        """Whether something must be fixed: unlinked names, unverified ids (and, if ``strict``, missing ids)."""
        return bool(self.unlinked or self.unverified or (strict and self.without_ids))


def check_register(register: Register, documents: Iterable[TeiDocument]) -> RegisterReport:
    """Compare the register with the names of ``documents`` (the corpus converted with that register)."""
    report = RegisterReport()
    unlinked: dict[tuple[str, str], list[Place]] = defaultdict(list)
    used: set[str] = set()
    name_tags = [tei(tag) for tag in KIND_OF_NAME]
    for document in documents:
        for part in document.root:
            if part.tag == tei("standOff"):
                continue
            for el in part.iter(*name_tags):
                key = ref_key(el)
                if key and register.get(key) is not None:
                    used.add(key)
                else:
                    place = Place(document.file, el.sourceline or 0, xpath(el))
                    unlinked[(KIND_OF_NAME[etree.QName(el).localname], text_of(el))].append(place)
    report.unlinked = [Unlinked(kind, text, tuple(places)) for (kind, text), places in sorted(unlinked.items())]
    for kind in ("person", "place", "org"):
        for entry in register.of_kind(kind):
            if not entry.authorities:
                report.without_ids.append(entry)
            for authority in entry.authorities:
                (report.verified if authority.source else report.unverified).append((entry, authority))
            if entry.key not in used:
                report.unused.append(entry)
    return report
