"""The site's lines at the head of a web page (its masthead), and its copyright lines.

A site dates its copy of a document in its own time, which is never the document's: ``Опубликовано в библиотеке:
2020-11-18``, ``• Текст добавлен: 7 октября 2016, 14:52``, ``Posted: May 3, 2019``, or a label alone over the date
(``Добавлен:`` / ``07.05.2019``). Such a publication line, a date of the web's years (1995 on) alone or after a
short label, perhaps with the hour, closes the site's masthead when it stands at the top of the page, above the
document's first sentence: it and every line above it are the site's (its name, section bars, menus, a blurb that
repeats the page's title), except the page's first line when it has the shape of a title, which is the document's
title as the site gives it and stays. What counts as a sentence here leaves out a site's blurb: a line all of whose
sentences are short (``Статьи, заметки, исследования.``) or that repeats the page's title.

Above the first sentence, with no date to anchor them, the site's own lines of their shape are the site's too: its name
by its domain among a few words (``BIBLIOTEKA.BY Беларусь - ...``) or by the word for a collection opening a short line
among the page's first three (``Альманах Россия XX век``, ``Digital Archive International History Declassified``,
``Архив И. В. Сталина``; no figures, not in capitals, no sentence), its tagline of four short clauses or more
(``Сочинения. Доклады. Рефераты. Краткие содержания``), its menu of four short lines or more from the page's first or
second line (no surname among them: that is a list of those present), a book site's record of the book (``Автор книги:
...``, ``Жанр:``), and a wiki's tagline over its skip links (``From Marxists-en``). A page with no sentence below its
head has no masthead: its head may be all the document there is (a telegram of short clauses). Anywhere on the page, a
copyright line of the web's years (``© 2001-2024 Library. Все права защищены``, ``Copyright 2015 ...``) is the site's;
an edition's copyright of its own time (``Copyright by ... Berlin``, ``All rights reserved``) is no web's and stays."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lexicon import ENGLISH_MONTHS, RUSSIAN_MONTHS_GENITIVE, SURNAME_ENDINGS_CYRILLIC, SURNAME_ENDINGS_LATIN
from .layout import STAMP_WORDS

_TOP_LINES = 40
_WEB_YEAR = r"(?:199[5-9]|20\d\d)"
_MONTH = "|".join((*ENGLISH_MONTHS, *(m[:3] for m in ENGLISH_MONTHS), *RUSSIAN_MONTHS_GENITIVE))
WEB_DATE = (
    rf"(?:{_WEB_YEAR}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]{_WEB_YEAR}"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\.?\s+{_WEB_YEAR}(?:\s*г\.)?|(?:{_MONTH})\.?\s+\d{{1,2}},?\s+{_WEB_YEAR})"
)
# A short label (no figures) and the date, perhaps the hour after it: "• Текст добавлен: 7 октября 2016, 14:52".
_PUBLICATION = re.compile(
    rf"^(?:[•·*–-]\s*)?(?P<label>[^\d:\n]{{1,40}}:\s*)?{WEB_DATE}(?:,?\s*(?:в\s+|at\s+)?\d{{1,2}}:\d\d)?\.?$", re.I
)
_LABEL_ALONE = re.compile(r"^[^\d:\n]{1,40}:$")
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright|копирайт).{{0,40}}{_WEB_YEAR}", re.I)
_COPYRIGHT_WORDS = 16
_SENTENCE_WORDS = 8
_CLAUSE_WORDS = 5  # a sentence of the document has one clause of five words at least; a blurb's are shorter
_TITLE_WORDS = 20
_ECHO_WORDS = 3  # a title repeated in a blurb is a few words at least
_SITE_NAME_WORDS = 10
DOMAIN = re.compile(
    r"(?<![\w.@])[\w-]+(?:\.[\w-]+)*\.(?:ru|by|ua|su|kz|com|org|net|info|edu|gov|de|pl|uk|fr)(?![\w.])", re.I
)
# The fields of a book site's record of the book, which no document has.
_BOOK_FIELD = re.compile(
    r"^(?:автор книги|соавторы?|жанры?|возрастные ограничения|рейтинг книги|isbn|book author|genres?|age rating)"
    r"(?:\s*:|\s+[\d-]{10,})",
    re.I,
)
# The word for a collection a site names itself by: "Альманах ...", "Digital Archive ...", "Электронная библиотека ...".
_COLLECTION = re.compile(
    r"^(?:(?:digital|electronic|электронн\w+)\s+)?(?:archive|library|almanac|альманах|архив|библиотека|портал|portal)\s+\S",
    re.I,
)
_COLLECTION_LINES = 3
_COLLECTION_WORDS = 6
_WIKI_FROM = re.compile(r"^(?:from|материал из)\s+\S+(?:\s+\S+){0,5}$", re.I)
_SKIP = re.compile(r"^(?:jump|skip|перейти)\b", re.I)
_TAGLINE_CLAUSES = 4  # a telegram's text may be three short clauses ("Получил. Согласен. Выезжаю.")
_INITIAL = re.compile(r"(?<!\w)\w\.")
_MENU_LINES = 4
_MENU_START = 2  # a menu starts on the page's first or second line of text
# A Russian surname's ending, in any case (``Молотов``, ``Молотову``, ``Вышинскому``, ``Malinovsky``).
_SURNAME = re.compile(
    rf"(?:{'|'.join((*SURNAME_ENDINGS_CYRILLIC, *SURNAME_ENDINGS_LATIN))})(?:[ауыйе]|ом|ым|ой|ому|ого|им)?$", re.I
)
_MENU_WORDS = 3


def masthead(lines: list[str], no_sentence: Callable[[str], object] = lambda line: None) -> dict[int, str]:
    """The lines of a page's masthead and its web copyright lines, by index (see the module's docstring); a line
    ``no_sentence`` tells as the site's (a breadcrumb, a pager, a button) is no sentence of the document."""
    found = {i: "copyright line" for i, line in enumerate(lines) if _copyright(line.strip())}
    head = _head(lines, no_sentence)
    if len(head) == len([line for line in lines[:_TOP_LINES] if line.strip()]):
        return found  # no sentence of a text below: the head may be all the document there is
    found.update({i: "site name" for k, (i, line) in enumerate(head) if _site_name(line) or _collection(line, k)})
    found.update({i: "site tagline" for i, line in head if _tagline(line)})
    found.update(_menus(head))
    found.update(_book_record(head))
    pairs = zip(head, head[1:], strict=False)
    found.update({i: "wiki tagline" for (i, line), (_, below) in pairs if _wiki_from(line, below, no_sentence)})
    title = head[0][1] if head else ""
    for k, (i, line) in enumerate(head):
        if _publication(line, head[k - 1][1] if k else ""):
            kept = 1 if k and _title_shaped(title) else 0
            found.update({j: "site header" for j, _ in head[kept:k]})
            found[i] = "publication line"
    return found


