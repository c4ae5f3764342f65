"""Site chrome told by its shape (``readers/chrome.py``): navigation bars, breadcrumbs, skip links."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.readers.chrome import chrome_kind, drop_chrome

CHROME = {
    "Home | Archive | Letters | About": "navigation bar",
    "Index  |  Volume 12 | Works  |  Contact": "navigation bar",
    "| | | |": "navigation bar",
    "Главная » Документы » Том 3 » Письмо (страница 2)": "breadcrumb",
    "Library > Collections > Papers of A. B. Smith": "breadcrumb",
    "Skip to main content": "skip link",
    "Перейти к содержимому": "skip link",
    "You are here:": "breadcrumb",
    "Вы здесь": "breadcrumb",
    "< backward   forward >": "pager",
    "« Previous | Next »": "pager",
}
TEXT = [
    "Stalin to Kaganovich October 2, 1933",
    "| Name | Place | Year |",  # a table row opens with a bar
    "1932 | 40,000 | 3,000 | 12",  # a row of figures
    "We decided: | first, to wait | second, to write to him. |",
    "Write to me > tomorrow > or the day after, as you wish and as the post allows.",
    "x > y > z",
    "The value rose > 5 per cent.",
    "<b> bold </b>",
    "x < y and y > z",
    "Skip to content, he wrote, is what they say on the site.",
]


@pytest.mark.parametrize("line", CHROME, ids=list(CHROME))
def test_chrome_lines(line: str) -> None:
    assert chrome_kind(line) == CHROME[line]


@pytest.mark.parametrize("line", TEXT, ids=TEXT)
def test_lines_of_text(line: str) -> None:
    assert chrome_kind(line) is None


def test_chrome_is_blanked_in_place_and_reported_with_its_line() -> None:
    reporter = Reporter("page.txt")
    text = "Title\nHome | Letters | About\nThe letter.\n"
    assert drop_chrome(text, reporter) == "Title\n\nThe letter.\n"
    [diagnostic] = reporter.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("site-chrome-dropped", 2)
