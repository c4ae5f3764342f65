"""Archival citations and document numbers, marked up as ``idno`` spans.

An archival citation (``RGASPI, f. 558, op. 11, d. 341, ll. 128-129``,
``РЦХИДНИ. Ф. 17. Оп. 3. Д. 99. Л. 1``, ``Ibid. D. 104. L. 2``) becomes one outer
span of type ``archival`` whose attributes hold the normalised parts, with one
nested span per part written in the text; ``Ibid.`` takes the parts it leaves
out from the previous citation of the document. An archive outside Russia
that numbers its files in its own way (``PRC FMA 118-00078-02, 1-5``) gives a
``shelfmark`` instead of fond, opis and delo (read by ``shelfmarks``). Document
numbers (``ИСХ. № 5542``, ``Cable No. 5542``, read by ``document_numbers``)
become spans over the number alone, typed by the label before it. The first
citation of the document's citation field is recorded in ``document.meta`` for
the header."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...diagnostics import Reporter
from ...model import ArchivalCitation, Block, Document, span
from ..claims import IDENTIFIER_AVOIDS
from .archives import ARCHIVE_PATTERN, SHELFMARK_HINT, cites_by_shelfmark, current_archive
from .document_numbers import NumberState, find_document_numbers, overlaps, url_spans
from .headings import TELEGRAM_TITLE, heading_number, letter_number, opening_number, title_number
from .shelfmarks import shelfmark_before, shelfmark_parts

if TYPE_CHECKING:
    from ..context import Context

# ------------------------------------------------------------ archival citations

RANKS = ("fond", "opis", "papka", "delo", "folios")
"""Citation parts in the order a citation states them."""

_LABELS = {
    "fond": r"fond|f|фонд|ф",
    # Fond 89 of RGANI, the documents declassified for the trial of the CPSU, lists "perechen" and "dokument".
    "opis": r"opis'?|op|on|опись|оп|perechen'?|per|перечень|пер",
    "list": r"list",  # the opis in "F. 17, List 3, D. 97", the folios in "D. 97, List 3"
    "papka": r"papka|pap|p|папка|пап|п",
    "delo": r"delo|d|дело|д|ed\.?\s?khr|ед\.?\s?хр|dokument|dok|документ|док",
    "folios": r"listy|ll|l|folios|folio|fols|fol|ff|pp|листы|лист|лл|л",
}
_LABEL = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _LABELS.items()) + r")(?:[ \t]*\.[ \t]*|[ \t]+)", re.I
)
_NUM = r"\d+[a-zа-яё]?(?!\w)"
# "L. 3 об.", "L. 7-8 rev": the reverse side of a folio.
# The stop of "об." stays outside unless a range goes on after it ("л. 12 об.–13").
_FOLIO = r"\d+[a-zа-яё]?(?:\s?(?:об|ob|rev|verso)(?!\w)(?:\.(?=[ \t]*[-–—][ \t]*\d))?)?"
_FOLIO_RANGE = rf"{_FOLIO}(?:[ \t]*[-–—][ \t]*{_FOLIO})?"
_VALUES = {
    # "Ф. Р-8131сч": a fond of a secret department ("секретная часть").
    "fond": re.compile(r"(?:[a-zа-яё]{1,2}-)?\d+(?:сч|сс|[a-zа-яё])?(?!\w)", re.I),
    # "Op. 1/s", "Оп. 2/с": an opis marked secret.
    "opis": re.compile(rf"{_NUM}(?:/(?:{_NUM}|[a-zа-яё]{{1,3}}(?!\w)))?", re.I),
    "papka": re.compile(_NUM, re.I),
    # "д. 718, 719, 720": several files, each number followed by a comma, a stop, "and" or the end of the citation.
    "delo": re.compile(
        rf"{_NUM}(?:/{_NUM})?(?:[ \t]*,[ \t]*(?!(?:1[89]|20)\d\d(?!\w)){_NUM}(?=[ \t]*(?:[,.;)]|$|(?:и|and)(?!\w))))*",
        re.I,
    ),
    "folios": re.compile(rf"{_FOLIO_RANGE}(?:[ \t]*,[ \t]*{_FOLIO_RANGE})*(?!\w)", re.I),
}
# An identifier holds no line break (TEI idno cannot contain lb), so its parts are on one line.
_SEP = re.compile(r"[ \t.,;:]{0,4}")
# An archive missing from the table: one upper-case abbreviation right before "F."
# (or in parentheses after the archive's name: "Arkhiv ... (TsGAIPD), f. 24").
_OTHER_ARCHIVE = (
    r"(?-i:(?<!\w)[A-ZА-ЯЁ](?:[a-zа-яё]?[A-ZА-ЯЁ]){2,8}(?!\w))(?=\)?[\s.,;:]{0,4}(?:fond|f|фонд|ф)\.?\s*\d)"
)
_START = re.compile(
    rf"(?P<repository>{ARCHIVE_PATTERN})|(?P<other>{_OTHER_ARCHIVE})"
    r"|(?P<ibid>(?<!\w)(?:ibidem|ibid|там\s+же|tam\s+zhe)(?!\w))"
    rf"|(?P<bare>(?<!\w)(?=(?:{_LABELS['fond']})\.?\s*(?:\d|(?-i:[A-ZА-ЯЁ])\.\s*(?:{_LABELS['opis']})\.?\s*\d)))",
    re.I,
)
# A part the transcriber could not read, written as a capital letter where its number would be: "Op. P.", "Ф. П."
# (the part is stated, its value unknown).
_UNREAD = re.compile(r"(?-i:[A-ZА-ЯЁ])(?=\.)")
# A second citation after a semicolon that leaves out the parts it shares with the first: "(Ibid. F. 17. Op. 3.
# D. 894. L. 2; Op. 162. D. 13. L 47)".
_NEXT_CITATION = re.compile(r"[ \t]*;[ \t]*")


# Every part of a citation is a label and a number: a text without one holds no citation (a quick test, which
# looks for the labels only where one of their first letters is).
_LABEL_INITIALS = "".join(sorted({label[0] for labels in _LABELS.values() for label in labels.split("|")}))
_PART = re.compile(rf"(?=[{_LABEL_INITIALS}])" + _LABEL.pattern + r"(?:[a-zа-яё]{1,2}-)?\d", re.I)

# Searched first: a text without a digit (a third of the blocks) holds no part; this costs a sixth of _PART's search.
_DIGIT = re.compile(r"\d")
_ABBREVIATION = re.compile(rf"[ \t]*\((?:{ARCHIVE_PATTERN})\)", re.I)
# The name of an archive written out before its abbreviation in parentheses, in a language or transliteration the
# table lacks: "Arkhiv Vneshnei Politiki Rossiiskoi Federatsii (AVP RF)". It holds a word for "archive", after at
# most five words of which the first is capitalised (the rest capitalised or Russian adjectives: "Российский
# государственный архив ..."), and runs on to the parenthesis.
_ARCHIVE_NAME = re.compile(
    r"(?<!\w)(?:[A-ZА-ЯЁ][\w'’-]*[ \t]+(?:(?:[A-ZА-ЯЁ][\w'’-]*|[а-яё]+(?:ый|ий|ой))[ \t]+){0,4})?"
    r"(?<!\w)(?i:arkhiv|archive|archiv|архив)\w*(?:[ \t]+[\w'’-]+){0,10}[ \t]*$"
)
# The volume of a file, between the file and its folios ("д. 12, т. 2, л. 5"): inside the citation, no part of it.
_VOLUME = re.compile(r"(?:т|том|tom|t|vol)\.?[ \t]*\d{1,3}(?!\w)(?=[ \t.,;:]{0,4}(?:" + _LABELS["folios"] + r"))", re.I)
_NAME_WINDOW = 160  # how far before an abbreviation in parentheses its archive's name is looked for


@dataclass(frozen=True)
class CitationPart:
    """One part of a citation: ``name`` is ``repository`` or one of ``RANKS``."""

    name: str
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Citation:
    """An archival citation at ``text[start:end]`` with the parts it states."""

    start: int
    end: int
    parts: tuple[CitationPart, ...]
    ibid: bool = False

    def stated(self) -> dict[str, str]:
        """The normalised parts written in the citation and readable, by name."""
        return {p.name: p.value for p in self.parts if p.value}

    def part(self, name: str) -> CitationPart | None:
        """The part called ``name``, if written."""
        return next((p for p in self.parts if p.name == name), None)


def find_citations(text: str) -> list[Citation]:
    """The archival citations in ``text``, in order, with only the parts they state."""
    has_part = _DIGIT.search(text) is not None and _PART.search(text) is not None  # a part ends in a digit
    return _citations(text) if has_part or SHELFMARK_HINT.search(text) else []


def _citations(text: str) -> list[Citation]:
    found: list[Citation] = []
    pos = 0
    while (start := _START.search(text, pos)) is not None:
        citation = _citation_at(text, start, found[-1].end if found else 0)
        if citation is None:
            pos = max(start.end(), start.start() + 1)
            continue
        found.append(citation)
        while (following := _following(text, citation)) is not None:
            found.append(citation := following)
        pos = citation.end
    return found


def _following(text: str, citation: Citation) -> Citation | None:
    """The citation after ``citation`` and a semicolon that begins below its fond (``; Op. 162. D. 13. L 47``):
    it shares the parts above its first with the one before, as an ``Ibid.`` does."""
    gap = _NEXT_CITATION.match(text, citation.end)
    if gap is None:
        return None
    parts = _parts_after(text, gap.end(), -1)
    if not parts or parts[0].name == "fond" or "delo" not in {p.name for p in parts}:
        return None
    return Citation(gap.end(), parts[-1].end, tuple(parts), ibid=True)


def _citation_at(text: str, start: re.Match[str], floor: int) -> Citation | None:
    """The citation that the head ``start`` opens, if parts follow it; ``floor`` is where an earlier one ends."""
    head = start.lastgroup
    named = _name_before(text, start, floor) if head in ("repository", "other") else None
    if head == "bare":
        first = _part_at(text, start.start(), -1)
        parts = [first, *_parts_after(text, first.end, 0)] if first and first.name == "fond" else []
    else:
        after = _after_head(text, start, named)
        parts = _parts_after(text, after, -1)
        # An archive cited by shelfmarks may open its shelfmark with a fond that holds no file ("SÚA, f. 02/2, sv. 5").
        by_shelfmark = head == "repository" and _cites_by_shelfmark(start.group())
        if by_shelfmark and "delo" not in {p.name for p in parts}:
            parts = [CitationPart(*part) for part in shelfmark_parts(text, after)] or parts
            before = None if parts or named else shelfmark_before(text, start.start(), floor)
            if before is not None:  # the shelfmark before the archive: "KC PZPR, XI A/13, AAN"
                repository = CitationPart("repository", *start.span(), current_archive(start.group()))
                return Citation(before[1], start.end(), (CitationPart(*before), repository))
    if not _is_citation(head, [p.name for p in parts]) or not any(p.value for p in parts):
        return None
    if head in ("repository", "other"):
        name_start, name_end = named or start.span()
        parts.insert(0, CitationPart("repository", name_start, name_end, current_archive(start.group())))
    return Citation(named[0] if named else start.start(), parts[-1].end, tuple(parts), ibid=head == "ibid")


def _after_head(text: str, start: re.Match[str], named: tuple[int, int] | None) -> int:
    """Where the parts after an archive's name begin: after the abbreviation in parentheses, if one follows."""
    if named:
        return start.end() + 1
    # An archive named in words may give its abbreviation in parentheses: "... Federation (APRF), Fond 45".
    abbreviation = _ABBREVIATION.match(text, start.end()) if start.lastgroup == "repository" else None
    return abbreviation.end() if abbreviation else start.end()


