"""The pluggable writer of answers: one abstract method, ``generate``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from ..types import Hit


@dataclass(frozen=True)
class DraftSentence:
    text: str
    sources: tuple[int, ...]  # 0-based positions in the hits the generator was given
    attribution: str = ""  # who the cited paragraph says makes this claim ("attribution" fills it in)


@dataclass(frozen=True)
class Draft:
    """What a generator proposes; the citation check turns it into an ``Answer``."""

    sentences: tuple[DraftSentence, ...] = ()
    refused: bool = False
    notes: dict = field(default_factory=dict)


class Generator(ABC):
    name: str = "generator"

    def warm(self) -> None:
        """Load what the first answer needs ahead of it (a model); nothing by default."""

    @abstractmethod
    def generate(self, question: str, hits: list[Hit], as_of: date | None = None,
                 on_text: Callable[[str], None] | None = None) -> Draft:
        """Write an answer to ``question`` from ``hits`` only, citing them by position.

        ``on_text``, when given, receives the answer text as it is written (streaming).
        """
