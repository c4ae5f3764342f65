"""ODD customisations as schemas: the TEI's ODD processors fetched and pinned (``tools.py``), an ODD compiled
to RELAX NG and Schematron with them under Saxon and cached (``compiler.py``)."""
