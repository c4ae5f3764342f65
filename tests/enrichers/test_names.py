"""Tests of the person and place enrichers on made-up sentences, on the corpus register, and on any text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich_page
from tei_encode.enrichers.names.enricher import PersonsEnricher, PlacesEnricher
from tei_encode.enrichers.names.index import index_for, is_patronymic, is_syllabic_name
from tei_encode.enrichers.names.match import _SPACED_LETTERS, LETTER_SPACED
from tei_encode.enrichers.names.namesakes import link_namesakes_on_page
from tei_encode.enrichers.names.rules import QUICK_TESTS
from tei_encode.model import Block, Division, Document, DocumentDate, Span, span
from tei_encode.register import Entry, Name, Register

CORPUS_REGISTER = Path(__file__).resolve().parents[2] / "corpus" / "register"


def _entry(key: str, kind: str, *names: str) -> Entry:
    """An entry; a name written ``~Name`` is a pseudonym, a Cyrillic one is Russian."""
    return Entry(
        key,
        kind,
        tuple(
            Name(
                n.lstrip("~"),
                "ru" if any("а" <= c.lower() <= "я" for c in n) else "en",
                "pseudonym" if n[0] == "~" else "variant",
            )
            for n in names
        ),
    )


REGISTER = Register(
    entries={
        e.key: e
        for e in (
            _entry(
                "Stalin",
                "person",
                "J. V. Stalin",
                "Stalin",
                "Сталин",
                "~Filippov",
                "~Филиппов",
                "Iosif Vissarionovich Stalin",
                "Иосиф Виссарионович Сталин",
            ),
            _entry("Lenin", "person", "Vladimir Ilyich Lenin", "Lenin", "Ленин", "Владимир Ильич Ленин"),
            _entry("Trotsky", "person", "L. D. Trotsky", "Trotsky", "Троцкий"),
            _entry("Krasovsky", "person", "~Krasovsky", "~Красовский"),
            _entry("Mao_Zedong", "person", "Mao Zedong", "Mao", "Мао Цзе-дун", "Мао"),
            _entry("Kamenev_LB", "person", "Lev Borisovich Kamenev", "Kamenev", "Каменев"),
            _entry("Kamenev_SS", "person", "S. S. Kamenev", "Kamenev", "Каменев"),
            _entry("Budyonny", "person", "Budyonny", "Будённый"),
            _entry("Wrangel", "person", "Wrangel", "Врангель"),
            _entry("Kharkiv", "place", "Kharkiv", "Kharkov", "Харьков"),
            _entry("Moscow", "place", "Moscow", "Москва"),
            _entry("Moscow_Kremlin", "place", "Moscow Kremlin", "Kremlin", "Кремль"),
            _entry("Beijing", "place", "Beijing", "Пекин"),
            _entry("Korea", "place", "Korea", "Корея"),
            _entry("Crimea", "place", "Crimea", "Крым"),
            _entry("Caucasus", "place", "Caucasus", "Кавказ"),
            _entry("North_Caucasus", "place", "North Caucasus", "Северный Кавказ"),
            _entry("Lviv", "place", "Lviv", "Lvov", "Львов"),
            _entry("Kuban", "place", "Kuban", "Кубань"),
            _entry("Georgia", "place", "Georgia", "Грузия"),
            _entry("Black_Sea", "place", "Black Sea", "Чёрное море"),
            _entry("China", "place", "China", "Китай"),
            _entry("Saint_Petersburg", "place", "Saint Petersburg", "St. Petersburg", "Petersburg"),
            _entry("Volga", "place", "Volga", "Волга"),
            _entry("Caspian_Sea", "place", "Caspian Sea", "Caspian"),
            _entry("Eisenhower", "person", "Dwight D. Eisenhower", "Eisenhower"),
            _entry("Sokolnikov", "person", "Grigory Yakovlevich Sokolnikov", "Sokolnikov"),
            _entry("Krupskaya", "person", "Nadezhda Konstantinovna Krupskaya", "Надежда Константиновна Крупская"),
            _entry("Kim_Il_Sung", "person", "Kim Il Sung", "Ким Ир Сен"),
            _entry("Kim_Tu-bong", "person", "Kim Tu-bong", "Ким Ду Бон"),
            _entry("Zhou_Enlai", "person", "Zhou Enlai", "Чжоу Энь-лай", "Zhou", "Чжоу"),
            _entry("Ni_Zhiliang", "person", "Ni Zhiliang", "Ни Чжи-лян"),
            _entry("Nie_Rongzhen", "person", "Nie Rongzhen", "Не Жунчжэнь"),
            _entry("Liu_Shaoqi", "person", "Liu Shaoqi", "Лю Шао-ци"),
            _entry("He_Long", "person", "He Long"),
            _entry("Sun_Yat-sen", "person", "Sun Yat-sen", "Сунь Ят-сен"),
            _entry("Barthou", "person", "Louis Barthou", "Луи Барту"),
            _entry("Pak_Hon-yong", "person", "Pak Hon-yong", "Пак Хон Ен"),
            _entry("Zinoviev", "person", "G. E. Zinoviev", "Grigory Yevseyevich Zinoviev", "Zinoviev"),
        )
    }
)


def enrich(text: str, kind: str = "p", spans: tuple[Span, ...] = (), register: Register = REGISTER) -> Block:
    """One block of ``text`` after both enrichers, with ``spans`` added beforehand."""
    block = Block(kind, text, list(spans))
    document = Document("t", "t.txt", "test", "en", Block("title", ""), divisions=[Division("body", [block])])
    reporter = Reporter()
    for enricher in (PersonsEnricher(), PlacesEnricher()):
        enricher.apply(document, Context(register), reporter)
    link_namesakes_on_page(
        [document], register, reporter
    )  # as the pipeline does once a source's documents are enriched
    block.attrs["codes"] = " ".join(sorted({d.code for d in reporter}))
    return block


def marked(block: Block) -> list[str]:
    """The person and place spans as ``kind text ref [type]``."""
    names = sorted(s for s in block.spans if s.kind in ("person", "place"))
    return [" ".join(filter(None, (s.kind, block.text[s.start : s.end], s.attr("ref"), s.attr("type")))) for s in names]


PERSONS = [
    (
        "Telegram from J. V. Stalin to V. I. Lenin",
        ["person J. V. Stalin #Stalin", "person V. I. Lenin #Lenin"],
    ),
    (
        "Товарищу КРАСОВСКОМУ для тов. МАО ЦЗЕ-ДУНА",
        ["person КРАСОВСКОМУ #Krasovsky pseudonym", "person МАО ЦЗЕ-ДУНА #Mao_Zedong"],
    ),
    ("экз. № 1 - тов. Сталину", ["person Сталину #Stalin"]),
    ("Тов. Мао Цзе-дун! Мы сообщали Мао", ["person Мао Цзе-дун #Mao_Zedong", "person Мао #Mao_Zedong"]),
    ("Stalin's proposal and Stalin’s reply", ["person Stalin #Stalin", "person Stalin #Stalin"]),
    ("I propose Comrade Trotsky and Cde. Mao", ["person Trotsky #Trotsky", "person Mao #Mao_Zedong"]),
    ('ФИЛИППОВ".', ["person ФИЛИППОВ #Stalin pseudonym"]),
    ("I. STALIN.", ["person I. STALIN #Stalin"]),
    ("(See: Lenin V.I. PSS. T. 51)", ["person Lenin V.I. #Lenin"]),
    ("(Lenin, V. I. PSS, vol. 51)", ["person Lenin, V. I. #Lenin"]),
    ("(Stalin I. V. Works. Vol. 4)", ["person Stalin I. V. #Stalin"]),
    ("to V. I. Lenin, L. D. Trotsky", ["person V. I. Lenin #Lenin", "person L. D. Trotsky #Trotsky"]),
    ("a memorandum to S. S. Kamenev", ["person S. S. Kamenev #Kamenev_SS"]),
    ("a letter from L. B. Kamenev", ["person L. B. Kamenev #Kamenev_LB"]),
    ("Lev Borisovich Kamenev wrote", ["person Lev Borisovich Kamenev #Kamenev_LB"]),
    (
        "A memo went to S. S. Kamenev. Then Kamenev issued a directive.",
        ["person S. S. Kamenev #Kamenev_SS", "person Kamenev #Kamenev_SS"],
    ),
    ("the statement transmitted by Kamenev .", ["person Kamenev"]),
    (
        "Сергею Каменеву и Будённого, и Буденному",
        ["person Каменеву", "person Будённого #Budyonny", "person Буденному #Budyonny"],
    ),
    ("on the Kuban-Wrangel front", ["place Kuban #Kuban", "person Wrangel #Wrangel"]),
    ("the Leninist line and the Lenin Library", []),
    ("Commander-in-Chief and the comfront", []),
    ("I propose Comrade Serebryakov as chairman", ["person Serebryakov"]),
    ("Comrade Chairman, the Politburo", []),
    ("отп. Корнюшина 17.45", ["person Корнюшина"]),
    ("отп. в 2 экз.", []),
    ("Макаров /Макаров/", ["person Макаров", "person Макаров"]),
    ("Contributed by Sergey Radchenko.", ["person Sergey Radchenko"]),
    ("Compiled by: A.V.Kvashonkin, L.P.Kosheleva.", ["person A.V.Kvashonkin", "person L.P.Kosheleva"]),
    ("a note of Ivanov A. B. on supplies", ["person Ivanov A. B."]),
    ("support from Leon Levy Foundation", []),
    ("Dwight D. Eisenhower, elected", ["person Dwight D. Eisenhower #Eisenhower"]),
    (
        "Dwight D Eisenhower and Dwight D.Eisenhower",
        ["person Dwight D Eisenhower #Eisenhower", "person Dwight D.Eisenhower #Eisenhower"],
    ),
    ("Dwight. D Eisenhower", ["person Eisenhower #Eisenhower"]),
    ("Dear Iosif Vissarionovich!", ["person Iosif Vissarionovich #Stalin"]),
    ("Прошу Вас, дорогой Иосиф Виссарионович", ["person Иосиф Виссарионович #Stalin"]),
    ("Ваш Иосиф Сталин", ["person Иосиф Сталин #Stalin"]),
    ("a letter from Iosif Stalin to Lenin", ["person Iosif Stalin #Stalin", "person Lenin #Lenin"]),
    ("Иосифу Сталину и Ленину", ["person Иосифу Сталину #Stalin", "person Ленину #Lenin"]),
    ("Владимир Ленин и Лев Каменев", ["person Владимир Ленин #Lenin", "person Каменев"]),
    ("Lev Kamenev, not S. S. Kamenev", ["person Lev Kamenev #Kamenev_LB", "person S. S. Kamenev #Kamenev_SS"]),
    ("Greetings to Nadezhda Konstantinovna.", ["person Nadezhda Konstantinovna #Krupskaya"]),
    ("Передайте Надежде Константиновне", ["person Надежде Константиновне #Krupskaya"]),
    (
        "Dear Vladimir Ilyich! Дорогой Владимир Ильич!",
        ["person Vladimir Ilyich #Lenin", "person Владимир Ильич #Lenin"],
    ),
    ("Kim Il met Kim Il Sung", ["person Kim Il Sung #Kim_Il_Sung"]),
    ("Sok[olnikov] writes", ["person Sok[olnikov] #Sokolnikov"]),
    ("[Sok]olnikov writes", ["person [Sok]olnikov #Sokolnikov"]),
    ("Comrade Sok[olnikov].", ["person Sok[olnikov] #Sokolnikov"]),
    ("Predrevsov[et] Stalin", ["person Stalin #Stalin"]),
    (
        "Ambassador Ni [Zhiliang], Chairman Mao [Zedong]:",
        ["person Ni [Zhiliang] #Ni_Zhiliang", "person Mao [Zedong] #Mao_Zedong"],
    ),
    ("Kamenev [S. S.] should be given the inspection", ["person Kamenev [S. S.] #Kamenev_SS"]),
    ("[L. B.] Kamenev went to London", ["person [L. B.] Kamenev #Kamenev_LB"]),
    ("Thanks.\nP.S. Kamenev telegraphed", ["person Kamenev"]),
    ("P. S. Kamenev telegraphed", ["person Kamenev"]),
    ("Thanks.\nYours,\nGrigory\n  P.S. Kamenev telegraphed", ["person Kamenev"]),
]


@pytest.mark.parametrize(("text", "expected"), PERSONS, ids=[t for t, _ in PERSONS])
def test_persons_and_places_in_sentences(text: str, expected: list[str]) -> None:
    assert marked(enrich(text)) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("P. Sidorov.", "signature", ["person P. Sidorov"]),
        ("Sidorov.", "signature", ["person Sidorov"]),
        ("Caucasus Bureau.", "signature", []),
        ("Sidorov.", "p", []),
    ],
    ids=["initials", "surname", "organisation", "not-a-signature"],
)
def test_signatures(text: str, kind: str, expected: list[str]) -> None:
    assert marked(enrich(text, kind)) == expected


PLACES = [
    ("Kharkiv 24/7 and Kharkov 26 July", ["place Kharkiv #Kharkiv", "place Kharkov #Kharkiv"]),
    (
        "Moscow - the Kremlin, only to Lenin.",
        ["place Moscow #Moscow", "place Kremlin #Moscow_Kremlin", "person Lenin #Lenin"],
    ),
    ("Moscow Kremlin. Only Lenin.", ["place Moscow #Moscow", "place Kremlin #Moscow_Kremlin", "person Lenin #Lenin"]),
    ("П Е К И Н", ["place П Е К И Н #Beijing"]),
    ("ПЕКИН", ["place ПЕКИН #Beijing"]),
    ("с прибытием в Пекин, штаб в Корее", ["place Пекин #Beijing", "place Корее #Korea"]),
    ("на Северном Кавказе и в Москве", ["place Северном Кавказе #North_Caucasus", "place Москве #Moscow"]),
    ("the Crimean front, the Polish army, the Poles", []),
    ("the whole Crimea", ["place Crimea #Crimea"]),
    ("the decision of the Caucasus Bureau", []),
    ("the Caucasus Front and the Caucasus", ["place Caucasus #Caucasus"]),
    ("the cavalry took the Lvov region", ["place Lvov #Lviv"]),
    ("interned by Georgiaalready at Wrangel", ["place Georgia #Georgia", "person Wrangel #Wrangel"]),
    ("along the Black Sea coast", ["place Black Sea #Black_Sea"]),
    ("China's application", ["place China #China"]),
    ("Directives. T. 3. M., 1974. P. 235", ["place M. #Moscow"]),
    ("Ленин В. И. ПСС. М.: Политиздат, 1974", ["person Ленин В. И. #Lenin", "place М. #Moscow"]),
    ("Works. L., 1934", ["place L."]),
    ("ударил по Львову, а не по льву", ["place Львову #Lviv"]),
    (
        "from St. Petersburg, St.Petersburg",
        ["place St. Petersburg #Saint_Petersburg", "place St.Petersburg #Saint_Petersburg"],
    ),
    ("Saint. Petersburg", ["place Petersburg #Saint_Petersburg"]),
    ("the Volga-Caspian Fleet", []),
    ("the Caspian-Volga Fleet", []),
    ("the Volga-Caspian region", ["place Volga #Volga", "place Caspian #Caspian_Sea"]),
    # The official name of a state is one place, linked to the country named inside it.
    (
        "the People's Republic of China and the Korean People's Democratic Republic",
        ["place People's Republic of China #China", "place Korean People's Democratic Republic"],
    ),
    (
        "The Democratic Republic of Korea, the People’s Democratic Republic of Korea",
        ["place Democratic Republic of Korea #Korea", "place People’s Democratic Republic of Korea #Korea"],
    ),
    ("the People's Republic said; the Democratic Party of Korea; Republic of Korea", ["place Korea #Korea"]),
    # A rights statement names nothing of the document; a sentence of the text that names copyright still does.
    ("Some documents are retained in accordance with Korean and Moscow copyright laws.", []),
    ("© Moscow, 1990. All rights reserved.", []),
    ("Lenin wrote from Moscow about Stalin.", ["person Lenin #Lenin", "place Moscow #Moscow", "person Stalin #Stalin"]),
    ("The copyrights of Moscow", ["place Moscow #Moscow"]),
]


@pytest.mark.parametrize(("text", "expected"), PLACES, ids=[t for t, _ in PLACES])
def test_places_in_sentences(text: str, expected: list[str]) -> None:
    assert marked(enrich(text)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Filippov [Stalin] to Krasovsky",
            (span(9, 17, "supplied"),),
            ["person Filippov #Stalin pseudonym", "person [Stalin] #Stalin", "person Krasovsky #Krasovsky pseudonym"],
        ),
        ("RGASPI, Lvov, f. 558", (span(0, 20, "idno"),), []),
        ("in Lvov on 1 May", (span(0, 7, "date"),), []),
        ("the book Lvov in Flames", (span(9, 23, "title"),), ["place Lvov #Lviv"]),
        ("the Lvov front", (span(0, 6, "hi"),), []),
    ],
    ids=["inside-supplied", "inside-idno", "overlaps-date", "inside-title", "crosses-hi"],
)
def test_existing_spans(text: str, spans: tuple[Span, ...], expected: list[str]) -> None:
    assert marked(enrich(text, spans=spans)) == expected


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("transmitted by Kamenev", "ambiguous-name"),
        ("Comrade Ivanov", "person-not-in-register"),
        ("Works. L., 1934", "place-not-in-register"),
        ("J. V. Stalin in Moscow", ""),
    ],
    ids=["ambiguous", "unregistered-person", "unregistered-imprint", "none"],
)
def test_warnings(text: str, codes: str) -> None:
    assert enrich(text).attrs["codes"] == codes


def test_index_is_built_once_per_register() -> None:
    assert index_for(REGISTER, "person") is index_for(REGISTER, "person")
    assert index_for(REGISTER, "place") is not index_for(REGISTER, "person")


def test_index_follows_changes_to_the_register() -> None:
    register = Register(dict(REGISTER.entries))
    before = index_for(register, "person")
    register.entries["Radek"] = _entry("Radek", "person", "Radek")
    after = index_for(register, "person")
    assert "radek" in after.by_first and "radek" not in before.by_first
    del register.entries["Radek"]
    assert index_for(register, "person").by_first == before.by_first


def test_corpus_register() -> None:
    register = Register.from_directory(CORPUS_REGISTER)
    text = (
        "Cable No. 5542, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong. Товарищу КРАСОВСКОМУ, "
        "для т. Мао Цзе-дуна, П Е К И Н. Kharkov 26 July. Orekhovo and the Lvov region. Czech Republic. "
        'Sklyansky\'s autograph: "Sk". Kemal Pasha in the Sevkavkaz.'
    )
    assert marked(enrich(text, register=register)) == [
        "person Filippov #Stalin pseudonym",
        "person [Stalin] #Stalin",
        "person Krasovsky #Krasovsky pseudonym",
        "person Mao Zedong #Mao_Zedong",
        "person КРАСОВСКОМУ #Krasovsky pseudonym",
        "person Мао Цзе-дуна #Mao_Zedong",
        "place П Е К И Н #Beijing",
        "place Kharkov #Kharkiv",
        "place Orekhovo #Orikhiv",
        "place Lvov #Lviv",
        "place Czech Republic #Czechia",
        "person Sklyansky #Sklyansky",
        "person Sk #Sklyansky",
        "person Kemal Pasha #Kemal_Ataturk",
        "place Sevkavkaz #North_Caucasus",
    ]


def test_corpus_register_authorities_name_their_source() -> None:
    register = Register.from_directory(CORPUS_REGISTER)
    authorities = [a for e in register.entries.values() for a in e.authorities]
    assert authorities
    # Every id names the page it was checked at; a Wikidata id is an item (Q…), not a property or a name.
    assert all(a.source.startswith("https://") for a in authorities)
    assert all(a.value.startswith("Q") for a in authorities if a.scheme == "wikidata")


PIECES = [
    "Stalin", "Сталину", "Kamenev", "S. S.", "Lvov", "Пекин", "П Е К И Н", "тов.", "Cde.", "M., 1974", "/", "Korea",
    "People's", "Democratic", "Republic of", "Korean",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_gives_spans_in_bounds_that_do_not_overlap(text: str) -> None:
    names = sorted(s for s in enrich(text).spans if s.kind in ("person", "place"))
    assert all(0 <= s.start < s.end <= len(text) for s in names)
    assert all(a.end <= b.start for a, b in zip(names, names[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Передайте Ким Ир Сену ответ.", ["Ким Ир Сену"]),
        ("Письмо Пэн Дэ-хуаю отправлено.", ["Пэн Дэ-хуаю"]),
        ("Прибытие Гао Гана ожидается.", ["Гао Гана"]),
    ],
    ids=["kim-dative", "peng-dative", "gao-genitive"],
)
def test_declined_foreign_names_the_analyser_does_not_know(text: str, expected: list[str]) -> None:
    register = Register(
        {
            key: Entry(key, "person", (Name(name, "ru"),))
            for key, name in (("Kim", "Ким Ир Сен"), ("Peng", "Пэн Дэ-хуай"), ("Gao", "Гао Ган"))
        }
    )
    block = Block("p", text)
    document = Document(id="d", source="d", genre="archival", lang="ru", title=Block("title", "T"))
    document.divisions = [Division("transcription", [block], {"lang": "ru"})]
    PersonsEnricher().apply(document, Context(register), Reporter())
    assert [text[s.start : s.end] for s in block.spans_of("person") if s.attr("ref")] == expected


_FORM_PIECES = st.sampled_from(
    ["Тов.", "тов.", "т.", "Товарищу", "Comrades", "Cde.", "Cdes.", "Tov.", "отп.", "Contributed", "Translated",
     "by", "by:", "A.", "B.", "Ya.", "Shch.", "Zh.", "И.", "Petrov", "Иванов", "ИВАНОВ", "Kamenev,", "/", "M.",
     "СПб.", "Пг.", "Л.", ", 1974", "1974", ":", "Верно:", "True copy", "Certified true copy", "П Е К И Н", "A",
     "п", "A.Ya.B.", " ", "\t", "\n", ".", ","]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_FORM_PIECES, max_size=12).map(" ".join), st.lists(_FORM_PIECES, max_size=12).map("".join))
@example(spaced="M.   A.   Тов.", joined="")  # initials a few spaces apart, as INITIAL allows
def test_quick_tests_pass_every_text_their_pattern_matches_in(spaced: str, joined: str) -> None:
    for text in (spaced, joined):
        for pattern, quick in [*QUICK_TESTS.items(), (LETTER_SPACED, _SPACED_LETTERS)]:
            if pattern.search(text):
                assert quick.search(text), pattern.pattern


# The given name of a Chinese or Korean name in any Palladius spelling and case form.
SYLLABIC_NAMES = [
    ("с Мао Цзэ-дуном", "Мао Цзэ-дуном #Mao_Zedong"),
    ("тов. Мао Цзэ-дун", "Мао Цзэ-дун #Mao_Zedong"),
    ("от Мао Цзэдуна", "Мао Цзэдуна #Mao_Zedong"),
    ("с Мао Цзе дуном", "Мао Цзе дуном #Mao_Zedong"),
    ("с Чжоу Эньлаем", "Чжоу Эньлаем #Zhou_Enlai"),
    ("тов. Чжоу Энь-лай", "Чжоу Энь-лай #Zhou_Enlai"),
    ("от Ким Ир Сена", "Ким Ир Сена #Kim_Il_Sung"),
    ("Kim Il-sung's letter", "Kim Il-sung #Kim_Il_Sung"),
    ("from Kim Ilsung", "Kim Ilsung #Kim_Il_Sung"),
    ("sent to Ni Zhi-liang", "Ni Zhi-liang #Ni_Zhiliang"),
]


@pytest.mark.parametrize(("text", "expected"), SYLLABIC_NAMES, ids=[t for t, _ in SYLLABIC_NAMES])
def test_syllabic_given_names_in_any_spelling(text: str, expected: str) -> None:
    assert marked(enrich(text)) == [f"person {expected}"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["э", "е", "Э", "Е"]), st.sampled_from(["", "-", " "]), st.sampled_from(["", "а", "у", "ом"]))
def test_a_syllabic_given_name_is_found_however_it_is_joined(vowel: str, joint: str, ending: str) -> None:
    name = f"Мао Цз{vowel}{joint}дун{ending}"
    if vowel.isupper():
        name = name.upper()
    assert marked(enrich(f"Телеграмма для {name}, срочно")) == [f"person {name} #Mao_Zedong"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Mao Zedong", True), ("Kim Il Sung", True), ("Чжоу Энь-лай", True), ("Пэн Дэхуай", True), ("Zhu De", True),
     ("Ho Chi Minh", True), ("Karl Marx", False), ("Dean Acheson", False), ("Лев Каменев", False),
     ("Bela Kun", False), ("Van Fleet", False), ("Ян Рудзутак", False), ("Mao", False), ("Syngman Rhee", False),
     ("Lee Hu-rak", True), ("Rhee Syngman", False), ("Choi Kyu-hah", True), ("Lee Gyung-seok", True),
     ("Seo Cheon-ju", True), ("Li Zhou-yuan", True), ("Lee Harvey", False), ("Jack Kerry", False)],
)  # fmt: skip
def test_syllabic_names(name: str, expected: bool) -> None:
    assert is_syllabic_name(tuple(name.split())) is expected


BARE_FAMILY_NAMES = [
    ("Kim Il Sung came. Comrade Kim agreed.", ["person Kim Il Sung #Kim_Il_Sung", "person Kim #Kim_Il_Sung"]),
    ("Ambassador Ni and Ni Zhiliang", ["person Ni #Ni_Zhiliang", "person Ni Zhiliang #Ni_Zhiliang"]),
    ("Liu Shaoqi came. Liu asked for it.", ["person Liu Shaoqi #Liu_Shaoqi", "person Liu #Liu_Shaoqi"]),
    ("Kim Il Sung and Kim Tu-bong. Comrade Kim agreed.",
     ["person Kim Il Sung #Kim_Il_Sung", "person Kim Tu-bong #Kim_Tu-bong", "person Kim"]),
    ("Comrade Kim agreed.", ["person Kim"]),
    ("Kim Il Sung came. Kim Chon-hae too.", ["person Kim Il Sung #Kim_Il_Sung"]),
    ("He Long came. He said so.", ["person He Long #He_Long"]),
    ("Не Жунчжэнь прибыл. Не было связи.", ["person Не Жунчжэнь #Nie_Rongzhen"]),
    ("Ким Ир Сен прибыл. Передайте Киму.", ["person Ким Ир Сен #Kim_Il_Sung", "person Киму #Kim_Il_Sung"]),
    ("Kim Il Sung came. KIM AGREED.", ["person Kim Il Sung #Kim_Il_Sung"]),
    ("Sun Yat-sen came. Comrade Sun agreed.", ["person Sun Yat-sen #Sun_Yat-sen", "person Sun #Sun_Yat-sen"]),
    ("Пак Хон Ен прибыл. Нам сказали, что Пак согласен.",
     ["person Пак Хон Ен #Pak_Hon-yong", "person Пак #Pak_Hon-yong"]),
    ("Не Жунчжэнь прибыл. Тов. Не согласился.", ["person Не Жунчжэнь #Nie_Rongzhen", "person Не #Nie_Rongzhen"]),
]  # fmt: skip

# Family names that may be ordinary words name no one without a title (English ones wherever they stand, Russian
# ones at the start of a sentence); nor has a Western
# name a family name, though one of its spellings looks syllabic (Луи Барту).
NOT_FAMILY_NAMES = [
    ("the crops were poor, and the Sun rose late", []),
    ("Sun Yat-sen came, and the Sun rose late.", ["person Sun Yat-sen #Sun_Yat-sen"]),
    ("He Long came, and then He said so.", ["person He Long #He_Long"]),
    ("Не Жунчжэнь прибыл. Не было связи.", ["person Не Жунчжэнь #Nie_Rongzhen"]),
    ("Пак Хон Ен прибыл. Пак согласен.", ["person Пак Хон Ен #Pak_Hon-yong"]),
    ("Луи сказал нам", []),
    ("Луи Барту приехал. Луи сказал нам, что Луи устал.", ["person Луи Барту #Barthou"]),
    ("Zhou Enlai came; a letter from Li Zhou-yuan came.", ["person Zhou Enlai #Zhou_Enlai"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NOT_FAMILY_NAMES, ids=[t for t, _ in NOT_FAMILY_NAMES])
def test_words_that_are_not_bare_family_names(text: str, expected: list[str]) -> None:
    assert marked(enrich(text)) == expected


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="abcdefghij ,", max_size=30),
    st.sampled_from(["Sun", "He", "Long"]),
    st.text(alphabet="abcdefghij .,", max_size=30),
)
def test_an_ordinary_word_in_prose_is_no_family_name(before: str, word: str, after: str) -> None:
    assert marked(enrich(f"Sun Yat-sen and He Long. {before} {word} {after}")) == [
        "person Sun Yat-sen #Sun_Yat-sen",
        "person He Long #He_Long",
    ]


@pytest.mark.parametrize(
    ("names", "families"),
    [(("Louis Barthou", "Луи Барту"), set()), (("Thomas Paine", "Tom Paine"), set()),
     (("Ahmed Ben Bella", "Ben Bella"), set()), (("David Ben-Gurion", "Ben Gurion"), set()),
     (("Kim Philby", "Ким Филби"), set()), (("Choe Yong-gon", "Чхве Ен Гон", "Цой Ен Ген"), {"choe", "цой"}),
     (("Ho Ka-i", "Alexei Hegai"), {"ho"})],
    ids=["Barthou", "Paine", "Ben-Bella", "Ben-Gurion", "Philby", "Choe", "Ho-Ka-i"],
)  # fmt: skip
def test_only_an_entry_whose_own_name_is_syllabic_has_a_family_name(names: tuple[str, ...], families: set[str]) -> None:
    register = Register(entries={"X": _entry("X", "person", *names)})
    assert set(index_for(register, "person").families) == families


@pytest.mark.parametrize(("text", "expected"), BARE_FAMILY_NAMES, ids=[t for t, _ in BARE_FAMILY_NAMES])
def test_bare_family_names_of_syllabic_names(text: str, expected: list[str]) -> None:
    assert marked(enrich(text)) == expected


def test_a_bare_family_name_is_not_left_to_the_people_the_register_lacks() -> None:
    block = enrich("Kim Il Sung came. Comrade Kim agreed.")
    assert block.attrs["codes"] == ""


def test_a_bare_family_name_is_the_one_the_page_names() -> None:
    documents, _ = _enrich_page(_letter("A", "Comrade Kim agreed."), _letter("B", "Kim Il Sung came."))
    kim = documents[0].divisions[0].blocks[0].spans_of("person")
    assert [s.attr("ref") for s in kim] == ["#Kim_Il_Sung"]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Letter from G. E. Zinoviev to L. B. Kamenev", "Your Grigory.", ["Grigory #Zinoviev"]),
        ("Letter from J. V. Stalin to G. E. Zinoviev", "To Grigory.\nGrigory Petrovsky agrees.", ["Grigory #Zinoviev"]),
        ("Letter from J. V. Stalin to L. B. Kamenev", "Your Grigory.", []),
        ("Letter from L. D. Trotsky to J. V. Stalin", "Your Lev.", []),
        ("Letter from G. E. Zinoviev to L. B. Kamenev", "Grigory went to Vladimir", []),
    ],
    ids=["sender", "addressee", "no-correspondent", "no-patronymic-in-the-register", "not-a-signature"],
)
def test_first_names_of_correspondents(title: str, text: str, expected: list[str]) -> None:
    documents, _ = _enrich_page(_letter(title, text))
    block = documents[0].divisions[0].blocks[0]
    assert [f"{block.text[s.start : s.end]} {s.attr('ref')}" for s in block.spans_of("person")] == expected


def test_brackets_of_an_editor_do_not_settle_the_namesakes_of_other_letters() -> None:
    documents, _ = _enrich_page(
        _letter("A", "Zinoviev and Kamenev."), _letter("B", "L. B. Kamenev said that Kamenev [S. S.] should go.")
    )
    assert _refs_of_bare_kamenev(documents) == ["#Kamenev_LB"]


def _letter(title: str, text: str, note: str = "") -> Document:
    """A letter of a collection page: a title, one paragraph of text and, if given, one editorial note."""
    divisions = [Division("letter", [Block("p", text)])]
    if note:
        divisions.append(Division("notes", [Block("note", note)]))
    return Document(title[:8], "page.txt", "letter", "en", Block("title", title), divisions=divisions)


def _refs_of_bare_kamenev(documents: list[Document]) -> list[str]:
    """The @ref of every bare ``Kamenev`` of the documents ("" where there is none), in order."""
    return [
        s.attr("ref")
        for d in documents
        for _, b in d.blocks()
        for s in b.spans_of("person")
        if b.text[s.start : s.end] == "Kamenev"
    ]


def _enrich_page(*documents: Document) -> tuple[list[Document], Reporter]:
    """The documents of one page after the persons enricher and the page step of the enrichers (as the pipeline)."""
    reporter = Reporter()
    context = Context(REGISTER)
    for document in documents:
        PersonsEnricher().apply(document, context, reporter)
    enrich_page(documents, context, reporter)
    return list(documents), reporter


@pytest.mark.parametrize(
    ("letters", "expected"),
    [
        ([("Letter from L. B. Kamenev", "Kamenev writes.", "")], ["#Kamenev_LB"]),
        ([("A letter", "I saw Lev Borisovich Kamenev.", "Kamenev left.")], ["#Kamenev_LB"]),
        ([("A letter", "transmitted by Kamenev.", "A memo went to S. S. Kamenev.")], [""]),
        ([("A letter", "Zinoviev and Kamenev.", ""), ("Statement of L. B. Kamenev", "L. B. Kamenev.", "")],
         ["#Kamenev_LB"]),
        ([("A letter", "Zinoviev and Kamenev.", ""), ("A letter", "to S. S. Kamenev and L. B. Kamenev", "")], [""]),
        ([("A letter", "transmitted by Kamenev.", ""), ("A letter", "Stalin", "1 S. S. Kamenev.")], [""]),
    ],
    ids=["title", "letter-text-names-the-notes", "note-names-no-one", "page", "page-names-both", "page-notes"],
)  # fmt: skip
def test_namesakes_are_told_apart_by_the_letters_of_the_page(
    letters: list[tuple[str, str, str]], expected: list[str]
) -> None:
    documents, _ = _enrich_page(*(_letter(*letter) for letter in letters))
    assert _refs_of_bare_kamenev(documents) == expected


def test_a_namesake_linked_on_the_page_is_reported_and_not_warned_of() -> None:
    _, reporter = _enrich_page(_letter("A", "Kamenev."), _letter("Letter from L. B. Kamenev", "Yes."))
    assert [d.code for d in reporter] == ["namesake-linked"]
    _, reporter = _enrich_page(_letter("A", "Kamenev."), _letter("B", "Yes."))
    assert [d.code for d in reporter] == ["ambiguous-name"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("vissarionovich", True), ("konstantinovna", True), ("ilyich", True), ("ильич", True), ("ильинична", True),
     ("евсеевич", True), ("il", False), ("friedrich", False), ("tse-tung", False), ("вич", False)],
)  # fmt: skip
def test_patronymics(word: str, expected: bool) -> None:
    assert is_patronymic(word) is expected


NAMES_IN_BRACKETS = ["Sokolnikov", "Stalin", "Eisenhower", "Kharkov", "Сталину", "Пекин"]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(NAMES_IN_BRACKETS), st.integers(1, 4), st.booleans())
def test_a_name_is_found_across_editorial_brackets_inside_it(name: str, cut: int, supplied_end: bool) -> None:
    written = f"{name[:cut]}[{name[cut:]}]" if supplied_end else f"[{name[:cut]}]{name[cut:]}"
    text = f"Then {written} wrote."
    block = enrich(text)
    assert [text[s.start : s.end] for s in block.spans if s.kind in ("person", "place")] == [written]


@pytest.mark.parametrize(
    ("year", "expected"), [("1913", "#Kamenev_LB"), ("1918-02", "#Kamenev_LB"), ("1920", ""), ("", "")]
)
def test_a_namesake_is_the_one_the_register_has_active_in_the_letters_year(year: str, expected: str) -> None:
    entries = dict(REGISTER.entries)
    entries["Kamenev_LB"] = replace(entries["Kamenev_LB"], active=("1901-01-01", "1936-12-31"))
    entries["Kamenev_SS"] = replace(entries["Kamenev_SS"], active=("1918-09-01", "1936-12-31"))
    letter = _letter("A letter", "Kamenev writes.")
    if year:
        letter.meta.date = DocumentDate(when=year)
    reporter = Reporter()
    context = Context(Register(entries))
    PersonsEnricher().apply(letter, context, reporter)
    enrich_page([letter], context, reporter)
    assert _refs_of_bare_kamenev([letter]) == [expected]
    assert [d.code for d in reporter] == (["namesake-linked"] if expected else ["ambiguous-name"])


def test_register_reads_the_years_a_person_was_active(tmp_path: Path) -> None:
    (tmp_path / "persons.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>'
        '<person xml:id="A"><persName>A</persName><floruit notBefore="1906" notAfter="1918-05"/></person>'
        '<person xml:id="B"><persName>B</persName><floruit notBefore="1906"/></person>'
        "</listPerson></body></text></TEI>",
        encoding="utf-8",
    )
    register = Register.from_directory(tmp_path)
    assert register.entries["A"].active == ("1906-01-01", "1918-05-31")
    assert register.entries["B"].active is None
