"""People the register lacks: one provisional entry per person, every mention linked to it.

The persons enricher marks names the register lacks where the document's form
names a person (a signature, ``тов. X``, initials and surname, a typist).
This enricher also takes the correspondents a title names (``Telegram from
Gromyko to Vyshinsky``), gives each such person a provisional register entry
(its key is the surname, transliterated from Russian where needed, so that
``ГРОМЫКО`` and ``Gromyko`` meet), then finds that person's other mentions in
the document, inflected or in capitals, and links them all to the entry. The
entries are written to the document's ``standOff`` with a note asking an
editor to review them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, span
from ..register import Entry, Name, Register
from .correspondence import side_spans
from .names import add_name_span
from .names_index import CYRILLIC, WORD, NameIndex, capitalised, fold, index_for, morph, tokens
from .names_match import find_mentions
from .names_rules import NAME, looks_like_name

if TYPE_CHECKING:
    from . import Context

REVIEW_NOTE = "Not in the register: found by the converter in this document; to be reviewed by an editor."
TOPIC = re.compile(r"\s+(?:on|about|regarding|concerning|re:?|with regard to|in connection with)\s.*$", re.I | re.S)
NAME_LIST = re.compile(r"\s*(?:,|\band\b|&|\bи\b)\s*")
HONORIFICS = re.compile(
    r"^(?:comrades?|cde\.|tov\.|тов\.|т\.|товарищ\w*|mr\.|mrs\.|general|marshal|ambassador)\s+", re.I
)
WHOLE_NAME = re.compile(rf"{NAME}")
LATIN = "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", LATIN.split(" "), strict=True))


class UnregisteredNamesEnricher:
    """Links every mention of a person the register lacks to a provisional entry."""

    name = "unregistered"
    priority = 85

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Give the document's unregistered people provisional entries and link their mentions."""
        _mark_title_correspondents(document.title)
        names: dict[str, set[str]] = {}
        for _, block in document.blocks():
            for s in block.spans_of("person"):
                if s.attr("unregistered"):
                    surface = _name_words(block.text[s.start : s.end])
                    if surface:
                        names.setdefault(_key(surface), set()).add(" ".join(surface))
        if not names:
            return
        keys = _merge_surnames(names)
        entries = _entries(names, keys, context.register)
        index = index_for(Register({e.key: e for e in entries}), "person")
        for _, block in document.blocks():
            _link(block, index)
        context.add_entries(document.id, entries)
        for entry in entries:
            reporter.info("provisional-entry", f"provisional register entry #{entry.key} for {entry.name!r}")


def _mark_title_correspondents(title: Block) -> None:
    """Mark as persons the correspondents a title names that no other rule found."""
    for start, end in side_spans(title):
        if any(start <= s.start and s.end <= end for s in title.spans_of("person")):
            continue
        side = TOPIC.sub("", title.text[start:end])
        offset = start
        for piece in NAME_LIST.split(side):
            at = title.text.find(piece, offset, end) if piece else -1
            if at < 0:
                continue
            offset = at + len(piece)
            bare = HONORIFICS.sub("", piece.strip(" .;:\"'"))
            lead = piece.find(bare)
            if bare and WHOLE_NAME.fullmatch(bare) and looks_like_name(bare) and not _is_place(title, at + lead):
                add_name_span(title, at + lead, at + lead + len(bare), "person", unregistered="yes")


def _is_place(block: Block, start: int) -> bool:
    return any(s.start <= start < s.end for s in block.spans if s.kind in ("place", "org"))


def _name_words(text: str) -> list[str]:
    """The words of a name without initials (``A. Ya.``), Russian ones in the nominative, capitalised."""
    words = [m.group() for m in WORD.finditer(text) if not (len(m.group()) <= 2 and text[m.end() : m.end() + 1] == ".")]
    return [(_nominative(w) if CYRILLIC.search(w) else w).capitalize() for w in words if len(w) > 1]


