"""Where schemas come from: ``--schema`` names and files, the documents' ``<?xml-model?>``, the default.

A ``--schema`` value is a file (``.rng``, ``.xsd``, ``.sch``, ``.isosch``; an ``.odd`` customisation
stands for the grammar and Schematron compiled from it, see ``odd/``), a named schema
(``tei_all``: its RELAX NG grammar and Schematron from the user cache) or ``tei-encode`` (the
project's RELAX NG grammar and Schematron, shipped with the package). An ``<?xml-model
href=... schematypens=...?>`` instruction names a local file, relative to the document, or a URL,
which is looked up in the user cache only (the TEI's own URLs of ``tei_all`` map to the named
schema, the names tei-encode's writer uses to the project's schemas, other URLs to files put
there by ``tei-encode schema fetch URL``) and never fetched; an ``.odd`` it names is compiled, as
with ``--schema``. A RELAX NG grammar named with the Schematron ``schematypens`` (as the TEI's
generated instructions do) stands for the Schematron embedded in it. A document that names no
schema is checked against ``tei_all``.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import SchemaNotFound
from ..xmlio import PROJECT_SCHEMAS, SCHEMATRON_TYPE, write_atomic
from . import default_schemas
from .cache import cache_dir, sha256_file, url_cache_path
from .named import NAMED, extract_schematron, fetch_command, named_schema_files

PROJECT = "tei-encode"
DEFAULT = "tei_all"
_PSEUDO_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# The URLs under which the TEI publishes tei_all; documents written with oXygen's TEI templates use them.
_TEI_ALL_URL = re.compile(
    r"^https?://(?:www\.)?tei-c\.org/(?:release|Vault/P5/[\d.]+)/xml/tei/custom/schema/relaxng/tei_all\.rng$"
)


def resolve_schema(spec: str | Path) -> list[Path]:
    """The schema files a ``--schema`` value stands for (``tei-encode``, a named schema or one file)."""
    text = str(spec)
    if text == PROJECT:
        return project_schemas()
    if text in NAMED:
        return named_schema_files(text)
    if text.endswith(".odd"):
        return _compiled_odd(Path(text))
    return [Path(text)]


def _compiled_odd(odd: Path) -> list[Path]:
    """The grammar and Schematron compiled from an ODD (see ``odd/compiler.py``)."""
    from .odd.compiler import compiled_odd  # Saxon and the Stylesheets, only for ODDs

    return compiled_odd(odd)


def project_schemas() -> list[Path]:
    """The project's RELAX NG schema and Schematron rules, for documents that name them.

    Not its XSD: it is generated from the RELAX NG schema (a test keeps them in step), so it would
    give the same verdicts at ten times the cost; ``--schema`` still takes it.
    """
    return [p for p in default_schemas() if p.suffix != ".xsd"]


def default_for_unnamed() -> list[Path]:
    """The schemas of a document that names none: ``tei_all``; ``SchemaNotFound`` saying how to fetch it."""
    try:
        return named_schema_files(DEFAULT)
    except SchemaNotFound as exc:
        raise SchemaNotFound(
            f"documents that name no schema in <?xml-model?> are checked against TEI P5 {DEFAULT}, "
            f"which is not in the cache {NAMED[DEFAULT].directory()}: fill it once with `{fetch_command(DEFAULT)}` "
            f"(offline: `{fetch_command(DEFAULT)} --from tei_all.rng`), or choose a schema with --schema"
        ) from exc


def schema_label(paths: tuple[Path, ...]) -> str:
    """How a report names a set of schema files: ``tei_all``, ``tei-encode``, ``NAME.odd`` or the files' paths."""
    labels: list[str] = []
    named = {p.resolve(): name for name, schema in NAMED.items() for p in schema.files()}
    project = {p.resolve() for p in default_schemas()}
    compiled = (cache_dir() / "odd").resolve()
    for path in paths:
        resolved = path.resolve()
        label = named.get(resolved) or (PROJECT if resolved in project else str(path))
        if resolved.parent.parent == compiled:
            label = f"{path.stem}.odd"  # the grammar and Schematron compiled from an ODD are named by it
        if label not in labels:
            labels.append(label)
    return " + ".join(labels)


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


def xml_model_line(tree: etree._ElementTree) -> int:
    """The line of the document's first ``<?xml-model?>`` instruction (1 when it has none)."""
    node = tree.getroot().getprevious()
    line = 0
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            line = node.sourceline or line
        node = node.getprevious()
    return line or 1


def _model_schema(href: str, schematypens: str, document: Path) -> Path:
    project = dict(PROJECT_SCHEMAS)
    if href in project:
        grammar, schematron = project_schemas()
        return schematron if schematypens == SCHEMATRON_TYPE else grammar
    is_url = href.startswith(("http://", "https://"))
    if is_url and _TEI_ALL_URL.match(href):
        grammar, schematron = named_schema_files("tei_all")
        return schematron if schematypens == SCHEMATRON_TYPE else grammar
    if is_url:
        path = url_cache_path(href)
        if not path.is_file():
            raise SchemaNotFound(
                f"schema {href} is not in the cache (URLs are never fetched during validation); "
                f"fetch it once with: {fetch_command(href)}"
            )
    elif href.startswith("file:") or re.match(r"^[a-z][\w+.-]*:", href):
        raise SchemaNotFound(f"schema {href}: only relative paths and http(s) URLs are supported in xml-model")
    else:
        path = (document.parent / href).resolve()
        if not path.is_file():
            raise SchemaNotFound(f"schema {href} named by xml-model not found ({path})")
    if path.suffix == ".odd":
        grammar, schematron = _compiled_odd(path)
        return schematron if schematypens == SCHEMATRON_TYPE else grammar
    if schematypens == SCHEMATRON_TYPE and path.suffix == ".rng":
        return embedded_schematron(path)
    return path


def embedded_schematron(grammar: Path) -> Path:
    """The Schematron embedded in a RELAX NG grammar, extracted once into the cache."""
    target = cache_dir() / "extracted" / f"{sha256_file(grammar)}.isosch"
    if not target.is_file():
        write_atomic(target, extract_schematron(grammar.read_bytes(), grammar.name))
    return target
