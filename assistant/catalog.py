"""The article catalog: articles, paragraphs and a compact copy of their vectors, in SQLite.

The catalog is the index's source of truth. Chroma holds the vectors that dense search
walks, the lexical index holds the words BM25 scores; both are derived from the catalog
and checked against it (``generation``). A paragraph counts as indexed only once its
row is here, which is written after all its vectors are stored.

Besides text, offsets and hashes it keeps, per article, its embedding windows as float16
rows: exact search for narrow filters, vectors reused when an article changes, and the
vector store restored without re-embedding after damage.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from .dates import DATE_RULES
from .types import Article, DateMention, Paragraph

SCHEMA_VERSION = "5"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT NOT NULL,
    day INTEGER NOT NULL, url TEXT NOT NULL, language TEXT NOT NULL, source TEXT NOT NULL,
    body TEXT NOT NULL, body_hash TEXT NOT NULL, generation INTEGER NOT NULL, paragraphs INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id TEXT PRIMARY KEY, article_row INTEGER NOT NULL,
    n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    hash TEXT NOT NULL, tokens INTEGER NOT NULL, windows INTEGER NOT NULL, text TEXT NOT NULL,
    copy_group TEXT NOT NULL DEFAULT '', minhash BLOB, dates TEXT
);
CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article_row);
CREATE INDEX IF NOT EXISTS paragraphs_copy_group ON paragraphs(copy_group);
CREATE INDEX IF NOT EXISTS articles_filter ON articles(row, id, day, outlet, paragraphs);
CREATE TABLE IF NOT EXISTS article_vectors (
    article_row INTEGER PRIMARY KEY, owners BLOB NOT NULL, vectors BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS pending (record_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS copy_bands (key INTEGER NOT NULL, paragraph_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS copy_bands_key ON copy_bands(key);
CREATE INDEX IF NOT EXISTS copy_bands_paragraph ON copy_bands(paragraph_id);
CREATE TABLE IF NOT EXISTS changes (generation INTEGER NOT NULL, article_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS web_state (
    url TEXT PRIMARY KEY, kind TEXT NOT NULL, etag TEXT NOT NULL, last_modified TEXT NOT NULL, fetched TEXT NOT NULL
);
"""


class CatalogError(RuntimeError):
    """The catalog cannot be read or belongs to another version; the message says what to run."""


@dataclass(frozen=True)
class StoredParagraph:
    """A paragraph row joined with its article's metadata."""

    id: str
    article_id: str
    n: int
    start: int
    end: int
    text: str
    title: str
    outlet: str
    published: date
    hash: str = ""
    windows: int = 1
    url: str = ""
    source: str = ""
    copy_group: str = ""  # paragraphs of one group are copies of one text (``copies``); "" alone
    dates: tuple[DateMention, ...] | None = None  # resolved date expressions; None: not resolved at ingest

    @property
    def story(self) -> str:
        return self.copy_group or self.id


@dataclass(frozen=True)
class ArticleSummary:
    """An indexed article without its body (lists, tables)."""

    id: str
    title: str
    outlet: str
    published: date
    url: str
    source: str
    paragraphs: int


@dataclass(frozen=True)
class IndexedArticle:
    """What ingest needs to know about an article already indexed, to diff a new version against it."""

    row: int
    id: str
    title: str
    outlet: str
    published: date
    url: str
    source: str
    body_hash: str
    paragraphs: dict[str, tuple[str, int]]  # paragraph id -> (content hash, windows)


@dataclass(frozen=True)
class ArticleVectors:
    """One article's embedding windows in reading order: ``owners[i]`` is the paragraph number of row i."""

    owners: np.ndarray  # int32
    vectors: np.ndarray  # float16, one row per window

    def of_paragraph(self, n: int) -> np.ndarray:
        return self.vectors[self.owners == n]


@dataclass(frozen=True)
class ArticleWrite:
    """One article as ingest writes it: its paragraphs, the windows of each, all its vectors."""

    article: Article
    paragraphs: list[Paragraph]
    windows: list[int]  # per paragraph
    vectors: np.ndarray  # sum(windows) rows, paragraphs in order
    signatures: list = field(default_factory=list)  # per paragraph: its MinHash (``copies``) or None
    dates: list = field(default_factory=list)  # per paragraph: its resolved DateMentions (``dates``) or None


