"""The protocol every text reader follows (apart from the registry in ``__init__``, which imports the readers)."""

from __future__ import annotations

from typing import Protocol

from ..diagnostics import Reporter
from ..model import Document


class Reader(Protocol):
    """One source format."""

    name: str

    def detect(self, text: str) -> bool:
        """Whether ``text`` looks like this format."""

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """The documents the text holds."""
