"""Generators write answers from retrieved paragraphs; ``make_generator`` picks one by name."""

from __future__ import annotations

from .base import Draft, DraftSentence, Generator

__all__ = ["Draft", "DraftSentence", "Generator", "make_generator", "GENERATORS"]

GENERATORS = ("extractive",)


def make_generator(name: str, *, embedder=None, settings=None) -> Generator:
    """The generator called ``name`` (the ``generator`` setting)."""
    if name == "extractive":
        from .extractive import ExtractiveGenerator

        return ExtractiveGenerator(embedder=embedder, settings=settings)
    raise ValueError(
        f"unknown generator {name!r}; set ASSISTANT_GENERATOR (or --generator) to one of: "
        + ", ".join(GENERATORS)
    )
