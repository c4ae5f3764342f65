"""A site's widgets around a page's text: buttons to share, print or rate it, counters of its views and comments, the
way into a reader's account, and a bar of the site's menu.

Told by the words every site's interface uses, whatever the site (``Share``, ``Print``, ``Поделиться``, ``Версия для
печати``, ``Войти``, ``Личный кабинет``, ``Реклама``, ``Header Ads``; not ``Печать``, which is also a seal), alone on a
short line (perhaps as a label, ``Special pages :``, the links under it gone) or with their counts (``Просмотров:
1234``, ``Comments (3)``, ``1,234 views``, ``Рейтинг: 4.5``), and only where a site puts them: above the page's first
sentence or below its last. A word of them inside the text (``Комментарии`` over an edition's notes, with no count) is
the document's. A search box's label (``Поиск по документам XX века``, ``Search this site``) is a few words after the
word for searching, there too. A line of words and nothing else, two of them or more among the names every site gives
its pages (``Home``, ``About``, ``Contact``, ``Главная``, ``Контакты``, ``Обратная связь``) and two others at most, is
its menu bar, there too. The heading of a site's section with nothing under it closing the page (``Kommentare``,
``Другие записи:``) is the site's, and so is a button in brackets anywhere (``[Show full text]``, ``[Закрыть]``, closing
a note's pop-up). Outside the text too, a blog's tags and categories (``Tags: ...``, ``Метки: ...``, ``Posted in ...``)
and a site's date of publication after its label (``Posted: May 3, 2019``, as at the head in ``readers/masthead.py``)
are the site's, and anywhere such a date in the next cell of a row of the site's record (``Кто опубликовал: |
11.12.2023``).
"""

from __future__ import annotations

import re

from .masthead import DOMAIN, WEB_DATE, labelled_publication

# A button in brackets, anywhere (a note's pop-up closes with "[Закрыть]"): "[Show full text]", "[Скрыть]".
_BUTTON = re.compile(
    r"^\[\s*(?:show|hide|close|expand|collapse|read more|показать|скрыть|закрыть|развернуть|свернуть|подробнее"
    r"|читать далее)(?:\s+[^\[\]]{1,30})?\s*\]$",
    re.I,
)
# A button of a document site, anywhere (under the site's citation of the page, inside its text): "get citation".
_PAGE_BUTTON = re.compile(
    r"^(?:[•·]\s*)?(?:get citation|cite this(?: page| document)?|share (?:this )?document)$", re.I
)
# The heading of a site's section that closes the page, with nothing under it: "Kommentare", "Другие записи:".
_PAGE_END = re.compile(
    r"^(?:comments?|kommentare|комментари[ийя]|другие записи|похожие (?:записи|материалы|статьи)"
    r"|related (?:posts|articles)|читайте также)\s*:?$",
    re.I,
)
# A blog's tags and categories: "Tags: Stalin, Moscow", "Метки: ...", "Posted in Letters".
_TAGS = re.compile(
    r"^(?:(?:tags?|labels|(?:\w+\s+)?(?:categor(?:y|ies)|категори[яи])|метки|теги|ярлыки|рубрик[аи])\s*:"
    r"|(?:posted in|filed under)\b(?!.*\d))",
    re.I,
)
# A row of the site's record of the page, anywhere: a label's cell and a date of the web's years ("Кто опубликовал: |
# 11.12.2023"); no document's table has it.
_RECORD_ROW = re.compile(rf"^[^\d:|\n]{{1,40}}:\s*\|\s*{WEB_DATE}$", re.I)
# A search box: its label or placeholder, a few words ("Поиск по документам XX века", "Search this site").
_SEARCH = re.compile(r"^(?:search|find|поиск|найти|искать)(?:\s+\S+){0,5}$", re.I)
_WIDGET_WORDS = (
    r"share|tweet|print|e-?mail|like|subscribe|bookmark|log\s?in|sign\s?(?:in|up)|my account|read more"
    r"|поделиться|распечатать|версия для печати|в закладки|подписаться|войти|вход|выход|регистрация"
    r"|личный кабинет|кабинет|читать далее|нравится|(?:header |sidebar |footer )?ads?|advertisement|sponsored|реклама"
    r"|special pages|служебные страницы"
    r"|шрифт|размер шрифта|интервал|закладка|font(?: size)?|line spacing|(?:наши |our )?(?:партн[её]ры|partners)"
)
_COUNTED_WORDS = (
    r"views?|comments?|rating|votes?|likes?|downloads?|reads?"
    r"|просмотр\w*|комментари\w*|рейтинг|оценк\w*|голос\w*|скачивани\w*|прочитан\w*"
)
# The names every site gives its own pages, which a menu bar shows.
SITE_PAGES = re.compile(
    r"(?<!\w)(?:home|about(?: us)?|contacts?|search|news|blog|forum|faq|sitemap|log\s?in|sign\s?in|register"
    r"|главная|о проекте|о нас|о сайте|контакты|поиск|новости|форум|карта сайта|обратная связь|войти|регистрация"
    r"|случайная страница)(?!\w)",
    re.I,
)
_MENU_BAR_PAGES = 2
_MENU_BAR_OTHERS = 2
_COUNT = r"\(?\s*\d[\d\s,.]*\)?"
# One or more widget words (separated by spaces, bars or bullets), or a counted word with its count.
_WIDGET = re.compile(
    rf"^(?:[•·]\s*)?(?:(?:{_WIDGET_WORDS})(?:\s*[|•·/]?\s*(?:{_WIDGET_WORDS}))*\s*:?"
    rf"|(?:{_COUNT}\s*)?(?:{_COUNTED_WORDS})\s*:?\s*{_COUNT}(?:\s*\(?\d*\s*(?:{_COUNTED_WORDS})\)?)?"
    rf"|(?:{_COUNTED_WORDS})\s*:?\s*{_COUNT}(?:\s*[|•·]\s*(?:{_COUNTED_WORDS})\s*:?\s*{_COUNT})+"
    rf"|\d[\d\s,.]*\s+(?:{_COUNTED_WORDS})(?:\s*[|•·]\s*\d[\d\s,.]*\s+(?:{_COUNTED_WORDS}))*)$",
    re.I,
)
_SENTENCE_WORDS = 8
_LINK_WORDS = 5
_TAB = re.compile(r"^[•·]\s*\w+$")  # a bulleted word: a tab of the site's


