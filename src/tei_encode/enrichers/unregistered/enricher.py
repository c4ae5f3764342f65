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
Places are found first, the same way (``places``). The entries
are written to the document's ``standOff`` with a note asking an editor to
review them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...diagnostics import Reporter
from ...lexicon import ADDRESS_PRONOUNS
from ...model import Block, Document, span
from ...register import Entry, Name, Register
from ..claims import UNREGISTERED_NAME_AVOIDS
from ..correspondence import side_spans
from ..names.enricher import SIGNATURE_KINDS
from ..names.index import CYRILLIC, NameIndex, capitalised, fold, index_for, tokens, word_forms
from ..names.match import find_mentions
from ..names.organisations import names_organisation
from ..names.rules import (
    ADDRESS_LINE,
    CLOSING,
    HONORIFIC_LIST,
    LEADING_HONORIFIC,
    LETTER_HEADING,
    NAME,
    NOT_SIGNING,
    PATRONYMIC_NAME,
    POST_HOLDER,
    SALUTATION,
    SIGNER,
    SIGNING_INITIALS,
    TITLED,
    credits,
    has_cue,
    is_name_and_patronymic,
    looks_like_name,
    names_in_list,
    persons_joined,
    signed_sentence,
    surname_like_persons,
)
from ..names.spans import add_name_span
from ..names.words import ABSTRACT_ENDING, FAMILY_NAMES_FIRST, TITLE_WORDS
from ..proposals.gazetteer import lookup
from .keys import REVIEW_NOTE, entry_key, latin_forms, latin_words, name_words, skeleton
from .places import NOT_PLACES, mark_unregistered_places

if TYPE_CHECKING:
    from ..context import Context

# The longest line of initials alone.
MAX_INITIALS = 12
# The longest line taken for a letter's heading.
MAX_HEADING = 60
NAME_LIST = re.compile(r"\s*(?:,|\band\b|&|\bи\b)\s*")
WHOLE_NAME = re.compile(rf"{NAME}")


class UnregisteredNamesEnricher:
    """Links every mention of a person the register lacks to a provisional entry."""

    name = "unregistered"
    priority = 85

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Give the document's unregistered people provisional entries and link their mentions."""
        mark_unregistered_places(document, context, reporter)
        _mark_title_correspondents(document.title)
        senders, addressees = _correspondent_refs(document.title)
        registered = index_for(context.register, "person")
        previous: Block | None = None
        for _, block in document.blocks():
            _mark_cued_persons(block)
            _mark_patronymic_names(block, registered)
            _mark_signing_initials(block, senders, context.register)
            if previous is not None and CLOSING.match(previous.text):
                _mark_signer(block)
            previous = block
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
                surface = name_words(block.text[s.start : s.end])
                if surface:
                    names.setdefault(entry_key(surface), set()).add(" ".join(surface))
                    if (s.start, s.end) in credit_spans:
                        credited.add(entry_key(surface))
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
        offset = start
        for piece in NAME_LIST.split(title.text[start:end]):  # side_spans ends the addressees before the topic
            at = title.text.find(piece, offset, end) if piece else -1
            if at < 0:
                continue
            offset = at + len(piece)
            bare = LEADING_HONORIFIC.sub("", piece.strip(" .;:\"'"))
            lead = piece.find(bare)
            if (
                bare
                and WHOLE_NAME.fullmatch(bare)
                and looks_like_name(bare)
                and not _names_a_thing(bare, title.text)
                and not _is_place(title, at + lead)
            ):
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
    """Mark the names after a post or rank or in brackets after it, every name of a list after an honorific and the
    correspondents a letter's heading names."""
    text = block.text
    found = [m.span("name") for m in _matches(TITLED, text)]
    if "(" in text:
        found.extend(m.span("name") for m in _matches(POST_HOLDER, text))
    if len(text) < MAX_HEADING and text.isupper():
        for match in _matches(LETTER_HEADING, text):
            named = [match.group("sender"), match.group("addressee")]
            words = [w.casefold() for n in named for w in n.split()]
            if not any(w in NOT_PLACES or w in TITLE_WORDS for w in words) and not all(map(_gazetteer_place, named)):
                found.extend([match.span("sender"), match.span("addressee")])
    for match in _matches(HONORIFIC_LIST, text):
        listed = list(names_in_list(text, match.start("names"), match.end("names")))
        if not match.group("plural"):
            listed = [(s, e) for s, e in listed if _same_case(text[s:e], text[slice(*listed[0])])]
        found.extend(listed)
    for start, end in found:
        end = with_supplied(text, end)
        if " " in text[start:end] and text[start:end].rsplit(" ", 1)[1].lower() in ADDRESS_PRONOUNS:
            end = text.rindex(" ", start, end)  # "адмирал Стэндли Ваше письмо": the pronoun opens what follows
        name = text[start:end]
        if not looks_like_name(name) or _names_a_thing(name, text):
            continue
        if block.is_free(start, end, *UNREGISTERED_NAME_AVOIDS):
            add_name_span(block, start, end, "person", unregistered="yes")


