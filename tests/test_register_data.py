"""The register data in ``corpus/register``: valid TEI, unique keys, distinct names, sourced ids, names found in text.

The register is data the converters depend on for documents nobody has seen:
these tests check its form (TEI P5, entries the writer can copy into a valid
``standOff``), its consistency (one key per entry, no name form shared by two
entries unless they point to each other, every authority id with the public
page it was verified from) and that the person and place enrichers find its
people and places in made-up English and Russian sentences, inflected.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers.names.index import fold, index_for, name_parts
from tei_encode.exchange.checks import CHECKS_FILE, load_checks
from tei_encode.exchange.register_check import check_id
from tei_encode.pipeline import convert_path
from tei_encode.register import AUTHORITY_URIS, Register
from tei_encode.validate import load_validator
from tei_encode.writers.standoff import standoff

from .conftest import CORPUS, REPO, require_shared, require_tool

REGISTER_DIR = CORPUS / "register"
FILES = sorted(REGISTER_DIR.glob("*.xml"))
SCHEMA = REPO / "schema" / "tei_encode.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"
RNG = "{http://relaxng.org/ns/structure/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
KEY = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*\Z")
# A verification page pinned to a commit, so that what was read can be read again.
PINNED_SOURCE = re.compile(r"https://github\.com/[^/]+/[^/]+/blob/[0-9a-f]{40}/\S+\Z")
# Words that would be register names if added bare; each must appear only inside a longer name.
ORDINARY_WORDS = [
    "Don", "Bug", "Орёл", "Грозный", "Ровно", "Верный", "Томский", "Ягода", "Горький", "Петровский", "Курский",
    "Преображенский", "Туманная", "Броды", "Старик",
]  # fmt: skip


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.from_directory(REGISTER_DIR)


def _trees() -> list[etree._ElementTree]:
    return [etree.parse(str(path)) for path in FILES]


def test_register_holds_people_and_places_of_both_series(register: Register) -> None:
    assert [p.name for p in FILES] == ["organisations.xml", "persons.xml", "places.xml"]
    for key in ("Zhou_Enlai", "Kim_Il_Sung", "Molotov", "Zinoviev", "Tukhachevsky", "Pilsudski"):
        assert register.entries[key].kind == "person", key
    for key in ("Pyongyang", "Panmunjom", "Dalian", "Tsaritsyn", "Saint_Petersburg", "Tbilisi"):
        assert register.entries[key].kind == "place", key
    assert all(e.names for e in register.entries.values())
    assert all(sum(n.type == "main" for n in e.names) <= 1 for e in register.entries.values())


def test_register_files_are_valid_tei() -> None:
    jing = require_tool("jing")
    tei_all = require_shared("tei-p5/tei_all.rng")
    result = subprocess.run([jing, str(tei_all), *map(str, FILES)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_entries_copied_into_standoff_are_valid_against_the_project_schema(register: Register) -> None:
    grammar = etree.parse(str(SCHEMA))
    start = grammar.getroot().find(f"{RNG}start")
    assert start is not None
    start[:] = [etree.Element(f"{RNG}ref", name="standOff")]
    schema = etree.RelaxNG(grammar)
    refs = etree.Element("refs")
    for key in register.entries:
        etree.SubElement(refs, "name", ref=f"#{key}")
    reporter = Reporter()
    stand_off = standoff(refs, register, reporter)
    assert stand_off is not None and not reporter.diagnostics
    assert len(stand_off.findall(f"*/{TEI}person")) == len(register.of_kind("person"))
    assert schema.validate(stand_off), schema.error_log


def test_xml_ids_are_unique_ascii_keys() -> None:
    ids = [el.get(XML_ID) for tree in _trees() for el in tree.iter() if el.get(XML_ID)]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not KEY.match(i)] == []


def test_every_authority_id_names_the_page_it_was_verified_from() -> None:
    idnos = [el for tree in _trees() for el in tree.iter(f"{TEI}idno")]
    assert idnos
    for el in idnos:
        assert el.get("type") in AUTHORITY_URIS, el.get("type")
        assert PINNED_SOURCE.match(el.get("source", "")), (el.text, el.get("source"))
        if el.get("type") == "wikidata":
            assert re.fullmatch(r"Q[1-9]\d*", (el.text or "").strip()), el.text


def test_a_name_form_is_shared_only_by_entries_that_name_each_other(register: Register) -> None:
    """Namesakes (the two Kamenevs) are intended: each entry's note names the others' keys."""
    keys_by_form: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for entry in register.entries.values():
        for name in entry.names:
            words = tuple(fold(w) for w in name_parts(name.text)[1])
            keys_by_form[words].add(entry.key)
    unintended = {
        form: keys
        for form, keys in keys_by_form.items()
        if len(keys) > 1 and not all(other in register.entries[key].note for key in keys for other in keys - {key})
    }
    assert unintended == {}


@pytest.mark.parametrize("word", ORDINARY_WORDS)
def test_ordinary_words_are_no_bare_name(register: Register, word: str) -> None:
    for kind in ("person", "place"):
        assert [v for v in index_for(register, kind).candidates({fold(word)}) if len(v.words) == 1] == []


def _names_in(text: str, register: Register, tmp_path: Path) -> list[tuple[str, str, str, str]]:
    source = tmp_path / "sentences.txt"
    source.write_text(f"Register check\n\n{text}\n", encoding="utf-8")
    converted = convert_path(source, register, Reporter(), "plain")
    body = converted[0].tree.find(f".//{TEI}body")
    assert body is not None
    return [
        (el.tag.removeprefix(TEI), "".join(el.itertext()), el.get("ref", ""), el.get("type", ""))
        for el in body.iter(f"{TEI}persName", f"{TEI}placeName")
    ]


P, L = "persName", "placeName"
SENTENCES = [
    (
        "Comrade V. M. Molotov met Chou En-lai and Kim Il Sung in Moscow.",
        [(P, "V. M. Molotov", "#Molotov", ""), (P, "Chou En-lai", "#Zhou_Enlai", ""),
         (P, "Kim Il Sung", "#Kim_Il_Sung", ""), (L, "Moscow", "#Moscow", "")],
    ),
    (
        "Koba wrote to Zinoviev from Tsaritsyn; Fyn Si answered Mao.",
        [(P, "Koba", "#Stalin", "pseudonym"), (P, "Zinoviev", "#Zinoviev", ""), (L, "Tsaritsyn", "#Tsaritsyn", ""),
         (P, "Fyn Si", "#Stalin", "pseudonym"), (P, "Mao", "#Mao_Zedong", "")],
    ),
    (
        "Tukhachevsky's armies reached the Vistula near Warsaw; Wrangel fled from Sevastopol to Constantinople.",
        [(P, "Tukhachevsky", "#Tukhachevsky", ""), (L, "Vistula", "#Vistula", ""), (L, "Warsaw", "#Warsaw", ""),
         (P, "Wrangel", "#Wrangel", ""), (L, "Sevastopol", "#Sevastopol", ""),
         (L, "Constantinople", "#Istanbul", "")],
    ),
    (
        "The talks at Kaesong moved to Panmunjom; Peng Dehuai reported from Mukden and Antung.",
        [(L, "Kaesong", "#Kaesong", ""), (L, "Panmunjom", "#Panmunjom", ""), (P, "Peng Dehuai", "#Peng_Dehuai", ""),
         (L, "Mukden", "#Shenyang", ""), (L, "Antung", "#Dandong", "")],
    ),
    (
        "Port Arthur and Dairen were returned; Gao Gang ruled Manchuria from Harbin.",
        [(L, "Port Arthur", "#Port_Arthur", ""), (L, "Dairen", "#Dalian", ""), (P, "Gao Gang", "#Gao_Gang", ""),
         (L, "Manchuria", "#Manchuria", ""), (L, "Harbin", "#Harbin", "")],
    ),
    (
        "V. D. Bonch-Bruevich signed; Matveyev cabled from Pyongyang.",
        [(P, "V. D. Bonch-Bruevich", "#Bonch-Bruevich_VD", ""), (P, "Matveyev", "#Zakharov_MV", "pseudonym"),
         (L, "Pyongyang", "#Pyongyang", "")],
    ),
    ("Bonch-Bruevich signed.", [(P, "Bonch-Bruevich", "", "")]),
    (
        "Товарищу Чжоу Энь-лаю передать, что Молотову поручено ответить.",
        [(P, "Чжоу Энь-лаю", "#Zhou_Enlai", ""), (P, "Молотову", "#Molotov", "")],
    ),
    (
        "Войска отошли от Мукдена к Аньдуну, а в Пхеньяне и Кэсоне спокойно.",
        [(L, "Мукдена", "#Shenyang", ""), (L, "Аньдуну", "#Dandong", ""), (L, "Пхеньяне", "#Pyongyang", ""),
         (L, "Кэсоне", "#Kaesong", "")],
    ),
    (
        "Зиновьеву и Бухарину в Петроград, копия Дзержинскому.",
        [(P, "Зиновьеву", "#Zinoviev", ""), (P, "Бухарину", "#Bukharin", ""),
         (L, "Петроград", "#Saint_Petersburg", ""), (P, "Дзержинскому", "#Dzerzhinsky", "")],
    ),
    (
        "Из Царицына Сталин телеграфировал Ленину; Орджоникидзе из Тифлиса в Ростов-на-Дону.",
        [(L, "Царицына", "#Tsaritsyn", ""), (P, "Сталин", "#Stalin", ""), (P, "Ленину", "#Lenin", ""),
         (P, "Орджоникидзе", "#Ordzhonikidze", ""), (L, "Тифлиса", "#Tbilisi", ""),
         (L, "Ростов-на-Дону", "#Rostov-on-Don", "")],
    ),
    (
        "Через Порт-Артур и Дальний, а также на Дальнем Востоке.",
        [(L, "Порт-Артур", "#Port_Arthur", ""), (L, "Дальний", "#Dalian", ""),
         (L, "Дальнем Востоке", "#Russian_Far_East", "")],
    ),
    (
        "Фын Си передал Мао Цзе-дуну, что Пэн Дэ-хуай выехал в Харбин.",
        [(P, "Фын Си", "#Stalin", "pseudonym"), (P, "Мао Цзе-дуну", "#Mao_Zedong", ""),
         (P, "Пэн Дэ-хуай", "#Peng_Dehuai", ""), (L, "Харбин", "#Harbin", "")],
    ),
    (
        "Пилсудский отступил от Вислы к Варшаве, Тухачевский к Минску.",
        [(P, "Пилсудский", "#Pilsudski", ""), (L, "Вислы", "#Vistula", ""), (L, "Варшаве", "#Warsaw", ""),
         (P, "Тухачевский", "#Tukhachevsky", ""), (L, "Минску", "#Minsk", "")],
    ),
    (
        "Коба и Джугашвили; Серго; М. И. Ульяновой.",
        [(P, "Коба", "#Stalin", "pseudonym"), (P, "Джугашвили", "#Stalin", ""), (P, "Серго", "#Ordzhonikidze", ""),
         (P, "М. И. Ульяновой", "#Ulyanova_MI", "")],
    ),
    ("Don't worry: the Bug is fixed. Томской губернии. Ягода созрела. Орёл летит.", []),
    (
        "L. I. Brezhnev met Honecker and Ceaușescu in East Berlin; Kissinger flew to the Middle East.",
        [(P, "L. I. Brezhnev", "#Brezhnev", ""), (P, "Honecker", "#Honecker", ""), (P, "Ceaușescu", "#Ceausescu", ""),
         (L, "East Berlin", "#Berlin", ""), (P, "Kissinger", "#Kissinger", ""),
         (L, "Middle East", "#Middle_East", "")],
    ),
    (
        "Брежневу и Андропову: в ГДР и ЧССР спокойно, на Ближнем Востоке нет.",
        [(P, "Брежневу", "#Brezhnev", ""), (P, "Андропову", "#Andropov", ""), (L, "ГДР", "#GDR", ""),
         (L, "ЧССР", "#Czechoslovakia", ""), (L, "Ближнем Востоке", "#Middle_East", "")],
    ),
    (
        "Marx wrote to Kugelmann of Lassalle; Wilhelm Liebknecht and Bebel answered.",
        [(P, "Marx", "#Marx", ""), (P, "Kugelmann", "#Kugelmann", ""), (P, "Lassalle", "#Lassalle", ""),
         (P, "Wilhelm Liebknecht", "#Liebknecht_W", ""), (P, "Bebel", "#Bebel", "")],
    ),
    (
        "Плеханов, Аксельрод и Вере [Засулич]; Потресову письмо.",
        [(P, "Плеханов", "#Plekhanov", ""), (P, "Аксельрод", "#Axelrod", ""), (P, "Вере [Засулич]", "#Zasulich", ""),
         (P, "Потресову", "#Potresov", "")],
    ),
    (
        "The UAR and the DRV; Ulbricht in the GDR; Тито, Гусак сказал Густаву Гусаку.",
        [(L, "UAR", "#Egypt", ""), (L, "DRV", "#North_Vietnam", ""), (P, "Ulbricht", "#Ulbricht", ""),
         (L, "GDR", "#GDR", ""), (P, "Тито", "#Tito", ""), (P, "Густаву Гусаку", "#Husak", "")],
    ),
    (
        "Копия: Кириленко А. П., Суслову М. и Андропову Ю.",
        [(P, "Кириленко А. П.", "#Kirilenko", ""), (P, "Суслову М.", "#Suslov", ""),
         (P, "Андропову Ю.", "#Andropov", "")],
    ),
    (
        "Письмо  п. Б. Аксельроду; т. Б. Аксельроду.",
        [(P, "п. Б. Аксельроду", "#Axelrod", ""), (P, "Б. Аксельроду", "#Axelrod", "")],
    ),
    (
        "Центральному Комитету Коммунистической Партии Югославии; руководители Югославии.",
        [(L, "Югославии", "#Yugoslavia", "")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[f"s{i:02d}" for i in range(len(SENTENCES))])
def test_enrichers_link_register_names_in_text(
    register: Register, tmp_path: Path, text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert _names_in(text, register, tmp_path) == expected


def test_full_names_sharing_a_first_name_and_patronymic_are_each_one_name(register: Register, tmp_path: Path) -> None:
    """Yezhov and Bukharin are both Николай Иванович; each full name is one name of its own."""
    found = _names_in("Николай Иванович Ежов и Николай Иванович Бухарин.", register, tmp_path)
    assert found == [(P, "Николай Иванович Ежов", "#Yezhov", ""), (P, "Николай Иванович Бухарин", "#Bukharin", "")]


def test_a_first_name_and_patronymic_before_another_surname_is_not_the_registered_person(
    register: Register, tmp_path: Path
) -> None:
    """Herzen is Александр Иванович, and so is Kuprin, whom the register lacks."""
    found = _names_in("Привет Александру Ивановичу Куприну. Александр Иванович Герцен.", register, tmp_path)
    assert [(text, ref) for _, text, ref, _ in found][1:] == [("Александр Иванович Герцен", "#Herzen")]
    assert found[0][1] == "Александру Ивановичу Куприну" and found[0][2] != "#Herzen"


def test_a_surname_the_register_gives_only_in_full_is_left_to_the_proposals(register: Register, tmp_path: Path) -> None:
    """Andreyev and Pavlov are registered only as Andrei Andreyev and Valentin Pavlov, for the others of their names;
    an ordinary word the register gives only in full (Ягода) stays no name."""
    found = _names_in("Pavlov and Andreyev arrived.", register, tmp_path)
    found += _names_in("Помета: «Калинин – за, Андреев – за». Ягода созрела.", register, tmp_path)
    assert [text for _, text, _, _ in found] == ["Pavlov", "Andreyev", "Калинин", "Андреев"]
    assert not {ref for _, _, ref, _ in found} & {"#Pavlov_VS", "#Andreyev_AA"}


def test_document_naming_the_new_entries_is_valid(register: Register, tmp_path: Path) -> None:
    source = tmp_path / "sentences.txt"
    source.write_text("Register check\n\n" + "\n\n".join(text for text, _ in SENTENCES) + "\n", encoding="utf-8")
    converted = convert_path(source, register, Reporter(), "plain")
    findings = list(load_validator(SCHEMA).iter_errors(converted[0].tree, source.name))
    assert findings == []


def test_every_authority_id_has_a_check_naming_the_entry(register: Register) -> None:
    """Each id has the record of its check (label, day, page), and the label is one of the entry's names."""
    checks = load_checks(REGISTER_DIR / CHECKS_FILE)
    findings = [check_id(e, a, checks) for e in register.entries.values() for a in e.authorities]
    assert findings and [(f.entry.key, f.authority.value, f.problem) for f in findings if f.problem] == []
    assert {f"{a.scheme}:{a.value}" for e in register.entries.values() for a in e.authorities} == set(checks)


