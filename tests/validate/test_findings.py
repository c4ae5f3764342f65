"""Findings as a property of the file, located and worded as well as jing's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_encode.validate import guess, relaxng, run
from tei_encode.validate.run import validate_files
from tests.conftest import require_shared

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = """<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"""
BIBLIOGRAPHY = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
{HEADER}
  <text>
    <body>
      <listBibl>
        <bibl><author>Smith</author>, <title>A Book</title>, <biblScope type="pages">1-10</biblScope></bibl>
        <bibl><author>Jones</author>, <title>Another</title>, <biblScope type="vol">2</biblScope></bibl>
        <biblStruct>
          <monogr><title>Third</title><imprint><date>1900</date></imprint></monogr>
          <idno type="ISBN">123</idno>
        </biblStruct>
      </listBibl>
    </body>
  </text>
</TEI>
"""


@pytest.fixture
def tei_all() -> list[Path]:
    return [require_shared("tei-p5/tei_all.rng")]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_findings_are_the_same_alone_and_among_other_files(tmp_path: Path, tei_all: list[Path]) -> None:
    """The grammar pruned to a whole run's names gave this file 5 findings among the fixtures, 3 alone."""
    bibliography = _write(tmp_path, "bibliography.xml", BIBLIOGRAPHY)
    alone = validate_files([bibliography], tei_all)[str(bibliography)]
    assert [d.line for d in alone] == [8, 9, 12]
    others = sorted(FIXTURES.glob("*.xml")) + sorted(require_shared("real-tei/escher").glob("*.xml"))[:20]
    together = validate_files([bibliography, *others], tei_all)
    assert together[str(bibliography)] == alone
    for other in others[:12]:
        assert validate_files([other], tei_all)[str(other)] == together[str(other)], other.name


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-process", "two-processes"])
def test_findings_do_not_depend_on_how_the_run_is_cut_into_chunks(
    monkeypatch: pytest.MonkeyPatch, tei_all: list[Path], jobs: int
) -> None:
    files = sorted(FIXTURES.glob("*.xml")) + sorted(require_shared("real-tei/escher").glob("*.xml"))[:20]
    whole = validate_files(files, tei_all)
    monkeypatch.setattr(run, "_CHUNK_BYTES", 20_000)  # a few files a chunk
    assert len(run._chunks(files, jobs)) > 4
    cut = validate_files(files, tei_all, jobs=jobs)
    assert cut == whole
    assert list(cut.schemas.items()) == list(whole.schemas.items())
    assert any(whole.values()) and not all(whole.values())


@pytest.mark.parametrize("guess_bytes", [0, 300, 3000])
def test_a_guess_at_the_runs_names_that_misses_some_changes_no_finding(
    monkeypatch: pytest.MonkeyPatch, tei_all: list[Path], guess_bytes: int
) -> None:
    """The run's grammar is pruned to the names of the start of each file; documents using others are
    checked with their own names, and get the findings and verdict every name would give them."""
    files = sorted(FIXTURES.glob("*.xml")) + sorted(require_shared("real-tei/escher").glob("*.xml"))[:20]
    monkeypatch.setattr(run, "_VALIDATORS", {})
    monkeypatch.setattr(guess, "_GUESS_BYTES", 1 << 30)  # the whole of every file
    every_name = validate_files(files, tei_all)
    monkeypatch.setattr(run, "_VALIDATORS", {})  # a grammar covering the names asked for is kept
    monkeypatch.setattr(guess, "_GUESS_BYTES", guess_bytes)
    assert validate_files(files, tei_all, jobs=2) == every_name
    assert any(every_name.values()) and not all(every_name.values())


def test_checking_each_document_with_its_own_names_first_changes_no_finding(
    monkeypatch: pytest.MonkeyPatch, tei_all: list[Path]
) -> None:
    """Once most documents were invalid, a validator checks the next ones against their own names only."""
    files = sorted(FIXTURES.glob("*.xml")) + sorted(require_shared("real-tei/escher").glob("*.xml"))[:20]
    monkeypatch.setattr(run, "_VALIDATORS", {})
    usual = validate_files(files, tei_all)
    validator = run.validator_for(tei_all[0])
    assert isinstance(validator, relaxng.RelaxNGValidator)
    assert (validator.checked, validator.rejected) == (69, 27)  # one file is not well-formed
    assert not validator._own_first()
    validator.checked, validator.rejected = relaxng._LEARN_FROM, relaxng._LEARN_FROM // 2 + 1
    assert validator._own_first()
    monkeypatch.setattr(run, "_VALIDATORS", {})
    monkeypatch.setattr(relaxng.RelaxNGValidator, "_own_first", lambda _: True)
    assert validate_files(files, tei_all) == usual
    assert any(usual.values()) and not all(usual.values())


