"""The one adapter between our types and LangChain's: documents, a retriever, the answer chain."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import ConfigDict

from .asks import role_words
from .brief import in_short
from .chain_state import AskRequest, ChainState
from .citations import build_answer
from .conflicts import find_disagreement
from .dates import state_dates
from .filters import read_time
from .generators.base import Draft, DraftSentence, Generator
from . import voice
from .multilingual import question_language
from .premises import contradicted_premise
from .retrieval import Filters, Retriever
from .timeline import endpoints, events, is_timeline
from .translation import Translator
from .types import Hit, TimelinePoint

TIMELINE_K = 10  # paragraphs read for a timeline question
DISAGREE_K = 10  # paragraphs read (in the one search) for rival values and for corrections of a premise
STORY_K = 30  # a timeline's further paragraphs: the rest of the reports its search found, read whole
ENDPOINT_K = 3  # paragraphs read for each end a timeline question names ("from the ballot to the failed talks")


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


def answer_chain(retriever: Retriever, generator: Generator, verifier=None, fallback: Generator | None = None,
                 slack_days: int = 7, crosslingual: Generator | None = None,
                 translator: Translator | None = None) -> Runnable:
    """retrieve -> generate -> verify -> check citations, as a runnable over a typed state.

    Input: an ``AskRequest``; output: the final ``ChainState`` (its ``answer`` and ``hits``).
    When the verifier leaves nothing supported, the ``fallback`` generator (extractive) answers
    instead, and it may refuse; ``Answer.generator`` and ``Answer.verification`` say what happened.
    A question in another language is answered by ``crosslingual`` (quotes matched by the multilingual
    model, which decides itself whether they answer) when given: the English generators cannot read it.
    A question in a language the ``translator`` reads is answered from its English reading instead, by the
    whole English path.
    """

    def foreign(state: ChainState) -> bool:
        return crosslingual is not None and state.language != "en" and not state.translated

    def read_in_english(request: AskRequest) -> AskRequest:
        """A question in a language the local model reads well is answered from its English reading; the model is
        shown the names of the paragraphs the question as asked retrieves, to spell them as the reports do."""
        if translator is None or not translator.reads(question_language(request.question)):
            return request
        hits = retriever.search(request.question, retriever.settings.k, request.filters, mode=request.mode)
        english = translator.translate(request.question, hits)
        if english is None:
            return request
        return replace(request, question=english, asked=request.question)

    def retrieve(request: AskRequest) -> ChainState:
        filters, period = read_time(request.question, request.filters, slack_days)
        if is_timeline(request.question) and request.k is None:  # a story over several reports: read more of them
            request = replace(request, k=max(retriever.settings.k, TIMELINE_K))
        k = request.k or retriever.settings.k
        # the rival report of a value asked for, or the line correcting a question's premise, is often just below
        # the best k: read a few more in the same search (the first k are the same either way)
        wide = max(k, DISAGREE_K)
        # "Who chairs X?" is searched for with the role's nouns too: reports say "chairman Leopold Varney"
        query = f"{request.question} {role_words(request.question)}".strip()
        found = retriever.search(query, wide, filters, mode=request.mode, include=request.include)
        if period is not None and not found:  # nothing published in that period: say what there is
            filters, period = request.filters, None
            found = retriever.search(query, wide, filters, mode=request.mode, include=request.include)
        hits = found[:k]
        for query in endpoints(request.question):  # "from the strike ballot to the failed talks": both ends read
            seen = {h.paragraph_id for h in hits}
            hits += [h for h in retriever.search(query, ENDPOINT_K, filters, mode=request.mode)
                     if h.paragraph_id not in seen]
        request.listener.hits(hits)
        return ChainState(request, hits=hits, further=found[k:], period=period, filters=filters,
                          language=question_language(request.asked or request.question))

    def read_premise(state: ChainState) -> ChainState:
        """A question that assumes what a retrieved sentence contradicts is answered by that sentence (read also in
        the next-best paragraphs: the correction is often a line further down a report)."""
        hits = state.hits + state.further
        premise = contradicted_premise(state.question, hits)
        if premise is None:
            return state
        draft = Draft(sentences=(DraftSentence(premise.sentence, (premise.hit,)),), notes={"premise": premise.assumed})
        if premise.hit < len(state.hits):
            return state.evolve(premise=premise, draft=draft)
        return state.evolve(premise=premise, draft=draft, hits=hits, further=[])

    def read_timeline(state: ChainState) -> ChainState:
        """A timeline question is answered by the dated events of the reports, in order."""
        if state.premise is not None or not is_timeline(state.question):
            return state
        hits = state.hits + retriever.story_hits(state.hits, STORY_K)  # the reports found, read whole
        found = tuple(events(state.question, hits))
        if len(found) < 2:
            return state
        draft = Draft(sentences=tuple(DraftSentence(f"{e.label}: {e.sentence}", (e.hit,)) for e in found),
                      notes={"timeline": len(found)})
        return state.evolve(timeline=found, draft=draft, hits=hits)

    def generate(state: ChainState) -> ChainState:
        if state.premise is not None or state.timeline:
            return state  # the correction, or the timeline, is the answer
        as_of = state.request.filters.as_of
        if foreign(state):
            return state.evolve(draft=crosslingual.generate(state.question, state.hits, as_of,
                                                            on_text=state.request.listener.on_text))
        if fallback is not None and fallback is not generator and hasattr(fallback, "decide"):
            # One calibrated decision whoever writes: when the paragraphs do not answer, no model is asked.
            refuse, notes = fallback.decide(state.question, state.hits)
            if refuse:
                return state.evolve(draft=Draft(refused=True, notes=notes))
        draft = generator.generate(state.question, state.hits, as_of, on_text=state.request.listener.on_text)
        return state.evolve(draft=draft)

    def verify(state: ChainState) -> ChainState:
        if verifier is None:
            return state.evolve(writer=generator.name)
        if state.premise is not None or state.timeline:  # a correction, a timeline: not one asked-for value
            draft, verification = verifier.verify(state.question, state.draft, state.hits,
                                                  decided=True, answering=False)
            return state.evolve(draft=draft, verification=verification,
                                writer="correction" if state.premise is not None else "timeline")
        if foreign(state):  # verbatim quotes, each checked against its paragraph; e5 decided they answer
            draft, verification = verifier.verify(state.question, state.draft, state.hits, decided=True,
                                                  answering=False)
            return state.evolve(draft=draft, verification=verification, writer=crosslingual.name)
        extractive = generator.name == "extractive"
        # the calibrated refusal already weighed the question's names over every retrieved paragraph
        decided = extractive or (fallback is not None and hasattr(fallback, "decide"))
        draft, verification = verifier.verify(state.question, state.draft, state.hits,
                                              decided=decided, quoted=extractive)
        writer = generator.name
        if draft.refused and fallback is not None and fallback is not generator and not state.draft.refused:
            backup = fallback.generate(state.question, state.hits, state.request.filters.as_of)
            draft, _ = verifier.verify(state.question, backup, state.hits, decided=True, quoted=True)
            writer = fallback.name
            verification = replace(verification, fallback=fallback.name if not draft.refused else "refused")
        return state.evolve(draft=draft, verification=verification, writer=writer)

    def disagree(state: ChainState) -> ChainState:
        """Reports of different stories that give different values: the answer shows each, cited."""
        if state.draft is None or state.draft.refused or state.premise is not None or state.timeline:
            return state
        hits = state.hits if foreign(state) else state.hits + state.further
        found = find_disagreement(state.question, hits)
        if found is None:
            return state
        sentences = list(state.draft.sentences)
        cited = {i for s in sentences for i in s.sources}
        for claim in found.claims:
            if claim.hit not in cited:
                sentences.append(DraftSentence(claim.sentence, (claim.hit,)))
                cited.add(claim.hit)
        return state.evolve(disagreement=found, hits=hits, draft=replace(state.draft, sentences=tuple(sentences)))

    def attribute(state: ChainState) -> ChainState:
        """A claim its source attributes keeps its attribution; one stated as plain fact gets it back."""
        if state.draft is None or state.draft.refused:
            return state
        from .attribution import keep_attribution

        sentences, repaired = [], []
        for s in state.draft.sentences:
            paragraphs = [state.hits[i].text for i in s.sources if 0 <= i < len(state.hits)]
            text, source, fixed = keep_attribution(s.text, paragraphs)
            sentences.append(replace(s, text=text, attribution=source))
            if fixed:
                repaired.append((s.text, text, source))
        verification = state.verification
        if repaired and verification is not None:
            verification = verification.with_attributions(repaired)
        return state.evolve(draft=replace(state.draft, sentences=tuple(sentences)), verification=verification)

    def resolve_dates(state: ChainState) -> ChainState:
        """Each relative date a sentence took from its paragraph gets its absolute date beside it."""
        if state.draft is None or state.draft.refused:
            return state
        sentences = tuple(
            replace(s, text=state_dates(s.text, [m for i in s.sources if 0 <= i < len(state.hits)
                                                 for m in state.hits[i].dates]))
            for s in state.draft.sentences)
        return state.evolve(draft=replace(state.draft, sentences=sentences))

    def check(state: ChainState) -> ChainState:
        answer = build_answer(state.draft, state.hits, state.request.filters.as_of,
                              verification=state.verification, generator=state.writer)
        if state.period is not None:
            answer = replace(answer, time_read=f"“{state.period.text}” read as {state.period.label}")
        if state.timeline and not answer.refused:
            labels = {f"{e.label}: ": e for e in state.timeline}
            points = tuple(TimelinePoint(e.day.isoformat(), e.label, s.citations[0], s.text)
                           for s in answer.sentences for prefix, e in labels.items()
                           if s.text.startswith(prefix) and s.citations)
            answer = replace(answer, timeline=points)
        language = state.language
        if not answer.refused and (state.premise is not None or state.disagreement is not None):
            flagged = "premise" if state.premise is not None else "disagreement"
            note = (state.premise or state.disagreement).note(language)
            answer = replace(answer, text=f"{note} {answer.text}", note=note, flagged=flagged)
        if state.translated:
            said = voice.read_in_english(language, state.question, answer.refused)
            answer = replace(answer, note=f"{said} {answer.note}".strip())
        elif language != "en":  # how a question in another language met the English reporting
            said = voice.searched_across_languages(language, retriever.multilingual is not None, answer.refused)
            answer = replace(answer, note=f"{said} {answer.note}".strip())
        if answer.refused and language != "en":
            answer = replace(answer, text=voice.cannot_answer(language))
        elif language != "en" and state.premise is None and state.disagreement is None and not state.timeline:
            said = in_short(state.question, answer, state.hits, language)  # the value asked for, in its language
            if said is not None:
                answer = replace(answer, brief=said, text=f"{said.text} [{said.citation}] {answer.text}")
        return state.evolve(answer=replace(answer, language=language))

    return (
        RunnableLambda(read_in_english).with_config(run_name="read_in_english")
        | RunnableLambda(retrieve).with_config(run_name="retrieve")
        | RunnableLambda(read_premise).with_config(run_name="read_premise")
        | RunnableLambda(read_timeline).with_config(run_name="read_timeline")
        | RunnableLambda(generate).with_config(run_name="generate")
        | RunnableLambda(verify).with_config(run_name="verify")
        | RunnableLambda(disagree).with_config(run_name="surface_disagreement")
        | RunnableLambda(attribute).with_config(run_name="keep_attribution")
        | RunnableLambda(resolve_dates).with_config(run_name="resolve_dates")
        | RunnableLambda(check).with_config(run_name="check_citations")
    )
