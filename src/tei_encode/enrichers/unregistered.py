"""People and places the register lacks: one provisional entry each, every mention linked to it.

The persons enricher marks names the register lacks where the document's form
names a person (a signature, ``тов. X``, initials and surname, a typist).
This enricher adds the names that the words around them mark: after a post or
rank (``General Clark``), in a list after an honorific, a given name with its
patronymic, a surname-like word acting as a person (``Malinovsky writes``),
and the correspondents a title names (``Telegram from Gromyko to Vyshinsky``).
Salutations and signatures (``Dear Yuri!``, ``Your Grigory.``) are linked to
the addressee and the sender of the title. Each other person gets a
provisional register entry (its key is the surname, transliterated from
Russian where needed, so that ``ГРОМЫКО`` and ``Gromyko`` meet); that person's
other mentions in the document, inflected or in capitals, are linked to it.
Places are found the same way: the place of a place-and-date line, names after
a preposition of place, before a kind of place (``the Turukhansk region``) or
joined to a known place. The entries are written to the document's
``standOff`` with a note asking an editor to review them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Document, span
from ..register import Entry, Name, Register
from .correspondence import side_spans
from .names import SIGNATURE_KINDS, add_name_span
from .names_index import CYRILLIC, WORD, NameIndex, Token, capitalised, fold, index_for, morph, tokens
from .names_match import find_mentions
from .names_rules import (
    ADDRESS_LINE,
    FAMILY_NAMES_FIRST,
    HONORIFIC_LIST,
    NAME,
    PATRONYMIC_NAME,
    PLACE_WORD,
    SALUTATION,
    SURNAME_ENDING,
    TITLE_WORDS,
    TITLED,
    credits,
    has_cue,
    joins,
    looks_like_name,
    names_in_list,
    names_organisation,
    persons_joined,
    signed_sentence,
    surname_like_persons,
)

if TYPE_CHECKING:
    from . import Context

REVIEW_NOTE = "Not in the register: found by the converter in this document; to be reviewed by an editor."
TOPIC = re.compile(r"\s+(?:on|about|regarding|concerning|re:?|with regard to|in connection with)\s.*$", re.I | re.S)
NAME_LIST = re.compile(r"\s*(?:,|\band\b|&|\bи\b)\s*")
HONORIFICS = re.compile(
    r"^(?:comrades?|cde\.|tov\.|тов\.|т\.|товарищ\w*|mr\.|mrs\.|general|marshal|ambassador)\s+", re.I
)
WHOLE_NAME = re.compile(rf"{NAME}")
# Spans a name found here may not overlap.
CLAIMING = ("person", "place", "org", "idno", "date")
# Blocks that open a letter with its place and date ("Kureika, 20.XI.", "Bern.").
PLACE_HEADINGS = frozenset({"dateline", "address"})
LATIN = "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", LATIN.split(" "), strict=True))


class UnregisteredNamesEnricher:
    """Links every mention of a person the register lacks to a provisional entry."""

    name = "unregistered"
    priority = 85

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Give the document's unregistered people provisional entries and link their mentions."""
        _mark_unregistered_places(document, context, reporter)
        _mark_title_correspondents(document.title)
        senders, addressees = _correspondent_refs(document.title)
        registered = index_for(context.register, "person")
        for _, block in document.blocks():
            _mark_cued_persons(block)
            _mark_patronymic_names(block, registered)
        for _, block in document.blocks():
            _mark_surname_like(block)
            _link_to_correspondents(block, senders, addressees)
        _link_register_names(document, registered)
        _link_family_names(document)
        names: dict[str, set[str]] = {}
        credited: set[str] = set()
        for _, block in document.blocks():
            unregistered = [s for s in block.spans_of("person") if s.attr("unregistered")]
            credit_spans = set(credits(block.text)) if unregistered else set()
            for s in unregistered:
                surface = _name_words(block.text[s.start : s.end])
                if surface:
                    names.setdefault(_key(surface), set()).add(" ".join(surface))
                    if (s.start, s.end) in credit_spans:
                        credited.add(_key(surface))
        if not names:
            return
        keys = _merge_surnames(names, credited)
        entries = _entries(names, keys, context.register)
        index = index_for(Register({e.key: e for e in entries}), "person")
        entry_keys = dict(zip(sorted(set(keys.values())), (e.key for e in entries), strict=True))
        for _, block in document.blocks():
            _link(block, index)
            _link_by_key(block, {k: entry_keys[m] for k, m in keys.items()})
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


def _correspondent_refs(title: Block) -> tuple[list[str], list[str]]:
    """The refs of the persons on the senders' and on the addressees' side of a title."""
    sides = side_spans(title)
    if not sides:
        return [], []
    refs = [
        sorted({s.attr("ref") for s in title.spans_of("person") if start <= s.start < end and s.attr("ref")})
        for start, end in sides
    ]
    return refs[0], refs[1]


