"""A story laid out in time: "Give me the timeline of X", "What happened with X?".

Each retrieved paragraph about X gives at most one event: its first sentence about X that
states a day (resolved, ``dates``), dated by the first day it names that had come by publication (the day
something happened, not one planned); a day on which something was *said* dates the sentence only when it
dates nothing else that had happened (then the saying is the event: an announcement). The
events are sorted by that day, one dated, cited line each; the chat UI draws them on a chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import said_on
from .nlp import parse
from .sentences import sentence_spans
from .text import MONTHS, WEEKDAYS, content_terms, key_entities, names_by_article, words
from .types import Hit

__all__ = ["Event", "endpoints", "is_timeline", "events"]

_ASKS = re.compile(
    r"\b(?:time ?line|chronology|chronological|sequence of events|what (?:has )?happened (?:with|to|at|in|on|after|since|between)|"
    r"what (?:has )?happened,? and when|what (?:has|had) happened so far|"
    r"what(?:'s| has| is)(?: been)? (?:going on|happening) (?:with|to|at|in|on|since|over)|"
    r"how (?:did|has|have) .+ (?:unfold|unfolded|develop|developed|evolve|evolved|progress|progressed|play out|"
    r"played out)|"
    r"(?:walk|take|run|talk) me through|series of events|^trace\b|key (?:events|dates|moments)|step by step)\b",
    re.I,
)
_NOT_ABOUT = {"timelin", "timeline", "timelines", "happened", "tell", "time", "line", "chronology", "chronological", "happen", "give", "show", "event", "sequence",
              "unfold", "develop", "evolve", "walk", "seri", "series", "what", "trace", "key", "step", "take", "run",
              "talk", "progress", "unfolded", "developed", "evolved", "progressed", "date", "moment", "play", "played"}


@dataclass(frozen=True)
class Event:
    day: date
    label: str  # "4 February 2025"
    sentence: str  # word for word from the paragraph
    hit: int  # position in the hits


def is_timeline(question: str) -> bool:
    return bool(_ASKS.search(question))


_SPAN = re.compile(r"^(?P<story>.+?)\s+from\s+(?P<first>.+?)\s+(?:to|until|through|till)\s+(?P<last>.+?)[?.!]*$", re.I)


def endpoints(question: str) -> list[str]:
    """Searches for the events a timeline question names as its ends, with the story it is about: "Trace the
    Corrowdale rail dispute from the strike ballot to the failed talks." -> ["Corrowdale the strike ballot",
    "Corrowdale the failed talks"]: the story's names and each end (the ballot is often a line deep in a report no other search
    ranks among the first ten)."""
    m = _SPAN.match(question.strip())
    if not m or not is_timeline(question):
        return []
    story = " ".join(key_entities(m.group("story"))) or m.group("story").strip(" ,")
    return [f"{story} {m.group(end).strip()}" for end in ("first", "last")]


_REPORTING = {"say", "tell", "add", "announce", "confirm", "state", "report", "explain", "insist", "claim"}


def _happening(told: str) -> bool:
    """What a sentence reports before the day it was said tells of something done or to be done ("41,000 journeys
    were recorded", "will hold a consultation"), not a state ("is short of nurses")."""
    return any((t.tag_ in ("VBD", "VBN") or t.lower_ in ("will", "would")) and t.lemma_.lower() not in _REPORTING
               for t in parse(told))


def events(question: str, hits: list[Hit], min_share: float = 0.5) -> list[Event]:
    """One dated event per paragraph about the question's subject, in chronological order."""
    about = {t for t in content_terms(question) if t not in _NOT_ABOUT}
    if not about:
        return []
    # A question that names its story ("the Skerrow Lass grounding") is about every report of an article that
    # names it (in the paragraph, its title or another retrieved paragraph of the article); else about the
    # paragraphs that share ``min_share`` of its words.
    names = {t for e in key_entities(question) for t in (content_terms(e) or words(e))
             if t not in MONTHS and t not in WEEKDAYS}  # "since the end of August" names no story
    named = names_by_article(question, hits)
    found: list[Event] = []
    seen: set[tuple[date, str]] = set()
    for i, h in enumerate(hits):
        if names:
            if not names <= named[h.article_id]:
                continue
        elif len(about & set(content_terms(h.title + " " + h.text))) / len(about) < min_share:
            continue
        for s, e in sentence_spans(h.text):
            days = [m for m in h.dates if s <= m.start < e and m.granularity == "day"]
            told = [m for m in days if not said_on(h.text[s:m.start], announcements=False)]
            # what happened, not what is planned: "will be suspended from 1 April after the board voted on Tuesday";
            # a sentence that dates nothing but its saying is an announcement on that day ("41,000 journeys were
            # recorded, the authority said yesterday"; "will consult from 18 May, its chair said on Friday")
            said = [m for m in days if m not in told and m.first <= h.published and _happening(h.text[s:m.start])]
            m = next((d for d in told if d.first <= h.published), None) or (said or told or [None])[0]
            if m is None:
                continue
            key = (m.first, " ".join(sorted(set(content_terms(h.text[s:e])))[:6]))
            if key not in seen:
                seen.add(key)
                found.append(Event(m.first, m.label, h.text[s:e], i))
            break
    found.sort(key=lambda ev: (ev.day, ev.hit))
    return found
