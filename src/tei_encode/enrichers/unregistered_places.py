"""Places the register lacks, found by the words around them, each with a provisional entry.

The place of a place-and-date line (``Kureika, 20.XI.``), names after a
preposition of place or a verb of capture (``near Zakopane``, ``took Krasnoye
Selo``), before a kind of place (``the Turukhansk region``) or joined to a known
place (``Petrovsk and Baku``). Every other mention of such a place in the
document is linked to its entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, span
from ..register import Entry, Name, Register
from .names_index import Token, capitalised, index_for, tokens
from .names_match import find_mentions
from .names_rules import PLACE_WORD, SURNAME_ENDING, TITLE_WORDS, joins, names_organisation
from .names_spans import add_name_span
from .unregistered_keys import CLAIMING, REVIEW_NOTE, entry_key

if TYPE_CHECKING:
    from . import Context

# Blocks that open a letter with its place and date ("Kureika, 20.XI.", "Bern.").
PLACE_HEADINGS = frozenset({"dateline", "address"})
# Places the register lacks, found by their form or the words around them: one or two capitalised words.
PLACE_NAME = rf"{PLACE_WORD}(?:[ \t]{PLACE_WORD})?"
# The place of a place-and-date line: "Kureika, 20.XI.", "Astrakhan 2.XI.19.", "Bern."
DATELINE_PLACE = re.compile(rf"\A(?P<place>{PLACE_NAME})(?:,?[ \t]+(?:\d|[IVX]+\b)|\.\Z)")
# Where a place is named: after a preposition of place or motion, before a word for a kind of place.
# fmt: off
# "to" and "from" are left out: letters go to and come from persons as often ("Greetings to Nadya").
PLACE_PREPOSITIONS = frozenset({
    "in", "near", "at", "via", "through", "toward", "towards", "into", "of", "on", "beyond", "outside", "around",
})
# A word followed by one of these is a verb or a gerund taking an object ("on Moving the Embassy").
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"})
PLACE_KINDS = frozenset({
    "region", "province", "district", "guberniya", "uyezd", "oblast", "station", "heights", "river", "mountains",
    "steppe", "valley", "peninsula", "harbour", "harbor", "port",
})
# Names joined to a place: "from Moscow and Tver", "Petrovsk and Baku".
AND_AFTER = re.compile(rf"\A(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+)(?P<place>{PLACE_NAME})(?![\w'’-])")
AND_BEFORE = re.compile(rf"(?<=[a-z,;] )(?P<place>{PLACE_WORD})(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+)\Z")
# Capitalised words a place cue meets that name no place.
NOT_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "god", "congress",
    "party", "politburo", "government", "council", "committee", "army", "front", "comrade", "comrades", "cde",
    "general", "chairman", "pravda", "izvestiya", "duma", "plenum", "conference", "bureau", "soviet", "central",
    "the", "this", "that", "his", "her", "our", "your", "their", "its", "article", "no", "vol", "op", "ibid",
    "bolshevik", "bolsheviks", "menshevik", "mensheviks", "iskra", "zvezda", "kommunist", "luch",
    "st", "mt", "ft", "corporation", "company", "foundation", "fund", "first", "second", "third", "fourth",
    "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "red", "white",
})
# fmt: on
# Adjectives, languages, doctrines, verbs, and the compound names of Soviet institutions (Gosplan, Tsentrosoyuz).
NOT_PLACE_ENDING = re.compile(
    r"(?:ian|ean|ish|ese|ist|ism|ists|ic|tern|thern|ize|plan|soyuz|kom|trest|torg|prom|snab)\Z"
)
# Verbs of war whose object is a town: "Yudenich took Krasnoye Selo".
CAPTURE_VERBS = frozenset(
    {"took", "captured", "occupied", "abandoned", "surrendered", "liberated", "seized", "stormed"}
)
# After these a person is as likely as a place ("at Budyonny", "took Kolchak prisoner"), so a surname-like word is
# left alone; after the others ("in Poronin", "near Zakopane") it is a place.
PERSON_PREPOSITIONS = frozenset({"at", "on", "towards", "toward", *CAPTURE_VERBS})


def looks_like_place(text: str, surname_like_too: bool = False) -> bool:
    """Whether a capitalised phrase a place cue found can be a place: no month, party word, adjective or
    abbreviation, and no Russian surname unless ``surname_like_too``."""
    words = text.split()
    if any(w.casefold() in NOT_PLACES or w.casefold() in TITLE_WORDS or NOT_PLACE_ENDING.search(w) for w in words):
        return False
    if any(w.isupper() for w in words):  # an abbreviation: "in RGASPI", "in the CC"
        return False
    return surname_like_too or not SURNAME_ENDING.search(words[-1])


def _place_cues(text: str, heading: bool) -> Iterator[tuple[int, int]]:
    """The place of a place-and-date line, names after a preposition or a verb of capture, and before a kind of
    place (``the Turukhansk region``)."""
    if heading:
        match = DATELINE_PLACE.match(text)
        if match and looks_like_place(match.group("place")):
            yield match.span("place")
    words = tokens(text)
    for i in capitalised(text):
        before, word = words[i - 1], words[i]
        cued = before.text in PLACE_PREPOSITIONS or before.text in CAPTURE_VERBS
        if not (cued or i + 1 < len(words) and words[i + 1].text in PLACE_KINDS):
            continue  # most capitalised words: tested first, as cheaply as possible
        gap = text[before.end : word.start]
        if i == 0 or not word.text.isascii() or not gap or gap.strip(" \t") or _inner_capital(word.text):
            continue
        if cued and (before.text != "of" or i > 1 and words[i - 2].text == "out"):
            end = _place_end(text, words, i)
            owner = text[end : end + 1] in ("'", "’")  # "in Pak's words"
            if owner or _object_follows(text, end):
                continue
            if looks_like_place(text[word.start : end], before.text not in PERSON_PREPOSITIONS):
                yield word.start, end
        elif i + 1 < len(words) and words[i + 1].text in PLACE_KINDS and looks_like_place(word.text, True):
            yield word.start, word.end


def _inner_capital(word: str) -> bool:
    """Whether a word has a capital inside a part, as a name of a make or an acronym does ("MiG", "GmbH")."""
    return any(not part[1:].islower() for part in word.split("-") if len(part) > 1)


def _object_follows(text: str, end: int) -> bool:
    """Whether a determiner follows the word ending at ``end`` after a space, as an object follows a verb."""
    after = re.match(r" ([a-z]+)\b", text[end : end + 8])
    return after is not None and after.group(1) in DETERMINERS


def _place_end(text: str, words: tuple[Token, ...], i: int) -> int:
    """The end of a place name of one or two capitalised words starting at ``words[i]``."""
    following = words[i + 1] if i + 1 < len(words) else None
    two = following and following.text[0].isupper() and text[words[i].end : following.start] == " "
    return following.end if two and following else words[i].end


def places_joined(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The names joined by "and" or a comma to the place at ``start:end`` that can be places."""
    after = AND_AFTER.match(text[end : end + 60]) if joins(text[end : end + 6], after=True) else None
    if after and looks_like_place(after.group("place")):
        yield end + after.start("place"), end + after.end("place")
    before = AND_BEFORE.search(text, max(0, start - 40), start) if joins(text[max(0, start - 6) : start]) else None
    if before and looks_like_place(before.group("place")):
        yield before.span("place")


