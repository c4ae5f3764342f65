"""A site's widgets around a page's text: buttons to share, print or rate it, counters of its views and comments, the
way into a reader's account.

Told by the words every site's interface uses, whatever the site (``Share``, ``Print``, ``Поделиться``,
``Версия для печати``, ``Войти``, ``Личный кабинет``; not ``Печать``, which is also a seal), alone on a short
line or with their counts (``Просмотров: 1234``, ``Comments (3)``, ``Рейтинг: 4.5``), and only where a site puts
them: above the page's first sentence or below its last. A word of them inside the text (``Комментарии`` over an
edition's notes, with no count) is the document's.
"""

from __future__ import annotations

import re

_WIDGET_WORDS = (
    r"share|tweet|print|e-?mail|like|subscribe|bookmark|log\s?in|sign\s?(?:in|up)|register|my account|read more"
    r"|поделиться|распечатать|версия для печати|в закладки|подписаться|войти|вход|выход|регистрация"
    r"|личный кабинет|кабинет|читать далее|нравится"
)
_COUNTED_WORDS = (
    r"views?|comments?|rating|votes?|likes?|downloads?|reads?"
    r"|просмотр\w*|комментари\w*|рейтинг|оценк\w*|голос\w*|скачивани\w*|прочитан\w*"
)
_COUNT = r"\(?\s*\d[\d\s,.]*\)?"
# One or more widget words (separated by spaces, bars or bullets), or a counted word with its count.
_WIDGET = re.compile(
    rf"^(?:(?:{_WIDGET_WORDS})(?:\s*[|•·/]?\s*(?:{_WIDGET_WORDS}))*"
    rf"|(?:{_COUNT}\s*)?(?:{_COUNTED_WORDS})\s*:?\s*{_COUNT}(?:\s*\(?\d*\s*(?:{_COUNTED_WORDS})\)?)?"
    rf"|(?:{_COUNTED_WORDS})\s*:?\s*{_COUNT}(?:\s*[|•·]\s*(?:{_COUNTED_WORDS})\s*:?\s*{_COUNT})+)$",
    re.I,
)
_SENTENCE_WORDS = 8


def widgets(lines: list[str]) -> dict[int, str]:
    """The widget lines above the page's first sentence and below its last, by index."""
    sentences = [i for i, line in enumerate(lines) if _sentence(line.strip())]
    if not sentences:
        return {}
    outside = [*range(sentences[0]), *range(sentences[-1] + 1, len(lines))]
    return {i: "site widget" for i in outside if _WIDGET.match(lines[i].strip())}


def _sentence(line: str) -> bool:
    """Whether a line is a sentence of the text: eight words or more, ending as a sentence does."""
    return len(line.split()) >= _SENTENCE_WORDS and line[-1] in '.!?»"”)'
