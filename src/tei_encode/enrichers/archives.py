"""The archives that Soviet and Russian sources are cited from, under their current names.

Archival citations name an archive by an abbreviation that changed with the
archive's history (RTsKhIDNI, then RGASPI) and with the translator's
transliteration (RTSKHIDNI, RTsKhIDNI, РЦХИДНИ). This table maps every known
spelling to the archive's current abbreviation, so that citations written at
different times name the same repository.

Archives outside Russia (``SHELFMARK_ARCHIVES``) are cited by their own
shelfmarks rather than by fond, opis and delo: ``PRC FMA 118-00078-02``,
``SAPMO-BArch, DY 30/IV 2/2.035/115``, ``MOL, XIX-J-1-j``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Current abbreviation -> spellings in use (Latin and Cyrillic, old names and names in words included).
# A space in a spelling also matches no space ("AP RF", "APRF").
ARCHIVES: Mapping[str, tuple[str, ...]] = {
    "RGASPI": (
        "RGASPI",
        "РГАСПИ",
        "RTsKhIDNI",
        "RTSHIDNI",
        "RCKhIDNI",
        "РЦХИДНИ",
        "TsPA IML pri TsK KPSS",
        "ЦПА ИМЛ при ЦК КПСС",
        "TsPA IML",
        "TsPA IMEL",
        "TsPA",
        "ЦПА ИМЛ",
        "ЦПА ИМЭЛ",
        "ЦПА",
        "TsKhDMO",
        "ЦХДМО",
        "Russian State Archive of Socio-Political History",
        "Russian State Archive of Social and Political History",
        "Russian Center for the Preservation and Study of Documents of Recent History",
        "Russian Centre for the Preservation and Study of Documents of Recent History",
        "Central Party Archive of the Institute of Marxism-Leninism",
        "Rossiiskii Gosudarstvennyi Arkhiv Sotsial'no-Politicheskoi Istorii",
        "Российский государственный архив социально-политической истории",
    ),
    "RGANI": (
        "RGANI",
        "РГАНИ",
        "TsKhSD",
        "ЦХСД",
        "Russian State Archive of Contemporary History",
        "Russian State Archive of Recent History",
        "Center for the Storage of Contemporary Documentation",
        "Centre for the Storage of Contemporary Documentation",
        "Rossiiskii Gosudarstvennyi Arkhiv Noveishei Istorii",
        "Российский государственный архив новейшей истории",
    ),
    "APRF": (
        "AP RF",
        "АП РФ",
        "Archive of the President of the Russian Federation",
        "Presidential Archive of the Russian Federation",
        "Arkhiv Prezidenta Rossiiskoi Federatsii",
        "Архив Президента Российской Федерации",
    ),
    "AVPRF": (
        "AVP RF",
        "АВП РФ",
        "AVP SSSR",
        "АВП СССР",
        "Archive of Foreign Policy of the Russian Federation",
        "Archive of the Foreign Policy of the Russian Federation",
        "Foreign Policy Archive of the Russian Federation",
        "Arkhiv Vneshnei Politiki Rossiiskoi Federatsii",
        "Архив внешней политики Российской Федерации",
        "Архив внешней политики СССР",
    ),
    "AVPRI": ("AVPRI", "АВПРИ"),
    "GARF": (
        "GARF",
        "GA RF",
        "ГАРФ",
        "ГА РФ",
        "TsGAOR SSSR",
        "ЦГАОР СССР",
        "TsGAOR",
        "ЦГАОР",
        "TsGA RSFSR",
        "ЦГА РСФСР",
        "State Archive of the Russian Federation",
        "Central State Archive of the October Revolution",
        "Gosudarstvennyi Arkhiv Rossiiskoi Federatsii",
        "Государственный архив Российской Федерации",
        "Центральный государственный архив Октябрьской революции",
    ),
    "RGVA": (
        "RGVA",
        "РГВА",
        "TsGASA",
        "ЦГАСА",
        "TsGAKA",
        "ЦГАКА",
        "Russian State Military Archive",
        "Central State Archive of the Soviet Army",
        "Rossiiskii Gosudarstvennyi Voennyi Arkhiv",
        "Российский государственный военный архив",
    ),
    "RGAE": (
        "RGAE",
        "РГАЭ",
        "TsGANKh SSSR",
        "ЦГАНХ СССР",
        "TsGANKh",
        "ЦГАНХ",
        "Russian State Archive of the Economy",
        "Russian State Archive of Economy",
        "Central State Archive of the National Economy",
        "Rossiiskii Gosudarstvennyi Arkhiv Ekonomiki",
        "Российский государственный архив экономики",
    ),
    "TsAMO": (
        "TsAMO RF",
        "ЦАМО РФ",
        "TsAMO",
        "ЦАМО",
        "Central Archive of the Ministry of Defense of the Russian Federation",
        "Central Archive of the Ministry of Defence of the Russian Federation",
        "Tsentral'nyi Arkhiv Ministerstva Oborony",
        "Центральный архив Министерства обороны",
    ),
    "RGVIA": ("RGVIA", "РГВИА", "TsGVIA", "ЦГВИА"),
    "RGIA": ("RGIA", "РГИА", "TsGIA SSSR", "ЦГИА СССР", "TsGIA", "ЦГИА"),
    "RGADA": ("RGADA", "РГАДА", "TsGADA", "ЦГАДА"),
    "RGALI": ("RGALI", "РГАЛИ", "TsGALI", "ЦГАЛИ"),
    "RGAVMF": ("RGAVMF", "РГАВМФ", "TsGAVMF", "ЦГАВМФ"),
    "TsA FSB": ("TsA FSB RF", "ЦА ФСБ РФ", "TsA FSB", "ЦА ФСБ"),
    "TsDAHO": ("TsDAHO", "TsDAGO", "ЦДАГО", "ЦДАВО", "TsDAVO"),
    "HDA SBU": ("HDA SBU", "GDA SBU", "ГДА СБУ"),
}


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
    # Not the bare institution, whose address ("Stanford, California 94305") would read as a shelfmark.
    "Library of Congress": ("Library of Congress, Manuscript Division", "Manuscript Division, Library of Congress"),
    "NARA": ("NARA", "National Archives and Records Administration", "US National Archives", "U.S. National Archives"),
}


def _key(written: str) -> str:
    """A spelling reduced to its letters, upper-cased: ``RTsKhIDNI`` and ``RTSKHIDNI`` meet."""
    return re.sub(r"[\W_]+", "", written).upper()


_ALL = {**ARCHIVES, **SHELFMARK_ARCHIVES}
_CURRENT: Mapping[str, str] = {_key(s): current for current, spellings in _ALL.items() for s in spellings}
_SPELLINGS = sorted({s for spellings in _ALL.values() for s in spellings}, key=len, reverse=True)


def _spelling_pattern(spelling: str) -> str:
    return r"[\s.]?".join(re.escape(word) for word in spelling.split())


ARCHIVE_PATTERN = r"(?<!\w)(?:" + "|".join(_spelling_pattern(s) for s in _SPELLINGS) + r")(?!\w)"
"""A regular expression (use with ``re.IGNORECASE``) for any known archive name."""


_FIRST_WORDS = sorted(
    {s.split()[0] for spellings in SHELFMARK_ARCHIVES.values() for s in spellings}, key=len, reverse=True
)
SHELFMARK_HINT = re.compile("|".join(re.escape(word) for word in _FIRST_WORDS))
"""The first word of any spelling of a shelfmark archive: a text it does not find names none (a quick test)."""


def cites_by_shelfmark(current: str) -> bool:
    """Whether the archive ``current`` (its current name) numbers its files by shelfmarks of its own."""
    return current in SHELFMARK_ARCHIVES


def current_archive(written: str) -> str:
    """The current abbreviation of the archive ``written`` names (itself, compacted, if unknown)."""
    return _CURRENT.get(_key(written), re.sub(r"\s+", " ", written.strip(" .")))


# ------------------------------------------------------------ shelfmarks

# Besides capitalised words and numbers a shelfmark holds the labels of its units in several languages ("box 1",
# "11. doboz", "sygn. 2632", "a.e. 12", "Bl. 3") and, inside a collection's name, small words ("CC of the RCP").
_UNIT_WORDS = frozenset({"box", "boxes", "folder", "file", "files", "dossier", "dosar", "dos", "reel", "roll", "vol",
                         "volume", "tom", "t", "sygn", "teczka", "doboz", "tétel", "svazek", "carton", "karton", "inv",
                         "nr", "no", "item", "fond", "op", "opis", "d", "delo", "a.e", "ae"})  # fmt: skip
_FOLIO_WORDS = frozenset({"bl", "blatt", "fol", "fols", "folio", "folios", "f", "ff", "fl", "l", "ll", "list", "listy",
                          "p", "pp", "page", "pages", "s", "str", "k", "karta", "karty"})  # fmt: skip
_LABEL_WORDS = _UNIT_WORDS | _FOLIO_WORDS
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "der", "des", "du", "la", "i", "z", "w", "na", "-", "–",
                          "&"})  # fmt: skip
_TOKEN = re.compile(r"[^\s,;]+|[,;]")
_LEAD = re.compile(r"[ \t]*[,:]?[ \t]*")
_FOLIO_CHUNK = re.compile(
    r"(?:(?P<label>[^\W\d_]+)\.?[ \t]*)?(?P<folios>\d{1,4}[a-z]?(?:[ \t]*[-–][ \t]*\d{1,4}[a-z]?)?)", re.I
)
_YEAR = re.compile(r"\d{4}")
_SHELFMARK_WINDOW = 200  # a shelfmark and its folios fit in this many characters of one line

Part = tuple[str, int, int, str]
"""A part of a citation: its name, its offsets in the text and its normalised value."""


def shelfmark_parts(text: str, pos: int) -> list[Part]:
    """The ``shelfmark`` and ``folios`` written at ``pos``, after the name of an archive.

    A shelfmark is a run of comma-separated pieces of capitalised words, numbers
    and unit labels up to the end of its sentence (``PRC FMA 118-00078-02, 1-5.
    Translated by``); a last piece that is a page range is its folios. Nothing is
    returned unless a piece holds a number other than a year.
    """
    lead = _LEAD.match(text, pos)
    chunks = _shelfmark_chunks(text, lead.end() if lead else pos)
    if not any(_has_number(text[a:b]) for a, b in chunks):
        return []
    folios = _folios(text, chunks)
    kept = chunks[:-1] if folios else chunks
    parts = [_shelfmark(text, kept[0][0], kept[-1][1])] if kept else []
    return parts + ([folios] if folios else [])


def _shelfmark(text: str, start: int, end: int) -> Part:
    return ("shelfmark", start, end, re.sub(r"\s+", " ", text[start:end]))


def _shelfmark_chunks(text: str, pos: int) -> list[tuple[int, int]]:
    """The offsets of the comma-separated pieces of a shelfmark starting at ``pos``, to the end of its sentence."""
    newline = text.find("\n", pos)
    end = min(newline if newline >= 0 else len(text), pos + _SHELFMARK_WINDOW)
    tokens = list(_TOKEN.finditer(text, pos, end))
    chunks: list[tuple[int, int]] = []
    start = -1
    for k, token in enumerate(tokens):
        word = token.group()
        if word in ",;":
            if start < 0:
                return chunks
            chunks.append((start, tokens[k - 1].end()))
            if word == ";":  # the next citation
                return chunks
            start = -1
        elif not _is_shelfmark_word(word.rstrip("."), first=start < 0):
            return chunks  # the piece this word is in is no part of the shelfmark
        else:
            start = token.start() if start < 0 else start
            if _ends_sentence(word, tokens[k + 1].group() if k + 1 < len(tokens) else ""):
                return [*chunks, (start, token.end() - 1)]
    return [*chunks, (start, tokens[-1].end())] if start >= 0 else chunks


def _is_shelfmark_word(word: str, first: bool) -> bool:
    core = word.strip("()[]")
    if not core:
        return False
    if core[0].isdigit() or core[0].isupper():
        return True
    lowered = core.lower()
    return lowered in _LABEL_WORDS or (not first and lowered in _SMALL_WORDS)


def _ends_sentence(word: str, following: str) -> bool:
    """Whether the full stop of ``word`` ends the sentence: nothing or a capital follows, and it ends no label."""
    if not word.endswith(".") or word.rstrip(".").lower() in _LABEL_WORDS:
        return False
    return not following or following[0].isupper() or following[0] == "<"


def _has_number(chunk: str) -> bool:
    """Whether a piece holds a number that is not just a year ("Stanford University, 1995" is no shelfmark)."""
    return any(c.isdigit() for c in chunk) and not _YEAR.fullmatch(chunk)


def _folios(text: str, chunks: list[tuple[int, int]]) -> Part | None:
    """The last piece as folios: a labelled page range (``Bl. 3-5``) or a bare one after a numbered piece."""
    match = _FOLIO_CHUNK.fullmatch(text, *chunks[-1])
    if match is None:
        return None
    label, value = match.group("label"), match.group("folios")
    if label and label.lower() not in _FOLIO_WORDS:
        return None
    if not label and not _is_bare_folios(text, chunks, value):
        return None
    return ("folios", match.start("folios"), match.end("folios"), re.sub(r"\s*[-–]\s*", "-", value))


def _is_bare_folios(text: str, chunks: list[tuple[int, int]], value: str) -> bool:
    """Whether an unlabelled number ends a shelfmark as its pages: a range, or at most three digits, after a number."""
    after_number = len(chunks) > 1 and _has_number(text[slice(*chunks[-2])])
    return after_number and ("-" in value or "–" in value or len(value) <= 3)
