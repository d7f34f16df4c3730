"""The index: catalog, vectors and lexical index behind one small interface.

Readers (``dense``, ``lexical``, ``paragraphs``) see what any process has committed: the
catalog's generation tells them when to reload the filter table and the lexical searcher
and to reopen an embedded Chroma. Writers go through ``writing()``, which holds a lock
file in the data folder (one writer at a time, across processes), first repairs what an
interrupted writer left (vector records it had not committed, a lexical index behind the
catalog), and then writes each batch in an order a crash cannot break:

1. the vector records about to change are logged as pending in the catalog;
2. the new vectors are written to the vector store;
3. the catalog commits the articles (and clears those pending records) in one transaction;
4. vectors that are no longer needed are deleted;
5. the lexical index commits and records the catalog generation it reached.

Whatever a kill interrupts, the catalog says what is indexed and the other parts are
brought back in line with it.
"""

from __future__ import annotations

import logging
import math
import shutil
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np

from .catalog import (
    ArticleWrite,
    Catalog,
    IndexedArticle,
    StoredParagraph,
    record_ids,
    split_record_id,
)
from .filters import ArticleTable, Filters
from .lexical import LexicalDoc, LexicalIndex
from .settings import Settings
from .vectors import IndexMismatchError, VectorStore

log = logging.getLogger(__name__)


class IndexLockedError(RuntimeError):
    """Another process is writing to the index."""


class IndexDamagedError(RuntimeError):
    """The index's parts disagree in a way a search cannot work around; the message says what to run."""


@dataclass
class IndexHealth:
    """What ``check`` found: counts of each part and every disagreement between them."""

    articles: int = 0
    paragraphs: int = 0
    windows: int = 0  # vector records the catalog expects
    vectors: int | None = None  # records in the vector store (None: it could not be read)
    lexical_docs: int | None = None
    lexical_generation: int = -1
    catalog_generation: int = 0
    pending: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def paragraph_of(record_id: str) -> tuple[str, str]:
    """(paragraph id, article id) of a vector record id."""
    pid = split_record_id(record_id)[0]
    return pid, pid.rpartition("#p")[0]


