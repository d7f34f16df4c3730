"""Metrics: retrieval recall@k and MRR, and fact matching with normalisation."""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

KS = (1, 3, 5, 10)


def ranked_ids(hits, gold: Sequence[str] = ()) -> list[str]:
    """Paragraph ids of ranked hits; a hit standing for copies of a text (``Hit.copies``) counts as the
    gold paragraph when one of its copies is gold (the same words in another outlet)."""
    gold = set(gold)
    out = []
    for h in hits:
        found = [c for c in getattr(h, "copies", ()) if c in gold]
        out.append(found[0] if h.paragraph_id not in gold and found else h.paragraph_id)
    return out


def distinct_stories(hits, k: int = 5) -> tuple[float, int]:
    """Of the top ``k`` hits, the share that are distinct stories (no hit a copy of an earlier one), and how
    many copies of them were folded away (each hit lists its copies in other outlets, ``Hit.copies``)."""
    top = list(hits)[:k]
    seen: set[str] = set()
    distinct = 0
    for h in top:
        mine = {h.paragraph_id, *getattr(h, "copies", ())}
        distinct += not (mine & seen)
        seen |= mine
    return (distinct / len(top) if top else 1.0), sum(len(getattr(h, "copies", ())) for h in top)


def retrieval_scores(ranked: Sequence[Sequence[str]], gold: Sequence[Sequence[str]], ks=KS) -> dict[str, float]:
    """recall@k (any gold paragraph in the top k) and MRR@10, averaged over questions with gold."""
    pairs = [(r, set(g)) for r, g in zip(ranked, gold) if g]
    if not pairs:
        return {**{f"recall@{k}": 0.0 for k in ks}, "mrr@10": 0.0, "questions": 0}
    out = {f"recall@{k}": sum(1 for r, g in pairs if g & set(r[:k])) / len(pairs) for k in ks}
    mrr = 0.0
    for r, g in pairs:
        for i, pid in enumerate(r[:10], 1):
            if pid in g:
                mrr += 1.0 / i
                break
    out["mrr@10"] = mrr / len(pairs)
    out["questions"] = len(pairs)
    return out


_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
}
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}


def normalise(text: str) -> str:
    """Lower-case, no accents or punctuation, number words as digits, dates as YYYY-MM-DD or M-D."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)  # 118,000 -> 118000
    t = re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", t)
    t = _dates(t)
    t = re.sub(r"[^a-z0-9%$.\- ]+", " ", t)
    t = re.sub(r"(?<![0-9])[.\-]|[.\-](?![0-9])", " ", t)
    tokens = [_NUMBER_WORDS.get(w, w) for w in t.split()]
    tokens = [w for w in tokens if w not in {"the", "a", "an"}]
    return " ".join(tokens)


def _dates(t: str) -> str:
    months = "|".join(sorted(list(_MONTHS) + list(_MONTH_ABBR), key=len, reverse=True))

    def month(name: str) -> int:
        return _MONTHS.get(name) or _MONTH_ABBR[name[:4] if name.startswith("sept") else name[:3]]

    # "15 december 2024", "december 15, 2024", "december 15"
    t = re.sub(rf"\b(\d{{1,2}}) ({months})\.?,? (\d{{4}})\b", lambda m: f"{m[3]}-{month(m[2]):02d}-{int(m[1]):02d}", t)
    t = re.sub(rf"\b({months})\.? (\d{{1,2}}),? (\d{{4}})\b", lambda m: f"{m[3]}-{month(m[1]):02d}-{int(m[2]):02d}", t)
    t = re.sub(rf"\b(\d{{1,2}}) ({months})\b", lambda m: f"{month(m[2]):02d}-{int(m[1]):02d}", t)
    t = re.sub(rf"\b({months})\.? (\d{{1,2}})\b", lambda m: f"{month(m[1]):02d}-{int(m[2]):02d}", t)
    return t


def contains(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` as whole normalised words."""
    n, h = normalise(needle), normalise(haystack)
    if not n:
        return False
    return re.search(rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])", h) is not None


def fact_present(text: str, variants: Sequence[str]) -> bool:
    return any(contains(text, v) for v in variants)
