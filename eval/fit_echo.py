"""Choose the extractive generator's ``echo_share`` by cross-validation on the dev questions.

    .venv/bin/python eval/fit_echo.py [--bench ../shared/bench/realtimeqa]

A best sentence made mostly of the question's own words ("The list of species Colossal wants to
bring back is growing.") is followed by the next sentence of its paragraph ("The latest addition:
the dodo."). Every dev question is answered by the extractive generator once per value of
``echo_share`` in the grid (above 1: never); in each of 5 folds (the split of eval/tune.py) the
value with the best accuracy on the other folds (ties: the value closest to the default) is scored
on the fold held out. Printed: accuracy per value, per fold the value chosen with its held-in and
held-out accuracy, their mean and spread, and the value chosen on all dev questions. The curated
set is never used.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402
from assistant.evaluation.runner import run_questions  # noqa: E402
from tune import DEFAULT_BENCH, bench_assistant, fold_of  # noqa: E402

GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never


def accuracy(correct: dict[str, bool], ids: list[str]) -> float:
    return sum(correct[i] for i in ids) / len(ids) if ids else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    args = ap.parse_args()
    base = bench_assistant(args.bench)
    default = Settings().echo_share
    questions = [q for q in load_questions(args.bench / "questions_dev.jsonl") if q.answerable]
    correct: dict[float, dict[str, bool]] = {}
    for value in GRID:
        a = Assistant(settings=replace(base.settings, echo_share=value), embedder=base.embedder)
        correct[value] = {r.id: r.correct for r in run_questions(a, questions, progress=False)}
        print(f"echo_share {value:<5g} accuracy {accuracy(correct[value], [q.id for q in questions]):.3f}")
    folds = {q.id: fold_of(q.id, 5) for q in questions}
    held_in, held_out = [], []
    print(f"\n{len(questions)} answerable dev questions, 5 folds")
    for k in range(5):
        train = [i for i, f in folds.items() if f != k]
        test = [i for i, f in folds.items() if f == k]
        chosen = max(GRID, key=lambda v: (accuracy(correct[v], train), -abs(v - default)))
        held_in.append(accuracy(correct[chosen], train))
        held_out.append(accuracy(correct[chosen], test))
        print(f"fold {k}: echo_share {chosen:g}  held in {held_in[-1]:.3f}  held out {held_out[-1]:.3f}"
              f"  (off, same fold: {accuracy(correct[GRID[-1]], test):.3f})")
    off = [accuracy(correct[GRID[-1]], [i for i, f in folds.items() if f == k]) for k in range(5)]
    for label, v in (("chosen, held out", held_out), ("chosen, held in", held_in), ("off, same folds", off)):
        print(f"{label:18} accuracy {statistics.mean(v):.3f} ± {statistics.pstdev(v):.3f}")
    every = [q.id for q in questions]
    print(f"chosen on all dev questions: echo_share {max(GRID, key=lambda v: (accuracy(correct[v], every), -abs(v - default))):g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
