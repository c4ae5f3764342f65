"""Property tests: any decisions on any text give valid TEI that keeps every word, and every decision is either
applied or reported."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.editorial.anchors import document_blocks, find
from tei_encode.editorial.decisions import Decision
from tei_encode.editorial.hook import review_and_decide
from tei_encode.editorial.record import record_editors
from tei_encode.enrichers import enrich
from tei_encode.enrichers.context import Context
from tei_encode.readers import READERS
from tei_encode.register import Register
from tei_encode.validate import BaseValidator, default_schemas, load_validator
from tei_encode.writers.tei import TeiWriter
from tei_encode.xmlio import serialize

from ..conftest import CORPUS

WORD = re.compile(r"\w+")
PIECES = ["Kamenev", "Lenin", "Lvov", "Moscow", "Gusarov", "July 24", "1920", "Крым", "the", "and", "[1920]", ".", ","]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map(" ".join)
ACTIONS = st.sampled_from(
    [
        ("link", "", "Lenin"),
        ("link", "", "Kamenev_SS"),
        ("link", "", "Nobody"),
        ("not", "", ""),
        ("ok", "", ""),
        ("mark", "place", "Moscow"),
        ("mark", "person", ""),
        ("mark", "date", "1920-07-24"),
        ("mark", "date", "1920-07/1920-08"),
        ("accept", "", "Gusarov"),
    ]
)
DECISIONS = st.lists(st.tuples(st.sampled_from(PIECES), st.integers(1, 4), ACTIONS), max_size=6)


@cache
def register() -> Register:
    return Register.from_directory(CORPUS / "register")


@cache
def validators() -> list[BaseValidator]:
    return [load_validator(p) for p in default_schemas() if p.suffix != ".xsd"]


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, DECISIONS)
def test_decisions_keep_every_word_and_are_applied_or_reported(
    text: str, rows: list[tuple[str, int, tuple[str, str, str]]]
) -> None:
    reporter = Reporter("generated.txt")
    [document] = READERS["plain"].read(text, "generated.txt", reporter)
    decisions = [
        Decision(
            "decisions.csv",
            line,
            document.id,
            action,
            words_,
            occurrence,
            kind=kind,
            value=value,
            editor=f"E{line % 2}",
        )
        for line, (words_, occurrence, (action, kind, value)) in enumerate(rows, 2)
    ]
    context = Context(register())
    enrich(document, context, reporter)
    decided = review_and_decide([document], context, reporter, decisions, reporter.diagnostics, text.splitlines())
    tree = TeiWriter().write(document, context.register_for(document.id), reporter)
    record_editors(tree, decided[document.id].editors)
    reparsed = etree.fromstring(serialize(tree)).getroottree()
    for validator in validators():
        assert [d.format() for d in validator.iter_errors(reparsed)] == []
    body = reparsed.getroot().find("{http://www.tei-c.org/ns/1.0}text")
    assert words(text) - words(" ".join(body.itertext())) == Counter()
    unmatched = {d.line for d in reporter.diagnostics if d.code == "decision-unmatched"}
    resp = {e.get("resp") for e in reparsed.iter() if e.get("resp")}
    assert resp <= {f"#resp-e{k}" for k in (0, 1)}
    blocks = document_blocks(document)
    for decision in decisions:
        if not find(blocks, decision.text, decision.occurrence) or decision.value == "Nobody":
            assert decision.line in unmatched, decision
