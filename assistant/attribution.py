"""Who a sentence says says so: "according to X", "X said", "X estimated that", "reportedly".

Found with spaCy's dependency parse (``en_core_web_sm`` 3.8.0): a speech or cognition verb
with its subject, the object of "according to", the agent of "was reported by", and the
hedging adverbs "reportedly" and "allegedly". A pronoun subject ("she said") is replaced by
the last person or organisation named before it in the paragraph, or the source an earlier sentence named when
that came later ("A senior nurse ... said ... 'Some have waited three years,' she said"): an answer quoting "she
said" gets the name beside it: "she (Ana Moss) said", "she (a senior nurse) said". ``eval/bench_dates.py``
measures this parse against a word list on sentences written for it.

The answer chain uses it so that a claim its source attributes keeps its attribution: an
answer sentence that states such a claim as plain fact gets "According to X, " in front.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .nlp import parse
from .text import content_terms

__all__ = ["attribution_of", "attributions", "keep_attribution"]

SPEECH = frozenset("""say tell announce estimate claim report state mention add confirm deny warn allege insist argue
note acknowledge predict find conclude show believe suggest indicate reveal disclose assert declare explain write testify
maintain contend admit concede forecast expect accuse describe call quote caution promise vow""".split())
_HEDGES = {"reportedly": "reportedly", "allegedly": "allegedly", "purportedly": "purportedly"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that"}
_NAMED_BY_PRONOUN = {"he", "she"}  # an answer quoting "she said" says who she is ("they": often a group unnamed)
def _phrase(token) -> str:
    """The noun phrase a token heads, without a trailing appositive clause or punctuation."""
    dated = {t.i for c in token.children if c.dep_ in ("prep", "npadvmod") and any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree)
             for t in c.subtree}  # "Sputnik News on the 15th": the date is not the source
    clauses = {t.i for c in token.children if c.dep_ == "relcl" and c.i > token.i for t in c.subtree}  # "who asked ..."
    tokens = [t for t in token.subtree if t.i not in dated and t.i not in clauses
              and (t.dep_ not in ("relcl", "punct") or t.i < token.i)]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens if t.dep_ != "punct" or t.i <= token.i)
    if len(tokens) < end - start + 1:
        end = max(t.i for t in tokens if t.i <= token.i or all(u.i in {x.i for x in tokens} for u in token.doc[token.i:t.i + 1]))
    return token.doc[start : end + 1].text.strip(" ,")


def _sources_in(sent, entities_before: list[str]) -> str | None:
    for t in sent:
        low = t.lower_
        if low in _HEDGES and t.pos_ == "ADV":
            return _HEDGES[low]
        if low == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return _resolve(_phrase(objs[0]), entities_before)
    for t in sent:
        # "... (79% ..., including 45% who believe his actions were illegal)": a relative clause tells what some
        # believe; it does not attribute the sentence
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in SPEECH or t.dep_ == "relcl":
            continue
        agent = [c for c in t.children if c.dep_ == "agent"]
        if agent:
            objs = [c for c in agent[0].children if c.dep_ == "pobj"]
            if objs:
                return _resolve(_phrase(objs[0]), entities_before)
        subj = [c for c in t.children if c.dep_ in ("nsubj",)]
        # "X said (that) ...", "..., X said.": the verb governs a clause or sits beside the main one
        says_something = any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in t.children) or t.dep_ in ("ROOT", "parataxis", "ccomp")
        if subj and says_something and subj[0].lower_ not in ("it",):
            return _resolve(_phrase(subj[0]), entities_before)
    return None


def _resolve(phrase: str, entities_before: list[str]) -> str:
    if phrase.lower() in _PRONOUNS and entities_before:
        return entities_before[-1]
    return phrase


@lru_cache(maxsize=4096)
def attributions(paragraph: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, source or None) for each sentence of ``paragraph`` (kept for the paragraphs seen last)."""
    doc = parse(paragraph)
    out = []
    named = [(e.end_char, e.text) for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
    # the small recogniser misses many names ("Fire chief Ana Moss"): runs of two or more proper nouns count too
    run: list = []
    for t in list(doc) + [None]:
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.ent_type_:
            run.append(t)
            continue
        if len(run) >= 2:
            named.append((run[-1].idx + len(run[-1].text), " ".join(x.text for x in run)))
        run = []
    named.sort()
    spoke: list[tuple[int, str]] = []  # the sources earlier sentences named: "A senior nurse ... said ...", then "she said"
    for sent in doc.sents:
        before = [text for end, text in sorted([(end, text) for end, text in named if end <= sent.start_char] + spoke)]
        source = _sources_in(sent, before)
        out.append((sent.start_char, sent.end_char, source))
        if source and source.lower() not in _PRONOUNS and source not in _HEDGES.values():
            spoke.append((sent.end_char, source))
    return tuple(out)


def attribution_of(sentence: str) -> str | None:
    """Who ``sentence`` attributes its claim to, or None for a plain statement."""
    found = attributions(sentence)
    return next((s for _, _, s in found if s), None)


def _kept(sentence: str, source: str) -> bool:
    """Does the answer sentence already say who says so?"""
    if source in _HEDGES.values():
        return bool(re.search(r"\b(reported|reportedly|allegedly|alleged|according to|said|says)\b", sentence, re.I))
    names = set(content_terms(source))
    return bool(names & set(content_terms(sentence))) or attribution_of(sentence) is not None


def keep_attribution(sentence: str, paragraphs: list[str]) -> tuple[str, str, bool]:
    """(sentence, source, repaired): who the claim rests on in the paragraphs the sentence cites, and the
    sentence with "According to <source>, " put in front when it stated an attributed claim as plain fact."""
    terms = set(content_terms(sentence))
    if not terms:
        return sentence, "", False
    best, best_overlap = None, 0.0
    for para in paragraphs:
        for s, e, source in attributions(para):
            overlap = len(terms & set(content_terms(para[s:e]))) / len(terms)
            if overlap > best_overlap:
                best, best_overlap = source, overlap
    if not best or best_overlap < 0.5:
        return sentence, "", False
    if _kept(sentence, best):
        said = attribution_of(sentence)
        m = re.search(rf"\b{re.escape(said)}\b", sentence) if said and said.lower() in _NAMED_BY_PRONOUN else None
        if m and best.lower() not in _PRONOUNS and _a_person(best, paragraphs):
            who = _lower_article(best)  # 'she (Ana Moss) said', 'she (a senior nurse) said'
            return sentence[:m.end()] + f" ({who})" + sentence[m.end():], best, True
        return sentence, best, False
    if best in _HEDGES.values():
        return f"Reportedly, {_lower_first(sentence)}", best, True
    return f"According to {_lower_article(best)}, {_lower_first(sentence)}", best, True


def _lower_article(source: str) -> str:
    """"A senior nurse" inside a sentence: "a senior nurse"."""
    return source[:1].lower() + source[1:] if source.split(" ", 1)[0] in ("The", "A", "An") else source


def _a_person(name: str, paragraphs: list[str]) -> bool:
    """``name`` can be the "he" or "she" who said it: not what the recogniser calls a place or a group (it calls
    many invented people organisations: "Ifeoma Grant" ORG)."""
    for para in paragraphs:
        for e in parse(para).ents:
            if name in e.text or e.text in name:
                return e.label_ not in ("GPE", "LOC", "FAC", "NORP", "DATE", "TIME")
    return len(name.split()) >= 2  # a run of proper nouns the recogniser missed ("Ana Moss")


def _lower_first(sentence: str) -> str:
    doc = parse(sentence)
    if len(doc) and (doc[0].pos_ == "PROPN" or doc[0].text == "I" or doc[0].ent_type_):
        return sentence  # a name: "Zelensky said" stays capitalised
    return sentence[:1].lower() + sentence[1:]
