"""A chat assistant over curated news reporting that cites the paragraph behind every claim."""

from __future__ import annotations

from .prompts import CANNOT_ANSWER
from .settings import Settings
from .types import Answer, Article, Citation, Hit, IngestReport, Sentence

__all__ = [
    "Assistant",
    "Answer",
    "Article",
    "Citation",
    "Hit",
    "IngestReport",
    "Sentence",
    "Settings",
    "CANNOT_ANSWER",
]


def __getattr__(name: str):
    # Imported lazily so `assistant --help` and `import assistant` stay fast.
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    raise AttributeError(name)
