"""Hybrid retrieval: dense (Chroma) and BM25 over the same paragraphs, fused by reciprocal rank.

The best fused candidates are then re-ordered by a fitted re-ranker (``rerank``) that reads
each paragraph against the question. Filters: outlet, published-date range, and ``as_of``
(nothing published after it).
A news question asked on a date is usually about recent reporting, so paragraphs
published shortly before the as-of date get a small, decaying boost (a setting).
"""

from __future__ import annotations

import logging

from .catalog import StoredParagraph
from .embedder import Embedder
from .filters import Filters
from .index import Index
from .multilingual import question_language
from .rerank import default_reranker, features
from .settings import Settings
from .types import Hit

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "bm25")

__all__ = ["Filters", "MODES", "Retriever", "fuse"]


class Retriever:
    """Ranks paragraphs from the index's dense and lexical searches; reads only what a question needs."""

    def __init__(self, index: Index, embedder: Embedder, settings: Settings, multilingual=None):
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.multilingual = multilingual  # a MultilingualIndex: questions in other languages search it

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
        self.index.refresh()
        if mode != "bm25":
            self.index.warm()
        k = k or self.settings.k
        n = max(self.settings.candidates, k)
        dense: list[tuple[str, float]] = []
        sparse: list[tuple[str, float]] = []
        foreign = self.multilingual is not None and _foreign(query)
        if mode in ("hybrid", "dense"):
            if foreign:
                # the question is not in English: e5 matches it across languages
                table = self.index.table
                mask = table.mask(filters)
                dense = [(pid, sim) for pid, sim in self.multilingual.search(query, 4 * n)
                         if table.allowed(pid.rpartition("#p")[0], mask)][:n]
            else:
                dense = self.index.dense(self.embedder.embed_query(query), n, filters)
        if mode in ("hybrid", "bm25"):
            sparse = self.index.lexical_search(query, n, filters)
        dense_rank = {pid: r for r, (pid, _) in enumerate(dense, 1)}
        bm25_rank = {pid: r for r, (pid, _) in enumerate(sparse, 1)}
        ages = {}
        if mode == "hybrid" and filters.as_of:
            table = self.index.table
            for pid in set(dense_rank) | set(bm25_rank):
                day = table.day(pid.rpartition("#p")[0])
                if day is not None:
                    ages[pid] = filters.as_of.toordinal() - day
        scores = fuse(dense_rank, bm25_rank, ages, self.settings)
        for pid in include:
            if pid not in scores:
                scores[pid] = 1.0 / (self.settings.rrf_k + n)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        fetched: dict[str, StoredParagraph] = {}  # paragraphs read from the catalog, read once
        if mode == "hybrid" and self.settings.rerank_depth > 0 and not _foreign(query):
            ranked = self._rerank(query, ranked, dense, sparse, fetched)  # its signals read English words
        chosen: list[tuple[StoredParagraph, float]] = []
        stories: set[str] = set()
        # Text comes from the catalog for the best few only; a candidate it no longer holds is never cited.
        # Copies of one text (wire copy in several outlets) count once: the best-ranked stands for them.
        for start in range(0, len(ranked), max(k * 2, 10)):
            window = ranked[start : start + max(k * 2, 10)]
            fetched.update((p.id, p) for p in self.index.paragraphs([pid for pid, _ in window if pid not in fetched]))
            for pid, score in window:
                p = fetched.get(pid)
                if p is None or not filters.allows(p.published, p.outlet) or p.story in stories:
                    continue
                stories.add(p.story)
                chosen.append((p, score))
                if len(chosen) >= k:
                    break
            if len(chosen) >= k:
                break
        return self._hits(chosen, fetched, dense_rank, bm25_rank)

    def _hits(self, chosen: list[tuple[StoredParagraph, float]], fetched: dict[str, StoredParagraph],
              dense_rank: dict[str, int], bm25_rank: dict[str, int]) -> list[Hit]:
        """The chosen paragraphs as hits: with their copies in other outlets and their article's lead."""
        copies = self.index.catalog.copies_of([p.copy_group for p, _ in chosen if p.copy_group])
        leads = {f"{p.article_id}#p1" for p, _ in chosen}
        fetched.update((p.id, p) for p in self.index.paragraphs(sorted(leads - set(fetched))))
        hits = []
        for p, score in chosen:
            others = [(pid, outlet) for pid, outlet in copies.get(p.copy_group, []) if pid != p.id]
            hits.append(Hit(
                paragraph_id=p.id, article_id=p.article_id, title=p.title, outlet=p.outlet,
                published=p.published, text=p.text, start=p.start, end=p.end, score=score,
                dense_rank=dense_rank.get(p.id), bm25_rank=bm25_rank.get(p.id), url=p.url, source=p.source,
                copies=tuple(pid for pid, _ in others),
                also_in=tuple(dict.fromkeys(o for _, o in others if o != p.outlet)),
                dates=stored_dates(p),
                lead=fetched[lead].text if (lead := f"{p.article_id}#p1") != p.id and lead in fetched else "",
            ))
        return hits

    def story_hits(self, hits: list[Hit], limit: int) -> list[Hit]:
        """The other paragraphs of the articles ``hits`` come from, in the hits' order of articles and each
        article's order of paragraphs, at most ``limit``: a timeline reads a story's reports whole (the day the
        engineers began their survey is a line deep in a report that no search of "what happened" ranks)."""
        seen = {h.paragraph_id for h in hits}
        fetched: dict[str, StoredParagraph] = {}
        chosen: list[tuple[StoredParagraph, float]] = []
        for article_id in dict.fromkeys(h.article_id for h in hits):
            for p in self.index.catalog.article_paragraphs(article_id):
                if p.id not in seen and len(chosen) < limit:
                    fetched[p.id] = p
                    chosen.append((p, 0.0))
        return self._hits(chosen, fetched, {}, {})


    def _rerank(self, query: str, ranked: list[tuple[str, float]], dense, sparse,
                fetched: dict[str, StoredParagraph]) -> list[tuple[str, float]]:
        """The best ``rerank_depth`` fused candidates re-ordered by the fitted re-ranker (``rerank``);
        the rest keep their fused order after them. Scores stay the fused ones. The paragraphs it reads go
        into ``fetched`` for the caller."""
        depth = self.settings.rerank_depth
        top = ranked[:depth]
        fetched.update((p.id, p) for p in self.index.paragraphs([pid for pid, _ in top]))
        top = [(pid, s) for pid, s in top if pid in fetched]
        rows = features(query, [fetched[pid] for pid, _ in top], [s for _, s in top],
                        {pid: r for r, (pid, _) in enumerate(dense, 1)}, dict(dense),
                        {pid: r for r, (pid, _) in enumerate(sparse, 1)}, dict(sparse))
        p = default_reranker().scores(rows)
        order = sorted(range(len(top)), key=lambda i: -p[i])
        return [top[i] for i in order] + ranked[depth:]


def _foreign(query: str) -> bool:
    return question_language(query) != "en"


def stored_dates(p: StoredParagraph) -> tuple:
    """The paragraph's resolved dates; those indexed before dates were stored are resolved now."""
    if p.dates is not None:
        return p.dates
    from .dates import find_dates

    return tuple(find_dates(p.text, p.published))


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
