"""Exchange with other projects: CMIF for correspSearch, the register check, mention export.

Everything here reads finished TEI trees (the writer's output or TEI files),
never the document model: what another edition receives is exactly what the
TEI says. ``inputs`` turns command-line paths into TEI documents, ``entities``
resolves ``@ref`` pointers to the ``standOff`` entries and their authority
ids, and ``cmif``, ``mentions`` and ``register_check`` build on them.
"""
