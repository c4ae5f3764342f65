"""CMIF, the Correspondence Metadata Interchange Format that correspSearch harvests.

One TEI file whose ``profileDesc`` holds a ``correspDesc`` per letter: who
sent it from where and when, who received it, names pointing to authority URIs
(the first of GND, VIAF, GeoNames, Wikidata the register verified), and the
edition each letter comes from as a ``sourceDesc/bibl`` whose ``xml:id`` is a
UUID derived from its text. Only documents with a ``correspDesc`` are letters.
The output depends on the input and the header alone (no clock, no random
ids), so a build gives the same bytes every time.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from ..diagnostics import Reporter
from ..errors import TeiEncodeError
from ..xmlio import NSMAP, TEI_NS, XML_NS, tei
from .entities import KIND_OF_NAME, NS, Entity, entities, ref_key, text_of

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_TEXT = "This file is licensed under the terms of the Creative Commons Licence CC BY 4.0"
DATING_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
UNKNOWN = "Unknown"
DEFAULT_TITLE = "Correspondence metadata of the tei-encode corpus"
DEFAULT_EDITOR = "tei-encode project"
DEFAULT_PUBLISHER = "tei-encode project"
# The namespace of the bibl UUIDs: the same source text gives the same xml:id in every build.
BIBL_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tei-encode:cmif:bibl")
URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;)]")
W3C_DATE = re.compile(r"-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?")


class CmifError(TeiEncodeError, ValueError):
    """CMIF header data that cannot be used (a publication date that is not ISO 8601, none at all)."""


@dataclass(frozen=True)
class CmifHeader:
    """What CMIF requires of the file itself: title, editors, publisher, its own URL, date, licence."""

    date: str
    title: str = DEFAULT_TITLE
    editors: tuple[str, ...] = (DEFAULT_EDITOR,)
    publisher: str = DEFAULT_PUBLISHER
    url: str = "cmif.xml"
    letter_url: str = ""

    def __post_init__(self) -> None:
        if not W3C_DATE.fullmatch(self.date):
            raise CmifError(f"publication date {self.date!r} is not an ISO 8601 date (YYYY-MM-DD)")
        if not self.editors or not all(e.strip() for e in self.editors):
            raise CmifError("CMIF needs at least one editor")
        try:
            self.letter_url.format(id="x")
        except (KeyError, IndexError, ValueError) as exc:
            raise CmifError(f"letter URL {self.letter_url!r}: only {{id}} may be filled in") from exc


def _bibl(root: etree._Element) -> etree._Element:
    """The CMIF ``bibl`` of a letter's source text, with its name-based UUID as ``xml:id``."""
    text, url = _source_text(root)
    bibl = etree.Element(tei("bibl"), type="online" if url else "print")
    bibl.set(f"{{{XML_NS}}}id", bibl_uuid(text))
    bibl.text = text
    if url:
        bibl.text += " "
        etree.SubElement(bibl, tei("ref"), target=url).text = url
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


def publication_date(option: str | None, roots: Iterable[etree._Element], environ: Mapping[str, str]) -> str:
    """The CMIF publication date: ``option``, else ``SOURCE_DATE_EPOCH``, else the newest input date.

    The input dates are the ``publicationStmt/date`` of the TEI documents. Raises ``CmifError`` when
    there is none of these: the clock is never read, so a build is reproducible.
    """
    if option:
        return option
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
        except (ValueError, OverflowError) as exc:
            raise CmifError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from exc
    dates = [
        d.get("when", "")
        for root in roots
        for d in root.iterfind("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date", NS)
        if W3C_DATE.fullmatch(d.get("when", ""))
    ]
    if not dates:
        raise CmifError("no publication date: give one (--date) or set SOURCE_DATE_EPOCH")
    return str(max(dates))


EDITION_FILE = "cmif.json"
EDITION_KEYS = {"title", "editors", "publisher", "url", "date", "letter_url"}


def edition_header(path: Path, environ: Mapping[str, str]) -> CmifHeader | None:
    """The CMIF header a corpus describes in ``cmif.json`` (title, editors, publisher, url, date,
    letter_url), or None when it has no such file. ``SOURCE_DATE_EPOCH`` overrides its date."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CmifError(f"{path}: cannot read the edition's CMIF metadata: {exc}") from exc
    if not isinstance(data, dict) or not set(data) <= EDITION_KEYS or not isinstance(data.get("date"), str):
        raise CmifError(f"{path}: expected an object with a date and only {', '.join(sorted(EDITION_KEYS))}")
    date = publication_date(None, [], environ) if environ.get("SOURCE_DATE_EPOCH") else data["date"]
    fields = {k: v for k, v in data.items() if k not in ("date", "editors")}
    editors = tuple(data.get("editors", (DEFAULT_EDITOR,)))
    return CmifHeader(date=date, editors=editors, **fields)


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
    bibl = _bibl(root)
    return bibl, _corresp_desc(root, doc_id, bibl.get(f"{{{XML_NS}}}id", ""), header, reporter)


def cmif_from_parts(header: CmifHeader, parts: Iterable[tuple[etree._Element, etree._Element]]) -> etree._Element:
    """The CMIF ``TEI`` element from the letters' parts, in order; one ``bibl`` per distinct source."""
    bibls: dict[str, etree._Element] = {}
    descs = []
    for bibl, desc in parts:
        bibls.setdefault(bibl.get(f"{{{XML_NS}}}id", ""), bibl)
        descs.append(desc)
    return _cmif_tei(header, list(bibls.values()), descs)


def _cmif_tei(header: CmifHeader, bibls: list[etree._Element], descs: list[etree._Element]) -> etree._Element:
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    file_desc = etree.SubElement(etree.SubElement(root, tei("teiHeader")), tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    etree.SubElement(title_stmt, tei("title")).text = header.title
    for editor in header.editors:
        etree.SubElement(title_stmt, tei("editor")).text = editor
    publication = etree.SubElement(file_desc, tei("publicationStmt"))
    etree.SubElement(publication, tei("publisher")).text = header.publisher
    etree.SubElement(publication, tei("idno"), type="url").text = header.url
    etree.SubElement(publication, tei("date"), when=header.date)
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
        if not len(action) or all(child.tag == tei("date") for child in action):
            reporter.info("cmif-unknown-correspondent", f"{doc_id}: no {action_type} correspondent; noted as unknown")
            action.insert(0, _name("persName", UNKNOWN, None))
    return desc


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
    if entity is not None and entity.uris:
        el.set("ref", entity.uris[0])
    el.text = text
    return el


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
