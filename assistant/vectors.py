"""Paragraph vectors in a Chroma ``PersistentClient`` folder, with a fingerprint check."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from .embedder import Embedder
from .paragraphs import CHUNKING_VERSION

log = logging.getLogger(__name__)


class IndexMismatchError(RuntimeError):
    """The index on disk was built with another embedder or chunking."""


def fingerprint(embedder: Embedder) -> str:
    return f"{embedder.name}|{embedder.dimension}|{CHUNKING_VERSION}"


def _chroma_embedding_function(embedder: Embedder | None):
    """Chroma must never fall back to its default embedder (it downloads one)."""
    from chromadb.api.types import EmbeddingFunction

    class NewsAssistantEmbedding(EmbeddingFunction):
        def __init__(self, embedder: Embedder | None = None):
            self._embedder = embedder

        def __call__(self, input):  # noqa: A002 - Chroma's parameter name
            if self._embedder is None:
                raise RuntimeError("open the index through the assistant, which supplies the embedder")
            return [np.asarray(v) for v in self._embedder.embed(list(input))]

        @staticmethod
        def name() -> str:
            return "news-assistant"

        def get_config(self):
            return {}

        @staticmethod
        def build_from_config(config):
            return NewsAssistantEmbedding(None)

    from chromadb.utils.embedding_functions import known_embedding_functions, register_embedding_function

    if NewsAssistantEmbedding.name() not in known_embedding_functions:
        register_embedding_function(NewsAssistantEmbedding)  # so Chroma can name it when reopening
    return NewsAssistantEmbedding(embedder)


class VectorStore:
    """One Chroma record per embedding window; ``paragraph_id`` in its metadata."""

    def __init__(self, path: Path, collection: str, embedder: Embedder, rebuild: bool = False):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        path.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.embedder = embedder
        self.fingerprint = fingerprint(embedder)
        self._client = chromadb.PersistentClient(
            path=str(path), settings=ChromaSettings(anonymized_telemetry=False)
        )
        self._name = collection
        if rebuild and collection in {c.name for c in self._client.list_collections()}:
            self._client.delete_collection(collection)
        self._collection = self._open()

    def _open(self):
        ef = _chroma_embedding_function(self.embedder)
        existing = {c.name for c in self._client.list_collections()}
        if self._name in existing:
            col = self._client.get_collection(self._name, embedding_function=ef)
            found = (col.metadata or {}).get("fingerprint")
            if found != self.fingerprint:
                raise IndexMismatchError(
                    f"the index in {self.path} was built with {found!r}, but this assistant "
                    f"embeds with {self.fingerprint!r}; rebuild it with "
                    "'assistant ingest --rebuild PATH' (or point ASSISTANT_DATA_DIR elsewhere)"
                )
            return col
        return self._client.create_collection(
            self._name,
            embedding_function=ef,
            metadata={"fingerprint": self.fingerprint, "hnsw:space": "cosine"},
        )

    def count(self) -> int:
        return self._collection.count()

    def paragraph_ids(self) -> set[str]:
        got = self._collection.get(include=["metadatas"])
        return {m["paragraph_id"] for m in got["metadatas"]}

    def vectors_by_hash(self, hashes: list[str]) -> dict[str, list[tuple[str, np.ndarray]]]:
        """Existing windows (text, vector) for paragraphs with these content hashes: reused, not re-embedded."""
        out: dict[str, list[tuple[str, np.ndarray]]] = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            got = self._collection.get(
                where={"hash": {"$in": chunk}}, include=["metadatas", "embeddings", "documents"]
            )
            seen: dict[str, dict[int, tuple[str, np.ndarray]]] = {}
            for meta, vec, doc in zip(got["metadatas"], got["embeddings"], got["documents"]):
                seen.setdefault(meta["hash"], {})[meta["window"]] = (doc, np.asarray(vec))
            for h, windows in seen.items():
                out[h] = [windows[w] for w in sorted(windows)]
        return out

    def put(self, records: list[tuple[str, str, np.ndarray, dict]]) -> None:
        """Upsert (record id, window text, vector, metadata) rows."""
        for i in range(0, len(records), 1000):
            chunk = records[i : i + 1000]
            self._collection.upsert(
                ids=[r[0] for r in chunk],
                documents=[r[1] for r in chunk],
                embeddings=[r[2].tolist() for r in chunk],
                metadatas=[r[3] for r in chunk],
            )

    def delete_paragraphs(self, paragraph_ids: list[str]) -> None:
        for i in range(0, len(paragraph_ids), 500):
            self._collection.delete(where={"paragraph_id": {"$in": paragraph_ids[i : i + 500]}})

    def search(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(paragraph id, cosine similarity), best first, one entry per paragraph."""
        total = self.count()
        if total == 0:
            return []
        got = self._collection.query(
            query_embeddings=[vector.tolist()],
            n_results=min(total, n * 2),
            where=where or None,
            include=["metadatas", "distances"],
        )
        best: dict[str, float] = {}
        for meta, dist in zip(got["metadatas"][0], got["distances"][0]):
            pid = meta["paragraph_id"]
            sim = 1.0 - float(dist)
            if sim > best.get(pid, -2.0):
                best[pid] = sim
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        return ranked[:n]
