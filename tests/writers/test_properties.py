"""Property tests: any text in gives well-formed TEI, valid against the project schema, keeping every word."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context, enrich
from tei_encode.readers import READERS
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator
from tei_encode.validate.relaxng import RelaxNGValidator
from tei_encode.writers.tei import TeiWriter
from tei_encode.xmlio import serialize

from ..conftest import CORPUS

WORD = re.compile(r"\w+")
ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.sampled_from(
    list('\n\n  ~~^{}[]*.,;:№/-"„“')
    + [
        "Сталину",
        "Stalin's",
        "July 24 [1920]",
        "26/IX 1951 г.",
        "RGASPI, f. 558, op. 1, d. 2, l. 3",
        "~~del~~",
        "^{add}",
        "[...]",
        "No. 5",
        "1We",
        "Moscow",
    ]
)
TEXTS = st.lists(ALPHABET, min_size=1, max_size=60).map("".join).filter(lambda t: t.strip() != "")


@cache
def register() -> Register:
    return Register.from_directory(CORPUS / "register")


@cache
def project_rng() -> RelaxNGValidator:
    validator = load_validator(default_schemas()[0])
    assert isinstance(validator, RelaxNGValidator)
    return validator


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(unicodedata.normalize("NFC", text).casefold()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_valid_tei_that_keeps_every_word(text: str) -> None:
    reporter = Reporter("generated.txt")
    text = text.replace("\r", "\n")
    for document in READERS["plain"].read(text, "generated.txt", reporter):
        enrich(document, Context(register()), reporter)
        tree = TeiWriter().write(document, register(), reporter)
        reparsed = etree.fromstring(serialize(tree))
        errors = [d.format() for d in project_rng().iter_errors(reparsed)]
        assert errors == []
        body = reparsed.find("{http://www.tei-c.org/ns/1.0}text")
        kept = words(" ".join(body.itertext()))
        source = words(text.replace("~~", " ").replace("^{", " ").replace("**", " "))
        assert source - kept == Counter()
