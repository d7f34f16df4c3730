"""What a chat model is shown: the sentences that matter from each retrieved paragraph, numbered."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Callable

from ..asks import KIND_WORDS, expected_kind
from ..prompts import CONDENSE_SYSTEM, LOCAL_EXAMPLES, LOCAL_SYSTEM, LOCAL_SYSTEM_TEXT, TEXT_REFUSAL, format_sources
from ..sentences import split_sentences
from ..settings import Settings
from ..types import Hit
from .base import Draft, DraftSentence
from .extractive import ExtractiveGenerator
from .streaming import MarkerStream, SentenceStream

FORMATS = ("json", "text")


class PromptBuilder:
    def __init__(self, embedder=None, settings: Settings | None = None):
        self.settings = settings or Settings()
        if self.settings.answer_format not in FORMATS:
            raise ValueError(f"setting answer_format (ASSISTANT_ANSWER_FORMAT) is {self.settings.answer_format!r}; "
                             f"use one of {', '.join(FORMATS)}")
        self.text = self.settings.answer_format == "text"
        self._picker = ExtractiveGenerator(embedder=embedder, settings=self.settings)

    def context(self, question: str, hits: list[Hit]) -> list[str]:
        """For each hit, its sentences that matter most, in reading order (short prompts are fast); an empty
        text for a hit the prompt leaves out (setting ``prompt_sentences``)."""
        ranked = self._picker.candidates(question, hits)
        budget = self.settings.prompt_sentences  # 0: context_sentences of every paragraph
        per_hit: dict[int, list] = {}
        picked = 0
        for c in ranked:
            if budget and picked >= budget:
                break
            if len(per_hit.setdefault(c.hit, [])) < self.settings.context_sentences:
                per_hit[c.hit].append(c)
                picked += 1
        out = []
        for i, hit in enumerate(hits):
            chosen = sorted(per_hit.get(i, []), key=lambda c: c.start)
            out.append(" ".join(c.text for c in chosen) if chosen else "" if budget else hit.text[:400])
        return out

    def messages(self, question: str, hits: list[Hit], as_of: date | None) -> list[dict]:
        hits = hits[: self.settings.prompt_sources or len(hits)]
        sources = format_sources(hits, self.context(question, hits))
        when = as_of.isoformat() if as_of else date.today().isoformat()
        kind = expected_kind(question)
        # in plain text a 1.5B model answers "(answer with a number)" with the bare number; JSON's "text" key made
        # it write a sentence
        if self.text:
            asks = f" (answer in a full sentence{' that gives ' + KIND_WORDS[kind] if kind else ''})"
        else:
            asks = f" (answer with {KIND_WORDS[kind]})" if kind else ""
        user = f"Sources:\n{sources}\n\nToday's date (answer as of it): {when}\n\nQuestion: {question}{asks}"
        return [*self.preamble(), {"role": "user", "content": user}]

    def preamble(self) -> list[dict]:
        """The messages every question starts with (the system prompt and the worked examples): constant, so
        the model evaluates them once and keeps them."""
        out = [{"role": "system", "content": LOCAL_SYSTEM_TEXT if self.text else LOCAL_SYSTEM}]
        if self.settings.prompt_examples:
            for asked, answered in LOCAL_EXAMPLES:
                if self.text:  # the example's answer in this format ("[n] " opens each of its sources)
                    answered = as_text(parse_answer(answered, len(re.findall(r"^\[\d+\] ", asked, re.M))))
                out += [{"role": "user", "content": asked}, {"role": "assistant", "content": answered}]
        return out

    def parse(self, raw: str, n_sources: int) -> Draft:
        """The model's reply, written in this builder's answer format, as a draft."""
        return parse_text_answer(raw, n_sources) if self.text else parse_answer(raw, n_sources)

    def watcher(self, on_text: Callable[[str], None] | None):
        """What pulls the answer's words out of the reply while it is written (for ``on_text``)."""
        return MarkerStream(on_text) if self.text else SentenceStream(on_text)


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


_MARKER = r"\[\s*\d+(?:\s*,\s*\d+)*\s*\]"  # "[2]", "[2, 4]"
_MARKERS = re.compile(rf"(?:{_MARKER})+")
_AFTER_STOP = re.compile(rf"([.!?])\s*((?:{_MARKER})+)")
_REFUSAL = re.compile(r"\s+".join(TEXT_REFUSAL.split()), re.I)


def parse_text_answer(raw: str, n_sources: int) -> Draft:
    """A plain-text answer as a draft: each sentence's bracketed numbers ("... in May [1].", "... in May. [1]",
    "[1][3]", "[2, 4]") are its citations (1-based in the prompt). "CANNOT ANSWER" alone is a refusal."""
    text = raw.strip()
    if not text or (_REFUSAL.search(text) and not _MARKERS.search(text)):
        return Draft(refused=True, notes={"raw": raw, "cannot_answer": bool(text)})
    text = _AFTER_STOP.sub(r" \2\1", text)  # "in May. [1] Next" -> "in May [1]. Next"
    sentences = []
    for piece in split_sentences(text):
        cites = [int(n) - 1 for group in _MARKERS.findall(piece) for n in re.findall(r"\d+", group)
                 if 1 <= int(n) <= n_sources]
        words = re.sub(r"\s+([.,;:!?])", r"\1", _MARKERS.sub("", piece)).strip()
        if re.search(r"[A-Za-z0-9]", words) and not _REFUSAL.fullmatch(words.strip(" .")):
            sentences.append(DraftSentence(words, tuple(dict.fromkeys(cites))))
    return Draft(sentences=tuple(sentences), refused=not sentences, notes={"raw": raw, "cannot_answer": False})


def as_text(draft: Draft) -> str:
    """A draft written the way ``parse_text_answer`` reads it."""
    return " ".join(s.text + " " + "".join(f"[{i + 1}]" for i in s.sources) for s in draft.sentences)
