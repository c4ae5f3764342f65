"""Shelfmarks of archives that number their files in their own way.

After the name of an archive outside Russia a citation gives a shelfmark
(``PRC FMA 118-00078-02``, ``SAPMO-BArch, DY 30/IV 2/2.035/115``, ``MOL, M-KS
276. f. 53. cs. 122. ő.e.``) and sometimes its folios, not fond, opis and
delo. Some citations give the shelfmark before the archive's abbreviation (``KC PZPR, XI A/13, AAN``). This
module reads them; the identifiers enricher marks them up.
"""

from __future__ import annotations

import re

# Besides capitalised words and numbers a shelfmark holds the labels of its units in several languages ("box 1",
# "11. doboz", "sygn. 2632", "a.e. 12", the Czech "sv. 12, a.j. 34", "Bl. 3") and, inside a collection's name,
# small words ("CC of the RCP").
_UNIT_WORDS = frozenset({"box", "boxes", "folder", "file", "files", "dossier", "dosar", "dos", "reel", "roll", "vol",
                         "volume", "tom", "t", "sygn", "teczka", "doboz", "tétel", "svazek", "carton", "karton", "inv",
                         "nr", "no", "item", "fond", "op", "opis", "d", "delo", "a.e", "ae", "cs", "ő.e",
                         "ö.e", "sv", "a.j", "ar", "j"})  # fmt: skip
# Hungarian units follow their number ("53. cs. 122. ő.e."): a full stop after one is its abbreviation's.
_LABELS_AFTER_NUMBER = frozenset({"cs", "ő.e", "ö.e", "doboz", "tétel"})
# Words that name a collection, enough for a first piece without a number ("Dmitri Volkogonov Papers").
_COLLECTION_WORDS = frozenset({"papers", "collection", "collections", "records", "fonds"})
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
# The postal code of an archive's address, which ends its name: "Stanford, California 94305", "H-1014 Budapest".
_POSTCODE = re.compile(r"(?:.*[^\W\d_][.,]?[ \t]+\d{5}(?:-\d{4})?|(?:[A-Z]{1,2}-\d{4,5}|\d{5})[ \t]+[A-Z].*)")
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
    chunks = _numbered_pieces(text, _shelfmark_chunks(text, lead.end() if lead else pos))
    if not any(_has_number(text[a:b]) for a, b in chunks):
        return []
    folios = _folios(text, chunks)
    kept = chunks[:-1] if folios else chunks
    parts = [_shelfmark(text, kept[0][0], kept[-1][1])] if kept else []
    return parts + ([folios] if folios else [])


def _numbered_pieces(text: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces that can be a shelfmark: those before an address's postal code, up to the last that holds a
    digit ("MOL 12, Budapest" ends at 12), and none unless the first opens a shelfmark ("Stanford" does not)."""
    pieces = [text[a:b] for a, b in chunks]
    end = next((k for k, piece in enumerate(pieces) if _POSTCODE.fullmatch(piece)), len(pieces))
    while end and not any(c.isdigit() for c in pieces[end - 1]):
        end -= 1
    return chunks[:end] if end and _opens_shelfmark(pieces[0]) else []


def _opens_shelfmark(piece: str) -> bool:
    """Whether a first piece can open a shelfmark: it holds a number, a unit label, an abbreviation in capitals
    (``KC PZPR``, ``IfGA``) or a word naming a collection."""
    words = [word.strip("()[].") for word in piece.split()]
    return any(
        any(c.isdigit() for c in word)
        or word.lower() in _LABEL_WORDS | _COLLECTION_WORDS
        or (len(word) > 1 and (word.isupper() or sum(c.isupper() for c in word) >= 2))
        for word in words
    )


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
            # An unknown word ends the shelfmark; the piece read up to it is kept ("MOL 12 Korea obtained by").
            return [*chunks, (start, _piece_end(tokens[k - 1]))] if start >= 0 else chunks
        else:
            start = token.start() if start < 0 else start
            if _ends_sentence(word, tokens[k + 1].group() if k + 1 < len(tokens) else ""):
                return [*chunks, (start, _piece_end(token))]
    return [*chunks, (start, tokens[-1].end())] if start >= 0 else chunks


def _piece_end(token: re.Match[str]) -> int:
    """Where a piece ending with ``token`` ends: before a full stop, unless the stop abbreviates a label after its
    number (``122. ő.e.``)."""
    word = token.group()
    stop = word.endswith(".") and word.rstrip(".").lower() not in _LABELS_AFTER_NUMBER
    return token.end() - 1 if stop else token.end()


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
    label = word.rstrip(".").lower()
    if not word.endswith(".") or (label in _LABEL_WORDS and label not in _LABELS_AFTER_NUMBER):
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


# A piece of a shelfmark written before its archive: codes only, each an abbreviation in capitals, a Roman figure
# or a word holding a number ("KC PZPR", "XI A/13").
_CODE = re.compile(r"[A-Z][A-Z]+|[A-Z]*\d[\w/.-]*|[A-Z]/\d[\w/.-]*")
_PIECES_BEFORE = 4


def shelfmark_before(text: str, end: int, floor: int) -> Part | None:
    """The shelfmark in the comma-separated pieces of codes right before ``end``, where the name of an archive
    follows them and a comma (``KC PZPR, XI A/13, AAN``), from no further back than ``floor`` and the line's
    start; None unless a piece holds a number."""
    line_start = max(text.rfind("\n", 0, end) + 1, floor)
    gap = re.search(r",[ \t]*$", text[line_start:end])
    if gap is None:
        return None
    pos, pieces = line_start + gap.start(), list[tuple[int, int]]()
    while len(pieces) < _PIECES_BEFORE:
        cut = max(text.rfind(",", line_start, pos), text.rfind(";", line_start, pos))
        piece = text[cut + 1 : pos]
        words = piece.split()
        if not words or not all(_CODE.fullmatch(word) for word in words):
            break
        start = cut + 1 + len(piece) - len(piece.lstrip())
        pieces.insert(0, (start, start + len(piece.strip())))
        if cut < 0 or text[cut] == ";":
            break
        pos = cut
    if not any(_has_number(text[a:b]) for a, b in pieces):
        return None
    return _shelfmark(text, pieces[0][0], pieces[-1][1])
