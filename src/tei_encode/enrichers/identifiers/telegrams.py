"""How the State Department and the cable offices cite files and telegrams by number.

A file of the decimal filing system (``795.00/6–2850``, ``330/6–2650``), a
telegram by the abbreviation of its sender (``Embtel 1519``) or by its post
(``Ref: Moscow 3501``), a message by its series (``WARX 90992 of 01 July
1949``). The patterns' group ``value`` holds the number; ``document_numbers``
types and marks them.
"""

from __future__ import annotations

import re

from ...lexicon import ENGLISH_MONTHS

# A file number of the State Department's decimal filing system: "760C.61/2206", "711.61/123", with the date
# the file received the document ("795.00/6–2850", "611.95B/5–2550").
DECIMAL_FILE = re.compile(
    r"(?<![\w./])(?P<value>\d{3}[A-Z]{0,2}\d{0,2}\.\d{1,5}[A-Z]{0,2}\d{0,3}/\d{1,6}(?:[-–]\d{2,6})?)(?![\w/–-])"
)
# A file of a main class alone, without its decimal subdivision, is known by the date suffix it then must carry:
# "330/6–2650" (class 330, the United Nations, filed 26 June 1950); "100/1-2000" dates nothing and is none. As a
# source note cites it, it stands in parentheses or heads the line before a colon (not as a telephone number does).
CLASS_FILE = re.compile(r"(?:(?<=\()|^)(?P<value>\d{3}/(?:1[0-2]|[1-9])[-–][0-3]\d\d{2})(?:(?=\))|(?=:))", re.M)
# The State Department's abbreviations of telegrams cited by number: "Embtel 1519" (the embassy's), "Deptel 631"
# (the Department's), "Urtel 940" (yours), "mytel 27", "reftel", "contel" (the consulate's), "circtel".
TELEGRAM_REFERENCE = re.compile(
    r"(?<![\w.])(?:[Ee]mb|[Dd]ep|[Uu]r|[Mm]y|[Rr]ef|[Cc]on|[Cc]irc|[Dd]epcir)tel[ \t]+(?P<value>\d{1,5})(?!\w)"
)
# A telegram cited by the post that sent it and its number, after "Ref:": "Ref: Moscow 3501", "Refs: Paris 12".
POST_TELEGRAM = re.compile(
    r"(?<![\w.])(?:Refs?|Reference|Reftels?)[:.]?[ \t]+"
    r"(?P<value>(?-i:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+\d{1,5})(?!\w)"
)
# A message cited by its series in capitals and its number, with its date: "WARX 90992 of 01 July 1949". It opens
# with its first capital and looks behind it (searched in every text with an "of": re skips to the capitals).
SERIES_MESSAGE = re.compile(
    rf"(?P<value>[A-Z](?<![\w.][A-Z])[A-Z]{{2,4}}[ \t]+(?!(?:1[5-9]|20)\d\d\b)\d{{3,6}})"
    rf"(?=[ \t]+of[ \t]+\d{{1,2}}[ \t]+(?:{'|'.join(ENGLISH_MONTHS)}))"
)
