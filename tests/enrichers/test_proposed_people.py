"""Persons found without the register: given names, surnames repeated after a full name, speakers' labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich
from tei_encode.model import Block, Division, Document
from tei_encode.register import Entry, Name, Register


def document(*paragraphs: str, lang: str = "en") -> Document:
    doc = Document("d", "d.txt", "text", lang, Block("title", "A record"))
    doc.divisions.append(Division("text", [Block("p", p) for p in paragraphs], {"lang": lang}))
    return doc


def persons(doc: Document, register: Register | None = None) -> list[tuple[str, dict[str, str]]]:
    enrich(doc, Context(register or Register()), Reporter("d.txt"))
    return [
        (block.text[s.start : s.end], dict(s.attrs))
        for block in doc.divisions[0].blocks
        for s in sorted(block.spans)
        if s.kind == "person"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dept pass President and SecState only from Robert Anderson.", ["Robert Anderson"]),
        ("He would very much like to send Zakaria Mohieddin there.", ["Zakaria Mohieddin"]),
        ("To Comrade Leonid Ilyich Brezhnev, General Secretary.", ["Leonid Ilyich Brezhnev"]),
        ("The deputy, Nikolai Alexandrovich Alexeyev, arrived.", ["Nikolai Alexandrovich Alexeyev"]),
        ("Translation by Mark H. Doctoroff.", ["Mark H. Doctoroff"]),
        (
            "Present: the interpreter Thomas W. Simons, Jr., and Peter Smith Sr. spoke.",
            ["Thomas W. Simons, Jr.", "Peter Smith Sr."],
        ),
        ("It can be written to: M. Pierre Frank, Poste Restante.", ["Pierre Frank"]),
        ("Greetings from Leonid Ilych [Brezhnev] and all members.", ["Leonid Ilych [Brezhnev]"]),
        ("TELEGRAM FROM LEONID BREZHNEV TO MOHAMMED TARAKI", ["LEONID BREZHNEV", "MOHAMMED TARAKI"]),
        ("A LETTER FROM PAUL REVERE STREET COMMITTEE", []),
        ("He is a clerk of a firm in Mark Lane and lives near Karl Marx Street by Albert Hall Road.", []),
        ("The George Washington University replied in March.", []),
        ("John thanked the Committee in May.", []),
        (
            "Raymond [Molinier] is also complaining; the [Committee] and General [Secretary] are not. Natalia"
            " Ivanova [Sedova] still hopes.",
            ["Raymond [Molinier]", "Natalia Ivanova [Sedova]"],
        ),
    ],
    ids=[
        "name",
        "arabic",
        "patronymic",
        "in-commas",
        "initial",
        "suffix",
        "form-of-address",
        "supplied",
        "capitals",
        "capitals-street",
        "streets",
        "institution",
        "none",
        "supplied-any-first-name",
    ],  # fmt: skip
)
def test_a_given_name_before_a_surname_is_a_person(text: str, expected: list[str]) -> None:
    found = persons(document(text))
    assert [t for t, _ in found] == expected
    assert all(a["cert"] == "medium" and a["source"] == "rule:given-name" and a["ref"] for _, a in found)


def test_a_given_name_takes_in_the_registers_surname_and_keeps_its_link() -> None:
    register = Register({"brezhnev": Entry("brezhnev", "person", (Name("Brezhnev", "en", "main"),))})
    found = persons(document("Esteemed Comrade Leonid Ilyich Brezhnev!"), register)
    assert found == [
        ("Leonid Ilyich Brezhnev", {"ref": "#brezhnev", "cert": "medium", "source": "rule:given-name",
                                    "by": "the given-name rule"}),
    ]  # fmt: skip


def test_a_surname_repeated_after_the_full_name_is_the_same_person() -> None:
    doc = document(
        "Transcript of a conversation between Soviet Premier Alexei Kosygin and the Afghan leader.",
        "Kosygin: Ask him, perhaps he will outline the situation.",
        "In Kosygin’s view the matter is complex.",
        "The Kosygin Plan was not mentioned.",
    )
    found = persons(doc)
    assert [t for t, _ in found] == ["Alexei Kosygin", "Kosygin", "Kosygin"]
    assert len({a["ref"] for _, a in found}) == 1
    assert found[1][1]["source"] == "rule:repeated-surname"  # the second, a possessive, is the surname form's


def test_a_repeated_surname_takes_its_initial() -> None:
    found = persons(document("Letter of Leon Trotsky to a comrade.", "Fraternally,\nL. Trotsky"))
    assert [(t, a["ref"]) for t, a in found] == [("Leon Trotsky", "#Leon_Trotsky"), ("L. Trotsky", "#Leon_Trotsky")]


def test_a_surname_two_persons_share_is_left_alone() -> None:
    doc = document("Robert Anderson met Mark Anderson in the morning.", "The note reached Anderson later.")
    assert [t for t, _ in persons(doc)] == ["Robert Anderson", "Mark Anderson"]


def test_the_speakers_of_a_russian_record_are_persons() -> None:
    doc = document(
        "Громыко. Значит, «черный ящик» они поднять могут.",
        "Тихонов. Ясно, что рано или поздно они полезут.",
        "Горбачев. Зафиксировали ли они выстрел?",
        "Громыко. Мы должны сказать, что выстрелы были.",
        lang="ru",
    )
    found = persons(doc)
    assert [t for t, _ in found] == ["Громыко", "Тихонов", "Горбачев", "Громыко"]
    assert found[0][1]["ref"] == found[3][1]["ref"]
    assert all(a["cert"] == "medium" for _, a in found)


def test_labels_of_fields_are_no_speakers() -> None:
    doc = document(
        "Summary: A reply to an earlier telegram.",
        "Source: Archive of Foreign Policy.",
        "Note: The second copy is missing.",
        "Question: What are the prospects?",
    )
    assert persons(doc) == []


NAME_WORDS = ["Robert", "Leonid", "Ilyich", "Kosygin", "Anderson", "Mark", "Lane", "Громыко", "Тихонов", "H."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*NAME_WORDS, " ", ", ", ": ", ". ", "\n", "’s", "said", "the"]), max_size=30))
def test_any_text_gives_persons_inside_it_that_do_not_overlap(pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = document(text, text)
    enrich(doc, Context(Register()), Reporter("d.txt"))
    for block in doc.divisions[0].blocks:
        spans = sorted(s for s in block.spans if s.kind == "person")
        assert all(0 <= s.start < s.end <= len(block.text) for s in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_a_full_name_is_linked_to_the_person_its_surname_names_elsewhere() -> None:
    register = Register({"castro": Entry("castro", "person", (Name("Castro", "en", "main"),))})
    found = persons(document("Castro replied at once.", "Later the embassy saw Fidel Castro again."), register)
    assert [(t, a["ref"]) for t, a in found] == [("Castro", "#castro"), ("Fidel Castro", "#castro")]


def test_a_name_cut_by_a_line_break_is_one_person_and_a_list_one_to_a_line_is_not() -> None:
    found = persons(document("Conversation between Soviet Premier Alexei Kosygin and Afghan Prime Minister Nur\n"
                             "Mohammed Tarki, 17 March 1979."))  # fmt: skip
    assert [t for t, _ in found] == ["Alexei Kosygin", "Nur\nMohammed Tarki"]
    listed = persons(document("Present:\nRobert Anderson\nMark Doctoroff"))
    assert [t for t, _ in listed] == ["Robert Anderson", "Mark Doctoroff"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сердечный привет!\nА. Пешков", ["А. Пешков"]),
        ("Председатель Совета Народных Комиссаров В. Ульянов (Ленин).", ["В. Ульянов", "Ленин"]),
        ("Приехал в г. Москву и т. Сталин.", []),
    ],
    ids=["signature", "in-a-sentence", "abbreviations"],
)
def test_one_initial_before_a_russian_surname_is_a_person(text: str, expected: list[str]) -> None:
    found = persons(document(text, lang="ru"))
    assert [t for t, _ in found if t != "Сталин"] == expected


def test_an_honorific_opening_lines_is_no_speaker() -> None:
    doc = document("Tov. Stalin.", "Today we considered the proposals.", "Tov. Stalin.", "Kaganovich. Molotov.")
    assert "Tov" not in [t for t, _ in persons(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Present: the interpreter Nelson C. Ledsky, in the hall.", ["Nelson C. Ledsky"]),
        ("The Secretary of State John H. Sununu, Chief of Staff.", ["John H. Sununu"]),
        ("After S. Kania spoke, they left.", ["S. Kania"]),
        ("Ваш Н. Каня", ["Н. Каня"]),
        ("Then Mark W. Kania spoke.", ["Mark W. Kania"]),
    ],
    ids=["given-name", "after-a-post", "sentence-opening-word", "closing-word", "registered"],
)
def test_a_given_name_before_a_middle_initial_is_the_names(text: str, expected: list[str]) -> None:
    kania = Entry("kania", "person", (Name("Kania", "en", "main"), Name("Каня", "ru", "variant")))
    assert [t for t, _ in persons(document(text), Register({"kania": kania}))] == expected


def test_a_name_the_editors_identify_in_brackets_is_no_first_name_of_it() -> None:
    register = Register({"filippov": Entry("filippov", "person", (Name("Filippov", "en", "main"),))})
    found = persons(document("The cable was signed by Filippov [Stalin] the next day."), register)
    assert "Filippov [Stalin]" not in [t for t, _ in found]


LENIN = Register(
    {
        "Lenin": Entry(
            "Lenin",
            "person",
            (
                Name("Vladimir Ilyich Lenin", "en", "main"),
                Name("Vladimir Ilyich Ulyanov", "en", "birth"),
                Name("Владимир Ильич Ульянов", "ru", "birth"),
            ),
        ),
        "Ulyanov_A": Entry("Ulyanov_A", "person", (Name("Александр Ильич Ульянов", "ru", "variant"),)),
    }
)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Братский привет\nВл. Ульянов", "ru", [("Вл. Ульянов", "#Lenin")]),
        ("Ваш В. Ульянов", "ru", [("В. Ульянов", "#Lenin")]),
        ("Greetings and congratulations!\nVl. Ulyanov", "en", [("Vl. Ulyanov", "#Lenin")]),
        ("Брат его Ал. Ульянов писал.", "ru", [("Ал. Ульянов", "#Ulyanov_A")]),
        ("The address is Mr. Wl. Oulianoff, Seidenweg, Berne.", "en", [("Wl. Oulianoff", "")]),
        ("Беседа с Юр. Гр. Раппопортом была долгой.", "ru", [("Юр. Гр. Раппопортом", "")]),
        ("И. СТАЛИН, Б. ШАПОШНИКОВ", "ru", [("Б. ШАПОШНИКОВ", "")]),
        ("ПИСЬМА С. ГРИНФЕСТА", "ru", [("С. ГРИНФЕСТА", "")]),
        ("Сегодня прикатили мы с Н. К. в Женеву. Ал. Ал. очень против.", "ru", [("Н. К.", ""), ("Ал. Ал.", "")]),
        (
            "If Nik. Vas. has not yet been there, ask N. Iv. and Pavlov.",
            "en",
            [("Nik. Vas.", ""), ("N. Iv.", ""), ("Pavlov", "")],
        ),
        ("Посылаю письмо к А. М.2\nДело вот в чем. А. М. очень прошу.", "ru", [("А. М.", ""), ("А. М.", "")]),
    ],
    ids=[
        "abbreviated",
        "one-initial",
        "latin",
        "namesake",
        "old-spelling",
        "two-abbreviations",
        "capitals",
        "capitals-unknown-word",
        "ru-alone",
        "en-alone",
        "note-number",
    ],  # fmt: skip
)
def test_abbreviated_given_names_name_a_person(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    found = [(name, attrs.get("ref", "")) for name, attrs in persons(document(text, lang=lang), LENIN)]
    assert [(name, ref if ref in ("#Lenin", "#Ulyanov_A") else "") for name, ref in found][-len(expected) :] == expected
    assert all(
        attrs["cert"] in ("low", "medium") for name, attrs in persons(document(text, lang=lang), LENIN) if "." in name
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("P. S. The parcel left at 10 A. M. for the U. S. today.", "en"),
        ("See Vol. I. and Ch. V. of the book; Op. cit., Bd. I.", "en"),
        ("Ленин В. И. Полн. собр. соч., т. 38, Т. I. и Гл. II.", "ru"),
        ("Archive: RGASPI F. 558. Op. 11. D. 81. L. 79.", "en"),
        ("ЗАПИСКА Т. ПРАВИТЕЛЬСТВУ О Г. МОСКВЕ", "ru"),
        ("Stalin I. V. wrote; Ivanov A. B. replied.", "en"),
        ("The Gen. Sec. Ivanov came. Зав. Отделом С. Трапезников и Зам. Зав. пришли.", "ru"),
        ("He lives at St. Petersburg, Mt. Vernon.", "en"),
        ("Your article for the C.O. and the Mensheviks’ O. C. came.", "en"),
        ("T. t. Molotov, Kaganovich (L. M.).", "en"),
        ("Власть Р. С. Ф. С. Р.\nАрх. Г. И. прислал.", "ru"),
    ],
    ids=[
        "abbreviations",
        "references",
        "ru-references",
        "archive",
        "capitals-common-words",
        "surname-first",
        "posts",
        "places",
        "organisations",
        "initials-of-the-name-before",
        "acronym-and-archive",
    ],  # fmt: skip
)
def test_abbreviations_that_name_no_one(text: str, lang: str) -> None:
    assert not [
        name for name, attrs in persons(document(text, lang=lang)) if attrs.get("source", "").endswith("given-name")
    ]


@given(st.lists(st.sampled_from(["Вл.", "Nik.", "Н.", "К.", "Ульянов", "ШАПОШНИКОВ", "Oulianoff", " ", "\n", ", ",
                                 "2", "Mr.", "P. S.", "с", "Vas.", "If"]), max_size=12))  # fmt: skip
@settings(max_examples=80, deadline=None)
def test_any_arrangement_of_abbreviations_gives_persons_in_bounds_that_do_not_overlap(pieces: list[str]) -> None:
    text = " ".join(pieces)
    doc = document(text, lang="ru")
    persons(doc, LENIN)
    spans = sorted(s for s in doc.divisions[0].blocks[0].spans if s.kind == "person")
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_initials_after_a_surname_are_no_word_of_a_register_name() -> None:
    register = Register({"Kamenev": Entry("Kamenev", "person", (Name("Л. Б. Каменев", "ru", "main"),))})
    found = persons(document("Присутствовали: Ягода, Фушман Б.", lang="ru"), register)
    assert ("Фушман Б.", "model:natasha") in [(name, attrs.get("source")) for name, attrs in found]
