"""Shared fixtures: the repository layout, ../shared, external tools that skip locally and fail in CI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase
from lxml import etree

from tei_encode.validate.cache import cache_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
SOURCES = {
    "wilson-119543-cable-5542": CORPUS / "wilson-119543-cable-5542.txt",
    "bolshevik-correspondence-091-100": CORPUS / "bolshevik-correspondence-091-100.txt",
}

# Hypothesis keeps what it stores (the examples that failed, to try first next time) in the user cache, not in the
# repository: its database goes there, and so does the rest of its storage (HYPOTHESIS_STORAGE_DIRECTORY).
HYPOTHESIS_STORAGE = cache_dir() / "hypothesis"
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(HYPOTHESIS_STORAGE))
settings.register_profile("tei-encode", database=DirectoryBasedExampleDatabase(HYPOTHESIS_STORAGE / "examples"))
settings.load_profile("tei-encode")


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


# The navigation bar of a collection page ("Marx-Engels | Lenin | Stalin | Home Page") belongs to no letter and the
# reader drops it: its words may be lost, each as many times as the bar has it and no more (a "Lenin" of a letter
# lost beside the bar's fails).
NAVIGATION_BAR = re.compile(r"^Marx-Engels\s*\|.*\|\s*Home\s+Page\s*$", re.M)


def navigation_words(source: Path) -> Counter[str]:
    """The words of the navigation bars of ``source``, case-folded as ``fidelity.py`` counts them."""
    bars = NAVIGATION_BAR.findall(unicodedata.normalize("NFC", source.read_text(encoding="utf-8")))
    return Counter(word for bar in bars for word in re.findall(r"\w+", bar.casefold()))


def words_lost(source: Path, files: list[Path]) -> Counter[str]:
    """Each word of ``source`` that the TEI ``files`` lack, with how many times (``../shared/tools/fidelity.py``)."""
    tool = require_shared("tools/fidelity.py")
    command = [sys.executable, str(tool), str(source), *map(str, files), "--show", "--allow-missing", "1000000"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    line = next((line for line in result.stdout.splitlines() if line.startswith("missing:")), "missing:")
    lost: Counter[str] = Counter()
    for item in filter(None, (item.strip() for item in line[len("missing:") :].split(","))):
        word, _, times = item.partition("×")  # "lenin×2", or "lenin" once
        lost[word] += int(times or 1)
    return lost


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
