"""Word files (``.docx``) to document models: a defensive archive, styles, paragraphs, the body."""

from __future__ import annotations

from .archive import DocxError
from .reader import DocxReader

__all__ = ["DocxError", "DocxReader"]
