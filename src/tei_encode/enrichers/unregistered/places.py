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
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ...diagnostics import Reporter
from ...lexicon import RUSSIAN_MONTHS, SURNAME_ENDINGS_CYRILLIC
from ...model import Block, Document, span
from ...register import Entry, Name, Register
from ..claims import UNREGISTERED_NAME_AVOIDS
from ..names.index import CYRILLIC, Token, capitalised, fold, index_for, morph, tokens, word_forms
from ..names.initials import words_after_initials
from ..names.match import find_mentions
from ..names.organisations import names_organisation
from ..names.rules import PLACE_WORD, SURNAME_ENDING, joins
from ..names.spans import add_name_span
from ..names.syllabic import starts_syllabic_name
from ..names.words import ORG_WORDS, TITLE_WORDS
from .keys import REVIEW_NOTE, entry_key, latin_words, place_nominative, skeleton
from .streets import may_name_streets, street_names

if TYPE_CHECKING:
    from ..context import Context

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
# Where a letter went from and to: "Sent from Zurich to Berne", "sent from Ambulant (Switzerland) to Clarens".
SENT_FROM = re.compile(
    rf"\b(?:[Ss]ent|[Pp]osted|[Ff]orwarded|[Ww]ired|[Tt]elegraphed)[ \t]+from[ \t]+(?P<source>{PLACE_NAME})"
    rf"(?:[ \t]*\([^()\n]{{1,40}}\))?(?:[ \t]+to[ \t]+(?P<target>{PLACE_NAME}))?"
)
# Capitalised words a place cue meets that name no place.
NOT_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "god", "congress",
    "party", "politburo", "government", "council", "committee", "army", "front", "comrade", "comrades", "cde",
    "general", "chairman", "pravda", "izvestiya", "duma", "plenum", "conference", "bureau", "soviet", "central",
    "the", "this", "that", "his", "her", "our", "your", "their", "its", "article", "no", "vol", "op", "ibid",
    "bolshevik", "bolsheviks", "menshevik", "mensheviks", "iskra", "zvezda", "kommunist", "luch",
    # the socialist periodicals of the period, named after "in" or "to" like places ("articles in Volksrecht")
    "rech", "prosveshcheniye", "prosveshchenie", "proletary", "vperyod", "sotsial-demokrat", "golos", "slovo",
    "vorwärts", "vorwaerts", "volksrecht", "tagwacht", "volkszeitung", "humanité", "humanite", "avanti",
    "st", "mt", "ft", "corporation", "company", "foundation", "fund", "first", "second", "third", "fourth",
    "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "red", "white",
    "works", "collected", "selected", "volume", "volumes", "page", "pages", "edition", "publishers", "miscellany",
    "nos", "publications", "notes",
    # the words of the names of archives, their series and documents ("Central Files", "Berlin, Cables", "Military
    # Historical Archives, Prague", "The Warsaw Treaty and Czechoslovakia"), and of the titles of collected letters
    # and works in German, French and transliterated Russian ("in Briefe und Auszüge", "Pisma Marksa")
    "files", "file", "cables", "cable", "archives", "papers", "records", "documents", "collection",
    "treaty", "pact", "countries", "world", "briefe", "werke", "lettres", "oeuvres", "pisma",
    "sochineniya",
    # German articles, which open the titles of works ("in Der Briefwechsel zwischen ..."), never a place's name
    "der", "die", "das", "des", "dem",
    # languages and peoples that no ending of NOT_PLACE_ENDING tells ("in German and French")
    "german", "germans", "french", "dutch", "greek", "greeks", "czech", "czechs", "latin", "swiss", "welsh", "thai",
    "arab", "arabs", "turk", "turks", "pole", "poles", "lett", "letts", "serb", "serbs", "croat", "croats", "dane",
    "danes", "swede", "swedes", "finn", "finns", "slav", "slavs", "jew", "jews", "tatar", "tatars", "uzbek", "uzbeks",
    "kazakh", "kazakhs", "tajik", "tajiks", "kirghiz", "magyar", "magyars",
})
# fmt: on
# Adjectives, languages, doctrines, verbs, abstract nouns (Encryption), and the compound names of Soviet
# institutions (Gosplan, Tsentrosoyuz).
NOT_PLACE_ENDING = re.compile(
    r"(?:ian|ean|ish|ese|ist|ism|ists|ic|tern|thern|ize|tion|ment|ness|plan|soyuz|kom|trest|torg|prom|snab)\Z"
)
# Verbs of war whose object is a town: "Yudenich took Krasnoye Selo".
CAPTURE_VERBS = frozenset(
    {"took", "captured", "occupied", "abandoned", "surrendered", "liberated", "seized", "stormed"}
)
# After these a person is as likely as a place ("at Budyonny", "took Kolchak prisoner", "via Terebin", "out of
# Stavsky"), so a surname-like word is left alone; after the others ("in Poronin", "near Zakopane") it is a place.
PERSON_PREPOSITIONS = frozenset({"at", "on", "towards", "toward", "via", "through", "of", *CAPTURE_VERBS})
# After these a single word names a go-between more often than a place passed through ("transmitted it through
# Blumenfeld", "find him through Pfemfert"): a place there is left to the register and the gazetteer.
INTERMEDIARY_PREPOSITIONS = frozenset({"through"})

