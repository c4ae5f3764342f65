"""Persons named by abbreviated given names: before a surname (``Вл. Ульянов``, ``Wl. Oulianoff``, ``Vlad.
Bonch-Bruyevich``, ``Б. ШАПОШНИКОВ``) or alone, a given name and patronymic (``Н. К.``, ``Nik. Vas.``, ``Ал. Ал.``).

A surname of a register name is linked to the one register person whose given names the abbreviations begin
(``Вл.`` and ``Vl.``: Vladimir Ilyich Ulyanov, a birth name of Lenin's); a surname the register or the model found
takes in the abbreviations before it; any other surname is proposed when its form is a surname's (a Russian
surname's ending in Latin letters, the dictionary's reading in Cyrillic), with ``cert="medium"``. A given name
and patronymic alone is proposed with ``cert="low"``: it names someone the letter's readers knew, whom only an
editor can tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ...lexicon import SURNAME_ENDINGS_CYRILLIC, SURNAME_ENDINGS_LATIN, SURNAME_ENDINGS_TRANSLITERATED
from ...model import Block, Span, span
from ...register import Register
from ..claims import PROPOSAL_AVOIDS
from ..names.index import CYRILLIC, fold, morph
from ..names.words import NOT_BESIDE_INITIALS
from .candidates import is_common_russian_word, opens_sentence

# The register's persons by the folded surname of their full names, with the given names before it.
Surnames = dict[str, list[tuple[str, tuple[str, ...]]]]
SOURCE = "rule:abbreviated-given-name"
BY = "the abbreviated-given-name rule"
# Up to two abbreviations (an initial, or a name's first letters: ``Вл.``, ``Nik.``, ``Vlad.``), not the end of a
# word or an abbreviation, then a surname, capitalised or in capitals, perhaps hyphenated.
# (The first capital before the look-behind: a search then skips to the capitals.)
ABBREVIATED_SURNAME = re.compile(
    r"(?P<given>[A-ZА-ЯЁ](?<![\w.][A-ZА-ЯЁ])[a-zа-яё]{0,3}\.(?:[ \t]?[A-ZА-ЯЁ][a-zа-яё]{0,3}\.)?)[ \t]?"
    r"(?P<surname>[A-ZА-ЯЁ](?:[a-zа-яё]{2,}(?:-[A-ZА-ЯЁ][a-zа-яё]+)?|[A-ZА-ЯЁ]{2,}(?:-[A-ZА-ЯЁ]+)?))(?![\w-]|\.\w)"
)
# A given name and a patronymic abbreviated, standing alone: no capitalised word, quotation or number after it but a
# note's number glued to it (``к А. М.2``).
NAME_AND_PATRONYMIC = re.compile(
    r"(?P<name>[A-ZА-ЯЁ](?<![\w.][A-ZА-ЯЁ])[a-zа-яё]{0,3}\.[ \t]?[A-ZА-ЯЁ][a-zа-яё]{0,3}\.)"
    r"(?![ \t]*[A-ZА-ЯЁ(«\"“]|[ \t]+\d|[^\W\d_])"
)
# One abbreviation of a match's given names, and the space after it.
ABBREVIATION = re.compile(r"([A-ZА-ЯЁ][a-zа-яё]{0,3})\.[ \t]?")
# A word before the abbreviations that makes them part of something else: a capitalised word (a surname they
# follow, perhaps in brackets: ``Kaganovich (L. M.)``), a number (``10 A. M.``).
JOINED_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ][^\W\d_]*|\d+)(?:,?[ \t]+|[ \t]*\()\Z")
# Another abbreviation right before two: letters of an acronym (``Р. С. Ф. С. Р.``) or initials a surname's rule
# left.
ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[A-ZА-ЯЁ][a-zа-яё]{0,3}\.[ \t]?\Z")
# An article, a determiner or a possessive before letters with dots: an organisation's abbreviation (``the C.O.``,
# ``the Mensheviks’ O. C.``), not a person's initials.
DETERMINED = re.compile(r"(?:(?<![^\W\d_])(?i:the|a|an|this|that|our|your|his|her|its|their)|[’']s?)[ \t]+\Z")
# Abbreviations that are no given names: posts, ranks, forms of address, references and their parts.
# fmt: off
NOT_GIVEN = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "col", "maj", "capt", "lt", "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep",
    "amb", "pres", "sec", "min", "dep", "cdr", "cmdr", "st", "mt", "ft", "no", "nos", "nr", "vol", "vols", "op",
    "cde", "cdes", "tov", "com", "prof", "rev", "sr", "jr", "brig", "cf", "pp", "ch", "art", "fig", "ex", "ed",
    "eds", "bd", "hg", "vgl", "ibid", "pt", "sq", "ave", "esq", "messrs", "mme", "mlle", "fr", "ps", "nb", "ca",
    "тов", "тт", "гр", "ген", "см", "ср", "ст", "им", "ул", "пл", "акад", "проф", "пр", "полк", "подп", "лейт",
    "кап", "мл", "зам", "зав", "нач", "пред", "секр", "чл", "инж", "доц", "канд", "соч", "собр", "полн", "изд",
    "вып", "гл", "стр", "прим", "ред", "пер", "св", "оп", "лл", "кн", "отд", "вкл", "арх", "гос", "обл", "губ",
    "респ", "ком", "рус", "нем", "англ", "франц",
})
# A given name and patronymic the letters also spell as an abbreviation of something else (``P. S.``, ``U. S.``,
# ``A. M.``), as the letters joined.
NOT_PERSONS = frozenset({
    "PS", "NB", "US", "AM", "PM", "BC", "AD", "UK", "UN", "DC", "SS", "OK", "EG", "IE", "PHD", "MP", "SA", "AG",
    "CC", "ML", "RS", "TV",
})
# fmt: on


def propose_abbreviated_names(blocks: Iterable[Block], register: Register, registered: frozenset[str]) -> None:
    """Mark the persons abbreviated given names name in ``blocks``: before a surname, linked to the register's
    person whose names they begin, else proposed when the word is a surname's form that no register name has
    (``registered``, folded); a given name and patronymic alone, proposed."""
    surnames = _register_surnames(register)
    for block in blocks:
        if "." not in block.text:
            continue
        # Most matches are a name the register found with its initials ("И. В. Сталин"): left at once.
        for match in ABBREVIATED_SURNAME.finditer(block.text):
            first, last = match.span()
            if not any(s.start <= first and last <= s.end and not _proposed(s) for s in block.spans):
                _surname(block, match, surnames, registered)
        for match in NAME_AND_PATRONYMIC.finditer(block.text):
            _alone(block, match)


def _surname(block: Block, match: re.Match[str], surnames: Surnames, registered: frozenset[str]) -> None:
    """A surname after abbreviated given names: the register's person, or a proposal."""
    start, end = _without_forms_of_address(match), match.end()
    given = _abbreviations(block.text[start : match.start("surname")], every=False)
    weaker = _weaker(block, start, end)
    if not given or weaker is None or _joined_before(block.text, start):
        return
    surname = match.group("surname")
    # The surname found already, by the register or a model: it takes in the abbreviations before it.
    found = [s for s in weaker if (s.start, s.end) == match.span("surname")]
    linked = [s for s in weaker if not _proposed(s)]
    if linked and linked != found:
        return
    keys = {key for key, names in surnames.get(fold(surname), ()) if _begins(given, names)}
    attrs = {"ref": f"#{keys.pop()}"} if len(keys) == 1 else {}
    # One initial before a surname is the other rules' evidence, unless the surname is in capitals (a signature).
    evidence = any(len(a) > 1 for a in given) or surname.isupper()
    if not (found or attrs or (evidence and fold(surname) not in registered and _is_surname(surname))):
        return
    for s in weaker:
        block.spans.remove(s)
    if found and not (attrs and _proposed(found[0])):
        block.add(replace(found[0], start=start))
        return
    block.add(span(start, end, "person", cert="medium", source=SOURCE, by=BY, **attrs))


