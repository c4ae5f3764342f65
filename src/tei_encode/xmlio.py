"""Safe XML parsing and deterministic, atomic output."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {None: TEI_NS}


def safe_parser(*, line_numbers: bool = True) -> etree.XMLParser:
    """A parser that resolves no entities, loads no DTD and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_file(path: Path) -> etree._ElementTree:
    """Parse an XML file safely; raises ``etree.XMLSyntaxError`` on bad XML."""
    return etree.parse(str(path), safe_parser())


def tei(tag: str) -> str:
    """The Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


def serialize(tree: etree._Element | etree._ElementTree) -> bytes:
    """UTF-8 bytes with an XML declaration and a final newline, the same for the same tree."""
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True) + b"\n"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so no half-written file is ever seen."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
