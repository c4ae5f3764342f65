"""Word counts of a Word file's text, notes and comments, and of a TEI file's text, for fidelity checks.

A Word file's words are read from its parts directly (``w:t`` and ``w:delText``, tabs and breaks as
spaces, paragraph by paragraph), independently of the reader under test; a TEI file's words from
``text``, block elements and notes counting as word boundaries.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEI = "http://www.tei-c.org/ns/1.0"
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "word/comments.xml")
BOUNDARIES = {"p", "head", "cell", "row", "item", "list", "table", "ab", "lb", "pb", "note", "div"}
WORD = re.compile(r"\w+")


def docx_words(data: bytes) -> Counter[str]:
    """Every word of a Word file's text, notes and comments, with its count."""
    found: Counter[str] = Counter()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in TEXT_PARTS:
            if part not in z.namelist():
                continue
            root = etree.fromstring(z.read(part))
            for paragraph in root.iter(f"{{{W}}}p"):
                pieces = []
                for el in paragraph.iter(f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"):
                    if next(el.iterancestors(f"{{{W}}}p")) is not paragraph:
                        continue
                    local = etree.QName(el).localname
                    pieces.append((el.text or "") if local in ("t", "delText") else " ")
                found.update(WORD.findall("".join(pieces)))
    return found


def tei_words(tree: etree._Element | etree._ElementTree) -> Counter[str]:
    """Every word of a TEI file's ``text``, with its count."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    text = etree.fromstring(etree.tostring(root)).find(f"{{{TEI}}}text")
    assert text is not None
    for el in text.iter():
        if isinstance(el.tag, str) and etree.QName(el).localname in BOUNDARIES:
            el.text = " " + (el.text or "")
            el.tail = " " + (el.tail or "")
    return Counter(WORD.findall("".join(text.itertext())))