MAX_ABBREVIATION = 4  # letters of an abbreviation in capitals (``CPSU``); a surname in capitals is longer (``JELEN``)


def _names_a_thing(name: str, text: str) -> bool:
    """Whether a name a cue found is an abbreviation in capitals in a text that is not in capitals (``to CC CPSU``,
    ``(APRF)``; not a family name, ``MAO``), or ends like an abstract noun (``Decision to entrust``): a body's or a
    thing's, not a person's."""
    words = name.split()
    if all(w.isupper() and 1 < len(w) <= MAX_ABBREVIATION for w in words) and not text.isupper():
        return not any(fold(w) in FAMILY_NAMES_FIRST for w in words)
    return bool(ABSTRACT_ENDING.search(words[-1].casefold()))


def _gazetteer_place(name: str) -> bool:
    """Whether the gazetteer knows ``name``, written in capitals, as a place."""
    return lookup(name) is not None or lookup(name.title()) is not None


def _mark_signer(block: Block) -> None:
    """Mark the name alone on the line after a closing formula (``Sincerely yours,`` / ``Dean Rusk``) as a person."""
    match = SIGNER.match(block.text) if len(block.text) < MAX_HEADING else None
    if match and looks_like_name(match.group("name")) and block.is_free(*match.span("name"), *UNREGISTERED_NAME_AVOIDS):
        add_name_span(block, *match.span("name"), "person", unregistered="yes")


def _mark_signing_initials(block: Block, senders: list[str], register: Register) -> None:
    """Mark initials alone on their line (``Your`` / ``F. E.``, ``K. M.``) as the person signing the letter: the one
    sender the title names if the initials are that person's (``N. K.``, Nadezhda Konstantinovna Krupskaya)."""
    match = SIGNING_INITIALS.match(block.text) if len(block.text) < MAX_INITIALS else None
    if (
        match
        and match.group("name") not in NOT_SIGNING
        and block.is_free(*match.span("name"), *UNREGISTERED_NAME_AVOIDS)
    ):
        letters = "".join(c for c in match.group("name") if c.isalpha())
        signer = [ref for ref in senders if _has_initials(register.get(ref.lstrip("#")), letters)]
        attrs = {"ref": signer[0]} if len(senders) == 1 and signer else {"unregistered": "yes"}
        start, end = match.span("name")
        add_name_span(block, start, end, "person", **attrs)


def _has_initials(entry: Entry | None, letters: str) -> bool:
    """Whether a name of ``entry`` begins its words with ``letters`` (``N. K.``: Nadezhda Konstantinovna ...)."""
    names = entry.names if entry is not None else ()
    return any("".join(w[:1] for w in name.text.split())[: len(letters)] == letters for name in names)


def _mark_surname_like(block: Block) -> None:
    """Mark words shaped like surnames that act as persons, and those joined by "and" or a comma to a person."""
    text = block.text
    for start, end in surname_like_persons(text):
        if block.is_free(start, end, *UNREGISTERED_NAME_AVOIDS):
            add_name_span(block, start, end, "person", unregistered="yes")
    if " and " not in text:
        return
    for s in block.spans_of("person"):
        for start, end in persons_joined(text, s.start, s.end):
            if block.is_free(start, end, *UNREGISTERED_NAME_AVOIDS):
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
    """Mark given names with patronymics (and the surname after them), linked to the one register person whose full
    name begins so (and ends with that surname, if one follows: Александр Иванович Куприн is not Herzen)."""
    for match in _matches(PATRONYMIC_NAME, block.text):
        start, end = match.span()
        if match.group("surname") and not (
            _agrees(match.group("patronymic"), match.group("surname"))
            and block.is_free(start, end, *UNREGISTERED_NAME_AVOIDS)
        ):
            end = match.end("patronymic")  # "Николая Александровича" alone, or before a word of another case
        if not block.is_free(start, end, *UNREGISTERED_NAME_AVOIDS):
            continue
        patronymic = skeleton(match.group("patronymic"))[1:]  # [1:]: Evseevich, Yevseyevich
        surname = word_forms(match.group("surname")) if end == match.end() and match.group("surname") else None
        keys = {
            v.key
            for v in registered.starting_with(match.group("given"))
            if len(v.words) > 2
            and skeleton(v.words[1])[1:] == patronymic
            and (surname is None or v.words[-1] in surname)
        }
        attrs = {"ref": f"#{keys.pop()}"} if len(keys) == 1 else {"unregistered": "yes"}
        add_name_span(block, start, end, "person", **attrs)


