"""The person and place enrichers: names in the text become ``person`` and ``place`` spans.

Both match the register (``index``, ``match``) and link each
mention to its entry with ``ref="#key"``; a cover name is also typed
``pseudonym``. Persons get the initials around them and are told apart from
namesakes by those initials (``rules``); people the register lacks are
still marked where the form of the document names a person, and reported.
Places add abbreviated places of publication (``M., 1974``). A name namesakes
share (``Kamenev``) is told apart by the letters that name one of them
(``namesakes``: its letter, then, once the page is enriched, the letters of
its page); bare family names of Chinese or Korean names (``Comrade Kim``) and bare
first names of correspondents (``Your Grigory``) are marked by ``syllabic``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from ...diagnostics import Reporter
from ...model import Block, Document
from ..boilerplate import is_rights_statement
from .index import NameIndex, index_for
from .initials import INITIAL, initial_letters, resolve, with_initials
from .match import Mention, find_mentions
from .namesakes import link_namesakes, link_namesakes_on_page
from .organisations import names_organisation
from .rules import imprints, unregistered_persons
from .spans import add_name_span
from .states import add_state_names
from .syllabic import add_family_names, add_first_names

if TYPE_CHECKING:
    from ..context import Context

SIGNATURE_KINDS = frozenset({"signature", "signed"})
# The rest of a hyphenated word around a name (``Volga-Caspian``), after it and before it.
HYPHENATED_AFTER = re.compile(r"(?:-[^\W\d_]+)+")
HYPHENATED_BEFORE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]+-)+\Z")
# Initials an editor supplied in brackets after or before a surname (``Kamenev [S. S.]``).
BRACKETED_INITIALS_AFTER = re.compile(rf"[ \t]*\[((?:{INITIAL}){{1,3}})\]")
BRACKETED_INITIALS_BEFORE = re.compile(rf"\[((?:{INITIAL}){{1,3}})\][ \t]*\Z")
# A postscript opening a line (``P.S. Kamenev telegraphed``) is not a person's initials; matched from the line start.
POSTSCRIPT = re.compile(r"[ \t]*(?:P\.[ \t]?)+S\.[ \t]*\Z")


class PersonsEnricher:
    """Marks people: register names with their initials, pseudonyms, and name-like forms."""

    name = "persons"
    priority = 40

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add ``person`` spans to every block of ``document``."""
        index = index_for(context.register, "person")
        ambiguous: list[tuple[Block, Mention]] = []
        blocks = [block for _lang, block in document.blocks() if not is_rights_statement(block.text)]
        for block in blocks:
            mentions = _with_all_initials(block.text, _register_mentions(block.text, index, "person"), index)
            for mention in resolve(mentions, index.initials):
                if len(mention.keys) == 1:
                    _add_mention(block, mention, "person", reporter)
                elif add_name_span(block, mention.start, mention.end, "person"):
                    ambiguous.append((block, mention))
        if index.families:
            ambiguous += add_family_names(blocks, index)
        add_first_names(document.title, blocks, index)
        for block in blocks:
            for start, end in unregistered_persons(block.text, block.kind in SIGNATURE_KINDS):
                if add_name_span(block, start, end, "person", unregistered="yes"):
                    reporter.warning(
                        "person-not-in-register", f"{block.text[start:end]!r} is not in the register", block.line
                    )
        link_namesakes(document, ambiguous)

    def apply_to_page(self, documents: Sequence[Document], context: Context, reporter: Reporter) -> None:
        """Link the names the documents of one page left to namesakes (``link_namesakes_on_page``)."""
        link_namesakes_on_page(documents, context.register, reporter)


def _with_all_initials(text: str, mentions: list[Mention], index: NameIndex) -> list[Mention]:
    """The mentions widened over their initials (``with_initials``), those in brackets too, except a postscript's
    ``P.S.`` that fits none of the namesakes."""
    starts = [m.start for m in mentions]
    for m, start in zip(with_initials(text, mentions), starts, strict=True):
        if m.start < start and _after_postscript(text, start) and not _fits_initials(m, index):
            m.start, m.initials = start, ""
        if not m.initials:
            _widen_over_bracketed_initials(text, m)
        elif m.start < start:
            _widen_over_small_initial(text, m, index)
    return mentions


