"""A Word file in a corpus folder is built like any other source: TEI, its validation and its pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tei_encode.build import build

from ...conftest import CORPUS
from .package import comments, docx, notes, p, r


def test_build_converts_a_word_file_beside_text_sources(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "register", corpus / "register")
    body = p(r("Letter from Moscow"), props='<w:outlineLvl w:val="0"/>') + p(
        r("Received on 3 May 1921"),
        r(extra='<w:footnoteReference w:id="1"/>'),
        r(extra='<w:commentReference w:id="0"/>'),
    )
    parts = {"footnotes": notes("footnote", {"1": "Date in pencil."}), "comments": comments({"0": ("Ed", "Verify.")})}
    (corpus / "letter.docx").write_bytes(docx(body, parts=parts))
    out = tmp_path / "out"
    build(corpus, out)
    tei = (out / "tei" / "letter.xml").read_bytes()
    assert b'<date when="1921-05-03">3 May 1921</date>' in tei
    assert b'<note place="foot" n="1">Date in pencil.</note>' in tei
    assert (out / "html" / "letter.html").exists()
    validation = json.loads((out / "validation.json").read_text(encoding="utf-8"))
    assert validation["invalid"] == [] and validation["diagnostics"] == []
    again = tmp_path / "again"
    build(corpus, again)
    assert (again / "tei" / "letter.xml").read_bytes() == tei
