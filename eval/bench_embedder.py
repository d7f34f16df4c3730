"""Benchmark the two ways of running the packaged MiniLM: torch (float32) and ONNX Runtime (int8).

    .venv/bin/python eval/bench_embedder.py [--bench ../shared/bench/realtimeqa] [--limit N]

In one run, for each embedder: a full ingest of the benchmark corpus into a fresh index
(paragraphs/s, embedding included), dense-only retrieval on the answerable dev questions
(recall@1/5, MRR@10, as of each question's date), and the time to embed one question with
1 and 2 threads on a quiet machine and while another process keeps one core busy (as an
ingest would). Prints a table and the adoption rule's verdict: ONNX becomes the default only
if its dense recall@5 is within 0.01 of torch's and its ingest at least 2x faster. The
float32 ONNX export gives torch's own vectors (same recall by construction), measured beside.
The benchmark's text is read at run time and never copied.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluation.metrics import retrieval_scores  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402

DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "realtimeqa"


def _spin(stop) -> None:
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def query_latency(settings: Settings, questions: list[str], threads: int, busy: bool) -> float:
    """p50 ms to embed one question with ``threads`` threads (a fresh embedder for the setting)."""
    from assistant.embedder import make_embedder

    s = Settings(**{**settings.__dict__, "query_threads": threads, "torch_threads": threads})
    emb = make_embedder(s)
    if s.embedder == "torch":
        import torch

        torch.set_num_threads(threads)
    emb.embed_query("warm up")
    stop = multiprocessing.Event()
    spinner = multiprocessing.Process(target=_spin, args=(stop,)) if busy else None
    if spinner:
        spinner.start()
        time.sleep(0.5)
    try:
        times = []
        for q in questions:
            t = time.perf_counter()
            emb.embed_query(q)
            times.append((time.perf_counter() - t) * 1000)
    finally:
        if spinner:
            stop.set()
            spinner.join()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (quick check)")
    args = ap.parse_args()
    rows = [json.loads(line) for line in (args.bench / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="bench-embedder-"))
    corpus = work / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    ids = {r["id"] for r in rows}
    questions = load_questions(args.bench / "questions_dev.jsonl")
    answerable = [q for q in questions if q.answerable and all(p.split("#")[0] in ids for p in q.gold_paragraphs)]
    texts = [q.question for q in questions[:60]]
    print(f"corpus: {len(rows)} articles; {len(answerable)} answerable questions")

    results = {}
    for name in ("torch", "onnx", "onnx-int8"):
        settings = Settings(data_dir=work / name, generator="extractive", embedder=name)
        a = Assistant(settings=settings)
        a.embedder.embed(["warm up the model"])
        report = a.ingest([corpus], progress=False)
        paragraphs = report.added
        ranked = [[h.paragraph_id for h in a.search(q.question, 10, as_of=q.as_of, mode="dense")] for q in answerable]
        scores = retrieval_scores(ranked, [q.gold_paragraphs for q in answerable])
        lat = {(t, busy): query_latency(settings, texts, t, busy) for t in (1, 2) for busy in (False, True)}
        results[name] = {"seconds": report.seconds, "rate": paragraphs / report.seconds, **scores, "latency": lat}
        a.index.close()

    print(f"\n{'embedder':9} {'ingest s':>9} {'para/s':>7} {'R@1':>6} {'R@5':>6} {'MRR@10':>7} "
          f"{'q 1t':>6} {'q 2t':>6} {'q 1t busy':>10} {'q 2t busy':>10}")
    for name, r in results.items():
        lat = r["latency"]
        print(f"{name:9} {r['seconds']:9.1f} {r['rate']:7.1f} {r['recall@1']:6.3f} {r['recall@5']:6.3f} {r['mrr@10']:7.3f} "
              f"{lat[(1, False)]:6.1f} {lat[(2, False)]:6.1f} {lat[(1, True)]:10.1f} {lat[(2, True)]:10.1f}")
    t = results["torch"]
    for name in ("onnx", "onnx-int8"):
        o = results[name]
        speed = o["rate"] / t["rate"]
        drop = t["recall@5"] - o["recall@5"]
        verdict = "meets" if drop <= 0.01 and speed >= 2.0 else "misses"
        print(f"{name}/torch: ingest {speed:.2f}x (rule: >= 2), dense recall@5 {o['recall@5']:.3f} vs {t['recall@5']:.3f} "
              f"(rule: within 0.01): {verdict} the adoption rule")
    print("query embedding: ms per question, p50 (busy: another process keeps one core busy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
