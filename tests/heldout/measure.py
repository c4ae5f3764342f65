"""How the held-out documents are measured: shared by ``bench/heldout.py`` and ``test_heldout.py``.

``manifest.json`` names, for each source text in ``documents/``, its gold markup, layout,
language, the number of documents (letters, cables, notes) it holds and its chrome lines: lines
of the web site, not of the document, which a converter may drop but must never mark up. What
a converter wrote for one source is measured by

- the markup score of ``../shared/tools/score_markup.py`` against the gold,
- the word coverage of ``../shared/tools/fidelity.py`` over the source without its chrome lines,
- the number of documents: the TEI files written, less collection indexes (a file whose
  ``correspDesc/@ref`` names another file written for the same source),
- the chrome lines (as whole words, white space collapsed) found overlapping a mention
  (persName, placeName, orgName, name, rs, date, time, idno) or in a ``titleStmt`` title.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from lxml import etree

HELDOUT = Path(__file__).resolve().parent
REPO = HELDOUT.parents[1]
SHARED = REPO.parent / "shared"
TEI_NS = "http://www.tei-c.org/ns/1.0"
MENTION_TAGS = {"persName", "placeName", "orgName", "name", "rs", "date", "time", "idno"}
# Elements inside a line of text; every other element starts and ends a block (a paragraph, a note, a line).
INLINE_TAGS = MENTION_TAGS | {
    "hi",
    "seg",
    "del",
    "add",
    "subst",
    "supplied",
    "gap",
    "unclear",
    "sic",
    "corr",
    "choice",
    "abbr",
    "expan",
    "orig",
    "reg",
    "ref",
    "ptr",
    "term",
    "foreign",
    "emph",
    "q",
    "quote",
    "num",
    "measure",
    "surname",
    "forename",
    "roleName",
    "addName",
    "genName",
    "geogName",
    "settlement",
    "country",
    "region",
    "district",
    "bloc",
    "stamp",
    "pb",
    "note",
    "anchor",
}
KINDS = ("person", "place", "date", "idno", "del", "add", "pb")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class Entry:
    """One held-out source text and what is known of it."""

    name: str
    source: Path
    gold: Path
    layout: str
    language: str
    documents: int
    chrome: tuple[str, ...]
    url: str


def load_manifest(directory: Path = HELDOUT) -> list[Entry]:
    """Every source of a held-out batch (``tests/heldout`` unless another batch's directory is given), in name order."""
    data = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))["documents"]
    return [
        Entry(
            name,
            directory / item["source"],
            directory / item["gold"],
            item["layout"],
            item["language"],
            item["documents"],
            tuple(item["chrome"]),
            item["url"],
        )
        for name, item in sorted(data.items())
    ]


def shared_tool(name: str) -> ModuleType:
    """One of the scoring tools of ``../shared/tools`` (``score_markup`` or ``fidelity``), imported."""
    path = SHARED / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"heldout_{name}", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise FileNotFoundError(f"{path}: scoring tool not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def without_chrome(text: str, chrome: tuple[str, ...]) -> str:
    """The source text less its chrome lines (compared after stripping surrounding white space)."""
    lines = {line.strip() for line in chrome}
    return "\n".join(line for line in text.splitlines() if line.strip() not in lines)


def tei_files(directory: Path) -> list[Path]:
    """The TEI files a converter wrote into a directory, in name order."""
    return sorted(directory.glob("*.xml"))


def count_documents(files: list[Path]) -> int:
    """The documents among the files: every file but a collection index (the list of a page's letters, with
    their correspondence, or without it when the letters name none)."""
    names = {f.name for f in files}
    count = 0
    for f in files:
        root = etree.parse(str(f), _PARSER).getroot()
        refs = {
            ref
            for el in root.iter(f"{{{TEI_NS}}}correspDesc")
            for ref in (el.get("ref") or "").split()
            if ref != f.name
        }
        listing = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}list[@type='letters']")
        count += not (refs & names) and listing is None
    return count


def _flat(el: etree._Element, inside: bool, out: list[tuple[str, bool]]) -> None:
    """The text under ``el`` as (text, inside a mention) pieces, in document order, blocks apart."""
    if not isinstance(el.tag, str):
        return
    name = etree.QName(el).localname
    inside = inside or name in MENTION_TAGS
    block = name not in INLINE_TAGS
    if block:
        out.append((" ", False))
    if el.text:
        out.append((el.text, inside))
    for child in el:
        _flat(child, inside, out)
        if child.tail:
            out.append((child.tail, inside))
    if block:
        out.append((" ", False))


def chrome_marked(files: list[Path], chrome: tuple[str, ...]) -> list[str]:
    """The chrome lines that a file has inside a mention or as its title, each once, in order."""
    found: list[str] = []
    for f in files:
        root = etree.parse(str(f), _PARSER).getroot()
        pieces: list[tuple[str, bool]] = []
        _flat(root, False, pieces)
        text, mask = [], []
        for piece, inside in pieces:
            for ch in piece:
                if ch.isspace():
                    if text and text[-1] == " ":
                        mask[-1] = mask[-1] or inside
                        continue
                    ch = " "
                text.append(ch)
                mask.append(inside)
        flat = "".join(text)
        titles = [
            " ".join("".join(t.itertext()).split())
            for t in root.iterfind(f".//{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title")
        ]
        for line in chrome:
            wanted = re.compile(rf"(?<!\w){re.escape(' '.join(line.split()))}(?!\w)")
            marked = any(wanted.search(title) for title in titles) or any(
                any(mask[m.start() : m.end()]) for m in wanted.finditer(flat)
            )
            if marked and line not in found:
                found.append(line)
    return found


# A number the source ran on to the next line's first word, its line break lost (``1932Archive``).
RUN_ON = re.compile(r"^(\d+)([^\W\d_]\w*)$")


def coverage(entry: Entry, files: list[Path], fidelity: ModuleType) -> tuple[int, int, Counter[str]]:
    """Words of the source (less its chrome) kept in the files: (kept, total, missing words). A number run on to
    a word counts as kept where the converter parted them and the files hold both."""
    source = without_chrome(entry.source.read_text(encoding="utf-8"), entry.chrome)
    wanted: Counter[str] = fidelity.words(source)
    kept: Counter[str] = fidelity.tei_words(files) if files else Counter()
    missing = wanted - kept
    for word in list(missing):
        match = RUN_ON.match(word)
        if match and kept[match.group(1)] and kept[match.group(2)]:
            del missing[word]
    total = sum(wanted.values())
    return total - sum(missing.values()), total, missing


def markup(entry: Entry, files: list[Path], scorer: ModuleType) -> dict[str, Any]:
    """The score of the files against the entry's gold (``score_markup.score``; empty files score 0)."""
    if files:
        result: dict[str, Any] = scorer.score(entry.gold, files)
        return result
    gold = json.loads(entry.gold.read_text(encoding="utf-8"))["mentions"]
    by_kind = Counter(m["kind"] for m in gold)
    result = {k: scorer.match(k, [m for m in gold if m["kind"] == k], []) for k in KINDS if by_kind[k]}
    result["overall"] = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "value_acc": 0.0}
    return result
