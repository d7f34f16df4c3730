"""Paragraph vectors in Chroma: an embedded folder (``PersistentClient``) or a server (``HttpClient``).

One record per embedding window, id ``<paragraph id>`` or ``<paragraph id>~w<N>``, so a
search reads only ids and distances (Chroma's metadata path is the slow one). The
collection records a fingerprint of the embedder and chunking; a mismatch is an error
that says to rebuild.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

log = logging.getLogger(__name__)

# Opening and closing Chroma clients, process-wide: clients of one folder share a System that Chroma
# creates and starts without a lock ("'RustBindingsAPI' object has no attribute 'bindings'").
_CLIENTS = threading.RLock()


class IndexMismatchError(RuntimeError):
    """The index on disk was built with another embedder or chunking."""


class VectorStoreError(RuntimeError):
    """Chroma failed; the message names the store and what to run."""


def _chroma_embedding_function():
    """Chroma must never fall back to its default embedder (it downloads one): we always pass vectors."""
    from chromadb.api.types import EmbeddingFunction

    class NewsAssistantEmbedding(EmbeddingFunction):
        def __init__(self, *args, **kwargs):
            pass

        def __call__(self, input):  # noqa: A002 - Chroma's parameter name
            raise RuntimeError("the news assistant always passes vectors to Chroma; open the index through the assistant")

        @staticmethod
        def name() -> str:
            return "news-assistant"

        def get_config(self):
            return {}

        @staticmethod
        def build_from_config(config):
            return NewsAssistantEmbedding()

    from chromadb.utils.embedding_functions import (
        known_embedding_functions,
        register_embedding_function,
    )

    if NewsAssistantEmbedding.name() not in known_embedding_functions:
        register_embedding_function(NewsAssistantEmbedding)  # so Chroma can name it when reopening
    return known_embedding_functions[NewsAssistantEmbedding.name()]()


class VectorStore:
    def __init__(self, path: Path, collection: str, fingerprint: str, url: str = "", rebuild: bool = False):
        self.path = path
        self.url = url
        self.fingerprint = fingerprint
        self._name = collection
        self._lock = threading.RLock()
        self._client = None
        self._collection = None
        if url:
            u = urlparse(url)
            if u.scheme not in ("http", "https") or not u.hostname:
                raise ValueError(f"chroma_url {url!r} is not an http(s) URL; set ASSISTANT_CHROMA_URL like http://127.0.0.1:8000")
        with self._guard("opening"):
            self._connect()
            if rebuild and self._exists():
                self._client.delete_collection(collection)
            self._collection = self._open()

    @property
    def where(self) -> str:
        return f"the Chroma server at {self.url}" if self.url else f"the vector index {self.path}"

    def _connect(self) -> None:
        with _CLIENTS:  # Chroma caches one System per folder and registers it before starting it (unlocked):
            self._connect_now()  # a second client opened meanwhile (the e5 collection's) found it half-started

    def _connect_now(self) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        if self.url:
            u = urlparse(self.url)
            self._client = chromadb.HttpClient(
                host=u.hostname, port=u.port or (443 if u.scheme == "https" else 80), ssl=u.scheme == "https",
                settings=settings,
            )
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(path=str(self.path), settings=settings)

    def _exists(self) -> bool:
        return self._name in {c.name for c in self._client.list_collections()}

    def _open(self):
        ef = _chroma_embedding_function()
        if self._exists():
            col = self._client.get_collection(self._name, embedding_function=ef)
            found = (col.metadata or {}).get("fingerprint")
            if found != self.fingerprint:
                raise IndexMismatchError(
                    f"{self.where} was built with {found!r}, but this assistant "
                    f"embeds with {self.fingerprint!r}; rebuild it with "
                    "'assistant ingest --rebuild PATH' (or point ASSISTANT_DATA_DIR elsewhere)"
                )
            return col
        return self._client.create_collection(
            self._name, embedding_function=ef, metadata={"fingerprint": self.fingerprint, "hnsw:space": "cosine"}
        )

    @contextmanager
    def _guard(self, doing: str):
        """Chroma's own errors become one named error that says what to do."""
        try:
            yield
        except IndexMismatchError:
            raise
        except Exception as exc:  # chromadb raises many types (InternalError, sqlite3 errors, OSError, ...)
            fix = ("check that the server is running ('assistant chroma' starts one)" if self.url else
                   "run 'assistant repair' (it restores the vectors from the catalog, no re-embedding) "
                   "or 'assistant ingest --rebuild PATH'")
            raise VectorStoreError(f"{doing} {self.where} failed ({type(exc).__name__}: {exc}); {fix}") from exc

    def refresh(self) -> None:
        """See what other processes wrote (an embedded client keeps its own copy of the graph in memory)."""
        if self.url:
            return  # a server is shared: always current
        with self._lock, self._guard("reopening"):
            try:
                with _CLIENTS:
                    self._client.close()
            except Exception as exc:  # a client that cannot close is replaced all the same
                log.debug("closing the Chroma client: %s", exc)
            self._connect()
            self._collection = self._open()

    def close(self) -> None:
        with self._lock, _CLIENTS:
            if self._client is not None and not self.url:
                self._client.close()

    # -- reads ------------------------------------------------------------------
    def count(self) -> int:
        with self._guard("counting vectors in"):
            return self._collection.count()

    def search(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """(record id, cosine similarity) of the ``n`` nearest records, best first."""
        if n <= 0:
            return []
        with self._guard("searching"):
            # no count() first: it costs seconds at a million vectors; Chroma returns what it has
            got = self._collection.query(
                query_embeddings=[np.asarray(vector, dtype=np.float32)], n_results=n, include=["distances"]
            )
        return [(rid, 1.0 - float(d)) for rid, d in zip(got["ids"][0], got["distances"][0])]

    def get(self, ids: list[str], metadata: bool = False) -> dict[str, tuple[np.ndarray, dict]]:
        """Stored records among ``ids``: id -> (vector, metadata)."""
        out: dict[str, tuple[np.ndarray, dict]] = {}
        ids = list(dict.fromkeys(ids))
        include = ["embeddings", "metadatas"] if metadata else ["embeddings"]
        with self._guard("reading"):
            for i in range(0, len(ids), 2000):
                got = self._collection.get(ids=ids[i : i + 2000], include=include)
                metas = got.get("metadatas") or [None] * len(got["ids"])
                for rid, vec, meta in zip(got["ids"], got["embeddings"], metas):
                    out[rid] = (np.asarray(vec, dtype=np.float32), meta or {})
        return out

    def ids(self, batch: int = 5000):
        """Every record id, in batches (checks and repairs)."""
        with self._guard("listing"):
            offset = 0
            while True:
                got = self._collection.get(include=[], limit=batch, offset=offset)
                if not got["ids"]:
                    return
                yield got["ids"]
                offset += len(got["ids"])

    def paragraph_ids(self) -> set[str]:
        """Every paragraph with at least one record (checks and tests; lists the whole store)."""
        return {rid.rpartition("~w")[0] if "~w" in rid else rid for ids in self.ids() for rid in ids}

    # -- writes ----------------------------------------------------------------
    def put(self, records: list[tuple[str, np.ndarray, dict]]) -> None:
        """Upsert (record id, vector, metadata) rows."""
        with self._guard("writing to"):
            for i in range(0, len(records), 1000):
                chunk = records[i : i + 1000]
                self._collection.upsert(
                    ids=[r[0] for r in chunk],
                    embeddings=np.asarray([r[1] for r in chunk], dtype=np.float32),
                    metadatas=[r[2] for r in chunk],
                )

    def delete(self, ids: list[str]) -> None:
        with self._guard("deleting from"):
            for i in range(0, len(ids), 1000):
                self._collection.delete(ids=ids[i : i + 1000])

    @classmethod
    def destroy(cls, path: Path, collection: str, url: str = "") -> None:
        """Delete the collection (and, for an embedded folder Chroma cannot open, the folder)."""
        import shutil

        from chromadb.api.shared_system_client import SharedSystemClient

        try:
            store = cls.__new__(cls)
            store.path, store.url, store._name = path, url, collection
            store._connect()
            if store._exists():
                store._client.delete_collection(collection)
            return
        except Exception as exc:  # a damaged folder: removed below; a server must answer
            if url:
                raise VectorStoreError(f"clearing the Chroma server at {url} failed ({exc}); check that it runs") from exc
            log.warning("the vector index %s cannot be opened (%s); deleting the folder", path, exc)
        system = SharedSystemClient._identifier_to_system.pop(str(path), None)  # Chroma caches one per folder
        SharedSystemClient._identifier_to_refcount.pop(str(path), None)
        if system is not None:
            try:
                system.stop()
            except Exception as exc:  # it is broken; it is being thrown away
                log.debug("stopping a broken Chroma system: %s", exc)
        shutil.rmtree(path, ignore_errors=True)

    def drop(self) -> None:
        """Delete the whole collection and start an empty one (rebuild)."""
        with self._lock, self._guard("clearing"):
            if self._exists():
                self._client.delete_collection(self._name)
            self._collection = self._open()
