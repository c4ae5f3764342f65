"""ISO Schematron: XPath 1 through lxml, XPath 2 through the Schematron-to-XSLT 3 compiler and Saxon."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, isoschematron

from tei_encode.diagnostics import Severity
from tei_encode.errors import SchemaError
from tei_encode.validate import default_schemas
from tei_encode.validate.sch2xslt import compile_schematron
from tei_encode.validate.schematron import SchematronValidator, _as_select, streamline
from tei_encode.validate.vocabulary import vocabulary_of
from tests.conftest import require_shared

SCHEMA = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}">
  <ns prefix="t" uri="urn:t"/>
  <let name="limit" value="3"/>
  <pattern id="dates">
    <rule context="t:date[@when]">
      <let name="year" value="substring(@when, 1, 4)"/>
      <assert id="iso" test="matches(@when, '^\\d{{4}}(-\\d{{2}}){{0,2}}$')"
        >Date <value-of select="@when"/> of <name/> is not ISO.</assert>
    </rule>
    <rule context="t:date">
      <report id="undated" test="true()" role="warning">A <name/> without @when (year unknown).</report>
    </rule>
  </pattern>
  <pattern id="counts">
    <rule abstract="true" id="counted">
      <assert test="count(t:item) le $limit">More than <value-of select="$limit"/> items.</assert>
    </rule>
    <rule context="t:list"><extends rule="counted"/></rule>
  </pattern>
  <pattern id="attributes">
    <rule context="t:item/@n"><report test=". = '0'" role="info">Item number zero.</report></rule>
  </pattern>
  <pattern id="never">
    <rule context="t:absent"><report test="true()">Never reported: no t:absent occurs.</report></rule>
  </pattern>
</schema>"""

DOCUMENT = """<doc xmlns="urn:t">
  <date when="1920-07-24">fine</date>
  <date when="24.7.1920">bad</date>
  <date>undated</date>
  <list><item n="0">1</item><item>2</item><item>3</item><item>4</item></list>
</doc>"""


@pytest.fixture
def xpath2(tmp_path: Path) -> SchematronValidator:
    path = tmp_path / "rules.sch"
    path.write_text(SCHEMA.format(binding="xslt2"), encoding="utf-8")
    return SchematronValidator(path)


def test_xpath2_rules_asserts_reports_lets_and_first_matching_rule(xpath2: SchematronValidator) -> None:
    tree = etree.ElementTree(etree.fromstring(DOCUMENT))
    found = [(d.severity, d.line, d.rule, d.message) for d in xpath2.iter_errors(tree, "doc.xml")]
    assert sorted(found) == sorted(
        [
            (Severity.ERROR, 3, "iso", "Date 24.7.1920 of date is not ISO."),
            (Severity.WARNING, 4, "undated", "A date without @when (year unknown)."),
            (Severity.ERROR, 5, "counts", "More than 3 items."),
            (Severity.INFO, 5, "attributes", "Item number zero."),
        ]
    )


def test_patterns_that_cannot_match_are_left_out(xpath2: SchematronValidator) -> None:
    tree = etree.ElementTree(etree.fromstring(DOCUMENT))
    stylesheet = compile_schematron(xpath2.document.getroot(), vocabulary_of([tree]))
    modes = {m.get("name") for m in stylesheet.getroot() if etree.QName(m).localname == "mode"}
    assert modes == {"p0", "p1", "p2"}


def test_unsupported_query_binding_is_a_schema_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.sch"
    path.write_text(SCHEMA.format(binding="javascript"), encoding="utf-8")
    with pytest.raises(SchemaError, match="unsupported Schematron queryBinding 'javascript'"):
        SchematronValidator(path)


def test_xpath1_schemas_still_run_in_lxml() -> None:
    schematron = next(p for p in default_schemas() if p.suffix == ".sch")
    validator = SchematronValidator(schematron)
    assert validator.xpath1 is not None
    tree = etree.ElementTree(
        etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><ref target="#nowhere"/></text></TEI>')
    )
    assert any("#nowhere" in d.message for d in validator.iter_errors(tree, "x.xml"))


