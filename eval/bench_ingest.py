"""Benchmark ingest, re-ingest, ask latency and retrieval quality on the RealTimeQA corpus.

    .venv/bin/python eval/bench_ingest.py [--bench ../shared/bench/realtimeqa] [--limit N]

In one run: a raw embedding of every paragraph, longest first (the baseline),
our full ``ingest`` of the same corpus into a fresh Chroma folder, the ratio of the
two speeds, re-ingest of the unchanged corpus, warm ``ask`` latency (extractive),
and paragraph recall@5 / MRR@10 of hybrid, dense-only and BM25-only retrieval on
the answerable dev questions (each question's ``question_date`` is its as-of date).
The benchmark's text is read at run time and never copied.
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
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluation.metrics import ranked_ids, retrieval_scores  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402

DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "realtimeqa"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (quick check)")
    ap.add_argument("--asks", type=int, default=40, help="questions timed for ask latency")
    ap.add_argument("--index", type=Path, help="reuse this data folder's index: skip the ingest timings")
    args = ap.parse_args()
    corpus = args.bench / "corpus.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    subset = work / "corpus.jsonl"
    subset.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    paragraphs = [p.strip() for r in rows for p in r["body"].split("\n\n") if p.strip()]
    print(f"corpus: {len(rows)} articles, {len(paragraphs)} paragraphs")

    a = Assistant(settings=Settings(data_dir=args.index or work / "data", generator="extractive"))
    a.embedder.embed(paragraphs[:64])  # loads and warms the model, shared by both timings
    if args.index:
        a.ingest([subset], progress=False)
    else:
        time_ingest(a, paragraphs, subset)
    latency_and_retrieval(a, args, rows)
    return 0


def time_ingest(a, paragraphs, subset) -> None:
    t = time.perf_counter()
    # the raw call, as sentence-transformers' encode does it: longest first, in model batches
    a.embedder.embed(sorted(paragraphs, key=len, reverse=True))
    raw = time.perf_counter() - t
    report = a.ingest([subset], progress=False)
    ours = report.seconds
    print(f"raw encode ({a.settings.embedder}): {raw:8.1f} s  {len(paragraphs) / raw:7.1f} paragraphs/s")
    print(f"our ingest:      {ours:8.1f} s  {len(paragraphs) / ours:7.1f} paragraphs/s  ({report.embedded} windows embedded)")
    print(f"ingest speed / raw encode speed: {raw / ours:.2f}  (target >= 0.85)")
    re_report = a.ingest([subset], progress=False)
    print(f"re-ingest unchanged: {re_report.seconds:.2f} s, {re_report.embedded} embedded  (target: 0 embedded, < 3 s)")


def latency_and_retrieval(a, args, rows) -> None:

    questions = load_questions(args.bench / "questions_dev.jsonl")
    ids = {r["id"] for r in rows}
    answerable = [q for q in questions if q.answerable and all(p.split("#")[0] in ids for p in q.gold_paragraphs)]
    timed = questions[: args.asks]
    a.ask(timed[0].question, as_of=timed[0].as_of)  # warm
    lat = []
    for q in timed:
        t = time.perf_counter()
        a.ask(q.question, as_of=q.as_of)
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
    print(f"warm ask (extractive), {len(lat)} questions: p50 {statistics.median(lat):.0f} ms, p95 {p95:.0f} ms  (target p50 < 150 ms)")

    print(f"\nretrieval on {len(answerable)} answerable dev questions (as of each question_date):")
    print(f"{'mode':8} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}")
    for mode in ("hybrid", "dense", "bm25"):
        ranked = [ranked_ids(a.search(q.question, 10, as_of=q.as_of, mode=mode), q.gold_paragraphs) for q in answerable]
        s = retrieval_scores(ranked, [q.gold_paragraphs for q in answerable])
        print(f"{mode:8} {s['recall@1']:6.3f} {s['recall@3']:6.3f} {s['recall@5']:6.3f} {s['recall@10']:6.3f} {s['mrr@10']:7.3f}")
    copied = a.catalog._rows("SELECT COUNT(*) FROM paragraphs WHERE copy_group != '' AND copy_group != id")[0][0]
    folded = [sum(len(h.copies) for h in a.search(q.question, 5, as_of=q.as_of)) for q in answerable]
    print(f"copies of one text: {copied} paragraphs are copies of another article's paragraph; in the hybrid "
          f"top 5, {sum(1 for f in folded if f)} of {len(folded)} questions had copies folded into a hit "
          f"({sum(folded)} copies that would otherwise have taken places in a top 5 with a text already there)")


if __name__ == "__main__":
    sys.exit(main())
