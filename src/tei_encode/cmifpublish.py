"""The CMIF file of a build, made again only from the letters that changed.

Each letter's CMIF parts (its source's ``bibl`` and its ``correspDesc``) are
kept in ``OUT/.cmif-parts.json`` under the key of the source it came from; a
later build reads and converts only the TEI files whose source key changed, so
touching one letter of ten thousand does not mean parsing them all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from .diagnostics import Reporter
from .errors import TeiEncodeError
from .exchange.cmif import cmif_from_parts, letter_parts
from .exchange.edition import EDITION_FILE, CmifHeader, edition_header
from .xmlio import parse_file, safe_parser, serialize, write_atomic

PARTS_FILE = ".cmif-parts.json"
CMIF_FILE = "cmif.xml"
Parts = tuple[etree._Element, etree._Element]


def publish_cmif(corpus: Path, out: Path, documents: Iterable[tuple[str, str]], reporter: Reporter) -> None:
    """Write ``OUT/cmif.xml`` for ``documents`` (TEI file name, key of its source; in corpus order) when the
    corpus describes its edition in ``cmif.json``; remove it when it does not. Raises ``OSError`` on writing."""
    target = out / CMIF_FILE
    try:
        header = edition_header(corpus / EDITION_FILE, os.environ)
    except TeiEncodeError as exc:
        reporter.error("cmif-header", str(exc))
        header = None
    if header is None:
        target.unlink(missing_ok=True)
        (out / PARTS_FILE).unlink(missing_ok=True)
        return
    cached = _load(out / PARTS_FILE)
    kept: dict[str, list[str]] = {}
    parts = list(_parts(out, documents, header, cached, kept, reporter))
    write_atomic(target, serialize(cmif_from_parts(header, parts)))
    write_atomic(out / PARTS_FILE, json.dumps(kept, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _parts(
    out: Path,
    documents: Iterable[tuple[str, str]],
    header: CmifHeader,
    cached: dict[str, list[str]],
    kept: dict[str, list[str]],
    reporter: Reporter,
) -> Iterator[Parts]:
    for name, key in documents:
        entry = cached.get(name)
        if entry is None or entry[0] != key:
            found = letter_parts(parse_file(out / "tei" / name).getroot(), header, reporter)
            entry = [key, *(etree.tostring(e, encoding="unicode") for e in found)] if found else [key]
        kept[name] = entry
        if len(entry) == 3:
            yield etree.fromstring(entry[1], safe_parser()), etree.fromstring(entry[2], safe_parser())


def _load(path: Path) -> dict[str, list[str]]:
    """The parts kept by the last build ({} when there are none or they cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
