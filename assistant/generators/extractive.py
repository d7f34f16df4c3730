"""The instant generator: quote the sentences that best answer the question, each cited.

Each candidate sentence of the retrieved paragraphs gets an evidence score from
cheap, explainable signals: embedding similarity to the question, the share of
the question's content words (weighted by rarity) found in the sentence and in
its paragraph, and whether it holds the kind of thing asked for (a number for
"how many", a date for "when", a name for "who"). Whether to answer at all is one
calibrated decision (``refusal``): P(answerable) from these signals, fitted by
cross-validation; below its threshold the answer is the "cannot answer" response.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ..asks import (asks_age, asks_reason, counted_thing, expected_kind, focus_term, gives_reason, holds_kind,
                    named_thing_asked, names_role, names_thing, role_asked, role_forms, states_age, withholds)
from ..attribution import attribution_of
from ..events import inflections, past_forms, phrasal, same_event
from ..nlp import parse
from ..sentences import sentence_spans
from ..settings import Settings
from ..text import article_terms, content_terms, entity_found, key_entities, words
from ..types import Hit
from .base import Draft, DraftSentence, Generator


@dataclass(frozen=True)
class Candidate:
    hit: int  # position in hits
    start: int  # offsets within the paragraph
    end: int
    text: str
    similarity: float = 0.0
    coverage: float = 0.0
    context: float = 0.0
    fits: bool = True
    entities: float = 1.0  # share of the question's names and numbers found in the paragraph
    matched: frozenset = frozenset()  # the question's content words this sentence holds
    score: float = 0.0


class ExtractiveGenerator(Generator):
    name = "extractive"

    def __init__(self, embedder=None, settings: Settings | None = None, refusal=None):
        self.embedder = embedder
        self.settings = settings or Settings()
        self._refusal = refusal  # a RefusalModel; the committed one when None

    def candidates(self, question: str, hits: list[Hit]) -> list[Candidate]:
        """Every sentence of the retrieved paragraphs, scored (best first)."""
        q_terms = set(content_terms(question))
        hit_terms = [set(content_terms(h.title + " " + h.text)) for h in hits]
        weights = _rarity(q_terms, hit_terms)
        total = sum(weights.values()) or 1.0
        kind = expected_kind(question)
        counted = counted_thing(question)
        focus = focus_term(question)
        age = asks_age(question)  # "How old is the whale?": "six years old", not "nine hours"
        q_entities = key_entities(question)
        role = role_asked(question) if kind == "name" else None
        # "Who chairs Ellsmoor Rovers?": "chairman Leopold Varney" holds the word asked for ("chair") in another form
        forms = role_forms(role) if role else set()
        role_terms = q_terms & set(content_terms(" ".join(forms)))
        if forms:
            role_terms |= q_terms & {"charge", "leading", "heading"}  # "Who is in charge of / leading ...?"
        # a verb of the question is told by the other verbs of its event: "finally caught" by "was recaptured"
        told = _told_by(question, q_terms)
        # "When was he caught?": a sentence that tells the event in the past ("was recaptured on Monday") dates it;
        # one that only names it ("for information leading to his capture") does not
        happened = _happened_forms(question) if kind == "date" else frozenset()
        raw: list[Candidate] = []
        # A later paragraph says "the museum" where the lead said "the Vantmoor Civic Museum": a name counts as
        # found when the paragraph or another retrieved paragraph of its article (or its title) holds it.
        in_article = article_terms(hits)
        for i, hit in enumerate(hits):
            para_terms = hit_terms[i] | (role_terms if forms and forms & set(words(hit.text)) else set())
            para_terms |= {t for t, verbs in told.items() if verbs & set(words(hit.text))}
            context = sum(w for t, w in weights.items() if t in para_terms) / total
            found = sum(entity_found(e, para_terms) or entity_found(e, in_article[hit.article_id])
                        for e in q_entities)
            entities = found / len(q_entities) if q_entities else 1.0
            for s, e in sentence_spans(hit.text):
                text = hit.text[s:e]
                if text.rstrip(" \"'”’").endswith("?"):
                    continue  # a question (a subheading, "Why did Elon Musk change the Twitter logo?") answers nothing
                terms = set(content_terms(text)) | (role_terms if forms and forms & set(words(text)) else set())
                terms |= {t for t, verbs in told.items() if verbs & set(words(text))}
                coverage = sum(w for t, w in weights.items() if t in terms) / total
                raw.append(Candidate(i, s, e, text, coverage=coverage, context=context,
                                     fits=holds_kind(text, kind, counted) and (not age or states_age(text)),
                                     entities=entities,
                                     matched=frozenset(terms & q_terms)))
        if not raw:
            return []
        # Embedding similarity only for the lexically most promising sentences: keeps ask fast.
        # A sentence holding the kind asked for ("a sum of money") is scored even when it shares few words.
        reason = asks_reason(question) and self.settings.reason_bonus > 0
        raw.sort(key=lambda c: -(c.coverage + 0.5 * c.context + (0.5 if kind and c.fits else 0.0)
                                 + (0.25 if reason and gives_reason(c.text) else 0.0)))
        raw = raw[: self.settings.sentence_pool]
        sims = self._similarities(question, [c.text for c in raw])
        named = named_thing_asked(question)  # "Which airline ...?": a sentence naming none does not fit
        scored = []
        for c, sim in zip(raw, sims):
            if named and c.fits and not names_thing(question, c.text, named):
                c = replace(c, fits=False)
            if role and c.fits and not names_role(question, c.text, role):  # nor one naming no chair
                c = replace(c, fits=False)
            score = 0.45 * max(sim, 0.0) + 0.35 * c.coverage + 0.20 * c.context
            if not c.fits:
                score *= 0.5
            if focus and focus in c.matched | set(content_terms(c.text)):
                score += 0.1  # holds the thing asked for ("which airport" -> "... Airport")
            if happened and happened & set(words(c.text)):
                score += self.settings.event_bonus
            if reason and gives_reason(c.text):
                score += self.settings.reason_bonus  # "Why ...?": "chosen because ...", "traced to ..."
            score *= c.entities
            scored.append(Candidate(c.hit, c.start, c.end, c.text, float(sim), c.coverage, c.context,
                                    c.fits, c.entities, c.matched, score))
        scored.sort(key=lambda c: -c.score)
        return scored

    def _reason(self, ranked: list[Candidate], chosen: list[Candidate]) -> Candidate | None:
        """For "Why ...?" when no chosen sentence gives a reason: the best sentence that does, in so many words, with
        as much support as a sentence answering another part of a question needs; else the best one that is
        someone's account ("Fire investigators believe gas escaped from a corroded pipe"), not the event told again
        nor "too early to say what caused this"."""
        bar = 0.75 * self.settings.min_support
        fresh = [c for c in ranked if c.score >= bar and c not in chosen
                 and not any(_redundant(c.text, o.text) for o in chosen)]
        return (next((c for c in fresh if gives_reason(c.text, strong=True)), None)
                or next((c for c in fresh if c in ranked[1:8] and not withholds(c.text) and attribution_of(c.text)),
                        None))

    def _continuation(self, question: str, best: Candidate, hits: list[Hit], ranked: list[Candidate]):
        """The sentence after ``best`` in its paragraph when ``best`` mostly restates the question ("The list of
        species Colossal wants to bring back is growing." -> "The latest addition: the dodo."); else None."""
        terms = set(content_terms(best.text))
        if not terms or len(terms & set(content_terms(question))) / len(terms) < self.settings.echo_share:
            return None
        text = hits[best.hit].text
        spans = [sp for sp in sentence_spans(text) if sp[0] >= best.end]
        if not spans:
            return None
        s, e = spans[0]
        same = [c for c in ranked if c.hit == best.hit and c.start == s]
        return same[0] if same else Candidate(best.hit, s, e, text[s:e])

    def _similarities(self, question: str, texts: list[str]) -> np.ndarray:
        if self.embedder is None:
            return np.zeros(len(texts))
        vecs = self.embedder.embed([question] + texts)
        return vecs[1:] @ vecs[0]

    @property
    def refusal(self):
        if self._refusal is None:
            from ..refusal import default_model

            self._refusal = default_model()
        return self._refusal

    def decide(self, question: str, hits: list[Hit], ranked: list[Candidate] | None = None) -> tuple[bool, dict]:
        """(refuse?, notes): the calibrated refusal decision on these paragraphs (``refusal``)."""
        from ..refusal import Signals

        ranked = self.candidates(question, hits) if ranked is None else ranked
        signals = Signals.of(question, hits, ranked[0] if ranked else None)
        p = self.refusal.p_answerable(signals)
        notes = {"best_score": ranked[0].score if ranked else 0.0, "p_answerable": round(p, 4), "signals": signals.to_json()}
        return (not ranked or self.refusal.refuses(signals)), notes

    def generate(self, question: str, hits: list[Hit], as_of: date | None = None, on_text=None) -> Draft:
        ranked = self.candidates(question, hits)
        refuse, notes = self.decide(question, hits, ranked)
        if refuse:
            return Draft(refused=True, notes=notes)
        best = ranked[0]
        chosen = [best]
        covered = set(best.matched)
        for c in ranked[1:]:
            if len(chosen) >= self.settings.max_sentences:
                break
            if any(_redundant(c.text, o.text) for o in chosen):
                continue
            close = c.fits and c.score >= max(self.settings.min_support, 0.85 * best.score)
            # A multi-part question: a relevant sentence that answers a part not yet covered.
            adds = len(c.matched - covered) >= 2 and c.score >= 0.75 * self.settings.min_support
            if close or adds:
                chosen.append(c)
                covered |= c.matched
        if asks_reason(question) and self.settings.reason_bonus > 0 and not any(
                gives_reason(c.text, strong=True) for c in chosen):
            reason = self._reason(ranked, chosen)
            if reason is not None:
                chosen = chosen[: self.settings.max_sentences - 1] + [reason]
        if not best.fits and expected_kind(question) and not any(c.fits for c in chosen):
            # "How long had patients been waiting?": the best sentence tells of the waiting but gives no length of
            # time; the best one that does joins the answer when it scores nearly as well
            fit = next((c for c in ranked if c.fits and c.score >= self.settings.kind_share * best.score
                        and not any(_redundant(c.text, o.text) for o in chosen)), None)
            if fit is not None:
                chosen = chosen[: self.settings.max_sentences - 1] + [fit]
        follow = self._continuation(question, best, hits, ranked)
        if follow is not None and follow not in chosen:
            chosen.append(follow)
        # Reading order: by retrieval rank of the paragraph, then position within it.
        chosen.sort(key=lambda c: (c.hit, c.start))
        sentences = tuple(DraftSentence(c.text, (c.hit,)) for c in chosen)
        if on_text is not None:
            on_text(" ".join(s.text for s in sentences))
        return Draft(sentences=sentences, notes=notes)


def _told_by(question: str, q_terms: set[str]) -> dict[str, frozenset[str]]:
    """The question's terms that name an event, each with the written forms of the other verbs that tell of it
    (``events.SAME_EVENT``): "caught" -> {"recaptured", "arrested", "detained", ...}."""
    out = {}
    for t in parse(question):
        group = same_event(phrasal(t))
        if len(group) > 1 and t.pos_ in ("VERB", "NOUN", "ADJ"):
            for term in content_terms(t.text):
                if term in q_terms:
                    out[term] = frozenset().union(*(inflections(v) for v in group)) - {term}
    return out


def _happened_forms(question: str) -> frozenset[str]:
    """The past forms of the question's event verbs and of the verbs that tell the same event: "caught" ->
    {"caught", "arrested", "detained", "captured", "recaptured"}."""
    out: set[str] = set()
    for t in parse(question):
        if t.pos_ == "VERB" and t.lemma_.lower() not in ("be", "have", "do", "happen", "take", "make", "get"):
            out |= {t.lower_} if t.tag_ in ("VBD", "VBN") else set()
            for v in same_event(phrasal(t)):
                out |= past_forms(v)
    last = re.search(r"\b(?:did|does|do|will)\b.*\s([a-z]+)\s*\?*$", question.strip(), re.I)
    if last and not out:  # "When did the second count of the ballots finish?" (the parser reads "finish" as a noun)
        out |= past_forms(last.group(1).lower())
    return frozenset(out)


def _rarity(q_terms: set[str], docs: list[set[str]]) -> dict[str, float]:
    """Weight each question term by how rare it is among the retrieved paragraphs (plus one)."""
    n = len(docs) + 1
    out = {}
    for t in q_terms:
        df = sum(1 for d in docs if t in d)
        out[t] = math.log(1 + n / (1 + df)) + 0.5
    return out


def _redundant(a: str, b: str) -> bool:
    ta, tb = set(content_terms(a)), set(content_terms(b))
    if not ta or not tb:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) > 0.7
