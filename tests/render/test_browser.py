"""The built site in headless Chromium (Debian's package, driven by Selenium through chromedriver)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

pytestmark = pytest.mark.slow

CABLE = "wilson-119543-cable-5542.html"
DELETED = "руководстве боевыми действиями"
INSERTED = "особенно"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def open_page(driver: object, site: Path, name: str) -> None:
    driver.get((site / name).as_uri())  # type: ignore[attr-defined]


def style(driver: object, element: object, prop: str) -> str:
    script = "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])"
    return str(driver.execute_script(script, element, prop))  # type: ignore[attr-defined]


def show(driver: object, view: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f"label[for='show-{view}']").click()  # type: ignore[attr-defined]
    assert driver.find_element(By.ID, view).is_displayed()  # type: ignore[attr-defined]


def test_cable_views_in_the_browser(browser: object, built: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    site = built / "html"
    open_page(browser, site, CABLE)
    show(browser, "diplomatic")
    diplomatic = browser.find_element(By.ID, "diplomatic")  # type: ignore[attr-defined]
    (deleted,) = [d for d in diplomatic.find_elements(By.TAG_NAME, "del") if DELETED in d.text]
    assert "line-through" in style(browser, deleted, "text-decoration-line")
    (inserted,) = [i for i in diplomatic.find_elements(By.TAG_NAME, "ins") if i.text == INSERTED]
    assert style(browser, inserted, "vertical-align") == "super"
    assert INSERTED in diplomatic.text and DELETED in diplomatic.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", deleted)  # type: ignore[attr-defined]
    shot = tmp_path / "cable-diplomatic.png"
    assert browser.save_screenshot(str(shot))  # type: ignore[attr-defined]
    print(f"screenshot: {shot}")

    show(browser, "reading")
    reading = browser.find_element(By.ID, "reading")  # type: ignore[attr-defined]
    assert INSERTED in reading.text and DELETED not in reading.text
    assert not diplomatic.is_displayed()
    assert DELETED not in browser.find_element(By.TAG_NAME, "body").text  # type: ignore[attr-defined]
    paragraph = reading.find_element(By.XPATH, f".//p[contains(., '{INSERTED}')]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", paragraph)  # type: ignore[attr-defined]
    shot = tmp_path / "cable-reading.png"
    assert browser.save_screenshot(str(shot))  # type: ignore[attr-defined]
    print(f"screenshot: {shot}")

    show(browser, "witnesses")
    rows = browser.find_elements(By.CSS_SELECTOR, "#witnesses table tbody tr")  # type: ignore[attr-defined]
    marked = [
        [{m.text for m in td.find_elements(By.TAG_NAME, "mark")} for td in r.find_elements(By.TAG_NAME, "td")]
        for r in rows
    ]
    assert [["встают"], ["встанут"]] in [[sorted(c & {"встают", "встанут"}) for c in row] for row in marked]
    first = [row for row in rows if "В связи с Вашей телеграммой" in row.text][0]
    assert len(first.find_elements(By.TAG_NAME, "mark")) == 1  # "дополнительного", only in the copy
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)  # type: ignore[attr-defined]
    shot = tmp_path / "cable-witnesses.png"
    assert browser.save_screenshot(str(shot))  # type: ignore[attr-defined]
    print(f"screenshot: {shot}")


def test_person_link_leads_to_the_index_entry_and_back(browser: object, built: Path) -> None:
    from selenium.webdriver.common.by import By

    site = built / "html"
    naming = set()
    for path in sorted((built / "tei").glob("*.xml")):
        if etree.parse(str(path)).xpath("//tei:text//tei:persName[@ref='#Stalin']", namespaces=TEI):
            naming.add(f"{path.stem}.html")
    assert len(naming) > 1
    open_page(browser, site, CABLE)
    show(browser, "reading")
    link = browser.find_element(By.CSS_SELECTOR, "#reading a.entity[href$='#Stalin']")  # type: ignore[attr-defined]
    assert "Joseph Stalin" in (link.get_attribute("title") or "")
    browser.execute_script("arguments[0].focus()", link)  # type: ignore[attr-defined]
    popover = "return getComputedStyle(arguments[0], '::after').content"
    assert "Joseph Stalin" in browser.execute_script(popover, link)  # type: ignore[attr-defined]
    link.click()
    assert browser.current_url.endswith("people.html#Stalin")  # type: ignore[attr-defined]
    entry = browser.find_element(By.ID, "Stalin")  # type: ignore[attr-defined]
    assert entry.is_displayed() and entry.find_element(By.TAG_NAME, "h2").text == "Joseph Stalin"
    back = {
        a.get_attribute("href").rsplit("/", 1)[-1]: a for a in entry.find_elements(By.CSS_SELECTOR, "ul.mentions a")
    }
    assert naming <= set(back)
    back[CABLE].click()
    assert browser.current_url.endswith(CABLE)  # type: ignore[attr-defined]


def test_footnote_reference_leads_to_its_note(browser: object, built: Path) -> None:
    from selenium.webdriver.common.by import By

    site = built / "html"
    open_page(browser, site, "bolshevik-correspondence-no091.html")
    ref = browser.find_element(By.CSS_SELECTOR, "#reading a.noteref")  # type: ignore[attr-defined]
    target = ref.get_attribute("href").rsplit("#", 1)[1]
    ref.click()
    assert browser.current_url.endswith(f"#{target}")  # type: ignore[attr-defined]
    note = browser.find_element(By.ID, target)  # type: ignore[attr-defined]
    assert note.tag_name == "li" and note.is_displayed() and "Kommunist" in note.text
    assert browser.execute_script("return document.querySelector(':target') === arguments[0]", note)  # type: ignore[attr-defined]
    note.find_element(By.CSS_SELECTOR, "a.back").click()
    assert browser.current_url.endswith(f"#{ref.get_attribute('id')}")  # type: ignore[attr-defined]


def test_corpus_table_sorts_and_pages_print_without_navigation(browser: object, built: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, built / "html", "index.html")

    def column(k: int) -> list[str]:
        cells = browser.find_elements(By.CSS_SELECTOR, f"table.corpus tbody tr td:nth-child({k})")  # type: ignore[attr-defined]
        return [c.text for c in cells]

    dates = [c.get_attribute("data-sort") for c in browser.find_elements(By.CSS_SELECTOR, "tbody td:first-child")]  # type: ignore[attr-defined]
    assert dates == sorted(dates)
    by_date = column(2)
    title = browser.find_element(By.XPATH, "//th/button[.='Title']")  # type: ignore[attr-defined]
    title.click()
    titles = column(2)
    assert sorted(titles) == sorted(by_date) and titles == sorted(titles, key=str.casefold)
    assert title.find_element(By.XPATH, "..").get_attribute("aria-sort") == "ascending"
    title.click()
    assert column(2) == list(reversed(titles))

    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})  # type: ignore[attr-defined]
    try:
        header = browser.find_element(By.CSS_SELECTOR, "header.site")  # type: ignore[attr-defined]
        assert style(browser, header, "display") == "none"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})  # type: ignore[attr-defined]
