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

from .asks import DURATION, MONEY, counted_thing, expected_kind, holds_kind
from .dates import said_on
from .nlp import parse
from .sentences import sentence_spans
from .text import content_terms, stem
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
    """The number the sentence gives for the thing counted ("3,000 people"); else its first number. A sentence
    that names the thing counted without a number before it gives no value ("lost two of its biggest
    customers, and jobs will be cut" is no rival to "300 jobs")."""
    if counted:
        named = False
        for m in re.finditer(r"([\w'’-]+)\b", sentence):
            if stem(m.group(1).lower()) == counted:
                named = True
                before = list(_NUM.finditer(sentence[max(0, m.start() - 30):m.start()]))
                if before:
                    return _norm_number(before[-1].group(0)), before[-1].group(0)  # "3,000 people"
        if named:
            return None
    for m in _NUM.finditer(sentence):
        if not re.match(r"\s*(?:am|pm|a\.m\.|p\.m\.|%|per ?cent|:\d|[\s-]year[\s-]old)", sentence[m.end():], re.I):
            return _norm_number(m.group(0)), m.group(0)  # not a time of day, a share or an age
    return None


_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


def _amount(sentence: str, pattern: re.Pattern) -> tuple[str, str] | None:
    """A sum of money or a length of time as written, and normalised ("3.1 million euros" -> "3100000 euro")."""
    # "since" and "until" tell a sentence speaks of a span of time, but they are no value to compare
    m = next((m for m in pattern.finditer(sentence) if m.group(0).lower() not in {"since", "until", "overnight"}), None)
    if not m:
        return None
    written = m.group(0).strip()
    n = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    low = written.lower()
    if not n:
        return low, written
    value = float(n.group(0).replace(",", ""))
    for w, f in _SCALE.items():
        if re.search(rf"(?<=[\d\s]){w}\b", low):
            value *= f
            break
    unit = re.sub(r"(?<=\d)\s?(?:bn|m|k)\b|thousand|million|billion|trillion|[\d,.\s]", "", low).rstrip("s")
    return f"{round(value, 2)} {unit}", written


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
            return _surname(e.text), e.text
    return None


def _surname(name: str) -> str:
    """"Keeper Nerys Caddow" and "Nerys Caddow" are one person; "Idris Maelor" another."""
    return name.split()[-1].lower()


def find_disagreement(question: str, hits: list[Hit], min_share: float = 0.5) -> Disagreement | None:
    """Different values for what the question asks, from different stories among the hits.

    A report's claim is its sentence that holds the kind asked for and, with the article's title, shares at
    least ``min_share`` of the question's terms (a third for a sum of money or a length of time, whose kind
    alone says much). For a date or a name, the sentence must also hold one of the question's terms that
    most retrieved paragraphs lack (``"first sighted"`` in a story about an escape), and for a date it must
    tell of the event the question's verb names (``_event``): nearly every report dates something, and a
    day on which something else happened is not a rival answer.
    """
    kind = expected_kind(question)
    if kind is None:
        return None
    counted = counted_thing(question)
    event = _event(question) if kind == "date" else None
    asked = set(content_terms(question))
    if not asked:
        return None
    specific = kind not in ("date", "name")
    need = min_share / 1.5 if kind in ("money", "duration") else min_share
    para_terms = [set(content_terms(h.title + " " + h.text)) for h in hits]
    focus = {t for t in asked if sum(t in p for p in para_terms) * 2 < len(hits)}
    claims: list[tuple[tuple[float, float], Claim]] = []
    for i, h in enumerate(hits):
        best = None
        title = set(content_terms(h.title))
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            terms = set(content_terms(sentence))
            share = (len(asked & (terms | title)) / len(asked), len(asked & terms) / len(asked))
            if share[0] < need or not holds_kind(sentence, kind, counted):
                continue
            if not specific and focus and not _holds_focus(terms, focus):
                continue
            if event and not _tells_event(sentence, terms, event):
                continue  # "When was a man detained?": the day a painting was found missing is no rival
            if best is not None and share <= best[0]:
                continue
            found = (_number(sentence, counted) if kind == "number" else _date(h, s, e) if kind == "date"
                     else _amount(sentence, MONEY) if kind == "money" else _amount(sentence, DURATION)
                     if kind == "duration" else _name(sentence, question))
            if found:  # the report's best sentence that gives a value
                best = (share, Claim(found[0], found[1], i, sentence, h.outlet))
        if best is not None:
            claims.append(best)
    # one claim per outlet (its sentence closest to the question), one per value
    by_outlet: dict[str, Claim] = {}
    for _, c in sorted(claims, key=lambda sc: (-sc[0][0], -sc[0][1])):
        by_outlet.setdefault(c.outlet, c)
    distinct: dict[str, Claim] = {}
    for c in by_outlet.values():
        distinct.setdefault(c.value, c)
    stories = {hits[c.hit].article_id for c in distinct.values()}
    if len(distinct) < 2 or len(stories) < 2:
        return None
    return Disagreement(kind, tuple(distinct.values()))


_LIGHT_VERBS = {"be", "have", "do", "take", "make", "get", "go", "happen", "say", "begin", "start", "come", "due"}


def _event(question: str) -> tuple[str, str] | None:
    """The main verb of a question about when something happened, as lemma and as written ("When was a man
    detained?" -> ("detain", "detained")), unless it is a light verb that names no event of its own ("take
    place", "happen")."""
    doc = parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # the root when it is a verb ("did the ballot close", parsed as an adjective with "did"), else the first
    # verb ("When was the painting stolen": the root is "was")
    tokens = ([root] if root is not None else []) + [t for t in doc if t is not root]
    for t in tokens:
        verb = t.pos_ == "VERB" or (t is root and any(c.dep_ == "aux" and c.lemma_ == "do" for c in t.children))
        if verb and t.lemma_.lower() not in _LIGHT_VERBS:
            return t.lemma_.lower(), t.text.lower()
    return None


def _tells_event(sentence: str, terms: set[str], event: tuple[str, str]) -> bool:
    """The sentence tells of the event asked about: the verb's word ("detained"), or its lemma in the parse
    ("stole" for "stolen")."""
    if _holds_focus(terms, set(event)):
        return True
    return any(t.lemma_.lower() == event[0] for t in parse(sentence))


def _holds_focus(terms: set[str], focus: set[str]) -> bool:
    """A focus term, or a word it begins ("work" in "workers")."""
    return any(t == f or (len(f) >= 4 and t.startswith(f)) for t in terms for f in focus)