# Russian prepositions of place and motion, with the cases they govern before a place ("в Аньшане", "в Москву",
# "из Мукдена", "под Сеулом", "к Пекину").
_IN, _FROM, _UNDER, _TO = (
    frozenset({"loct", "loc2", "accs"}),
    frozenset({"gent", "gen2"}),
    frozenset({"ablt", "accs"}),
    frozenset({"datv"}),
)
RUSSIAN_PREPOSITIONS = {"в": _IN, "во": _IN, "из": _FROM, "у": _FROM, "до": _FROM, "под": _UNDER, "к": _TO, "ко": _TO}
NOMINATIVE = frozenset({"nomn"})
ANY_CASE = frozenset().union(NOMINATIVE, *RUSSIAN_PREPOSITIONS.values())
# The place of a Russian place-and-date line: "Тифлис, 5.IX.24 г.", "Москва."
RUSSIAN_DATELINE = re.compile(r"\A(?P<place>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)(?:,?[ \t]+(?:\d|[IVX]+\b)|\.\Z)")
# Compound names of Soviet institutions the dictionary lacks ("в Наркомземе", "из Центросоюза", "в Губкоме").
NOT_RUSSIAN_PLACE = re.compile(
    r"\A(?:нарком|гос[а-я]|губ(?:ком|исп|чек)|центро|совнар|полит|глав|проф|агит|рев(?:ком|воен))"
    r"|(?:ком|план|союз|трест|торг|пром|снаб|бюро|банк|зем|дел)\Z"
)
# Months, days and the spoken names of the Cheka and the Central Committee: the dictionary may read them as places.
# fmt: off
NOT_RUSSIAN_PLACES = frozenset({
    *RUSSIAN_MONTHS, "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "цека", "чека",
})
# fmt: on
# The endings of Russian, Ukrainian, Georgian and Armenian surnames' nominatives: after "у" and "к", which take
# persons as often as places, a word the dictionary lacks that ends so is taken for a person ("у Терещенко").
RUSSIAN_SURNAME_ENDING = re.compile(rf"(?:{'|'.join(SURNAME_ENDINGS_CYRILLIC)})\Z")
PERSON_PREPOSITIONS_RU = frozenset({"у", "к", "ко"})
# Shorter words in capitals are abbreviations ("в ЦК", "из НКИД"); longer ones may be places ("Из ЛЯОЯНА").
MIN_CAPITALS_PLACE = 5


