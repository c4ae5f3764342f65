"""The named schema tei_all: fetched once from a loopback HTTP server into the user cache, checksum-verified."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main
from tei_encode.validate import relaxng
from tei_encode.validate.cache import sha256_file
from tei_encode.validate.named import NAMED, extract_schematron
from tests.conftest import require_shared

FIXTURES = Path(__file__).parent / "fixtures"
SCH = "http://purl.oclc.org/dsdl/schematron"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _serve(directory: Path) -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def release() -> Iterator[str]:
    """../shared/tei-p5 (the 4.12.0 release files) served on loopback."""
    yield from _serve(require_shared("tei-p5/tei_all.rng").parent)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache, and no grammar compiled in this process by earlier tests."""
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(relaxng, "_COMPILED", {})
    return tmp_path / "cache"


def test_pinned_checksum_is_that_of_the_release_file() -> None:
    assert sha256_file(require_shared("tei-p5/tei_all.rng")) == NAMED["tei_all"].sha256


def test_empty_cache_fails_with_the_command_that_fills_it(cache: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--schema", "tei_all", str(FIXTURES / "valid-minimal-letter.xml")])
    assert result.exit_code == 2
    assert "is not in the cache" in result.output
    assert "fetch it once with: tei-encode schema fetch tei_all" in result.output


def test_fetch_then_validate_offline(cache: Path, release: str) -> None:
    runner = CliRunner()
    fetched = runner.invoke(main, ["schema", "fetch", "tei_all", "--from", release])
    assert fetched.exit_code == 0, fetched.output
    grammar = cache / "schemas" / "tei_all" / "4.12.0" / "tei_all.rng"
    assert sha256_file(grammar) == NAMED["tei_all"].sha256
    schematron = etree.parse(str(grammar.with_suffix(".isosch"))).getroot()
    assert schematron.get("queryBinding") == "xslt2"
    assert len(schematron.findall(f"{{{SCH}}}pattern")) == 93
    valid = runner.invoke(main, ["validate", "--schema", "tei_all", str(FIXTURES / "valid-minimal-letter.xml")])
    assert valid.exit_code == 0, valid.output
    invalid = runner.invoke(main, ["validate", "--schema", "tei_all", str(FIXTURES / "sch-subtype-without-type.xml")])
    assert invalid.exit_code == 1
    assert "categorized in detail with @subtype" in invalid.output
    assert list((cache / "pruned").glob("*.rng")), "the pruned grammar is kept in the cache"
    again = runner.invoke(main, ["schema", "fetch", "tei_all", "--from", "http://127.0.0.1:9/unreachable/"])
    assert again.exit_code == 0, "the cached, verified file is not downloaded again"
    forced = runner.invoke(main, ["schema", "fetch", "tei_all", "--from", "http://127.0.0.1:9/unreachable/", "--force"])
    assert forced.exit_code == 2 and "cannot download" in forced.output


def test_checksum_mismatch_writes_nothing(cache: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "release"
    tampered.mkdir()
    data = require_shared("tei-p5/tei_all.rng").read_bytes().replace(b"<start>", b"<start><!-- x -->", 1)
    (tampered / "tei_all.rng").write_bytes(data)
    for url in _serve(tampered):
        result = CliRunner().invoke(main, ["schema", "fetch", "tei_all", "--from", url])
        assert result.exit_code == 2
        assert "checksum mismatch" in result.output and NAMED["tei_all"].sha256 in result.output
    assert not (cache / "schemas").exists()


def test_fetch_from_nowhere_is_an_io_error(cache: Path, tmp_path: Path) -> None:
    for url in _serve(tmp_path):
        result = CliRunner().invoke(main, ["schema", "fetch", "tei_all", "--from", url])
        assert result.exit_code == 2
        assert "cannot download" in result.output


def test_unknown_name_lists_the_known_ones(cache: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "fetch", "tei_lite"])
    assert result.exit_code == 2
    assert "unknown schema 'tei_lite'; known: p5subset, tei-stylesheets, tei_all, or an http(s) URL" in result.output


def test_extracted_schematron_keeps_every_pattern_and_namespace() -> None:
    grammar = require_shared("tei-p5/tei_all.rng")
    extracted = etree.fromstring(extract_schematron(grammar.read_bytes(), "tei_all.rng"))
    reference = etree.parse(str(require_shared("tei-p5/tei_all.isosch"))).getroot()
    ids = [p.get("id") for p in extracted.iter(f"{{{SCH}}}pattern")]
    assert ids == [p.get("id") for p in reference.iter(f"{{{SCH}}}pattern")]
    prefixes = {n.get("prefix"): n.get("uri") for n in extracted.iter(f"{{{SCH}}}ns")}
    assert {n.get("prefix"): n.get("uri") for n in reference.iter(f"{{{SCH}}}ns")}.items() <= prefixes.items()


def test_cache_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TEI_ENCODE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["schema", "path"])
    assert result.output.strip() == str(tmp_path / "tei-encode")
