"""CMIF, the Correspondence Metadata Interchange Format that correspSearch harvests.

One TEI file whose ``profileDesc`` holds a ``correspDesc`` per letter: who
sent it from where and when, who received it where (the letter's
``correspAction``, else the first place of the address the letter opens
with), names pointing to the authority URIs correspSearch indexes (GND or
VIAF for people and bodies, GeoNames for places; Wikidata stays in the
register), and the edition each letter comes from as a ``sourceDesc/bibl``
whose ``xml:id`` is a UUID derived from its text: a printed edition the
configuration describes in full, else the TEI's citation. Only documents with
a ``correspDesc`` are letters. The output depends on the input and the header
alone (no clock, no random ids), so a build gives the same bytes every time.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable

from lxml import etree

from ..diagnostics import Reporter
from ..register import AUTHORITY_URIS
from ..xmlio import NSMAP, TEI_NS, XML_NS, serialize, tei
from .edition import EDITION_FILE as EDITION_FILE  # where build finds the settings
from .edition import CmifHeader, PrintedSource, publication_when
from .entities import KIND_OF_NAME, NS, Entity, entities, ref_key, text_of
from .idsyntax import id_problem, scheme_of_uri

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_TEXT = "This file is licensed under the terms of the Creative Commons Licence CC BY 4.0"
DATING_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
UNKNOWN = "Unknown"
# The namespace of the bibl UUIDs: the same source text gives the same xml:id in every build.
BIBL_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tei-encode:cmif:bibl")
URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;)]")
# The authority files correspSearch indexes (its check warns of any other, W0000), by kind of name.
INDEXED = {"persName": ("gnd", "viaf"), "orgName": ("gnd", "viaf"), "placeName": ("geonames",)}


def _bibl(root: etree._Element, header: CmifHeader) -> etree._Element:
    """The CMIF ``bibl`` of a letter's source, with its name-based UUID as ``xml:id``: the printed edition the
    header describes, else the TEI's citation (with its first URL as a ``ref``)."""
    text, url = _source_text(root)
    printed = header.source_for(text)
    if printed is not None:
        bibl = _printed_bibl(printed)
    else:
        bibl = etree.Element(tei("bibl"), type="online" if url else "print")
        bibl.text = text
        if url:
            bibl.text += " "
            etree.SubElement(bibl, tei("ref"), target=url).text = url
    bibl.set(f"{{{XML_NS}}}id", bibl_uuid(" ".join("".join(bibl.itertext()).split())))
    return bibl


def _printed_bibl(source: PrintedSource) -> etree._Element:
    """``Editors (eds.): Title. Place: Publisher, Year.``, each part in the element CMIF allows in a ``bibl``
    (``placeName`` for the place, as CMIF has no ``pubPlace``; the year as text, as it has no ``date`` there)."""
    bibl = etree.Element(tei("bibl"), type="print")
    last: etree._Element | None = None

    def add(tag: str, text: str, before: str) -> None:
        nonlocal last
        if last is None:
            bibl.text = (bibl.text or "") + before
        else:
            last.tail = (last.tail or "") + before
        last = etree.SubElement(bibl, tei(tag))
        last.text = text

    for i, editor in enumerate(source.editors):
        add("editor", editor, ", " if i else "")
    add("title", source.title, " (eds.): " if source.editors else "")
    if source.place:
        add("placeName", source.place, ". ")
    if source.publisher:
        add("publisher", source.publisher, ": " if source.place else ". ")
    assert last is not None  # a source has a title
    last.tail = (", " if source.place or source.publisher else ". ") + source.year + "." if source.year else "."
    return bibl


def bibl_uuid(text: str) -> str:
    """A name-based UUID (version 5) for a source text, usable as ``xml:id``.

    An ``xml:id`` must not start with a digit, so the text is hashed again with a counter until the UUID
    starts with a letter: still a UUID, still the same for the same text.
    """
    attempt = 0
    while True:
        value = str(uuid.uuid5(BIBL_NAMESPACE, text if attempt == 0 else f"{text}\n{attempt}"))
        if value[0].isalpha():
            return value
        attempt += 1


def is_letter(root: etree._Element) -> bool:
    """Whether a TEI document describes a letter: its header has a ``correspDesc`` of its own.

    A ``correspDesc`` with ``@ref`` describes the document it points to (a collection index restates its letters'),
    not the one it is in.
    """
    return bool(root.xpath("tei:teiHeader/tei:profileDesc/tei:correspDesc[not(@ref)]", namespaces=NS))


