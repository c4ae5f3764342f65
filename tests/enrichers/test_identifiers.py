"""Tests of the identifiers enricher: archival citations and document numbers as idno spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context
from tei_encode.enrichers.identifiers.archives import SHELFMARK_HINT, current_archive
from tei_encode.enrichers.identifiers.document_numbers import (
    _DECISION_NUMBER,
    _ITEM_PROTOCOL,
    _NUMBER,
    _PLURAL_KIND,
    _PLURAL_WORDS,
    _PROTOCOL_THEN_ITEM,
    _PROTOCOL_WORDS,
    _UNSIGNED,
    _UNSIGNED_LABELS,
    _URL,
    NumberState,
    _has_sign,
    file_date,
    find_document_numbers,
    url_spans,
)
from tei_encode.enrichers.identifiers.enricher import (
    _PART,
    IdentifiersEnricher,
    _citations,
    find_citations,
    resolve_citation,
)
from tei_encode.enrichers.identifiers.headings import letter_number
from tei_encode.enrichers.identifiers.shelfmarks import shelfmark_parts
from tei_encode.enrichers.identifiers.telegrams import CLASS_FILE
from tei_encode.model import ArchivalCitation, Block, Division, Document, Metadata, Span, span

# ------------------------------------------------------------ helpers


def make_document(*texts: str, citation_field: str | None = None, kind: str = "p") -> Document:
    """A document whose one division holds a block per text."""
    fields = {"citation": Block("citation", citation_field)} if citation_field is not None else {}
    blocks = [Block(kind, text) for text in texts]
    return Document("d1", "test", "letter", "en", Block("title", "A title"), fields, [Division("text", blocks)])


def enrich(document: Document) -> Reporter:
    reporter = Reporter()
    IdentifiersEnricher().apply(document, Context(), reporter)
    return reporter


def archival(block: Block) -> list[Span]:
    return [s for s in block.spans_of("idno") if s.attr("type") == "archival"]


def typed_parts(block: Block, outer: Span) -> dict[str, str]:
    """The nested part spans of one citation, as type -> text."""
    inner = [s for s in block.spans_of("idno") if s is not outer and outer.covers(s)]
    return {s.attr("type"): block.text[s.start : s.end] for s in inner}


# ------------------------------------------------------------ archival citations

CITATIONS = [
    # text, the citation as marked, the parts stated (normalised)
    (
        "Archive of the President of the Russian Federation (APRF), Fond 45, Opis 1, Delo 334, Listy 71-72.",
        "Archive of the President of the Russian Federation (APRF), Fond 45, Opis 1, Delo 334, Listy 71-72",
        {"repository": "APRF", "fond": "45", "opis": "1", "delo": "334", "folios": "71-72"},
    ),
    (
        "Архив внешней политики Российской Федерации, ф. 06, оп. 9, п. 8, д. 131, лл. 1-3",
        "Архив внешней политики Российской Федерации, ф. 06, оп. 9, п. 8, д. 131, лл. 1-3",
        {"repository": "AVPRF", "fond": "06", "opis": "9", "papka": "8", "delo": "131", "folios": "1-3"},
    ),
    (
        "Wilson Center Digital Archive, RGASPI, f. 558, op. 11, d. 341, ll. 128-129.",
        "RGASPI, f. 558, op. 11, d. 341, ll. 128-129",
        {"repository": "RGASPI", "fond": "558", "opis": "11", "delo": "341", "folios": "128-129"},
    ),
    (
        "RTSHIDNI; F. 558. On. 1. D. 5551. L. 3-4. Autograph.",
        "RTSHIDNI; F. 558. On. 1. D. 5551. L. 3-4",
        {"repository": "RGASPI", "fond": "558", "opis": "1", "delo": "5551", "folios": "3-4"},
    ),
    (
        "RTSKHIDNI. F. 558. On. 1. D. 1868. L. 2-4. Handwritten text.",
        "RTSKHIDNI. F. 558. On. 1. D. 1868. L. 2-4",
        {"repository": "RGASPI", "fond": "558", "opis": "1", "delo": "1868", "folios": "2-4"},
    ),
    (
        "(RTsKhIDNI. F. 17. Op. 3. D. 99. L. 1).",
        "RTsKhIDNI. F. 17. Op. 3. D. 99. L. 1",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99", "folios": "1"},
    ),
    (
        "(RTsKhIDNI F. 9. On. 2. D. 41. L. 7)",
        "RTsKhIDNI F. 9. On. 2. D. 41. L. 7",
        {"repository": "RGASPI", "fond": "9", "opis": "2", "delo": "41", "folios": "7"},
    ),
    (
        "( RTSKHIDNI, F. 17, List 3, D. 97, L. 1).",
        "RTSKHIDNI, F. 17, List 3, D. 97, L. 1",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "97", "folios": "1"},
    ),
    (
        "RGASPI. F. 85. Op 8. D. 23. L .192-193 Autograph",
        "RGASPI. F. 85. Op 8. D. 23. L .192-193",
        {"repository": "RGASPI", "fond": "85", "opis": "8", "delo": "23", "folios": "192-193"},
    ),
    (
        "AVP RF, f. 07, op. 23a, papka 18, d. 234, ll. 5-7.",
        "AVP RF, f. 07, op. 23a, papka 18, d. 234, ll. 5-7",
        {"repository": "AVPRF", "fond": "07", "opis": "23a", "papka": "18", "delo": "234", "folios": "5-7"},
    ),
    (
        "АВП РФ. Ф. 0100. Оп. 43. П. 302. Д. 10. Л. 1-2.",
        "АВП РФ. Ф. 0100. Оп. 43. П. 302. Д. 10. Л. 1-2",
        {"repository": "AVPRF", "fond": "0100", "opis": "43", "papka": "302", "delo": "10", "folios": "1-2"},
    ),
    (
        "APRF, Fond 3, Opis 65, Delo 9, Listy 51-52.",
        "APRF, Fond 3, Opis 65, Delo 9, Listy 51-52",
        {"repository": "APRF", "fond": "3", "opis": "65", "delo": "9", "folios": "51-52"},
    ),
    (
        "АП РФ. Ф. 3. Оп. 65. Д. 9. Л. 51-52.",
        "АП РФ. Ф. 3. Оп. 65. Д. 9. Л. 51-52",
        {"repository": "APRF", "fond": "3", "opis": "65", "delo": "9", "folios": "51-52"},
    ),
    (
        "АПРФ, ф. 45, оп. 1, д. 331, л. 59.",
        "АПРФ, ф. 45, оп. 1, д. 331, л. 59",
        {"repository": "APRF", "fond": "45", "opis": "1", "delo": "331", "folios": "59"},
    ),
    (
        "AP RF, f. 45, op. 1, d. 331, l. 59",
        "AP RF, f. 45, op. 1, d. 331, l. 59",
        {"repository": "APRF", "fond": "45", "opis": "1", "delo": "331", "folios": "59"},
    ),
    (
        "РГАСПИ. Ф. 558. Оп. 11. Д. 341. Л. 128–129.",
        "РГАСПИ. Ф. 558. Оп. 11. Д. 341. Л. 128–129",
        {"repository": "RGASPI", "fond": "558", "opis": "11", "delo": "341", "folios": "128-129"},
    ),
    (
        "РЦХИДНИ. Ф. 17. Оп. 3. Д. 99. Л. 1, 4-9.",
        "РЦХИДНИ. Ф. 17. Оп. 3. Д. 99. Л. 1, 4-9",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99", "folios": "1, 4-9"},
    ),
    (
        "ГАРФ. Ф. Р-5446. Оп. 1. Д. 5. Л. 3 об.",
        "ГАРФ. Ф. Р-5446. Оп. 1. Д. 5. Л. 3 об",
        {"repository": "GARF", "fond": "Р-5446", "opis": "1", "delo": "5", "folios": "3 об"},
    ),
    (
        "GARF, f. 5446, op. 1, d. 7, l. 9",
        "GARF, f. 5446, op. 1, d. 7, l. 9",
        {"repository": "GARF", "fond": "5446", "opis": "1", "delo": "7", "folios": "9"},
    ),
    (
        "RGVA, f. 33987, op. 3, d. 1, ll. 1-3.",
        "RGVA, f. 33987, op. 3, d. 1, ll. 1-3",
        {"repository": "RGVA", "fond": "33987", "opis": "3", "delo": "1", "folios": "1-3"},
    ),
    (
        "РГВА. Ф. 4. Оп. 14. Д. 2. Л. 10.",
        "РГВА. Ф. 4. Оп. 14. Д. 2. Л. 10",
        {"repository": "RGVA", "fond": "4", "opis": "14", "delo": "2", "folios": "10"},
    ),
    (
        "TsKhSD, f. 5, op. 30, d. 1, l. 2",
        "TsKhSD, f. 5, op. 30, d. 1, l. 2",
        {"repository": "RGANI", "fond": "5", "opis": "30", "delo": "1", "folios": "2"},
    ),
    (
        "ЦХСД. Ф. 89. Оп. 46. Д. 1. Л. 3.",
        "ЦХСД. Ф. 89. Оп. 46. Д. 1. Л. 3",
        {"repository": "RGANI", "fond": "89", "opis": "46", "delo": "1", "folios": "3"},
    ),
    (
        "RGANI, f. 89, op. 46, d. 1, l. 3",
        "RGANI, f. 89, op. 46, d. 1, l. 3",
        {"repository": "RGANI", "fond": "89", "opis": "46", "delo": "1", "folios": "3"},
    ),
    (
        "TsAMO, f. 3, op. 11556, d. 12, l. 4",
        "TsAMO, f. 3, op. 11556, d. 12, l. 4",
        {"repository": "TsAMO", "fond": "3", "opis": "11556", "delo": "12", "folios": "4"},
    ),
    (
        "RGAE, f. 4372, op. 91, d. 3, ll. 2-3",
        "RGAE, f. 4372, op. 91, d. 3, ll. 2-3",
        {"repository": "RGAE", "fond": "4372", "opis": "91", "delo": "3", "folios": "2-3"},
    ),
    (
        "TsDAVO, f. 2, op. 1, d. 5, l. 3",
        "TsDAVO, f. 2, op. 1, d. 5, l. 3",
        {"repository": "TsDAHO", "fond": "2", "opis": "1", "delo": "5", "folios": "3"},
    ),
    (
        "Unlisted archive: TsGAIPD, f. 24, op. 2, d. 5, l. 1.",
        "TsGAIPD, f. 24, op. 2, d. 5, l. 1",
        {"repository": "TsGAIPD", "fond": "24", "opis": "2", "delo": "5", "folios": "1"},
    ),
    (
        "as recorded (F. 17, List 3, D. 97, L. 1).",
        "F. 17, List 3, D. 97, L. 1",
        {"fond": "17", "opis": "3", "delo": "97", "folios": "1"},
    ),
    (
        "см.: ф. 5, оп. 2, д. 3, лл. 4-6.",
        "ф. 5, оп. 2, д. 3, лл. 4-6",
        {"fond": "5", "opis": "2", "delo": "3", "folios": "4-6"},
    ),
    (
        "RTSKHIDNI. F. 85. Op. 1/s. D. 13. L. 7-8 rev. Autograph.",
        "RTSKHIDNI. F. 85. Op. 1/s. D. 13. L. 7-8 rev",
        {"repository": "RGASPI", "fond": "85", "opis": "1/s", "delo": "13", "folios": "7-8 rev"},
    ),
    (
        "РГАСПИ. Ф. 17. Оп. 2/с. Д. 5. Л. 3.",
        "РГАСПИ. Ф. 17. Оп. 2/с. Д. 5. Л. 3",
        {"repository": "RGASPI", "fond": "17", "opis": "2/с", "delo": "5", "folios": "3"},
    ),
    (
        "Wilson Center Digital Archive, Arkhiv Vneshnei Politiki Rossiiskoi Federatsii (AVP RF), f. 0102, op. 8, "
        "p. 41, d. 15, ll. 88-92.",
        "Arkhiv Vneshnei Politiki Rossiiskoi Federatsii (AVP RF), f. 0102, op. 8, p. 41, d. 15, ll. 88-92",
        {"repository": "AVPRF", "fond": "0102", "opis": "8", "papka": "41", "delo": "15", "folios": "88-92"},
    ),
    (
        "Obtained from the Arkhiv Vneshnei Politiki SSSR (AVP SSSR), f. 07, op. 23a, d. 234, l. 5.",
        "Arkhiv Vneshnei Politiki SSSR (AVP SSSR), f. 07, op. 23a, d. 234, l. 5",
        {"repository": "AVPRF", "fond": "07", "opis": "23a", "delo": "234", "folios": "5"},
    ),
    (
        "Центральный государственный архив историко-политических документов (ЦГАИПД), ф. 24, оп. 2, д. 5, л. 1",
        "Центральный государственный архив историко-политических документов (ЦГАИПД), ф. 24, оп. 2, д. 5, л. 1",
        {"repository": "ЦГАИПД", "fond": "24", "opis": "2", "delo": "5", "folios": "1"},
    ),
    (
        "TsPA IML pri TsK KPSS, f. 17, op. 3, d. 5, l. 2.",
        "TsPA IML pri TsK KPSS, f. 17, op. 3, d. 5, l. 2",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "5", "folios": "2"},
    ),
    (
        "TsPA IML. F. 2. Op. 1. D. 11257. L. 1.",
        "TsPA IML. F. 2. Op. 1. D. 11257. L. 1",
        {"repository": "RGASPI", "fond": "2", "opis": "1", "delo": "11257", "folios": "1"},
    ),
    ("Ibid. D. 104. L. 2.", "Ibid. D. 104. L. 2", {"delo": "104", "folios": "2"}),
    ("(Ibidem, l. 4)", "Ibidem, l. 4", {"folios": "4"}),
    ("Там же. Д. 5. Л. 3 об.", "Там же. Д. 5. Л. 3 об", {"delo": "5", "folios": "3 об"}),
    (
        "Ibid. F. 17. Op 3. D. 99. L. 1, 4-9).",
        "Ibid. F. 17. Op 3. D. 99. L. 1, 4-9",
        {"fond": "17", "opis": "3", "delo": "99", "folios": "1, 4-9"},
    ),
    # a fond of a secret department, a folio's reverse side before a range
    (
        "ГАРФ, ф. Р-8131сч, оп. 37, д. 4, л. 12 об.–13.",
        "ГАРФ, ф. Р-8131сч, оп. 37, д. 4, л. 12 об.–13",
        {"repository": "GARF", "fond": "Р-8131сч", "opis": "37", "delo": "4", "folios": "12 об.-13"},
    ),
    # the abbreviated list and document of RGANI's fond 89
    (
        "РГАНИ, ф. 89, пер. 42, док. 7, л. 1",
        "РГАНИ, ф. 89, пер. 42, док. 7, л. 1",
        {"repository": "RGANI", "fond": "89", "opis": "42", "delo": "7", "folios": "1"},
    ),
    (
        "RGANI, f. 89, per. 42, dok. 7.",
        "RGANI, f. 89, per. 42, dok. 7",
        {"repository": "RGANI", "fond": "89", "opis": "42", "delo": "7"},
    ),
    # several files of one opis
    (
        "Архиве Президента (АПРФ), ф. 45, оп. 1, д. 718, 719, 720 и др.",
        "Архиве Президента (АПРФ), ф. 45, оп. 1, д. 718, 719, 720",
        {"repository": "APRF", "fond": "45", "opis": "1", "delo": "718, 719, 720"},
    ),
    (
        "РГАСПИ. Ф. 17. Оп. 3. Д. 99, 100. Л. 5",
        "РГАСПИ. Ф. 17. Оп. 3. Д. 99, 100. Л. 5",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99, 100", "folios": "5"},
    ),
    # a file's volume before its folios, inside the citation
    (
        "АП РФ, ф. 3, оп. 1, д. 12, т. 2, л. 5",
        "АП РФ, ф. 3, оп. 1, д. 12, т. 2, л. 5",
        {"repository": "APRF", "fond": "3", "opis": "1", "delo": "12", "folios": "5"},
    ),
    # folios as English citations write them
    (
        "RGASPI, f. 17, op. 3, d. 99, ff. 1-4.",
        "RGASPI, f. 17, op. 3, d. 99, ff. 1-4",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99", "folios": "1-4"},
    ),
    (
        "RGASPI, F. 17, Op. 3, D. 99, pp. 1-4",
        "RGASPI, F. 17, Op. 3, D. 99, pp. 1-4",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99", "folios": "1-4"},
    ),
    # what follows a file is no other file: a count, a year, a volume with no folios after it
    (
        "RGASPI, F. 17, Op. 3, D. 99, 12 pages",
        "RGASPI, F. 17, Op. 3, D. 99",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99"},
    ),
    (
        "RGASPI, F. 17, Op. 3, D. 99, 1952.",
        "RGASPI, F. 17, Op. 3, D. 99",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99"},
    ),
    (
        "RGASPI, f. 17, op. 3, d. 12. T. 2 of the works",
        "RGASPI, f. 17, op. 3, d. 12",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "12"},
    ),
]


@pytest.mark.parametrize(("text", "marked", "parts"), CITATIONS, ids=[c[1] for c in CITATIONS])
def test_find_citations_marks_the_citation_and_its_parts(text: str, marked: str, parts: dict[str, str]) -> None:
    (citation,) = find_citations(text)
    assert text[citation.start : citation.end] == marked
    assert citation.stated() == parts


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("RGASPI. F. 17. Op. 3. D. 5. L. 1; F. 558. Op. 1. D. 3. L. 2; GARF, f. 5446, op. 1, d. 7, l. 9.", 3),
        ("RGASPI, f. 17, op. 3, d. 5, l. 1; RGASPI, f. 17, op. 3, d. 6, l. 2", 2),
        ("РГАСПИ. Ф. 17. Оп. 3. Д. 5. Л. 1; Д. 6. Л. 2", 2),  # the second shares archive, fond and opis
        ("RGASPI. F. 17. Op. 3. D. 5. L. 1; L. 5", 1),  # a second leaf of the same file
    ],
    ids=["three-archives", "repeated-archive", "continued-parts-are-a-second-citation", "a-second-leaf"],
)
def test_several_citations_in_one_line(text: str, count: int) -> None:
    assert len(find_citations(text)) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(Ibid. F. 17. Op. 3. D. 894. L. 2; Op. 162. D. 13. L 47).",
            [("Op. 162. D. 13. L 47", "17", "162", "13", "47")],
        ),
        (
            "Archive: RGASPI F. 558. Op. P. D. 81. L. 77. Certified",
            [("RGASPI F. 558. Op. P. D. 81. L. 77", "558", "", "81", "77")],
        ),
        ("Ф. П. Оп. 1. Д. 37. Л. 14. Подлинник.", [("Ф. П. Оп. 1. Д. 37. Л. 14", "", "1", "37", "14")]),
        (
            "РГАНИ. Ф. 89. Перечень 45. Документ 1. Л. 2",
            [("РГАНИ. Ф. 89. Перечень 45. Документ 1. Л. 2", "89", "45", "1", "2")],
        ),
        (
            "AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 13",
            [("AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 13", "059a", "5a", "5", "13")],
        ),
    ],
)
def test_citations_of_other_shapes(text: str, expected: list[tuple[str, str, str, str, str]]) -> None:
    """A second citation after a semicolon (the last one's parts), a part not read, a folder after the file."""
    previous: dict[str, str] | None = None
    got = []
    for citation in find_citations(text):
        previous, _ = resolve_citation(citation, previous)
        parts = tuple(previous.get(name, "") for name in ("fond", "opis", "delo", "folios"))
        got.append((text[citation.start : citation.end], *parts))
    assert got[-1:] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("795.00/6–2850", (1950, 6, 28)),
        ("895.20/12–1749", (1949, 12, 17)),
        ("611.95B/5-2550", (1950, 5, 25)),
        ("760C.61/2206", None),  # a serial number, no date
        ("795.00/6–3550", None),
    ],
)
def test_file_date(value: str, expected: tuple[int, int, int] | None) -> None:
    assert file_date(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lenin V. I. PSS. T. 51. P. 247.",
        "Ibid. P. 249.",
        "Stalin I. V. Works. Vol. 4. P. 348-350.",
        "Izvestiya TsK KPSS. 1991. No. 2/3. S. 12b.",
        "the list 3 and d. 5",
        "F. 17 alone",
        "D. 5. L. 3",
        "the DPRK, on 5 May",
        "RGASPI holds the papers.",
        "https://archive.example.org/RGASPI/f.17/op.3/d.5",
    ],
    ids=[
        "pss",
        "ibid-page",
        "works",
        "izvestiya",
        "word-list",
        "fond-only",
        "no-fond",
        "on-word",
        "archive-only",
        "url",
    ],
)
def test_what_is_not_a_citation_gets_no_span(text: str) -> None:
    document = make_document(text)
    enrich(document)
    assert archival(document.divisions[0].blocks[0]) == []


