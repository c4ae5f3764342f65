"""Element-only content is indented; mixed content keeps every character, whitespace included."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.pipeline import convert_path
from tei_encode.register import Register
from tei_encode.writers.indent import indent
from tei_encode.xmlio import serialize

from ..conftest import CORPUS, SOURCES

NS = 'xmlns="http://www.tei-c.org/ns/1.0"'
FLAT = (
    f"<TEI {NS}><text><body><div><opener><salute>Dear</salute> <dateline>Moscow</dateline></opener>"
    "<p><persName>Lenin</persName> <persName>Trotsky</persName></p><p>text</p>"
    "<postscript><p>P.S.</p></postscript></div><div>stray <p>text</p></div></body></text></TEI>"
)
INDENTED = f"""<TEI {NS}>
  <text>
    <body>
      <div>
        <opener><salute>Dear</salute> <dateline>Moscow</dateline></opener>
        <p><persName>Lenin</persName> <persName>Trotsky</persName></p>
        <p>text</p>
        <postscript>
          <p>P.S.</p>
        </postscript>
      </div>
      <div>stray <p>text</p></div>
    </body>
  </text>
</TEI>"""


def test_element_only_content_is_indented_and_mixed_content_left_alone() -> None:
    root = indent(etree.fromstring(FLAT))
    assert etree.tostring(root, encoding="unicode") == INDENTED


def test_indenting_twice_changes_nothing() -> None:
    once = etree.tostring(indent(etree.fromstring(FLAT)))
    assert etree.tostring(indent(etree.fromstring(once))) == once


def test_every_paragraph_of_the_corpus_starts_a_line_of_its_own(tmp_path: Path) -> None:
    register = Register.from_directory(CORPUS / "register")
    for source in SOURCES.values():
        for item in convert_path(source, register, Reporter(source.name)):
            data = serialize(item.tree)
            tree = etree.fromstring(data)
            paragraphs = [p for p in tree.iter("{*}p") if p.getparent().tag.endswith("}div")]
            lines = [p.sourceline for p in paragraphs]
            assert len(set(lines)) == len(lines), item.filename
            text = data.decode()
            for p in paragraphs:
                assert text.splitlines()[p.sourceline - 1].lstrip().startswith("<p"), item.filename