def _widen_over_small_initial(text: str, mention: Mention, index: NameIndex) -> None:
    """Widen a mention over an initial typed in a small letter before its initials (``п. Б. Аксельроду``) when, as
    a capital, it completes the initials the register gives its person (P. B. Axelrod)."""
    small = SMALL_INITIAL_BEFORE.search(text, max(0, mention.start - 4), mention.start)
    if small is None:
        return
    initials = small.group("letter").upper() + mention.initials
    if any(initials in index.initials.get(key, ()) for key in mention.keys):
        mention.start, mention.initials = small.start(), initials


# A small letter and a dot before a name's initials, at a word's start.
SMALL_INITIAL_BEFORE = re.compile(r"(?<![^\s(])(?P<letter>[a-zа-яё])\.[ \t]?\Z")


def _after_postscript(text: str, start: int) -> bool:
    """Whether a name opens a postscript: only ``P.S.`` stands before it on its line."""
    return bool(POSTSCRIPT.match(text, text.rfind("\n", 0, start) + 1, start))


def _fits_initials(mention: Mention, index: NameIndex) -> bool:
    """Whether the initials a mention was widened over are (the start of) those of one of its people."""
    return any(
        i.startswith(mention.initials) or mention.initials.startswith(i)
        for key in mention.keys
        for i in index.initials.get(key, ())
    )


def _widen_over_bracketed_initials(text: str, mention: Mention) -> None:
    """Widen a mention over the initials an editor supplied in brackets right after or before it."""
    after = BRACKETED_INITIALS_AFTER.match(text, mention.end, mention.end + 16)
    before = None if after else BRACKETED_INITIALS_BEFORE.search(text, max(0, mention.start - 16), mention.start)
    if after:
        mention.end, mention.initials = after.end(), initial_letters(after.group(1))
    elif before:
        mention.start, mention.initials = before.start(), initial_letters(before.group(1))


class PlacesEnricher:
    """Marks places: register names in any form, abbreviated places of publication, and the official names of states
    over the country named inside them."""

    name = "places"
    priority = 50

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add ``place`` spans to every block of ``document``."""
        index = index_for(context.register, "place")
        for _lang, block in document.blocks():
            if is_rights_statement(block.text):
                continue
            for mention in resolve(_register_mentions(block.text, index, "place"), {}):
                _add_mention(block, mention, "place", reporter)
            _add_imprints(block, index, reporter)
            for name in add_state_names(block):
                reporter.warning("place-not-in-register", f"{name!r} is not in the register", block.line)


def _register_mentions(text: str, index: NameIndex, kind: Literal["person", "place"]) -> list[Mention]:
    return [m for m in find_mentions(text, index) if not names_organisation(text, *_whole_word(text, m), kind)]


def _whole_word(text: str, mention: Mention) -> tuple[int, int]:
    """The bounds of the hyphenated word a name is part of (``Volga`` in ``Volga-Caspian flotilla``), so that the
    words around that word tell whether it names an organisation; the name's own bounds if it stands alone."""
    start, end = mention.start, mention.end
    if text.startswith("-", end):
        after = HYPHENATED_AFTER.match(text, end)
        end = after.end() if after else end
    if text.startswith("-", start - 1):
        before = HYPHENATED_BEFORE.search(text, max(0, start - 40), start)
        start = before.start() if before else start
    return start, end


def _add_mention(block: Block, mention: Mention, kind: Literal["person", "place"], reporter: Reporter) -> None:
    if len(mention.keys) == 1:
        key = mention.keys[0]
        pseudonym = "pseudonym" if key in mention.pseudonyms else ""
        add_name_span(block, mention.start, mention.end, kind, ref=f"#{key}", type=pseudonym)
    elif add_name_span(block, mention.start, mention.end, kind):
        text = block.text[mention.start : mention.end]
        reporter.warning("ambiguous-name", f"{text!r} may be any of {', '.join(mention.keys)}; no @ref", block.line)


def _add_imprints(block: Block, index: NameIndex, reporter: Reporter) -> None:
    for start, end, names in imprints(block.text):
        keys = sorted({key for name in names for key in index.keys_named(name)})
        ref = f"#{keys[0]}" if len(keys) == 1 else ""
        if add_name_span(block, start, end, "place", ref=ref) and not ref:
            reporter.warning(
                "place-not-in-register", f"{names[0]!r} ({block.text[start:end]}) is not in the register", block.line
            )
