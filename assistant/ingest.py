"""Bring files into the index: load, split, diff against what is indexed, embed only what changed.

Work is committed in batches of about ``Settings.ingest_batch`` paragraphs: within a batch
the windows to embed are sorted by token count (one model batch holds texts of nearly
the same length, so little padding is computed), and while the model embeds the next
batch a background thread commits the last one to the index. An interrupted ingest
loses at most the batches not yet committed; what the catalog holds is complete.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

import numpy as np

from .catalog import ArticleWrite, IndexedArticle, body_hash
from .copies import signature
from .dates import find_dates_many
from .embedder import Embedder
from .index import Index, IndexWriter
from .loaders import Limits, Loaded, load_paths
from .paragraphs import counted_windows, split_article
from .types import Article, IngestReport, Paragraph, Skipped

log = logging.getLogger(__name__)


@dataclass
class _Plan:
    """One article to write: its paragraphs, and what was indexed of it before."""

    article: Article
    paragraphs: list[Paragraph]
    before: IndexedArticle | None
    changed: int  # paragraphs whose text is new to this article


def source_file(source: str) -> str:
    """The file part of an article's source (JSONL sources carry ':<line>')."""
    head, _, tail = source.rpartition(":")
    return head if head and tail.isdigit() else source


def ingest(
    paths: Iterable[str | Path],
    index: Index,
    embedder: Embedder,
    *,
    prune: bool = False,
    progress: bool | None = None,
    refresh: bool = False,
) -> IngestReport:
    """Index files and folders, article URLs, feed URLs and feed files; ``refresh``: also every feed
    ingested before. ``prune`` drops articles whose files are gone (or, under a folder given, were
    not read this time); articles from the web are never pruned."""
    from .web import is_feed_file, is_url, load_web

    t0 = time.perf_counter()
    report = IngestReport()
    items = [str(p) for p in paths]
    web_items = [p for p in items if is_url(p) or is_feed_file(p)]
    local = [p for p in items if p not in web_items]
    if refresh:
        web_items += [u for u in index.catalog.feeds() if u not in web_items]
    loaded = load_paths(local, Limits.from_settings(index.settings))
    web = load_web(web_items, index.catalog, index.settings) if web_items else None
    if web is not None:
        loaded = Loaded(loaded.articles + web.loaded.articles, loaded.errors + web.loaded.errors)
        report.fetched, report.not_modified, report.fetch_seconds = len(web.loaded.articles), web.unchanged, web.seconds
    report.skipped.extend(Skipped(e.path, e.reason) for e in loaded.errors)
    failed_files = {source_file(e.path) for e in loaded.errors}

    with index.writing(progress) as w:
        old = w.indexed(a.id for a in loaded.articles)
        accepted: dict[str, Article] = {}
        plans: list[_Plan] = []
        conflicts = _conflicting_ids(loaded.articles)
        for article in loaded.articles:
            problem = conflicts.get((article.id, article.source)) or indexed_conflict(article, old)
            if problem:
                report.skipped.append(Skipped(article.source, problem))
                failed_files.add(source_file(article.source))
                continue
            if article.id in accepted:
                continue  # the same article twice, word for word: harmless
            accepted[article.id] = article
            plan = _diff(article, old.get(article.id), report)
            if plan is not None:
                plans.append(plan)
        report.articles = len(accepted)

        _write(plans, w, embedder, report, progress, index.settings.ingest_batch)
        _fill_dates(w.catalog, index.settings.ingest_batch)
        if web is not None:
            w.catalog.record_web(web.state)  # only now: a crash before this fetches them again

        if prune:
            roots = {str(Path(p)) for p in local}
            gone = [aid for aid, source in w.catalog.sources().items()
                    if aid not in accepted and not is_url(source)
                    and not _under_any(source_file(source), failed_files)
                    and (_under_any(source_file(source), roots) or not Path(source_file(source)).exists())]
            doomed = list(w.indexed(gone).values())
            w.delete(doomed)
            report.deleted += sum(len(a.paragraphs) for a in doomed)
            for a in doomed:
                log.info("pruned %s (%s)", a.id, a.source)
    report.seconds = time.perf_counter() - t0
    return report


