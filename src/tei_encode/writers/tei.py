"""The TEI writer: one document model in, one TEI P5 tree out.

The header restates (plain text) what the text transcribes; inline markup lives
where the source text is: the export's title and date in ``front``, its
citation in ``sourceDesc/bibl``, its summary in ``abstract``, the
transcriptions in ``body``, the notes in ``back``. Everything is built with
lxml element construction; ids come from the document id and counters.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .. import __version__
from ..diagnostics import Reporter
from ..model import ArchivalCitation, Block, Division, Document, DocumentDate, Party, Span
from ..register import Register, document_day
from ..xmlio import NSMAP, PROJECT_SCHEMAS, XML_NS, tei
from .indent import indent
from .inline import ELEMENTS, render
from .responsibility import add_applications
from .revisions import Responsibilities, revision_desc
from .sections import Sections
from .source_fields import write_field
from .standoff import standoff
from .witnesses import DECISION as WITNESS_DECISION
from .witnesses import witness_subtypes

CLOSER_KINDS = {"signature", "dateline", "salute"}
IN_CLOSER = {"dispatch", "certification", "stamp", "registration"}
# Blocks written as a typed note wherever they stand.
NOTE_KINDS = frozenset({"dispatch", "certification", "facsimile", "physdesc", "citation"})
GROUP_TAGS = {"salute": "salute", "dateline": "dateline", "signature": "signed"}
LANGUAGE_NAMES = {"ru": "Russian", "en": "English", "zh": "Chinese", "de": "German", "fr": "French"}
ARCHIVAL_PARTS = ("fond", "opis", "papka", "delo", "shelfmark", "folios")
# Fields the header or the front has a place for; every other field is a note on the citation.
PLACED_FIELDS = frozenset({"citation", "collection", "summary", "language", "date", "number"})


EDITORIAL_DECISIONS = (
    "Corrections of the source: struck-out text as del, text written above the line as add, a deletion "
    "directly followed by an insertion as subst.",
    "Editorial square brackets of the source: text inside them as supplied, an omission mark or an illegible "
    "passage as gap; the brackets themselves are kept as text.",
    "Dates are normalised to ISO 8601 in the Gregorian calendar: a date given in both the Old Style and the New "
    "Style, and a day of a letter dated in the Old Style, carries its New Style date; a year taken from the "
    'document\'s own date carries cert and evidence="internal".',
    "A word the source runs together with the next one is kept in orig, with the separated reading in reg.",
    'An "Ibid." citation restates, at its end, the archive parts it takes from the citation before it, in an '
    'idno typed "inherited" (text in square brackets that is not in the source).',
    "People the register lacks are linked to provisional entries in standOff, marked for an editor's review.",
)


def encoding_desc(paragraphs: Iterable[str], header: etree._Element) -> etree._Element:
    """An ``encodingDesc`` ending ``header``: the editorial decisions as paragraphs, tei-encode as the application."""
    encoding = etree.SubElement(header, tei("encodingDesc"))
    editorial = etree.SubElement(encoding, tei("editorialDecl"))
    for text in paragraphs:
        _text(editorial, "p", text)
    app_info = etree.SubElement(encoding, tei("appInfo"))
    application = etree.SubElement(app_info, tei("application"), ident="tei-encode", version=__version__)
    _text(application, "label", "tei-encode")
    return encoding


def name_schemas(root: etree._Element) -> None:
    """Put ``<?xml-model?>`` instructions naming the project's schemas before the document element."""
    for href, schematypens in PROJECT_SCHEMAS:
        attributes = f'href="{href}" type="application/xml" schematypens="{schematypens}"'
        root.addprevious(etree.ProcessingInstruction("xml-model", attributes))


class TeiWriter:
    """Writes a Document as a TEI tree."""

    name = "tei"

    def write(self, document: Document, register: Register, reporter: Reporter) -> etree._Element:
        """The TEI element for ``document``."""
        return _Writer(document, register, reporter).build()


