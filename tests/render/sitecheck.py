"""A walker over a generated site: well-formed pages, resolving internal links, accessible basics."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

HEADING = re.compile(r"h([1-6])")
# Start tags that close an open <p> under the HTML5 parsing rules ("in body" insertion mode).
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure"}
CLOSES_P |= {"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p"}
CLOSES_P |= {"pre", "section", "table", "ul", "li", "dd", "dt"}


def parse_page(path: Path) -> etree._Element:
    """The page parsed as XML (raises on a page that is not well-formed)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser).getroot()


def page_problems(path: Path) -> list[str]:
    """What is wrong with one page on its own: parsing, ids, language, headings, link texts."""
    problems = []
    data = path.read_bytes()
    if not data.startswith(b"<!DOCTYPE html>"):
        problems.append(f"{path.name}: no HTML5 doctype")
    try:
        root = parse_page(path)
    except etree.XMLSyntaxError as exc:
        return [f"{path.name}: not well-formed: {exc}"]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        ancestors = {a.tag for a in el.iterancestors()}
        if (el.tag in CLOSES_P and "p" in ancestors) or (el.tag == "a" and "a" in ancestors):
            problems.append(
                f"{path.name}: <{el.tag}> inside <{'p' if el.tag != 'a' else 'a'}> (an HTML parser splits it)"
            )
    ids = [el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")]
    problems += [f"{path.name}: duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    if not root.get("lang"):
        problems.append(f"{path.name}: no lang on <html>")
    previous = 0
    for el in root.iter():
        match = HEADING.fullmatch(el.tag) if isinstance(el.tag, str) else None
        if match:
            level = int(match.group(1))
            if level > previous + 1:
                problems.append(f"{path.name}: <{el.tag}> after <h{previous}>")
            previous = level
    for link in root.iter("a"):
        if link.get("href") and not ("".join(link.itertext()).strip() or link.get("aria-label")):
            problems.append(f"{path.name}: link to {link.get('href')} has no text")
    return problems


def link_problems(site: Path) -> list[str]:
    """Internal links (href, src) whose file or #fragment does not exist."""
    pages = {}
    for path in site.glob("*.html"):
        try:
            pages[path.name] = parse_page(path)
        except etree.XMLSyntaxError:
            continue  # reported by page_problems
    ids = {name: {el.get("id") for el in root.iter() if isinstance(el.tag, str)} for name, root in pages.items()}
    problems = []
    for name, root in sorted(pages.items()):
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            target = el.get("href") if el.tag in {"a", "link"} else el.get("src")
            if not target:
                continue
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            file = unquote(parts.path) or name
            if not (site / file).is_file():
                problems.append(f"{name}: {target}: no such file")
            elif parts.fragment and unquote(parts.fragment) not in ids.get(file, set()):
                problems.append(f"{name}: {target}: no such id")
    return problems


def site_problems(site: Path) -> list[str]:
    """Everything the walker finds wrong with the site in ``site``."""
    problems = [p for page in sorted(site.glob("*.html")) for p in page_problems(page)]
    return problems + link_problems(site)
