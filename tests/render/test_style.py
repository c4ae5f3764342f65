"""The stylesheet: enough contrast for its text colours in light and dark mode, no external resources, print rules."""

from __future__ import annotations

import re

import pytest

from tei_encode.render import script, stylesheet

CSS = stylesheet().decode("utf-8")
LIGHT, DARK = CSS.split("@media (prefers-color-scheme: dark)", 1)
SCHEMES = {
    "light": dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", LIGHT)),
    "dark": dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", DARK.split("}", 1)[0])),
}


def luminance(colour: str) -> float:
    channels = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        ("ink", "paper"),
        ("muted", "paper"),
        ("accent", "paper"),
        ("added", "paper"),
        ("deleted", "paper"),
        ("ink", "mark"),
        ("paper", "accent"),
        ("tipink", "tip"),
        ("ink", "shade"),
        ("muted", "shade"),
        ("accent", "shade"),
        ("ink", "target"),
        ("accent", "target"),
    ],
    ids=str,
)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_meet_wcag_aa(scheme: str, foreground: str, background: str) -> None:
    variables = SCHEMES[scheme]
    assert set(variables) == set(SCHEMES["light"])  # dark mode sets every colour
    assert contrast(variables[foreground], variables[background]) >= 4.5


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") < 4.5


def test_no_external_resources_and_print_rules() -> None:
    for text in (CSS, *(script(name).decode("utf-8") for name in ("sort.js", "page.js", "search.js"))):
        assert not re.search(r"https?://|@import|url\(", text)
    assert "@media print" in CSS
    assert len(script().decode("utf-8").strip().splitlines()) <= 12
