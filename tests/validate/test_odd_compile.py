"""``--schema my.odd``: real ODDs compiled by the TEI Stylesheets under Saxon; verdicts equal jing's on the result.

The Stylesheets are fetched from the mirror of their repository at the pinned tag (verified as
``schema fetch tei-stylesheets --from DIR`` does). The pinned P5 subset is not in the mirror, so
the ODDs name a subset derived from the TEI's sources at the 4.8.0 release in their
``schemaSpec/@source``, the TEI's own way of choosing the specifications an ODD customises (one
test fetches that subset in place of the pinned one instead): TEI Lite, TEI with SVG and
``tei_all.odd`` of ``P5/Exemplars``, and DraCor's ODD, whose own test documents are validated.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main
from tei_encode.diagnostics import Severity
from tei_encode.errors import SchemaError, SchemaNotFound
from tei_encode.validate.odd import compiler, tools
from tei_encode.validate.odd.compiler import compiled_odd
from tei_encode.validate.odd.tools import P5SUBSET, STYLESHEETS, fetch_tool
from tei_encode.validate.run import validate_files
from tests.conftest import require_shared
from tests.validate.mirrors import (
    STYLESHEETS_TAG,
    TEI_SOURCES,
    TEI_TAG,
    checkout,
    derive_subset,
    require_mirror,
)
from tests.validate.test_jing import jing_invalid

TEI = "http://www.tei-c.org/ns/1.0"
LITE_VALID = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A letter</title></titleStmt>
      <publicationStmt><p>Unpublished.</p></publicationStmt>
      <sourceDesc><p>Transcribed from the original.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text><body><p>Dear <name>Anna</name>, the <hi rend="italic">parcel</hi> came on
    <date when="1877-02-03">Saturday</date>.</p></body></text>
</TEI>
"""
LITE_INVALID = LITE_VALID.replace("<name>Anna</name>", "<persName>Anna</persName>")


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Stylesheets' files at the pinned tag, the TEI's Exemplars and a P5 subset derived at 4.8.0."""
    root = tmp_path_factory.mktemp("odd")
    checkout(
        require_mirror("TEIC+Stylesheets"), STYLESHEETS_TAG, ["odds", "common", "i18n.xml", "VERSION"], root / "xsl"
    )
    exemplars = [f"P5/Exemplars/{name}" for name in ("tei_lite.odd", "tei_all.odd", "tei_svg.odd", "svg11.rng")]
    checkout(require_mirror("TEIC+TEI"), TEI_TAG, [*TEI_SOURCES, *exemplars], root / "tei")
    derive_subset(root / "tei", root)
    return root


@pytest.fixture(scope="module")
def module_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module's tests (tei_all is not needed here): an ODD compiled once serves them all."""
    return tmp_path_factory.mktemp("odd-cache")


@pytest.fixture(autouse=True)
def _module_cache(module_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(module_cache))


@pytest.fixture
def stylesheets(workshop: Path) -> Path:
    """The Stylesheets in this test's cache, fetched from the checkout of their tag."""
    return fetch_tool(STYLESHEETS, str(workshop / "xsl"))


def with_source(odd: Path, subset: Path, target: Path) -> Path:
    """``odd`` copied to ``target`` with every ``schemaSpec`` taking its specifications from ``subset``.

    Edited as text: DraCor's ODD has ``xml:id`` values libxml2 will not parse (the Stylesheets do).
    """
    text = odd.read_text(encoding="utf-8")

    def sourced(tag: re.Match[str]) -> str:
        return re.sub(r'\s+source="[^"]*"', "", tag.group(1)) + f' source="{subset.as_uri()}"'

    target.write_text(re.sub(r"(<schemaSpec\b[^>]*?)(?=/?>)", sourced, text), encoding="utf-8")
    return target


@pytest.fixture
def lite(workshop: Path, tmp_path: Path) -> Path:
    return with_source(
        workshop / "tei" / "P5" / "Exemplars" / "tei_lite.odd", workshop / "p5subset.xml", tmp_path / "tei_lite.odd"
    )


