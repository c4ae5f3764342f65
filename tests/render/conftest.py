"""Fixtures of the browser tests: one headless Chromium for the whole session, and axe-core from npm."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import require_tool

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1600",
)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium with a new empty profile."""
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


AXE_VERSION = "4"


@pytest.fixture(scope="session")
def axe(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The source of axe-core, installed from the npm registry into a temporary directory (never committed)."""
    npm = require_tool("npm")
    prefix = tmp_path_factory.mktemp("axe-core")
    command = [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(prefix)]
    command.append(f"axe-core@{AXE_VERSION}")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    script = prefix / "node_modules" / "axe-core" / "axe.min.js"
    if result.returncode or not script.is_file():
        message = f"axe-core could not be installed from npm: {result.stderr.strip()[-500:]}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return script.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests leave their screenshots (printed, to be looked at)."""
    return tmp_path_factory.mktemp("screenshots")