class Index:
    def __init__(self, settings: Settings, fingerprint: str):
        self.settings = settings
        self.fingerprint = fingerprint
        self.data_dir = Path(settings.data_dir)
        self._lock = threading.RLock()  # opening parts and refreshing
        self._vectors_lock = threading.RLock()
        self._write_lock = threading.Lock()  # one writer in this process
        self._catalog: Catalog | None = None
        self._vectors: VectorStore | None = None
        self._lexical: LexicalIndex | None = None
        self._table: ArticleTable | None = None
        self._seen: tuple[int, int] | None = None  # (data_version, generation) last refreshed at
        self._own_generations: set[int] = set()  # generations this process wrote (its Chroma client saw them)
        self._lexical_behind = False
        self._vectors_stale = False  # another process wrote: an embedded Chroma must be reopened
        self._vectors_refreshed = 0.0
        self._vectors_verified = False
        self._warmed = False

    # -- parts ------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        with self._lock:
            if self._catalog is None:
                catalog = Catalog(self.data_dir / "catalog.sqlite")
                found = catalog.get_meta("fingerprint")
                if found is None:
                    catalog.set_meta("fingerprint", self.fingerprint)
                elif found != self.fingerprint:
                    raise IndexMismatchError(
                        f"the index in {self.data_dir} was built with {found!r}, but this assistant embeds "
                        f"with {self.fingerprint!r}; rebuild it with 'assistant ingest --rebuild PATH' "
                        "(or point ASSISTANT_DATA_DIR elsewhere)"
                    )
                self._catalog = catalog
            return self._catalog

    @property
    def vectors(self) -> VectorStore:
        with self._vectors_lock:  # its own lock: opening Chroma takes a second, searches need not wait on it
            if self._vectors is None:
                self._vectors = VectorStore(
                    self.data_dir / "chroma", self.settings.collection, self.fingerprint, url=self.settings.chroma_url
                )
            return self._vectors

    @property
    def lexical(self) -> LexicalIndex:
        with self._lock:
            if self._lexical is None:
                self._lexical = LexicalIndex(self.data_dir / "lexical")
            return self._lexical

    @property
    def table(self) -> ArticleTable:
        self.refresh()
        with self._lock:
            if self._table is None:
                self._table = ArticleTable(self.catalog.article_columns())
            return self._table

    def close(self) -> None:
        with self._lock, self._vectors_lock:
            if self._vectors is not None:
                self._vectors.close()
            if self._lexical is not None:
                self._lexical.close_writer()
            if self._catalog is not None:
                self._catalog.close()
            self._catalog = self._vectors = self._lexical = self._table = None
            self._seen = None

    # -- freshness ------------------------------------------------------------
    def refresh(self) -> None:
        """Pick up what any process committed since the last look (cheap when nothing changed)."""
        catalog = self.catalog
        version = catalog.data_version()
        with self._lock:
            if self._seen is None or self._seen[0] != version:
                generation = catalog.generation()
                if self._seen is None or self._seen[1] != generation:
                    self._table = None
                    self._lexical_behind = True
                    seen = self._seen[1] if self._seen else generation
                    if any(g not in self._own_generations for g in range(seen + 1, generation + 1)):
                        self._vectors_stale = True
                    self._own_generations = {g for g in self._own_generations if g > generation}
                self._seen = (version, generation)
            if self._lexical_behind:
                lexical = self.lexical
                if lexical.usable and lexical.generation() == self._seen[1]:
                    lexical.reload()
                    self._lexical_behind = False
                else:
                    self._lexical_behind = not self._repair_lexical_if_free()
            if self._vectors_stale and self._vectors is not None and not self._write_lock.locked() and (
                time.monotonic() - self._vectors_refreshed >= self.settings.refresh_seconds
            ):  # (never while this process writes: the writer uses the same client)
                self._vectors.refresh()
                self._vectors_refreshed = time.monotonic()
                self._vectors_stale = False

    def warm(self) -> None:
        """An embedded Chroma loads its whole graph on first use (seconds at a million vectors): a searcher
        starts that in the background, once, while its first question is being embedded. (Not a daemon
        thread: the interpreter must not exit while Chroma's native code is loading.)"""
        with self._lock:
            if self._warmed or self.settings.chroma_url:
                return
            self._warmed = True
        sample = self.catalog.sample_record_ids(1)
        if sample:
            threading.Thread(target=lambda: _quietly(lambda: self.vectors.get(sample)), name="chroma-warm").start()

    def _repair_lexical_if_free(self) -> bool:
        """The lexical index is behind the catalog: catch it up, unless a writer is at work (it will)."""
        try:
            with self._locked(wait=False):
                self._catch_up_lexical()
            return True
        except IndexLockedError:
            self.lexical.reload()
            log.info("the lexical index is behind the catalog while another process writes; it catches up as that ingest commits")
            return False

    # -- reads -------------------------------------------------------------------
    def paragraphs(self, ids: list[str]) -> list[StoredParagraph]:
        return self.catalog.paragraphs(ids)

    def lexical_search(self, query: str, n: int, filters: Filters = Filters()) -> list[tuple[str, float]]:
        self.refresh()
        return self.lexical.search(query, n, filters)

    def dense(self, vector: np.ndarray, n: int, filters: Filters = Filters()) -> list[tuple[str, float]]:
        """(paragraph id, cosine similarity) of the best ``n`` paragraphs the filters allow.

        A filter is never handed to Chroma (its metadata path costs hundreds of ms): a
        narrow one is searched exactly over the allowed articles' vectors from the catalog;
        a broad one asks Chroma for more neighbours and keeps the allowed ones.
        """
        table = self.table
        mask = table.mask(filters)
        allowed = table.allowed_paragraphs(mask)
        if allowed == 0 or n <= 0:
            return []
        self._verify_vectors()
        vector = np.asarray(vector, dtype=np.float32)
        if mask is not None and allowed <= self.settings.exact_search_limit:
            return self._exact(vector, n, table, mask)
        fetch = max(2 * n, self.settings.dense_min_fetch)
        if mask is not None:
            fetch = math.ceil(fetch * table.total_paragraphs / allowed * 1.2)
        while True:
            records = self.vectors.search(vector, fetch)
            best: dict[str, float] = {}
            for rid, sim in records:
                pid, aid = paragraph_of(rid)
                if table.allowed(aid, mask) and sim > best.get(pid, -2.0):
                    best[pid] = sim
            if len(best) >= n or len(records) < fetch:
                break
            fetch *= 4
        return _top(best, n)

    def _verify_vectors(self) -> None:
        """Once per open: sampled records the catalog holds must be in the vector store, so a deleted or
        replaced folder (or an emptied server) is an error, not a silent fall-back to BM25 alone.
        (Counting a store costs seconds at a million vectors; ``assistant check`` counts.)"""
        if self._vectors_verified:
            return
        sample = self.catalog.sample_record_ids(8)
        if sample:
            found = self.vectors.get(sample)
            if len(found) < len(sample) and not self.catalog.pending():
                still = self.catalog.paragraphs([split_record_id(r)[0] for r in sample if r not in found])
                if still:  # not a paragraph an ingest deleted in between
                    raise IndexDamagedError(
                        f"{self.vectors.where} is missing vectors the catalog holds ({len(sample) - len(found)} of "
                        f"{len(sample)} sampled); restore them from the catalog with 'assistant repair' "
                        "(no re-embedding), or re-index with 'assistant ingest --rebuild PATH'"
                    )
        self._vectors_verified = True

    def _exact(self, vector: np.ndarray, n: int, table: ArticleTable, mask: np.ndarray) -> list[tuple[str, float]]:
        """Score every allowed window from the catalog's float16 copies, then rescore the best with
        the float32 vectors the store holds: the result is that of an exact search over the store."""
        names: list[str] = []
        parts, owners, articles = [], [], []
        for aid, vecs in self.catalog.vectors_of(table.rows[mask].tolist()):
            if len(vecs.owners):
                parts.append(vecs.vectors)
                owners.append(vecs.owners)
                articles.append(np.full(len(vecs.owners), len(names), dtype=np.int32))
                names.append(aid)
        if not parts:
            return []
        sims = np.concatenate(parts).astype(np.float32) @ vector
        own = np.concatenate(owners)
        art = np.concatenate(articles)
        rough: dict[str, float] = {}
        for i in np.argsort(-sims, kind="stable"):
            pid = f"{names[art[i]]}#p{own[i]}"
            if pid not in rough:
                rough[pid] = float(sims[i])
                if len(rough) >= n + EXACT_MARGIN:
                    break
        # float16 moves a similarity by up to about 1e-3: the leaders are rescored from the store's float32
        ids = [rid for p in self.catalog.paragraphs(list(rough)) for rid in record_ids(p.id, p.windows)]
        exact: dict[str, float] = {}
        for rid, (vec, _) in self.vectors.get(ids).items():
            pid = split_record_id(rid)[0]
            exact[pid] = max(exact.get(pid, -2.0), float(vec @ vector))
        return _top({pid: exact.get(pid, sim) for pid, sim in rough.items()}, n)

    # -- writing -----------------------------------------------------------------
    @contextmanager
    def _locked(self, wait: bool = True) -> Iterator[None]:
        from filelock import FileLock, Timeout

        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._write_lock.acquire(blocking=wait):
            raise IndexLockedError(f"another thread is writing to the index in {self.data_dir}")
        try:
            lock = FileLock(str(self.data_dir / "write.lock"))
            try:
                lock.acquire(timeout=self.settings.write_lock_timeout if wait else 0)
            except Timeout as exc:
                raise IndexLockedError(
                    f"another process is writing to the index in {self.data_dir} (lock {self.data_dir / 'write.lock'}); "
                    "wait for it to finish, or raise ASSISTANT_WRITE_LOCK_TIMEOUT"
                ) from exc
            try:
                yield
            finally:
                try:
                    if self._lexical is not None:
                        self._lexical.close_writer()
                finally:
                    lock.release()
        finally:
            self._write_lock.release()

    @contextmanager
    def writing(self, progress: bool | None = None) -> Iterator["IndexWriter"]:
        """Exclusive write access; what an interrupted writer left is repaired first."""
        with self._locked():
            self._recover_pending(drop_unknown=False)
            self._catch_up_lexical(progress)
            self._restore_if_vectors_missing(progress)
            yield IndexWriter(self)
            self._recover_pending(drop_unknown=True)
        self.refresh()

    def reset(self) -> None:
        """Delete every part of the index (whatever state it is in) and start empty: ``ingest --rebuild``."""
        with self._locked():
            self.close()
            for name in ("catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm"):
                (self.data_dir / name).unlink(missing_ok=True)
            shutil.rmtree(self.data_dir / "lexical", ignore_errors=True)
            VectorStore.destroy(self.data_dir / "chroma", self.settings.collection, self.settings.chroma_url)
            self.lexical.recreate()
            self.lexical.commit(self.catalog.generation())
            self._own_generations.add(self.catalog.generation())

    def _recover_pending(self, drop_unknown: bool) -> None:
        """Vector records a writer logged but never committed: make the store agree with the catalog.

        A record the catalog holds is rewritten from the catalog's copy (it may hold uncommitted
        text). A record the catalog does not know is harmless to search (its paragraph cannot be
        cited), so it is kept for the next ingest to reuse until ``drop_unknown``.
        """
        pending = self.catalog.pending()
        if not pending:
            return
        stored = self.catalog.record_vectors(pending)
        paras = {p.id: p for p in self.catalog.paragraphs(sorted({split_record_id(r)[0] for r in stored}))}
        keep = []
        for rid, vec in stored.items():
            p = paras.get(split_record_id(rid)[0])
            if p is not None:
                keep.append((rid, vec.astype(np.float32), _meta(rid, p.hash, p.windows)))
        if keep:
            log.warning("restoring %d vector records an interrupted ingest left uncommitted", len(keep))
            self.vectors.put(keep)
        unknown = [r for r in pending if r not in stored]
        if drop_unknown and unknown:
            self.vectors.delete(unknown)
        self.catalog.clear_pending([r[0] for r in keep] + (unknown if drop_unknown else []))

    def _restore_if_vectors_missing(self, progress: bool | None) -> None:
        """A writer finding fewer vectors than the catalog expects restores them from the catalog."""
        expected = self.catalog.window_count()
        if expected and self.vectors.count() < expected:
            log.warning("%s is missing vectors the catalog holds; restoring them from the catalog", self.vectors.where)
            self._restore_vectors(progress)
        self._vectors_verified = True

    def _catch_up_lexical(self, progress: bool | None = None) -> None:
        lexical, catalog = self.lexical, self.catalog
        generation = catalog.generation()
        if lexical.usable and lexical.generation() == generation:
            return
        changed = catalog.changed_since(lexical.generation()) if lexical.usable and lexical.generation() >= 0 else None
        if changed is None or lexical.generation() > generation:
            why = lexical.problem or f"it reflects catalog generation {lexical.generation()}, the catalog is at {generation}"
            if catalog.counts()[0]:
                log.warning("rebuilding the lexical index from the catalog (%s)", why)
            lexical.recreate()
            bar = _bar(catalog.counts()[1], "Rebuilding the lexical index", progress)
            for batch in catalog.iter_paragraphs():
                lexical.put([_lexical_doc(p) for p in batch])
                if bar is not None:
                    bar.update(len(batch))
            if bar is not None:
                bar.close()
        else:
            lexical.delete_articles(changed)
            for aid in changed:
                lexical.put([_lexical_doc(p) for p in catalog.article_paragraphs(aid)])
        lexical.commit(generation)
        catalog.trim_changes(generation)

    # -- checks -------------------------------------------------------------------
    def check(self, deep: bool = False) -> IndexHealth:
        """Compare the parts; ``deep`` also lists every vector record (slow on a large index)."""
        catalog = self.catalog
        h = IndexHealth()
        h.articles, h.paragraphs = catalog.counts()
        h.windows = catalog.window_count()
        h.catalog_generation = catalog.generation()
        h.pending = len(catalog.pending())
        try:
            h.vectors = self.vectors.count()
            probe = catalog.any_vector()
            if probe is not None and h.vectors:
                self.vectors.search(probe, 1)  # a damaged graph fails here, not on the count
        except Exception as exc:  # reported, not raised: check says what is wrong with each part
            h.problems.append(str(exc))
            h.vectors = None
        lexical = self.lexical
        lexical.reload()
        h.lexical_generation = lexical.generation()
        h.lexical_docs = lexical.num_docs() if lexical.usable else None
        if not lexical.usable:
            h.problems.append(f"the lexical index is {lexical.problem}")
        elif h.lexical_generation != h.catalog_generation:
            h.problems.append(
                f"the lexical index reflects catalog generation {h.lexical_generation}, the catalog is at {h.catalog_generation}"
            )
        elif h.lexical_docs != h.paragraphs:
            h.problems.append(f"the lexical index holds {h.lexical_docs} paragraphs, the catalog {h.paragraphs}")
        if h.vectors is not None and not (h.windows <= h.vectors <= h.windows + h.pending):
            h.problems.append(f"{self.vectors.where} holds {h.vectors} vectors, the catalog expects {h.windows}")
        elif deep and h.vectors is not None:
            missing = self._missing_records()
            if missing:
                h.problems.append(f"{len(missing)} vector records the catalog expects are missing from {self.vectors.where}")
        return h

    def _missing_records(self) -> list[str]:
        missing: list[str] = []
        for ids in self.catalog.record_ids():
            have = set(self.vectors.get(ids))
            missing.extend(r for r in ids if r not in have)
        return missing

    def repair(self, progress: bool | None = None) -> IndexHealth:
        """Bring the vector store and lexical index in line with the catalog, without re-embedding."""
        with self._locked():
            self._recover_pending(drop_unknown=True)
            health = self.check()
            vectors_broken = health.vectors is None
            if vectors_broken and self.settings.chroma_url:
                raise health_error(health)
            if vectors_broken:
                log.warning("the vector index cannot be read; restoring it from the catalog")
                with self._vectors_lock:
                    broken, self._vectors = self._vectors, None
                if broken is not None:
                    try:
                        broken.close()
                    except Exception as exc:  # it is being replaced because it is broken
                        log.debug("closing a broken vector store: %s", exc)
                VectorStore.destroy(self.data_dir / "chroma", self.settings.collection)
            if vectors_broken or health.vectors != health.windows:
                self._restore_vectors(progress)
            self._catch_up_lexical(progress)
            lexical = self.lexical
            if lexical.num_docs() != self.catalog.counts()[1]:
                lexical.recreate()
                self._catch_up_lexical(progress)
        return self.check()

    def _restore_vectors(self, progress: bool | None) -> None:
        """Every record the catalog expects is written from its stored copy; records it does not know go."""
        catalog, vectors = self.catalog, self.vectors
        expected: set[str] = set()
        bar = _bar(catalog.counts()[0], "Restoring vectors", progress)
        rows = ArticleTable(catalog.article_columns()).rows.tolist()
        for i in range(0, len(rows), 200):
            chunk = rows[i : i + 200]
            records = []
            for aid, vecs in catalog.vectors_of(chunk):
                hashes = {p.id: p.hash for p in catalog.article_paragraphs(aid)}
                for n in sorted(set(vecs.owners.tolist())):
                    pid = f"{aid}#p{n}"
                    mine = vecs.of_paragraph(n)
                    for rid, vec in zip(record_ids(pid, len(mine)), mine):
                        records.append((rid, vec.astype(np.float32), _meta(rid, hashes[pid], len(mine))))
            vectors.put(records)
            expected.update(r[0] for r in records)
            if bar is not None:
                bar.update(len(chunk))
        if bar is not None:
            bar.close()
        extra = [rid for ids in vectors.ids() for rid in ids if rid not in expected]
        vectors.delete(extra)


