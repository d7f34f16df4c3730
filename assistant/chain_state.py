"""What the answer chain carries from step to step: one small typed state, not a dict.

``AskRequest`` is what a caller asks; ``ChainState`` adds what each step found
(retrieve: ``hits``; generate: ``draft``; verify: ``verification`` and ``writer``;
check citations: ``answer``). Steps return a new state with ``evolve``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from .conflicts import Disagreement
from .filters import Filters
from .generators.base import Draft
from .premises import Premise
from .timeline import Event
from .types import Answer, DateMention, Hit


@dataclass(frozen=True)
class Listener:
    """Who hears the answer as it is made (the chat UI): the paragraphs once found, the text as written."""

    on_hits: Callable[[list[Hit]], None] | None = None
    on_text: Callable[[str], None] | None = None

    def hits(self, hits: list[Hit]) -> None:
        if self.on_hits is not None:
            self.on_hits(hits)


@dataclass(frozen=True)
class AskRequest:
    question: str
    filters: Filters = Filters()
    k: int | None = None
    mode: str = "hybrid"
    include: tuple[str, ...] = ()  # paragraphs cited in the last turn stay candidates
    listener: Listener = Listener()
    asked: str = ""  # the question as asked, when ``question`` is its English reading (``translation``)


@dataclass(frozen=True)
class ChainState:
    request: AskRequest
    hits: list[Hit] = field(default_factory=list)
    further: list[Hit] = field(default_factory=list)  # the next-best paragraphs, read for rival reports only
    draft: Draft | None = None
    verification: object = None  # verify.Verification
    writer: str = ""  # the generator whose sentences were kept
    answer: Answer | None = None
    period: DateMention | None = None  # the relative period the question named, as read ("last week")
    filters: Filters | None = None  # the filters retrieval used (the request's, narrowed to ``period``)
    premise: Premise | None = None  # what the question assumes that a retrieved sentence contradicts
    disagreement: Disagreement | None = None  # reports that give different values for what is asked
    timeline: tuple[Event, ...] = ()  # a timeline question's events, in order
    language: str = "en"  # the language the question was asked in (``multilingual.question_language``)

    @property
    def question(self) -> str:
        return self.request.question

    @property
    def translated(self) -> bool:
        """The question was asked in another language and is answered from its English reading."""
        return bool(self.request.asked)

    def evolve(self, **changes) -> "ChainState":
        return replace(self, **changes)
