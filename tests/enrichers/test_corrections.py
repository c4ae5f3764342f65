"""Tests of the corrections enricher: deletions and insertions that notes of the source describe."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter, Severity
from tei_encode.enrichers import Context
from tei_encode.enrichers.corrections import CorrectionsEnricher
from tei_encode.model import Block, Division, Document, span
from tei_encode.pipeline import convert_path
from tei_encode.readers import READERS
from tei_encode.register import Register
from tei_encode.validate import default_schemas, load_validator

from ..conftest import CORPUS

NS = {"tei": "http://www.tei-c.org/ns/1.0"}

PAGE = """A Collection. 1920-1921

No. 7

Letter from A. B. Author to C. D. Reader

May 5 [1920]

Moscow, 5/5.

We go by sea, not through the mountains 1, and the mountains will wait for a better season of the year.

Author.

RGASPI. F. 1. Op. 2. D. 3. L. 4. Autograph.

Notes:

1 The words "not through the mountains" were added by the author above the line.

No. 8

Letter from C. D. Reader to A. B. Author

May 9 [1920]

The road is closed and I stay here for the winter 1. Tell everybody that the road is closed until spring.

Reader.

Ibid. D. 5. L. 6. Copy.

Notes:

1 The words "the road is closed" are crossed out in the original.
"""


def corrected(text: str, note: str, anchor: int | None = None) -> Block:
    """The paragraph ``text`` after the enricher has read ``note`` (note 1, referenced at ``anchor``)."""
    paragraph = Block("p", text)
    if anchor is not None:
        paragraph.add(span(anchor, anchor + 1, "noteref", n="1"))
    notes = Division("notes", [Block("note", note, attrs={"n": "1"})])
    document = Document(
        "d1", "test", "letter", "en", Block("title", "A title"), {}, [Division("letter", [paragraph]), notes]
    )
    CorrectionsEnricher().apply(document, Context(), Reporter())
    return paragraph


def marked(block: Block) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return [(s.kind, block.text[s.start : s.end], s.attrs) for s in sorted(block.spans) if s.kind in ("del", "add")]


@pytest.mark.parametrize(
    ("text", "note", "expected"),
    [
        (
            "Send it to Petersburg, not through Vienna 2.",
            'The words "not through Vienna" were added by Zinoviev above the line.',
            [("add", "not through Vienna", (("place", "above"),))],
        ),
        (
            "Yudenich is at Ligovo. Zinoviev is nervous 2 .",
            'The words "Zinoviev is nervous" were crossed out by Trotsky and were not transmitted.',
            [("del", "Zinoviev is nervous", (("rend", "strikethrough"),))],
        ),
        (
            "I am ready to leave the post and transfer it to Kuibyshev 1 , who is stronger.",
            'The words "I am ready to leave the post and transfer it to Kuibyshev" are crossed out in the original. '
            "F. E. Dzerzhinsky died on July 20, 1926.",
            [("del", "I am ready to leave the post and transfer it to Kuibyshev", (("rend", "strikethrough"),))],
        ),
        (
            "Прошу передать это Сталину и Каменеву 1.",
            "Слова «и Каменеву» вписаны рукой В. М. Молотова над строкой.",
            [("add", "и Каменеву", (("place", "above"),))],
        ),
        (
            "Ехать надо немедленно, не через Вену 1.",
            "В подлиннике слова «не через Вену» зачеркнуты.",
            [("del", "не через Вену", (("rend", "strikethrough"),))],
        ),
        (
            "Ехать надо немедленно 1.",
            "Вписано рукой В. И. Ленина: «немедленно».",
            [("add", "немедленно", ())],
        ),
        (
            "Come at once, come today 1.",
            'Crossed out: "at once" and "today".',
            [("del", "at once", (("rend", "strikethrough"),)), ("del", "today", (("rend", "strikethrough"),))],
        ),
        (
            "The word is written\nin the margin here 1.",
            'The words "written in the margin" were deleted.',
            [("del", "written\nin the margin", ())],
        ),
        (
            "The answer must be sent: Agree 1.",
            'Lenin wrote "Agree" and added that the answer must be sent.',
            [],
        ),
        (
            "We will not wait for them 1.",
            'The end of the sentence, beginning with the words "we will not", is crossed out.',
            [],
        ),
        (
            "Text in italics. The rest of the telegram 1.",
            "Text in italics was crossed out by Stalin's hand and was not included in the sent telegram.",
            [],
        ),
        (
            "Orel will be ours by the morning 1.",
            'The words "Kursk will be ours" were crossed out in the original.',
            [],
        ),
    ],
    ids=[
        "added-above-the-line",
        "crossed-out-by",
        "crossed-out-long-note",
        "russian-inserted",
        "russian-struck-out",
        "russian-verb-first",
        "verb-first-list",
        "across-a-line-break",
        "active-verb-is-no-correction",
        "passage-edge",
        "italics-lost",
        "words-not-in-the-text",
    ],
)
def test_corrections_described_in_notes(text: str, note: str, expected: list) -> None:
    anchor = max(i for i, ch in enumerate(text) if ch.isdigit())
    assert marked(corrected(text, note, anchor)) == expected


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("We discussed On the grain trade 1 at length.", 'The item "On the grain trade" was added to the agenda.'),
        ("He wrote Our tasks 1 last year.", 'The article "Our tasks" was deleted by the censor.'),
        ("Газета напечатала Наши задачи 1.", "Статья «Наши задачи» вычеркнута из плана номера."),
        ("They read Iskra 1 every week.", 'The newspaper "Iskra" was added to the list by Lenin.'),
    ],
    ids=["agenda-item", "article-title", "russian-article", "newspaper-by-a-person"],
)
def test_a_quoted_title_with_a_passive_verb_is_no_correction(text: str, note: str) -> None:
    anchor = max(i for i, ch in enumerate(text) if ch.isdigit())
    assert marked(corrected(text, note, anchor)) == []


@pytest.mark.parametrize(
    ("text", "note", "expected"),
    [
        ("Send Kamenev 1 too.", 'The name "Kamenev" was written in by Molotov above the line.', ("add", "Kamenev")),
        ("Send it today 1.", '"Send it today" was added in Lenin\'s hand.', ("add", "Send it today")),
        ("Пришлите Зиновьева 1.", "Фамилия «Зиновьева» вписана рукой Ленина.", ("add", "Зиновьева")),
        ("Come at once and today 1.", 'The words "at once" and "today" were struck out.', ("del", "at once")),
    ],
    ids=["the-name", "in-a-hand", "russian-surname", "list-after-the-words"],
)
def test_a_quotation_named_as_words_or_by_a_hand_is_a_correction(text: str, note: str, expected: tuple) -> None:
    anchor = max(i for i, ch in enumerate(text) if ch.isdigit())
    assert [(kind, words) for kind, words, _ in marked(corrected(text, note, anchor))][0] == expected


def test_the_occurrence_nearest_before_the_reference_is_marked() -> None:
    text = "Write it now. Then, when you can, write it now 1 and send it."
    [(kind, words, _)] = marked(block := corrected(text, 'The words "write it now" were added in pencil.', 46))
    assert (kind, words) == ("add", "write it now")
    assert block.spans_of("add")[0].start == text.index("write it now")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("We stay here and we stay here.", []), ("We stay here.", [("del", "stay here", (("rend", "strikethrough"),))])],
    ids=["ambiguous", "unique"],
)
def test_without_a_reference_only_a_unique_occurrence_is_marked(text: str, expected: list) -> None:
    assert marked(corrected(text, 'The words "stay here" were struck out.')) == expected


def test_a_page_of_letters_each_note_marks_its_own_letter() -> None:
    reporter = Reporter("page.txt")
    documents = READERS["collection"].read(PAGE, "page.txt", reporter)
    enricher = CorrectionsEnricher()
    for document in documents:
        enricher.apply(document, Context(), reporter)
    first, second = ([marked(b) for d in doc.divisions for b in d.blocks if marked(b)] for doc in documents[:2])
    assert first == [[("add", "not through the mountains", (("place", "above"),))]]
    assert second == [[("del", "The road is closed", (("rend", "strikethrough"),))]], "the one before the reference"
    assert all(b.kind == "note" for d in documents[0].divisions[1:] for b in d.blocks), "the note is kept"


def test_noted_corrections_become_valid_tei_and_the_notes_stay(tmp_path: Path) -> None:
    source = tmp_path / "letters-7-8.txt"
    source.write_text(PAGE, encoding="utf-8")
    reporter = Reporter(source.name)
    items = convert_path(source, Register.from_directory(CORPUS / "register"), reporter)
    assert not [d for d in reporter if d.severity is Severity.ERROR]
    first, second = (item.tree for item in items[:2])
    assert [(e.get("place"), e.text) for e in first.iterfind(".//tei:body//tei:add", NS)] == [
        ("above", "not through the mountains")
    ]
    assert [(e.get("rend"), e.text) for e in second.iterfind(".//tei:body//tei:del", NS)] == [
        ("strikethrough", "The road is closed")
    ]
    assert "crossed out" in "".join(second.find(".//tei:back//tei:note", NS).itertext())
    for item in items[:2]:
        for schema in default_schemas():
            assert list(load_validator(schema).iter_errors(item.tree.getroottree(), source.name)) == []


@settings(max_examples=60, deadline=None)
@given(words=st.text(alphabet="abcdefgh ", min_size=2, max_size=30), text=st.text(min_size=0, max_size=80))
def test_marks_are_exactly_the_quoted_words(words: str, text: str) -> None:
    """Whatever the text, a mark covers the quoted words as they stand (the first letter in either case, as a
    quotation from the start of a sentence may differ there), and nothing else is marked."""
    note = f'The words "{words}" were crossed out.'
    for kind, found, _ in marked(corrected(text, note)):
        assert kind == "del"
        assert found and _first_letter_lowered(found.split()) == _first_letter_lowered(words.split())


def _first_letter_lowered(words: list[str]) -> list[str]:
    return [words[0][:1].lower() + words[0][1:], *words[1:]] if words else []
