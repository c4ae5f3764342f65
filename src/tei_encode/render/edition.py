"""What a site says of the edition as a whole: its title, editors and publisher.

A corpus describes its edition in ``cmif.json`` (the file its CMIF export reads: title,
editors, publisher); without one, the pages carry a plain default title.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import TeiEncodeError

EDITION_FILE = "cmif.json"
DEFAULT_TITLE = "Digital edition"


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

    @property
    def credit(self) -> str:
        """Who publishes it: the editors, else the publisher."""
        return ", ".join(self.editors) or self.publisher
