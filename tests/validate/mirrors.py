"""The TEI's repositories for the tests of ODD processing: bare git mirrors beside the checkout.

They are not part of this repository: ``$TEI_ENCODE_MIRRORS``, else ``../.mirror``, holds
``OWNER+NAME/repo`` (``TEIC+Stylesheets``, ``TEIC+TEI``, ``dracor-org+dracor-schema``); the tests
that need one skip without it, in CI too: no package registry carries these repositories, so
CI (a fresh clone with only ``shared/`` beside it) cannot install them. Files are read at a tag
without touching the mirror (a private index), and the P5 subset is
derived from the TEI's sources at its release tag by the TEI's own ``expand.xsl`` and
``subset.xsl``, as its build does.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tei_encode.validate import saxon
from tests.conftest import REPO, require_tool

MIRRORS = Path(os.environ.get("TEI_ENCODE_MIRRORS") or REPO.parent / ".mirror")
STYLESHEETS_TAG = "v7.57.0"
TEI_TAG = "P5_Release_4.8.0"
# What the TEI's build reads to make p5subset.xml (its Utilities also hold jars the mirror leaves out).
TEI_SOURCES = ["P5/Source", "P5/Utilities/expand.xsl", "P5/Utilities/subset.xsl", "P5/VERSION"]


def require_mirror(name: str) -> Path:
    """The bare git directory of a mirrored repository; skips when it is not there."""
    path = MIRRORS / name / "repo"
    if not path.is_dir():
        pytest.skip(f"{path} is not available (a mirror of the public repository, not part of this one)")
    return path


def checkout(mirror: Path, tag: str, paths: list[str], into: Path) -> Path:
    """The files ``paths`` of ``tag`` written under ``into`` (the mirror is left as it is)."""
    git = require_tool("git")
    into.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "GIT_INDEX_FILE": str(into.parent / f".{into.name}.index")}
    command = [git, f"--git-dir={mirror}", f"--work-tree={into}", "checkout", tag, "--", *paths]
    subprocess.run(command, check=True, capture_output=True, env=environment)
    return into


def derive_subset(tei_sources: Path, into: Path) -> Path:
    """p5subset.xml made from a checkout of ``P5/`` at a release tag, as the TEI's build makes it."""
    p5 = tei_sources / "P5"
    # expand.xsl records the revision it was built from; the build writes it from git log.
    (p5 / "repodate.xml").write_text(
        '<info type="git"><entry><commit revision="P5_Release_4.8.0"><date>2024-07-08 10:20:48 +0200</date>'
        "</commit></entry></info>",
        encoding="utf-8",
    )
    compiler = saxon.processor().new_xslt30_processor()
    expanded = into / "p5.xml"
    subset = into / "p5subset.xml"
    expand = compiler.compile_stylesheet(stylesheet_file=str(p5 / "Utilities" / "expand.xsl"))
    expand.transform_to_file(source_file=str(p5 / "Source" / "guidelines-en.xml"), output_file=str(expanded))
    cut = compiler.compile_stylesheet(stylesheet_file=str(p5 / "Utilities" / "subset.xsl"))
    cut.transform_to_file(source_file=str(expanded), output_file=str(subset))
    expanded.unlink()
    return subset
