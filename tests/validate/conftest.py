"""The validator's tests use their own user cache, never the real one, with tei_all from ../shared/tei-p5."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_encode.validate.named import fetch
from tests.conftest import SHARED


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache directory for the whole session (pruned grammars are shared between tests).

    tei_all, the default schema of documents that name none, is put there from ../shared/tei-p5
    (checksum-verified, as ``tei-encode schema fetch tei_all --from DIR`` does) when it is there;
    tests that need it call ``require_shared`` themselves.
    """
    cache = tmp_path_factory.getbasetemp() / "tei-encode-cache"
    release = SHARED / "tei-p5"
    if (release / "tei_all.rng").is_file():
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("TEI_ENCODE_CACHE", str(cache))
            fetch("tei_all", str(release))
    return cache


@pytest.fixture(autouse=True)
def _own_cache(_session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The session's cache, for every test of the validator."""
    monkeypatch.setenv("TEI_ENCODE_CACHE", str(_session_cache))
    return _session_cache
