"""Reader for Wilson Center Digital Archive exports.

An export opens with the document date and the bold title, then labelled
fields (``Citation:``, ``Summary:``, ``Credits:``, ``Original Language:``,
``Contents:``); after ``Contents:`` come the content labels (``Original Scan``,
``Translation - English``, ``Transcript - Russian``) and the transcriptions.
Several transcriptions of one text (an outgoing copy and a draft) follow each
other without a label; they are told apart where the text starts over.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..diagnostics import Reporter
from ..model import Block, Division, Document
from .blocks import Chunk, block, chunks, document_id, strip_marker
from .layout import classify_witness

FIELD_LABELS = {
    "citation": "citation",
    "summary": "summary",
    "credits": "credits",
    "original language": "language",
    "contents": "contents",
    "original archive": "archive",
    "authors": "authors",
    "keywords": "keywords",
}
CONTENT_LABEL = re.compile(
    r"^(?:original scan|(?:english )?translation(?:\s*-\s*\w+)?|transcri(?:pt|ption)(?:\s*-\s*\w+)?)$", re.I
)
LANGUAGES = {
    "russian": "ru",
    "english": "en",
    "chinese": "zh",
    "german": "de",
    "french": "fr",
    "korean": "ko",
    "polish": "pl",
    "ukrainian": "uk",
    "hungarian": "hu",
    "czech": "cs",
    "mongolian": "mn",
}
EXPORT_ID = re.compile(r"digitalarchive\.[\w.]+/document/(\d+)")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def language_code(name: str) -> str:
    """An ISO 639-1 code for an English language name (the name itself, lower-cased, when unknown)."""
    return LANGUAGES.get(name.strip().lower(), name.strip().lower())


def text_language(text: str) -> str:
    """``ru`` when most letters are Cyrillic, else ``en``."""
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if CYRILLIC.match(ch))
    return "ru" if letters and cyrillic * 2 > len(letters) else "en"


class WilsonReader:
    """Wilson Center Digital Archive export (date, bold title, labelled fields, transcriptions)."""

    name = "wilson"

    def detect(self, text: str) -> bool:
        """An export has a ``Citation:`` field and a Wilson Center citation or a ``Contents:`` field."""
        labels = {c.text.rstrip(":").strip().lower() for c in chunks(text) if c.text.endswith(":")}
        return "citation" in labels and ("contents" in labels or "Wilson Center" in text)

    def read(self, text: str, source: str, reporter: Reporter) -> list[Document]:
        """One document for the export."""
        parts = chunks(text)
        head, fields, contents = _split_fields(parts)
        title_chunk, date_chunk = _title_and_date(head or parts[:1])
        title = block("title", Chunk(" ".join(title_chunk.text.split()), title_chunk.line))
        document = Document(id=document_id(source), source=source, genre="archival", lang="en", title=title)
        if date_chunk is not None:
            document.fields["date"] = block("date", date_chunk)
        for name, (label, items) in fields.items():
            _add_field(document, name, label, items)
        language = document.fields.get("language")
        original = language_code(language.text) if language else ""
        if original:
            document.meta["original-language"] = original
        match = EXPORT_ID.search(text)
        if match:
            document.meta["export-id"] = match.group(1)
        document.divisions = _witness_divisions(contents, original, reporter)
        if not document.divisions:
            reporter.warning("no-transcription", "the export holds no transcription or translation")
        return [document]


def _title_and_date(head: list[Chunk]) -> tuple[Chunk, Chunk | None]:
    """The bold title and the date line above it (in one chunk or two)."""
    lines = [(chunk.line + i, line) for chunk in head for i, line in enumerate(chunk.text.split("\n"))]
    bold = next((k for k, (_, line) in enumerate(lines) if line.lstrip().startswith("**")), len(lines) - 1)
    title = Chunk("\n".join(line for _, line in lines[bold:]).strip(), lines[bold][0])
    above = [line for _, line in lines[:bold] if line.strip()]
    date = Chunk("\n".join(above).strip(), lines[0][0]) if above else None
    return title, date


def _split_fields(parts: list[Chunk]) -> tuple[list[Chunk], dict[str, tuple[str, list[Chunk]]], list[Chunk]]:
    head: list[Chunk] = []
    fields: dict[str, tuple[str, list[Chunk]]] = {}
    current: list[Chunk] | None = None
    contents: list[Chunk] = []
    for chunk in parts:
        label = chunk.text.rstrip(":").strip()
        name = FIELD_LABELS.get(label.lower()) if chunk.text.endswith(":") else None
        if name == "contents":
            current = contents
            fields["contents"] = (label, contents)
        elif name is not None and current is not contents:
            current = []
            fields[name] = (label, current)
        elif current is None:
            head.append(chunk)
        else:
            current.append(chunk)
    return head, fields, contents


def _add_field(document: Document, name: str, label: str, items: list[Chunk]) -> None:
    if name == "contents":
        document.meta["contents-label"] = label
        return
    if not items:
        return
    lines = "\n\n".join(c.text for c in items).split("\n")
    if name == "citation":
        contributor = [
            i for i, line in enumerate(lines) if line.lower().startswith(("contributed by", "translated by"))
        ]
        if contributor:
            cut = contributor[0]
            document.fields["contributor"] = block(
                "contributor", Chunk("\n".join(lines[cut:]).strip(), items[0].line + cut)
            )
            lines = lines[:cut]
    text = "\n".join(lines).strip()
    if text:
        document.fields[name] = block(name, Chunk(text, items[0].line), label=label)


def _witness_divisions(contents: list[Chunk], original: str, reporter: Reporter) -> list[Division]:
    divisions: list[Division] = []
    labels: list[Block] = []
    segment: list[Chunk] = []
    segment_label = ""

    def close() -> None:
        for n, witness in enumerate(_split_restarts(segment), start=len(divisions) + 1):
            lang = text_language(" ".join(c.text for c in witness))
            blocks = classify_witness(witness, lang)
            divisions.append(Division("transcription", blocks, {"lang": lang, "n": str(n), "label": segment_label}))

    for chunk in contents:
        if CONTENT_LABEL.match(strip_marker(chunk.text)):
            if segment:
                close()
                segment = []
            if chunk.text.lower().startswith("original scan"):
                labels.append(block("facsimile", chunk))
            else:
                segment_label = chunk.text
                labels.append(block("content-label", chunk))
            continue
        segment.append(chunk)
    if segment:
        close()
    if labels and divisions:
        divisions[0].blocks[:0] = labels
    elif labels:
        divisions.append(Division("contents", labels, {}))
    return divisions


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _split_restarts(segment: list[Chunk]) -> list[list[Chunk]]:
    """Split a run of chunks where the text starts over (a second transcription of the same text)."""
    long_ones = [i for i, c in enumerate(segment) if len(c.text) > 80]
    for j in long_ones:
        for i in long_ones:
            if i >= j:
                break
            if _similar(segment[i].text, segment[j].text) > 0.8:
                cut = _restart_point(segment, i, j)
                return [segment[:cut], *_split_restarts(segment[cut:])]
    return [segment] if segment else []


CERTIFIED = re.compile(r"^(верно|копия верна|с подлинным верно|true copy|certified)\b", re.I)


def _restart_point(segment: list[Chunk], first: int, repeat: int) -> int:
    """Where the second transcription starts: after the first one's certification, else after its last signature."""
    for k in range(repeat - 1, first, -1):
        if CERTIFIED.match(segment[k].text):
            return min(k + 2 if k + 1 < repeat and len(segment[k + 1].text) < 60 else k + 1, repeat)
    opening = 0
    while first - opening - 1 >= 0 and len(segment[first - opening - 1].text) < 80:
        opening += 1
    return max(repeat - opening, first + 1)