def ours_invalid(schemas: list[Path], files: list[Path]) -> set[str]:
    results = validate_files(files, schemas)
    return {file for file, found in results.items() if any(d.severity is Severity.ERROR for d in found)}


def test_tei_lite_verdicts_equal_jing(stylesheets: Path, lite: Path, tmp_path: Path) -> None:
    grammar, schematron = compiled_odd(lite)
    assert grammar.suffix == ".rng" and schematron.suffix == ".isosch"
    names = {e.get("name") for e in etree.parse(str(grammar)).iter("{http://relaxng.org/ns/structure/1.0}element")}
    assert {"TEI", "teiHeader", "hi", "name"} <= names and not {"persName", "msDesc", "correspDesc"} & names
    (tmp_path / "lite-valid.xml").write_text(LITE_VALID, encoding="utf-8")
    (tmp_path / "lite-persname.xml").write_text(LITE_INVALID, encoding="utf-8")
    files = [tmp_path / "lite-valid.xml", tmp_path / "lite-persname.xml"]
    escher = require_shared("real-tei/escher")
    files += sorted(escher.glob("*.xml"))[:12]
    jing = jing_invalid(grammar, files)
    assert ours_invalid([grammar], files) == jing
    assert str(files[0]) not in jing and str(files[1]) in jing and len(jing) >= 5


def test_tei_all_odd_on_another_editions_letters(stylesheets: Path, workshop: Path, tmp_path: Path) -> None:
    """The TEI's own tei_all.odd, compiled here, rejects the files jing rejects with it: 9 of Escher's 201 letters."""
    odd = with_source(
        workshop / "tei" / "P5" / "Exemplars" / "tei_all.odd", workshop / "p5subset.xml", tmp_path / "tei_all.odd"
    )
    grammar, _ = compiled_odd(odd)
    files = sorted(require_shared("real-tei/escher").glob("*.xml"))
    jing = jing_invalid(grammar, files)
    assert ours_invalid([grammar], files) == jing
    assert len(files) == 201 and len(jing) == 9


def test_an_external_grammar_of_the_odd(stylesheets: Path, workshop: Path, tmp_path: Path) -> None:
    """TEI with SVG names SVG's grammar by URL: refused; saved beside the ODD and named so, it is part of the schema."""
    exemplars = workshop / "tei" / "P5" / "Exemplars"
    odd = with_source(exemplars / "tei_svg.odd", workshop / "p5subset.xml", tmp_path / "tei_svg.odd")
    with pytest.raises(
        SchemaError, match=r"tei_svg.odd:\d+: url='https://www.tei-c.org/.*svg11.rng.: nothing is fetched from a URL"
    ):
        compiled_odd(odd)
    shutil.copy(exemplars / "svg11.rng", tmp_path / "svg11.rng")
    odd.write_text(
        re.sub(r'url="[^"]*svg11.rng"', 'url="svg11.rng"', odd.read_text(encoding="utf-8")), encoding="utf-8"
    )
    grammar, _ = compiled_odd(odd)
    svg = '<figure><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><{}/></svg></figure>'
    (tmp_path / "drawn.xml").write_text(LITE_VALID.replace("<p>Dear", svg.format("circle r='4'") + "<p>Dear"))
    (tmp_path / "scribbled.xml").write_text(LITE_VALID.replace("<p>Dear", svg.format("scribble") + "<p>Dear"))
    files = [tmp_path / "drawn.xml", tmp_path / "scribbled.xml"]
    assert ours_invalid([grammar], files) == jing_invalid(grammar, files) == {str(tmp_path / "scribbled.xml")}


def test_compiled_once_and_again_when_the_odd_changes(stylesheets: Path, lite: Path) -> None:
    first = compiled_odd(lite)
    stamps = [p.stat().st_mtime_ns for p in first]
    assert compiled_odd(lite) == first and [p.stat().st_mtime_ns for p in first] == stamps
    lite.write_bytes(lite.read_bytes().replace(b'ident="tei_lite"', b'ident="tei_lite" n="2"', 1))
    again = compiled_odd(lite)
    assert again[0].parent != first[0].parent and again[0].read_bytes() == first[0].read_bytes()


