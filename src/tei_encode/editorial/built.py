"""The editorial step inside an incremental build: keys that change with a document's decisions, review rows
kept with a source's record, and ``OUT/review/`` made from the rows of every source.

A source's key covers the decisions about the documents it gives, so a build
converts a source again when a decision about one of its documents is added,
changed or removed, and only then.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import orjson

from ..xmlio import update_atomic
from .decisions import Decision
from .page import review_files
from .rows import ReviewRow

REVIEW_DIR = "review"


def decided_key(key: str, decisions: Sequence[Decision], document_ids: Iterable[str]) -> str:
    """``key`` (of a source) combined with the decisions about ``document_ids``; ``key`` itself when there are none."""
    wanted = set(document_ids)
    about = [repr(d) for d in decisions if d.document in wanted]
    if not key or not about:
        return key
    return hashlib.sha256("\n".join([key, *about]).encode("utf-8")).hexdigest()


def encode_rows(rows: Iterable[ReviewRow]) -> list[str]:
    """Review rows as lines of JSON, to keep in a build's state: each a list of its fields in the order of
    ``FIELDS`` (names left out: a corpus has hundreds of thousands of rows)."""
    return [orjson.dumps(r.values()).decode("utf-8") for r in rows]


def decode_rows(lines: list[str]) -> list[ReviewRow]:
    """The rows of ``encode_rows`` lines."""
    if not lines:
        return []
    return [ReviewRow(*values) for values in orjson.loads("[" + ",".join(lines) + "]")]


def review_key(build: str, lines: Iterable[str]) -> str:
    """A hash of the encoded review rows of every source under the key of a ``build``: the review files are
    written again only when it changes."""
    digest = hashlib.sha256(build.encode("utf-8"))
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def publish_review(out: Path, lines: list[str]) -> None:
    """Write ``OUT/review/`` from the encoded rows of every source (files whose bytes would not change are left
    alone)."""
    (out / REVIEW_DIR).mkdir(parents=True, exist_ok=True)
    for name, data in review_files(decode_rows(lines)):
        update_atomic(out / REVIEW_DIR / name, data)
