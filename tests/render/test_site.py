"""The built site and a site rendered from TEI of another project: well-formed pages, no broken links."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_encode.cli import main
from tei_encode.render import Edition, render_indexes, summarize
from tei_encode.render.edition import EditionError
from tei_encode.xmlio import parse_file

from ..conftest import CORPUS, require_shared
from .sitecheck import parse_page, site_problems


def test_built_site_pages_are_well_formed_and_links_resolve(built: Path) -> None:
    site = built / "html"
    pages = sorted(p.name for p in site.glob("*.html"))
    indexes = {"index.html", "people.html", "places.html", "chronology.html", "correspondence.html", "search.html"}
    assert indexes | {"about.html"} <= set(pages)
    tei_files = sorted(p.name for p in (built / "tei").glob("*.xml"))
    assert len(pages) == 7 + len(tei_files)
    assert sorted(p.name for p in site.glob("*.xml")) == tei_files
    assert all((site / name).read_bytes() == (built / "tei" / name).read_bytes() for name in tei_files)
    assert site_problems(site) == []


def test_walker_reports_broken_links_and_bad_pages(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<!DOCTYPE html>\n<html lang="en"><body><h1>A</h1><h3>skips</h3><a href="b.html#nowhere">b</a>'
        '<a href="missing.html">m</a><a href="#x"></a><p id="x">x</p></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text("<!DOCTYPE html>\n<html><body><p>open<div>block</div></p></body></html>")
    (tmp_path / "c.html").write_text("<!DOCTYPE html>\n<html lang='en'><body><p>unclosed</body></html>")
    problems = site_problems(tmp_path)
    assert problems[4].startswith("c.html: not well-formed: Opening and ending tag mismatch")
    assert problems[:4] + problems[5:] == [
        "a.html: <h3> after <h1>",
        "a.html: link to #x has no text",
        "b.html: <div> inside <p> (an HTML parser splits it)",
        "b.html: no lang on <html>",
        "a.html: b.html#nowhere: no such id",
        "a.html: missing.html: no such file",
    ]


def test_every_document_is_in_the_indexes(built: Path) -> None:
    site = built / "html"
    summaries = [summarize(parse_file(p), p.stem) for p in sorted((built / "tei").glob("*.xml"))]
    json.dumps(summaries)
    table = parse_page(site / "index.html")
    listed = table.xpath("//table[@class='corpus sortable']/tbody/tr/td[2]/a/@href")
    collections = table.xpath("//ul[@class='collections']/li/a/@href")
    assert collections == ["bolshevik-correspondence-091-100.html"]
    assert sorted(listed + collections) == sorted(s["href"] for s in summaries)
    dates = table.xpath("//tbody/tr/td[1]/@data-sort")
    assert dates == sorted(dates)
    chronology = parse_page(site / "chronology.html")
    assert sorted(chronology.xpath("//ol[@class='chronology']/li/a[1]/@href")) == sorted(listed)
    assert "Undated" not in "".join(chronology.itertext())
    assert render_indexes(summaries, Edition.of_corpus(CORPUS))["index.html"] == (site / "index.html").read_bytes()


def test_people_index_lists_every_document_naming_a_person(built: Path) -> None:
    people = parse_page(built / "html" / "people.html")
    for tei_path in sorted((built / "tei").glob("*.xml")):
        tree = parse_file(tei_path)
        keys = {
            r[1:]
            for r in tree.xpath("//tei:text//tei:persName/@ref", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
        }
        for key in keys:
            hrefs = people.xpath(f"//section[@id='{key}']//ul[@class='mentions']/li/a/@href")
            assert f"{tei_path.stem}.html" in hrefs, key


@pytest.mark.parametrize("view", ["reading", "diplomatic", "both"])
def test_render_command_makes_a_site_of_any_tei(tmp_path: Path, view: str) -> None:
    escher = require_shared("real-tei/escher")
    files = sorted(escher.glob("*.xml"))[:12]
    arguments = ["render", *map(str, files), "-o", str(tmp_path), "--view", view, "--title", "Escher <Briefe>"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert {p.stem for p in tmp_path.glob("K_*.html")} == {p.stem for p in files}
    for path in files:  # each TEI file beside its page, the same document
        copied, original = parse_file(tmp_path / path.name), parse_file(path)
        assert etree.tostring(copied, method="c14n2") == etree.tostring(original, method="c14n2")
    assert parse_page(tmp_path / "index.html").xpath("string(//p[@class='site-name'])") == "Escher <Briefe>"
    assert (tmp_path / "people.html").is_file() and (tmp_path / "style.css").is_file()
    assert site_problems(tmp_path) == []
    page = parse_page(tmp_path / f"{files[0].stem}.html")
    assert [s.get("id") for s in page.xpath("//section[contains(@class, 'view')]")] == (
        ["reading", "diplomatic"] if view == "both" else [view]
    )


def test_correspondents_timeline_and_about_pages(built: Path) -> None:
    site = built / "html"
    pairs = parse_page(site / "correspondence.html")
    rows = {
        (" ".join(r.xpath("string(td[1])").split()), " ".join(r.xpath("string(td[2])").split())): r.xpath(
            "td[3]//a/@href"
        )
        for r in pairs.xpath("//table[@class='pairs']/tbody/tr")
    }
    assert len(rows[("Joseph Stalin", "Vladimir Lenin")]) == 5  # written as J. V. Stalin, one correspondent
    assert rows[("Joseph Stalin", "Mao Zedong")] == ["wilson-119543-cable-5542.html"]
    labels = pairs.xpath("//svg//text/text()")
    assert "Joseph Stalin" in labels and len(labels) == len(set(labels))
    assert pairs.xpath("//svg//a[@href='people.html#Stalin']")
    chronology = parse_page(site / "chronology.html")
    bars = {a.get("href"): a.xpath("string()") for a in chronology.xpath("//table[@class='timeline']//a")}
    assert bars == {"#m-1920-07": "6", "#m-1920-08": "4", "#m-1951-09": "1"}
    about = parse_page(site / "about.html")
    principles = about.xpath("//ul[@class='principles']/li")
    tei = {"tei": "http://www.tei-c.org/ns/1.0"}
    stated = {
        " ".join(p.split())
        for f in (built / "tei").glob("*.xml")
        for p in parse_file(f).xpath("//tei:editorialDecl/tei:p/text()", namespaces=tei)
    }
    assert len(principles) == len(stated)
    sources = about.xpath("//ul[@class='register-sources']/li/a[1]/@href")
    assert sources and all(s.startswith("https://") for s in sources)


def test_the_collection_index_is_no_undated_document(built: Path) -> None:
    site = built / "html"
    collection = parse_page(site / "bolshevik-correspondence-091-100.html")
    assert "undated" not in "".join(collection.itertext())
    assert collection.xpath("//dl[@class='meta']/dt/text()")[:1] == ["Kind"]
    people = parse_page(site / "people.html")
    listed = ["".join(li.itertext()) for li in people.xpath("//section[@id='Budyonny']//ul[@class='mentions']/li")]
    assert "Collection index: Bolshevik Leaders correspondence: Nos. 91–100" in listed
    assert not [item for item in listed if "undated" in item]


def test_the_edition_is_described_by_the_corpus(tmp_path: Path) -> None:
    assert Edition.of_corpus(tmp_path) == Edition()
    (tmp_path / "cmif.json").write_text('{"title": "Letters  of\\nX", "editors": ["A. B.", "C. D."]}', encoding="utf-8")
    assert Edition.of_corpus(tmp_path) == Edition("Letters of X", ("A. B.", "C. D."))
    described = {
        "title": "Letters",
        "editors": [{"name": "A. B.", "email": "a@example.org"}],
        "sources": [{"match": "Letters 1920", "title": "Письма", "editors": ["В. Г."], "place": "М.", "year": "1996"}],
    }
    (tmp_path / "cmif.json").write_text(json.dumps(described), encoding="utf-8")
    edition = Edition.of_corpus(tmp_path)
    assert edition.editors == ("A. B.",)
    assert edition.printed_in("Collection of LETTERS  1920, vol. 2") == edition.sources[0]
    assert edition.sources[0].citation == "Письма. Ed. В. Г. М.: 1996."
    (tmp_path / "cmif.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(EditionError, match="cmif.json: cannot read the edition's description"):
        Edition.of_corpus(tmp_path)


def test_the_site_scripts_point_to_pages_that_exist(built: Path) -> None:
    site = built / "html"

    def data(name: str, prefix: str) -> Any:
        text = (site / name).read_text(encoding="utf-8")
        assert text.startswith(prefix) and text.endswith(";\n")
        return json.loads(text.removeprefix(prefix).removesuffix(";\n"))

    order = data("site.js", "window.teiEncodeSite = ")
    hrefs = [href for href, _ in order["order"]]
    assert len(hrefs) == 11 and all((site / href).is_file() for href in hrefs)
    collections = order["collections"]
    assert sorted(collections) == [f"bolshevik-correspondence-no{n:03d}.html" for n in range(91, 101)]
    assert {href for href, _ in collections.values()} == {"bolshevik-correspondence-091-100.html"}
    search = data("search-data.js", "window.teiEncodeSearch = ")
    assert [d["href"] for d in search["documents"]] == hrefs
    budyonny = [d["href"] for d in search["documents"] if "Budyonny" in d["people"]]
    assert len(budyonny) >= 2


@pytest.mark.parametrize(
    ("file_desc", "edition"),
    [
        (
            "<seriesStmt><title>Briefe  und Akten</title></seriesStmt>",
            Edition("Briefe und Akten"),
        ),
        (
            "<editionStmt><edition>Second edition</edition></editionStmt>"
            "<publicationStmt><publisher>A Press</publisher></publicationStmt>",
            Edition("Second edition", publisher="A Press"),
        ),
        ("<publicationStmt><p>Not published.</p></publicationStmt>", Edition()),
    ],
    ids=["series", "edition-and-publisher", "none"],
)
def test_the_edition_a_tei_file_names(file_desc: str, edition: Edition) -> None:
    source = f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>{file_desc}</fileDesc></teiHeader></TEI>'
    assert Edition.of_tei(etree.fromstring(source)) == edition


def test_a_letter_names_the_printed_edition_the_corpus_describes(built: Path) -> None:
    letter = parse_page(built / "html" / "bolshevik-correspondence-no094.html")
    rows = {
        dt.text: " ".join("".join(dd.itertext()).split())
        for dt, dd in zip(
            letter.xpath("//section[@id='source']//dt"), letter.xpath("//section[@id='source']//dd"), strict=True
        )
    }
    assert rows["Printed edition"].startswith("Большевистское руководство. Переписка. 1912–1927")
    assert rows["Printed edition"].endswith("Москва: РОССПЭН, 1996.")
