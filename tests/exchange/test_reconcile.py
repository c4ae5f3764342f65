"""register reconcile against recorded answers of Wikidata, lobid-gnd and GeoNames served on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from tei_encode.cli import main
from tei_encode.diagnostics import Reporter
from tei_encode.exchange.authorities import AuthorityClient, AuthorityError
from tei_encode.exchange.reconcile import reconcile
from tei_encode.register import Register

RECORDED = Path(__file__).parent / "recorded"
REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>
<person xml:id="Anna"><persName type="main">Anna Example</persName>
<idno type="wikidata" notBefore="1900" notAfter="1920">Q1001</idno></person>
<person xml:id="Boris"><persName type="main">Boris Example</persName><idno type="wikidata">Q1003</idno></person>
</listPerson><listPlace>
<place xml:id="Tver"><placeName type="main">Tver</placeName><idno type="wikidata">Q1002</idno>
<idno type="geonames">480060</idno></place>
<place xml:id="Gleb"><placeName type="main">Gleb Town</placeName><idno type="gnd">4061496-7</idno></place>
</listPlace></body></text></TEI>
"""


class Recorded(BaseHTTPRequestHandler):
    """Serves the recorded answers by path, as the three services lay them out; 404 for anything else."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        url = urlsplit(self.path)
        Recorded.seen.append(self.path)
        if url.path.startswith("/wiki/Special:EntityData/"):
            path = RECORDED / "wikidata" / url.path.rsplit("/", 1)[-1]
        elif url.path.startswith("/gnd/"):
            path = RECORDED / "lobid" / url.path.rsplit("/", 1)[-1]
        elif url.path == "/getJSON" and parse_qs(url.query).get("username") == ["tester"]:
            path = RECORDED / "geonames" / f"{parse_qs(url.query)['geonameId'][0]}.json"
        elif url.path == "/getJSON":
            path = RECORDED / "geonames" / "no-account.json"
        else:
            path = RECORDED / "none"
        body = path.read_bytes() if path.is_file() else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the signature http.server uses)
        """Quiet: the tests read what was asked from ``seen``."""


@pytest.fixture()
def server() -> Iterator[str]:
    Recorded.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorded)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def register(tmp_path: Path) -> Register:
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "r.xml").write_text(REGISTER, encoding="utf-8")
    return Register.from_directory(tmp_path / "register")


def _client(base: str, cache: Path) -> AuthorityClient:
    return AuthorityClient(cache, base, base, base, "tester", interval=0.0, timeout=5.0)


def test_proposals_from_the_authority_files(server: str, register: Register, tmp_path: Path) -> None:
    reporter = Reporter()
    proposals = reconcile(register, _client(server, tmp_path / "cache"), "2026-12-06", reporter)
    rows = [(p.key, p.action, p.scheme, p.value, p.label, p.label_matches, p.via) for p in proposals]
    assert rows == [
        ("Anna", "confirm", "wikidata", "Q1001", "Anna Example", True, ""),
        ("Anna", "add", "gnd", "123456789", "Example, Anna", False, "Q1001"),
        ("Anna", "add", "viaf", "24602065", "Anna Example", True, "Q1001"),
        ("Gleb", "confirm", "gnd", "4061496-7", "Gleb Town", True, ""),
        ("Tver", "confirm", "wikidata", "Q1002", "Тверь", False, ""),
        ("Tver", "confirm", "geonames", "480060", "Tver", True, "Q1002"),
    ]
    anna_gnd = proposals[1]
    assert (anna_gnd.not_before, anna_gnd.not_after) == ("1900-01-01", "1920-12-31"), "the period of its Q-id"
    assert anna_gnd.source == "https://lobid.org/gnd/123456789" and anna_gnd.checked == "2026-12-06"
    # Boris's item is unknown (404): reported, the others still proposed; Tver's "Tver" GND value is refused.
    assert sorted(d.code for d in reporter) == ["reconcile-malformed", "reconcile-unreachable"]
    assert any("Boris" in d.message and "HTTP 404" in d.message for d in reporter), [d.message for d in reporter]


def test_answers_are_cached(server: str, register: Register, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _client(server, cache)
    reconcile(register, first, "2026-12-06", Reporter())
    asked = len(Recorded.seen)
    second = _client(server, cache)
    assert reconcile(register, second, "2026-12-06", Reporter()) == reconcile(register, first, "2026-12-06", Reporter())
    # Only the unknown item (nothing cached for a 404) is asked again, once per run.
    assert second.requests == 1 and len(Recorded.seen) == asked + 2


def test_requests_are_spaced_by_the_interval(server: str, tmp_path: Path) -> None:
    now = [100.0]
    waits: list[float] = []
    client = AuthorityClient(tmp_path, server, server, server, "tester", interval=2.0, clock=lambda: now[0])
    client.sleep = waits.append
    client.wikidata_item("Q1001")
    now[0] += 0.5
    client.gnd_record("123456789")
    assert waits == [1.5]


def test_unreachable_service_and_bad_base(tmp_path: Path) -> None:
    client = AuthorityClient(tmp_path, "http://127.0.0.1:9", timeout=0.5, interval=0.0)
    with pytest.raises(AuthorityError, match="127.0.0.1:9"):
        client.wikidata_item("Q1")
    with pytest.raises(AuthorityError, match="http or https"):
        AuthorityClient(tmp_path, "file:///etc")


def test_cli_writes_proposals_and_never_the_register(server: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "register").mkdir(parents=True)
    (corpus / "register" / "r.xml").write_text(REGISTER, encoding="utf-8")
    before = (corpus / "register" / "r.xml").read_bytes()
    out = tmp_path / "proposals.json"
    args = ["register", "reconcile", str(corpus), "-o", str(out), "--key", "Anna", "--key", "Tver"]
    bases = ["--wikidata-url", server, "--lobid-url", server, "--geonames-url", server, "--geonames-user", "tester"]
    result = CliRunner().invoke(
        main, [*args, *bases, "--interval", "0", "--cache", str(tmp_path / "c"), "--date", "2026-12-06"]
    )
    assert result.exit_code == 1, result.output  # Tver's Wikidata item gives a malformed GND value
    proposals = json.loads(out.read_text(encoding="utf-8"))
    assert [(p["key"], p["action"], p["value"]) for p in proposals] == [
        ("Anna", "confirm", "Q1001"), ("Anna", "add", "123456789"), ("Anna", "add", "24602065"),
        ("Tver", "confirm", "Q1002"), ("Tver", "confirm", "480060"),
    ]  # fmt: skip
    assert "5 proposals (2 ids to add)" in result.output
    assert (corpus / "register" / "r.xml").read_bytes() == before
    unknown = CliRunner().invoke(main, ["register", "reconcile", str(corpus), "-o", str(out), "--key", "Nobody"])
    assert unknown.exit_code == 2 and "not in the register: Nobody" in unknown.output


def test_geonames_error_status_is_reported(server: str, tmp_path: Path) -> None:
    """Without the account name GeoNames answers with a status: reported, not taken for a place without a name."""
    client = AuthorityClient(tmp_path, server, server, server, "nobody", interval=0.0)
    with pytest.raises(AuthorityError, match="GeoNames says 'user account not enabled"):
        client.geonames_place("480060")
