"""Nesting a block's spans into TEI inline elements, keeping every character.

Spans become elements (``ELEMENTS`` maps the model's span kinds to TEI); line breaks inside a block become
``<lb/>``; spans that cross each other cannot nest and are reported, their text
kept. Where a name, date, identifier or note number would cut a word in two (``Georgiaalready`` read as
*Georgia* + *already*, a note number glued to the next word as in ``2On``) the
word is kept as written in ``<orig>`` and the reading with a space in
``<reg>``, inside ``<choice>``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from lxml import etree

from ..diagnostics import Reporter
from ..model import Span, SpanKind, span
from ..xmlio import tei

# The TEI element of each span kind (a ``glue`` span becomes ``choice``, built apart).
ELEMENTS: Mapping[SpanKind, str] = {
    "person": "persName",
    "place": "placeName",
    "org": "orgName",
    "date": "date",
    "time": "time",
    "idno": "idno",
    "del": "del",
    "add": "add",
    "subst": "subst",
    "supplied": "supplied",
    "gap": "gap",
    "unclear": "unclear",
    "hi": "hi",
    "title": "title",
    "bibl": "bibl",
    "noteref": "ref",
    "label": "label",
    "quote": "quote",
    "stamp": "stamp",
    "link": "ref",
    "glue": "choice",
    "note": "note",
    "pb": "pb",
}
ALLOWED_ATTRS: dict[str, tuple[str, ...]] = {
    "person": ("ref", "type", "cert", "resp"),
    "place": ("ref", "cert", "resp"),
    "org": ("ref", "cert", "resp"),
    "date": ("when", "not_before", "not_after", "cert", "evidence", "resp"),
    "time": ("when",),
    "idno": ("type",),
    "del": ("rend",),
    "add": ("place",),
    "note": ("type", "place", "n"),
    "pb": ("n",),
    "supplied": ("reason", "cert"),
    "gap": ("reason",),
    "hi": ("rend",),
    "title": ("level",),
    "bibl": ("type",),
    "noteref": ("n",),
    "link": ("target",),
    "label": (),
}
# The TEI name of a span attribute whose model name differs (the model spells its words apart, TEI in camel case).
ATTRIBUTE_NAMES = {"not_before": "notBefore", "not_after": "notAfter"}
# Order among spans with the same extent: outer first. A correction holds the name or date it struck out or
# inserted (subst allows only del and add as children: <subst><del><date>..</date></del> ...).
NESTING = [
    "subst",
    "del",
    "add",
    "note",
    "bibl",
    "idno",
    "date",
    "person",
    "place",
    "org",
    "hi",
    "title",
    "quote",
    "stamp",
    "supplied",
    "gap",
    "noteref",
    "label",
    "link",
    "time",
    "unclear",
    "pb",
]
RANK = {kind: rank for rank, kind in enumerate(NESTING)}
TEXT_ONLY_PARENTS = {"idno": {"idno"}, "gap": set(), "label": set()}
WORD = re.compile(r"\w")
WORD_PAIR = re.compile(r"\w\w")
# Spans that claim whole words: a boundary of theirs inside a word means the source ran two words together.
# Corrections and renditions (del, add, hi, supplied) may cut a word: a letter struck out or added is not a word.
WORD_LEVEL = {"person", "place", "org", "date", "time", "idno", "noteref", "label", "title", "bibl", "link"}
# Spans cut at the end of a correction they start inside, rather than dropped for crossing it.
CLIPPED = {"date", "time"}
Identify = Callable[[Span], dict[str, str]]
TAGS = {kind: tei(element) for kind, element in ELEMENTS.items()}
LB, DESC = tei("lb"), tei("desc")


def render(parent: etree._Element, text: str, spans: Sequence[Span], reporter: Reporter, identify: Identify) -> None:
    """Append ``text`` with ``spans`` as TEI children (and text) of ``parent``."""
    if spans:
        ordered = sorted(_with_glue(text, _clipped_to_corrections(spans)), key=_nesting_order)
        _render_range(parent, text, ordered, 0, len(text), "", reporter, identify)
    else:
        _append_text(parent, text)


def _clipped_to_corrections(spans: Sequence[Span]) -> Sequence[Span]:
    """The spans, a date that starts inside a correction and runs past it cut at its end.

    ``^{27 ноября} 1950 г.`` read as one date cannot nest; the date inside the insertion can.
    """
    corrections = [s for s in spans if s.kind in ("del", "add")]
    if not corrections:
        return spans
    return [_clipped(s, corrections) if s.kind in CLIPPED else s for s in spans]


def _clipped(s: Span, corrections: list[Span]) -> Span:
    """``s`` cut at the end of the first correction it starts inside and runs past."""
    for c in corrections:
        if c.start <= s.start < c.end < s.end:
            return Span(s.start, c.end, s.kind, s.attrs)
    return s


def _nesting_order(s: Span) -> tuple[int, int, int]:
    """Spans in text order, the longer first, and among spans of one extent the outer first."""
    return s.start, -s.end, RANK.get(s.kind, 99)


def _render_range(
    parent: etree._Element,
    text: str,
    spans: list[Span],
    start: int,
    end: int,
    parent_kind: str,
    reporter: Reporter,
    identify: Identify,
) -> None:
    cursor = start
    i = 0
    count = len(spans)
    allowed = TEXT_ONLY_PARENTS.get(parent_kind)
    while i < count:
        current = spans[i]
        inner_end = i + 1
        while inner_end < count and spans[inner_end].start < current.end:
            inner_end += 1
        inner = spans[i + 1 : inner_end]
        if any(s.end > current.end for s in inner):
            for bad in inner:
                if bad.end > current.end:
                    reporter.warning(
                        "overlap",
                        f"{bad.kind} {text[bad.start : bad.end]!r} crosses {current.kind} "
                        f"{text[current.start : current.end]!r}; its markup is dropped",
                    )
            inner = [s for s in inner if s.end <= current.end]
        if cursor < current.start:
            _append_text(parent, text[cursor : current.start])
        if allowed is not None and current.kind not in allowed:
            _render_range(parent, text, inner, current.start, current.end, parent_kind, reporter, identify)
        elif current.kind == "glue":
            _render_glue(parent, text, current, inner, reporter, identify)
        else:
            values = dict(current.attrs)
            child = _element(parent, current, values, identify)
            if current.kind == "gap":
                etree.SubElement(child, DESC).text = text[current.start : current.end]
            elif inner:
                _render_range(child, text, inner, current.start, current.end, current.kind, reporter, identify)
            else:
                _append_text(child, text[current.start : current.end])
            if values.get("restate"):
                _render_inherited(child, current)
        cursor = current.end
        i = inner_end
    if cursor < end:
        _append_text(parent, text[cursor:end])


def _element(parent: etree._Element, s: Span, values: dict[str, str], identify: Identify) -> etree._Element:
    """The element of span ``s`` (whose attributes are ``values``) at the end of ``parent``."""
    el = etree.SubElement(parent, TAGS[s.kind])
    if values:
        for name in ALLOWED_ATTRS.get(s.kind, ()):
            value = values.get(name)
            if value:
                el.set(ATTRIBUTE_NAMES.get(name, name), value)
    for name, value in identify(s).items():
        el.set(name, value)
    return el


def _render_inherited(parent: etree._Element, citation: Span) -> None:
    """The parts an ``Ibid.`` citation takes from the one before it, restated at its end: `` [17/3/104]``."""
    restated = etree.SubElement(parent, tei("idno"), type="inherited")
    restated.text = " ["
    names = citation.attr("restate").split()
    for k, name in enumerate(names):
        part = etree.SubElement(restated, tei("idno"), type=name)
        part.text = citation.attr(name)
        part.tail = "/" if k < len(names) - 1 else "]"


def _append_text(parent: etree._Element, text: str) -> None:
    """Append text, turning line breaks into ``<lb/>``."""
    if "\n" not in text:
        if text:
            _append_piece(parent, text)
        return
    for k, piece in enumerate(text.split("\n")):
        if k:
            etree.SubElement(parent, LB)
        if piece:
            _append_piece(parent, piece)


def _append_piece(parent: etree._Element, piece: str) -> None:
    """Append text without line breaks after the last child of ``parent``, else as its text."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + piece
    else:
        parent.text = (parent.text or "") + piece


