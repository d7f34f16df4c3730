"""The value asked for, said first in the question's language: "요약하면: 2024년 12월 15일 [1]".

The reporting stays quoted in English, word for word (``voice``: the packaged model alters figures when it
translates). What can be said without translating, the number, date, name or amount the question asks for, is
read from the cited sentence that gives it (``conflicts.reported_values``, the editor's value reader) and written
the question's language's way (``voice.in_short``). Only a value the answer itself states is said: the line sums
up the answer, it adds nothing to it, and it carries the citation of the paragraph that gives the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .conflicts import measure, reported_values
from .types import Answer, Hit
from . import voice

__all__ = ["Brief", "in_short"]


@dataclass(frozen=True)
class Brief:
    text: str  # "요약하면: 2024년 12월 15일"
    citation: int  # the answer's citation number of the paragraph that gives the value
    kind: str  # number, date, name, money, duration, distance
    value: str  # normalised: "14", "2024-12-15", "Ilse Varga", "5 year", "3100000.0 euro"

    def to_json(self) -> dict:
        return {"text": self.text, "citation": self.citation, "kind": self.kind, "value": self.value}


def in_short(question: str, answer: Answer, hits: list[Hit], language: str) -> Brief | None:
    """The value ``answer`` gives for what ``question`` (English) asks, said in ``language``; None when the
    question asks for no single value or no cited paragraph gives one the answer states."""
    if answer.refused or not answer.citations:
        return None
    cited = {c.paragraph_id: n for n, c in enumerate(answer.citations, 1)}
    for claim in reported_values(question, hits):
        n = cited.get(hits[claim.hit].paragraph_id)
        if n is not None and re.search(rf"(?<!\w){re.escape(claim.written)}(?!\w)", answer.text, re.I):
            value = claim.value
            if claim.kind == "name":
                value = claim.written  # the reader's value of a name is its surname
            elif claim.kind in ("duration", "distance"):
                value = measure(claim.written) or ""  # "five years" -> "5 year", said "5년", "5 años"
            said = voice.in_short(claim.kind, value, claim.written, language)
            return Brief(said, n, claim.kind, value or claim.written)
    return None