def _fill_dates(catalog, batch: int) -> int:
    """Paragraphs indexed before dates were stored, or whose dates older rules resolved (``dates.DATE_RULES``),
    get them now, batch by batch (once: readers resolve them on the fly meanwhile)."""
    done = 0
    while todo := catalog.undated(batch):
        found = find_dates_many([text for _, text, _ in todo], [day for _, _, day in todo])
        catalog.store_dates([(pid, mentions) for (pid, _, _), mentions in zip(todo, found)])
        done += len(todo)
    if done:
        log.info("resolved the dates of %d paragraphs indexed before the current date rules", done)
    return done


def _diff(article: Article, before: IndexedArticle | None, report: IngestReport) -> _Plan | None:
    paragraphs = split_article(article)
    old = before.paragraphs if before else {}
    new_ids = {p.id for p in paragraphs}
    report.deleted += sum(1 for pid in old if pid not in new_ids)
    changed = 0
    for p in paragraphs:
        if p.id not in old:
            report.added += 1
            changed += 1
        elif old[p.id][0] != p.hash:
            report.updated += 1
            changed += 1
        else:
            report.unchanged += 1
    if before is not None and not changed and len(old) == len(paragraphs) and not _meta_changed(article, before):
        return None
    return _Plan(article, paragraphs, before, changed)


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


def indexed_conflict(article: Article, old: dict[str, IndexedArticle]) -> str | None:
    """The id is already indexed from another file that still exists: whatever the text, one file
    may not change (or take over) an article another file holds. A file that moved is not a conflict."""
    indexed = old.get(article.id)
    if indexed is None:
        return None
    old_file, new_file = source_file(indexed.source), source_file(article.source)
    if old_file != new_file and Path(old_file).exists() and not _same_file(old_file, new_file):
        return (
            f"duplicate id {article.id!r}: already indexed from {indexed.source}; "
            "give this article another id (or edit that file)"
        )
    return None


def _same_file(a: str, b: str) -> bool:
    """One file under two names (a relative and an absolute path, a link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _meta_changed(article: Article, old: IndexedArticle) -> bool:
    return (article.title, article.outlet, article.published, article.url, article.source, body_hash(article)) != (
        old.title, old.outlet, old.published, old.url, old.source, old.body_hash,
    )


def _batches(plans: list[_Plan], size: int) -> Iterable[list[_Plan]]:
    batch: list[_Plan] = []
    count = 0
    for plan in plans:
        batch.append(plan)
        count += max(1, plan.changed)
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def _write(plans: list[_Plan], w: IndexWriter, embedder: Embedder, report: IngestReport,
           progress: bool | None, batch_size: int) -> None:
    """Embed what changed, batch by batch, while a committer thread writes finished batches.

    Both run in threads of their own at a lower CPU priority, so questions asked meanwhile
    (in this process) keep their speed; the calling thread only waits.
    """
    if not plans:
        return
    bar = _progress_bar(sum(p.changed for p in plans), progress)
    committer = _Committer(w)
    failure: list[BaseException] = []

    def work() -> None:
        background_priority()
        try:
            for batch in _batches(plans, max(1, batch_size)):
                writes = _vectors_for(batch, w, embedder, report)
                committer.submit(writes, {p.article.id: p.before for p in batch if p.before is not None})
                if bar is not None:
                    bar.update(sum(p.changed for p in batch))
        except BaseException as exc:  # re-raised in the calling thread below
            failure.append(exc)

    try:
        embedding = threading.Thread(target=work, name="ingest-embedder", daemon=True)
        embedding.start()
        embedding.join()
        if failure:
            raise failure[0]
        committer.close()
    except BaseException:
        committer.abort()
        raise
    finally:
        if bar is not None:
            bar.close()


def background_priority() -> None:
    """This thread (and the threads it starts) yields the CPU to others: nice 10 (Linux; elsewhere a no-op)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError) as exc:
        log.debug("ingest runs at normal priority: %s", exc)


