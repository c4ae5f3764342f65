"""Large files validated while streaming (``stream.py``): the verdict and findings of the whole tree.

``$TEI_ENCODE_STREAM_MB=0`` streams every file, so the fixtures and a generated file of a few
hundred KB with errors in many places are checked both ways; the findings must be the same
(line, column, message), whether the streaming path explained them from excerpts or gave the
file back to the tree path.
"""

from __future__ import annotations

import ctypes.util
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.cli import main
from tei_encode.diagnostics import Diagnostic
from tei_encode.errors import TeiEncodeError
from tei_encode.validate import excerpt, libxml2, stream
from tei_encode.validate.libxml2 import LibraryMissing
from tei_encode.validate.run import validate_files, validator_for
from tei_encode.validate.stream import ENVIRONMENT, is_large, scan_vocabulary, stream_findings
from tei_encode.validate.vocabulary import Vocabulary, vocabulary_of
from tei_encode.xmlio import parse_file
from tests.conftest import require_shared
from tests.validate.test_hostile import HOSTILE

FIXTURES = Path(__file__).parent / "fixtures"
# Fixtures whose error lies inside a <div> of the body: repeated among valid divs in the generated file.
IN_DIVS = [
    "add-with-bad-hand-pointer",
    "attribute-not-allowed",
    "bad-cert-value",
    "bad-when-date",
    "gap-with-bad-quantity",
    "head-after-p-in-div",
    "lb-with-content",
    "misspelt-attribute-wehn",
    "misspelt-element-persnme",
    "p-inside-p",
    "unknown-element-in-p",
]


@pytest.fixture
def tei_all() -> Path:
    return require_shared("tei-p5/tei_all.rng")


def _found(findings: list[Diagnostic]) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.message, d.code) for d in findings]


def _unpositioned(path: str) -> str:
    """A path without the position of the element a streamed finding was cut out with (``div[?]``)."""
    return re.sub(r"\[(\d+|\?)\]", "", path)


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("<body>") + len("<body>") : text.index("</body>")]


