"""Nothing of a line judged chrome is marked up or taken as a title, on pages of many shapes, through the whole
conversion; every other word of the page is in the TEI."""

from __future__ import annotations

import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.diagnostics import Reporter
from tei_encode.pipeline import convert_path
from tei_encode.register import Register
from tei_encode.xmlio import serialize

from ..conftest import CORPUS

TEI = "{http://www.tei-c.org/ns/1.0}"
# Site lines that hold names, places and dates a converter would mark, were they the document's.
HEAD = [
    "Библиотека Москвы: документы Сталина и Молотова",
    "История. Документы. Письма. Москва и Ленинград",
    "Опубликовано в библиотеке: 2020-11-18",
    "Разместил:",
    "Поиск по архиву Сталина",
    "LIBRARY.RU Москва - Ленинград! Архив Сталина",
    "Просмотров: 1941",
    "Home • Stalin • Moscow • About",
]
# Lines chrome by their own shape, wherever they stand in the head or the foot.
_OWN_SHAPE = {
    "Опубликовано в библиотеке: 2020-11-18",
    "Поиск по архиву Сталина",
    "LIBRARY.RU Москва - Ленинград! Архив Сталина",
    "Просмотров: 1941",
    "Home • Stalin • Moscow • About",
    "© 2005-2024 Moscow Library of Lenin",
    "Поделиться",
    "Search the Stalin archive",
    "Views: 1945",
}
FOOT = ["© 2005-2024 Moscow Library of Lenin", "Поделиться", "Search the Stalin archive", "Views: 1945"]
DOCUMENTS = [
    "Письмо В. М. Молотову\n\nДорогой товарищ Молотов! Письмо из Москвы от 3 мая 1930 г. я получил и прочёл.\n\n"
    "И. Сталин\n",
    "Letter to Comrade Molotov\n\nDear Comrade Molotov, your letter from Moscow of May 3, 1930 came today.\n\n"
    "J. Stalin\n",
]


@cache
def register() -> Register:
    """The corpus's register, read once, so that the names of the chrome are ones it links."""
    return Register.from_directory(CORPUS / "register")


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(HEAD), min_size=1, max_size=4, unique=True),
    st.sampled_from(DOCUMENTS),
    st.lists(st.sampled_from(FOOT), max_size=2, unique=True),
)
def test_no_chrome_is_marked_up_or_a_title(head: list[str], document: str, foot: list[str]) -> None:
    page = "\n".join(head) + "\n\n" + document + "\n" + "\n".join(foot) + "\n"
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "page.txt"
        source.write_text(page, encoding="utf-8")
        reporter = Reporter(source.name)
        trees = [etree.fromstring(serialize(item.tree)) for item in convert_path(source, register(), reporter)]
    dropped = {page.split("\n")[d.line - 1] for d in reporter.diagnostics if d.code == "site-chrome-dropped"}
    assert dropped <= {*head, *foot}  # no line of the document is taken for chrome
    assert {line for line in (*head, *foot) if line in _OWN_SHAPE} <= dropped
    # a dropped line is blanked before any reader sees it: none of its text reaches the TEI, in a title, a mention
    # or the text
    for tree in trees:
        everything = " ".join("".join(tree.itertext()).split())
        assert not [line for line in dropped if " ".join(line.split()) in everything]
    words = "".join("".join(tree.find(f"{TEI}text").itertext()) for tree in trees).split()
    assert Counter(document.split()) <= Counter(words)
