"""The archives that Soviet and Russian sources are cited from, under their current names.

Archival citations name an archive by an abbreviation that changed with the
archive's history (RTsKhIDNI, then RGASPI) and with the translator's
transliteration (RTSKHIDNI, RTsKhIDNI, РЦХИДНИ). The table of them
(``lexicon.ARCHIVES``, which the collection reader shares) maps every known
spelling to the archive's current abbreviation, so that citations written at
different times name the same repository.

Archives outside Russia (``SHELFMARK_ARCHIVES``) are cited by their own
shelfmarks rather than by fond, opis and delo: ``PRC FMA 118-00078-02``,
``SAPMO-BArch, DY 30/IV 2/2.035/115``, ``MOL, XIX-J-1-j`` (``shelfmarks`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...lexicon import ARCHIVES

# Current name -> spellings, for archives that number their files in their own way. Wilson Center exports cite them
# by these abbreviations (the Hungarian National Archives, MOL, has been MNL OL since 2012).
SHELFMARK_ARCHIVES: Mapping[str, tuple[str, ...]] = {
    "PRC FMA": (
        "PRC FMA",
        "CFMA",
        "PRC Foreign Ministry Archive",
        "PRC Foreign Ministry Archives",
        "Chinese Foreign Ministry Archive",
        "Chinese Foreign Ministry Archives",
        "Archives of the Ministry of Foreign Affairs of the People's Republic of China",
        "中华人民共和国外交部档案馆",
        "外交部档案馆",
    ),
    "SAPMO-BArch": (
        "SAPMO-BArch",
        "SAPMO-BA",
        "SAPMO",
        "Stiftung Archiv der Parteien und Massenorganisationen der DDR im Bundesarchiv",
        # the SED's party archive, which SAPMO took over in 1992, as CWIHP's translations cite it
        "SED Archives",
        "SED Archive",
        "Zentrales Parteiarchiv der SED",
    ),
    "BArch": ("BArch", "Bundesarchiv", "German Federal Archives"),
    "PA AA": ("PA AA", "Politisches Archiv des Auswärtigen Amts", "Political Archive of the Federal Foreign Office"),
    "AAN": ("AAN", "Archiwum Akt Nowych", "Archive of Modern Records"),
    "AMSZ": ("AMSZ", "Archiwum Ministerstwa Spraw Zagranicznych"),
    "MNL OL": (
        "MNL OL",
        "MOL",
        "Magyar Nemzeti Levéltár Országos Levéltára",
        "Magyar Országos Levéltár",
        "Hungarian National Archives",
        "National Archives of Hungary",
    ),
    "ANIC": ("ANIC", "Arhivele Naţionale Istorice Centrale", "Arhivele Nationale Istorice Centrale"),
    "AMZV": ("AMZV", "Archiv Ministerstva zahraničních věcí"),
    "AQSH": ("AQSH", "Arkivi Qendror Shtetëror", "Albanian Central State Archive"),
    "Hoover Institution Library & Archives": (
        "Hoover Institution Library & Archives",
        "Hoover Institution Library and Archives",
        "Hoover Institution Archives",
    ),
    "Library of Congress": (
        "Library of Congress, Manuscript Division",
        "Manuscript Division, Library of Congress",
        "Library of Congress",
    ),
    # The United Kingdom's archive, the Public Record Office until 2003, cited by department and piece: "FO 371/56789".
    "TNA": (
        "TNA",
        "PRO",
        "Public Record Office",
        # "The National Archives, Kew" is found from its second word: "The" would make every text a candidate.
        "National Archives, Kew",
        "UK National Archives",
        "National Archives of the United Kingdom",
    ),
    # The Czech National Archives, the State Central Archive (SÚA) until 2005, cited by fond, volume and unit.
    "Národní archiv": (
        "Národní archiv",
        "Narodni archiv",
        "NA ČR",
        "National Archives of the Czech Republic",
        "Czech National Archives",
        "Státní ústřední archiv",
        "SÚA",
    ),
    "NARA": ("NARA", "National Archives and Records Administration", "US National Archives", "U.S. National Archives"),
    # The presidential libraries that FRUS source notes cite ("Truman Library, Papers of Harry S. Truman, ...").
    "Franklin D. Roosevelt Library": ("Franklin D. Roosevelt Library", "Roosevelt Library", "FDR Library"),
    "Harry S. Truman Library": ("Harry S. Truman Library", "Truman Library"),
    "Dwight D. Eisenhower Library": ("Dwight D. Eisenhower Library", "Eisenhower Library"),
    "John F. Kennedy Library": ("John F. Kennedy Library", "Kennedy Library"),
    "Lyndon B. Johnson Library": ("Lyndon B. Johnson Library", "Johnson Library"),
}
# The Russian Federation in an archive's name is also written "РФ" / "RF": "Архив Президента РФ".
_FEDERATION = {"Российской Федерации": "РФ", "Rossiiskoi Federatsii": "RF", "the Russian Federation": "RF"}


def _with_federation(spellings: tuple[str, ...]) -> tuple[str, ...]:
    """The spellings and their forms with the Russian Federation abbreviated."""
    short = [s.replace(full, abbreviated) for s in spellings for full, abbreviated in _FEDERATION.items() if full in s]
    return spellings + tuple(short)


def _key(written: str) -> str:
    """A spelling reduced to its letters, upper-cased: ``RTsKhIDNI`` and ``RTSKHIDNI`` meet."""
    return re.sub(r"[\W_]+", "", written).upper()


_ALL = {name: _with_federation(spellings) for name, spellings in {**ARCHIVES, **SHELFMARK_ARCHIVES}.items()}
_CURRENT: Mapping[str, str] = {_key(s): current for current, spellings in _ALL.items() for s in spellings}
_SPELLINGS = sorted({s for spellings in _ALL.values() for s in spellings}, key=len, reverse=True)


def _spelling_pattern(spelling: str) -> str:
    return r"[\s.]?".join(re.escape(word) for word in spelling.split())


def _by_first_letter(spellings: list[str]) -> str:
    """The spellings as one alternation, grouped under their first letter, each group in the order given.

    re tries the alternatives one by one at every word of a text: grouped, a word's letter is compared with a few
    dozen first letters instead of every spelling's. Spellings with different first letters never match at the
    same place, so the first spelling that matches (the longest, as they are sorted) is the same.
    """
    groups: dict[str, list[str]] = {}
    for spelling in spellings:
        first = spelling[0].lower()
        groups.setdefault(first if spelling[0].isalpha() and len(first) == 1 else spelling, []).append(spelling)
    return "|".join(
        re.escape(members[0][0]) + "(?:" + "|".join(_spelling_pattern(s)[len(re.escape(s[0])) :] for s in members) + ")"
        for members in groups.values()
    )


ARCHIVE_PATTERN = r"(?<!\w)(?:" + _by_first_letter(_SPELLINGS) + r")(?!\w)"
"""A regular expression (use with ``re.IGNORECASE``) for any known archive name."""


_FIRST_WORDS = sorted(
    {s.split()[0] for spellings in SHELFMARK_ARCHIVES.values() for s in spellings}, key=len, reverse=True
)
# Each word's first letter comes before the look-behind that no word character precedes the word: a search then
# skips to the letters a word can start with (it is searched in every block).
SHELFMARK_HINT = re.compile(
    "|".join(rf"{re.escape(word[0])}(?<!\w{re.escape(word[0])}){re.escape(word[1:])}(?!\w)" for word in _FIRST_WORDS)
)
"""The first word of any spelling of a shelfmark archive: a text it does not find names none (a quick test)."""


def cites_by_shelfmark(current: str) -> bool:
    """Whether the archive ``current`` (its current name) numbers its files by shelfmarks of its own."""
    return current in SHELFMARK_ARCHIVES


def current_archive(written: str) -> str:
    """The current abbreviation of the archive ``written`` names (itself, compacted, if unknown)."""
    return _CURRENT.get(_key(written), re.sub(r"\s+", " ", written.strip(" .")))
