"""Verbs that tell of one event: "shut down" and "close", "find out" and "discover".

Used wherever the reporting may name the event a question asks about by another verb: a premise the report
contradicts ("is not closing" answers "Why did it shut?", ``premises``) and the day or value a report gives
for it ("discovered the breach on 3 November" answers "When did Veldren find out?", ``conflicts``).
"""

from __future__ import annotations

import re

__all__ = ["FORMS", "NOMINAL", "PHRASAL", "PHRASED", "SAME_EVENT", "inflections", "past_forms", "phrasal", "same_event", "tells"]

SAME_EVENT: tuple[frozenset[str], ...] = tuple(frozenset(g) for g in (
    {"close", "shut", "shutter"}, {"resign", "quit"}, {"cancel", "scrap", "axe"}, {"postpone", "delay"},
    {"arrest", "detain", "catch", "capture", "recapture"}, {"injure", "hurt", "wound"},
    {"withdraw", "pull", "abandon", "walk away"}, {"recall"}, {"stop", "halt", "suspend"}, {"demolish", "raze"},
    {"fire", "sack", "dismiss"}, {"charge", "indict"}, {"sell", "auction", "buy", "purchase"},
    {"approve", "license", "licence", "authorise", "authorize"}, {"evacuate"},
    {"find", "discover", "detect", "uncover", "spot"}, {"leak", "spill"}, {"hack", "breach"}, {"trap", "strand", "stick"},
    {"take effect", "come into force", "come into effect", "kick in"}, {"build", "construct", "erect", "date from"},
    {"break", "snap"}, {"retire"}, {"reject", "refuse", "throw out", "turn down"}, {"detonate", "explode", "blow up"},
    {"remove", "move", "relocate"}, {"fell", "clear", "cut down", "chop down"},
    {"open", "inaugurate"}, {"restart", "resume"},
))

# Phrasal verbs read as the verb they mean: "knock down" -> "demolish", "kick in" -> "take effect"
PHRASAL = {("knock", "down"): "demolish", ("tear", "down"): "demolish", ("pull", "down"): "demolish",
           ("shut", "down"): "shut", ("call", "off"): "cancel", ("step", "down"): "resign",
           ("sweep", "away"): "sweep away", ("carry", "away"): "sweep away", ("wash", "away"): "sweep away",
           ("walk", "away"): "walk away", ("pull", "out"): "withdraw", ("back", "out"): "withdraw",
           ("sign", "off"): "approve", ("move", "out"): "evacuate", ("clear", "out"): "evacuate",
           ("stop", "from"): "block", ("prevent", "from"): "block", ("bar", "from"): "block",
           ("kick", "in"): "kick in", ("find", "out"): "find", ("pull", "through"): "recover",
           ("turn", "up"): "find", ("throw", "out"): "reject", ("turn", "down"): "reject", ("blow", "up"): "detonate",
           ("cart", "away"): "remove", ("cart", "off"): "remove", ("take", "away"): "remove",
           ("cut", "down"): "cut down", ("chop", "down"): "chop down",
           ("start", "again"): "restart", ("run", "again"): "restart", ("begin", "again"): "restart"}


# Events a question may name by a noun, or that a small parser misreads ("Why did the owners sack the manager?"
# parsed with "sack" as a noun): found by their lemma whatever the parse says.
NOMINAL = {"demolition": "demolish", "resignation": "resign", "cancellation": "cancel", "closure": "close",
           "dismissal": "dismiss", "go-ahead": "approve", "merger": "merge", "damage": "damage", "sale": "sell",
           "purchase": "buy", "withdrawal": "withdraw", "postponement": "postpone", "death": "die", "sacking": "sack",
           "firing": "fire", "charges": "charge", "indictment": "indict", "shutdown": "shut", "ban": "ban",
           "arrest": "arrest", "injuries": "injure", "injury": "injure", "deaths": "die", "recall": "recall",
           "approval": "approve", "evacuation": "evacuate"}


# Irregular past forms a negation is written in: "will not be sold" negates "Who is buying it?" (only verbs whose
# past forms say little else: "never won" or "was not found" are written of so much that they would deny too often)
FORMS = {"sell": ("sold",), "buy": ("bought",), "steal": ("stole", "stolen"), "sink": ("sank", "sunk")}


# Past forms that no rule makes (beside ``FORMS``): "caught" is a form of "catch"
_IRREGULAR = {"catch": ("caught",), "find": ("found",), "shut": ("shut",), "quit": ("quit",), "hurt": ("hurt",),
              "break": ("broke", "broken"), "withdraw": ("withdrew", "withdrawn"), "build": ("built",),
              "throw": ("threw", "thrown"), "stick": ("stuck",), "spill": ("spilt",), "spot": ("spotted",),
              "scrap": ("scrapped", "scrapping"), "stop": ("stopped", "stopping"), "strand": ("stranded",)}


def inflections(verb: str) -> frozenset[str]:
    """The written forms of a one-word verb: "recapture" -> recapture, recaptures, recaptured, recapturing;
    "catch" -> ... caught. (For words in a sentence: a question's "caught" is told by "was recaptured".)"""
    if " " in verb:
        return frozenset()
    stem_ = verb[:-1] if verb.endswith("e") else verb
    out = {verb, verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s"), stem_ + "ed", stem_ + "ing"}
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        out |= {verb[:-1] + "ied", verb[:-1] + "ies"}
    return frozenset(out | set(FORMS.get(verb, ())) | set(_IRREGULAR.get(verb, ())))


def past_forms(verb: str) -> frozenset[str]:
    """The forms a one-word verb takes in a report of what happened: "recaptured", "caught", "shut"."""
    if " " in verb:
        return frozenset()
    return frozenset({(verb[:-1] if verb.endswith("e") else verb) + "ed"} | set(FORMS.get(verb, ()))
                     | set(_IRREGULAR.get(verb, ())))


def phrasal(token) -> str:
    """A verb's lemma (spaCy token), a phrasal verb read as the one it means ("knock down" -> "demolish")."""
    lemma = token.lemma_.lower()
    for c in token.children:
        if c.dep_ in ("prt", "advmod", "prep") and (lemma, c.lower_) in PHRASAL:  # "moved out of" parses "out" as prep
            return PHRASAL[(lemma, c.lower_)]
    return lemma


# Events told in a set phrase whose words may stand apart: "the ribbon was cut by the mayor" opens a line
PHRASED = {"open": re.compile(r"\bribbon\b(?:\s+\S+){0,8}?\s+cut\b|\bcut\s+(?:\S+\s+){0,2}?ribbon\b")}


def tells(lemmas: str, verbs) -> bool:
    """The sentence, as its lemmas joined by spaces, tells of one of ``verbs`` written in several words ("the ban
    come into force on friday" tells "come into force"), or in a set phrase (``PHRASED``: "the ribbon be cut")."""
    return any((" " in v and f" {v} " in f" {lemmas} ") or (v in PHRASED and PHRASED[v].search(lemmas)) for v in verbs)


def same_event(lemma: str) -> frozenset[str]:
    """The verbs (lemmas) that tell of the event ``lemma`` names, itself included."""
    return next((group for group in SAME_EVENT if lemma in group), frozenset({lemma}))
