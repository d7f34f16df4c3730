"""Run a question set through the assistant (and the baselines) and score every answer."""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date as _date

from ..support import SupportChecker, _norm_quote, quoted_spans, source_label
from ..types import Answer, Hit
from .editor import editor_score, summarize_editor
from .metrics import distinct_stories, fact_present, ranked_ids, retrieval_scores
from .questions import EvalQuestion

SYSTEMS = {"ours": "hybrid", "dense-only": "dense", "bm25-only": "bm25"}


@dataclass
class SentenceResult:
    text: str
    citations: list[str]  # paragraph ids
    supported: bool  # jointly, by all its citations
    precise: list[bool]  # per citation: it supports the sentence, or the sentence needs it
    reasons: list[str]
    judge_supported: bool | None = None  # the same, by the local model's P(yes) (--judge local)
    judge_precise: list[bool] | None = None


@dataclass
class QuestionResult:
    id: str
    question: str
    answerable: bool
    kind: str
    as_of: str | None
    answer: str
    refused: bool
    citations: list[dict]
    ranked: list[str]  # top-10 paragraph ids, for retrieval metrics
    gold: list[str]
    facts: list[bool]  # per answer fact: present in the answer
    lenient: bool  # some answer fact occurs in a cited paragraph
    cited_hold_answer: list[bool] = field(default_factory=list)  # per cited paragraph: it holds a gold answer fact
    sentences: list[SentenceResult] = field(default_factory=list)
    quotes: int = 0
    quotes_ok: int = 0
    seconds: float = 0.0
    first_text_s: float | None = None  # time to the first streamed words
    generator: str = ""  # who wrote the answer (after any fallback)
    fallback: bool = False  # the verifier found nothing supported and the extractive generator answered
    kept_sentences: int = 0  # drafted sentences the verifier kept
    drafted_sentences: int = 0
    editor: dict = field(default_factory=dict)  # the editor kinds' scores (``editor``): date_resolved, ...
    distinct_top5: float = 1.0  # share of the top-5 hits that are distinct stories (copies folded into one hit)
    folded_top5: int = 0  # copies in other outlets folded into those hits

    @property
    def correct(self) -> bool:
        return self.answerable and not self.refused and bool(self.facts) and all(self.facts)


def run_questions(assistant, questions: list[EvalQuestion], mode: str = "hybrid", checker: SupportChecker | None = None,
                  progress: bool | None = None, label: str = "", judge=None, judge_sample: int = 0) -> list[QuestionResult]:
    """``judge``: the local model's P(yes) on the first ``judge_sample`` questions (all when 0), a fixed sample."""
    from tqdm import tqdm

    checker = checker or SupportChecker()
    out = []
    for q in tqdm(questions, desc=label or mode, unit="question", file=sys.stderr,
                  disable=None if progress is None else not progress):
        first: list[float] = []
        t = time.perf_counter()

        def on_text(_text: str, first=first, t=t) -> None:
            if not first:
                first.append(time.perf_counter() - t)

        answer, hits = assistant.answer(q.question, as_of=q.as_of, mode=mode, on_text=on_text)
        seconds = time.perf_counter() - t
        top = assistant.search(q.question, 10, as_of=q.as_of, mode=mode)
        ranked = ranked_ids(top, q.gold_paragraphs)
        result = score_answer(q, answer, hits, ranked, seconds, checker)
        result.distinct_top5, result.folded_top5 = distinct_stories(top, 5)
        if judge is not None and (not judge_sample or len(out) < judge_sample):
            judge_answer(result, answer, judge)
        result.first_text_s = first[0] if first else None
        out.append(result)
    return out


def score_answer(q: EvalQuestion, answer: Answer, hits: list[Hit], ranked: list[str], seconds: float,
                 checker: SupportChecker) -> QuestionResult:
    def label(c) -> str:
        return source_label(c.title, _date.fromisoformat(c.published), c.dates)

    facts = [fact_present(answer.text, f.variants) for f in q.answer_facts] if not answer.refused else [False] * len(q.answer_facts)
    cited_text = " ".join(c.quote for c in answer.citations)
    lenient = (not answer.refused) and any(fact_present(cited_text, f.variants) for f in q.answer_facts)
    # Judged without the verifier: does each cited paragraph hold the gold answer?
    hold = [any(fact_present(c.quote, f.variants) for f in q.answer_facts)
            for c in answer.citations] if q.answerable and q.answer_facts and not answer.refused else []
    sentences = []
    quotes = quotes_ok = 0
    for s in answer.sentences:
        cites = [answer.citations[m - 1] for m in s.citations]
        joint = checker.check(s.text, "\n".join(c.quote for c in cites), " ".join(label(c) for c in cites))
        precise = []
        for i, c in enumerate(cites):
            alone = checker.check(s.text, c.quote, label(c)).supported
            others = [o for j, o in enumerate(cites) if j != i]
            needed = joint.supported and not (
                others and checker.check(s.text, "\n".join(o.quote for o in others), " ".join(label(o) for o in others)).supported
            )
            precise.append(alone or needed)
        sentences.append(SentenceResult(s.text, [c.paragraph_id for c in cites], joint.supported, precise, list(joint.reasons)))
        for span in quoted_spans(s.text):
            quotes += 1
            quotes_ok += any(_norm_quote(span) in _norm_quote(c.quote) for c in cites)
    v = answer.verification
    return QuestionResult(
        generator=answer.generator,
        fallback=bool(v is not None and v.fallback == "extractive"),
        kept_sentences=v.kept if v is not None else 0,
        drafted_sentences=len(v.sentences) if v is not None else 0,
        id=q.id, question=q.question, answerable=q.answerable, kind=q.kind,
        as_of=q.as_of.isoformat() if q.as_of else None, answer=answer.text, refused=answer.refused,
        citations=[c.to_json() for c in answer.citations], ranked=ranked, gold=list(q.gold_paragraphs),
        facts=facts, lenient=lenient, cited_hold_answer=hold, sentences=sentences, quotes=quotes, quotes_ok=quotes_ok, seconds=seconds,
        editor=editor_score(q.kind, q.meta.get("expect", {}), answer),
    )