class _Writer:
    def __init__(self, document: Document, register: Register, reporter: Reporter) -> None:
        self.doc = document
        self.register = register
        self.reporter = reporter
        self.counters: dict[str, int] = {}
        self.witness_types = witness_subtypes(document.divisions)
        self.referenced = {
            s.attr("key") or s.attr("n") for _, b in document.blocks() for s in b.spans if s.kind == "noteref"
        }
        self.responsible = Responsibilities.of(document)

    def build(self) -> etree._Element:
        root = etree.Element(tei("TEI"), nsmap=NSMAP)
        root.set(f"{{{XML_NS}}}id", self.doc.id)
        root.set(f"{{{XML_NS}}}lang", self.doc.lang)
        name_schemas(root)
        self.header(root)
        text = etree.SubElement(root, tei("text"))
        self.front(text)
        self.body(text)
        self.back(text)
        stand_off = standoff(root, self.register, self.reporter, document_day(self.doc.meta))
        if stand_off is not None:
            root.insert(1, stand_off)
        return indent(root)

    # ------------------------------------------------------------------ inline

    def inline(self, parent: etree._Element, block: Block) -> etree._Element:
        render(parent, block.text, block.spans, self.reporter, self.identify)
        return parent

    def identify(self, s: Span) -> dict[str, str]:
        if s.kind in ("del", "add") and s.attr("change"):
            return {"change": f"#{self.doc.id}-{s.attr('change')}"}
        if s.kind == "note" and s.attr("author"):
            return {"resp": f"#{self.responsible.id_of(s.attr('author'))}"}
        if s.kind != "noteref":
            return {}
        key = s.attr("key") or s.attr("n")
        return {f"{{{XML_NS}}}id": self.next_id(f"nr{key}"), "target": f"#{self.doc.id}-n{key}", "type": "noteAnchor"}

    def next_id(self, stem: str) -> str:
        count = self.counters.get(stem, 0) + 1
        self.counters[stem] = count
        return f"{self.doc.id}-{stem}" + (f"-{count}" if count > 1 else "")

    # ------------------------------------------------------------------ header

    # Every part is made in place (SubElement): a part made apart would be moved into the tree, which
    # creates a document for it and walks it again.

    def header(self, root: etree._Element) -> None:
        doc = self.doc
        header = etree.SubElement(root, tei("teiHeader"))
        file_desc = etree.SubElement(header, tei("fileDesc"))
        title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
        _text(title_stmt, "title", _plain(_without_note_references(doc.title)))
        self.responsible.write(title_stmt)
        publication = etree.SubElement(file_desc, tei("publicationStmt"))
        _text(publication, "p", f"Converted to TEI P5 by tei-encode {__version__} from {doc.source}; not published.")
        source_desc = etree.SubElement(file_desc, tei("sourceDesc"))
        self.source_bibl(source_desc)
        if self.doc.meta.archival is not None:
            self.ms_desc(source_desc, self.doc.meta.archival)
        if not len(source_desc):
            _text(source_desc, "p", f"Transcribed from {doc.source}.")
        decisions = (*EDITORIAL_DECISIONS, *([WITNESS_DECISION] if self.witness_types else []))
        encoding = encoding_desc(decisions, header)
        add_applications(encoding[-1], doc)
        self.profile_desc(header)
        revision_desc(header, doc, self.responsible)

    def source_bibl(self, source_desc: etree._Element) -> None:
        fields = self.doc.fields
        # Fields with no place of their own (credits, the archive, keywords ...) are notes on the citation.
        placed = PLACED_FIELDS if self.doc.meta.original_language else PLACED_FIELDS - {"language"}
        notes = sorted((f for f in fields if f not in placed), key=lambda f: (fields[f].line, f))
        if "citation" in fields or notes:
            bibl = etree.SubElement(source_desc, tei("bibl"), type="citation")
            if "citation" in fields:
                bibl.set("n", fields["citation"].attrs.get("label", "Citation"))
                self.inline(bibl, fields["citation"])
            for name in notes:
                if name in fields:
                    write_field(bibl, name, fields[name], self.inline)
        if "collection" in fields:
            bibl = etree.SubElement(source_desc, tei("bibl"), type="printed-collection")
            _append_lines(bibl, fields["collection"].text)

    def ms_desc(self, source_desc: etree._Element, citation: ArchivalCitation) -> None:
        ms_desc = etree.SubElement(source_desc, tei("msDesc"))
        identifier = etree.SubElement(ms_desc, tei("msIdentifier"))
        repository = citation.repository
        entry = self.register.get(repository)
        rep = _text(identifier, "repository", repository)
        if entry is not None:
            rep.set("ref", f"#{entry.key}")
        for part in ARCHIVAL_PARTS:
            if getattr(citation, part):
                _text(identifier, "idno", getattr(citation, part)).set("type", part)
        physical = [b for d in self.doc.divisions for b in d.blocks if b.kind == "physdesc"]
        if physical:
            phys = etree.SubElement(ms_desc, tei("physDesc"))
            _text(phys, "p", " ".join(_plain(b.text) for b in physical))
        if self.doc.meta.date:
            history = etree.SubElement(ms_desc, tei("history"))
            origin = etree.SubElement(history, tei("origin"))
            etree.SubElement(origin, tei("origDate"), date_attributes(self.doc.meta.date))

    def profile_desc(self, header: etree._Element) -> None:
        doc = self.doc
        profile = etree.SubElement(header, tei("profileDesc"))
        if "summary" in doc.fields:
            abstract = etree.SubElement(profile, tei("abstract"), n=doc.fields["summary"].attrs.get("label", "Summary"))
            self.inline(etree.SubElement(abstract, tei("p")), doc.fields["summary"])
        if doc.correspondence:
            self.corresp_desc(profile)
        lang_usage = etree.SubElement(profile, tei("langUsage"))
        original = doc.meta.original_language
        stated = {original} if original and "language" in doc.fields else set()
        languages = sorted({doc.lang} | {d.attrs["lang"] for d in doc.divisions if d.attrs.get("lang")} | stated)
        for code in languages:
            language = etree.SubElement(lang_usage, tei("language"), ident=code)
            if code == original and "language" in doc.fields:
                language.set("n", doc.fields["language"].attrs.get("label", "Original Language"))
                language.text = doc.fields["language"].text
            else:
                language.text = LANGUAGE_NAMES.get(code, code)

    def corresp_desc(self, profile: etree._Element) -> None:
        c = self.doc.correspondence
        assert c is not None
        corresp = etree.SubElement(profile, tei("correspDesc"))
        sent = etree.SubElement(corresp, tei("correspAction"), type="sent")
        self.parties(sent, c.senders)
        self.parties(sent, c.places)
        if c.date:
            etree.SubElement(sent, tei("date"), dict(sorted(date_attributes(c.date).items())))
        received = etree.SubElement(corresp, tei("correspAction"), type="received")
        self.parties(received, c.addressees)

    def parties(self, parent: etree._Element, parties: Iterable[Party]) -> None:
        for party in parties:
            el = _text(parent, ELEMENTS[party.kind], party.name)
            if party.key and self.register.get(party.key):
                el.set("ref", f"#{party.key}")

    # ------------------------------------------------------------------ text

    def front(self, text: etree._Element) -> None:
        front = etree.SubElement(text, tei("front"))
        date = self.doc.fields.get("date")
        date_first = date is not None and date.line < self.doc.title.line
        # The date goes where the source has it; it is rendered after the title (note reference ids count in order).
        doc_date = etree.SubElement(front, tei("docDate")) if date_first else None
        doc_title = etree.SubElement(front, tei("docTitle"))
        if "number" in self.doc.fields:
            self.inline(etree.SubElement(doc_title, tei("titlePart"), type="number"), self.doc.fields["number"])
        self.inline(etree.SubElement(doc_title, tei("titlePart"), type="main"), self.doc.title)
        if date is not None:
            self.inline(etree.SubElement(front, tei("docDate")) if doc_date is None else doc_date, date)

    def body(self, text: etree._Element) -> None:
        body = etree.SubElement(text, tei("body"))
        if self.doc.meta.contents_label:
            body.set("n", self.doc.meta.contents_label)
        divisions = [d for d in self.doc.divisions if d.kind != "notes"]
        if not divisions:
            etree.SubElement(body, tei("p"))
        sections = Sections(self.inline)
        for k, division in enumerate(self.doc.divisions):
            if division.kind == "notes":
                continue
            if division.kind == "section":
                sections.write(body, division)
            else:
                self.division(body, division, self.witness_types.get(k, ""))

    def division(self, parent: etree._Element, division: Division, subtype: str = "") -> None:
        div = etree.SubElement(parent, tei("div"), type=division.kind)
        for name, value in (("subtype", subtype or division.attrs.get("subtype")), ("n", division.attrs.get("n"))):
            if value:
                div.set(name, value)
        if division.attrs.get("lang"):
            div.set(f"{{{XML_NS}}}lang", division.attrs["lang"])
        blocks = division.blocks
        paragraphs = [i for i, b in enumerate(blocks) if b.kind == "p" and not _is_postscript(b)]
        if not paragraphs:
            for block in blocks:
                self.standalone(div, block)
        else:
            first, last = paragraphs[0], paragraphs[-1]
            closing = last + 1
            while closing < len(blocks) and blocks[closing].kind in CLOSER_KINDS | IN_CLOSER:
                closing += 1
            if first:
                self.group(div, "opener", blocks[:first])
            for block in blocks[first : last + 1]:
                self.standalone(div, block)
            if closing > last + 1:
                self.group(div, "closer", blocks[last + 1 : closing])
            postscript: etree._Element | None = None
            for block in blocks[closing:]:
                if _is_postscript(block):
                    postscript = postscript if postscript is not None else etree.SubElement(div, tei("postscript"))
                    self.standalone(postscript, block)
                else:
                    self.standalone(div, block)
        if not len(div):
            etree.SubElement(div, tei("p"))

    def group(self, div: etree._Element, tag: str, blocks: list[Block]) -> None:
        """An opener or closer holding the blocks before the first or after the last paragraph."""
        group = etree.SubElement(div, tei(tag))
        for block in blocks:
            kind = block.kind
            if kind == "address":
                address = etree.SubElement(group, tei("address"))
                for piece in _line_blocks(block):
                    self.inline(etree.SubElement(address, tei("addrLine")), piece)
            elif kind in GROUP_TAGS:
                self.inline(etree.SubElement(group, tei(GROUP_TAGS[kind])), block)
            elif kind == "stamp":
                self.inline(etree.SubElement(group, tei("stamp")), block)
            elif not self.page_part_or_note(group, block):
                self.inline(etree.SubElement(group, tei("seg"), type=kind), block)

    def standalone(self, div: etree._Element, block: Block) -> None:
        kind = block.kind
        if kind == "p":
            self.inline(etree.SubElement(div, tei("p")), block)
        elif kind == "stamp":
            ab = etree.SubElement(div, tei("ab"), type="stamp")
            self.inline(etree.SubElement(ab, tei("stamp")), block)
        elif not self.page_part_or_note(div, block):
            self.inline(etree.SubElement(div, tei("ab"), type=kind), block)

    def page_part_or_note(self, parent: etree._Element, block: Block) -> bool:
        """A page break with its number, a catchword, the rule over footnotes, or a note of the kinds both places take;
        whether it was one."""
        kind = block.kind
        if kind == "pb":
            pb = etree.SubElement(parent, tei("pb"))
            if block.attrs.get("n"):
                pb.set("n", block.attrs["n"])
            if block.text:
                self.inline(etree.SubElement(parent, tei("fw"), type="pageNum"), block)
        elif kind == "catchword":
            self.inline(etree.SubElement(parent, tei("fw"), type="catchword"), block)
        elif kind == "separator":  # the printed rule over a page's footnotes
            self.inline(etree.SubElement(parent, tei("fw"), type="separator"), block)
        elif kind in NOTE_KINDS:
            self.inline(etree.SubElement(parent, tei("note"), type=kind), block)
        else:
            return False
        return True

    def back(self, text: etree._Element) -> None:
        notes = [d for d in self.doc.divisions if d.kind == "notes"]
        if not notes:
            return
        back = etree.SubElement(text, tei("back"))
        for division in notes:
            div = etree.SubElement(back, tei("div"), type="notes")
            if division.attrs.get("label"):
                div.set("n", division.attrs["label"])
            current: etree._Element | None = None
            for block in division.blocks:
                n = block.attrs.get("n", "")
                key = block.attrs.get("key", n)
                if block.attrs.get("continued") != "yes" or current is None:
                    current = etree.SubElement(div, tei("note"), place="end", n=n)
                    current.set(f"{{{XML_NS}}}id", f"{self.doc.id}-n{key}")
                    if key in self.referenced:
                        current.set("target", f"#{self.doc.id}-nr{key}")
                self.inline(etree.SubElement(current, tei("p")), block)


