"""The person and place enrichers: names in the text become ``person`` and ``place`` spans.

Both match the register (``names_index``, ``names_match``) and link each
mention to its entry with ``ref="#key"``; a cover name is also typed
``pseudonym``. Persons get the initials around them and are told apart from
namesakes by those initials (``names_rules``); people the register lacks are
still marked where the form of the document names a person, and reported.
Places add abbreviated places of publication (``M., 1974``). A name namesakes
share (``Kamenev``) is told apart by the one of them its paragraph names, else its
letter, else the letters of its page (``link_namesakes_on_page``, once the page is
enriched); one that stays ambiguous is marked without ``ref`` and reported. A bare
family name of a Chinese or Korean name (``Comrade Kim``) is the one person of that
family the document names in full, else is left to the namesakes of its page; a
bare first name (``Your Grigory``) is the correspondent of a letter who has it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, Span, span
from .names_index import (
    CYRILLIC,
    NameIndex,
    Token,
    capitalised,
    fold,
    index_for,
    morph,
    tokens,
    word_forms,
)
from .names_match import Mention, find_mentions
from .names_rules import INITIAL, imprints, names_organisation, resolve, unregistered_persons, with_initials

if TYPE_CHECKING:
    from . import Context

# Spans a name may not overlap at all; any other span it may contain or lie in, but not cross.
CLAIMING_KINDS = ("idno", "date", "person", "place", "noteref")
SIGNATURE_KINDS = frozenset({"signature", "signed"})
# The rest of a hyphenated word around a name (``Volga-Caspian``), after it and before it.
HYPHENATED_AFTER = re.compile(r"(?:-[^\W\d_]+)+")
HYPHENATED_BEFORE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]+-)+\Z")
# Initials an editor supplied in brackets after or before a surname (``Kamenev [S. S.]``).
BRACKETED_INITIALS_AFTER = re.compile(rf"[ \t]*\[((?:{INITIAL}){{1,3}})\]")
BRACKETED_INITIALS_BEFORE = re.compile(rf"\[((?:{INITIAL}){{1,3}})\][ \t]*\Z")
# A postscript opening a line (``P.S. Kamenev telegraphed``) is not a person's initials.
POSTSCRIPT = re.compile(r"(?:\A|\n)[ \t]*(?:P\.[ \t]?)+S\.[ \t]*\Z")
# The end of a salutation or a signature after a name: punctuation, then the end of the line.
LINE_END = re.compile(r"[.!,;]?[ \t]*(?:\n|\Z)")
# English words that are also family names of one syllable: at the start of a sentence they name no one.
# fmt: off
ENGLISH_WORDS = frozenset({
    "an", "be", "do", "go", "he", "ho", "in", "ma", "me", "no", "on", "so", "to", "we", "ye", "yo", "ban", "bang",
    "chin", "fan", "gang", "hang", "king", "long", "man", "min", "moon", "pan", "pin", "sin", "son", "song", "sun",
    "tan", "ten", "tin", "ton", "wan", "won", "yang", "young",
})
# fmt: on
# Grammemes of the names pymorphy3 knows; a word known with none of them is an ordinary word (Не, Ни, Нам, Чай).
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox"})


class PersonsEnricher:
    """Marks people: register names with their initials, pseudonyms, and name-like forms."""

    name = "persons"
    priority = 40

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add ``person`` spans to every block of ``document``."""
        index = index_for(context.register, "person")
        ambiguous: list[tuple[Block, Mention]] = []
        blocks = [block for _lang, block in document.blocks()]
        for block in blocks:
            mentions = _with_all_initials(block.text, _register_mentions(block.text, index, "person"), index)
            for mention in resolve(mentions, index.initials):
                if len(mention.keys) == 1:
                    _add_mention(block, mention, "person", reporter)
                elif add_name_span(block, mention.start, mention.end, "person"):
                    ambiguous.append((block, mention))
        if index.families:
            ambiguous += _add_family_names(blocks, index)
        _add_first_names(document.title, blocks, index)
        for block in blocks:
            for start, end in unregistered_persons(block.text, block.kind in SIGNATURE_KINDS):
                if add_name_span(block, start, end, "person", unregistered="yes"):
                    reporter.warning(
                        "person-not-in-register", f"{block.text[start:end]!r} is not in the register", block.line
                    )
        _link_namesakes(document, ambiguous, reporter)


def _with_all_initials(text: str, mentions: list[Mention], index: NameIndex) -> list[Mention]:
    """The mentions widened over their initials (``with_initials``), those in brackets too, except a postscript's
    ``P.S.`` that fits none of the namesakes."""
    starts = [m.start for m in mentions]
    for m, start in zip(with_initials(text, mentions), starts, strict=True):
        if m.start < start and POSTSCRIPT.search(text, 0, start) and not _fits_initials(m, index):
            m.start, m.initials = start, ""
        if not m.initials:
            _widen_over_bracketed_initials(text, m)
    return mentions


