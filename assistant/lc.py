"""The one adapter between our types and LangChain's: documents, a retriever, the answer chain."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import ConfigDict

from .citations import build_answer
from .generators.base import Draft, Generator
from .retrieval import Filters, Retriever
from .types import Hit


def hit_to_document(hit: Hit) -> Document:
    return Document(
        id=hit.paragraph_id,
        page_content=hit.text,
        metadata={
            "source": hit.url or hit.source,  # LangChain loaders' convention: where the text came from
            "paragraph_id": hit.paragraph_id,
            "article_id": hit.article_id,
            "title": hit.title,
            "outlet": hit.outlet,
            "published": hit.published.isoformat(),
            "start": hit.start,
            "end": hit.end,
            "score": hit.score,
        },
    )


class ParagraphRetriever(BaseRetriever):
    """A LangChain retriever over the assistant's hybrid index.

    ``k`` and the filters (``as_of``, ``outlets``, ``since``, ``until``) are set at construction
    and can be given again at call time: ``retriever.invoke(query, k=1, as_of="2024-12-20")``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any
    k: int = 5
    filters: Any = Filters()

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None, **filters: Any) -> list[Document]:
        f = Filters.from_values(**{**self.filters.values(), **filters}) if filters else self.filters
        return [hit_to_document(h) for h in self.retriever.search(query, k or self.k, f)]


def answer_chain(retriever: Retriever, generator: Generator, verifier=None, fallback: Generator | None = None) -> Runnable:
    """retrieve -> generate -> verify -> check citations, as a runnable.

    Input: ``{"question": str, "k": int, "filters": Filters, "mode": str, "include": tuple[str, ...],
    "on_text": callable | None}``. Output: ``{"answer": Answer, "hits": list[Hit]}``.
    When the verifier leaves nothing supported, the ``fallback`` generator (extractive) answers
    instead, and it may refuse; ``Answer.generator`` and ``Answer.verification`` say what happened.
    """

    def retrieve(inp: dict) -> dict:
        hits = retriever.search(
            inp["question"], inp.get("k"), inp.get("filters", Filters()),
            mode=inp.get("mode", "hybrid"), include=inp.get("include", ()),
        )
        if inp.get("on_hits"):
            inp["on_hits"](hits)
        return {**inp, "hits": hits}

    def generate(inp: dict) -> dict:
        as_of = inp.get("filters", Filters()).as_of
        if fallback is not None and fallback is not generator and hasattr(fallback, "decide"):
            # One calibrated decision whoever writes: when the paragraphs do not answer, no model is asked.
            refuse, notes = fallback.decide(inp["question"], inp["hits"])
            if refuse:
                return {**inp, "draft": Draft(refused=True, notes=notes)}
        draft = generator.generate(inp["question"], inp["hits"], as_of, on_text=inp.get("on_text"))
        return {**inp, "draft": draft}

    def verify(inp: dict) -> dict:
        if verifier is None:
            return {**inp, "verification": None, "writer": generator.name}
        extractive = generator.name == "extractive"
        draft, verification = verifier.verify(inp["question"], inp["draft"], inp["hits"], strict=not extractive,
                                              decided=extractive)
        writer = generator.name
        if draft.refused and fallback is not None and fallback is not generator and not inp["draft"].refused:
            as_of = inp.get("filters", Filters()).as_of
            backup = fallback.generate(inp["question"], inp["hits"], as_of)
            draft, _ = verifier.verify(inp["question"], backup, inp["hits"], strict=False, decided=True)
            writer = fallback.name
            verification = replace(verification, fallback=fallback.name if not draft.refused else "refused")
        return {**inp, "draft": draft, "verification": verification, "writer": writer}

    def check(inp: dict) -> dict:
        as_of: date | None = inp.get("filters", Filters()).as_of
        answer = build_answer(inp["draft"], inp["hits"], as_of, verification=inp["verification"], generator=inp["writer"])
        return {"answer": answer, "hits": inp["hits"]}

    return (
        RunnableLambda(retrieve).with_config(run_name="retrieve")
        | RunnableLambda(generate).with_config(run_name="generate")
        | RunnableLambda(verify).with_config(run_name="verify")
        | RunnableLambda(check).with_config(run_name="check_citations")
    )
