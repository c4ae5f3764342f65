"""``schema fetch tei-stylesheets`` and ``schema fetch p5subset``: pinned, verified, from a file, directory, ZIP or URL.

The Stylesheets come from the mirror of their repository at the pinned tag, as a checkout, as
the release ZIP lays them out and served on loopback; anything else is refused before a file is
written. The pinned P5 subset itself is not in the mirror (its largest files are left out), so
only its refusals are tested here: a subset derived from the TEI's sources has other bytes.
"""

from __future__ import annotations

import dataclasses
import functools
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main
from tei_encode.validate.named import FetchError
from tei_encode.validate.odd.tools import P5SUBSET, STYLESHEETS, fetch_tool, tool_directory
from tests.conftest import require_tool
from tests.validate.mirrors import STYLESHEETS_TAG, TEI_SOURCES, TEI_TAG, checkout, derive_subset, require_mirror

PARTS = ["odds", "common", "i18n.xml", "VERSION"]


@pytest.fixture(scope="module")
def stylesheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout of the Stylesheets' files at the pinned tag."""
    mirror = require_mirror("TEIC+Stylesheets")
    return checkout(mirror, STYLESHEETS_TAG, PARTS, tmp_path_factory.mktemp("stylesheets") / "Stylesheets")


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache for each test (the session's holds the Stylesheets for the compile tests)."""
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def release_zip(stylesheets: Path, target: Path) -> Path:
    """A ZIP laid out as the Stylesheets' release tei-xsl-VERSION.zip (xml/tei/stylesheet/...)."""
    with zipfile.ZipFile(target, "w") as archive:
        for file in sorted(stylesheets.rglob("*")):
            if file.is_file():
                archive.write(file, "xml/tei/stylesheet/" + file.relative_to(stylesheets).as_posix())
        archive.writestr("doc/tei-xsl/README", "documentation is not taken")
    return target


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A directory served over HTTP on loopback, and its URL."""
    root = tmp_path / "www"
    root.mkdir()
    httpd = HTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_from_a_checkout_of_the_tag(stylesheets: Path, own_cache: Path) -> None:
    directory = fetch_tool(STYLESHEETS, str(stylesheets))
    assert directory == own_cache / "tools" / "tei-stylesheets" / "7.57.0"
    assert tool_directory(STYLESHEETS) == directory
    assert (directory / "odds" / "odd2relax.xsl").read_bytes() == (stylesheets / "odds" / "odd2relax.xsl").read_bytes()
    assert (directory / "VERSION").read_text().strip() == "7.57.0"
    # Once verified, nothing is read again: a source that does not exist is not even looked at.
    assert fetch_tool(STYLESHEETS, str(own_cache / "nowhere")) == directory


def test_from_the_release_zip_and_over_http(stylesheets: Path, own_cache: Path, served: tuple[Path, str]) -> None:
    root, url = served
    archive = release_zip(stylesheets, root / "tei-xsl-7.57.0.zip")
    directory = fetch_tool(STYLESHEETS, str(archive))
    assert not (directory / "doc").exists() and (directory / "common" / "functions.xsl").is_file()
    assert fetch_tool(STYLESHEETS, url + archive.name, force=True) == directory
    # A directory holding the unpacked release works too.
    with zipfile.ZipFile(archive) as unpacked:
        unpacked.extractall(own_cache.parent / "unpacked")
    assert fetch_tool(STYLESHEETS, str(own_cache.parent / "unpacked"), force=True) == directory


def test_altered_files_are_refused_and_nothing_is_written(stylesheets: Path, own_cache: Path, tmp_path: Path) -> None:
    altered = tmp_path / "altered"
    altered.mkdir()
    for file in stylesheets.rglob("*"):
        if file.is_file():
            target = altered / file.relative_to(stylesheets)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())
    odd2odd = altered / "odds" / "odd2odd.xsl"
    odd2odd.write_bytes(odd2odd.read_bytes().replace(b"WARNING", b"warning", 1))
    with pytest.raises(FetchError, match="checksum mismatch.*nothing was written"):
        fetch_tool(STYLESHEETS, str(altered))
    assert not STYLESHEETS.directory().exists()
    (altered / "odds" / "extra.xsl").write_text("<x/>")
    odd2odd.write_bytes((stylesheets / "odds" / "odd2odd.xsl").read_bytes())
    with pytest.raises(FetchError, match="checksum mismatch"):
        fetch_tool(STYLESHEETS, str(altered))


def test_a_source_without_the_files(own_cache: Path, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="holds no odds/odd2odd.xsl"):
        fetch_tool(STYLESHEETS, str(tmp_path))
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as archive:
        archive.writestr("README", "no stylesheets here")
    with pytest.raises(FetchError, match="holds no odds/odd2odd.xsl"):
        fetch_tool(STYLESHEETS, str(tmp_path / "other.zip"))
    with pytest.raises(FetchError, match="cannot download"):
        fetch_tool(STYLESHEETS, "http://127.0.0.1:9/tei-xsl-7.57.0.zip")


def test_a_subset_of_other_bytes_is_refused(own_cache: Path, tmp_path: Path) -> None:
    sources = checkout(require_mirror("TEIC+TEI"), TEI_TAG, TEI_SOURCES, tmp_path / "tei")
    derived = derive_subset(sources, tmp_path)
    with pytest.raises(FetchError, match=f"checksum mismatch.*expected {P5SUBSET.fingerprint}"):
        fetch_tool(P5SUBSET, str(derived))
    with pytest.raises(FetchError, match="checksum mismatch"):
        fetch_tool(P5SUBSET, str(tmp_path))  # the directory holding it
    assert not P5SUBSET.directory().exists()


def test_cli(stylesheets: Path, own_cache: Path) -> None:
    runner = CliRunner()
    fetched = runner.invoke(main, ["schema", "fetch", "tei-stylesheets", "--from", str(stylesheets)])
    assert fetched.exit_code == 0, fetched.output
    assert fetched.output.strip() == str(own_cache / "tools" / "tei-stylesheets" / "7.57.0")
    missing = runner.invoke(main, ["schema", "fetch", "p5subset", "--from", str(own_cache / "nowhere")])
    assert missing.exit_code == 2 and "cannot read" in missing.output
    unknown = runner.invoke(main, ["schema", "fetch", "stylesheets"])
    assert unknown.exit_code == 2 and "known: p5subset, tei-stylesheets, tei_all" in unknown.output
    helped = runner.invoke(main, ["schema", "fetch", "--help"])
    assert "tei-stylesheets" in helped.output and "p5subset" in helped.output


def test_from_a_source_archive_holding_another_copy(stylesheets: Path, own_cache: Path, tmp_path: Path) -> None:
    """A source archive (Stylesheets-7.57.0/...) may hold the anchor more than once: the pinned copy is taken."""
    with zipfile.ZipFile(tmp_path / "Stylesheets-7.57.0.zip", "w") as archive:
        for file in sorted(stylesheets.rglob("*")):
            if file.is_file():
                relative = file.relative_to(stylesheets).as_posix()
                archive.write(file, "Stylesheets-7.57.0/" + relative)
                archive.writestr("Stylesheets-7.57.0/Test/old/" + relative, file.read_bytes() + b"\n")
    directory = fetch_tool(STYLESHEETS, str(tmp_path / "Stylesheets-7.57.0.zip"))
    assert (directory / "odds" / "odd2odd.xsl").read_bytes() == (stylesheets / "odds" / "odd2odd.xsl").read_bytes()


def test_the_subset_is_identified_as_git_identifies_it(stylesheets: Path) -> None:
    """The P5 subset's pin is a git object id: computed here, it is the id git gives a file of the tag."""
    git = require_tool("git")
    mirror = require_mirror("TEIC+Stylesheets")
    for path in ("odds/odd2odd.xsl", "VERSION"):
        command = [git, f"--git-dir={mirror}", "rev-parse", f"{STYLESHEETS_TAG}:{path}"]
        expected = subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
        tool = dataclasses.replace(P5SUBSET, anchor=path)
        assert tool.identify({path: (stylesheets / path).read_bytes()}) == expected
    listed = [git, f"--git-dir={mirror}", "ls-tree", STYLESHEETS_TAG, "source/p5subset.xml"]
    assert P5SUBSET.fingerprint in subprocess.run(listed, capture_output=True, text=True, check=True).stdout
