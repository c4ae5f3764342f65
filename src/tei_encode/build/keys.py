"""The keys of a build: what decides a document's output, hashed, so that a changed input rebuilds.

The build key hashes everything but the sources (the tool's version and code,
the state format, the corpus name, the register, the schemas and the edition's
description); a source's key hashes the build key with the source's name and
bytes. The same code fingerprint on every worker of a cluster is what makes a
cluster build give the bytes of a local one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__
from ..buildstate import STATE_FORMAT
from ..exchange.cmif import EDITION_FILE
from .worker import BuildSettings


def build_key(settings: BuildSettings) -> str:
    """A hash of everything but the source that decides a document's output."""
    digest = hashlib.sha256(f"tei-encode {__version__} state {STATE_FORMAT}\n".encode())
    digest.update(settings.corpus_name.encode() + b"\n")
    digest.update(code_fingerprint().encode() + b"\n")
    register = sorted(settings.register_dir.glob("*.xml")) if settings.register_dir.is_dir() else []
    edition = [p for p in [settings.register_dir.parent / EDITION_FILE] if p.is_file()]
    for label, paths in (("register", register), ("schema", list(settings.schemas)), ("edition", edition)):
        for path in paths:
            digest.update(f"{label} {path.name} {file_hash(path)}\n".encode())
    return digest.hexdigest()


def source_key(build: str, source: Path) -> str:
    """The key of one source; empty when it cannot be read (so it is always tried again)."""
    try:
        content = file_hash(source)
    except OSError:
        return ""
    return hashlib.sha256(f"{build}\n{source.name}\n{content}\n".encode()).hexdigest()


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_fingerprint() -> str:
    """A hash of the package's code and data files (the command line excepted), so a changed tool rebuilds."""
    package = Path(__file__).parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package).as_posix()
        if path.is_file() and not relative.startswith("cli/") and "__pycache__" not in relative:
            digest.update(f"{relative} {file_hash(path)}\n".encode())
    return digest.hexdigest()