def mark_unregistered_places(document: Document, context: Context, reporter: Reporter) -> None:
    """Mark the places the register lacks that cues name, give each a provisional entry and link its other
    mentions."""
    names: dict[str, set[str]] = {}
    for _, block in document.blocks():
        for start, end in _cued_places(block):
            if block.is_free(start, end, *CLAIMING) and add_name_span(block, start, end, "place"):
                words = block.text[start:end].split()
                names.setdefault(entry_key(words), set()).add(" ".join(words))
    if not names:
        return
    entries = [
        Entry(
            key if context.register.get(key) is None else f"{key}-new",
            "place",
            tuple(Name(n, "en", "main" if i == 0 else "variant") for i, n in enumerate(sorted(written))),
            note=REVIEW_NOTE,
        )
        for key, written in sorted(names.items())
    ]
    index = index_for(Register({e.key: e for e in entries}), "place")
    # Only blocks holding the start of a name can name it (the names are in Latin letters, not inflected).
    starts = tuple({f(n[:4]) for names_of in names.values() for n in names_of for f in (str, str.upper)})
    for _, block in document.blocks():
        if not any(start in block.text for start in starts):
            continue
        for mention in find_mentions(block.text, index):
            if len(mention.keys) == 1:
                _place_span(block, mention.start, mention.end, f"#{mention.keys[0]}")
    context.add_entries(document.id, entries)
    for entry in entries:
        reporter.info("provisional-entry", f"provisional register entry #{entry.key} for {entry.name!r}")


def _cued_places(block: Block) -> list[tuple[int, int]]:
    """The free spans of ``block`` that a cue marks as places, with the names joined to its places, except parts
    of organisations' names."""
    text = block.text
    found = [(s, e) for s, e in _place_cues(text, block.kind in PLACE_HEADINGS) if block.is_free(s, e, *CLAIMING)]
    if "," in text or " and " in text:
        for start, end in [*found, *((s.start, s.end) for s in block.spans if s.kind == "place")]:
            found.extend(places_joined(text, start, end))
    return [(s, e) for s, e in found if not names_organisation(text, s, e, "place")]


def _place_span(block: Block, start: int, end: int, ref: str) -> None:
    """Link the bare place span at ``start:end`` to ``ref``, or mark a new one there if the text is free."""
    bare = span(start, end, "place")
    if bare in block.spans:
        block.spans.remove(bare)
        block.add(span(start, end, "place", ref=ref))
    else:
        add_name_span(block, start, end, "place", ref=ref)
