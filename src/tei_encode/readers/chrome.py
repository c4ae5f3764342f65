"""Site chrome: the lines of a copied web page that belong to the site, not to the document.

Told by their shape, never by a site's wording: a navigation bar (three or more short link labels between
``|``, or a row of bare ``|``), a breadcrumb (three or more short steps between ``»``, ``›`` or ``>``), a skip
link (``Skip to content``, ``Перейти к содержимому``), the label over a breadcrumb (``You are here``, ``Вы
здесь``) and a pager (``< previous   next >``). Such lines are blanked (so line numbers stay right) and
reported; every other line is kept.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter

# A line of three or more parts between bars (a navigation bar, or a table row: see ``_link_labels``).
NAV_BAR = re.compile(r"^[^|\n]+(?:\|[^|\n]+){2,}$")
_BARS_ONLY = re.compile(r"^(?:\|\s*){3,}$")
_BREADCRUMB_STEP = re.compile(r"\s(?:»|›|>)\s|\s*»\s*")
_SKIP_LINK = re.compile(
    r"^(?:Skip|Jump) to (?:the )?(?:main )?(?:content|navigation|menu)$"
    r"|^Перейти к (?:основному )?(?:содержимому|содержанию)$",
    re.I,
)
# A pager: the links to the previous and the next page between angle brackets ("< backward   forward >").
_PAGER = re.compile(r"^(?:<<?|«|‹)\s*\w+(?:\s+\w+)?\s*(?:\|\s*)?\w+(?:\s+\w+)?\s*(?:>>?|»|›)$")
_HERE = re.compile(r"^(?:You are here|Вы здесь|Вы находитесь здесь)\s*:?$", re.I)
_LABEL_WORDS = 5  # a link label is a few words: more is a sentence
_STEP_WORDS = 8  # a breadcrumb step names a page: a title may run longer than a link


def chrome_kind(line: str) -> str | None:
    """What site chrome a whole line (stripped) is by its shape (``navigation bar``, ``breadcrumb``, ``skip
    link``), or None for a line of the document."""
    if _SKIP_LINK.match(line):
        return "skip link"
    if _HERE.match(line):
        return "breadcrumb"
    if _PAGER.match(line):
        return "pager"
    if _BARS_ONLY.match(line) or (
        NAV_BAR.match(line) and not line.startswith("|") and _link_labels(line.split("|"), _LABEL_WORDS)
    ):
        return "navigation bar"
    steps = _BREADCRUMB_STEP.split(line)
    return "breadcrumb" if len(steps) >= 3 and _link_labels(steps, _STEP_WORDS) else None


def _link_labels(parts: list[str], words: int) -> bool:
    """Whether every part reads as a link's label: a few words, opening with a capital or a digit, not ending a
    sentence (a table row of figures or of sentences is not a navigation bar)."""
    labels = [p.strip() for p in parts]
    return all(
        label
        and len(label.split()) <= words
        and (label[0].isupper() or label[0].isdigit())
        and label[-1] not in ".,;:!?"
        for label in labels
    ) and not all(label.replace(",", "").replace(".", "").isdigit() for label in labels[1:])


# Every chrome line holds one of these (a cheap test before the patterns).
_CUES = re.compile(r"[|»›>]|^(?:Skip|Jump|Перейти|You|Вы)", re.M)


def drop_chrome(text: str, reporter: Reporter) -> str:
    """``text`` with its chrome lines blanked, each reported (``site-chrome-dropped``) with its line."""
    if not _CUES.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        kind = chrome_kind(stripped) if stripped else None
        if kind is not None:
            reporter.info("site-chrome-dropped", f"{kind} dropped: {stripped!r}", number)
            lines[number - 1] = ""
    return "\n".join(lines)
