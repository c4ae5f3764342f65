"""Several transcriptions of one text: which is the copy and which the draft, in div/@subtype."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.model import Block, Division, Document, span
from tei_encode.register import Register
from tei_encode.writers.tei import TeiWriter
from tei_encode.writers.witnesses import DECISION, witness_subtype
from tei_encode.xmlio import NSMAP

TEI = {"tei": NSMAP[None]}
STAMPED = Block("stamp", "КОПИЯ ИСХ. ТЕЛЕГРАММЫ")
TYPED = Block("dispatch", "отп. в 2 экз.")
CORRECTED = Block("p", "это при совершенно недопустимо", [span(7, 18, "del")])
PLAIN = Block("p", "это недопустимо")


@pytest.mark.parametrize(
    ("blocks", "subtype"),
    [
        ([STAMPED, PLAIN, TYPED], "typed-copy"),
        ([Block("stamp", "Copy No. 2"), PLAIN], "copy"),
        ([CORRECTED], "draft"),
        ([Block("p", "это при ", [span(4, 7, "add", place="above")])], "draft"),
        ([PLAIN], ""),
        ([STAMPED, CORRECTED], ""),
        ([Block("p", "снять копию с приказа"), PLAIN], ""),
    ],
    ids=["stamped-and-typed", "stamped", "deletion", "insertion", "neither", "both", "copy-in-running-text"],
)
def test_witness_subtype(blocks: list[Block], subtype: str) -> None:
    assert witness_subtype(Division("transcription", blocks)) == subtype


def _document(*divisions: Division) -> Document:
    return Document("cable", "cable.txt", "cable", "ru", Block("title", "Cable"), divisions=list(divisions))


def test_the_writer_types_transcriptions_only_when_there_are_several() -> None:
    copy, draft = Division("transcription", [STAMPED, PLAIN, TYPED]), Division("transcription", [CORRECTED])
    tree = TeiWriter().write(_document(copy, draft), Register({}), Reporter())
    assert tree.xpath("//tei:body/tei:div/@subtype", namespaces=TEI) == ["typed-copy", "draft"]
    assert DECISION in tree.xpath("//tei:editorialDecl/tei:p/text()", namespaces=TEI)
    alone = TeiWriter().write(_document(Division("transcription", [CORRECTED])), Register({}), Reporter())
    assert alone.xpath("//tei:body/tei:div/@subtype", namespaces=TEI) == []
    assert DECISION not in alone.xpath("//tei:editorialDecl/tei:p/text()", namespaces=TEI)
