"""Who wrote to whom: senders, addressees, place and date of a letter, from its title and date line.

Titles of letters and cables name the parties: "Telegram from X to Y",
"X to Y", "X - Y", "Cable No. 5542, Filippov [Stalin] to Krasovsky, for Cde.
Mao Zedong"; the addressees end where the topic begins ("X to Y on a
Conversation with Z"). Persons marked by the persons enricher become the parties; a
side without a person is an organisation, named as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..diagnostics import Reporter
from ..model import Block, Correspondence, Document, Party, span
from .names.index import index_for
from .names.rules import is_name_and_patronymic

if TYPE_CHECKING:
    from .context import Context

SEPARATOR = re.compile(r"\s(?:to|для|[-–—])\s", re.I)
# What the letter is about ends the addressees' side: "X to Y on a Conversation with Z", "X - Y о поставках".
TOPIC = re.compile(
    r"\s(?:on|about|regarding|concerning|re:?|with regard to|in connection with|о|об|по поводу|по вопросу)\s", re.I
)
LEADING = re.compile(
    r"^(?:(?:cipher(?:ed)?\s+)?(?:telegram|letter|cable|note|memorandum|message|report)\b[^,]*?\bfrom\s+"
    # a kind of document alone names no sender: "Report to the Political Committee"
    r"|(?:cipher(?:ed)?\s+)?(?:telegram|letter|cable|note|memorandum|message|report|record|memo)\s*$"
    r"|(?:шифр)?(?:телеграмма|письмо|записка|донесение|сообщение)\s+|.*?,\s*|the\s+)",
    re.I,
)


class CorrespondenceEnricher:
    """Fills ``document.correspondence`` for letters and cables whose title names the parties."""

    name = "correspondence"
    priority = 90

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Derive the correspondence from the title, the date line and the document date."""
        title = document.title
        _link_salutation_initials(document)
        sides = side_spans(title)
        if not sides:
            return
        (sent_start, sent_end), (received_start, received_end) = sides
        senders = _parties(title, sent_start, sent_end, context)
        addressees = _parties(title, received_start, received_end, context)
        if not senders and not addressees:
            return
        places = _sending_places(document)
        document.correspondence = Correspondence(senders, addressees, places, document.meta.date)
        if not any(p.key for p in senders + addressees):
            reporter.warning("correspondents-unlinked", "no correspondent of the title is in the register")


def _link_salutation_initials(document: Document) -> None:
    """A salutation by a given name and patronymic abbreviated (``Dear A. M.,``) that nothing linked addresses the
    one person the title names, a letter titled by its addressee (``TO MAXIM GORKY``)."""
    refs = {s.attr("ref") for s in document.title.spans_of("person") if s.attr("ref")}
    if len(refs) != 1:
        return
    ref = refs.pop()
    for _, block in document.blocks():
        if block.kind != "salute":
            continue
        for s in block.spans_of("person"):
            if not s.attr("ref") and is_name_and_patronymic(block.text[s.start : s.end]):
                block.spans.remove(s)
                block.add(span(s.start, s.end, "person", ref=ref))


def side_spans(title: Block) -> list[tuple[int, int]]:
    """The offsets of the senders' and the addressees' side of a title, without its lead-in; none if no separator."""
    separator = SEPARATOR.search(title.text)
    if separator is None:
        return []
    lead = LEADING.match(title.text[: separator.start()])
    start = lead.end() if lead else 0
    topic = TOPIC.search(title.text, separator.end())
    return [(start, separator.start()), (separator.end(), topic.start() if topic else len(title.text))]


def _parties(block: Block, start: int, end: int, context: Context) -> list[Party]:
    parties: list[Party] = []
    keys: set[str] = set()
    for s in sorted(block.spans):
        if s.kind == "person" and start <= s.start and s.end <= end:
            key = s.attr("ref").lstrip("#")
            if key and key in keys:
                continue
            keys.add(key)
            parties.append(Party("person", block.text[s.start : s.end], key))
    if parties:
        return parties
    text = block.text[start:end].strip(" ,.;")
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return [Party("org", text, _organisation_key(text, context))] if text else []


def _organisation_key(name: str, context: Context) -> str:
    """The register's key of the organisation ``name`` is one of the names of ("" if none or several), by its words
    alone: 'RCP (b)' and 'RCP(b)' are one."""
    keys = index_for(context.register, "org").keys_named(name)
    return keys[0] if len(keys) == 1 else ""


def _sending_places(document: Document) -> list[Party]:
    for division in document.divisions:
        for block in division.blocks:
            if block.kind != "dateline":
                continue
            for s in block.spans_of("place"):
                return [Party("place", block.text[s.start : s.end], s.attr("ref").lstrip("#"))]
    return []
