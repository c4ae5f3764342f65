"""WordprocessingML paragraphs to text with spans, keeping every character of the text a reader sees.

A paragraph's runs are concatenated into one string; what the formatting, the tracked changes, the
hyperlinks and the note and comment anchors mean becomes spans over it. Word cuts text into runs
at will (a spell-check mark, a revision), so adjacent spans of one kind and value are joined.

Policy for tracked changes (the transcription loses nothing and reads as if every change were
accepted): inserted text stays in the text inside ``add`` and deleted text stays inside ``del``,
each pointing with ``change`` to the revision (its author and date) that made it; moves are a
deletion where the text was and an insertion where it went.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ...model import Revision, Span, SpanKind, span
from .numbers import formatted
from .styles import RunFormat, Styles, W, w

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Elements whose children are runs or run containers, with no meaning of their own here.
TRANSPARENT = frozenset({"smartTag", "customXml", "fldSimple", "sdtContent", "dir", "bdo"})
# Elements that hold no text of the transcription.
SKIPPED = frozenset(
    {
        "rPr",
        "pPr",
        "proofErr",
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
        "lastRenderedPageBreak",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
        "annotationRef",
        "sdtPr",
        "sdtEndPr",
        "instrText",
        "delInstrText",
        "fldChar",
        "drawing",
        "pict",
        "object",
    }
)
CHARACTERS = {"tab": "\t", "cr": "\n", "noBreakHyphen": "\u2011", "softHyphen": "\u00ad"}
SAFE_SCHEMES = ("http:", "https:", "mailto:", "ftp:", "urn:", "doi:")


@dataclass
class Anchors:
    """What the text refers to from outside the paragraph: notes, comments, revisions, hyperlink targets."""

    note_text: Callable[[str, str], tuple[str, list[Span]]]  # (kind, id) -> the note's text and spans
    comment: Callable[[str], tuple[str, list[Span], str] | None]  # id -> text, spans, author
    hyperlinks: dict[str, str]
    revisions: dict[str, Revision] = field(default_factory=dict)
    note_formats: dict[str, str] = field(default_factory=dict)
    note_numbers: dict[str, int] = field(default_factory=dict)
    unsafe_links: list[str] = field(default_factory=list)

    def revision(self, el: etree._Element, kind: str) -> str:
        """The key of the revision ``el`` records (one per distinct author, date and kind)."""
        author, date = el.get(w("author"), ""), el.get(w("date"), "")
        for key, rev in self.revisions.items():
            if (rev.kind, rev.author, rev.date) == (kind, author, date):
                return key
        key = f"ch{len(self.revisions) + 1}"
        self.revisions[key] = Revision(key, kind, author, date)
        return key


@dataclass
class Text:
    """Text under construction with its spans."""

    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    length: int = 0
    breaks: int = 0

    def append(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def insert(self, text: str, spans: list[Span]) -> tuple[int, int]:
        """Append ``text`` with its own ``spans``; the range it took."""
        start = self.length
        self.append(text)
        self.spans.extend(Span(s.start + start, s.end + start, s.kind, s.attrs) for s in spans)
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


class ParagraphReader:
    """Reads paragraphs of one part (the document, a note, a comment) with the file's styles and anchors."""

    def __init__(self, styles: Styles, anchors: Anchors) -> None:
        self.styles = styles
        self.anchors = anchors

    def read(self, paragraph: etree._Element) -> Text:
        """The text and spans of one ``w:p``."""
        out = Text()
        self._children(paragraph, out)
        out.spans = _joined(out.spans)
        return out

    def _children(self, parent: etree._Element, out: Text) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            namespace, name = _split(child.tag)
            if namespace == MC and name == "AlternateContent":
                chosen = child.find(f"{{{MC}}}Choice")
                if chosen is None:
                    chosen = child.find(f"{{{MC}}}Fallback")
                if chosen is not None:
                    self._children(chosen, out)
            elif namespace and namespace != W:
                continue
            elif name == "r":
                self._run(child, out)
            elif name in ("ins", "moveTo"):
                self._marked(child, out, "add", "insertion" if name == "ins" else "move-to")
            elif name in ("del", "moveFrom"):
                self._marked(child, out, "del", "deletion" if name == "del" else "move-from")
            elif name == "hyperlink":
                self._hyperlink(child, out)
            elif name == "sdt":
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._children(content, out)
            elif name in TRANSPARENT:
                self._children(child, out)

    def _marked(self, el: etree._Element, out: Text, kind: SpanKind, revision: str) -> None:
        start = out.length
        self._children(el, out)
        if out.length > start:
            out.spans.append(span(start, out.length, kind, change=self.anchors.revision(el, revision)))

    def _hyperlink(self, el: etree._Element, out: Text) -> None:
        start = out.length
        self._children(el, out)
        target = self.anchors.hyperlinks.get(el.get(f"{{{R}}}id", ""), "")
        if el.get(w("anchor")):
            target = f"{target}#{el.get(w('anchor'))}"
        if out.length > start and target:
            if _is_safe_target(target):
                out.spans.append(span(start, out.length, "link", target=target))
            else:
                self.anchors.unsafe_links.append(target)

    def _run(self, run: etree._Element, out: Text) -> None:
        fmt = self.styles.run_format(run.find(w("rPr")))
        segments: list[tuple[int, int]] = []  # the run's own characters, not the notes inserted at its anchors
        start = out.length
        for child in run:
            if not isinstance(child.tag, str):
                continue
            namespace, name = _split(child.tag)
            if namespace == MC and name == "AlternateContent":
                self._children(child, out)
            elif name in ("t", "delText"):
                out.append(child.text or "")
            elif name in CHARACTERS:
                out.append(CHARACTERS[name])
            elif name == "sym":
                code = child.get(w("char"), "")
                out.append(chr(int(code, 16)) if _is_hex(code) else "")
            elif name == "br":
                self._break(child, out)
            elif name in ("footnoteReference", "endnoteReference", "commentReference"):
                segments.append((start, out.length))
                if name == "commentReference":
                    self._comment(child, out)
                else:
                    self._note(child, out, name)
                start = out.length
        segments.append((start, out.length))
        for a, b in segments:
            if b > a:
                out.spans.extend(_format_spans(fmt, a, b))

    def _break(self, el: etree._Element, out: Text) -> None:
        kind = el.get(w("type"), "textWrapping")
        if kind == "page":
            out.breaks += 1
            out.spans.append(span(out.length, out.length, "pb"))
        elif kind == "textWrapping":
            out.append("\n")

    def _note(self, el: etree._Element, out: Text, reference: str) -> None:
        kind = reference.removesuffix("Reference")
        ident = el.get(w("id"), "")
        if el.get(w("customMarkFollows")) in ("1", "true", "on"):
            number = ""
        else:
            count = self.anchors.note_numbers.setdefault(f"{kind}:{ident}", _count(self.anchors, kind) + 1)
            number = formatted(count, self.anchors.note_formats.get(kind, "decimal"))
        text, spans = self.anchors.note_text(kind, ident)
        start, end = out.insert(text, spans)
        out.spans.append(span(start, end, "note", place="foot" if kind == "footnote" else "end", n=number))

    def _comment(self, el: etree._Element, out: Text) -> None:
        found = self.anchors.comment(el.get(w("id"), ""))
        if found is None:
            return
        text, spans, author = found
        start, end = out.insert(text, spans)
        out.spans.append(span(start, end, "note", type="editorial", author=author))


