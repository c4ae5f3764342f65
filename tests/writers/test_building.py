"""Building TEI: inline text and spans, register entries copied into standOff."""

from __future__ import annotations

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.model import Block, Division, Document, Span, span
from tei_encode.register import Authority, Entry, Name, Register
from tei_encode.writers.inline import _inside_word, render
from tei_encode.writers.standoff import standoff
from tei_encode.writers.tei import TeiWriter
from tei_encode.xmlio import NSMAP, tei

TEI_NS = NSMAP[None]


@pytest.mark.parametrize(
    ("text", "at", "inside"),
    [("Georgiaalready", 7, True), ("Georgia already", 7, False), ("x_1", 1, True), ("Сталину", 6, True),
     ("ab", 0, False), ("ab", 2, False), ("a-b", 1, False)],
    ids=["latin", "space", "underscore-digit", "cyrillic", "start", "end", "hyphen"],
)  # fmt: skip
def test_a_boundary_inside_a_word(text: str, at: int, inside: bool) -> None:
    assert _inside_word(text, at) is inside


def _rendered(text: str, spans: list[Span]) -> str:
    root = etree.Element(tei("p"), nsmap=NSMAP)
    render(root, text, spans, Reporter(), lambda _span: {})
    return etree.tostring(root, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "")


@pytest.mark.parametrize(
    ("text", "spans", "xml"),
    [
        ("", [], "<p/>"),
        ("plain", [], "<p>plain</p>"),
        ("two\nlines", [], "<p>two<lb/>lines</p>"),
        ("to Stalin now", [span(3, 9, "person", ref="#Stalin")],
         '<p>to <persName ref="#Stalin">Stalin</persName> now</p>'),
        ("Georgiaalready", [span(0, 7, "place")], "<p><choice><orig>Georgiaalready</orig><reg><placeName>Georgia"
         "</placeName> already</reg></choice></p>"),
        ("a\n[...] b", [span(2, 7, "gap", reason="omitted")],
         '<p>a<lb/><gap reason="omitted"><desc>[...]</desc></gap> b</p>'),
        ("del0Stalin", [span(0, 3, "del"), span(4, 10, "person")],
         "<p><del>del</del><choice><orig>0Stalin</orig><reg>0 <persName>Stalin</persName></reg></choice></p>"),
        ("0Stalin", [span(0, 1, "add"), span(1, 7, "person")], "<p><add>0</add><persName>Stalin</persName></p>"),
        ("Stalin0x", [span(0, 6, "person"), span(7, 8, "add")],
         "<p><choice><orig>Stalin0</orig><reg><persName>Stalin</persName> 0</reg></choice><add>x</add></p>"),
    ],
    ids=["empty", "plain", "line-break", "span", "glued-word", "gap", "deletion-before-glued-word",
         "insertion-right-before-a-name", "insertion-after-glued-word"],
)  # fmt: skip
def test_inline_rendering(text: str, spans: list[Span], xml: str) -> None:
    assert _rendered(text, spans) == xml


@pytest.mark.parametrize(
    ("text", "spans", "xml"),
    [
        ("1 Dec 27 Nov", [span(0, 12, "subst"), span(0, 5, "del"), span(0, 5, "date", when="1950-12-01"),
                                 span(6, 12, "add"), span(6, 12, "date", when="1950-11-27")],
         '<p><subst><del><date when="1950-12-01">1 Dec</date></del> <add><date when="1950-11-27">27 Nov</date></add>'
         "</subst></p>"),
        ("Mukden", [span(0, 6, "place", ref="#Shenyang"), span(0, 6, "del")],
         '<p><del><placeName ref="#Shenyang">Mukden</placeName></del></p>'),
        ("del 27 Nov 1950", [span(0, 10, "subst"), span(0, 3, "del"), span(4, 10, "add"),
                             span(4, 15, "date", when="1950-11-27")],
         '<p><subst><del>del</del> <add><date when="1950-11-27">27 Nov</date></add></subst> 1950</p>'),
        ("on 27 Nov 1950", [span(0, 2, "add"), span(3, 14, "date", when="1950-11-27")],
         '<p><add>on</add> <date when="1950-11-27">27 Nov 1950</date></p>'),
    ],
    ids=["dates-struck-out-and-inserted", "place-struck-out", "date-running-past-an-insertion",
         "date-after-an-insertion"],
)  # fmt: skip
def test_corrections_hold_the_names_and_dates_they_change(text: str, spans: list[Span], xml: str) -> None:
    assert _rendered(text, spans) == xml


