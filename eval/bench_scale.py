"""Benchmark the index at archive scale: about 12k, 100k and 1M paragraphs.

    .venv/bin/python eval/bench_scale.py [--sizes 12k,100k,1m] [--questions 100] [--keep DIR]

The archive is built at run time from ../shared/bench/realtimeqa/corpus.jsonl (never
copied into the repository): copy ``c`` of every article gets its own id, a marker at the
head of each paragraph (so the text differs slightly), a publication date moved back by
``c % 10`` times 550 days and an outlet name varied by region. Vectors: every original
paragraph is embedded once with the real embedder; a copy's vector is its original's plus
a little deterministic noise (so the vector index sees a realistic neighbourhood), and
questions are embedded for real: the search latencies below include the real query
embedding. The archive grows in steps, as a newsroom's would; each step's ingest rate
excludes the time spent in the embedder.

For each size it prints: ingest paragraphs/s excluding embedding (first and last step),
size on disk of each part, time from process start to the first answered search and the
RSS then (in a new process), and p50/p95 of hybrid, lexical and dense search with no
filter, with as_of, and with as_of plus one outlet. At the first size it also checks the
filtered dense results against an exact (brute-force) filtered search.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from assistant.embedder import Embedder, make_embedder  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402
from assistant.filters import Filters  # noqa: E402

DEFAULT_BENCH = REPO.parent / "shared" / "bench" / "realtimeqa"
REGIONS = ["", " Europe", " Asia", " Americas", " Africa", " Pacific", " Nordic", " Gulf"]
MARK = "\u2063"  # an invisible separator ends the copy marker, so the original text can be recovered


def marker(c: int) -> str:
    return "" if c == 0 else f"[{c}]{MARK} "


def original_text(text: str) -> str:
    return text.split(MARK + " ", 1)[1] if MARK + " " in text[:16] else text


class CopiesEmbedder(Embedder):
    """The real embedder for originals (cached) and questions; copies get their original's vector plus noise."""

    def __init__(self, real: Embedder, cache: dict[str, np.ndarray] | None = None):
        self.real = real
        self.name = f"bench-copies:{real.name}"
        self.dimension = real.dimension
        self.max_tokens = real.max_tokens
        self.batch_size = 256
        self.cache = cache if cache is not None else {}
        self.seconds = 0.0  # time spent embedding (excluded from ingest rates)

    def count_tokens(self, text: str) -> int:
        return self.real.count_tokens(text)

    def embed(self, texts: list[str]) -> np.ndarray:
        t = time.perf_counter()
        originals = [original_text(x) for x in texts]
        missing = [o for o in dict.fromkeys(originals) if o not in self.cache]
        if missing:
            for o, v in zip(missing, self.real.embed(missing)):
                self.cache[o] = v
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for i, (x, o) in enumerate(zip(texts, originals)):
            v = self.cache[o]
            if x != o:
                noise = np.random.default_rng(zlib.crc32(x.encode())).standard_normal(self.dimension).astype(np.float32)
                v = v + 0.02 * noise / np.sqrt(self.dimension) * 4
                v = v / np.linalg.norm(v)
            out[i] = v
        self.seconds += time.perf_counter() - t
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self.real.embed_query(text)


