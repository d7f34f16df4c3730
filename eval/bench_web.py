"""Benchmark web ingest against a local server: time per fetched article, excluding embedding.

    .venv/bin/python eval/bench_web.py [--pages 40]

A feed of ``--pages`` article pages (invented text, served on 127.0.0.1) is ingested; prints
the time spent fetching and extracting per article, the rest of the ingest per article with
the embedding time taken out, and a refresh's cost when nothing changed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from test_web import PARAS, Site, feed, page  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from assistant.embedder import make_embedder  # noqa: E402


class TimedEmbedder:
    def __init__(self, inner):
        self.inner, self.seconds = inner, 0.0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def embed(self, texts):
        t = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.seconds += time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=40)
    args = ap.parse_args()
    site = Site()
    items = []
    for i in range(args.pages):
        site.routes[f"/news/{i}"] = {"body": page(f"Story {i} from the harbour", [f"{p} (Item {i}.)" for p in PARAS] * 3),
                                     "etag": f'"{i}"'}
        items.append((f"Story {i}", f"/news/{i}"))
    site.routes["/feed.xml"] = {"body": feed(site.base, items), "etag": '"feed"'}
    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="bench-web-")) / "data", generator="extractive",
                        fetch_allow_hosts="127.0.0.1", fetch_host_delay=0.0)
    emb = TimedEmbedder(make_embedder(settings))
    emb.embed(["warm up"])
    emb.seconds = 0.0
    a = Assistant(settings=settings, embedder=emb)
    t = time.perf_counter()
    r = a.ingest([f"{site.base}/feed.xml"], progress=False)
    total = time.perf_counter() - t
    rest = total - r.fetch_seconds - emb.seconds
    print(f"{r.fetched} articles, {r.added} paragraphs from a local feed in {total:.2f} s")
    print(f"fetch + extraction: {1000 * r.fetch_seconds / r.fetched:.1f} ms per article")
    print(f"the rest of the ingest, embedding ({emb.seconds:.2f} s) excluded: {1000 * rest / r.fetched:.1f} ms per article")
    t = time.perf_counter()
    r2 = a.ingest([], refresh=True, progress=False)
    print(f"refresh with nothing changed: {time.perf_counter() - t:.2f} s, {r2.not_modified} not modified, {r2.fetched} fetched")
    site.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
