"""Site chrome: the lines of a copied web page that belong to the site, not to the document.

Told by their shape, never by a site's wording: a navigation bar (three or more short link labels between
``|``, or in small letters when two of them name pages every site has, ``home | about | documents``, or a row of bare
``|``), a breadcrumb (three or more short steps between ``»``, ``›`` or ``>``), a skip
link (``Skip to content``, ``Перейти к содержимому``), the label over a breadcrumb (``You are here``, ``Вы
здесь``) and a pager (``< previous   next >``, an arrow alone ``<<``, ``Страница 3 из 18``, a row of page
numbers ``1 ... 29 30 31 ... 84``). Some chrome is told by its place on the page (``page_chrome``): at the top
of the page, above its first
sentence, the site's header over a navigation block (``Предыдущая`` / ``публикация``, ``Ozleft home``) or a
breadcrumb, the page's name repeating the breadcrumb's last step, its first line as a site lists the page with
links to its versions (``Title (original) (raw)``), a viewer's buttons with a label in another
script (``PDF`` / ``ePub 版``), the list of other items over a row of page numbers, everything above a site's
pager (``1 ... 9 10 11 ... 55``, ``Текущая страница: 10 (всего у книги 48 страниц)``) and above the last of the
site's buttons (a line opening with ``Download``, ``Скачать``, ``Выбрать главу``, ``[ Pobierz ... ]``), the
page's identifier on the site as its first line (``Name ID: RU-15510``), its title with the page's number in the
book (``Title — страница 5 из 28``), a Cyrillic bar of section names (``Архитектура Аудит Военная наука ...``),
everything above a site's widget (``Loading``, ``Время на прочтение: 37 минут(ы)``), under a file site's
button down to its label over the text (``Transcript``; a poll's question is no sentence of the page), above
the page's heading given twice; at the foot of a page, the
site's header repeated; anywhere, a wiki's template table
(every row one value repeated, with or without a bar before the first cell) and its links to other namespaces
(``Template:Name``). Such lines are blanked (so line numbers stay right) and reported; every other line is kept.

A navigation bar may also part its labels by bullets (``Home • Letters • About``). A site's masthead over the date it
published the page and its copyright lines are told in ``readers/masthead.py``, its widgets and menu bars above the
page's first sentence or below its last in ``readers/widgets.py``, its banner about itself, its list of other postings
and a link at the page's head and foot in ``readers/banners.py``.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from .banners import banners
from .layout import plain_spaces
from .masthead import masthead
from .widgets import SITE_PAGES, widgets

# A line of three or more parts between bars (a navigation bar, or a table row: see ``_link_labels``).
NAV_BAR = re.compile(r"^[^|\n]+(?:\|[^|\n]+){2,}$")
_BARS_ONLY = re.compile(r"^(?:\|\s*){3,}$")
# Three or more link labels between bullets ("Home • Letters • About").
_BULLET = re.compile(r"\s[•·]\s")
_BULLET_BAR = re.compile(r"^[^•·\n]+(?:\s[•·]\s[^•·\n]+){2,}$")
_BREADCRUMB_STEP = re.compile(r"\s(?:»|›|>)\s|\s*»\s*")
_TRAILING_STEP = re.compile(r"\s(?:»|›|>)$")
# The signs every breadcrumb step holds: a line without one is no breadcrumb (looked for first, as the patterns above
# are tried at every position of a line).
_STEP_SIGNS = ("»", "›", ">")
_SKIP_LINK = re.compile(
    r"^(?:(?:Skip|Jump) to (?:the )?(?:main )?(?:content|navigation|menu|search)\s*)+$"
    r"|^Перейти к (?:основному )?(?:содержимому|содержанию)$",
    re.I,
)
# A pager: the links to the previous and the next page between angle brackets ("< backward   forward >").
_PAGER = re.compile(r"^(?:<<?|«|‹)\s*\w+(?:\s+\w+)?\s*(?:\|\s*)?\w+(?:\s+\w+)?\s*(?:>>?|»|›)$")
# A pager's arrow alone on its line, a link back or on without a label ("<<", "»", "←").
_ARROW = re.compile(r"^(?:<<|>>|«|»|‹|›|←|→)$")
# A row of page links ("1 ... 29 30 31 32 ... 84").
# "Page 3 of 18", "Текущая страница: 17 (всего у книги 39 страниц)".
_PAGE_OF = re.compile(
    r"^(?:current\s+|текущая\s+)?(?:page|страница|стр\.)\s*:?\s*\d+\s*(?:(?:of|из)\s*\d+|(?P<site>\([^()\d]*\d+[^()\d]*\)"
    r"(?:\s*\[[^\[\]]*\])?))$",  # a site's pager may note the share of the book it shows: "[... 16 страниц]"
    re.I,
)
_PAGE_ROW = re.compile(r"^\d{1,4}(?=.*(?:\.\.\.|…))(?:\s+(?:\d{1,4}|\.\.\.|…)){4,}$")
_HERE = re.compile(r"^(?:You are here|Вы здесь|Вы находитесь здесь)\s*:?$", re.I)
_LABEL_WORDS = 5  # a link label is a few words: more is a sentence
_STEP_WORDS = 8  # a breadcrumb step names a page: a title may run longer than a link


def chrome_kind(line: str) -> str | None:
    """What site chrome a whole line (stripped) is by its shape (``navigation bar``, ``breadcrumb``, ``skip
    link``), or None for a line of the document."""
    if _SKIP_LINK.match(line):
        return "skip link"
    if _HERE.match(line):
        return "breadcrumb"
    if _PAGER.match(line) or _ARROW.match(line) or _PAGE_OF.match(line):
        return "pager"
    if _PAGE_ROW.match(line) and _numbers_rise(line):
        return "pager"
    if _BARS_ONLY.match(line) or (
        "|" in line
        and NAV_BAR.match(line)
        and not line.startswith("|")
        and (_link_labels(line.split("|"), _LABEL_WORDS) or _site_pages(line.split("|")))
    ):
        return "navigation bar"
    if ("•" in line or "·" in line) and _BULLET_BAR.match(line) and _link_labels(_BULLET.split(line), _LABEL_WORDS):
        return "navigation bar"
    if not any(sign in line for sign in _STEP_SIGNS):
        return None
    trailing = _TRAILING_STEP.search(line)
    if trailing:  # a breadcrumb that leaves out the page it leads to: "Writers > 1930 >"
        steps = [step.strip() for step in _BREADCRUMB_STEP.split(line[: trailing.start()])]
        # its steps may be years ("1930"), but its first names a part of the site ("Writers")
        return "breadcrumb" if len(steps) >= 2 and _labels(steps, _STEP_WORDS) and not _figure(steps[0]) else None
    steps = _BREADCRUMB_STEP.split(line)
    if line.startswith(("»", "›")):  # steps of links without a label (a home icon) before the page's name
        steps = [step for step in steps if step.strip()] or [""]
        return "breadcrumb" if _link_labels([*steps, "Home"], _STEP_WORDS * 3) else None
    return "breadcrumb" if len(steps) >= 3 and _link_labels(steps, _STEP_WORDS) else None


def _site_pages(parts: list[str]) -> bool:
    """Whether bars part links in small letters (``home | about | documents | news``): each a few words, no sentence,
    two of them or more names every site gives its pages."""
    labels = [p.strip() for p in parts]
    pages = sum(SITE_PAGES.fullmatch(label) is not None for label in labels)
    short = all(label and len(label.split()) <= _LABEL_WORDS and label[-1] not in ".,;:!?" for label in labels)
    return short and pages >= 2


def _numbers_rise(line: str) -> bool:
    """Whether the numbers of a row rise, as page links do."""
    numbers = [int(n) for n in re.findall(r"\d+", line)]
    return all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


def _link_labels(parts: list[str], words: int) -> bool:
    """Whether every part reads as a link's label (``_labels``) and they are not a row of figures after its
    first cell (a table row of figures is not a navigation bar)."""
    labels = [p.strip() for p in parts]
    return _labels(labels, words) and not all(_figure(label) for label in labels[1:])


def _labels(labels: list[str], words: int) -> bool:
    """Whether every one of ``labels`` reads as a link's: a few words, opening with a capital or a digit, not
    ending a sentence (a table row of sentences is not a navigation bar)."""
    return all(
        label
        and len(label.split()) <= words
        and (label[0].isupper() or label[0].isdigit())
        and label[-1] not in ".,;:!?"
        for label in labels
    )


def _figure(label: str) -> bool:
    """Whether ``label`` is a number (``40,000``, ``1930``)."""
    return label.replace(",", "").replace(".", "").isdigit()


# Every chrome line holds one of these (a cheap test before the patterns).
_CUES = re.compile(
    r"[|»›>•·]|^\s*(?:<<|«|‹|←|→)\s*$|^\s*(?:Skip|Jump|Перейти|You|Вы|Page|Страница|Стр\.)|\.\.\.|…", re.M | re.I
)


def drop_chrome(text: str, reporter: Reporter) -> str:
    """``text`` with its chrome lines blanked, each reported (``site-chrome-dropped``) with its line; the lines are told
    by their shape with their fixed spaces as plain ones (a web page's no-break spaces)."""
    lines = plain_spaces(text).split("\n")
    found = page_chrome(lines)
    if _CUES.search(plain_spaces(text)):
        for index, line in enumerate(lines):
            stripped = line.strip()
            kind = chrome_kind(stripped) if stripped and index not in found else None
            if kind is not None:
                found[index] = kind
    if all(index in found or not line.strip() for index, line in enumerate(lines)):
        return text  # a page of nothing but chrome is no page this module can read: its lines are kept
    lines = text.split("\n")
    for index in sorted(found):
        reporter.info("site-chrome-dropped", f"{found[index]} dropped: {lines[index].strip()!r}", index + 1)
        lines[index] = ""
    return "\n".join(lines) if found else text


# The top of a page: the lines above its first sentence, within this many.
_TOP_LINES = 40
_SENTENCE_WORDS = 8
# A link to the previous, the next or the home page: the word alone, with the kind of page it leads to, or the
# site's name before "home".
_NAV_LINK = re.compile(
    r"^(?:(?:previous|next|back|предыдущая|следующая|назад|далее|вперёд|вперед)"
    r"(?:\s+(?:page|post|entry|article|страница|публикация|запись|статья))?|(?:\w+\s+)?home|главная)$",
    re.I,
)
# A line of a pipe table (``| Text | Text |``) and the rule under its header (``|---|---|``).
_TABLE_ROW = re.compile(r"^\|(?:[^|\n]*\|){2,}$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
# A wiki's link to a page of another namespace (``Template:GalleryAuthors``, ``Special:Search``).
_WIKI_CUE = re.compile(r"^\s*(?:\||Template:|Special:|Category:|Help:|Portal:|Шаблон:|Служебная:|Категория:)")
_WIKI_LINK = re.compile(r"^(?:Template|Special|Category|Help|Portal|Шаблон|Служебная|Категория):\S+$")
_BUTTON_WORDS = 2
# The page's title as a site lists it, with links to its versions after it: "Title (original) (raw)".
_LINKED_TITLE = re.compile(r"^\S.*?(?:\s\([a-zа-яё]+\)){2,}$")


def page_chrome(lines: list[str]) -> dict[int, str]:
    """The chrome told by its place on the page, by line index: see the module's docstring."""
    found: dict[int, str] = {}
    top = _top(lines)
    header_end = max((i for i in top if _NAV_LINK.match(lines[i].strip())), default=None)
    if header_end is not None:  # the navigation block's own lines after its link, then all above it
        while header_end + 1 < len(lines) and lines[header_end + 1].strip() and header_end + 1 in top:
            header_end += 1
        found.update({i: "site header" for i in top if i <= header_end})
    crumbs = [i for i in top if i not in found and chrome_kind(lines[i].strip()) == "breadcrumb"]
    if crumbs:
        found.update({i: "site header" for i in top if i < crumbs[-1]})
        name = _BREADCRUMB_STEP.split(lines[crumbs[-1]].strip())[-1].strip()
        found.update({i: "page name" for i in top if i > crumbs[-1] and lines[i].strip() == name})
        pagers = [i for i in top if i > crumbs[-1] and _PAGE_OF.match(lines[i].strip())]
        if pagers:  # the page's fields between its breadcrumb and its pager
            found.update({i: "page fields" for i in top if crumbs[-1] < i < pagers[-1] and i not in found})
    if top and _LINKED_TITLE.match(lines[top[0]].strip()):
        found[top[0]] = "page title with links"
    if top and _SITE_ID.match(lines[top[0]].strip()):
        found[top[0]] = "page identifier"
    if top and _COUNTED_TITLE.match(lines[top[0]].strip()):
        found[top[0]] = "page title with counter"
    if top and _BOOK_TITLE.match(lines[top[0]].strip()):
        found[top[0]] = "page title with author"
    found.update({i: "category bar" for i in top if _category_bar(lines[i].strip())})
    found.update(_above_repeated_heading(lines, top))
    found.update(_above_site_controls(lines, top, found))
    found.update(_buttons(lines, top))
    found.update(_item_lists(lines, top))
    if any(_WIKI_CUE.match(line) or ("|" in line and _OPEN_ROW.match(line.strip())) for line in lines):
        found.update(_wiki_chrome(lines))
    found.update(_footer(lines, found))
    # lines of chrome of their own shape keep their kind (``drop_chrome`` names them)
    head = {i: kind for i, kind in masthead(lines, no_sentence).items() if not chrome_kind(lines[i].strip())}
    return head | widgets(lines) | banners(lines) | found


def no_sentence(line: str) -> bool:
    """Whether a line that reads as a sentence is the site's: chrome of its shape, a button run on, a poll."""
    return bool(chrome_kind(line) or _button_run_on(line) or _POLL.match(line))


_MENU_WORDS = 6
_BAR_LABEL = re.compile(r"^\w+:\s")


def _category_bar(line: str) -> bool:
    """Whether ``line`` is a site's bar of section names in Cyrillic (where a title capitalises its first word
    only; an English one capitalises them all), after a label or none: six or more words and nothing else, two
    thirds of them capitalised, not all in capitals (a heading), hardly any a preposition or a conjunction (two
    letters or fewer: one in ten)."""
    words = _BAR_LABEL.sub("", line).split()
    if len(words) < _MENU_WORDS or line.isupper() or not all(w.isalpha() for w in words) or _script(line) != "cyrillic":
        return False
    short = sum(len(w) <= 2 for w in words)
    capitalised = sum(w[0].isupper() for w in words)
    return 10 * short <= len(words) and 3 * capitalised >= 2 * len(words)


def _footer(lines: list[str], found: dict[int, str]) -> dict[int, str]:
    """The site's header repeated at the foot of the page: the last lines, each a line of the header or a link to
    the previous or the next page, up to the last line of the document."""
    header = {lines[i].strip() for i, kind in found.items() if kind == "site header"}
    footer: dict[int, str] = {}
    i = len(lines) - 1
    while header and i >= 0 and i not in found:
        stripped = lines[i].strip()
        if stripped and stripped not in header and not _NAV_LINK.match(stripped):
            break
        if stripped:
            footer[i] = "site footer"
        i -= 1
    return footer


# The page's title as a reading site gives it, with the page's number in the book: "Title — страница 5 из 28",
# "Title 12 страница", "Title - Page 3 of 18".
_COUNTED_TITLE = re.compile(
    r"^\S.*?\s(?:[—–-]\s)?(?:(?:страница|page|стр\.)\s*\d+\s*(?:из|of)\s*\d+|\d+\s+страница)$", re.I
)
# A book site's title of the page: the book's title, a hyphen, its author's full Russian name (given name,
# patronymic, surname): "Полное собрание сочинений. Том 47 - Владимир Ильич Ленин". A document's heading gives
# initials and a dash.
_BOOK_TITLE = re.compile(r"^\S.*\s-\s[А-ЯЁ][а-яё]+\s[А-ЯЁ][а-яё]+(?:ич|вна|чна)\s[А-ЯЁ][а-яё-]+$")
# The label a file site puts over the text of the file it shows, under its button: "Transcript".
_TRANSCRIPT_LABEL = re.compile(r"^(?:transcript|текст|расшифровка)\s*:?$", re.I)
# A site's poll: the buttons of its answers before its question ("yes no Was this document useful for you?").
_POLL = re.compile(r"^(?:yes\s+no|да\s+нет)\s.*\?$", re.I)
# A widget of the site at the top of a page, everything above it being the site's: a placeholder while it loads,
# the time reading the page takes ("Время на прочтение: 37 минут(ы)", "5 min read").
_SITE_WIDGET = re.compile(
    r"^(?:loading|загрузка)(?:\.{3}|…)?$|^(?:время (?:на )?(?:прочтени[ея]|чтения)|reading time)\s*:?\s*\d+\s*\S*$"
    r"|^\d+\s*min(?:ute)?s?\s+read$",
    re.I,
)
# The page's identifier on the site, as its first line: "Libmonster ID: RU-15510".
_SITE_ID = re.compile(r"^\w+ ID:\s*[A-Z]*-?\d[\w-]*$")
# A site's button or link to act on the page (read, download, upload, choose a chapter), at the top of a page,
# sometimes between brackets: "Download 6.35 Mb.", "[ Pobierz całość w formacie PDF ]", "Читать онлайн".
_SITE_ACTION = re.compile(
    r"^\[?\s*(?:download|upload|read online|pobierz|скачать|загрузить|читать|читаем|выбрать главу)(?!\w)", re.I
)


def _button_run_on(line: str) -> bool:
    """Whether ``line`` is a button's label in the site's script run on to a text in another, which is no sentence
    of the document: "Upload Опубликованный материал ...". (A sentence opening with such a word is the document's.)"""
    action = _SITE_ACTION.match(line)
    rest = line[action.end() :].split(None, 1) if action else []
    return bool(rest) and _script(line[: action.end()] if action else "") not in ("", _script(rest[0]))


def _above_site_controls(lines: list[str], top: list[int], found: dict[int, str]) -> dict[int, str]:
    """The site's header at the top of a page: a site's button, or the page of a book the site shows, and every
    line above the last of them; under a button, down to the label over the text a file site shows or to a row of
    page numbers (on a page of no button such a row may stand between the documents of the page, see
    ``_item_lists``)."""
    controls = {}
    for i in top:
        stripped = lines[i].strip()
        if _SITE_ACTION.match(stripped):
            controls[i] = "site button"
        elif _SITE_WIDGET.match(stripped):
            controls[i] = "site widget"
        elif controls and _TRANSCRIPT_LABEL.match(stripped):
            controls[i] = "site label"
        elif any(ch.isdigit() for ch in stripped) and _site_pager(stripped, after_button=bool(controls)):
            controls[i] = "pager"
    if not controls:
        return {}
    last = max(controls)
    # lines of chrome of their own shape keep their kind (``drop_chrome`` names them)
    header = {i for i in top if i < last and i not in found and not chrome_kind(lines[i].strip())}
    return dict.fromkeys(header, "site header") | controls


def _above_repeated_heading(lines: list[str], top: list[int]) -> dict[int, str]:
    """The site's header above the page's heading given twice at the top (a byline and a title, then both again):
    the lines above its first copy."""
    texts = [lines[i].strip() for i in top]
    for k in range(len(texts) - 1):
        pair = texts[k : k + 2]
        if any(texts[m : m + 2] == pair for m in range(k + 2, len(texts) - 1)):
            return {i: "site header" for i in top[:k]}
    return {}


def _site_pager(line: str, after_button: bool) -> bool:
    """Whether ``line`` is a site's pager: the page of a book the site shows, or under a button a row of page
    numbers."""
    page_of = _PAGE_OF.match(line)
    if page_of is not None and page_of.group("site"):
        return True
    return after_button and _PAGE_ROW.match(line) is not None and _numbers_rise(line)


def _top(lines: list[str]) -> list[int]:
    """The indexes of the lines with text above the page's first sentence (within ``_TOP_LINES``)."""
    out = []
    for i, line in enumerate(lines[:_TOP_LINES]):
        stripped = line.strip()
        sentence = len(stripped.split()) >= _SENTENCE_WORDS and stripped[-1] in '.!?»"”)'
        if sentence and not chrome_kind(stripped) and not _button_run_on(stripped) and not _POLL.match(stripped):
            break
        if stripped:
            out.append(i)
    return out


def _buttons(lines: list[str], top: list[int]) -> dict[int, str]:
    """A viewer's buttons at the very top: a run of lines of a word or two, one of them in a script the page is not
    written in (the viewer's interface language)."""
    run: list[int] = []
    for i in top:
        if i != (run[-1] + 1 if run else top[0]) or len(lines[i].split()) > _BUTTON_WORDS:
            break
        run.append(i)
    if len(run) < 2:
        return {}
    page = _script("".join(lines[top[-1] + 1 :]))
    if page and any(_script(lines[i]) not in ("", page) for i in run):
        return {i: "viewer buttons" for i in run}
    return {}


def _script(text: str) -> str:
    """The script most letters of ``text`` are in: ``latin``, ``cyrillic``, ``cjk`` or ``""`` (no letters)."""
    counts = {"latin": 0, "cyrillic": 0, "cjk": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        code = ord(ch)
        counts["cyrillic" if 0x400 <= code < 0x530 else "cjk" if code >= 0x2E80 else "latin"] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else ""


def _item_lists(lines: list[str], top: list[int]) -> dict[int, str]:
    """Above a row of page numbers at the top, the links to other items (``290 X — Y``) and labels (``Other
    items:``) of its run of lines."""
    found: dict[int, str] = {}
    for i in top:
        if not (_PAGE_ROW.match(lines[i].strip()) and _numbers_rise(lines[i].strip())):
            continue
        k = i - 1
        while k in top and (_ITEM.match(lines[k].strip()) or _LABEL.match(lines[k].strip())):
            found[k] = "list of other items"
            k -= 1
    return found


_ITEM = re.compile(r"^\d{1,4}\s+[A-ZА-ЯЁ].{0,120}$")
_LABEL = re.compile(r"^\w+(?:\s+\w+){0,3}\s?:$")


# A table row copied without the bar before its first cell: "Category | Template | Form |".
_OPEN_ROW = re.compile(r"^[^|\n]+(?:\|[^|\n]+)*\|$")


def _wiki_chrome(lines: list[str]) -> dict[int, str]:
    """A wiki's template tables (a header, its rule, and rows each repeating one value) and namespace links."""
    found: dict[int, str] = {}
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if _WIKI_LINK.match(stripped):
            found[i] = "wiki link"
        if _OPEN_ROW.match(stripped):
            end = i
            while end < len(lines) and _OPEN_ROW.match(lines[end].strip()):
                end += 1
            found.update(_open_template_tables(lines, i, end))
            i = end
            continue
        end = i
        while end < len(lines) and _TABLE_ROW.match(lines[end].strip()):
            end += 1
        # the run's tables: each a header over its rule, then rows up to the next table's header
        heads = [k - 1 for k in range(i + 1, end) if _TABLE_RULE.match(lines[k].strip())]
        for head, next_head in zip(heads, [*heads[1:], end], strict=False):
            rows = [lines[k].strip() for k in range(head + 2, next_head)]
            if rows and all(map(_one_value, rows)):
                found.update({k: "template table" for k in range(head, next_head)})
        i = max(end, i + 1)
    return found


def _open_template_tables(lines: list[str], start: int, end: int) -> dict[int, str]:
    """The template tables opening a run of rows without a rule under their header, one after the other: each a
    header of distinct values over rows of as many cells, each repeating one value."""
    found: dict[int, str] = {}
    head = start
    while head < end:
        cells = _cells(lines[head])
        rows = head + 1
        while rows < end and len(_cells(lines[rows])) == len(cells) and _one_value(lines[rows]):
            rows += 1
        if rows == head + 1 or len(set(cells)) < len(cells) or len(cells) < 2:
            break  # the rest of the run is a table of the document
        found.update({k: "template table" for k in range(head, rows)})
        head = rows
    return found


def _cells(row: str) -> list[str]:
    """The cells of a table row."""
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _one_value(row: str) -> bool:
    """Whether every cell of a table row holds the same value."""
    return len({cell.strip() for cell in row.strip().strip("|").split("|")}) == 1
