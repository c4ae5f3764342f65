"""Reader for Wilson Center Digital Archive exports.

An export opens with the document date and the bold title, then labelled
fields (``Citation:``, ``Summary:``, ``Credits:``, ``Original Language:``,
``Contents:``); after ``Contents:`` come the content labels (``Original Scan``,
``Translation - English``, ``Transcript - Russian``, one to a line or one to a
paragraph) and the texts. A text in another script than the one before it
starts a new division (a Russian transcription followed by its English
translation); several transcriptions of one text (an outgoing copy and a
draft) follow each other without a label and are told apart where the text
starts over. Footnotes are paragraphs at the end of a text opening with
``[1]``, referenced in the text by the same bracketed number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..diagnostics import Reporter
from ..model import Block, Division, Document, span
from .blocks import Chunk, block, chunks, document_id, strip_marker
from .layout import CERTIFICATION, DATE_ONLY, classify_witness
from .notes import mark_bracketed_references
from .script import count_letters, text_language

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
# Fields an export may give after its texts: they end the contents.
TRAILING_LABELS = {
    "author(s)": "authors",
    "associated people & organizations": "people",
    "associated people and organizations": "people",
    "associated places": "places",
    "associated topics": "topics",
    "subjects discussed": "topics",
    "related documents": "related",
    "document information": "information",
    "source": "source",
    "original archive": "archive",
    "available in": "available",
    "record id": "record",
    "rights": "rights",
    "original uploaded date": "uploaded",
    "type": "type",
    "language": "record-language",
}
CONTENT_LABEL = re.compile(
    r"^(?:original scan|(?:english )?translation(?:\s*-\s*\w+)?|transcri(?:pt|ption)(?:\s*-\s*\w+)?)$", re.I
)
# A list bullet before a content label (``- Original Scan``, ``• Translation - English``).
BULLET = re.compile(r"^[-–—•*·]\s+")
LANGUAGES = {
    "russian": "ru", "english": "en", "chinese": "zh", "german": "de", "french": "fr", "korean": "ko",
    "polish": "pl", "ukrainian": "uk", "hungarian": "hu", "czech": "cs", "mongolian": "mn", "japanese": "ja",
    "vietnamese": "vi", "albanian": "sq", "bulgarian": "bg", "romanian": "ro", "serbian": "sr", "croatian": "hr",
    "serbo-croatian": "sh", "slovak": "sk", "slovenian": "sl", "spanish": "es", "italian": "it", "portuguese": "pt",
    "arabic": "ar", "persian": "fa", "farsi": "fa", "hebrew": "he", "turkish": "tr", "greek": "el", "finnish": "fi",
    "swedish": "sv", "norwegian": "no", "danish": "da", "dutch": "nl", "lithuanian": "lt", "latvian": "lv",
    "estonian": "et", "georgian": "ka", "armenian": "hy", "azerbaijani": "az", "kazakh": "kk", "uzbek": "uz",
    "hindi": "hi", "urdu": "ur", "indonesian": "id", "khmer": "km", "lao": "lo", "thai": "th", "burmese": "my",
    "belarusian": "be", "macedonian": "mk", "yiddish": "yi",
}  # fmt: skip
EXPORT_ID = re.compile(r"digitalarchive\.[\w.]+/document/(\d+)")


def language_code(name: str) -> str:
    """The ISO 639-1 code of the first language an English name list names (``Russian, Chinese``: ``ru``); ``""``
    when none is known."""
    for word in re.split(r"[\s,;/]+|\band\b", name.lower()):
        if word in LANGUAGES:
            return LANGUAGES[word]
    return ""


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
        if "contents" not in fields and not contents and len(head) > 2 and DATE_ONLY.match(head[0].text):
            # A page copied from today's site: date, title and the text, its fields after it, no Contents label.
            head, contents = head[:2], head[2:]
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
            document.meta.original_language = original
        match = EXPORT_ID.search(text)
        if match:
            document.meta.export_id = match.group(1)
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
    trailing = False
    for chunk in parts:
        label = chunk.text.rstrip(":").strip()
        name = FIELD_LABELS.get(label.lower()) if chunk.text.endswith(":") else None
        opening = current is None and len(head) > 2  # a site's fields after a text without a Contents label
        if (current is contents or trailing or opening) and label.lower() in TRAILING_LABELS:
            current, trailing = [], True
            fields[TRAILING_LABELS[label.lower()]] = (label, current)
        elif name == "contents":
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
        document.meta.contents_label = label
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
    if name == "record" and not text.isdigit():
        # the page left its Record ID empty: the text after the label is the page's last line, no record number
        name, label = "trailing", ""
    if text:
        document.fields[name] = block(name, Chunk(text, items[0].line), label=label)


def _witness_divisions(contents: list[Chunk], original: str, reporter: Reporter) -> list[Division]:
    segments, labels = _labelled_segments(contents)
    divisions: list[Division] = []
    notes: list[Block] = []
    for witness, segment_labels in _witnesses(segments):
        division, footnotes = _witness_division(witness, segment_labels, original, str(len(divisions) + 1))
        divisions.append(division)
        notes.extend(_footnote_blocks(footnotes, division.blocks, division.attrs["n"] if notes else ""))
    if labels and divisions:
        _place_labels(labels, divisions)
    elif labels:
        divisions.append(Division("contents", labels, {}))
    if notes:
        divisions.append(Division("notes", notes, {"label": "Notes"}))
    return divisions


Segment = tuple[list[Chunk], list[str]]


def _labelled_segments(contents: list[Chunk]) -> tuple[list[Segment], list[Block]]:
    """The runs of chunks between content labels, each with the labels above it, and the blocks of the labels."""
    segments: list[Segment] = []
    labels: list[Block] = []
    segment: list[Chunk] = []
    segment_labels: list[str] = []
    for chunk in contents:
        lines = [_unbulleted(line) for line in strip_marker(chunk.text).split("\n")]
        if not all(CONTENT_LABEL.match(line) for line in lines):
            segment.append(chunk)
            continue
        if segment:
            segments.append((segment, segment_labels))
            segment, segment_labels = [], []
        for k, line in enumerate(lines):
            label_chunk = Chunk(_unbulleted(chunk.text.split("\n")[k]), chunk.line + k)
            if line.lower().startswith("original scan"):
                labels.append(block("facsimile", label_chunk))
            else:
                segment_labels.append(line)
                labels.append(block("content-label", label_chunk))
    if segment:
        segments.append((segment, segment_labels))
    return segments, labels


def _witnesses(segments: list[Segment]) -> Iterator[Segment]:
    """Each text of the segments (a segment may hold a text in two languages, or one restarting), with its labels."""
    for segment, segment_labels in segments:
        for run in _language_runs(segment):
            for witness in _split_restarts(run):
                yield witness, segment_labels


def _witness_division(witness: list[Chunk], labels: list[str], original: str, n: str) -> tuple[Division, list[Chunk]]:
    """The division of one text, numbered ``n``, its kind and label chosen by its language, and its footnotes."""
    lang = text_language(" ".join(c.text for c in witness))
    body, footnotes = _split_footnotes(witness)
    label = _label_for(labels, lang)
    blocks = classify_witness(body, lang)
    return Division(_division_kind(label, lang, original), blocks, {"lang": lang, "n": n, "label": label}), footnotes


def _label_for(labels: list[str], lang: str) -> str:
    """The label of a text in ``lang`` among the labels above it: the one naming that language, else one naming none."""
    named = [label for label in labels if _label_language(label) == lang]
    unnamed = [label for label in labels if not _label_language(label)]
    return (named or unnamed or [""])[0]


def _unbulleted(line: str) -> str:
    """A line without its edge spaces and the list bullet it may open with."""
    return BULLET.sub("", line.strip())


def _place_labels(labels: list[Block], divisions: list[Division]) -> None:
    """Each content label at the head of the first text in its language; the others at the head of the first."""
    placed: dict[int, list[Block]] = {}
    for label in labels:
        lang = _label_language(label.text) if label.kind == "content-label" else ""
        target = next((k for k, d in enumerate(divisions) if lang and d.attrs.get("lang") == lang), 0)
        placed.setdefault(target, []).append(label)
    for k, blocks in placed.items():
        divisions[k].blocks[:0] = blocks


def _label_language(label: str) -> str:
    """The language a content label names (``Transcript - Russian``: ``ru``), or ``""``."""
    _, dash, name = label.rpartition("-")
    return language_code(name) if dash else ""


def _division_kind(label: str, lang: str, original: str) -> str:
    """``translation`` for a labelled translation or a text not in the original language, else ``transcription``."""
    if label:
        return (
            "translation"
            if label.lower().lstrip().startswith(("translation", "english translation"))
            else ("transcription")
        )
    return "translation" if original and lang != original else "transcription"


MIN_RUN_LETTERS = 60


def _chunk_language(chunk: Chunk) -> str:
    """The language of one chunk, ``""`` when it has too few letters to tell (a date, a number)."""
    letters = count_letters(chunk.text)
    return text_language(chunk.text) if letters >= 3 else ""


def _language_runs(segment: list[Chunk]) -> list[list[Chunk]]:
    """Split where the text changes script for good (a transcription followed by its translation)."""
    runs: list[tuple[str, list[Chunk]]] = []
    for chunk in segment:
        lang = _chunk_language(chunk)
        if runs and lang in ("", runs[-1][0]):
            runs[-1][1].append(chunk)
        else:
            runs.append((lang, [chunk]))
    merged: list[tuple[str, list[Chunk]]] = []
    for lang, run in runs:
        letters = sum(count_letters(c.text) for c in run)
        if merged and (letters < MIN_RUN_LETTERS or lang == merged[-1][0]):
            merged[-1][1].extend(run)
        else:
            merged.append((lang, run))
    if len(merged) > 1 and sum(count_letters(c.text) for c in merged[0][1]) < MIN_RUN_LETTERS:
        merged[1] = (merged[1][0], merged[0][1] + merged[1][1])
        merged.pop(0)
    return [run for _, run in merged]


FOOTNOTE = re.compile(r"^\[(\d{1,3})\]\s*\S")


def _split_footnotes(witness: list[Chunk]) -> tuple[list[Chunk], list[Chunk]]:
    """The text and the footnotes at its end (paragraphs opening with ``[n]``)."""
    cut = len(witness)
    while cut > 0 and FOOTNOTE.match(witness[cut - 1].text):
        cut -= 1
    return witness[:cut], witness[cut:]


def _footnote_blocks(footnotes: list[Chunk], blocks: list[Block], prefix: str) -> list[Block]:
    """Note blocks for the footnotes of one text; their references in ``blocks`` become ``noteref`` spans."""
    notes = []
    for chunk in footnotes:
        match = FOOTNOTE.match(chunk.text)
        assert match is not None
        number = match.group(1)
        note = block("note", chunk, n=number, key=f"{prefix}.{number}" if prefix else number)
        note.add(span(0, match.end(1) + 1, "label"))
        notes.append(note)
    mark_bracketed_references(blocks, {b.attrs["n"]: b.attrs["key"] for b in notes})
    return notes


def _alike(a: str, b: str) -> bool:
    """Whether two paragraphs are copies of one text: ``difflib`` ratio above 0.8.

    Cheap upper bounds of the ratio first, as most pairs differ: the lengths, then the longest common
    subsequence (the blocks ``difflib`` matches are one of the common subsequences).
    """
    if min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    total = len(a) + len(b)
    if total and 2.0 * _common_subsequence(a, b) / total <= 0.8:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() > 0.8


def _common_subsequence(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b`` (bit-parallel, Allison and Dix 1986).

    Bit ``i`` of ``row`` is 0 where the subsequence grows at ``a[i]``; one pass over ``b`` of integer operations.
    """
    positions: dict[str, int] = {}
    for i, char in enumerate(a):
        positions[char] = positions.get(char, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for char in b:
        matched = row & positions.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(a) - row.bit_count()


def _split_restarts(segment: list[Chunk]) -> list[list[Chunk]]:
    """Split a run of chunks where the text starts over (a second transcription of the same text)."""
    long_ones = [i for i, c in enumerate(segment) if len(c.text) > 80]
    for j in long_ones:
        for i in long_ones:
            if i >= j:
                break
            if _alike(segment[i].text, segment[j].text):
                cut = _restart_point(segment, i, j)
                return [segment[:cut], *_split_restarts(segment[cut:])]
    return [segment] if segment else []


def _restart_point(segment: list[Chunk], first: int, repeat: int) -> int:
    """Where the second transcription starts: after the first one's certification, else after its last signature."""
    for k in range(repeat - 1, first, -1):
        if CERTIFICATION.match(segment[k].text):
            return min(k + 2 if k + 1 < repeat and len(segment[k + 1].text) < 60 else k + 1, repeat)
    opening = 0
    while first - opening - 1 >= 0 and len(segment[first - opening - 1].text) < 80:
        opening += 1
    return max(repeat - opening, first + 1)