def test_tei_schematron_reports_nothing_on_escher() -> None:
    validator = SchematronValidator(require_shared("tei-p5/tei_all.isosch"))
    files = sorted(require_shared("real-tei/escher").glob("*.xml"))
    trees = [etree.parse(str(f)) for f in files]
    validator.prepare(vocabulary_of(trees))
    assert [d.format() for tree, f in zip(trees, files, strict=True) for d in validator.iter_errors(tree, str(f))] == []


def test_tei_schematron_finds_the_abstract_model_violation() -> None:
    validator = SchematronValidator(require_shared("tei-p5/tei_all.isosch"))
    tree = etree.ElementTree(
        etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>a<p>b</p></p></body></text></TEI>')
    )
    found = list(validator.iter_errors(tree, "x.xml"))
    assert [(d.severity, d.path) for d in found] == [(Severity.ERROR, "/TEI/text/body/p/p")]
    assert "Abstract model violation" in found[0].message


XPATH1_SCHEMA = """<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <ns prefix="t" uri="urn:t"/>
  <pattern id="dates">
    <rule context="t:date[@when]">
      <let name="digits" value="translate(@when, '0123456789', '')"/>
      <assert id="iso" test="$digits = '--' or $digits = ''">Date <value-of select="@when"/> of <name/>.</assert>
    </rule>
    <rule context="t:date | t:item[contains(., '|')]">
      <report id="undated" test="true()" role="warning">A <name/> without @when.</report>
    </rule>
  </pattern>
  <pattern id="nested">
    <rule context="t:list/t:item[@n = '0'] | /t:doc"><report test="true()">At <name/>.</report></rule>
  </pattern>
  <pattern id="attributes">
    <rule context="t:item/@n"><report test=". = '0'" role="info">Item number zero.</report></rule>
  </pattern>
  <pattern id="root">
    <rule context="/"><assert test="t:doc">No doc.</assert></rule>
  </pattern>
</schema>"""


@pytest.mark.parametrize(
    ("pattern", "select"),
    [
        ("t:date", "//t:date"),
        ("t:list/t:item[@n = '0']", "//t:list/t:item[@n = '0']"),
        ("/t:doc", "/t:doc"),
        ("*[starts-with(@ref, '#')]", "//*[starts-with(@ref, '#')]"),
        ("t:item[a/b]", "//t:item[a/b]"),
        ("t:item/@n", None),
        ("text()", None),
        ("t:list/node()", None),
        ("id('x')", None),
    ],
    ids=["name", "path", "absolute", "predicate", "slash-in-predicate", "attribute", "text", "node", "id"],
)
def test_element_patterns_become_selections(pattern: str, select: str | None) -> None:
    assert _as_select(pattern) == select


def test_streamlined_stylesheet_gives_the_skeletons_report() -> None:
    skeleton = isoschematron.Schematron(etree.fromstring(XPATH1_SCHEMA), store_xslt=True).validator_xslt
    document = etree.ElementTree(etree.fromstring(DOCUMENT.replace("<item>2</item>", "<item>2|3</item>")))
    report = etree.tostring(etree.XSLT(skeleton)(document))
    streamlined = streamline(skeleton)
    assert etree.tostring(etree.XSLT(streamlined)(document)) == report
    assert report.count(b"<svrl:successful-report") == 5
    selects = [a.get("select") for a in streamlined.iter("{http://www.w3.org/1999/XSL/Transform}apply-templates")]
    assert "//t:date[@when] | //t:date | //t:item[contains(., '|')]" in selects
    assert selects.count("/") == 2  # the attribute and root patterns keep the skeleton's walk


def test_project_rules_give_the_same_findings_as_the_skeleton() -> None:
    schematron = next(p for p in default_schemas() if p.suffix == ".sch")
    skeleton = isoschematron.Schematron(etree.parse(str(schematron)), store_xslt=True).validator_xslt
    document = etree.ElementTree(
        etree.fromstring(
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace">'
            '<text xml:id="t"><ref target="#t"/><ref target="#nowhere"/><date when="24.7.1920"/>'
            '<date notBefore="1921" notAfter="1920"/><persName ref="#nobody"/>'
            '<msIdentifier><repository> </repository></msIdentifier><note place="end"/></text></TEI>'
        )
    )
    report = etree.tostring(etree.XSLT(skeleton)(document))
    assert report.count(b"<svrl:failed-assert") == 6
    assert etree.tostring(etree.XSLT(streamline(skeleton))(document)) == report
