"""Who did what: a sentence must not give what its source says of one named person to another.

The support check compares words, so "Colin Farrell won best actress" passes a paragraph in
which Michelle Yeoh won the actress award and Farrell the actor's: every word is there. This
reads both with spaCy's parse. In each clause of the sentence whose subject is a name, the
words its predicate says of that name (nouns and adjectives) are looked up in the source;
a word the source uses only in clauses whose subject is another name, clauses that do not
mention the sentence's name at all, is bound to someone else ("actress" to Michelle Yeoh),
and the sentence is not supported.

Kept narrow on purpose: a word in a clause whose subject is a pronoun or a common noun ("she",
"the company") binds to no one, so a sentence that joins two of the source's sentences, or
resolves "she" to her name, is not flagged; nor does a word in what someone says ("..., the agency
announced, over issues with ..."): the speaker is its source, not its subject. Dates and numbers are
left to the other checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .attribution import SPEECH
from .nlp import parse
from .text import STOPWORDS, stem

__all__ = ["Misbound", "misbound"]

_SUBJECTS = ("nsubj", "nsubjpass")
_SAID = ("NOUN", "PROPN", "ADJ")  # what a predicate says of its subject that can be swapped between people
_CLASS = {"NOUN": "noun", "PROPN": "noun", "ADJ": "adjective"}  # a word is compared with the same word so used
_LEFT_TO_OTHERS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
_PLACES = ("GPE", "LOC", "NORP", "FAC")
_RELATIVE = {"who", "that", "which", "whom"}


@dataclass(frozen=True)
class Misbound:
    """``word`` said of ``name`` by the sentence; the source says it of ``other`` only."""

    name: str
    word: str
    other: str

    def reason(self) -> str:
        return f"“{self.word}” is said of {self.other} in the source, not of {self.name}"


@dataclass(frozen=True)
class _Clause:
    names: frozenset[str]  # stems of the proper nouns in its subject; empty: no named subject
    name: str  # the subject as written
    terms: frozenset[str]  # stems of every word in the clause, subject included


def _clause_head(token):
    """The nearest verb at or above ``token`` that has a subject: the head of the clause it belongs to (a noun
    with a "subject" is a misparse: "NASA unveils new James Webb Telescope images", "Telescope" the subject of
    "images")."""
    t = token
    while True:
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in t.children):
            return t
        if t.head.i == t.i:
            return None
        t = t.head


def _subject(head):
    s = next(c for c in head.children if c.dep_ in _SUBJECTS)
    if s.lower_ in _RELATIVE and head.dep_ == "relcl":  # "Yeoh, who won best actress": the noun the clause qualifies
        return head.head
    return s


@dataclass(frozen=True)
class _Read:
    """A text's clauses: per token, the clause it belongs to (None: none, or it is part of that clause's subject)."""

    clauses: dict[int, _Clause]
    owner: list[int | None]  # per token: its clause head's index
    in_subject: list[bool]  # per token: it is part of its clause's subject


def _read(text: str) -> _Read:
    doc = parse(text)
    heads = [_clause_head(t) for t in doc]
    owner = [h.i if h is not None else None for h in heads]
    members: dict[int, list] = {}
    for t, i in zip(doc, owner):
        if i is not None:
            members.setdefault(i, []).append(t)
    clauses = {}
    in_subject = [False] * len(doc)
    for i, tokens in members.items():
        head = doc[i]
        subject = _subject(head)
        if subject.i == head.head.i and head.dep_ == "relcl":  # the noun a relative clause qualifies, without it
            span = [t for t in subject.subtree if not head.left_edge.i <= t.i <= head.right_edge.i]
        else:
            span = [t for t in subject.subtree if owner[t.i] == i]
        for t in span:
            if owner[t.i] == i:
                in_subject[t.i] = True
        # named: a subject that is a name ("Michelle Yeoh and Ke Huy Quan"), not a noun a name qualifies ("the
        # dark comedy 'The Banshees of Inisherin'"), nor a place, which news puts for its government or people
        # ("Washington imposed sanctions" may be written "the United States imposed sanctions")
        named = subject.pos_ == "PROPN" and subject.ent_type_ not in _PLACES
        # "..., the agency announced, over issues": said by it, not of it (but "was found guilty" is said of him)
        spoken = head.lemma_.lower() in SPEECH and subject.dep_ == "nsubj"
        proper = [t for t in span if t.pos_ == "PROPN"] if named and not spoken else []
        # who it is: the person or body the recogniser marks ("Mike Pence" of "Vice President Mike Pence"), so that
        # a title two people share ("President", "Gov.") does not make them one
        marked = [t for t in proper if t.ent_type_ in ("PERSON", "ORG")]
        names = frozenset(stem(t.lower_) for t in (marked or proper))
        written = " ".join(t.text for t in span if t.pos_ not in ("DET", "PUNCT")) if proper else ""
        clauses[i] = _Clause(names, written, frozenset(stem(t.lower_) for t in tokens) | names)
    return _Read(clauses, owner, in_subject)


def misbound(sentence: str, source: str) -> Misbound | None:
    """The first word ``sentence`` says of a named subject that ``source`` says only of other names, or None."""
    doc = parse(sentence)
    mine = _read(sentence)
    said = [((stem(t.lower_), _CLASS[t.pos_]), t.text, mine.clauses[mine.owner[t.i]],
             (t.pos_ == "ADJ", t.dep_ == "compound")) for t in doc
            if t.pos_ in _SAID and t.ent_type_ not in _LEFT_TO_OTHERS and t.is_alpha and t.lower_ not in STOPWORDS
            and mine.owner[t.i] is not None and not mine.in_subject[t.i] and mine.clauses[mine.owner[t.i]].names]
    if not said:
        return None
    said.sort(key=lambda s: s[3])  # a noun names the role best: "actress" before "lead" and "best"
    src = _read(source)
    places: dict[tuple[str, str], list[_Clause | None]] = {}  # per word and word class ("images" the noun)
    for t in parse(source):
        i = src.owner[t.i]
        clause = None if i is None or src.in_subject[t.i] else src.clauses[i]
        places.setdefault((stem(t.lower_), _CLASS.get(t.pos_, "")), []).append(clause)
    for term, word, clause, _ in said:
        found = places.get(term)
        if not found:
            continue  # absent words are the word-overlap check's business
        if all(c is not None and c.names and not (c.names & clause.names) and not (c.terms & clause.names)
               for c in found):
            return Misbound(clause.name, word, found[0].name)
    return None
