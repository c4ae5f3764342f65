"""The review page in headless Chromium, opened from the file system: the filters show and hide rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import require_tool
from ..render.conftest import FLAGS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    chromium = require_tool("chromium")
    chromedriver = require_tool("chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    yield driver
    driver.quit()


def visible_rows(driver: object) -> list[tuple[str, str]]:
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "tbody tr")  # type: ignore[attr-defined]
    return [(r.get_attribute("data-kind"), r.get_attribute("data-document")) for r in rows if r.is_displayed()]


def choose(driver: object, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, f"filter-{name}")).select_by_value(value)  # type: ignore[attr-defined]


def test_filters_by_kind_document_and_status(browser: object, built: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get((built / "review" / "index.html").as_uri())  # type: ignore[attr-defined]
    assert len(visible_rows(browser)) == 33  # with Bugach (No. 98), decided in decisions.csv
    choose(browser, "kind", "namesake")
    assert visible_rows(browser) == [("namesake", "bolshevik-correspondence-no099")] * 2
    assert browser.find_element(By.ID, "shown").text == "2"  # type: ignore[attr-defined]
    choose(browser, "kind", "")
    choose(browser, "document", "wilson-119543-cable-5542")
    assert {kind for kind, _ in visible_rows(browser)} == {"unregistered", "date"}
    choose(browser, "status", "open")
    assert visible_rows(browser) == []
    choose(browser, "status", "decided")
    assert len(visible_rows(browser)) == 11  # 8 dates, Корнюшина and Макаров twice
    mark = browser.find_element(By.CSS_SELECTOR, "tr.decided:not([hidden]) td.context mark")  # type: ignore[attr-defined]
    assert mark.is_displayed()
