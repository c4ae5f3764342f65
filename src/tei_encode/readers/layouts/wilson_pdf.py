"""A Wilson Center Digital Archive PDF export whose text came out as one line.

Copying the text of the PDF an export is printed to gives the whole export on one line: the date, the title,
``Citation:``, ``Summary:``, ``Credits:``, ``Original Language:``, ``Contents:``, the content labels
(``Original Scan``, ``Translation - English``) and the texts, run together. The labels mark where the lines
were; the date the export opens with is a line of its own. Paragraph breaks inside a text are lost for good.
"""

from __future__ import annotations

import re

from ...lexicon import ENGLISH_MONTHS
from . import Layout

_MONTHS = "|".join(ENGLISH_MONTHS)
_FIELDS = r"Citation|Summary|Credits|Original Language|Original Archive|Contents|Authors|Keywords"
_CONTENTS = r"Original Scan|(?:English )?Translation - [A-Z][a-z]+|Transcri(?:pt|ption) - [A-Z][a-z]+"
LAYOUT = Layout(
    name="wilson-pdf",
    base="wilson",
    signs=(re.compile(r"\A\s*[^\n]*\bCitation:\s[^\n]*\bContents:\s[^\n]*\s*\Z"),),
    breaks=re.compile(rf"(?:^|\s)(?:(?:{_FIELDS}):|{_CONTENTS})(?=\s)"),
    lead=re.compile(rf"\A(?:(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}|\d{{4}})\s"),
)
