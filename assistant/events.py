"""Verbs that tell of one event: "shut down" and "close", "find out" and "discover".

Used wherever the reporting may name the event a question asks about by another verb: a premise the report
contradicts ("is not closing" answers "Why did it shut?", ``premises``) and the day or value a report gives
for it ("discovered the breach on 3 November" answers "When did Veldren find out?", ``conflicts``).
"""

from __future__ import annotations

__all__ = ["SAME_EVENT", "same_event"]

SAME_EVENT: tuple[frozenset[str], ...] = tuple(frozenset(g) for g in (
    {"close", "shut", "shutter"}, {"resign", "quit"}, {"cancel", "scrap", "axe"}, {"postpone", "delay"},
    {"arrest", "detain"}, {"injure", "hurt", "wound"}, {"withdraw", "pull", "abandon", "walk away"}, {"recall"},
    {"stop", "halt", "suspend"}, {"demolish", "raze"}, {"fire", "sack", "dismiss"}, {"charge", "indict"},
    {"sell", "auction"}, {"approve", "license", "licence", "authorise", "authorize"}, {"evacuate"},
    {"find", "discover", "detect", "uncover", "spot"}, {"leak", "spill"}, {"hack", "breach"},
))


def same_event(lemma: str) -> frozenset[str]:
    """The verbs (lemmas) that tell of the event ``lemma`` names, itself included."""
    return next((group for group in SAME_EVENT if lemma in group), frozenset({lemma}))
