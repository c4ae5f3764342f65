"""A large file read in two halves at once (``halves.py``): the first error and verdict of one reading.

Files of a few hundred KB stand in for large ones (``HALVES_MB`` set to 0): each is streamed with a
core to spare and without, and the findings must be the same, line, column, message and path;
where the halves tell the first error, it is the one a single reading meets.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.validate import children as children_model
from tei_encode.validate import excerpt, halves, saxon, stream, unique
from tei_encode.validate.excerpt import Segments
from tei_encode.validate.libxml2 import CompiledGrammar, StreamError
from tei_encode.validate.rngnodes import RNG_NS
from tei_encode.validate.run import validate_files, validator_for
from tei_encode.validate.stream import ENVIRONMENT, stream_findings
from tests.conftest import require_shared
from tests.validate.test_stream import FIXTURES, generated

VALID = (FIXTURES / "valid-nested-divs-with-head.xml").read_text(encoding="utf-8")
START, END = VALID.index("<body>") + len("<body>"), VALID.index("</body>")
DIV = VALID[START:END]
UNKNOWN = "<persNme>x</persNme>"


@pytest.fixture
def tei_all() -> Path:
    return require_shared("tei-p5/tei_all.rng")


@pytest.fixture(autouse=True)
def small_files_are_halved(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(halves, "HALVES_MB", 0)
    yield


def _file(folder: Path, body: str, name: str = "big.xml") -> Path:
    path = folder / name
    path.write_text(VALID[:START] + body + VALID[END:], encoding="utf-8")
    return path


def _inserted(body: str, fraction: float, text: str = UNKNOWN) -> str:
    """``text`` before the first ``<p`` from ``fraction`` of the body on."""
    at = body.index("<p", int(len(body) * fraction))
    return body[:at] + text + body[at:]


def _verdicts(path: Path, tei_all: Path) -> tuple[list[StreamError] | None, StreamError | None]:
    """What the halves tell, and the first error of one reading, with the same grammar."""
    validator = validator_for(tei_all)
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        vocabulary = stream._vocabulary(validator, handle, size)
        compiled = stream._compiled(validator, vocabulary, str(path))
        halved = halves.Halves((compiled, validator._pruned(vocabulary)), path, (handle, size, "utf-8"), str(path))
        try:
            told = halved.next_error(compiled, handle, [(0, size)], str(path), int)
        finally:
            halved.close()
        once = compiled.first_error(Segments(handle, [(0, size)]).read, str(path))
    return told, once


def _both_ways(path: Path, tei_all: Path) -> tuple[list[object] | None, list[object] | None]:
    validator = validator_for(tei_all)
    with halves.spare_core(True):
        halved = stream_findings(path, [validator], str(path))
    once = stream_findings(path, [validator], str(path))
    return halved, once


@pytest.mark.parametrize(
    ("where", "decided"),
    [(None, True), (0.3, True), (0.8, True), (0.49, None), (0.51, None)],
    ids=["valid", "first-half", "second-half", "near-the-cut-before", "near-the-cut-after"],
)
def test_the_halves_tell_what_one_reading_does(
    where: float | None, decided: bool | None, tmp_path: Path, tei_all: Path
) -> None:
    body = DIV * 400
    path = _file(tmp_path, body if where is None else _inserted(body, where))
    told, once = _verdicts(path, tei_all)
    if decided:
        assert told == ([] if once is None else [once])
    else:  # the element after the cut or close to it: told exactly, or left to one reading
        assert told is None or told == [once]
    halved, one = _both_ways(path, tei_all)
    assert halved == one
    assert (one == []) == (where is None)


@pytest.mark.parametrize("far", [False, True], ids=["siblings-kept", "siblings-cut"])
def test_a_file_with_errors_everywhere_gets_the_same_findings(
    far: bool, tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if far:  # the parts read on after each error are the child's too: it reads on after its errors
        monkeypatch.setattr(excerpt, "_CONTEXT", 0)
    path = generated(tmp_path, copies=800)
    halved, once = _both_ways(path, tei_all)
    assert once and halved == once


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.floats(min_value=0.0, max_value=0.99),
    second=st.one_of(st.none(), st.floats(min_value=0.0, max_value=0.99)),
    attribute=st.booleans(),
)
def test_errors_anywhere_are_those_of_one_reading(
    first: float, second: float | None, attribute: bool, tmp_path: Path, tei_all: Path
) -> None:
    body = _inserted(DIV * 300, first, '<p colour="red">x</p>' if attribute else UNKNOWN)
    if second is not None:
        body = _inserted(body, second)
    path = _file(tmp_path, body)
    told, once = _verdicts(path, tei_all)
    assert once is not None
    assert told is None or told == [once]
    halved, one = _both_ways(path, tei_all)
    assert halved == one and one


def test_a_cut_among_nested_divisions_of_one_name(tmp_path: Path, tei_all: Path) -> None:
    """Divisions of divisions: the cut found near the middle may lie a level deeper than the parent
    found at the start; then the first half is not well-formed and one reading decides."""
    inner = '<div type="section"><p>Text.</p></div>'
    part = '<div type="part">' + inner * 3 + "</div>"
    body = part * 300
    path = _file(tmp_path, body)
    assert _verdicts(path, tei_all)[0] in ([], None)
    assert _both_ways(path, tei_all) == ([], [])
    path = _file(tmp_path, _inserted(body, 0.7), "invalid.xml")
    halved, once = _both_ways(path, tei_all)
    assert once and halved == once


def test_no_cut_without_siblings_of_one_name(tmp_path: Path, tei_all: Path) -> None:
    path = _file(tmp_path, "<div><p>" + "Text. " * 40_000 + "</p></div>")
    with path.open("rb") as handle:
        assert halves.cut(handle, path.stat().st_size) is None
    assert _verdicts(path, tei_all) == (None, None)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<TEI><text><body><div>a</div><div>b", ([b"TEI", b"text", b"body"], 17, b"div")),
        (b"<TEI><text><body><div><p/><p/>", ([b"TEI", b"text", b"body", b"div"], 22, b"p")),
        (b"<TEI><text><body><div><p/></div><div><p/>", ([b"TEI", b"text", b"body"], 17, b"div")),
        (b"<TEI><text><body><div><p/><!-- <p> --><lb/>", None),
        (b"<TEI><text></body>", None),
    ],
    ids=["body", "div", "outermost", "no-run", "not-well-formed"],
)
def test_the_parent_of_the_cut(head: bytes, expected: tuple[list[bytes], int, bytes] | None) -> None:
    assert halves._run_parent(head) == expected


def test_a_run_of_one_process_leaves_a_core_to_the_halves(
    tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One large file and two jobs: one process validates it, and its halves take the second core
    (unless Saxon runs in the process, which does not survive a fork: then no process is forked)."""
    monkeypatch.setattr(saxon, "_SAXON", [])
    seen: list[bool] = []
    applies = halves.applies
    monkeypatch.setattr(halves, "applies", lambda size: seen.append(applies(size)) or seen[-1])
    monkeypatch.setenv(ENVIRONMENT, "0")
    path = _file(tmp_path, _inserted(DIV * 400, 0.8))
    two = validate_files([path], [tei_all], jobs=2)[str(path)]
    one = validate_files([path], [tei_all], jobs=1)[str(path)]
    assert two == one and one
    assert seen[0] is True and seen[-1] is False


