"""Copies of one story: near-duplicate paragraphs across articles (wire copy republished with small edits).

Each paragraph of at least ``MIN_WORDS`` words gets a MinHash signature (datasketch) of its
word 3-shingles; locality-sensitive hashing bands it into ``BANDS`` keys, kept in the
catalog, so a new paragraph finds its likely copies by key, incrementally at ingest, and
joins the copy group of the closest one whose estimated Jaccard similarity reaches
``SAME_TEXT``. Retrieval shows one paragraph per group and lists the other outlets.
"""

from __future__ import annotations

import hashlib

import numpy as np

from .text import words

NUM_PERM = 64
BANDS = 16  # of NUM_PERM // BANDS rows: pairs above ~0.5 Jaccard become candidates
MIN_WORDS = 12  # shorter paragraphs ("Hide Caption", a dateline) are not judged
SAME_TEXT = 0.6  # estimated Jaccard of 3-shingles from which two paragraphs are copies


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (uint32 × NUM_PERM) of a paragraph, or None when it is too short to judge."""
    from datasketch import MinHash

    toks = words(text)
    if len(toks) < MIN_WORDS:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([" ".join(toks[i : i + 3]).encode("utf-8") for i in range(len(toks) - 2)])
    return m.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (SQLite integers)."""
    rows = NUM_PERM // BANDS
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(bytes([b]) + sig[b * rows : (b + 1) * rows].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two paragraphs' shingle sets."""
    return float(np.mean(a == b))
