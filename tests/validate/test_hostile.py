"""Hostile XML: each attack is refused with its own message, a finding (exit 1), in bounded CPU time and memory.

The bounds are enforced, not timed: the parse runs in a child process limited to 2 s of CPU
and 250 MB of address space (the interpreter takes about 25 MB), so a hang or a blow-up kills
the child and fails the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main

pytest.importorskip("resource")

LOL = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
HOSTILE = {
    "xxe-local-file": (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">&secret;</TEI>\n',
        "entity declarations refused (secret)",
    ),
    "xxe-network": (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/leak">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">&remote;</TEI>\n',
        "entity declarations refused (remote)",
    ),
    "billion-laughs": (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">{LOL}]>\n<lolz>&lol9;</lolz>\n',
        "entity",
    ),
    "parameter-entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % ext SYSTEM "http://127.0.0.1:{port}/x.dtd"> %ext;]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n',
        "refused",
    ),
    "external-dtd-subset": (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://127.0.0.1:{port}/tei.dtd">\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n',
        "external DTD subset 'http://127.0.0.1:{port}/tei.dtd' refused",
    ),
    "deep-nesting": ("<a>" * 10_000 + "</a>" * 10_000, "elements nested deeper than 256 levels; refused"),
    "not-well-formed": ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p></TEI>', "mismatch"),
    # libxml2 versions word this differently ("Document is empty", "Start tag expected").
    "binary": ("\x00\x01\x02\x89PNG\r\n\x1a\n", ""),
}

CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (2, 2))
resource.setrlimit(resource.RLIMIT_AS, (250 * 2**20, 250 * 2**20))
from pathlib import Path
from lxml import etree
from tei_encode.xmlio import UnsafeXML, parse_file
try:
    parse_file(Path(sys.argv[1]))
    outcome = {"kind": "parsed", "message": ""}
except UnsafeXML as exc:
    outcome = {"kind": "refused", "message": exc.msg}
except etree.XMLSyntaxError as exc:
    outcome = {"kind": "not-well-formed", "message": exc.msg}
print(json.dumps(outcome))
"""


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"leaked")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server() -> Iterator[tuple[int, list[str]]]:
    """A loopback HTTP server that records every request, to prove none is made."""
    _Recorder.requests = []
    httpd = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], _Recorder.requests
    httpd.shutdown()
    httpd.server_close()


def _write(tmp_path: Path, name: str, port: int) -> tuple[Path, str]:
    text, message = HOSTILE[name]
    path = tmp_path / f"{name}.xml"
    path.write_bytes(text.replace("{port}", str(port)).encode("utf-8", "surrogateescape"))
    return path, message.replace("{port}", str(port))


@pytest.mark.parametrize("name", list(HOSTILE), ids=list(HOSTILE))
def test_parser_refuses_within_bounds(tmp_path: Path, server: tuple[int, list[str]], name: str) -> None:
    port, requests = server
    path, message = _write(tmp_path, name, port)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert child.returncode == 0, child.stderr
    outcome = json.loads(child.stdout)
    assert outcome["kind"] in {"refused", "not-well-formed"}
    assert outcome["message"] and message in outcome["message"]
    assert requests == []


@pytest.mark.parametrize("name", list(HOSTILE), ids=list(HOSTILE))
def test_validate_reports_a_finding_not_a_traceback(tmp_path: Path, server: tuple[int, list[str]], name: str) -> None:
    port, requests = server
    path, message = _write(tmp_path, name, port)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"{path}:" in result.output and message in result.output
    assert "root:" not in result.output and "leaked" not in result.output
    assert requests == []
