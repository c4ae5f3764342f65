"""Rules around register matches: initials, organisation names, people the register lacks, imprints.

- Initials belong to a person's name, before it (``J. V. Stalin``,
  ``A.V.Kvashonkin``) or after it (``Stalin I. V.``, ``Lenin, V. I.``), and
  tell namesakes apart (``S. S. Kamenev`` / ``L. B. Kamenev``).
- A name followed by an organisation word (``Leon Levy Foundation``,
  ``Caucasus Bureau``) or inside ``Order of ...`` names no person or place.
- People the register lacks are found where the document's form names a person:
  after an honorific, with initials, as a typist (``отп. Фамилия``), a certifier
  (``Макаров /Макаров/``, ``Верно: Петров``), a contributor, or as the whole of a signature.
- ``M., 1974`` and ``М.:`` in a reference are the place of publication.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .names_match import Mention

UPPER = "A-ZА-ЯЁ"
# An initial is one capital, or a Latin digraph that transliterates one Russian letter (Ya., Zh., Yu.).
INITIAL = rf"(?:[{UPPER}]|Ya|Yu|Ye|Yo|Zh|Kh|Ts|Ch|Sh|Shch)\.[ \t]?"
# Initials start a word: after a space, an opening bracket or quote, not after "CP(b)U" or "RCP".
INITIALS_START = r"(?<![^\s(\[«“„\"'])"
LEADING_INITIALS = re.compile(rf"{INITIALS_START}(?:{INITIAL}){{1,3}}\Z")
TRAILING_INITIALS = re.compile(rf"\A,?[ \t]+((?:{INITIAL}){{1,2}}[{UPPER}]\.)(?![^\W_])")
PERSON_ORG_AFTER = re.compile(
    r"\A[ \t]+(?:Foundation|Fund|Library|Prize|Award|Museum|Institute|University|Academy|Street|Avenue|Square"
    r"|Center|Centre|Archive|Mausoleum|Bureau|Committee|Company)\b"
)
PLACE_ORG_AFTER = re.compile(
    r"\A[ \t]+(?:Front|Army|Bureau|Committee|Soviet|Council|Fleet|Military District|Foundation|University"
    r"|Institute|Museum|Center|Centre|Archive|Academy|Corps|бюро|комитет\w*|фронт\w*|флот\w*)\b"
)
ORG_BEFORE = re.compile(r"\b(?:Order|Prize|Museum|Institute|University|Library|Mausoleum|Street) of(?: the)?[ \t]+\Z")

WORD = rf"[{UPPER}][^\W\d_]*(?:-[{UPPER}]?[^\W\d_]+)*"
NAME = rf"(?:(?:{INITIAL}){{1,3}})?{WORD}(?:[ \t]+{WORD}){{0,2}}"
HONORIFIC = re.compile(
    rf"(?<![^\W_])(?:[Тт]ов\.|т\.|[Тт]оварищ(?:у|а|ем|ам|и)?|Comrades?|Cde\.|Cdes\.|Tov\.)[ \t]*(?P<name>{NAME})"
)
SURNAME = rf"(?:[{UPPER}][a-zа-яё]{{2,}}|[{UPPER}]{{4,}})"
INITIALS_SURNAME = re.compile(rf"{INITIALS_START}(?:{INITIAL}){{2,3}}{SURNAME}(?![^\W_])")
SURNAME_INITIALS = re.compile(rf"(?<![^\W_])[{UPPER}][a-zа-яё]{{2,}},?[ \t](?:{INITIAL}){{1,2}}[{UPPER}]\.(?![^\W_])")
TYPIST = re.compile(r"(?<![^\W_])отп\.[ \t]+(?P<name>[А-ЯЁ][а-яё]+(?:[ \t]+[А-ЯЁ]\.(?:[ \t]?[А-ЯЁ]\.)?)?)")
CERTIFIER = re.compile(rf"(?<!\S)(?P<signed>{WORD})[ \t]*/[ \t]*(?P<typed>{NAME})[ \t]*/")
CONTRIBUTOR = re.compile(
    rf"\b(?:Contributed|Translated|Transcribed|Edited|Compiled|Prepared)[ \t]+by:?[ \t]+(?P<name>{NAME})"
)
CERTIFIED_BY = re.compile(
    r"^(?:Верно|Копия верна|С подлинным верно|True copy|Certified(?: true copy)?)"
    rf"[ \t]*:?[ \t]*(?P<name>{NAME})[ \t]*$",
    re.M,
)
SIGNATURE_TEXT = re.compile(rf"\A[\s\"'«»„“”]*(?P<name>{NAME})[\s.,\"'«»„“”]*\Z")
# fmt: off
NOT_NAMES = frozenset({
    "chairman", "commander", "commissar", "secretary", "president", "member", "members", "chief", "general",
    "colonel", "head", "director", "ibid", "see", "vol", "op", "on", "in", "the", "and", "of", "pss",
    "works", "председатель", "председателю", "командующий", "начальник", "секретарь",
})
ORG_WORDS = frozenset({
    "bureau", "committee", "council", "soviet", "foundation", "army", "navy", "front", "office",
    "department", "ministry", "commissariat", "politburo", "government", "embassy", "center", "centre",
    "archive", "library", "university", "institute", "бюро", "комитет", "совет", "отдел", "управление",
    "министерство",
})
# fmt: on
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
    TYPIST: re.compile(r"отп\."),
    CERTIFIER: re.compile("/"),
    CERTIFIED_BY: re.compile("Верно|Копия верна|С подлинным верно|True copy|Certified"),
    CONTRIBUTOR: re.compile(r"ed[ \t]+by"),
    INITIALS_SURNAME: re.compile(rf"{_QUICK_INITIAL}[ \t]?[{UPPER}]"),
    SURNAME_INITIALS: re.compile(rf"[ \t]{_QUICK_INITIAL}"),
    IMPRINT: re.compile(r"(?:СПб|Пг|Pg|[MМLЛ])\."),
}


def with_initials(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions widened over the initials next to them, leading ones first."""
    for m in mentions:
        lead = LEADING_INITIALS.search(text, max(0, m.start - 12), m.start)
        if lead:
            m.initials, m.start = _letters(lead.group()), lead.start()
    # Initials that lead into the next name ("Lenin, L. D. Trotsky") are that name's.
    starts = sorted(m.start for m in mentions)
    for m in mentions:
        trail = None if m.initials else TRAILING_INITIALS.search(text[m.end : m.end + 12])
        if trail and not any(m.end < s <= m.end + trail.end() for s in starts):
            m.initials, m.end = _letters(trail.group(1)), m.end + trail.end()
    return mentions


