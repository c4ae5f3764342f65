"""Findings as a property of the file, located and worded as well as jing's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_encode.validate.run import validate_files
from tests.conftest import require_shared

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = """<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"""
BIBLIOGRAPHY = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
{HEADER}
  <text>
    <body>
      <listBibl>
        <bibl><author>Smith</author>, <title>A Book</title>, <biblScope type="pages">1-10</biblScope></bibl>
        <bibl><author>Jones</author>, <title>Another</title>, <biblScope type="vol">2</biblScope></bibl>
        <biblStruct>
          <monogr><title>Third</title><imprint><date>1900</date></imprint></monogr>
          <idno type="ISBN">123</idno>
        </biblStruct>
      </listBibl>
    </body>
  </text>
</TEI>
"""


@pytest.fixture
def tei_all() -> list[Path]:
    return [require_shared("tei-p5/tei_all.rng")]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_findings_are_the_same_alone_and_among_other_files(tmp_path: Path, tei_all: list[Path]) -> None:
    """The grammar pruned to a whole run's names gave this file 5 findings among the fixtures, 3 alone."""
    bibliography = _write(tmp_path, "bibliography.xml", BIBLIOGRAPHY)
    alone = validate_files([bibliography], tei_all)[str(bibliography)]
    assert [d.line for d in alone] == [8, 9, 12]
    others = sorted(FIXTURES.glob("*.xml")) + sorted(require_shared("real-tei/escher").glob("*.xml"))[:20]
    together = validate_files([bibliography, *others], tei_all)
    assert together[str(bibliography)] == alone
    for other in others[:12]:
        assert validate_files([other], tei_all)[str(other)] == together[str(other)], other.name
