"""A collection page opening inside a letter (``readers/collection.py``): the end of that letter above the page's
first numbered item is a document of its own, not the collection's header."""

from __future__ import annotations

import pytest

from .pages import read, texts

ITEMS = """No. 47

PERSONAL AND SECRET FROM THE PRESIDENT TO PREMIER PETROV

I have just received your personal letter, a copy of which you sent me by the admiral.

No. 48

PERSONAL AND SECRET FROM PREMIER PETROV TO THE PRESIDENT

Your message of October 24 received, and I thank you for the news it brings of the convoy.
"""
OPENINGS = {
    "two-sentences": "Vegetable oil, ten thousand tons a month, will follow in the coming months.\n\n"
    "I shall let you know of the supply of aluminium, which I am still studying, very soon.\n\n",
    "sentence-and-archive": "The committee was told of the coming trial by the chairman of the state security.\n"
    "7 January 1972, No. 40-A\nRGASPI, f. 89, op. 37, d. 45, l. 2\n\n",
}


@pytest.mark.parametrize("case", OPENINGS, ids=list(OPENINGS))
def test_the_end_of_a_letter_above_the_first_item_is_a_document(case: str) -> None:
    name, documents = read(OPENINGS[case] + ITEMS)
    assert name == "collection"
    assert [d.meta.number for d in documents] == ["", "47", "48"]
    assert "collection" not in documents[1].fields
    opening = documents[0]
    kept = " ".join([opening.title.text, texts(opening)])
    assert sorted(kept.split()) == sorted(OPENINGS[case].split())


def test_a_collections_header_stays_the_header_of_each_item() -> None:
    header = "Correspondence of the Leaders. 1941-1945\nCollection of documents, 1957.\n\n"
    header += "The letters are printed from the originals kept in the archive of the foreign ministry.\n\n"
    name, documents = read(header + ITEMS)
    assert name == "collection"
    assert [d.meta.number for d in documents] == ["47", "48"]
    assert documents[0].fields["collection"].text.startswith("Correspondence of the Leaders")
