"""The validator's tests use their own user cache, never the real one."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One cache directory for the whole session (pruned grammars are shared between tests)."""
    cache = tmp_path_factory.getbasetemp() / "tei-encode-cache"
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(cache))
    return cache
