"""The TEI Stylesheets' own docx test inputs: each converts to tei_all-valid TEI that keeps every word.

The files are not part of this repository: ``TEI_STYLESHEETS`` names a checkout of
TEIC/Stylesheets (its ``Test/`` and ``Test2/inputFiles/`` hold 16 .docx files), else they are
read from the Stylesheets' mirror at the tag the ODD tests use (``tests/validate/mirrors.py``);
without either the test skips (in CI too: no registry carries the Stylesheets).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_encode.cli import main

from ...conftest import require_shared, require_tool
from ...validate.mirrors import STYLESHEETS_TAG, checkout, require_mirror
from .words import docx_words, tei_words


def stylesheets_inputs(scratch: Path) -> list[Path]:
    """The Stylesheets' docx test inputs, from ``TEI_STYLESHEETS`` or checked out of the mirror into ``scratch``."""
    root = os.environ.get("TEI_STYLESHEETS")
    base = Path(root) if root else _mirrored(scratch)
    return sorted([*base.glob("Test/**/*.docx"), *base.glob("Test2/inputFiles/*.docx")])


def _mirrored(scratch: Path) -> Path:
    """The docx inputs of the Stylesheets' mirror at ``STYLESHEETS_TAG``, checked out under ``scratch``."""
    mirror = require_mirror("TEIC+Stylesheets")
    git = require_tool("git")
    listing = [git, f"--git-dir={mirror}", "ls-tree", "-r", "--name-only", STYLESHEETS_TAG, "Test", "Test2/inputFiles"]
    names = subprocess.run(listing, capture_output=True, text=True, check=True).stdout.split()
    return checkout(mirror, STYLESHEETS_TAG, [name for name in names if name.endswith(".docx")], scratch)


@pytest.mark.slow
def test_stylesheets_docx_inputs_convert_valid_and_lossless(tmp_path: Path) -> None:
    from lxml import etree

    inputs = stylesheets_inputs(tmp_path / "stylesheets")
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
