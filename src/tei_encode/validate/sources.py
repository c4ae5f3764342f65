"""Where schemas come from: ``--schema`` names and files, and the documents' ``<?xml-model?>``.

A ``--schema`` value is a file (``.rng``, ``.xsd``, ``.sch``, ``.isosch``) or a named schema
(``tei_all``: its RELAX NG grammar and Schematron from the user cache). An ``<?xml-model
href=... schematypens=...?>`` instruction names a local file, relative to the document, or a URL,
which is looked up in the user cache only (the TEI's own URLs of ``tei_all`` map to the named
schema; other URLs to files put there by ``tei-encode schema fetch URL``) and never fetched.
A RELAX NG grammar named with the Schematron ``schematypens`` (as the TEI's generated
instructions do) stands for the Schematron embedded in it.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import SchemaNotFound
from ..xmlio import write_atomic
from .cache import cache_dir, sha256_file, url_cache_path
from .named import NAMED, extract_schematron, named_schema_files

SCHEMATRON_TYPE = "http://purl.oclc.org/dsdl/schematron"
_PSEUDO_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# The URLs under which the TEI publishes tei_all; documents written with oXygen's TEI templates use them.
_TEI_ALL_URL = re.compile(
    r"^https?://(?:www\.)?tei-c\.org/(?:release|Vault/P5/[\d.]+)/xml/tei/custom/schema/relaxng/tei_all\.rng$"
)


def resolve_schema(spec: str | Path) -> list[Path]:
    """The schema files a ``--schema`` value stands for (a named schema or one file)."""
    text = str(spec)
    if text in NAMED:
        return named_schema_files(text)
    return [Path(text)]


def xml_model_schemas(tree: etree._ElementTree, document: Path) -> list[Path]:
    """The schema files named by the document's ``<?xml-model?>`` instructions, in order.

    Raises ``SchemaNotFound`` for a file that is not there or a URL that is not in the cache.
    """
    found: list[Path] = []
    node = tree.getroot().getprevious()
    instructions: list[etree._ProcessingInstruction] = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            instructions.insert(0, node)
        node = node.getprevious()
    for instruction in instructions:
        attributes = {
            m.group(1): m.group(2) or m.group(3) or "" for m in _PSEUDO_ATTRIBUTE.finditer(instruction.text or "")
        }
        href = attributes.get("href", "").strip()
        if href:
            found.append(_model_schema(href, attributes.get("schematypens", ""), document))
    return found


def _model_schema(href: str, schematypens: str, document: Path) -> Path:
    is_url = href.startswith(("http://", "https://"))
    if is_url and _TEI_ALL_URL.match(href):
        grammar, schematron = named_schema_files("tei_all")
        return schematron if schematypens == SCHEMATRON_TYPE else grammar
    if is_url:
        path = url_cache_path(href)
        if not path.is_file():
            raise SchemaNotFound(
                f"schema {href} is not in the cache (URLs are never fetched during validation); "
                f"fetch it once with: tei-encode schema fetch {href}"
            )
    elif href.startswith("file:") or re.match(r"^[a-z][\w+.-]*:", href):
        raise SchemaNotFound(f"schema {href}: only relative paths and http(s) URLs are supported in xml-model")
    else:
        path = (document.parent / href).resolve()
        if not path.is_file():
            raise SchemaNotFound(f"schema {href} named by xml-model not found ({path})")
    if schematypens == SCHEMATRON_TYPE and path.suffix == ".rng":
        return embedded_schematron(path)
    return path


def embedded_schematron(grammar: Path) -> Path:
    """The Schematron embedded in a RELAX NG grammar, extracted once into the cache."""
    target = cache_dir() / "extracted" / f"{sha256_file(grammar)}.isosch"
    if not target.is_file():
        write_atomic(target, extract_schematron(grammar.read_bytes(), grammar.name))
    return target
