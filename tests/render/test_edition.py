"""The built site as a published edition, in headless Chromium at 1280 and 390 px, light and dark.

Checks the acceptance list of the views: credits, source and TEI on the cable's page; the collection
linking its letters and each letter the next; search; the signatures of both witnesses side by side;
``#diplomatic`` opening its view; no sideways scrolling on a phone; dark mode; axe-core finding no
violation on any page type. Screenshots of every page type are left in a temporary directory.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from tei_encode.xmlio import safe_parser

from .test_browser import style

pytestmark = pytest.mark.slow

CABLE = "wilson-119543-cable-5542.html"
COLLECTION = "bolshevik-correspondence-091-100.html"
LETTER = "bolshevik-correspondence-no094.html"
PAGES = (
    "index.html",
    "people.html",
    "places.html",
    "chronology.html",
    "correspondence.html",
    "search.html",
    "about.html",
    CABLE,
    COLLECTION,
    LETTER,
)
WIDTHS = (1280, 390)


def open_page(driver: object, site: Path, name: str) -> None:
    """Open a page of the site, ``name`` possibly with a #fragment."""
    page, _, fragment = name.partition("#")
    driver.get((site / page).as_uri() + (f"#{fragment}" if fragment else ""))  # type: ignore[attr-defined]


def by(kind: str) -> str:
    from selenium.webdriver.common.by import By

    return str(getattr(By, kind))


def resize(driver: object, width: int) -> None:
    metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)  # type: ignore[attr-defined]


def scheme(driver: object, value: str) -> None:
    features = {"features": [{"name": "prefers-color-scheme", "value": value}]}
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", features)  # type: ignore[attr-defined]


@pytest.fixture
def driver(browser: object) -> object:
    """The shared browser, set back to 1280 px and light mode after each test."""
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})  # type: ignore[attr-defined]
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})  # type: ignore[attr-defined]


def test_the_cable_credits_its_source_and_offers_its_tei(driver: object, built: Path) -> None:
    site = built / "html"
    open_page(driver, site, CABLE)
    source = driver.find_element(by("ID"), "source")  # type: ignore[attr-defined]
    assert "Contributed by Sergey Radchenko" in source.text and "Leon Levy Foundation" in source.text
    hrefs = [a.get_attribute("href") for a in source.find_elements(by("TAG_NAME"), "a")]
    assert "https://digitalarchive.umd.edu/document/119543" in hrefs
    tei_link = source.find_element(by("CSS_SELECTOR"), "a[download]")
    tei_file = site / tei_link.get_attribute("download")
    assert tei_link.get_attribute("href") == tei_file.as_uri()
    assert etree.parse(str(tei_file), safe_parser()).getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    citation = source.find_element(by("CLASS_NAME"), "how-to-cite").text
    assert citation.startswith("Cable No. 5542") and f"(accessed {date.today().isoformat()})" in citation
    assert "Letters of the tei-encode corpus" in driver.find_element(by("CLASS_NAME"), "site-name").text  # type: ignore[attr-defined]


def test_the_collection_links_its_letters_and_each_letter_the_next(driver: object, built: Path) -> None:
    site = built / "html"
    open_page(driver, site, COLLECTION)
    letters = [
        a.get_attribute("href").rsplit("/", 1)[-1]
        for a in driver.find_elements(by("CSS_SELECTOR"), "#reading li a")  # type: ignore[attr-defined]
    ]
    assert letters == [f"bolshevik-correspondence-no{n:03d}.html" for n in range(91, 101)]
    for here, after in zip(letters, letters[1:], strict=False):
        open_page(driver, site, here)
        following = driver.find_element(by("CSS_SELECTOR"), "nav.sequence li.next a")  # type: ignore[attr-defined]
        assert following.get_attribute("href").endswith(after), here
        back = driver.find_element(by("CSS_SELECTOR"), "nav.sequence li.collection a")  # type: ignore[attr-defined]
        assert back.get_attribute("href").endswith(COLLECTION)
    following.click()
    assert driver.current_url.endswith(letters[-1])  # type: ignore[attr-defined]
    previous = driver.find_element(by("CSS_SELECTOR"), "nav.sequence li.prev a")  # type: ignore[attr-defined]
    assert previous.get_attribute("href").endswith(letters[-2])


def test_search_finds_budyonny_and_narrows_by_facets(driver: object, built: Path) -> None:
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    open_page(driver, built / "html", "search.html")
    box = driver.find_element(by("ID"), "q")  # type: ignore[attr-defined]
    box.send_keys("Budyonny")
    results = driver.find_elements(by("CSS_SELECTOR"), "#search-results li")  # type: ignore[attr-defined]
    assert len(results) >= 2
    assert all("budyonny" in r.find_element(by("TAG_NAME"), "mark").text.casefold() for r in results)
    box.send_keys(Keys.TAB)  # the facets follow the box in the keyboard order
    assert driver.switch_to.active_element.get_attribute("id") == "facet-person"  # type: ignore[attr-defined]
    Select(driver.find_element(by("ID"), "facet-year")).select_by_value("1951")  # type: ignore[attr-defined]
    assert driver.find_elements(by("CSS_SELECTOR"), "#search-results li") == []  # type: ignore[attr-defined]
    assert driver.find_element(by("ID"), "search-status").text == "0 documents found."  # type: ignore[attr-defined]
    box.clear()
    box.send_keys("ТЕЛЕГРАММОЙ")  # case and й folded, the snippet marking the word where it stands
    marks = [m.text for m in driver.find_elements(by("CSS_SELECTOR"), "#search-results mark")]  # type: ignore[attr-defined]
    assert marks == ["телеграммой"]
    box.clear()
    box.send_keys("Будённый")  # any form of the name
    Select(driver.find_element(by("ID"), "facet-year")).select_by_value("")  # type: ignore[attr-defined]
    assert len(driver.find_elements(by("CSS_SELECTOR"), "#search-results li")) == len(results)  # type: ignore[attr-defined]


