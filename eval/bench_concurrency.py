"""Benchmark questions asked while an ingest runs, against the same questions on an idle index.

    .venv/bin/python eval/bench_concurrency.py [--bench ../shared/bench/realtimeqa] [--asks 40]

Half the benchmark corpus is indexed first; the questions are timed (extractive generator,
as of each question's date), then the other half is ingested in a background thread (as an
upload in the chat UI is) while the same questions are asked again. Prints p50/p95 of both
and the ratio of the p95s (target: at most 2). The benchmark's text is read at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402

DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "realtimeqa"


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--asks", type=int, default=40)
    args = ap.parse_args()
    rows = [json.loads(line) for line in (args.bench / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="bench-concurrency-"))
    first, second = work / "first.jsonl", work / "second.jsonl"
    first.write_text("\n".join(json.dumps(r) for r in rows[::2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(json.dumps(r) for r in rows[1::2]) + "\n", encoding="utf-8")
    a = Assistant(settings=Settings(data_dir=work / "data", generator="extractive"))
    a.ingest([first], progress=False)
    questions = load_questions(args.bench / "questions_dev.jsonl")[: args.asks]
    a.ask(questions[0].question, as_of=questions[0].as_of)  # warm

    def timed(stop_when=None) -> list[float]:
        out = []
        while True:
            for q in questions:
                t = time.perf_counter()
                a.ask(q.question, as_of=q.as_of)
                out.append((time.perf_counter() - t) * 1000)
                if stop_when is not None and stop_when.is_set():
                    return out
            if stop_when is None:
                return out

    idle = timed()
    done = threading.Event()
    report = {}

    def ingest():
        t = time.perf_counter()
        report["r"] = a.ingest([second], progress=False)
        report["s"] = time.perf_counter() - t
        done.set()

    worker = threading.Thread(target=ingest)
    worker.start()
    busy = timed(stop_when=done)
    worker.join()
    print(f"index: {len(rows[::2])} articles, then {report['r'].articles} more ingested in {report['s']:.0f}s "
          f"({report['r'].added / report['s']:.0f} paragraphs/s) while asking")
    print(f"{'':14} {'asks':>5} {'p50 ms':>8} {'p95 ms':>8}")
    print(f"{'idle':14} {len(idle):5d} {statistics.median(idle):8.0f} {p95(idle):8.0f}")
    print(f"{'during ingest':14} {len(busy):5d} {statistics.median(busy):8.0f} {p95(busy):8.0f}")
    print(f"p95 during ingest / idle p95: {p95(busy) / p95(idle):.2f} (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
