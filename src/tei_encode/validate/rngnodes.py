"""A RELAX NG grammar (XML syntax) read into plain Python nodes, and written back as text.

Pruning (``prune.py``) walks and rewrites a large grammar's patterns for every vocabulary of a
run. Plain objects holding their children in tuples cost a fraction of lxml elements to walk, a
pattern no pruning changed is shared between prunings, and its text is made once.
Annotations (comments, processing instructions, elements of other namespaces such as
documentation and Schematron) are left out: they play no part in validation.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_PREFIX = f"{{{RNG_NS}}}"
_ESCAPES_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ESCAPES_VALUE = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


class Node:
    """One RELAX NG element: its tag and attributes as text, its children, and what pruning asks of it.

    ``clark`` is the Clark name of an element or attribute pattern with a ``name`` (None for other
    patterns and for name classes); ``skip`` is how many leading children are not patterns (the
    name class of an element or attribute without ``name``; every child of ``data`` and ``value``).
    """

    __slots__ = ("local", "head", "end", "text", "children", "clark", "ref", "skip", "plain", "links", "_refs", "_xml")

    def __init__(
        self,
        local: str,
        head: str,
        end: str,
        text: str,
        children: tuple[Node, ...],
        *,
        clark: str | None = None,
        ref: str = "",
        skip: int = 0,
        plain: bool = True,
    ) -> None:
        self.local = local
        self.head = head
        self.end = end
        self.text = text
        self.children = children
        self.clark = clark
        self.ref = ref
        self.skip = skip
        self.plain = plain
        # Worked out by ``Prunable`` the first time it walks this node.
        self.links: tuple[list[Node], list[str], bool] | None = None
        self._refs: frozenset[str] | None = None
        self._xml: str | None = None

    @property
    def patterns(self) -> tuple[Node, ...]:
        """The pattern children: not the name class, datatype parameters or values."""
        return self.children[self.skip :] if self.skip else self.children

    def with_children(self, children: Sequence[Node]) -> Node:
        """The same element with other children (a rewritten pattern; this one is left as it is)."""
        return Node(
            self.local,
            self.head,
            self.end,
            "",
            tuple(children),
            clark=self.clark,
            ref=self.ref,
            skip=self.skip,
            plain=self.plain,
        )

    def refs(self) -> frozenset[str]:
        """The names of the defines referred to below and at this node."""
        if self._refs is None:
            if self.ref:
                self._refs = frozenset((self.ref,))
            else:
                self._refs = frozenset().union(*(c.refs() for c in self.children))
        return self._refs

    def xml(self) -> str:
        """This element as XML text (namespace declarations that differ from the grammar's root included)."""
        if self._xml is None:
            if self.children:
                self._xml = "".join([self.head, ">", *(c.xml() for c in self.children), self.end])
            elif self.text:
                self._xml = f"{self.head}>{self.text.translate(_ESCAPES_TEXT)}{self.end}"
            else:
                self._xml = f"{self.head}/>"
        return self._xml


def leaf(local: str) -> Node:
    """A pattern made by pruning (``notAllowed``, ``empty``): no attributes, no children."""
    return Node(local, f"<{local}", f"</{local}>", "", ())


def read_node(element: etree._Element, root_nsmap: dict[str | None, str]) -> Node:
    """``element`` and its RELAX NG descendants as nodes; annotations left out."""
    tag = element.tag
    assert isinstance(tag, str)
    local = tag[len(_PREFIX) :]
    children = tuple(read_node(c, root_nsmap) for c in element.iterchildren(f"{_PREFIX}*"))
    name = element.get("name")
    if local in ("data", "value"):
        skip = len(children)
    elif local in ("element", "attribute") and name is None:
        skip = 1
    else:
        skip = 0
    head, end = tag_text(element, root_nsmap)
    return Node(
        local,
        head,
        end,
        "" if children else element.text or "",
        children,
        clark=clark_name(element) if local in ("element", "attribute") else None,
        ref=(name or "").strip() if local == "ref" else "",
        skip=skip,
        plain=not element.attrib,
    )


def tag_text(element: etree._Element, root_nsmap: dict[str | None, str]) -> tuple[str, str]:
    """The start tag of ``element`` without its closing ``>``, and its end tag.

    Namespaces are declared where they differ from the grammar's root, so the element reads the
    same wherever pruning moves it.
    """
    qname = etree.QName(element)
    tag = f"{element.prefix}:{qname.localname}" if element.prefix else qname.localname
    parts = [f"<{tag}"]
    for prefix, uri in element.nsmap.items():
        if root_nsmap.get(prefix) != uri:
            parts.append(f' xmlns{":" + prefix if prefix else ""}="{uri.translate(_ESCAPES_VALUE)}"')
    for key, value in element.attrib.items():
        parts.append(f' {_attribute_name(element, key)}="{value.translate(_ESCAPES_VALUE)}"')
    return "".join(parts), f"</{tag}>"


def _attribute_name(element: etree._Element, key: str) -> str:
    if not key.startswith("{"):
        return key
    uri, local = key[1:].split("}", 1)
    if uri == XML_NS:
        return f"xml:{local}"
    prefix = next(p for p, u in element.nsmap.items() if u == uri and p)
    return f"{prefix}:{local}"


def clark_name(pattern: etree._Element) -> str | None:
    """The Clark name of an element or attribute pattern with a ``name`` attribute, else None."""
    name = pattern.get("name")
    if name is None:
        return None
    name = name.strip()
    if ":" in name:
        prefix, local = name.split(":", 1)
        namespace = pattern.nsmap.get(prefix, XML_NS if prefix == "xml" else None)
        if namespace is None:
            return None
    elif etree.QName(pattern).localname == "attribute":
        namespace, local = pattern.get("ns", ""), name
    else:
        found = next((a.get("ns") for a in pattern.iterancestors() if a.get("ns") is not None), None)
        namespace, local = pattern.get("ns", found or ""), name
    return f"{{{namespace}}}{local}" if namespace else local
