"""What a site says of the edition as a whole: its title, editors and publisher.

A corpus describes its edition in ``cmif.json`` (the file its CMIF export reads: title,
editors, publisher); TEI files of an edition may name it in their header (the series,
the edition, the publisher); without either, the pages carry a plain default title.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import TeiEncodeError
from ..xmlio import TEI_NS

EDITION_FILE = "cmif.json"
DEFAULT_TITLE = "Digital edition"
_HEADER = "/tei:TEI/tei:teiHeader/tei:fileDesc"
_EDITION_TITLES = (
    f"string(({_HEADER}/tei:seriesStmt/tei:title)[1])",
    f"string(({_HEADER}/tei:editionStmt/tei:edition)[1])",
    f"string(({_HEADER}/tei:publicationStmt/tei:publisher)[1])",
)
_PUBLISHER = f"string(({_HEADER}/tei:publicationStmt/tei:publisher)[1])"


class EditionError(TeiEncodeError, ValueError):
    """The edition's description cannot be read."""


@dataclass(frozen=True)
class PrintedEdition:
    """A printed edition documents come from, found by a piece (``match``) of their source description."""

    match: str
    citation: str

    def matches(self, text: str) -> bool:
        """Whether a source description names this edition (case and spacing aside)."""
        return bool(self.match) and " ".join(self.match.split()).casefold() in " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Edition:
    """The edition a site publishes, and the printed editions its documents come from."""

    title: str = DEFAULT_TITLE
    editors: tuple[str, ...] = ()
    publisher: str = ""
    sources: tuple[PrintedEdition, ...] = ()

    @classmethod
    def of_corpus(cls, corpus: Path) -> Edition:
        """The edition ``corpus/cmif.json`` describes; the default when there is none."""
        path = corpus / EDITION_FILE
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EditionError(f"{path}: cannot read the edition's description: {exc}") from exc
        if not isinstance(data, dict):
            raise EditionError(f"{path}: expected an object with a title")
        editors = data.get("editors", [])
        sources = data.get("sources", [])
        return cls(
            title=_plain(data.get("title")) or DEFAULT_TITLE,
            editors=tuple(filter(None, map(_name, editors))) if isinstance(editors, list) else (),
            publisher=_plain(data.get("publisher")),
            sources=tuple(_printed(s) for s in sources if isinstance(s, dict)) if isinstance(sources, list) else (),
        )

    @classmethod
    def of_tei(cls, root: etree._Element) -> Edition:
        """The edition a TEI file names: its series' title, else its edition statement, else its publisher."""
        for path in _EDITION_TITLES:
            found = root.xpath(path, namespaces={"tei": TEI_NS})
            text = " ".join(found.split()) if isinstance(found, str) else ""
            if text:
                publisher = root.xpath(_PUBLISHER, namespaces={"tei": TEI_NS})
                return cls(title=text, publisher=" ".join(publisher.split()) if isinstance(publisher, str) else "")
        return cls()

    @property
    def credit(self) -> str:
        """Who publishes it: the editors, else the publisher."""
        return ", ".join(self.editors) or self.publisher

    def printed_in(self, description: str) -> PrintedEdition | None:
        """The printed edition a document's source description names, if the edition describes it."""
        return next((s for s in self.sources if s.matches(description)), None)


def _plain(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _name(value: object) -> str:
    """An editor: a name, or an object with a name (and an e-mail address, not shown)."""
    return _plain(value.get("name")) if isinstance(value, dict) else _plain(value)


def _printed(source: dict[str, object]) -> PrintedEdition:
    """A citation of a printed edition: title, editors, place, publisher and year, as far as given."""
    editors = source.get("editors")
    names = ", ".join(filter(None, map(_name, editors))) if isinstance(editors, list) else ""
    imprint = ", ".join(filter(None, (_plain(source.get("publisher")), _plain(source.get("year")))))
    if _plain(source.get("place")):
        imprint = f"{_plain(source.get('place'))}: {imprint}" if imprint else _plain(source.get("place"))
    parts = [_plain(source.get("title")), f"Ed. {names}" if names else "", imprint]
    return PrintedEdition(_plain(source.get("match")), ". ".join(p.rstrip(".") for p in parts if p) + ".")
