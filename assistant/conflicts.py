"""Disagreement: retrieved reports from different articles that give different values for what is asked.

For a question that asks for a number, a date or a name (``asks``), each retrieved paragraph's
best sentence about the question gives a value: the number it puts before the thing counted (or
its first number), the date it states (resolved, ``dates``), the person or organisation it names
that the question does not. When paragraphs of different stories (not copies of one text) give
different values, the answer says so and cites both, instead of silently picking one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asks import counted_thing, expected_kind, holds_kind
from .dates import said_on
from .nlp import parse
from .sentences import sentence_spans
from .text import content_terms, stem, words
from .types import Hit

__all__ = ["Claim", "Disagreement", "find_disagreement"]

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUM = re.compile(r"\b\d[\d,.]*\b|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", re.I)


@dataclass(frozen=True)
class Claim:
    value: str  # normalised: "14", "2025-04-03", "Ilse Varga"
    written: str  # as the report writes it: "nine", "3 April"
    hit: int  # position in the hits
    sentence: str
    outlet: str


@dataclass(frozen=True)
class Disagreement:
    kind: str  # number, date, name
    claims: tuple[Claim, ...]  # one per distinct value, best-ranked report first

    @property
    def note(self) -> str:
        parts = [f"{c.outlet} gives {c.written}" for c in self.claims]
        return "The reports disagree: " + "; ".join(parts) + "."


def _number(sentence: str, counted: str | None) -> tuple[str, str] | None:
    tokens = words(sentence)
    if counted:
        for i, t in enumerate(tokens):
            if stem(t) == counted:
                for w in reversed(tokens[max(0, i - 3):i]):
                    if _NUM.fullmatch(w):
                        return _norm_number(w), w
    for m in _NUM.finditer(sentence):
        if not re.match(r"\s*(?:am|pm|a\.m\.|p\.m\.|%|per ?cent|:\d)", sentence[m.end():], re.I):
            return _norm_number(m.group(0)), m.group(0)  # not a time of day or a share
    return None


def _norm_number(w: str) -> str:
    w = w.lower().replace(",", "").rstrip(".")
    return str(_WORD_NUMBERS.get(w, w))


def _date(hit: Hit, start: int, end: int) -> tuple[str, str] | None:
    for m in hit.dates:
        # "..., the agency said on Wednesday": when it was said, not when it happens
        if start <= m.start < end and m.granularity == "day" and not said_on(hit.text[start:m.start]):
            return m.first.isoformat(), m.text
    return None


def _name(sentence: str, question: str) -> tuple[str, str] | None:
    asked = set(content_terms(question))
    for e in parse(sentence).ents:
        if e.label_ == "PERSON" and not set(content_terms(e.text)) & asked:
            return e.text, e.text
    return None


def find_disagreement(question: str, hits: list[Hit], min_share: float = 0.5) -> Disagreement | None:
    """Different values for what the question asks, from different stories among the hits."""
    kind = expected_kind(question)
    if kind is None:
        return None
    counted = counted_thing(question)
    asked = set(content_terms(question))
    if not asked:
        return None
    claims: list[tuple[float, Claim]] = []
    for i, h in enumerate(hits):
        best = None
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            share = len(asked & set(content_terms(sentence))) / len(asked)
            if share >= min_share and holds_kind(sentence, kind, counted) and (best is None or share > best[0]):
                best = (share, s, e, sentence)
        if best is None:
            continue
        _, s, e, sentence = best
        found = (_number(sentence, counted) if kind == "number" else _date(h, s, e) if kind == "date"
                 else _name(sentence, question))
        if found:
            claims.append((best[0], Claim(found[0], found[1], i, sentence, h.outlet)))
    # one claim per outlet (its sentence closest to the question), one per value
    by_outlet: dict[str, Claim] = {}
    for _, c in sorted(claims, key=lambda sc: -sc[0]):
        by_outlet.setdefault(c.outlet, c)
    distinct: dict[str, Claim] = {}
    for c in by_outlet.values():
        distinct.setdefault(c.value, c)
    stories = {hits[c.hit].article_id for c in distinct.values()}
    if len(distinct) < 2 or len(stories) < 2:
        return None
    return Disagreement(kind, tuple(distinct.values()))