def _cites_by_shelfmark(written: str) -> bool:
    """Whether an archive name as written (capitalised, as names of archives are) is one cited by shelfmarks."""
    return written[0].isupper() and cites_by_shelfmark(current_archive(written))


def _name_before(text: str, abbreviation: re.Match[str], floor: int) -> tuple[int, int] | None:
    """The offsets of an archive's name written before its ``abbreviation`` in parentheses, if it is one."""
    start, end = abbreviation.span()
    if not (start > 0 and text[start - 1] == "(" and text.startswith(")", end)):
        return None
    name = _ARCHIVE_NAME.search(text, max(floor, start - 1 - _NAME_WINDOW), start - 1)
    if name is None or not name.group()[0].isupper():  # "in the archive (AVP RF)" names none
        return None
    return name.start(), name.start() + len(name.group().rstrip())


def _is_citation(head: str | None, names: list[str]) -> bool:
    """Whether parts after a head are enough: an unknown or missing archive name needs fond and delo."""
    if head == "repository":
        return bool(names)
    if head == "ibid":
        return bool({"delo", "folios"} & set(names))
    return bool(names) and names[0] == "fond" and "delo" in names


def _parts_after(text: str, pos: int, last_rank: int) -> list[CitationPart]:
    parts: list[CitationPart] = []
    while (part := _part_at(text, _after_separator(text, pos), last_rank)) is not None:
        parts.append(part)
        last_rank, pos = RANKS.index(part.name), part.end
        volume = _VOLUME.match(text, _after_separator(text, pos)) if part.name == "delo" else None
        pos = volume.end() if volume else pos
    return parts


