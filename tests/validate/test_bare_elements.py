"""Grammars pruned by element: an element that carries no attribute keeps none of its optional attributes.

The pruned grammar decides which documents are valid (a run's guess at its names); it must accept
exactly what the grammar pruned to the same names without that accepts when the guess is right, and
never more when it is wrong. Findings still come from each document's own names, so a run's files
get those they get alone.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.validate.prune import Prunable
from tei_encode.validate.run import validate_files
from tei_encode.validate.vocabulary import Vocabulary, vocabulary_of
from tests.conftest import require_shared

RNG = "http://relaxng.org/ns/structure/1.0"
TEI = "http://www.tei-c.org/ns/1.0"

# Attributes as TEI has them: classes of optional attributes referred to by elements, a required
# choice of attributes, a choice with ``empty``, values and datatypes.
GRAMMAR = f"""<grammar xmlns="{RNG}" ns="urn:t" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="att.global"><ref name="att.global.id"/><optional><attribute name="lang"/></optional></define>
  <define name="att.global.id"><optional><attribute name="id"><data type="NCName"/></attribute></optional></define>
  <define name="att.typed">
    <optional><attribute name="type"><choice><value>a</value><value>b</value></choice></attribute></optional>
  </define>
  <define name="doc">
    <element name="doc"><ref name="att.global"/><oneOrMore><ref name="block"/></oneOrMore></element>
  </define>
  <define name="block"><choice><ref name="p"/><ref name="list"/></choice></define>
  <define name="p">
    <element name="p"><ref name="att.global"/><ref name="att.typed"/>
      <optional><attribute name="n"><data type="integer"/></attribute></optional>
      <zeroOrMore><choice><text/><ref name="hi"/></choice></zeroOrMore></element>
  </define>
  <define name="hi">
    <element name="hi"><ref name="att.global"/><choice><attribute name="rend"/><attribute name="type"/></choice>
      <text/></element>
  </define>
  <define name="list">
    <element name="list"><ref name="att.typed"/><oneOrMore><ref name="item"/></oneOrMore></element>
  </define>
  <define name="item">
    <element name="item"><ref name="att.global"/><choice><empty/><attribute name="n"/></choice><text/></element>
  </define>
</grammar>"""

ATTRIBUTES = ["id", "lang", "type", "n", "rend", "bogus"]
VALUES = ["a", "b", "1", "x y"]


def exact_vocabulary(root: etree._Element) -> Vocabulary:
    """The names of a document, with the elements that carry no attribute in it as ``bare``."""
    own = vocabulary_of([root])
    carriers = {e.tag for e in root.iter(etree.Element) if e.attrib}
    return Vocabulary(own.elements, own.attributes, own.elements - carriers)


def _compiled(prunable: Prunable, vocabulary: Vocabulary) -> etree.RelaxNG:
    pruned = prunable.prune(vocabulary)
    assert pruned is not None
    return etree.RelaxNG(pruned)


def test_a_bare_element_keeps_no_optional_attribute_and_every_required_one() -> None:
    prunable = Prunable(etree.ElementTree(etree.fromstring(GRAMMAR)))
    names = frozenset({"{urn:t}doc", "{urn:t}p", "{urn:t}hi"})
    pruned = prunable.prune(Vocabulary(names, frozenset({"id", "rend", "type"}), names))
    assert pruned is not None
    patterns = {e.get("name"): e for e in pruned.iter(f"{{{RNG}}}element")}
    assert not list(patterns["p"].iter(f"{{{RNG}}}attribute"))
    assert [r.get("name") for r in patterns["p"].iter(f"{{{RNG}}}ref")] == ["hi"]
    assert {a.get("name") for a in patterns["hi"].iter(f"{{{RNG}}}attribute")} == {"rend", "type"}
    assert "att.global" not in {d.get("name") for d in pruned.iter(f"{{{RNG}}}define")}


ELEMENT = st.fixed_dictionaries(
    {"attributes": st.dictionaries(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES), max_size=3)}
)


@st.composite
def documents(draw: st.DrawFn) -> etree._Element:
    """A document of ``GRAMMAR``'s names, with any attributes (allowed or not, good values or bad) anywhere."""

    def element(parent: etree._Element | None, name: str) -> etree._Element:
        attributes = draw(ELEMENT)["attributes"]
        made = etree.Element(f"{{urn:t}}{name}") if parent is None else etree.SubElement(parent, f"{{urn:t}}{name}")
        for key, value in sorted(attributes.items()):
            made.set(key, value)
        return made

    root = element(None, "doc")
    for kind in draw(st.lists(st.sampled_from(["p", "list"]), min_size=1, max_size=3)):
        block = element(root, kind)
        for _ in range(draw(st.integers(0 if kind == "p" else 1, 3))):
            child = element(block, "hi" if kind == "p" else "item")
            child.text = "t"
    return root


