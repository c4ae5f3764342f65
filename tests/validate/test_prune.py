"""Pruning a RELAX NG grammar to the documents' vocabulary: smaller, and the same verdicts as the full grammar."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.validate import relaxng
from tei_encode.validate.prune import Prunable, is_prunable, prune_grammar
from tei_encode.validate.relaxng import RelaxNGValidator
from tei_encode.validate.vocabulary import Vocabulary, vocabulary_of
from tests.conftest import REPO, require_shared

RNG = "http://relaxng.org/ns/structure/1.0"
FIXTURES = Path(__file__).parent / "fixtures"
FRESH_FIXTURES = ["misspelt-element-persnme.xml", "missing-title.xml", "valid-add-in-margin.xml", "p-inside-p.xml"]

GRAMMAR = f"""<grammar xmlns="{RNG}" ns="urn:t" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="doc">
    <element name="doc"><ref name="head"/><zeroOrMore><ref name="block"/></zeroOrMore></element>
  </define>
  <define name="head"><element name="head"><element name="title"><text/></element></element></define>
  <define name="block"><choice><ref name="p"/><ref name="list"/><ref name="table"/></choice></define>
  <define name="p"><element name="p"><optional><attribute name="n"><data type="integer"/></attribute></optional>
    <zeroOrMore><choice><text/><ref name="hi"/></choice></zeroOrMore></element></define>
  <define name="hi"><element name="hi"><attribute name="rend"/><text/></element></define>
  <define name="list">
    <element name="list"><oneOrMore><element name="item"><text/></element></oneOrMore></element>
  </define>
  <define name="table"><element name="table"><element name="row"><ref name="unused"/></element></element></define>
  <define name="unused"><element name="cell"><text/></element></define>
  <define name="any"><element><anyName/><text/></element></define>
