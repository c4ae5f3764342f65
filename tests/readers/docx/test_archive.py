"""Hostile and broken Word files: each refused with the file and the part named, fast, with no output written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main
from tei_encode.diagnostics import Reporter
from tei_encode.readers.docx import DocxError, DocxReader, archive

from .package import PKG, REL, docx, p, r

XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
)


def bomb() -> bytes:
    """A Word file whose document part inflates 4 MiB of spaces from a few kilobytes."""
    body = p(r("x")).encode()
    document = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + body
        + b" " * (4 * 1024 * 1024)
        + b"</w:body></w:document>"
    )
    return _replace(docx(p(r("x"))), "word/document.xml", document)


def no_document_part() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"/>')
        z.writestr("word/styles.xml", "<x/>")
    return out.getvalue()


def _replace(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


HOSTILE = {
    "zip-bomb": (bomb, "word/document.xml", "ZIP bomb"),
    "xxe": (lambda: docx("", document_xml=XXE), "word/document.xml", "entity declaration"),
    "billion-laughs": (lambda: docx("", document_xml=LAUGHS), "word/document.xml", "entity declaration"),
    "not-a-zip": (lambda: b"Dear Comrade Stalin,\nthis is text named .docx\n", "", "no ZIP archive"),
    "truncated": (lambda: docx(p(r("Some text " * 200)))[:600], "", "truncated or corrupt"),
    "no-document-part": (no_document_part, "word/document.xml", "no main document part"),
    "external-subdocument": (
        lambda: docx(
            p(r("x")),
            extra_rels=f'<Relationship Id="rIdX" Type="{REL}/subDocument" Target="http://example.org/x.docx" '
            'TargetMode="External"/>',
        ),
        "word/_rels/document.xml.rels",
        "external relationship",
    ),
    "malformed-part": (lambda: docx("", document_xml="<w:document"), "word/document.xml", "not well-formed"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE), ids=sorted(HOSTILE))
def test_hostile_files_are_refused_naming_the_part(case: str) -> None:
    make, part, reason = HOSTILE[case]
    with pytest.raises(DocxError) as caught:
        DocxReader().read_bytes(make(), "letter.docx", Reporter())
    assert caught.value.file == "letter.docx"
    assert caught.value.part == part
    assert reason in caught.value.reason


@pytest.mark.parametrize("case", sorted(HOSTILE), ids=sorted(HOSTILE))
def test_cli_refuses_with_exit_2_and_writes_nothing(tmp_path: Path, case: str) -> None:
    make, part, _ = HOSTILE[case]
    source = tmp_path / "letter.docx"
    source.write_bytes(make())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "--format", "docx"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert str(source) in result.output and part in result.output
    assert not out.exists() or not any(out.iterdir())


def test_a_part_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_PART_BYTES", 2000)
    data = docx(p(r("incompressible? no, but longer than the limit " * 100)))
    with pytest.raises(DocxError, match="inflates past 2000 bytes"):
        DocxReader().read_bytes(data, "big.docx", Reporter())


def test_template_link_is_ignored_and_reported() -> None:
    settings_rels = (
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/attachedTemplate" '
        'Target="file:///C:/Templates/Normal.dotm" TargetMode="External"/></Relationships>'
    )
    reporter = Reporter()
    data = docx(p(r("Text")), members={"word/_rels/settings.xml.rels": settings_rels.encode()})
    documents = DocxReader().read_bytes(data, "t.docx", reporter)
    assert documents[0].divisions[0].blocks[0].text == "Text"
    assert any("never fetched" in d.message for d in reporter.diagnostics)


def test_text_file_named_docx_is_refused_by_detection(tmp_path: Path) -> None:
    source = tmp_path / "letter.docx"
    source.write_text("Dear Comrade,\n\ntext.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "not a Word file" in result.output and "--format plain" in result.output
    plain = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "--format", "plain"])
    assert plain.exit_code == 0, plain.output


def test_word_file_with_another_name_is_detected_by_content(tmp_path: Path) -> None:
    source = tmp_path / "letter.bin"
    source.write_bytes(docx(p(r("Hello from Word."))))
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert b"Hello from Word." in (tmp_path / "out" / "letter.bin.xml").read_bytes()
