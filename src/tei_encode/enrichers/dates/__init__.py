"""Dates: calendar expressions in English, Russian and digits as ISO 8601 date spans (``enricher.DatesEnricher``)."""
