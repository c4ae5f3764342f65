"""The model's span kinds and the TEI elements the writer maps them to; the model itself knows nothing of TEI."""

from __future__ import annotations

import ast
from pathlib import Path

from tei_encode import model
from tei_encode.model import SPAN_KINDS, ArchivalCitation, Block, Document, DocumentDate, Metadata, dump
from tei_encode.writers.inline import ELEMENTS


def test_every_span_kind_of_the_model_has_a_tei_element() -> None:
    assert sorted(ELEMENTS) == sorted(SPAN_KINDS)


def test_the_model_imports_nothing_of_xml() -> None:
    tree = ast.parse(Path(model.__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {name for name in imported if "lxml" in name or "xml" in name or name.startswith(".")}


def test_the_dump_lists_the_metadata_that_is_set() -> None:
    meta = Metadata(
        number="91",
        year=1921,
        date=DocumentDate(not_before="1921-08-21"),
        archival=ArchivalCitation("RGASPI", "RTsKhIDNI", fond="17", delo="5"),
    )
    document = Document("d", "s.txt", "letter", "en", Block("title", "T"), meta=meta)
    assert [line for line in dump(document).splitlines() if line.startswith("  meta")] == [
        "  meta archival.delo=5",
        "  meta archival.fond=17",
        "  meta archival.repository=RGASPI",
        "  meta archival.repository-as-written=RTsKhIDNI",
        "  meta date.not-before=1921-08-21",
        "  meta number=91",
        "  meta year=1921",
    ]
