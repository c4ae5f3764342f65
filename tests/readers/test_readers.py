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


BODY = "The body of the letter goes on at length about matters of state and the roads, which keeps it long enough."


def letter_kinds(*chunks: str) -> list[tuple[str, str]]:
    """The kinds and texts of the blocks of a one-letter page whose letter holds ``chunks``."""
    page = "A Collection\n\nNo. 1\n\nLetter from A to B\n\n" + "\n\n".join(chunks) + "\n\nNo. 2\n\nNote\n"
    document = READERS["collection"].read(page, "page.txt", Reporter("page.txt"))[0]
    return [(b.kind, b.text) for b in document.divisions[0].blocks]


@pytest.mark.parametrize(
    "line",
    ["St. Petersburg, 17.XII.", "Kureika, 20.XI.", "Astrakhan 2.XI.19.", "Leningrad, 10.I.26.", "Kazan, 3.10.1918."],
    ids=["two-word-place", "roman-month", "no-comma-and-year", "one-letter-month", "arabic-month"],
)
def test_place_and_dotted_date_is_a_dateline(line: str) -> None:
    assert letter_kinds("Dear friend!", line, BODY, "Yours.", "RGASPI. F. 1. Op. 2. D. 3. L. 4.")[1] == (
        "dateline",
        line,
    )


@pytest.mark.parametrize(
    "line",
    ["Copy to Kuibyshev.", "Moscow, Kremlin. To Lenin personally.", "Article 12.3 of the treaty"],
    ids=["copy-to", "place-and-words", "number-with-a-point"],
)
def test_address_lines_are_not_datelines(line: str) -> None:
    assert letter_kinds(line, BODY, "Yours.", "RGASPI. F. 1. Op. 2. D. 3. L. 4.")[0] == ("address", line)


@pytest.mark.parametrize(
    "citation",
    [
        "TsPA IML. F. 2. Op. 1. D. 24. L. 1.",
        "TsGAOR, f. 130, op. 2, d. 5, l. 7.",
        "TsGASA. F. 33987. Op. 3. D. 32. L. 15.",
        "AP RF. F. 3. Op. 22. D. 12. L. 3.",
        "ЦПА ИМЛ. Ф. 2. Оп. 1. Д. 24. Л. 1.",
    ],
    ids=["tspa-iml", "tsgaor-lower-case", "tsgasa", "ap-rf", "cyrillic"],
)
def test_archive_abbreviations_open_a_citation(citation: str) -> None:
    assert letter_kinds(BODY, "Lenin.", citation)[1:] == [("signature", "Lenin."), ("citation", citation)]


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        (
            [BODY, "L. Trotsky. G. Zinoviev.", "Typescript. Signatures - autographs.", "APRF. F. 3. Op. 27. D. 13."],
            [
                ("signature", "L. Trotsky. G. Zinoviev."),
                ("physdesc", "Typescript. Signatures - autographs."),
                ("citation", "APRF. F. 3. Op. 27. D. 13."),
            ],
        ),
        (
            [BODY, "Trotsky.", "No. 1347/sh.", "RGVA. F. 33987. Op. 1. D. 240. L. 81-82. Copy."],
            [
                ("signature", "Trotsky."),
                ("registration", "No. 1347/sh."),
                ("citation", "RGVA. F. 33987. Op. 1. D. 240. L. 81-82."),
                ("physdesc", "Copy."),
            ],
        ),
        (
            [BODY, "Kirov.", "RGVA. F. 245. Op. 3. D. 11. L. 12 rev. Certified copy."],
            [
                ("signature", "Kirov."),
                ("citation", "RGVA. F. 245. Op. 3. D. 11. L. 12 rev."),
                ("physdesc", "Certified copy."),
            ],
        ),
        (
            [BODY, "Kirov.", "RGVA. F. 245. Op. 3. D. 11. L. 12.", "Telegraph tape."],
            [
                ("signature", "Kirov."),
                ("citation", "RGVA. F. 245. Op. 3. D. 11. L. 12."),
                ("physdesc", "Telegraph tape."),
            ],
        ),
    ],
    ids=["description-before-citation", "number-after-signature", "after-a-reverse-folio", "on-its-own-line"],
)
def test_physical_descriptions_and_numbers_are_not_the_signature(chunks: list[str], expected: list) -> None:
    assert letter_kinds(*chunks)[1:] == expected


@pytest.mark.parametrize(
    "line",
    ["Draft on the land question.", "Original in the party archive.", "Copy.", "Copy by courier to Kazan."],
    ids=["draft-on-a-subject", "original-in-an-archive", "term-alone-amid-the-text", "copy-by-courier"],
)
def test_a_paragraph_of_the_text_is_no_physical_description(line: str) -> None:
    kinds = letter_kinds(BODY, line, "We wait for your answer and the rest of the news.", "Lenin.", "RGASPI. F. 2.")
    assert kinds[1] == ("p", line)


@pytest.mark.parametrize(
    "line",
    ["Typescript with autograph corrections.", "Copy in Stalin's hand.", "Машинопись с правкой.", "Decoded copy."],
    ids=["with-corrections", "in-a-hand", "russian-with-corrections", "decoded-copy"],
)
def test_a_qualified_physical_description_after_the_signature(line: str) -> None:
    assert letter_kinds(BODY, "Lenin.", line, "RGASPI. F. 2. Op. 1. D. 3. L. 4.")[1:3] == [
        ("signature", "Lenin."),
        ("physdesc", line),
    ]


def test_a_decoded_copy_after_the_citation_is_its_physical_description() -> None:
    assert letter_kinds(BODY, "Lenin.", "RGASPI. F. 2. Op. 1. D. 3. L. 4. Decoded copy.")[2:] == [
        ("citation", "RGASPI. F. 2. Op. 1. D. 3. L. 4."),
        ("physdesc", "Decoded copy."),
    ]


@pytest.mark.parametrize(
    ("sentence", "linked"),
    [
        ("the Congress 1 has betrayed Leningrad", True),
        ("what they sent 1 was lost", True),
        ("they counted 1 trains", False),
    ],
    ids=["has", "was", "plural-noun"],
)
def test_a_number_before_a_verb_ending_in_s_is_a_note_reference(sentence: str, linked: bool) -> None:
    chunks = [
        f"{BODY} Then {sentence}, they say.",
        "Author.",
        "RGASPI. F. 1. Op. 2. D. 3. L. 4.",
        "Notes:",
        "1 A note.",
    ]
    document = READERS["collection"].read(
        "A Collection\n\nNo. 1\n\nLetter\n\n" + "\n\n".join(chunks) + "\n\nNo. 2\n\nNote\n", "p.txt", Reporter("p.txt")
    )[0]
    refs = [s for b in document.divisions[0].blocks for s in b.spans if s.kind == "noteref"]
    assert bool(refs) == linked


def test_bulleted_content_labels_head_their_texts() -> None:
    export = (
        EXPORT.replace(
            "Translation - English\n",
            "- Original Scan\n- Translation - English\n- Transcript - Russian\n",
        )
        + "\nПервый абзац письма достаточно длинный, чтобы читатель экспорта принял его за основной текст письма.\n"
    )
    [document] = READERS["wilson"].read(export, "export.txt", Reporter("export.txt"))
    heads = [
        [(b.kind, b.text) for b in d.blocks if b.kind in ("facsimile", "content-label")] for d in document.divisions
    ]
    assert heads == [
        [("facsimile", "Original Scan"), ("content-label", "Translation - English")],
        [("content-label", "Transcript - Russian")],
    ]
    assert [d.attrs["label"] for d in document.divisions] == ["Translation - English", "Transcript - Russian"]
