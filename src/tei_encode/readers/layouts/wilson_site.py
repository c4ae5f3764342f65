"""A Wilson Center Digital Archive document page as copied from today's site.

The page holds what an export holds, with site chrome around it (``Skip to content``, the site's name, search
and menu, the breadcrumb above; sharing links and the footer below), labels without colons, and a
``Document Information`` block after the texts (Source, Rights, Original Uploaded Date, Type, Language,
Record ID). The document starts at its date line (else at its title) and ends with the value of
``Record ID``; the lines around are chrome.
"""

from __future__ import annotations

import re

from ...lexicon import ENGLISH_MONTHS
from . import Layout

_MONTHS = "|".join(ENGLISH_MONTHS)
LAYOUT = Layout(
    name="wilson-site",
    base="wilson",
    # The site's block of fields (its heading and its last label), with or without a Citation field above it.
    signs=(
        re.compile(r"^\s*Document Information\s*$", re.M | re.I),
        re.compile(r"^\s*Record ID:?\s*$", re.M | re.I),
    ),
    chrome=(
        re.compile(r"Skip to (?:main )?content|Share|Print|Download|Menu|Search|Close", re.I),
        re.compile(r"Document Information", re.I),  # the site's heading over the fields that follow
        re.compile(r"(?:Digital Archive|Home)\s*(?:[/>›»|]\s*[^/>›»|]+)+"),  # a breadcrumb
    ),
    chrome_before=re.compile(
        rf"(?:{_MONTHS})(?:\s+\d{{1,2}})?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\d{{4}}"
    ),
    chrome_after=re.compile(r"Record ID:?", re.I),
    labels={
        "citation": "Citation:",
        "summary": "Summary:",
        "credits": "Credits:",
        "original language": "Original Language:",
        "contents": "Contents:",
        "original archive": "Original Archive:",
        "authors": "Authors:",
        "keywords": "Keywords:",
    },
)