def test_an_archive_name_before_its_abbreviation_is_the_repository_as_written() -> None:
    text = "Arkhiv Prezidenta RF (APRF), f. 45, op. 1, d. 331, l. 59"
    (citation,) = find_citations(text)
    repository = citation.parts[0]
    assert (text[repository.start : repository.end], repository.value) == ("Arkhiv Prezidenta RF", "APRF")


@pytest.mark.parametrize(
    "text",
    [
        "the papers (AVP RF), f. 0102, op. 8, d. 15, l. 103",
        "Arkhiv, (AVP RF), f. 0102, op. 8, d. 15, l. 103",
        "in the archive (AVP RF), f. 0102, op. 8, d. 15, l. 103",
        "a letter to the Archive of the Party (AVP RF). F. 5, op. 2, d. 3",
    ],
    ids=["no-name", "name-cut-by-comma", "lower-case-name", "abbreviation-closed-by-full-stop"],
)
def test_words_before_an_abbreviation_are_no_name_without_an_archive_word_right_before_it(text: str) -> None:
    (citation,) = find_citations(text)
    assert not text[citation.start : citation.end].startswith(("the papers", "Arkhiv,", "archive", "a letter"))


def test_find_citations_marks_the_repository_as_written_and_values_only() -> None:
    text = "RTSHIDNI; F. 558. On. 1. D. 5551. L. 3-4."
    (citation,) = find_citations(text)
    assert [(p.name, text[p.start : p.end]) for p in citation.parts] == [
        ("repository", "RTSHIDNI"),
        ("fond", "558"),
        ("opis", "1"),
        ("delo", "5551"),
        ("folios", "3-4"),
    ]


