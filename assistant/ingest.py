"""Bring files into the index: load, split, diff against what is indexed, embed only what changed."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .catalog import Catalog
from .embedder import Embedder
from .loaders import load_paths
from .paragraphs import counted_windows, split_article
from .types import Article, IngestReport, Paragraph, Skipped
from .vectors import VectorStore

log = logging.getLogger(__name__)

@dataclass
class _Pending:
    article: Article
    paragraphs: list[Paragraph]
    stale: list[str]  # paragraph ids whose old vectors must go (changed or gone)
    need: list[Paragraph]  # paragraphs that need vectors written


def source_file(source: str) -> str:
    """The file part of an article's source (JSONL sources carry ':<line>')."""
    head, _, tail = source.rpartition(":")
    return head if head and tail.isdigit() else source


def ingest(
    paths: Iterable[str | Path],
    catalog: Catalog,
    vectors: VectorStore,
    embedder: Embedder,
    *,
    prune: bool = False,
    progress: bool | None = None,
) -> IngestReport:
    t0 = time.perf_counter()
    report = IngestReport()
    loaded = load_paths(paths)
    report.skipped.extend(Skipped(e.path, e.reason) for e in loaded.errors)
    failed_files = {source_file(e.path) for e in loaded.errors}

    hashes = catalog.paragraph_hashes()
    sources = catalog.sources()
    old_articles = {a.id: a for a in catalog.articles()} if sources else {}
    have_vectors = vectors.paragraph_ids() if hashes else set()

    accepted: dict[str, Article] = {}
    pending: list[_Pending] = []
    conflicts = _conflicting_ids(loaded.articles)
    for article in loaded.articles:
        problem = conflicts.get((article.id, article.source)) or _indexed_conflict(article, old_articles)
        if problem:
            report.skipped.append(Skipped(article.source, problem))
            failed_files.add(source_file(article.source))
            continue
        if article.id in accepted:
            continue  # the same article twice, word for word: harmless
        accepted[article.id] = article
        paragraphs = split_article(article)
        old = hashes.get(article.id, {})
        new_ids = {p.id for p in paragraphs}
        stale = [pid for pid in old if pid not in new_ids]
        report.deleted += len(stale)
        need = []
        meta_changed = _meta_changed(article, old_articles.get(article.id))
        for p in paragraphs:
            if p.id not in old:
                report.added += 1
                need.append(p)
            elif old[p.id] != p.hash or p.id not in have_vectors:
                report.updated += 1
                stale.append(p.id)
                need.append(p)
            else:
                report.unchanged += 1
                if meta_changed:
                    need.append(p)  # vectors reused below; metadata refreshed
        if need or stale or meta_changed or article.id not in old_articles:
            pending.append(_Pending(article, paragraphs, stale, need))
    report.articles = len(accepted)

    _write(pending, vectors, catalog, embedder, report, progress)

    if prune:
        for article_id, source in sources.items():
            if article_id in accepted or _under_any(source_file(source), failed_files):
                continue
            gone = list(hashes.get(article_id, {}))
            vectors.delete_paragraphs(gone)
            catalog.delete_article(article_id)
            report.deleted += len(gone)
            log.info("pruned %s (%s)", article_id, source)
    report.seconds = time.perf_counter() - t0
    return report


def _under_any(path: str, roots: set[str]) -> bool:
    """``path`` is one of ``roots`` or lies inside one (a folder that could not be read)."""
    p = Path(path)
    return any(p == Path(r) or Path(r) in p.parents for r in roots)


def _conflicting_ids(articles: list[Article]) -> dict[tuple[str, str], str]:
    """Files in one run that give the same id to different texts: none of them is taken."""
    by_id: dict[str, list[Article]] = {}
    for article in articles:
        by_id.setdefault(article.id, []).append(article)
    out = {}
    for article_id, group in by_id.items():
        if len({(a.title, a.body) for a in group}) < 2:
            continue
        for a in group:
            others = ", ".join(o.source for o in group if o.source != a.source)
            out[(article_id, a.source)] = (
                f"duplicate id {article_id!r} with different text (also in {others}); "
                "give one of them another id"
            )
    return out


