"""The forms of a document that name a person, registered or not, and the quick tests that spare searching for them.

- People are found where the document's form names a person: after an honorific, with initials, as a typist
  (``отп. Фамилия``), a certifier (``Макаров /Макаров/``, ``Верно: Петров``), a contributor, in a salutation or
  as the whole of a signature, or as a surname-like word acting as a person (``Malinovsky writes``).
- ``M., 1974`` and ``М.:`` in a reference are the place of publication.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...lexicon import (
    CERTIFICATION,
    PATRONYMIC_ENDINGS_FEMININE,
    QUOTES,
    SALUTATIONS,
    SURNAME_ENDINGS_LATIN,
)
from .index import Token, capitalised, tokens
from .initials import INITIAL, INITIALS_START, NAME_AND_PATRONYMIC, UPPER
from .words import NOT_BESIDE_INITIALS, NOT_NAMES, NOT_PERSON_BEFORE, ORG_WORDS, PERSON_AUXILIARIES, PERSON_VERBS

WORD = rf"[{UPPER}][^\W\d_]*(?:-[{UPPER}]?[^\W\d_]+)*"
NAME = rf"(?:(?:{INITIAL}){{1,3}})?{WORD}(?:[ \t]+{WORD}){{0,2}}"
HONORIFIC = re.compile(
    rf"(?<![^\W_])(?:[Тт]ов\.|т\.|[Тт]оварищ(?:у|а|ем|ам|и)?|Comrades?|Cde\.|Cdes\.|Tov\.)[ \t]*(?P<name>{NAME})"
)
# A surname, perhaps double-barrelled (``Бонч-Бруевича``, ``Rimsky-Korsakov``).
SURNAME = rf"(?:[{UPPER}][a-zа-яё]{{2,}}(?:-[{UPPER}][a-zа-яё]{{2,}})?|[{UPPER}]{{4,}})"
# Both open with a capital: a look-ahead of it before the look-behind, or the look-behind after it, lets a search pass
# over the other positions of a text in one test.
INITIALS_SURNAME = re.compile(
    rf"(?=[{UPPER}]){INITIALS_START}(?:{INITIAL}){{2,3}}{SURNAME}(?:[ \t][{UPPER}][a-zа-яё]{{2,}})?(?![^\W_])"
)
SURNAME_INITIALS = re.compile(
    rf"[{UPPER}](?<![^\W_][{UPPER}])[a-zа-яё]{{2,}},?[ \t](?:{INITIAL}){{1,2}}[{UPPER}]\.(?![^\W_])"
)
# Who typed, drew up or printed a Soviet document: "отп. Иванова", "отп. 2 экз. Шевелёва", "исп. Ефимова".
TYPIST = re.compile(
    r"(?<![^\W_])(?:отп|исп|печ)\.[ \t]+(?:\d+[ \t]*экз\.?[ \t]+)?"
    r"(?P<name>[А-ЯЁ][а-яё]+(?:[ \t]+[А-ЯЁ]\.(?:[ \t]?[А-ЯЁ]\.)?)?)"
)
CERTIFIER = re.compile(rf"(?<!\S)(?P<signed>{WORD})[ \t]*/[ \t]*(?P<typed>{NAME})[ \t]*/")
# A name with a middle initial after the given name ("János M. Rainer"), or any other.
LISTED_NAME = rf"(?:{WORD}[ \t]+{INITIAL}{WORD}|{NAME})"
# A list of names: "A, B and C" (the names are split apart by NAME_SEPARATOR).
NAME_SEPARATOR = r"(?:[ \t]*,[ \t]*|,?[ \t]+(?:and|и)[ \t]+)"
NAMES = rf"{LISTED_NAME}(?:{NAME_SEPARATOR}{LISTED_NAME})*"
# The work done on an edition or a copy, its doer after "by" ("Translated for CWIHP by X", "obtained by X").
_CREDITED = (
    "contributed", "translated", "transcribed", "edited", "compiled", "prepared", "obtained", "deciphered", "decoded",
    "encoded", "encrypted", "typed", "selected", "annotated", "introduced",
)  # fmt: skip
# The verb in small letters or with a capital; a look-ahead of its first letters lets a search pass over the other
# positions of a text in one test.
CONTRIBUTOR = re.compile(
    "(?=[" + "".join(sorted({c for verb in _CREDITED for c in (verb[0], verb[0].upper())})) + "])"
    r"\b(?:" + "|".join(f"[{verb[0].upper()}{verb[0]}]{verb[1:]}" for verb in _CREDITED) + ")"
    r"(?:[ \t]+(?:for|from|into)[ \t]+[\w-]+)?"
    rf"[ \t]+by:?[ \t]+(?P<names>{NAMES})"
)
# The same as a labelled field of a web edition's page ("Translated: X and Y", "Transcription\\Markup: R. Smith"),
# the names perhaps on the next line.
CREDIT_FIELD = re.compile(
    r"^(?:Translated|Translation|Translators?|Transcri(?:bed|ption)|Markup|Edited|Editors?|Compiled|Proofread(?:ing)?)"
    r"(?:[ \t]*[\\/&][ \t]*[A-Z][a-z]+)?[ \t]*:[ \t]*\n?[ \t]*"
    rf"(?P<names>{NAMES})[ \t]*$",
    re.M,
)
# The same in Russian service notes: "Расшифровал: Петухов", "Отпечатала Иванова".
CONTRIBUTOR_RU = re.compile(
    r"(?<![^\W_])(?:[Рр]ас|[Зз]а)шифровал[аи]?[ \t]*:?[ \t]*"
    r"(?P<name>[А-ЯЁ][а-яё]+(?:[ \t]+[А-ЯЁ]\.(?:[ \t]?[А-ЯЁ]\.)?)?)(?![^\W_])"
)
# Authors of a work cited, two or more with given names: "Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and
# Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia". A single author cannot be told from the work's title.
FULL_NAME = rf"{WORD}(?:[ \t]+(?:{INITIAL})?{WORD}){{1,2}}"
AUTHORS = re.compile(
    rf"\b(?:[Rr]eprinted|[Pp]ublished|[Ee]dited|[Cc]ited) in[ \t]+(?P<names>{FULL_NAME}(?:[ \t]*,[ \t]*{FULL_NAME})*"
    rf",?[ \t]+and[ \t]+{FULL_NAME}),"
)
CERTIFIED_BY = re.compile(
    rf"^(?i:{CERTIFICATION})[ \t]*:?[ \t]*(?P<name>{NAME})[ \t]*$",
    re.M,
)
# Words of a closing formula before the name it signs ("Your Grigory.", "Ваш Коба").
YOURS = r"(?:Your|Yours|Yours ever|Ваш|Ваша|Твой|Твоя)"
SIGNATURE_TEXT = re.compile(rf"\A[\s'{QUOTES}]*(?:{YOURS},?[ \t]+)?(?P<name>{NAME})[\s.,'{QUOTES}]*\Z")
# The same formula ending a paragraph: "I embrace you. Your Klim."
SIGNED_SENTENCE = re.compile(rf"(?:\A|(?<=[.!?])[ \t]+){YOURS},?[ \t]+(?P<name>{NAME})[.!]?\s*\Z")
# The honorific or rank before a correspondent a title names ("Telegram from Ambassador X to Cde. Y"), removed
# before the name is tested. Narrower than TITLE and TITLE_WORDS, which find names in running text.
LEADING_HONORIFIC = re.compile(
    r"^(?:comrades?|cde\.|tov\.|тов\.|т\.|товарищ\w*|mr\.|mrs\.|г-н\w*|г-ж\w*|д-р\w*|general|marshal|ambassador)\s+",
    re.I,
)
# Russian case endings of a post (посла, послу, послом, генералу ...).
_CASE = r"(?:а|у|ом|е)?"
TITLE = (
    r"(?:(?:Lieutenant|Major|Vice|Rear|Consul|Deputy|Prime|Foreign|Defense|Defence)[ \t-])?"
    r"(?:[Gg]eneral|[Cc]olonel|[Aa]dmiral|[Mm]arshal|[Cc]aptain|[Aa]mbassador|[Mm]inister|[Cc]onsul(?:[ \t]General)?"
    r"|[Pp]remier|[Pp]resident|[Ss]enator|[Ss]ecretary|[Pp]rofessor|[Ee]mir|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|translator|interpreter"
    rf"|typist|[Гг]енерал(?:-(?:полковник|лейтенант|майор))?{_CASE}|[Пп]олковник{_CASE}|[Аа]дмирал{_CASE}"
    rf"|[Мм]аршал{_CASE}|[Пп]осл(?:а|у|ом)|[Пп]осол|[Мм]инистр{_CASE}|(?:[Гг]ен)?[Кк]онсул{_CASE}|[Пп]резидент{_CASE}"
    rf"|[Гг]осподин{_CASE}|г-н[ау]?|переводчик{_CASE})"
)
# A name after posts or ranks: "General Clark", "Consul General Clubb", "Secretary General Dag Hammarskjold",
# "генерал Кларк", "translator Mun Il".
TITLED = re.compile(rf"(?<![^\W_])(?:{TITLE}[ \t]+)+(?P<name>{WORD}[ \t]+{INITIAL}{WORD}|{NAME})(?![^\W_]|\.\w)")
# The holder of a post named in brackets after it, as FRUS heads its documents: "The Ambassador in Korea (Muccio) to
# the Secretary of State", "The Assistant Secretary of State for Far Eastern Affairs (Rusk)".
POST_HOLDER = re.compile(
    rf"(?<![^\W_])(?:{TITLE})(?:[ \t]+[^()\n]{{0,60}}?)?[ \t]+\((?P<name>{WORD}(?:[ \t]{WORD}){{0,2}})\)"
)
# Every name of a list after an honorific: "to Cdes. Vyshinsky, Gromyko, Zorin", "т. Вышинскому, Зорину".
# A plural honorific heads a list of names; after a singular Russian one ("т. Вышинскому, Зорину") the names in
# the same case continue it.
HONORIFIC_LIST = re.compile(
    rf"(?<![^\W_])(?:(?P<plural>тт\.|[Тт]оварищ(?:ам|и)|Comrades|Cdes\.)|[Тт]ов\.|т\.|[Тт]оварищу)[ \t]*"
    rf"(?P<names>{NAMES})"
)
# A salutation and the name it addresses: "Dear Yuri!", "I ask you, dear Iosif Vissarionovich,", "Dear John:", "Dear
# L. B.,", "Дорогой Ал. Ал.!" (a given name and patronymic abbreviated).
SALUTATION_WORDS = frozenset(form for word in SALUTATIONS for form in (word, word.capitalize(), word.upper()))
SALUTATION = re.compile(
    rf"(?<![^\W_])(?:{'|'.join(sorted(SALUTATION_WORDS, key=lambda w: (-len(w), w)))}),?"
    rf"[ \t]+(?:(?:[Ff]riend|[Cc]omrade|[Дд]руг|[Тт]оварищ)[ \t]+)?"
    rf"(?!(?:[Cc]omrades?|[Ff]riends?|[Ss]irs?|[Тт]оварищи?|[Дд]рузья|[Дд]руг|Mrs?|Ms|Dr|Prof)\b)"
    rf"(?P<name>{NAME_AND_PATRONYMIC}(?=[ \t]*[!,:])|{NAME}(?=[ \t]*[!,.:]))"
)
# An address line naming its addressee alone: "To Grigory."
ADDRESS_LINE = re.compile(rf"\A(?:To|Кому:?)[ \t]+(?P<name>{NAME})[ \t]*[.!]?\Z")
# The heading of a letter in an edition, naming its writer and its addressee alone on its line, in capitals:
# "ENGELS TO MARX", "LENIN TO MAXIM GORKY".
LETTER_HEADING = re.compile(rf"\A(?P<sender>{NAME})[ \t]+TO[ \t]+(?P<addressee>{NAME})[ \t]*\Z")
# Initials alone on their line sign a letter ("Your" / "F. E.", "K. M."); those of a postscript and a note sign
# nothing.
SIGNING_INITIALS = re.compile(rf"\A[ \t]*(?P<name>[{UPPER}]\.[ \t]?[{UPPER}]\.(?:[ \t]?[{UPPER}]\.)?)[ \t]*\Z")
# A closing formula alone on its line, and the name that signs after it on the next: "Sincerely yours," / "Dean
# Rusk", "С коммунистическим приветом" / "Ленин".
CLOSING = re.compile(
    r"\A[ \t]*(?:(?:(?:Very[ \t]+)?(?:[Ss]incerely|[Tt]ruly|[Ff]aithfully|[Cc]ordially|[Rr]espectfully)[ \t]+)?[Yy]ours"
    r"(?:[ \t]+(?:ever|sincerely|truly|faithfully))?|Your|Ваш|Ваша|Твой|Твоя|С[ \t]+(?:\w+[ \t]+)?приветом)"
    r"[ \t]*[,.!]?[ \t]*\Z"
)
SIGNER = re.compile(rf"\A[ \t]*(?P<name>{NAME})[ \t]*[.,]?[ \t]*\Z")
NOT_SIGNING = frozenset({"P.S.", "P. S.", "N.B.", "N. B.", "P.P.S.", "P. P. S."})
POSTSCRIPTS = tuple(NOT_SIGNING)
# A given name and patronymic, the polite Russian form of address: "Lev Borisovich", "Иосифу Виссарионовичу"; in
# Russian with the surname after them ("Николая Александровича Емельянова").
PATRONYMIC_NAME = re.compile(
    r"(?<![^\W_])(?P<given>[A-ZА-ЯЁ][a-zа-яё]+)[ \t]+"
    r"(?P<patronymic>[A-ZА-ЯЁ][a-zа-яё]+(?:ovich|evich|ovna|evna|ichna|[оеё]вич|[оеё]вн|ичн)[а-яё]{0,3})(?![^\W_])"
    r"(?:[ \t]+(?P<surname>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![^\W_]))?"
)


def surname_like_persons(text: str) -> Iterator[tuple[int, int]]:
    """Words shaped like Russian surnames that act as persons: the subject of a verb of saying or doing, an owner
    (``Raskolnikov's ships``), or after ``with`` or ``by``."""
    words = tokens(text)
    for i in capitalised(text):
        word = words[i]
        if len(word.text) < 5 or not word.text.endswith(SURNAME_ENDINGS_LATIN) or not word.text[1:].islower():
            continue
        if not word.text.isascii() or text[word.end : word.end + 1] == "-":
            continue
        before = words[i - 1].text.lower() if i else ""
        if before in NOT_PERSON_BEFORE:
            continue
        owner = text[word.end : word.end + 3] in ("'s", "’s")
        if owner or before in ("with", "by") or _acts(text, words, i):
            yield word.start, word.end


def _acts(text: str, words: tuple[Token, ...], i: int) -> bool:
    """Whether the word after ``words[i]`` (or after an auxiliary) is a verb of saying or doing."""
    for j in (i + 1, i + 2):
        if j >= len(words) or text[words[j - 1].end : words[j].start] != " ":
            return False
        if words[j].text in PERSON_VERBS:
            return True
        if words[j].text not in PERSON_AUXILIARIES:
            return False
    return False


# A capitalised word of Latin letters.
PLACE_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"
# A Russian surname's ending: a word with one names a person more often than a place (Rostov is in the register).
SURNAME_ENDING = re.compile(rf"(?:{'|'.join((*SURNAME_ENDINGS_LATIN, *PATRONYMIC_ENDINGS_FEMININE))})\Z")
# Surnames joined by "and" to a person, who may start a sentence: "Malinovsky and Petrovsky insist".
PERSON_AND_AFTER = re.compile(rf"\A(?:[ \t]*,[ \t]*{PLACE_WORD}(?![\w'’-]))*,?[ \t]+and[ \t]+{PLACE_WORD}(?![\w'’-])")
PERSON_AND_BEFORE = re.compile(rf"(?:(?<=[a-z,;.!?] )|(?<![^\n]))(?P<name>{PLACE_WORD})[ \t]+and[ \t]+\Z")


def joins(gap: str, after: bool = False) -> bool:
    """Whether ``gap``, the text after (or before) a name, starts (or ends) with a comma or "and" (a cheap test)."""
    return gap.lstrip(" \t").startswith((",", "and ")) if after else gap.rstrip(" \t").endswith((",", " and"))


def persons_joined(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The surname-like words joined by "and" to the person at ``start:end`` ("Petrovsky and Badayev", "Petrov,
    Ivanov and Sidorov"); a comma alone is not enough ("Copy to Comrade Trotsky, Serpukhov")."""
    after = PERSON_AND_AFTER.match(text[end : end + 80]) if joins(text[end : end + 6], after=True) else None
    names = list(re.finditer(PLACE_WORD, after.group())) if after else []
    if all(SURNAME_ENDING.search(n.group()) for n in names):
        yield from ((end + n.start(), end + n.end()) for n in names)
    before = (
        PERSON_AND_BEFORE.search(text, max(0, start - 40), start) if joins(text[max(0, start - 6) : start]) else None
    )
    if before and SURNAME_ENDING.search(before.group("name")):
        yield before.span("name")


# Abbreviated places of publication, and the register names they stand for.
IMPRINTS = {
    "M": ("Moscow", "Москва"),
    "М": ("Moscow", "Москва"),
    "L": ("Leningrad", "Ленинград"),
    "Л": ("Leningrad", "Ленинград"),
    "СПб": ("Saint Petersburg", "Санкт-Петербург"),
    "Пг": ("Petrograd", "Петроград"),
    "Pg": ("Petrograd", "Петроград"),
}
IMPRINT = re.compile(r"(?<![^\W_])(?P<abbr>СПб|Пг|Pg|[MМLЛ])\.(?=,?\s*1[5-9]\d\d\b|:\s)")

# Quick tests: what every match of a pattern holds, looked for first. An initial is a capital, up to three small
# letters (Shch.) and a dot.
_QUICK_INITIAL = rf"[{UPPER}][a-z]{{0,3}}\."
QUICK_TESTS = {
    HONORIFIC: re.compile(r"ов\.|т\.|оварищ|Comrade|Cde|Tov\."),
    TYPIST: re.compile(r"(?:отп|исп|печ)\."),
    CERTIFIER: re.compile("/"),
    CERTIFIED_BY: re.compile(rf"^(?i:{CERTIFICATION})", re.M),  # at a line's start, as the pattern wants them
    CONTRIBUTOR: re.compile(r"ed[ \t]+(?:(?:for|from|into)[ \t]+[\w-]+[ \t]+)?by"),
    AUTHORS: re.compile(r"ed in[ \t]"),
    CONTRIBUTOR_RU: re.compile("шифровал"),
    INITIALS_SURNAME: re.compile(rf"{_QUICK_INITIAL}[ \t]{{0,3}}[{UPPER}]"),  # as INITIAL: up to three spaces
    SURNAME_INITIALS: re.compile(rf"[ \t]{_QUICK_INITIAL}"),
    IMPRINT: re.compile(r"(?:СПб|Пг|Pg|M|М|L|Л)\."),  # letters, not a class: the search skips to them
}
# Quicker tests: a pattern is searched only in a text holding one of its words (``words_of``), or one of its
# strings; a lookup in a set of words is much cheaper than a search.
# fmt: off
_CASES = ("", "а", "у", "ом", "е")
_RUSSIAN_TITLES = (
    "генерал", "Генерал", "полковник", "Полковник", "адмирал", "Адмирал", "маршал", "Маршал", "министр", "Министр",
    "консул", "Консул", "генконсул", "Генконсул", "президент", "Президент", "господин", "Господин", "переводчик",
)
QUICK_WORDS = {
    TITLED: frozenset({
        "General", "general", "Colonel", "colonel", "Admiral", "admiral", "Marshal", "marshal", "Captain", "captain",
        "Ambassador", "ambassador", "Minister", "minister", "Consul", "consul", "Premier", "premier", "President",
        "president", "Senator", "senator", "Secretary", "secretary", "Professor", "professor", "Emir", "emir",
        "Mr", "Mrs", "Ms",
        "Dr", "translator", "interpreter", "typist", "посол", "Посол", "посла", "Посла", "послу", "Послу", "послом",
        "Послом", "г-н", "г-на", "г-ну", *(title + case for title in _RUSSIAN_TITLES for case in _CASES),
    }),
    HONORIFIC_LIST: frozenset({
        "т", "тт", "тов", "Тов", "товарищу", "Товарищу", "товарищам", "Товарищам", "товарищи", "Товарищи", "Comrades",
        "Cdes",
    }),
    SALUTATION: SALUTATION_WORDS,
    SIGNED_SENTENCE: frozenset({"Your", "Yours", "Ваш", "Ваша", "Твой", "Твоя"}),
}
QUICK_WORDS[POST_HOLDER] = QUICK_WORDS[TITLED]  # the same posts, the name in brackets after them
QUICK_STRINGS = {
    PATRONYMIC_NAME: ("vich", "vna", "chna", "вич", "овн", "евн", "ёвн", "ичн"),
    LETTER_HEADING: (" TO ",),
    CREDIT_FIELD: ("Transl", "Transcri", "Markup", "Edit", "Compiled", "Proofread"),
}
# fmt: on


@lru_cache(maxsize=256)
def words_of(text: str) -> frozenset[str]:
    """The words of ``text``, and the parts of its hyphenated words (cached: every rule reads the same blocks)."""
    words = {token.text for token in tokens(text)}
    for word in [w for w in words if "-" in w]:
        words.update(word.split("-"))
    return frozenset(words)


def has_cue(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` may hold a match of ``pattern``: it matches the pattern's quick test, holds one of its quick
    words or one of its quick strings; any text may if the pattern has none of them."""
    quick, words, strings = _QUICK_BY_ID.get(id(pattern), _NO_QUICK)
    if quick is not None:
        return quick.search(text) is not None
    if words is not None:
        return not words.isdisjoint(words_of(text))
    return strings is None or any(string in text for string in strings)


# The quick tests by the identity of their pattern: a compiled pattern hashes its whole source on every lookup.
_QUICK_BY_ID = {
    id(pattern): (QUICK_TESTS.get(pattern), QUICK_WORDS.get(pattern), QUICK_STRINGS.get(pattern))
    for pattern in [*QUICK_TESTS, *QUICK_WORDS, *QUICK_STRINGS]
}
_NO_QUICK: tuple[None, None, None] = (None, None, None)


def unregistered_persons(text: str, signature: bool) -> Iterator[tuple[int, int]]:
    """Spans the document's form marks as naming a person, whether registered or not."""
    if signature:
        yield from _groups(SIGNATURE_TEXT, text, "name")
    yield from _groups(HONORIFIC, text, "name")
    yield from _certifications(text)
    yield from _groups(TYPIST, text, "name")
    yield from _groups(CERTIFIED_BY, text, "name")
    yield from _groups(CONTRIBUTOR_RU, text, "name")
    yield from credits(text)
    for pattern in (INITIALS_SURNAME, SURNAME_INITIALS):
        yield from (
            (m.start(), m.end())
            for m in _matches(pattern, text)
            if looks_like_name(m.group()) and not m.group().startswith(POSTSCRIPTS) and not _salutes(pattern, m)
        )


def _salutes(pattern: re.Pattern[str], match: re.Match[str]) -> bool:
    """Whether a surname-and-initials match is a salutation or a post before initials (``Dear L. B.``): the
    salutation's rule marks the initials alone, as its addressee."""
    return pattern is SURNAME_INITIALS and match.group().split(None, 1)[0].rstrip(",").casefold() in NOT_BESIDE_INITIALS


def is_name_and_patronymic(text: str) -> bool:
    """Whether ``text`` is a given name and a patronymic abbreviated (``L. B.``, ``Nik. Vas.``), which names a person
    though no word of it is a whole name."""
    return NAME_AND_PATRONYMIC_ALONE.fullmatch(text) is not None


NAME_AND_PATRONYMIC_ALONE = re.compile(NAME_AND_PATRONYMIC)


def _certifications(text: str) -> Iterator[tuple[int, int]]:
    """A signature and, between slashes, its typed decipherment ending in the same surname: two mentions."""
    for match in _matches(CERTIFIER, text):
        signed, typed = match.group("signed"), match.group("typed")
        if looks_like_name(signed) and typed.split()[-1].casefold() == signed.casefold():
            yield match.start("signed"), match.end("signed")
            yield match.start("typed"), match.end("typed")


def _groups(pattern: re.Pattern[str], text: str, name: str) -> Iterator[tuple[int, int]]:
    for match in _matches(pattern, text):
        if looks_like_name(match.group(name)):
            yield match.start(name), match.end(name)


def signed_sentence(text: str) -> tuple[int, int] | None:
    """The span of the name that a closing formula ending ``text`` signs ("I embrace you. Your Klim.")."""
    if not has_cue(SIGNED_SENTENCE, text):
        return None
    match = SIGNED_SENTENCE.search(text, max(0, len(text) - 80))
    return match.span("name") if match and looks_like_name(match.group("name")) else None


def credits(text: str) -> Iterator[tuple[int, int]]:
    """The names of those who contributed to an edition or wrote a work cited ("Translated by X")."""
    yield from _listed(CONTRIBUTOR, text)
    yield from _listed(CREDIT_FIELD, text)
    yield from _listed(AUTHORS, text)


def _listed(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """The names of the lists that ``pattern`` finds in its group ``names``, each a span of its own."""
    for match in _matches(pattern, text):
        yield from names_in_list(text, match.start("names"), match.end("names"))


def names_in_list(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of the names in the list ``text[start:end]`` that look like names."""
    for piece in re.finditer(LISTED_NAME, text[start:end]):
        if looks_like_name(piece.group()):
            yield start + piece.start(), start + piece.end()


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text``; none without a search if the pattern's quick test fails."""
    return pattern.finditer(text) if has_cue(pattern, text) else iter(())


def looks_like_name(text: str) -> bool:
    """Whether a capitalised phrase can be a person's name: no post, function or organisation word."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
    return any(len(w) > 1 for w in words) and not any(w in NOT_NAMES or w in ORG_WORDS for w in words)


def imprints(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Abbreviated places of publication (``M., 1974``), with the names of the place they abbreviate."""
    for match in _matches(IMPRINT, text):
        yield match.start(), match.end(), IMPRINTS[match.group("abbr")]