</grammar>"""

DOCUMENTS = {
    "valid-p": '<doc xmlns="urn:t"><head><title>t</title></head><p n="1">x<hi rend="b">y</hi></p></doc>',
    "valid-list": '<doc xmlns="urn:t"><head><title>t</title></head><list><item>a</item></list></doc>',
    "bad-integer": '<doc xmlns="urn:t"><head><title>t</title></head><p n="one">x</p></doc>',
    "missing-rend": '<doc xmlns="urn:t"><head><title>t</title></head><p><hi>y</hi></p></doc>',
    "missing-title": '<doc xmlns="urn:t"><head/><p>x</p></doc>',
    "empty-list": '<doc xmlns="urn:t"><head><title>t</title></head><list/></doc>',
    "unknown-element": '<doc xmlns="urn:t"><head><title>t</title></head><p><b>x</b></p></doc>',
    "wrong-root": '<p xmlns="urn:t">x</p>',
    "wrong-namespace": "<doc><head><title>t</title></head></doc>",
    "item-outside-list": '<doc xmlns="urn:t"><head><title>t</title></head><item>a</item></doc>',
}


def _tree(text: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(text))


@pytest.mark.parametrize("name", list(DOCUMENTS), ids=list(DOCUMENTS))
def test_pruned_grammar_gives_the_full_grammars_verdict(name: str) -> None:
    grammar = _tree(GRAMMAR)
    document = _tree(DOCUMENTS[name])
    pruned = prune_grammar(grammar, vocabulary_of([document]))
    assert pruned is not None
    full = etree.RelaxNG(grammar).validate(document)
    assert etree.RelaxNG(pruned).validate(document) is full
    assert full is name.startswith("valid-")


def test_pruning_removes_what_the_documents_do_not_use() -> None:
    pruned = prune_grammar(_tree(GRAMMAR), vocabulary_of([_tree(DOCUMENTS["valid-list"])]))
    assert pruned is not None
    names = {e.get("name") for e in pruned.iter(f"{{{RNG}}}element")}
    assert names == {"doc", "head", "title", "list", "item"}
    assert {d.get("name") for d in pruned.iter(f"{{{RNG}}}define")} <= {"doc", "head", "block", "list"}


def test_a_missing_required_element_is_kept_for_the_error_message() -> None:
    document = _tree(DOCUMENTS["missing-title"])
    pruned = prune_grammar(_tree(GRAMMAR), vocabulary_of([document]))
    assert pruned is not None
    assert "title" in {e.get("name") for e in pruned.iter(f"{{{RNG}}}element")}
    messages = []
    for grammar in (pruned, _tree(GRAMMAR)):
        schema = etree.RelaxNG(grammar)
        assert not schema.validate(document)
        messages.append([(e.message, e.line, e.path) for e in schema.error_log])
    assert messages[0] == messages[1]


def test_grammars_with_includes_are_not_pruned() -> None:
    grammar = _tree(
        f'<grammar xmlns="{RNG}"><include href="other.rng"/>'
        '<start><element name="a"><empty/></element></start></grammar>'
    )
    assert not is_prunable(grammar)
    assert prune_grammar(grammar, Vocabulary(frozenset({"a"}), frozenset())) is None


def test_defines_inside_div_are_pruned_as_if_at_the_top() -> None:
    body = GRAMMAR.split(">", 1)[1].rsplit("</grammar>", 1)[0]
    grouped = _tree(GRAMMAR.replace(body, f"<div>{body}</div>"))
    assert is_prunable(grouped)
    for name, text in DOCUMENTS.items():
        vocabulary = vocabulary_of([_tree(text)])
        flat, nested = prune_grammar(_tree(GRAMMAR), vocabulary), prune_grammar(grouped, vocabulary)
        assert flat is not None and nested is not None, name
        assert etree.tostring(flat) == etree.tostring(nested), name


def test_pruned_grammar_text_keeps_prefixes_values_and_annotation_attributes() -> None:
    # Written back as text: prefixed RELAX NG elements, attributes of other namespaces, values
    # with white space and characters to escape must come out as they went in.
    grammar = _tree(
        f'<rng:grammar xmlns:rng="{RNG}" xmlns:x="urn:x" ns="urn:t">'
        '<rng:start><rng:element name="doc"><rng:attribute name="k" x:note="a &lt; &quot;b&quot;">'
        '<rng:choice><rng:value type="string"> a &amp; b </rng:value><rng:value>&lt;c&gt;</rng:value></rng:choice>'
        '</rng:attribute><rng:zeroOrMore><rng:ref name="item"/></rng:zeroOrMore></rng:element></rng:start>'
        '<rng:define name="item"><rng:element name="item"><rng:text/></rng:element></rng:define>'
        '<rng:define name="other"><rng:element name="other"><rng:empty/></rng:element></rng:define>'
        "</rng:grammar>"
    )
    document = _tree('<doc xmlns="urn:t" k=" a &amp; b "><item>x</item></doc>')
    pruned = prune_grammar(grammar, vocabulary_of([document]))
    assert pruned is not None
    values = [v.text for v in pruned.iter(f"{{{RNG}}}value")]
    assert values == [" a & b ", "<c>"]
    assert next(pruned.iter(f"{{{RNG}}}attribute")).get("{urn:x}note") == 'a < "b"'
    assert {d.get("name") for d in pruned.iter(f"{{{RNG}}}define")} == {"item"}
    assert etree.RelaxNG(pruned).validate(document)
    assert not etree.RelaxNG(pruned).validate(_tree('<doc xmlns="urn:t" k="a &amp; b"><item>x</item></doc>'))


def test_a_div_with_attributes_is_not_pruned() -> None:
    # Its ns or datatypeLibrary would be lost to the defines moved out of it.
    grammar = _tree(
        f'<grammar xmlns="{RNG}"><start><ref name="a"/></start><div ns="urn:x">'
        '<define name="a"><element name="a"><empty/></element></define></div></grammar>'
    )
    assert not is_prunable(grammar)


def test_vocabulary_names_elements_and_attributes_in_clark_notation() -> None:
    tree = _tree('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="x"><p rend="a" xmlns:o="urn:o" o:k="1"/></TEI>')
    vocabulary = vocabulary_of([tree])
    assert vocabulary.elements == {"{http://www.tei-c.org/ns/1.0}TEI", "{http://www.tei-c.org/ns/1.0}p"}
    assert vocabulary.attributes == {"{http://www.w3.org/XML/1998/namespace}id", "rend", "{urn:o}k"}
    assert vocabulary.covers(vocabulary_of([_tree('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')]))


def test_project_schema_verdicts_unchanged_on_the_fixtures() -> None:
    grammar = etree.parse(str(REPO / "schema" / "tei_encode.rng"))
    full = etree.RelaxNG(grammar)
    for fixture in sorted(FIXTURES.glob("*.xml")):
        try:
            tree = etree.parse(str(fixture))
        except etree.XMLSyntaxError:
            continue
        pruned = prune_grammar(grammar, vocabulary_of([tree]))
        assert pruned is not None
        assert etree.RelaxNG(pruned).validate(tree) is full.validate(tree), fixture.name


def test_large_grammars_are_cached_on_disk_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path))
    monkeypatch.setattr(relaxng, "_COMPILED", {})  # what earlier tests compiled in this process
    small = tmp_path / "g.rng"
    small.write_text(GRAMMAR, encoding="utf-8")
    assert RelaxNGValidator(small).is_valid(_tree(DOCUMENTS["valid-p"]))
    assert not (tmp_path / "pruned").exists(), "a small grammar is pruned faster than read from disk"
    document = etree.parse(str(FIXTURES / "valid-minimal-letter.xml"))
    assert RelaxNGValidator(require_shared("tei-p5/tei_all.rng")).is_valid(document)
    cached = list((tmp_path / "pruned").glob("*.rng"))
    assert len(cached) == 1
    kept = {e.get("name") for e in etree.parse(str(cached[0])).iter(f"{{{RNG}}}element")}
    assert {"TEI", "teiHeader", "persName", "del", "add"} <= kept
    assert {"egXML", "listBibl", "sp"}.isdisjoint(kept)


def test_one_prunable_prunes_each_vocabulary_as_a_fresh_one_would() -> None:
    # Prunable keeps marked copies of defines between prunings: none may leak into the next.
    grammar = etree.parse(str(require_shared("tei-p5/tei_all.rng")))
    shared = Prunable(grammar)
    documents = [etree.parse(str(FIXTURES / name)) for name in FRESH_FIXTURES]
    vocabularies = [vocabulary_of([d]) for d in documents] + [vocabulary_of(documents)]
    first = [shared.prune(v) for v in vocabularies]
    again = [shared.prune(v) for v in reversed(vocabularies)][::-1]
    for vocabulary, once, twice in zip(vocabularies, first, again, strict=True):
        fresh = Prunable(grammar).prune(vocabulary)
        assert fresh is not None and once is not None and twice is not None
        assert etree.tostring(once) == etree.tostring(fresh) == etree.tostring(twice)


def test_names_the_grammar_does_not_know_share_one_pruned_grammar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path))
    monkeypatch.setattr(relaxng, "_COMPILED", {})
    tei_all = require_shared("tei-p5/tei_all.rng")
    plain = etree.parse(str(FIXTURES / "misspelt-element-persnme.xml"))
    foreign = copy.deepcopy(plain)
    body = foreign.getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    assert body is not None
    body.set("{urn:x-other}mark", "1")
    found = [[d.message for d in RelaxNGValidator(tei_all).iter_errors(t)] for t in (plain, foreign)]
    assert len(list((tmp_path / "pruned").glob("*.rng"))) == 1
    assert found[0] and found[1], "both documents are invalid, and each was explained by its own names"
