"""LangChain's own standard tests for retrievers (langchain-tests), on the real index of corpus/."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.lc import ParagraphRetriever
from conftest import REPO

pytestmark = pytest.mark.integration

_INDEX: dict = {}


def _retriever():
    if "r" not in _INDEX:
        from assistant import Assistant, Settings

        a = Assistant(settings=Settings(data_dir=Path(tempfile.mkdtemp(prefix="lc-std-")) / "data", generator="extractive"))
        a.ingest([REPO / "corpus"], progress=False)
        _INDEX["r"] = a.retriever
    return _INDEX["r"]


class TestParagraphRetrieverStandard(RetrieversIntegrationTests):
    @property
    def retriever_constructor(self) -> type[ParagraphRetriever]:
        return ParagraphRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"retriever": _retriever(), "k": 4}

    @property
    def retriever_query_example(self) -> str:
        return "Which train will resume between North Korea and Russia?"


def test_filters_and_k_at_call_time_and_loader_metadata(tmp_path):
    r = ParagraphRetriever(retriever=_retriever(), k=5)
    docs = r.invoke("Which train will resume?", k=2)
    assert len(docs) == 2
    assert r.invoke("Which train will resume?", as_of="2024-01-01") == []  # before the article was published
    assert len(r.invoke("Which train will resume?", k=3, as_of="2024-12-31", outlets="Outlet not named in the source")) == 3
    meta = docs[0].metadata
    assert meta["source"].endswith("000_b36a257934fc05c5.md") and meta["paragraph_id"].startswith("000_b36a257934fc05c5#p")
    assert {"title", "outlet", "published", "start", "end", "article_id"} <= set(meta)
