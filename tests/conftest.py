"""Shared fixtures. Fakes live here: a counting hashing embedder and small articles of our own."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from assistant.embedder import HashingEmbedder  # noqa: E402
from assistant.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, counting how many texts it was asked to embed."""

    def __init__(self):
        super().__init__(dimension=256, max_tokens=64)
        self.calls = 0
        self.texts = 0

    def embed(self, texts):
        self.calls += 1
        self.texts += len(texts)
        return super().embed(texts)


@pytest.fixture
def embedder():
    return CountingEmbedder()


@pytest.fixture
def settings(tmp_path):
    return Settings(data_dir=tmp_path / "data", generator="extractive")


@pytest.fixture
def make_assistant(settings, embedder):
    from assistant import Assistant

    def make(**overrides):
        s = Settings(**{**settings.__dict__, **overrides})
        return Assistant(settings=s, embedder=embedder)

    return make


def write_article(folder: Path, name: str, *, id=None, title="A title", outlet="Daily Test",
                  published="2024-03-01", body="First paragraph.\n\nSecond paragraph.", extra="") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    head = ["---"]
    if id:
        head.append(f"id: {id}")
    if title is not None:
        head.append(f"title: {title}")
    head.append(f"outlet: {outlet}")
    if published is not None:
        head.append(f"published: {published}")
    if extra:
        head.append(extra)
    head.append("---")
    path = folder / name
    path.write_text("\n".join(head) + "\n\n" + textwrap.dedent(body).strip() + "\n", encoding="utf-8")
    return path


FERRY_BODY = """
The harbour authority of Port Elsen said on Tuesday that the night ferry to Villemer will stop running on 1 May after forty-two years.

The ferry carried 118,000 passengers last year, down from 240,000 in 2015, according to the authority's annual report.

Mayor Ingrid Kalt called the decision "a betrayal of the islands" and said the council would appeal.

A replacement bus service will run twice a day from the mainland terminal, the authority said.
"""

BRIDGE_BODY = """
Engineers in Norvale reopened the Tessel bridge on Friday after a repair that took eleven months and cost 31 million euros.

The bridge had been closed since a barge struck one of its piers last spring.

Traffic officials expect 20,000 vehicles a day to cross the bridge again by the summer.
"""

ELECTION_BODY = """
Voters in the Selden district elected Maria Ostrova as their new council leader on Sunday, with 54 percent of the vote.

Turnout was 61 percent, the electoral office said.
"""


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    write_article(folder, "ferry.md", id="ferry", title="Night ferry to Villemer to stop after 42 years",
                  outlet="Harbour Herald", published="2024-03-05", body=FERRY_BODY)
    write_article(folder, "bridge.md", id="bridge", title="Tessel bridge reopens after repair",
                  outlet="Norvale Post", published="2024-02-10", body=BRIDGE_BODY)
    write_article(folder / "politics", "election.md", id="election", title="Ostrova wins Selden council vote",
                  outlet="Norvale Post", published="2024-04-20", body=ELECTION_BODY)
    return folder


def unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)
