"""Split text into sentences, keeping character offsets (no model, no download)."""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "pres", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c", "mt", "ft", "approx", "dept",
}

_NUMBERING = {"no"}  # "No. 645" but not 'he said "no." Then'

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``; whitespace between them is dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if not _is_boundary(text, m.start(), end):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def _add(text: str, start: int, end: int, spans: list) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + len(chunk) - len(chunk.lstrip())
        spans.append((s, s + len(stripped)))


def _is_boundary(text: str, punct_at: int, end: int) -> bool:
    rest = text[end:].lstrip()
    if not rest:
        return True
    if text[punct_at] == ".":
        word = re.search(r"([A-Za-z.]+)$", text[:punct_at])
        if word:
            w = word.group(1).lower().strip(".")
            if w in _ABBREVIATIONS and (w not in _NUMBERING or rest[:1].isdigit()):
                return False
            if len(w) == 1 and w.isalpha():  # an initial: "John F. Kennedy"
                return False
    # The next sentence starts with a capital, a digit, or an opening quote/bracket.
    return bool(re.match(r"[\"'“‘(\[]?[A-Z0-9]", rest))
