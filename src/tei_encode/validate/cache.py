"""The user cache: named schemas fetched once, and pruned grammars kept between runs.

The directory is ``$TEI_ENCODE_CACHE`` when set, else ``$XDG_CACHE_HOME/tei-encode``, else
``~/.cache/tei-encode``. Entries are written atomically, so concurrent runs never see half a file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .. import __version__


def cache_dir() -> Path:
    """The cache directory (not created)."""
    explicit = os.environ.get("TEI_ENCODE_CACHE")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "tei-encode"


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def entry_key(*parts: str) -> str:
    """A cache key from its parts and the tool's version, so an upgrade never reads stale entries."""
    return hashlib.sha256("\0".join([__version__, *parts]).encode()).hexdigest()


def url_cache_path(url: str) -> Path:
    """Where the cache keeps the file fetched from ``url`` (found there by ``<?xml-model?>`` lookups)."""
    digest = hashlib.sha256(url.encode()).hexdigest()[:20]
    name = url.rstrip("/").rsplit("/", 1)[-1] or "schema"
    return cache_dir() / "urls" / digest / name
