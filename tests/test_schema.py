"""The project schema: the XSD is trang's translation of the RELAX NG, and the Schematron rules fire."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.validate import load_validator

from .conftest import REPO, require_tool

SCHEMA = REPO / "schema"
TEI = "http://www.tei-c.org/ns/1.0"


def test_xsd_is_generated_from_the_rng(tmp_path: Path) -> None:
    trang = require_tool("trang")
    subprocess.run(
        [trang, "-I", "rng", "-O", "xsd", str(SCHEMA / "tei_encode.rng"), str(tmp_path / "tei_encode.xsd")],
        check=True,
        capture_output=True,
    )
    for name in ("tei_encode.xsd", "xml.xsd"):
        assert (tmp_path / name).read_bytes() == (SCHEMA / name).read_bytes(), f"regenerate schema/{name} with trang"


def _document(built: Path) -> etree._ElementTree:
    return etree.parse(str(built / "tei" / "bolshevik-correspondence-no091.xml"))


@pytest.mark.parametrize(
    ("defect", "rule"),
    [
        ("//tei:persName[@ref][1]/@ref", "pointer-resolves"),
        ("(//tei:date[@when])[1]/@when", "date-iso"),
        ("range", "date-range-ordered"),
        ("repository", "ms-repository"),
    ],
    ids=["ref-unresolved", "date-not-iso", "range-reversed", "repository-empty"],
)
def test_schematron_reports_each_defect(built: Path, defect: str, rule: str) -> None:
    tree = _document(built)
    ns = {"tei": TEI}
    if defect == "range":
        date = tree.xpath("(//tei:body//tei:date)[1]", namespaces=ns)[0]
        for name in ("when", "notBefore", "notAfter"):
            date.attrib.pop(name, None)
        date.set("notBefore", "1920-08-10")
        date.set("notAfter", "1920-08")
        date.set("notAfter", "1920-07")
    elif defect == "repository":
        tree.xpath("//tei:msIdentifier/tei:repository", namespaces=ns)[0].text = " "
    else:
        attribute = tree.xpath(defect, namespaces=ns)[0]
        attribute.getparent().set(attribute.attrname, "#nobody" if rule == "pointer-resolves" else "24 July 1920")
    findings = list(load_validator(SCHEMA / "tei_encode.sch").iter_errors(tree, "doc.xml"))
    assert [f.rule for f in findings] == [rule]
    assert findings[0].line > 0


def test_schematron_accepts_the_corpus_build(built: Path) -> None:
    validator = load_validator(SCHEMA / "tei_encode.sch")
    assert all(validator.is_valid(etree.parse(str(p))) for p in sorted((built / "tei").glob("*.xml")))
