"""Which languages' questions are read in English by the local model (``assistant/translation.py``), and which keep
the quotes matched by multilingual-e5 (``generators/crosslingual.py``): decided per language on dev questions.

    .venv/bin/python eval/fit_translation.py [--write]

The questions are the editor dev questions translated by hand (``eval/multilingual/editor_questions_{ko,es}.jsonl``,
over our own invented articles in ``eval/editor/`` and ``eval/editor_heldout/``) and near-miss unanswerable ones
over the same articles (``editor_unanswerable_{ko,es}.jsonl``); the curated translations
(``eval/multilingual/questions_*.jsonl``) are never used here. Both routes answer every question over the same
index (extractive generator, multilingual search on). A question scores 1 when an unanswerable one is refused;
an answerable one scores 0 when refused, else the mean of its checks (every answer fact present; each editor
metric of its kind: date stated, attribution kept, premise corrected, ...; no false alarm of disagreement).
A language is read in English when that route's mean score is higher; ``--write`` stores the figures and the
choice under ``translate`` in ``assistant/crosslingual_model.json``. Also printed: how long reading the question
in English took (the local model on this machine's cores).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.chain_state import AskRequest  # noqa: E402
from assistant.evaluation.editor import editor_score  # noqa: E402
from assistant.evaluation.metrics import fact_present  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402
from assistant.filters import Filters  # noqa: E402
from assistant.generators.crosslingual import CrossLingualGenerator  # noqa: E402
from assistant.lc import answer_chain  # noqa: E402
from assistant.translation import FITTED_FILE, Translator  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ARTICLES = [REPO / "eval" / "editor" / "articles", REPO / "eval" / "editor_heldout" / "articles"]
LANGUAGES = ("ko", "es")


def score(q, answer) -> float:
    """1 for an unanswerable question refused; for an answerable one the mean of its checks (0 when refused)."""
    if not q.answerable:
        return float(answer.refused)
    if answer.refused:
        return 0.0
    checks = [float(all(fact_present(answer.text, f.variants) for f in q.answer_facts))] if q.answer_facts else []
    for metric, value in editor_score(q.kind, q.meta.get("expect", {}), answer).items():
        checks.append(1.0 - float(value) if metric == "false_disagreement" else float(value))
    return statistics.mean(checks) if checks else 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the per-language choice in crosslingual_model.json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        a = Assistant(settings=Settings(data_dir=Path(tmp), generator="extractive", multilingual=True))
        a.ingest(ARTICLES, progress=False)
        crosslingual = CrossLingualGenerator(a.multilingual)
        timed: list[float] = []

        def complete(messages: list[dict]) -> str:
            t = time.perf_counter()
            out = a.generator_named("local").complete(messages)
            timed.append(time.perf_counter() - t)
            return out

        fitted = {}
        for lang in LANGUAGES:
            questions = [*load_questions(REPO / "eval" / "multilingual" / f"editor_questions_{lang}.jsonl"),
                         *load_questions(REPO / "eval" / "multilingual" / f"editor_unanswerable_{lang}.jsonl")]
            routes = {
                "e5 quotes": answer_chain(a.retriever, a.extractive, a.verifier, a.extractive,
                                          a.settings.time_slack_days, crosslingual, None),
                "read in English": answer_chain(a.retriever, a.extractive, a.verifier, a.extractive,
                                                a.settings.time_slack_days, crosslingual,
                                                Translator(complete, frozenset({lang}))),
            }
            means = {}
            for route, chain in routes.items():
                scores = []
                for q in questions:
                    state = chain.invoke(AskRequest(q.question, Filters.from_values(as_of=q.as_of)))
                    scores.append(score(q, state.answer))
                means[route] = round(statistics.mean(scores), 3)
                answerable = [s for s, q in zip(scores, questions) if q.answerable]
                refused = [s for s, q in zip(scores, questions) if not q.answerable]
                print(f"{lang} | {route}: mean score {means[route]:.3f} over {len(questions)} questions "
                      f"(answerable {statistics.mean(answerable):.3f} of {len(answerable)}, unanswerable refused "
                      f"{sum(refused):.0f}/{len(refused)})", flush=True)
            fitted[lang] = {"e5_quotes": means["e5 quotes"], "read_in_english": means["read in English"],
                            "questions": len(questions),
                            "translate": means["read in English"] > means["e5 quotes"]}
        if timed:
            timed.sort()
            print(f"reading a question in English: p50 {statistics.median(timed):.2f} s, "
                  f"p95 {timed[round(0.95 * (len(timed) - 1))]:.2f} s over {len(timed)} questions")
    print(json.dumps(fitted, indent=2))
    if args.write:
        data = json.loads(FITTED_FILE.read_text(encoding="utf-8"))
        data["translate"] = fitted
        FITTED_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FITTED_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