SHELFMARK_CITATIONS = [
    # text, the citation as marked, the parts stated
    # the United Kingdom's archive under its former name, by department and piece
    (
        "PRO, FO 371/12345, N 1234/56/38.",
        "PRO, FO 371/12345, N 1234/56/38",
        {"repository": "TNA", "shelfmark": "FO 371/12345, N 1234/56/38"},
    ),
    ("TNA, PREM 8/1234; RGASPI", "TNA, PREM 8/1234", {"repository": "TNA", "shelfmark": "PREM 8/1234"}),
    (
        "The National Archives, Kew, PREM 8/1234.",
        "National Archives, Kew, PREM 8/1234",
        {"repository": "TNA", "shelfmark": "PREM 8/1234"},
    ),
    # the Czech National Archives, by fond, volume and unit, under their former name too
    (
        "Národní archiv, f. KSČ-ÚV-02/1, sv. 12, a.j. 34. Přeložil",
        "Národní archiv, f. KSČ-ÚV-02/1, sv. 12, a.j. 34",
        {"repository": "Národní archiv", "shelfmark": "f. KSČ-ÚV-02/1, sv. 12, a.j. 34"},
    ),
    (
        "SÚA, f. 02/2, sv. 5, ar. j. 7.",
        "SÚA, f. 02/2, sv. 5, ar. j. 7",
        {"repository": "Národní archiv", "shelfmark": "f. 02/2, sv. 5, ar. j. 7"},
    ),
    (
        "Wilson Center Digital Archive, PRC FMA 118-00078-02, 1-5. Translated by Charles Kraus.",
        "PRC FMA 118-00078-02, 1-5",
        {"repository": "PRC FMA", "shelfmark": "118-00078-02", "folios": "1-5"},
    ),
    (
        "Wilson Center Digital Archive, PRC FMA 109-00871-01. Obtained by Shen Zhihua.",
        "PRC FMA 109-00871-01",
        {"repository": "PRC FMA", "shelfmark": "109-00871-01"},
    ),
    (
        "Chinese Foreign Ministry Archive (PRC FMA) 106-00001-01, 7",
        "Chinese Foreign Ministry Archive (PRC FMA) 106-00001-01, 7",
        {"repository": "PRC FMA", "shelfmark": "106-00001-01", "folios": "7"},
    ),
    (
        "Wilson Center Digital Archive, SAPMO-BArch, DY 30/IV 2/2.035/115. Translated by Bernd Schaefer.",
        "SAPMO-BArch, DY 30/IV 2/2.035/115",
        {"repository": "SAPMO-BArch", "shelfmark": "DY 30/IV 2/2.035/115"},
    ),
    (
        "SAPMO-BArch, DY 30/J IV 2/2/1227, Bl. 1-12.",
        "SAPMO-BArch, DY 30/J IV 2/2/1227, Bl. 1-12",
        {"repository": "SAPMO-BArch", "shelfmark": "DY 30/J IV 2/2/1227", "folios": "1-12"},
    ),
    (
        "MOL, XIX-J-1-j Korea, 1957, 11. doboz, 24/b, 005133/1957. Translated by Imre Pal.",
        "MOL, XIX-J-1-j Korea, 1957, 11. doboz, 24/b, 005133/1957",
        {"repository": "MNL OL", "shelfmark": "XIX-J-1-j Korea, 1957, 11. doboz, 24/b, 005133/1957"},
    ),
    (
        "Archiwum Akt Nowych (AAN), KC PZPR, XI A/10, k. 425-430.",
        "Archiwum Akt Nowych (AAN), KC PZPR, XI A/10, k. 425-430",
        {"repository": "AAN", "shelfmark": "KC PZPR, XI A/10", "folios": "425-430"},
    ),
    (
        "ANIC, fond CC of the RCP – Foreign Relations Section, file 41/1961, f. 1-10.",
        "ANIC, fond CC of the RCP – Foreign Relations Section, file 41/1961, f. 1-10",
        {
            "repository": "ANIC",
            "shelfmark": "fond CC of the RCP – Foreign Relations Section, file 41/1961",
            "folios": "1-10",
        },
    ),
    (
        "Hoover Institution Archives, Dmitri Volkogonov Papers, Reel 17; obtained by X.",
        "Hoover Institution Archives, Dmitri Volkogonov Papers, Reel 17",
        {"repository": "Hoover Institution Library & Archives", "shelfmark": "Dmitri Volkogonov Papers, Reel 17"},
    ),
    (
        "NARA, RG 59, Central Decimal File 1950-54, box 4265.",
        "NARA, RG 59, Central Decimal File 1950-54, box 4265",
        {"repository": "NARA", "shelfmark": "RG 59, Central Decimal File 1950-54, box 4265"},
    ),
    (
        "Wilson Center Digital Archive, Hungarian National Archives (MOL), 276. f. 53/122. ő.e. Obtained by X.",
        "Hungarian National Archives (MOL), 276. f. 53/122. ő.e.",
        {"repository": "MNL OL", "shelfmark": "276. f. 53/122. ő.e."},
    ),
    (
        "the minutes of 1 July 1953, MOL 276. f. 53/123. ö.e.",
        "MOL 276. f. 53/123. ö.e.",
        {"repository": "MNL OL", "shelfmark": "276. f. 53/123. ö.e."},
    ),
    (
        "MOL, M-KS 276. f. 53. cs. 122. ő.e. Translated by X.",
        "MOL, M-KS 276. f. 53. cs. 122. ő.e.",
        {"repository": "MNL OL", "shelfmark": "M-KS 276. f. 53. cs. 122. ő.e."},
    ),
    (
        "MOL 12, Budapest",
        "MOL 12",
        {"repository": "MNL OL", "shelfmark": "12"},
    ),
    (
        "Hoover Institution Archives, Box 5 contains letters",
        "Hoover Institution Archives, Box 5",
        {"repository": "Hoover Institution Library & Archives", "shelfmark": "Box 5"},
    ),
    (
        "Library of Congress, Harriman Papers, box 12; obtained by X.",
        "Library of Congress, Harriman Papers, box 12",
        {"repository": "Library of Congress", "shelfmark": "Harriman Papers, box 12"},
    ),
    (
        "Digital Archive, SED Archives, IfGA, ZPA, J IV 2/202/130. CWIHP Working Paper No. 5",
        "SED Archives, IfGA, ZPA, J IV 2/202/130",
        {"repository": "SAPMO-BArch", "shelfmark": "IfGA, ZPA, J IV 2/202/130"},
    ),
    (  # the shelfmark before the archive's abbreviation
        "Digital Archive, KC PZPR, XI A/13, AAN, Warsaw; obtained by X.",
        "KC PZPR, XI A/13, AAN",
        {"shelfmark": "KC PZPR, XI A/13", "repository": "AAN"},
    ),
]


