"""Re-rank the best fused candidates by how well each paragraph reads as the answer.

Fusion only knows two ranks. For the best ``rerank_depth`` fused paragraphs this module
computes cheap signals that read the paragraph against the question (no model call):
the fused score and both ranks and raw scores, the rarity-weighted share of the
question's words in the paragraph, in its title, in its best sentence and in its best
sentence that holds the kind of thing asked for (a number for "how many", a date for
"when"), the question's word pairs found side by side, the question's names found, its
place in its article (news puts the answer early) and how many candidates share its article. A logistic regression, fitted by cross-validation on
the benchmark's dev questions (``eval/fit_rerank.py``, coefficients in
``rerank_model.json``), turns them into P(this paragraph answers); candidates are
re-ordered by it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .asks import counted_thing, expected_kind, holds_kind
from .sentences import sentence_spans
from .text import content_terms, entity_found, key_entities

MODEL_FILE = Path(__file__).with_name("rerank_model.json")

FEATURES = (
    "fused",  # the fused retrieval score
    "fused_rr",  # 1 / its place in the fused order
    "dense_rr",  # 1 / its dense rank (0 when the dense search did not find it)
    "bm25_rr",  # 1 / its BM25 rank (0 when BM25 did not find it)
    "dense_sim",  # its embedding similarity to the question
    "bm25_rel",  # its BM25 score over the best BM25 score
    "context",  # rarity-weighted share of the question's words in the paragraph and title
    "title",  # the same in the title alone
    "sentence",  # the same in its best sentence
    "pairs",  # share of the question's word pairs found side by side
    "names",  # share of the question's names and numbers found
    "fits",  # a sentence holds the kind of thing asked for (1 when nothing particular is asked)
    "lead",  # the article's first paragraph
    "position",  # 1 / its place in its article
    "article",  # share of the candidates from its article
    "answer_sentence",  # the question's words in its best sentence that holds the kind asked for
)

__all__ = ["FEATURES", "Reranker", "default_reranker", "features"]


def features(question: str, paragraphs, fused: list[float], dense_rank: dict, dense_sim: dict,
             bm25_rank: dict, bm25_score: dict) -> np.ndarray:
    """One row of ``FEATURES`` per paragraph (``StoredParagraph``s in fused order)."""
    q_terms = content_terms(question)
    q_set = set(q_terms)
    pairs = {(a, b) for a, b in zip(q_terms, q_terms[1:])}
    docs = [content_terms(p.title + " " + p.text) for p in paragraphs]
    sets = [set(d) for d in docs]
    n = len(paragraphs) + 1
    weights = {t: math.log(1 + n / (1 + sum(t in s for s in sets))) + 0.5 for t in q_set}
    total = sum(weights.values()) or 1.0
    kind, counted = expected_kind(question), counted_thing(question)
    names = key_entities(question)
    top_bm25 = max(bm25_score.values(), default=0.0) or 1.0
    floor = min(dense_sim.values(), default=0.0)
    rows = []
    for i, p in enumerate(paragraphs):
        terms = sets[i]
        title = set(content_terms(p.title))
        best, best_fit, fits = 0.0, 0.0, kind is None
        for s, e in sentence_spans(p.text):
            sent = p.text[s:e]
            st = set(content_terms(sent))
            cover = sum(w for t, w in weights.items() if t in st) / total
            best = max(best, cover)
            if kind is None or holds_kind(sent, kind, counted):
                fits = True
                best_fit = max(best_fit, cover)
        adjacent = set(zip(docs[i], docs[i][1:]))
        rows.append([
            fused[i],
            1.0 / (i + 1),
            1.0 / dense_rank[p.id] if p.id in dense_rank else 0.0,
            1.0 / bm25_rank[p.id] if p.id in bm25_rank else 0.0,
            dense_sim.get(p.id, floor),
            bm25_score.get(p.id, 0.0) / top_bm25,
            sum(w for t, w in weights.items() if t in terms) / total,
            sum(w for t, w in weights.items() if t in title) / total,
            best,
            len(pairs & adjacent) / len(pairs) if pairs else 0.0,
            sum(entity_found(e, terms) for e in names) / len(names) if names else 1.0,
            float(fits),
            float(p.n == 1),
            1.0 / max(p.n, 1),
            sum(o.article_id == p.article_id for o in paragraphs) / len(paragraphs),
            best_fit,
        ])
    return np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))


@dataclass(frozen=True)
class Reranker:
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # bias first, then one per standardised signal

    @classmethod
    def from_json(cls, data: dict) -> "Reranker":
        if tuple(data["names"]) != FEATURES:
            raise ValueError(f"{MODEL_FILE} was fitted on other signals; run eval/fit_rerank.py --write")
        return cls(tuple(data["names"]), np.array(data["mean"]), np.array(data["scale"]), np.array(data["weights"]))

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """How well each paragraph reads as the answer (a logit: higher is better), one per row."""
        if not len(rows):
            return np.zeros(0)
        return self.weights[0] + ((rows - self.mean) / self.scale) @ self.weights[1:]

    def p_answers(self, rows: np.ndarray) -> np.ndarray:
        """The scores as probabilities (within one question, softmax of ``scores`` gives the fitted shares)."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.scores(rows), -50, 50)))


@lru_cache(maxsize=1)
def default_reranker() -> Reranker:
    return Reranker.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