def test_witnesses_show_both_signatures_side_by_side(driver: object, built: Path) -> None:
    open_page(driver, built / "html", f"{CABLE}#witnesses")
    view = driver.find_element(by("ID"), "witnesses")  # type: ignore[attr-defined]
    assert view.is_displayed()
    heads = [th.text for th in view.find_elements(by("CSS_SELECTOR"), "thead th")]
    assert heads == ["Typed copy (transcription 1)", "Draft (transcription 2)"]
    rows = [
        [td.text for td in tr.find_elements(by("TAG_NAME"), "td")]
        for tr in view.find_elements(by("CSS_SELECTOR"), "tbody tr")
    ]
    assert ['ФИЛИППОВ".', 'ФИЛИППОВ"'] in rows
    assert ["П Е К И Н", "ПЕКИН"] in rows
    struck = view.find_element(by("XPATH"), ".//td[2]//del")
    assert "line-through" in style(driver, struck, "text-decoration-line")


def test_deep_links_open_their_view_and_survive_a_reload(driver: object, built: Path) -> None:
    open_page(driver, built / "html", f"{CABLE}#diplomatic")
    for _ in range(2):  # as opened, and after a reload
        diplomatic = driver.find_element(by("ID"), "diplomatic")  # type: ignore[attr-defined]
        assert diplomatic.is_displayed() and not driver.find_element(by("ID"), "reading").is_displayed()  # type: ignore[attr-defined]
        deleted = diplomatic.find_element(by("TAG_NAME"), "del")
        assert "line-through" in style(driver, deleted, "text-decoration-line")
        driver.refresh()  # type: ignore[attr-defined]
    driver.find_element(by("CSS_SELECTOR"), "label[for='show-reading']").click()  # type: ignore[attr-defined]
    assert driver.current_url.endswith(f"{CABLE}#reading")  # type: ignore[attr-defined]
    driver.refresh()  # type: ignore[attr-defined]
    assert driver.find_element(by("ID"), "reading").is_displayed()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_and_dark_mode_is_honoured(
    driver: object, built: Path, shots: Path, width: int
) -> None:
    site = built / "html"
    resize(driver, width)
    for colours in ("light", "dark"):
        scheme(driver, colours)
        for name in PAGES:
            open_page(driver, site, name)
            wide = driver.execute_script(  # type: ignore[attr-defined]
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert wide <= 0, f"{name} scrolls {wide} px sideways at {width} px"
            background = style(driver, driver.find_element(by("TAG_NAME"), "body"), "background-color")  # type: ignore[attr-defined]
            red, green, blue = map(int, re.findall(r"\d+", background)[:3])
            assert (max(red, green, blue) < 64) if colours == "dark" else (min(red, green, blue) > 200), name
            shot = shots / f"{name.removesuffix('.html')}-{width}-{colours}.png"
            assert driver.save_screenshot(str(shot))  # type: ignore[attr-defined]
    print(f"screenshots: {shots}")


def test_tooltips_wrap_on_a_phone(driver: object, built: Path) -> None:
    resize(driver, 390)
    open_page(driver, built / "html", CABLE)
    driver.find_element(by("CSS_SELECTOR"), "label[for='show-reading']").click()  # type: ignore[attr-defined]
    link = driver.find_element(by("CSS_SELECTOR"), "#reading a.entity[href$='#Stalin']")  # type: ignore[attr-defined]
    driver.execute_script("arguments[0].focus()", link)  # type: ignore[attr-defined]
    after = "return getComputedStyle(arguments[0], '::after').getPropertyValue(arguments[1])"
    assert driver.execute_script(after, link, "white-space") == "normal"  # type: ignore[attr-defined]
    assert float(driver.execute_script(after, link, "max-width").removesuffix("px")) <= 390  # type: ignore[attr-defined]


def test_print_keeps_the_view_name_and_the_citation(driver: object, built: Path) -> None:
    open_page(driver, built / "html", f"{CABLE}#diplomatic")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})  # type: ignore[attr-defined]
    assert driver.find_element(by("ID"), "diplomatic-title").is_displayed()  # type: ignore[attr-defined]
    assert driver.find_element(by("CLASS_NAME"), "how-to-cite").is_displayed()  # type: ignore[attr-defined]
    assert not driver.find_element(by("ID"), "reading").is_displayed()  # type: ignore[attr-defined]
    assert not driver.find_element(by("CSS_SELECTOR"), "header.site").is_displayed()  # type: ignore[attr-defined]


@pytest.mark.parametrize("colours", ["light", "dark"])
def test_axe_finds_no_violations(driver: object, built: Path, axe: str, colours: str) -> None:
    scheme(driver, colours)
    site = built / "html"
    # every rule in light mode; in dark mode, where only the colours change, the contrast rule
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if colours == "dark":
        options["runOnly"] = {"type": "rule", "values": ["color-contrast"]}
    found = {}
    for name in PAGES:
        for view in ["reading", "diplomatic", "witnesses"] if name == CABLE else [""]:
            open_page(driver, site, f"{name}#{view}" if view else name)
            driver.execute_script(axe)  # type: ignore[attr-defined]
            result = driver.execute_async_script(  # type: ignore[attr-defined]
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, arguments[0]).then((r) => done(r.violations.map("
                "(v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', '))));",
                options,
            )
            if result:
                found[f"{name}#{view}"] = result
    assert found == {}
