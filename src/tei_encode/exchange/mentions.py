"""The mentions of a TEI corpus as a table: people, places, organisations, dates and identifiers.

One row per ``persName``, ``placeName``, ``orgName``, ``date`` and outermost
``idno`` in a document's ``text`` and in the transcribed citation of its
source (``sourceDesc/bibl``): the header's restatements (``correspDesc``,
``msDesc``) and the ``standOff`` lists are left out. Each row says where the
mention is: the element's XPath, its line in the TEI file and the offset (in
characters) of its first character in the string value of the enclosing
``text`` or ``bibl``, and in which zone it is: the edition's ``title``, the
running ``text``, an editor's ``note``, an archival ``citation``, or the
``header`` (the source citation). Rows follow the documents in input order, then document
order, so the same input gives the same table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

from lxml import etree

from ..xmlio import TEI_NS
from .entities import KIND_OF_NAME, NS, Entity, entities, ref_key, text_of
from .inputs import TeiDocument

MENTION_KINDS = {**KIND_OF_NAME, "date": "date", "idno": "idno"}
PARTS = ("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl", "tei:text")
FORMATS = ("json", "csv")


@dataclass(frozen=True)
class Mention:
    """One marked-up mention and where it is."""

    document: str
    kind: str
    type: str
    text: str
    value: str
    key: str
    authority: str
    xpath: str
    line: int
    offset: int
    zone: str


def iter_mentions(document: TeiDocument) -> list[Mention]:
    """The mentions of one document, in document order."""
    known = entities(document.root)
    found = []
    for part_path in PARTS:
        for part in document.root.iterfind(part_path, NS):
            for el, offset in _offsets(part).items():
                if _is_mention(el):
                    found.append(_mention(document, el, offset, known))
    return found


def mentions(documents: Iterable[TeiDocument]) -> list[Mention]:
    """The mentions of every document, documents in input order."""
    return [m for document in documents for m in iter_mentions(document)]


def to_json(rows: list[Mention]) -> bytes:
    """The mentions as a UTF-8 JSON array of objects, one per mention."""
    text = json.dumps([asdict(m) for m in rows], ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def to_csv(rows: list[Mention]) -> bytes:
    """The mentions as UTF-8 CSV with a header row (RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in fields(Mention)])
    writer.writerows([getattr(m, f.name) for f in fields(Mention)] for m in rows)
    return buffer.getvalue().encode("utf-8")


def _is_mention(el: etree._Element) -> bool:
    local = etree.QName(el).localname
    if local not in MENTION_KINDS:
        return False
    # Archival citations nest their parts (fond, opis ...) as idno: the citation is one mention.
    return not (local == "idno" and el.getparent() is not None and el.getparent().tag == el.tag)


def _mention(document: TeiDocument, el: etree._Element, offset: int, known: dict[str, Entity]) -> Mention:
    local = etree.QName(el).localname
    kind = MENTION_KINDS[local]
    key, authority = "", ""
    if local in KIND_OF_NAME:
        key = ref_key(el)
        entity = known.get(key)
        authority = " ".join(entity.uris) if entity else ""
        value = key
    elif local == "date":
        value = _date_value(el)
    else:
        value = _idno_value(el)
    return Mention(
        document.id,
        kind,
        el.get("type", ""),
        text_of(el),
        value,
        key,
        authority,
        xpath(el),
        el.sourceline or 0,
        offset,
        zone(el),
    )


def zone(el: etree._Element) -> str:
    """Where a mention is: ``citation`` (an archival citation), ``note`` (an editor's or author's note),
    ``title`` (the front matter: document title and date), ``header`` (the teiHeader) or ``text``."""
    for ancestor in el.iterancestors():
        local = etree.QName(ancestor).localname
        if local == "note":
            return "citation" if ancestor.get("type") == "citation" else "note"
        if local == "front":
            return "title"
        if local == "teiHeader":
            return "header"
    return "text"


def _date_value(el: etree._Element) -> str:
    """``@when``, else an ISO 8601 interval ``start/end`` from notBefore/notAfter or from/to (``..`` if open)."""
    when = el.get("when")
    if when:
        return str(when)
    start = el.get("notBefore") or el.get("from") or ""
    end = el.get("notAfter") or el.get("to") or ""
    return f"{start or '..'}/{end or '..'}" if start or end else ""


def _idno_value(el: etree._Element) -> str:
    """A plain identifier's text; for a citation of typed parts, ``type=value`` pairs joined by ``; ``."""
    parts = el.findall("tei:idno", NS)
    if not parts:
        return text_of(el)
    return "; ".join(f"{p.get('type', '')}={text_of(p)}" for p in parts)


def xpath(el: etree._Element) -> str:
    """An XPath to ``el`` with the ``tei:`` prefix, positions only where a sibling has the same name."""
    steps = []
    node: etree._Element | None = el
    while node is not None:
        parent = node.getparent()
        step = f"tei:{etree.QName(node).localname}" if node.tag.startswith(f"{{{TEI_NS}}}") else node.tag
        if parent is not None:
            same = [s for s in parent if s.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


def _offsets(part: etree._Element) -> dict[etree._Element, int]:
    """Each element inside ``part`` with the offset of its start in the string value of ``part``."""
    offsets: dict[etree._Element, int] = {}
    position = 0

    def walk(el: etree._Element) -> None:
        nonlocal position
        offsets[el] = position
        position += len(el.text or "")
        for child in el:
            # Comments and processing instructions are not part of the string value; their tails are.
            if isinstance(child.tag, str):
                walk(child)
            position += len(child.tail or "")

    walk(part)
    return offsets