def _mark_cued_persons(block: Block) -> None:
    """Mark the names after a post or rank and every name of a list after an honorific."""
    text = block.text
    found = [m.span("name") for m in _matches(TITLED, text)]
    for match in _matches(HONORIFIC_LIST, text):
        listed = list(names_in_list(text, match.start("names"), match.end("names")))
        if not match.group("plural"):
            listed = [(s, e) for s, e in listed if _same_case(text[s:e], text[slice(*listed[0])])]
        found.extend(listed)
    for start, end in found:
        end = with_supplied(text, end)
        if looks_like_name(text[start:end]) and block.is_free(start, end, *CLAIMING):
            add_name_span(block, start, end, "person", unregistered="yes")


def _mark_surname_like(block: Block) -> None:
    """Mark words shaped like surnames that act as persons, and those joined by "and" or a comma to a person."""
    text = block.text
    for start, end in surname_like_persons(text):
        if block.is_free(start, end, *CLAIMING):
            add_name_span(block, start, end, "person", unregistered="yes")
    if " and " not in text:
        return
    for s in block.spans_of("person"):
        for start, end in persons_joined(text, s.start, s.end):
            if block.is_free(start, end, *CLAIMING):
                add_name_span(block, start, end, "person", unregistered="yes")


def _link_register_names(document: Document, registered: NameIndex) -> None:
    """Link the names found here that, without the editors' brackets, are a register name (``Ni [Zhiliang]``)."""
    for _, block in document.blocks():
        if "[" not in block.text:
            continue
        for s in block.spans_of("person"):
            if not s.attr("unregistered") or "[" not in block.text[s.start : s.end]:
                continue
            keys = registered.keys_named(re.sub(r"[\[\]]", "", block.text[s.start : s.end]))
            if len(keys) == 1:
                block.spans.remove(s)
                block.add(span(s.start, s.end, "person", ref=f"#{keys[0]}"))


def _link_family_names(document: Document) -> None:
    """Mark a bare Chinese or Korean family name as the one person of the document whose full name starts with it
    (``Liu`` after ``Liu Shaoqi``)."""
    refs: dict[str, set[str]] = {}
    for _, block in document.blocks():
        for s in block.spans:
            words = block.text[s.start : s.end].split() if s.kind == "person" else ()
            if len(words) > 1 and fold(words[0]) in FAMILY_NAMES_FIRST and s.attr("ref"):
                refs.setdefault(fold(words[0]), set()).add(s.attr("ref"))
    if not refs:
        return
    for _, block in document.blocks():
        for token in tokens(block.text):
            ref = refs.get(fold(token.text), set())
            if len(ref) == 1 and token.text[0].isupper() and not _name_follows(block.text, token.end):
                end = with_supplied(block.text, token.end)
                provisional = span(token.start, end, "person", unregistered="yes")  # "Ambassador Ni"
                if provisional in block.spans:
                    block.spans.remove(provisional)
                add_name_span(block, token.start, end, "person", ref=next(iter(ref)))


SUPPLIED = re.compile(r"[ \t]?\[[A-ZА-ЯЁ][^\]\n]{0,40}\]")


def with_supplied(text: str, end: int) -> int:
    """The end of a name with the rest of it that the editors supplied in brackets (``Ni [Zhiliang]``)."""
    supplied = SUPPLIED.match(text, end)
    return supplied.end() if supplied else end


def _name_follows(text: str, end: int) -> bool:
    """Whether a capitalised word follows ``end`` after a space (the family name starts a fuller name)."""
    return bool(re.match(r"[ \t]+[A-ZА-ЯЁ]", text[end : end + 3]))


def _mark_patronymic_names(block: Block, registered: NameIndex) -> None:
    """Mark given names with patronymics, linked to the one register person whose full name begins so."""
    for match in _matches(PATRONYMIC_NAME, block.text):
        start, end = match.span()
        if not block.is_free(start, end, *CLAIMING):
            continue
        patronymic = _consonants(match.group("patronymic"))
        keys = {
            v.key
            for v in registered.starting_with(match.group("given"))
            if len(v.words) > 2 and _consonants(v.words[1]) == patronymic
        }
        attrs = {"ref": f"#{keys.pop()}"} if len(keys) == 1 else {"unregistered": "yes"}
        add_name_span(block, start, end, "person", **attrs)


def _consonants(word: str) -> str:
    """A word's consonants, which spellings of a Russian name agree on (``Evseevich``, ``Yevseyevich``)."""
    return re.sub(r"[aeiouyаеёиоуыэюяйьъ]", "", fold(word))