def judge_answer(result: QuestionResult, answer: Answer, judge) -> None:
    """Citation support by the local model: jointly for recall, each citation for precision."""
    for s, sr in zip(answer.sentences, result.sentences):
        cites = [answer.citations[m - 1] for m in s.citations]
        sr.judge_supported = judge.supports(s.text, "\n\n".join(c.quote for c in cites))
        precise = []
        for i, c in enumerate(cites):
            others = [o for j, o in enumerate(cites) if j != i]
            alone = judge.supports(s.text, c.quote)
            needed = sr.judge_supported and not (others and judge.supports(s.text, "\n\n".join(o.quote for o in others)))
            precise.append(alone or needed)
        sr.judge_precise = precise


def summarize(results: list[QuestionResult]) -> dict:
    ans = [r for r in results if r.answerable]
    unans = [r for r in results if not r.answerable]
    refused = [r for r in results if r.refused]
    sents = [s for r in results for s in r.sentences]
    cites = [p for s in sents for p in s.precise]
    lat = sorted(r.seconds for r in results)
    with_facts = [r for r in ans if r.facts]
    retrieval = retrieval_scores([r.ranked for r in ans], [r.gold for r in ans])
    retrieval["retrieval_questions"] = retrieval.pop("questions")
    out = {
        "questions": len(results),
        "answerable": len(ans),
        "unanswerable": len(unans),
        **retrieval,
        "distinct_top5": _mean([r.distinct_top5 for r in ans]),
        "folded_top5": _mean([r.folded_top5 > 0 for r in ans]),
        "fact_recall": _mean([sum(r.facts) / len(r.facts) for r in with_facts]),
        "accuracy": _mean([r.correct for r in with_facts]),
        "lenient_accuracy": _mean([r.lenient for r in with_facts]),
        "cited_hold_answer": _mean([h for r in ans for h in r.cited_hold_answer]),
        "citation_recall": _mean([s.supported for s in sents]),
        "citation_precision": _mean(cites),
        "judge_citation_recall": _mean([s.judge_supported for s in sents if s.judge_supported is not None]),
        "judge_citation_precision": _mean([p for s in sents if s.judge_precise is not None for p in s.judge_precise]),
        "quote_fidelity": (sum(r.quotes_ok for r in results) / q) if (q := sum(r.quotes for r in results)) else None,
        "refusal_precision": _mean([not r.answerable for r in refused]) if refused else None,
        "refusal_recall": _mean([r.refused for r in unans]) if unans else None,
        "wrong_refusal_rate": _mean([r.refused for r in ans]) if ans else None,
        "verifier_kept_share": (sum(r.kept_sentences for r in results) / d) if (d := sum(r.drafted_sentences for r in results)) else None,
        "fallback_share": _mean([r.fallback for r in results if not r.refused]) if results else None,
        "first_text_p50_s": statistics.median(ft) if (ft := sorted(r.first_text_s for r in results if r.first_text_s is not None)) else None,
        "latency_p50_s": statistics.median(lat) if lat else None,
        "latency_p95_s": lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))] if lat else None,
        **summarize_editor([(r.kind, r.editor) for r in results]),
    }
    return out


def _mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def check_thresholds(summary: dict, thresholds: dict) -> list[str]:
    """Each missed threshold as a line; thresholds are {"metric": {"min": x} or {"max": x}}."""
    missed = []
    for metric, bound in thresholds.items():
        value = summary.get(metric)
        if value is None:
            missed.append(f"{metric}: not measured")
            continue
        if "min" in bound and value < bound["min"]:
            missed.append(f"{metric} = {value:.3f} < {bound['min']}")
        if "max" in bound and value > bound["max"]:
            missed.append(f"{metric} = {value:.3f} > {bound['max']}")
    return missed
