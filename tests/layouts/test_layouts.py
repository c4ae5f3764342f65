"""Layouts of known formats (``readers/layouts``) and other editions, on made-up documents with gold markup.

Each fixture is written in the style of a layout the converters meet in documents users bring: a Wilson Center
page as copied from today's site; a Wilson Center PDF export whose text came out as one line; a page of a
correspondence edition with several letters, each under a "X to Y <date>" heading, with the archive line
before or after the text, secretary numbers and footnotes after a line of underscores; letters of collected
works (the editors' "Written on ..." lines, the volume's endnote numbers). Each must score at
least its minimum against its gold, come out as the expected number of documents, stay valid, and lose no
word but the site chrome the converter reports dropping.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.pipeline import convert_path
from tei_encode.readers import reader_for
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.run import validate_file
from tei_encode.xmlio import serialize

from ..conftest import CORPUS, require_shared, words_lost

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = {path.stem: path for path in sorted(FIXTURES.glob("*.txt"))}
# Layout detected, documents written, minimum overall F1 and value accuracy.
EXPECTED = {
    "edition-molotov-voroshilov-1934": ("edition", 3, 0.96, 0.98),  # two letters and the index of the page
    "wilson-pdf-kim-shtykov-1949": ("wilson-pdf", 1, 0.98, 0.98),
    # The register's names of China take "Republic of China" out of "People's Republic of China".
    "wilson-site-roshchin-1950": ("wilson-site", 1, 0.95, 0.98),
    # Dates given in the Old Style with the New Style in brackets, as ranges, are still read as three dates.
    "works-lenin-letters-1912": ("works", 3, 0.82, 0.98),  # two letters and the index of the page
}
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Reporter]]:
    """Each fixture's TEI files in a directory of their own, with what the conversion reported."""
    register = Register.from_directory(CORPUS / "register")
    root = tmp_path_factory.mktemp("layouts")
    result = {}
    for name, source in SOURCES.items():
        directory = root / name
        directory.mkdir()
        reporter = Reporter(source.name)
        for item in convert_path(source, register, reporter):
            (directory / item.filename).write_bytes(serialize(item.tree))
        result[name] = (directory, reporter)
    return result


