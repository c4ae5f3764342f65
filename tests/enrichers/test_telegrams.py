"""Tests of the telegrams the State Department's documents cite by number: abbreviation, series, post, telegraphese."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context
from tei_encode.enrichers.identifiers.document_numbers import NumberState, find_document_numbers
from tei_encode.enrichers.identifiers.enricher import IdentifiersEnricher
from tei_encode.enrichers.identifiers.telegrams import (
    DATED_TELEGRAM,
    POSSESSIVE_TELEGRAM,
    REPEATED_TELEGRAM,
    TELEGRAM_REFERENCE,
    YOUR_TELEGRAM,
    telegram_references,
)
from tei_encode.model import Block, Division, Document

CITED = [
    # by the post that sent it, its possessive, and the numbers after it; repeated to a post under its number
    (
        "present credentials (Vienna’s 10712 and 1022;3 Deptel 12594 repeated Budapest 181) and seek",
        ["Vienna’s 10712", "1022", "Deptel 12594", "Budapest 181"],
    ),
    ("It occurs to us (London's 456, 470 and Paris 12) as the cable says", ["London's 456", "470", "Paris 12"]),
    # the posts a telegram was sent and repeated to, as its last line gives them
    ("Sent Department 1519, repeated information London 236, Paris 312.", ["Department 1519", "London 236",
     "Paris 312"]),
    ("Sent Moscow 56; rptd info Bonn 12, Aug 15.", ["Moscow 56", "Bonn 12"]),
    ("See New Delhi's 1234 and Mexico City's 56; Deptel 12 repeated Buenos Aires 78.", ["New Delhi's 1234",
     "Mexico City's 56", "Deptel 12", "Buenos Aires 78"]),
    # telegraphese "your", each number after its date
    ("views outlined ur 87 Jan 201 and 99 Jan 23.2 Though believe", ["ur 87", "99"]),
    ("Agree ur 1532.", ["ur 1532"]),
    # a series of the Secretary's or a delegation's telegrams, and the post it was repeated to
    ("Re Tosec 34 rptd Bonn 311. Subject did not arise", ["Tosec 34", "Bonn 311"]),
    ("SECTO 12 and Polto 567 received; Delga 88 repeated to Moscow 1021.", ["SECTO 12", "Polto 567", "Delga 88",
     "Moscow 1021"]),
    # the abbreviations of the senders, the legation's too, and a post after "Reference:" found once
    ("51. Reference: Legtel 50.2 Re paragraphs B and C of reftel", ["Legtel 50"]),
    ("even more strongly than before (Legtel 19),5 that estimated", ["Legtel 19"]),
    ("Re Embtel 286 Aug 7, Deptel 172 July 22, 1961, Deptel 311 Aug 8.", ["Embtel 286", "Deptel 172", "Deptel 311"]),
    ("See Deptels 631 and 640, cirtel 12.", ["Deptels 631", "640", "cirtel 12"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "marked"), CITED, ids=[c[0][:40] for c in CITED])
def test_telegrams_cited_by_number(text: str, marked: list[str]) -> None:
    found = find_document_numbers(text)
    assert [text[n.start : n.end] for n in found if n.type == "telegram"] == marked
    assert all(n.value == text[n.start : n.end].split()[-1] for n in found if n.type == "telegram")


@pytest.mark.parametrize(
    "text",
    [
        "Ulbricht's 15 September letter, as the telegram says",  # a day before its month
        "Kennedy's 22 Oct 1962 speech, the cable said",  # a date with its year
        "the cable was repeated July 22 and in Moscow 1956",  # a month, a city and a year
        "Moscow's 20 points, as the telegram puts it; Moscow's 1956 line; Paris's 12% share",
        "the Secretary repeated Article 51 of the Charter, rptd Page 53.",
        "He sent Marshall 20 letters; Sent Department 3 copies; Deptel and Aug 15, rptd Sept 12.",
        "Vienna’s 1071 inhabitants and London's 456.",  # no word of telegrams near a possessive
        "my 3 daughters for Bordeaux; our 87 guests and your 99 letters, four 12.",
        "Ur 3 is a dynasty; tour 87.",
        "Embtel 286 and 3 days later; ur 87 and 2 others",  # counts after a reference are none (the references are)
    ],
)
def test_what_is_no_telegram_reference(text: str) -> None:
    found = [text[n.start : n.end] for n in find_document_numbers(text) if n.type == "telegram"]
    assert found == (["Embtel 286", "ur 87"] if text.startswith("Embtel") else [])


_PIECES = st.sampled_from(
    ["Embtel", "Legtel", "tel", "Tosec", "SECTO", "Vienna", "Moscow", "’s", "'s", "ur", "our", "rptd", "repeated",
     " to ", "Ref:", "Reference", " ", "\n", "\t", ", ", " and ", "(", ")", ";", ".", "87", "1071", "1956", "3",
     "Jan", "January", "20", "201", "telegram", "cable", "points", "%", "Your", "my", "Department’s", "April"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=25).map("".join))
def test_the_quick_tests_let_every_reference_through_in_order(text: str) -> None:
    references = telegram_references(text, text.lower())
    if DATED_TELEGRAM.search(text):
        assert telegram_references(text, text.lower(), telegram=True)
    for pattern in (TELEGRAM_REFERENCE, REPEATED_TELEGRAM, YOUR_TELEGRAM):
        if pattern.search(text):
            assert references
    if POSSESSIVE_TELEGRAM.search(text) and any(w in text.lower() for w in ("tel ", "telegram", "cable", "rptd")):
        assert references
    spans = [m.span("ref") for m in references]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # in order, none overlapping
    assert all(m.start("ref") <= m.start("value") and m.end("value") == m.end("ref") for m in references)


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("/1/Source: Department of State, Central Files, POL CZECH-USSR. Secret; Exdis.", ["POL CZECH-USSR"]),
        ("Source: National Archives, RG 59, Central Files 1964–66, POL 27 VIET S. Secret", ["POL 27 VIET S"]),
        ("Central Files 1967–69, POL 7 US/NIXON", ["POL 7 US/NIXON"]),
        ("Central Files, DEF 12-5 GER W)", ["DEF 12-5 GER W"]),
        ("Central Files, 761.00/10-3162. Secret", ["761.00/10-3162"]),  # a decimal file, read as before
        ("Source: Department of State, S/S Files: Lot 66 D 204, Berlin.", ["Lot 66 D 204"]),  # a lot file
        ("a lot 66 D 204; Lot 1966 D 2; Lot 66 DD 204", []),
        # no file: the files as a place, a file series in words, small letters
        ("the Central Files, Washington, were moved; Central Files, Berlin Crisis; central files, POL 2", []),
    ],
)
def test_files_of_the_subject_numeric_system_and_lot_files(text: str, marked: list[str]) -> None:
    found = find_document_numbers(text)
    assert [(text[n.start : n.end], n.type, n.value) for n in found] == [(m, "file", m) for m in marked]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("78. Your 101, April 15, 8 p.m. Department understands", ["Your 101"]),
        ("My 567 of June 3 and 570. The 580 crossed", ["My 567", "570"]),
        ("1645. See Department’s 1432, September 2, 6 p.m.", ["Department’s 1432"]),
        # no date after the number, a date with its year, a day before its month: none
        ("Your 101 arrived; our 5 June 1941 agreement; my 15 May letter; Your 3 daughters, May 5", []),
    ],
)
def test_a_telegram_cites_one_by_its_number_and_date_alone(text: str, marked: list[str]) -> None:
    found = find_document_numbers(text, NumberState(telegram=True))
    assert [text[n.start : n.end] for n in found if n.type == "telegram"] == marked
    assert [n for n in find_document_numbers(text) if n.type == "telegram"] == []  # in a telegram only


def test_a_document_is_a_telegram_by_its_title_or_its_heading_in_the_text() -> None:
    texts = ["The Secretary of State to the Ambassador in Russia", "78. Your 101, April 15, 8 p.m. Department"]
    for title, heading in (("861.51/809: Telegram", []), ("Foreign Relations", ["12. Telegram From the Department"])):
        blocks = [Block("p", text) for text in [*heading, *texts]]
        document = Document("d1", "test", "letter", "en", Block("title", title), {}, [Division("text", blocks)])
        IdentifiersEnricher().apply(document, Context(), Reporter())
        last = document.divisions[0].blocks[-1]
        assert [last.text[s.start : s.end] for s in last.spans_of("idno")] == ["78", "Your 101"]
    document = Document(
        "d1", "test", "letter", "en", Block("title", "A letter"), {}, [Division("text", [Block("p", texts[1])])]
    )
    IdentifiersEnricher().apply(document, Context(), Reporter())
    assert document.divisions[0].blocks[0].spans == []
