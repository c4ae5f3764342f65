"""The register of people, places and organisations, read from TEI lists.

A register file is a TEI document holding ``listPerson``, ``listPlace`` and
``listOrg``; each entry has an ``xml:id`` (its key), a main name, name
variants by language, pseudonyms (typed ``pseudonym``), and authority ids
(``idno`` typed ``wikidata``, ``viaf``, ``gnd``, ``geonames``) with the public
page they were checked at in ``@source``. An id may hold for a period only
(``@notBefore``/``@notAfter``: the Second Polish Republic, not today's Poland,
in 1920); a document's date chooses among them, as ``floruit`` chooses among
namesakes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .errors import ReaderError
from .model import Metadata
from .xmlio import TEI_NS, XML_NS, parse_file

# The URI forms of the authority files themselves, which correspSearch and the CMIF examples use.
AUTHORITY_URIS = {
    "wikidata": "http://www.wikidata.org/entity/{}",
    "viaf": "http://viaf.org/viaf/{}",
    "gnd": "http://d-nb.info/gnd/{}",
    "geonames": "http://www.geonames.org/{}",
}
ENTRY_TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}
ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # a year, a month or a day


@dataclass(frozen=True)
class Name:
    """One written form of an entry's name."""

    text: str
    lang: str = ""
    type: str = "variant"


@dataclass(frozen=True)
class Authority:
    """An authority-file id, the public page it was checked at, and the period it holds for (ISO days, or "")."""

    scheme: str
    value: str
    source: str = ""
    not_before: str = ""
    not_after: str = ""

    @property
    def uri(self) -> str:
        """The id as a URI."""
        template = AUTHORITY_URIS.get(self.scheme)
        return template.format(self.value) if template else self.value

    @property
    def bounded(self) -> bool:
        """Whether the id holds for a period only."""
        return bool(self.not_before or self.not_after)

    def holds_on(self, day: str) -> bool:
        """Whether the id holds on ``day`` (an ISO day); an id without a period holds on every day."""
        return (not self.not_before or self.not_before <= day) and (not self.not_after or day <= self.not_after)


@dataclass(frozen=True)
class Entry:
    """A person, place or organisation of the register."""

    key: str
    kind: str
    names: tuple[Name, ...]
    authorities: tuple[Authority, ...] = ()
    note: str = ""
    active: tuple[str, str] | None = None  # <floruit> as first and last ISO day: when documents may name the person

    @property
    def name(self) -> str:
        """The canonical (main, else first) name."""
        main = [n.text for n in self.names if n.type == "main"]
        return (main or [n.text for n in self.names] or [self.key])[0]

    def authorities_on(self, day: str) -> tuple[Authority, ...]:
        """The ids that hold on ``day`` (an ISO day; "" when the document has no date).

        Per authority file, an id bounded to a period that covers the day wins over one without a period (the
        Second Polish Republic over Poland in 1920); without a day, only ids without a period hold.
        """
        bounded = {a.scheme for a in self.authorities if a.bounded and day and a.holds_on(day)}
        return tuple(
            a
            for a in self.authorities
            if (a.bounded and day and a.holds_on(day)) or (not a.bounded and a.scheme not in bounded)
        )


@dataclass
class Register:
    """All entries by key."""

    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, paths: Iterable[Path]) -> Register:
        """Read every register file; a later file may not redefine a key."""
        register = cls()
        for path in sorted(paths):
            for entry in _read_entries(path):
                if entry.key in register.entries:
                    raise ReaderError(f"{path}: duplicate register key {entry.key!r}")
                register.entries[entry.key] = entry
        return register

    @classmethod
    def from_directory(cls, directory: Path) -> Register:
        """Read every ``*.xml`` in a register directory (an absent directory is an empty register)."""
        return cls.load(directory.glob("*.xml")) if directory.is_dir() else cls()

    def of_kind(self, kind: str) -> list[Entry]:
        """Entries of one kind, by key."""
        return [e for k, e in sorted(self.entries.items()) if e.kind == kind]

    def get(self, key: str) -> Entry | None:
        """The entry with this key, if any."""
        return self.entries.get(key)


def _read_entries(path: Path) -> list[Entry]:
    try:
        root = parse_file(path).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ReaderError(f"{path}: cannot read register: {exc}") from exc
    entries = []
    for kind, name_tag in ENTRY_TAGS.items():
        for el in root.iter(f"{{{TEI_NS}}}{kind}"):
            key = el.get(f"{{{XML_NS}}}id")
            if not key:
                raise ReaderError(f"{path}:{el.sourceline}: {kind} without xml:id")
            names = tuple(
                Name(" ".join("".join(n.itertext()).split()), n.get(f"{{{XML_NS}}}lang", ""), n.get("type", "variant"))
                for n in el.findall(f"{{{TEI_NS}}}{name_tag}")
            )
            authorities = tuple(_authority(path, i) for i in el.findall(f"{{{TEI_NS}}}idno"))
            note = el.find(f"{{{TEI_NS}}}note")
            text = "" if note is None else " ".join("".join(note.itertext()).split())
            entries.append(Entry(key, kind, names, authorities, text, _active_years(el)))
    return entries


def _authority(path: Path, idno: etree._Element) -> Authority:
    """An ``idno`` of an entry; its period bounds, if any, as first and last ISO day."""
    start, end = idno.get("notBefore", ""), idno.get("notAfter", "")
    for bound in (start, end):
        if bound and not ISO_DATE.fullmatch(bound):
            raise ReaderError(f"{path}:{idno.sourceline}: id period {bound!r} is not an ISO date (YYYY[-MM[-DD]])")
    return Authority(
        idno.get("type", ""),
        (idno.text or "").strip(),
        idno.get("source", ""),
        first_day(start) if start else "",
        last_day(end) if end else "",
    )


def document_day(meta: Metadata) -> str:
    """The first day of a document's own date (its date, the lower bound, else its year), else ""."""
    for value in (meta.date.when, meta.date.not_before, "" if meta.year is None else str(meta.year)):
        if ISO_DATE.fullmatch(value):
            return first_day(value)
    return ""


def first_day(value: str) -> str:
    """The first day of an ISO year, month or day (``1918-11``: ``1918-11-01``)."""
    return value + "-01-01"[len(value) - 4 :]


def last_day(value: str) -> str:
    """The last day of an ISO year, month or day, as a bound to compare days with (``1939``: ``1939-12-31``)."""
    return value + "-12-31"[len(value) - 4 :]


def _active_years(entry: etree._Element) -> tuple[str, str] | None:
    """An entry's ``<floruit notBefore="1918-09" notAfter="1936"/>`` as its first and last day (``1918-09-01``,
    ``1936-12-31``), if it has both bounds as ISO dates."""
    floruit = entry.find(f"{{{TEI_NS}}}floruit")
    if floruit is None:
        return None
    start, end = floruit.get("notBefore", ""), floruit.get("notAfter", "")
    if not (ISO_DATE.fullmatch(start) and ISO_DATE.fullmatch(end)):
        return None
    return first_day(start), last_day(end)
