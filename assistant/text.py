"""Word-level text helpers shared by BM25, the extractive generator and the checker."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say according week this last new news one ones get got
    did does many much which whose""".split()
)

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_WORD_WHOLE_NUMBERS = re.compile(r"\d+(?:[.,]\d+)+|[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def words(text: str, whole_numbers: bool = False) -> list[str]:
    """Lower-cased word tokens, possessives folded ("Russia's" -> "russia"); ``whole_numbers`` keeps "1,200" and
    "3.5" one token (to read what a number counts: "1,200 residents" is no "1" of anything)."""
    out = []
    for w in (_WORD_WHOLE_NUMBERS if whole_numbers else _WORD).findall(text):
        w = w.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return out


def stem(word: str) -> str:
    """A light plural/verb-ending fold, enough to match 'troops' with 'troop'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed words without stopwords: what BM25 and overlap scores compare."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


_QUESTION_WORDS = frozenset(
    "what which who whom whose when where why how did does do is are was were in on at the a an "
    "according after before during this last".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_CAP_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|la|al|bin|von)\s+)?(?:the\s+)?[A-Z][\w'’.-]*)*")
_NUM = re.compile(r"\b\d[\d,.]*\b")


# Words that open sentences without naming anything: never taken for names.
_OPENERS = frozenset(
    """according additionally also although however meanwhile despite while since after before during
    both each either neither many most several some reports officials yes no today yesterday tomorrow
    earlier later still thus therefore instead overall finally first second third""".split()
)


def key_entities(text: str, keep_initial: bool = False) -> list[str]:
    """Names and numbers in ``text``: capitalised runs and digits.

    A capitalised word that opens a sentence is ambiguous ("Legendary", "China"), so
    it is dropped unless ``keep_initial`` (claims are checked strictly: "China said ..."),
    and even then common openers ("According", "However") are dropped. Used to check that
    what a question is about, or what a sentence claims, occurs in a paragraph.
    """
    out = []
    for m in _CAP_RUN.finditer(text):
        phrase = re.split(r"[.!?]\s", m.group(0))[0]
        tokens = [re.sub(r"['’]s$", "", t) for t in phrase.split()]
        first = tokens[0].lower()
        drop_initial = not keep_initial or first in STOPWORDS or first in _OPENERS
        if (_opens_sentence(text, m.start()) and drop_initial) or first in _QUESTION_WORDS:
            tokens = tokens[1:]
        while tokens and tokens[0].lower() in {"of", "the", "de", "la", "al", "bin", "von"}:
            tokens = tokens[1:]
        phrase = " ".join(tokens).strip(" .'’")
        if not phrase or not phrase[0].isupper():
            continue
        if len(tokens) == 1 and (phrase.lower() in STOPWORDS or phrase.lower() in WEEKDAYS):
            continue
        out.append(phrase)
    out.extend(m.group(0).rstrip(".,") for m in _NUM.finditer(text))
    return out


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def entity_found(entity: str, haystack_terms: set[str]) -> bool:
    """Every content word of ``entity`` occurs among ``haystack_terms`` (stemmed)."""
    terms = content_terms(entity) or [w for w in words(entity)]
    return all(t in haystack_terms or t.replace(",", "") in haystack_terms for t in terms)


def article_terms(hits) -> dict[str, set[str]]:
    """Per article among ``hits``: the content words of its retrieved paragraphs, its title and its lead (the first
    paragraph, which names what the later ones call "the moor")."""
    out: dict[str, set[str]] = {}
    for h in hits:
        out.setdefault(h.article_id, set()).update(content_terms(f"{h.title} {h.text} {h.lead}"))
    return out


def names_by_article(question: str, hits) -> dict[str, set[str]]:
    """Per article among ``hits``: the content words of the question's names (``key_entities``) that the
    article's retrieved paragraphs or its title hold. News names "the Skerrow Lass" in its lead and says "the
    vessel" after, so a paragraph is about the question's names when its article names them."""
    names = key_entities(question)
    return {a: {t for e in names if entity_found(e, terms) for t in (content_terms(e) or words(e))}
            for a, terms in article_terms(hits).items()}
