"""What a question asks for: the kind of thing (a number, a date, a name), the thing counted,
the thing a which/what question names, and whether a sentence holds it.

Used by several stages: the extractive generator scores sentences with it, the verifier
refuses answers that do not hold it, and the editor's reading (disagreements, premises)
compares the values of that kind across reports.
"""

from __future__ import annotations

import re

from .text import STOPWORDS, stem, words

_NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands)\b",
    re.I,
)
_DATEISH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|yesterday|today|tomorrow|\d{4}|\d{1,2}(?:st|nd|rd|th))\b",
    re.I,
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def expected_kind(question: str) -> str | None:
    """What the question asks for: 'number', 'date', 'name' or None."""
    q = question.lower().strip()
    if re.match(r"^(how many|how much|how long|how old|how far|what percent|what share|by how much)", q) or re.search(r"\bhow (many|much)\b", q):
        return "number"
    if re.match(r"^(when|on what (date|day)|in what year|what year|what date|which year|which day)", q):
        return "date"
    if re.match(r"^(who|whom|whose)\b", q):
        return "name"
    return None


# "... did not specify the exact number", "without providing specific numbers": the
# sentence says the thing asked for is not given, so it cannot be the answer.
_UNDISCLOSED = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|do not|without|not|declined to|refused to)\s+"
    r"(?:specify|specifying|provide|providing|give|giving|disclose|disclosing|reveal|revealing|release|releasing|say|saying)\b"
    r"|\bnot (?:been )?(?:disclosed|released|known|specified|confirmed)\b|\bunclear\b|\bunknown\b",
    re.I,
)


STRICT_COUNT = False


def counted_thing(question: str) -> str | None:
    """What a "how many" question counts: "how many North Korean troops ..." -> "troop"."""
    m = re.search(r"\bhow many\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*s)\b", question, re.I)
    return stem(m.group(2).lower()) if m else None


def holds_kind(sentence: str, kind: str | None, counted: str | None = None) -> bool:
    """Does ``sentence`` hold the kind of thing asked for?

    For "how many X", a sentence that mentions X must put a number right before it
    ("200 casualties" does not count troops).
    """
    if kind is None:
        return True
    if kind == "number":
        if not _NUMBER.search(sentence):
            return False
        if counted:
            tokens = words(sentence)
            places = [i for i, t in enumerate(tokens) if stem(t) == counted]
            if any(_NUMBER.fullmatch(w) for i in places for w in tokens[max(0, i - 4):i]):
                return True  # "200 casualties"
            if places or STRICT_COUNT:
                return False  # "the exact number of troops", with no number
        return not _UNDISCLOSED.search(sentence)
    if _UNDISCLOSED.search(sentence):
        return False
    if kind == "date":
        return bool(_DATEISH.search(sentence))
    if kind == "name":
        return bool(_NAME.search(sentence))
    return True


def focus_term(question: str) -> str | None:
    """The thing a which/what question asks for: "To which airport ..." -> "airport"."""
    m = re.search(r"\b(?:which|what)\s+([\w'’-]+)(?:\s+([\w'’-]+))?", question, re.I)
    if not m:
        return None
    for w in m.groups():
        if w and w.lower() not in STOPWORDS and not w.lower().endswith("ly"):
            return stem(w.lower())
    return None