def _without_forms_of_address(match: re.Match[str]) -> int:
    """Where the given names of a match start: after an abbreviated form of address (``Mr. Wl. Oulianoff``)."""
    first = ABBREVIATION.match(match.group("given"))
    if first is None or first.end() == len(match.group("given")) or first.group(1).casefold() not in NOT_GIVEN:
        return match.start()
    return match.start() + first.end()


def _proposed(s: Span) -> bool:
    """Whether a span is a person the register has not linked (a rule's or a model's)."""
    return bool(s.attr("unregistered") or s.attr("source"))


def _weaker(block: Block, start: int, end: int) -> list[Span] | None:
    """The person spans inside ``start:end``; ``None`` if a span of another kind claims a word of it or a person
    reaches beyond it."""
    over = [s for s in block.spans if s.overlaps(start, end) and s.kind in PROPOSAL_AVOIDS]
    inside = [s for s in over if s.kind == "person" and start <= s.start and s.end <= end]
    return inside if len(inside) == len(over) else None


def _alone(block: Block, match: re.Match[str]) -> None:
    """A given name and patronymic abbreviated, alone: a proposal."""
    start, end = match.span("name")
    given = _abbreviations(match.group("name"))
    if len(given) != 2 or not block.is_free(start, end, *PROPOSAL_AVOIDS) or _joined_before(block.text, start):
        return
    if DETERMINED.search(block.text, max(0, start - 8), start) or ABBREVIATION_BEFORE.search(block.text, 0, start):
        return
    if bool(CYRILLIC.search(given[0])) != bool(CYRILLIC.search(given[1])):
        return  # "Т. I.": a volume, not two initials
    if not CYRILLIC.search(given[0]) and "".join(given).upper() in NOT_PERSONS:
        return
    block.add(span(start, end, "person", cert="low", source=SOURCE, by=BY))


