"""Other backends through LangChain chat models: ``openai:<model>`` and ``ollama:<model>``.

``openai:`` serves any OpenAI-compatible endpoint (vLLM, llama.cpp's server, LM Studio,
Ollama's /v1): base URL and key from settings or ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY``.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Callable

from ..settings import Settings
from ..types import Hit
from .base import Draft, Generator
from .prompting import PromptBuilder, condense_messages


def chat_model(name: str, settings: Settings | None):
    settings = settings or Settings()
    backend, model = name.split(":", 1)
    if backend == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise RuntimeError("the openai: backend needs langchain-openai; run 'make setup'") from exc
        base_url = settings.openai_base_url or os.environ.get("OPENAI_BASE_URL") or None
        key = settings.openai_api_key or os.environ.get("OPENAI_API_KEY") or "not-needed"
        return ChatOpenAI(model=model, base_url=base_url, api_key=key, temperature=0, max_retries=0,
                          timeout=settings.chat_timeout)
    try:
        from langchain_ollama import ChatOllama
    except ImportError as exc:
        raise RuntimeError("the ollama: backend needs langchain-ollama; run 'make setup'") from exc
    base_url = settings.ollama_base_url or os.environ.get("OLLAMA_HOST") or None
    return ChatOllama(model=model, base_url=base_url, temperature=0,
                      format="json" if settings.answer_format == "json" else None)


class ChatModelGenerator(Generator):
    """Any LangChain chat model, prompted for the same JSON answer as the local model."""

    def __init__(self, model, embedder=None, settings: Settings | None = None, name: str = "chat"):
        self.model = model
        self.name = name
        self.prompts = PromptBuilder(embedder=embedder, settings=settings)

    def generate(self, question: str, hits: list[Hit], as_of: date | None = None,
                 on_text: Callable[[str], None] | None = None) -> Draft:
        if not hits:
            return Draft(refused=True)
        watcher = self.prompts.watcher(on_text)
        raw = []
        for chunk in self.model.stream(_lc(self.prompts.messages(question, hits, as_of))):
            text = chunk.content if isinstance(chunk.content, str) else ""
            if text:
                raw.append(text)
                watcher.feed(text)
        return self.prompts.parse("".join(raw), len(hits))

    def rewrite(self, question: str, history) -> str:
        out = self.model.invoke(_lc(condense_messages(question, history)))
        text = out.content if isinstance(out.content, str) else ""
        return text.strip().splitlines()[0] if text.strip() else question


def _lc(messages: list[dict]):
    from langchain_core.messages import HumanMessage, SystemMessage

    return [SystemMessage(m["content"]) if m["role"] == "system" else HumanMessage(m["content"]) for m in messages]
