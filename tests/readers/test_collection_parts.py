"""Collection pages: single-document pages, note numbers beside datelines, the year of an undated letter, and the
parts around a letter's text (salutations, closing formulae, closing datelines, postscripts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich
from tei_encode.model import Document
from tei_encode.readers import READERS, reader_for
from tei_encode.readers.blocks import chunks
from tei_encode.readers.collection import dateline_year
from tei_encode.readers.layout import classify_witness
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator
from tei_encode.writers.tei import TeiWriter
from tei_encode.xmlio import serialize

from ..conftest import CORPUS

BODY = "The body of the letter goes on at length about matters of state and the roads, which keeps it long enough."
CITATION = "RGASPI. F. 5. Op. 1. D. 20. L. 3."
HEADER = "Site title\n\nHome | Letters | Search | About\n\n Letters of the Revolution. 1917-1929\n\n"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def read_letter(*chunks: str, header: str = HEADER) -> Document:
    """The first document of a page whose first letter holds ``chunks`` (and its notes)."""
    page = header + "No. 1\n\nLetter from A to B\n\n" + "\n\n".join(chunks) + "\n\nNo. 2\n\nNote\n"
    return READERS["collection"].read(page, "page.txt", Reporter("page.txt"))[0]


def kinds(*chunks: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_letter(*chunks).divisions[0].blocks]


def note_references(document: Document) -> list[tuple[str, str]]:
    """(block kind, referenced number) for every note reference in the letter."""
    return [(b.kind, s.attr("n")) for b in document.divisions[0].blocks for s in b.spans if s.kind == "noteref"]


@pytest.mark.parametrize(
    "dateline",
    ["London, 9/III-21.", "Riga, 21.VIII.21.", "Moscow, 4/VII-22.", "Kazan, 3.10.1921.", "Baku, 12/XI-1921."],
    ids=["dash-year", "dotted-roman", "dash-two", "dotted-arabic", "dash-four-digits"],
)
def test_the_year_of_a_dateline_is_not_a_note_reference(dateline: str) -> None:
    document = read_letter(
        dateline, BODY + " The rumour spread to Moscow 1.", "Author.", CITATION, "Notes:", "1 A note."
    )
    assert note_references(document) == [("p", "1")]
    assert document.divisions[0].blocks[0].text == dateline


@settings(max_examples=40, deadline=None)
@given(day=st.integers(1, 28), month=st.sampled_from(ROMAN), year=st.integers(10, 29), sep=st.sampled_from("-./"))
def test_no_dateline_digit_points_to_a_note(day: int, month: str, year: int, sep: str) -> None:
    dateline = f"Tiflis, {day}/{month}{sep}{year}."
    document = read_letter(dateline, BODY, "Author.", CITATION, "Notes:", "1 A note.", "2 Another.")
    assert not any(kind == "dateline" for kind, _ in note_references(document))


def test_a_number_apart_from_a_date_at_a_line_end_still_points_to_a_note() -> None:
    document = read_letter(BODY + "\nKharkiv 24/7 1", "Author.", CITATION, "Notes:", "1 A note.")
    assert note_references(document) == [("p", "1")]


ONE_DOCUMENT = "No. 12\n\nLetter from A. B. Author to C. D. Reader\n\nMay 5 [1920]\n\n" + BODY + "\n\nAuthor.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEADER + ONE_DOCUMENT + CITATION + "\n\nNotes:\n\n1 A note.\n", "collection"),
        (HEADER + ONE_DOCUMENT, "collection"),
        (ONE_DOCUMENT + CITATION + "\n", "collection"),
        (ONE_DOCUMENT, "plain"),
        ("Minutes\n\nNo. 3\n\nThe meeting opened at noon.\n", "plain"),
    ],
    ids=["bar-citation-notes", "navigation-bar", "citation-only", "number-only", "numbered-minutes"],
)
def test_a_page_with_one_numbered_document(text: str, expected: str) -> None:
    assert reader_for(text).name == expected


def test_a_single_document_page_drops_the_navigation_bar_and_links_its_notes() -> None:
    text = HEADER + ONE_DOCUMENT.replace("Author.\n", "Author 1.\n") + CITATION + "\n\nNotes:\n\n1 A note.\n"
    reporter = Reporter("page.txt")
    [document] = reader_for(text).read(text, "page.txt", reporter)
    assert document.id == "page-no012"
    assert "Home |" not in document.fields["collection"].text
    assert note_references(document) == [("signature", "1")]
    assert [d.code for d in reporter] == ["site-chrome-dropped"]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Riga, 21.VIII.21.", (1912, 1927), 1921),
        ("London, 9/III-21.", (1912, 1927), 1921),
        ("Astrakhan 2.XI.19.", (1912, 1927), 1919),
        ("Leningrad, 10.I.26.", (1912, 1927), 1926),
        ("Kastornaya, 16/XI 1919.", None, 1919),
        ("Kazan, 3.10.1918.", None, 1918),
        ("Petrograd, 17 October 1919, 16 h.", None, 1919),
        ("Genoa, April 17, 1922, 3 h. night.", None, 1922),
        ("Riga, 21.VIII.21.", None, None),
        ("Warsaw, 5.V.39.", (1912, 1927), None),
        ("Petrograd 16/X, 23 h. 10 m.", (1912, 1927), None),
        ("Cracow, 10/XI.", (1912, 1927), None),
    ],
    ids=[
        "dotted-two-digits", "dashed-two-digits", "no-comma", "month-one", "four-digits-after-space",
        "four-digits-after-point", "day-month-name", "month-name-day", "two-digits-without-span",
        "two-digits-outside-span", "hour-after-comma", "no-year",
    ],
)  # fmt: skip
def test_the_year_a_dateline_states(text: str, span: tuple[int, int] | None, expected: int | None) -> None:
    assert dateline_year(text, span) == expected


def test_a_letter_without_a_date_line_takes_its_year_from_its_dateline() -> None:
    document = read_letter("Riga, 21.VIII.21.", "Dear friend!", BODY, "M. Litvinov.", CITATION)
    assert "date" not in document.fields
    assert document.meta.year == 1921


def test_a_date_line_is_the_document_date_and_the_dateline_adds_no_year() -> None:
    document = read_letter("March 9 [1921]", "London, 9/III-21.", BODY, "Krasin.", CITATION)
    assert document.fields["date"].text == "March 9 [1921]"
    assert document.meta.year is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dear Koba,", "salute"),
        ("Hello, Koba!", "salute"),
        ("Comrade Stalin!", "salute"),
        ("Дорогой Серго!", "salute"),
        ("Extra urgent!", "address"),
        ("Moscow, Kremlin, to Lenin.", "address"),
        ("Copy to Kuibyshev.", "address"),
    ],
    ids=["dear-comma", "hello", "call", "cyrillic", "stamp-word", "telegram-address", "copy-to"],
)
def test_salutations_before_the_text(line: str, expected: str) -> None:
    assert kinds(line, BODY, "Author.", CITATION)[0] == (expected, line)


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Your Mikhail.", [("salute", "Your"), ("signature", "Mikhail.")]),
        ("With greetings, L. Krasin.", [("salute", "With greetings,"), ("signature", "L. Krasin.")]),
        ("Communist greetings F. Dzerzhinsky.", [("salute", "Communist greetings"), ("signature", "F. Dzerzhinsky.")]),
        ("I embrace you. Your Klim.", [("salute", "I embrace you. Your"), ("signature", "Klim.")]),
        ("Yours truly,\nA. Ivanov", [("salute", "Yours truly,"), ("signature", "A. Ivanov")]),
        ("Ваш Н. Бухарин", [("salute", "Ваш"), ("signature", "Н. Бухарин")]),
        ("Yurovsky.", [("signature", "Yurovsky.")]),
        ("L. Trotsky. G. Zinoviev.", [("signature", "L. Trotsky. G. Zinoviev.")]),
        ("Your loving friend and comrade.", [("signature", "Your loving friend and comrade.")]),
    ],
    ids=[
        "your", "greetings", "communist-greetings", "parting-sentence", "two-lines", "cyrillic", "name-like-your",
        "names", "no-name",
    ],
)  # fmt: skip
def test_a_closing_formula_is_a_salute_before_the_signature(signature: str, expected: list) -> None:
    assert kinds(BODY, signature, CITATION)[1:-1] == expected


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        (["F. Dzerzhinsky.", "Tiflis, 5.IX.24."], [("signature", "F. Dzerzhinsky."), ("dateline", "Tiflis, 5.IX.24.")]),
        (["Nikolai.", "8.IX.25."], [("signature", "Nikolai."), ("dateline", "8.IX.25.")]),
        (["Moscow, 4/VII-26.", "V. Molotov."], [("dateline", "Moscow, 4/VII-26."), ("signature", "V. Molotov.")]),
    ],
    ids=["place-and-date-after", "date-only-after", "dateline-before"],
)  # fmt: skip
def test_a_closing_dateline_is_not_the_signature(closing: list[str], expected: list) -> None:
    assert kinds(BODY, *closing, CITATION)[1:-1] == expected


def test_a_postscript_follows_the_signature() -> None:
    blocks = read_letter(BODY, "M. Litvinov.", "P.S. Tell Kamenev at once.", "And Chicherin too.", CITATION)
    letter = blocks.divisions[0].blocks
    assert [(b.kind, b.text, b.attrs) for b in letter[1:-1]] == [
        ("signature", "M. Litvinov.", {}),
        ("p", "P.S. Tell Kamenev at once.", {"postscript": "yes"}),
        ("p", "And Chicherin too.", {"postscript": "yes"}),
    ]


TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.mark.parametrize(
    ("postscript", "ending"),
    [([], ["closer", "note"]), (["P.S. Kamenev telegraphed."], ["closer", "postscript", "note"])],
    ids=["closer", "postscript-after-it"],
)
def test_a_letter_with_all_its_parts_is_valid_tei(postscript: list[str], ending: list[str]) -> None:
    document = read_letter(
        "Riga, 21.VIII.21.",
        "Dear Georgy Vasilyevich!",
        BODY + " The ships come on September 1 1.",
        "With communist greetings, M. Litvinov.",
        "Moscow, 22.VIII.21.",
        *postscript,
        CITATION,
        "Notes:",
        "1 A note.",
    )
    register = Register.from_directory(CORPUS / "register")
    reporter = Reporter("page.txt")
    enrich(document, Context(register), reporter)
    tree = etree.fromstring(serialize(TeiWriter().write(document, register, reporter)))
    assert [d.format() for d in load_validator(default_schemas()[0]).iter_errors(tree)] == []
    closer = tree.find(f".//{TEI}closer")
    assert [etree.QName(child).localname for child in closer] == ["salute", "signed", "dateline"]
    assert [etree.QName(child).localname for child in closer.getparent()][-len(ending) :] == ending
    assert "1921-09-01" in [d.get("when") for d in tree.iterfind(f".//{TEI}body//{TEI}date")]


WITNESS_BODY = "Я ответил, что его сообщение будет немедленно передано в Москву, и просил указаний по этому вопросу."


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        (["РОЩИН", "14.I.50 г."], [("signature", "РОЩИН"), ("dateline", "14.I.50 г.")]),
        (["ROSHCHIN", "14.I.50"], [("signature", "ROSHCHIN"), ("dateline", "14.I.50")]),
        (["А. Поскребышев\n11.IV.49"], [("signature", "А. Поскребышев"), ("dateline", "11.IV.49")]),
        (["Zhou Enlai\n10 October [1950]"], [("signature", "Zhou Enlai"), ("dateline", "10 October [1950]")]),
        (["Ni Zhiliang\n8 October 1950, 21:00"], [("signature", "Ni Zhiliang"), ("dateline", "8 October 1950, 21:00")]),
        (["г. Пхеньян\n5 марта 1953 г."], [("p", "г. Пхеньян\n5 марта 1953 г.")]),
        (["Reported to Malenkov\n5.III.53"], [("p", "Reported to Malenkov\n5.III.53")]),
    ],
    ids=[
        "roman-month-year", "roman-month-bare", "initials-and-date", "name-and-bracketed-year", "name-date-hour",
        "place", "sentence",
    ],
)  # fmt: skip
def test_a_transcription_closes_with_a_signature_and_a_date(closing: list[str], expected: list) -> None:
    blocks = classify_witness(chunks("\n\n".join([WITNESS_BODY, *closing])), "ru")
    assert [(b.kind, b.text) for b in blocks[1:]] == expected


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        (
            ["With deep respect,", "KIM IL SUNG", "Pyongyang"],
            [("salute", "With deep respect,"), ("signature", "KIM IL SUNG"), ("dateline", "Pyongyang")],
        ),
        (
            ["С глубоким уважением", "КИМ ИР СЕН", "г. Пхеньян\n5 марта 1953 г."],
            [
                ("salute", "С глубоким уважением"),
                ("signature", "КИМ ИР СЕН"),
                ("dateline", "г. Пхеньян\n5 марта 1953 г."),
            ],
        ),
        (["KIM IL SUNG", "PAK HON-YONG"], [("signature", "KIM IL SUNG"), ("signature", "PAK HON-YONG")]),
        (["ROSHCHIN", "Moscow has been told."], [("signature", "ROSHCHIN"), ("p", "Moscow has been told.")]),
    ],
    ids=["formula-name-place", "cyrillic-place-and-date", "second-signature", "sentence-after-signature"],
)  # fmt: skip
def test_a_closing_formula_and_the_place_under_a_signature(closing: list[str], expected: list) -> None:
    blocks = classify_witness(chunks("\n\n".join([WITNESS_BODY, *closing])), "ru")
    assert [(b.kind, b.text) for b in blocks[1:]] == expected


@pytest.mark.parametrize(
    "line", ["[not after 3 March 1953]", "[не позднее 10 апреля 1949 г.]", "[not earlier than 5 July 1926]"]
)
def test_an_editorial_date_in_brackets_is_a_dateline(line: str) -> None:
    blocks = classify_witness(chunks("\n\n".join([line, "TOP SECRET", WITNESS_BODY])), "en")
    assert (blocks[0].kind, blocks[0].text) == ("dateline", line)


@pytest.mark.parametrize(
    ("enclosure", "expected"),
    [
        (
            ["- 2 -", "К п. 143 пр. ПБ № 79", "ПЕКИН", "ГЛАВНОМУ ВОЕННОМУ СОВЕТНИКУ ЗАХАРОВУ"],
            [("pb", "- 2 -"), ("registration", "К п. 143 пр. ПБ № 79"), ("address", "ПЕКИН"),
             ("address", "ГЛАВНОМУ ВОЕННОМУ СОВЕТНИКУ ЗАХАРОВУ")],
        ),
        (
            ["[page 2]", "To item 143 of Politburo protocol No. 79", "BEIJING", "TO CHIEF MILITARY ADVISER ZAKHAROV"],
            [("pb", "[page 2]"), ("registration", "To item 143 of Politburo protocol No. 79"), ("address", "BEIJING"),
             ("address", "TO CHIEF MILITARY ADVISER ZAKHAROV")],
        ),
    ],
    ids=["russian", "english"],
)  # fmt: skip
def test_an_attached_document_opens_with_its_address(enclosure: list[str], expected: list) -> None:
    blocks = classify_witness(
        chunks("\n\n".join([WITNESS_BODY, "ФИЛИППОВ", *enclosure, WITNESS_BODY, "ФИЛИППОВ"])), "ru"
    )
    assert [(b.kind, b.text) for b in blocks[2:-2]] == expected
    assert [b.kind for b in blocks[-2:]] == ["p", "signature"]
    assert blocks[2].attrs["n"] == "2"


@pytest.mark.parametrize(
    "between",
    [["- 2 -"], ["[page 2]"], ["To item 5 of the protocol No. 3 we add two points that the commission will discuss."]],
    ids=["page-break", "bracketed-page", "sentence-on-an-item"],
)
def test_the_signature_after_a_page_break_or_a_sentence_stays_a_signature(between: list[str]) -> None:
    blocks = classify_witness(chunks("\n\n".join([WITNESS_BODY, *between, "ROSHCHIN"])), "en")
    assert blocks[-1].kind == "signature"
    assert blocks[-2].kind == ("p" if between[0].startswith("To") else "pb")
