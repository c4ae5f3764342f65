"""Where a document comes from, as its TEI header says: the facts a page credits and cites.

The source's link and its own citation, the contributor and credits lines, the printed
collection it was published in, the licence (``publicationStmt/availability``), the
editorial principles (``editorialDecl``) and, for an index of letters, the files it lists
(``ref/@target``). Each is plain text or a list of strings, so it can be kept in a
summary and rendered by Python or serialised as JSON.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from ..xmlio import TEI_NS

NS = {"tei": TEI_NS}
URL = re.compile(r"https?://[^\s<>\"']+")
# An address written in the text of a note, as exports put it: "<https://...>".
BRACKETED_URL = re.compile(r"\s*<(https?://[^\s<>]+)>\s*")
_SOURCE_BIBL = "//tei:fileDesc/tei:sourceDesc//tei:bibl"

Provenance = dict[str, Any]


def provenance(root: etree._Element) -> Provenance:
    """The source facts of one TEI document (empty strings and lists where the header has none)."""
    notes = _xpath(root, f"{_SOURCE_BIBL}//tei:note")
    return {
        "url": _source_url(root),
        "citation": _first(root, f"{_SOURCE_BIBL}[@type='citation']", skip_notes=True),
        "contributor": _note(notes, "contributor"),
        "credits": _note(notes, "credits"),
        "printed": [_lines(b) for b in _xpath(root, f"{_SOURCE_BIBL}[not(@type='citation')]")],
        "licence": _licence(root),
        "editorial": [_flat(p) for p in _xpath(root, "//tei:encodingDesc/tei:editorialDecl/tei:p")],
        "members": members(root),
    }


def members(root: etree._Element) -> list[str]:
    """The stems of the TEI files an index of letters lists (``ref/@target`` naming a local ``.xml`` file
    in its text), in order, each once."""
    stems: list[str] = []
    for ref in _xpath(root, "//tei:text//tei:ref[@target]"):
        target = ((ref.get("target") or "").split() or [""])[0]
        if target.endswith(".xml") and ":" not in target and "#" not in target:
            stem = target.rsplit("/", 1)[-1].removesuffix(".xml")
            if stem and stem not in stems:
                stems.append(stem)
    return stems


@lru_cache(maxsize=64)
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=NS)


def _xpath(root: etree._Element, path: str) -> list[etree._Element]:
    found = _compiled(path)(root)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


def _flat(el: etree._Element, skip_notes: bool = False) -> str:
    """The text of ``el`` on one line (line breaks as spaces, notes left out when asked)."""
    parts: list[str] = []
    _collect(el, parts, skip_notes, top=True)
    return " ".join("".join(parts).split())


def _collect(el: etree._Element, parts: list[str], skip_notes: bool, top: bool = False) -> None:
    local = etree.QName(el).localname if isinstance(el.tag, str) else ""
    if isinstance(el.tag, str) and not (skip_notes and local == "note" and not top):
        parts.append("\n" if local == "lb" else el.text or "")
        for child in el:
            _collect(child, parts, skip_notes)
    if not top:
        parts.append(el.tail or "")


def _lines(el: etree._Element) -> str:
    """The text of ``el`` with its line breaks (``lb``) kept as newlines."""
    parts: list[str] = []
    _collect(el, parts, True, top=True)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip())


def _first(root: etree._Element, path: str, skip_notes: bool = False) -> str:
    found = _xpath(root, path)
    return _flat(found[0], skip_notes) if found else ""


def _note(notes: list[etree._Element], kind: str) -> str:
    texts = [BRACKETED_URL.sub(" ", _flat(n)).strip() for n in notes if n.get("type") == kind]
    return " ".join(t for t in texts if t)


def _source_url(root: etree._Element) -> str:
    """The first web address of the source description: a pointer's target, else one written in its text."""
    for el in _xpath(root, "//tei:fileDesc/tei:sourceDesc//*[self::tei:ref or self::tei:ptr][@target]"):
        found = URL.match(el.get("target") or "")
        if found:
            return found.group()
    for el in _xpath(root, "//tei:fileDesc/tei:sourceDesc//*[self::tei:bibl or self::tei:note]"):
        found = URL.search("".join(el.itertext()))
        if found:
            return found.group().rstrip(".,;)")
    return ""


def _licence(root: etree._Element) -> dict[str, str]:
    """The licence text and link of ``publicationStmt/availability``; empty when the TEI states none."""
    found = _xpath(root, "//tei:fileDesc/tei:publicationStmt/tei:availability")
    if not found:
        return {"text": "", "url": ""}
    licence = found[0].find(f"{{{TEI_NS}}}licence")
    url = (licence.get("target") or "").strip() if licence is not None else ""
    return {"text": _flat(found[0]) or url, "url": url if URL.fullmatch(url) else ""}