def _agrees(patronymic: str, surname: str) -> bool:
    """Whether a word after a patronymic is in its case: the same last letter, or any after a nominative ``-ич``."""
    return patronymic.endswith("ич") or patronymic[-1:] == surname[-1:]


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
    elif not addressees:  # no register person addressed: the name a salutation addresses is a person of its own
        for match in _matches(SALUTATION, block.text):
            start, end = match.span("name")
            if _addresses(block.text[start:end]) and block.is_free(start, end, *UNREGISTERED_NAME_AVOIDS):
                add_name_span(block, start, end, "person", unregistered="yes")
    in_sentence = signed_sentence(block.text)
    if len(senders) != 1:
        if in_sentence and block.is_free(*in_sentence, *UNREGISTERED_NAME_AVOIDS):
            add_name_span(block, *in_sentence, "person", unregistered="yes")
        return
    signed = [in_sentence] if in_sentence else []
    if block.kind in SIGNATURE_KINDS:
        signed.extend((s.start, s.end) for s in block.spans_of("person") if s.attr("unregistered"))
    for start, end in signed:
        if " " not in block.text[start:end].strip():  # a given name or nickname, not another signer's full name
            _link_span(block, start, end, senders[0])


def _addresses(text: str) -> bool:
    """Whether what a salutation, an address line or a signature holds names a person: a name, or a given name and
    patronymic abbreviated (``Dear L. B.,``)."""
    return looks_like_name(text) or is_name_and_patronymic(text)


def _link_span(block: Block, start: int, end: int, ref: str) -> None:
    """Mark ``start:end`` as the person ``ref`` unless the register found a person there."""
    if not _addresses(block.text[start:end]):
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
            alike = [k for k in latin if skeleton(k) == skeleton(key)]
            merged[key] = merged[alike[0]] if len(alike) == 1 else key
    return merged


def _ends(key: str) -> tuple[str, str]:
    """The first and the last word of a key."""
    words = key.split("_")
    return words[0], words[-1]


def _entries(names: dict[str, set[str]], keys: dict[str, str], register: Register) -> list[Entry]:
    forms: dict[str, set[str]] = {}
    for key, written in names.items():
        forms.setdefault(keys[key], set()).update(written)
    entries = []
    for key in sorted(forms):
        unique = key if register.get(key) is None else f"{key}-new"
        written = forms[key] | {" ".join(latin_words(n)) for n in forms[key] if CYRILLIC.search(n)}
        variants = sorted(written, key=lambda n: (-len(n), n))
        entry_names = tuple(
            Name(n, "ru" if CYRILLIC.search(n) else "en", "main" if i == 0 else "variant")
            for i, n in enumerate(variants)
        )
        entries.append(Entry(unique, "person", entry_names, note=REVIEW_NOTE))
    return entries


def _link(block: Block, index: NameIndex) -> None:
    """Link the unregistered person spans of ``block`` and mark the other mentions of the same people, none inside
    an organisation's or a work's name (``Lenin Internet Archive``), as the register's names are not."""
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
        elif not names_organisation(block.text, mention.start, mention.end, "person"):
            add_name_span(block, mention.start, mention.end, "person", ref=ref, unregistered="yes")
    _link_russian_forms(block, index)


def _link_by_key(block: Block, entry_keys: dict[str, str]) -> None:
    """Link the people found here that no mention matched whole (``János M. Rainer``: an initial between names)."""
    for s in block.spans_of("person"):
        surface = name_words(block.text[s.start : s.end]) if s.attr("unregistered") and not s.attr("ref") else []
        if surface and entry_key(surface) in entry_keys:
            block.spans.remove(s)
            block.add(span(s.start, s.end, "person", ref=f"#{entry_keys[entry_key(surface)]}", unregistered="yes"))


def _link_russian_forms(block: Block, index: NameIndex) -> None:
    """Mark Russian forms of people first found in Latin letters (``РОЩИНУ`` for ``Roshchin``)."""
    words = tokens(block.text)
    for token in (words[i] for i in capitalised(block.text)):
        if not (len(token.text) > 2 and CYRILLIC.search(token.text)):
            continue
        if not block.is_free(token.start, token.end, "person", "place", "org", "idno", "date"):
            continue
        keys = sorted({v.key for v in index.candidates(latin_forms(token.text)) if len(v.words) == 1})
        if len(keys) == 1:
            add_name_span(block, token.start, token.end, "person", ref=f"#{keys[0]}", unregistered="yes")
