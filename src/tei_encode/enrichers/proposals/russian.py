"""Persons and places in Russian text proposed by natasha's NER model (slovnet, news domain).

The weights ship inside the ``natasha`` package (``natasha/data``), so nothing is downloaded: the model is
loaded from the installed package once per process, on the first Russian text that needs it (about a
second), and kept. natasha tags PER, LOC and ORG; persons and places are proposed, organisations left to
the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from typing import Any

MODEL = "natasha"
LABELS = {"PER": "person", "LOC": "place"}


@dataclass(frozen=True)
class Found:
    """A stretch of text a model or gazetteer takes for a name: its offsets and kind."""

    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def model_version() -> str:
    """The installed natasha version (named with the model in the TEI header), read once per process: reading a
    package's metadata costs milliseconds."""
    return version(MODEL)


@lru_cache(maxsize=1)
def _tagger() -> tuple[Any, Any]:
    """natasha's segmenter and NER tagger, built once per process from the weights in the package."""
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def russian_names(text: str) -> list[Found]:
    """The persons and places natasha finds in ``text``, in text order."""
    from natasha import Doc

    segmenter, tagger = _tagger()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [Found(s.start, s.stop, LABELS[s.type]) for s in doc.spans if s.type in LABELS]