def _register() -> Register:
    stalin = Entry(
        "Stalin",
        "person",
        (Name("Stalin", "en", "main"), Name("Сталин", "ru")),
        (Authority("wikidata", "Q855", "https://www.wikidata.org/wiki/Q855"),),
    )
    return Register({"Stalin": stalin, "Moscow": Entry("Moscow", "place", (Name("Moscow"),), note="capital")})


def _document(*refs: str) -> etree._Element:
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    text = etree.SubElement(root, tei("text"))
    for ref in refs:
        etree.SubElement(text, tei("name"), ref=ref)
    return root


def test_standoff_lists_the_entries_pointed_to_and_drops_unknown_pointers() -> None:
    reporter = Reporter()
    root = _document("#Stalin", "#Moscow", "#Nobody", "Stalin", "#Stalin")
    stand_off = standoff(root, _register(), reporter)
    assert stand_off is not None
    root.insert(0, stand_off)
    assert etree.tostring(stand_off, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "") == (
        '<standOff><listPerson><person xml:id="Stalin"><persName type="main" xml:lang="en">Stalin</persName>'
        '<persName xml:lang="ru">Сталин</persName><idno type="URI" subtype="wikidata" '
        'source="https://www.wikidata.org/wiki/Q855">http://www.wikidata.org/entity/Q855</idno></person></listPerson>'
        '<listPlace><place xml:id="Moscow"><placeName>Moscow</placeName><note>capital</note></place></listPlace>'
        "</standOff>"
    )
    assert [d.message for d in reporter.diagnostics] == ["#Nobody is not in the register; reference removed"]
    assert [el.get("ref") for el in root.iter(tei("name"))] == ["#Stalin", "#Moscow", None, "Stalin", "#Stalin"]
    assert "ns0" not in etree.tostring(root, encoding="unicode")


def test_standoff_entries_are_copies() -> None:
    first = standoff(_document("#Stalin"), _register(), Reporter())
    assert first is not None
    first.find(f".//{{{TEI_NS}}}persName").text = "changed"  # type: ignore[union-attr]
    second = standoff(_document("#Stalin"), _register(), Reporter())
    assert second is not None
    assert second.findtext(f".//{{{TEI_NS}}}persName") == "Stalin"


def test_header_title_leaves_out_note_references() -> None:
    title = Block("title", "Letter from Stalin to Zinoviev 1", [span(31, 32, "noteref", n="1")])
    document = Document("letter", "letters.txt", "letter", "en", title)
    tree = TeiWriter().write(document, Register({}), Reporter())
    assert tree.findtext(f".//{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title") == "Letter from Stalin to Zinoviev"
    [anchor] = tree.iter(f"{{{TEI_NS}}}ref")
    assert anchor.get("type") == "noteAnchor" and anchor.text == "1"


def test_postscript_follows_the_closer() -> None:
    blocks = [
        Block("p", "The letter."),
        Block("signature", "M. Litvinov."),
        Block("p", "P.S. One more thing.", attrs={"postscript": "yes"}),
        Block("p", "And another.", attrs={"postscript": "yes"}),
        Block("citation", "AVP RF. F. 04."),
    ]
    document = Document(
        "letter", "l.txt", "letter", "en", Block("title", "Letter"), divisions=[Division("letter", blocks)]
    )
    div = TeiWriter().write(document, Register({}), Reporter()).find(f".//{{{TEI_NS}}}body/{{{TEI_NS}}}div")
    assert [etree.QName(child).localname for child in div] == ["p", "closer", "postscript", "note"]
    postscript = div.find(f"{{{TEI_NS}}}postscript")
    assert ["".join(p.itertext()) for p in postscript] == ["P.S. One more thing.", "And another."]