class IndexWriter:
    """Writes through an ``Index`` held exclusively (see ``Index.writing``)."""

    def __init__(self, index: Index):
        self.index = index
        self.catalog = index.catalog
        # Vectors may already be in the store for paragraphs the catalog lacks only after a killed
        # run (pending records) or when a server is shared with another host; else looking is wasted.
        self._may_reuse = bool(self.catalog.pending()) or bool(index.settings.chroma_url)

    def indexed(self, article_ids) -> dict[str, IndexedArticle]:
        return self.catalog.indexed(article_ids)

    def stored(self, wanted: dict[str, tuple[str, int]]) -> dict[str, np.ndarray]:
        """Vectors already in the store for paragraphs {id: (hash, windows)}: complete sets with the same
        hash only (left by an interrupted run, or written by another host sharing a Chroma server)."""
        ids = [rid for pid, (_, w) in wanted.items() for rid in record_ids(pid, w)]
        if not ids or not self._may_reuse:
            return {}
        got = self.index.vectors.get(ids, metadata=True)
        out = {}
        for pid, (h, w) in wanted.items():
            rids = record_ids(pid, w)
            if all(r in got and got[r][1].get("hash") == h and got[r][1].get("windows") == w for r in rids):
                out[pid] = np.stack([got[r][0] for r in rids])
        return out

    def put(self, writes: list[ArticleWrite], old: dict[str, IndexedArticle]) -> int:
        """Write these articles (new or replacing ``old``) to every part; returns the new generation."""
        if not writes:
            return self.catalog.generation()
        upserts: list[tuple[str, np.ndarray, dict]] = []
        deletes: list[str] = []
        for w in writes:
            before = old.get(w.article.id)
            before_paras = before.paragraphs if before else {}
            new_ids: set[str] = set()
            row = 0
            for p, n in zip(w.paragraphs, w.windows):
                rids = record_ids(p.id, n)
                new_ids.update(rids)
                if before_paras.get(p.id) != (p.hash, n):
                    upserts.extend((rid, w.vectors[row + i].astype(np.float32), _meta(rid, p.hash, n))
                                   for i, rid in enumerate(rids))
                row += n
            deletes.extend(r for pid, (_, n) in before_paras.items() for r in record_ids(pid, n) if r not in new_ids)
        up_ids = [r[0] for r in upserts]
        self.catalog.add_pending(up_ids + deletes)
        self.index.vectors.put(upserts)
        generation = self.catalog.put_articles(writes, settled=up_ids)
        self.index.vectors.delete(deletes)
        self.catalog.clear_pending(deletes)
        lexical = self.index.lexical
        lexical.delete_articles([w.article.id for w in writes])
        lexical.put([
            LexicalDoc(p.id, w.article.id, w.article.published.toordinal(), w.article.outlet, w.article.title, p.text)
            for w in writes for p in w.paragraphs
        ])
        lexical.commit(generation)
        self.catalog.trim_changes(generation)
        self.index._own_generations.add(generation)
        return generation

    def delete(self, old: list[IndexedArticle]) -> int:
        if not old:
            return self.catalog.generation()
        deletes = [r for a in old for pid, (_, n) in a.paragraphs.items() for r in record_ids(pid, n)]
        self.catalog.add_pending(deletes)
        generation = self.catalog.delete_articles([a.id for a in old])
        self.index.vectors.delete(deletes)
        self.catalog.clear_pending(deletes)
        lexical = self.index.lexical
        lexical.delete_articles([a.id for a in old])
        lexical.commit(generation)
        self.catalog.trim_changes(generation)
        self.index._own_generations.add(generation)
        return generation


def _quietly(fn) -> None:
    """For warm-ups: a failure here is met again, and reported, by the search that needs it."""
    try:
        fn()
    except Exception as exc:
        log.debug("warm-up failed: %s", exc)


EXACT_MARGIN = 20  # paragraphs beyond n rescored in float32 after the float16 pass


def _top(scores: dict[str, float], n: int) -> list[tuple[str, float]]:
    """Best first; equal similarities (copies of one text) in paragraph-id order, so results are reproducible."""
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def health_error(health: IndexHealth) -> RuntimeError:
    return RuntimeError("the index is damaged: " + "; ".join(health.problems) + "; run 'assistant repair'")


def _meta(record_id: str, paragraph_hash: str, windows: int) -> dict:
    pid, window = split_record_id(record_id)
    return {"paragraph_id": pid, "hash": paragraph_hash, "window": window, "windows": windows}


def _lexical_doc(p: StoredParagraph) -> LexicalDoc:
    return LexicalDoc(p.id, p.article_id, p.published.toordinal(), p.outlet, p.title, p.text)


def _bar(total: int, desc: str, progress: bool | None):
    if progress is False or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="item", file=sys.stderr, dynamic_ncols=True,
                disable=None if progress is None else not progress)
