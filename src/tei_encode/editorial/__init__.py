"""Editors' control over the conversion: the review of every uncertain decision, and decisions that survive rebuilds.

``rows`` lists what the converters were unsure of (review rows with stable ids),
``decisions`` reads the editors' decisions file, ``anchors`` finds the mention a
decision means by its text and occurrence or a snippet of context (never by
offsets), ``apply`` applies the decisions to an enriched document, ``record``
notes in the TEI that an editor decided, ``page`` writes the review as HTML, CSV
and JSON, and ``accept`` moves accepted provisional entries into the register.
"""