def _vectors_for(batch: list[_Plan], w: IndexWriter, embedder: Embedder, report: IngestReport) -> list[ArticleWrite]:
    """Every window vector of every paragraph in the batch: reused where the text was embedded before."""
    have: list[dict[int, np.ndarray]] = []  # per plan: paragraph position -> its window vectors
    todo: list[tuple[int, int, list[tuple[str, int]]]] = []  # (plan, paragraph position, windows)
    for i, plan in enumerate(batch):
        by_hash: dict[str, np.ndarray] = {}
        if plan.before is not None:
            vecs = w.catalog.article_vectors(plan.before.row)
            if vecs is not None:
                for pid, (h, _) in plan.before.paragraphs.items():
                    by_hash.setdefault(h, vecs.of_paragraph(int(pid.rpartition("#p")[2])).astype(np.float32))
        mine: dict[int, np.ndarray] = {}
        for j, p in enumerate(plan.paragraphs):
            if p.hash in by_hash and len(by_hash[p.hash]):
                mine[j] = by_hash[p.hash]
            else:
                todo.append((i, j, counted_windows(p.text, embedder.count_tokens, embedder.max_tokens)))
        have.append(mine)

    # Vectors already in the store under the same id and hash (an interrupted run, another host).
    stored = w.stored({batch[i].paragraphs[j].id: (batch[i].paragraphs[j].hash, len(win)) for i, j, win in todo})
    rest = []
    for i, j, win in todo:
        pid = batch[i].paragraphs[j].id
        if pid in stored:
            have[i][j] = stored[pid]
        else:
            rest.append((i, j, win))

    # Longest first by token count, one model batch per call: texts of a batch are nearly the same length.
    flat = [(i, j, k, text, n) for i, j, win in rest for k, (text, n) in enumerate(win)]
    flat.sort(key=lambda t: -t[4])
    out: dict[tuple[int, int], dict[int, np.ndarray]] = {}
    step = max(1, getattr(embedder, "batch_size", 64))
    for s in range(0, len(flat), step):
        chunk = flat[s : s + step]
        vecs = embedder.embed([t[3] for t in chunk])
        for (i, j, k, _, _), v in zip(chunk, vecs):
            out.setdefault((i, j), {})[k] = np.asarray(v, dtype=np.float32)
        report.embedded += len(chunk)
    for (i, j), windows in out.items():
        have[i][j] = np.stack([windows[k] for k in sorted(windows)])

    writes = []
    for plan, mine in zip(batch, have):
        per = [mine[j] for j in range(len(plan.paragraphs))]
        writes.append(ArticleWrite(plan.article, plan.paragraphs, [len(v) for v in per], np.concatenate(per),
                                   [signature(p.text) for p in plan.paragraphs]))
    return writes


def _with_dates(writes: list[ArticleWrite]) -> list[ArticleWrite]:
    """The writes with each paragraph's resolved dates (done in the committer, beside the embedding)."""
    texts = [p.text for w in writes for p in w.paragraphs]
    found = iter(find_dates_many(texts, [w.article.published for w in writes for _ in w.paragraphs]))
    return [replace(w, dates=[next(found) for _ in w.paragraphs]) for w in writes]


class _Committer:
    """Commits finished batches to the index from a background thread while the embedder works."""

    def __init__(self, w: IndexWriter):
        self._w = w
        self._queue: queue.Queue = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="index-committer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        background_priority()
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is None:
                try:
                    writes, before = item
                    self._w.put(_with_dates(writes), before)
                except BaseException as exc:  # re-raised in the ingesting thread
                    self._error = exc

    def submit(self, writes: list[ArticleWrite], before: dict[str, IndexedArticle]) -> None:
        self._raise()
        self._queue.put((writes, before))

    def close(self) -> None:
        if not self._closed:
            self._closed = True
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
            raise self._error


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
