"""Bad input through ``build``, ``convert`` and ``render``: a clear message naming the file (and line),
the right exit code, no traceback, no partial output, and the other files still processed."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from tei_encode.cli import main
from tei_encode.enrichers.names.index import morph

GOOD = "Letter from A. B. Sample to C. D. Example.\n\nMarch 3, 1921.\n\nThe work goes on.\n"
TEI = "{http://www.tei-c.org/ns/1.0}"


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def make_corpus(root: Path, bad: bytes, name: str = "bad.txt") -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / name).write_bytes(bad)
    return corpus


def build(corpus: Path, out: Path, *extra: str) -> Result:
    return run("build", str(corpus), "-o", str(out), "-j", "1", *extra)


def body_text(path: Path) -> str:
    root = etree.parse(str(path)).getroot()
    return "".join(root.find(f"{TEI}text").itertext())


def leftovers(out: Path) -> list[str]:
    """Temporary files a write left behind (names of write_atomic's temporary files start with a dot)."""
    return [p.name for p in out.rglob(".*") if p.name != ".build-state.json"]


REFUSED = [
    ("empty", b"", ":1: error: empty source text"),
    ("blank", b"  \n\t\n", ":1: error: empty source text"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ":3: error: NUL byte: binary data"),
    ("binary-no-nul", b"\xff\xd8\xff\xe0\x10JFIF\x01\x02", ":1: error: not text: binary data"),
    ("cp1251", "Письмо\nтов. Сталину\n".encode("cp1251"), ":1: error: not UTF-8 (byte 0xcf at offset 0)"),
    ("cp1251-hint", "ok\nПисьмо Сталину\n".encode("cp1251"), ":2: error: not UTF-8 (byte 0xcf at offset 3)"),
    ("latin-1", "ok\nthe café of déjà vu\n".encode("latin-1"), ":2: error: not UTF-8 (byte 0xe9 at offset 10)"),
    ("nul", b"ab\ncd\x00ef\n", ":2: error: NUL byte"),
    ("control", b"ab\ncd\x01ef\n", ":2:3: error: control character U+0001 is not allowed in XML 1.0"),
    ("escape", b"line\n\nx\x1b[0m\n", ":3:2: error: control character U+001B"),
    ("noncharacter", "a\nb\ufffe\n".encode(), ":2:2: error: character U+FFFE is not allowed in XML 1.0"),
    ("bad-utf16", codecs.BOM_UTF16_LE + b"a\x00b", ":1: error: not valid UTF-16-LE despite its byte-order mark"),
]


@pytest.mark.parametrize(("content", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_build_refuses_bad_source_and_builds_the_others(tmp_path: Path, content: bytes, message: str) -> None:
    corpus = make_corpus(tmp_path, content)
    out = tmp_path / "out"
    result = build(corpus, out)
    assert result.exit_code == 2
    assert f"corpus/bad.txt{message}" in result.output
    assert "1 source not converted" in result.output
    assert sorted(p.name for p in (out / "tei").iterdir()) == ["good.xml"]
    assert not list((out / "html").glob("bad*"))
    assert leftovers(out) == []


def test_legacy_encodings_are_named_not_guessed(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, "Письмо тов. Сталину\n".encode("cp1251"))
    (corpus / "latin.txt").write_bytes("the café of déjà vu\n".encode("latin-1"))
    result = build(corpus, tmp_path / "out")
    assert "corpus/bad.txt:1: error: not UTF-8" in result.output and "Windows-1251 (Cyrillic)" in result.output
    assert "iconv -f cp1251 -t utf-8" in result.output
    assert "corpus/latin.txt:1: error: not UTF-8" in result.output and "Latin-1" in result.output
    assert [p.name for p in (tmp_path / "out" / "tei").iterdir()] == ["good.xml"]


@pytest.mark.parametrize(("content", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_convert_refuses_bad_source_and_converts_the_others(tmp_path: Path, content: bytes, message: str) -> None:
    corpus = make_corpus(tmp_path, content)
    out = tmp_path / "out"
    result = run("convert", str(corpus / "bad.txt"), str(corpus / "good.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert f"{corpus / 'bad.txt'}{message}" in result.output
    assert [p.name for p in out.iterdir()] == ["good.xml"]


ACCEPTED = [
    ("utf-8-bom", codecs.BOM_UTF8 + "Письмо в Москву.\n".encode(), "Письмо в Москву."),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + "Письмо в Москву.\r\n".encode("utf-16-le"), "Письмо в Москву."),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + "Письмо в Москву.\n".encode("utf-16-be"), "Письмо в Москву."),
    ("crlf", b"First line\r\nsecond line\r\n\r\nNext paragraph.\r\n", "Next paragraph."),
    ("old-mac", b"First line\rsecond line\r\rNext paragraph.\r", "Next paragraph."),
    ("unbalanced-strike", b"We ~~struck out and never closed.\n", "We ~~struck out and never closed."),
    ("unclosed-insertion", b"Above ^{the line and never closed.\n", "Above ^{the line and never closed."),
    ("stray-closing", b"Text } and ~ and ^ and ** alone.\n", "Text } and ~ and ^ and ** alone."),
    ("xml-specials", b"a < b && c > d ]]> e <!-- f --> &amp; <TEI/>\n", "a < b && c > d ]]> e <!-- f --> &amp; <TEI/>"),
]


@pytest.mark.parametrize(("content", "kept"), [c[1:] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_build_accepts_and_keeps_every_character(tmp_path: Path, content: bytes, kept: str) -> None:
    corpus = make_corpus(tmp_path, content)
    out = tmp_path / "out"
    result = build(corpus, out)
    assert result.exit_code == 0, result.output
    text = body_text(out / "tei" / "bad.xml")
    assert kept in text
    assert "\r" not in (out / "tei" / "bad.xml").read_text(encoding="utf-8")
    assert (out / "html" / "bad.html").is_file()


NESTED = [
    ("del-in-add", "Text ^{with ~~struck~~ inside} end.", ["struck", "with", "inside"]),
    ("add-in-del", "Text ~~struck ^{added} more~~ end.", ["struck", "added", "more"]),
    ("crossing", "Text ~~a ^{b~~ c} end.", ["a", "b", "c"]),
    ("bold-around", "Text **bold ~~struck~~ bold** end.", ["bold", "struck"]),
    ("deep", "x " + "^{" * 50 + "core" + "}" * 50 + " y", ["core"]),
]


@pytest.mark.parametrize(("source", "words"), [c[1:] for c in NESTED], ids=[c[0] for c in NESTED])
def test_nested_markers_give_valid_tei_keeping_the_text(tmp_path: Path, source: str, words: list[str]) -> None:
    corpus = make_corpus(tmp_path, (source + "\n").encode())
    out = tmp_path / "out"
    result = build(corpus, out)
    assert result.exit_code == 0, result.output
    text = body_text(out / "tei" / "bad.xml").lstrip()  # the text element's own indentation first
    assert all(word in text for word in words)
    assert text.startswith("Text") or text.startswith("x")


def test_twenty_megabyte_single_line_is_refused_quickly(tmp_path: Path) -> None:
    line = ("The committee met in the district and decided nothing. " * 400_000)[:20_000_000]
    corpus = make_corpus(tmp_path, b"Title\n\n" + line.encode() + b"\n")
    out = tmp_path / "out"
    started = time.monotonic()
    result = build(corpus, out)
    assert time.monotonic() - started < 60
    assert result.exit_code == 2
    assert "corpus/bad.txt:3: error: a line of more than 1,000,000 characters" in result.output
    assert sorted(p.name for p in (out / "tei").iterdir()) == ["good.xml"]


def test_long_lines_below_the_limit_are_converted(tmp_path: Path) -> None:
    line = ("The committee met in Verkhnedonsk and decided nothing. " * 2_000)[:100_000]
    corpus = make_corpus(tmp_path, line.encode() + b"\n")
    out = tmp_path / "out"
    result = build(corpus, out)
    assert result.exit_code == 0, result.output
    text = body_text(out / "tei" / "bad.xml")
    assert "".join(text.split()) == "".join(line.split())


def test_directory_with_thousands_of_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    count = 2000
    for n in range(count):
        (corpus / f"note-{n:05d}.txt").write_text(f"Note {n} from Verkhnedonsk.\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run("build", str(corpus), "-o", str(out), "-j", "2")
    assert result.exit_code == 2
    assert "corpus/empty.txt:1: error: empty source text" in result.output
    assert f"{count} documents" in result.output
    assert len(list((out / "tei").iterdir())) == count
    assert "Note 1999 from" in body_text(out / "tei" / "note-01999.xml")


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def build_unprivileged(corpus: Path, out: Path) -> tuple[int, str]:
    """``build`` as a user without privileges: as root, in a forked child that has given them up
    (root reads and writes whatever the permissions say), else in this process."""
    if not running_as_root():
        result = build(corpus, out)
        return result.exit_code, result.output
    morph()  # load what the child needs while files under root's home can still be read
    build(make_corpus(Path(tempfile.mkdtemp()), GOOD.encode()), Path(tempfile.mkdtemp()) / "out")
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: give up root, build, report, leave without running pytest's teardown
        code = 70
        try:
            os.close(reader)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            result = build(corpus, out)
            os.write(writer, json.dumps([result.exit_code, result.output]).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, data
    exit_code, output = json.loads(data)
    return exit_code, output


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A directory another user may work in (pytest's own are root's alone when tests run as root)."""
    directory = Path(tempfile.mkdtemp(prefix="tei-encode-"))
    directory.chmod(0o777)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def test_unreadable_source(shared_tmp: Path) -> None:
    corpus = make_corpus(shared_tmp, GOOD.encode())
    corpus.chmod(0o777)
    (corpus / "bad.txt").chmod(0)
    exit_code, output = build_unprivileged(corpus, shared_tmp / "out")
    assert exit_code == 2
    assert "corpus/bad.txt: error: cannot read: Permission denied" in output
    assert [p.name for p in (shared_tmp / "out" / "tei").iterdir()] == ["good.xml"]


def test_output_that_is_a_file(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, GOOD.encode())
    out = tmp_path / "out"
    out.write_text("not a directory\n")
    result = build(corpus, out)
    assert result.exit_code == 2
    assert f"'{out}' is a file" in result.output
    assert out.read_text() == "not a directory\n"


def test_output_subdirectory_that_is_a_file(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, GOOD.encode())
    out = tmp_path / "out"
    out.mkdir()
    (out / "tei").write_text("in the way\n")
    result = build(corpus, out)
    assert result.exit_code == 2
    assert f"tei-encode: error: {out / 'tei'}: cannot write: File exists" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["tei"]


def test_output_directory_not_writable(shared_tmp: Path) -> None:
    corpus = make_corpus(shared_tmp, GOOD.encode())
    out = shared_tmp / "out"
    out.mkdir()
    out.chmod(0o555)
    exit_code, output = build_unprivileged(corpus, out)
    assert exit_code == 2
    assert "cannot write: Permission denied" in output
    assert list(out.iterdir()) == []


HOSTILE = [
    (
        "xxe-local-file",
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>\n',
    ),
    (
        "xxe-network",
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>\n',
    ),
    (
        "billion-laughs",
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY a "lol">'
        + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
        + ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&j;</p></body></text></TEI>\n',
    ),
    (
        "external-dtd",
        '<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>\n',
    ),
    (
        "deep-nesting",
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        + "<div>" * 100_000
        + "</div>" * 100_000
        + "</body></text></TEI>\n",
    ),
]


@pytest.mark.parametrize("xml", [c[1] for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_render_refuses_hostile_xml(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(xml, encoding="utf-8")
    out = tmp_path / "html"
    started = time.monotonic()
    result = run("render", str(path), "-o", str(out))
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert f"{path}" in result.output
    assert "root:" not in result.output
    assert not (out / "hostile.html").exists()


@pytest.mark.parametrize("xml", [c[1] for c in HOSTILE[:4]], ids=[c[0] for c in HOSTILE[:4]])
def test_build_refuses_hostile_register(tmp_path: Path, xml: str) -> None:
    corpus = make_corpus(tmp_path, GOOD.encode())
    (corpus / "register").mkdir()
    (corpus / "register" / "persons.xml").write_text(xml, encoding="utf-8")
    out = tmp_path / "out"
    result = build(corpus, out)
    assert result.exit_code == 2
    assert "corpus/register/persons.xml" in result.output
    assert not (out / "tei").exists() or not list((out / "tei").iterdir())


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, b"")
    result = build(corpus, tmp_path / "out")
    lines = result.output.splitlines()
    assert lines[0] == "corpus/bad.txt:1: error: empty source text"
    assert lines[-1].startswith("1 document (2 sources converted, 0 unchanged), ")
    assert all(": error: " in line or ": warning: " in line for line in lines[:-1])
