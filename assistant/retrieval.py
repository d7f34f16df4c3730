"""Hybrid retrieval: dense (Chroma) and BM25 over the same paragraphs, fused by reciprocal rank.

Filters: outlet, published-date range, and ``as_of`` (nothing published after it).
A news question asked on a date is usually about recent reporting, so paragraphs
published shortly before the as-of date get a small, decaying boost (a setting).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import date

import numpy as np

from .bm25 import BM25Index
from .catalog import Catalog, StoredParagraph
from .embedder import Embedder
from .settings import Settings
from .types import Hit
from .vectors import VectorStore

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Filters:
    as_of: date | None = None
    since: date | None = None
    until: date | None = None
    outlets: tuple[str, ...] = ()

    def allows(self, published: date, outlet: str) -> bool:
        if self.as_of and published > self.as_of:
            return False
        if self.since and published < self.since:
            return False
        if self.until and published > self.until:
            return False
        if self.outlets and outlet.lower() not in {o.lower() for o in self.outlets}:
            return False
        return True

    def chroma_where(self, known_outlets: set[str]) -> dict | None:
        clauses = []
        latest = min((d for d in (self.as_of, self.until) if d), default=None)
        if latest:
            clauses.append({"published": {"$lte": latest.toordinal()}})
        if self.since:
            clauses.append({"published": {"$gte": self.since.toordinal()}})
        if self.outlets:
            wanted = {o.lower() for o in self.outlets}
            names = sorted(o for o in known_outlets if o.lower() in wanted) or ["\u2205"]
            clauses.append({"outlet": {"$in": names}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Retriever:
    def __init__(self, catalog: Catalog, vectors: VectorStore, embedder: Embedder, settings: Settings):
        self.catalog = catalog
        self.vectors = vectors
        self.embedder = embedder
        self.settings = settings
        self._lock = threading.Lock()
        self._state_key = None
        self._paragraphs: list[StoredParagraph] = []
        self._row: dict[str, int] = {}
        self._bm25: BM25Index | None = None

    def _refresh(self) -> None:
        key = self.catalog.state_key()
        with self._lock:
            if key == self._state_key:
                return
            paragraphs = self.catalog.all_paragraphs()
            self._bm25 = BM25Index([p.id for p in paragraphs], [f"{p.title}\n{p.text}" for p in paragraphs])
            self._paragraphs = paragraphs
            self._row = {p.id: i for i, p in enumerate(paragraphs)}
            self._published = np.array([p.published.toordinal() for p in paragraphs], dtype=np.int64)
            self._outlets = np.array([p.outlet.lower() for p in paragraphs], dtype=object)
            self._outlet_names = {p.outlet for p in paragraphs}
            self._state_key = key

    def _mask(self, f: Filters) -> np.ndarray | None:
        if f == Filters():
            return None
        mask = np.ones(len(self._paragraphs), dtype=bool)
        latest = min((d for d in (f.as_of, f.until) if d), default=None)
        if latest:
            mask &= self._published <= latest.toordinal()
        if f.since:
            mask &= self._published >= f.since.toordinal()
        if f.outlets:
            mask &= np.isin(self._outlets, [o.lower() for o in f.outlets])
        return mask

    def search(
        self,
        query: str,
        k: int | None = None,
        filters: Filters = Filters(),
        mode: str = "hybrid",
        include: tuple[str, ...] = (),
    ) -> list[Hit]:
        """The ``k`` best paragraphs for ``query``; ``include`` adds earlier citations as candidates."""
        if mode not in MODES:
            raise ValueError(f"retrieval mode {mode!r} is not one of {', '.join(MODES)}")
        self._refresh()
        k = k or self.settings.k
        n = max(self.settings.candidates, k)
        dense: list[tuple[str, float]] = []
        sparse: list[tuple[str, float]] = []
        if mode in ("hybrid", "dense"):
            where = filters.chroma_where(self._outlet_names)
            dense = self.vectors.search(self.embedder.embed_query(query), n, where)
        if mode in ("hybrid", "bm25") and self._bm25 is not None:
            sparse = [(self._paragraphs[r].id, s) for r, s in self._bm25.top(query, n, self._mask(filters))]
        dense_rank = {pid: r for r, (pid, _) in enumerate(dense, 1)}
        bm25_rank = {pid: r for r, (pid, _) in enumerate(sparse, 1)}
        ages = {}
        if mode == "hybrid" and filters.as_of:
            for pid in set(dense_rank) | set(bm25_rank):
                if pid in self._row:
                    ages[pid] = filters.as_of.toordinal() - int(self._published[self._row[pid]])
        scores = fuse(dense_rank, bm25_rank, ages, self.settings)
        for pid in include:
            if pid in self._row and pid not in scores:
                scores[pid] = 1.0 / (self.settings.rrf_k + n)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        hits = []
        for pid, score in ranked:
            row = self._row.get(pid)
            if row is None:
                continue  # indexed vector without a catalog row: never cite it
            p = self._paragraphs[row]
            if not filters.allows(p.published, p.outlet):
                continue
            hits.append(
                Hit(
                    paragraph_id=p.id, article_id=p.article_id, title=p.title, outlet=p.outlet,
                    published=p.published, text=p.text, start=p.start, end=p.end, score=score,
                    dense_rank=dense_rank.get(pid), bm25_rank=bm25_rank.get(pid),
                )
            )
            if len(hits) >= k:
                break
        return hits


def fuse(dense_rank: dict[str, int], bm25_rank: dict[str, int], ages: dict[str, int], settings: Settings) -> dict[str, float]:
    """Reciprocal rank fusion, plus a recency boost for paragraphs ``ages`` days before the as-of date.

    score = w_dense / (c + rank_dense) + w_bm25 / (c + rank_bm25) + boost; the boost decays
    linearly from ``recency_boost / (c + 1)`` at age 0 to nothing at ``recency_days``.
    """
    c = settings.rrf_k
    scores: dict[str, float] = {}
    for ranks, weight in ((dense_rank, settings.dense_weight), (bm25_rank, settings.bm25_weight)):
        for pid, r in ranks.items():
            scores[pid] = scores.get(pid, 0.0) + weight / (c + r)
    window = settings.recency_days
    if window > 0 and settings.recency_boost > 0:
        unit = settings.recency_boost / (c + 1)
        for pid, age in ages.items():
            if 0 <= age <= window and pid in scores:
                scores[pid] += unit * (1.0 - age / (window + 1))
    return scores