@pytest.mark.parametrize(("text", "marked", "parts"), SHELFMARK_CITATIONS, ids=[c[1] for c in SHELFMARK_CITATIONS])
def test_archives_outside_russia_are_cited_by_their_shelfmarks(text: str, marked: str, parts: dict[str, str]) -> None:
    (citation,) = find_citations(text)
    assert text[citation.start : citation.end] == marked
    assert citation.stated() == parts


@pytest.mark.parametrize(
    "text",
    [
        "The Hoover Institution, Stanford University, 1995.",
        "documents of the Chinese Foreign Ministry Archive show that in 1950",
        "declassified by the PRC FMA in 2004.",
        "the PRC FMA 2004 release",
        "SAPMO-BArch\n115",
        "the mol 5 solution",
        "RGASPI 558-11-341",
        "The Hoover Institution Archives, Stanford University, 1995.",
        "Library of Congress, Washington, DC 20540",
        "Hoover Institution Archives, Stanford, California 94305",
        "Hoover Institution Archives, Stanford, CA 94305-6003, USA",
        "Magyar Országos Levéltár, H-1014 Budapest, Bécsi kapu tér 2-4",
        "Bundesarchiv, 10117 Berlin",
        "the USSR 12, Moscow",
    ],
    ids=[
        "year-only",
        "words-after-name",
        "lower-case-after-name",
        "words-after-number",
        "next-line",
        "lower-case-name",
        "archive-cited-by-fond",
        "archive-and-year",
        "library-address",
        "archive-address",
        "archive-address-zip-plus-four",
        "archive-address-european-postcode",
        "archive-address-postcode-first",
        "ussr-is-no-us-archive",
    ],  # fmt: skip
)
def test_a_shelfmark_needs_numbered_capitalised_pieces_right_after_the_archive(text: str) -> None:
    assert find_citations(text) == []


@pytest.mark.parametrize("text", ["USSR", "the USSR and the US", "SAPMOS", "BArchive", "The letter. The reply"])
def test_the_shelfmark_hint_finds_whole_words_only(text: str) -> None:
    assert [m.group() for m in SHELFMARK_HINT.finditer(text)] == (["US"] if text.endswith(" US") else [])


def test_two_shelfmark_citations_split_at_the_semicolon() -> None:
    text = "PRC FMA 118-00078-02, 1-5; SAPMO-BArch, DY 30/3386, Bl. 4."
    assert [text[c.start : c.end] for c in find_citations(text)] == [
        "PRC FMA 118-00078-02, 1-5",
        "SAPMO-BArch, DY 30/3386, Bl. 4",
    ]


def test_a_shelfmark_archive_cited_by_fond_keeps_fond_and_delo() -> None:
    (citation,) = find_citations("ANIC, fond 1, opis 2, delo 3, l. 4")
    assert citation.stated() == {"repository": "ANIC", "fond": "1", "opis": "2", "delo": "3", "folios": "4"}


@given(st.text(alphabet="AZaz09-/.,; \nBl", max_size=60))
def test_shelfmark_parts_lie_on_one_line_in_order(tail: str) -> None:
    text = "PRC FMA " + tail
    parts = shelfmark_parts(text, 7)
    assert [p[0] for p in parts] in ([], ["shelfmark"], ["folios"], ["shelfmark", "folios"])
    assert all(7 <= start < end <= len(text) and "\n" not in text[start:end] for _, start, end, _ in parts)
    assert all(a[2] <= b[1] for a, b in zip(parts, parts[1:], strict=False))


def test_enricher_marks_a_shelfmark_citation_and_records_it_for_the_header() -> None:
    text = "Wilson Center Digital Archive, PRC FMA 118-00078-02, 1-5. Translated by Charles Kraus."
    document = make_document(citation_field=text)
    enrich(document)
    block = document.fields["citation"]
    (outer,) = archival(block)
    assert typed_parts(block, outer) == {"repository": "PRC FMA", "shelfmark": "118-00078-02", "folios": "1-5"}
    assert document.meta.archival is not None and document.meta.archival.shelfmark == "118-00078-02"


@pytest.mark.parametrize(
    ("written", "current"),
    [
        ("RTsKhIDNI", "RGASPI"),
        ("RTSKHIDNI", "RGASPI"),
        ("RTSHIDNI", "RGASPI"),
        ("РЦХИДНИ", "RGASPI"),
        ("РГАСПИ", "RGASPI"),
        ("TsKhSD", "RGANI"),
        ("ЦХСД", "RGANI"),
        ("AP RF", "APRF"),
        ("АП РФ", "APRF"),
        ("АПРФ", "APRF"),
        ("AVP RF", "AVPRF"),
        ("АВП РФ", "AVPRF"),
        ("ГАРФ", "GARF"),
        ("TsGAOR", "GARF"),
        ("РГВА", "RGVA"),
        ("TsGASA", "RGVA"),
        ("ЦГАНХ", "RGAE"),
        ("TsGAIPD", "TsGAIPD"),
        ("TsPA IML", "RGASPI"),
        ("ЦПА ИМЛ при ЦК КПСС", "RGASPI"),
        ("RTsKhIDNI", "RGASPI"),
        ("Arkhiv Vneshnei Politiki Rossiiskoi Federatsii", "AVPRF"),
        ("TsGAOR SSSR", "GARF"),
        ("Central State Archive of the October Revolution", "GARF"),
        ("Central State Archive of the Soviet Army", "RGVA"),
        ("Russian State Archive of the Economy", "RGAE"),
        ("TsKhSD", "RGANI"),
        ("Центральный архив Министерства обороны", "TsAMO"),
        ("MOL", "MNL OL"),
        ("Magyar Országos Levéltár", "MNL OL"),
        ("Chinese Foreign Ministry Archive", "PRC FMA"),
        ("PRC FMA", "PRC FMA"),
        ("SAPMO-BArch", "SAPMO-BArch"),
        ("Archiwum Akt Nowych", "AAN"),
    ],
    ids=lambda v: v,
)
def test_current_archive(written: str, current: str) -> None:
    assert current_archive(written) == current


