"""Tune the retrieval constants by k-fold cross-validation on the dev questions; report held-out figures.

    .venv/bin/python eval/tune.py [--bench ../shared/bench/realtimeqa] [--folds 5] [--json FILE]

The benchmark corpus is indexed once (in the eval's own data folder). For every answerable
dev question the dense and BM25 candidates (as of its date) and the candidates' ages are
computed once; fusion is then recomputed for every point of a grid over ``rrf_k``,
``bm25_weight`` (dense weight 1), ``recency_days`` and ``recency_boost``. In each fold the
point with the best MRR@10 (then recall@5, then closeness to the current defaults) on the
other folds is chosen and scored on the held-out fold. Printed: per fold the point chosen,
its figures on the folds tuned on and on the fold held out; the mean and spread of both; the
current defaults scored the same way; and the point chosen on all dev questions (the one to
make the default). The curated set (eval/questions.jsonl) is never used here.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import statistics
import sys
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluation.metrics import retrieval_scores  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402
from assistant.filters import Filters  # noqa: E402
from assistant.retrieval import fuse  # noqa: E402

DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "realtimeqa"
GRID = {
    "rrf_k": [5, 10, 20, 40, 60],
    "bm25_weight": [0.7, 1.0, 1.3, 1.6, 2.0],
    "recency_days": [0.0, 7.0, 14.0, 30.0],
    "recency_boost": [0.5, 1.0, 2.0, 3.0],
}


def bench_assistant(bench: Path) -> Assistant:
    """The extractive assistant over the benchmark corpus, in the eval's own data folder (indexed once)."""
    base = Settings.from_env(generator="extractive")
    key = hashlib.sha1(str((bench / "corpus.jsonl").resolve()).encode()).hexdigest()[:10]
    a = Assistant(settings=replace(base, data_dir=Path(base.data_dir) / "eval" / key))
    a.ingest([bench / "corpus.jsonl"], prune=True, progress=False)
    return a


def fold_of(qid: str, folds: int) -> int:
    """A stable fold per question (by its id), so every run splits the same way."""
    return int(hashlib.sha256(qid.encode()).hexdigest(), 16) % folds


def candidates(a: Assistant, questions) -> list[dict]:
    """Per question: dense and BM25 rankings (best 50) and each candidate's age in days at its as-of date."""
    out = []
    n = a.settings.candidates
    for q in questions:
        f = Filters(as_of=q.as_of)
        dense = [pid for pid, _ in a.index.dense(a.embedder.embed_query(q.question), n, f)]
        sparse = [pid for pid, _ in a.index.lexical_search(q.question, n, f)]
        ages = {}
        if q.as_of:
            table = a.index.table
            for pid in set(dense) | set(sparse):
                day = table.day(pid.rpartition("#p")[0])
                if day is not None:
                    ages[pid] = q.as_of.toordinal() - day
        out.append({"dense": {p: r for r, p in enumerate(dense, 1)}, "bm25": {p: r for r, p in enumerate(sparse, 1)},
                    "ages": ages, "gold": list(q.gold_paragraphs)})
    return out


def score(cands: list[dict], settings: Settings) -> dict:
    ranked = []
    for c in cands:
        fused = fuse(c["dense"], c["bm25"], c["ages"], settings)
        ranked.append([pid for pid, _ in sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:10]])
    return retrieval_scores(ranked, [c["gold"] for c in cands])


def points(base: Settings) -> list[Settings]:
    keys = list(GRID)
    return [replace(base, **dict(zip(keys, values))) for values in itertools.product(*(GRID[k] for k in keys))]


def distance(s: Settings, base: Settings) -> float:
    """How far a point is from the current defaults (ties are broken towards them)."""
    return sum(abs(GRID[k].index(getattr(s, k)) - GRID[k].index(getattr(base, k))) if getattr(base, k) in GRID[k] else 0
               for k in GRID)


def best(cands: list[dict], grid: list[Settings], base: Settings) -> tuple[Settings, dict]:
    scored = [(s, score(cands, s)) for s in grid]
    return max(scored, key=lambda t: (round(t[1]["mrr@10"], 4), round(t[1]["recall@5"], 4), -distance(t[0], base)))


def describe(s: Settings) -> str:
    return ", ".join(f"{k}={getattr(s, k):g}" for k in GRID)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    a = bench_assistant(args.bench)
    base = a.settings
    questions = [q for q in load_questions(args.bench / "questions_dev.jsonl") if q.answerable and q.gold_paragraphs]
    cands = candidates(a, questions)
    grid = points(base)
    print(f"{len(questions)} answerable dev questions, {args.folds} folds, {len(grid)} grid points")

    rows = []
    for k in range(args.folds):
        tune = [c for c, q in zip(cands, questions) if fold_of(q.id, args.folds) != k]
        held = [c for c, q in zip(cands, questions) if fold_of(q.id, args.folds) == k]
        chosen, tuned = best(tune, grid, base)
        rows.append({"fold": k, "chosen": describe(chosen), "tuned": tuned, "held_out": score(held, chosen),
                     "defaults_held_out": score(held, base), "n": len(held)})

    def stat(name: str, metric: str) -> str:
        vals = [r[name][metric] for r in rows]
        return f"{statistics.mean(vals):.3f} ± {statistics.pstdev(vals):.3f}"

    print(f"\n{'fold':4} {'n':>3}  {'tuned on R@1/R@5/MRR':24} {'held out R@1/R@5/MRR':24} point chosen")
    for r in rows:
        t, h = r["tuned"], r["held_out"]
        print(f"{r['fold']:4} {r['n']:3}  {t['recall@1']:.3f} {t['recall@5']:.3f} {t['mrr@10']:.3f}{'':6} "
              f"{h['recall@1']:.3f} {h['recall@5']:.3f} {h['mrr@10']:.3f}{'':6} {r['chosen']}")
    print("\nmean ± spread over folds      R@1            R@5            MRR@10")
    for label, name in (("tuned on (the other folds)", "tuned"), ("held out (tuned elsewhere)", "held_out"),
                        ("current defaults, held out", "defaults_held_out")):
        print(f"{label:29} {stat(name, 'recall@1'):14} {stat(name, 'recall@5'):14} {stat(name, 'mrr@10')}")
    final, final_scores = best(cands, grid, base)
    print(f"\ncurrent defaults: {describe(base)}")
    print(f"chosen on all dev questions: {describe(final)} "
          f"(on dev itself: R@1 {final_scores['recall@1']:.3f}, R@5 {final_scores['recall@5']:.3f}, MRR {final_scores['mrr@10']:.3f}; "
          "expect the held-out figures above on new questions)")
    if args.json:
        args.json.write_text(json.dumps({"folds": rows, "chosen_on_all": describe(final), "defaults": describe(base)},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
