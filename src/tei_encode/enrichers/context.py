"""What the enrichers share across the documents of one source (kept apart from the registry, which imports them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..register import Entry, Register


@dataclass
class Context:
    """What enrichers share across the documents of one source: the register, entries added per document, and
    the last archival citation (an ``Ibid.`` on a page may refer to the document before)."""

    register: Register = field(default_factory=Register)
    added: dict[str, list[Entry]] = field(default_factory=dict)
    last_citation: dict[str, str] | None = None  # the parts of the last archival citation of the source so far

    def add_entries(self, document_id: str, entries: list[Entry]) -> None:
        """Provisional entries for one document (people the register lacks)."""
        self.added.setdefault(document_id, []).extend(entries)

    def register_for(self, document_id: str) -> Register:
        """The register with the provisional entries of one document."""
        added = self.added.get(document_id)
        if not added:
            return self.register
        return Register({**self.register.entries, **{e.key: e for e in added}})
