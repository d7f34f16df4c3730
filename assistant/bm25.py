"""BM25 over paragraphs (title plus text), with rank-bm25 as the scorer."""

from __future__ import annotations

import numpy as np

from .text import content_terms


class BM25Index:
    def __init__(self, ids: list[str], texts: list[str]):
        from rank_bm25 import BM25Okapi

        self.ids = ids
        corpus = [content_terms(t) or ["\u2205"] for t in texts]
        self._bm25 = BM25Okapi(corpus) if corpus else None

    def scores(self, query: str) -> np.ndarray:
        terms = content_terms(query)
        if self._bm25 is None or not terms:
            return np.zeros(len(self.ids))
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float64)

    def top(self, query: str, n: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, score) of the best ``n`` rows with a positive score, within ``mask``."""
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        if not len(scores):
            return []
        n = min(n, len(scores))
        rows = np.argpartition(-scores, n - 1)[:n]
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        return [(int(r), float(scores[r])) for r in rows if scores[r] > 0]