def _after_separator(text: str, pos: int) -> int:
    match = _SEP.match(text, pos)
    return match.end() if match else pos


def _part_at(text: str, pos: int, last_rank: int) -> CitationPart | None:
    label = _LABEL.match(text, pos)
    if label is None or label.lastgroup is None:
        return None
    name = label.lastgroup
    if name == "list":
        name = "opis" if last_rank < RANKS.index("opis") and _list_is_opis(text, label.end()) else "folios"
    # A folder may follow the file it holds the file of: "Delo 5, Papka 11, List 13".
    if RANKS.index(name) <= last_rank and not (name == "papka" and last_rank == RANKS.index("delo")):
        return None
    value = _VALUES[name].match(text, label.end())
    if value is None:
        unread = _UNREAD.match(text, label.end()) if name != "folios" else None
        return CitationPart(name, unread.start(), unread.end(), "") if unread else None
    return CitationPart(name, value.start(), value.end(), _normalise(value.group()))


def _list_is_opis(text: str, pos: int) -> bool:
    """Whether ``List N`` at ``pos`` is followed by a delo or papka, as an opis is."""
    value = _VALUES["opis"].match(text, pos)
    if value is None:
        return False
    after = _part_at(text, _after_separator(text, value.end()), RANKS.index("opis"))
    return after is not None and after.name in ("papka", "delo")


