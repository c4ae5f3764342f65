"""The letters of a corpus as a table (CSV) and as a dated correspondence network (GEXF).

One row per letter (a TEI document with a ``correspDesc`` of its own): its id,
date, senders, addressees and the places of sending and receipt, each name
with the authority URIs the register gives it (period-correct, as in the
document's ``standOff``). The network has a node per correspondent (register
key, else the name) and a directed edge per letter from each sender to each
addressee, dated with the letter's date, for Gephi, nodegoat or Palladio.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, fields

from lxml import etree

from .cmif import address_place, is_letter
from .entities import KIND_OF_NAME, NS, entities, ref_key, text_of
from .inputs import TeiDocument

GEXF_NS = "http://gexf.net/1.3"
SEP = "; "


@dataclass(frozen=True)
class Party:
    """A correspondent or place of a letter: its key (register key, else ""), name and authority URIs."""

    key: str
    name: str
    uris: tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    """One letter: id, date (ISO 8601, an interval ``start/end`` when only bounds are known) and parties."""

    id: str
    date: str
    senders: tuple[Party, ...]
    addressees: tuple[Party, ...]
    sent_from: tuple[Party, ...]
    sent_to: tuple[Party, ...]


def letters(documents: Iterable[TeiDocument]) -> list[Letter]:
    """The letters among ``documents``, in input order."""
    return [_letter(d) for d in documents if is_letter(d.root)]


def _letter(document: TeiDocument) -> Letter:
    known = entities(document.root)
    desc = document.root.find("tei:teiHeader/tei:profileDesc/tei:correspDesc", NS)
    assert desc is not None  # is_letter
    parts: dict[str, list[Party]] = {"sent": [], "received": [], "sent-place": [], "received-place": []}
    date = ""
    actions = list(desc.iterfind("tei:correspAction", NS))
    if desc.find("tei:correspAction[@type='received']/tei:placeName", NS) is None:
        place = address_place(document.root)
        if place is not None:
            place.set("type", "received")
            actions.append(place)
    for action in actions:
        kind = action.get("type", "")
        for el in action:
            local = etree.QName(el).localname if isinstance(el.tag, str) else ""
            if local in KIND_OF_NAME and kind in ("sent", "received"):
                key = ref_key(el)
                entity = known.get(key)
                party = Party(
                    key if entity else "", entity.name if entity else text_of(el), tuple(entity.uris) if entity else ()
                )
                parts[f"{kind}-place" if local == "placeName" else kind].append(party)
            elif local == "date" and kind == "sent" and not date:
                date = (
                    el.get("when")
                    or f"{el.get('notBefore') or el.get('from') or '..'}/{el.get('notAfter') or el.get('to') or '..'}"
                )
    return Letter(
        document.id, date, tuple(parts["sent"]), tuple(parts["received"]), tuple(parts["sent-place"]),
        tuple(parts["received-place"]),
    )  # fmt: skip


def letters_csv(rows: list[Letter]) -> bytes:
    """The letters as UTF-8 CSV: id, date, and for senders, addressees and both places the names and their
    authority URIs (several joined by ``; ``)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    groups = [f.name for f in fields(Letter)][2:]
    writer.writerow(["id", "date", *(c for g in groups for c in (g, f"{g}_ids"))])
    for letter in rows:
        cells = [letter.id, letter.date]
        for group in groups:
            parties: tuple[Party, ...] = getattr(letter, group)
            cells += [SEP.join(p.name for p in parties), SEP.join(" ".join(p.uris) for p in parties)]
        writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


def network_gexf(rows: list[Letter]) -> bytes:
    """The correspondence network as GEXF 1.3: a node per correspondent, a dated edge per letter and pair."""
    gexf = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS}, version="1.3")
    graph = etree.SubElement(gexf, f"{{{GEXF_NS}}}graph", defaultedgetype="directed", mode="dynamic", timeformat="date")
    attributes = etree.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": "node"})
    etree.SubElement(attributes, f"{{{GEXF_NS}}}attribute", id="uri", title="authority", type="string")
    nodes = etree.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    edges = etree.SubElement(graph, f"{{{GEXF_NS}}}edges")
    seen: dict[str, str] = {}
    for letter in rows:
        start = letter.date.split("/")[0]
        for sender in letter.senders:
            for addressee in letter.addressees:
                source, target = _node(nodes, seen, sender), _node(nodes, seen, addressee)
                edge = etree.SubElement(
                    edges,
                    f"{{{GEXF_NS}}}edge",
                    id=f"{letter.id}-{len(edges)}",
                    source=source,
                    target=target,
                    label=letter.id,
                )
                if start and start != "..":
                    edge.set("start", start)
                    edge.set(
                        "end",
                        letter.date.split("/")[-1] if "/" in letter.date and not letter.date.endswith("..") else start,
                    )
    return bytes(etree.tostring(gexf, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _node(nodes: etree._Element, seen: dict[str, str], party: Party) -> str:
    ident = party.key or f"name:{party.name}"
    if ident not in seen:
        seen[ident] = ident
        node = etree.SubElement(nodes, f"{{{GEXF_NS}}}node", id=ident, label=party.name)
        if party.uris:
            values = etree.SubElement(node, f"{{{GEXF_NS}}}attvalues")
            etree.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": "uri", "value": " ".join(party.uris)})
    return seen[ident]
