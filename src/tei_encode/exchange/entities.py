"""The people, places and organisations a TEI document points to, with their authority URIs.

A name's ``@ref="#key"`` points to an entry of the document's ``standOff``
(copied there from the register); the entry's ``idno type="URI"`` elements
carry the authority URIs, ``@subtype`` the authority file and ``@source`` the
public page the id was verified from.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..xmlio import TEI_NS, XML_NS

NS = {"tei": TEI_NS}
ENTRY_KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}
KIND_OF_NAME = {name: kind for kind, name in ENTRY_KINDS.items()}
# The order authority URIs are listed in (exports, the register check): the files of people, then places.
PREFERRED_AUTHORITIES = ("gnd", "viaf", "geonames", "wikidata")


@dataclass(frozen=True)
class AuthorityRef:
    """One authority id of an entry: the authority file, the URI and where it was verified."""

    scheme: str
    uri: str
    source: str = ""


@dataclass(frozen=True)
class Entity:
    """A ``standOff`` entry: key, kind, main name and authority ids."""

    key: str
    kind: str
    name: str
    authorities: tuple[AuthorityRef, ...] = ()

    @property
    def uris(self) -> list[str]:
        """The authority URIs, preferred first (see ``PREFERRED_AUTHORITIES``), then in document order."""
        rank = {scheme: i for i, scheme in enumerate(PREFERRED_AUTHORITIES)}
        ordered = sorted(self.authorities, key=lambda a: rank.get(a.scheme, len(rank)))
        return [a.uri for a in ordered]


def text_of(el: etree._Element) -> str:
    """The element's text with whitespace normalised."""
    return " ".join("".join(el.itertext()).split())


def entities(root: etree._Element) -> dict[str, Entity]:
    """Every ``standOff`` entry of a TEI document, by key."""
    found = {}
    for kind, name_tag in ENTRY_KINDS.items():
        for el in root.iterfind(f"tei:standOff//tei:{kind}", NS):
            key = el.get(f"{{{XML_NS}}}id")
            if not key:
                continue
            names = el.findall(f"tei:{name_tag}", NS)
            main = [n for n in names if n.get("type") == "main"] or names
            authorities = tuple(
                AuthorityRef(i.get("subtype", ""), (i.text or "").strip(), i.get("source", ""))
                for i in el.iterfind("tei:idno", NS)
                if i.get("type") == "URI" and (i.text or "").strip()
            )
            found[key] = Entity(key, kind, text_of(main[0]) if main else key, authorities)
    return found


def ref_key(el: etree._Element) -> str:
    """The key a name's ``@ref`` points to inside the document (``#Stalin`` -> ``Stalin``), else ``""``."""
    ref = (el.get("ref") or "").strip()
    return ref[1:] if ref.startswith("#") and " " not in ref else ""