def test_every_fixture_has_gold_and_expectations() -> None:
    assert sorted(SOURCES) == sorted(EXPECTED)
    assert all((FIXTURES / f"{name}.json").is_file() for name in SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_layout_is_detected_and_gives_its_documents(converted: dict[str, tuple[Path, Reporter]], name: str) -> None:
    layout, documents, _, _ = EXPECTED[name]
    assert reader_for(SOURCES[name].read_text(encoding="utf-8")).name == layout
    assert len(list(converted[name][0].glob("*.xml"))) == documents


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_markup_scores_against_the_gold(converted: dict[str, tuple[Path, Reporter]], name: str) -> None:
    tool = require_shared("tools/score_markup.py")
    files = [str(p) for p in sorted(converted[name][0].glob("*.xml"))]
    command = [sys.executable, str(tool), str(FIXTURES / f"{name}.json"), *files, "--json"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    _, _, f1, value = EXPECTED[name]
    assert overall["f1"] >= f1 and overall["value_acc"] >= value, overall


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_no_word_is_lost_but_the_chrome_reported(converted: dict[str, tuple[Path, Reporter]], name: str) -> None:
    directory, reporter = converted[name]
    dropped = [d.message.split(": ", 1)[1] for d in reporter.diagnostics if d.code == "site-chrome-dropped"]
    chrome = Counter(w for line in dropped for w in re.findall(r"\w+", unicodedata.normalize("NFC", line).casefold()))
    assert words_lost(SOURCES[name], sorted(directory.glob("*.xml"))) - chrome == Counter()


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_valid_against_the_project_schemas(converted: dict[str, tuple[Path, Reporter]], name: str) -> None:
    validators = [load_validator(schema) for schema in default_schemas()]
    files = sorted(converted[name][0].glob("*.xml"))
    assert [d.format() for path in files for d in validate_file(path, validators)] == []


def test_the_document_information_of_a_wilson_page_goes_into_the_header(
    converted: dict[str, tuple[Path, Reporter]],
) -> None:
    [path] = converted["wilson-site-roshchin-1950"][0].glob("*.xml")
    root = etree.parse(str(path)).getroot()
    bibl = root.find(f".//{TEI}sourceDesc/{TEI}bibl")
    assert bibl is not None
    assert bibl.findtext(f"{TEI}availability/{TEI}p", "").startswith("The History and Public Policy Program")
    assert bibl.findtext(f"{TEI}idno[@type='record']") == "300217"
    assert bibl.find(f"{TEI}date[@n='Original Uploaded Date']").get("when") == "2019-05-20"  # type: ignore[union-attr]
    assert bibl.findtext(f"{TEI}textLang") == "Russian"
    assert root.findtext(f".//{TEI}msIdentifier/{TEI}idno[@type='delo']") == "234"
    assert root.findtext(f".//{TEI}titleStmt/{TEI}title", "").startswith("Cable from N. V. Roshchin")
    text = "".join(root.find(f"{TEI}text").itertext())  # type: ignore[union-attr]
    assert "Skip to content" not in text and "Privacy Policy" not in text and "Document Information" not in text


def test_each_letter_of_an_edition_page_is_a_document_with_its_own_notes(
    converted: dict[str, tuple[Path, Reporter]],
) -> None:
    directory = converted["edition-molotov-voroshilov-1934"][0]
    letters = sorted(directory.glob("*-0*.xml"))
    assert [p.name for p in letters] == [
        "edition-molotov-voroshilov-1934-01.xml",
        "edition-molotov-voroshilov-1934-02.xml",
    ]
    first, second = (etree.parse(str(p)).getroot() for p in letters)
    assert first.find(f".//{TEI}profileDesc//{TEI}date").get("when") == "1934-09-04"  # type: ignore[union-attr]
    assert [n.get("n") for n in first.iter(f"{TEI}note") if n.get("place") == "end"] == ["1", "2"]
    assert [n.get("n") for n in second.iter(f"{TEI}note") if n.get("place") == "end"] == ["1"]
    assert first.findtext(f".//{TEI}msIdentifier/{TEI}idno[@type='folios']") == "12-13"
    assert second.findtext(f".//{TEI}msIdentifier/{TEI}idno[@type='folios']") == "14"
    assert "Greetings to Ekaterina" not in "".join(first.itertext())


def test_a_flattened_export_gets_its_fields_back(converted: dict[str, tuple[Path, Reporter]]) -> None:
    [path] = converted["wilson-pdf-kim-shtykov-1949"][0].glob("*.xml")
    root = etree.parse(str(path)).getroot()
    assert root.findtext(f".//{TEI}titleStmt/{TEI}title") == (
        "Record of a Conversation between T. F. Shtykov and Kim Il Sung on the Trip to Moscow"
    )
    assert "".join(root.find(f".//{TEI}abstract/{TEI}p").itertext()).startswith("Shtykov and Kim")  # type: ignore[union-attr]
    assert root.find(f".//{TEI}language[@n='Original Language']") is not None
    [text] = root.iterfind(f".//{TEI}body/{TEI}div")
    assert text.get("type") == "translation" and text.findtext(f"{TEI}p", "").startswith("On ")


def test_letters_of_collected_works_take_their_date_and_their_own_endnotes(
    converted: dict[str, tuple[Path, Reporter]],
) -> None:
    directory = converted["works-lenin-letters-1912"][0]
    first, second = (etree.parse(str(p)).getroot() for p in sorted(directory.glob("*-0*.xml")))
    assert [n.get("n") for n in first.iter(f"{TEI}note") if n.get("place") == "end"] == ["45", "46"]
    assert [n.get("n") for n in second.iter(f"{TEI}note") if n.get("place") == "end"] == ["47"]
    assert second.find(f".//{TEI}docDate/{TEI}date").get("when") == "1913-02-08"  # type: ignore[union-attr]
    assert [r.get("n") for r in first.iter(f"{TEI}ref") if r.get("type") == "noteAnchor"] == ["45", "46"]
    assert "First published in 1930" in "".join(second.find(f".//{TEI}sourceDesc").itertext())  # type: ignore[union-attr]


WEB_LETTER = """A. B. Author



Written: Written March 3, 1912
Published: First published in 1930. Sent from Cracow to Capri. Printed from the original.
Source: Collected Works, Volume 9, pages 12-13.
Translated: Ann Smith and Bob Jones
Transcription\\Markup:
C. Doe

Dear Friend,

The letter's first paragraph is long enough to be a paragraph of the text, and it refers to a note.[1]

Yours,
A. B.

[1] The note of the editors to the first paragraph.

< backward   forward >
"""


def test_a_collected_works_letter_from_the_web_puts_its_fields_into_the_header(tmp_path: Path) -> None:
    source = tmp_path / "web-letter.txt"
    source.write_text(WEB_LETTER, encoding="utf-8")
    assert reader_for(WEB_LETTER).name == "works"
    reporter = Reporter(source.name)
    [item] = convert_path(source, Register.from_directory(CORPUS / "register"), reporter)
    root = item.tree
    assert root.findtext(f".//{TEI}titleStmt/{TEI}title") == "A. B. Author"
    assert root.find(f".//{TEI}docDate/{TEI}date").get("when") == "1912-03-03"  # type: ignore[union-attr]
    header = "".join(root.find(f".//{TEI}sourceDesc").itertext())  # type: ignore[union-attr]
    assert "Translated: Ann Smith and Bob Jones" in header and "C. Doe" in header
    assert [n.get("n") for n in root.iter(f"{TEI}note") if n.get("place") == "end"] == ["1"]
    body = "".join(root.find(f".//{TEI}body").itertext())  # type: ignore[union-attr]
    assert body.lstrip().startswith("Dear Friend,") and "backward" not in body
    assert [d.code for d in reporter.diagnostics if d.code == "site-chrome-dropped"] == ["site-chrome-dropped"]


NUMBERED_WEB_LETTER = """A. B. Author

214

To:   C. D. FRIEND


Published: First published in 1930. Printed from the original.
Source: Collected Works, Volume 9, page 12.
Other Formats:   Text


3/IX.1912

Dear Friend:

The letter's first paragraph is long enough to be a paragraph of the text, and it says what it has to say.[1]

Yours,
A. B.


Notes

[1] The editors' note to the first paragraph.
"""


def test_a_web_letter_keeps_its_number_in_the_volume_and_the_lines_above_its_heading() -> None:
    [document] = reader_for(NUMBERED_WEB_LETTER).read(NUMBERED_WEB_LETTER, "web.txt", Reporter("web.txt"))
    number = document.fields["number"]
    assert (document.meta.number, [(s.kind, number.text[s.start : s.end]) for s in number.spans]) == (
        "214",
        [("idno", "214")],
    )
    assert document.title.text == "To:   C. D. FRIEND"
    blocks = [b.text for d in document.divisions for b in d.blocks]
    assert blocks[0] == "A. B. Author" and "3/IX.1912" in blocks and "Dear Friend:" in blocks
    assert "3/IX.1912" not in document.fields["editorial"].text
    assert "Notes" not in blocks and [d.attrs.get("label") for d in document.divisions] == [None, "Notes"]


SITE_PAGE = """Skip to content

March 3, 1950

Cable from Ivanov to Petrov on the Harvest

To Petrov:

The harvest in the northern districts was gathered in time, and the seed for next year is stored.

Ivanov
3.III.1950

Ivanov reports on the harvest to Petrov.

Author(s):

Document Information

Source

GARF, f. 5446, op. 1, d. 2, l. 7.

Rights

The program welcomes reuse of these materials for research.

Original Uploaded Date

2011-11-20

Type

Cable

Language

Record ID

12345

Privacy Policy
"""


def test_a_site_page_without_citation_field_has_its_text_in_the_body_and_its_fields_in_the_header(
    tmp_path: Path,
) -> None:
    source = tmp_path / "site-page.txt"
    source.write_text(SITE_PAGE, encoding="utf-8")
    assert reader_for(SITE_PAGE).name == "wilson-site"
    [item] = convert_path(source, Register.from_directory(CORPUS / "register"), Reporter(source.name))
    root = item.tree
    assert root.findtext(f".//{TEI}titleStmt/{TEI}title") == "Cable from Ivanov to Petrov on the Harvest"
    assert root.findtext(f".//{TEI}sourceDesc//{TEI}idno[@type='record']") == "12345"
    assert root.find(f".//{TEI}sourceDesc//{TEI}availability") is not None
    body = " ".join(root.find(f".//{TEI}body").itertext())  # type: ignore[union-attr]
    assert "The harvest in the northern districts" in body
    assert not any(label in body for label in ("Author(s)", "Document Information", "Source", "Record ID", "12345"))
    assert "Skip to content" not in " ".join(root.itertext()) and "Privacy Policy" not in " ".join(root.itertext())


def test_a_site_page_that_leaves_its_record_id_empty_gives_no_record_number(tmp_path: Path) -> None:
    page = SITE_PAGE.replace("Record ID\n\n12345\n\nPrivacy Policy\n", "Record ID\n\n\n\nLeon Levy Foundation\n")
    source = tmp_path / "site-page.txt"
    source.write_text(page, encoding="utf-8")
    [item] = convert_path(source, Register.from_directory(CORPUS / "register"), Reporter(source.name))
    root = item.tree
    assert root.find(f".//{TEI}sourceDesc//{TEI}idno[@type='record']") is None
    assert root.findtext(f".//{TEI}sourceDesc//{TEI}note[@type='trailing']") == "Leon Levy Foundation"
