"""Property tests: any text in gives well-formed TEI, valid against the project schema, keeping every word."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.cli import main
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


ANY_TEXT = st.lists(
    st.characters() | st.sampled_from(["\r\n", "\r", "\ufeff", "~~", "^{", "}", "**", "]]>", "&amp;", "<p>", "No. 7"]),
    max_size=40,
).map("".join)
MARKERS = re.compile(r"~~|\^\{|\}|\*")


def non_space(text: str) -> Counter[str]:
    return Counter(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_text_through_convert_is_refused_clearly_or_kept_whole(text: str, encoding: str) -> None:
    """The command-line path: a file in any encoding we accept, holding any text at all."""
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "any.txt", Path(tmp) / "out"
        source.write_bytes(text.encode(encoding, "surrogatepass"))
        result = CliRunner().invoke(
            main, ["convert", str(source), "-o", str(out), "--register", str(CORPUS / "register"), "--format", "plain"]
        )
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        decodable = encoding != "utf-16" or not re.search("[\ud800-\udfff]", text)
        forbidden = re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", text)
        # A U+FEFF the text starts with is a byte-order mark once written in UTF-8 without one.
        body = text[1:] if encoding == "utf-8" and text.startswith("\ufeff") else text
        if not decodable or forbidden or not body.strip():
            assert result.exit_code == 2
            assert f"{source}:" in result.output
            assert not out.exists() or not any(out.iterdir())
            return
        assert result.exit_code == 0, result.output
        reparsed = etree.parse(str(out / "any.xml")).getroot()
        assert [d.format() for d in project_rng().iter_errors(reparsed)] == []
        kept = non_space("".join(reparsed.find("{http://www.tei-c.org/ns/1.0}text").itertext()))
        assert non_space(MARKERS.sub("", body)) - kept == Counter()


MARKED = ["Сталину", "Москву", "Мукдена", "Аньдуна", "1 декабря", "27 ноября", "1950 г.", "Stalin", "Moscow",
          "July 24", "1920", "No. 5", "RGASPI, f. 558, op. 1, d. 2"]  # fmt: skip
CORRECTION = st.sampled_from(["~~{0}~~ ^{{{1}}}", "~~{0}~~^{{{1}}}", "~~{0}~~", "^{{{0}}}", "^{{{0}}} {1}",
                              "~~{0}~~ {1}", "~~{0} {1}~~"])  # fmt: skip


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    CORRECTION,
    st.sampled_from(MARKED),
    st.sampled_from(MARKED),
    st.sampled_from(["", "к ", "to ", "из "]),
    st.sampled_from(["", " 1950 г.", " утром.", " 1920"]),
)
def test_corrections_over_names_and_dates_give_valid_tei(
    form: str, first: str, second: str, before: str, after: str
) -> None:
    """A name or date struck out or inserted, or running on past the correction, nests into valid TEI."""
    text = "Товарищу Сталину.\n\nПрошу " + before + form.format(first, second) + after + "\n"
    reporter = Reporter("generated.txt")
    for document in READERS["plain"].read(text, "generated.txt", reporter):
        enrich(document, Context(register()), reporter)
        reparsed = etree.fromstring(serialize(TeiWriter().write(document, register(), reporter)))
        assert [d.format() for d in project_rng().iter_errors(reparsed)] == []