# ------------------------------------------------------------ Ibid. and inheritance

IBID_CASES = [
    # previous citation, the Ibid., the resolved parts, the inherited names
    (
        "RGASPI. F. 17. Op. 3. D. 97. L. 1",
        "Ibid. D. 104. L. 2",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "104", "folios": "2"},
        ["repository", "fond", "opis"],
    ),
    (
        "RTsKhIDNI. F. 17. Op. 3. D. 99. L. 1",
        "Ibid. Op. 109. D. 15. L. 96",
        {"repository": "RGASPI", "fond": "17", "opis": "109", "delo": "15", "folios": "96"},
        ["repository", "fond"],
    ),
    (
        "RGASPI. F. 17. Op. 109. D. 15. L. 96",
        "Ibid. L. 97",
        {"repository": "RGASPI", "fond": "17", "opis": "109", "delo": "15", "folios": "97"},
        ["repository", "fond", "opis", "delo"],
    ),
    (
        "RGASPI. F. 558. On. 1. D. 5553. L. 2-3",
        "Ibid. F. 17. Op 3. D. 99. L. 1, 4-9",
        {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "99", "folios": "1, 4-9"},
        ["repository"],
    ),
    (
        "АВП РФ. Ф. 07. Оп. 23а. П. 18. Д. 234. Л. 5",
        "Там же. Д. 235. Л. 1",
        {"repository": "AVPRF", "fond": "07", "opis": "23а", "papka": "18", "delo": "235", "folios": "1"},
        ["repository", "fond", "opis", "papka"],
    ),
    (
        "GARF, f. 5446, op. 1, d. 7, l. 9",
        "f. 5446, op. 2, d. 1, l. 3",
        {"repository": "GARF", "fond": "5446", "opis": "2", "delo": "1", "folios": "3"},
        ["repository"],
    ),
]


@pytest.mark.parametrize(
    ("before", "ibid", "values", "inherited"),
    IBID_CASES,
    ids=["delo", "opis", "folios", "all-stated", "ru-papka", "bare"],
)
def test_resolve_citation_takes_left_out_parts_from_the_previous_one(
    before: str, ibid: str, values: dict[str, str], inherited: list[str]
) -> None:
    (previous,) = find_citations(before)
    (citation,) = find_citations(ibid)
    previous_values, _ = resolve_citation(previous, None)
    assert resolve_citation(citation, previous_values) == (values, inherited)


def test_ibid_is_resolved_across_blocks_in_document_order() -> None:
    document = make_document(
        "Autograph (RTSKHIDNI. F. 558. On. 1. D. 5553. L .2-3).",
        "approved (Ibid. F. 17. Op 3. D. 99. L. 1, 4-9). Later (Ibid. D. 104. L. 2).",
        "(Ibid. L. 7)",
    )
    enrich(document)
    first, second, third = document.divisions[0].blocks
    outer = archival(second)
    assert [o.attr("delo") for o in outer] == ["99", "104"]
    assert [(o.attr("fond"), o.attr("opis"), o.attr("inherited")) for o in outer] == [
        ("17", "3", "repository"),
        ("17", "3", "repository fond opis"),
    ]
    (last,) = archival(third)
    assert (last.attr("fond"), last.attr("delo"), last.attr("folios")) == ("17", "104", "7")
    assert last.attr("inherited") == "repository fond opis delo"
    assert second.text[outer[1].start : outer[1].end] == "Ibid. D. 104. L. 2"
    assert typed_parts(second, outer[1]) == {"delo": "104", "folios": "2"}


def test_ibid_without_a_citation_before_it_is_reported() -> None:
    document = make_document("As said (Ibid. L. 97).")
    reporter = enrich(document)
    assert archival(document.divisions[0].blocks[0]) == []
    assert [d.code for d in reporter] == ["ibid-unresolved"]


# ------------------------------------------------------------ the spans the enricher adds


def test_enricher_adds_an_outer_span_with_nested_parts() -> None:
    text = "RGASPI, f. 558, op. 11, d. 341, ll. 128-129."
    document = make_document(text)
    enrich(document)
    block = document.divisions[0].blocks[0]
    (outer,) = archival(block)
    assert outer == span(
        0,
        len(text) - 1,
        "idno",
        type="archival",
        repository="RGASPI",
        fond="558",
        opis="11",
        delo="341",
        folios="128-129",
    )
    assert typed_parts(block, outer) == {
        "repository": "RGASPI",
        "fond": "558",
        "opis": "11",
        "delo": "341",
        "folios": "128-129",
    }


def test_enricher_run_twice_adds_nothing_new() -> None:
    document = make_document("RGASPI, f. 558, op. 11, d. 341, ll. 128-129.", "ИСХ. № 5542")
    enrich(document)
    before = [list(b.spans) for b in document.divisions[0].blocks]
    reporter = enrich(document)
    assert [b.spans for b in document.divisions[0].blocks] == before
    assert list(reporter) == []


def test_enricher_leaves_text_other_markup_has_claimed() -> None:
    text = "RGASPI, f. 558, op. 11, d. 341, ll. 128-129; Cable No. 5542"
    document = make_document(text)
    block = document.divisions[0].blocks[0]
    block.add(span(8, 14, "del"))
    block.add(span(text.index("5542"), len(text), "date"))
    reporter = enrich(document)
    assert block.spans_of("idno") == []
    assert [d.code for d in reporter] == ["idno-overlap"]


@pytest.mark.parametrize(
    ("field", "blocks", "expected"),
    [
        (
            "Wilson Center Digital Archive, RGASPI, f. 558, op. 11, d. 341, ll. 128-129.",
            [],
            ArchivalCitation(
                repository="RGASPI",
                repository_as_written="RGASPI",
                fond="558",
                opis="11",
                delo="341",
                folios="128-129",
            ),
        ),
        (
            None,
            ["RTSHIDNI; F. 558. On. 1. D. 5551. L. 3-4. Autograph.", "RGASPI. F. 17. Op. 3. D. 1. L. 1"],
            ArchivalCitation(
                repository="RGASPI",
                repository_as_written="RTSHIDNI",
                fond="558",
                opis="1",
                delo="5551",
                folios="3-4",
            ),
        ),
        (
            None,
            ["АВП РФ. Ф. 07. Оп. 23а. П. 18. Д. 234. Л. 5-7."],
            ArchivalCitation(
                repository="AVPRF",
                repository_as_written="АВП РФ",
                fond="07",
                opis="23а",
                papka="18",
                delo="234",
                folios="5-7",
            ),
        ),
        ("No archive named here.", [], None),
    ],
    ids=["citation-field", "citation-block", "papka", "none"],
)
def test_enricher_records_the_header_citation_in_meta(
    field: str | None, blocks: list[str], expected: ArchivalCitation | None
) -> None:
    document = make_document(*blocks, citation_field=field, kind="citation")
    enrich(document)
    assert document.meta.archival == expected


def test_meta_ignores_citations_outside_citation_blocks() -> None:
    document = make_document("As a note says (RGASPI. F. 17. Op. 3. D. 1. L. 1).")
    enrich(document)
    assert document.meta == Metadata()


# ------------------------------------------------------------ document numbers

