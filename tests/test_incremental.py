"""Parallel and incremental builds: the same bytes whatever the number of processes and whatever was
built before; unchanged sources reused, changed ones converted, deleted ones removed; a killed or
interrupted build completed by the next one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.build import SOURCES_PER_WORKER_START, BuildError, build, run
from tei_encode.buildstate import STATE_FILE
from tei_encode.editorial.built import publish_review

from .conftest import CORPUS

LETTER = """No. {n}

Letter from Joseph Stalin to V. I. Lenin

July {day} [1920]

Moscow, {day}/VII.

Report number {n} on the situation in Moscow and in the Crimea.

Stalin.

"""


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def make_corpus(root: Path, pages: int = 3) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copytree(CORPUS / "register", corpus / "register")
    for page in range(pages):
        numbers = range(page * 3 + 1, page * 3 + 4)
        text = "".join(LETTER.format(n=n, day=n % 28 + 1) for n in numbers)
        (corpus / f"page-{page:03d}-{page:03d}.txt").write_text(text, encoding="utf-8")
    (corpus / "plain.txt").write_text("A plain note about Moscow.\n", encoding="utf-8")
    edition = '{"date": "2026-01-01", "title": "Test letters", "editors": ["N. N."], "url": "https://x.org/c.xml"}'
    (corpus / "cmif.json").write_text(edition, encoding="utf-8")
    return corpus


def fresh(corpus: Path, root: Path) -> dict[str, bytes]:
    out = root / "fresh"
    shutil.rmtree(out, ignore_errors=True)
    build(corpus, out)
    return snapshot(out)


def test_unchanged_corpus_is_not_converted_again(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    first = build(corpus, out)
    assert (first.converted, first.reused) == (4, 0)
    before = snapshot(out)
    second = build(corpus, out)
    assert (second.converted, second.reused) == (0, 4)
    assert second.documents == first.documents
    assert snapshot(out) == before


def test_parallel_build_gives_the_same_bytes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, SOURCES_PER_WORKER_START * 2)  # enough for worker processes
    build(corpus, tmp_path / "one", jobs=1)
    build(corpus, tmp_path / "two", jobs=2)  # the review files written by a worker process
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert {STATE_FILE, "review/index.html", "review/review.csv"} <= snapshot(tmp_path / "one").keys()


def test_review_a_worker_process_cannot_write_stops_the_build_and_is_written_next_time(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, SOURCES_PER_WORKER_START * 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "review").write_text("a file where the review's directory goes")
    with pytest.raises(BuildError, match=r"review: cannot write"):
        build(corpus, out, jobs=2)
    (out / "review").unlink()
    build(corpus, out, jobs=2)
    assert snapshot(out) == fresh(corpus, tmp_path)


def test_changed_source_is_converted_again(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out)
    page = corpus / "page-001-001.txt"
    text = page.read_text(encoding="utf-8").replace("Report number 5", "A new report 5")
    page.write_text(text.replace("July 6 [1920]", "July 9 [1920]"), encoding="utf-8")
    result = build(corpus, out)
    assert (result.converted, result.reused) == (1, 3)
    assert b"A new report 5" in (out / "tei" / "page-no005.xml").read_bytes()
    assert b'when="1920-07-09"' in (out / "cmif.xml").read_bytes(), "the CMIF file has the changed letter"
    assert snapshot(out) == fresh(corpus, tmp_path)


def test_change_no_index_page_shows_leaves_them_alone(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out)
    pages = {name: (out / "html" / name).stat().st_ino for name in ("index.html", "people.html", "chronology.html")}
    page = corpus / "page-001-001.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("Report number 5", "A new report 5"), encoding="utf-8")
    result = build(corpus, out)
    assert (result.converted, result.reused) == (1, 3)
    assert b"A new report 5" in (out / "html" / "page-no005.html").read_bytes()
    assert {name: (out / "html" / name).stat().st_ino for name in pages} == pages, "index pages rewritten"
    assert snapshot(out) == fresh(corpus, tmp_path)


def test_review_is_made_again_only_when_its_rows_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out)
    made: list[int] = []
    monkeypatch.setattr(run, "publish_review", lambda out, rows: made.append(len(rows)) or publish_review(out, rows))
    page = corpus / "page-001-001.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = build(corpus, out)
    assert (result.converted, result.reused, made) == (1, 3, []), "the same rows: the review is left as it is"
    page.write_text(page.read_text(encoding="utf-8").replace("Moscow, 6/VII.", "Moscow, 9/VII."), encoding="utf-8")
    build(corpus, out)
    assert len(made) == 1 and b"9/VII" in (out / "review" / "review.csv").read_bytes()
    (out / "review" / "index.html").unlink()
    build(corpus, out)
    assert len(made) == 2, "a missing review page is made again"
    assert snapshot(out) == fresh(corpus, tmp_path)


def test_deleted_source_loses_its_outputs(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out)
    assert (out / "html" / "page-no004.html").is_file()
    (corpus / "page-001-001.txt").unlink()
    result = build(corpus, out)
    assert result.converted == 0
    assert not (out / "tei" / "page-no004.xml").exists() and not (out / "html" / "page-no004.html").exists()
    assert b"page-no004" not in (out / "html" / "index.html").read_bytes()
    assert snapshot(out) == fresh(corpus, tmp_path)


def test_changed_register_converts_everything(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out)
    persons = corpus / "register" / "persons.xml"
    persons.write_text(
        persons.read_text(encoding="utf-8").replace("Joseph Stalin</persName>", "Iosif Stalin</persName>", 1),
        encoding="utf-8",
    )
    result = build(corpus, out)
    assert (result.converted, result.reused) == (4, 0)
    assert snapshot(out) == fresh(corpus, tmp_path)


def test_force_converts_everything(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out)
    before = snapshot(out)
    result = build(corpus, out, force=True)
    assert (result.converted, result.reused) == (4, 0)
    assert snapshot(out) == before


def test_missing_or_tampered_outputs_are_restored(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out)
    before = snapshot(out)
    (out / "tei" / "page-no002.xml").unlink()
    (out / "html" / "stray.html").write_text("left over\n")
    (out / "tei" / ".page-no003.xml.tmp123").write_text("<TEI")
    (out / STATE_FILE).write_text("{not json")
    result = build(corpus, out)
    assert result.converted == 4
    assert snapshot(out) == before


def test_same_document_id_from_two_sources(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, SOURCES_PER_WORKER_START * 2)  # enough for worker processes
    shutil.copy(corpus / "plain.txt", corpus / "plain.md")
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        result = build(corpus, out, jobs=jobs)
        clash = [d for d in result.conversion if d.code == "duplicate-document"]
        assert [(d.file, d.message) for d in clash] == [
            ("corpus/plain.txt", "document plain is also produced by plain.md; this one is left out")
        ]
        assert result.documents.count("plain.xml") == 1
    assert snapshot(tmp_path / "out1") == snapshot(tmp_path / "out2")


def start_build(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    code = "import sys; from tei_encode.cli import main; sys.argv[0] = 'tei-encode'; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "build", str(corpus), "-o", str(out), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def wait_for_documents(out: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (out / "tei").is_dir() and len(list((out / "tei").glob("*.xml"))) >= count:
            return
        time.sleep(0.05)
    pytest.fail("the build finished or stalled before it could be interrupted")


def assert_complete_files(out: Path) -> None:
    """Every output file present is complete: TEI parses, HTML ends its document."""
    for path in (out / "tei").glob("*.xml"):
        etree.parse(str(path))
    for path in (out / "html").glob("*.html"):
        assert path.read_bytes().rstrip().endswith(b"</html>"), path


def worker_pids(parent: int) -> list[int]:
    """The worker processes of a build (children running multiprocessing's spawn_main)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("how", ["sigkill", "ctrl-c", "worker-killed"])
def test_interrupted_build_is_completed_by_the_next(tmp_path: Path, how: str) -> None:
    if how == "worker-killed" and not Path("/proc/self/stat").exists():
        pytest.skip("finding the worker processes needs /proc")
    corpus = make_corpus(tmp_path, 60)
    expected = fresh(corpus, tmp_path)
    out = tmp_path / "out"
    process = start_build(corpus, out)
    wait_for_documents(out, 6, process)  # early, so the build cannot end before the signal even on a loaded machine
    if how == "worker-killed":
        os.kill(worker_pids(process.pid)[0], signal.SIGKILL)
    else:
        os.killpg(process.pid, signal.SIGKILL if how == "sigkill" else signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert b"Traceback" not in stderr
    assert process.returncode != 0, "the build ended before the signal reached it"
    if how == "ctrl-c":
        assert process.returncode == 130
        assert b"interrupted; run the build again to complete it" in stderr
    elif how == "worker-killed":
        assert process.returncode == 2
        assert b"a worker process died; run the build again to complete it" in stderr
    else:
        assert process.returncode == -signal.SIGKILL
    written = len(list((out / "tei").glob("*.xml")))
    assert written < len([k for k in expected if k.startswith("tei/")])
    assert_complete_files(out)
    rerun = start_build(corpus, out)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr.decode()
    assert snapshot(out) == expected