def _head(lines: list[str], no_sentence: Callable[[str], object]) -> list[tuple[int, str]]:
    """The lines with text above the page's first sentence (within ``_TOP_LINES``), by index."""
    head: list[tuple[int, str]] = []
    for i, raw in enumerate(lines[:_TOP_LINES]):
        line = raw.strip()
        if line and _prose(line, head[0][1] if head else "") and not no_sentence(line):
            break
        if line:
            head.append((i, line))
    return head


def _site_name(line: str) -> bool:
    """Whether a line of the page's head names the site by its domain among a few words (``BIBLIOTEKA.BY Беларусь``,
    ``Digital Archive digitalarchive.wilsoncenter.org ...``), the domain no part of a link or a sentence."""
    return (
        len(line.split()) <= _SITE_NAME_WORDS
        and not line.endswith(".")
        and "/" not in line
        and DOMAIN.search(line) is not None
    )


def _collection(line: str, k: int) -> bool:
    """Whether the ``k``-th line of the page's head names the site as a collection: among the first three, a few words
    opening with the word for one, no figures, not in capitals (a stamp or an archive's heading), no sentence."""
    return (
        k < _COLLECTION_LINES
        and _COLLECTION.match(line) is not None
        and len(line.split()) <= _COLLECTION_WORDS
        and not any(ch.isdigit() for ch in line)
        and not line.isupper()
        and line[-1] not in ".!?:;,"
    )


