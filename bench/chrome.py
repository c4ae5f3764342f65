"""How far the chrome and splitting rules carry over: each rule alone, and all of them, on every held-out batch.

For every batch (``tests/heldout`` to the last ``tests/heldoutN``) it reads each source as ``tei-encode convert``
would, without the enrichers, and counts: the chrome lines of the batch's manifest that are dropped (and which
are not), the lines dropped that the manifest does not call chrome (words a converter would lose), and the
sources read into a number of documents other than the manifest's. With ``--rule`` it runs one rule of
``readers/`` alone over the same lines (``masthead``, ``widgets``, ``banners``, each a function of the page's lines;
``all``, every rule ``drop_chrome`` applies) and says,
per batch, which chrome lines it finds and in which sources, and every line it takes that is not chrome, also
over the regression fixtures and the corpus (which have no chrome). A rule that finds chrome
in one batch only is a sign it is keyed to that batch's site; one that takes a document's line is wrong.

    python bench/chrome.py                      # all rules, every batch
    python bench/chrome.py --rule masthead      # one rule alone
    python bench/chrome.py --missed             # also list the chrome lines not dropped
    python bench/chrome.py --first-sight        # the rules of --rule on the lines each batch marked at first sight

``--first-sight`` reads the chrome lines each batch's first-sight run marked up (its ``RESULTS.md``) and says how many
the rules that ``--rule`` offers, all of them together, would have caught alone, and which sources they would have
left with none: a measure of what the rules carry to pages they were not written for.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from tei_encode.diagnostics import Reporter  # noqa: E402
from tei_encode.readers import read_path  # noqa: E402
from tei_encode.readers.banners import banners  # noqa: E402
from tei_encode.readers.chrome import chrome_kind, no_sentence, page_chrome  # noqa: E402
from tei_encode.readers.masthead import masthead  # noqa: E402
from tei_encode.readers.widgets import widgets  # noqa: E402
from tests.heldout.measure import load_manifest  # noqa: E402

Rule = Callable[[list[str]], dict[int, str]]
RULES: dict[str, Rule] = {
    "masthead": lambda lines: masthead(lines, no_sentence),
    "widgets": widgets,
    "banners": banners,
    # what drop_chrome finds: the rules by place (page_chrome, which holds the three above) and by shape
    "all": lambda lines: page_chrome(lines) | {i: k for i, x in enumerate(lines) if (k := chrome_kind(x.strip()))},
}
NO_CHROME = ("tests/regression/fixtures", "corpus")


def batches() -> list[Path]:
    """The held-out batches, in order."""
    return sorted((p for p in (REPO / "tests").glob("heldout*") if (p / "manifest.json").is_file()), key=_order)


def _order(path: Path) -> int:
    return int(path.name.removeprefix("heldout") or 1)


def all_rules(batch: Path, missed: bool) -> str:
    """The chrome dropped, the lines wrongly dropped and the wrong document counts of one batch."""
    total = dropped = 0
    wrong: list[str] = []
    splits: list[str] = []
    left: list[str] = []
    for entry in load_manifest(batch):
        lines = entry.source.read_text(encoding="utf-8").split("\n")
        reporter = Reporter(entry.source.name)
        documents = read_path(entry.source, reporter)
        drops = {d.line - 1 for d in reporter.diagnostics if d.code == "site-chrome-dropped"}
        chrome = {line.strip() for line in entry.chrome}
        found = {lines[i].strip() for i in drops if i < len(lines)}
        total += len(chrome)
        dropped += len(chrome & found)
        wrong += [
            f"{entry.name}:{i + 1} {lines[i].strip()[:80]!r}" for i in sorted(drops) if lines[i].strip() not in chrome
        ]
        left += [f"{entry.name}: {line[:100]!r}" for line in sorted(chrome - found)]
        if len(documents) != entry.documents:
            splits.append(f"{entry.name} {len(documents)} for {entry.documents}")
    out = [f"{batch.name}: chrome lines dropped {dropped}/{total}; lines of documents dropped {len(wrong)}; "]
    out[0] += f"sources split or merged wrongly {len(splits)}" + (f" ({'; '.join(splits)})" if splits else "")
    out += [f"  dropped, not chrome: {w}" for w in wrong]
    out += [f"  chrome kept: {m}" for m in left] if missed else []
    return "\n".join(out)


def one_rule(name: str, rule: Rule, batch: Path) -> str:
    """The chrome lines one rule finds in a batch, in which sources, and the lines it takes that are not chrome."""
    total = hits = 0
    sources: set[str] = set()
    wrong: list[str] = []
    for entry in load_manifest(batch):
        lines = entry.source.read_text(encoding="utf-8").split("\n")
        chrome = {line.strip() for line in entry.chrome}
        total += len(chrome)
        for i in sorted(rule(lines)):
            if lines[i].strip() in chrome:
                hits += 1
                sources.add(entry.name)
            else:
                wrong.append(f"  not chrome: {entry.name}:{i + 1} {lines[i].strip()[:80]!r}")
    head = f"{batch.name}: {name} finds {hits}/{total} chrome lines in {len(sources)} sources {sorted(sources)}; "
    return "\n".join([head + f"lines of documents {len(wrong)}", *wrong])


def no_chrome(name: str, rule: Rule) -> str:
    """The lines one rule takes in the pages that hold no chrome."""
    found = []
    for folder in NO_CHROME:
        for path in sorted((REPO / folder).glob("*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n")
            found += [f"  {path.relative_to(REPO)}:{i + 1} {lines[i].strip()[:80]!r}" for i in sorted(rule(lines))]
    return "\n".join([f"pages of no chrome: {name} takes {len(found)} lines", *found])


def first_sight(batch: Path) -> str:
    """How many of the chrome lines a batch's first-sight run marked up the rules of ``RULES`` together catch."""
    text = (batch / "RESULTS.md").read_text(encoding="utf-8")
    section = text[text.index("## first sight") :]
    line = next(line for line in section.split("\n") if line.startswith("- Chrome marked up"))
    entries = {entry.name: entry for entry in load_manifest(batch)}
    total = caught = 0
    whole = []
    marked = re.findall(r"`([^`]+)`: ((?:“[^”]*”(?:, )?)+)", line)
    for name, quoted in marked:
        lines = entries[name].source.read_text(encoding="utf-8").split("\n")
        found = {" ".join(lines[i].split()) for rule in RULES.values() for i in rule(lines)}
        wanted = [" ".join(m.split()) for m in re.findall(r"“([^”]*)”", quoted)]
        total += len(wanted)
        caught += sum(m in found for m in wanted)
        whole += [name] if all(m in found for m in wanted) else []
    return (
        f"{batch.name}: first sight marked {total} chrome lines in {len(marked)} sources; the rules alone catch "
        f"{caught} lines and all of {len(whole)} sources {whole}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rule", choices=sorted(RULES), help="run one rule alone (default: all, as convert reads)")
    parser.add_argument("--missed", action="store_true", help="also list the chrome lines not dropped")
    parser.add_argument("--first-sight", action="store_true", help="the rules on the lines first sight marked up")
    args = parser.parse_args()
    for batch in batches():
        if args.first_sight:
            print(first_sight(batch))
        else:
            print(one_rule(args.rule, RULES[args.rule], batch) if args.rule else all_rules(batch, args.missed))
    if args.rule:
        print(no_chrome(args.rule, RULES[args.rule]))


if __name__ == "__main__":
    main()
