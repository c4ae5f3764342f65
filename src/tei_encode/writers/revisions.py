"""Who is responsible for what in a document from a Word file, and its history, for the header.

The people a Word file names (its author, who last changed it, the authors of comments and of
tracked changes) become ``respStmt`` entries in ``titleStmt``, with ids that comments' ``@resp``
and changes' ``@who`` point to; the file's creation, last change and tracked changes become
``change`` entries of ``revisionDesc``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..model import Document
from ..xmlio import XML_NS, tei

REVISION_WORDS = {
    "insertion": "text inserted",
    "deletion": "text deleted",
    "move-from": "text moved away",
    "move-to": "text moved here",
}


@dataclass
class Responsibilities:
    """The people of one document with what each did, in the order they first appear."""

    doc_id: str
    roles: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> Responsibilities:
        """The responsibilities a document's file properties, comments and revisions record."""
        found = cls(document.id)
        props = document.properties
        if props is not None:
            found.add(props.creator, "Word file created by")
            found.add(props.modified_by, "Word file last changed by")
        for _, block in document.blocks():
            for s in block.spans:
                if s.kind == "note" and s.attr("author"):
                    found.add(s.attr("author"), "comments by")
        for revision in document.revisions:
            found.add(revision.author, "tracked changes by")
        return found

    def add(self, name: str, role: str) -> None:
        if not name:
            return
        roles = self.roles.setdefault(name, [])
        if role not in roles:
            roles.append(role)

    def id_of(self, name: str) -> str:
        """The ``xml:id`` of a person's ``respStmt``."""
        return f"{self.doc_id}-resp{list(self.roles).index(name) + 1}"

    def write(self, title_stmt: etree._Element) -> None:
        """One ``respStmt`` per person at the end of ``title_stmt``."""
        for name, roles in self.roles.items():
            stmt = etree.SubElement(title_stmt, tei("respStmt"))
            stmt.set(f"{{{XML_NS}}}id", self.id_of(name))
            etree.SubElement(stmt, tei("resp")).text = "; ".join(roles)
            etree.SubElement(stmt, tei("name")).text = name


def revision_desc(header: etree._Element, document: Document, people: Responsibilities) -> None:
    """A ``revisionDesc`` ending ``header`` when the document's file records a history."""
    props = document.properties
    entries: list[tuple[str, str, str, str, str]] = []  # id, type, when, who, text
    if props is not None:
        if props.created:
            entries.append(("", "created", props.created, props.creator, "Word file created"))
        if props.modified:
            entries.append(("", "modified", props.modified, props.modified_by, "Word file last changed"))
    for revision in document.revisions:
        words = REVISION_WORDS.get(revision.kind, revision.kind)
        entries.append((revision.key, revision.kind, revision.date, revision.author, f"tracked change: {words}"))
    if not entries:
        return
    desc = etree.SubElement(header, tei("revisionDesc"))
    for key, kind, when, who, text in entries:
        change = etree.SubElement(desc, tei("change"), type=kind)
        if key:
            change.set(f"{{{XML_NS}}}id", f"{document.id}-{key}")
        if when:
            change.set("when", when)
        if who:
            change.set("who", f"#{people.id_of(who)}")
        change.text = text
