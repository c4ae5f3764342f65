"""Sources that are markup, not text: XML (TEI or other) and HTML files are refused, not converted.

Converting a TEI file as plain text would put its tags into the transcription as
characters; converting it as TEI would mean merging new markup into an edition's
own, which is not what a converter of source texts can do without losing the
editors' work. So an XML or HTML file gets a message saying what to do instead:
check a TEI file with ``tei-encode validate``, or save the text of a web page.
"""

from __future__ import annotations

import re

from .decoding import SourceDecodeError

# The start of an XML or HTML document: a declaration, a doctype, or a root element's start tag (which counts only
# when the text ends with the same element's end tag: a text may open with ``<Draft>``).
DECLARATION = re.compile(r"\A\s*(?:<\?xml\b|<!DOCTYPE\b)", re.I)
ROOT_START = re.compile(r"\A\s*<([A-Za-z_][\w:.-]*)(?:\s[^<>]*)?>")
HTML_ROOT = re.compile(r"\A\s*(?:<!DOCTYPE\s+html\b|<html\b)", re.I)
TEI_ROOT = re.compile(r"<TEI\b|<teiCorpus\b|xmlns\s*=\s*[\"']http://www\.tei-c\.org/ns/1\.0")


def refuse_markup(text: str, name: str) -> None:
    """Raise ``SourceDecodeError`` when ``text`` is an XML or HTML document rather than a source text."""
    root = ROOT_START.match(text)
    closed = root is not None and text.rstrip().endswith(f"</{root.group(1)}>")
    if not (DECLARATION.match(text) or closed):
        return
    if HTML_ROOT.match(text):
        reason = "an HTML page, not a source text: save the page as text (or copy its text) and convert that"
    elif TEI_ROOT.search(text[:4096]):
        reason = (
            "already TEI: tei-encode converts source texts and does not re-encode TEI; "
            "check it with `tei-encode validate`"
        )
    else:
        reason = "an XML file, not a source text: convert the text it holds, saved as plain text"
    raise SourceDecodeError(name, reason, 1)
