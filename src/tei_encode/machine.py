"""What the machine gives this process."""

from __future__ import annotations

import os


def cores() -> int:
    """The processors this process may run on (a CI runner's container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