def cmif_document(
    roots: Iterable[etree._Element], header: CmifHeader, reporter: Reporter | None = None
) -> etree._Element:
    """The CMIF ``TEI`` element for the letters among ``roots`` (TEI documents), in input order.

    Documents without a ``correspDesc`` are skipped with an info note to ``reporter``. ``roots`` is read
    once, so a generator keeps one document in memory at a time.
    """
    reporter = reporter if reporter is not None else Reporter()
    return cmif_from_parts(header, (parts for root in roots if (parts := letter_parts(root, header, reporter))))


def letter_parts(
    root: etree._Element, header: CmifHeader, reporter: Reporter
) -> tuple[etree._Element, etree._Element] | None:
    """What one TEI document gives the CMIF file: its source's ``bibl`` and its ``correspDesc`` (None if it is
    not a letter). A build keeps these per document, so a changed letter does not mean reading them all."""
    doc_id = _document_id(root)
    if not is_letter(root):
        reporter.info("cmif-not-a-letter", f"{doc_id}: no correspDesc; not a letter, left out of CMIF")
        return None
    bibl = _bibl(root, header)
    return bibl, _corresp_desc(root, doc_id, bibl.get(f"{{{XML_NS}}}id", ""), header, reporter)


def cmif_from_parts(header: CmifHeader, parts: Iterable[tuple[etree._Element, etree._Element]]) -> etree._Element:
    """The CMIF ``TEI`` element from the letters' parts, in order; one ``bibl`` per distinct source.

    The publication date is set last, from the hash of everything else (see ``publication_when``).
    """
    bibls: dict[str, etree._Element] = {}
    descs = []
    for bibl, desc in parts:
        bibls.setdefault(bibl.get(f"{{{XML_NS}}}id", ""), bibl)
        descs.append(desc)
    root = _cmif_tei(header, list(bibls.values()), descs)
    date = root.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date", NS)
    assert date is not None  # _cmif_tei writes it
    date.set("when", publication_when(header, content_hash(root)))
    return root


def content_hash(root: etree._Element) -> str:
    """The SHA-256 of a CMIF file's content: its bytes with the publication date left out."""
    date = root.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date", NS)
    when = date.attrib.pop("when", None) if date is not None else None
    try:
        return hashlib.sha256(serialize(root)).hexdigest()
    finally:
        if date is not None and when is not None:
            date.set("when", when)


