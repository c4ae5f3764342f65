"""Moving the entries the editors accepted into the register files, which stay valid TEI.

An ``accept`` decision (or a ``mark`` that defines a new key with its names)
makes an entry of the edition; ``register accept`` writes it into the register
file that holds the list of its kind, beside the others and indented like them,
so that the converters find the name in the register from then on. The
decisions stay in the decisions file: they hold for the entry in the register.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import ReaderError, TeiEncodeError
from ..register import ENTRY_TAGS, Entry, Register
from ..xmlio import XML_NS, parse_file, tei, write_atomic

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
LISTS = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}


class AcceptError(TeiEncodeError, ValueError):
    """An entry cannot go into the register (no file holds its list, or its key is taken by another entry)."""


@dataclass(frozen=True)
class Moved:
    """An entry written into a register file."""

    entry: Entry
    file: Path


def accept_into_register(directory: Path, entries: Iterable[Entry], keys: Sequence[str] = ()) -> list[Moved]:
    """Write ``entries`` (only those with ``keys``, if given) into the register files of ``directory``.

    Entries whose key the register has already are left out (accepting twice changes nothing); a key
    asked for that no decision accepts raises ``AcceptError``, as does a kind no register file lists.
    """
    register = Register.from_directory(directory)
    chosen: dict[str, Entry] = {}
    for entry in entries:
        if (not keys or entry.key in keys) and entry.key not in register.entries:
            chosen.setdefault(entry.key, entry)
    unknown = [k for k in keys if k not in chosen and k not in register.entries]
    if unknown:
        raise AcceptError(f"no decision accepts an entry with key {', '.join(map(repr, unknown))}")
    moved = []
    files: dict[Path, etree._ElementTree] = {}
    for key in sorted(chosen):
        entry = chosen[key]
        path, tree = _file_for(directory, entry.kind, files)
        listing = tree.getroot().find(f".//{tei(LISTS[entry.kind])}")
        assert listing is not None
        _append(listing, _element(entry))
        moved.append(Moved(entry, path))
    for path, tree in files.items():
        body = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
        write_atomic(path, DECLARATION + body + b"\n")
    return moved


def _file_for(directory: Path, kind: str, files: dict[Path, etree._ElementTree]) -> tuple[Path, etree._ElementTree]:
    """The register file holding the list of ``kind`` (parsed once)."""
    for path in sorted(directory.glob("*.xml")):
        if path not in files:
            try:
                files[path] = parse_file(path)
            except (OSError, etree.XMLSyntaxError) as exc:
                raise ReaderError(f"{path}: cannot read register: {exc}") from exc
        if files[path].getroot().find(f".//{tei(LISTS[kind])}") is not None:
            return path, files[path]
    raise AcceptError(f"{directory}: no register file has a {LISTS[kind]} for a {kind}")


def _element(entry: Entry) -> etree._Element:
    el = etree.Element(tei(entry.kind))
    el.set(f"{{{XML_NS}}}id", entry.key)
    for name in entry.names:
        name_el = etree.SubElement(el, tei(ENTRY_TAGS[entry.kind]))
        if name.type and name.type != "variant":
            name_el.set("type", name.type)
        if name.lang:
            name_el.set(f"{{{XML_NS}}}lang", name.lang)
        name_el.text = name.text
    if entry.note:
        etree.SubElement(el, tei("note")).text = entry.note
    return el


def _append(listing: etree._Element, entry: etree._Element) -> None:
    """Append ``entry`` to ``listing``, indented as the entries before it (their children two spaces deeper)."""
    indent = listing.text if listing.text and not listing.text.strip() else "\n"
    inner = indent + "  "
    entry.text = inner
    for child in entry:
        child.tail = inner
    entry[-1].tail = indent
    if len(listing):
        last = listing[-1]
        entry.tail, last.tail = last.tail, indent
    else:
        entry.tail = listing.text
        listing.text = indent
    listing.append(entry)
