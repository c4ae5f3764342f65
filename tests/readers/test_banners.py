"""A site's lines about itself around a page's text (``readers/banners.py``): its banner, its list of other postings
with their dates, a link given at the page's head and again at its foot."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.readers.banners import banners
from tei_encode.readers.chrome import drop_chrome

TEXT = "The committee met on the third and decided to send the report to the ministry at once."
BANNER = (
    "The Society's web site below is an archive of papers released before 2001. Please see www.example.org for "
    "newer ones. Links may no longer work."
)
POSTINGS = [
    "Related Links",
    "",
    "The Fall of the Wall, 25th Anniversary",
    "November 9, 2014",
    "",
    "The Summit Conversations",
    "April 12, 2013",
    "",
    "The Coup in Moscow, 20 Years Later",
    "August 19, 2011",
]


def test_a_banner_about_the_site_above_the_text_is_the_sites() -> None:
    lines = [BANNER, "", "NOTE: External links to other Internet sites are no endorsement.", "", "Memo", TEXT]
    assert banners(lines) == {0: "site banner", 2: "site banner"}


def test_a_list_of_postings_with_their_web_dates_and_its_heading_is_the_sites() -> None:
    lines = ["Memo of a meeting", *POSTINGS, "", TEXT]
    assert banners(lines) == dict.fromkeys([1, 3, 4, 6, 7, 9, 10], "list of postings")


def test_a_link_at_the_pages_head_and_foot_is_the_sites() -> None:
    assert banners(["[Оглавление]", "", "№ 3", TEXT, "Искренне Ваш", "", "[Оглавление]"]) == {
        0: "repeated link",
        6: "repeated link",
    }


KEPT = {
    # one word of the web is no banner: a document may speak of links
    "one-cue": ["Memo", "The links between the two parties were discussed at length by the committee.", TEXT],
    # a heading that speaks of the web twice is no banner: a recent document's own title may
    "web-heading": ["Internet Links and Web Sites", TEXT],
    # a banner's words between the text's sentences or under them are the document's
    "inside-the-text": [TEXT, BANNER, TEXT],
    "under-the-text": ["Memo", TEXT, BANNER],
    # a chronology of the document's own time: no web dates
    "chronology": ["Chronology", "The Uprising", "October 23, 1956", "The Second Intervention", "November 4, 1956",
                   "The Trial", "June 16, 1958", TEXT],
    # two postings are no list of the site's
    "two-postings": ["The Summit Conversations", "April 12, 2013", "The Coup, 20 Years Later", "August 19, 2011", TEXT],
    # a stamp at head and foot, a date at head and foot, and different lines at head and foot are the document's
    "stamp-at-head-and-foot": ["Совершенно секретно", TEXT, "Совершенно секретно"],
    "date-at-head-and-foot": ["9 января 1920 г.", TEXT, "9 января 1920 г."],
    "head-and-foot-differ": ["[Оглавление]", TEXT, "[Далее]"],
}  # fmt: skip


@pytest.mark.parametrize("case", KEPT, ids=list(KEPT))
def test_the_documents_lines_of_these_shapes_are_kept(case: str) -> None:
    assert banners(KEPT[case]) == {}


SHAPES = st.sampled_from(["", TEXT, BANNER, *POSTINGS, "[Оглавление]", "Совершенно секретно", "October 23, 1956"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(SHAPES, st.text(max_size=30)), max_size=20))
def test_any_page_keeps_every_line_but_those_reported(parts: list[str]) -> None:
    text = "\n".join(parts)
    reporter = Reporter("page.txt")
    kept = drop_chrome(text, reporter).split("\n")
    original = text.split("\n")
    assert len(kept) == len(original) and all(k in (o, "") for k, o in zip(kept, original, strict=True))
    assert {n for n, (k, o) in enumerate(zip(kept, original, strict=True), 1) if k != o} <= {
        d.line for d in reporter.diagnostics
    }
