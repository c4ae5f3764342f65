"""tei-encode: archival source texts to TEI P5, validation and reading views."""

from __future__ import annotations

__version__ = "0.1.0"