def _letters(initials: str) -> str:
    """``"A. Ya."``: ``"AY"`` (one capital per initial)."""
    return "".join(c for c in initials if c.isupper())


def resolve(mentions: list[Mention], initials: Mapping[str, frozenset[str]]) -> list[Mention]:
    """Narrow the keys of namesakes by their initials, else to the one of them the block names unambiguously."""
    for m in mentions:
        if len(m.keys) > 1 and m.initials:
            fits = tuple(k for k in m.keys if any(_same_initials(m.initials, i) for i in initials.get(k, ())))
            m.keys = fits or m.keys
    certain = {m.keys[0] for m in mentions if len(m.keys) == 1}
    for m in mentions:
        named = certain.intersection(m.keys)
        if len(m.keys) > 1 and len(named) == 1:
            m.keys = tuple(named)
    return mentions


def _same_initials(mention: str, register: str) -> bool:
    return register.startswith(mention) or mention.startswith(register)


def names_organisation(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the name at ``start:end`` is part of an organisation's name."""
    after = PERSON_ORG_AFTER if kind == "person" else PLACE_ORG_AFTER
    return bool(after.search(text[end : end + 40]) or ORG_BEFORE.search(text[max(0, start - 40) : start]))


def unregistered_persons(text: str, signature: bool) -> Iterator[tuple[int, int]]:
    """Spans the document's form marks as naming a person, whether registered or not."""
    if signature:
        yield from _groups(SIGNATURE_TEXT, text, "name")
    yield from _groups(HONORIFIC, text, "name")
    yield from _certifications(text)
    yield from _groups(TYPIST, text, "name")
    yield from _groups(CERTIFIED_BY, text, "name")
    yield from _groups(CONTRIBUTOR, text, "name")
    for pattern in (INITIALS_SURNAME, SURNAME_INITIALS):
        yield from ((m.start(), m.end()) for m in _matches(pattern, text) if looks_like_name(m.group()))


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


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text``; none without a search if the pattern's quick test fails."""
    quick = QUICK_TESTS.get(pattern)
    if quick is not None and quick.search(text) is None:
        return iter(())
    return pattern.finditer(text)


def looks_like_name(text: str) -> bool:
    """Whether a capitalised phrase can be a person's name: no post, function or organisation word."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
    return any(len(w) > 1 for w in words) and not any(w in NOT_NAMES or w in ORG_WORDS for w in words)


def imprints(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Abbreviated places of publication (``M., 1974``), with the names of the place they abbreviate."""
    for match in _matches(IMPRINT, text):
        yield match.start(), match.end(), IMPRINTS[match.group("abbr")]
