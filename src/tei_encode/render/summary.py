"""What the index pages need to know of one TEI document, as JSON-serialisable data.

A summary holds the title, the date (ISO value, display form, sort key), senders,
addressees, place of writing, archival reference, and every person and place the
document names, with their register entry (canonical name, authority URIs, note)
and the forms in which the document writes them. Builds cache summaries, so the
index pages can be made again without parsing unchanged documents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from ..xmlio import TEI_NS, XML_NS
from .provenance import provenance

NS = {"tei": TEI_NS}
# Characters of @key replaced by "_" to make a fragment identifier; text.xsl does the same.
UNSAFE_KEY_CHARACTERS = " #%?/\\\"<>'()[]{}|^`"
_KEY_TABLE = str.maketrans(UNSAFE_KEY_CHARACTERS, "_" * len(UNSAFE_KEY_CHARACTERS))
REFERENCE_LABELS = {"fond": "f.", "opis": "op.", "papka": "p.", "delo": "d.", "folios": "ll.", "folio": "l."}
# Elements that stand apart from their neighbours in the text (a space between them and the next).
SEPARATE = {"p", "ab", "head", "item", "salute", "signed", "dateline", "addrLine", "docTitle", "titlePart", "docDate"}
SEPARATE |= {"stamp", "seg", "opener", "closer", "div", "lb", "cell", "l"}
# Folios that name more than one leaf (a range or a list), labelled "ll." rather than "l.".
SEVERAL_LEAVES = re.compile(r"[-–—,;]|\s(?:and|и)\s")
NAME_TAGS = {"persName", "placeName", "orgName", "name"}
UNDATED = "9999"
COLLECTION = "Collection index"
# The kind of a document, from the first word of its title that names one (English and Russian).
GENRES = {
    "cable": "Cable", "telegram": "Telegram", "телеграмма": "Telegram", "шифртелеграмма": "Cable",
    "letter": "Letter", "письмо": "Letter", "note": "Note", "записка": "Note", "memorandum": "Memorandum",
    "report": "Report", "доклад": "Report", "record": "Record of conversation", "запись": "Record of conversation",
    "minutes": "Minutes", "протокол": "Minutes", "resolution": "Resolution", "постановление": "Resolution",
    "directive": "Directive", "директива": "Directive", "order": "Order", "приказ": "Order",
}  # fmt: skip
_TITLE_WORD = re.compile(r"\w+")
_IDNO, _NOTE = f"{{{TEI_NS}}}idno", f"{{{TEI_NS}}}note"
# The correspDesc of the document itself: the only one, or those not pointing (@ref) to another
# document, as an index of letters restates theirs.
OWN_CORRESPONDENCE = "//tei:correspDesc[count(//tei:correspDesc) = 1 or not(@ref)]"
_ID = f"{{{XML_NS}}}id"
_ENTRY_TAGS = tuple(f"{{{TEI_NS}}}{t}" for t in ("person", "place", "org", "personGrp"))
_TEXT, _TITLE, _TITLE_STMT = f"{{{TEI_NS}}}text", f"{{{TEI_NS}}}title", f"{{{TEI_NS}}}titleStmt"
_CORRESP_DESC, _CORRESP_ACTION = f"{{{TEI_NS}}}correspDesc", f"{{{TEI_NS}}}correspAction"
_PROFILE_DESC, _PLACE_NAME = f"{{{TEI_NS}}}profileDesc", f"{{{TEI_NS}}}placeName"
_PARTY_TAGS = (f"{{{TEI_NS}}}persName", f"{{{TEI_NS}}}orgName")
_NAME_CONTAINERS = (_TEXT, _CORRESP_DESC, f"{{{TEI_NS}}}abstract", _TITLE)

Summary = dict[str, Any]


def summarize(tree: etree._ElementTree | etree._Element, stem: str) -> Summary:
    """The facts of one document the index pages show, with links to ``{stem}.html``."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    entries = {e.get(_ID): e for e in root.iter(*_ENTRY_TAGS)}
    mentions: dict[str, dict[str, Summary]] = {"people": {}, "places": {}}
    own = _own_correspondence(root)
    for name in _names(root):
        index = _index_of(name)
        key = entry_id(name)
        if index is None or not key:
            continue
        entry = mentions[index].get(key)
        if entry is None:  # the first mention of an entry makes its summary
            entry = mentions[index][key] = _entry_summary(key, entries.get(key), name)
        variant = {"text": reading_text(name), "lang": _lang(name)}
        if variant["text"] and variant not in entry["variants"]:
            entry["variants"].append(variant)
    return {
        "stem": stem,
        "href": f"{stem}.html",
        "title": _title(root) or stem,
        "lang": root.get(f"{{{XML_NS}}}lang", ""),
        "date": _date(root),
        "senders": _parties(own, "sent", _PARTY_TAGS),
        "addressees": _parties(own, "received", _PARTY_TAGS),
        "place": _parties(own, "sent", (_PLACE_NAME,)),
        "reference": _reference(root),
        "kind": _kind(root, own),
        "text": _search_text(root),
        "provenance": provenance(root),
        "people": [mentions["people"][k] for k in sorted(mentions["people"])],
        "places": [mentions["places"][k] for k in sorted(mentions["places"])],
    }