@lru_cache(maxsize=4096)
def _nominative(word: str) -> str:
    """A Russian surname's nominative (``РОЩИНУ``: ``рощин``), preferring readings as a surname or name."""
    parses = morph().parse(word.lower())
    names = [p for p in parses if {"Surn", "Name"} & set(str(p.tag).replace(" ", ",").split(","))]
    return str((names or parses)[0].normal_form) if parses else word


def _key(words: list[str]) -> str:
    """An xml:id from the name's words: transliterated to Latin letters, joined by ``_``."""
    key = "_".join(_latin(" ".join(words)))
    return re.sub(r"[^A-Za-z0-9_-]", "", key) or "Unnamed"


def _latin(name: str) -> list[str]:
    """The words of a name in Latin letters, capitalised (``Вышинский``: ``["Vyshinsky"]``)."""
    words = [w.lower() for w in name.split()]
    return ["".join(TRANSLIT.get(ch, ch) for ch in _ending(w)).replace("_", "").capitalize() for w in words]


@lru_cache(maxsize=4096)
def _latin_forms(word: str) -> tuple[str, ...]:
    """The match keys of a Russian word's nominative in Latin letters (``РОЩИНУ``: ``("roshchin",)``)."""
    return tuple(fold(w) for w in _latin(_nominative(word)))


def _ending(word: str) -> str:
    """Russian adjectival surname endings as English spells them (``Вышинский``: ``Vyshinsky``)."""
    return re.sub(r"(?:ий|ый)$", "y", word)


def _merge_surnames(names: dict[str, set[str]]) -> dict[str, str]:
    """Each key to the key it merges into: a surname alone joins the one fuller name ending with it."""
    merged = {}
    for key in names:
        fuller = [k for k in names if k != key and "_" in k and key in (k.split("_")[-1], k.split("_")[0])]
        merged[key] = fuller[0] if "_" not in key and len(fuller) == 1 else key
    return merged


def _entries(names: dict[str, set[str]], keys: dict[str, str], register: Register) -> list[Entry]:
    forms: dict[str, set[str]] = {}
    for key, written in names.items():
        forms.setdefault(keys[key], set()).update(written)
    entries = []
    for key in sorted(forms):
        unique = key if register.get(key) is None else f"{key}-new"
        written = forms[key] | {" ".join(_latin(n)) for n in forms[key] if CYRILLIC.search(n)}
        variants = sorted(written, key=lambda n: (-len(n), n))
        entry_names = tuple(
            Name(n, "ru" if CYRILLIC.search(n) else "en", "main" if i == 0 else "variant")
            for i, n in enumerate(variants)
        )
        entries.append(Entry(unique, "person", entry_names, note=REVIEW_NOTE))
    return entries


def _link(block: Block, index: NameIndex) -> None:
    """Link the unregistered person spans of ``block`` and mark the other mentions of the same people."""
    for mention in find_mentions(block.text, index):
        if len(mention.keys) != 1:
            continue
        ref = f"#{mention.keys[0]}"
        inside = [s for s in block.spans_of("person") if s.start <= mention.start and mention.end <= s.end]
        if inside:
            for s in inside:
                if not s.attr("ref"):
                    block.spans.remove(s)
                    block.add(span(s.start, s.end, "person", ref=ref, unregistered="yes"))
        else:
            add_name_span(block, mention.start, mention.end, "person", ref=ref, unregistered="yes")
    _link_russian_forms(block, index)


def _link_russian_forms(block: Block, index: NameIndex) -> None:
    """Mark Russian forms of people first found in Latin letters (``РОЩИНУ`` for ``Roshchin``)."""
    words = tokens(block.text)
    for token in (words[i] for i in capitalised(block.text)):
        if not (len(token.text) > 2 and CYRILLIC.search(token.text)):
            continue
        if not block.is_free(token.start, token.end, "person", "place", "org", "idno", "date"):
            continue
        keys = sorted({v.key for v in index.candidates(_latin_forms(token.text)) if len(v.words) == 1})
        if len(keys) == 1:
            add_name_span(block, token.start, token.end, "person", ref=f"#{keys[0]}", unregistered="yes")