def _format_spans(fmt: RunFormat, start: int, end: int) -> list[Span]:
    """The spans a run's formatting gives its characters ``start:end``."""
    spans = [span(start, end, "hi", rend=" ".join(fmt.renditions))] if fmt.renditions else []
    if fmt.strike:
        spans.append(span(start, end, "del", rend=fmt.strike))
    if fmt.vertical:
        spans.append(span(start, end, "add", place="above" if fmt.vertical == "superscript" else "below"))
    return spans


def _count(anchors: Anchors, kind: str) -> int:
    return sum(1 for key in anchors.note_numbers if key.startswith(f"{kind}:"))


def _joined(spans: list[Span]) -> list[Span]:
    """Adjacent spans of one kind and attributes as one (Word splits runs anywhere)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.kind, s.attrs, s.start, s.end)):
        last = out[-1] if out else None
        if (
            last
            and s.kind not in ("note", "pb")
            and (last.kind, last.attrs) == (s.kind, s.attrs)
            and last.end == s.start
        ):
            out[-1] = Span(last.start, s.end, s.kind, s.attrs)
        else:
            out.append(s)
    return sorted(out)


def _is_safe_target(target: str) -> bool:
    """A link target that is a web, mail or fragment reference; never ``javascript:``, ``data:`` and the like."""
    lowered = "".join(target.split()).lower()
    if ":" not in lowered.split("/", 1)[0].split("#", 1)[0]:
        return True
    return lowered.startswith(SAFE_SCHEMES)


def _split(tag: str) -> tuple[str, str]:
    qname = etree.QName(tag)
    return qname.namespace or "", qname.localname


def _is_hex(code: str) -> bool:
    return bool(code) and all(c in "0123456789abcdefABCDEF" for c in code) and int(code, 16) >= 0x20