def _abbreviations(text: str, every: bool = True) -> tuple[str, ...]:
    """The abbreviations of ``text`` without their dots; none if one of them (``every``), or the first, is no given
    name's (``Гр.`` is a patronymic's after a given name's, ``гр.`` a citizen's before a name)."""
    found = tuple(a.strip() for a in text.split(".") if a.strip())
    return () if any(a.casefold() in NOT_GIVEN for a in (found if every else found[:1])) else found


def _joined_before(text: str, start: int) -> bool:
    """Whether a number or a capitalised word stands right before ``start`` on its line; not a word that opens a
    sentence, nor a salutation, post or closing (``If Nik. Vas. has``, ``Mr. Wl. Oulianoff``, ``Ваш В. Ульянов``)."""
    before = JOINED_BEFORE.search(text, max(0, start - 40), start)
    if before is None or "\n" in before.group():
        return False
    word = before.group().rstrip(", \t")
    return word.isdigit() or not (word.casefold() in NOT_BESIDE_INITIALS or opens_sentence(text, before.start()))


def _begins(given: tuple[str, ...], names: tuple[str, ...]) -> bool:
    """Whether the abbreviations begin the given names before a surname (``Вл.``: ``Владимир Ильич``)."""
    return len(given) <= len(names) and all(fold(n).startswith(fold(a)) for a, n in zip(given, names, strict=False))


def _is_surname(word: str) -> bool:
    """Whether ``word`` has a surname's form: a Russian surname's ending in Latin letters (``Oulianoff``,
    ``Bonch-Bruyevich``); in Cyrillic a surname's ending, the dictionary's first reading as a surname, or, in
    capitals after an initial, no common word's reading (``С. ГРИНФЕСТА``)."""
    written = word.capitalize() if word.isupper() else word
    if CYRILLIC.search(written):
        if written.casefold().endswith(SURNAME_ENDINGS_CYRILLIC):
            return True
        return "Surn" in morph().parse(written)[0].tag or (word.isupper() and not is_common_russian_word(written))
    return written.casefold().endswith(SURNAME_ENDINGS_LATIN + SURNAME_ENDINGS_TRANSLITERATED)


_SURNAMES: dict[int, tuple[Register, Surnames]] = {}


def _register_surnames(register: Register) -> Surnames:
    """The register's persons by the folded last word of their names of two words or more, with the words before
    it (worked out once per register)."""
    known = _SURNAMES.get(id(register))
    if known is None or known[0] is not register:
        found: Surnames = {}
        for entry in register.of_kind("person"):
            for name in entry.names:
                words = name.text.replace(".", ". ").split()
                if len(words) > 1 and all(w[:1].isupper() for w in words):
                    found.setdefault(fold(words[-1]), []).append((entry.key, tuple(w.rstrip(".") for w in words[:-1])))
        known = _SURNAMES[id(register)] = (register, found)
    return known[1]