def _cmif_tei(header: CmifHeader, bibls: list[etree._Element], descs: list[etree._Element]) -> etree._Element:
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    file_desc = etree.SubElement(etree.SubElement(root, tei("teiHeader")), tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    etree.SubElement(title_stmt, tei("title")).text = header.title
    for editor in header.editors:
        el = etree.SubElement(title_stmt, tei("editor"))
        el.text = editor.name
        if editor.email:
            el.text += " "
            etree.SubElement(el, tei("email")).text = editor.email
    publication = etree.SubElement(file_desc, tei("publicationStmt"))
    etree.SubElement(publication, tei("publisher")).text = header.publisher
    etree.SubElement(publication, tei("idno"), type="url").text = header.url
    etree.SubElement(publication, tei("date"))
    availability = etree.SubElement(publication, tei("availability"))
    etree.SubElement(availability, tei("licence"), target=LICENCE_URL).text = LICENCE_TEXT
    source_desc = etree.SubElement(file_desc, tei("sourceDesc"))
    if not bibls:
        # CMIF requires a bibl even in a file without letters; it is the file itself then.
        bibls = [etree.Element(tei("bibl"), type="online")]
        bibls[0].set(f"{{{XML_NS}}}id", bibl_uuid(header.title))
        bibls[0].text = header.title
    source_desc.extend(bibls)
    profile = etree.SubElement(root[0], tei("profileDesc"))
    profile.extend(descs)
    etree.SubElement(etree.SubElement(etree.SubElement(root, tei("text")), tei("body")), tei("p"))
    return root


def _corresp_desc(
    root: etree._Element, doc_id: str, bibl_id: str, header: CmifHeader, reporter: Reporter
) -> etree._Element:
    desc = etree.Element(tei("correspDesc"), key=_letter_key(root, doc_id), source=f"#{bibl_id}")
    if header.letter_url:
        desc.set("ref", header.letter_url.format(id=doc_id))
    known = entities(root)
    source_desc = root.find("tei:teiHeader/tei:profileDesc/tei:correspDesc", NS)  # a letter's own: see is_letter
    assert source_desc is not None  # is_letter() was checked by the caller
    for action_type in ("sent", "received"):
        actions = source_desc.findall(f"tei:correspAction[@type='{action_type}']", NS)
        action = etree.SubElement(desc, tei("correspAction"), type=action_type)
        for source_action in actions:
            action.extend(_action_parts(source_action, known))
        if action_type == "received" and action.find(tei("placeName")) is None:
            place = address_place(root)
            if place is not None:
                action.extend(_action_parts(place, known))
        if not action.xpath("tei:persName or tei:orgName", namespaces=NS):
            reporter.info("cmif-unknown-correspondent", f"{doc_id}: no {action_type} correspondent; noted as unknown")
            action.insert(0, _name("persName", UNKNOWN, None))
    return desc


def address_place(root: etree._Element) -> etree._Element | None:
    """The place a letter was sent to when its ``correspDesc`` does not say: the first place of the address it
    opens with (``Moscow - the Kremlin``: Moscow), wrapped as an action for ``_action_parts``."""
    places = root.xpath("(tei:text//tei:address)[1]//tei:placeName", namespaces=NS)
    if not places:
        return None
    action = etree.Element(tei("correspAction"))
    action.append(etree.fromstring(etree.tostring(places[0], with_tail=False)))
    return action


def _action_parts(action: etree._Element, known: dict[str, Entity]) -> list[etree._Element]:
    names: list[etree._Element] = []
    places: list[etree._Element] = []
    dates: list[etree._Element] = []
    for child in action:
        if not isinstance(child.tag, str) or not child.tag.startswith(f"{{{TEI_NS}}}"):
            continue
        local = etree.QName(child).localname
        if local in KIND_OF_NAME:
            entity = known.get(ref_key(child))
            part = _name(local, entity.name if entity else text_of(child), entity)
            (places if local == "placeName" else names).append(part)
        elif local == "date" and any(child.get(a) for a in DATING_ATTRIBUTES):
            date = etree.Element(tei("date"))
            for attribute in DATING_ATTRIBUTES:
                if child.get(attribute):
                    date.set(attribute, child.get(attribute, ""))
            # CMIF knows one degree of certainty, "low"; anything surer is a plain date there.
            if child.get("cert") == "low":
                date.set("cert", "low")
            dates.append(date)
    return names + places + dates


def _name(tag: str, text: str, entity: Entity | None) -> etree._Element:
    el = etree.Element(tei(tag))
    uri = indexed_uri(tag, entity) if entity is not None else ""
    if uri:
        el.set("ref", uri)
    el.text = text
    return el


def indexed_uri(tag: str, entity: Entity) -> str:
    """The first id of ``entity`` in an authority file correspSearch indexes for ``tag``, as the URI it expects
    (``http://d-nb.info/gnd/…``), if the id has the right form; else ""."""
    for scheme in INDEXED.get(tag, ()):
        for authority in entity.authorities:
            found, value = scheme_of_uri(authority.uri)
            if found == scheme and authority.scheme == scheme and not id_problem(scheme, value):
                return AUTHORITY_URIS[scheme].format(value)
    return ""


def _document_id(root: etree._Element) -> str:
    title = root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS)
    return root.get(f"{{{XML_NS}}}id") or (text_of(title) if title is not None else "(untitled)")


def _letter_key(root: etree._Element, doc_id: str) -> str:
    number = root.find("tei:text/tei:front//tei:idno[@type='document']", NS)
    return text_of(number) if number is not None and text_of(number) else doc_id


def _source_text(root: etree._Element) -> tuple[str, str]:
    """The edition a document comes from as one line of text, and the first URL in its citation."""
    bibl = root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl", NS)
    if bibl is None:
        title = root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS)
        return (text_of(title) if title is not None else _document_id(root)), ""
    lines: list[str] = []
    parts: list[str] = []
    for chunk in _bibl_chunks(bibl):
        if chunk is None:
            lines.append(" ".join("".join(parts).split()))
            parts = []
        else:
            parts.append(chunk)
    lines.append(" ".join("".join(parts).split()))
    text = " ".join(line if line.endswith(".") else f"{line}." for line in lines if line)
    url = URL.search(" ".join(bibl.itertext()))
    return text, url.group(0) if url else ""


def _bibl_chunks(bibl: etree._Element) -> list[str | None]:
    """The bibl's text outside notes, with ``None`` for each line break."""
    chunks: list[str | None] = [bibl.text or ""]
    for child in bibl:
        if child.tag == tei("lb"):
            chunks.append(None)
        elif child.tag != tei("note") and isinstance(child.tag, str):
            chunks.append("".join(child.itertext()))
        chunks.append(child.tail or "")
    return chunks
