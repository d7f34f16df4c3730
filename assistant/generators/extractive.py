"""The instant generator: quote the sentences that best answer the question, each cited.

Each candidate sentence of the retrieved paragraphs gets an evidence score from
cheap, explainable signals: embedding similarity to the question, the share of
the question's content words (weighted by rarity) found in the sentence and in
its paragraph, and whether it holds the kind of thing asked for (a number for
"how many", a date for "when", a name for "who"). Whether to answer at all is one
calibrated decision (``refusal``): P(answerable) from these signals, fitted by
cross-validation; below its threshold the answer is the "cannot answer" response.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..sentences import sentence_spans
from ..settings import Settings
from ..text import STOPWORDS, content_terms, entity_found, key_entities, stem, words
from ..types import Hit
from .base import Draft, DraftSentence, Generator

_NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands)\b",
    re.I,
)
_DATEISH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|yesterday|today|tomorrow|\d{4}|\d{1,2}(?:st|nd|rd|th))\b",
    re.I,
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def expected_kind(question: str) -> str | None:
    """What the question asks for: 'number', 'date', 'name' or None."""
    q = question.lower().strip()
    if re.match(r"^(how many|how much|how long|how old|how far|what percent|what share|by how much)", q) or re.search(r"\bhow (many|much)\b", q):
        return "number"
    if re.match(r"^(when|on what (date|day)|in what year|what year|what date|which year|which day)", q):
        return "date"
    if re.match(r"^(who|whom|whose)\b", q):
        return "name"
    return None


# "... did not specify the exact number", "without providing specific numbers": the
# sentence says the thing asked for is not given, so it cannot be the answer.
_UNDISCLOSED = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|do not|without|not|declined to|refused to)\s+"
    r"(?:specify|specifying|provide|providing|give|giving|disclose|disclosing|reveal|revealing|release|releasing|say|saying)\b"
    r"|\bnot (?:been )?(?:disclosed|released|known|specified|confirmed)\b|\bunclear\b|\bunknown\b",
    re.I,
)


STRICT_COUNT = False


def counted_thing(question: str) -> str | None:
    """What a "how many" question counts: "how many North Korean troops ..." -> "troop"."""
    m = re.search(r"\bhow many\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*s)\b", question, re.I)
    return stem(m.group(2).lower()) if m else None


def holds_kind(sentence: str, kind: str | None, counted: str | None = None) -> bool:
    """Does ``sentence`` hold the kind of thing asked for?

    For "how many X", a sentence that mentions X must put a number right before it
    ("200 casualties" does not count troops).
    """
    if kind is None:
        return True
    if kind == "number":
        if not _NUMBER.search(sentence):
            return False
        if counted:
            tokens = words(sentence)
            places = [i for i, t in enumerate(tokens) if stem(t) == counted]
            if any(_NUMBER.fullmatch(w) for i in places for w in tokens[max(0, i - 4):i]):
                return True  # "200 casualties"
            if places or STRICT_COUNT:
                return False  # "the exact number of troops", with no number
        return not _UNDISCLOSED.search(sentence)
    if _UNDISCLOSED.search(sentence):
        return False
    if kind == "date":
        return bool(_DATEISH.search(sentence))
    if kind == "name":
        return bool(_NAME.search(sentence))
    return True


def focus_term(question: str) -> str | None:
    """The thing a which/what question asks for: "To which airport ..." -> "airport"."""
    m = re.search(r"\b(?:which|what)\s+([\w'’-]+)(?:\s+([\w'’-]+))?", question, re.I)
    if not m:
        return None
    for w in m.groups():
        if w and w.lower() not in STOPWORDS and not w.lower().endswith("ly"):
            return stem(w.lower())
    return None


@dataclass(frozen=True)
class Candidate:
    hit: int  # position in hits
    start: int  # offsets within the paragraph
    end: int
    text: str
    similarity: float = 0.0
    coverage: float = 0.0
    context: float = 0.0
    fits: bool = True
    entities: float = 1.0  # share of the question's names and numbers found in the paragraph
    matched: frozenset = frozenset()  # the question's content words this sentence holds
    score: float = 0.0


class ExtractiveGenerator(Generator):
    name = "extractive"

    def __init__(self, embedder=None, settings: Settings | None = None, refusal=None):
        self.embedder = embedder
        self.settings = settings or Settings()
        self._refusal = refusal  # a RefusalModel; the committed one when None

    def candidates(self, question: str, hits: list[Hit]) -> list[Candidate]:
        """Every sentence of the retrieved paragraphs, scored (best first)."""
        q_terms = set(content_terms(question))
        hit_terms = [set(content_terms(h.title + " " + h.text)) for h in hits]
        weights = _rarity(q_terms, hit_terms)
        total = sum(weights.values()) or 1.0
        kind = expected_kind(question)
        counted = counted_thing(question)
        focus = focus_term(question)
        q_entities = key_entities(question)
        raw: list[Candidate] = []
        for i, hit in enumerate(hits):
            para_terms = hit_terms[i]
            context = sum(w for t, w in weights.items() if t in para_terms) / total
            found = sum(entity_found(e, para_terms) for e in q_entities)
            entities = found / len(q_entities) if q_entities else 1.0
            for s, e in sentence_spans(hit.text):
                text = hit.text[s:e]
                terms = set(content_terms(text))
                coverage = sum(w for t, w in weights.items() if t in terms) / total
                raw.append(Candidate(i, s, e, text, coverage=coverage, context=context,
                                     fits=holds_kind(text, kind, counted), entities=entities,
                                     matched=frozenset(terms & q_terms)))
        if not raw:
            return []
        # Embedding similarity only for the lexically most promising sentences: keeps ask fast.
        raw.sort(key=lambda c: -(c.coverage + 0.5 * c.context))
        raw = raw[: self.settings.sentence_pool]
        sims = self._similarities(question, [c.text for c in raw])
        scored = []
        for c, sim in zip(raw, sims):
            score = 0.45 * max(sim, 0.0) + 0.35 * c.coverage + 0.20 * c.context
            if not c.fits:
                score *= 0.5
            if focus and focus in c.matched | set(content_terms(c.text)):
                score += 0.1  # holds the thing asked for ("which airport" -> "... Airport")
            score *= c.entities
            scored.append(Candidate(c.hit, c.start, c.end, c.text, float(sim), c.coverage, c.context,
                                    c.fits, c.entities, c.matched, score))
        scored.sort(key=lambda c: -c.score)
        return scored

    def _similarities(self, question: str, texts: list[str]) -> np.ndarray:
        if self.embedder is None:
            return np.zeros(len(texts))
        vecs = self.embedder.embed([question] + texts)
        return vecs[1:] @ vecs[0]

    @property
    def refusal(self):
        if self._refusal is None:
            from ..refusal import default_model

            self._refusal = default_model()
        return self._refusal

    def decide(self, question: str, hits: list[Hit], ranked: list[Candidate] | None = None) -> tuple[bool, dict]:
        """(refuse?, notes): the calibrated refusal decision on these paragraphs (``refusal``)."""
        from ..refusal import Signals

        ranked = self.candidates(question, hits) if ranked is None else ranked
        signals = Signals.of(question, hits, ranked[0] if ranked else None)
        p = self.refusal.p_answerable(signals)
        notes = {"best_score": ranked[0].score if ranked else 0.0, "p_answerable": round(p, 4), "signals": signals.to_json()}
        return (not ranked or self.refusal.refuses(signals)), notes

    def generate(self, question: str, hits: list[Hit], as_of: date | None = None, on_text=None) -> Draft:
        ranked = self.candidates(question, hits)
        refuse, notes = self.decide(question, hits, ranked)
        if refuse:
            return Draft(refused=True, notes=notes)
        best = ranked[0]
        chosen = [best]
        covered = set(best.matched)
        for c in ranked[1:]:
            if len(chosen) >= self.settings.max_sentences:
                break
            if any(_redundant(c.text, o.text) for o in chosen):
                continue
            close = c.fits and c.score >= max(self.settings.min_support, 0.85 * best.score)
            # A multi-part question: a relevant sentence that answers a part not yet covered.
            adds = len(c.matched - covered) >= 2 and c.score >= 0.75 * self.settings.min_support
            if close or adds:
                chosen.append(c)
                covered |= c.matched
        # Reading order: by retrieval rank of the paragraph, then position within it.
        chosen.sort(key=lambda c: (c.hit, c.start))
        sentences = tuple(DraftSentence(c.text, (c.hit,)) for c in chosen)
        if on_text is not None:
            on_text(" ".join(s.text for s in sentences))
        return Draft(sentences=sentences, notes=notes)


def _rarity(q_terms: set[str], docs: list[set[str]]) -> dict[str, float]:
    """Weight each question term by how rare it is among the retrieved paragraphs (plus one)."""
    n = len(docs) + 1
    out = {}
    for t in q_terms:
        df = sum(1 for d in docs if t in d)
        out[t] = math.log(1 + n / (1 + df)) + 0.5
    return out


def _redundant(a: str, b: str) -> bool:
    ta, tb = set(content_terms(a)), set(content_terms(b))
    if not ta or not tb:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) > 0.7