@pytest.mark.parametrize(
    ("key", "day", "expected"),
    [
        ("Poland", "1920-07-24", ["Q207272"]),
        ("Poland", "1951-09-26", ["Q36"]),
        ("China", "1920-07-24", ["Q13426199"]),
        ("China", "1951-09-26", ["Q148"]),
        ("Czechia", "1920-07-24", []),
        ("Georgia", "1920-07-24", []),
        ("Turkey", "1920-07-24", []),
        ("Turkey", "1951-09-26", ["Q43"]),
        ("Poland", "", ["Q36"]),
    ],
)
def test_the_documents_date_chooses_the_state_of_its_time(
    register: Register, key: str, day: str, expected: list[str]
) -> None:
    assert [a.value for a in register.entries[key].authorities_on(day)] == expected


def test_letters_of_1920_link_the_states_of_1920(tmp_path: Path) -> None:
    """No. 91 (24 July 1920) names Poland and the Czech Republic: the Second Polish Republic, and no id for a
    Czech Republic that did not exist; the cable of 1951 names China: the People's Republic."""
    converted = {
        item.document.id: item.tree
        for source in sorted(CORPUS.glob("*.txt"))
        for item in convert_path(source, Register.from_directory(REGISTER_DIR), Reporter())
    }

    def ids(doc: str, key: str) -> list[str]:
        entry = converted[doc].find(f".//{TEI}standOff//*[@{XML_ID}='{key}']")
        assert entry is not None, (doc, key)
        return [(i.text or "").rsplit("/", 1)[-1] for i in entry.iter(f"{TEI}idno")]

    assert ids("bolshevik-correspondence-no091", "Poland") == ["Q207272"]
    assert ids("bolshevik-correspondence-no091", "Czechia") == []
    assert ids("wilson-119543-cable-5542", "China") == ["Q148"]


def test_register_holds_the_bodies_letters_go_to_and_from(register: Register) -> None:
    for key in ("Central_Committee", "Politburo", "Kavburo", "Comintern", "Sovnarkom", "Narkomindel", "MID_USSR"):
        assert register.entries[key].kind == "org", key
    names = {n.text for n in register.entries["Politburo"].names}
    assert "Politburo of the Central Committee of the RCP (b)" in names  # as No. 100 is addressed
    assert [a.value for a in register.entries["Communist_Party_USSR"].authorities] == ["Q79854"]
