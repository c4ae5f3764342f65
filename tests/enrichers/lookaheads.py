"""A pattern less the look-ahead it opens with: what a rule matched before the look-ahead was put in front of it."""

from __future__ import annotations

import re


def without_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` less the look-ahead it opens with."""
    source, depth = pattern.pattern, 0
    for end, char in enumerate(source):
        depth += {"(": 1, ")": -1}.get(char, 0) if source[end - 1 : end] != "\\" else 0
        if depth == 0:
            return re.compile(source[end + 1 :], pattern.flags)
    raise AssertionError(f"unbalanced: {source}")
