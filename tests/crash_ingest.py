"""Run the real `assistant` command, killed with SIGKILL at a chosen point (for tests/test_faults.py).

    python tests/crash_ingest.py POINT N ingest PATH ...

POINT is where the process dies, at the N-th time it gets there:
  before-vectors   entering a write of vectors to Chroma
  during-vectors   after the first of several Chroma upserts of one write
  after-vectors    the vectors are written, the catalog has not committed
  after-catalog    the catalog committed, stale vectors not yet deleted, lexical index not committed
  after-lexical    everything of a batch committed
  none             never (the re-ingest after a crash)
The embedder is the hashing one with a 64-token window (no model: the subject is the storage),
so long paragraphs get several windows.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import assistant.embedder as embedder_module  # noqa: E402
from assistant.catalog import Catalog  # noqa: E402
from assistant.embedder import HashingEmbedder  # noqa: E402
from assistant.lexical import LexicalIndex  # noqa: E402
from assistant.vectors import VectorStore  # noqa: E402

POINTS = ("before-vectors", "during-vectors", "after-vectors", "after-catalog", "after-lexical", "none")


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def at(cls, name: str, nth: int, before: bool) -> None:
    original = getattr(cls, name)
    seen = {"n": 0}

    def wrapped(*args, **kwargs):
        seen["n"] += 1
        if before and seen["n"] == nth:
            die()
        out = original(*args, **kwargs)
        if not before and seen["n"] == nth:
            die()
        return out

    setattr(cls, name, wrapped)


def during_vectors(nth: int) -> None:
    """The n-th write of vectors dies after its first Chroma upsert (writes go 1000 records at a time)."""
    original = VectorStore.put
    seen = {"n": 0}

    def wrapped(self, records):
        seen["n"] += 1
        if seen["n"] == nth and len(records) > 1:
            half = max(1, len(records) // 2)
            original(self, records[:half])
            die()
        return original(self, records)

    VectorStore.put = wrapped


def main() -> int:
    point, nth, args = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    if point not in POINTS:
        raise SystemExit(f"unknown point {point}; one of {', '.join(POINTS)}")
    embedder_module.make_embedder = lambda settings: HashingEmbedder(dimension=64, max_tokens=64)
    if point == "before-vectors":
        at(VectorStore, "put", nth, before=True)
    elif point == "during-vectors":
        during_vectors(nth)
    elif point == "after-vectors":
        at(VectorStore, "put", nth, before=False)
    elif point == "after-catalog":
        at(Catalog, "put_articles", nth, before=False)
    elif point == "after-lexical":
        at(LexicalIndex, "commit", nth, before=False)
    from assistant.cli import main as cli

    return cli(args)


if __name__ == "__main__":
    sys.exit(main())
