"""The person and place enrichers: names in the text become ``person`` and ``place`` spans.

Both match the register (``names_index``, ``names_match``) and link each
mention to its entry with ``ref="#key"``; a cover name is also typed
``pseudonym``. Persons get the initials around them and are told apart from
namesakes by those initials (``names_rules``); people the register lacks are
still marked where the form of the document names a person, and reported.
Places add abbreviated places of publication (``M., 1974``). A name namesakes
share (``Kamenev``) is told apart by the one of them its paragraph names, else its
letter, else the letters of its page (``link_namesakes_on_page``, once the page is
enriched); one that stays ambiguous is marked without ``ref`` and reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, Span, span
from .names_index import NameIndex, index_for
from .names_match import Mention, find_mentions
from .names_rules import imprints, names_organisation, resolve, unregistered_persons, with_initials

if TYPE_CHECKING:
    from . import Context

# Spans a name may not overlap at all; any other span it may contain or lie in, but not cross.
CLAIMING_KINDS = ("idno", "date", "person", "place", "noteref")
SIGNATURE_KINDS = frozenset({"signature", "signed"})
# The rest of a hyphenated word around a name (``Volga-Caspian``), after it and before it.
HYPHENATED_AFTER = re.compile(r"(?:-[^\W\d_]+)+")
HYPHENATED_BEFORE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]+-)+\Z")


class PersonsEnricher:
    """Marks people: register names with their initials, pseudonyms, and name-like forms."""

    name = "persons"
    priority = 40

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add ``person`` spans to every block of ``document``."""
        index = index_for(context.register, "person")
        ambiguous: list[tuple[Block, Mention]] = []
        for _lang, block in document.blocks():
            mentions = with_initials(block.text, _register_mentions(block.text, index, "person"))
            for mention in resolve(mentions, index.initials):
                if len(mention.keys) == 1:
                    _add_mention(block, mention, "person", reporter)
                elif add_name_span(block, mention.start, mention.end, "person"):
                    ambiguous.append((block, mention))
            for start, end in unregistered_persons(block.text, block.kind in SIGNATURE_KINDS):
                if add_name_span(block, start, end, "person", unregistered="yes"):
                    reporter.warning(
                        "person-not-in-register", f"{block.text[start:end]!r} is not in the register", block.line
                    )
        _link_namesakes(document, ambiguous, reporter)


def _link_namesakes(document: Document, ambiguous: list[tuple[Block, Mention]], reporter: Reporter) -> None:
    """A name namesakes share refers to the one of them the letter itself names ("L. B. Kamenev - V. I. Lenin"),
    if any; else it keeps its namesakes for the page (``link_namesakes_on_page``)."""
    named = _named_by_letters([document]) if ambiguous else set()
    for block, mention in ambiguous:
        found = named.intersection(mention.keys)
        if len(found) == 1:
            _relink(block, span(mention.start, mention.end, "person"), next(iter(found)))
            continue
        block.spans.remove(span(mention.start, mention.end, "person"))
        block.add(span(mention.start, mention.end, "person", namesakes=" ".join(mention.keys)))


def link_namesakes_on_page(documents: Sequence[Document], reporter: Reporter) -> None:
    """Link each name its document left to namesakes to the one of them the letters of the page name, if only one;
    warn of the names left without a link.

    The letters of one page of a collection are close in time and circle, so a bare ``Kamenev`` in one of them
    is the Kamenev whose initials another gives. Call it once all the documents of a page are enriched.
    """
    left = [
        (b, s) for d in documents for _, b in d.blocks() for s in b.spans if s.kind == "person" and s.attr("namesakes")
    ]
    named = _named_by_letters(documents) if left else set()
    for block, s in left:
        text = block.text[s.start : s.end]
        found = named.intersection(s.attr("namesakes").split())
        if len(found) == 1:
            key = next(iter(found))
            _relink(block, s, key)
            reporter.info("namesake-linked", f"{text!r} is {key}, the one the letters of the page name", block.line)
        else:
            keys = ", ".join(s.attr("namesakes").split())
            reporter.warning("ambiguous-name", f"{text!r} may be any of {keys}; no @ref", block.line)


def _named_by_letters(documents: Sequence[Document]) -> set[str]:
    """The people the documents name unambiguously in their titles, headers and texts.

    Editorial notes do not count: they bring in people from other times and places (a note on the
    Commander-in-Chief's directives names S. S. Kamenev in a letter about L. B. Kamenev's dispatch).
    """
    blocks = [b for d in documents for b in (d.title, *d.fields.values())]
    blocks += [b for d in documents for division in d.divisions if division.kind != "notes" for b in division.blocks]
    return {s.attr("ref").lstrip("#") for b in blocks for s in b.spans if s.kind == "person" and s.attr("ref")}


def _relink(block: Block, old: Span, key: str) -> None:
    block.spans.remove(old)
    block.add(span(old.start, old.end, "person", ref=f"#{key}"))


class PlacesEnricher:
    """Marks places: register names in any form, and abbreviated places of publication."""

    name = "places"
    priority = 50

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add ``place`` spans to every block of ``document``."""
        index = index_for(context.register, "place")
        for _lang, block in document.blocks():
            for mention in resolve(_register_mentions(block.text, index, "place"), {}):
                _add_mention(block, mention, "place", reporter)
            _add_imprints(block, index, reporter)


def _register_mentions(text: str, index: NameIndex, kind: str) -> list[Mention]:
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


def _add_mention(block: Block, mention: Mention, kind: str, reporter: Reporter) -> None:
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


def add_name_span(block: Block, start: int, end: int, kind: str, **attrs: str) -> bool:
    """Add a span unless it overlaps a claiming span or crosses the boundary of any other."""
    if start >= end:
        return False
    for other in block.spans:
        if other.overlaps(start, end) and (other.kind in CLAIMING_KINDS or _crosses(other, start, end)):
            return False
    block.add(span(start, end, kind, **attrs))
    return True


def _crosses(other: Span, start: int, end: int) -> bool:
    """Whether ``other``, which overlaps ``start:end``, neither lies in it nor holds it."""
    inside = other.start <= start and end <= other.end
    around = start <= other.start and other.end <= end
    return not inside and not around