def _with_glue(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans plus a ``glue`` span over every word that a span boundary cuts in two."""
    # Struck-out or inserted letters next to a word are no part of it: "~~del~~0Сталину" cuts "0Сталину" only;
    # nor is a note standing at its anchor right after a word.
    stops = {b for s in spans if s.kind in ("del", "add", "note") for b in (s.start, s.end)}
    cuts = sorted(
        {b for s in spans if s.kind in WORD_LEVEL for b in (s.start, s.end) if _inside_word(text, b) and b not in stops}
    )
    if not cuts:
        return list(spans)
    regions: list[list[int]] = []
    for cut in cuts:
        start, end = _word_bounds(text, cut, stops)
        if regions and start < regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], end)
        else:
            regions.append([start, end])
    glue = [span(a, b, "glue", cuts=" ".join(str(c - a) for c in cuts if a < c < b)) for a, b in regions]
    kept = [
        s
        for s in spans
        if not any(s.start < g.start < s.end < g.end or g.start < s.start < g.end < s.end for g in glue)
    ]
    return kept + glue


def _inside_word(text: str, at: int) -> bool:
    """Whether ``at`` falls between two word characters."""
    return 0 < at < len(text) and WORD_PAIR.match(text, at - 1) is not None


def _word_bounds(text: str, at: int, stops: set[int]) -> tuple[int, int]:
    """The word around offset ``at``, not reaching past any offset in ``stops``."""
    start, end = at, at
    while start > 0 and start not in stops and WORD.match(text[start - 1]):
        start -= 1
    while end < len(text) and end not in stops and WORD.match(text[end]):
        end += 1
    return start, end


def _render_glue(
    parent: etree._Element, text: str, glue: Span, inner: list[Span], reporter: Reporter, identify: Identify
) -> None:
    choice = etree.SubElement(parent, tei("choice"))
    orig = etree.SubElement(choice, tei("orig"))
    orig.text = text[glue.start : glue.end]
    reg = etree.SubElement(choice, tei("reg"))
    cuts = [int(c) for c in glue.attr("cuts").split()]
    token = text[glue.start : glue.end]
    spaced = "".join(token[a:b] + " " for a, b in zip([0, *cuts], cuts, strict=False)) + token[cuts[-1] :]

    def shifted(offset: int, is_start: bool) -> int:
        return offset + sum(1 for c in cuts if c < offset or (is_start and c == offset))

    moved = [
        span(shifted(s.start - glue.start, True), shifted(s.end - glue.start, False), s.kind, **dict(s.attrs))
        for s in inner
    ]
    moved.sort(key=_nesting_order)
    _render_range(reg, spaced, moved, 0, len(spaced), "reg", reporter, identify)
