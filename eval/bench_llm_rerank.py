"""Would the local model re-rank the top paragraphs better? Measured on the answerable dev questions (not adopted).

    .venv/bin/python eval/bench_llm_rerank.py [--depth 5] [--limit N]

For every answerable dev question, the assistant's own top ``depth`` paragraphs (hybrid search and the fitted
re-ranker, as of the question's date) are each shown to the packaged chat model (Qwen2.5-Coder-1.5B on llama.cpp)
with the question, and its log-odds of answering "Yes" to "Does the paragraph state the answer?" are read from
the first token's log-probabilities (no text is generated). The paragraphs are then ordered by that score alone,
and by the score minus ``w`` times the paragraph's rank, ``w`` chosen in 5-fold cross-validation over 8 random
splits (the folds held out never choose it). Printed: recall@1 of the assistant's order, of the model's order and
of the blend held out, and the seconds the model takes per question.

The assistant's order is the re-ranker fitted on these very questions, so its recall@1 here is the in-sample
figure; the blend's gain is measured against it on the same questions.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant.evaluation.questions import load_questions  # noqa: E402
from tune import DEFAULT_BENCH, bench_assistant  # noqa: E402

SYSTEM = ("You judge search results for a news question. Say Yes if the paragraph states the answer to the question, "
          "No if it does not. Reply with Yes or No only.")
WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 5.0, 100.0)


def yes_log_odds(llm, question: str, hit) -> float:
    text = " ".join(hit.text.split()[:160])
    user = f"Question: {question}\nParagraph ({hit.title}, {hit.published}): {text}\nDoes the paragraph state the answer?"
    out = llm.create_chat_completion(messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}],
                                     temperature=0.0, max_tokens=1, logprobs=True, top_logprobs=10)
    top = out["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
    seen: dict[str, float] = {}
    for t in top:
        seen.setdefault(t["token"].strip().lower(), t["logprob"])
    return float(seen.get("yes", -30.0) - seen.get("no", -30.0))


def order(row: dict, w: float) -> list[str]:
    idx = sorted(range(len(row["ranked"])), key=lambda i: -(row["llm"][i] - w * i))
    return [row["ranked"][i] for i in idx]


def recall1(rows: list[dict], w: float) -> float:
    return sum(order(r, w)[0] in r["gold"] for r in rows) / max(1, len(rows))


def held_out(rows: list[dict], repeats: int = 8, folds: int = 5) -> list[float]:
    out = []
    for rep in range(repeats):
        idx = list(range(len(rows)))
        random.Random(rep).shuffle(idx)
        fold = {i: k % folds for k, i in enumerate(idx)}
        right = 0
        for k in range(folds):
            tuned = [rows[i] for i in range(len(rows)) if fold[i] != k]
            w = max(WEIGHTS, key=lambda x: (recall1(tuned, x), x))
            right += sum(order(rows[i], w)[0] in rows[i]["gold"] for i in range(len(rows)) if fold[i] == k)
        out.append(right / len(rows))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--depth", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="only the first N answerable questions (a quick look)")
    args = ap.parse_args()
    a = bench_assistant(args.bench)
    from llama_cpp import Llama

    from assistant.local_model import ensure_model

    llm = Llama(model_path=str(ensure_model(Path(a.settings.model_dir).expanduser())), n_ctx=2048,
                n_threads=a.settings.llm_threads or os.cpu_count() or 1, n_batch=512, verbose=False, logits_all=True)
    questions = [q for q in load_questions(args.bench / "questions_dev.jsonl") if q.answerable and q.gold_paragraphs]
    questions = questions[: args.limit or len(questions)]
    rows = []
    for q in questions:
        hits = a.search(q.question, k=args.depth, as_of=q.as_of)
        t = time.perf_counter()
        scores = [yes_log_odds(llm, q.question, h) for h in hits]
        rows.append({"gold": set(q.gold_paragraphs), "ranked": [h.paragraph_id for h in hits], "llm": scores,
                     "seconds": time.perf_counter() - t})
    blend = held_out(rows)
    print(f"{len(rows)} answerable dev questions, top {args.depth} paragraphs each")
    print("| order | recall@1 |\n|---|---|")
    print(f"| the assistant's (re-ranker fitted on these questions) | {recall1(rows, 100.0):.3f} |")
    print(f"| the local model's yes log-odds alone | {recall1(rows, 0.0):.3f} |")
    print(f"| blend, weight chosen by 5-fold CV, held out (8 splits) | {statistics.mean(blend):.3f} "
          f"(min {min(blend):.3f}, max {max(blend):.3f}) |")
    print(f"model time per question: p50 {statistics.median(r['seconds'] for r in rows):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
