"""Enrichers add annotation spans to a document, in a declared order.

Each enricher has a ``name``, a ``priority`` (lower runs first: corrections,
then identifiers, references to printed works, dates (and those with no year to complete), persons, places,
unregistered people, names proposed by a model or gazetteer, correspondence) and one
``apply(document, context, reporter)``. Later enrichers see the spans of
earlier ones and leave text already claimed alone. An enricher may also have
``apply_to_page(documents, context, reporter)``, run by ``enrich_page`` once all
the documents of one source are enriched (a name one letter of a page leaves open,
another may settle).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol, runtime_checkable

from ..diagnostics import Reporter
from ..errors import UnknownName
from ..model import Document
from .context import Context

__all__ = ["Context", "Enricher", "PageEnricher", "enrich", "enrich_page", "registry"]


class Enricher(Protocol):
    """One pass over a document that adds spans."""

    name: str
    priority: int

    def apply(self, document: Document, context: Context, reporter: Reporter) -> None:
        """Add this enricher's spans to ``document``."""


@runtime_checkable
class PageEnricher(Enricher, Protocol):
    """An enricher that also looks at all the documents of one source together."""

    def apply_to_page(self, documents: Sequence[Document], context: Context, reporter: Reporter) -> None:
        """Revise the spans of ``documents`` in the light of each other."""


def registry() -> dict[str, Enricher]:
    """The known enrichers by name."""
    return dict(_enrichers())


@lru_cache(maxsize=1)
def _enrichers() -> dict[str, Enricher]:
    """One instance of each enricher (they keep no state), made once."""
    from .bibliography import BibliographyEnricher
    from .corrections import CorrectionsEnricher
    from .correspondence import CorrespondenceEnricher
    from .dates.enricher import DatesEnricher
    from .dates.yearless import YearlessDatesEnricher
    from .identifiers.enricher import IdentifiersEnricher
    from .names.enricher import PersonsEnricher, PlacesEnricher
    from .proposals import ProposedNamesEnricher
    from .unregistered.enricher import UnregisteredNamesEnricher

    found: list[Enricher] = [
        CorrectionsEnricher(),
        IdentifiersEnricher(),
        BibliographyEnricher(),
        DatesEnricher(),
        YearlessDatesEnricher(),
        PersonsEnricher(),
        PlacesEnricher(),
        UnregisteredNamesEnricher(),
        ProposedNamesEnricher(),
        CorrespondenceEnricher(),
    ]
    return {e.name: e for e in found}


def enrich(document: Document, context: Context, reporter: Reporter, names: Iterable[str] | None = None) -> Document:
    """Run the named enrichers (all by default) in priority order over ``document``."""
    known = registry()
    chosen = list(known) if names is None else list(names)
    for name in chosen:
        if name not in known:
            raise UnknownName("enricher", name, known)
    for enricher in sorted((known[n] for n in chosen), key=lambda e: (e.priority, e.name)):
        enricher.apply(document, context, reporter)
    return document


def enrich_page(documents: Sequence[Document], context: Context, reporter: Reporter) -> None:
    """Run the page step of every enricher that has one, in priority order, over the enriched documents of a source."""
    for enricher in sorted(registry().values(), key=lambda e: (e.priority, e.name)):
        if isinstance(enricher, PageEnricher):
            enricher.apply_to_page(documents, context, reporter)
