"""schema/tei_encode.odd: valid against tei_all and in step with schema/tei_encode.rng (elements, value lists)."""

from __future__ import annotations

import subprocess
from collections import defaultdict

import pytest
from lxml import etree

from tei_encode.validate import load_validator
from tei_encode.validate.grammar import Grammar, is_rng, rng
from tests.conftest import REPO, require_shared, require_tool

ODD = REPO / "schema" / "tei_encode.odd"
RNG = REPO / "schema" / "tei_encode.rng"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def odd_elements() -> set[str]:
    odd = etree.parse(str(ODD))
    return {name for ref in odd.iterfind(".//tei:moduleRef", TEI) for name in ref.get("include", "").split()}


def rng_elements() -> set[str]:
    return {e.get("name", "") for e in etree.parse(str(RNG)).iter(rng("element"))}


def odd_value_lists(kind: str) -> dict[tuple[str, str], set[str]]:
    """(element, attribute) -> the values of the ODD's valLists of type ``kind``."""
    found: dict[tuple[str, str], set[str]] = {}
    for spec in etree.parse(str(ODD)).iterfind(".//tei:elementSpec", TEI):
        for att in spec.iterfind("tei:attList/tei:attDef", TEI):
            for values in att.iterfind(f"tei:valList[@type='{kind}']", TEI):
                found[(spec.get("ident", ""), att.get("ident", ""))] = {
                    item.get("ident", "") for item in values.iterfind("tei:valItem", TEI)
                }
    return found


def rng_closed_value_lists() -> dict[tuple[str, str], set[str]]:
    """(element, attribute) -> values, where every pattern of the element allowing the attribute lists its values."""
    grammar = Grammar(RNG)
    closed: dict[tuple[str, str], set[str]] = defaultdict(set)
    open_ones: set[tuple[str, str]] = set()
    for name, patterns in grammar.elements.items():
        for pattern in patterns:
            for attribute, rule in grammar.attributes(pattern).items():
                key = (name, attribute)
                kinds = {etree.QName(n).localname for n in rule.pattern.iter() if is_rng(n)} - {
                    "attribute",
                    "choice",
                    "value",
                    "ref",
                }
                values = grammar.values(rule.pattern)
                if values and not kinds:
                    closed[key] |= set(values)
                else:
                    open_ones.add(key)
    return {key: values for key, values in closed.items() if key not in open_ones}


def test_odd_includes_exactly_the_elements_of_the_schema() -> None:
    odd, schema = odd_elements(), rng_elements()
    assert odd == schema, f"only in the ODD: {sorted(odd - schema)}; only in tei_encode.rng: {sorted(schema - odd)}"


def test_odd_closes_exactly_the_value_lists_the_schema_closes() -> None:
    expected = rng_closed_value_lists()
    assert ("add", "place") in expected and ("correspAction", "type") in expected and ("date", "cert") in expected
    assert odd_value_lists("closed") == expected


def test_open_value_lists_are_open_in_the_schema_too() -> None:
    semi = odd_value_lists("semi")
    assert {("idno", "type"), ("del", "rend")} <= set(semi)
    closed = rng_closed_value_lists()
    assert not set(semi) & set(closed)


def test_every_element_and_class_referenced_exists_in_tei_all() -> None:
    tei_all = Grammar(require_shared("tei-p5/tei_all.rng"))
    odd = etree.parse(str(ODD))
    assert odd_elements() <= set(tei_all.elements)
    for spec in odd.iterfind(".//tei:elementSpec", TEI):
        patterns = tei_all.elements[spec.get("ident", "")]
        attributes = set(tei_all.attributes(patterns[0]))
        for att in spec.iterfind("tei:attList/tei:attDef", TEI):
            assert att.get("ident") in attributes, (spec.get("ident"), att.get("ident"))


def test_schema_spec_starts_at_tei() -> None:
    spec = etree.parse(str(ODD)).find(".//tei:schemaSpec", TEI)
    assert spec is not None
    assert (spec.get("ident"), spec.get("start")) == ("tei_encode", "TEI")
    assert [ref.get("key") for ref in spec.iterfind("tei:moduleRef", TEI)][0] == "tei"


def test_odd_is_valid_against_tei_all_with_jing() -> None:
    jing = require_tool("jing")
    schema = require_shared("tei-p5/tei_all.rng")
    result = subprocess.run([jing, str(schema), str(ODD)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_odd_is_valid_against_tei_all_with_lxml(tei_all: etree.RelaxNG) -> None:
    assert tei_all.validate(etree.parse(str(ODD))), tei_all.error_log


@pytest.mark.slow
def test_odd_meets_the_tei_schematron_rules() -> None:
    validator = load_validator(require_shared("tei-p5/tei_all.isosch"))
    assert [d.format() for d in validator.iter_errors(etree.parse(str(ODD)), str(ODD))] == []


def test_prose_names_only_elements_of_the_customisation_or_tagdocs() -> None:
    odd = etree.parse(str(ODD))
    named = {gi.text for gi in odd.iterfind(".//tei:body//tei:gi", TEI)}
    assert named <= odd_elements(), sorted(named - odd_elements())
    heads = [h.text for h in odd.iterfind(".//tei:div/tei:head", TEI)]
    for topic in ("Archival references", "Document numbers", "Corrections", "Dates", "Notes"):
        assert any(topic in (h or "") for h in heads), topic
