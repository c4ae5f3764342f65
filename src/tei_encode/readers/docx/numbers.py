"""Note numbers as Word shows them: 1, 2, 3; i, ii, iii; a, b, c; *, †, ‡, §."""

from __future__ import annotations

ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
CHICAGO = "*†‡§"


def formatted(number: int, fmt: str) -> str:
    """``number`` (from 1) in Word's numbering format ``fmt`` (``decimal`` for an unknown one)."""
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(number)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt == "chicago":
        return CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return str(number)


def _roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letters(number: int) -> str:
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out
