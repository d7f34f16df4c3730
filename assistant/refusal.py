"""Whether the retrieved paragraphs answer the question: one calibrated probability, one decision.

The signals are the ones the answer path computes anyway: how well the best sentence
matches the question (its evidence score, embedding similarity, rarity-weighted word
coverage, and that of its paragraph), how many of the question's names the retrieved
paragraphs miss, whether the dense and BM25 rankings agree on the top paragraph, and the
best fused retrieval score among the paragraphs. A logistic regression turns them into P(answerable);
a question whose subject names something no retrieved paragraph mentions ("What did China
say ...?") is refused whatever its score (spaCy's parse finds the subject; a missing name
elsewhere, "on which TV show", "which Japanese island", only lowers the probability);
its coefficients and threshold are fitted by cross-validation on the benchmark's dev
questions (``eval/fit_refusal.py``) and committed in ``refusal_model.json``. Below the
threshold the assistant answers that the corpus does not say.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from .text import content_terms, entity_found, key_entities
from .types import Hit

MODEL_FILE = Path(__file__).with_name("refusal_model.json")
_NUMBER = re.compile(r"[\d.]+")


@dataclass(frozen=True)
class Signals:
    best: float  # evidence score of the best sentence (0..1)
    similarity: float  # its embedding similarity to the question
    coverage: float  # share of the question's words (rarity-weighted) in it
    context: float  # the same for its paragraph
    absent_share: float  # share of the question's names no retrieved paragraph mentions
    agree: float  # 1 when the top paragraph is in the top 5 of both the dense and the BM25 ranking
    fused: float  # the best fused retrieval score among the paragraphs (the re-ranker may put another first)
    missing_names: tuple[str, ...] = ()  # names (not numbers) in the question's subject no retrieved paragraph mentions

    @classmethod
    def of(cls, question: str, hits: list[Hit], best) -> "Signals":
        """``best``: the best candidate sentence (``ExtractiveGenerator.candidates()[0]``) or None."""
        names = key_entities(question)
        terms = [set(content_terms(h.title + " " + h.text)) for h in hits]
        absent = [e for e in names if not any(entity_found(e, t) for t in terms)]
        missing = tuple(e for e in absent if not _NUMBER.fullmatch(e.replace(",", "")))
        missing = tuple(e for e in missing if e in subject_names(question, missing))
        top = hits[0] if hits else None
        agree = bool(top and top.dense_rank and top.bm25_rank and top.dense_rank <= 5 and top.bm25_rank <= 5)
        share = len(absent) / len(names) if names else 0.0
        fused = max((h.score for h in hits), default=0.0)
        if best is None:
            return cls(0.0, 0.0, 0.0, 0.0, share, float(agree), fused, missing)
        return cls(best.score, best.similarity, best.coverage, best.context, share, float(agree), fused, missing)

    def values(self) -> dict[str, float]:
        """The numeric signals the regression weighs."""
        return {k: v for k, v in asdict(self).items() if k != "missing_names"}

    def to_json(self) -> dict:
        return {**{k: round(v, 4) for k, v in self.values().items()}, "missing_names": list(self.missing_names)}


def subject_names(question: str, names) -> set[str]:
    """Those of ``names`` that stand in a subject of the question (with all its modifiers): "China" in "What
    did China say about the treaty?", "United States" in "What did the United States government say?", not
    "TV" in "He was best known for which TV show?", nor a nationality ("Japanese", reported as "Japan's")."""
    if not names:
        return set()
    from .nlp import parse

    doc = parse(question)
    inside = {t.i for tok in doc if tok.dep_ in ("nsubj", "nsubjpass") for t in tok.subtree}
    out = set()
    for name in names:
        at = question.find(name)
        tokens = [t for t in doc if at >= 0 and t.idx < at + len(name) and t.idx + len(t) > at]
        if tokens and all(t.i in inside for t in tokens) and not all(t.ent_type_ == "NORP" for t in tokens):
            out.add(name)
    return out


@dataclass(frozen=True)
class RefusalModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]  # bias first, then one per standardised signal
    threshold: float  # refuse below this P(answerable)

    @classmethod
    def from_json(cls, data: dict) -> "RefusalModel":
        return cls(tuple(data["names"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]),
                   float(data["threshold"]))

    def p_answerable(self, s: Signals) -> float:
        values = s.values()
        z = self.weights[0] + sum(w * (values[n] - m) / sd for n, m, sd, w in zip(self.names, self.mean, self.scale, self.weights[1:]))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def refuses(self, s: Signals) -> bool:
        """Below the threshold; or the question's subject names someone or something no retrieved paragraph
        mentions ("What did China say ...?" over reporting that never names China): evidence about something
        else cannot answer it, however close it reads."""
        return bool(s.missing_names) or self.p_answerable(s) < self.threshold


@lru_cache(maxsize=1)
def default_model() -> RefusalModel:
    return RefusalModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
