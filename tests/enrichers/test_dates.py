"""Tests of the dates enricher: the finder on small made-up sentences, the enricher on a model."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.diagnostics import Reporter
from tei_encode.enrichers import Context
from tei_encode.enrichers.dates.core import julian_to_gregorian, rights_lines
from tei_encode.enrichers.dates.english import MONTH_NUMBERS, ORDINAL_WORDS
from tei_encode.enrichers.dates.enricher import (
    _WORTH_READING,
    RULES,
    DateMatch,
    DatesEnricher,
    _worth_reading,
    find_dates,
)
from tei_encode.model import Block, Division, Document, DocumentDate, Metadata, span


def found(text: str, year: int | None, month: int | None = None) -> list[tuple[str, str]]:
    """Each date as (its text, its value): ``when``, or ``not_before..not_after``."""
    return [(text[m.start : m.end], _value(m)) for m in find_dates(text, year, month)]


def _value(match: DateMatch) -> str:
    return match.when or f"{match.not_before}..{match.not_after}"


ENGLISH = [
    ("It was sent on September 26, 1951, by cable.", None, [("September 26, 1951", "1951-09-26")]),
    ("from the September 8 telegram", 1951, [("September 8", "1951-09-08")]),
    ("Moscow, July 24 [1920]", None, [("July 24 [1920]", "1920-07-24")]),
    ("Your cable of Jan 13 1950 came", None, [("Jan 13 1950", "1950-01-13")]),
    ("1935 October\nStalin's vacation was long.", None, [("1935 October", "1935-10")]),
    ("Letters of 1932 August.", None, [("1932 August", "1932-08")]),
    ("By 1917 October Revolution came", None, []),
    ("In 1935 October 3 letters came", None, [("1935", "1935")]),
    ("Received 19:55 13.June.1951", None, [("13.June.1951", "1951-06-13")]),
    ('signed on "24" May 1960 in Beijing', None, [('"24" May 1960', "1960-05-24")]),
    ("dated « 3 » June 1951", None, [("« 3 » June 1951", "1951-06-03")]),
    ("Telegram [August 12, 1920]", None, [("[August 12, 1920]", "1920-08-12")]),
    ("Tiflis, March 3rd", 1921, [("March 3rd", "1921-03-03")]),
    (
        "handed over on the 4th of August, not on the 30th of July.",
        1920,
        [("4th of August", "1920-08-04"), ("30th of July", "1920-07-30")],
    ),
    ("take the town before the thirtieth of July", 1920, [("thirtieth of July", "1920-07-30")]),
    ("by the twenty-first of June", 1920, [("twenty-first of June", "1920-06-21")]),
    ("Orel 26 July.", 1920, [("26 July", "1920-07-26")]),
    ("can be launched no earlier than August 5-10.", 1920, [("August 5-10", "1920-08-05..1920-08-10")]),
    ("On July 29 or 30, 1920, he wrote", None, [("July 29 or 30, 1920", "1920-07-29..1920-07-30")]),
    ("In mid-August 1920 the army", None, [("mid-August 1920", "1920-08-11..1920-08-20")]),
    ("early March", 1921, [("early March", "1921-03-01..1921-03-10")]),
    ("late February", 1924, [("late February", "1924-02-21..1924-02-29")]),
    ("by the end of June 1921", None, [("end of June 1921", "1921-06-21..1921-06-30")]),
    ("Letter [not earlier than August 5, 1920]", None, [("[not earlier than August 5, 1920]", "1920-08-05..")]),
    ("Note [not later than May 2, 1921]", None, [("[not later than May 2, 1921]", "..1921-05-02")]),
    ("our June offensive and July retreat", 1920, [("June", "1920-06"), ("July", "1920-07")]),
    ("in June 1921", None, [("June 1921", "1921-06")]),
    ("Kazan 12/6", 1919, [("12/6", "1919-06-12")]),
    ("Samara 3/VIII.", 1919, [("3/VIII", "1919-08-03")]),
    ('the date "14/VI-19"', None, [("14/VI-19", "1919-06-14")]),
    ('a note: "І/IX-20", below: "30/VІІІ"', 1920, [("І/IX-20", "1920-09-01"), ("30/VІІІ", "1920-08-30")]),
    ("Correspondence. 1905-1917", None, [("1905-1917", "1905..1917")]),
    ("in the winter of 1920-21.", None, [("1920-21", "1920..1921")]),
    ("M., 1968. P. 121", None, [("1968", "1968")]),
    ("equipment in 1951, equal to", None, [("1951", "1951")]),
    ("On June 2, 1921, the bureau", None, [("June 2, 1921", "1921-06-02")]),
    ("Aug. 5, 1920", None, [("Aug. 5, 1920", "1920-08-05")]),
    ("SEPTEMBER 26, 1951", None, [("SEPTEMBER 26, 1951", "1951-09-26")]),
    ("resume in the first ten days of December.", 1949, [("first ten days of December", "1949-12-01..1949-12-10")]),
    ("in the second half of May 1921", None, [("second half of May 1921", "1921-05-16..1921-05-31")]),
    ("the last decade of February", 1952, [("last decade of February", "1952-02-21..1952-02-29")]),
    ("in the fourth quarter of 1951", None, [("fourth quarter of 1951", "1951-10-01..1951-12-31")]),
    ("deliveries by Q2 1953.", None, [("Q2 1953", "1953-04-01..1953-06-30")]),
    ("the first half of the year", 1951, []),
    ("on 1951-09-26", None, [("1951-09-26", "1951-09-26")]),
    ("dated 3.XI.1949", None, [("3.XI.1949", "1949-11-03")]),
    ("dated 5.2.50", 1951, [("5.2.50", "1950-02-05")]),
    ("dated 26.09.1951", None, [("26.09.1951", "1951-09-26")]),
    ("May 7, 1920", None, [("May 7, 1920", "1920-05-07")]),
    # Old Style dates with the New Style day beside them: one date, the New Style day.
    ("October 28 (November 10) [1912]", None, [("October 28 (November 10) [1912]", "1912-11-10")]),
    ("from September 16 (29), 1912.", None, [("September 16 (29), 1912", "1912-09-29")]),
    ("to Ulyanov, 18 (31) December 1912", None, [("18 (31) December 1912", "1912-12-31")]),
    ("on 12 (25) March 1917 the", None, [("12 (25) March 1917", "1917-03-25")]),
    ("28 October (10 November) 1912", None, [("28 October (10 November) 1912", "1912-11-10")]),
    ("December 17 (30)", 1912, [("December 17 (30)", "1912-12-30")]),
    ("February 1 (13), 1890", None, [("February 1 (13), 1890", "1890-02-13")]),
    ("days not 13 apart: September 16 (28), 1912", None, [("1912", "1912")]),
    ("December 31, 1912 (January 13, 1913)", None, [("December 31, 1912 (January 13, 1913)", "1913-01-13")]),
    ("December 31 (January 13), 1913", None, [("December 31 (January 13), 1913", "1913-01-13")]),
    ("II quarter of 1953 two regiments", None, [("II quarter of 1953", "1953-04-01..1953-06-30")]),
    ("in Shenyang on [8-9?] December 1952;", None, [("[8-9?] December 1952", "1952-12-08..1952-12-09")]),
    ("[8] December 1952", None, [("[8] December 1952", "1952-12-08")]),
    ("Note [before 5 March 1953]", None, [("[before 5 March 1953]", "..1953-03-05")]),
    ("Note [after 5 March 1953]", None, [("[after 5 March 1953]", "1953-03-05..")]),
    ("talks on 3 and 4 January", 1953, [("3 and 4 January", "1953-01-03..1953-01-04")]),
    ("January 3rd and 4th.", 1953, [("January 3rd and 4th", "1953-01-03..1953-01-04")]),
    ("on July 9 and 12, 1956", None, [("July 9 and 12, 1956", "1956-07-09..1956-07-12")]),
    ("lived there from 1864 to 1869 and", None, [("1864 to 1869", "1864..1869")]),
    ("in February or March 1910", None, [("February or March 1910", "1910-02-01..1910-03-31")]),
    ("letters of 31 October-1 November 1868, E", None, [("31 October-1 November 1868", "1868-10-31..1868-11-01")]),
    ("on 3, 4 and 6 January", 1953, [("3", "1953-01-03"), ("4", "1953-01-04"), ("6 January", "1953-01-06")]),
    (
        "on 3, 4 and 5 January 1953",
        None,
        [("3", "1953-01-03"), ("4", "1953-01-04"), ("5 January 1953", "1953-01-05")],
    ),
    ("between 10 and 12 March the", 1953, [("10 and 12 March", "1953-03-10..1953-03-12")]),
    ("Book 2, 1946-February 1950 (Moscow", None, [("1946-February 1950", "1946..1950-02-28")]),
    ("May 1946 - March 1950", None, [("May 1946 - March 1950", "1946-05..1950-03-31")]),
    ("in January-March 1953", None, [("January-March 1953", "1953-01-01..1953-03-31")]),
    ("1950, January 14", None, [("1950, January 14", "1950-01-14")]),
    ("until the spring of 1953.", None, [("spring of 1953", "1953-03-01..1953-05-31")]),
    ("in the second half of 1952", None, [("second half of 1952", "1952-07-01..1952-12-31")]),
    ("In Poland after May, Pilsudski", 1926, [("May", "1926-05")]),
    ("At 1600 I visited him; at 2000 he left", 1952, []),
    ("no operations until 2030, at 1930 hours", 1952, []),
    ("Incoming 1352, Вх. 1352, 1352/sh", 1950, []),
    ("since 1937, until 1920 and at 1950 prices", 1953, [("1937", "1937"), ("1920", "1920"), ("1950", "1950")]),
    # A month the editors supplied in brackets.
    ("on the night of [October] 18 or 19.", 1950, [("[October] 18 or 19", "1950-10-18..1950-10-19")]),
    ("on 18 [October] the", 1950, [("18 [October]", "1950-10-18")]),
    ("dated [October] 18, 1950", None, [("[October] 18, 1950", "1950-10-18")]),
    ("in [October] 1950 the", None, [("[October] 1950", "1950-10")]),
    # A quarter without its year takes the context's; the day after a page number is no date.
    ("in the third quarter output rose", 1950, [("third quarter", "1950-07-01..1950-09-30")]),
    ("see pages 12 and 14 April", 1950, [("14 April", "1950-04-14")]),
    ("points 3 and 4 May 1950", None, [("4 May 1950", "1950-05-04")]),
    ("items 3 and 4 January", 1950, [("4 January", "1950-01-04")]),
    ("until the 1st and then", 1950, []),
    # Month first, where a day above 12 tells it; the year first with dots.
    ("Sent by wire on 10/14/50 at 03:15 a.m.", None, [("10/14/50", "1950-10-14")]),
    ("Meeting of 1961.3.29; Датировка: 1931.08.25", None, [("1961.3.29", "1961-03-29"), ("1931.08.25", "1931-08-25")]),
]

NOT_DATES_EN = [
    ("title", "The Great October Socialist Revolution and the victory", 1920),
    ("relative", "Yesterday we ordered it. Today he writes. Tonight I leave.", 1920),
    ("vague", "in the next few days, within two weeks, three days ago", 1920),
    ("end-of-year", "by the end of the year, by the end of the month", 1951),
    ("may-verb", "You may go now, and May he succeed.", 1920),
    ("month-name", "August Bebel wrote", 1920),
    ("time", "sent at 17.45 today", 1951),
    ("fraction", "one-fifth, 1/5 of the value", 1951),
    ("number-no", "Izvestiya. No. 2/3. P. 1920", 1920),
    ("page", "pp. 1934, vol. 1936, T. 1937, S. 1938", None),
    ("range-pages", "L. 192-193, S. 384-385, 2-8, pp. 1920-21", 1920),
    ("years-backwards", "in 1920-19 and 1920-21-22", 1920),
    ("decimal", "it rose 12.5 times, 2.5%", 1920),
    ("unit-numbers", "the 12th Army and the 1st Cavalry", 1920),
    ("enumeration", "data on the front: the first, at the front", None),
    ("no-context-year", "September 8 and 24/7", None),
    ("bad-day", "August 32 and 31/2", 1920),
    ("long-number", "document/119543 and 20455", None),
    ("bracketed-count", "the 12 (twelve) divisions", 1920),
    ("bloc", 'the "August bloc" and the "October" group', 1912),
    ("clock-no-year", "At 1600 I went", None),
    ("season-no-year", "in spring and in the first half of the year", 1952),
    ("revolution", "an amnesty by the anniversary of October, the Great October", 1924),
    ("unit-after-of", "crossed the 38th parallel; the report of the 12th Army", 1950),
    ("ordinal-word-and", "After the first and second rounds of talks", 1950),
    ("quarter-of-something", "the first quarter of the century, the last quarter, First Quarter", 1950),
    ("numbered-initials", "No. 3. V. I. Lenin; 1/3 of them; 1. V. I. Ivanov", 1920),
    ("times-to", "At 1600 to 1700 hours", 1950),
]

RUSSIAN = [
    ("Уже в конце 20-х гг. он писал", 1928, [("конце 20-х гг.", "1927..1929")]),
    ("с конца 70-х годов", 1883, [("конца 70-х годов", "1877..1879")]),
    ("от начала 1870-х годов", None, [("начала 1870-х годов", "1870..1873")]),
    ("в середине 50-х он", None, [("середине 50-х", "1954..1956")]),
    ("от 26 сентября 1951 г. прибыл", None, [("26 сентября 1951 г.", "1951-09-26")]),
    ('"26" сентября 1951 г.', None, [('"26" сентября 1951 г.', "1951-09-26")]),
    ('" " сентября 1951г.', None, [('" " сентября 1951г.', "1951-09")]),
    ("Вх. № 3304 от 26/IX 1951 г.", None, [("26/IX 1951 г.", "1951-09-26")]),
    ("до конца 1951 года", None, [("1951 года", "1951")]),
    ("о поставках в 1952 году", None, [("1952 году", "1952")]),
    ("в IV кв. 1951 г. в отдел", None, [("IV кв. 1951 г.", "1951-10-01..1951-12-31")]),
    ("во II квартале 1950 г.", None, [("II квартале 1950 г.", "1950-04-01..1950-06-30")]),
    ("с прибытием в первой декаде октября.", 1951, [("первой декаде октября", "1951-10-01..1951-10-10")]),
    ("во второй декаде марта", 1951, [("второй декаде марта", "1951-03-11..1951-03-20")]),
    ("в третьей декаде февраля", 1952, [("третьей декаде февраля", "1952-02-21..1952-02-29")]),
    ("во второй половине мая 1952 г.", None, [("второй половине мая 1952 г.", "1952-05-16..1952-05-31")]),
    ("в начале октября", 1951, [("начале октября", "1951-10-01..1951-10-10")]),
    ("телеграммой от 20 ноября", 1950, [("20 ноября", "1950-11-20")]),
    ("заявки от 8 января", 1950, [("8 января", "1950-01-08")]),
    ("в сентябре и в октябре", 1951, [("сентябре", "1951-09"), ("октябре", "1951-10")]),
    ("сентябрь 1951 г.", None, [("сентябрь 1951 г.", "1951-09")]),
    ("5-10 августа", 1920, [("5-10 августа", "1920-08-05..1920-08-10")]),
    ("26 СЕНТЯБРЯ 1951 Г.", None, [("26 СЕНТЯБРЯ 1951 Г.", "1951-09-26")]),
    ("1 сент. 1951 г.", None, [("1 сент. 1951 г.", "1951-09-01")]),
    ("отп. Иванова 17.45 26.9 № 2653", 1951, [("17.45 26.9", "1951-09-26T17:45:00")]),
    ("отп. 9.05 3.10", 1951, [("9.05 3.10", "1951-10-03T09:05:00")]),
    ("телеграмма 26.9", 1951, [("26.9", "1951-09-26")]),
    ("в 1951-1952 гг.", None, [("1951-1952 гг.", "1951..1952")]),
    ("Собрание документов 1996.", None, [("1996", "1996")]),
    ("с 16 (29) сентября 1912 г.", None, [("16 (29) сентября 1912 г.", "1912-09-29")]),
    ("28 октября (10 ноября) 1912 г.", None, [("28 октября (10 ноября) 1912 г.", "1912-11-10")]),
    ("прибыли 3 и 4 января", 1953, [("3 и 4 января", "1953-01-03..1953-01-04")]),
    ("между 10 и 12 марта", 1953, [("10 и 12 марта", "1953-03-10..1953-03-12")]),
    ("весной 1953 г.", None, [("весной 1953 г.", "1953-03-01..1953-05-31")]),
    ("во второй половине 1952 г.", None, [("второй половине 1952 г.", "1952-07-01..1952-12-31")]),
    ("в первом полугодии 1953 года", None, [("первом полугодии 1953 года", "1953-01-01..1953-06-30")]),
    ("[до 3 марта 1953 г.]", None, [("[до 3 марта 1953 г.]", "..1953-03-03")]),
    ("31 декабря 1912 г. (13 января 1913 г.)", None, [("31 декабря 1912 г. (13 января 1913 г.)", "1913-01-13")]),
    ("31 декабря (13 января) 1913 г.", None, [("31 декабря (13 января) 1913 г.", "1913-01-13")]),
    ("с 1918 по 1920 год", None, [("1918 по 1920 год", "1918..1920")]),
    ("с 5 по 10 октября", 1925, [("5 по 10 октября", "1925-10-05..1925-10-10")]),
    ("10-го октября", 1925, [("10-го октября", "1925-10-10")]),
    ("с 5-го по 10-е октября 1925 г.", None, [("5-го по 10-е октября 1925 г.", "1925-10-05..1925-10-10")]),
    ("в 1951-52 гг.", None, [("1951-52 гг.", "1951..1952")]),
    ("в первом квартале", 1950, [("первом квартале", "1950-01-01..1950-03-31")]),
    ("во II кв. план", 1950, [("II кв.", "1950-04-01..1950-06-30")]),
    ("в четвёртом квартале 1951 г.", None, [("четвёртом квартале 1951 г.", "1951-10-01..1951-12-31")]),
    ("весной 1920-го года", None, [("весной 1920", "1920-03-01..1920-05-31")]),
    ("страницы 12 и 14 апреля", 1950, [("14 апреля", "1950-04-14")]),
    ("пункты 3 и 4 января", 1950, [("4 января", "1950-01-04")]),
    ("в июле - августе месяцах", 1933, [("июле - августе", "1933-07-01..1933-08-31")]),
    ("январь–март 1953 г.", None, [("январь–март 1953 г.", "1953-01-01..1953-03-31")]),
    # A Roman month set off by spaces (Lenin's Complete Works), or the year after a dot.
    ("Ленин. 19. X. 1921 г. Отправлено", None, [("19. X. 1921", "1921-10-19")]),
    ("Ленин 9/VIII.1921", None, [("9/VIII.1921", "1921-08-09")]),
]

NOT_DATES_RU = [
    ("decade-part-of-something-else", "в конце 20-ти минут, в начале 25-х рядов", 1951),
    ("relative", "через 6 суток, на полгода, до конца текущего года", 1951),
    ("money", "кредита /600 млн.рублей/ и (600 млн. рублей)", 1951),
    ("copies", "отп. в 2 экз. экз. № 1, в 8 отдел 2 ГУ", 1951),
    ("numbers", "ИСХ. № 5542, № П83/615, К п.615 пр.ПБ № 83, Л. 1945", 1951),
    ("count", "1500 штыков и 1200 сабель", None),
    ("may-alone", "в мае", 1951),
    ("adjective", "Великой Октябрьской революции", 1951),
    ("square-metres", "3 кв. м", 1951),
    ("section", "см. п. 3.2.", 1951),
    ("document-number", "Вх. 1352, исх. 1401", 1950),
    ("clock", "к 1800 ч.", 1950),
    ("town-quarter", "в первом квартале города", 1950),
    ("quarter-no-year", "в первом квартале", None),
]


@pytest.mark.parametrize(("text", "year", "expected"), ENGLISH, ids=[c[0] for c in ENGLISH])
def test_english_dates(text: str, year: int | None, expected: list[tuple[str, str]]) -> None:
    assert found(text, year) == expected


@pytest.mark.parametrize(("text", "year", "expected"), RUSSIAN, ids=[c[0] for c in RUSSIAN])
def test_russian_dates(text: str, year: int | None, expected: list[tuple[str, str]]) -> None:
    assert found(text, year) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [c[1:] for c in NOT_DATES_EN + NOT_DATES_RU],
    ids=[c[0] for c in NOT_DATES_EN] + [f"ru-{c[0]}" for c in NOT_DATES_RU],
)
def test_not_dates(text: str, year: int | None) -> None:
    assert found(text, year) == []


@pytest.mark.parametrize(
    ("text", "month", "expected"),
    [
        ("take the town before the thirtieth .", 7, [("thirtieth", "1920-07-30")]),
        ("August 4 [1920]. Hold until the 10th.", None, [("August 4 [1920]", "1920-08-04"), ("10th", "1920-08-10")]),
        ("before the thirtieth.", None, []),
        ("write by the 15th and send it", 11, [("15th", "1920-11-15")]),
        ("ours by the morning of the 20th.", 10, [("20th", "1920-10-20")]),
        ("until the 12th and 13th", 10, []),
        (
            "the spring of 1921. Until the 17th.",
            11,
            [("spring of 1921", "1921-03-01..1921-05-31"), ("17th", "1920-11-17")],
        ),
        ("Your cable of the 8th has been received.", 10, [("8th", "1920-10-08")]),
        ("He should leave no later than the 12th, report", 10, [("12th", "1920-10-12")]),
        ("not earlier than the 3rd.", 10, [("3rd", "1920-10-03")]),
        ("in the hospital on the 29th 1 . The doctors", 10, [("29th", "1920-10-29")]),
        ("we meet on the 5th in Moscow", 10, [("5th", "1920-10-05")]),
        ("before the first in line", 10, []),
        ("on the 3rd floor, from the 2nd day", 10, []),
        ("by the anniversary of October. I stay until the 12th, then", 9, [("12th", "1920-09-12")]),
    ],
    ids=[
        "month-from-context",
        "month-from-earlier-date",
        "no-month",
        "and-after",
        "part-of-day",
        "and-a-day",
        "range-gives-no-month",
        "document-of",
        "no-later-than",
        "not-earlier-than",
        "note-number",
        "preposition",
        "word-before-preposition",
        "noun",
        "revolution-is-no-month",
    ],
)
def test_day_alone_takes_the_last_month(text: str, month: int | None, expected: list[tuple[str, str]]) -> None:
    assert found(text, 1920, month) == expected


@pytest.mark.parametrize(
    ("text", "year", "inferred"),
    [("July 24 [1920]", None, False), ("September 26, 1951", 1920, False), ("September 8", 1951, True)],
    ids=["supplied-brackets", "stated", "from-context"],
)
def test_inferred_year_is_flagged(text: str, year: int | None, inferred: bool) -> None:
    (match,) = find_dates(text, year)
    assert match.inferred_year is inferred


@pytest.mark.parametrize(
    ("text", "month", "expected"),
    [
        ("and will send it in January, if", 11, "1916-01"),
        ("we shall meet next March", 11, "1916-03"),
        ("I'll write in February", 11, "1916-02"),
        ("he wrote in January", 11, "1915-01"),
        ("the next meeting was held in January", 11, "1915-01"),
        ("will send it in December", 11, "1915-12"),
        ("will send it in January", None, "1915-01"),
        ("we will not fulfil the plan by the 1st of January", 11, "1916-01-01"),
        ("the plan was fulfilled by the 1st of January", 11, "1915-01-01"),
        ("It will be recalled that in January the talks began", 11, "1915-01"),
        ("You will remember what happened in March", 11, "1915-03"),
        ("It will be seen from the report that the January", 11, "1915-01"),
        ("he will stay until March", 11, "1916-03"),
        ("с тем, чтобы в первом квартале передать", 11, "1916-01-01..1916-03-31"),
        ("с тем, чтобы в четвертом квартале передать", 11, "1915-10-01..1915-12-31"),
        ("мы будем там в январе", 11, "1916-01"),
        ("он сообщил, что в январе", 11, "1915-01"),
    ],
    ids=[
        "will",
        "next",
        "contraction",
        "past",
        "next-far",
        "later-month",
        "no-month",
        "day-ahead",
        "day-past",
        "recalled",
        "remember",
        "seen",
        "until",
        "so-that-quarter",
        "so-that-this-quarter",
        "russian-future",
        "russian-past",
    ],
)
def test_a_month_ahead_takes_the_next_year(text: str, month: int | None, expected: str) -> None:
    (match,) = find_dates(text, 1915, month)
    assert _value(match) == expected


def test_old_style_date_keeps_its_julian_day() -> None:
    (match,) = find_dates("October 28 (November 10) [1912]", None)
    assert (match.when, match.julian) == ("1912-11-10", "1912-10-28")


def test_a_doubted_day_is_uncertain() -> None:
    (doubted,) = find_dates("[8-9?] December 1952", None)
    (sure,) = find_dates("[8-9] December 1952", None)
    assert doubted.uncertain and not sure.uncertain


@given(st.dates(date(1800, 3, 1), date(2099, 12, 31)))
def test_old_style_is_twelve_days_behind_in_the_1800s_and_thirteen_after(old: date) -> None:
    gap = (julian_to_gregorian(old) - old).days
    assert gap == (13 if old >= date(1900, 3, 1) else 12)


def test_julian_to_gregorian_at_the_reform() -> None:
    assert julian_to_gregorian(date(1582, 10, 5)) == date(1582, 10, 15)
    assert julian_to_gregorian(date(1918, 1, 31)) == date(1918, 2, 13)


def test_blocked_text_is_left_alone() -> None:
    text = "Cable No. 5542 of 26/IX 1951 г."
    start = text.index("26/IX")
    assert found(text, None) == [("26/IX 1951 г.", "1951-09-26")]
    (match,) = find_dates(text, None, blocked=[(start, start + 5)])
    assert text[match.start : match.end] == "1951 г."


def _document(date_line: str | None, *texts: str, meta: Metadata | None = None) -> Document:
    fields = {"date": Block("date", date_line, line=1)} if date_line else {}
    body = Division("body", [Block("p", t, line=i) for i, t in enumerate(texts, start=3)])
    return Document("doc", "src.txt", "letter", "en", Block("title", "A letter"), fields, [body], meta or Metadata())


def _spans(block: Block) -> list[tuple[str, dict[str, str]]]:
    return [(block.text[s.start : s.end], dict(s.attrs)) for s in block.spans_of("date")]


def test_enricher_takes_the_year_from_the_document_date() -> None:
    doc = _document("September 26, 1951", "from the September 8 telegram", "от 20 сентября, в 1952 году")
    reporter = Reporter()
    DatesEnricher().apply(doc, Context(), reporter)
    assert doc.meta.date == DocumentDate(when="1951-09-26")
    assert _spans(doc.fields["date"]) == [("September 26, 1951", {"when": "1951-09-26"})]
    inferred = {"cert": "high", "evidence": "internal"}
    assert _spans(doc.divisions[0].blocks[0]) == [("September 8", {"when": "1951-09-08", **inferred})]
    assert _spans(doc.divisions[0].blocks[1]) == [
        ("20 сентября", {"when": "1951-09-20", **inferred}),
        ("1952 году", {"when": "1952"}),
    ]
    codes = [(d.code, d.line) for d in reporter]
    assert codes == [("date-year-inferred", 3), ("date-year-inferred", 4)]
    assert "year 1951 of 'September 8' taken from the document date" in reporter.diagnostics[0].message


def test_enricher_records_a_ranged_document_date() -> None:
    doc = _document("[not earlier than August 5, 1920]", "Kharkiv 24/7.")
    DatesEnricher().apply(doc, Context(), Reporter())
    assert doc.meta.date == DocumentDate(not_before="1920-08-05")
    assert _spans(doc.divisions[0].blocks[0])[0][1]["when"] == "1920-07-24"


def test_enricher_falls_back_to_the_year_in_meta() -> None:
    doc = _document(None, "Kharkiv 24/7. Take it before the thirtieth.", meta=Metadata(year=1920))
    reporter = Reporter()
    DatesEnricher().apply(doc, Context(), reporter)
    assert _spans(doc.divisions[0].blocks[0]) == [
        ("24/7", {"when": "1920-07-24", "cert": "high", "evidence": "internal"}),
        ("thirtieth", {"when": "1920-07-30", "cert": "medium", "evidence": "internal"}),
    ]
    assert [d.code for d in reporter] == ["date-year-inferred", "date-year-inferred", "date-month-inferred"]


def test_an_undated_document_takes_the_year_of_the_first_date_stated_after_those_before_it() -> None:
    doc = _document(None, "Kharkiv 24/7,", "July 29, 1920, and 3 August")
    DatesEnricher().apply(doc, Context(), Reporter())
    inferred = {"cert": "medium", "evidence": "internal"}
    assert _spans(doc.divisions[0].blocks[0]) == [("24/7", {"when": "1920-07-24", **inferred})]
    assert _spans(doc.divisions[0].blocks[1]) == [
        ("July 29, 1920", {"when": "1920-07-29"}),
        ("3 August", {"when": "1920-08-03", **inferred}),
    ]


def test_an_undated_document_with_no_stated_year_completes_no_date() -> None:
    doc = _document(None, "Kharkiv 24/7, the news of 1953")
    DatesEnricher().apply(doc, Context(), Reporter())
    assert _spans(doc.divisions[0].blocks[0]) == [("1953", {"when": "1953"})]  # a year alone is no day's year


def test_an_undated_document_takes_the_year_and_month_of_its_file_number() -> None:
    doc = _document(None, "approved by ROK December 17 as representing")
    doc.title = Block("title", "895.20/12–1949: Telegram")
    doc.title.add(span(0, 14, "idno", type="file"))
    reporter = Reporter()
    DatesEnricher().apply(doc, Context(), reporter)
    assert _spans(doc.divisions[0].blocks[0]) == [
        ("December 17", {"when": "1949-12-17", "cert": "medium", "evidence": "internal"})
    ]
    assert "taken from its file number" in reporter.diagnostics[0].message
    assert not doc.meta.date


def test_an_undated_document_takes_the_year_of_the_date_stated_before() -> None:
    doc = _document(None, "Your letter of May 25, 1950 came.", "The story of May 19 and the news of 1953.", "On May 20")
    reporter = Reporter()
    DatesEnricher().apply(doc, Context(), reporter)
    inferred = {"cert": "medium", "evidence": "internal"}
    assert _spans(doc.divisions[0].blocks[1]) == [
        ("May 19", {"when": "1950-05-19", **inferred}),
        ("1953", {"when": "1953"}),
    ]
    assert _spans(doc.divisions[0].blocks[2]) == [
        ("May 20", {"when": "1950-05-20", **inferred})
    ]  # a year alone is none
    assert not doc.meta.date
    assert "taken from the date stated nearest to it" in reporter.diagnostics[0].message


def test_an_undated_state_department_document_takes_the_year_it_was_filed() -> None:
    doc = _document(None, "Situation deteriorated on June 27.")
    doc.title = Block("title", "795.00/6–2850: Telegram")
    doc.title.add(span(0, 13, "idno", type="file"))
    DatesEnricher().apply(doc, Context(), Reporter())
    assert _spans(doc.divisions[0].blocks[0])[0][:1] == ("June 27",)
    assert _spans(doc.divisions[0].blocks[0])[0][1]["when"] == "1950-06-27"


def test_an_undated_document_takes_the_year_of_its_title() -> None:
    doc = _document(None, "See the letters of 6 November.")
    doc.title = Block("title", "Letter to Friedrich Engels, November 4, 1868")
    DatesEnricher().apply(doc, Context(), Reporter())
    assert _spans(doc.divisions[0].blocks[0]) == [
        ("6 November", {"when": "1868-11-06", "cert": "high", "evidence": "internal"})
    ]
    assert not doc.meta.date  # a context for the text's dates, not the document's recorded date


def _undated_letter(dateline: str, text: str) -> Document:
    body = Division("letter", [Block("dateline", dateline, line=3), Block("p", text, line=4)])
    return Document("doc", "src.txt", "letter", "en", Block("title", "A letter"), {}, [body])


def test_a_letter_without_a_date_line_takes_its_dateline_date() -> None:
    doc = _undated_letter("Riga, 21.VIII.21.", "The first ships are expected on September 1, by the 5th at the latest.")
    DatesEnricher().apply(doc, Context(), Reporter())
    assert doc.meta.date == DocumentDate(when="1921-08-21")
    dateline, text = doc.divisions[0].blocks
    assert _spans(dateline) == [("21.VIII.21", {"when": "1921-08-21"})]
    assert [(s, a["when"]) for s, a in _spans(text)] == [("September 1", "1921-09-01"), ("5th", "1921-09-05")]


def test_a_dateline_without_its_year_dates_nothing() -> None:
    doc = _undated_letter("London, 9/III.", "We expect the ships on September 1.")
    DatesEnricher().apply(doc, Context(), Reporter())
    assert not doc.meta.date
    assert [_spans(b) for b in doc.divisions[0].blocks] == [[], []]


def test_the_date_line_wins_over_the_dateline() -> None:
    doc = _undated_letter("Riga, 21.VIII.21.", "Sent on September 1.")
    doc.fields["date"] = Block("date", "[August 22, 1921]", line=2)
    DatesEnricher().apply(doc, Context(), Reporter())
    assert doc.meta.date == DocumentDate(when="1921-08-22")


_BOUNDS = ["before", "after", "by", "until", "till", "on", "since", "from", "no later than", "not earlier than"]
_BOUNDS += ["your cable of", "the letters of"]


@given(
    st.sampled_from(_BOUNDS),
    st.integers(1, 28),
    st.sampled_from([".", ",", " 1 .", " has come", " in Moscow", " and then"]),
    st.integers(1, 12),
)
def test_a_day_in_digits_after_a_bound_or_a_document_is_a_day_of_the_last_month(
    bound: str, day: int, after: str, month: int
) -> None:
    ordinal = f"{day}{'th' if 10 <= day <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    text = f"Write {bound} the {ordinal}{after}"
    assert found(text, 1921, month) == [(ordinal, f"1921-{month:02d}-{day:02d}")]


def test_enricher_respects_identifiers_and_nests_supplied_text() -> None:
    doc = _document("July 24 [1920]", "Ex. No. 1920, note No. 2/3")
    date_block, block = doc.fields["date"], doc.divisions[0].blocks[0]
    date_block.spans.append(span(9, 13, "supplied"))
    block.spans.append(span(4, 12, "idno"))
    DatesEnricher().apply(doc, Context(), Reporter())
    assert _spans(date_block) == [("July 24 [1920]", {"evidence": "external", "when": "1920-07-24"})]
    assert block.spans_of("date") == []


def _letter(date_line: str, *texts: str) -> list[list[tuple[str, dict[str, str]]]]:
    doc = _document(date_line, *texts)
    DatesEnricher().apply(doc, Context(), Reporter())
    return [_spans(block) for block in doc.divisions[0].blocks]


def test_a_letter_written_old_style_has_its_days_converted() -> None:
    spans = _letter("December 17 (30) [1912]", "St. Petersburg, 17.XII.", "I will stay until the 25th, then go.")
    assert spans[0][0][1]["when"] == "1912-12-30"
    assert spans[1][0][1]["when"] == "1913-01-07"


def test_a_letter_written_new_style_keeps_its_days() -> None:
    spans = _letter("October 28 (November 10) [1912]", "Cracow, 10/XI.", "Write it by the 15th and send it.")
    assert [s[0][1]["when"] for s in spans] == ["1912-11-10", "1912-11-15"]


def test_old_style_conversion_leaves_the_title_and_the_editors_notes() -> None:
    doc = _document("December 17 (30) [1912]", "St. Petersburg, 17.XII.", "I will stay until the 25th.")
    doc.title = Block("title", "Letter of December 17")
    doc.divisions.append(Division("notes", [Block("note", "He left Cracow on December 29.", attrs={"n": "1"})]))
    DatesEnricher().apply(doc, Context(), Reporter())
    letter = [_spans(block)[0][1]["when"] for block in doc.divisions[0].blocks]
    assert letter == ["1912-12-30", "1913-01-07"]
    assert _spans(doc.title)[0][1]["when"] == "1912-12-17"
    assert _spans(doc.divisions[1].blocks[0])[0][1]["when"] == "1912-12-29"


def test_a_letter_without_its_own_date_in_the_text_keeps_its_days() -> None:
    spans = _letter("October 28 (November 10) [1912]", "Write it by the 15th of November.", "Stated: 3 December 1912.")
    assert [s[0][1]["when"] for s in spans] == ["1912-11-15", "1912-12-03"]


def test_a_doubted_day_gets_low_certainty() -> None:
    spans = _letter("December 11, 1952", "The meeting took place on [8-9?] December 1952.")
    assert spans[0] == [
        ("[8-9?] December 1952", {"not_before": "1952-12-08", "not_after": "1952-12-09", "cert": "low"})
    ]


def test_enricher_is_idempotent() -> None:
    doc = _document("September 26, 1951", "26 сентября 1951 г.")
    for _ in range(2):
        DatesEnricher().apply(doc, Context(), Reporter())
    assert len(doc.divisions[0].blocks[0].spans) == 1


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2})?)?)?")


def _is_iso(value: str) -> bool:
    """Whether ``value`` is a real ISO year, month, day or day and time (parsing raises if not)."""
    if not _ISO.fullmatch(value):
        return False
    if "T" in value:
        datetime.fromisoformat(value)
    elif len(value) > 4:
        date.fromisoformat(value if len(value) == 10 else value + "-01")
    return True


_PIECES = st.sampled_from(
    ["July", "May", "24", "/", "VII", "-20", " ", ".", "1920", "[", "]", "сентября", "г.", "года", "кв.", "IV",
     "первой декаде", "of", "the", "thirtieth", "before", ",", "or", "30", '"', "No.", "mid-", "17.45", "26.9", "І",
     "(", ")", "and", "и", "spring", "second half", "quarter", "II", "?", "At", "hours", "16", "29", "31"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=14).map("".join)),
    st.one_of(st.none(), st.integers(1000, 2099)),
    st.one_of(st.none(), st.integers(1, 12)),
)
def test_any_text_gives_valid_spans(text: str, year: int | None, month: int | None) -> None:
    matches = find_dates(text, year, month)
    previous_end = 0
    for m in matches:
        assert previous_end <= m.start < m.end <= len(text)
        previous_end = m.end
        values = [v for v in (m.when, m.not_before, m.not_after) if v]
        assert values and all(_is_iso(v) for v in values)
        assert not (m.when and (m.not_before or m.not_after))
        if m.not_before and m.not_after:
            assert m.not_before <= m.not_after


# Words the date rules and their quick tests look for, and letters case-insensitive matching treats specially.
_WORDS = st.sampled_from(
    ["January", "Sept.", "may", "NOV", "Novoselsk", "decision", "first", "Twenty-First", "thirtieth", "quarter",
     "Q4", "the", "января", "Сент.", "МАЕ", "мартом", "апрель", "Май", "кв.", "IV", "I/IX", "I.X", "1951", "٣",
     "ᲂктября", "ſeptember", "fıfth", "fİrst", "İ", "ᲀ", "before", "until", "of", "17.45", "26.9", "1951-09-26",
     "1912-1927", "10th", " ", ".", "/", "-", "[", '"', "(29)", "(November 10)", "(10 ноября)", "and", "и", "&",
     "spring", "half", "between", "?]", "]", "1946-February", "1950,", "At", "hours", "Вх."]
).flatmap(lambda w: st.sampled_from([w, w.upper(), w.lower(), w.capitalize()]))  # fmt: skip


_EXAMPLES = [c[0] for c in ENGLISH + RUSSIAN] + [c[1] for c in NOT_DATES_EN + NOT_DATES_RU]
_EXAMPLES += ["take the town before the thirtieth .", "Hold until the 10th.", "1951-09-26", "17.45 26.9", "1912-1927"]
_EXAMPLES += ["ЯНВАРЬ-ЯНВАРЬ"]  # a span of months in capitals


def _assert_quick_tests_agree(text: str) -> None:
    """The quick tests before the date rules skip no text a rule (or the test whether to read at all) finds in."""
    assert _worth_reading(text) == (_WORTH_READING.search(text) is not None)
    for rule in RULES:
        if rule.pattern.search(text):
            assert rule.may_match(text, {}), rule.pattern.pattern


@pytest.mark.parametrize("text", _EXAMPLES)
def test_quick_tests_pass_every_example(text: str) -> None:
    _assert_quick_tests_agree(text)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.lists(_WORDS, max_size=10).map(" ".join),
        st.lists(_WORDS).map("".join),
        st.lists(st.one_of(_WORDS, st.sampled_from(_EXAMPLES)), max_size=6).map(" ".join),
    )
)
def test_quick_tests_give_the_answers_of_the_full_expressions(text: str) -> None:
    _assert_quick_tests_agree(text)


@pytest.mark.parametrize(
    ("text", "worth"),
    [
        ("the decision on Novoselsk", False),
        ("план на IV кв.", True),
        ("кварц", False),
        ("in ſeptember", True),
        ("в ᲂктябре", True),
        ("on the fİrst", True),
        ("he may come", True),
        ("в начале апреля", True),
        ("апробация", False),
    ],
    ids=[
        "english-parts",
        "quarter-without-digits",
        "russian-quarter-part",
        "long-s",
        "rounded-o",
        "dotted-i",
        "may",
        "russian",
        "russian-part",
    ],
)
def test_texts_worth_reading(text: str, worth: bool) -> None:
    assert _worth_reading(text) is worth
    assert (_WORTH_READING.search(text) is not None) is worth


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_WORTH_READING, fullmatch=True), st.text(max_size=8), st.text(max_size=8))
def test_every_word_worth_reading_is_found_in_any_text(word: str, before: str, after: str) -> None:
    assert _worth_reading(before + word + after)


_RUSSIAN_MONTH_FORMS = (
    [s + e for s in ("январ", "феврал", "апрел", "июн", "июл", "сентябр", "октябр", "ноябр", "декабр")
     for e in ("ь", "я", "е", "ю", "ём", "ем")]
    + [s + e for s in ("март", "август") for e in ("", "а", "е", "у", "ом")]
    + ["ма" + e for e in ("й", "я", "е", "ю", "ем")]
    + [a + "." for a in ("янв", "фев", "февр", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "нояб",
                         "дек")]
)  # fmt: skip


@pytest.mark.parametrize("word", _RUSSIAN_MONTH_FORMS + list(MONTH_NUMBERS) + list(ORDINAL_WORDS))
def test_every_month_and_ordinal_word_is_worth_reading(word: str) -> None:
    for form in (word, word.upper(), word.lower(), word.capitalize()):
        assert _WORTH_READING.fullmatch(form)
        assert _worth_reading(f"до {form} или после")


@pytest.mark.parametrize(
    ("text", "date", "bounds"),
    [
        ("Written: Written prior to September 28, 1914", "prior to September 28, 1914", {"not_after": "1914-09-28"}),
        ("Written after July 27, 1916", "after July 27, 1916", {"not_before": "1916-07-27"}),
        ("Д. БОНЧ-БРУЕВИЧУ. НЕ ПОЗДНЕЕ 2 АВГУСТА 1921 г.", "НЕ ПОЗДНЕЕ 2 АВГУСТА 1921 г.", {"not_after": "1921-08-02"}),
        ("Not earlier than March 6, 1917", "Not earlier than March 6, 1917", {"not_before": "1917-03-06"}),
        ("[previously May 4, 1918]", "[previously May 4, 1918]", {"not_after": "1918-05-04"}),
        ("He left after July 27, 1916.", "July 27, 1916", {"when": "1916-07-27"}),  # an event after it
        ("сдать не позднее 1 мая 1930 г.", "1 мая 1930 г.", {"when": "1930-05-01"}),  # a deadline on that day
    ],
)
def test_an_editors_bound_outside_brackets(text: str, date: str, bounds: dict[str, str]) -> None:
    (match,) = find_dates(text, None)
    assert text[match.start : match.end] == date
    assert {k: v for k, v in vars(match).items() if k in ("when", "not_before", "not_after") and v} == bounds


SHAPES = [
    # a note number glued to the year: the whole word, the year's value
    ("contained in WARX 90992 of 01 July 19491 unless", None, [("01 July 19491", "1949-07-01")]),
    ("July 4, 1950 and 12345 men", None, [("July 4, 1950", "1950-07-04")]),
    ("from May 29 to August 27, 1932", None, [("May 29 to August 27, 1932", "1932-05-29..1932-08-27")]),
    ("funds for FY 1950 to", None, [("FY 1950", "1949-07..1950-06-30")]),
    ("in fiscal year 1980", None, [("fiscal year 1980", "1979-10..1980-09-30")]),
    ("talks of 6-17 April this year [1961] in", None, [("6-17 April this year [1961]", "1961-04-06..1961-04-17")]),
    ("Книга I. Москва. РОССПЭН 2005 стр. 379", None, [("2005", "2005")]),  # the page of a reference
    ("1500 шт. винтовок", None, []),  # a count
    ("Сталин. 19/VIII - 1933.", None, [("19/VIII - 1933", "1933-08-19")]),
    ("a ratio of 3/5 - 1950", 1930, [("3/5", "1930-05-03"), ("1950", "1950")]),
    # Old and New Style with a slash: the New Style day, the Old Style one kept
    ("Lenin left on 12/25 April 1917", None, [("12/25 April 1917", "1917-04-25")]),
    ("31 March/13 April 1917", None, [("31 March/13 April 1917", "1917-04-13")]),
    ("12/25 апреля 1917 г.", None, [("12/25 апреля 1917 г.", "1917-04-25")]),
    ("12/13 April 1950", None, [("April 1950", "1950-04")]),  # no Old Style pair: the month stands
    ("30 апреля – 2 мая 1950 г.", None, [("30 апреля – 2 мая 1950 г.", "1950-04-30..1950-05-02")]),
    # decades
    ("in the 1930s", None, [("1930s", "1930..1939")]),
    ("в 1930-е годы", None, [("1930-е годы", "1930..1939")]),
    ("1950-х годов", None, [("1950-х годов", "1950..1959")]),
    ("the 1933s", None, []),
    # a season or a half of a decade is none of a year: the decade alone
    (
        "in the spring of the 1920s, in the first half of 1920s, the 1920's",
        None,
        [("1920s", "1920..1929"), ("1920s", "1920..1929"), ("1920's", "1920..1929")],
    ),
    (
        "в первой половине 1920-х годов, весной 1920-х",
        None,
        [("1920-х годов", "1920..1929"), ("1920-х", "1920..1929")],
    ),
    ("Part 1/3", 1933, []),
    ("Часть 2/3", 1933, []),
    ("Протокол от 19 января\n1928 г. принят", None, [("19 января\n1928 г.", "1928-01-19")]),
    ("19 января\n1928 прошло", 1930, [("19 января", "1930-01-19")]),  # a number, not a year, begins the line
    ("23 янв[аря] 1918 г.", None, [("23 янв[аря] 1918 г.", "1918-01-23")]),
    ("в июле - августе месяцах", 1933, [("июле - августе", "1933-07-01..1933-08-31")]),
    ("в мае–июне 1941 г.", None, [("мае–июне 1941 г.", "1941-05-01..1941-06-30")]),
    ("статьи «Уроки Октября». После Октября", 1925, []),  # the revolution
    ("Октябрь 1917 г.", None, [("Октябрь 1917 г.", "1917-10")]),
    ("Public Domain: Lenin Internet Archive (2005). You may freely copy", None, []),
    ("© 2016 Издательство", None, []),
    ("Public Domain:\nLenin Internet Archive\n(2005).\nWritten May 3, 1917.", None, [("May 3, 1917", "1917-05-03")]),
    ("Public Domain:\na\nb\nc\nWritten in 1917.", None, [("1917", "1917")]),  # no sentence's end near: label only
]


def test_the_telegram_of_a_day() -> None:
    text = "With me are Noble, other Embassy personnel listed mytel 27th.4 FonMin at Suwon."
    assert [(text[m.start : m.end], _value(m)) for m in find_dates(text, 1950, 6)] == [("27th", "1950-06-27")]


@pytest.mark.parametrize(("text", "year", "expected"), SHAPES, ids=[c[0] for c in SHAPES])
def test_date_shapes(text: str, year: int | None, expected: list[tuple[str, str]]) -> None:
    blocked = rights_lines(text)
    assert [(text[m.start : m.end], _value(m)) for m in find_dates(text, year, None, blocked)] == expected


def test_an_undated_document_takes_no_year_from_the_editions_fields() -> None:
    doc = _document(None, "Kollontai leaves on 27.III.", "I wrote on July 3, 1917.")
    doc.fields["editorial"] = Block("field", "Published: First published January 21, 1928, in Pravda No. 18.")
    DatesEnricher().apply(doc, Context(), Reporter())
    assert _spans(doc.divisions[0].blocks[0]) == [
        ("27.III", {"when": "1917-03-27", "cert": "medium", "evidence": "internal"})
    ]


def test_a_month_ahead_is_reckoned_from_the_month_of_the_letter() -> None:
    doc = _document(
        "June 13, 1951",
        "In July we will be stronger than in June and in August even stronger.",
        "We will send it in January.",
    )
    DatesEnricher().apply(doc, Context(), Reporter())
    values = [v["when"] for block in doc.divisions[0].blocks for _, v in _spans(block)]
    assert values == ["1951-07", "1951-06", "1951-08", "1952-01"]  # June is this month, not a June after July


@given(st.text(alphabet="Public Domain:©(c). 2005\nab", max_size=80))
@settings(max_examples=200, deadline=None)
def test_rights_lines_start_lines_and_end_within_the_text(text: str) -> None:
    for start, end in rights_lines(text):
        assert 0 <= start <= end <= len(text)
        assert start == 0 or text[start - 1] == "\n"
        assert text[start:end].count("\n") <= 3