def generated(folder: Path, copies: int = 1600) -> Path:
    """A TEI file of a few hundred KB: valid divisions, the erroneous ones of ``IN_DIVS`` among them."""
    valid = (FIXTURES / "valid-nested-divs-with-head.xml").read_text(encoding="utf-8")
    start, end = valid.index("<body>") + len("<body>"), valid.index("</body>")
    good = valid[start:end]
    parts = []
    for number in range(copies):
        parts.append(good)
        if number % 40 == 7:
            parts.append(_body(FIXTURES / f"{IN_DIVS[(number // 40) % len(IN_DIVS)]}.xml"))
        if number % 197 == 3:  # two erroneous divisions in a row
            parts += [_body(FIXTURES / "unknown-element-in-p.xml"), _body(FIXTURES / "bad-cert-value.xml")]
    path = folder / "generated.xml"
    path.write_text(valid[:start] + "".join(parts) + valid[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.xml")), ids=lambda p: p.stem)
def test_fixtures_get_the_same_findings_streamed(fixture: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_tree = validate_files([fixture], [tei_all])[str(fixture)]
    monkeypatch.setenv(ENVIRONMENT, "0")
    streamed = validate_files([fixture], [tei_all])[str(fixture)]
    assert _found(streamed) == _found(as_tree)


@pytest.mark.parametrize("cut", [False, True], ids=["siblings-kept", "siblings-cut"])
def test_a_generated_file_with_errors_gets_the_findings_of_its_tree(
    cut: bool, tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Errors in many divisions: the findings of the tree, with every position in their paths when the
    divisions before each one are kept in its excerpt, without the cut one's when they are not."""
    if cut:
        monkeypatch.setattr(excerpt, "_CONTEXT", 0)
    path = generated(tmp_path)
    assert 200_000 < path.stat().st_size < 1_000_000
    as_tree = validate_files([path], [tei_all])[str(path)]
    assert len(as_tree) >= 16 + 2 * 4
    streamed = stream_findings(path, [validator_for(tei_all)], str(path))
    assert streamed is not None, "explained from excerpts, not given back to the tree path"
    assert _found(streamed) == _found(as_tree)
    if cut:
        assert [_unpositioned(d.path) for d in streamed] == [_unpositioned(d.path) for d in as_tree]
        assert all("/div[?]/" in d.path for d in streamed)
    else:
        assert [d.path for d in streamed] == [d.path for d in as_tree]
    monkeypatch.setenv(ENVIRONMENT, "0")
    assert _found(validate_files([path], [tei_all])[str(path)]) == _found(as_tree)


def test_units_of_different_parents_far_apart(tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown element cut out of <body>'s divisions, then a bad attribute cut out of a division's
    paragraphs (the large files of bench/validate.py in small): the second resumes behind another parent."""
    monkeypatch.setattr(excerpt, "_CONTEXT", 0)
    valid = (FIXTURES / "valid-nested-divs-with-head.xml").read_text(encoding="utf-8")
    body = _body(FIXTURES / "valid-nested-divs-with-head.xml")
    data = valid.replace(body, body * 300)
    cut = data.index("<p", len(data) // 2)
    data = data[:cut] + "<persNme>x</persNme>" + data[cut:]
    cut = data.index("<p", len(data) * 3 // 4)
    data = data[:cut] + '<p colour="red">x</p>' + data[cut:]
    path = tmp_path / "two-errors.xml"
    path.write_text(data, encoding="utf-8")
    as_tree = validate_files([path], [tei_all])[str(path)]
    streamed = stream_findings(path, [validator_for(tei_all)], str(path))
    assert streamed is not None and len(as_tree) == 2
    assert _found(streamed) == _found(as_tree)
    assert [d.path for d in streamed] == ["/TEI/text/body/div[?]/div/persNme", "/TEI/text/body/div[?]/div[?]/p[?]"]


def test_a_valid_file_streamed_has_no_finding(tmp_path: Path, tei_all: Path) -> None:
    valid = (FIXTURES / "valid-nested-divs-with-head.xml").read_text(encoding="utf-8")
    body = _body(FIXTURES / "valid-nested-divs-with-head.xml")
    path = tmp_path / "valid.xml"
    path.write_text(valid.replace(body, body * 500), encoding="utf-8")
    assert stream_findings(path, [validator_for(tei_all)], str(path)) == []


def test_names_beyond_the_beginning_are_checked_against_the_whole_grammar(
    tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name first used past the speculative beginning: valid with it, and its errors are the tree's."""
    monkeypatch.setattr(stream, "_SPECULATE", 4096)
    valid = (FIXTURES / "valid-nested-divs-with-head.xml").read_text(encoding="utf-8")
    body = _body(FIXTURES / "valid-nested-divs-with-head.xml")
    late = body * 60 + '<div type="late"><p>A <persName ref="#someone">person</persName>.</p></div>' + body
    path = tmp_path / "late.xml"
    path.write_text(valid.replace(body, late), encoding="utf-8")
    assert stream_findings(path, [validator_for(tei_all)], str(path)) == []
    path.write_text(valid.replace(body, late.replace('ref="#someone"', 'ref="#someone" cert="sure"')), "utf-8")
    as_tree = validate_files([path], [tei_all])[str(path)]
    streamed = stream_findings(path, [validator_for(tei_all)], str(path))
    assert streamed is not None and _found(streamed) == _found(as_tree) and as_tree


def test_without_libxml2_the_tree_is_validated(tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = generated(tmp_path, copies=60)
    as_tree = validate_files([path], [tei_all])[str(path)]

    def missing() -> None:
        raise LibraryMissing("lxml's libxml2 cannot be loaded")

    monkeypatch.setattr(stream, "library", missing)
    assert stream_findings(path, [validator_for(tei_all)], str(path)) is None
    monkeypatch.setenv(ENVIRONMENT, "0")
    assert _found(validate_files([path], [tei_all])[str(path)]) == _found(as_tree)


def test_the_stream_is_read_by_lxmls_own_libxml2() -> None:
    """One libxml2 for the tree and the stream: the version the binding runs is the one lxml reports."""
    major, minor, micro = etree.LIBXML_VERSION
    version = ctypes.c_char_p.in_dll(libxml2.library(), "xmlParserVersion").value
    assert version == f"{major}{minor:02d}{micro:02d}".encode()


@pytest.mark.parametrize(
    ("library", "message"),
    [("libxml2-that-is-not-there.so.2", "libxml2-that-is-not-there"), (ctypes.util.find_library("c"), "lacks")],
    ids=["missing", "without-the-text-reader"],
)
def test_a_library_that_cannot_be_loaded_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, library: str, message: str
) -> None:
    libxml2.library.cache_clear()
    monkeypatch.setattr(libxml2, "etree", type("Module", (), {"__file__": library}))
    try:
        with pytest.raises(LibraryMissing, match=message):
            libxml2.library()
    finally:
        monkeypatch.undo()
        libxml2.library.cache_clear()


def test_other_schemas_than_relax_ng_need_the_tree(tmp_path: Path) -> None:
    path = tmp_path / "letter.xml"
    path.write_text((FIXTURES / "valid-minimal-letter.xml").read_text(encoding="utf-8"), encoding="utf-8")
    schematron = validator_for(require_shared("tei-p5/tei_all.isosch"))
    assert stream_findings(path, [schematron], str(path)) is None


@pytest.mark.parametrize(
    ("value", "large"), [("0", True), ("0.0001", True), ("1", False), ("", False)], ids=["0", "small", "1", "unset"]
)
def test_the_size_from_which_files_stream(
    value: str, large: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "file.xml"
    path.write_bytes(b"<TEI/>" * 100)
    monkeypatch.setenv(ENVIRONMENT, value)
    assert is_large(path) is large


def test_a_size_that_is_not_a_number_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENVIRONMENT, "lots")
    with pytest.raises(TeiEncodeError, match=f"{ENVIRONMENT}='lots'"):
        is_large(tmp_path)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.xml")), ids=lambda p: p.stem)
def test_the_scan_finds_every_name_of_the_document(fixture: Path) -> None:
    with fixture.open("rb") as handle:
        scanned = scan_vocabulary(handle, fixture.stat().st_size)
    try:
        tree = parse_file(fixture)
    except etree.XMLSyntaxError:
        pytest.skip("not parsed by the tree path either")
    assert scanned.covers(exact_vocabulary(tree.getroot()))


def exact_vocabulary(root: etree._Element) -> Vocabulary:
    """The names of a document, with the elements that carry no attribute in it as ``bare``."""
    own = vocabulary_of([root])
    carriers = {e.tag for e in root.iter(etree.Element) if e.attrib}
    return Vocabulary(own.elements, own.attributes, own.elements - carriers)


NAME = st.from_regex(re.compile(r"[a-zA-Z_][a-zA-Z0-9_.-]{0,8}"), fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(NAME, min_size=1, max_size=6),
    attributes=st.lists(NAME, max_size=4),
    prefixed=st.booleans(),
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
)
def test_the_scan_covers_any_document(names: list[str], attributes: list[str], prefixed: bool, text: str) -> None:
    """Whatever the names, namespaces and text of a document, the scan holds every name it uses, and an
    element it takes for bare carries no attribute."""
    namespace = "urn:x-test:ns"
    root = etree.Element(f"{{{namespace}}}{names[0]}", nsmap={"t" if prefixed else None: namespace})
    parent = root
    for index, name in enumerate(names[1:]):
        parent = etree.SubElement(parent, name if len(name) % 2 else f"{{{namespace}}}{name}")
        parent.text = text
        for attribute in attributes if index % 2 else ():  # every other element bare
            parent.set(attribute if len(attribute) % 2 else f"{{{namespace}}}{attribute}", text)
    data = etree.tostring(root, encoding="UTF-8", xml_declaration=True)

    class Source:
        position = 0

        def seek(self, offset: int) -> None:
            self.position = offset

        def read(self, size: int) -> bytes:
            chunk = data[self.position : self.position + size]
            self.position += len(chunk)
            return chunk

    scanned = scan_vocabulary(Source(), len(data))  # type: ignore[arg-type]
    assert scanned.covers(exact_vocabulary(root))


def test_the_command_reports_a_streamed_file_as_a_tree(
    tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = generated(tmp_path, copies=120)
    runner = CliRunner()
    as_tree = runner.invoke(main, ["validate", "--schema", str(tei_all), str(path)])
    monkeypatch.setenv(ENVIRONMENT, "0")
    streamed = runner.invoke(main, ["validate", "--schema", str(tei_all), str(path)])
    assert streamed.exit_code == as_tree.exit_code == 1
    assert streamed.stdout == as_tree.stdout
    assert streamed.stdout.count("\n") >= 4


@pytest.mark.parametrize("attack", sorted(HOSTILE), ids=str)
def test_hostile_files_get_the_same_findings_streamed(
    attack: str, tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A DOCTYPE, deep nesting, a file that is not well-formed: refused as the tree path refuses them."""
    path = tmp_path / f"{attack}.xml"
    path.write_text(HOSTILE[attack][0].replace("{port}", "9"), encoding="utf-8")
    as_tree = validate_files([path], [tei_all])[str(path)]
    monkeypatch.setenv(ENVIRONMENT, "0")
    streamed = validate_files([path], [tei_all])[str(path)]
    assert _found(streamed) == _found(as_tree) and as_tree


def test_a_grammar_libxml2_cannot_compile_is_a_schema_error() -> None:
    with pytest.raises(TeiEncodeError, match="broken.rng: cannot compile RELAX NG schema"):
        libxml2.CompiledGrammar(
            b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start/></grammar>', "broken.rng"
        )


def test_streamed_files_get_their_schemas_from_xml_model(
    tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file's <?xml-model?> is read from its beginning: the same schemas, and the same findings
    for one that names a schema that cannot be used, as when the file is parsed whole."""
    model = '<?xml-model href="{}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    letter = (FIXTURES / "misspelt-element-persnme.xml").read_text(encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a schema", encoding="utf-8")
    files = []
    for name, href in (("project", "urn:x-tei-encode:schema:tei_encode.rng"), ("broken", "notes.txt"), ("none", "")):
        path = tmp_path / f"{name}.xml"
        path.write_text(letter.replace("?>\n", "?>\n" + (model.format(href) if href else ""), 1), encoding="utf-8")
        files.append(path)
    as_tree = validate_files(files)
    monkeypatch.setenv(ENVIRONMENT, "0")
    streamed = validate_files(files)
    assert streamed.schemas == as_tree.schemas and len(set(as_tree.schemas.values())) == 2
    assert {f: _found(d) for f, d in streamed.items()} == {f: _found(d) for f, d in as_tree.items()}


def test_streamed_files_in_worker_processes(tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = generated(tmp_path, copies=300)
    second = first.rename(tmp_path / "first.xml").with_name("second.xml")
    second.write_text(first.with_name("first.xml").read_text(encoding="utf-8"), encoding="utf-8")
    files = [tmp_path / "first.xml", second]
    as_tree = validate_files(files, [tei_all])
    monkeypatch.setenv(ENVIRONMENT, "0")
    streamed = validate_files(files, [tei_all], jobs=2)
    assert {f: _found(d) for f, d in streamed.items()} == {f: _found(d) for f, d in as_tree.items()}
    assert all(as_tree.values())
