"""Whether a content model accepts its children cut before an ``x`` (``children.py``)."""

from __future__ import annotations

import pytest
from lxml import etree

from tei_encode.validate.children import synchronizing
from tei_encode.validate.rngnodes import RNG_NS

X = '<ref name="x"/>'
A = '<ref name="a"/>'


def _grammar(content: str) -> etree._ElementTree:
    return etree.fromstring(
        f'<grammar xmlns="{RNG_NS}"><start><element name="r">{content}</element></start>'
        '<define name="x"><element name="x"><text/></element></define>'
        '<define name="a"><element name="a"><empty/></element></define>'
        '<define name="c"><element name="c"><empty/></element></define></grammar>'
    ).getroottree()


@pytest.mark.parametrize(
    ("content", "accepts"),
    [
        (f"<zeroOrMore>{X}</zeroOrMore>", True),
        (f'<optional>{A}</optional><oneOrMore>{X}</oneOrMore><ref name="c"/>', True),
        (f"<oneOrMore>{X}<optional>{A}</optional></oneOrMore>", True),
        (f"<mixed><zeroOrMore>{X}</zeroOrMore></mixed>", True),
        (f'<optional><attribute name="n"/></optional><zeroOrMore>{X}</zeroOrMore>', True),
        (f"{X}<optional>{X}</optional><optional>{X}</optional>", False),
        (
            f"<choice><group>{A}<zeroOrMore>{X}</zeroOrMore></group><group><zeroOrMore>{X}</zeroOrMore>"
            '<ref name="c"/></group></choice>',
            False,
        ),
        (f"<interleave><zeroOrMore>{X}</zeroOrMore>{A}</interleave>", False),
        (f'<choice><attribute name="n"/><zeroOrMore>{X}</zeroOrMore></choice>', False),
        (f"<zeroOrMore>{X}</zeroOrMore><data type='string'/>", False),
    ],
    ids=[
        "repeated",
        "repeated-between",
        "repeated-with-others",
        "mixed",
        "attributes-beside",
        "bounded",
        "branches",
        "interleaved-once",
        "attributes-or-children",
        "data",
    ],
)
def test_models_that_accept_their_children_cut(content: str, accepts: bool) -> None:
    assert synchronizing(_grammar(content), "r", "x") is accepts


def test_a_model_too_large_to_explore_is_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    from tei_encode.validate import children

    monkeypatch.setattr(children, "_STATES", 1)
    assert not synchronizing(_grammar(f"<zeroOrMore>{X}</zeroOrMore><zeroOrMore>{A}</zeroOrMore>"), "r", "x")
