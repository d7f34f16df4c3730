"""Generators write answers from retrieved paragraphs; ``make_generator`` picks one by name."""

from __future__ import annotations

from .base import Draft, DraftSentence, Generator

__all__ = ["Draft", "DraftSentence", "Generator", "make_generator", "GENERATORS"]

GENERATORS = ("extractive", "local", "openai:<model>", "ollama:<model>")


def make_generator(name: str, *, embedder=None, settings=None) -> Generator:
    """The generator called ``name`` (the ``generator`` setting)."""
    if name == "extractive":
        from .extractive import ExtractiveGenerator

        return ExtractiveGenerator(embedder=embedder, settings=settings)
    if name == "local":
        from .local import LocalGenerator

        return LocalGenerator(embedder=embedder, settings=settings)
    if name.startswith(("openai:", "ollama:")) and name.split(":", 1)[1]:
        from .chat import ChatModelGenerator, chat_model

        return ChatModelGenerator(chat_model(name, settings), embedder=embedder, settings=settings, name=name)
    raise ValueError(
        f"unknown generator {name!r}; set ASSISTANT_GENERATOR (or --generator) to one of: "
        + ", ".join(GENERATORS)
    )