def _book_record(head: list[tuple[int, str]]) -> dict[int, str]:
    """A book site's record of the book in the page's head: its fields (``Автор книги: ...``, ``Жанр:``,
    ``Соавторы: ...``, ``Возрастные ограничения: +16``, ``ISBN ...``), with the value on the next line of a label
    alone (a few words, no sentence)."""
    found: dict[int, str] = {}
    for k, (i, line) in enumerate(head):
        if not _BOOK_FIELD.match(line):
            continue
        found[i] = "book record"
        following = head[k + 1][1] if k + 1 < len(head) else ""
        if (
            line.endswith(":")
            and following
            and len(following.split()) <= _MENU_WORDS * 2
            and following[-1] not in ".!?"
        ):
            found[head[k + 1][0]] = "book record"
    return found


def _wiki_from(line: str, below: str, no_sentence: Callable[[str], object]) -> bool:
    """Whether a line is a wiki's tagline over its skip links: ``From Marxists-en``, ``Материал из Википедии —
    свободной энциклопедии``."""
    return bool(_WIKI_FROM.match(line)) and bool(no_sentence(below)) and bool(_SKIP.match(below))


def _tagline(line: str) -> bool:
    """Whether a line of the page's head is a site's tagline: four short clauses or more, each of a few words
    opening with a capital, no figures, initials or stamps (``Сочинения. Доклады. Рефераты. Краткие содержания``)."""
    clauses = [c.strip() for c in re.split(r"[.!?](?:\s+|$)", line) if c.strip()]
    return (
        len(clauses) >= _TAGLINE_CLAUSES
        and all(len(c.split()) < _CLAUSE_WORDS and c[0].isupper() for c in clauses)
        and not any(ch.isdigit() for ch in line)
        and not _INITIAL.search(line)
        and not STAMP_WORDS.search(line)
    )


def _menus(head: list[tuple[int, str]]) -> dict[int, str]:
    """A site's menu at the top of the page: a run of four lines or more, one under the other, from its first or
    second line of text, each a link's label (a few capitalised words, letters only, not in capitals: a run of those
    is a heading, a stamp or signatures), none a Russian surname in any case. Further down, or with a surname, such a
    run is a list of the document's (those present, the addressees)."""
    start = next((k for k, (_, line) in enumerate(head[:_MENU_START]) if _menu_item(line)), None)
    if start is None:
        return {}
    run = [head[start]]
    for i, line in head[start + 1 :]:
        if i != run[-1][0] + 1 or not _menu_item(line):
            break
        run.append((i, line))
    named = any(_SURNAME.search(line) for _, line in run)
    return {i: "menu" for i, _ in run} if len(run) >= _MENU_LINES and not named else {}


def _menu_item(line: str) -> bool:
    """Whether a line reads as a menu's link: one to three words of letters, the first capitalised, not in capitals."""
    words = line.split()
    return (
        0 < len(words) <= _MENU_WORDS
        and all(w.replace("-", "").isalpha() for w in words)
        and words[0][0].isupper()
        and not line.isupper()
    )


def _publication(line: str, previous: str) -> bool:
    """Whether ``line`` is a site's date of publication: after its label, or alone under a label line."""
    return labelled_publication(line) or (_PUBLICATION.match(line) is not None and bool(_LABEL_ALONE.match(previous)))


def labelled_publication(line: str) -> bool:
    """Whether ``line`` is a site's date of publication after its label (``Posted: May 3, 2019``)."""
    match = _PUBLICATION.match(line)
    return match is not None and match.group("label") is not None


def _copyright(line: str) -> bool:
    """Whether ``line`` is a short line of the web's copyright."""
    return len(line.split()) <= _COPYRIGHT_WORDS and _COPYRIGHT.search(line) is not None


def _prose(line: str, title: str) -> bool:
    """Whether ``line`` is a sentence of a document: eight words or more, ending a sentence, one clause of five words
    at least, not repeating the page's title ``title``."""
    words = line.split()
    if len(words) < _SENTENCE_WORDS or line[-1] not in '.!?»"”)':
        return False
    if len(title.split()) >= _ECHO_WORDS and title in line:
        return False
    return max(len(clause.split()) for clause in re.split(r"[.!?;]", line)) >= _CLAUSE_WORDS


def _title_shaped(line: str) -> bool:
    """Whether the page's first line reads as a title: a few words with letters, not ending in a stop or a colon."""
    return (
        len(line.split()) <= _TITLE_WORDS
        and any(ch.isalpha() for ch in line)
        and line[-1] not in ".:;,"
        and not _PUBLICATION.match(line)
    )
