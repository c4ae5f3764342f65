"""Exchange with other projects: CMIF for correspSearch, exports, the register check and reconciliation.

Everything that goes out reads finished TEI trees (the writer's output or TEI
files), never the document model: what another edition receives is exactly
what the TEI says. ``inputs`` turns command-line paths into TEI documents,
``entities`` resolves ``@ref`` pointers to the ``standOff`` entries and their
authority ids, and ``cmif`` (with its settings in ``edition``), ``mentions``
and ``letters`` build on them. The register's side: ``idsyntax`` (the form of
an id in each authority file), ``checks`` (what was seen when an id was
checked), ``register_check``, and ``authorities`` and ``reconcile`` (asking
Wikidata, lobid-gnd and GeoNames, and proposing).
"""
