"""Word files to TEI, feature by feature: each made here as a minimal .docx and checked element by element."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.pipeline import convert_path
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator
from tei_encode.xmlio import serialize

from ...conftest import require_shared, require_tool
from .package import comments, core, docx, notes, p, r
from .words import docx_words, tei_words

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
VALIDATORS = [load_validator(schema) for schema in default_schemas()]
EMPTY = Register.from_directory(Path("/nonexistent-register"))


def convert(tmp_path: Path, data: bytes, name: str = "letter.docx") -> tuple[etree._Element, Reporter]:
    source = tmp_path / name
    source.write_bytes(data)
    reporter = Reporter(name)
    converted = convert_path(source, EMPTY, reporter)
    assert len(converted) == 1
    return converted[0].tree, reporter


def body_xml(tree: etree._Element) -> str:
    """The body's paragraphs serialised without the TEI namespace declaration and without the indentation of
    element-only content (a line break and spaces between two tags), for exact comparisons."""
    body = tree.find("t:text/t:body", TEI)
    assert body is not None
    xml = etree.tostring(body, encoding="unicode", with_tail=False)
    return re.sub(r">\n\s*<", "><", xml).replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def by_id(tree: etree._Element, pointer: str) -> etree._Element:
    """The element a ``#id`` pointer points to."""
    found = [el for el in tree.iter() if el.get("{http://www.w3.org/XML/1998/namespace}id") == pointer[1:]]
    assert len(found) == 1, pointer
    return found[0]


def first_p(tree: etree._Element) -> str:
    el = tree.find(".//t:body//t:p", TEI)
    assert el is not None
    return etree.tostring(el, encoding="unicode", with_tail=False).replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


@pytest.mark.parametrize(
    ("props", "expected"),
    [
        ("<w:strike/>", '<p>A <del rend="strikethrough">struck</del> word</p>'),
        ("<w:dstrike/>", '<p>A <del rend="doubleStrikethrough">struck</del> word</p>'),
        ('<w:vertAlign w:val="superscript"/>', '<p>A <add place="above">struck</add> word</p>'),
        ('<w:vertAlign w:val="subscript"/>', '<p>A <add place="below">struck</add> word</p>'),
        ("<w:i/>", '<p>A <hi rend="italic">struck</hi> word</p>'),
        ("<w:b/>", '<p>A <hi rend="bold">struck</hi> word</p>'),
        ('<w:u w:val="single"/>', '<p>A <hi rend="underline">struck</hi> word</p>'),
        ("<w:smallCaps/>", '<p>A <hi rend="smallcaps">struck</hi> word</p>'),
        ("<w:caps/>", '<p>A <hi rend="allcaps">struck</hi> word</p>'),
        ('<w:b w:val="0"/>', "<p>A struck word</p>"),
        ('<w:u w:val="none"/>', "<p>A struck word</p>"),
    ],
    ids=[
        "strike",
        "double-strike",
        "superscript",
        "subscript",
        "italic",
        "bold",
        "underline",
        "small-caps",
        "all-caps",
        "bold-off",
        "underline-none",
    ],
)
def test_run_formatting(tmp_path: Path, props: str, expected: str) -> None:
    tree, _ = convert(tmp_path, docx(p(r("A "), r("struck", props), r(" word"))))
    assert first_p(tree) == expected


def test_runs_split_by_word_are_one_element(tmp_path: Path) -> None:
    tree, _ = convert(tmp_path, docx(p(r("He "), r("wr", "<w:i/>"), r("ote", "<w:i/>"), r(" it"))))
    assert first_p(tree) == '<p>He <hi rend="italic">wrote</hi> it</p>'


def test_character_style_formatting(tmp_path: Path) -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="character" w:styleId="Emph"><w:rPr><w:i/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Strong"><w:basedOn w:val="Emph"/><w:rPr><w:b/></w:rPr></w:style>'
        "</w:styles>"
    )
    data = docx(p(r("x ", '<w:rStyle w:val="Strong"/>'), r("y")), parts={"styles": styles})
    tree, _ = convert(tmp_path, data)
    assert first_p(tree) == '<p><hi rend="italic bold">x </hi>y</p>'


def test_footnotes_and_endnotes_at_their_anchors_numbered_as_in_word(tmp_path: Path) -> None:
    body = p(
        r("First"),
        r(props='<w:vertAlign w:val="superscript"/>', extra='<w:footnoteReference w:id="7"/>'),
        r(" second"),
        r(props='<w:vertAlign w:val="superscript"/>', extra='<w:footnoteReference w:id="3"/>'),
        r(" end"),
        r(extra='<w:endnoteReference w:id="2"/>'),
    )
    data = docx(
        body,
        parts={
            "footnotes": notes("footnote", {"3": "Note B.", "7": "Note A."}),
            "endnotes": notes("endnote", {"2": "E."}),
        },
    )
    tree, _ = convert(tmp_path, data)
    assert first_p(tree) == (
        '<p>First<note place="foot" n="1">Note A.</note> second<note place="foot" n="2">Note B.</note>'
        ' end<note place="end" n="i">E.</note></p>'
    )


