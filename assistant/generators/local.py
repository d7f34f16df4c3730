"""The ``local`` generator: a small chat model on llama.cpp writes the answer.

Each sentence ends in the numbers of the sources it relies on ("[2]"; setting
``answer_format``; "json" holds the model to a JSON schema with a grammar instead, which
costs time for every token written). The verifier moves or drops a citation that does
not hold. The prompt holds only the few sentences that best answer the question
(prompt tokens are the latency), numbered by paragraph, each with title, outlet and date;
then the as-of date; the question last.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import Callable

from ..settings import Settings
from ..types import Hit
from .base import Draft, Generator
from .prompting import PromptBuilder, condense_messages

log = logging.getLogger(__name__)

ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "sentences": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "citations": {"type": "array", "items": {"type": "integer"}},
                },
                "required": ["text", "citations"],
            },
        },
        "cannot_answer": {"type": "boolean"},
    },
    "required": ["sentences", "cannot_answer"],
}


class LocalGenerator(Generator):
    name = "local"

    def __init__(self, embedder=None, settings: Settings | None = None, llm=None):
        self.settings = settings or Settings()
        self.prompts = PromptBuilder(embedder=embedder, settings=self.settings)
        self._llm = llm
        self._lock = threading.Lock()
        self._busy = threading.Lock()  # llama.cpp runs one completion at a time (the warm-up included)

    @property
    def llm(self):
        with self._lock:
            if self._llm is None:
                self._llm = load_llama(self.settings)
            return self._llm

    def warm(self) -> None:
        """Load the model and evaluate the constant preamble once, so the first question pays neither."""
        preamble = self.prompts.preamble()
        with self._busy:
            self.llm.create_chat_completion(messages=[*preamble, {"role": "user", "content": "Reply with {}"}],
                                            temperature=0.0, max_tokens=1)

    def messages(self, question: str, hits: list[Hit], as_of: date | None) -> list[dict]:
        return self.prompts.messages(question, hits, as_of)

    def rewrite(self, question: str, history) -> str:
        """A follow-up rewritten into a standalone question."""
        with self._busy:
            out = self.llm.create_chat_completion(messages=condense_messages(question, history), temperature=0.0,
                                                  max_tokens=60)
        return out["choices"][0]["message"]["content"].strip().splitlines()[0] if out["choices"] else question

    def complete(self, messages: list[dict], max_tokens: int = 80) -> str:
        """One short greedy reply (a question read in English: ``translation.Translator``)."""
        with self._busy:
            out = self.llm.create_chat_completion(messages=messages, temperature=0.0, max_tokens=max_tokens)
        return (out["choices"][0]["message"]["content"] or "") if out["choices"] else ""

    def generate(self, question: str, hits: list[Hit], as_of: date | None = None,
                 on_text: Callable[[str], None] | None = None) -> Draft:
        if not hits:
            return Draft(refused=True)
        messages = self.messages(question, hits, as_of)
        # JSON is held to the schema by a grammar (each written token pays for checking it); plain text is not
        grammar = None if self.prompts.text else {"type": "json_object", "schema": ANSWER_SCHEMA}
        with self._busy:
            stream = self.llm.create_chat_completion(
                messages=messages,
                temperature=0.0,
                max_tokens=self.settings.max_answer_tokens,
                response_format=grammar,
                stream=True,
            )
            watcher = self.prompts.watcher(on_text)
            raw = []
            for chunk in stream:
                delta = chunk["choices"][0].get("delta", {}).get("content") or ""
                if delta:
                    raw.append(delta)
                    watcher.feed(delta)
        return self.prompts.parse("".join(raw), len(hits))


def load_llama(settings: Settings):
    """The model on llama.cpp, assembled and verified on first use, kept loaded by the caller."""
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise RuntimeError(
            "the local generator needs llama-cpp-python; run 'make setup' "
            "(or pip install 'llama-cpp-python==0.3.36'), or choose --generator extractive"
        ) from exc
    from ..local_model import ensure_model

    path = ensure_model(Path(settings.model_dir).expanduser())
    import os

    threads = settings.llm_threads or max(1, os.cpu_count() or 1)
    log.info("loading %s with %d threads", path, threads)
    return Llama(model_path=str(path), n_ctx=settings.llm_context, n_threads=threads, n_batch=512, verbose=False)
