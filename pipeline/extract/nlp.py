"""The extraction stage as a spaCy pipeline.

A blank ``zh`` pipeline with jieba segmentation carries the document; the
first component attaches the matching copy (:class:`Source`) and an empty
:class:`Record` to ``Doc._``, an EntityRuler marks the genre's fixed
vocabulary (event names, urgency and classification words) as entities,
and one custom component per field group fills its own fields — the way
``Language.__call__`` runs components in order.  Every field module keeps a
plain ``fill(src, rec)`` function so tests and notebooks can call it
without spaCy.

The pipeline is built once per process (:func:`get_nlp`): jieba's
dictionary load is the expensive part and must not happen per document.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.source import Source, make_source
from pipeline.model import Record

#: field modules in run order; later ones read what earlier ones found
FIELD_MODULES: tuple[str, ...] = (
    "header", "signature", "event", "theme", "period",
    "deadlines", "contacts", "activities", "annexes", "stats",
)

for _ext in ("source", "record"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

#: fixed vocabulary of the genre, tagged by the EntityRuler
RULER_PATTERNS: list[dict[str, str]] = [
    {"label": "URGENCY", "pattern": w} for w in ("特提", "特急", "加急", "平急")
] + [
    {"label": "CLASSIFICATION", "pattern": w} for w in ("绝密", "机密", "秘密", "明电", "密电")
] + [
    {"label": "EVENT", "pattern": w}
    for w in ("政务公开日", "政府开放日", "政务开放日", "政务公开主题日", "政务公开周", "政务公开月")
]


@Language.component("notices_source")
def _source_component(doc: Doc) -> Doc:
    doc._.source = make_source(doc.text)
    doc._.record = Record()
    return doc


def _field_component(module_name: str) -> Callable[[Doc], Doc]:
    module = importlib.import_module(f"pipeline.extract.{module_name}")
    fill: Callable[[Source, Record], None] = module.fill

    def component(doc: Doc) -> Doc:
        fill(doc._.source, doc._.record)
        return doc

    component.__name__ = f"notices_{module_name}"
    return component


def _register() -> list[str]:
    names = []
    for module_name in FIELD_MODULES:
        name = f"notices_{module_name}"
        if not Language.has_factory(name):
            Language.component(name, func=_field_component(module_name))
        names.append(name)
    return names


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared extraction pipeline (built once per process)."""
    nlp = spacy_blank_zh()
    nlp.add_pipe("notices_source")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(RULER_PATTERNS)  # type: ignore[attr-defined]
    for name in _register():
        nlp.add_pipe(name)
    return nlp


def spacy_blank_zh() -> Language:
    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)  # its dictionary-load chatter is not a user message

    fast = _fast_jieba()
    if fast is None:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        # built with the "char" segmenter and switched afterwards: asking spaCy for "jieba"
        # would load pure-Python jieba's dictionary (~0.5 s per worker) only to replace it
        nlp = spacy.blank("zh")
        nlp.tokenizer.segmenter = "jieba"  # type: ignore[union-attr]
        nlp.tokenizer.jieba_seg = fast  # type: ignore[union-attr]
    nlp.max_length = 5_000_000
    return nlp


def _fast_jieba() -> Any | None:
    """jieba's algorithm on a compiled double-array dictionary (``jieba-fast-dat``).

    Same ``cut`` interface as jieba, about 50× faster on notice-length
    texts, which decides whether plain-text archives run at hundreds of
    documents per second.  Falls back to pure-Python jieba when absent.
    """
    try:
        import jieba_fast_dat
    except ImportError:
        return None
    return jieba_fast_dat


def extract(text: str) -> Record:
    """Run the extraction pipeline on a document text and return its record."""
    doc = get_nlp()(text)
    record: Record = doc._.record
    return record