def _kind(root: etree._Element, own: list[etree._Element]) -> str:
    """A collection index (it restates other documents' correspDesc), else the genre its title names."""
    if any(c.get("ref") is not None and _tag(c.getparent()) == _PROFILE_DESC for c in root.iter(_CORRESP_DESC)):
        return COLLECTION
    title = _title(root).casefold()
    for word in _TITLE_WORD.findall(title)[:6]:
        if word in GENRES:
            return GENRES[word]
    return "Letter" if own else "Document"


def _tag(el: etree._Element | None) -> object:
    return None if el is None else el.tag


def _own_correspondence(root: etree._Element) -> list[etree._Element]:
    """The elements ``OWN_CORRESPONDENCE`` selects, found without XPath (called for every document)."""
    found = list(root.iter(_CORRESP_DESC))
    return found if len(found) == 1 else [c for c in found if c.get("ref") is None]


def _title(root: etree._Element) -> str:
    """The reading text of the first ``titleStmt/title``."""
    for title in root.iter(_TITLE):
        if _tag(title.getparent()) == _TITLE_STMT:
            return reading_text(title)
    return ""


def _names(root: etree._Element) -> list[etree._Element]:
    """The elements with ``@ref`` or ``@key`` inside a ``text``, a ``correspDesc``, an ``abstract`` or the
    ``titleStmt``'s ``title``s, in document order."""
    found: list[etree._Element] = []
    outer: etree._Element | None = None  # the last container taken; those inside it are searched with it
    for container in root.iter(*_NAME_CONTAINERS):
        if container.tag == _TITLE and _tag(container.getparent()) != _TITLE_STMT:
            continue
        if outer is not None and any(a is outer for a in container.iterancestors()):
            continue
        outer = container
        found += [
            el
            for el in container.iterdescendants()
            if isinstance(el.tag, str) and (el.get("ref") is not None or el.get("key") is not None)
        ]
    return found


def entry_id(name: etree._Element) -> str:
    """The id of the index entry a name points to: its local ``@ref`` target, else its ``@key`` made safe."""
    ref = " ".join((name.get("ref") or "").split())
    if ref.startswith("#"):
        return ref[1:].split(" ")[0]
    key = " ".join((name.get("key") or "").split())
    return f"key-{key.translate(_KEY_TABLE)}" if key else ""


def reading_text(el: etree._Element) -> str:
    """The text of ``el`` as the reading view gives it: no deletions or notes, regularised readings."""
    parts: list[str] = []
    _collect_reading(el, parts, top=True)
    return " ".join("".join(parts).split())


def _search_text(root: etree._Element) -> str:
    """The reading text of the document's text, its blocks apart, for full-text search."""
    text = next(root.iter(_TEXT), None)  # the first text in document order is inside no other
    parts: list[str] = []
    if text is not None:
        _collect_reading(text, parts, top=True)
    return " ".join("".join(parts).split())


def _collect_reading(el: etree._Element, parts: list[str], top: bool = False) -> None:
    local = _local(el)
    skipped = not local or (not top and local in _LEFT_OUT)
    if local in SEPARATE:
        parts.append(" ")
    if not skipped:
        if local == "choice":
            chosen = [c for c in el if _local(c) in _CHOSEN] or list(el)[:1]
            for child in chosen:
                _collect_reading(child, parts)
        else:
            parts.append(el.text or "")
            for child in el:
                _collect_reading(child, parts)
    if not top:
        parts.append(el.tail or "")


# What the reading view leaves out, and the reading of a choice it gives.
_LEFT_OUT = frozenset({"del", "note", "surplus", "fw", "pb"})
_CHOSEN = frozenset({"reg", "expan", "corr"})


def _local(el: etree._Element) -> str:
    """The local name of an element (as ``etree.QName(el).localname``, cheaper); ``""`` for a comment or PI."""
    tag = el.tag
    return tag[tag.rfind("}") + 1 :] if isinstance(tag, str) else ""


@lru_cache(maxsize=128)
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=NS)


def _xpath(root: etree._Element, path: str) -> list[etree._Element]:
    result = _compiled(path)(root)
    assert isinstance(result, list)
    return [e for e in result if isinstance(e, etree._Element)]


