"""The article catalog: articles and their paragraphs in SQLite beside the Chroma index.

Chroma holds the vectors; the catalog holds the text, offsets and hashes that
citations, BM25 and change detection need. Both live in the data folder.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .types import Article, Paragraph

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT NOT NULL,
    url TEXT NOT NULL, language TEXT NOT NULL, source TEXT NOT NULL, body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    hash TEXT NOT NULL, tokens INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article_id);
"""


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


class Catalog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._lock = threading.RLock()
        with self._lock, self._db:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.executescript(_SCHEMA)
        self.version = 0  # bumped on every change, so readers know to refresh caches

    def close(self) -> None:
        self._db.close()

    # -- meta ---------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- reads --------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, title, outlet, published, body, url, language, source "
                "FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        if not row:
            return None
        return Article(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4], row[5], row[6], row[7])

    def articles(self) -> list[Article]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, title, outlet, published, body, url, language, source "
                "FROM articles ORDER BY published DESC, id"
            ).fetchall()
        return [
            Article(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5], r[6], r[7]) for r in rows
        ]

    def paragraph_hashes(self) -> dict[str, dict[str, str]]:
        """article id -> {paragraph id: content hash}."""
        out: dict[str, dict[str, str]] = {}
        with self._lock:
            for aid, pid, h in self._db.execute("SELECT article_id, id, hash FROM paragraphs"):
                out.setdefault(aid, {})[pid] = h
        return out

    def sources(self) -> dict[str, str]:
        """article id -> the file it was loaded from."""
        with self._lock:
            return dict(self._db.execute("SELECT id, source FROM articles"))

    def all_paragraphs(self) -> list[StoredParagraph]:
        return self._paragraphs("", ())

    def paragraphs(self, ids: list[str]) -> list[StoredParagraph]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = {p.id: p for p in self._paragraphs(f"WHERE p.id IN ({marks})", tuple(ids))}
        return [found[i] for i in ids if i in found]

    def article_paragraphs(self, article_id: str) -> list[StoredParagraph]:
        return self._paragraphs("WHERE p.article_id = ?", (article_id,))

    def _paragraphs(self, where: str, args: tuple) -> list[StoredParagraph]:
        sql = (
            'SELECT p.id, p.article_id, p.n, p.start, p."end", p.text, a.title, a.outlet, a.published '
            f"FROM paragraphs p JOIN articles a ON a.id = p.article_id {where} "
            "ORDER BY a.published, p.article_id, p.n"
        )
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
        return [
            StoredParagraph(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], date.fromisoformat(r[8]))
            for r in rows
        ]

    def counts(self) -> tuple[int, int]:
        with self._lock:
            a = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            p = self._db.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
        return a, p

    # -- writes -------------------------------------------------------------
    def put_article(self, article: Article, paragraphs: list[Paragraph]) -> None:
        """Replace the article and its paragraph rows in one transaction."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM paragraphs WHERE article_id = ?", (article.id,))
            self._db.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id, article.title, article.outlet, article.published.isoformat(),
                    article.url, article.language, article.source, article.body,
                ),
            )
            self._db.executemany(
                "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(p.id, p.article_id, p.index, p.start, p.end, p.hash, p.tokens, p.text) for p in paragraphs],
            )
        self.version += 1

    def delete_article(self, article_id: str) -> None:
        with self._lock, self._db:
            self._db.execute("DELETE FROM paragraphs WHERE article_id = ?", (article_id,))
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.version += 1

    def clear(self) -> None:
        with self._lock, self._db:
            self._db.execute("DELETE FROM paragraphs")
            self._db.execute("DELETE FROM articles")
            self._db.execute("DELETE FROM meta")
        self.version += 1

    def state_key(self) -> tuple[int, int]:
        """Changes whenever this or another connection has written: readers refresh caches on it."""
        with self._lock:
            data_version = self._db.execute("PRAGMA data_version").fetchone()[0]
        return (self.version, data_version)
