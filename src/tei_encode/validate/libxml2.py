"""RELAX NG validation while streaming, through libxml2's text reader (``ctypes``).

lxml validates RELAX NG only on a whole tree, which costs about twenty times a file's size in
memory. libxml2's text reader validates as it reads (what ``xmllint --stream --relaxng`` does),
holding only the open elements and a subtree where the grammar cannot be followed node by node.
lxml does not expose it, so this module binds the few functions it needs from the libxml2 that
lxml itself runs on: the one its wheels link in statically and export from ``lxml.etree``, or
the shared library an lxml built against the system's links to (found through the same handle).
The tree and the stream are thus checked by one libxml2, whose verdicts and messages agree. A
grammar is compiled from bytes, a file validated, each error collected with its line and the
names of the element and its ancestors. Nothing is resolved from the network, no DTD is loaded,
no entity expanded.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from ..errors import SchemaError, TeiEncodeError

# xmlParserOption: no network; line numbers past 65,535 kept (XML_PARSE_BIG_LINES).
_OPTIONS = (1 << 11) | (1 << 22)
# xmlErrorLevel and xmlErrorDomain values of the errors collected.
_ERROR = 2
_FROM_RELAXNGV = 19
# xmlElementType of an element node.
_ELEMENT_NODE = 1


class LibraryMissing(TeiEncodeError, OSError):
    """lxml's libxml2 cannot be loaded or lacks a function of its text reader."""


class _Error(ctypes.Structure):
    """libxml2's ``xmlError``."""

    _fields_ = [
        ("domain", ctypes.c_int),
        ("code", ctypes.c_int),
        ("message", ctypes.c_char_p),
        ("level", ctypes.c_int),
        ("file", ctypes.c_char_p),
        ("line", ctypes.c_int),
        ("str1", ctypes.c_char_p),
        ("str2", ctypes.c_char_p),
        ("str3", ctypes.c_char_p),
        ("int1", ctypes.c_int),
        ("int2", ctypes.c_int),
        ("ctxt", ctypes.c_void_p),
        ("node", ctypes.c_void_p),
    ]


class _Ns(ctypes.Structure):
    """The start of libxml2's ``xmlNs``."""

    _fields_ = [("next", ctypes.c_void_p), ("type", ctypes.c_int), ("href", ctypes.c_char_p)]


class _Node(ctypes.Structure):
    """The start of libxml2's ``xmlNode``, up to its line."""


_Node._fields_ = [
    ("private", ctypes.c_void_p),
    ("type", ctypes.c_int),
    ("name", ctypes.c_char_p),
    ("children", ctypes.c_void_p),
    ("last", ctypes.c_void_p),
    ("parent", ctypes.POINTER(_Node)),
    ("next", ctypes.c_void_p),
    ("prev", ctypes.c_void_p),
    ("doc", ctypes.c_void_p),
    ("ns", ctypes.POINTER(_Ns)),
    ("content", ctypes.c_void_p),
    ("properties", ctypes.c_void_p),
    ("nsDef", ctypes.c_void_p),
    ("psvi", ctypes.c_void_p),
    ("line", ctypes.c_ushort),
    ("extra", ctypes.c_ushort),
]

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(_Error))
_READ = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_CLOSE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)


@dataclass(frozen=True)
class StreamError:
    """One error of a streaming validation.

    ``relaxng`` tells a RELAX NG finding from an error of the parser (a document that is not
    well-formed); ``element`` is the Clark name of the element the error is about and
    ``ancestors`` those of its ancestors, the document element first.
    """

    relaxng: bool
    message: str
    line: int
    column: int
    element: str
    ancestors: tuple[str, ...]


@lru_cache(maxsize=1)
def library() -> ctypes.CDLL:
    """lxml's libxml2 with the signatures of the functions used; ``LibraryMissing`` when absent.

    ``lxml.etree`` is loaded already, so this opens the same copy of the library, initialised by
    lxml: no second one with its own global state. Errors go to handlers set on each parser
    context and reader, never to the global ones lxml sets while it parses.
    """
    name = str(etree.__file__)
    try:
        lib = ctypes.CDLL(name)
    except OSError as exc:
        raise LibraryMissing(f"lxml's libxml2 ({name}) cannot be loaded: {exc}") from exc
    signatures: dict[str, tuple[list[type], type | None]] = {
        "xmlRelaxNGNewMemParserCtxt": ([ctypes.c_char_p, ctypes.c_int], ctypes.c_void_p),
        "xmlRelaxNGSetParserStructuredErrors": ([ctypes.c_void_p, _HANDLER, ctypes.c_void_p], None),
        "xmlRelaxNGParse": ([ctypes.c_void_p], ctypes.c_void_p),
        "xmlRelaxNGFreeParserCtxt": ([ctypes.c_void_p], None),
        "xmlRelaxNGFree": ([ctypes.c_void_p], None),
        "xmlReaderForIO": (
            [_READ, _CLOSE, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int],
            ctypes.c_void_p,
        ),
        "xmlTextReaderRelaxNGSetSchema": ([ctypes.c_void_p, ctypes.c_void_p], ctypes.c_int),
        "xmlTextReaderSetStructuredErrorHandler": ([ctypes.c_void_p, _HANDLER, ctypes.c_void_p], None),
        "xmlTextReaderRead": ([ctypes.c_void_p], ctypes.c_int),
        "xmlTextReaderNext": ([ctypes.c_void_p], ctypes.c_int),
        "xmlTextReaderNodeType": ([ctypes.c_void_p], ctypes.c_int),
        "xmlTextReaderIsValid": ([ctypes.c_void_p], ctypes.c_int),
        "xmlFreeTextReader": ([ctypes.c_void_p], None),
        "xmlGetLineNo": ([ctypes.c_void_p], ctypes.c_long),
    }
    for function, (argtypes, restype) in signatures.items():
        try:
            bound = getattr(lib, function)
        except AttributeError as exc:
            raise LibraryMissing(f"lxml's libxml2 ({name}) lacks {function}") from exc
        bound.argtypes = argtypes
        bound.restype = restype
    return lib


