"""The archives that Soviet and Russian sources are cited from, under their current names.

Archival citations name an archive by an abbreviation that changed with the
archive's history (RTsKhIDNI, then RGASPI) and with the translator's
transliteration (RTSKHIDNI, RTsKhIDNI, РЦХИДНИ). This table maps every known
spelling to the archive's current abbreviation, so that citations written at
different times name the same repository.

Archives outside Russia (``SHELFMARK_ARCHIVES``) are cited by their own
shelfmarks rather than by fond, opis and delo: ``PRC FMA 118-00078-02``,
``SAPMO-BArch, DY 30/IV 2/2.035/115``, ``MOL, XIX-J-1-j`` (``shelfmarks`` reads them).
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
    "Library of Congress": (
        "Library of Congress, Manuscript Division",
        "Manuscript Division, Library of Congress",
        "Library of Congress",
    ),
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
SHELFMARK_HINT = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in _FIRST_WORDS) + r")(?!\w)")
"""The first word of any spelling of a shelfmark archive: a text it does not find names none (a quick test)."""


def cites_by_shelfmark(current: str) -> bool:
    """Whether the archive ``current`` (its current name) numbers its files by shelfmarks of its own."""
    return current in SHELFMARK_ARCHIVES


def current_archive(written: str) -> str:
    """The current abbreviation of the archive ``written`` names (itself, compacted, if unknown)."""
    return _CURRENT.get(_key(written), re.sub(r"\s+", " ", written.strip(" .")))
