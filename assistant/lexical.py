"""BM25 over title plus text, in a tantivy index on disk beside the catalog, updated in place.

Text is tokenised by the project's own ``content_terms`` (stopwords out, light stemming)
and handed to tantivy as whitespace-separated terms, so BM25 sees the same words the
rest of the assistant compares. Filters (publication day, outlet) are clauses of the
query itself. ``state.json`` records which catalog generation the index reflects.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .filters import Filters
from .text import content_terms

log = logging.getLogger(__name__)

# Bump when the terms or the schema change: an index of another version is rebuilt.
LEXICAL_VERSION = "tantivy-content-terms-v1"
_EMPTY = "\u2205"


class LexicalIndexError(RuntimeError):
    """The lexical index cannot be opened or written; the message says what to run."""


@dataclass(frozen=True)
class LexicalDoc:
    paragraph_id: str
    article_id: str
    day: int
    outlet: str
    title: str
    text: str


def _schema():
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("pid", stored=True, tokenizer_name="raw")
    sb.add_text_field("article", tokenizer_name="raw")
    sb.add_integer_field("day", indexed=True, fast=True)
    sb.add_text_field("outlet", tokenizer_name="raw")
    sb.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
    return sb.build()


class LexicalIndex:
    """Opens an existing index; ``usable`` is False when it is missing, of another version or unreadable
    (nothing on disk is touched then: the caller rebuilds it under the index's write lock)."""

    def __init__(self, path: Path):
        import tantivy

        self._tantivy = tantivy
        self.path = path
        self.schema = _schema()
        self._writer = None
        self._index = None
        self.problem = ""
        if self._state().get("version") != LEXICAL_VERSION or not tantivy.Index.exists(str(path)):
            self.problem = "missing or written by another version"
            return
        try:
            self._index = tantivy.Index(self.schema, path=str(path), reuse=True)
        except (ValueError, OSError) as exc:
            self.problem = f"unreadable ({exc})"

    @property
    def usable(self) -> bool:
        return self._index is not None

    def recreate(self) -> None:
        """Start an empty index in place of whatever is there (caller holds the write lock)."""
        self.close_writer()
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)
        self._index = self._tantivy.Index(self.schema, path=str(self.path), reuse=False)
        self._write_state(-1)
        self.problem = ""

    # -- state ----------------------------------------------------------------
    @property
    def _state_file(self) -> Path:
        return self.path / "state.json"

    def _state(self) -> dict:
        try:
            return json.loads(self._state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def generation(self) -> int:
        """The catalog generation this index reflects (-1: none yet). Read from disk: another process may have written."""
        return int(self._state().get("generation", -1))

    def _write_state(self, generation: int) -> None:
        tmp = self._state_file.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"version": LEXICAL_VERSION, "generation": generation}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self._state_file)

    # -- reads ----------------------------------------------------------------
    def reload(self) -> None:
        if self._index is not None:
            self._index.reload()

    def num_docs(self) -> int:
        return self._index.searcher().num_docs if self._index is not None else 0

    def search(self, query: str, n: int, filters: Filters = Filters()) -> list[tuple[str, float]]:
        """(paragraph id, BM25 score) of the best ``n`` paragraphs the filters allow."""
        t = self._tantivy
        terms = content_terms(query)
        if not terms or n <= 0 or self._index is None:
            return []
        words = [(t.Occur.Should, t.Query.term_query(self.schema, "terms", w)) for w in terms]
        q = t.Query.boolean_query(words)
        musts = []
        lo, hi = filters.day_range()
        if lo is not None or hi is not None:
            musts.append(t.Query.range_query(self.schema, "day", t.FieldType.Integer, lo, hi))
        if filters.outlets:
            musts.append(t.Query.term_set_query(self.schema, "outlet", [o.lower() for o in filters.outlets]))
        if musts:
            q = t.Query.boolean_query(
                [(t.Occur.Must, q)] + [(t.Occur.Must, t.Query.const_score_query(m, 0.0)) for m in musts]
            )
        searcher = self._index.searcher()
        hits = searcher.search(q, n, count=False).hits
        return [(searcher.doc(addr)["pid"][0], float(score)) for score, addr in hits]

    # -- writes (the caller holds the index's write lock) ----------------------
    def _w(self):
        if self._writer is None:
            try:
                self._writer = self._index.writer(heap_size=64_000_000, num_threads=1)
            except ValueError as exc:
                raise LexicalIndexError(
                    f"the lexical index {self.path} is locked by another writer ({exc}); "
                    "wait for the other ingest to finish"
                ) from exc
        return self._writer

    def put(self, docs: list[LexicalDoc]) -> None:
        w = self._w()
        for d in docs:
            terms = " ".join(content_terms(f"{d.title}\n{d.text}")) or _EMPTY
            w.add_document(self._tantivy.Document(
                pid=d.paragraph_id, article=d.article_id, day=d.day, outlet=d.outlet.lower(), terms=terms
            ))

    def delete_articles(self, article_ids: list[str]) -> None:
        w = self._w()
        for aid in article_ids:
            w.delete_documents_by_term("article", aid)

    def clear(self) -> None:
        self._w().delete_all_documents()

    def commit(self, generation: int) -> None:
        """Make the writes durable and record the catalog generation they bring the index to."""
        if self._writer is not None:
            self._writer.commit()
        self._write_state(generation)
        self._index.reload()

    def close_writer(self) -> None:
        """Release tantivy's writer lock (other processes may write next); uncommitted work is dropped."""
        if self._writer is not None:
            w, self._writer = self._writer, None
            w.rollback()
            w.wait_merging_threads()
