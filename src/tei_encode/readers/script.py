"""The main language of a text, told from the script its letters are written in.

Russian and English are the languages of the sources; a text whose letters are mostly
Cyrillic is Russian, any other is English. Readers use it for the language of a
document (``xml:lang``) and of each transcription of an export.
"""

from __future__ import annotations

import re

# The letters of the Cyrillic block (its signs and combining marks are not letters).
CYRILLIC_LETTER = re.compile("[" + "".join(chr(c) for c in range(0x400, 0x500) if chr(c).isalpha()) + "]")


def text_language(text: str) -> str:
    """``ru`` when most letters are Cyrillic, else ``en``."""
    cyrillic = len(CYRILLIC_LETTER.findall(text))
    # Without a Cyrillic letter the text is English whatever its letters: they are not counted.
    return "ru" if cyrillic and cyrillic * 2 > count_letters(text) else "en"


def count_letters(text: str) -> int:
    """How many letters ``text`` has."""
    return sum(map(str.isalpha, text))