def _normalise(value: str) -> str:
    return re.sub(r"\s*[-–—]\s*", "-", re.sub(r"\s+", " ", value))


def resolve_citation(citation: Citation, previous: Mapping[str, str] | None) -> tuple[dict[str, str], list[str]]:
    """The citation's full parts and the names of those taken from ``previous``.

    ``Ibid.`` takes the repository and every part ranked above the first one it
    states (``Ibid. D. 104`` keeps fond and opis); a citation without an archive
    name takes the repository.
    """
    values = citation.stated()
    if not previous:
        return values, []
    names = ["repository"]
    if citation.ibid:
        first = min((RANKS.index(n) for n in values if n in RANKS), default=len(RANKS))
        names += RANKS[:first]
    inherited = [n for n in names if n not in values and n in previous]
    values.update({n: previous[n] for n in inherited})
    return values, inherited


# ------------------------------------------------------------ the enricher


# The first block of a telegram longer than this many words is its text; the shorter ones head it (the sender and
# the addressee, the classification).
_OPENING_WORDS = 30


@dataclass
class _Found:
    block: Block
    values: dict[str, str]
    written_repository: str


class IdentifiersEnricher:
    """Marks archival citations and document numbers as ``idno`` spans."""

    name = "identifiers"
    priority = 20

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add citation and number spans to every block, and the header citation to ``meta.archival``."""
        previous = context.last_citation  # "Ibid." may refer to the citation of the document before on the page
        found: list[_Found] = []
        opening = TELEGRAM_TITLE.search(document.title.text) is not None  # its text may open with its number
        state = NumberState(telegram=opening)
        header = {id(block) for block in (document.title, *document.fields.values())}
        blocks = [block for _lang, block in document.blocks()]
        for index, block in enumerate(blocks):
            in_header = id(block) in header
            heading = None
            if block is document.title:
                number = title_number(block.text)
            else:
                number = letter_number(block.text, blocks[index + 1].text if index + 1 < len(blocks) else "")
                if number is None and not in_header:
                    number = heading = heading_number(block.text)
            if number is not None and _fits(block, number.start, number.end):
                block.add(span(number.start, number.end, "idno", type=number.type))
            # A document's heading in the text: a telegram's text below it may open with the telegram's number.
            if heading is not None:
                opening = TELEGRAM_TITLE.search(block.text) is not None
                state.telegram = state.telegram or opening
            elif opening and not in_header:
                number = opening_number(block.text)
                if number is not None and _fits(block, number.start, number.end):
                    block.add(span(number.start, number.end, "idno", type=number.type))
                # A heading line may come before the text; a numbered paragraph or a long one is the text.
                opening = not block.text[:1].isdigit() and len(block.text.split()) <= _OPENING_WORDS
            urls = url_spans(block.text)
            for citation in find_citations(block.text):
                if overlaps(citation.start, citation.end, urls):
                    continue
                if citation.ibid and previous is None and "fond" not in citation.stated():
                    reporter.warning(
                        "ibid-unresolved", f"'Ibid.' with no citation before it: {_text(block, citation)!r}", block.line
                    )
                    continue
                values, inherited = resolve_citation(citation, previous)
                _add_citation(block, citation, values, inherited, reporter)
                repository = citation.part("repository")
                found.append(_Found(block, values, block.text[repository.start : repository.end] if repository else ""))
                previous = values
            for number in find_document_numbers(block.text, state):
                if _fits(block, number.start, number.end):
                    block.add(span(number.start, number.end, "idno", type=number.type))
        document.meta.archival = _archival_citation(document, found)
        context.last_citation = previous

    def apply_to_page(self, documents: Sequence[Document], context: Context, reporter: Reporter) -> None:
        """Mark the edition's number a document ends with where the next document's title is the heading naming its
        addressee: a page cut at the heading leaves the letter's number with the letter before (``11`` above
        ``ТЕЛЕГРАММА ЯНСОНУ``)."""
        for document, following in zip(documents, documents[1:], strict=False):
            last = next((d.blocks[-1] for d in reversed(document.divisions) if d.blocks), None)
            number = letter_number(last.text, following.title.text) if last is not None else None
            if last is not None and number is not None and _fits(last, number.start, number.end):
                last.add(span(number.start, number.end, "idno", type=number.type))


def _fits(block: Block, start: int, end: int) -> bool:
    """Whether every span over ``start:end`` holds it whole (a bold title may hold an identifier; an identifier
    holds nothing but its parts, so a correction or a date inside keeps it unmarked)."""
    over = [s for s in block.spans if s.overlaps(start, end)]
    return all(s.start <= start and end <= s.end and s.kind not in IDENTIFIER_AVOIDS for s in over)


def _text(block: Block, citation: Citation) -> str:
    return block.text[citation.start : citation.end]


def _add_citation(
    block: Block, citation: Citation, values: dict[str, str], inherited: list[str], reporter: Reporter
) -> None:
    restate = " ".join(name for name in RANKS if name in inherited) if citation.ibid else ""
    outer = span(
        citation.start, citation.end, "idno", type="archival", inherited=" ".join(inherited), restate=restate, **values
    )
    if outer in block.spans:
        return  # marked by an earlier run
    if not _fits(block, citation.start, citation.end):
        reporter.warning(
            "idno-overlap",
            f"archival citation overlaps other markup, not marked: {_text(block, citation)!r}",
            block.line,
        )
        return
    block.add(outer)
    for part in citation.parts:
        if part.value:
            block.add(span(part.start, part.end, "idno", type=part.name))


def _archival_citation(document: Document, found: list[_Found]) -> ArchivalCitation | None:
    """The first citation of the citation field, else of a citation block, if it names its archive."""
    field_block = document.fields.get("citation")
    chosen = next((f for f in found if f.block is field_block), None) if field_block else None
    chosen = chosen or next((f for f in found if f.block.kind == "citation"), None)
    if chosen is None or "repository" not in chosen.values:
        return None
    parts = {name: chosen.values.get(name, "") for name in ("shelfmark", *RANKS)}
    return ArchivalCitation(chosen.values["repository"], chosen.written_repository, **parts)
