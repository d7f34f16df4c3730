"""Conversations: a follow-up question is rewritten into one that stands alone before retrieval."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .text import content_terms, key_entities
from .types import Answer

_FOLLOW_UP = re.compile(
    r"^\s*(and|but|also|so|what about|how about|then)\b|\b(it|its|they|them|their|he|she|his|her|this|that|these|those|there)\b",
    re.I,
)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange: the question as the user asked it, and the answer given."""

    question: str
    answer: Answer


def looks_like_follow_up(question: str) -> bool:
    return bool(_FOLLOW_UP.search(question)) or (len(content_terms(question)) <= 3 and not key_entities(question))


def condense(question: str, history: list[Turn], rewrite: Callable[[str, list[Turn]], str] | None = None) -> str:
    """A standalone version of ``question`` given the earlier turns.

    With a chat model (``rewrite``), the model rewrites it. Without one, a follow-up
    carries the previous question along as context, which retrieval and the
    extractive generator use as extra words.
    """
    if not history or not looks_like_follow_up(question):
        return question
    if rewrite is not None:
        rewritten = rewrite(question, history).strip()
        if rewritten:
            return rewritten
    previous = history[-1].question
    return f"{question} ({previous})"
