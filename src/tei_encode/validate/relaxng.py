"""RELAX NG validation with lxml (libxml2), on grammars pruned to the documents' vocabulary.

libxml2 compiles a large grammar such as TEI ``tei_all`` slowly (17-19 s). The validator
therefore compiles the grammar pruned to the element and attribute names of the documents
(``prune.py``), which gives the same verdicts: ``prepare(vocabulary)`` does it once for a set of
documents (or a guess at their names), and ``iter_errors`` checks a document it rejects that
brings other names against the grammar pruned to its own. libxml2's findings,
unlike its verdicts, depend on the grammar's shape, so the findings of an invalid document come
from the grammar pruned to that document's own names: they are the same whatever other documents
are in the run. Compiled grammars are kept in the process, pruned forms of large grammars on
disk in the user cache (keyed by the schema's checksum, the vocabulary and the tool's version).
Findings are explained in TEI terms by ``messages.explain_relaxng``.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic
from ..errors import SchemaError
from ..xmlio import safe_parser, write_atomic
from . import BaseValidator
from .cache import cache_dir, entry_key
from .prune import Prunable, grammar_names, is_prunable
from .vocabulary import EMPTY_VOCABULARY, Vocabulary, vocabulary_of

_COMPILED: dict[tuple[str, str], etree.RelaxNG] = {}
# Compiled grammars kept in the process (a long build widens the vocabulary a few times).
_KEEP = 8
# Below this size a grammar compiles in milliseconds: it is used whole, and no document's
# vocabulary needs to be collected for it.
_PRUNE_BYTES = 100_000
# Documents checked before a validator goes by how many were invalid.
_LEARN_FROM = 16


class RelaxNGValidator(BaseValidator):
    """A RELAX NG schema (XML syntax), compiled for the vocabulary of the documents it sees."""

    name = "relaxng"
    guesses_vocabulary = True

    def __init__(self, path: Path, *, disk_cache: bool = True) -> None:
        self.path = path
        try:
            self.data = path.read_bytes()
            self.grammar = etree.ElementTree(etree.fromstring(self.data, safe_parser(), base_url=str(path)))
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SchemaError(f"{path}: cannot read RELAX NG schema: {exc}") from exc
        self.checksum = hashlib.sha256(self.data).hexdigest()
        self.needs_vocabulary = len(self.data) >= _PRUNE_BYTES and is_prunable(self.grammar)
        self.disk_cache = disk_cache
        self.prunable: Prunable | None = None
        self.names: Vocabulary | None = None
        self.vocabulary = EMPTY_VOCABULARY
        self.schema: etree.RelaxNG | None = None
        # Documents checked and found invalid by this validator in this process (see ``_own_first``).
        self.checked = self.rejected = 0

    def prepare(self, vocabulary: Vocabulary) -> None:
        """Compile the grammar for documents using at most the names of ``vocabulary``.

        A grammar pruned to more names gives the same verdicts: the one compiled already is kept
        when it covers them (the chunks of a run, prepared before workers are forked).
        """
        covered = self.needs_vocabulary and self._known(self.vocabulary).covers(self._known(vocabulary))
        if self.schema is not None and covered:
            return
        self.vocabulary = vocabulary
        self.schema = self._compiled(vocabulary)

    def _compiled(self, vocabulary: Vocabulary) -> etree.RelaxNG:
        if self.needs_vocabulary:
            # Names the grammar does not know prune nothing: documents differing only in those share a grammar.
            vocabulary = self._known(vocabulary)
        key = (self.checksum, vocabulary.key() if self.needs_vocabulary else "")
        if key not in _COMPILED:
            if len(_COMPILED) >= _KEEP:
                _COMPILED.pop(next(iter(_COMPILED)))
            _COMPILED[key] = self._compile(self._pruned(vocabulary))
        return _COMPILED[key]

    def _pruned(self, vocabulary: Vocabulary) -> etree._ElementTree:
        """The pruned grammar, from the disk cache when there (the full grammar when it cannot be pruned)."""
        if not self.needs_vocabulary:
            return self.grammar
        cached = cache_dir() / "pruned" / f"{entry_key(self.checksum, vocabulary.key())}.rng"
        if self.disk_cache and cached.is_file():
            try:
                return etree.parse(str(cached), safe_parser())
            except etree.XMLSyntaxError:
                cached.unlink(missing_ok=True)
        if self.prunable is None:
            self.prunable = Prunable(self.grammar)
        pruned = self.prunable.prune(vocabulary)
        if pruned is None:
            return self.grammar
        if self.disk_cache:
            with contextlib.suppress(OSError):  # a read-only cache only costs speed
                write_atomic(cached, etree.tostring(pruned, encoding="UTF-8", xml_declaration=True))
        return pruned

    def _compile(self, grammar: etree._ElementTree) -> etree.RelaxNG:
        try:
            return etree.RelaxNG(grammar)
        except etree.RelaxNGParseError as exc:
            raise SchemaError(f"{self.path}: cannot compile RELAX NG schema: {exc}") from exc

    def iter_errors(self, tree: etree._ElementTree | etree._Element, file: str = "") -> Iterator[Diagnostic]:
        """Every error of the document in TEI terms (``messages.explain_relaxng``), without follow-on errors.

        A grammar pruned to fewer names than the document's accepts fewer documents: a document it
        accepts is valid, and only a document it rejects needs its own names (and, when the grammar
        lacks some of them, the grammar pruned to them to tell whether it is valid). Where most
        documents so far were invalid, each is checked with its own names at once (``_own_first``).
        """
        own = EMPTY_VOCABULARY
        if not self.needs_vocabulary:
            self.schema = last = self.schema or self._compiled(EMPTY_VOCABULARY)
            valid = bool(last.validate(tree))
        elif self._own_first():
            own = vocabulary_of([tree])
            last = self._compiled(own)
            valid = bool(last.validate(tree))
        else:
            if self.schema is None:
                self.prepare(vocabulary_of([tree]))
            assert self.schema is not None
            last = self.schema
            valid = bool(last.validate(tree))
            if not valid:
                own = vocabulary_of([tree])
                if not self._known(self.vocabulary).covers(self._known(own)):
                    last = self._compiled(own)
                    valid = bool(last.validate(tree))
        self.checked += 1
        if valid:
            return
        self.rejected += 1
        from .messages import explain_relaxng  # only for invalid documents: 40 ms of imports

        compiled = self._compiled(own)
        # The grammar that explains the document has just rejected it, the whole of it: its error log is current.
        whole = isinstance(tree, etree._ElementTree) or tree.getparent() is None
        yield from explain_relaxng(compiled, tree, file, self.path, rejected=compiled is last and whole)

    def _own_first(self) -> bool:
        """Whether each document is checked ``alone``, or most documents checked so far were invalid: the
        grammar of the run's names then only adds a check to documents that need their own grammar for
        their findings anyway."""
        return self.alone or (self.checked >= _LEARN_FROM and 2 * self.rejected > self.checked)

    def _known(self, vocabulary: Vocabulary) -> Vocabulary:
        """The names of ``vocabulary`` that the grammar knows (the others prune nothing)."""
        if self.names is None:
            self.names = grammar_names(self.grammar)
        return vocabulary.within(self.names)
