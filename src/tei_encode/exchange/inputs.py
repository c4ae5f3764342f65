"""TEI documents from command-line paths: a corpus directory (converted in memory) or TEI files.

Every document is parsed from the bytes the TEI writer produces, so element
lines are the lines of the file ``tei-encode build`` writes, whether the input
was a corpus or TEI files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..diagnostics import Reporter
from ..errors import ReaderError, TeiEncodeError
from ..pipeline import convert_path
from ..register import Register
from ..xmlio import TEI_NS, XML_NS, parse_file, safe_parser, serialize


@dataclass
class TeiDocument:
    """One TEI document: its id, the file it is (or would be written as) and its parsed tree."""

    id: str
    file: str
    tree: etree._ElementTree

    @property
    def root(self) -> etree._Element:
        """The ``TEI`` element."""
        return self.tree.getroot()


def corpus_register(corpus: Path) -> Register:
    """The register of a corpus directory (``register/`` inside it)."""
    return Register.from_directory(corpus / "register")


def is_corpus(path: Path) -> bool:
    """Whether ``path`` is a corpus directory (it holds source texts)."""
    from ..build import corpus_sources

    return path.is_dir() and bool(corpus_sources(path))


def convert_corpus(corpus: Path, reporter: Reporter) -> list[TeiDocument]:
    """Every document of a corpus directory, converted in memory with the editors' decisions, as a build does;
    conversion findings go to ``reporter``."""
    from ..build import corpus_sources
    from ..editorial.corpus import corpus_decisions

    register = corpus_register(corpus)
    decisions = corpus_decisions(corpus)
    documents = []
    for source in corpus_sources(corpus):
        source_reporter = Reporter(f"{corpus.name}/{source.name}")
        items = convert_path(source, register, source_reporter, decisions=decisions)
        reporter.diagnostics.extend(source_reporter.diagnostics)
        for item in items:
            tree = etree.ElementTree(etree.fromstring(serialize(item.tree), safe_parser()))
            documents.append(TeiDocument(item.document.id, f"tei/{item.filename}", tree))
    return documents


def read_tei(path: Path) -> TeiDocument:
    """One TEI file; a file that is not XML or not TEI raises ``ReaderError``."""
    try:
        tree = parse_file(path)
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except etree.XMLSyntaxError as exc:  # also the refusals of unsafe XML
        raise ReaderError(f"{path}:{exc.lineno}: not usable XML: {exc.msg}") from exc
    root = tree.getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise ReaderError(f"{path}: not a TEI document (root element {root.tag})")
    return TeiDocument(root.get(f"{{{XML_NS}}}id") or path.stem, str(path), tree)


def load_documents(paths: Iterable[Path], reporter: Reporter) -> list[TeiDocument]:
    """The TEI documents of ``paths``: corpus directories, directories of TEI files, TEI files.

    Directories are read in name order; a missing path raises ``TeiEncodeError``.
    """
    documents: list[TeiDocument] = []
    for path in paths:
        if is_corpus(path):
            documents.extend(convert_corpus(path, reporter))
        elif path.is_dir():
            documents.extend(read_tei(p) for p in sorted(path.glob("*.xml")))
        elif path.is_file():
            documents.append(read_tei(path))
        else:
            raise TeiEncodeError(f"{path}: no such file or directory")
    return documents
