"""The index's parts: lexical index on disk, filters on compact arrays, exact narrow search,
another process's writes, interrupted writes, check and repair."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from datetime import date, timedelta

import numpy as np
import pytest

from assistant.catalog import Catalog
from assistant.embedder import Embedder
from assistant.filters import Filters
from assistant.lexical import LexicalIndex
from conftest import REPO, write_article


def test_lexical_index_is_updated_in_place_and_read_without_loading_paragraphs(make_assistant, small_corpus, monkeypatch):
    a = make_assistant()
    a.ingest([small_corpus])
    assert (a.data_dir / "lexical" / "state.json").exists()
    # a new process opens the index without reading every paragraph's text
    fresh = make_assistant()
    monkeypatch.setattr(Catalog, "all_paragraphs", lambda self: pytest.fail("read every paragraph"))
    monkeypatch.setattr(Catalog, "iter_paragraphs", lambda self, batch=0: pytest.fail("read every paragraph"))
    assert fresh.search("Tessel bridge repair cost", k=1, mode="bm25")[0].article_id == "bridge"
    write_article(small_corpus, "bridge.md", id="bridge", title="Tessel bridge reopens after repair",
                  outlet="Norvale Post", published="2024-02-10", body="Engineers painted the lighthouse on Friday.")
    fresh.ingest([small_corpus])
    assert fresh.search("lighthouse painted", k=1, mode="bm25")[0].paragraph_id == "bridge#p1"
    assert not [h for h in fresh.search("barge struck pier", k=5, mode="bm25") if h.article_id == "bridge"]
    (small_corpus / "bridge.md").unlink()
    fresh.ingest([small_corpus], prune=True)
    assert not [h for h in fresh.search("lighthouse painted", k=5, mode="bm25") if h.article_id == "bridge"]
    assert fresh.index.lexical.num_docs() == fresh.catalog.counts()[1]


def test_lexical_index_behind_the_catalog_catches_up_from_the_change_log(make_assistant, small_corpus, tmp_path, monkeypatch):
    a = make_assistant()
    a.ingest([small_corpus])
    extra = write_article(tmp_path / "more", "owl.md", id="owl", title="Owls return to Marren woods",
                          published="2024-03-02", body="Ornithologists counted nine barn owls in Marren woods.")
    original = LexicalIndex.commit

    def crash(self, generation):  # the process dies after the catalog committed, before the lexical index did
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(LexicalIndex, "commit", crash)
    with pytest.raises(KeyboardInterrupt):
        make_assistant().ingest([extra])
    monkeypatch.setattr(LexicalIndex, "commit", original)
    b = make_assistant()
    assert b.catalog.article("owl") is not None
    assert b.search("barn owls Marren", k=1, mode="bm25")[0].article_id == "owl"
    h = b.check()
    assert h.ok, h.problems
    assert h.lexical_docs == h.paragraphs == 10


def test_lexical_index_of_another_version_or_missing_is_rebuilt_from_the_catalog(make_assistant, small_corpus):
    import shutil

    a = make_assistant()
    a.ingest([small_corpus])
    shutil.rmtree(a.data_dir / "lexical")
    b = make_assistant()
    assert not b.check().ok
    assert b.search("Selden council vote", k=1, mode="bm25")[0].article_id == "election"
    assert b.check().ok
    state = a.data_dir / "lexical" / "state.json"
    state.write_text(state.read_text().replace("tantivy-content-terms-v1", "older"), encoding="utf-8")
    c = make_assistant()
    assert c.search("night ferry Villemer", k=1, mode="bm25")[0].article_id == "ferry"
    assert c.check().ok


class RandomEmbedder(Embedder):
    """Reproducible random unit vectors per text: every paragraph's vector is independent."""

    name = "random-unit"
    dimension = 64

    def embed(self, texts):
        out = np.stack([np.random.default_rng(zlib.crc32(t.encode())).standard_normal(self.dimension) for t in texts])
        return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)

    def count_tokens(self, text):
        return len(text.split())


def _archive(folder, articles=240, paragraphs=5):
    outlets = ["Harbour Herald", "Norvale Post", "Coast Courier"]
    start = date(2023, 1, 1)
    for i in range(articles):
        body = "\n\n".join(f"Item {i} paragraph {j} about topic {(i * 7 + j) % 31}." for j in range(paragraphs))
        write_article(folder, f"a{i:03d}.md", id=f"a{i:03d}", title=f"Story {i}", outlet=outlets[i % 3],
                      published=(start + timedelta(days=i)).isoformat(), body=body)