def test_a_document_the_explaining_grammar_has_just_rejected_is_explained_from_that_validation(
    tei_all: list[Path],
) -> None:
    from tei_encode.validate.messages import explain_relaxng
    from tei_encode.validate.vocabulary import vocabulary_of

    validator = run.validator_for(tei_all[0])
    assert isinstance(validator, relaxng.RelaxNGValidator)
    explained = 0
    for fixture in sorted(FIXTURES.glob("*.xml")):
        tree, _ = run.parse_finding(fixture)
        if tree is None:
            continue
        compiled = validator._compiled(vocabulary_of([tree]))
        if compiled.validate(tree):
            continue
        again = explain_relaxng(compiled, tree, fixture.name, tei_all[0], rejected=True)
        assert again == explain_relaxng(compiled, tree, fixture.name, tei_all[0]), fixture.name
        explained += bool(again)
    assert explained > 10


def _jing_findings(grammar: Path, files: list[Path]) -> list[tuple[str, int, int, str]]:
    import re
    import subprocess

    from tests.conftest import require_tool

    run = subprocess.run([require_tool("jing"), str(grammar), *map(str, files)], capture_output=True, text=True)
    pattern = re.compile(r"^(.+?):(\d+):(\d+): error: (.*)$", re.M)
    return [(m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)) for m in pattern.finditer(run.stdout)]


def test_every_finding_on_real_letters_has_jings_line_and_a_column(tei_all: list[Path]) -> None:
    letters = sorted(require_shared("real-tei/escher").glob("*.xml"))
    results = validate_files(letters, tei_all)
    jing = _jing_findings(tei_all[0], letters)
    assert len(jing) == 11
    ours = [(file, d.line, d.column) for file, found in results.items() for d in found]
    assert len(ours) == len(jing)
    for (file, line, column), (jing_file, jing_line, jing_column, _) in zip(sorted(ours), sorted(jing), strict=True):
        assert (file, line) == (jing_file, jing_line)
        assert 0 < column <= jing_column  # ours: where the tag or text begins; jing's: where it ends


def test_stray_text_is_reported_where_it_stands(tmp_path: Path, tei_all: list[Path]) -> None:
    text = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader>
  <fileDesc>
    <titleStmt><title>T</title></titleStmt>
    <publicationStmt><p>P</p></publicationStmt>
    <sourceDesc><p>S</p></sourceDesc>

      stray words</fileDesc>
</teiHeader>
<text><body><p>x</p></body></text>
</TEI>
"""
    path = _write(tmp_path, "stray.xml", text)
    (finding,) = validate_files([path], tei_all)[str(path)]
    assert (finding.line, finding.column) == (8, 7)
    assert finding.message.startswith("text is not allowed directly in <fileDesc>")
    (jing,) = _jing_findings(tei_all[0], [path])
    assert jing[1] == 8


def test_a_duplicate_id_hides_no_other_finding_and_says_where_the_first_is(tmp_path: Path, tei_all: list[Path]) -> None:
    text = BIBLIOGRAPHY.replace("<bibl>", '<bibl xml:id="b1">').replace("<listBibl>", "<listBibl>\n<wrong/>")
    path = _write(tmp_path, "duplicate.xml", text)
    found = validate_files([path], tei_all)[str(path)]
    assert [d.line for d in found] == sorted(d.line for d in found)
    duplicate = [d for d in found if d.code == "duplicate-id"]
    assert len(duplicate) == 1 and duplicate[0].line == 10
    assert 'xml:id "b1" is already used: its first occurrence is at line 9, column 15' in duplicate[0].message
    assert {d.line for d in found if d.code == "relaxng"} == {8, 9, 10, 13}
    jing = _jing_findings(tei_all[0], [path])
    assert {line for _, line, _, message in jing if "already been defined" in message} == {10}
    assert {line for _, line, _, message in jing if "first occurrence" in message} == {9}


def test_names_of_other_namespaces_are_prefixed_and_get_no_tei_suggestions(tmp_path: Path, tei_all: list[Path]) -> None:
    body = (
        '<p xmlns:f="http://www.faustedition.net/ns" f:revType="x">A'
        '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0"/></svg>'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"/><persNme>B</persNme></p>'
    )
    text = BIBLIOGRAPHY.replace(BIBLIOGRAPHY[BIBLIOGRAPHY.index("<listBibl>") : BIBLIOGRAPHY.index("</body>")], body)
    path = _write(tmp_path, "foreign.xml", text)
    messages = [d.message for d in validate_files([path], tei_all)[str(path)]]
    assert any(m.startswith("attribute @f:revType is not allowed on <p>;") for m in messages), messages
    assert not any("{http" in m for m in messages)
    foreign = [m for m in messages if "of the namespace http://www.w3.org/" in m]
    assert len(foreign) == 2 and not any("did you mean" in m for m in foreign)
    assert any("unknown element <persNme> (did you mean <persName>?)" in m for m in messages)


def test_messages_are_never_cut(tei_all: list[Path]) -> None:
    files = sorted(FIXTURES.glob("*.xml"))
    messages = [d.message for found in validate_files(files, tei_all).values() for d in found]
    assert messages and not any("…" in m for m in messages)
    assert max(len(m) for m in messages) > 600
