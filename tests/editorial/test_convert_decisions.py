"""``convert`` applies the editors' decisions beside a source, as ``build`` does, unless told not to."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tei_encode.cli import main

from ..conftest import SOURCES


def test_convert_applies_the_decisions_beside_the_source(tmp_path: Path) -> None:
    source = SOURCES["bolshevik-correspondence-091-100"]
    decided = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "decided")])
    assert decided.exit_code == 0, decided.output
    assert "may be any of" not in decided.output
    ignored = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "ignored"), "--no-decisions"])
    assert ignored.exit_code == 0, ignored.output
    assert "'Kamenev' may be any of" in ignored.output
    letter = "bolshevik-correspondence-no099.xml"
    assert (tmp_path / "decided" / letter).read_bytes() != (tmp_path / "ignored" / letter).read_bytes()