def _indexed_conflict(article: Article, old_articles: dict) -> str | None:
    """The id is already indexed from another file that still exists, with other text."""
    indexed = old_articles.get(article.id)
    if indexed is None or indexed.body == article.body:
        return None
    old_file = source_file(indexed.source)
    if old_file != source_file(article.source) and Path(old_file).exists():
        return (
            f"duplicate id {article.id!r} with different text: already indexed from {indexed.source}; "
            "give this article another id"
        )
    return None


def _meta_changed(article: Article, old: Article | None) -> bool:
    if old is None:
        return False
    return (article.title, article.outlet, article.published, article.url, article.source) != (
        old.title, old.outlet, old.published, old.url, old.source,
    )


def _write(pending: list[_Pending], vectors, catalog, embedder, report, progress) -> None:
    """Embed what changed, longest text first across the whole run (as one raw ``encode`` call
    would), while a writer thread stores finished vectors in Chroma; then update the catalog.

    An interrupted run loses no embedding work: vectors already in Chroma are found by
    content hash and reused next time, and the catalog only names what is fully stored.
    """
    if not pending:
        return
    # Vectors for texts embedded before (a moved paragraph) are read before old ones go.
    reuse = vectors.vectors_by_hash(sorted({p.hash for item in pending for p in item.need}))
    for item in pending:
        if item.stale:
            vectors.delete_paragraphs(item.stale)
    total = sum(len(item.need) for item in pending)
    bar = _progress_bar(total, progress)
    writer = _Writer(vectors)
    try:
        todo: list[tuple[Paragraph, Article, int, str, int]] = []  # (paragraph, article, window, text, tokens)
        windows_of: dict[str, int] = {}
        for item in pending:
            for p in item.need:
                if p.hash in reuse:
                    for w, (text, vec) in enumerate(reuse[p.hash]):
                        writer.add(_record(p, item.article, w, text, vec))
                    if bar is not None:
                        bar.update(1)
                    continue
                texts = counted_windows(p.text, embedder.count_tokens, embedder.max_tokens)
                windows_of[p.id] = len(texts)
                todo.extend((p, item.article, w, t, n) for w, (t, n) in enumerate(texts))
        # Longest first by token count, one model batch per call: texts of a batch are
        # nearly the same length, so little padding is computed.
        todo.sort(key=lambda t: -t[4])
        step = max(1, getattr(embedder, "batch_size", 64))
        for i in range(0, len(todo), step):
            chunk = todo[i : i + step]
            out = embedder.embed([t for _, _, _, t, _ in chunk])
            for (p, article, w, text, _), vec in zip(chunk, out):
                writer.add(_record(p, article, w, text, vec))
            report.embedded += len(chunk)
            if bar is not None:
                bar.update(sum(1 for p, _, w, _, _ in chunk if w == windows_of[p.id] - 1))
        writer.close()
    except BaseException:
        writer.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    for item in pending:
        catalog.put_article(item.article, item.paragraphs)


def _record(p: Paragraph, article: Article, window: int, text: str, vec) -> tuple:
    rid = p.id if window == 0 else f"{p.id}~w{window}"
    meta = {
        "paragraph_id": p.id,
        "article_id": article.id,
        "outlet": article.outlet,
        "published": article.published.toordinal(),
        "hash": p.hash,
        "window": window,
    }
    return (rid, text, vec, meta)


class _Writer:
    """Stores records in Chroma from a background thread while the embedder works."""

    BATCH = 1000

    def __init__(self, vectors: VectorStore):
        import queue
        import threading

        self._vectors = vectors
        self._queue: queue.Queue = queue.Queue(maxsize=8)
        self._buffer: list = []
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="chroma-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is None:
                try:
                    self._vectors.put(batch)
                except BaseException as exc:  # re-raised in the ingesting thread
                    self._error = exc

    def add(self, record) -> None:
        self._raise()
        self._buffer.append(record)
        if len(self._buffer) >= self.BATCH:
            self._queue.put(self._buffer)
            self._buffer = []

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            if self._buffer:
                self._queue.put(self._buffer)
                self._buffer = []
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def abort(self) -> None:
        """Stop after what is queued, without raising: an error is already on its way."""
        if not self._closed:
            self._closed = True
            self._queue.put(None)
            self._thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            raise RuntimeError(f"writing vectors to Chroma failed: {self._error}") from self._error


def _progress_bar(total: int, progress: bool | None):
    if progress is False or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="paragraph",
        desc="Embedding",
        file=sys.stderr,
        disable=None if progress is None else not progress,
        dynamic_ncols=True,
    )