def _fits_initials(mention: Mention, index: NameIndex) -> bool:
    return any(
        i.startswith(mention.initials) or mention.initials.startswith(i)
        for key in mention.keys
        for i in index.initials.get(key, ())
    )


def _widen_over_bracketed_initials(text: str, mention: Mention) -> None:
    after = BRACKETED_INITIALS_AFTER.match(text, mention.end, mention.end + 16)
    before = None if after else BRACKETED_INITIALS_BEFORE.search(text, max(0, mention.start - 16), mention.start)
    if after:
        mention.end, mention.initials = after.end(), _capitals(after.group(1))
    elif before:
        mention.start, mention.initials = before.start(), _capitals(before.group(1))


def _capitals(initials: str) -> str:
    return "".join(c for c in initials if c.isupper())


def _add_family_names(blocks: Sequence[Block], index: NameIndex) -> list[tuple[Block, Mention]]:
    """Mark the bare family names of syllabic names (``Ambassador Ni``, ``Comrade Kim``): as the one person of the
    family the document names, else, if the word stands inside a sentence, as namesakes for the page to settle.

    Returns the namesakes marked."""
    named = {s.attr("ref").lstrip("#") for b in blocks for s in b.spans_of("person") if s.attr("ref")}
    ambiguous = []
    for block in blocks:
        for token, keys in _family_words(block.text, index):
            in_full = keys & named
            inside = _inside_sentence(block.text, token)
            if len(in_full) == 1 and (inside or not _is_ordinary_word(token.text)):
                add_name_span(block, token.start, token.end, "person", ref=f"#{next(iter(in_full))}")
            elif inside and add_name_span(block, token.start, token.end, "person"):
                ambiguous.append((block, Mention(token.start, token.end, tuple(sorted(in_full or keys)))))
    return ambiguous


def _family_words(text: str, index: NameIndex) -> Iterator[tuple[Token, frozenset[str]]]:
    """The bare words of ``text`` that are registered family names, with the keys of the people of that family."""
    for token in _bare_words(text):
        keys = index.keys_with_family_name(token.text)
        if keys:
            yield token, keys


def _bare_words(text: str) -> Iterator[Token]:
    """The capitalised words of ``text`` longer than a letter that no capitalised word follows (``Kim``, not
    ``Kim Chon-hae``)."""
    words = tokens(text)
    for i in capitalised(text):
        token = words[i]
        following = words[i + 1] if i + 1 < len(words) else None
        if len(token.text) > 1 and not (
            following and following.text[0].isupper() and text[token.end : following.start] == " "
        ):
            yield token


def _add_first_names(title: Block, blocks: Sequence[Block], index: NameIndex) -> None:
    """Mark a bare first name that ends a salutation or a signature (``Your Grigory.``, ``To Grigory.``) as the one
    correspondent the title names who has it."""
    correspondents = {s.attr("ref").lstrip("#") for s in title.spans_of("person") if s.attr("ref")}
    by_name: dict[str, set[str]] = defaultdict(set)
    for key in correspondents:
        for name in index.first_names.get(key, ()):
            by_name[name].add(key)
    if not by_name:
        return
    for block in blocks:
        for token in _bare_words(block.text):
            keys = {key for form in word_forms(token.text) for key in by_name.get(form, ())}
            if len(keys) == 1 and LINE_END.match(block.text, token.end):
                add_name_span(block, token.start, token.end, "person", ref=f"#{keys.pop()}")


def _inside_sentence(text: str, token: Token) -> bool:
    """Whether a word stands inside a sentence of ordinary case: after a letter, a digit or a comma on its line."""
    before = text[: token.start].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] == ",") and not token.text.isupper()


def _is_ordinary_word(word: str) -> bool:
    """Whether a capitalised word may be an ordinary word that starts a sentence (``He``, ``Не``, ``Нам``)."""
    folded = fold(word)
    if not CYRILLIC.search(folded):
        return folded in ENGLISH_WORDS
    return any(p.is_known and not NAME_GRAMMEMES & p.tag.grammemes for p in morph().parse(folded))


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
    named = _named_by_letters(documents, editorial=False) if left else set()
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


def _named_by_letters(documents: Sequence[Document], editorial: bool = True) -> set[str]:
    """The people the documents name unambiguously in their titles, headers and texts; without ``editorial``, not
    counting names an editor completed in brackets (``Kamenev [S. S.]``).

    Editorial notes do not count: they bring in people from other times and places (a note on the
    Commander-in-Chief's directives names S. S. Kamenev in a letter about L. B. Kamenev's dispatch). Nor, for the
    other letters of a page, do an editor's brackets: they tell a namesake apart where the letter names him, and say
    nothing of the other letters.
    """
    blocks = [b for d in documents for b in (d.title, *d.fields.values())]
    blocks += [b for d in documents for division in d.divisions if division.kind != "notes" for b in division.blocks]
    return {
        s.attr("ref").lstrip("#")
        for b in blocks
        for s in b.spans
        if s.kind == "person" and s.attr("ref") and (editorial or "[" not in b.text[s.start : s.end])
    }


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
