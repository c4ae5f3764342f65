"""The decisions file: columns, actions and malformed rows reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_encode.editorial.decisions import Decision, DecisionsError, load_decisions, parse_decisions

HEADER = "document,text,occurrence,context,action,kind,value,names,cert,editor,note\n"


def test_rows_become_decisions_with_their_lines() -> None:
    text = HEADER + (
        "doc-1,Kamenev,2,,link,,Kamenev_LB,,,,London\n"
        "\n"
        'doc-1,"Gusarov",,the engineer Gusarov,mark,person,Gusarov,"en:Gusarov; ru:Гусаров",medium,A. N. Editor,\n'
        "doc-2,,,,date,,1920-08-12,,,,\n"
    )
    link, mark, date = parse_decisions(text, "corpus/decisions.csv")
    assert link == Decision("corpus/decisions.csv", 2, "doc-1", "link", "Kamenev", 2, value="Kamenev_LB", note="London")
    assert (mark.line, mark.context, mark.kind, mark.cert, mark.editor) == (
        4,
        "the engineer Gusarov",
        "person",
        "medium",
        "A. N. Editor",
    )
    assert mark.names == (("en", "Gusarov"), ("ru", "Гусаров"))
    assert (date.line, date.action, date.value, date.occurrence, date.editor) == (
        5,
        "date",
        "1920-08-12",
        1,
        "the editors",
    )
    assert date.where == "corpus/decisions.csv:5"


def test_columns_in_any_order_and_a_spreadsheet_bom(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_bytes("\ufeffaction,document,text\nnot,doc-1,Red Hill\n".encode())
    [decision] = load_decisions(path, "c/decisions.csv")
    assert (decision.action, decision.document, decision.text, decision.where) == (
        "not",
        "doc-1",
        "Red Hill",
        "c/decisions.csv:2",
    )


def test_no_file_no_decisions(tmp_path: Path) -> None:
    assert load_decisions(tmp_path / "decisions.csv") == []


BAD = [
    ("document,verb\n", "c.csv:1: the header must name the columns document and action"),
    ("text,action\nKamenev,link\n", "c.csv:1: the header must name the columns document and action"),
    ("document,action\ndoc,delete\n", "c.csv:2: unknown action 'delete'"),
    ("document,action,text\n,not,x\n", "c.csv:2: no document id"),
    ("document,action\ndoc,link\n", "c.csv:2: link needs the text it is about"),
    ("document,action,text\ndoc,link,Kamenev\n", "c.csv:2: link needs a value"),
    ("document,action,text\ndoc,date,May\n", "c.csv:2: date is about the whole document"),
    ("document,action,text,kind\ndoc,mark,x,ship\n", "c.csv:2: mark needs a kind"),
    ("document,action,text,occurrence\ndoc,not,x,0\n", "c.csv:2: occurrence must be a whole number from 1"),
    ("document,action,text,occurrence\n\ndoc,not,x,second\n", "c.csv:3: occurrence must be a whole number"),
    ("document,action,text,cert\ndoc,not,x,sure\n", "c.csv:2: cert must be one of high, medium, low"),
    ("document,action,text,value,names\ndoc,accept,x,K,Gusarov\n", "c.csv:2: names must be 'lang:name; lang:name'"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[m.split(": ", 1)[1][:40] for _, m in BAD])
def test_malformed_rows_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DecisionsError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        parse_decisions(text, "c.csv")
