"""Near-miss refusals in one table: questions that name a story's people and places but ask what no report says.

    .venv/bin/python eval/bench_refusal.py [--generator extractive]

Runs ``assistant eval`` on
- the near-miss dev questions (``eval/multilingual/editor_unanswerable_en.jsonl``, over the editor dev articles), and
- the blind set ``eval/refusal_blind/`` (near misses and answerable controls written by a helper who never saw the
  rules; read only this table for it, never its questions),
and prints refusal recall, wrong refusals and accuracy for each. The RealTimeQA unanswerables (``assistant eval``
on the benchmark) are mostly about stories the corpus lacks; these are the harder case.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(corpus: Path, questions: Path, generator: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-m", "assistant", "eval", "--generator", generator, "--no-baselines", "--json",
             "--corpus", str(corpus), "--questions", str(questions), "--report", tmp],
            cwd=REPO, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"assistant eval failed on {questions}: {out.stderr.strip()[-500:]}")
    return json.loads(out.stdout[out.stdout.index("{"):])["summary"]["ours"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generator", default="extractive")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"  # the editor dev articles in one folder
        articles.mkdir()
        for folder in ("editor", "editor_heldout"):
            for f in (REPO / "eval" / folder / "articles").iterdir():
                shutil.copy(f, articles / f.name)
        rows = {
            "near-miss dev (editor_unanswerable_en)": run(
                articles, REPO / "eval" / "multilingual" / "editor_unanswerable_en.jsonl", args.generator),
            "**refusal_blind** (blind)": run(
                REPO / "eval" / "refusal_blind" / "articles", REPO / "eval" / "refusal_blind" / "questions.jsonl",
                args.generator),
        }
    print("| set | unanswerable | refusal recall | answerable | wrong refusals | accuracy |")
    print("|---|---|---|---|---|---|")
    for name, s in rows.items():
        cells = [s.get("unanswerable"), s.get("refusal_recall"), s.get("answerable"), s.get("wrong_refusal_rate"),
                 s.get("accuracy")]
        print(f"| {name} | " + " | ".join("–" if c is None else (f"{c:.3f}" if isinstance(c, float) else str(c))
                                         for c in cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