def test_dracor_odd_and_its_tests(stylesheets: Path, workshop: Path, tmp_path: Path) -> None:
    """DraCor's real ODD asks for TEI P5 4.12.0: refused with what to do; on the 4.8.0 subset, jing's verdicts."""
    dracor = require_mirror("dracor-org+dracor-schema")
    repository = checkout(dracor, "HEAD", ["dracor.odd", "tests"], tmp_path / "dracor")
    odd = repository / "dracor.odd"
    with pytest.raises(SchemaNotFound, match=r"dracor.odd:\d+: source=.tei:4.12.0.: the ODD asks for TEI P5 4.12.0"):
        compiled_odd(odd)
    local = with_source(odd, workshop / "p5subset.xml", tmp_path / "dracor-4.8.odd")
    grammar, schematron = compiled_odd(local)
    files = sorted((repository / "tests").glob("*.xml"))
    jing = jing_invalid(grammar, files)
    assert ours_invalid([grammar], files) == jing
    assert {Path(f).name for f in jing} >= {"tst000005-body-incomplete.xml"}
    # The ODD's Schematron constraints run too: a Wikidata id of the wrong form is the warning DraCor gives.
    findings = validate_files([repository / "tests" / "tst000001-bad-play-wikidata-id.xml"], [grammar, schematron])
    (found,) = findings.values()
    assert any(d.severity is Severity.WARNING and d.line == 44 and "Q[1-9]" in d.message for d in found), found


