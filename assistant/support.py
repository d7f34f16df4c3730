"""Does a paragraph support a sentence? Cheap, explainable signals, no model download.

A sentence is supported by a paragraph (with its article title) when:
* every number and every name in the sentence occurs in the paragraph or title,
* every quoted span (in quotation marks) occurs verbatim in the paragraph, and
* enough of its content words occur there (``min_overlap``), or its embedding is
  close to the paragraph's (``min_similarity``) when an embedder is given, and
* it does not give what the paragraph says of one named person to another (``roles``:
  "Colin Farrell won best actress" against a paragraph whose actress award is Michelle Yeoh's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .roles import misbound
from .text import content_terms, entity_found, key_entities

_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]|(?<!\w)[‘']([^‘’']{3,}?)[’'](?!\w)")
_NUM = re.compile(r"\d[\d,.]*\d|\d")


@dataclass(frozen=True)
class Verdict:
    supported: bool
    overlap: float  # share of the sentence's content words found in the paragraph
    similarity: float | None = None
    missing_names: tuple[str, ...] = ()
    missing_numbers: tuple[str, ...] = ()
    bad_quotes: tuple[str, ...] = ()
    reasons: tuple[str, ...] = field(default=())
    misbound: str = ""  # a word said of another person in the paragraph than the sentence says it of

    def to_json(self) -> dict:
        return {
            "supported": self.supported,
            "overlap": round(self.overlap, 3),
            "similarity": None if self.similarity is None else round(self.similarity, 3),
            "missing_names": list(self.missing_names),
            "missing_numbers": list(self.missing_numbers),
            "bad_quotes": list(self.bad_quotes),
            "misbound": self.misbound or None,
            "reasons": list(self.reasons),
        }


def quoted_spans(text: str) -> list[str]:
    return [a or b for a, b in _QUOTE.findall(text)]


def _norm_quote(text: str) -> str:
    """A quotation as compared with its paragraph: quote marks and spacing folded, an editor's date in square
    brackets (``dates.state_dates``: "this year [2026]") left out."""
    t = re.sub(r"\s\[[^\]\[]*\b\d{4}\]", "", text)
    t = t.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", t).strip().strip(".,").lower()


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUM.findall(text)}


def source_label(title: str, published=None, dates=()) -> str:
    """What besides the paragraph a claim may draw on: the title, the month and year of
    publication, and what the paragraph's relative dates resolve to (``dates``: its
    ``DateMention``s), so "the 15th" in an article of 16 December 2024 may be written
    "15 December 2024"; never the day of publication, which is not the day of the events."""
    parts = [title]
    if published is not None:
        parts.append(f"{published.strftime('%B')} {published.year}")
    parts.extend(d.label for d in dates if d.relative)
    return " ".join(parts)


class SupportChecker:
    def __init__(self, embedder=None, min_overlap: float = 0.75, min_similarity: float = 0.8):
        self.embedder = embedder
        self.min_overlap = min_overlap
        self.min_similarity = min_similarity

    def check(self, sentence: str, paragraph: str, title: str = "", similarity: float | None = None) -> Verdict:
        source = f"{title}\n{paragraph}" if title else paragraph
        terms = set(content_terms(source))
        s_terms = content_terms(sentence)
        overlap = sum(1 for t in s_terms if t in terms) / len(s_terms) if s_terms else 0.0
        numbers = _numbers(source)
        missing_numbers = tuple(sorted(n for n in _numbers(sentence) if n not in numbers))
        names = [e for e in key_entities(sentence, keep_initial=True) if not _NUM.fullmatch(e.replace(",", ""))]
        missing_names = tuple(e for e in names if not entity_found(e, terms))
        para_norm = _norm_quote(paragraph)
        bad_quotes = tuple(q for q in quoted_spans(sentence) if _norm_quote(q) not in para_norm)
        if similarity is None and self.embedder is not None and overlap < self.min_overlap:
            vecs = self.embedder.embed([sentence, paragraph])
            similarity = float(vecs[0] @ vecs[1])
        reasons = []
        if missing_numbers:
            reasons.append("numbers not in the paragraph: " + ", ".join(missing_numbers))
        if missing_names:
            reasons.append("names not in the paragraph: " + ", ".join(missing_names))
        if bad_quotes:
            reasons.append("quote not verbatim in the paragraph")
        close = overlap >= self.min_overlap or (similarity is not None and similarity >= self.min_similarity)
        if not close:
            reasons.append(f"too little in common (overlap {overlap:.2f})")
        swapped = ""
        if not reasons and _norm_quote(sentence) not in _norm_quote(source):  # a quotation binds as its source does
            found = misbound(sentence, source)
            if found is not None:
                swapped = found.reason()
                reasons.append(swapped)
        supported = not reasons
        return Verdict(supported, overlap, similarity, missing_names, missing_numbers, bad_quotes, tuple(reasons),
                       swapped)
