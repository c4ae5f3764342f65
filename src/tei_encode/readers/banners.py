"""A site's lines about itself around a page's text: its banner, its list of other postings, a link at head and foot.

Told by their shape and their place:

- above the page's first sentence, a banner about the site, a sentence that speaks of the web in two ways or more (``web
  site``, ``www.``, ``links``, ``Internet``, ``contact us``, ``click here``, ``e-mail alerts``, ``сайт``,
  ``ссылки``): ``The State Department web site below is a permanent electronic archive ...``, ``External links to
  other Internet sites should not be construed as an endorsement``; a document of its time names none of these twice
  (a recent one's closing words may, so nothing below the text is taken for a banner);
- above the page's first sentence or below its last, the site's list of its other postings: three or more titles,
  each over the date the site posted it (a date of the web's years, 1995 on, alone on its line), and the list's
  heading of a few words over them (``Related Links``);
- a link in brackets given as the page's first line and again as its last (``[Оглавление]``), no figures in it.
"""

from __future__ import annotations

import re

from ..lexicon import CASE_ALIKE
from .layout import STAMP_WORDS
from .masthead import WEB_DATE

_WEB_WORDS = re.compile(
    r"\bweb\s?sites?\b|\binternet\b|\bwww\.|\bhttps?://|\blinks?\b|\bcontact us\b|\bclick here\b|\be-?mail alerts?\b"
    r"|\bсайт\w*|\bинтернет\w*|\bссылк\w*|\bнажмите\b",
    re.I,
)
# A quick test of _WEB_WORDS: each of its words holds one of these, lower-cased (the expression, case-insensitive and
# opening on a word boundary, tries every position of a line; most lines of a page name no web at all).
_WEB_STEMS = (
    "web", "internet", "www.", "http", "link", "contact us", "click here", "mail alert", "сайт", "интернет", "ссылк",
    "нажмите",
)  # fmt: skip
_CASE_ALIKE = re.compile(f"[{CASE_ALIKE}]")
_BANNER_CUES = 2
_POSTED = re.compile(rf"^{WEB_DATE}\.?$", re.I)
_POSTINGS = 3
_TITLE_WORDS = 12
_HEADING_WORDS = 3
_LINK = re.compile(r"^\[\s*[^\[\]\d\s]+(?:\s+[^\[\]\d\s]+){0,2}\s*\]$")
_SENTENCE_WORDS = 8


def banners(lines: list[str]) -> dict[int, str]:
    """The site's banner, list of postings and repeated link outside the page's text, by line index."""
    texts = [line.strip() for line in lines]
    found = {i: "site banner" for i, line in enumerate(texts) if _banner(line)}
    sentences = [i for i, line in enumerate(texts) if i not in found and _sentence(line)]
    if not sentences:
        return {}
    outside = {*range(sentences[0]), *range(sentences[-1] + 1, len(lines))}
    found = {i: kind for i, kind in found.items() if i < sentences[0]}
    found.update(_postings(texts, outside))
    return found | _repeated_link(texts)


def _banner(line: str) -> bool:
    """Whether a line is a sentence that speaks of the web in two ways or more (a heading that does, ``Internet Links
    and Web Sites``, may be a recent document's own)."""
    return (
        len(line.split()) >= _SENTENCE_WORDS
        and _may_name_web(line)
        and len({cue.group().lower() for cue in _WEB_WORDS.finditer(line)}) >= _BANNER_CUES
    )


def _may_name_web(line: str) -> bool:
    """Whether ``line`` may hold a word of ``_WEB_WORDS``: one of their stems, lower-cased."""
    if _CASE_ALIKE.search(line):
        return True
    lowered = line.lower()
    return any(stem in lowered for stem in _WEB_STEMS)


def _postings(texts: list[str], outside: set[int]) -> dict[int, str]:
    """The runs of three or more titles over their web dates outside the text, with the heading over a run."""
    found: dict[int, str] = {}
    rows = [i for i, line in enumerate(texts) if line and i in outside]
    k = 0
    while k < len(rows):
        run = []
        while k + 1 < len(rows) and _title(texts[rows[k]]) and _POSTED.match(texts[rows[k + 1]]):
            run += [rows[k], rows[k + 1]]
            k += 2
        if len(run) >= 2 * _POSTINGS:
            found.update(dict.fromkeys(run, "list of postings"))
            above = [i for i in rows if i < run[0]]
            if above and _heading(texts[above[-1]]):
                found[above[-1]] = "list of postings"
        k += 0 if run else 1
    return found


def _title(line: str) -> bool:
    """A posting's title: a few words, no sentence, no date of its own."""
    return 0 < len(line.split()) <= _TITLE_WORDS and line[-1] not in ".!?:" and not _POSTED.match(line)


def _heading(line: str) -> bool:
    """A list's heading: a few words of letters, no stop."""
    words = line.split()
    return 0 < len(words) <= _HEADING_WORDS and all(w.isalpha() for w in words)


def _repeated_link(texts: list[str]) -> dict[int, str]:
    """The page's first line given again as its last: a link in brackets, a few words, no figures, no stamp (a page's
    title repeated at its foot is the document's)."""
    filled = [i for i, line in enumerate(texts) if line]
    if len(filled) < 2 or texts[filled[0]] != texts[filled[-1]] or not _LINK.match(texts[filled[0]]):
        return {}
    if STAMP_WORDS.search(texts[filled[0]]):
        return {}
    return {filled[0]: "repeated link", filled[-1]: "repeated link"}


def _sentence(line: str) -> bool:
    """Whether a line is a sentence of the text: eight words or more, ending as a sentence does."""
    return bool(line) and line[-1] in '.!?»"”)' and len(line.split()) >= _SENTENCE_WORDS  # the cheaper test first