NUMBERS = [
    ("ИСХ. № 5542", [("outgoing", "5542")]),
    ("исх. № 12/с", [("outgoing", "12/с")]),
    ("Вх. № 3304 от 26/IX 1951 г.", [("incoming", "3304")]),
    ("Экз. № 1", [("copy", "1")]),
    ('отп. в 2 экз. экз. № 1 - тов. Сталину\n" № 2 - 8 отдел', [("copy", "1"), ("copy", "2")]),
    ("ШИФРТЕЛЕГРАММА № П83/615", [("cipher", "П83/615")]),
    ("ШИФРТЕЛЕГРАММА № П83/615\n2 ГУ ГШ СА с № П83/615", [("cipher", "П83/615"), ("cipher", "П83/615")]),
    ("отп. Корнюшина 17.45 26.9 № 2653", [("registration", "2653")]),
    ("К п.615 /оп/ пр.ПБ № 83", [("item", "615"), ("protocol", "83")]),
    ("Политбюро, п. 3, пр. № 7", [("item", "3"), ("protocol", "7")]),
    ("a note: “Ex. PB item 21 No. 40 І/IX-20”", [("item", "21"), ("protocol", "40")]),
    ("Протокол № 5", [("protocol", "5")]),
    ("*Документ № 10*", [("document", "10")]),
    ("Cable No. 5542, Filippov [Stalin] to Krasovsky", [("cable", "5542")]),
    ("CABLE NO. 77", [("cable", "77")]),
    ("Telegram No. 12 from Lenin", [("telegram", "12")]),
    ("Телеграмма № 44", [("telegram", "44")]),
    ("in response to your note No. 371.", [("note", "371")]),
    ("Записка № 8", [("note", "8")]),
    ("Cipher telegram No. 88", [("cipher", "88")]),
    ("No. 91", [("document", "91")]),
    ("  No. 100  ", [("document", "100")]),
    ("№ 7", [("document", "7")]),
    ("see Nr. 17 of the list", [("number", "17")]),
    ("filed under № Р-21", [("number", "Р-21")]),
    ("Копия № 2", [("copy", "2")]),
    ("Вх. 1352", [("incoming", "1352")]),
    ("Вх.№ 12/сс", [("incoming", "12/сс")]),
    ("Исх. 274/с от 12.IX.51", [("outgoing", "274/с")]),
    ("Incoming 1352/sh", [("incoming", "1352/sh")]),
    ("Outgoing 274, 25 November 1952", [("outgoing", "274")]),
    ("To item 143 of Politburo protocol No. 79", [("item", "143"), ("protocol", "79")]),
    ("Item 3 of the Politburo decision, cable No. 44", [("cable", "44")]),
    ("Inc. 1352", [("incoming", "1352")]),
    ("Outg. 77 of 5.10.51", [("outgoing", "77")]),
    ("**Incoming 1352**", [("incoming", "1352")]),
    ("received as incoming 1352 of 5.10.51", [("incoming", "1352")]),
    (
        "Выписка из протокола № 72 заседания Политбюро ЦК от 3.09.1925 г., п. 143",
        [("protocol", "72"), ("item", "143")],
    ),
    ("Excerpt from Protocol No. 72 of the Politburo meeting, item 143", [("protocol", "72"), ("item", "143")]),
    ("Протокол № 5; пункт 12", [("protocol", "5"), ("item", "12")]),
    ("Protocol No. 72 of the Politburo, note No. 5, item 3", [("protocol", "72"), ("note", "5")]),
    (
        "Your cable 236 February 7 arrived; see telegram 269, and letter 44.",
        [("cable", "236"), ("telegram", "269"), ("letter", "44")],
    ),
    ("Document 22", [("document", "22")]),
    ("Spravka: no. 48 (from no. 837)", [("number", "48"), ("number", "837")]),
    ("760C.61/2206: Telegram (7600.61/2206)", [("file", "760C.61/2206"), ("file", "7600.61/2206")]),
    ("795.00/6–2850: Telegram; (611.95B/5–2550)", [("file", "795.00/6–2850"), ("file", "611.95B/5–2550")]),
    ("1521. Embtel 1519 December 17. Urtel 940 just arrived; Re Deptel 631", "telegrams"),
    ("Ciphered Telegram # 600428/sh", [("cipher", "600428/sh")]),
    ("Из протокола заседания Политбюро № 137, п. 85/72.", [("protocol", "137"), ("item", "85/72")]),
    ("41. О предоставлении вагонов", []),  # an item heading an extract only where a protocol was cited
    ("#59", [("document", "59")]),
    ("### Notes; see #12a; &#39;", [("number", "12a")]),
    ("a telegram 3 days ago; a letter 2 pages long; the document 1950.", []),
    ("Your No. 811, 812-813 were presented to F. Castro", [("number", "811"), ("number", "812-813")]),
    ("Copy No. 12, 13 copies; Cable No. 5542, 20 September", [("copy", "12"), ("cable", "5542")]),
    # "N" for "№" in Russian text, and a series letter apart from its number
    ("N П 149/XIV", [("document", "П 149/XIV")]),
    ("Выписка из протокола N 149 заседания Политбюро", [("protocol", "149")]),
    ("К пункту XIV прот. N 149", [("item", "XIV"), ("protocol", "149")]),
    ("N11 Письмо ЦК", [("number", "11")]),
    ("ДИРЕКТИВА № 001919командующим войсками; No. 5542а", [("order", "001919"), ("number", "5542а")]),
    ("18 March 1979 (No 242) Kosygin-Taraki", [("number", "242")]),
    # "том" is a volume before its number only; "в том случае" is "in that case"
    ("в том случае, если поездка станет предметом публичных комментариев.№ 184", [("number", "184")]),
    ("Original upload date: 2011-11-20. Record ID: 111992.", [("record", "111992")]),
    ("Copy No. 12\n\n6148    27/X/62\n", [("copy", "12"), ("registration", "6148")]),
    ("195-19\nСтрого секретно", [("registration", "195-19")]),
    ("В бланке проставлены номер пункта «41», дата «25. VIII. 1931 г.»", [("item", "41")]),
    # several numbers after one plural word, each one
    ("2 See Documents 84 and 91. Back", [("document", "84"), ("document", "91")]),
    ("(See related Documents Nos. 77, 82, 85.)", [("document", "77"), ("document", "82"), ("document", "85")]),
    ("телеграммы № 12 и 14 от 5 мая", [("telegram", "12"), ("telegram", "14")]),
    # a range after a number sign, with a dash between spaces, as one group
    ("письма №  3 — 5 опубликованы", [("letter", "3 — 5")]),
    # a file of a main class, known by its date suffix, in a source note or heading a line
    ("Gromyko reported out of town.” (330/6–2650)", [("file", "330/6–2650")]),
    ("611/12-3150: Telegram", [("file", "611/12-3150")]),
    # a decision's number alone on its line
    ("N 8. Постановление\n\nП 98/40\n\nСовершенно секретно", [("number", "8"), ("decision", "П 98/40")]),
    ("Ст 45/3", [("decision", "Ст 45/3")]),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[n[0].strip() for n in NUMBERS])
def test_find_document_numbers(text: str, expected: list[tuple[str, str]] | str) -> None:
    found = find_document_numbers(text)
    if expected == "telegrams":  # the abbreviation is part of the reference
        assert [(n.type, n.value, text[n.start : n.end]) for n in found] == [
            ("telegram", "1519", "Embtel 1519"),
            ("telegram", "940", "Urtel 940"),
            ("telegram", "631", "Deptel 631"),
        ]
        return
    assert [(n.type, n.value) for n in found] == expected
    assert [text[n.start : n.end] for n in found] == [value for _, value in expected]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("81. Telegram From the Embassy in the Soviet Union to the Department of State", ["81"]),
        ("4. С. М. Кравчинский П. Б. Аксельроду", ["4"]),
        ("83\nЭНГЕЛЬС – МАРКСУ", ["83"]),
        ("1918. Letters of the year", []),
        ("12 Letters to a Friend", []),
        ("A letter of 5 May", []),
    ],
)
def test_the_edition_number_opening_a_title(title: str, expected: list[str]) -> None:
    document = make_document("The text.")
    document.title = Block("title", title)
    enrich(document)
    assert [title[s.start : s.end] for s in document.title.spans_of("idno")] == expected


def test_shelfmarks_before_an_archive_are_codes_with_a_number() -> None:
    assert find_citations("Papers of the Committee, KC PZPR, AAN, Warsaw") == []
    (citation,) = find_citations("the papers he sent, XI A/13, AAN, Warsaw")  # "the papers he sent" is no code
    assert citation.stated() == {"shelfmark": "XI A/13", "repository": "AAN"}
    assert find_citations("KC PZPR, XI A/13\nAAN, Warsaw") == []


def test_a_message_cited_by_its_series_holds_the_series() -> None:
    text = "instructions contained para three CMA WARX 90992 of 01 July 1949 unless"
    found = find_document_numbers(text)
    assert [(n.type, n.value, text[n.start : n.end]) for n in found] == [("message", "90992", "WARX 90992")]


def test_a_telegram_cited_by_its_post_holds_the_post() -> None:
    text = "3503. Ref: Moscow 3501. Refs: Rio de Janeiro 12; in reference to this 5"
    found = find_document_numbers(text)
    assert [(n.type, n.value, text[n.start : n.end]) for n in found] == [("telegram", "3501", "Moscow 3501")]