def copies(rows: list[dict], start: int, stop: int) -> list[dict]:
    out = []
    for c in range(start, stop):
        for r in rows:
            paras = [p.strip() for p in r["body"].split("\n\n") if p.strip()]
            out.append({
                "id": r["id"] if c == 0 else f"{r['id']}.c{c}",
                "title": r["title"] if c == 0 else f"{r['title']} ({c})",
                "source": r["source"] + REGIONS[c % len(REGIONS)],
                "published_date": (date.fromisoformat(r["published_date"][:10]) - timedelta(days=550 * (c % 10))).isoformat(),
                "body": "\n\n".join(marker(c) + p for p in paras),
            })
    return out


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def first_search(data_dir: Path, question: str, settings_env: dict) -> dict:
    """A new process: time from its start to its first answered search, and its RSS then."""
    code = f"""
import time, os, sys, json
t0 = float(sys.argv[1])
sys.path.insert(0, {str(REPO)!r}); sys.path.insert(0, {str(Path(__file__).parent)!r})
from assistant import Assistant, Settings
from assistant.embedder import make_embedder
from bench_scale import CopiesEmbedder
s = Settings.from_env(data_dir={str(data_dir)!r}, generator="extractive")
a = Assistant(settings=s, embedder=CopiesEmbedder(make_embedder(s)))
hits = a.search({question!r}, k=5)
t1 = time.time()
rss = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS')][0] * 1024
print(json.dumps({{"seconds": t1 - t0, "rss": rss, "hits": len(hits)}}))
"""
    env = {**os.environ, **settings_env}
    out = subprocess.run([sys.executable, "-c", code, repr(time.time())], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def served_first_search(data_dir: Path, question: str, embedder: str) -> dict:
    """The same with the vectors in a Chroma server (`assistant chroma` on the index's folder): seconds the
    server took to start, and a new process's first search against it, cold (the server loads its graph
    on the first query) and warm."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    t = time.time()
    server = subprocess.Popen([sys.executable, "-m", "assistant", "chroma", "--port", str(port)], cwd=REPO, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                if server.poll() is not None or time.time() - t > 120:
                    raise RuntimeError("the Chroma server did not start")
                time.sleep(0.1)
        started = time.time() - t
        client = {"ASSISTANT_EMBEDDER": embedder, "ASSISTANT_CHROMA_URL": f"http://127.0.0.1:{port}"}
        cold = first_search(data_dir, question, client)
        warm = first_search(data_dir, question, client)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"started": started, "cold": cold, "warm": warm}


def timed(fn, items) -> tuple[float, float]:
    times = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def exactness(a: Assistant, questions) -> tuple[float, int]:
    """Share of (question, filter) pairs whose dense top 10 equals a brute-force search over the
    float32 vectors Chroma holds (each paragraph scored by its best window), and how many pairs."""
    from assistant.catalog import split_record_id

    rids = [r for ids in a.catalog.record_ids() for r in ids]
    stored = a.vectors.get(rids)
    order = list(stored)
    matrix = np.stack([stored[r][0] for r in order])
    owner = [split_record_id(r)[0] for r in order]
    paras = {p.id: p for p in a.catalog.all_paragraphs()}
    owner_keys = np.array(owner)
    same = total = 0
    for q in questions:
        qv = a.embedder.embed_query(q.question)
        sims = matrix @ qv
        ranked = np.lexsort((owner_keys, -sims))  # ties (copies of one text) in paragraph-id order, as the index
        for f in (Filters(), Filters(as_of=q.as_of), Filters(as_of=q.as_of, outlets=("CNN",))):
            exact: list[str] = []
            for i in ranked:
                p = paras[owner[i]]
                if p.id not in exact and f.allows(p.published, p.outlet):
                    exact.append(p.id)
                    if len(exact) == 10:
                        break
            if len(exact) < 10:
                continue
            total += 1
            same += [pid for pid, _ in a.index.dense(qv, 10, f)] == exact
    return (same / total if total else float("nan")), total


CHROMA_WRITES = {"seconds": 0.0}


def _time_chroma_writes() -> None:
    """Account the time spent inside Chroma's own upserts (the vector graph's inserts)."""
    from assistant.vectors import VectorStore

    original = VectorStore.put

    def put(self, records):
        t = time.perf_counter()
        try:
            return original(self, records)
        finally:
            CHROMA_WRITES["seconds"] += time.perf_counter() - t

    VectorStore.put = put


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--sizes", default="12k,100k,1m", help="comma-separated target sizes in paragraphs")
    ap.add_argument("--questions", type=int, default=100, help="questions timed per mode and filter")
    ap.add_argument("--step", type=int, default=100_000, help="paragraphs per ingest step")
    ap.add_argument("--keep", type=Path, help="work folder to use and keep (default: a temp folder, deleted)")
    args = ap.parse_args()
    sizes = [int(float(s.lower().replace("k", "e3").replace("m", "e6"))) for s in args.sizes.split(",")]
    _time_chroma_writes()

    rows = [json.loads(line) for line in (args.bench / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    per_copy = sum(len([p for p in r["body"].split("\n\n") if p.strip()]) for r in rows)
    questions = load_questions(args.bench / "questions_dev.jsonl")
    random.Random(0).shuffle(questions)
    questions = questions[: args.questions]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    base = Settings.from_env(generator="extractive")
    real = make_embedder(base)
    cache: dict[str, np.ndarray] = {}
    print(f"source: {len(rows)} articles, {per_copy} paragraphs a copy; embedder {real.name}; {len(questions)} questions")
    # The real vectors of the originals, computed once and untimed, through the same path as an ingest
    # (so the ingest steps below measure the index, not the model).
    warm = work / "warm.jsonl"
    warm.write_text("\n".join(json.dumps(r) for r in copies(rows, 0, 1)) + "\n", encoding="utf-8")
    Assistant(settings=Settings(**{**base.__dict__, "data_dir": work / "warm"}), embedder=CopiesEmbedder(real, cache)).ingest(
        [warm], progress=False)
    shutil.rmtree(work / "warm", ignore_errors=True)

    table = []
    for size in sizes:
        n_copies = max(1, round(size / per_copy))
        data = work / f"index-{size}"
        shutil.rmtree(data, ignore_errors=True)
        settings = Settings(**{**base.__dict__, "data_dir": data})
        emb = CopiesEmbedder(real, cache)
        a = Assistant(settings=settings, embedder=emb)
        rates = []
        copies_per_step = max(1, args.step // per_copy)
        for start in range(0, n_copies, copies_per_step):
            stop = min(n_copies, start + copies_per_step)
            f = work / "step.jsonl"
            f.write_text("\n".join(json.dumps(r) for r in copies(rows, start, stop)) + "\n", encoding="utf-8")
            emb.seconds = 0.0
            CHROMA_WRITES["seconds"] = 0.0
            t = time.perf_counter()
            report = a.ingest([f], progress=False)
            seconds = time.perf_counter() - t - emb.seconds
            rates.append(report.added / seconds)
            print(f"  {size}: copies {start}..{stop - 1}: {report.added} paragraphs, {rates[-1]:.0f}/s excluding "
                  f"{emb.seconds:.0f}s of embedding; Chroma's upserts {report.added / CHROMA_WRITES['seconds']:.0f} "
                  f"paragraphs/s of it (in the committer thread, beside the rest)", flush=True)
        total = a.catalog.counts()[1]
        sizes_on_disk = {part: du(data / part) for part in ("chroma", "lexical")}
        sizes_on_disk["catalog"] = sum(du(p) if p.is_dir() else p.stat().st_size for p in data.glob("catalog.sqlite*"))

        latencies = {}
        probes = {
            "none": lambda q: Filters(),
            "as_of": lambda q: Filters(as_of=q.as_of),
            "as_of+outlet": lambda q: Filters(as_of=q.as_of, outlets=("CNN",)),
        }
        a.search(questions[0].question)  # warm
        for mode, fn in (
            ("hybrid", lambda q, f: a.retriever.search(q.question, 5, f)),
            ("lexical", lambda q, f: a.index.lexical_search(q.question, settings.candidates, f)),
            ("dense", lambda q, f: a.index.dense(a.embedder.embed_query(q.question), settings.candidates, f)),
        ):
            for name, make in probes.items():
                latencies[(mode, name)] = timed(lambda q: fn(q, make(q)), questions)
        exact = exactness(a, questions[:50]) if total <= 150_000 else None
        a.index.close()
        start = first_search(data, questions[0].question, {"ASSISTANT_EMBEDDER": base.embedder})
        served = served_first_search(data, questions[0].question, base.embedder)
        vector_bytes = total * 1.01 * real.dimension * 4
        table.append((size, total, rates, sizes_on_disk, start, latencies, exact, vector_bytes))

        print(f"\n== {total:,} paragraphs ({n_copies} copies) ==")
        print(f"ingest excluding embedding: first step {rates[0]:.0f}/s, last step {rates[-1]:.0f}/s")
        print("on disk: " + ", ".join(f"{k} {v / 1e6:.0f} MB" for k, v in sizes_on_disk.items()))
        print(f"new process to first answered search: {start['seconds']:.2f} s; RSS then {start['rss'] / 1e6:.0f} MB "
              f"(vectors alone would be {vector_bytes / 1e6:.0f} MB)")
        print(f"  with a Chroma server (up in {served['started']:.1f} s): {served['cold']['seconds']:.2f} s on its first query, "
              f"{served['warm']['seconds']:.2f} s once warm; client RSS {served['warm']['rss'] / 1e6:.0f} MB")
        if exact is not None:
            print(f"dense top 10 identical to an exact search (no filter, as_of, as_of+outlet): "
                  f"{exact[0]:.3f} of {exact[1]} (question, filter) pairs")
        print(f"{'search (ms)':14} " + " ".join(f"{n + ' p50':>17} {n + ' p95':>17}" for n in probes))
        for mode in ("hybrid", "lexical", "dense"):
            print(f"{mode:14} " + " ".join(f"{latencies[(mode, n)][0]:17.1f} {latencies[(mode, n)][1]:17.1f}" for n in probes))
        print(flush=True)

    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