@pytest.mark.parametrize("limit", [0, 100_000], ids=["over-fetch from Chroma", "exact over stored vectors"])
def test_filtered_dense_search_keeps_the_exact_filtered_results(tmp_path, settings, limit):
    """The exact path equals a brute-force search over the allowed paragraphs; the over-fetch path
    returns only allowed paragraphs, as many as asked, and the same ones as far as Chroma's graph
    search is exact (random vectors are its worst case; eval/bench_scale.py checks real ones)."""
    from assistant import Assistant, Settings

    _archive(tmp_path / "c")
    emb = RandomEmbedder()
    a = Assistant(settings=Settings(**{**settings.__dict__, "exact_search_limit": limit}), embedder=emb)
    a.ingest([tmp_path / "c"])
    paras = a.catalog.all_paragraphs()
    vecs = emb.embed([p.text for p in paras])
    filters = [
        Filters(as_of=date(2023, 3, 1)),
        Filters(as_of=date(2023, 8, 1), outlets=("norvale post",)),
        Filters(since=date(2023, 2, 1), until=date(2023, 2, 20)),
        Filters(outlets=("Coast Courier", "Harbour Herald")),
    ]
    overlaps = []
    for q in range(6):
        query = emb.embed([f"question {q}"])[0]
        for f in filters:
            allowed = [i for i, p in enumerate(paras) if f.allows(p.published, p.outlet)]
            sims = vecs[allowed] @ query
            exact = [paras[allowed[i]].id for i in np.argsort(-sims)[:10]]
            got = [pid for pid, _ in a.index.dense(query, 10, f)]
            if limit:
                assert got == exact, (f, q)
            assert len(got) == 10 and set(got) <= {paras[i].id for i in allowed}
            overlaps.append(len(set(got) & set(exact)) / 10)
    assert sum(overlaps) / len(overlaps) >= 0.9


def test_another_process_ingest_is_visible_without_restart(make_assistant, small_corpus, tmp_path):
    a = make_assistant(refresh_seconds=0.0)
    a.ingest([small_corpus])
    assert a.search("barn owls Marren woods", k=1)[0].article_id != "owl"  # both parts are open now
    more = write_article(tmp_path / "more", "owl.md", id="owl", title="Owls return to Marren woods",
                         published="2024-03-02", body="Ornithologists counted nine barn owls in Marren woods.")
    script = (
        "import sys; sys.path.insert(0, 'tests'); from conftest import CountingEmbedder; "
        "from assistant import Assistant, Settings; "
        f"Assistant(settings=Settings(data_dir={str(a.data_dir)!r}), embedder=CountingEmbedder()).ingest([{str(more)!r}])"
    )
    subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True, timeout=120,
                   env={**os.environ, "PYTHONPATH": str(REPO)})
    assert a.search("barn owls Marren woods", k=1, mode="dense")[0].article_id == "owl"
    assert a.search("barn owls Marren woods", k=1, mode="bm25")[0].article_id == "owl"
    assert a.search("barn owls Marren woods", k=1)[0].article_id == "owl"


def test_interrupted_batch_leaves_no_partial_vectors_and_loses_nothing(make_assistant, tmp_path, monkeypatch, embedder):
    long_para = " ".join(f"Sentence {i} mentions the lighthouse keeper number {i}." for i in range(40))
    folder = tmp_path / "c"
    write_article(folder, "long.md", id="long", body=long_para + "\n\nShort tail.")
    write_article(folder, "other.md", id="other", body="The ferry runs twice a day.")
    a = make_assistant(ingest_batch=1)
    calls = {"n": 0}
    original = Catalog.put_articles

    def dies_on_second_batch(self, writes, settled=()):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed after the vectors were written, before the catalog")
        return original(self, writes, settled)

    monkeypatch.setattr(Catalog, "put_articles", dies_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        a.ingest([folder])
    monkeypatch.setattr(Catalog, "put_articles", original)
    b = make_assistant()
    assert b.catalog.counts()[0] == 1  # the first batch is committed and complete
    embedded_before = embedder.texts
    r = b.ingest([folder])
    assert (r.added, r.unchanged) == (1, 2)
    assert embedder.texts == embedded_before  # the uncommitted batch's complete vectors were reused
    expected = {rid for ids in b.catalog.record_ids() for rid in ids}
    stored = {rid for ids in b.vectors.ids() for rid in ids}
    assert stored == expected and len([r for r in expected if r.startswith("long#p1")]) > 1
    assert b.check(deep=True).ok


def test_check_finds_missing_vectors_and_repair_restores_them_without_embedding(make_assistant, small_corpus, embedder):
    a = make_assistant()
    a.ingest([small_corpus])
    a.vectors.delete(["ferry#p2", "bridge#p1"])
    h = a.check()
    assert not h.ok and "expects 9" in " ".join(h.problems)
    before = embedder.texts
    assert a.repair(progress=False).ok
    assert embedder.texts == before
    assert a.search("How many passengers did the ferry carry last year?", k=1, mode="dense")[0].paragraph_id == "ferry#p2"
