"""Date shapes of cables and of coordinated months and quarters, as the gold conventions read them."""

from __future__ import annotations

import pytest

from tei_encode.enrichers.dates.enricher import RULES, find_dates


def found(text: str, year: int | None) -> list[tuple[str, str]]:
    """Each date as (its text, its value): ``when``, or ``not_before..not_after``."""
    return [(text[m.start : m.end], m.when or f"{m.not_before}..{m.not_after}") for m in find_dates(text, year)]


COORDINATED = [
    ("in September and October 1931 the plan", None, [("September and October 1931", "1931-09-01..1931-10-31")]),
    ("during July and August we waited", 1920, [("July and August", "1920-07-01..1920-08-31")]),
    ("в январе и феврале было тихо", 1941, [("январе и феврале", "1941-01-01..1941-02-28")]),
    ("в мае и июне 1941 г.", None, [("мае и июне 1941 г.", "1941-05-01..1941-06-30")]),
    ("in the fourth quarter of the year 1931", None, [("fourth quarter of the year 1931", "1931-10-01..1931-12-31")]),
    ("в октябре и сентябре", 1941, [("октябре", "1941-10"), ("сентябре", "1941-09")]),  # backwards: two months
]


@pytest.mark.parametrize(("text", "year", "expected"), COORDINATED, ids=[c[0] for c in COORDINATED])
def test_coordinated_months_are_one_range(text: str, year: int | None, expected: list[tuple[str, str]]) -> None:
    assert found(text, year) == expected


@pytest.mark.parametrize("text", [c[0] for c in COORDINATED])
def test_quick_tests_pass_the_coordinated_examples(text: str) -> None:
    for rule in RULES:
        if rule.pattern.search(text):
            assert rule.may_match(text, {}), rule.pattern.pattern


CABLES = [
    (
        "Re Embtel 286 Aug 7, Deptel 172 July 22, Deptel 311 Aug 8.",
        1961,
        [("Aug 7", "1961-08-07"), ("July 22", "1961-07-22"), ("Aug 8", "1961-08-08")],
    ),
    (
        "views outlined ur 87 Jan 201 and 99 Jan 23.2 Though",
        1949,
        [("Jan 201", "1949-01-20"), ("Jan 23", "1949-01-23")],
    ),
    ("Party Congress on October 253 in which he", 1961, [("October 253", "1961-10-25")]),
    ("Embassy in Germany, 12. August 1961", None, [("12. August 1961", "1961-08-12")]),
    ("Your cable of Jan 13 1950 came", None, [("Jan 13 1950", "1950-01-13")]),
    ("Sept 30 at 7:30", 1950, [("Sept 30", "1950-09-30")]),
]
NOT_CABLE_DATES = [
    ("at Dec 7:30", 1950),  # a time, not a day
    ("Aug 3,500 tons", 1950),  # a number
    ("Nov 2.25 per cent", 1950),  # a decimal
    ("Jan 45 was", 1950),  # no day
    ("October 2531", None),
]


@pytest.mark.parametrize(("text", "year", "expected"), CABLES, ids=[c[0] for c in CABLES])
def test_cable_dates(text: str, year: int | None, expected: list[tuple[str, str]]) -> None:
    assert found(text, year) == expected


@pytest.mark.parametrize(("text", "year"), NOT_CABLE_DATES, ids=[c[0] for c in NOT_CABLE_DATES])
def test_not_cable_dates(text: str, year: int | None) -> None:
    assert found(text, year) == []


@pytest.mark.parametrize("text", [c[0] for c in CABLES + NOT_CABLE_DATES])
def test_quick_tests_pass_the_cable_examples(text: str) -> None:
    for rule in RULES:
        if rule.pattern.search(text):
            assert rule.may_match(text, {}), rule.pattern.pattern


AMERICAN = [
    ("Dispatched from Havana on 11.21.1962 at 19:00", None, [("11.21.1962", "1962-11-21")]),
    ("on 10/14/50 he", None, [("10/14/50", "1950-10-14")]),
    ("see 1.21.3", None, []),  # a section number
]


@pytest.mark.parametrize(("text", "year", "expected"), AMERICAN, ids=[c[0] for c in AMERICAN])
def test_american_order_with_full_stops(text: str, year: int | None, expected: list[tuple[str, str]]) -> None:
    assert found(text, year) == expected
    for rule in RULES:
        if rule.pattern.search(text):
            assert rule.may_match(text, {}), rule.pattern.pattern


def test_a_russian_span_of_years_with_po() -> None:
    text = "первый секретарь ЦК КП Украины с 1963 по 1972 год"
    assert found(text, 1968) == [("1963 по 1972 год", "1963..1972")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MNO-1968, sekr. min. 2/1-9, Military Historical Archives", []),
        ("from 24/7-25/7 the army", [("24/7", "1920-07-24")]),  # a date follows the dash, not a number
        ("Orel 24/7.", [("24/7", "1920-07-24")]),
    ],
)
def test_a_bare_pair_opening_a_run_of_numbers_is_no_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, 1920) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("present credentials (Vienna’s 10712 and 1022;3 Deptel 12594 repeated", []),
        ("cables 1022, 10713 came", []),
        ("in 1956 and 1957 the cables", [("1956", "1956"), ("1957", "1957")]),
    ],
)
def test_a_number_listed_beside_a_long_one_is_no_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, 1956) == expected
