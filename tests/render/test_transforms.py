"""The document views on small made-up TEI and on TEI of another project."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from tei_encode.errors import UnknownName
from tei_encode.render import Edition, render_html, summarize
from tei_encode.render.witnesses import align, blocks
from tei_encode.xmlio import safe_parser

from ..conftest import SHARED, require_shared

STANDOFF = """
<standOff><listPerson><person xml:id="Lenin"><persName type="main" xml:lang="en">Vladimir Lenin</persName>
<persName xml:lang="ru">Ленин</persName><idno type="URI">https://www.wikidata.org/entity/Q1394</idno>
<note>Chairman.</note></person></listPerson>
<listPlace><place xml:id="Moscow"><placeName type="main">Moscow</placeName></place></listPlace></standOff>
"""
HEADER = """
<teiHeader><fileDesc><titleStmt><title>Letter to <persName ref="#Lenin">Lenin</persName></title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><msDesc><msIdentifier><repository>RGASPI</repository>
<idno type="fond">558</idno><idno type="opis">1</idno><idno type="delo">5</idno><idno type="folios">3-4</idno>
</msIdentifier><history><origin><origDate when="1920-07-24"/></origin></history></msDesc></sourceDesc></fileDesc>
<profileDesc><correspDesc><correspAction type="sent"><persName>J. V. Stalin</persName>
<placeName ref="#Moscow">Moscow</placeName></correspAction>
<correspAction type="received"><persName ref="#Lenin">V. I. Lenin</persName></correspAction></correspDesc>
</profileDesc></teiHeader>
"""


def tei(body: str, back: str = "") -> etree._Element:
    """A made-up TEI document with a register, a header and ``body``."""
    source = (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:example" xml:lang="en">{HEADER}{STANDOFF}'
        f"<text><body>{body}</body>{back}</text></TEI>"
    )
    return etree.fromstring(source.encode(), safe_parser())


def section(page: bytes, view: str) -> etree._Element:
    """The section of one view in a rendered page."""
    found = etree.fromstring(page.split(b"\n", 1)[1]).xpath(f"//section[@id='{view}']")
    assert found, f"no {view} section"
    return found[0]


def text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


CORRECTIONS = '<div xml:lang="ru"><p>это при <del>руководстве</del> <add place="above">особенно</add> так</p></div>'


@pytest.mark.parametrize(
    ("body", "view", "present", "absent"),
    [
        (CORRECTIONS, "reading", ["особенно", "это при"], ["руководстве"]),
        (CORRECTIONS, "diplomatic", ["руководстве", "особенно"], []),
        ("<p><choice><orig>2On</orig><reg>2 On</reg></choice> it</p>", "reading", ["2 On it"], ["2On"]),
        ("<p><choice><orig>2On</orig><reg>2 On</reg></choice> it</p>", "diplomatic", ["2On it"], ["2 On"]),
        ("<p>by <supplied>Stalin</supplied></p>", "reading", ["by [Stalin]"], []),
        ("<p>by [<supplied>Stalin</supplied>]</p>", "reading", ["by [Stalin]"], ["[[", "]]"]),
        ("<p>one <gap reason='illegible'/> two</p>", "diplomatic", ["one […] two"], []),
        ("<p>one</p><pb n='2'/><fw type='catchword'>/see/</fw><p>two</p>", "diplomatic", ["page 2", "/see/"], []),
        (
            "<p>one</p><pb n='2'/><fw type='catchword'>/see/</fw><p>two</p>",
            "reading",
            ["one", "page 2", "two"],
            ["/see/"],
        ),
        ("<p>a <x:unknown>foreign <mystery>kept</mystery></x:unknown> b</p>", "reading", ["a foreign kept b"], []),
        ("<p>a <mystery>kept</mystery> b</p>", "diplomatic", ["a kept b"], []),
    ],
    ids=[
        "del-add-reading",
        "del-add-diplomatic",
        "choice-reading",
        "choice-diplomatic",
        "supplied-bracketed",
        "supplied-brackets-kept",
        "gap",
        "pb-fw-diplomatic",
        "pb-fw-reading",
        "unknown-namespace",
        "unknown-tei-element",
    ],
)
def test_view_text(body: str, view: str, present: list[str], absent: list[str]) -> None:
    shown = text(section(render_html(tei(body), "both"), view))
    for phrase in present:
        assert phrase in shown
    for phrase in absent:
        assert phrase not in shown


def test_diplomatic_marks_deletions_and_raised_insertions() -> None:
    view = section(render_html(tei(CORRECTIONS), "both"), "diplomatic")
    assert [text(d) for d in view.iter("del")] == ["руководстве"]
    (ins,) = view.iter("ins")
    assert text(ins) == "особенно" and "above" in ins.get("class", "").split()


def test_reading_links_names_to_their_index_entries() -> None:
    view = section(
        render_html(
            tei('<p>To <persName ref="#Lenin">Ленину</persName> in <placeName ref="#Moscow">Москве</placeName></p>')
        ),
        "reading",
    )
    person, place = view.xpath(".//a[@class]")
    assert (person.get("href"), text(person)) == ("people.html#Lenin", "Ленину")
    assert person.get("title") == "Vladimir Lenin · https://www.wikidata.org/entity/Q1394"
    assert place.get("href") == "places.html#Moscow" and place.get("title") == "Moscow"


def test_reading_dates_give_their_normalised_value_on_demand() -> None:
    body = '<p>on <date when="1920-07-24">24/7</date>, <date notBefore="1920-08-05" notAfter="1920-08-10">5-10</date>'
    view = section(render_html(tei(body + "</p>")), "reading")
    (time,) = view.iter("time")
    assert (time.get("datetime"), time.get("title"), text(time)) == ("1920-07-24", "1920-07-24", "24/7")
    (span,) = view.xpath(".//span[@class='date']")
    assert (span.get("title"), text(span)) == ("1920-08-05–1920-08-10", "5-10")
    assert "on 24/7, 5-10" in text(view) and not view.xpath(".//*[@class='iso']")


def test_no_space_before_note_markers() -> None:
    body = '<p>slows down our progress <ref type="noteAnchor" xml:id="r1" target="#n1">1</ref>. Then</p>'
    back = '<back><div type="notes"><note place="end" n="1" xml:id="n1"><p>A note.</p></note></div></back>'
    page = render_html(tei(body, back), "both")
    for view in ("reading", "diplomatic"):
        assert "progress1. Then" in text(section(page, view))


def test_end_notes_are_footnotes_linked_both_ways() -> None:
    body = '<p>text<ref type="noteAnchor" xml:id="nr1" target="#n1">1</ref> more</p>'
    back = (
        '<back><div type="notes"><note place="end" n="1" xml:id="n1" target="#nr1"><p>The note.</p></note></div></back>'
    )
    view = section(render_html(tei(body, back)), "reading")
    (ref,) = view.xpath(".//a[@class='noteref']")
    assert (ref.get("href"), ref.get("id")) == ("#n1", "nr1")
    (note,) = view.xpath(".//section[@class='footnotes']//li")
    assert note.get("id") == "n1" and "The note." in text(note)
    assert note.xpath("a[@class='back']/@href") == ["#nr1"]


def test_notes_inside_running_text_become_numbered_footnotes() -> None:
    body = "<p>one<note>First.</note> two<note>Second.</note></p>"
    page = render_html(tei(body), "both")
    for view, prefix in (("reading", ""), ("diplomatic", "d-")):
        shown = section(page, view)
        refs = shown.xpath(".//a[@class='noteref']")
        assert [(r.get("href"), text(r)) for r in refs] == [(f"#{prefix}fn-1", "1"), (f"#{prefix}fn-2", "2")]
        notes = shown.xpath(".//section[@class='footnotes']//li")
        assert [(n.get("id"), text(n)) for n in notes] == [
            (f"{prefix}fn-1", "1 First. ↩"),
            (f"{prefix}fn-2", "2 Second. ↩"),
        ]


def test_line_breaks_in_both_views() -> None:
    page = render_html(tei("<p>\n  <lb/>first<lb/>second<lb break='no'/>half</p>"), "both")
    (diplomatic,) = section(page, "diplomatic").iter("p")
    assert [diplomatic.text, *(br.tail for br in diplomatic.iter("br"))] == ["\n  first", "second", "half"]
    (reading,) = section(page, "reading").iter("p")
    assert " ".join("".join(reading.itertext()).split()) == "first secondhalf"


def test_passages_carry_their_language() -> None:
    view = section(render_html(tei('<div xml:lang="ru"><p>Текст</p></div>')), "reading")
    assert view.get("lang") == "en"
    assert view.xpath(".//section[@lang='ru']/p/text()") == ["Текст"]


def test_single_views_and_unknown_view() -> None:
    reading = render_html(tei(CORRECTIONS), "reading")
    assert b'id="diplomatic"' not in reading and b'name="view"' not in reading
    with pytest.raises(UnknownName):
        render_html(tei(CORRECTIONS), "facsimile")


WITNESSES = """
<div type="transcription" n="1" xml:lang="ru"><p>Первый абзац общий.</p><p>Мы исходим из того что это недопустимо.</p>
<p>Лишний абзац только здесь.</p><p>Последний абзац общий.</p></div>
<div type="transcription" n="2" xml:lang="ru"><p>Первый абзац общий.</p>
<p>Мы исходим из того что это при <del>руководстве</del> совершенно недопустимо.</p><p>Последний абзац общий.</p></div>
"""


def test_witnesses_are_aligned_with_their_differences_marked() -> None:
    view = section(render_html(tei(WITNESSES), "both"), "witnesses")
    rows = [[text(td) for td in tr.iter("td")] for tr in view.iter("tr") if tr.find("td") is not None]
    assert rows == [
        ["Первый абзац общий.", "Первый абзац общий."],
        [
            "Мы исходим из того что это недопустимо.",
            "Мы исходим из того что это при руководстве совершенно недопустимо.",
        ],
        ["Лишний абзац только здесь.", "not in this transcription"],
        ["Последний абзац общий.", "Последний абзац общий."],
    ]
    # the deletion is shown struck through, as written, and is not one of the differences
    assert [text(m) for m in view.xpath(".//table//mark[@class='diff']")] == ["при", "совершенно"]
    assert [text(d) for d in view.xpath(".//table//del")] == ["руководстве"]


COPY_AND_DRAFT = """
<div type="transcription" subtype="typed-copy" n="1" xml:lang="ru"><opener><stamp>КОПИЯ</stamp>
<address><addrLine>П Е К И Н</addrLine></address><salute>"Тов. Мао Цзе-дун!</salute></opener>
<p>Мы исходим из того что это недопустимо.</p>
<closer><signed>ФИЛИППОВ".</signed><dateline>26 сентября 1951 г.</dateline></closer></div>
<div type="transcription" subtype="draft" n="2" xml:lang="ru"><opener><dateline>"26" сентября 1951 г.</dateline>
<address><addrLine>ПЕКИН</addrLine></address><salute>„Тов. Мао Цзе-дун!</salute></opener>
<p>Мы исходим из того что это <add place="above">особенно</add> <del>при</del> недопустимо.</p>
<closer><signed>ФИЛИППОВ"</signed><dateline>" " сентября 1951г.</dateline></closer></div>
"""


def test_witnesses_pair_what_both_have_and_are_labelled_from_the_tei() -> None:
    view = section(render_html(tei(COPY_AND_DRAFT), "both"), "witnesses")
    assert [text(th) for th in view.iter("th")] == ["Typed copy (transcription 1)", "Draft (transcription 2)"]
    rows = [[text(td) for td in tr.iter("td")] for tr in view.iter("tr") if tr.find("td") is not None]
    absent = "not in this transcription"
    assert rows == [
        ["КОПИЯ", absent],
        [absent, '"26" сентября 1951 г.'],
        ["П Е К И Н", "ПЕКИН"],
        ['"Тов. Мао Цзе-дун!', "„Тов. Мао Цзе-дун!"],
        ["Мы исходим из того что это недопустимо.", "Мы исходим из того что это особенно при недопустимо."],
        ['ФИЛИППОВ".', 'ФИЛИППОВ"'],
        ["26 сентября 1951 г.", '" " сентября 1951г.'],
    ]
    assert [text(m) for m in view.xpath(".//table//mark[@class='diff']")] == ["особенно", "26"]
    draft = view.xpath(".//tr/td[2]")
    assert [text(d) for d in view.xpath(".//del")] == ["при"] and view.xpath(".//ins[@class='add above']")
    assert all(d.get("lang") == "ru" for d in draft)


def test_each_further_witness_is_compared_with_the_first() -> None:
    third = '<div type="transcription" n="3"><p>Первый абзац иной.</p></div>'
    view = section(render_html(tei(WITNESSES + third), "both"), "witnesses")
    tables = view.xpath(".//table[@class='witnesses']")
    assert [t.findtext("caption") for t in tables] == [
        "Transcription 1 and Transcription 2",
        "Transcription 1 and Transcription 3",
    ]
    first_column = [[text(tr[0]) for tr in t.iter("tr") if tr.find("td") is not None] for t in tables]
    assert first_column[0][0] == first_column[1][0] == "Первый абзац общий."
    assert [text(m) for m in tables[1].xpath(".//mark")] == ["общий.", "иной."]


def test_align_pairs_similar_blocks_in_order() -> None:
    def paragraphs(*texts: str) -> list[etree._Element]:
        witness = etree.fromstring("<div>" + "".join(f"<p>{t}</p>" for t in texts) + "</div>")
        return blocks(witness)

    left = paragraphs("a b c d", "e f g h", "i j k l")
    right = paragraphs("x y z w", "a b c d", "i j k m")
    pairs = [(text(a) if a is not None else None, text(b) if b is not None else None) for a, b in align(left, right)]
    assert pairs == [(None, "x y z w"), ("a b c d", "a b c d"), ("e f g h", None), ("i j k l", "i j k m")]


def test_summary_reference_labels_every_archival_part() -> None:
    document = tei("<p>Text.</p>")
    identifier = document.find(".//{http://www.tei-c.org/ns/1.0}msIdentifier")
    for child in list(identifier)[1:]:
        identifier.remove(child)
    for kind, value in (("fond", "0102"), ("opis", "8"), ("papka", "41"), ("delo", "15"), ("folios", "88-92")):
        etree.SubElement(identifier, "{http://www.tei-c.org/ns/1.0}idno", type=kind).text = value
    assert summarize(document, "letter")["reference"] == "RGASPI, f. 0102, op. 8, p. 41, d. 15, ll. 88-92"
    identifier[-1].text = "88"
    assert summarize(document, "letter")["reference"] == "RGASPI, f. 0102, op. 8, p. 41, d. 15, l. 88"


def test_summary_of_a_document() -> None:
    body = (
        '<p>To <persName ref="#Lenin">Ленину</persName>, <persName ref="#Lenin">Lenin</persName>'
        ' in <placeName ref="#Moscow">Москве</placeName></p>'
    )
    summary = summarize(tei(body), "letter")
    assert summary["href"] == "letter.html"
    assert summary["title"] == "Letter to Lenin"
    assert summary["date"]["iso"] == "1920-07-24"
    assert summary["reference"] == "RGASPI, f. 558, op. 1, d. 5, ll. 3-4"
    assert summary["senders"] == [{"name": "J. V. Stalin", "key": ""}]
    assert summary["addressees"] == [{"name": "V. I. Lenin", "key": "Lenin"}]
    assert summary["place"] == [{"name": "Moscow", "key": "Moscow"}]
    (lenin,) = summary["people"]
    assert lenin["name"] == "Vladimir Lenin" and lenin["note"] == "Chairman."
    assert lenin["authority"] == ["https://www.wikidata.org/entity/Q1394"]
    assert {(v["text"], v["lang"]) for v in lenin["variants"]} == {
        ("Lenin", "en"),
        ("V. I. Lenin", "en"),
        ("Ленину", "en"),
    }
    assert [p["key"] for p in summary["places"]] == ["Moscow"]


ESCHER = "real-tei/escher"
WORDS = re.compile(r"\w+")


def escher_files() -> list[str]:
    names = sorted(p.name for p in (SHARED / ESCHER).glob("*.xml")) if (SHARED / ESCHER).is_dir() else []
    return names[:: max(1, len(names) // 4)][:4] or ["K_0002_Anonym_an_Escher_1877-02-00.xml"]


@pytest.mark.parametrize("name", escher_files())
def test_tei_of_another_project_renders_with_its_text(name: str) -> None:
    path = require_shared(f"{ESCHER}/{name}")
    tree = etree.parse(str(path), safe_parser())
    page = render_html(tree, "both", path.stem)
    shown = " ".join(" ".join(section(page, v).itertext()) for v in ("reading", "diplomatic"))
    text_el = tree.getroot().find("{http://www.tei-c.org/ns/1.0}text")
    assert text_el is not None
    wanted = set(WORDS.findall(" ".join(text_el.itertext())))
    assert wanted and wanted <= set(WORDS.findall(shown))


def test_summary_of_an_index_of_letters_keeps_their_correspondents_apart() -> None:
    index = tei("<p>Index</p>")
    header = index.find("{http://www.tei-c.org/ns/1.0}teiHeader")
    assert header is not None
    for desc in header.iter("{http://www.tei-c.org/ns/1.0}correspDesc"):
        desc.set("ref", "letter-1.xml")
        desc.getparent().append(etree.fromstring(etree.tostring(desc)))  # type: ignore[union-attr]
    for orig in index.iter("{http://www.tei-c.org/ns/1.0}origDate"):
        orig.getparent().remove(orig)  # type: ignore[union-attr]
    summary = summarize(index, "index-of-letters")
    assert (summary["senders"], summary["addressees"], summary["place"]) == ([], [], [])
    assert summary["date"] == {"iso": "", "display": "undated", "sort": "9999"}
    assert [p["key"] for p in summary["people"]] == ["Lenin"]


def test_document_page_credits_its_source_and_states_its_licence() -> None:
    document = tei("<p>Text.</p>")
    ns = "{http://www.tei-c.org/ns/1.0}"
    publication = document.find(f".//{ns}publicationStmt")
    source_desc = document.find(f".//{ns}sourceDesc")
    assert publication is not None and source_desc is not None
    availability = etree.SubElement(publication, f"{ns}availability")
    licence = etree.SubElement(availability, f"{ns}licence", target="https://creativecommons.org/licenses/by/4.0/")
    licence.text = "CC BY 4.0"
    bibl = etree.Element(f"{ns}bibl", type="citation")
    bibl.text = '"Letter", 1920, Archive.'
    note = etree.SubElement(bibl, f"{ns}note", type="contributor")
    note.text = "Contributed by A. Historian. <https://example.org/doc/1>"
    source_desc.insert(0, bibl)
    page = render_html(document, "both", "letter", edition=Edition("An edition", ("E. Ditor",)))
    root = etree.fromstring(page.split(b"\n", 1)[1])
    (source,) = root.xpath("//section[@id='source']")
    rows = {text(dt): dd for dt, dd in zip(source.iter("dt"), source.iter("dd"), strict=True)}
    assert rows["Source"].xpath("a/@href") == ["https://example.org/doc/1"]
    assert text(rows["Cited by the source as"]) == '"Letter", 1920, Archive.'
    assert text(rows["Credits"]) == "Contributed by A. Historian."
    assert rows["Licence"].xpath("a/@href") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert rows["TEI"].xpath("a/@href") == ["letter.xml"]
    citation = text(source.xpath(".//p[@class='how-to-cite']")[0])
    assert (
        citation == "Letter to Lenin, 1920-07-24. In: An edition, ed. E. Ditor. letter.html (accessed date of access)."
    )
    assert root.xpath("string(//p[@class='site-name'])") == "An edition"
