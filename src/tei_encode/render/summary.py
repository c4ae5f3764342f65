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

Summary = dict[str, Any]


def summarize(tree: etree._ElementTree | etree._Element, stem: str) -> Summary:
    """The facts of one document the index pages show, with links to ``{stem}.html``."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    entries = {e.get(f"{{{XML_NS}}}id"): e for e in _xpath(root, "//tei:person|//tei:place|//tei:org|//tei:personGrp")}
    mentions: dict[str, dict[str, Summary]] = {"people": {}, "places": {}}
    names = _xpath(
        root,
        "//tei:text//*[@ref or @key] | //tei:correspDesc//*[@ref or @key] | //tei:abstract//*[@ref or @key]"
        " | //tei:titleStmt/tei:title//*[@ref or @key]",
    )
    for name in names:
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
        "title": _text(root, "(//tei:titleStmt/tei:title)[1]") or stem,
        "lang": root.get(f"{{{XML_NS}}}lang", ""),
        "date": _date(root),
        "senders": _parties(root, "sent"),
        "addressees": _parties(root, "received"),
        "place": _parties(root, "sent", "tei:placeName"),
        "reference": _reference(root),
        "kind": _kind(root),
        "text": _search_text(root),
        "provenance": provenance(root),
        "people": [mentions["people"][k] for k in sorted(mentions["people"])],
        "places": [mentions["places"][k] for k in sorted(mentions["places"])],
    }


def _kind(root: etree._Element) -> str:
    """A collection index (it restates other documents' correspDesc), else the genre its title names."""
    if _xpath(root, "//tei:profileDesc/tei:correspDesc[@ref]"):
        return COLLECTION
    title = _text(root, "(//tei:titleStmt/tei:title)[1]").casefold()
    for word in _TITLE_WORD.findall(title)[:6]:
        if word in GENRES:
            return GENRES[word]
    return "Letter" if _xpath(root, OWN_CORRESPONDENCE) else "Document"


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
    found = _xpath(root, "(//tei:text[not(ancestor::tei:text)])[1]")
    parts: list[str] = []
    if found:
        _collect_reading(found[0], parts, top=True)
    return " ".join("".join(parts).split())


def _collect_reading(el: etree._Element, parts: list[str], top: bool = False) -> None:
    local = etree.QName(el).localname if isinstance(el.tag, str) else ""
    skipped = not isinstance(el.tag, str) or (not top and local in {"del", "note", "surplus", "fw", "pb"})
    if local in SEPARATE:
        parts.append(" ")
    if not skipped:
        if local == "choice":
            chosen = [c for c in el if etree.QName(c).localname in {"reg", "expan", "corr"}] or list(el)[:1]
            for child in chosen:
                _collect_reading(child, parts)
        else:
            parts.append(el.text or "")
            for child in el:
                _collect_reading(child, parts)
    if not top:
        parts.append(el.tail or "")


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
    local = etree.QName(name).localname
    if local == "placeName" or (local == "rs" and name.get("type") == "place"):
        return "places"
    if local in {"persName", "orgName", "name"} or (local == "rs" and name.get("type") in {"person", "org", None}):
        return "people"
    return None


def _entry_summary(key: str, entry: etree._Element | None, name: etree._Element) -> Summary:
    summary: Summary = {"key": key, "name": "", "kind": etree.QName(name).localname, "authority": [], "note": ""}
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


def _parties(
    root: etree._Element, kind: str, names: str = "*[self::tei:persName or self::tei:orgName]"
) -> list[Summary]:
    """The senders, addressees or places of the document itself, each once."""
    parties: list[Summary] = []
    for el in _xpath(root, f"{OWN_CORRESPONDENCE}/tei:correspAction[@type='{kind}']/{names}"):
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
