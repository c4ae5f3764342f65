"""CMIF: valid against the CMIF schema and Schematron, every letter of Nos. 91-100 right, deterministic."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.diagnostics import Reporter, Severity
from tei_encode.exchange.cmif import bibl_uuid, cmif_document, content_hash
from tei_encode.exchange.edition import CmifError, CmifHeader, Editor, PrintedSource, Stamp
from tei_encode.exchange.inputs import load_documents, read_tei
from tei_encode.register import AUTHORITY_URIS, Register
from tei_encode.validate import load_validator
from tei_encode.xmlio import serialize

from ..conftest import CORPUS, REPO, require_shared, require_tool
from ..corpus_letters import LETTERS
from .fixtures import CORRESP, write_letter

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
HEADER = CmifHeader(date="2026-11-22", editors=(Editor("Anna Editor"),), url="https://example.org/cmif.xml")
CS_CHECK = "cmif/correspsearch-check"
# What correspSearch indexes, by kind of name (its check warns of any other authority file).
INDEXED = {"person": ("gnd", "viaf"), "org": ("gnd", "viaf"), "place": ("geonames",)}
ELEMENTS = {"person": "persName", "org": "orgName", "place": "placeName"}


@pytest.fixture(scope="module")
def corpus_cmif() -> etree._Element:
    """The CMIF of the bundled corpus, serialised and parsed again as a harvester reads it."""
    documents = load_documents([CORPUS], Reporter())
    return etree.fromstring(serialize(cmif_document([d.root for d in documents], HEADER)))


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.from_directory(CORPUS / "register")


@pytest.mark.parametrize("rng", ["cmif/cmi-customization.rng", f"{CS_CHECK}/cmi-customization.rng"])
def test_corpus_cmif_is_valid_relaxng(corpus_cmif: etree._Element, rng: str) -> None:
    schema = etree.RelaxNG(etree.parse(str(require_shared(rng))))
    assert schema.validate(corpus_cmif), schema.error_log


@pytest.mark.parametrize("rng", ["cmif/cmi-customization.rng", f"{CS_CHECK}/cmi-customization.rng"])
def test_corpus_cmif_is_valid_with_jing(corpus_cmif: etree._Element, tmp_path: Path, rng: str) -> None:
    jing = require_tool("jing")
    path = tmp_path / "cmif.xml"
    path.write_bytes(serialize(corpus_cmif))
    result = subprocess.run([jing, str(require_shared(rng)), str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("sch", ["cmif/cmif.sch", f"{CS_CHECK}/cmif.sch"])
def test_corpus_cmif_passes_the_schematron_with_no_finding(corpus_cmif: etree._Element, sch: str) -> None:
    """correspSearch harvests only a file without errors; its warnings (W0000 ...) are held to zero too."""
    assert list(load_validator(require_shared(sch)).iter_errors(corpus_cmif)) == []


def test_correspsearch_check_sees_what_it_would_refuse(corpus_cmif: etree._Element) -> None:
    """The same engine reports a file name as the URL (E0001) and a Wikidata person (W0000)."""
    validator = load_validator(require_shared(f"{CS_CHECK}/cmif.sch"))
    broken = etree.fromstring(etree.tostring(corpus_cmif))
    idno = broken.find(".//tei:publicationStmt/tei:idno", NS)
    person = broken.find(".//tei:correspAction/tei:persName", NS)
    assert idno is not None and person is not None
    idno.text = "cmif.xml"
    person.set("ref", "http://www.wikidata.org/entity/Q855")
    messages = [d.message for d in validator.iter_errors(broken)]
    assert any("E0001" in m for m in messages) and any("W0000" in m for m in messages), messages
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
    assert _names(sent) == [_expected_name(register, k, date["when"]) for k in senders]
    assert _names(received) == [_expected_name(register, k, date["when"]) for k in addressees]
    places = [(p.text, p.get("ref")) for p in sent.findall("tei:placeName", NS)]
    assert places == ([] if place is None else [_expected_name(register, place, date["when"])[1:]])
    dates = [dict(d.attrib) for d in sent.findall("tei:date", NS)]
    assert dates == [date]
    received_places = [(p.text, p.get("ref")) for p in received.findall("tei:placeName", NS)]
    expected = RECEIVED_PLACES.get(key)
    assert received_places == ([] if expected is None else [_expected_name(register, expected, date["when"])[1:]])


# Read from the letters' addresses: "Moscow - the Kremlin" (91, 96), "Moscow Kremlin." (95, 97), "Moscow." (98),
# "П Е К И Н" (the cable); the others are addressed to people only.
RECEIVED_PLACES = {"91": "Moscow", "95": "Moscow", "96": "Moscow", "97": "Moscow", "98": "Moscow"}
RECEIVED_PLACES["wilson-119543-cable-5542"] = "Beijing"


def _names(action: etree._Element) -> list[tuple[str, str | None, str | None]]:
    return [
        (etree.QName(el).localname, el.text, el.get("ref"))
        for el in action
        if etree.QName(el).localname in ("persName", "orgName")
    ]


def _expected_name(register: Register, key: str, day: str = "") -> tuple[str, str | None, str | None]:
    """(element, name, authority URI) a register key must appear as. The URI is the
    register's first GND or VIAF id for a person or organisation, GeoNames id for a place, in the form correspSearch
    reads."""
    entry = register.get(key)
    assert entry is not None, key
    held = entry.authorities_on(day)
    uris = [AUTHORITY_URIS[s].format(a.value) for s in INDEXED[entry.kind] for a in held if a.scheme == s]
    return (ELEMENTS[entry.kind], entry.name, uris[0] if uris else None)


def test_every_letter_of_the_corpus_is_listed_once(corpus_cmif: etree._Element) -> None:
    keys = [d.get("key") for d in corpus_cmif.iterfind(".//tei:correspDesc", NS)]
    assert keys == [letter[0] for letter in LETTERS]


def test_header_has_licence_publication_and_uuid_sources(corpus_cmif: etree._Element) -> None:
    publication = corpus_cmif.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt", NS)
    assert publication is not None
    assert publication.findtext("tei:idno[@type='url']", namespaces=NS) == "https://example.org/cmif.xml"
    assert publication.find("tei:date", NS).get("when") == "2026-11-22"
    assert [e.text for e in corpus_cmif.iterfind(".//tei:titleStmt/tei:editor", NS)] == ["Anna Editor"]
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
    # The GND id is sent; Wikidata ids (Anna's, Tver's only one) stay in the register.
    assert [(e.text, e.get("ref")) for e in sent] == [
        ("Anna Example", "http://d-nb.info/gnd/118540238"),
        ("Tver", None),
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


def _header(**fields: object) -> CmifHeader:
    values: dict[str, object] = {"editors": (Editor("Anna Editor"),), "url": "https://example.org/cmif.xml"}
    values.update(fields)
    return CmifHeader(**values)  # type: ignore[arg-type]


def _when(root: etree._Element) -> str:
    date = root.find(".//tei:publicationStmt/tei:date", NS)
    assert date is not None
    return date.get("when", "")


def test_publication_date_stays_while_the_content_does_and_increases_when_it_changes(tmp_path: Path) -> None:
    letter = read_tei(write_letter(tmp_path, "a")).root
    first = cmif_document([letter], _header(epoch="1700000000"))
    assert _when(first) == "2023-11-14T22:13:20Z"
    recorded = Stamp(_when(first), content_hash(first))
    # The same content with the publication recorded: the date stays, whatever the time of the commit.
    same = cmif_document([letter], _header(stamp=recorded, epoch="1800000000"))
    assert _when(same) == recorded.when and serialize(same) == serialize(first)
    # Changed content: the time of the commit, else a second after the recorded date; never earlier.
    changed = read_tei(write_letter(tmp_path, "b", title="Another letter")).root
    assert _when(cmif_document([letter, changed], _header(stamp=recorded, epoch="1800000000"))) == (
        "2027-01-15T08:00:00Z"
    )
    assert _when(cmif_document([letter, changed], _header(stamp=recorded))) == "2023-11-14T22:13:21Z"
    assert _when(cmif_document([letter, changed], _header(stamp=recorded, epoch="1600000000"))) == (
        "2023-11-14T22:13:21Z"
    )
    assert _when(cmif_document([letter], _header(date="2025-01-02", stamp=recorded))) == "2025-01-02"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "22.11.2026"}, "ISO 8601"),
        ({"date": "2026-11-22", "editors": ()}, "at least one editor"),
        ({"date": "2026-11-22", "url": "cmif.xml"}, "must be a URL"),
        ({}, "no publication date"),
        ({"epoch": "yesterday"}, "not a number"),
    ],
    ids=["bad-date", "no-editor", "file-name-as-url", "no-date", "bad-epoch"],
)
def test_header_that_cannot_be_used(tmp_path: Path, fields: dict[str, object], message: str) -> None:
    letter = read_tei(write_letter(tmp_path, "a")).root
    with pytest.raises(CmifError, match=message):
        cmif_document([letter], _header(**fields))


def test_printed_source_is_a_full_bibl_and_editors_have_email(tmp_path: Path) -> None:
    source = PrintedSource("letters of anna", "Letters of Anna", ("B. Editor", "C. Editor"), "Tver", "Press", "1901")
    header = _header(date="2026-01-01", sources=(source,), editors=(Editor("Anna Editor", "anna@example.org"),))
    root = cmif_document([read_tei(write_letter(tmp_path, "a")).root], header)
    bibl = root.find(".//tei:sourceDesc/tei:bibl", NS)
    assert bibl is not None and bibl.get("type") == "print"
    assert "".join(bibl.itertext()) == "B. Editor, C. Editor (eds.): Letters of Anna. Tver: Press, 1901."
    assert [etree.QName(e).localname for e in bibl] == ["editor", "editor", "title", "placeName", "publisher"]
    editor = root.find(".//tei:titleStmt/tei:editor", NS)
    assert editor is not None and editor.findtext("tei:email", namespaces=NS) == "anna@example.org"


def test_received_place_from_the_letters_address(tmp_path: Path) -> None:
    path = write_letter(tmp_path, "a")
    text = path.read_text(encoding="utf-8").replace(
        "<text><body><p>", '<text><body><opener><address><addrLine>To <placeName ref="#Tver">Tver</placeName>'
        "</addrLine></address></opener><p>"
    )  # fmt: skip
    path.write_text(text.replace('<placeName ref="#Tver">Tver</placeName><date', "<date"), encoding="utf-8")
    received = cmif_document([read_tei(path).root], HEADER).find(".//tei:correspAction[@type='received']", NS)
    assert received is not None
    assert [(etree.QName(e).localname, e.text) for e in received] == [
        ("persName", "Boris Example"), ("persName", "Vera"), ("placeName", "Tver"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("subtype", "uri", "ref"),
    [
        ("Wikidata", "Mao", None),
        ("gnd", "Mao", None),
        ("gnd", "http://d-nb.info/gnd/118540237", None),
        ("gnd", "https://d-nb.info/gnd/118540238", "http://d-nb.info/gnd/118540238"),
        ("viaf", "http://viaf.org/viaf/24602065", "http://viaf.org/viaf/24602065"),
        ("wikidata", "http://www.wikidata.org/entity/Q1", None),
    ],
    ids=["wikidata-capital-name", "name-as-gnd", "gnd-check-digit", "https-gnd", "viaf", "wikidata"],
)
def test_only_well_formed_ids_correspsearch_indexes_are_sent(
    tmp_path: Path, subtype: str, uri: str, ref: str | None
) -> None:
    path = write_letter(tmp_path, "a")
    text = path.read_text(encoding="utf-8")
    start = text.index('<idno type="URI" subtype="wikidata" source="https://example.org/a">')
    end = text.index("</person>", start)
    idno = f'<idno type="URI" subtype="{subtype}" source="https://example.org/a">{uri}</idno>'
    path.write_text(text[:start] + idno + text[end:], encoding="utf-8")
    sent = cmif_document([read_tei(path).root], HEADER).find(".//tei:correspAction[@type='sent']/tei:persName", NS)
    assert sent is not None and sent.get("ref") == ref


@pytest.mark.parametrize("check", ["cmif/cmif.sch", f"{CS_CHECK}/cmif.sch", "cmif/cmi-customization.rng",
                                   f"{CS_CHECK}/cmi-customization.rng"])  # fmt: skip
def test_built_cmif_passes_correspsearch_and_the_sig(check: str) -> None:
    """``out/cmif.xml``, which the build test keeps equal to a fresh build, as correspSearch receives it."""
    findings = list(load_validator(require_shared(check)).iter_errors(etree.parse(str(REPO / "out" / "cmif.xml"))))
    assert findings == []


def test_built_cmif_sends_every_indexed_id_of_a_correspondent(register: Register) -> None:
    """Every person or place in a correspDesc with a GND, VIAF or GeoNames id in the register has it as @ref."""
    root = etree.parse(str(REPO / "out" / "cmif.xml")).getroot()
    for name in root.iterfind(".//tei:correspAction/*", NS):
        local = etree.QName(name).localname
        if local in ("persName", "placeName"):
            kind = "person" if local == "persName" else "place"
            entries = [e for e in register.of_kind(kind) if e.name == name.text]
            held = [a for e in entries for a in e.authorities if a.scheme in INDEXED[kind]]
            assert (name.get("ref") is not None) == bool(held), name.text
