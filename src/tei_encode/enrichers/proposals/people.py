"""Provisional register entries for the persons and places a model or a rule proposed, one per name.

Every proposed mention gets a ``ref`` (so that one person's mentions agree, and an editor reviews one entry,
not each mention): the key is the name's words in the nominative and in Latin letters, as for every person
the converter adds (``Мао Цзэ-дуном`` and ``Мао Цзэ-дун`` meet); a key an entry added earlier for this
document has is that entry's. A word that is part of a register name (a birth name such as ``Ulyanov``) is
not proposed: the register chose not to link it alone, and a second key for its person would split it. The
surname of a name the register gives only in full because many people bear it (``Andrei Andreyev``,
``Valentin Pavlov``) is the exception: it is left to the proposals, for the other people of that name.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Block, PartyKind, Span, span
from ...register import Entry, Name, Register
from ..names.index import CYRILLIC, fold, morph
from ..names.rules import SURNAME_ENDING
from ..unregistered.keys import entry_key, latin_words, name_words

REVIEW = "Not in the register: proposed by {by}; to be reviewed by an editor."


_Derived = tuple[Register, frozenset[str], dict[tuple[str, str], str], frozenset[str]]
_CACHE: dict[int, _Derived] = {}


def register_words(register: Register) -> frozenset[str]:
    """The folded words of every person name of the register (worked out once per register)."""
    return _derived(register)[1]


def register_surnames(register: Register) -> frozenset[str]:
    """The last words of the register's persons' names as written (``Kennedy``, ``Bush``), worked out once per
    register."""
    return _derived(register)[3]


def place_keys(register: Register) -> dict[tuple[str, str], str]:
    """The register's places by authority id (``("geonames", "524901")`` -> key), worked out once per register."""
    return _derived(register)[2]


def _derived(register: Register) -> _Derived:
    known = _CACHE.get(id(register))
    if known is None or known[0] is not register:
        names = [n for e in register.of_kind("person") for n in e.names]
        alone = {fold(n.text) for n in names if len(n.text.split()) == 1}  # Lenin: not in "Order of Lenin"
        # The surnames of names given only in full (none alone) that are surnames and nothing else.
        last = {fold(n.text.split()[-1]): n.text.split()[-1] for n in names if n.type in ("main", "variant")}
        surnames = {word for word, written in last.items() if word not in alone and _common_surname(written)}
        kept = {fold(w) for n in names if n.type not in ("main", "variant") for w in n.text.split()}
        words = frozenset(fold(w) for n in names for w in n.text.split()) - (surnames - kept)
        places = {(a.scheme, a.value): e.key for e in register.of_kind("place") for a in e.authorities}
        written = frozenset(n.text.split()[-1] for n in names if len(n.text.split()) > 1)
        known = _CACHE[id(register)] = (register, words, places, written)
    return known


def _common_surname(word: str) -> bool:
    """Whether a word of a register name is a surname and nothing else: in Cyrillic, every reading of it is a
    surname or a first name, one at least a surname (``Андреев``; not ``Ягода``, ``Горький``, ``Шелест``); in
    Latin letters, it ends like a Russian surname (``Pavlov``)."""
    if CYRILLIC.search(word):
        tags = [parse.tag for parse in morph().parse(fold(word))]
        return any("Surn" in tag for tag in tags) and all("Surn" in tag or "Name" in tag for tag in tags)
    return SURNAME_ENDING.search(word) is not None


def in_register(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` is a word of a register name, or a name whose last word is (``Владимир Ульянов``); a given
    name the register has for someone else does not make a name of two words the register's (``Гарри Гопкинс``
    beside ``Гарри Трумэн``), nor do its initials (``Фушман Б.``)."""
    folded = [fold(w) for w in text.split() if not (w.endswith(".") and len(w) <= 3)]
    return bool(folded) and (folded[-1] in words or all(w in words for w in folded))


def link_proposed(blocks: Iterable[Block], kind: PartyKind, register: Register, added: list[Entry]) -> list[Entry]:
    """Give the proposed names of ``kind`` in ``blocks`` a ``ref`` to a provisional entry; the new entries."""
    known = {e.key for e in added}
    forms: dict[str, set[str]] = {}
    by: dict[str, str] = {}
    found: list[tuple[Block, Span, str]] = []
    for block in blocks:
        for s in block.spans_of(kind):
            if not s.attr("source") or s.attr("ref"):
                continue
            surface = block.text[s.start : s.end]
            words = name_words(surface)
            if not words:
                continue
            key = entry_key(words)
            if key not in known and register.get(key) is not None:
                key = f"{key}-new"
            forms.setdefault(key, set()).add(surface)
            by.setdefault(key, s.attr("by") or s.attr("source"))
            found.append((block, s, key))
    if kind == "person":
        found = _merged_surnames(found, forms, by, known)
    for block, s, key in found:
        block.spans.remove(s)
        block.add(span(s.start, s.end, kind, ref=f"#{key}", **{k: v for k, v in s.attrs if k != "ref"}))
    return [_entry(key, kind, forms[key], by[key]) for key in sorted(forms) if key not in known]


def _merged_surnames(
    found: list[tuple[Block, Span, str]], forms: dict[str, set[str]], by: dict[str, str], known: set[str]
) -> list[tuple[Block, Span, str]]:
    """The proposals with a surname alone keyed as the one fuller name of the document ending with it (``Kosygin’s``
    after ``Alexei Kosygin``); ``forms`` and ``by`` are merged alike."""
    fuller = {key for key in (*forms, *known) if "_" in key}
    merged = {}
    for key in [k for k in forms if "_" not in k]:
        ends = [k for k in fuller if k.rsplit("_", 1)[-1] == key]
        if len(ends) == 1:
            merged[key] = ends[0]
            written = forms.pop(key)
            del by[key]
            if ends[0] in forms:
                forms[ends[0]] |= written
    return [(block, s, merged.get(key, key)) for block, s, key in found]


def _entry(key: str, kind: str, written: set[str], by: str) -> Entry:
    """A provisional entry with the forms the document writes."""
    forms = written | {" ".join(latin_words(n)) for n in written if CYRILLIC.search(n)}
    variants = sorted(forms, key=lambda n: (-len(n), n))
    names = tuple(
        Name(n, "ru" if CYRILLIC.search(n) else "en", "main" if i == 0 else "variant") for i, n in enumerate(variants)
    )
    return Entry(key, kind, names, note=REVIEW.format(by=by))
