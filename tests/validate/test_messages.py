"""RELAX NG findings in TEI terms: made-up invalid documents named after their defect, with the findings they give."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Diagnostic, Severity
from tei_encode.validate.messages import (
    Finding,
    classify,
    drop_cascades,
    explain,
    explain_relaxng,
    guidelines_url,
    resolve_path,
    tei_path,
)
from tests.conftest import REPO, require_shared

SCHEMA = REPO / "schema" / "tei_encode.rng"
TEI_ALL = "tei-p5/tei_all.rng"

HEADER = """<teiHeader>
<fileDesc>
<titleStmt><title>A letter</title></titleStmt>
<publicationStmt><p>Not published.</p></publicationStmt>
<sourceDesc><p>Made up for the tests.</p></sourceDesc>
</fileDesc>
<encodingDesc>
<editorialDecl><p>None.</p></editorialDecl>
<appInfo><application ident="tei-encode" version="0.1.0"><label>tei-encode</label></application></appInfo>
</encodingDesc>
<profileDesc>
<correspDesc><correspAction type="sent"><persName>A. Writer</persName></correspAction></correspDesc>
<langUsage><language ident="en">English</language></langUsage>
</profileDesc>
</teiHeader>"""

BODY = """<p>Dear friend, <persName>Ann</persName> wrote on <date when="1920-07-24">24 July</date>.</p>
<p>The <del rend="strikethrough">old</del><add place="above">new</add> plan.</p>"""


def document(body: str = BODY, header: str = HEADER, root: str = '<TEI xmlns="http://www.tei-c.org/ns/1.0">') -> bytes:
    """A small letter valid against schema/tei_encode.rng, with its body or header replaced."""
    text = f"""{root}
{header}
<text>
<front><docTitle><titlePart>A letter</titlePart></docTitle></front>
<body>
<div type="letter">
{body}
</div>
</body>
</text>
</TEI>"""
    return text.encode()


def findings(data: bytes, compiled: etree.RelaxNG, schema: Path) -> list[Diagnostic]:
    return explain_relaxng(compiled, etree.fromstring(data).getroottree(), "letter.xml", schema)


@pytest.fixture(scope="module")
def project() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def test_the_template_is_valid(project: etree.RelaxNG) -> None:
    assert findings(document(), project, SCHEMA) == []


# Each case: the defect, the document, and per finding (in order) the path and the words its message must hold.
CASES = [
    (
        "element-misspelt",
        document(BODY.replace("<persName>Ann</persName>", "<persNme>Ann</persNme>")),
        [
            (
                "/TEI/text/body/div/p[1]/persNme",
                ["unknown element <persNme>", "did you mean <persName>?", "<p> allows", "phrase = (text |"],
            )
        ],
    ),
    (
        "attribute-misspelt",
        document(BODY.replace('<date when="1920-07-24">', '<date whem="1920-07-24">')),
        [("/TEI/text/body/div/p[1]/date", ["@whem is not allowed on <date>", "did you mean @when?", "ref-date.html"])],
    ),
    (
        "add-place-not-in-list",
        document(BODY.replace('place="above"', 'place="top"')),
        [
            (
                "/TEI/text/body/div/p[2]/add",
                ['@place="top" on <add> is not valid', '"above" or "below" or "margin" or "inline"'],
            )
        ],
    ),
    (
        "date-not-iso",
        document(BODY.replace('when="1920-07-24"', 'when="24.7.1920"')),
        [("/TEI/text/body/div/p[1]/date", ['@when="24.7.1920"', "xsd:date or xsd:gYear"])],
    ),
    (
        "two-errors-in-one-paragraph",
        document(BODY.replace("<persName>Ann</persName>", "<persNam>Ann</persNam>").replace("1920-07-24", "1920-7")),
        [
            ("/TEI/text/body/div/p[1]/persNam", ["unknown element <persNam>", "did you mean <persName>?"]),
            ("/TEI/text/body/div/p[1]/date", ['@when="1920-7" on <date> is not valid']),
        ],
    ),
    (
        "errors-in-header-and-body",
        document(BODY.replace('place="above"', 'place="up"'), HEADER.replace('type="sent"', 'type="snt"')),
        [
            (
                "/TEI/teiHeader/profileDesc/correspDesc/correspAction",
                ['@type="snt" on <correspAction> is not valid', 'did you mean "sent"?'],
            ),
            ("/TEI/text/body/div/p[2]/add", ['@place="up"']),
        ],
    ),
    (
        "text-directly-in-div",
        document("Stray words." + BODY),
        [("/TEI/text/body/div", ["text is not allowed directly in <div>", "<div> allows <head>?, <opener>?"])],
    ),
    (
        "div-inside-paragraph",
        document(BODY.replace("Dear friend,", '<div type="inner"><p>x</p></div>')),
        [("/TEI/text/body/div/p[1]/div", ["<div> is not allowed in <p>", "ref-p.html"])],
    ),
    (
        "title-missing",
        document(header=HEADER.replace("<title>A letter</title>", "")),
        [("/TEI/teiHeader/fileDesc/titleStmt", ["<titleStmt> is incomplete", "<titleStmt> requires <title>+"])],
    ),
    (
        "publicationStmt-after-sourceDesc",
        document(
            header=HEADER.replace("<publicationStmt><p>Not published.</p></publicationStmt>\n", "").replace(
                "</sourceDesc>", "</sourceDesc>\n<publicationStmt><p>x</p></publicationStmt>"
            )
        ),
        [
            (
                "/TEI/teiHeader/fileDesc/sourceDesc",
                ["<sourceDesc> is allowed in <fileDesc> but not at this point: <publicationStmt> must come before it"],
            )
        ],
    ),
    (
        "version-missing",
        document(header=HEADER.replace(' version="0.1.0"', "")),
        [("/TEI/teiHeader/encodingDesc/appInfo/application", ["<application> lacks the required attribute @version"])],
    ),
    (
        "no-tei-namespace",
        document(root="<TEI>"),
        [("/TEI", ["<TEI> has no namespace", "http://www.tei-c.org/ns/1.0"])],
    ),
    (
        "bad-element-with-bad-content",
        document(BODY.replace("<persName>Ann</persName>", '<persNme><dte whn="x">Ann</dte></persNme>')),
        [("/TEI/text/body/div/p[1]/persNme", ["unknown element <persNme>"])],
    ),
    (
        "paragraphs-after-closer",
        document(BODY + "\n<closer><signed>A.</signed></closer>\n<p>Late.</p>\n<p>Later.</p>"),
        [
            (
                "/TEI/text/body/div/p[3]",
                ["<p> is allowed in <div> but not at this point", "<div> allows <head>?, <opener>?"],
            ),
            ("/TEI/text/body/div/p[4]", ["<p> is allowed in <div> but not at this point"]),
        ],
    ),
    (
        "repository-misspelt",
        document(
            header=HEADER.replace(
                "<sourceDesc><p>Made up for the tests.</p></sourceDesc>",
                "<sourceDesc><msDesc><msIdentifier><repositry>RGASPI</repositry>"
                '<idno type="fond">558</idno><idno type="opis">1</idno></msIdentifier></msDesc></sourceDesc>',
            )
        ),
        [
            (
                "/TEI/teiHeader/fileDesc/sourceDesc/msDesc/msIdentifier/repositry",
                [
                    "unknown element <repositry> (did you mean <repository>?)",
                    "<msIdentifier> allows <repository>, <idno>*",
                ],
            )
        ],
    ),
    (
        "publicationStmt-missing",
        document(header=HEADER.replace("<publicationStmt><p>Not published.</p></publicationStmt>", "")),
        [("/TEI/teiHeader/fileDesc/sourceDesc", ["<publicationStmt> must come before it", "<fileDesc> allows"])],
    ),
    (
        "end-note-inside-div",
        document(BODY + '\n<note place="margin"><p>A note.</p></note>'),
        [
            ("/TEI/text/body/div/note/p", ["<p> is not allowed in <note>; <note> allows phrase"]),
            ("/TEI/text/body/div/note", ['@place="margin"', '"foot" or "end"']),
        ],
    ),
    (
        "cert-not-in-list",
        document(BODY.replace('<date when="1920-07-24">', '<date when="1920-07-24" cert="sure">')),
        [("/TEI/text/body/div/p[1]/date", ['@cert="sure"', '"high" or "medium" or "low" or "unknown"'])],
    ),
    (
        "element-in-other-namespace",
        document(BODY.replace("<persName>Ann</persName>", '<x:nom xmlns:x="urn:example">Ann</x:nom>')),
        [("/TEI/text/body/div/p[1]/x:nom", ["element <x:nom> of the namespace urn:", "<p> allows"])],
    ),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_findings_in_tei_terms(data: bytes, expected: list[tuple[str, list[str]]], project: etree.RelaxNG) -> None:
    found = findings(data, project, SCHEMA)
    assert [d.path for d in found] == [path for path, _ in expected], [d.format() for d in found]
    for diagnostic, (_, words) in zip(found, expected, strict=True):
        for word in words:
            assert word in diagnostic.message, diagnostic.message
        assert diagnostic.severity is Severity.ERROR
        assert diagnostic.file == "letter.xml"
        assert diagnostic.line >= 1
        assert diagnostic.rule == "tei_encode.rng"


def test_line_is_the_bad_elements_line(project: etree.RelaxNG) -> None:
    data = document(BODY.replace('place="above"', 'place="top"'))
    [found] = findings(data, project, SCHEMA)
    line = next(n for n, text in enumerate(data.decode().splitlines(), 1) if 'place="top"' in text)
    assert found.line == line


def test_guidelines_url() -> None:
    assert guidelines_url("persName") == "https://www.tei-c.org/release/doc/tei-p5-doc/en/html/ref-persName.html"


@pytest.mark.parametrize(
    ("message", "kind", "groups"),
    [
        ("Did not expect element persNme there", "element-not-expected", {"element": "persNme"}),
        ("Element p has extra content: foo", "extra-content", {"element": "p", "extra": "foo"}),
        ("Invalid attribute when for element date", "invalid-attribute", {"attribute": "when", "element": "date"}),
        ("Element date failed to validate attributes", "attributes-failed", {"element": "date"}),
        ("Expecting element title, got author", "wrong-element", {"expected": "title", "element": "author"}),
        ("Expecting an element , got nothing", "missing-element", {"expected": ""}),
        ("Type language doesn't allow value 'e n'", "bad-value", {"type": "language", "value": "e n"}),
        ("Element body failed to validate content", "content-failed", {"element": "body"}),
        ("Something else entirely", "other", {}),
    ],
    ids=lambda v: v if isinstance(v, str) and " " not in v else None,
)
def test_classify_libxml2_messages(message: str, kind: str, groups: dict[str, str]) -> None:
    assert classify(message) == (kind, groups)


def test_paths_resolve_and_name_the_element() -> None:
    root = etree.fromstring(document())
    p2 = resolve_path(root, "/*/*[2]/*[2]/*/*[2]")
    assert p2 is not None and tei_path(p2) == "/TEI/text/body/div/p[2]"
    assert resolve_path(root, "/*/*[9]") is None
    assert resolve_path(root, "") is None
    foreign = etree.fromstring(document('<p><x:a xmlns:x="urn:x"/><x:a xmlns:x="urn:x"/></p>'))
    second = resolve_path(foreign, "/*/*[2]/*[2]/*/*/x:a[2]")
    assert second is not None and tei_path(second) == "/TEI/text/body/div/p/x:a[2]"


def test_explain_one_diagnostic_with_and_without_the_tree() -> None:
    data = document(BODY.replace("<persName>Ann</persName>", "<persNme>Ann</persNme>"))
    raw = Diagnostic(
        Severity.ERROR, "relaxng", "Did not expect element persNme there", "f.xml", 9, 0, "/*/*[2]/*[2]/*/*[1]/*"
    )
    with_tree = explain(raw, SCHEMA, etree.fromstring(data))
    assert with_tree.path == "/TEI/text/body/div/p[1]/persNme"
    assert "did you mean <persName>?" in with_tree.message
    alone = explain(raw, SCHEMA)
    assert alone.path == raw.path
    assert alone.message == "unknown element <persNme> (did you mean <persName>?)"


@pytest.mark.parametrize(
    ("body", "name", "expected"),
    [
        ("first<lb>line</lb>second", "lb", "<lb> contains text, which it does not allow; <lb> allows empty"),
        ('<idno type="x"><p>1</p></idno>', "idno", "<idno> contains <p>, which it does not allow"),
        ('<lb rend="x"/>', "lb", "attribute @rend is not allowed on <lb>"),
        ('<add place="up">x</add>', "add", '@place="up" on <add> is not valid'),
    ],
    ids=["text", "child", "attribute", "value"],
)
def test_element_allowed_here_but_wrong_inside(body: str, name: str, expected: str) -> None:
    """libxml2 may report an allowed element as unexpected when its own content or attributes are wrong."""
    tree = etree.fromstring(document(BODY + f"\n<p>{body}</p>"))
    raw = Diagnostic(Severity.ERROR, "relaxng", f"Did not expect element {name} there", path="/*/*[2]/*[2]/*/*[3]/*")
    explained = explain(raw, SCHEMA, tree)
    assert expected in explained.message
    assert explained.path == f"/TEI/text/body/div/p[3]/{name}"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Did not expect element persNme there", "unknown element <persNme> (did you mean <persName>?)"),
        ("Did not expect element div there", "<div> is not allowed here. See https://"),
        ("Invalid attribute whem for element date", "attribute @whem is not allowed on <date> (did you mean @when?)"),
        ("Invalid attribute place for element add", 'value of @place on <add> is not valid: expected "above" or'),
        ("Invalid attribute id for element p", "the value of @xml:id on <p> is not valid: expected xsd:ID"),
        ("Did not expect text in element lb content", "text is not allowed directly in <lb>; <lb> allows empty"),
        ("Element body failed to validate content", "Element body failed to validate content. See https://"),
        ("Something libxml2 may say one day", "Something libxml2 may say one day"),
    ],
    ids=["element", "known-element", "attribute", "attribute-value", "xml-id", "text", "content", "other"],
)
def test_explain_without_the_document(message: str, expected: str) -> None:
    raw = Diagnostic(Severity.ERROR, "relaxng", message, "f.xml", 3, 0, "/*/*[2]")
    explained = explain(raw, SCHEMA)
    assert expected in explained.message
    assert (explained.file, explained.line, explained.path) == ("f.xml", 3, "/*/*[2]")
    assert explain(raw, None).message.startswith(message)


def test_follow_on_findings_of_ancestors_are_dropped() -> None:
    root = etree.fromstring(document())
    body = root.find(".//{http://www.tei-c.org/ns/1.0}body")
    p = root.find(".//{http://www.tei-c.org/ns/1.0}body//{http://www.tei-c.org/ns/1.0}p")
    assert body is not None and p is not None

    def finding(message: str, element: etree._Element | None) -> Finding:
        kind, groups = classify(message)
        return Finding(Diagnostic(Severity.ERROR, "relaxng", message), kind, groups, element)

    deep = finding("Did not expect element persNme there", p[0])
    kept = drop_cascades(
        [
            finding("Element body failed to validate content", body),
            deep,
            finding("Element p has extra content: persNme", p[0]),
            finding("Element date failed to validate attributes", None),
            finding("Did not expect element persNme there", p[0]),
        ]
    )
    assert kept == [deep]
    alone = finding("Element body failed to validate content", body)
    assert drop_cascades([alone]) == [alone]


@pytest.mark.slow
def test_tei_all_messages_name_classes_and_macros(tei_all: etree.RelaxNG) -> None:
    schema = require_shared(TEI_ALL)
    data = document(
        BODY.replace("<persName>Ann</persName>", "<persNme>Ann</persNme>").replace(
            "<p>The", '<p><div type="inner"><p>x</p></div>The'
        )
        + "\n<closer><signed>A.</signed></closer>\n<p>After the closer.</p>"
    )
    found = findings(data, tei_all, schema)
    by_path = {d.path: d.message for d in found}
    assert list(by_path) == [
        "/TEI/text/body/div/p[1]/persNme",
        "/TEI/text/body/div/p[2]/div",
        "/TEI/text/body/div/p[3]",
    ], [d.format() for d in found]
    assert "did you mean <persName>?" in by_path["/TEI/text/body/div/p[1]/persNme"]
    assert "macro.paraContent = (text | model.paraPart)*" in by_path["/TEI/text/body/div/p[1]/persNme"]
    assert "(<div> is in model.divLike)" in by_path["/TEI/text/body/div/p[2]/div"]
    assert "<p> is allowed in <div> but not at this point" in by_path["/TEI/text/body/div/p[3]"]


@pytest.mark.slow
def test_tei_all_open_value_lists_and_valid_real_letters(tei_all: etree.RelaxNG) -> None:
    schema = require_shared(TEI_ALL)
    found = findings(document(BODY.replace('when="1920-07-24"', 'when="1920-7-24" cert="sure"')), tei_all, schema)
    assert {d.path for d in found} == {"/TEI/text/body/div/p[1]/date"}
    messages = " | ".join(d.message for d in found)
    assert '@when="1920-7-24" on <date> is not valid' in messages
    assert '@cert="sure" on <date> is not valid' in messages
    assert '"high" or "medium" or "low" or "unknown"' in messages


@pytest.mark.slow
def test_tei_all_content_of_the_element_itself_and_order(tei_all: etree.RelaxNG) -> None:
    schema = require_shared(TEI_ALL)
    data = document(
        BODY + "\n<p>first<lb>line</lb>second</p>",
        HEADER.replace("<publicationStmt><p>Not published.</p></publicationStmt>", ""),
    )
    found = {d.path: d.message for d in findings(data, tei_all, schema)}
    assert list(found) == ["/TEI/teiHeader/fileDesc/sourceDesc", "/TEI/text/body/div/p[3]/lb"]
    assert "<publicationStmt> must come before it" in found["/TEI/teiHeader/fileDesc/sourceDesc"]
    assert "text" in found["/TEI/text/body/div/p[3]/lb"]
    assert "<lb> allows empty. See https://www.tei-c.org/" in found["/TEI/text/body/div/p[3]/lb"]


@pytest.mark.slow
def test_tei_all_findings_on_real_letters(tei_all: etree.RelaxNG) -> None:
    schema = require_shared(TEI_ALL)
    letters = sorted(require_shared("real-tei/escher").glob("*.xml"))
    invalid = 0
    for letter in letters:
        tree = etree.parse(str(letter))
        found = explain_relaxng(tei_all, tree, str(letter), schema)
        assert bool(found) is not tei_all.validate(tree), letter
        invalid += bool(found)
        for diagnostic in found:
            assert diagnostic.path.startswith("/TEI/"), diagnostic.format()
            assert "https://www.tei-c.org/release/doc/tei-p5-doc/en/html/ref-" in diagnostic.message
            assert "Did not expect" not in diagnostic.message
    assert 0 < invalid < len(letters)


def test_grammars_that_include_and_override_another(tmp_path: Path) -> None:
    customised = tmp_path / "custom.rng"
    customised.write_text(
        f"""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
  <include href="{SCHEMA.as_uri()}">
    <define name="lb"><element name="lb">
      <optional><attribute name="break"><choice><value>no</value></choice></attribute></optional><empty/>
    </element></define>
  </include>
</grammar>""",
        encoding="utf-8",
    )
    compiled = etree.RelaxNG(etree.parse(str(customised)))
    data = document(BODY.replace("<persName>Ann</persName>", '<persNme>Ann</persNme><lb break="yes"/>'))
    found = findings(data, compiled, customised)
    assert [d.path for d in found] == ["/TEI/text/body/div/p[1]/persNme", "/TEI/text/body/div/p[1]/lb"]
    assert "did you mean <persName>?" in found[0].message
    assert '@break="yes" on <lb> is not valid: expected "no"' in found[1].message
