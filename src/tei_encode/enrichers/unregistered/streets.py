"""Streets and squares by the form of their names: a German compound (``Kapellenstrasse``, ``Seidenweg``), a
French, Polish or Spanish one after its kind (``Rue Marie Rose``, ``Ulica Lubomirskiego``), a Russian one with its
kind in any case (``площади Бема``, ``улице Шандора Броди``).

The name is one place with its kind, as an address writes it; a person it is named after is no mention of the
person (``площади Сталина``).
"""

from __future__ import annotations

import re

# A German compound ending in a kind of street.
GERMAN = r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:strasse|straße|gasse|weg|platz|allee|damm)"
# A kind of street before its name, with the particles of the name (``Rue des deux Ponts``).
ROMANCE = (
    r"(?:Rue|Ulica|Ulitsa|Calle|Avenida|Piazza|Boulevard)"
    r"(?:[ \t]+(?:de|des|du|la|le|di|del|della|deux|trois|d[’']))*(?:[ \t]+[A-ZÀ-Ýa-zà-ÿ]?[A-ZÀ-Ý][\w’'-]+){1,3}"
)
# A Russian kind of street in any case, and the capitalised words of its name.
RUSSIAN = (
    r"(?:[Уу]лиц(?:а|ы|е|у|ей)|[Пп]лощад(?:ь|и|ью)|[Пп]ереул(?:ок|ка|ке|ком)|[Пп]роспект(?:а|е|ом|у)?"
    r"|[Бб]ульвар(?:а|е|ом|у)?|[Нн]абережн(?:ая|ой|ую))"
    r"(?:[ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?){1,2}"
)
STREET = re.compile(rf"(?<![\w-])(?:{GERMAN}|{ROMANCE}|{RUSSIAN})(?![\w-])")
# Strings every street name holds one of: a search is spared for the texts without them.
CUES = (
    "strasse", "straße", "gasse", "weg", "platz", "allee", "damm", "Rue", "Ulic", "Ulit", "Calle", "Avenida", "Piazza",
    "Boulevard", "улиц", "Улиц", "лощад", "ереул", "роспект", "ульвар", "абережн",
)  # fmt: skip


def may_name_streets(text: str) -> bool:
    """Whether ``text`` holds a string every street name holds one of (a quick test before ``street_names``)."""
    return any(cue in text for cue in CUES)


def street_names(text: str) -> list[tuple[int, int]]:
    """The spans of the streets and squares ``text`` names by their form."""
    return [m.span() for m in STREET.finditer(text)] if may_name_streets(text) else []
