"""natasha's persons fitted to the text and to what the enrichers before it found, and persons in headings in
capitals (``enrichers/proposals/fitting.py``, ``capitals.py``)."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich
from tei_encode.enrichers.proposals.candidates import is_common_russian_word
from tei_encode.model import Block, Division, Document
from tei_encode.register import Entry, Name, Register

REGISTER = Register(
    {
        "Truman": Entry("Truman", "person", (Name("Гарри Трумэн", "ru"), Name("Трумэн", "ru"))),
        "Ivanov": Entry("Ivanov", "person", (Name("Иван Петрович Иванов", "ru"),)),
    }
)


def persons(text: str, register: Register = REGISTER) -> tuple[list[tuple[str, str]], Context]:
    """The persons found in a Russian paragraph ``text`` (with the source of each), and the context."""
    doc = Document("d", "d.txt", "text", "ru", Block("title", "Записка"))
    doc.divisions.append(Division("text", [Block("p", text)], {"lang": "ru"}))
    context = Context(register)
    enrich(doc, context, Reporter("d.txt"))
    block = doc.divisions[0].blocks[0]
    return [(block.text[s.start : s.end], s.attr("source")) for s in sorted(block.spans) if s.kind == "person"], context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("О Кузнецове — сказал Петрову, что это вопрос решенный.", "Кузнецове"),
        ("Г-ну Смиту хорошо известно значение этого фронта.", "Смиту"),
        ("Доклад о Рокоссовском.", "Рокоссовском"),
        ("Гарри Ллойд сообщил мне подробно о своих встречах с Вами.", "Гарри Ллойд"),
        ("Д-ру Ланге поручено передать письмо.", "Ланге"),
        ("Решение принято, Фушман Б. и Суслову Д. поручено.", "Суслову Д."),
    ],
    ids=["preposition-opening-a-sentence", "abbreviated-honorific-in-case", "surname-in-the-locative",
         "given-name-of-a-register-person", "doctor", "initial-after-the-surname"],
)  # fmt: skip
def test_a_models_person_is_trimmed_to_the_name_and_kept(text: str, expected: str) -> None:
    found, _ = persons(text)
    assert (expected, "model:natasha") in found


def test_a_pronoun_of_address_after_a_name_is_no_part_of_it() -> None:
    found, _ = persons("Адмирал Стэндли Ваше письмо передал.")
    assert [name for name, _ in found] == ["Стэндли"]


def test_a_model_name_extending_a_rules_person_replaces_it_and_its_entry() -> None:
    found, context = persons("На конверте написано: “Марии Петровне Соколовой лично”.")
    assert found == [("Марии Петровне Соколовой", "model:natasha")]
    keys = {e.key for e in context.added["d"]}
    assert keys == {"Mariya_Petrovich_Sokolov"} or all("Sokolov" in key for key in keys)


def test_a_name_the_model_joined_to_a_whole_name_is_a_person_of_its_own() -> None:
    found, _ = persons("Письмо секретаря обкома Лаврова Ивану Петровичу Иванову от 5 мая.")
    assert ("Лаврова", "model:natasha") in found
    assert ("Ивану Петровичу Иванову", "") in found


def test_initials_between_two_names_are_left_to_the_rule_that_found_them() -> None:
    found, _ = persons("Письмо Сталин И.В., Шапошников Б.М. Cочинения.", Register())
    assert not any(name.startswith("Шапошников") for name, _ in found)


@pytest.mark.parametrize(
    "text",
    ["Присутствовали: (Хрущев, Микоян)", "Лубянка. Сталин и органы. М., 2004.", "С приветом Ленин Тов. Петров!"],
    ids=["comma", "full-stop", "abbreviation"],
)
def test_names_apart_are_not_joined_into_one(text: str) -> None:
    found, _ = persons(text, Register())
    assert all("," not in name and ". " not in name and "Тов" not in name for name, _ in found)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Я получил ряд сердитых писем за уступчивость по адресу Полянского. И они правы.", "Полянского"),
        ("Он жил в Полянском до весны.", None),
        ("Представители Карельского и Марийского обкомов.", None),
        ("На собрании под председательством архиепископа Кишиневского Анастасия.", None),
    ],
    ids=["surname-standing-alone", "after-a-preposition-of-place", "adjective-before-a-noun", "see-before-a-name"],
)
def test_a_word_of_adjective_form_standing_as_a_noun_is_a_person(text: str, person: str | None) -> None:
    found, _ = persons(text)
    names = [name for name, _ in found]
    if person:
        assert person in names
    else:
        assert not any(name.endswith(("ского", "ском")) for name in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ПИСЬМО КАРПОВУ", "КАРПОВУ"),
        ("ТЕЛЕГРАММА ЛАРИНУ", "ЛАРИНУ"),
        ("ПИСЬМО А. Б. [СМИРНОВУ]", "А. Б. [СМИРНОВУ]"),
        ("ДМИТРИЮ ЛАРИНУ", "ДМИТРИЮ ЛАРИНУ"),
    ],
    ids=["letter-to", "telegram-to", "initials-and-supplied-surname", "full-name"],
)
def test_an_addressee_in_a_heading_in_capitals_is_a_person(text: str, expected: str) -> None:
    found, _ = persons(text)
    assert found == [(expected, "model:natasha")]


def test_an_institution_is_told_by_its_nominative_and_a_surname_by_its_case() -> None:
    assert is_common_russian_word("Сибкрайком")
    assert not is_common_russian_word("Рокоссовском")


@pytest.mark.parametrize(
    "text",
    ["ГОКО — товарищу Петрову", "РГАКФД. Арх. № 1-33379.", "Письмо ЦК ВКП(б) ЦК КПЮ", "Решение ЦК о ДРА и СЕАТО"],
    ids=["abbreviation-opening-a-heading", "archive-without-vowels", "party-in-a-title", "within-a-sentence"],
)
def test_abbreviations_in_capitals_are_no_persons(text: str) -> None:
    found, _ = persons(text, Register())
    assert not any(name.isupper() for name, _ in found)


def english(text: str) -> list[tuple[str, str]]:
    """The persons found in an English paragraph ``text``, with an empty register (and the source of each)."""
    doc = Document("d", "d.txt", "text", "en", Block("title", "A note"))
    doc.divisions.append(Division("text", [Block("p", text)], {"lang": "en"}))
    enrich(doc, Context(Register()), Reporter("d.txt"))
    block = doc.divisions[0].blocks[0]
    return [(block.text[s.start : s.end], s.attr("source")) for s in sorted(block.spans) if s.kind == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a conversation with SEMYONOV and ARKHIPOV the minister said so.", ["SEMYONOV", "ARKHIPOV"]),
        ("People's Commissar of Internal Affairs of the Republic KORNILOV.", ["KORNILOV"]),
        ("The CPSU and the PRAVDA editors met in KHARKOV near the KREMLIN.", []),
        ("Minutes of the meeting. TELEGRAM FROM MOSCOW TO KUZNETSOV", []),
    ],
    ids=["in-running-text", "signing-a-line", "abbreviations-and-places", "heading-in-capitals"],
)
def test_a_russian_surname_in_latin_capitals_is_a_person(text: str, expected: list[str]) -> None:
    assert [name for name, source in english(text) if source == "rule:surname-form"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The President: Mikhail, can you hear me?", "en", "Mikhail"),
        ("Сергей, приезжай скорее.", "ru", "Сергей"),
        ("Жму руку.\nИосиф.", "ru", "Иосиф"),
    ],
    ids=["addressed-opening-a-sentence", "addressed-in-russian", "signing-a-line"],
)
def test_a_given_name_addressed_or_signing_is_a_person(text: str, lang: str, expected: str) -> None:
    found = english(text) if lang == "en" else persons(text, Register())[0]
    assert (expected, "rule:given-name-alone") in found


@pytest.mark.parametrize("text", ["Вера, надежда и любовь.", "Слава, слава героям!"], ids=["faith", "glory"])
def test_an_ordinary_word_that_is_also_a_given_name_is_no_one_addressed(text: str) -> None:
    assert persons(text, Register())[0] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мехлиса нужно заменить Поповым или ввести обоих.", ["Поповым"]),
        ("Копия Сидорову, копия Карлсону.", ["Сидорову"]),
        ("Вчера в Москве и Саратове прошли собрания.", []),
    ],
    ids=["object-of-a-verb", "addressees-of-a-telegram", "places"],
)
def test_a_word_the_dictionary_reads_as_a_surname_is_a_person(text: str, expected: list[str]) -> None:
    found, _ = persons(text, Register())
    assert [name for name, source in found if source == "rule:surname-reading"] == expected
