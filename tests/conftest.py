"""Shared fixtures: the repository layout, ../shared, external tools that skip locally and fail in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
SOURCES = {
    "wilson-119543-cable-5542": CORPUS / "wilson-119543-cable-5542.txt",
    "bolshevik-correspondence-091-100": CORPUS / "bolshevik-correspondence-091-100.txt",
}


def require_tool(name: str) -> str:
    """The path of an external program; skips without it locally, fails without it in CI."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is required in CI but is not installed")
    pytest.skip(f"{name} is not installed")


def require_shared(relative: str) -> Path:
    """A file of ../shared; skips without it locally, fails without it in CI."""
    path = SHARED / relative
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is required in CI")
    pytest.skip(f"{path} is not available")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus built once into a temporary ``out`` directory."""
    from tei_encode.build import build

    out = tmp_path_factory.mktemp("out")
    build(CORPUS, out)
    return out


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """TEI P5 tei_all compiled by libxml2 once per test session (it takes 17-19 s)."""
    path = require_shared("tei-p5/tei_all.rng")
    return etree.RelaxNG(etree.parse(str(path)))