@pytest.mark.parametrize(
    "text",
    [
        "Lenin V. I. PSS. T. 51. P. 247.",
        "Izvestiya TsK KPSS. 1991. No. 2/3. S. 12b.",
        "(Izvestiya of the Central Committee of the CPSU. 1991. No. 2, pp. 121, 123).",
        "Известия ЦК КПСС. 1991. № 3. С. 162",
        "the inside cover of the Kommunist magazine, an organ of the Central Committee of the CP(b)U, No. 1.",
        "журнал «Коммунист», № 1",
        "Voprosy Istorii No. 11, 1953",
        "see Vestnik Vremennogo Pravitelstva No. 1, March 5",
        "Demokratisches Wochenblatt, No. 43, 24 October",
        "работавших на шахте № 3 треста",
        "отп. в 2 экз.",
        "Подлежит возврату в 8 отдел 2 ГУ ГШ СА",
        "the 1st Cavalry and 12th Army",
        "<https://digitalarchive.example.org/document/No.119543>",
        "№№ 5, 6",
        'I received "Sotsial-Demokrat" No. 47 only a week ago',
        'in "Pravda", No. 12 of',
        "в «Правде» № 12",
        "в газете «Пролетарский\nПуть» (Ульяновск) № 16",
        "Incoming 200 tons of grain",
        "Outgoing 3 telegrams were sent",
        "Incoming 15 September 1951",
        "Вх. 12.09.1951",
        "Вх. 12/XII",
        "Incoming 3/9, 10.40",
        "the incoming 1953 budget",
        "We expect incoming 300 from Harbin",
        "incoming 25, outgoing 30",
        "Incoming 25, outgoing 30 a day",
        "исходящих 40, входящих 25",
        "исходящий 5542 от 20 сентября",
        "Acme Inc. 300 employees",
        "his article (for No. 3 of Iskra) and No. 12 of the Sotsial-Demokrat",
        "N 5 of the route, N2 and N 14 in English text",
        "No one came; no 5 of them; Nos 5",
        "CWIHP Working Paper No. 5",
        "National Security Archive Electronic Briefing Book No. 504",  # a series' number, as a working paper's
        "Сочинения, том 3, № 5; том II, № 7",
        "USSR 1945 of 12 May; 12 27.10.1962; The 300 12/5/62",
        "121-123\n1930-1940\nсм. 12-14",
        "Число «85» в номере пункта",
        # lists of issues, years, counts, verses and money after a plural word or none
        "in Nos. 12 and 13 of 21 and 28 March 1868",
        "Documents 1950 and 1951.",
        "the letters 3 and 4 days later",
        "documents 3, 4 and 5 pages long",
        "Documents 12 and 13 pages",
        "Luke 3:16 and 4:2.",
        "cost 3, 4 and 5 dollars",
        "pages 12 – 15",
        # a class and a date suffix only in a source note's place, with a day that is one
        "ratio 100/1-2000 here",
        "call 495/1-2345",
        "tel. 8 (495) 123-45-67",
        "(24/7-1950)",
        "(212/5-5555)",
        # a decision's number only alone on its line, with its series in capitals
        "П 98/40 решение",
        "п 3/4",
    ],
    ids=[
        "pss",
        "izvestiya",
        "izvestiya-pp",
        "izvestiya-ru",
        "magazine",
        "zhurnal",
        "periodical-title",
        "periodical-title-transliterated",
        "periodical-title-german",
        "mine",
        "copies",
        "department",
        "units",
        "url",
        "plural",
        "newspaper-quoted",
        "newspaper-comma",
        "newspaper-ru",
        "newspaper-ru-over-two-lines-with-its-place",
        "incoming-amount",
        "outgoing-count",
        "incoming-date",
        "incoming-numeric-date",
        "incoming-roman-date",
        "incoming-day-month",
        "incoming-adjective",
        "incoming-amount-from-a-place",
        "incoming-and-outgoing-counts",
        "incoming-and-outgoing-counts-at-line-start",
        "russian-participle-counts",
        "russian-participle",
        "company",
        "issue-of-a-periodical",
        "latin-n-in-english",
        "no-without-a-number",
        "series-number",
        "a-briefing-books-number",
        "a-volume-before-an-issue",
        "years-and-counts-before-dates",
        "ranges-of-pages-and-years",
        "a-part-of-an-item-number",
        "issue-numbers-after-a-plural",
        "years-after-a-plural",
        "counted-letters",
        "counted-pages",
        "counted-pages-after-a-pair",
        "verses",
        "money",
        "a-range-of-pages",
        "a-ratio",
        "a-telephone-number-bare",
        "a-telephone-number",
        "a-date-in-parentheses",
        "no-day-55",
        "a-decision-number-in-a-sentence",
        "a-small-p",
    ],
)
def test_find_document_numbers_ignores_what_is_not_a_number(text: str) -> None:
    assert find_document_numbers(text) == []


def test_an_extract_item_follows_its_protocol() -> None:
    state = NumberState()
    find_document_numbers("Из протокола заседания Политбюро № 58, п. 41", state)
    assert [(n.type, n.value) for n in find_document_numbers("41. О предоставлении вагонов\n", state)] == [
        ("item", "41")
    ]
    assert find_document_numbers("Об этом 41. Орел", state) == []


def test_number_state_carries_ditto_and_repeats_across_blocks() -> None:
    state = NumberState()
    find_document_numbers("экз. № 1", state)
    find_document_numbers("ШИФРТЕЛЕГРАММА № П83/615", state)
    assert [(n.type, n.value) for n in find_document_numbers('" № 2', NumberState(last_type="copy"))] == [("copy", "2")]
    assert [(n.type, n.value) for n in find_document_numbers("с № П83/615", state)] == [("cipher", "П83/615")]


def test_enricher_marks_the_number_alone() -> None:
    document = make_document("ИСХ. № 5542", "Экз. № 1", 'отп. в 2 экз. экз. № 1\n" № 2 - 8 отдел')
    enrich(document)
    marked = [
        (b.text[s.start : s.end], s.attr("type")) for b in document.divisions[0].blocks for s in b.spans_of("idno")
    ]
    assert marked == [("5542", "outgoing"), ("1", "copy"), ("1", "copy"), ("2", "copy")]


# ------------------------------------------------------------ properties

_PIECES = st.sampled_from(
    [
        "RGASPI",
        "РЦХИДНИ",
        "AP RF",
        "Ibid.",
        "Там же",
        " ",
        ". ",
        ", ",
        "; ",
        "\n",
        "F.",
        "f",
        "Ф.",
        "Op",
        "On.",
        "List",
        "papka",
        "D.",
        "Д.",
        "L .",
        "ll.",
        "Л.",
        "558",
        "3-4",
        "1, 4-9",
        "23a",
        "об",
        "№",
        "No.",
        "Nr.",
        "п.",
        "пр.ПБ",
        "item",
        "PB",
        "экз.",
        '"',
        "отп.",
        "Cable",
        "1991.",
        "magazine",
        "http://x/",
        "П83/615",
        "Arkhiv Vneshnei Politiki",
        "PRC FMA ",
        "SAPMO-BArch",
        "118-00078-02",
        "Bl.",
        "k.",
        "Архив",
        "(",
        ")",
        "(AVP RF)",
        "(ЦГАИПД)",
        "/s",
        " rev",
        "Вх.",
        "Outgoing ",
        "протокола",
        "«Правда»",
    ]
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join))


@given(_TEXTS, _TEXTS)
def test_any_text_gives_spans_within_bounds_and_parts_inside_their_citation(first: str, second: str) -> None:
    document = make_document(first, second, citation_field=first)
    enrich(document)
    for _lang, block in document.blocks():
        spans = block.spans_of("idno")
        assert all(0 <= s.start < s.end <= len(block.text) for s in spans)
        outers = [s for s in spans if s.attr("type") == "archival"]
        for s in spans:
            if s.attr("type") in ("repository", "fond", "opis", "papka", "delo", "folios", "shelfmark"):
                assert any(o.covers(s) for o in outers)
        others = [s for s in spans if not any(o.covers(s) for o in outers)]
        assert all(not a.overlaps(b.start, b.end) for i, a in enumerate(others) for b in others[i + 1 :])


_HEADS = st.sampled_from(
    [
        "RGASPI",
        "AP RF",
        "Ibid.",
        "Там же",
        "GARF",
        "ЦПА",
        "",
        "TsKhSD",
        "Arkhiv Prezidenta RF (AP RF)",
        "Архив (ЦГАИПД)",
        "PRC FMA",
        "Magyar Országos Levéltár (MOL)",
    ]
)
_LABELS = st.sampled_from(["F.", "f", "fond", "Ф.", "Op", "On.", "opis'", "List", "papka", "D.", "Д.", "delo", "L .",
                           "ll.", "Л.", "листы", "ed. khr.", "ед.хр."])  # fmt: skip