@settings(max_examples=150, deadline=None)
@given(document=documents(), guessed=st.sets(st.sampled_from(["doc", "p", "hi", "list", "item"])))
def test_pruned_by_element_the_verdicts_are_the_full_grammars(document: etree._Element, guessed: set[str]) -> None:
    grammar = etree.ElementTree(etree.fromstring(GRAMMAR))
    prunable = Prunable(grammar)
    full = etree.RelaxNG(grammar).validate(document)
    exact = exact_vocabulary(document)
    assert _compiled(prunable, exact).validate(document) is full
    # A wrong guess (elements taken for bare that carry attributes) only rejects more.
    wrong = Vocabulary(exact.elements, exact.attributes, exact.elements & {f"{{urn:t}}{n}" for n in guessed})
    if _compiled(prunable, wrong).validate(document):
        assert full


@settings(max_examples=40, deadline=None)
@given(
    attributes=st.lists(
        st.tuples(
            st.sampled_from(["p", "hi", "div", "head", "name", "TEI", "body"]),
            st.sampled_from(["rend", "n", "type", "xml:lang", "xml:id", "when", "bogus"]),
            st.sampled_from(["x", "1", "de", "1920-07-24"]),
        ),
        max_size=4,
    )
)
def test_on_tei_all_the_verdicts_are_those_of_the_grammar_of_the_same_names(
    attributes: list[tuple[str, str, str]],
) -> None:
    prunable = Prunable(etree.parse(str(require_shared("tei-p5/tei_all.rng"))))
    document = etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        "<text><body><div><head>h</head><p>a <hi>b</hi> <name>c</name></p></div></body></text></TEI>"
    )
    for element, attribute, value in attributes:
        target = document if element == "TEI" else document.find(f".//{{{TEI}}}{element}")
        assert target is not None
        target.set(attribute.replace("xml:", "{http://www.w3.org/XML/1998/namespace}"), value)
    exact = exact_vocabulary(document)
    assert exact.bare, "some elements of the document carry no attribute"
    verdicts = [_compiled(prunable, v).validate(document) for v in (exact, exact.clothed())]
    assert verdicts[0] is verdicts[1]


@settings(max_examples=60, deadline=None)
@given(first=documents(), second=documents())
def test_the_names_of_two_documents_are_those_of_both(first: etree._Element, second: etree._Element) -> None:
    both = etree.Element("{urn:t}both")
    both.extend([first, second])
    joined = exact_vocabulary(both)
    union = exact_vocabulary(first) | exact_vocabulary(second) | Vocabulary(frozenset({"{urn:t}both"}), frozenset())
    assert union.elements == joined.elements and union.attributes == joined.attributes
    assert union.bare == joined.bare - {"{urn:t}both"}
    assert union.covers(exact_vocabulary(first)) and union.covers(exact_vocabulary(second))


def _letter(paragraphs: int, last: str) -> str:
    body = "".join(f"<p>Paragraph {n} of a long letter, with nothing on it but text.</p>" for n in range(paragraphs))
    return (
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        f"<text><body><div>{body}{last}</div></body></text></TEI>"
    )


def test_attributes_after_the_guessed_bytes_get_the_findings_of_the_file_alone(tmp_path: Path) -> None:
    # The run's grammar takes <p> for bare (no attribute on one in the first 32 KB of any file); a <p>
    # with attributes further on is then checked against the file's own names.
    tei_all = require_shared("tei-p5/tei_all.rng")
    files = {
        "short.xml": _letter(2, ""),
        "valid-late.xml": _letter(600, '<p rend="italic" n="1">late</p>'),
        "invalid-late.xml": _letter(600, '<p rend="italic" bogus="1">late</p>'),
    }
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    assert paths[1].stat().st_size > 32 << 10
    together = validate_files(paths, [tei_all])
    assert together[str(paths[0])] == together[str(paths[1])] == []
    assert [d.line for d in together[str(paths[2])]] == [1]
    assert "bogus" in together[str(paths[2])][0].message
    for path in paths:
        assert validate_files([path], [tei_all])[str(path)] == together[str(path)]
