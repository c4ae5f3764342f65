"""People the register lacks: provisional entries, one per person, linked across spellings and scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich
from tei_encode.enrichers.names.rules import QUICK_STRINGS, QUICK_TESTS, QUICK_WORDS, has_cue
from tei_encode.enrichers.unregistered.places import _sounds_alike
from tei_encode.enrichers.unregistered.streets import street_names
from tei_encode.model import Block, Division, Document
from tei_encode.register import Entry, Name, Register


def enriched(title: str, *paragraphs: str) -> tuple[Document, Context]:
    document = Document(id="d", source="d.txt", genre="archival", lang="en", title=Block("title", title))
    document.divisions = [Division("transcription", [Block("p", p) for p in paragraphs], {"lang": "ru"})]
    context = Context(Register())
    enrich(document, context, Reporter())
    return document, context


def persons(document: Document) -> list[tuple[str, str]]:
    return [
        (b.text[s.start : s.end], s.attr("ref")) for _, b in document.blocks() for s in sorted(b.spans_of("person"))
    ]


@pytest.mark.parametrize(
    ("title", "paragraphs", "expected"),
    [
        (
            "Cable from Ostapenko to Zaretsky on the Talks",
            ["Передайте ЗАРЕЦКОМУ, что тов. Остапенко согласен."],
            [
                ("Ostapenko", "#Ostapenko"),
                ("Zaretsky", "#Zaretsky"),
                ("ЗАРЕЦКОМУ", "#Zaretsky"),
                ("Остапенко", "#Ostapenko"),
            ],
        ),
        (
            "Letter from Ostapenko to the Central Committee",
            ["Ответ подписал A. Ya. OSTAPENKO", "OSTAPENKO"],
            [("Ostapenko", "#Ostapenko"), ("A. Ya. OSTAPENKO", "#Ostapenko"), ("OSTAPENKO", "#Ostapenko")],
        ),
        ("Report on the harvest", ["Урожай собран."], []),
        (
            "Ciphered Telegram from Ostapenko to CC CPSU",
            ["The Ambassador of the Russian Federation (APRF) and the Ambassador (MAO) wrote."],
            [("Ostapenko", "#Ostapenko"), ("MAO", "#Mao")],
        ),
        ("Decision to entrust Vyshinsky with the press", [], [("Vyshinsky", "#Vyshinsky")]),
    ],
    ids=["title-and-russian-inflection", "initials-and-capitals", "nobody", "abbreviations", "abstract-noun"],
)
def test_provisional_entries_link_every_mention(title: str, paragraphs: list[str], expected: list[tuple[str, str]]):
    document, context = enriched(title, *paragraphs)
    assert persons(document) == expected
    keys = sorted({ref.lstrip("#") for _, ref in expected})
    added = context.register_for(document.id)
    assert [k for k in keys if added.get(k) is None] == []
    assert all("review" in added.get(k).note for k in keys)  # type: ignore[union-attr]


def test_initials_signing_a_letter_are_its_sender_when_they_are_his() -> None:
    names = (Name("Nadezhda Konstantinovna Krupskaya", "en"), Name("Krupskaya", "en"))
    register = Register({"Krupskaya": Entry("Krupskaya", "person", names)})
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Krupskaya to Lenin"))
    document.divisions = [Division("letter", [Block("p", "Greetings."), Block("p", "N. K."), Block("p", "K. M.")])]
    enrich(document, Context(register), Reporter())
    assert [(t, ref) for t, ref in refs_of(document, "person") if "." in t] == [("N. K.", "#Krupskaya"), ("K. M.", "")]


def test_the_kind_of_a_document_in_its_title_is_no_correspondent() -> None:
    document, _ = enriched("THE LETTER TO INESSA ARMAND", "Dear friend, it is late.")
    assert [document.title.text[s.start : s.end] for s in document.title.spans_of("person")] == ["INESSA ARMAND"]


def test_organisations_in_titles_are_not_people() -> None:
    document, _ = enriched("Telegram from the Caucasian Bureau of the Central Committee to Lenin and Trotsky")
    assert [text for text, _ in persons(document)] == ["Lenin", "Trotsky"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Source: Lenin Internet Archive (2005).", "Ihr Lenin"], ["Lenin", "Gorky", "Lenin"]),
        (["See the Gorky Museum and the Order of Lenin.", "Regards to Gorky."], ["Lenin", "Gorky", "Gorky"]),
        (["Source: Lenin Collected Works, Volume 43."], ["Lenin", "Gorky", "Lenin"]),
        (["Lenin Internet Archive"], ["Lenin", "Gorky"]),
    ],
    ids=["archive-after", "museum-after-and-order-before", "cited-work", "archive-alone"],
)
def test_other_mentions_of_a_provisional_person_skip_organisations_named_after_him(
    paragraphs: list[str], expected: list[str]
) -> None:
    document, _ = enriched("Letter from Lenin to Gorky", *paragraphs)
    assert [text for text, _ in persons(document)] == expected


def refs_of(document: Document, kind: str) -> list[tuple[str, str]]:
    return [(b.text[s.start : s.end], s.attr("ref")) for _, b in document.blocks() for s in sorted(b.spans_of(kind))]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The proposal of General Clark was sent.", "General Mark W. Clark signed it."], ["Clark", "Mark W. Clark"]),
        (["Американский генконсул Клабб заявил это."], ["Клабб"]),
        (["Sent: to Cdes. Ostapenko, Zaretsky, file."], ["Ostapenko", "Zaretsky"]),
        (["Obtained by Anna Petrie and translated by Gary Goldmann."], ["Anna Petrie", "Gary Goldmann"]),
        (["Расшифровал: Петухов 14.I.50"], ["Петухов"]),
        (["It was interpreted by the Ministry's translator Mun Il."], ["Mun Il"]),
        (
            ["Reprinted in Ivan Petrov, Olga Sidorova and Pavel Orlov, Sovetskie Otnosheniia, Vol. 5."],
            ["Ivan Petrov", "Olga Sidorova", "Pavel Orlov"],
        ),
        (["I embrace you. Your Klim."], ["Klim"]),
        (["Malinovsky writes that he could not prevent it, and Badayev agrees."], ["Malinovsky", "Badayev"]),
        (
            ["I am alone with Komarov; Yevdokimov and Bakayev go around the factories."],
            ["Komarov", "Yevdokimov", "Bakayev"],
        ),
        (["Regards to Olga Davidovna."], ["Olga Davidovna"]),
        (["Рекомендую Вам Николая Александровича Емельянова. Иосиф Виссарионович Сталин пишет."], "patronymic-surname"),
        (["P.S. Would you send it? N.B. Mind it."], []),
        (
            ["Sincerely yours,", "Dean Rusk", "С коммунистическим приветом", "Ленин", "Yours", "Central Committee"],
            "signers",
        ),
        (["The Ambassador in Korea (Muccio) to the Secretary of State (Acheson); the Embassy (Seoul)"], "post-holders"),
        (["General Staff orders; Your Excellency; the Rostov region; troops in Rostov."], []),
        (["Emir Said Alim Khan fled to Afghanistan."], ["Said Alim Khan"]),
        (["отп. 2 экз. Шевелёва 23.10", "исп. Ефимова", "печ. Суслова"], ["Шевелёва", "Ефимова", "Суслова"]),
        (
            ["Translated: Anna Petrie and Gary Goldmann\nTranscription\\Markup:\nR. Smith\nPublic Domain: none"],
            ["Anna Petrie", "Gary Goldmann", "R. Smith"],
        ),
        (["A letter of V. I.   Ulyanov came."], ["V. I.   Ulyanov"]),
        (
            ["управделами СНК В. Д. Бонч-Бруевича", "N. A. Rimsky-Korsakov wrote", "В. И. Ленин-Ульянов и т. д."],
            ["В. Д. Бонч-Бруевича", "N. A. Rimsky-Korsakov", "В. И. Ленин-Ульянов"],
        ),
        (["E. F. Smith-the-younger and G. H. Brown-"], ["E. F. Smith", "G. H. Brown"]),
        (["ENGELS TO MARX", "LENIN TO MAXIM GORKY", "MOSCOW TO BERLIN", "Back to Basics"], "heading"),
        (["Best greetings to your wife.", "Your", "F. E.", "P. S.", "Send it.", "K. M."], ["F. E.", "K. M."]),
        (["Mr Goegg sends me the paper."], ["Goegg"]),
        (["Dear Moor,", "Dear Sir,", "DEAR FRED, On Friday", "Dear John: In reference"], ["Moor", "FRED", "John"]),
    ],
    ids=[
        "rank",
        "russian-post",
        "honorific-list",
        "contributors",
        "decipherer",
        "translator",
        "authors",
        "your-in-paragraph",
        "surname-subject",
        "surname-with-and",
        "patronymic",
        "patronymic-and-surname",
        "postscript-no-initials",
        "signers-after-closing-formulas",
        "post-holders-in-brackets",
        "no-person",
        "emir",
        "typist-executor-printer",
        "credit-fields",
        "initials-spaced-out",
        "initials-and-double-barrelled-surname",
        "no-second-half-in-small-letters-or-none",
        "letter-headings",
        "initials-signing",
        "mister-without-a-dot",
        "salutation-without-an-addressee",
    ],
)
def test_cued_persons(paragraphs: list[str], expected: list[str] | str) -> None:
    document, _ = enriched("Report", *paragraphs)
    if expected == "heading":
        expected = ["ENGELS", "MARX", "LENIN", "MAXIM GORKY"]
    elif expected == "signers":
        expected = ["Dean Rusk", "Ленин"]
    elif expected == "post-holders":
        expected = ["Muccio", "Acheson"]
    elif expected == "patronymic-surname":
        expected = ["Николая Александровича Емельянова", "Иосиф Виссарионович Сталин"]
    assert [text for text, _ in refs_of(document, "person")] == expected


def test_russian_form_joins_the_latin_name_that_sounds_alike() -> None:
    document, _ = enriched("Report", "General Clark wrote.", "генерал Кларк написал, ответить Кларку.")
    assert refs_of(document, "person") == [("Clark", "#Clark"), ("Кларк", "#Clark"), ("Кларку", "#Clark")]


def test_salutation_and_signature_name_the_correspondents() -> None:
    register = Register(
        {"Kamenev": _person("Kamenev", "L. B. Kamenev"), "Zinoviev": _person("Zinoviev", "G. E. Zinoviev")}
    )
    document = Document(
        id="d",
        source="d.txt",
        genre="letter",
        lang="en",
        title=Block("title", "Letter from G. E. Zinoviev to L. B. Kamenev"),
    )
    document.divisions = [Division("transcription", [Block("p", "Dear Yuri!"), Block("signature", "Your Grigory.")])]
    enrich(document, Context(register), Reporter())
    assert refs_of(document, "person")[-2:] == [("Yuri", "#Kamenev"), ("Grigory", "#Zinoviev")]
    for greeting in ("Dear Comrades!", "Dear Friends,", "Дорогие товарищи!", "Dear Sirs,"):
        document.divisions = [Division("transcription", [Block("p", greeting)])]
        enrich(document, Context(register), Reporter())
        assert [text for text, _ in refs_of(document, "person")] == ["G. E. Zinoviev", "L. B. Kamenev"], greeting


@pytest.mark.parametrize(
    ("salutation", "expected"),
    [
        ("Dear L. B.,", [("L. B.", "#Kamenev")]),
        ("Дорогой Л. Б.!", [("Л. Б.", "#Kamenev")]),
        ("Dear Mr. B.,", []),
        ("Dear Sir, as P. S. said", []),
    ],
    ids=["initials", "russian-initials", "form-of-address", "no-salutation"],
)
def test_salutation_by_name_and_patronymic_initials_names_the_addressee(
    salutation: str, expected: list[tuple[str, str]]
) -> None:
    register = Register({"Kamenev": _person("Kamenev", "L. B. Kamenev")})
    document = Document(
        id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Letter to L. B. Kamenev")
    )
    document.divisions = [Division("transcription", [Block("salute", salutation)])]
    enrich(document, Context(register), Reporter())
    assert refs_of(document, "person")[1:] == expected


def test_salutation_by_initials_without_a_known_addressee_is_a_person_of_its_own() -> None:
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "A letter"))
    document.divisions = [Division("transcription", [Block("salute", "Dear Al. M.,"), Block("p", "Thanks.")])]
    enrich(document, Context(Register()), Reporter())
    assert [text for text, _ in refs_of(document, "person")] == ["Al. M."]


def test_patronymic_links_the_register_person_of_that_full_name() -> None:
    register = Register({"Zinoviev": _person("Zinoviev", "Grigory Yevseyevich Zinoviev", "Zinoviev")})
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Letter"))
    document.divisions = [Division("transcription", [Block("p", "Grigory Evseevich remains here.")])]
    enrich(document, Context(register), Reporter())
    assert refs_of(document, "person") == [("Grigory Evseevich", "#Zinoviev")]


def test_bare_family_name_is_the_east_asian_person_named_before() -> None:
    register = Register({"Liu_Shaoqi": _person("Liu_Shaoqi", "Liu Shaoqi")})
    document = Document(id="d", source="d.txt", genre="cable", lang="en", title=Block("title", "Cable"))
    document.divisions = [Division("transcription", [Block("p", "Liu Shaoqi said so. Liu asked. In Liu's words.")])]
    enrich(document, Context(register), Reporter())
    assert refs_of(document, "person") == [
        ("Liu Shaoqi", "#Liu_Shaoqi"),
        ("Liu", "#Liu_Shaoqi"),
        ("Liu", "#Liu_Shaoqi"),
    ]


def _person(key: str, *names: str) -> Entry:
    return Entry(key, "person", tuple(Name(n, "en") for n in names))


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        (
            [("dateline", "Kureika, 20.XI."), ("p", "Here in Kureika the mail comes once a month.")],
            ["Kureika", "Kureika"],
        ),
        ([("address", "Bern.")], ["Bern"]),
        (
            [("p", "Yudenich took the town and is moving on Gatchina. Gatchina was abandoned.")],
            ["Gatchina", "Gatchina"],
        ),
        (
            [("p", "The remnants are fleeing into Novy Oskol, near Zakopane and out of Kromy.")],
            ["Novy Oskol", "Zakopane", "Kromy"],
        ),
        (
            [("p", "They were sent to the Turukhansk region; the Kastornaya station fell.")],
            ["Turukhansk", "Kastornaya"],
        ),
        ([("p", "A letter to Petrov in January, from Russian comrades, in Pak's words, at First Cavalry.")], []),
        ([("p", "With support from the Leon Levy Foundation and Youngone Corporation.")], []),
        (
            [("p", "Sent from Kureika (Siberia) to Hertenstein. Printed from the original.")],
            ["Kureika", "Hertenstein"],
        ),
        ([("p", "First published in Collected Works, Volume 43, pages 12-13.")], []),
        ([("p", "He wrote through Andrei Orlov, via Navy channels, in Encryption.")], []),
        (
            [("p", "Write to Seidenweg, 4-a; Rue des deux Ponts 17; Ulica Lubomirskiego 47. Spring came, a Weg too.")],
            ["Seidenweg", "Rue des deux Ponts", "Ulica Lubomirskiego"],
        ),
        (
            [("p", "Radek’s articles in Volksrecht and Berner Tagwacht, wire Prosveshcheniye, in Rech 5, in Bern.")],
            ["Bern"],
        ),
        (
            [("p", "First published: in Der Briefwechsel zwischen F. Engels und K. Marx, in Die Zeit, at Zurich.")],
            ["Zurich"],
        ),
        (
            [("p", "I sent it through Blumenfeld. Out of Stavsky comes a worker. We went through Lower Saxony.")],
            ["Lower Saxony"],
        ),
        (
            [
                (
                    "p",
                    "Inspections on Cuban territory, views on Soviet-Cuban differences, in Yugoslav attitudes, on Hung "
                    "authorities; he stayed near Kyrenia, then in Indo-China and in Tunis.",
                )
            ],
            ["Kyrenia", "Indo-China", "Tunis"],
        ),
        (
            [
                (
                    "p",
                    "Source: National Security Files, Germany, Berlin, Cables. Military Historical Archives, Prague. "
                    "On The Warsaw Treaty and Czechoslovakia, between Moscow and Free World. Printed in Briefe und "
                    "Auszüge.",
                )
            ],
            ["Germany", "Berlin", "Prague", "Czechoslovakia", "Moscow"],
        ),
    ],
    ids=[
        "dateline-and-later-mention",
        "place-alone",
        "preposition",
        "prepositions",
        "kind-of-place",
        "not-places",
        "organisations",
        "sent-from-to",
        "bibliographic-words",
        "persons-and-things-after-prepositions",
        "streets",
        "periodicals",
        "titles-opening-with-a-german-article",
        "go-between-and-surname-after-out-of",
        "adjectives-and-cuts-of-countries-names",
        "words-of-archives-and-documents",
    ],
)
def test_unregistered_places(blocks: list[tuple[str, str]], expected: list[str]) -> None:
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Letter"))
    document.divisions = [Division("transcription", [Block(kind, text) for kind, text in blocks])]
    context = Context(Register())
    enrich(document, context, Reporter())
    found = refs_of(document, "place")
    assert [text for text, _ in found] == expected
    assert all(ref for _, ref in found)
    assert all(context.register_for("d").get(ref.lstrip("#")) for _, ref in found)


def test_places_joined_to_a_register_place() -> None:
    register = Register({"Moscow": Entry("Moscow", "place", (Name("Moscow", "en"),))})
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Letter"))
    document.divisions = [Division("transcription", [Block("p", "Send a division from Moscow and Tver.")])]
    enrich(document, Context(register), Reporter())
    assert [t for t, _ in refs_of(document, "place")] == ["Moscow", "Tver"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To the Chairman of the Council of Ministers of the USSR", []),
        ("МОСКВА, МИД СССР", ["МОСКВА"]),
        ("ПРЕДСЕДАТЕЛЮ СОВЕТА МИНИСТРОВ СССР", []),
        ("USSR MFA", []),
        ("Minister of Foreign Affairs of the USSR", ["USSR"]),
        ("the consulates of the USSR", ["USSR"]),
        ("USSR EMBASSY IN THE PRC", []),
        ("the Embassy of the USSR in Beijing", ["Beijing"]),
        ("the Far Eastern Department of the USSR MFA", []),
        ("the USSR Commission on Turkestan affairs", ["Turkestan"]),
        ("the Communist Party of the USSR and the Moscow Art Theater", []),
        ("the Warsaw Pact and the Voice of Moscow; Moscow", ["Moscow"]),
        ("Записка Наркома внутренних дел СССР; членом Правительства СССР", ["СССР"]),
        ("Archive of the President of the Russian Federation; Archives of the USSR; archives of Moscow", ["Moscow"]),
    ],
    ids=[
        "council-of-ministers",
        "mid",
        "sovmin-capitals",
        "mfa-after",
        "post-keeps-place",
        "plain-of",
        "embassy-capitals",
        "embassy-of",
        "department-of",
        "commission",
        "party-and-theater",
        "pact-voice-radio",
        "commissar-government",
        "archives",
    ],  # fmt: skip
)
def test_states_in_organisation_names_are_no_places(text: str, expected: list[str]) -> None:
    register = Register(
        {
            "USSR": Entry("USSR", "place", (Name("USSR", "en"), Name("СССР", "ru"))),
            "Moscow": Entry("Moscow", "place", (Name("Moscow", "en"), Name("Москва", "ru"))),
        }
    )
    document = Document(id="d", source="d.txt", genre="cable", lang="en", title=Block("title", "Cable"))
    document.divisions = [Division("transcription", [Block("p", text)])]
    enrich(document, Context(register), Reporter())
    assert [t for t, _ in refs_of(document, "place")] == expected


CUE_TEXT = st.lists(
    st.sampled_from(
        [
            "General",
            "Translated:",
            "Markup:",
            "Dear",
            "Your",
            "Cdes.",
            "т.",
            "Ivan",
            "Ivanovich",
            "Kim",
            "ed",
            "by",
            "in",
            "Clark",
            "Lieutenant-General",
            "генерал-майору",
            "посол",
            "to",
            "TO",
            "MARX",
            "Ambassador",
            "(Muccio)",
        ]
    )
    | st.text(alphabet="aAeEdbyinrsGMT.,!-[] ", max_size=4),
    max_size=12,
).map(" ".join)


@given(CUE_TEXT)
@settings(max_examples=300, deadline=None)
def test_quick_tests_never_skip_a_match(text: str) -> None:
    for pattern in [*QUICK_STRINGS, *QUICK_TESTS, *QUICK_WORDS]:
        if pattern.search(text):
            assert has_cue(pattern, text), pattern.pattern


def test_names_the_editors_completed_link_the_register_person() -> None:
    register = Register({"Ni_Zhiliang": _person("Ni_Zhiliang", "Ni Zhiliang")})
    document = Document(id="d", source="d.txt", genre="cable", lang="en", title=Block("title", "Cable"))
    paragraphs = ["Ambassador Ni [Zhiliang] and Counselor Chai.", "Ni Zhiliang agreed. Ambassador Ni stays."]
    document.divisions = [Division("transcription", [Block("p", p) for p in paragraphs])]
    enrich(document, Context(register), Reporter())
    assert [(t, r) for t, r in refs_of(document, "person") if t.startswith("Ni")] == [
        ("Ni [Zhiliang]", "#Ni_Zhiliang"),
        ("Ni Zhiliang", "#Ni_Zhiliang"),
        ("Ni", "#Ni_Zhiliang"),
    ]


def test_a_credited_translator_is_not_the_namesake_in_the_text() -> None:
    document, _ = enriched(
        "Minutes", "Obtained by János M. Rainer and translated by Csaba Farkas.", "Present: Comrades Rákosi, Farkas."
    )
    found = refs_of(document, "person")
    assert [t for t, _ in found] == ["János M. Rainer", "Csaba Farkas", "Rákosi", "Farkas"]
    refs = dict(found)
    assert all(refs.values()) and refs["Farkas"] != refs["Csaba Farkas"]


def test_a_make_after_a_preposition_is_no_place() -> None:
    document, _ = enriched("Decision", "To train the pilots on MiG-15 aircraft near Anshan.")
    assert [t for t, _ in refs_of(document, "place")] == ["Anshan"]


def _russian_places(*blocks: tuple[str, str]) -> tuple[list[tuple[str, str]], Register]:
    document = Document(id="d", source="d.txt", genre="letter", lang="ru", title=Block("title", "Письмо"))
    document.divisions = [Division("transcription", [Block(kind, text) for kind, text in blocks], {"lang": "ru"})]
    context = Context(Register())
    enrich(document, context, Reporter())
    return refs_of(document, "place"), context.register_for("d")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Бои идут под Сеулом.", [("Сеулом", "#Seul")]),
        ("Из ЛЯОЯНА сообщают.", [("ЛЯОЯНА", "#Lyaoyan")]),
        (
            "Беседа в Аньшане. В Аньшань прибыл поезд из Мукдена.",
            [("Аньшане", "#Anshan"), ("Аньшань", "#Anshan"), ("Мукдена", "#Mukden")],
        ),
        ("Он уехал к Пекину, потом во Францию.", [("Пекину", "#Pekin"), ("Францию", "#Frantsiya")]),
    ],
    ids=["under-instrumental", "from-in-capitals", "inflected-mentions-linked", "to-and-into"],
)
def test_russian_places_after_prepositions(text: str, expected: list[tuple[str, str]]) -> None:
    found, added = _russian_places(("p", text))
    assert found == expected
    assert all(added.get(ref.lstrip("#")).names[0].lang == "ru" for _, ref in found)  # type: ignore[union-attr]


def test_russian_place_entry_is_keyed_by_the_nominative() -> None:
    found, added = _russian_places(("p", "Мы были в Аньшане."), ("p", "10 апреля 1949 г.\nАньшань"))
    assert found == [("Аньшане", "#Anshan"), ("Аньшань", "#Anshan")]
    assert added.get("Anshan").name == "Аньшань"  # type: ignore[union-attr]


def test_russian_dateline_place() -> None:
    found, _ = _russian_places(("dateline", "Тифлис, 5.IX.24 г."), ("p", "Пишу из Тифлиса."))
    assert found == [("Тифлис", "#Tiflis"), ("Тифлиса", "#Tiflis")]


@pytest.mark.parametrize(
    "text",
    [
        "Вопрос решат в Политбюро.",
        "Указание из ЦК.",
        "Приеду в Январе, в Мае или во Вторник.",
        "Он был у Сталина, потом писал к Молотову.",
        "Дело в Совнаркоме и в Наркоминделе.",
        "Статья в Правде и в Известиях.",
        "Доклад у Теребина и у Мао Цзэ-дуна.",
        "Спор в Коминтерне, в Госплане, в Губкоме, в Оргбюро, в Цека.",
        "Записка к Терещенко и к Ляояну.",
    ],
    ids=[
        "politburo",
        "cc",
        "months-days",
        "persons",
        "sovnarkom",
        "newspapers",
        "unknown-persons",
        "institutions",
        "person-prepositions",
    ],
)
def test_russian_words_after_prepositions_that_are_no_places(text: str) -> None:
    assert _russian_places(("p", text))[0] == []


def test_russian_dateline_month_is_no_place() -> None:
    assert _russian_places(("dateline", "Январь 5."))[0] == []


def test_russian_place_sounding_like_a_register_place_of_the_document_is_linked_to_it() -> None:
    names = (Name("Panmunjom", "en"), Name("Панмыньчжонь", "ru"))
    register = Register({"Panmunjom": Entry("Panmunjom", "place", names)})
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Cable"))
    document.divisions = [
        Division("translation", [Block("p", "Talks go on at Panmunjom.")], {"lang": "en"}),
        Division("transcription", [Block("p", "Переговоры идут в Паньмыньчжоне.")], {"lang": "ru"}),
    ]
    context = Context(register)
    enrich(document, context, Reporter())
    assert refs_of(document, "place") == [("Panmunjom", "#Panmunjom"), ("Паньмыньчжоне", "#Panmunjom")]
    assert context.register_for("d").get("Panmynchzhon") is None


def test_russian_place_sounding_like_a_provisional_latin_place_shares_its_entry() -> None:
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Cable"))
    document.divisions = [
        Division("translation", [Block("p", "The talks near Kaesong resumed.")], {"lang": "en"}),
        Division("transcription", [Block("p", "Переговоры в Кэсоне возобновились.")], {"lang": "ru"}),
    ]
    context = Context(Register())
    enrich(document, context, Reporter())
    assert refs_of(document, "place") == [("Kaesong", "#Kaesong"), ("Кэсоне", "#Kaesong")]


@pytest.mark.parametrize(
    ("latin", "russian", "alike"),
    [
        ("Panmunjom", "Panmynchzhon", True),
        ("Seoul", "Seul", True),
        ("Tallinn", "Tula", False),
        ("Anshan", "Tyanshan", False),
    ],
)
def test_place_keys_sounding_alike(latin: str, russian: str, alike: bool) -> None:
    assert _sounds_alike(latin, russian) is alike


def test_a_street_named_after_a_person_is_a_place_not_the_person() -> None:
    register = Register({"Stalin": _person("Stalin", "Сталин", "Stalin")})
    document = Document(id="d", source="d.txt", genre="text", lang="ru", title=Block("title", "Сводка"))
    text = "Толпа шла к площади Сталина по улице Шандора Броди; Сталин молчал."
    document.divisions = [Division("transcription", [Block("p", text)], {"lang": "ru"})]
    enrich(document, Context(register), Reporter())
    block = document.divisions[0].blocks[0]
    assert [block.text[s.start : s.end] for s in block.spans_of("place")] == ["площади Сталина", "улице Шандора Броди"]
    assert [block.text[s.start : s.end] for s in block.spans_of("person")] == ["Сталин"]


@given(st.lists(st.sampled_from(["Rue", "des", "Ponts", "Seidenweg", "улице", "Бема", "площади", " ", ", ", "Weg"]),
                max_size=10))  # fmt: skip
@settings(max_examples=60, deadline=None)
def test_any_arrangement_of_street_words_gives_streets_inside_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    spans = list(street_names(text))
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize(
    ("title", "salutation", "expected"),
    [
        ("TO MAXIM GORKY", "Dear A. M.,", [("MAXIM GORKY", "#Gorky"), ("A. M.", "#Gorky")]),
        ("Letter", "Dear A. M.,", [("A. M.", "")]),
        ("TO MAXIM GORKY", "Dear Friend,", [("MAXIM GORKY", "#Gorky")]),
    ],
    ids=["titled-by-its-addressee", "no-addressee", "no-initials"],
)
def test_salutation_by_initials_addresses_the_one_person_the_title_names(
    title: str, salutation: str, expected: list[tuple[str, str]]
) -> None:
    register = Register({"Gorky": _person("Gorky", "Maxim Gorky", "Gorky")})
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", title))
    document.divisions = [Division("transcription", [Block("salute", salutation), Block("p", "Thanks.")])]
    enrich(document, Context(register), Reporter())
    found = refs_of(document, "person")
    assert [(text, ref if ref == "#Gorky" else "") for text, ref in found] == expected


@given(st.from_regex(r"[A-Z][a-z]{2,12}", fullmatch=True), st.sampled_from(["", ".", " and the rest."]))
@settings(max_examples=60, deadline=None)
def test_a_single_word_after_through_is_never_a_cued_place(word: str, after: str) -> None:
    document = Document(id="d", source="d.txt", genre="letter", lang="en", title=Block("title", "Letter"))
    document.divisions = [Division("transcription", [Block("p", f"It was sent through {word}{after}")])]
    enrich(document, Context(Register()), Reporter())
    assert all(ref.lstrip("#").startswith("geonames-") for _, ref in refs_of(document, "place"))
