"""The register entries a TEI document points to, as ``standOff`` lists.

Every ``@ref="#key"`` of the document must resolve inside it, so the people,
places and organisations it names are copied from the register into
``standOff`` with their name variants and authority ids (and where each id was
verified): of ids bound to a period, those that hold on the document's day.
A reference to a key the register lacks is removed and reported.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from ..diagnostics import Reporter
from ..register import Authority, Entry, Register
from ..xmlio import XML_NS, tei

LISTS = {"person": ("listPerson", "persName"), "place": ("listPlace", "placeName"), "org": ("listOrg", "orgName")}
# The elements with a @ref, in document order (an XPath wraps only those; a loop would wrap every element).
WITH_REF = etree.XPath("descendant-or-self::*[@ref]")


def standoff(root: etree._Element, register: Register, reporter: Reporter, day: str = "") -> etree._Element | None:
    """A ``standOff`` with the entries ``root`` refers to, or None when it refers to none; ``day`` (ISO, or "")
    chooses among ids bound to periods (see ``Entry.authorities_on``)."""
    used: dict[str, Entry] = {}
    for el in WITH_REF(root):
        ref = el.get("ref")
        if not ref.startswith("#"):
            continue
        entry = register.get(ref[1:])
        if entry is None:
            reporter.warning("unresolved-ref", f"{ref} is not in the register; reference removed")
            del el.attrib["ref"]
        else:
            used[entry.key] = entry
    if not used:
        return None
    stand_off = etree.Element(tei("standOff"))
    for kind, (list_tag, name_tag) in LISTS.items():
        entries = [used[k] for k in sorted(used) if used[k].kind == kind]
        if entries:
            listing = etree.SubElement(stand_off, tei(list_tag))
            for entry in entries:
                # A copy made in C of the entry's element costs a third of building it again (lxml's copy is deep;
                # copy.deepcopy's bookkeeping doubled it); the element is kept under the ids that hold on the day,
                # not the day, as most entries have none bound to a period.
                listing.append(_entry(entry, name_tag, entry.authorities_on(day)).__copy__())
    return stand_off


@lru_cache(maxsize=4096)
def _entry(entry: Entry, name_tag: str, authorities: tuple[Authority, ...]) -> etree._Element:
    """The element of one register entry with the ``authorities`` of it that hold (shared: copy it before use)."""
    el = etree.Element(tei(entry.kind))
    el.set(f"{{{XML_NS}}}id", entry.key)
    for name in entry.names:
        name_el = etree.SubElement(el, tei(name_tag))
        name_el.text = name.text
        if name.type and name.type != "variant":
            name_el.set("type", name.type)
        if name.lang:
            name_el.set(f"{{{XML_NS}}}lang", name.lang)
    for authority in authorities:
        idno = etree.SubElement(el, tei("idno"), type="URI")
        idno.set("subtype", authority.scheme)
        if authority.source:
            idno.set("source", authority.source)
        idno.text = authority.uri
    if entry.note:
        note = etree.SubElement(el, tei("note"))
        note.text = entry.note
    return el