def test_comments_are_editorial_notes_by_their_authors(tmp_path: Path) -> None:
    body = p(r("Text"), r(extra='<w:commentReference w:id="0"/>'), r(" more"))
    tree, _ = convert(tmp_path, docx(body, parts={"comments": comments({"0": ("Anna Editor", "Check the date.")})}))
    note = tree.find(".//t:body//t:note", TEI)
    assert note is not None and note.get("type") == "editorial" and note.text == "Check the date."
    resp = by_id(tree, note.get("resp", ""))
    assert resp.findtext("t:name", namespaces=TEI) == "Anna Editor"
    assert resp.findtext("t:resp", namespaces=TEI) == "comments by"


def test_headings_open_divisions(tmp_path: Path) -> None:
    body = p(r("Intro")) + p(r("Part one"), props='<w:outlineLvl w:val="0"/>') + p(r("Body"))
    tree, _ = convert(tmp_path, docx(body))
    assert body_xml(tree) == (
        '<body><div type="section"><p>Intro</p></div><div type="section"><head>Part one</head><p>Body</p></div></body>'
    )


def test_heading_by_style_name(tmp_path: Path) -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style></w:styles>'
    )
    data = docx(p(r("Title"), props='<w:pStyle w:val="Kop2"/>') + p(r("Text")), parts={"styles": styles})
    tree, _ = convert(tmp_path, data)
    assert body_xml(tree) == '<body><div type="section"><head>Title</head><p>Text</p></div></body>'


def test_breaks(tmp_path: Path) -> None:
    body = (
        p(r("one", extra="<w:br/>"), r("two"))
        + p(r(extra='<w:br w:type="page"/>'))
        + p(r("three"), r(extra='<w:br w:type="page"/>'), r("four"))
        + p(r("five"), props="<w:sectPr/>")
        + p(r("six"))
    )
    tree, _ = convert(tmp_path, docx(body))
    assert body_xml(tree) == (
        '<body><div type="section"><p>one<lb/>two</p><pb/><p>three<pb/>four</p><p>five</p><pb/><p>six</p></div></body>'
    )


def test_tables(tmp_path: Path) -> None:
    cell = "<w:tc>{}</w:tc>"
    row = "<w:tr>{}</w:tr>"
    wide = '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + p(r("wide")) + "</w:tc>"
    table = (
        "<w:tbl>"
        + row.format(cell.format(p(r("a"))) + cell.format(p(r("b")) + p(r("b2"))))
        + row.format(wide)
        + "</w:tbl>"
    )
    tree, _ = convert(tmp_path, docx(p(r("Before")) + table))
    assert body_xml(tree) == (
        '<body><div type="section"><p>Before</p><table><row><cell>a</cell><cell>b<lb/>b2</cell></row>'
        '<row><cell cols="2">wide</cell></row></table></div></body>'
    )


def test_lists_nest_by_level(tmp_path: Path) -> None:
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )

    def item(text: str, level: int) -> str:
        return p(r(text), props=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>')

    data = docx(item("one", 0) + item("one.a", 1) + item("two", 0) + p(r("after")), parts={"numbering": numbering})
    tree, _ = convert(tmp_path, data)
    assert body_xml(tree) == (
        '<body><div type="section"><list rend="numbered"><item>one<list rend="bulleted"><item>one.a</item></list>'
        "</item><item>two</item></list><p>after</p></div></body>"
    )


def test_list_items_by_paragraph_style(tmp_path: Path) -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="ListBullet"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr>'
        "</w:style></w:styles>"
    )
    item = '<w:pStyle w:val="ListBullet"/>'
    data = docx(p(r("a"), props=item) + p(r("b"), props=item), parts={"styles": styles})
    tree, _ = convert(tmp_path, data)
    assert (
        body_xml(tree)
        == '<body><div type="section"><list rend="bulleted"><item>a</item><item>b</item></list></div></body>'
    )