class CompiledGrammar:
    """A RELAX NG grammar compiled by libxml2 for its text reader; ``close`` frees it."""

    def __init__(self, data: bytes, label: str) -> None:
        lib = library()
        errors: list[str] = []

        def collect(_: int | None, error: ctypes._Pointer[_Error]) -> None:
            errors.append((error.contents.message or b"").decode("utf-8", "replace").strip())

        handler = _HANDLER(collect)  # kept alive by this frame while libxml2 may call it
        # Kept for ``close``, which may run when the interpreter exits, after this module's globals are gone.
        self._free = lib.xmlRelaxNGFree
        self.pointer: int | None = None
        context = lib.xmlRelaxNGNewMemParserCtxt(data, len(data))
        if not context:
            raise SchemaError(f"{label}: cannot compile RELAX NG schema: out of memory")
        try:
            lib.xmlRelaxNGSetParserStructuredErrors(context, handler, None)
            self.pointer = lib.xmlRelaxNGParse(context)
        finally:
            lib.xmlRelaxNGFreeParserCtxt(context)
        if not self.pointer:
            raise SchemaError(f"{label}: cannot compile RELAX NG schema: {'; '.join(errors[:3]) or 'unknown error'}")

    def close(self) -> None:
        """Free the compiled grammar."""
        if self.pointer:
            self._free(self.pointer)
            self.pointer = None

    def __del__(self) -> None:
        self.close()

    def first_error(self, read: Callable[[int], bytes], label: str) -> StreamError | None:
        """The first error met reading a document through ``read`` (at most n bytes a call, b"" at the end).

        None when the document is valid. Reading stops at the first error: after it libxml2's
        streaming validation reports every later element as unexpected, which tells nothing more.
        """
        if not self.pointer:
            raise ValueError("the grammar has been freed")
        lib = library()
        found: list[StreamError] = []

        def supply(_: int | None, buffer: int, size: int) -> int:
            if found:
                return 0
            data = read(size)
            ctypes.memmove(buffer, data, len(data))
            return len(data)

        def collect(_: int | None, error: ctypes._Pointer[_Error]) -> None:
            if not found and error.contents.level >= _ERROR:
                found.append(_stream_error(error.contents))

        reading, handler = _READ(supply), _HANDLER(collect)  # kept alive by this frame
        reader = lib.xmlReaderForIO(reading, _CLOSE(0), None, label.encode(), None, _OPTIONS)
        if not reader:
            raise OSError(f"{label}: libxml2 cannot start reading")
        try:
            lib.xmlTextReaderSetStructuredErrorHandler(reader, handler, None)
            if lib.xmlTextReaderRelaxNGSetSchema(reader, self.pointer) != 0:
                raise SchemaError(f"{label}: libxml2 refused the grammar for streaming")
            status = lib.xmlTextReaderRead(reader)
            while status == 1 and lib.xmlTextReaderNodeType(reader) != _ELEMENT_NODE:
                status = lib.xmlTextReaderRead(reader)
            # On the document element, xmlTextReaderNext reads (and validates) the whole document in C.
            while status == 1 and not found:
                status = lib.xmlTextReaderNext(reader)
            valid = status == 0 and lib.xmlTextReaderIsValid(reader) == 1
        finally:
            lib.xmlFreeTextReader(reader)
        if found:
            return found[0]
        if not valid:
            return StreamError(False, "the document could not be read to its end", 0, 0, "", ())
        return None


def _stream_error(error: _Error) -> StreamError:
    """The parts of one libxml2 error that outlive the callback (the node is freed as the reader moves on)."""
    names: list[str] = []
    line = error.line
    if error.node:
        node: ctypes._Pointer[_Node] | None = ctypes.cast(error.node, ctypes.POINTER(_Node))
        if node and node.contents.type == _ELEMENT_NODE:
            line = int(library().xmlGetLineNo(error.node))
        while node and node.contents.type == _ELEMENT_NODE:
            names.append(_clark(node.contents))
            node = node.contents.parent
    message = (error.message or b"").decode("utf-8", "replace").strip()
    return StreamError(
        error.domain == _FROM_RELAXNGV,
        message,
        line,
        error.int2,
        names[0] if names else "",
        tuple(reversed(names[1:])),
    )


def _clark(node: _Node) -> str:
    local = (node.name or b"").decode("utf-8", "replace")
    namespace = node.ns.contents.href if node.ns else None
    return f"{{{namespace.decode('utf-8', 'replace')}}}{local}" if namespace else local