_VALUES = st.sampled_from(["558", "3-4", "1, 4-9", "23a", "12 об", "R-5", "a-1"])
_PART_TEXT = st.tuples(_LABELS, st.sampled_from(["", " ", "  "]), _VALUES).map("".join)
_CITATIONS = st.tuples(_HEADS, st.lists(_PART_TEXT, min_size=1, max_size=4).map(", ".join)).map(", ".join)


@settings(max_examples=300)
@given(st.one_of(_TEXTS, st.lists(_PIECES, max_size=30).map(" ".join), _CITATIONS))
def test_quick_tests_skip_only_texts_without_citations_numbers_or_addresses(text: str) -> None:
    if _PART.search(text) is None and SHELFMARK_HINT.search(text) is None:
        assert _citations(text) == []
    lowered = text.lower()
    if not _has_sign(lowered):
        assert _NUMBER.search(text) is None and _ITEM_PROTOCOL.search(text) is None
        assert _PROTOCOL_THEN_ITEM.search(text) is None
    if not any(word in lowered for word in _PROTOCOL_WORDS):
        assert _PROTOCOL_THEN_ITEM.search(text) is None
    if not any(label in lowered for label in _UNSIGNED_LABELS):
        assert _UNSIGNED.search(text) is None
    assert url_spans(text) == [m.span() for m in _URL.finditer(text)]


_EVERY_LABEL = ["fond", "f.", "фонд", "ф.", "opis'", "op.", "on.", "опись", "оп.", "list", "papka", "pap.", "p.",
                "папка", "пап.", "п.", "delo", "d.", "дело", "д.", "ed. khr.", "ед. хр.", "listy", "ll.", "l.",
                "folios", "folio", "fols.", "fol.", "листы", "лист", "лл.", "л."]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [f"RGASPI, {label} 5" for label in _EVERY_LABEL]
    + [f"GARF {label.upper()} 12" for label in _EVERY_LABEL]
    + [c[0] for c in CITATIONS]
    + [c[0] for c in SHELFMARK_CITATIONS]
    + [n[0] for n in NUMBERS],
)
def test_quick_tests_pass_every_example(text: str) -> None:
    if _citations(text):
        assert _PART.search(text) or SHELFMARK_HINT.search(text)
    lowered = text.lower()
    if _NUMBER.search(text) or _ITEM_PROTOCOL.search(text) or _PROTOCOL_THEN_ITEM.search(text):
        assert _has_sign(lowered)
    if _PROTOCOL_THEN_ITEM.search(text):
        assert any(word in lowered for word in _PROTOCOL_WORDS)
    if _UNSIGNED.search(text):
        assert any(label in lowered for label in _UNSIGNED_LABELS)


_REFERENCE_PIECES = st.sampled_from(
    ["Documents", "documents", "Telegrams", "телеграммы", "Letters", "Nos.", "№", "№№", " ", "\n", ", ", " and ",
     " и ", "84", "1950", "3", " — ", "–", "-", "(", ")", ":", ".", "330/6", "2650", "П", "П 98/40", "Ст", "/",
     "XIV", "days", "March"]
)  # fmt: skip
_REFERENCES = st.lists(_REFERENCE_PIECES, max_size=25).map("".join)


@given(st.one_of(_REFERENCES, _TEXTS))
def test_lists_ranges_class_files_and_decisions_keep_every_character(text: str) -> None:
    document = make_document(text)
    enrich(document)
    block = document.divisions[0].blocks[0]
    assert block.text == text
    numbers = find_document_numbers(text)
    assert all(0 <= n.start < n.end <= len(text) and n.value.strip() for n in numbers)
    assert all(a.end <= b.start for a, b in zip(numbers, numbers[1:], strict=False))  # in order, none overlapping
    if not any(word in text.lower() for word in _PLURAL_WORDS):
        assert _PLURAL_KIND.search(text) is None
    if "/" not in text:
        assert CLASS_FILE.search(text) is None and _DECISION_NUMBER.search(text) is None


def test_a_citation_may_have_a_part_of_any_label() -> None:
    assert all(find_citations(f"RGASPI, {label} 5") for label in _EVERY_LABEL)


@pytest.mark.parametrize(
    ("title", "first", "expected"),
    [
        ("795.00/6–2550: Telegram", "618. For Muccio. This telegram in no way dilutes your present authority", ["618"]),
        ("A letter", "618. For Muccio. This telegram in no way dilutes your present authority", []),
        ("Telegram", "1. In the second paragraph omit the last sentence beginning with it", []),
        ("Telegram", "No number. " + "A long first paragraph of the text. " * 8, []),
    ],
)
def test_a_telegram_opens_with_its_number(title: str, first: str, expected: list[str]) -> None:
    document = make_document("The Secretary of State to the Embassy", "top secret", first)
    document.title = Block("title", title)
    enrich(document)
    block = document.divisions[0].blocks[2]
    assert [block.text[s.start : s.end] for s in block.spans_of("idno") if s.attr("type") == "telegram"] == expected
    document.divisions[0].blocks.append(Block("p", "22. Another paragraph"))
    enrich(document)
    assert not document.divisions[0].blocks[3].spans  # only the opening paragraph opens with the number


def test_the_edition_number_in_the_header_is_not_the_telegram_text() -> None:
    document = make_document("The Embassy to the Department", "618. For Muccio. This telegram in no way dilutes it")
    document.title = Block("title", "Telegram From the Embassy")
    document.fields["number"] = Block("number", "81.")
    enrich(document)
    block = document.divisions[0].blocks[1]
    assert [block.text[s.start : s.end] for s in block.spans_of("idno")] == ["618"]


@pytest.mark.parametrize(
    ("text", "repository"),
    [
        ("Архив Президента РФ. Ф. 3. Оп. 66. Д. 1. Л. 1-3.", "APRF"),
        ("Архив внешней политики РФ. Ф. 059а. Оп. 1. П. 313. Д. 2155. Л. 20–22.", "AVPRF"),
        ("Source: Truman Library, President's Secretary's Files, Box 178. Secret.", "Harry S. Truman Library"),
        ("Eisenhower Library, Whitman File, Box 12, folder 3.", "Dwight D. Eisenhower Library"),
        ("RGANI, fond 89, perechen 45, dokument 1.", "RGANI"),
    ],
)
def test_archives_named_in_other_forms(text: str, repository: str) -> None:
    """The Russian Federation abbreviated in an archive's name; the presidential libraries of FRUS source notes."""
    (citation,) = find_citations(text)
    assert resolve_citation(citation, None)[0]["repository"] == repository


def test_a_library_named_in_prose_is_no_citation() -> None:
    assert find_citations("He visited the Truman Library in 1960.") == []


# ------------------------------------------------------------ an edition's letter numbers


@pytest.mark.parametrize(
    ("text", "following", "value"),
    [
        ("98", "To:   MAXIM GORKY", "98"),
        ("370", "TO INESSA ARMAND", "370"),
        ("152\nК. ГЮИСМАНСУ", "Дорогой товарищ!", "152"),
        ("11", "ТЕЛЕГРАММА ЯНСОНУ", "11"),
        ("1", "\nМ. ГОРЬКИЙ — И. В. СТАЛИНУ", "1"),
        ("82\nГ. А. АЛЕКСИНСКОМУ\n7/1. 08.", "", "82"),
        # a page number over a running head, a year, a heading that names no addressee, a number in a sentence
        ("366", "ПРИЛОЖЕНИЯ", None),
        ("184", "В. И. ЛЕНИН", None),
        ("1916", "To:   MAXIM GORKY", None),
        ("98", "To: Maxim Gorky", None),
        ("98", "To the congress", None),
        ("98 copies", "To:   MAXIM GORKY", None),
        ("12345", "К. ГЮИСМАНСУ", None),
        ("In 98", "К. ГЮИСМАНСУ", None),
    ],
    ids=lambda v: repr(v)[:30] if isinstance(v, str) else str(v),
)
def test_a_letter_number_stands_above_its_addressee(text: str, following: str, value: str | None) -> None:
    number = letter_number(text, following)
    assert (number.value if number else None) == value
    if number is not None:
        assert text[number.start : number.end] == value


def test_the_enricher_marks_a_letter_number_above_the_next_blocks_heading() -> None:
    document = make_document("1916", "98", "To:   MAXIM GORKY", "Dear friend,")
    enrich(document)
    marked = [
        (b.text[s.start : s.end], s.attr("type")) for b in document.divisions[0].blocks for s in b.spans_of("idno")
    ]
    assert marked == [("98", "document")]


@given(st.text(alphabet="0189 \nToТК.ЯНСОУ:", max_size=30), st.text(alphabet="0189 \nToТК.ЯНСОУ:", max_size=30))
def test_a_letter_number_is_the_digits_of_the_first_line(text: str, following: str) -> None:
    number = letter_number(text, following)
    if number is not None:
        assert text[number.start : number.end] == number.value
        assert number.value.isdigit() and not text[: number.start].strip()
