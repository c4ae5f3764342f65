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
class Edition:
    """The edition a site publishes."""

    title: str = DEFAULT_TITLE
    editors: tuple[str, ...] = ()
    publisher: str = ""

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
        return cls(
            title=" ".join(str(data.get("title") or DEFAULT_TITLE).split()),
            editors=tuple(" ".join(str(e).split()) for e in editors) if isinstance(editors, list) else (),
            publisher=" ".join(str(data.get("publisher") or "").split()),
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
