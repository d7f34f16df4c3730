"""The real parts: packaged MiniLM embedder, Chroma on disk, the CLI on corpus/."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import REPO

pytestmark = pytest.mark.integration

SEED = "000_b36a257934fc05c5"


@pytest.fixture(scope="module")
def real_assistant(tmp_path_factory):
    from assistant import Assistant, Settings

    a = Assistant(settings=Settings(data_dir=tmp_path_factory.mktemp("real") / "data", generator="extractive"))
    report = a.ingest([REPO / "corpus"], progress=False)
    assert report.skipped == []
    return a


def test_real_embedder_vectors_are_unit_length_and_384_wide(real_assistant):
    import numpy as np

    v = real_assistant.embedder.embed(["North Korean troops in Kursk"])
    assert v.shape == (1, 384)
    assert abs(float(np.linalg.norm(v[0])) - 1.0) < 1e-4


def test_real_index_answers_with_citations_into_the_seed_article(real_assistant):
    ans = real_assistant.ask("Which countries' diplomats were flown out of Damascus with the Russian embassy staff?")
    assert not ans.refused
    assert "Belarus" in ans.text and "Abkhazia" in ans.text
    assert ans.citations[0].paragraph_id == f"{SEED}#p2"
    body = real_assistant.catalog.article(SEED).body
    for c in ans.citations:
        assert body[c.start:c.end] == c.quote


def test_real_index_refuses_what_the_report_does_not_say(real_assistant):
    ans = real_assistant.ask("What did China say about the treaty between North Korea and Russia?")
    assert ans.refused, ans.text


def test_reingest_embeds_nothing_with_the_real_model(real_assistant):
    r = real_assistant.ingest([REPO / "corpus"], progress=False)
    assert (r.embedded, r.added, r.updated, r.unchanged) == (0, 0, 0, 8)


def _cli(*args, data_dir, check=True):
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "ASSISTANT_GENERATOR": "extractive"}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, check=check, timeout=300)


def test_cli_ingest_and_ask_json_on_corpus(tmp_path):
    out = _cli("ingest", "corpus/", "--json", "--no-progress", data_dir=tmp_path)
    counts = json.loads(out.stdout)
    assert counts["articles"] == 1 and counts["paragraphs"]["added"] == 8 and counts["skipped"] == []
    out = _cli("ask", "Which train service between North Korea and Russia will resume?", "--json", data_dir=tmp_path)
    got = json.loads(out.stdout)
    assert set(got) == {"answer", "refused", "as_of", "citations", "time_read", "note", "flagged", "language",
                        "timeline", "brief"}
    assert not got["refused"] and "645/646" in got["answer"] and got["language"] == "en" and got["flagged"] is None
    assert got["brief"] is None  # said only for a question in another language
    assert got["citations"][0]["paragraph_id"] == f"{SEED}#p7"
    assert set(got["citations"][0]) == {"paragraph_id", "article_id", "title", "outlet", "published", "quote", "start", "end",
                                        "also_in", "quoted", "dates"}
    text = _cli("ask", "Which train service between North Korea and Russia will resume?", data_dir=tmp_path).stdout
    assert "[1]" in text and "Sources:" in text and f"{SEED}#p7" in text
    # as-of before the article was published: nothing to cite
    out = _cli("ask", "Which train service will resume?", "--json", "--as-of", "2024-01-01", data_dir=tmp_path)
    assert json.loads(out.stdout)["refused"] is True


def test_cli_ingest_reports_skipped_files_and_exits_non_zero(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "bad.md").write_text("---\npublished: 2024-01-01\n---\nBody.\n", encoding="utf-8")
    out = _cli("ingest", "corpus/", str(bad), "--json", "--no-progress", data_dir=tmp_path / "d", check=False)
    assert out.returncode == 1
    assert json.loads(out.stdout)["skipped"][0]["reason"].startswith("missing title")
    assert "bad.md" in out.stderr and "missing title" in out.stderr


def test_cli_ask_on_empty_index_says_what_to_do(tmp_path):
    out = _cli("ask", "anything?", data_dir=tmp_path, check=False)
    assert out.returncode == 2 and "assistant ingest" in out.stderr


def test_cli_chat_keeps_the_conversation(tmp_path):
    _cli("ingest", "corpus/", "--no-progress", data_dir=tmp_path)
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1", "ASSISTANT_GENERATOR": "extractive"}
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "chat", "--cli"],
        input="Which diplomats were withdrawn from the Russian embassy in Damascus?\nAnd where were they flown?\n\n",
        capture_output=True, text=True, env=env, cwd=REPO, timeout=300, check=True,
    ).stdout
    first, second = out.split("you>")[1:3]
    assert "Belarus" in first
    assert "Chkalovsky" in second


def test_onnx_embedder_gives_the_torch_models_vectors_and_int8_stays_close():
    """The float32 export shares the torch model's name (an index built by either is read by the
    other), so its vectors must be the same; the int8 one has a name of its own."""
    import numpy as np

    from assistant.embedder import MiniLMEmbedder, make_embedder
    from assistant.settings import Settings

    texts = [p for p in (REPO / "corpus" / f"{SEED}.md").read_text(encoding="utf-8").split("\n\n")[2:] if p.strip()]
    texts += ["Which train will resume?", "x"]
    torch_vecs = MiniLMEmbedder().embed(texts)
    onnx = make_embedder(Settings(embedder="onnx"))
    int8 = make_embedder(Settings(embedder="onnx-int8"))
    assert onnx.name == MiniLMEmbedder.name and int8.name != onnx.name
    assert np.abs(onnx.embed(texts) - torch_vecs).max() < 1e-4
    assert np.abs(onnx.embed_query(texts[0]) - torch_vecs[0]).max() < 1e-4
    assert float((int8.embed(texts) * torch_vecs).sum(axis=1).min()) > 0.95
    assert [onnx.count_tokens(t) for t in texts] == [MiniLMEmbedder().count_tokens(t) for t in texts]