def test_after_the_first_error_the_second_halfs_error_is_the_next(tmp_path: Path, tei_all: Path) -> None:
    """Reading on after an error in the first half (here: from a division after it, behind <body>'s start
    tag), the halves tell the next error, met by the child in the second half: where one reading meets it."""
    body = _inserted(_inserted(DIV * 400, 0.8), 0.3)
    path = _file(tmp_path, body)
    validator = validator_for(tei_all)
    data = path.read_bytes()
    opened = data.index(b"<body>") + len(b"<body>")
    after = data.index(b'<div type="part">', int(len(data) * 0.35))
    parts: list[bytes | tuple[int, int]] = [(0, opened), b"\n", (after, len(data))]
    skipped = data[opened:after].count(b"\n")

    def to_file(line: int) -> int:
        return line if line <= data[:opened].count(b"\n") + 1 else line + skipped - 1

    with path.open("rb") as handle:
        vocabulary = stream._vocabulary(validator, handle, len(data))
        compiled = stream._compiled(validator, vocabulary, str(path))
        once = compiled.first_error(Segments(handle, list(parts)).read, str(path))
        grammars = (compiled, validator._pruned(vocabulary))
        halved = halves.Halves(grammars, path, (handle, len(data), "utf-8"), str(path))
        try:
            first = halved.next_error(compiled, handle, [(0, len(data))], str(path), int)
            assert not halved.heard
            told = halved.next_error(compiled, handle, list(parts), str(path), to_file)
            assert halved.heard
        finally:
            halved.close()
    assert first and first[0].line < data[: len(data) // 2].count(b"\n")
    assert once is not None and told == [dataclasses.replace(once, line=to_file(once.line))]
    assert told[0].line == data[: data.index(b"<persNme>", after)].count(b"\n") + 1


def test_without_a_process_to_fork_the_file_is_read_in_order(
    tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(tmp_path, _inserted(DIV * 400, 0.8))
    once = _both_ways(path, tei_all)[1]

    def refused() -> int:
        raise BlockingIOError("fork: resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    assert _verdicts(path, tei_all)[0] is None
    assert _both_ways(path, tei_all)[0] == once and once


def test_the_child_reads_on_after_the_second_halfs_errors(
    tmp_path: Path, tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Errors at a third, at two thirds and near the end: this process reads the first half (to its error)
    and on to the element after the cut; the child the rest, its two errors and after them. (Where the
    siblings before an error's element are kept, as in a file this small, the parts read after it hold
    the first half's cuts too, which the child does not know: then this process reads on itself.)"""
    monkeypatch.setattr(excerpt, "_CONTEXT", 0)
    body = _inserted(_inserted(_inserted(DIV * 400, 0.9), 0.66, '<p colour="red">x</p>'), 0.33)
    path = _file(tmp_path, body)
    once = _both_ways(path, tei_all)[1]
    readings: list[int] = []
    reading = CompiledGrammar.first_error

    def counted(grammar: CompiledGrammar, read: Callable[[int], bytes], label: str) -> StreamError | None:
        readings.append(os.getpid())
        return reading(grammar, read, label)

    monkeypatch.setattr(CompiledGrammar, "first_error", counted)
    halved = _both_ways(path, tei_all)[0]
    assert once is not None and len(once) == 3 and halved == once
    here = readings.count(os.getpid())
    assert here == 2 + 4, "halved: the first half and on to the cut; then in order: the whole file and three more"


@pytest.mark.parametrize(
    ("patterns", "one_each"),
    [
        ('<element name="div"><empty/></element><element name="p"><text/></element>', True),
        ('<element name="div"><empty/></element><element name="tei:div"><text/></element>', False),
        ('<element><anyName/><empty/></element><element name="p"><text/></element>', False),
    ],
    ids=["one-each", "two-of-one-name", "any-name"],
)
def test_grammars_telling_elements_of_one_name_apart_are_not_cut(patterns: str, one_each: bool) -> None:
    grammar = etree.fromstring(
        f'<grammar xmlns="{RNG_NS}"><start><choice>{patterns}</choice></start></grammar>'
    ).getroottree()
    assert halves.one_pattern_each(grammar) is one_each


def test_tei_all_pruned_to_a_files_names_has_one_pattern_a_name(tmp_path: Path, tei_all: Path) -> None:
    path = _file(tmp_path, DIV * 10)
    validator = validator_for(tei_all)
    with path.open("rb") as handle:
        vocabulary = stream._vocabulary(validator, handle, path.stat().st_size)
    assert halves.one_pattern_each(validator._pruned(vocabulary))
    assert not halves.one_pattern_each(validator.grammar)  # its patterns for any name (egXML's content)


def test_an_id_used_on_both_sides_of_the_cut_is_found(tmp_path: Path, tei_all: Path) -> None:
    """Neither half holds both uses: the halves are not trusted, and one reading finds the repeat."""
    twice = '<p xml:id="dupx">x</p>'
    path = _file(tmp_path, _inserted(_inserted(DIV * 400, 0.9, twice), 0.1, twice))
    assert _verdicts(path, tei_all)[0] is None
    halved, once = _both_ways(path, tei_all)
    assert halved == once is None  # a repeated xml:id is worded from the tree
    findings = validate_files([path], [tei_all], jobs=1)[str(path)]
    assert [d.code for d in findings] == ["duplicate-id"] and 'xml:id "dupx" is already used' in findings[0].message


@pytest.mark.parametrize(
    ("markup", "none"),
    [
        (b'<a xml:id="x1"/><a xml:id="x2"/>', True),
        (b"<a xml:id=\"x1\"/><a xml:id = 'x1'/>", False),
        (b'<a xml:id="x1"/><!-- <a xml:id="x1"/> -->', False),  # a comment counts: no proof, read in order
        (b'<a xml:id="&#120;1"/><a xml:id="x1"/>', False),
        (b'<a n=\' xml:id="\' xml:id="x1"/><a xml:id="x1"/>', False),  # a match over a real use
        (b'<a xml:id=" x1"/><a xml:id="x1"/>', False),
    ],
    ids=["distinct", "repeated", "in-a-comment", "reference", "swallowed", "blank"],
)
@pytest.mark.parametrize("block", [40, 8 * 1024 * 1024], ids=["small-blocks", "one-block"])
def test_the_scan_for_repeated_ids(
    markup: bytes, none: bool, block: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(unique, "_BLOCK", block)  # a use is never cut between two blocks
    path = tmp_path / "ids.xml"
    path.write_bytes(b"<r>" + markup + b"</r>")
    with path.open("rb") as handle:
        assert unique.repeats_none(handle, path.stat().st_size, [b"xml:id"]) is none


def test_tei_all_types_xml_id_alone_as_id(tei_all: Path) -> None:
    assert unique.id_attributes(validator_for(tei_all).grammar) == [b"xml:id"]


def _grammar(folder: Path, content: str) -> Path:
    """A grammar whose root ``r`` has ``content``, over empty ``a`` and ``c`` and ``x`` holding text."""
    path = folder / "children.rng"
    path.write_text(
        f'<grammar xmlns="{RNG_NS}"><start><element name="r">{content}</element></start>'
        '<define name="a"><element name="a"><empty/></element></define>'
        '<define name="c"><element name="c"><empty/></element></define>'
        '<define name="x"><element name="x"><text/></element></define></grammar>',
        encoding="utf-8",
    )
    return path


X = '<ref name="x"/>'


@pytest.mark.parametrize(
    ("content", "children"),
    [
        (f"{X}<optional>{X}</optional><optional>{X}</optional>", "<x>a</x><x>{}</x><x>c</x><x>d</x>"),
        (
            f'<choice><group><ref name="a"/><zeroOrMore>{X}</zeroOrMore></group>'
            f'<group><zeroOrMore>{X}</zeroOrMore><ref name="c"/></group></choice>',
            "<a/><x>a</x><x>{}</x><x>c</x><c/>",
        ),
    ],
    ids=["bounded", "branches"],
)
def test_children_a_model_does_not_accept_cut_in_two_are_read_in_order(
    content: str, children: str, tmp_path: Path
) -> None:
    """Each half is valid, the file is not: the model is found not to accept its children cut there."""
    grammar = _grammar(tmp_path, content)
    path = tmp_path / "children.xml"
    path.write_text("<r>" + children.format("long " * 20_000) + "</r>", encoding="utf-8")
    validator = validator_for(grammar)
    with path.open("rb") as handle:
        pruned = validator._pruned(stream._vocabulary(validator, handle, path.stat().st_size))
        found = halves.cut(handle, path.stat().st_size)
    assert not children_model.synchronizing(pruned, "r", "x")
    assert found is not None and found[3] == ("r", "x")
    with halves.spare_core(True):
        halved = stream_findings(path, [validator], str(path))
    once = stream_findings(path, [validator], str(path))
    assert halved == once  # the findings, or None for both: worded from the tree
    assert validate_files([path], [grammar], jobs=1)[str(path)]


def test_tei_bodies_and_divisions_accept_their_children_cut(tmp_path: Path, tei_all: Path) -> None:
    path = _file(tmp_path, DIV * 10)
    validator = validator_for(tei_all)
    with path.open("rb") as handle:
        pruned = validator._pruned(stream._vocabulary(validator, handle, path.stat().st_size))
    assert children_model.synchronizing(pruned, "body", "div")
    assert children_model.synchronizing(pruned, "div", "p")


@pytest.mark.parametrize(
    ("attributes", "names"),
    [
        ("", [b"xml:id"]),
        ('<attribute name="id"><data type="ID"/></attribute>', [b"id", b"xml:id"]),
        ('<attribute name="target"><data type="IDREF"/></attribute>', None),
        ('<attribute name="id" ns="urn:other"><data type="ID"/></attribute>', None),
        ('<attribute><anyName/><data type="ID"/></attribute>', None),
    ],
    ids=["none-declared", "id", "references", "other-namespace", "any-name"],
)
def test_the_attributes_scanned_for_repeats(attributes: str, names: list[bytes] | None) -> None:
    grammar = etree.fromstring(
        f'<grammar xmlns="{RNG_NS}"><start><element name="r">{attributes}<empty/></element></start></grammar>'
    ).getroottree()
    assert unique.id_attributes(grammar) == names


def test_a_scan_meeting_no_markup_for_a_whole_block_proves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(unique, "_BLOCK", 40)
    path = tmp_path / "text.xml"
    path.write_bytes(b'<r><a xml:id="x1">' + b"text " * 20 + b'</a><a xml:id="x2"/></r>')
    with path.open("rb") as handle:
        assert not unique.repeats_none(handle, path.stat().st_size, [b"xml:id"])
    monkeypatch.setattr(unique, "_BLOCK", 1024)
    with path.open("rb") as handle:
        assert unique.repeats_none(handle, path.stat().st_size, [b"xml:id"])