def _same_case(name: str, first: str) -> bool:
    """Whether a name of a list after a singular honorific is in the case of the first: Cyrillic, same ending."""
    return bool(CYRILLIC.search(name)) and name[-1:].lower() == first[-1:].lower()


def _link_to_correspondents(block: Block, senders: list[str], addressees: list[str]) -> None:
    """A name a salutation or an address line addresses is the addressee's; a name signing "Your X" or a
    signature is the sender's.

    Letters address and sign with given names and nicknames (``Dear Yuri!``, ``Your Grigory.``) that no register
    holds for everybody; the title says whose they are when it names one person on that side.
    """
    if len(addressees) == 1:
        named = [m.span("name") for m in _matches(SALUTATION, block.text)]
        address = ADDRESS_LINE.match(block.text) if block.kind == "address" else None
        if address and " " not in address.group("name"):
            named.append(address.span("name"))
        for start, end in named:
            _link_span(block, start, end, addressees[0])
    in_sentence = signed_sentence(block.text)
    if len(senders) != 1:
        if in_sentence and block.is_free(*in_sentence, *CLAIMING):
            add_name_span(block, *in_sentence, "person", unregistered="yes")
        return
    signed = [in_sentence] if in_sentence else []
    if block.kind in SIGNATURE_KINDS:
        signed.extend((s.start, s.end) for s in block.spans_of("person") if s.attr("unregistered"))
    for start, end in signed:
        if " " not in block.text[start:end].strip():  # a given name or nickname, not another signer's full name
            _link_span(block, start, end, senders[0])


def _link_span(block: Block, start: int, end: int, ref: str) -> None:
    """Mark ``start:end`` as the person ``ref`` unless the register found a person there."""
    if not looks_like_name(block.text[start:end]):
        return
    for s in block.spans_of("person"):
        if s.overlaps(start, end):
            if s.attr("ref"):
                return
            block.spans.remove(s)
    add_name_span(block, start, end, "person", ref=ref)


def _matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    return list(pattern.finditer(text)) if has_cue(pattern, text) else []


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


def _merge_surnames(names: dict[str, set[str]], credited: set[str]) -> dict[str, str]:
    """Each key to the key it merges into: a surname alone joins the one fuller name ending with it, and a name
    found only in Russian joins the one name found only in Latin letters that sounds alike (``Кларк``: ``Clark``).

    The translators and editors an edition credits are not joined: ``Comrade Farkas`` in the text is not the
    translator Csaba Farkas."""
    merged = {}
    for key in names:
        fuller = [k for k in names if k != key and k not in credited and "_" in k and key in _ends(k)]
        merged[key] = fuller[0] if "_" not in key and len(fuller) == 1 else key
    latin = [k for k in names if not any(CYRILLIC.search(n) for n in names[k])]
    for key in names:
        if merged[key] == key and all(CYRILLIC.search(n) for n in names[key]):
            alike = [k for k in latin if _skeleton(k) == _skeleton(key)]
            merged[key] = merged[alike[0]] if len(alike) == 1 else key
    return merged


def _ends(key: str) -> tuple[str, str]:
    """The first and the last word of a key."""
    words = key.split("_")
    return words[0], words[-1]


def _skeleton(key: str) -> str:
    """The consonants of a transliterated name, as both scripts spell them (``Clubb``, ``Klabb``: ``klb``)."""
    sounds = key.casefold().replace("ck", "k").replace("c", "k").replace("w", "v")
    consonants = re.sub(r"[aeiouy_]", "", sounds[1:])
    return sounds[0] + re.sub(r"(.)\1+", r"\1", consonants)


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


def _link_by_key(block: Block, entry_keys: dict[str, str]) -> None:
    """Link the people found here that no mention matched whole (``János M. Rainer``: an initial between names)."""
    for s in block.spans_of("person"):
        surface = _name_words(block.text[s.start : s.end]) if s.attr("unregistered") and not s.attr("ref") else []
        if surface and _key(surface) in entry_keys:
            block.spans.remove(s)
            block.add(span(s.start, s.end, "person", ref=f"#{entry_keys[_key(surface)]}", unregistered="yes"))


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


def _mark_unregistered_places(document: Document, context: Context, reporter: Reporter) -> None:
    """Mark the places the register lacks that cues name, give each a provisional entry and link its other
    mentions."""
    names: dict[str, set[str]] = {}
    for _, block in document.blocks():
        for start, end in _cued_places(block):
            if block.is_free(start, end, *CLAIMING) and add_name_span(block, start, end, "place"):
                words = block.text[start:end].split()
                names.setdefault(_key(words), set()).add(" ".join(words))
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
