"""Word files made in the tests: a minimal OOXML package around WordprocessingML written by hand.

``docx(body)`` wraps paragraphs (``w:p`` markup as a string) in a document part and zips it with
the parts the options ask for (footnotes, endnotes, comments, styles, numbering, core properties,
relationships); ``p(...)`` and ``r(...)`` write paragraphs and runs. What Word itself writes is
checked against the TEI Stylesheets' own test files (``test_conformance.py``).
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
PART_TYPES = {
    "footnotes": "footnotes",
    "endnotes": "endnotes",
    "comments": "comments",
    "styles": "styles",
    "numbering": "numbering",
}


def r(text: str = "", props: str = "", extra: str = "") -> str:
    """A run: ``props`` inside ``w:rPr``, ``text`` in ``w:t``, ``extra`` markup after it."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    t = f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""
    return f"<w:r>{rpr}{t}{extra}</w:r>"


def p(*runs: str, props: str = "") -> str:
    """A paragraph of runs (or other paragraph content), ``props`` inside ``w:pPr``."""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def notes(kind: str, texts: dict[str, str]) -> str:
    """A footnotes or endnotes part with the separator notes Word writes and the given notes by id."""
    items = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0">'
        f"<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>",
    ]
    for ident, text in texts.items():
        mark = "footnoteRef" if kind == "footnote" else "endnoteRef"
        items.append(f'<w:{kind} w:id="{ident}">{p(r(extra=f"<w:{mark}/>"), r(" " + text))}</w:{kind}>')
    return f"<w:{kind}s {NS}>{''.join(items)}</w:{kind}s>"


def comments(items: dict[str, tuple[str, str]]) -> str:
    """A comments part: id -> (author, text)."""
    body = "".join(
        f'<w:comment w:id="{i}" w:author={quoteattr(a)} w:date="2024-03-01T10:00:00Z">{p(r(t))}</w:comment>'
        for i, (a, t) in items.items()
    )
    return f"<w:comments {NS}>{body}</w:comments>"


def core(title: str = "", creator: str = "", created: str = "", modified: str = "") -> str:
    """A core properties part."""
    fields = [
        f"<dc:title>{escape(title)}</dc:title>" if title else "",
        f"<dc:creator>{escape(creator)}</dc:creator>" if creator else "",
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>' if created else "",
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>' if modified else "",
    ]
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' + "".join(fields) + "</cp:coreProperties>"
    )


def docx(
    body: str,
    *,
    parts: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    extra_rels: str = "",
    core_xml: str = "",
    document_xml: str | None = None,
    members: dict[str, bytes] | None = None,
) -> bytes:
    """A .docx archive: ``body`` paragraphs; ``parts`` by kind (footnotes, comments ...) as XML strings;
    ``links`` hyperlink relationship id -> target; ``extra_rels`` more relationships of the document part;
    ``document_xml`` replaces the whole document part; ``members`` adds raw archive members."""
    parts = parts or {}
    rels = [
        f'<Relationship Id="rId{n}" Type="{REL}/{PART_TYPES[kind]}" Target="{kind}.xml"/>'
        for n, kind in enumerate(sorted(parts), start=100)
    ]
    rels += [
        f'<Relationship Id="{ident}" Type="{REL}/hyperlink" Target={quoteattr(target)} TargetMode="External"/>'
        for ident, target in (links or {}).items()
    ]
    package_rels = [f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>']
    if core_xml:
        package_rels.append(
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/>'
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}">{"".join(package_rels)}</Relationships>')
        doc = document_xml or f"<w:document {NS}><w:body>{body}</w:body></w:document>"
        z.writestr("word/document.xml", doc)
        z.writestr(
            "word/_rels/document.xml.rels", f'<Relationships xmlns="{PKG}">{"".join(rels)}{extra_rels}</Relationships>'
        )
        for kind, xml in sorted(parts.items()):
            z.writestr(f"word/{kind}.xml", xml)
        if core_xml:
            z.writestr("docProps/core.xml", core_xml)
        for name, data in (members or {}).items():
            z.writestr(name, data)
    return out.getvalue()


CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
