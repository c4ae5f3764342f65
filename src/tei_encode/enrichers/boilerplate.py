"""Blocks whose words name nothing of the document: a statement of rights or a licence.

A site's rights statement ("retained by the rights holders in accordance with US and international copyright
laws") holds names no edition marks as mentions; every name enricher leaves such a block alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Searched in every block: each branch opens with a letter, and the word boundary before it is a look-behind after
# it, so that the search skips to the letters a match can start with.
RIGHTS_STATEMENT = re.compile(
    r"C(?<!\wC)opyright(?:ed)?\b|c(?<!\wc)opyright(?:ed)?\b|©"
    r"|A(?<!\wA)ll rights reserved\b|a(?<!\wa)ll rights reserved\b"
)


@lru_cache(maxsize=4096)
def is_rights_statement(text: str) -> bool:
    """Whether ``text`` states rights or a licence (``copyright``, ``©``, ``All rights reserved``); cached, as every
    name enricher asks of the same blocks."""
    return RIGHTS_STATEMENT.search(text) is not None