def widgets(lines: list[str]) -> dict[int, str]:
    """The widget lines above the page's first sentence and below its last, a site's section closing the page and
    buttons in brackets anywhere, by index."""
    sentences = [i for i, line in enumerate(lines) if _sentence(line.strip())]
    if not sentences:
        return {}
    outside = [*range(sentences[0]), *range(sentences[-1] + 1, len(lines))]
    found = {
        i: "site button"
        for i, line in enumerate(lines)
        if _BUTTON.match(line.strip()) or _PAGE_BUTTON.match(line.strip())
    }
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    if last > sentences[-1] and _PAGE_END.match(lines[last].strip()):
        found[last] = "site section"
    found |= {i: "site widget" for i in outside if i not in found and _WIDGET.match(lines[i].strip())}
    # a widget's link to another site under it (a few words and the site's domain), its tab over it (``• Citation``)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for i in [i for i, kind in found.items() if kind in ("site widget", "site button")]:
        at = filled.index(i)
        below, above = filled[at + 1 : at + 2], filled[max(0, at - 1) : at]
        if below and below[0] in outside and _site_link(lines[below[0]].strip()):
            found[below[0]] = "site widget"
        if above and above[0] in outside and _TAB.match(lines[above[0]].strip()):
            found[above[0]] = "site widget"
    found |= {i: "tag line" for i in outside if i not in found and _TAGS.match(lines[i].strip())}
    found |= {i: "publication line" for i in outside if i not in found and labelled_publication(lines[i].strip())}
    found |= {i: "site record" for i, line in enumerate(lines) if i not in found and _RECORD_ROW.match(line.strip())}
    found |= {i: "search box" for i in outside if i not in found and _SEARCH.match(lines[i].strip())}
    return found | {i: "menu bar" for i in outside if i not in found and _menu_bar(lines[i].strip())}


def _site_link(line: str) -> bool:
    """Whether a line is a link to a site: a few words and its domain (``Виды спа example.ru.``)."""
    return 0 < len(line.split()) <= _LINK_WORDS and DOMAIN.search(line.removesuffix(".")) is not None


def _menu_bar(line: str) -> bool:
    """Whether a line is a site's menu bar: words of letters only, two of them or more names of a site's pages, and
    two other words at most (the site's name, a section)."""
    others = SITE_PAGES.sub(" ", line).split()
    return (
        all(w.replace("-", "").isalpha() for w in line.split())
        and len(SITE_PAGES.findall(line)) >= _MENU_BAR_PAGES
        and len(others) <= _MENU_BAR_OTHERS
    )


def _sentence(line: str) -> bool:
    """Whether a line is a sentence of the text: eight words or more, ending as a sentence does."""
    return len(line.split()) >= _SENTENCE_WORDS and line[-1] in '.!?»"”)'
