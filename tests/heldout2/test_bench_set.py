"""``bench/heldout.py --set DIR`` measures the batch it names and refuses a directory that is not one.

The batch measured here is one document of the first batch, copied with its gold into a
temporary directory: the second batch is measured only by its recorded first-sight run.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ..conftest import require_shared
from ..heldout.measure import HELDOUT, REPO

SOURCE = "istmat-60201-yagoda-1934"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """``bench/heldout.py``, imported once (registered, as its dataclasses need)."""
    spec = importlib.util.spec_from_file_location("bench_heldout", REPO / "bench" / "heldout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def one_document_batch(directory: Path) -> Path:
    """A batch holding one source of the first batch, with its gold and its manifest entry."""
    entry = json.loads((HELDOUT / "manifest.json").read_text(encoding="utf-8"))["documents"][SOURCE]
    for key in ("source", "gold"):
        (directory / entry[key]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(HELDOUT / entry[key], directory / entry[key])
    manifest = {"documents": {SOURCE: entry}}
    (directory / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return directory


def test_a_directory_without_a_manifest_is_refused(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_shared("tools/score_markup.py")
    assert bench.main(["--set", str(tmp_path)]) == 2
    assert f"heldout: {tmp_path}: no manifest.json here" in capsys.readouterr().err


def test_the_named_batch_is_measured_with_both_registers(bench: ModuleType, tmp_path: Path) -> None:
    require_shared("tools/score_markup.py")
    require_shared("tools/fidelity.py")
    batch = one_document_batch(tmp_path / "batch")
    results = tmp_path / "RESULTS.md"
    argv = ["--set", str(batch), "--label", "check", "--date", "2026-12-06", "--out", str(results)]
    assert bench.main(argv) == 0
    text = results.read_text(encoding="utf-8")
    assert "with `python bench/heldout.py --set DIR --label check --date 2026-12-06 --out DIR`." in text
    assert "1 sources (1 documents) in 1 layouts, 1 ru; 7 gold mentions." in text
    assert text.count(f"| {SOURCE} | russian-document-site | ru | 1 (1) |") == 2
    assert "Documents split or merged wrongly: 0 of 1 sources" in text