def looks_like_place(text: str, surname_like_too: bool = False) -> bool:
    """Whether a capitalised phrase a place cue found can be a place: no month, party word, adjective (of a
    country too) or abbreviation, and no Russian surname unless ``surname_like_too``."""
    words = text.split()
    if any(
        w.casefold() in NOT_PLACES
        or w.casefold() in TITLE_WORDS
        or w.casefold() in ORG_WORDS
        or NOT_PLACE_ENDING.search(w)
        for w in words
    ):
        return False
    if any(w.isupper() for w in words):  # an abbreviation: "in RGASPI", "in the CC"
        return False
    from ..proposals.gazetteer import names_a_people  # here: the proposals package imports this module

    if len(words) == 1 and (names_a_people(text) or names_a_people(text.rsplit("-", 1)[-1])):
        return False  # "on Cuban territory", "of Soviet-Cuban differences", "action Hung authorities"
    return surname_like_too or not SURNAME_ENDING.search(words[-1])


def _place_cues(text: str, heading: bool) -> Iterator[tuple[int, int]]:
    """The place of a place-and-date line, names after a preposition or a verb of capture, and before a kind of
    place (``the Turukhansk region``)."""
    if CYRILLIC.search(text):
        yield from _russian_place_cues(text, heading)
    if heading:
        match = DATELINE_PLACE.match(text)
        if match and looks_like_place(match.group("place")):
            yield match.span("place")
    if "from " in text:
        yield from _sent_from(text)
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
            if starts_syllabic_name(text, word.start):
                continue  # "a letter from Li Zhou-yuan", "turning toward Li"
            end = _place_end(text, words, i)
            if before.text in INTERMEDIARY_PREPOSITIONS and end == word.end:
                continue
            owner = text[end : end + 1] in ("'", "’")  # "in Pak's words"
            if owner or _object_follows(text, end):
                continue
            if looks_like_place(text[word.start : end], before.text not in PERSON_PREPOSITIONS):
                yield word.start, end
        elif i + 1 < len(words) and words[i + 1].text in PLACE_KINDS and looks_like_place(word.text, True):
            yield word.start, word.end


def _sent_from(text: str) -> Iterator[tuple[int, int]]:
    """The places a letter was sent from and to, as the editors of collected works give them (a name shaped like
    a surname too: letters are sent from and to places)."""
    for match in SENT_FROM.finditer(text):
        for group in ("source", "target"):
            if match.group(group) and looks_like_place(match.group(group), surname_like_too=True):
                yield match.span(group)


def _russian_place_cues(text: str, heading: bool) -> Iterator[tuple[int, int]]:
    """The place of a Russian place-and-date line and single Russian names after a preposition of place, in the
    case it governs (``в Аньшане``, ``Из ЛЯОЯНА``); no person (``у Сталина``), month or institution."""
    if heading:
        match = RUSSIAN_DATELINE.match(text)
        if match and russian_place(match.group("place"), NOMINATIVE):
            yield match.span("place")
    words = tokens(text)
    for i in capitalised(text):
        preposition = words[i - 1].text.lower() if i else ""
        cases = RUSSIAN_PREPOSITIONS.get(preposition)
        if cases is None or text[words[i - 1].end : words[i].start] != " ":
            continue
        word = words[i]
        if _name_goes_on(text, words, i):  # "у Мао Цзэ-дуна", "в Нижнем Новгороде": two words, left alone
            continue
        nominative = russian_place(word.text, cases)
        if nominative and not (preposition in PERSON_PREPOSITIONS_RU and _surname_like(word.text, nominative)):
            yield word.start, word.end


def _name_goes_on(text: str, words: tuple[Token, ...], i: int) -> bool:
    """Whether a capitalised word follows ``words[i]`` after a space."""
    following = words[i + 1] if i + 1 < len(words) else None
    return following is not None and following.text[0].isupper() and text[words[i].end : following.start] == " "


def _surname_like(word: str, nominative: str) -> bool:
    """Whether a word the dictionary lacks has a surname's ending (a known place, ``Пекину``, has none)."""
    return not morph().word_is_known(word.lower()) and bool(RUSSIAN_SURNAME_ENDING.search(nominative.lower()))


