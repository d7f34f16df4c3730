"""What a chat model is shown: the sentences that matter from each retrieved paragraph, numbered."""

from __future__ import annotations

import json
import re
from datetime import date

from ..asks import KIND_WORDS, expected_kind
from ..prompts import CONDENSE_SYSTEM, LOCAL_EXAMPLES, LOCAL_SYSTEM, format_sources
from ..settings import Settings
from ..types import Hit
from .base import Draft, DraftSentence
from .extractive import ExtractiveGenerator


class PromptBuilder:
    def __init__(self, embedder=None, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._picker = ExtractiveGenerator(embedder=embedder, settings=self.settings)

    def context(self, question: str, hits: list[Hit]) -> list[str]:
        """For each hit, its sentences that matter most, in reading order (short prompts are fast)."""
        ranked = self._picker.candidates(question, hits)
        per_hit: dict[int, list] = {}
        for c in ranked:
            if len(per_hit.setdefault(c.hit, [])) < self.settings.context_sentences:
                per_hit[c.hit].append(c)
        out = []
        for i, hit in enumerate(hits):
            chosen = sorted(per_hit.get(i, []), key=lambda c: c.start)
            out.append(" ".join(c.text for c in chosen) if chosen else hit.text[:400])
        return out

    def messages(self, question: str, hits: list[Hit], as_of: date | None) -> list[dict]:
        hits = hits[: self.settings.prompt_sources or len(hits)]
        sources = format_sources(hits, self.context(question, hits))
        when = as_of.isoformat() if as_of else date.today().isoformat()
        kind = expected_kind(question)
        asks = f" (answer with {KIND_WORDS[kind]})" if kind else ""
        user = f"Sources:\n{sources}\n\nToday's date (answer as of it): {when}\n\nQuestion: {question}{asks}"
        return [*self.preamble(), {"role": "user", "content": user}]

    def preamble(self) -> list[dict]:
        """The messages every question starts with (the system prompt and the worked examples): constant, so
        the model evaluates them once and keeps them."""
        out = [{"role": "system", "content": LOCAL_SYSTEM}]
        if self.settings.prompt_examples:
            for asked, answered in LOCAL_EXAMPLES:
                out += [{"role": "user", "content": asked}, {"role": "assistant", "content": answered}]
        return out


def condense_messages(question: str, history) -> list[dict]:
    turns = "\n".join(f"User: {t.question}\nAssistant: {t.answer.text}" for t in history[-3:])
    return [
        {"role": "system", "content": CONDENSE_SYSTEM},
        {"role": "user", "content": f"Conversation:\n{turns}\n\nLast question: {question}\n\nStandalone question:"},
    ]


def parse_answer(raw: str, n_sources: int) -> Draft:
    """The model's JSON answer as a draft; citation numbers are 1-based in the prompt.

    Text around the JSON object (some servers add prose or code fences) is ignored.
    """
    m = re.search(r"\{.*\}", raw, re.S)
    try:
        data = json.loads(m.group(0) if m else raw)
    except json.JSONDecodeError:
        return Draft(refused=True, notes={"raw": raw, "error": "invalid JSON"})
    if not isinstance(data, dict):
        return Draft(refused=True, notes={"raw": raw, "error": "not a JSON object"})
    sentences = []
    for s in data.get("sentences") or []:
        if not isinstance(s, dict):
            continue
        text = str(s.get("text") or "").strip()
        cites = tuple(int(c) - 1 for c in s.get("citations") or [] if isinstance(c, int) and 1 <= c <= n_sources)
        if text:
            sentences.append(DraftSentence(text, cites))
    refused = bool(data.get("cannot_answer")) and not sentences
    return Draft(sentences=tuple(sentences), refused=refused,
                 notes={"raw": raw, "cannot_answer": bool(data.get("cannot_answer"))})