@pytest.mark.parametrize(
    ("target", "kept"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("mailto:someone@example.org", True),
        ("../other.docx", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox", False),
    ],
    ids=["https", "mailto", "relative", "javascript", "javascript-spaced", "data", "vbscript"],
)
def test_hyperlinks(tmp_path: Path, target: str, kept: bool) -> None:
    body = p(r("See "), f'<w:hyperlink r:id="rIdL">{r("the page")}</w:hyperlink>', r("."))
    tree, reporter = convert(tmp_path, docx(body, links={"rIdL": target}))
    ref = tree.find(".//t:body//t:ref", TEI)
    if kept:
        assert ref is not None and ref.get("target") == target and ref.text == "the page"
    else:
        assert ref is None
        assert first_p(tree) == "<p>See the page.</p>"
        assert any(d.code == "docx-link" for d in reporter.diagnostics)


def test_document_properties_in_the_header(tmp_path: Path) -> None:
    props = core(title="Letter to the Editor", creator="Ivan Petrov", created="2023-05-01T09:30:00Z")
    tree, _ = convert(tmp_path, docx(p(r("Text")), core_xml=props))
    assert tree.findtext(".//t:titleStmt/t:title", namespaces=TEI) == "Letter to the Editor"
    assert tree.findtext(".//t:titleStmt/t:respStmt/t:name", namespaces=TEI) == "Ivan Petrov"
    change = tree.find(".//t:revisionDesc/t:change[@type='created']", TEI)
    assert change is not None and change.get("when") == "2023-05-01T09:30:00Z"


def test_tracked_changes_lose_nothing(tmp_path: Path) -> None:
    body = p(
        r("The "),
        '<w:del w:id="1" w:author="A. Reviser" w:date="2024-01-02T03:04:05Z">'
        "<w:r><w:delText>old</w:delText></w:r></w:del>",
        f'<w:ins w:id="2" w:author="A. Reviser" w:date="2024-01-02T03:04:06Z">{r("new")}</w:ins>',
        r(" text"),
    )
    tree, _ = convert(tmp_path, docx(body))
    doc_id = tree.get("{http://www.w3.org/XML/1998/namespace}id")
    assert first_p(tree) == (
        f'<p>The <subst><del change="#{doc_id}-ch1">old</del><add change="#{doc_id}-ch2">new</add></subst> text</p>'
    )
    changes = tree.findall(".//t:revisionDesc/t:change", TEI)
    assert [(c.get("type"), c.get("when"), c.text) for c in changes] == [
        ("deletion", "2024-01-02T03:04:05Z", "tracked change: text deleted"),
        ("insertion", "2024-01-02T03:04:06Z", "tracked change: text inserted"),
    ]
    who = {c.get("who") for c in changes}
    assert len(who) == 1
    resp = by_id(tree, who.pop() or "")
    assert resp.findtext("t:name", namespaces=TEI) == "A. Reviser"


def test_language_from_the_text(tmp_path: Path) -> None:
    tree, _ = convert(tmp_path, docx(p(r("Товарищу Сталину. Прошу рассмотреть вопрос."))))
    assert tree.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"


def test_enrichers_run_on_word_files(tmp_path: Path) -> None:
    tree, _ = convert(tmp_path, docx(p(r("Moscow, 12 March 1925. Received on 14 March 1925."))))
    dates = tree.findall(".//t:body//t:date", TEI)
    assert [d.get("when") for d in dates] == ["1925-03-12", "1925-03-14"]


def test_output_is_deterministic_and_valid(tmp_path: Path) -> None:
    body = (
        p(r("Heading"), props='<w:outlineLvl w:val="0"/>')
        + p(r("A "), r("struck", "<w:strike/>"), r(" and "), r("raised", '<w:vertAlign w:val="superscript"/>'))
        + p(r("Note here"), r(extra='<w:footnoteReference w:id="1"/>'), r(extra='<w:commentReference w:id="0"/>'))
    )
    parts = {"footnotes": notes("footnote", {"1": "A note."}), "comments": comments({"0": ("Ed", "Why?")})}
    data = docx(body, parts=parts, core_xml=core(title="T", creator="C", created="2020-01-01T00:00:00Z"))
    first = serialize(convert(tmp_path, data)[0])
    second = serialize(convert(tmp_path, data, "letter2.docx")[0])
    assert first == second.replace(b"letter2", b"letter")
    tree = etree.fromstring(first)
    for validator in VALIDATORS:
        assert list(validator.iter_errors(tree.getroottree())) == []
    out = tmp_path / "letter.xml"
    out.write_bytes(first)
    jing = require_tool("jing")
    result = subprocess.run([jing, str(require_shared("tei-p5/tei_all.rng")), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40),
            st.sampled_from(["", "<w:i/>", "<w:strike/>", '<w:vertAlign w:val="superscript"/>', "<w:b/><w:caps/>"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_text_keeps_every_word(tmp_path: Path, runs: list[tuple[str, str]]) -> None:
    data = docx(p(*(r(text, props) for text, props in runs)) + p(r("end")))
    tree, _ = convert(tmp_path, data)
    assert docx_words(data) - tei_words(tree) == {}
    for validator in VALIDATORS:
        assert list(validator.iter_errors(tree.getroottree())) == []
