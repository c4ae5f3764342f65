"""The main job: convert, validate and render a whole corpus, in parallel and incrementally.

``run`` orchestrates a build, ``worker`` does the work of one source, ``keys``
decides what must be rebuilt, ``lock`` keeps a second build out of the output
directory, and ``cluster`` runs the work on a Dask cluster (an optional extra).
"""

from __future__ import annotations

from .lock import Holder, OutputLocked
from .run import (
    SOURCES_PER_WORKER_START,
    BuildResult,
    ClusterUnavailable,
    Progress,
    build,
    build_schemas,
    corpus_sources,
)
from .worker import BuildError, BuildSettings, Worker

__all__ = [
    "SOURCES_PER_WORKER_START",
    "BuildError",
    "BuildResult",
    "BuildSettings",
    "ClusterUnavailable",
    "Holder",
    "OutputLocked",
    "Progress",
    "Worker",
    "build",
    "build_schemas",
    "corpus_sources",
]
