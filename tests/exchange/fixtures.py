"""Made-up TEI letters for the exchange tests, built from a template."""

from __future__ import annotations

from pathlib import Path

TEI_LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}"><teiHeader><fileDesc>
<titleStmt><title>{title}</title></titleStmt>
<publicationStmt><p>p</p>{pubdate}</publicationStmt>
<sourceDesc><bibl type="printed-collection">Letters of Anna<lb/>Volume 1. 1901</bibl></sourceDesc></fileDesc>
<profileDesc>{corresp}</profileDesc></teiHeader>
<standOff><listPerson>
<person xml:id="Anna"><persName type="main" xml:lang="en">Anna Example</persName><persName>Anna</persName>
<idno type="URI" subtype="wikidata" source="https://example.org/a">http://www.wikidata.org/entity/Q1</idno>
<idno type="URI" subtype="gnd" source="https://example.org/b">http://d-nb.info/gnd/118540238</idno></person>
<person xml:id="Boris"><persName type="main">Boris Example</persName></person>
</listPerson><listPlace>
<place xml:id="Tver"><placeName type="main">Tver</placeName>
<idno type="URI" subtype="wikidata" source="https://example.org/t">http://www.wikidata.org/entity/Q2</idno></place>
</listPlace></standOff>
<text><body><p>From <persName ref="#Anna">Anna</persName> in <placeName ref="#Tver">Tver</placeName> to
<persName ref="#Boris">Boris</persName> and <persName>Vera</persName>, <date notBefore="1901-05-01"
notAfter="1901-05-10">early May</date>, <idno type="archival"><idno type="fond">1</idno>/<idno
type="delo">2</idno></idno>.</p></body></text></TEI>
"""

CORRESP = (
    '<correspDesc><correspAction type="sent"><persName ref="#Anna">Anna</persName>'
    '<placeName ref="#Tver">Tver</placeName><date notBefore="1901-05-01" notAfter="1901-05-10"/></correspAction>'
    '<correspAction type="received"><persName ref="#Boris">Boris</persName><persName>Vera</persName>'
    "</correspAction></correspDesc>"
)


def write_letter(
    directory: Path, doc_id: str, corresp: str = CORRESP, pubdate: str = "", title: str = "A letter"
) -> Path:
    """A TEI file ``<doc_id>.xml`` in ``directory``."""
    path = directory / f"{doc_id}.xml"
    path.write_text(TEI_LETTER.format(id=doc_id, title=title, corresp=corresp, pubdate=pubdate), encoding="utf-8")
    return path
