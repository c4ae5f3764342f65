"""CMIF: valid against the CMIF schema and Schematron, every letter of Nos. 91-100 right, deterministic."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter, Severity
from tei_encode.exchange.cmif import CmifError, CmifHeader, bibl_uuid, cmif_document, publication_date
from tei_encode.exchange.inputs import load_documents, read_tei
from tei_encode.register import Register
from tei_encode.validate import load_validator
from tei_encode.xmlio import serialize

from ..conftest import CORPUS, require_shared, require_tool
from ..corpus_letters import LETTERS
from .fixtures import CORRESP, write_letter

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
HEADER = CmifHeader(date="2026-11-22", url="https://example.org/cmif.xml")


@pytest.fixture(scope="module")
def corpus_cmif() -> etree._Element:
    """The CMIF of the bundled corpus, serialised and parsed again as a harvester reads it."""
    documents = load_documents([CORPUS], Reporter())
    return etree.fromstring(serialize(cmif_document([d.root for d in documents], HEADER)))


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.from_directory(CORPUS / "register")


def test_corpus_cmif_is_valid_relaxng(corpus_cmif: etree._Element) -> None:
    schema = etree.RelaxNG(etree.parse(str(require_shared("cmif/cmi-customization.rng"))))
    assert schema.validate(corpus_cmif), schema.error_log


def test_corpus_cmif_is_valid_with_jing(corpus_cmif: etree._Element, tmp_path: Path) -> None:
    jing = require_tool("jing")
    path = tmp_path / "cmif.xml"
    path.write_bytes(serialize(corpus_cmif))
    rng = require_shared("cmif/cmi-customization.rng")
    result = subprocess.run([jing, str(rng), str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_corpus_cmif_passes_cmif_schematron(corpus_cmif: etree._Element) -> None:
    validator = load_validator(require_shared("cmif/cmif.sch"))
    assert list(validator.iter_errors(corpus_cmif)) == []
    # The same engine must see a CMIF rule broken: a correspDesc without a receiver (E0002).
    broken = etree.fromstring(etree.tostring(corpus_cmif))
    action = broken.find(".//tei:correspDesc/tei:correspAction[@type='received']", NS)
    assert action is not None
    action.getparent().remove(action)
    findings = list(validator.iter_errors(broken))
    assert any("E0002" in d.message and d.severity is Severity.ERROR for d in findings), findings


@pytest.mark.parametrize(
    ("key", "senders", "addressees", "place", "date"), LETTERS, ids=[letter[0] for letter in LETTERS]
)
def test_every_letter_has_its_correspondents_place_and_date(
    corpus_cmif: etree._Element,
    register: Register,
    key: str,
    senders: list[str],
    addressees: list[str],
    place: str | None,
    date: dict[str, str],
) -> None:
    descs = corpus_cmif.findall(f".//tei:correspDesc[@key='{key}']", NS)
    assert len(descs) == 1
    sent = descs[0].find("tei:correspAction[@type='sent']", NS)
    received = descs[0].find("tei:correspAction[@type='received']", NS)
    assert sent is not None and received is not None
    assert _names(sent) == [_expected_name(register, k) for k in senders]
    assert _names(received) == [_expected_name(register, k) for k in addressees]
    places = [(p.text, p.get("ref")) for p in sent.findall("tei:placeName", NS)]
    assert places == ([] if place is None else [_expected_name(register, place)[1:]])
    dates = [dict(d.attrib) for d in sent.findall("tei:date", NS)]
    assert dates == [date]


def _names(action: etree._Element) -> list[tuple[str, str | None, str | None]]:
    return [
        (etree.QName(el).localname, el.text, el.get("ref"))
        for el in action
        if etree.QName(el).localname in ("persName", "orgName")
    ]


def _expected_name(register: Register, key: str) -> tuple[str, str | None, str | None]:
    """(element, name, authority URI) a register key must appear as; organisations by name."""
    if key.startswith("org:"):
        return ("orgName", key[4:], None)
    entry = register.get(key)
    assert entry is not None, key
    uris = [a.uri for a in entry.authorities]
    assert len(uris) <= 1, "the table assumes at most one authority id per entry"
    return ("persName" if entry.kind == "person" else "placeName", entry.name, uris[0] if uris else None)


def test_every_letter_of_the_corpus_is_listed_once(corpus_cmif: etree._Element) -> None:
    keys = [d.get("key") for d in corpus_cmif.iterfind(".//tei:correspDesc", NS)]
    assert keys == [letter[0] for letter in LETTERS]


def test_header_has_licence_publication_and_uuid_sources(corpus_cmif: etree._Element) -> None:
    publication = corpus_cmif.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt", NS)
    assert publication is not None
    assert publication.findtext("tei:idno[@type='url']", namespaces=NS) == "https://example.org/cmif.xml"
    assert publication.find("tei:date", NS).get("when") == "2026-11-22"
    licence = publication.find("tei:availability/tei:licence", NS)
    assert licence is not None and licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"
    bibls = corpus_cmif.findall(".//tei:sourceDesc/tei:bibl", NS)
    ids = [b.get("{http://www.w3.org/XML/1998/namespace}id", "") for b in bibls]
    assert len(ids) == 2 and all(uuid.UUID(i).version == 5 and i[0].isalpha() for i in ids)
    assert [b.get("type") for b in bibls] == ["print", "online"]
    assert bibls[0].text is not None and bibls[0].text.startswith("Bolshevik Leaders correspondence. ")
    assert {d.get("source") for d in corpus_cmif.iterfind(".//tei:correspDesc", NS)} == {f"#{i}" for i in ids}


def test_output_is_deterministic() -> None:
    first = [d.root for d in load_documents([CORPUS], Reporter())]
    second = [d.root for d in load_documents([CORPUS], Reporter())]
    assert serialize(cmif_document(first, HEADER)) == serialize(cmif_document(second, HEADER))


def test_bibl_uuid_is_stable_and_an_xml_name() -> None:
    values = {bibl_uuid(f"source {i}") for i in range(50)}
    assert len(values) == 50 and all(v[0] in "abcdef" for v in values)
    assert bibl_uuid("source 1") == bibl_uuid("source 1")


def test_names_without_authority_are_listed_and_preferred_authority_chosen(tmp_path: Path) -> None:
    letter = read_tei(write_letter(tmp_path, "letter-1"))
    root = cmif_document([letter.root], HEADER)
    sent, received = root.findall(".//tei:correspAction", NS)
    # GND comes before Wikidata; a place keeps its Wikidata id.
    assert [(e.text, e.get("ref")) for e in sent] == [
        ("Anna Example", "https://d-nb.info/gnd/123"),
        ("Tver", "https://www.wikidata.org/entity/Q2"),
        (None, None),
    ]
    assert sent[2].attrib == {"notBefore": "1901-05-01", "notAfter": "1901-05-10"}
    assert [(e.text, e.get("ref")) for e in received] == [("Boris Example", None), ("Vera", None)]


@pytest.mark.parametrize(("cert", "expected"), [("low", "low"), ("medium", None), ("high", None), ("", None)])
def test_only_low_certainty_is_kept(tmp_path: Path, cert: str, expected: str | None) -> None:
    corresp = CORRESP.replace('notAfter="1901-05-10"/>', f'notAfter="1901-05-10" cert="{cert}"/>')
    letter = read_tei(write_letter(tmp_path, "letter-1", corresp=corresp))
    date = cmif_document([letter.root], HEADER).find(".//tei:correspAction/tei:date", NS)
    assert date is not None and date.get("cert") == expected


def test_documents_without_corresp_desc_are_skipped_with_a_note(tmp_path: Path) -> None:
    letter = read_tei(write_letter(tmp_path, "letter-1"))
    report = read_tei(write_letter(tmp_path, "report-1", corresp=""))
    reporter = Reporter()
    root = cmif_document([report.root, letter.root], HEADER, reporter)
    assert [d.get("key") for d in root.iterfind(".//tei:correspDesc", NS)] == ["letter-1"]
    assert [(d.severity, d.code) for d in reporter] == [(Severity.INFO, "cmif-not-a-letter")]
    assert "report-1" in reporter.diagnostics[0].message


def test_missing_receiver_is_noted_as_unknown(tmp_path: Path) -> None:
    corresp = (
        '<correspDesc><correspAction type="sent"><persName ref="#Anna">Anna</persName></correspAction></correspDesc>'
    )
    letter = read_tei(write_letter(tmp_path, "letter-1", corresp=corresp))
    reporter = Reporter()
    root = cmif_document([letter.root], HEADER, reporter)
    received = root.find(".//tei:correspAction[@type='received']", NS)
    assert received is not None and [e.text for e in received] == ["Unknown"]
    assert [d.code for d in reporter] == ["cmif-unknown-correspondent"]


@pytest.mark.parametrize(
    ("option", "environ", "pubdate", "expected"),
    [
        ("2025-01-02", {"SOURCE_DATE_EPOCH": "0"}, "", "2025-01-02"),
        (None, {"SOURCE_DATE_EPOCH": "1700000000"}, "", "2023-11-14"),
        (None, {}, '<date when="2024-03-01"/>', "2024-03-01"),
    ],
    ids=["option", "source-date-epoch", "input"],
)
def test_publication_date(
    tmp_path: Path, option: str | None, environ: dict[str, str], pubdate: str, expected: str
) -> None:
    roots = [read_tei(write_letter(tmp_path, "a", pubdate=pubdate)).root]
    assert publication_date(option, roots, environ) == expected


def test_publication_date_missing_or_bad(tmp_path: Path) -> None:
    roots = [read_tei(write_letter(tmp_path, "a")).root]
    with pytest.raises(CmifError, match="SOURCE_DATE_EPOCH"):
        publication_date(None, roots, {})
    with pytest.raises(CmifError, match="not a number"):
        publication_date(None, roots, {"SOURCE_DATE_EPOCH": "yesterday"})
    with pytest.raises(CmifError, match="ISO 8601"):
        CmifHeader(date="22.11.2026")
