"""The review as files: ``index.html`` (filterable by kind, document and status, from the file system),
``review.csv`` and ``review.json`` with the same rows, and the views' ``style.css``.

The page is built with lxml like the reading views and shares their stylesheet;
a few lines of script filter the table (no request is made, so the page works
from ``file://``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from lxml import etree

from ..render.html import STYLESHEET, element, serialize_content, serialize_page
from ..xmlio import write_atomic
from .rows import FIELDS, KINDS, ReviewRow

TITLE = "Review of the conversion"
FILTER_SCRIPT = """
(function () {
  var selects = document.querySelectorAll("select[data-filter]");
  var rows = document.querySelectorAll("tbody tr");
  var count = document.getElementById("shown");
  function update() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = Array.prototype.every.call(selects, function (s) {
        return !s.value || row.getAttribute("data-" + s.getAttribute("data-filter")) === s.value;
      });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = String(shown);
  }
  selects.forEach(function (s) { s.addEventListener("change", update); });
  update();
})();
"""
# The comment in the page's table that its rows replace, and how many rows are made at once.
ROWS = "review rows"
ROWS_AT_ONCE = 2000
# Encodes one row's object with its members one to a line, indented as in a list indented by one space.
_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",\n  ", ": "))
STYLE = """
table.review td.context { font-size: .92rem; }
table.review mark { background: #fbeeb8; }
table.review tr.decided td { color: var(--muted); }
table.review tr.decided td.status::before { content: "\\2713\\00a0"; }
form.filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; font: .95rem system-ui, sans-serif; }
"""


def review_files(rows: Sequence[ReviewRow]) -> Iterator[tuple[str, bytes]]:
    """The review's files, each made when asked for (name and bytes): the page, its stylesheet, CSV and JSON
    (rows in document and line order)."""
    ordered = sorted(rows, key=lambda r: (r.document, r.line))  # stable: rows of one line stay in reading order
    yield "index.html", review_page(ordered)
    yield STYLESHEET, resources.files("tei_encode.render").joinpath("static", STYLESHEET).read_bytes()
    yield "review.csv", review_csv(ordered)
    yield "review.json", review_json(ordered)


def write_review(directory: Path, rows: Sequence[ReviewRow]) -> list[Path]:
    """Write the review's files into ``directory`` (atomically, each); returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in review_files(rows):
        write_atomic(directory / name, data)
        written.append(directory / name)
    return written


def review_csv(rows: Sequence[ReviewRow]) -> bytes:
    """The rows as UTF-8 CSV with a header row (the columns of ``FIELDS``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(row.values() for row in rows)
    return out.getvalue().encode("utf-8")


def review_json(rows: Sequence[ReviewRow]) -> bytes:
    """The rows as a JSON list of objects, laid out as ``json.dumps(..., indent=1)`` lays them out."""
    if not rows:
        return b"[]\n"
    # Each object encoded by the C encoder on its own, its members already on lines of their own.
    objects = (" {\n  " + _ROW_ENCODER.encode(row.as_dict())[1:-1] + "\n }" for row in rows)
    return ("[\n" + ",\n".join(objects) + "\n]\n").encode("utf-8")


def review_page(rows: Sequence[ReviewRow]) -> bytes:
    """The review page: counts, filters and one table row per review row."""
    open_rows = sum(1 for r in rows if r.status == "open")
    head = element(
        "head",
        None,
        element("meta", {"charset": "utf-8"}),
        element("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        element("title", None, TITLE),
        element("link", {"rel": "stylesheet", "href": STYLESHEET}),
        element("style", None, STYLE),
    )
    summary = element(
        "p",
        None,
        f"{len(rows)} decisions the converters were unsure of: {open_rows} open, "
        f"{len(rows) - open_rows} decided. Shown: ",
        element("span", {"id": "shown"}, str(len(rows))),
        ".",
    )
    table = element(
        "table",
        {"class": "corpus review"},
        element("thead", None, _heading()),
        element("tbody", None, etree.Comment(ROWS)),
    )
    main = element("main", {"id": "main"}, element("h1", None, TITLE), summary, _filters(rows), table)
    body = element("body", {"class": "index"}, main, element("script", None, FILTER_SCRIPT))
    page = serialize_page(element("html", {"lang": "en"}, head, body))
    return page.replace(f"<!--{ROWS}-->".encode(), _rows(rows), 1)


def _rows(rows: Sequence[ReviewRow]) -> bytes:
    """The table rows, made and serialised a part at a time (a corpus may have a hundred thousand)."""
    parts = []
    for start in range(0, len(rows), ROWS_AT_ONCE):
        body = etree.Element("tbody")
        _fill(body, rows[start : start + ROWS_AT_ONCE])
        parts.append(serialize_content(body))
    return b"".join(parts)


def _filters(rows: Sequence[ReviewRow]) -> etree._Element:
    documents = sorted({r.document for r in rows})
    choices = [
        ("kind", "Kind", [(k, label) for k, label in KINDS.items() if any(r.kind == k for r in rows)]),
        ("document", "Document", [(d, d) for d in documents]),
        ("status", "Status", [("open", "open"), ("decided", "decided")]),
    ]
    form = element("form", {"class": "filters", "aria-label": "Filter the rows"})
    for name, label, options in choices:
        select = element(
            "select", {"id": f"filter-{name}", "data-filter": name}, element("option", {"value": ""}, "all")
        )
        for value, text in options:
            select.append(element("option", {"value": value}, text))
        form.append(element("label", {"for": f"filter-{name}"}, f"{label} "))
        form.append(select)
    return form


def _heading() -> etree._Element:
    return element(
        "tr",
        None,
        *(
            element("th", {"scope": "col"}, h)
            for h in ("Document", "Line", "Kind", "Text in context", "Occurrence", "Proposed", "Status", "Id")
        ),
    )


def _fill(body: etree._Element, rows: Sequence[ReviewRow]) -> None:
    """One table row per review row in ``body``."""
    cell = etree.SubElement  # tens of thousands of rows: cells made directly, not through ``element``
    for r in rows:
        attributes = {"id": r.id, "class": r.status, "data-kind": r.kind, "data-document": r.document}
        row = cell(body, "tr", {**attributes, "data-status": r.status})
        cell(row, "td").text = r.document
        cell(row, "td").text = str(r.line) if r.line else ""
        cell(row, "td").text = KINDS[r.kind]
        context = cell(row, "td", {"class": "context"})
        context.text = r.before
        mark = cell(context, "mark")
        mark.text, mark.tail = r.text, r.after
        cell(row, "td").text = str(r.occurrence)
        cell(row, "td").text = r.proposal
        cell(row, "td", {"class": "status"}).text = r.status + (f" ({r.decision})" if r.decision else "")
        cell(cell(row, "td"), "code").text = r.id
