"""Index pages of documents whose titles, names and keys hold hostile text: escaped, kept, never markup."""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encode.render import INDEX_FILES, Edition, index_entry, render_index_entries, render_indexes, summarize
from tei_encode.xmlio import TEI_NS

HOSTILE = [
    '<script>alert("x")</script>',
    'Tom & Jerry\'s "quoted" <b>bold</b> &amp; &#x41;',
    "\u202eRTL override\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "zero\u200bwidth \ufeffBOM \U0001f600 e\u0301 \u2028line\u2029para",
    "]]> <!-- comment --> <?pi x?>",
]
PAGES = ("index.html", "people.html", "places.html", "chronology.html", "correspondence.html", "about.html")


def document(title: str, name: str, key: str) -> etree._Element:
    """A TEI letter built with lxml, ``title``, ``name`` and ``key`` as given."""
    t = f"{{{TEI_NS}}}"
    root = etree.Element(f"{t}TEI", nsmap={None: TEI_NS})
    file_desc = etree.SubElement(etree.SubElement(root, f"{t}teiHeader"), f"{t}fileDesc")
    etree.SubElement(etree.SubElement(file_desc, f"{t}titleStmt"), f"{t}title").text = title
    source = etree.SubElement(file_desc, f"{t}sourceDesc")
    etree.SubElement(source, f"{t}bibl", type="printed-collection").text = title
    profile = root.find(f"{t}teiHeader")
    assert profile is not None
    corresp = etree.SubElement(etree.SubElement(profile, f"{t}profileDesc"), f"{t}correspDesc")
    sent = etree.SubElement(corresp, f"{t}correspAction", type="sent")
    etree.SubElement(sent, f"{t}persName", key=key).text = name
    etree.SubElement(sent, f"{t}placeName", key=key).text = name
    etree.SubElement(sent, f"{t}date", when="1920-07-24")
    received = etree.SubElement(corresp, f"{t}correspAction", type="received")
    etree.SubElement(received, f"{t}persName").text = title
    body = etree.SubElement(etree.SubElement(root, f"{t}text"), f"{t}body")
    paragraph = etree.SubElement(body, f"{t}p")
    paragraph.text = title
    etree.SubElement(paragraph, f"{t}persName", key=key).text = name
    return root


def texts(page: bytes) -> str:
    root = etree.fromstring(page.split(b"\n", 1)[1], etree.XMLParser(resolve_entities=False, no_network=True))
    assert not root.xpath("//main//script | //main//b | //@onclick"), "hostile text became markup"
    return "".join(root.itertext())


def site(title: str, name: str, key: str) -> dict[str, bytes]:
    edition = Edition(title=title, editors=(name,))
    return render_indexes([summarize(document(title, name, key), "doc-1")], edition)


def test_hostile_text_is_text_on_every_index_page() -> None:
    for text in HOSTILE:
        pages = site(text, text, text)
        for name in PAGES:
            assert text in texts(pages[name]), name
        data = pages["search-data.js"].decode("utf-8")
        assert data.startswith("window.teiEncodeSearch = ") and data.endswith(";\n")
        assert orjson.loads(data.removeprefix("window.teiEncodeSearch = ").removesuffix(";\n"))["documents"][0][
            "title"
        ] == " ".join(text.split())


# Characters XML 1.0 allows (a TEI file can hold no others), whitespace runs collapsed as titles are.
XML_TEXT = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), min_size=1)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(XML_TEXT, XML_TEXT)
def test_any_title_and_name_is_kept_as_text(title: str, name: str) -> None:
    pages = site(title, name, name)
    assert title in texts(pages["index.html"])
    assert name in texts(pages["people.html"]) and name in texts(pages["places.html"])


def test_files_made_apart_are_the_files_made_together() -> None:
    entries = [
        index_entry(summarize(document(f"Letter {n}", name, key), f"doc-{n}"))
        for n, (name, key) in enumerate([("Lenin", "lenin"), ("Trotsky", "trotsky"), ("Lenin", "lenin")])
    ]
    edition = Edition(title="Letters")
    together = dict(render_index_entries(entries, edition))
    assert list(together) == list(INDEX_FILES)
    apart = ("people.html", "places.html")
    first = dict(render_index_entries(entries, edition, apart))
    rest = dict(render_index_entries(entries, edition, [n for n in INDEX_FILES if n not in apart]))
    assert list(first) == list(apart) and first | rest == together
