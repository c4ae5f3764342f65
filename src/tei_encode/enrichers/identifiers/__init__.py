"""Identifiers: archival citations (archives, shelfmarks) and document numbers as ``idno`` spans."""