def russian_place(word: str, cases: frozenset[str]) -> str:
    """The nominative of a Russian word that can be a place in one of ``cases``, or ``""``."""
    if len(word) < 3 or not CYRILLIC.search(word) or word.isupper() and len(word) < MIN_CAPITALS_PLACE:
        return ""
    if not word.isupper() and _inner_capital(word):
        return ""
    nominative = place_nominative(word, cases)
    if not nominative or NOT_RUSSIAN_PLACE.search(nominative.lower()) or NOT_RUSSIAN_PLACE.search(word.lower()):
        return ""
    readings = {word.lower(), *(p.normal_form for p in morph().parse(word.lower()))}
    return "" if readings & NOT_RUSSIAN_PLACES else nominative


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
    names, russian = _mark_cued_places(document)
    _unmark_surnames(document, names)
    if not names:
        return
    refs = _registered_alike(document, context.register, names)
    for key in refs:
        del names[key]
    for key, into in _russian_merges(names).items():
        names[into] |= names.pop(key)
        russian[into] = russian.pop(key)
    entries = [
        Entry(
            key if context.register.get(key) is None else f"{key}-new",
            "place",
            tuple(
                Name(n, "ru" if CYRILLIC.search(n) else "en", "main" if i == 0 else "variant")
                for i, n in enumerate(sorted(written))
            ),
            note=REVIEW_NOTE,
        )
        for key, written in sorted(names.items())
    ]
    index = index_for(Register({e.key: e for e in entries}), "place")
    # Only blocks holding the start of a name can name it (Russian names keep their first letters inflected).
    written = [n for names_of in (*names.values(), *russian.values()) for n in names_of]
    starts = tuple({f(n[:4]) for n in written for f in (str, str.upper)})
    refs.update((key, f"#{entry.key}") for key, entry in zip(sorted(names), entries, strict=True))
    forms = {refs[key]: _forms(written) for key, written in russian.items()}
    for _, block in document.blocks():
        if not any(start in block.text for start in starts):
            continue
        for mention in find_mentions(block.text, index):
            if len(mention.keys) == 1:
                _place_span(block, mention.start, mention.end, f"#{mention.keys[0]}")
        if forms and CYRILLIC.search(block.text):
            _link_russian_forms(block, forms)
    context.add_entries(document.id, entries)
    for entry in entries:
        reporter.info("provisional-entry", f"provisional register entry #{entry.key} for {entry.name!r}")


def _unmark_surnames(document: Document, names: dict[str, set[str]]) -> None:
    """Take back the places of one word that the document also writes after an initial (``in Marx and Engels``
    beside ``F. Engels und K. Marx``): the word is a person's name there, and so it is here."""
    blocks = [block for _, block in document.blocks()]
    persons = words_after_initials(block.text for block in blocks)
    taken = {key for key, written in names.items() if written & persons}
    if not taken:
        return
    words = {w for key in taken for w in names.pop(key)}
    for block in blocks:
        for s in [s for s in block.spans_of("place") if not s.attrs and block.text[s.start : s.end] in words]:
            block.spans.remove(s)


