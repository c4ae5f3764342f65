"""The TEI Stylesheets' own docx test inputs: each converts to tei_all-valid TEI that keeps every word.

The files are not part of this repository: set ``TEI_STYLESHEETS`` to a checkout of
TEIC/Stylesheets (its ``Test/`` and ``Test2/inputFiles/`` hold 16 .docx files). Without it the
test is skipped, in CI too: it is a conformance benchmark run on demand, not a fixture we ship.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main

from ...conftest import require_shared, require_tool
from .words import docx_words, tei_words


def stylesheets_inputs() -> list[Path]:
    root = os.environ.get("TEI_STYLESHEETS")
    if not root:
        return []
    base = Path(root)
    return sorted([*base.glob("Test/**/*.docx"), *base.glob("Test2/inputFiles/*.docx")])


@pytest.mark.slow
@pytest.mark.skipif(not stylesheets_inputs(), reason="TEI_STYLESHEETS is not set to a TEIC/Stylesheets checkout")
def test_stylesheets_docx_inputs_convert_valid_and_lossless(tmp_path: Path) -> None:
    from lxml import etree

    inputs = stylesheets_inputs()
    assert len(inputs) >= 16
    outputs = []
    for k, source in enumerate(inputs):
        out = tmp_path / str(k)
        result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
        assert result.exit_code in (0, 1), result.output
        (produced,) = out.glob("*.xml")
        lost = docx_words(source.read_bytes()) - tei_words(etree.parse(str(produced)))
        assert not lost, f"{source.name}: words lost: {dict(lost)}"
        outputs.append(produced)
    jing = require_tool("jing")
    tei_all = require_shared("tei-p5/tei_all.rng")
    checked = subprocess.run([jing, str(tei_all), *map(str, outputs)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
