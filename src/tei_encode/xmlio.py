"""Safe XML parsing and deterministic, atomic output.

Every document is parsed without entity resolution, DTD loading or network access, and
``parse_file`` refuses what a hostile document could use against its reader: an external DTD
subset, entity declarations (external entities, "billion laughs"), and nesting deeper than
libxml2's limit of 256 levels. Refusals raise ``UnsafeXML``, a ``TeiEncodeError`` that is also an
``etree.XMLSyntaxError`` so every caller that handles bad XML handles them too.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from .errors import TeiEncodeError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {None: TEI_NS}
RNG_TYPE = "http://relaxng.org/ns/structure/1.0"
SCHEMATRON_TYPE = "http://purl.oclc.org/dsdl/schematron"
# How TEI written by tei-encode names the project's schemas in ``<?xml-model?>`` (href, schematypens).
# The validator maps these names to the schemas shipped with the package; nothing is fetched.
PROJECT_SCHEMAS = (
    ("urn:x-tei-encode:schema:tei_encode.rng", RNG_TYPE),
    ("urn:x-tei-encode:schema:tei_encode.sch", SCHEMATRON_TYPE),
)


# libxml2's own messages for the limits it enforces, and what they mean to a reader.
_LIMITS = {
    "Excessive depth in document": "elements nested deeper than 256 levels; refused",
    "entity amplification": "entity expansion (billion laughs); refused",
    "Detected an entity reference loop": "recursive entity references; refused",
}


class UnsafeXML(TeiEncodeError, etree.XMLSyntaxError):  # type: ignore[misc]
    """A document refused because it uses a feature that can read files, reach the network or exhaust memory."""

    def __init__(self, message: str, line: int = 0, column: int = 0, filename: str = "") -> None:
        super().__init__(message, 0, line, column, filename)


def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """A parser that resolves no entities, loads no DTD and never touches the network.

    ``recover`` lets it go on after errors (the validator uses it only past a duplicate ``xml:id``).
    """
    return etree.XMLParser(
        recover=recover,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_file(path: Path) -> etree._ElementTree:
    """Parse an XML file safely.

    Raises ``OSError`` when it cannot be read, ``UnsafeXML`` for a refused construct and
    ``etree.XMLSyntaxError`` when it is not well-formed.
    """
    try:
        tree = etree.parse(str(path), safe_parser())
    except UnsafeXML:
        raise
    except etree.XMLSyntaxError as exc:
        refusal = next((text for key, text in _LIMITS.items() if key in str(exc.msg)), None)
        if refusal is None:
            raise
        line, column = exc.position if exc.position else (0, 0)
        raise UnsafeXML(refusal, line, column, str(path)) from None
    check_doctype(tree, str(path))
    return tree


def check_doctype(tree: etree._ElementTree, filename: str = "") -> None:
    """Raise ``UnsafeXML`` when the document type declaration names an external subset or declares entities."""
    info = tree.docinfo
    if info.system_url or info.public_id:
        raise UnsafeXML(
            f"external DTD subset {info.system_url or info.public_id!r} refused (DTDs are never loaded)",
            1,
            0,
            filename,
        )
    dtd = info.internalDTD
    if dtd is None:
        return
    entities = [entity.name for entity in dtd.iterentities()]
    if entities:
        raise UnsafeXML(
            f"entity declarations refused ({', '.join(entities[:5])}): entities are never expanded", 1, 0, filename
        )


def tei(tag: str) -> str:
    """The Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


def serialize(tree: etree._Element | etree._ElementTree) -> bytes:
    """UTF-8 bytes with an XML declaration and a final newline, the same for the same tree.

    A document element is written with the processing instructions before it (``<?xml-model?>``).
    """
    if isinstance(tree, etree._Element) and tree.getparent() is None:
        tree = tree.getroottree()
    return bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True)) + b"\n"


def update_atomic(path: Path, data: bytes) -> bool:
    """``write_atomic`` unless ``path`` holds ``data`` already (left alone, its time kept); whether it wrote."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so no half-written file is ever seen."""
    write_atomic_parts(path, (data,))


def write_atomic_parts(path: Path, parts: Iterable[bytes]) -> None:
    """``write_atomic`` of the bytes of ``parts`` one after the other, never joined in memory."""
    try:
        fd, tmp = _temporary(path)
    except FileNotFoundError:  # the directory is made only when missing: most writes go where others went
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(parts)
        os.chmod(tmp, 0o644)  # whatever the umask: the same files as the last build
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


_TEMPORARY = itertools.count()


def _temporary(path: Path) -> tuple[int, Path]:
    """A new file ``.NAME.PID-N`` beside ``path``, open for writing.

    Named by process and counter rather than at random (``tempfile`` costs as much again as the write);
    a file of that name left by a killed process of the same number is passed over.
    """
    while True:
        tmp = path.parent / f".{path.name}.{os.getpid()}-{next(_TEMPORARY)}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            continue
        return fd, tmp
