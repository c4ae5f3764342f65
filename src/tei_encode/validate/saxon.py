"""The one Saxon processor of a process, started on first use (saxonche supports one per process)."""

from __future__ import annotations

from typing import Any

_SAXON: list[Any] = []


def processor() -> Any:
    """The Saxon processor of this process, started now if need be."""
    if not _SAXON:
        from saxonche import PySaxonProcessor

        _SAXON.append(PySaxonProcessor(license=False))
    return _SAXON[0]


def started() -> bool:
    """Whether this process has started Saxon (a process forked after that cannot use it)."""
    return bool(_SAXON)