def _text(root: etree._Element, path: str) -> str:
    found = _xpath(root, path)
    return reading_text(found[0]) if found else ""


def _lang(el: etree._Element) -> str:
    for node in (el, *el.iterancestors()):
        lang = node.get(f"{{{XML_NS}}}lang")
        if lang:
            return str(lang)
    return ""


def _index_of(name: etree._Element) -> str | None:
    local = _local(name)
    if local == "placeName" or (local == "rs" and name.get("type") == "place"):
        return "places"
    if local in {"persName", "orgName", "name"} or (local == "rs" and name.get("type") in {"person", "org", None}):
        return "people"
    return None


def _entry_summary(key: str, entry: etree._Element | None, name: etree._Element) -> Summary:
    summary: Summary = {"key": key, "name": "", "kind": _local(name), "authority": [], "note": ""}
    summary["sources"] = []
    summary["names"] = []
    if entry is not None:
        summary.update(_entry_facts(key, etree.tostring(entry, with_tail=False), entry))
    if not summary["name"]:
        summary["name"] = " ".join((name.get("key") or "").split()) or reading_text(name) or key
    summary["variants"] = []
    return summary


_FACTS: dict[tuple[str, bytes], Summary] = {}
FACTS_KEPT = 4096


def _entry_facts(key: str, written: bytes, entry: etree._Element) -> Summary:
    """What a register entry (``written``: its markup) says of itself: kept, as the same entries recur in document
    after document (the oldest forgotten past ``FACTS_KEPT``)."""
    facts = _FACTS.get((key, written))
    if facts is None:
        forms = [c for c in entry if isinstance(c.tag, str) and etree.QName(c).localname in NAME_TAGS]
        main = [f for f in forms if f.get("type") == "main"] or forms
        uris = [c for c in entry.iterchildren(_IDNO) if c.get("type") == "URI" and c.text]
        note = entry.find(_NOTE)
        facts = {
            "name": reading_text(main[0]) if main else "",
            "kind": etree.QName(entry).localname,
            "authority": [" ".join(i.text.split()) for i in uris] + entry.get("sameAs", "").split(),
            "note": reading_text(note) if note is not None else "",
            "sources": sorted({" ".join(i.get("source", "").split()) for i in uris} - {""}),
            "names": list(dict.fromkeys(n for n in map(reading_text, forms) if n)),
        }
        if len(_FACTS) >= FACTS_KEPT:
            del _FACTS[next(iter(_FACTS))]
        _FACTS[key, written] = facts
    return facts


def _party(el: etree._Element) -> Summary:
    return {"name": reading_text(el), "key": entry_id(el)}


def _parties(own: list[etree._Element], kind: str, tags: tuple[str, ...]) -> list[Summary]:
    """The senders, addressees or places of the document itself (names of ``tags`` in the ``correspAction`` of
    type ``kind`` of its own ``correspDesc``), each once."""
    parties: list[Summary] = []
    for action in (a for c in own for a in c.iterchildren(_CORRESP_ACTION) if a.get("type") == kind):
        for el in action.iterchildren(*tags):
            party = _party(el)
            if party not in parties:
                parties.append(party)
    return parties


def _date(root: etree._Element) -> Summary:
    candidates = _xpath(
        root,
        f"(//tei:msDesc//tei:origDate | {OWN_CORRESPONDENCE}/tei:correspAction[@type='sent']/tei:date"
        " | //tei:text/tei:front//tei:docDate"
        " | //tei:text/tei:front//tei:docDate//tei:date)[@when or @notBefore or @from]",
    )
    iso = ""
    if candidates:
        first = candidates[0]
        iso = first.get("when") or first.get("notBefore") or first.get("from") or ""
        if not first.get("when") and (first.get("notAfter") or first.get("to")):
            iso = f"{iso}/{first.get('notAfter') or first.get('to')}"
    display = _text(root, "(//tei:text/tei:front//tei:docDate)[1]") or _text(
        root, f"({OWN_CORRESPONDENCE}/tei:correspAction[@type='sent']/tei:date)[1]"
    )
    return {"iso": iso, "display": display or iso or "undated", "sort": iso.split("/")[0] or UNDATED}


def _reference(root: etree._Element) -> str:
    found = _xpath(root, "(//tei:msDesc/tei:msIdentifier)[1]")
    if not found:
        return ""
    parts = []
    for child in found[0]:
        if not isinstance(child.tag, str) or not (child.text or "").strip():
            continue
        text = " ".join("".join(child.itertext()).split())
        label = REFERENCE_LABELS.get(child.get("type", "")) if etree.QName(child).localname == "idno" else None
        if label == "ll." and not SEVERAL_LEAVES.search(text):
            label = "l."
        parts.append(f"{label} {text}" if label else text)
    return ", ".join(parts)