def body_hash(article: Article) -> str:
    return hashlib.sha256(f"{article.title}\n{article.body}".encode("utf-8")).hexdigest()[:16]


class Catalog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=60)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            existing = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "articles" in existing and "meta" in existing:
                found = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if found is not None and found[0] == "2":
                    self._migrate_from_2()
                    found = ("3",)
                if found is not None and found[0] == "3":
                    self._migrate_from_3()
                    found = ("4",)
                if found is not None and found[0] == "4":
                    self._migrate_from_4()
                    found = (SCHEMA_VERSION,)
                if found is None or found[0] != SCHEMA_VERSION:
                    raise CatalogError(
                        f"the catalog {path} was written by another version of the assistant; "
                        "rebuild the index with 'assistant ingest --rebuild PATH'"
                    )
            with self._db:
                self._db.executescript(_SCHEMA)
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('generation', '0')")
            self._forget_old_dates()
        except sqlite3.DatabaseError as exc:
            raise CatalogError(
                f"the catalog {path} cannot be read ({exc}); rebuild the index with "
                "'assistant ingest --rebuild PATH' (it re-reads your article files)"
            ) from exc

    def close(self) -> None:
        self._db.close()

    def _migrate_from_2(self) -> None:
        """Schema 2 lacked each article's paragraph count (the filter table's source)."""
        with self._db:
            self._db.execute("ALTER TABLE articles ADD COLUMN paragraphs INTEGER NOT NULL DEFAULT 0")
            self._db.execute(
                "UPDATE articles SET paragraphs = (SELECT COUNT(*) FROM paragraphs p WHERE p.article_row = articles.row)"
            )
            self._db.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")

    def _migrate_from_3(self) -> None:
        """Schema 3 had no copy groups: paragraphs indexed before are grouped when their articles change."""
        with self._db:
            self._db.execute("ALTER TABLE paragraphs ADD COLUMN copy_group TEXT NOT NULL DEFAULT ''")
            self._db.execute("ALTER TABLE paragraphs ADD COLUMN minhash BLOB")
            self._db.execute("UPDATE meta SET value = '4' WHERE key = 'schema'")

    def _migrate_from_4(self) -> None:
        """Schema 4 had no resolved dates: NULL until an article changes; readers resolve them on the fly."""
        with self._db:
            self._db.execute("ALTER TABLE paragraphs ADD COLUMN dates TEXT")
            self._db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (SCHEMA_VERSION,))

    def _forget_old_dates(self) -> None:
        """Dates resolved by older rules (``dates.DATE_RULES``) are dropped: readers resolve a paragraph's dates
        again when they read it, and the next ingest stores them anew (``undated``)."""
        found = self._db.execute("SELECT value FROM meta WHERE key='date_rules'").fetchone()
        if found is not None and found[0] == DATE_RULES:
            return
        with self._db:
            if found is not None or self._db.execute("SELECT 1 FROM paragraphs WHERE dates IS NOT NULL LIMIT 1").fetchone():
                self._db.execute("UPDATE paragraphs SET dates = NULL")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('date_rules', ?)", (DATE_RULES,))

    def _rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # -- meta ---------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0][0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def generation(self) -> int:
        """Bumped by every write: readers (in any process) refresh what they derived from it."""
        return int(self.get_meta("generation") or 0)

    def data_version(self) -> int:
        """Changes when another connection has committed: a cheap check before ``generation``."""
        with self._lock:
            return self._db.execute("PRAGMA data_version").fetchone()[0]

    # -- reads --------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        rows = self._rows(
            "SELECT id, title, outlet, published, body, url, language, source FROM articles WHERE id = ?",
            (article_id,),
        )
        return _article(rows[0]) if rows else None

    def articles(self) -> list[Article]:
        """Every article with its body (small corpora; lists use ``summaries``)."""
        rows = self._rows(
            "SELECT id, title, outlet, published, body, url, language, source FROM articles ORDER BY published DESC, id"
        )
        return [_article(r) for r in rows]

    def summaries(self, limit: int | None = None) -> list[ArticleSummary]:
        """Articles newest first, without bodies, with their paragraph counts."""
        sql = "SELECT id, title, outlet, published, url, source, paragraphs FROM articles ORDER BY published DESC, id"
        args: tuple = ()
        if limit is not None:
            sql += " LIMIT ?"
            args = (limit,)
        return [ArticleSummary(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5], r[6]) for r in self._rows(sql, args)]

    def outlets(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT outlet FROM articles ORDER BY outlet")]

    def sources(self) -> dict[str, str]:
        """article id -> the file it was loaded from."""
        return dict(self._rows("SELECT id, source FROM articles"))

    def indexed(self, article_ids: Iterable[str]) -> dict[str, IndexedArticle]:
        """What is indexed for these articles (those not indexed are absent)."""
        ids = sorted(set(article_ids))
        out: dict[str, IndexedArticle] = {}
        for chunk in _chunks(ids, 5000):
            arts = self._rows(
                "SELECT row, id, title, outlet, published, url, source, body_hash FROM articles "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(chunk),),
            )
            rows = {r[0]: r for r in arts}
            paras: dict[int, dict[str, tuple[str, int]]] = {r: {} for r in rows}
            if rows:
                for row, pid, h, w in self._rows(
                    "SELECT article_row, id, hash, windows FROM paragraphs "
                    "WHERE article_row IN (SELECT value FROM json_each(?))",
                    (json.dumps(list(rows)),),
                ):
                    paras[row][pid] = (h, w)
            for row, r in rows.items():
                out[r[1]] = IndexedArticle(row, r[1], r[2], r[3], date.fromisoformat(r[4]), r[5], r[6], r[7], paras[row])
        return out

    def paragraphs(self, ids: list[str]) -> list[StoredParagraph]:
        """These paragraphs (those not indexed are left out), in the order asked."""
        if not ids:
            return []
        found: dict[str, StoredParagraph] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 5000):
            for p in self._paragraphs("WHERE p.id IN (SELECT value FROM json_each(?))", (json.dumps(chunk),)):
                found[p.id] = p
        return [found[i] for i in ids if i in found]

    def copies_of(self, groups: list[str]) -> dict[str, list[tuple[str, str]]]:
        """group -> [(paragraph id, outlet)] of every paragraph in these copy groups."""
        out: dict[str, list[tuple[str, str]]] = {}
        if groups:
            for grp, pid, outlet in self._rows(
                "SELECT p.copy_group, p.id, a.outlet FROM paragraphs p JOIN articles a ON a.row = p.article_row "
                "WHERE p.copy_group IN (SELECT value FROM json_each(?)) ORDER BY a.published, p.id",
                (json.dumps(sorted(set(groups))),),
            ):
                out.setdefault(grp, []).append((pid, outlet))
        return out

    def article_paragraphs(self, article_id: str) -> list[StoredParagraph]:
        return self._paragraphs("WHERE a.id = ?", (article_id,))

    def all_paragraphs(self) -> list[StoredParagraph]:
        """Every paragraph with its text: for checks and rebuilds, never on a question's path."""
        return self._paragraphs("", ())

    def iter_paragraphs(self, batch: int = 5000) -> Iterator[list[StoredParagraph]]:
        """Every paragraph, a batch at a time (rebuilding the lexical index)."""
        last = -1
        while True:
            rows = self._rows("SELECT row FROM articles WHERE row > ? ORDER BY row LIMIT ?", (last, max(1, batch // 20)))
            if not rows:
                return
            last = rows[-1][0]
            yield self._paragraphs(
                "WHERE a.row IN (SELECT value FROM json_each(?))", (json.dumps([r[0] for r in rows]),)
            )

    def _paragraphs(self, where: str, args: tuple) -> list[StoredParagraph]:
        sql = (
            'SELECT p.id, a.id, p.n, p.start, p."end", p.text, a.title, a.outlet, a.published, p.hash, p.windows, '
            f"a.url, a.source, p.copy_group, p.dates FROM paragraphs p JOIN articles a ON a.row = p.article_row {where} "
            "ORDER BY a.published, a.id, p.n"
        )
        return [
            StoredParagraph(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], date.fromisoformat(r[8]), r[9], r[10],
                            r[11], r[12], r[13], None if r[14] is None else tuple(DateMention.from_json(d) for d in json.loads(r[14])))
            for r in self._rows(sql, args)
        ]

    def counts(self) -> tuple[int, int]:
        a = self._rows("SELECT COUNT(*) FROM articles")[0][0]
        p = self._rows("SELECT COUNT(*) FROM paragraphs")[0][0]
        return a, p

    def window_count(self) -> int:
        return int(self._rows("SELECT COALESCE(SUM(windows), 0) FROM paragraphs")[0][0])

    def record_ids(self) -> Iterator[list[str]]:
        """Every vector record id the catalog expects in the vector store, in batches."""
        last = ""
        while True:
            rows = self._rows("SELECT id, windows FROM paragraphs WHERE id > ? ORDER BY id LIMIT 5000", (last,))
            if not rows:
                return
            last = rows[-1][0]
            yield [rid for pid, w in rows for rid in record_ids(pid, w)]

    def article_columns(self) -> list[tuple[str, int, int, str, int]]:
        """(id, row, publication day, outlet, paragraph count) of every article: the filter table's source."""
        return self._rows("SELECT id, row, day, outlet, paragraphs FROM articles ORDER BY row")

    def vectors_of(self, article_rows: list[int]) -> Iterator[tuple[str, ArticleVectors]]:
        """(article id, its vectors) for these article rows."""
        for chunk in _chunks(article_rows, 2000):
            for aid, owners, vectors in self._rows(
                "SELECT a.id, v.owners, v.vectors FROM article_vectors v JOIN articles a ON a.row = v.article_row "
                "WHERE v.article_row IN (SELECT value FROM json_each(?))",
                (json.dumps(chunk),),
            ):
                yield aid, _vectors(owners, vectors)

    def sample_record_ids(self, k: int) -> list[str]:
        """Record ids of up to ``k`` paragraphs spread over the catalog (a cheap probe of the vector store)."""
        rows = self._rows("SELECT MAX(row) FROM articles")[0][0]
        if not rows:
            return []
        picks = sorted({int(rows * (i + 0.5) / k) for i in range(k)})
        out = []
        for r in picks:
            got = self._rows("SELECT id, windows FROM paragraphs WHERE article_row >= ? ORDER BY article_row LIMIT 1", (r,))
            if got:
                out.extend(record_ids(got[0][0], got[0][1]))
        return list(dict.fromkeys(out))

    def any_vector(self) -> np.ndarray | None:
        """One stored vector (a probe for the vector store's search)."""
        got = self._rows("SELECT owners, vectors FROM article_vectors LIMIT 1")
        vecs = _vectors(*got[0]) if got else None
        return vecs.vectors[0].astype(np.float32) if vecs is not None and len(vecs.owners) else None

    def article_vectors(self, row: int) -> ArticleVectors | None:
        got = self._rows("SELECT owners, vectors FROM article_vectors WHERE article_row = ?", (row,))
        return _vectors(*got[0]) if got else None

    def record_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored vector of each of these record ids that the catalog holds."""
        by_article: dict[str, list[tuple[str, int, int]]] = {}
        for rid in ids:
            pid, window = split_record_id(rid)
            aid, _, n = pid.rpartition("#p")
            if aid and n.isdigit():
                by_article.setdefault(aid, []).append((rid, int(n), window))
        out: dict[str, np.ndarray] = {}
        rows = dict(self._rows(
            "SELECT id, row FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(by_article)),)
        ))
        for aid, want in by_article.items():
            if aid not in rows:
                continue
            vecs = self.article_vectors(rows[aid])
            if vecs is None:
                continue
            for rid, n, window in want:
                mine = vecs.of_paragraph(n)
                if window < len(mine):
                    out[rid] = mine[window]
        return out

    def pending(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT record_id FROM pending")]

    def changed_since(self, generation: int) -> list[str] | None:
        """Articles written or deleted after ``generation``; None when the log does not reach back that far."""
        first = self.get_meta("changes_from")
        if first is not None and generation < int(first):
            return None
        return sorted({r[0] for r in self._rows("SELECT article_id FROM changes WHERE generation > ?", (generation,))})

    def web_state(self, url: str) -> tuple[str, str] | None:
        """(ETag, Last-Modified) last seen for ``url`` once its articles were indexed."""
        got = self._rows("SELECT etag, last_modified FROM web_state WHERE url = ?", (url,))
        return (got[0][0], got[0][1]) if got else None

    def feeds(self) -> list[str]:
        """Every feed URL ingested so far (``assistant ingest --refresh`` fetches them again)."""
        return [r[0] for r in self._rows("SELECT url FROM web_state WHERE kind = 'feed' ORDER BY url")]

    # -- writes -------------------------------------------------------------
    def record_web(self, states) -> None:
        """Remember each URL's validators (after its articles are committed)."""
        from datetime import datetime, timezone

        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO web_state VALUES (?, ?, ?, ?, ?)",
                [(st.url, st.kind, st.etag, st.last_modified, now) for st in states],
            )

    @contextmanager
    def _write(self, changed: Iterable[str] = ()) -> Iterator[tuple[sqlite3.Connection, int]]:
        """One transaction that bumps the generation and logs which articles it touched."""
        with self._lock, self._db:
            gen = int(self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]) + 1
            yield self._db, gen
            self._db.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (str(gen),))
            self._db.executemany("INSERT INTO changes VALUES (?, ?)", [(gen, a) for a in dict.fromkeys(changed)])

    def add_pending(self, record_ids: list[str]) -> None:
        """Vector records about to be written or deleted: until the catalog commits, the store may differ."""
        if record_ids:
            with self._lock, self._db:
                self._db.executemany("INSERT OR IGNORE INTO pending VALUES (?)", [(r,) for r in record_ids])

    def clear_pending(self, record_ids: list[str]) -> None:
        with self._lock, self._db:
            self._db.executemany("DELETE FROM pending WHERE record_id = ?", [(r,) for r in record_ids])

    def undated(self, limit: int) -> list[tuple[str, str, date]]:
        """Up to ``limit`` paragraphs whose dates are not stored (indexed before dates were, or dropped as
        resolved by older rules): (paragraph id, text, the article's publication date)."""
        rows = self._rows("SELECT p.id, p.text, a.published FROM paragraphs p JOIN articles a ON a.row = p.article_row "
                          "WHERE p.dates IS NULL LIMIT ?", (limit,))
        return [(r[0], r[1], date.fromisoformat(r[2])) for r in rows]

    def store_dates(self, found: list[tuple[str, list[DateMention]]]) -> None:
        """Store paragraphs' resolved dates (``undated`` ones; the text and vectors are untouched)."""
        with self._lock, self._db:
            self._db.executemany("UPDATE paragraphs SET dates = ? WHERE id = ?",
                                 [(json.dumps([d.to_json() for d in mentions]), pid) for pid, mentions in found])

    def put_articles(self, writes: list[ArticleWrite], settled: list[str] = ()) -> int:
        """Write these articles (replacing what was indexed of them) in one transaction.

        ``settled``: pending record ids this write makes true. Returns the new generation.
        """
        with self._write(w.article.id for w in writes) as (db, gen):
            for w in writes:
                a = w.article
                db.execute(
                    "INSERT INTO articles (id, title, outlet, published, day, url, language, source, body, body_hash, "
                    "generation, paragraphs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "title=excluded.title, outlet=excluded.outlet, published=excluded.published, day=excluded.day, "
                    "url=excluded.url, language=excluded.language, source=excluded.source, body=excluded.body, "
                    "body_hash=excluded.body_hash, generation=excluded.generation, paragraphs=excluded.paragraphs",
                    (a.id, a.title, a.outlet, a.published.isoformat(), a.published.toordinal(), a.url, a.language,
                     a.source, a.body, body_hash(a), gen, len(w.paragraphs)),
                )
                row = db.execute("SELECT row FROM articles WHERE id = ?", (a.id,)).fetchone()[0]
                db.execute("DELETE FROM copy_bands WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE article_row = ?)",
                           (row,))
                db.execute("DELETE FROM paragraphs WHERE article_row = ?", (row,))
                sigs = w.signatures or [None] * len(w.paragraphs)
                dates = w.dates or [None] * len(w.paragraphs)
                groups, bands = _copy_groups(db, row, w.paragraphs, sigs)
                db.executemany(
                    "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(p.id, row, p.index, p.start, p.end, p.hash, p.tokens, n, p.text, g,
                      None if sig is None else sig.tobytes(),
                      None if found is None else json.dumps([d.to_json() for d in found]))
                     for p, n, g, sig, found in zip(w.paragraphs, w.windows, groups, sigs, dates)],
                )
                db.executemany("INSERT INTO copy_bands VALUES (?, ?)", bands)
                owners = np.repeat(np.array([p.index for p in w.paragraphs], dtype=np.int32), w.windows)
                db.execute(
                    "INSERT OR REPLACE INTO article_vectors VALUES (?, ?, ?)",
                    (row, owners.tobytes(), np.ascontiguousarray(w.vectors, dtype=np.float16).tobytes()),
                )
            db.executemany("DELETE FROM pending WHERE record_id = ?", [(r,) for r in settled])
            return gen

    def delete_articles(self, article_ids: list[str]) -> int:
        with self._write(article_ids) as (db, gen):
            for aid in article_ids:
                row = db.execute("SELECT row FROM articles WHERE id = ?", (aid,)).fetchone()
                if row is None:
                    continue
                db.execute("DELETE FROM copy_bands WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE article_row = ?)",
                           (row[0],))
                db.execute("DELETE FROM paragraphs WHERE article_row = ?", (row[0],))
                db.execute("DELETE FROM article_vectors WHERE article_row = ?", (row[0],))
                db.execute("DELETE FROM articles WHERE row = ?", (row[0],))
            return gen

    def clear(self) -> int:
        with self._write() as (db, gen):
            for table in ("paragraphs", "article_vectors", "articles", "pending", "changes", "web_state", "copy_bands"):
                db.execute(f"DELETE FROM {table}")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('changes_from', ?)", (str(gen),))
            return gen

    def trim_changes(self, upto: int) -> None:
        """Forget the change log up to ``upto`` (the lexical index has caught up with it)."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM changes WHERE generation <= ?", (upto,))
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('changes_from', ?)", (str(upto),))


def _copy_groups(db, row: int, paragraphs: list[Paragraph], sigs: list) -> tuple[list[str], list[tuple[int, str]]]:
    """Each paragraph's copy group (that of its closest copy in another article, else its own id) and
    its band rows; looked up inside the writing transaction, so the grouping is incremental."""
    from .copies import SAME_TEXT, band_keys, similarity

    groups, bands = [], []
    for p, sig in zip(paragraphs, sigs):
        group = p.id
        if sig is not None:
            keys = band_keys(sig)
            found = db.execute(
                "SELECT DISTINCT q.minhash, q.copy_group, q.id FROM copy_bands b JOIN paragraphs q ON q.id = b.paragraph_id "
                "WHERE b.key IN (SELECT value FROM json_each(?)) AND q.article_row != ?",
                (json.dumps(keys), row),
            ).fetchall()
            scored = [(similarity(sig, np.frombuffer(mh, dtype=np.uint32)), grp or qid) for mh, grp, qid in found if mh]
            best = max(scored, default=(0.0, ""))
            if best[0] >= SAME_TEXT:
                group = best[1]
            bands.extend((k, p.id) for k in keys)
        groups.append(group)
    return groups, bands


def record_ids(paragraph_id: str, windows: int) -> list[str]:
    """The vector store's record ids of a paragraph: one per embedding window."""
    return [paragraph_id if w == 0 else f"{paragraph_id}~w{w}" for w in range(windows)]


def split_record_id(record_id: str) -> tuple[str, int]:
    pid, sep, w = record_id.rpartition("~w")
    return (pid, int(w)) if sep and w.isdigit() else (record_id, 0)


def _article(r) -> Article:
    return Article(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5], r[6], r[7])


def _vectors(owners: bytes, vectors: bytes) -> ArticleVectors:
    own = np.frombuffer(owners, dtype=np.int32)
    vec = np.frombuffer(vectors, dtype=np.float16)
    return ArticleVectors(own, vec.reshape(len(own), -1) if len(own) else vec.reshape(0, 0))


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