def _mark_cued_places(document: Document) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Mark the places cues name; return the entry names of each key and the Russian forms found of each."""
    names: dict[str, set[str]] = {}
    russian: dict[str, set[str]] = {}
    blocks = [block for _, block in document.blocks()]
    streets_named = may_name_streets("\n".join(block.text for block in blocks))  # most documents: none
    for block in blocks:
        streets = _clear_streets(block) if streets_named else []
        for start, end in _cued_places(block, streets):
            if block.is_free(start, end, *UNREGISTERED_NAME_AVOIDS) and add_name_span(block, start, end, "place"):
                surface = block.text[start:end]
                name = _entry_name(surface)
                names.setdefault(entry_key(name.split()), set()).add(name)
                if CYRILLIC.search(surface) and " " not in surface:
                    russian.setdefault(entry_key(name.split()), set()).update((surface, name))
    return names, russian


def _clear_streets(block: Block) -> list[tuple[int, int]]:
    """The names of streets of ``block``, left free of the persons they are named after (``площади Сталина``)."""
    streets = street_names(block.text)
    for start, end in streets:
        inside = [s for s in block.spans if s.overlaps(start, end)]
        if all(s.kind == "person" and start <= s.start and s.end <= end for s in inside):
            for s in inside:
                block.spans.remove(s)
    return streets


def _registered_alike(document: Document, register: Register, names: dict[str, set[str]]) -> dict[str, str]:
    """Each key of a place found only in Russian to the one register place the document names elsewhere that
    sounds alike (``Паньмыньчжон``: ``Panmunjom``, whose Russian name is spelled ``Панмыньчжонь``)."""
    refs = {s.attr("ref") for _, b in document.blocks() for s in b.spans_of("place") if s.attr("ref")}
    sounds = {
        ref: {"_".join(latin_words(n.text)) if CYRILLIC.search(n.text) else n.text for n in entry.names}
        for ref in refs
        if (entry := register.get(ref.lstrip("#")))
    }
    found = {}
    for key, written in names.items():
        alike = [ref for ref, keys in sounds.items() if any(_sounds_alike(k, key) for k in keys)]
        if all(CYRILLIC.search(n) for n in written) and len(alike) == 1:
            found[key] = alike[0]
    return found


def _russian_merges(names: dict[str, set[str]]) -> dict[str, str]:
    """Each key of a place found only in Russian to the one key found only in Latin letters that sounds alike
    (``Паньмыньчжон``: ``Panmunjom``): the translation and the original of a document name the same places."""
    latin = [k for k, written in names.items() if not any(CYRILLIC.search(n) for n in written)]
    merges = {}
    for key, written in names.items():
        if all(CYRILLIC.search(n) for n in written):
            alike = [k for k in latin if _sounds_alike(k, key)]
            if len(alike) == 1:
                merges[key] = alike[0]
    return merges


# The share of consonants two spellings of one place name have in common, at least.
ALIKE_RATIO = 0.8
SHORT_SOUNDS = 3


def _sounds_alike(latin: str, transliterated: str) -> bool:
    """Whether two keys start alike and share most of their consonants in order."""
    a, b = skeleton(latin), skeleton(transliterated)
    if min(len(a), len(b)) < SHORT_SOUNDS:  # "Tula" and "Tallinn" share most of too few consonants
        return a == b
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= ALIKE_RATIO


def _forms(written: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The first four letters and the match keys of a Russian place's forms found in the document."""
    return frozenset(fold(w)[:4] for w in written), frozenset().union(*(word_forms(w) for w in written))


def _link_russian_forms(block: Block, forms: dict[str, tuple[frozenset[str], frozenset[str]]]) -> None:
    """Link the inflected Russian mentions of places found here to their entries (``Сяншань`` after
    ``в Сяншане``): a capitalised word with the same first letters that shares a reading with a form found."""
    words = tokens(block.text)
    for token in (words[i] for i in capitalised(block.text)):
        if len(token.text) < 3 or not CYRILLIC.search(token.text):
            continue
        refs = [ref for ref, (starts, keys) in forms.items() if fold(token.text)[:4] in starts]
        refs = [ref for ref in refs if word_forms(token.text) & forms[ref][1]]
        if len(refs) == 1:
            _place_span(block, token.start, token.end, refs[0])


def _entry_name(surface: str) -> str:
    """The name of a place's entry: its words, a Russian word in the nominative (``Аньшане``: ``Аньшань``)."""
    words = surface.split()
    return " ".join((russian_place(w, ANY_CASE) or w.capitalize()) if CYRILLIC.search(w) else w for w in words)


def _cued_places(block: Block, streets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The free spans of ``block`` that a cue marks as places (and its ``streets``), with the names joined to its
    places, except parts of organisations' names."""
    text = block.text
    found = [
        (s, e)
        for s, e in (*streets, *_place_cues(text, block.kind in PLACE_HEADINGS))
        if block.is_free(s, e, *UNREGISTERED_NAME_AVOIDS)
    ]
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
