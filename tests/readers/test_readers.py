"""Readers on small made-up sources: structure of the document model, format detection."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.model import dump
from tei_encode.readers import READERS, reader_for

EXPORT = """
March 3, 1950
**Letter from Ivanov to Petrov**

Citation:

"Letter from Ivanov to Petrov", March 3, 1950, Wilson Center Digital Archive, GARF, f. 5446, op. 1, d. 2, l. 7.
Translated by Jane Roe. <https://digitalarchive.example/document/42>

Summary:

A short summary.

Original Language:

Russian

Contents:

Translation - English

TOP SECRET

To Comrade Petrov

Dear Comrade Petrov!

The first paragraph of the letter is long enough to be taken for body text by the reader of the export.

IVANOV

March 3, 1950
"""

PAGE = """Site title

Home | Letters | Search | About

 A Collection. 1920-1921
Compiled by: A.B.Author.

No. 7

Letter from A. B. Author to C. D. Reader

May 5 [1920]

Moscow, 5/5.

The body of the letter names a point 1 and goes on at length about matters of state, which keeps it long.
It adds a second point2 later.

Author.

RGASPI. F. 1. Op. 2. D. 3. L. 4. Autograph.

Notes:

The first note has lost its number.

2 The second note.

No. 8

A. B. Author - C. D. Reader

[May 6, 1920]

Short text that is a paragraph because it runs on for long enough to be one, well past the limit of a line.

Author.

Ibid. D. 5. L. 6. Typewritten copy.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [(EXPORT, "wilson"), (PAGE, "collection"), ("Just a line.\n", "plain")],
    ids=["wilson-export", "collection-page", "plain-text"],
)
def test_format_detection(text: str, expected: str) -> None:
    assert reader_for(text).name == expected


def test_wilson_export_with_english_translation_only() -> None:
    reporter = Reporter("export.txt")
    [document] = READERS["wilson"].read(EXPORT, "export.txt", reporter)
    model = dump(document)
    assert "title: 'Letter from Ivanov to Petrov'" in model
    assert "field date: 'March 3, 1950'" in model
    assert "field contributor: 'Translated by Jane Roe. <https://digitalarchive.example/document/42>'" in model
    assert "meta original-language=ru" in model
    assert "meta export-id=42" in model
    assert "division translation label=Translation - English lang=en n=1" in model
    kinds = [b.kind for b in document.divisions[0].blocks]
    assert kinds == ["content-label", "stamp", "address", "salute", "p", "signature", "dateline"]


def test_collection_page_items_notes_and_chrome() -> None:
    reporter = Reporter("page.txt")
    documents = READERS["collection"].read(PAGE, "page.txt", reporter)
    assert [d.id for d in documents] == ["page-no007", "page-no008"]
    first, second = (dump(d) for d in documents)
    assert "field collection: 'Site title\\nA Collection. 1920-1921\\nCompiled by: A.B.Author.'" in first
    assert "field date: 'May 5 [1920]'" in first
    assert "dateline: 'Moscow, 5/5.'" in first
    assert "noteref" in first and "'2' n=2" in first
    assert "note n=1 numbered=no: 'The first note has lost its number.'" in first
    assert "citation: 'RGASPI. F. 1. Op. 2. D. 3. L. 4.'" in first
    assert "physdesc: 'Autograph.'" in first
    assert "title: 'A. B. Author - C. D. Reader'" in second
    assert "physdesc: 'Typewritten copy.'" in second
    assert [d.code for d in reporter] == ["site-chrome-dropped"]
    assert reporter.diagnostics[0].line == 3


@pytest.mark.parametrize(
    ("name", "expected"),
    [("cable 12 (copy).txt", "cable-12-copy"), ("1951-letters.txt", "d-1951-letters"), ("Ёж.txt", "document")],
    ids=["spaces-and-brackets", "leading-digit", "no-ascii"],
)
def test_document_ids_are_xml_names(name: str, expected: str) -> None:
    [document] = READERS["plain"].read("Title\n\nText.\n", name, Reporter(name))
    assert document.id == expected