def _text(parent: etree._Element, tag: str, text: str) -> etree._Element:
    el = etree.SubElement(parent, tei(tag))
    el.text = text
    return el


def _is_postscript(block: Block) -> bool:
    """A paragraph the letter adds after its signature ("P.S. ..."), as the reader marks it."""
    return block.kind == "p" and block.attrs.get("postscript") == "yes"


def _plain(text: str) -> str:
    return " ".join(text.split())


def _without_note_references(block: Block) -> str:
    """The text of ``block`` without its note reference numbers (``Letter to Lenin 1`` -> ``Letter to Lenin``)."""
    text = block.text
    for span in sorted(block.spans_of("noteref"), key=lambda s: s.start, reverse=True):
        text = text[: span.start] + text[span.end :]
    return text


def _append_lines(parent: etree._Element, text: str) -> None:
    for k, line in enumerate(text.split("\n")):
        if k:
            etree.SubElement(parent, tei("lb")).tail = line
        else:
            parent.text = line


def _line_blocks(block: Block) -> list[Block]:
    """A block cut at its line breaks, spans clipped to each line (spans across lines are dropped)."""
    pieces = []
    offset = 0
    for line in block.text.split("\n"):
        end = offset + len(line)
        spans = [
            Span(s.start - offset, s.end - offset, s.kind, s.attrs)
            for s in block.spans
            if offset <= s.start and s.end <= end
        ]
        pieces.append(Block(block.kind, line, spans, block.line))
        offset = end + 1
    return pieces


def date_attributes(value: DocumentDate) -> dict[str, str]:
    """A document date as TEI dating attributes: ``@when``, ``@notBefore``, ``@notAfter``, the ones it has."""
    pairs = (("when", value.when), ("notBefore", value.not_before), ("notAfter", value.not_after))
    return {name: iso for name, iso in pairs if iso}