def test_cli_validates_with_an_odd(stylesheets: Path, lite: Path, tmp_path: Path) -> None:
    (tmp_path / "letter.xml").write_text(LITE_INVALID, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--schema", str(lite), str(tmp_path / "letter.xml")])
    assert result.exit_code == 1, result.output
    assert re.search(r"letter\.xml:10:\d+: error: .*<persName>", result.output)
    assert "checked against tei_lite.odd: 1 file" in result.output
    (tmp_path / "valid.xml").write_text(LITE_VALID, encoding="utf-8")
    judged = CliRunner().invoke(main, ["validate", "--conformance", "--schema", str(lite), str(tmp_path / "valid.xml")])
    assert "[ok] documented by an ODD: tei_lite.odd (schemaSpec tei_lite)" in judged.output


def test_refusals(stylesheets: Path, tmp_path: Path) -> None:
    fetched = tmp_path / "remote.odd"
    fetched.write_text(
        f'<TEI xmlns="{TEI}"><text><body><schemaSpec ident="x" start="TEI" '
        'source="https://www.tei-c.org/Vault/P5/4.12.0/xml/tei/odd/p5subset.xml"/></body></text></TEI>'
    )
    with pytest.raises(
        SchemaError,
        match=r"remote.odd:1: source=.*nothing is fetched from a URL while validating.*--schema compiled.rng",
    ):
        compiled_odd(fetched)
    plain = tmp_path / "letter.odd"
    plain.write_text(LITE_VALID)
    with pytest.raises(SchemaError, match="no <schemaSpec>, so not an ODD customisation"):
        compiled_odd(plain)
    broken = tmp_path / "broken.odd"
    broken.write_text(f'<TEI xmlns="{TEI}"><schemaSpec ident="x">')
    with pytest.raises(SchemaError, match=r"broken.odd:1: "):
        compiled_odd(broken)


def test_the_stylesheets_messages_are_the_error(stylesheets: Path, workshop: Path, tmp_path: Path) -> None:
    odd = tmp_path / "unknown.odd"
    subset = (workshop / "p5subset.xml").as_uri()
    odd.write_text(
        f'<TEI xmlns="{TEI}"><text><body><schemaSpec ident="x" start="TEI" source="{subset}">'
        '<moduleRef key="tei"/><elementRef key="nonesuchElement"/></schemaSpec></body></text></TEI>'
    )
    with pytest.raises(SchemaError, match="odd2odd.xsl stopped: .*nonesuchElement"):
        compiled_odd(odd)


def test_without_the_stylesheets_a_message_says_what_to_run(
    lite: Path, workshop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "empty-cache"))
    (tmp_path / "letter.xml").write_text(LITE_VALID, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--schema", str(lite), str(tmp_path / "letter.xml")])
    assert result.exit_code == 2
    assert "lacks tei-stylesheets 7.57.0 (`tei-encode schema fetch tei-stylesheets`): fetch once" in result.output
    assert "--schema compiled.rng" in result.output
    # An ODD naming no source of its own needs the P5 subset too: one message names both fetches.
    plain = workshop / "tei" / "P5" / "Exemplars" / "tei_lite.odd"
    both = CliRunner().invoke(main, ["validate", "--schema", str(plain), str(tmp_path / "letter.xml")])
    assert both.exit_code == 2
    assert "(`tei-encode schema fetch tei-stylesheets`) and p5subset 4.8.0 (`tei-encode schema fetch p5subset`)" in (
        both.output
    )


def test_xml_model_naming_an_odd(stylesheets: Path, lite: Path, tmp_path: Path) -> None:
    """An ODD named by ``<?xml-model?>`` is compiled too; one that does not compile is a finding of that document."""
    (tmp_path / "broken.odd").write_text(f'<TEI xmlns="{TEI}"><text/></TEI>', encoding="utf-8")
    grammar = '<?xml-model href="{}" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    schematron = '<?xml-model href="{}" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
    body = LITE_INVALID.split("\n", 1)[1]
    named = tmp_path / "named.xml"
    named.write_text(grammar.format(lite.name) + schematron.format(lite.name) + body, encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text(grammar.format("broken.odd") + body, encoding="utf-8")
    results = validate_files([named, broken], None)
    assert results.schemas[str(named)] == "tei_lite.odd"
    assert [(d.line, d.code) for d in results[str(named)]] == [(11, "relaxng")]
    (finding,) = results[str(broken)]
    assert finding.code == "schema-not-usable" and "no <schemaSpec>" in finding.message and finding.line == 1


@pytest.fixture
def subset_pinned_here(workshop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of its own where ``schema fetch p5subset`` takes the subset derived from the TEI's sources.

    The released file is not in the mirror, so its pin is replaced by the derived file's git object
    id; fetching, installing and compiling against it are the real ones.
    """
    derived = workshop / "p5subset.xml"
    pin = dataclasses.replace(P5SUBSET, fingerprint=P5SUBSET.identify({"p5subset.xml": derived.read_bytes()}))
    for module in (tools, compiler):
        monkeypatch.setattr(module, "P5SUBSET", pin)
    monkeypatch.setitem(tools.TOOLS, "p5subset", pin)
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "own-cache"))
    fetch_tool(STYLESHEETS, str(workshop / "xsl"))
    return derived


def test_odds_naming_no_source_use_the_fetched_subset(subset_pinned_here: Path, workshop: Path, tmp_path: Path) -> None:
    fetched = CliRunner().invoke(main, ["schema", "fetch", "p5subset", "--from", str(subset_pinned_here)])
    assert fetched.exit_code == 0, fetched.output
    installed = Path(fetched.output.strip()) / "xml" / "tei" / "odd" / "p5subset.xml"
    assert installed.read_bytes() == subset_pinned_here.read_bytes()
    (tmp_path / "valid.xml").write_text(LITE_VALID, encoding="utf-8")
    (tmp_path / "persname.xml").write_text(LITE_INVALID, encoding="utf-8")
    files = [tmp_path / "valid.xml", tmp_path / "persname.xml"]
    plain = workshop / "tei" / "P5" / "Exemplars" / "tei_lite.odd"
    assert 'source="' not in re.search(r"<schemaSpec[^>]*>", plain.read_text(encoding="utf-8")).group(0)
    versioned = tmp_path / "tei_lite_4.8.odd"
    versioned.write_text(
        plain.read_text(encoding="utf-8").replace("<schemaSpec ", '<schemaSpec source="tei:4.8.0" ', 1)
    )
    for odd in (plain, versioned):
        grammar, _ = compiled_odd(odd)
        assert ours_invalid([grammar], files) == jing_invalid(grammar, files) == {str(files[1])}
