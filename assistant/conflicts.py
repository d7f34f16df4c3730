"""Disagreement: retrieved reports from different articles that give different values for what is asked.

For a question that asks for a number, a date or a name (``asks``), each retrieved paragraph's
best sentence about the question gives a value: the number it puts before the thing counted (or
its first number), the date it states (resolved, ``dates``), the person or organisation it names
that the question does not. When paragraphs of different stories (not copies of one text) give
different values, the answer says so and cites both, instead of silently picking one. The same
reading of each report's value (``reported_values``) gives the value a question in another
language is told first (``brief``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asks import (ANY_PERSON, DEADLINE, DISTANCE, DURATION, MONEY, asked_clause, asked_rate, asks_share, asks_size,
                   counted_thing, counts_as, counts_people, counts_workforce, expected_kind, focus_term, holds_kind,
                   is_share, measured_thing, names_role, number_after, person_noun, rate_after, role_asked, role_forms,
                   share_in)
from .dates import said_on
from .events import NOMINAL, phrasal, same_event, tells
from .nlp import parse
from .sentences import sentence_spans
from .text import content_terms, names_by_article, stem, words
from .types import Hit
from . import voice

__all__ = ["Claim", "Disagreement", "find_disagreement", "measure", "number_value", "reported_values"]

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
for _t, _v in _TENS.items():  # "fifty-two"
    _WORD_NUMBERS[_t] = _v
    for _u in "one two three four five six seven eight nine".split():
        _WORD_NUMBERS[f"{_t}-{_u}"] = _v + _WORD_NUMBERS[_u]
_NUM = re.compile(r"\b(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\s+(?:hundred|thousand)\b"
                  r"|\b\d[\d,.]*\b|\b(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\b", re.I)


_NUM_WORD = r"(\d{1,3}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
# an age: "a 17-year-old", "17 years old", "aged 17", "turned 80"
_AGE = re.compile(r"\b" + _NUM_WORD + r"(?=[\s-]years?[\s-]old\b|\s+years\s+of\s+age\b)"
                  r"|\b(?:aged|age of|turned|turns|turning)\s+" + _NUM_WORD + r"\b"
                  # news style: a name and the age set off by commas, "Dorian Pask, 34, was found to be missing"
                  r"|(?<=[A-Z][a-z]),\s(\d{1,2})(?=,\s)", re.I)


@dataclass(frozen=True)
class Claim:
    value: str  # normalised: "14", "2025-04-03", "Ilse Varga"
    written: str  # as the report writes it: "nine", "3 April"
    hit: int  # position in the hits
    sentence: str
    outlet: str
    kind: str = ""  # what the question asks for: number, date, name, money, duration, distance


@dataclass(frozen=True)
class Disagreement:
    kind: str  # number, date, name
    claims: tuple[Claim, ...]  # one per distinct value, best-ranked report first

    def note(self, language: str = "en") -> str:
        return voice.disagreement([(c.outlet, c.written) for c in self.claims], language)


def _number(sentence: str, counted: str | None, asked: set[str] = frozenset(),
            measured: str | None = None, per: str | None = None, margin: bool = False) -> tuple[str, str, bool] | None:
    """(value, as written, bound): the number the sentence gives for the thing counted ("3,000 people", "the
    number of jobs ... from 180 to 120"), for a word made from the question's ("the mill's 720 workers" for
    "How many people work ..."), for people in general when people are counted ("165 people on its payroll" for
    employees), or over the period a rate is asked ``per`` ("9,000 vehicles a day" for "how much traffic ...
    each day"): bound; else its first number that counts nothing else. A sentence that names the thing counted
    without a number gives no value, nor does a number that counts something else ("lost two of its biggest
    customers" is no rival to "300 jobs")."""
    if per:
        for m in _NUM.finditer(sentence):
            if rate_after(sentence[m.end():], per):
                return _norm_number(m.group(0)), m.group(0), True
    if counted and counts_people(counted) and counted not in ANY_PERSON:
        for t in parse(sentence):  # "had 165 people on its payroll", "employed 140 staff"
            if (t.like_num or t.pos_ == "NUM") and t.dep_ == "nummod" and t.head.lower_ in ANY_PERSON:
                return _norm_number(t.text), t.text, True
    if counted:
        tokens = words(sentence, whole_numbers=True)
        places = [i for i, t in enumerate(tokens) if counts_as(stem(t), counted) or counts_workforce(t, counted)]
        for m in re.finditer(r"([\w'’-]+)\b", sentence):
            word = m.group(1).lower()
            if counts_as(stem(word), counted) or counts_workforce(word, counted) or _made_from(word, asked):
                window = sentence.rfind(" ", 0, max(0, m.start() - 40)) + 1  # "48,000 current and former students"
                before = [n for n in _NUM.finditer(sentence[window:m.start()])
                          if (margin or not _margin(sentence, window + n.start(), window + n.end()))
                          and not is_share(sentence[window + n.end():])  # "7 per cent of patients"
                          and not re.search(r"\bwhose\s+$", sentence[:window + n.start()], re.I)]  # "whose two children"
                if before:
                    return _norm_number(before[-1].group(0)), before[-1].group(0), True  # "3,000 people"
        after = next((n for n in (number_after(tokens, i) for i in places) if n), None)
        if after:
            return _norm_number(after), after, True
        if places and not (counted in ANY_PERSON and not any(counts_as(stem(tokens[i]), counted) for i in places)):
            return None  # (people are also counted by other words: "48,000 students" beside "Hackers")
    counts_other = _counts_other(sentence, counted or measured, measured is not None) if counted or measured else set()
    money = [(x.start(), x.end()) for x in MONEY.finditer(sentence)] if not measured else []
    for m in _NUM.finditer(sentence):
        if m.start() in counts_other or (not margin and _margin(sentence, m.start(), m.end())) \
                or any(a <= m.start() < b for a, b in money):  # "6.40 crowns a share" counts no staff
            continue
        if re.match(r"\s*[-–]\s*\d", sentence[m.end():]) or re.search(r"\d\s*[-–]\s*$", sentence[:m.start()]):
            continue  # a tally or a score, "voted 9-4", "won 3-1": no count of anything
        if not re.match(r"\s*(?:am|pm|a\.m\.|p\.m\.|%|per ?cent|:\d|[\s-]year[\s-]old)", sentence[m.end():], re.I):
            return _norm_number(m.group(0)), m.group(0), False  # not a time of day, a share or an age
    return None


# A vote's tally: "by eight votes to three", "voted seven to four", "approved 9-4"
_TALLY = re.compile(r"\b" + _NUM_WORD + r"\s+(?:votes?\s+)?to\s+" + _NUM_WORD + r"\b"
                    r"|\b(\d{1,3})\s*[-–]\s*(\d{1,3})\b(?!\s*(?:am|pm|per|%))", re.I)
_VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\b|\bballot\b|\btally\b|\bsplit\b", re.I)


def _tally(sentence: str) -> tuple[str, str, bool] | None:
    """(value, as written, bound) of a vote's tally the sentence gives: "by eight votes to three" -> ("8-3", ...)."""
    m = _TALLY.search(sentence)
    if not m:
        return None
    a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    value = "-".join(str(_WORD_NUMBERS.get(x.lower(), x)) for x in (a, b))
    return value, m.group(0), True


# A margin or a change, not a tally: "won by nine votes", "cut by 300", "a majority of 40", "six votes ahead"
_MARGIN_BEFORE = re.compile(r"\b(?:by|majority\s+of)\s+(?:just\s+|only\s+|a\s+mere\s+|some\s+|about\s+)?$", re.I)
_MARGIN_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:ahead|behind|clear)\b", re.I)


def _margin(sentence: str, start: int, end: int) -> bool:
    """The number at ``start:end`` is a margin or a change, not a tally ("gave the seat to Ashgrove by nine votes")."""
    return bool(_MARGIN_BEFORE.search(sentence[max(0, start - 25):start]) or _MARGIN_AFTER.match(sentence[end:]))


def _made_from(word: str, asked: set[str]) -> bool:
    """A word made from one of the question's ("workers" from "work"), not the word itself (nor its possessive:
    "Tanner's" is no word made from "Tanner")."""
    word = re.sub(r"['’]s?$", "", word)
    return any(len(t) >= 4 and word != t and word.startswith(t) and stem(word) != t for t in asked)


def _counts_other(sentence: str, counted: str, measured: bool = False) -> set[int]:
    """Where the sentence's numbers stand that are no count of ``counted``, by the parse: a part of a group
    ("two of its biggest customers", "three of them"), a date ("founded in 1887"), a count of another thing
    ("650 people" when jobs are counted; when people are counted, "14 workers" counts them too). For an amount
    ``measured`` ("how much diesel"), a unit of it counts ("3,000 litres of diesel"), "212 passengers" does not."""
    out = set()
    for t in parse(sentence):
        if not (t.like_num or t.pos_ == "NUM"):
            continue
        partitive = not measured and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        head = t.head
        # "3,000 litres of diesel", "18,000 litres of a solvent-based coating" measure the diesel, the solvent
        unit_of = measured and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            stem(w.lower_) == counted for o in c.children for w in o.subtree) for c in head.children)
        other = (t.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and not counts_as(stem(head.lower_), counted)
                 and (counted not in ANY_PERSON or stem(head.lower_) in _UNITS_OF_NO_ONE) and not unit_of
                 and not (head.lower_ in ANY_PERSON and counts_people(counted)))  # "140 people" of employees
        # when people are counted, "14 workers" or "three crew" count them too, "38 hours" does not
        if partitive or other or t.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"):
            out.add(t.idx)
    return out


_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


def _amount(sentence: str, pattern: re.Pattern, asked: set[str] = frozenset()) -> tuple[str, str] | None:
    """A sum of money, a length of time or a distance as written, and normalised ("3.1 million euros" -> "3100000 euro").
    A length of something the question does not ask about is none ("after two days of deliberation" for a prison
    term)."""
    # "since" and "until" tell a sentence speaks of a span of time, but they are no value to compare
    def other(m) -> bool:
        of = re.match(r"\s+of\s+([a-z]+)", sentence[m.end():], re.I)
        return bool(of) and asked and not ({of.group(1).lower(), stem(of.group(1).lower())} & asked)
    m = next((m for m in pattern.finditer(sentence)
              if m.group(0).lower() not in {"since", "until", "overnight"} and not other(m)), None)
    if not m:
        return None
    written = m.group(0).strip()
    n = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    low = written.lower()
    word = _WORD_NUMBERS.get(low.split()[0].split("-")[0]) if low.split() else None  # "eight miles" is 8 miles
    if not n and word is None:
        return low, written
    value = float(n.group(0).replace(",", "")) if n else float(word)
    if not n:  # the number word is no part of the unit: "five million euros" -> " million euros"
        low = " " + (low.split(maxsplit=1)[1] if " " in low else low.split("-", 1)[-1])
    for w, f in _SCALE.items():
        if re.search(rf"(?<=[\d\s]){w}\b", low):
            value *= f
            break
    unit = re.sub(r"(?<=\d)\s?(?:bn|m|k)\b|thousand|million|billion|trillion|[\d,.\s-]", "", low).rstrip("s")
    return f"{round(value, 2)} {unit}", written


def _distance(sentence: str, asked: set[str]) -> tuple[str, str, bool] | None:
    """A distance as ``_amount`` reads it, bound when it is the size of one of the question's nouns: "a 600-metre
    cordon", "a cordon of 400 metres" (not "eight miles from the prison", which a rival report may give as "20
    kilometres from Gorsewick")."""
    found = _amount(sentence, DISTANCE)
    if found is None:
        return None
    at = sentence.find(found[1])
    # "a 600-metre cordon", "the 11.4-metre sperm whale": the noun the measure describes ends its compound
    after = re.match(r"[\w-]*((?:\s+(?!(?:to|of|for|in|on|at|by|that|which|who|and|or|was|is|were|are|with|from)\b)"
                     r"[\w'’-]+){1,3})", sentence[at + len(found[1]):]) if "-" in found[1] else None
    # "a cordon of 400 metres", "measured the whale at 9.2 metres"
    before = re.search(r"(?:([\w'’-]+)\s+of|measur\w*\s+(?:the\s+|its\s+)?([\w'’-]+)\s+at)\s+"
                       r"(?:about\s+|some\s+|around\s+|nearly\s+)?$", sentence[:at])
    nouns = {w for m in (after, before) if m for g in m.groups() if g for w in content_terms(g)}
    return found[0], found[1], bool(nouns & asked)


_MEASURE = re.compile(r"(\d[\d,]*(?:\.\d+)?|a|an|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
                      r"[\s-](?:(?:more|full|extra|further)\s)?([a-z]+)", re.I)
_UNIT_NAMES = {"kilometre": "km", "kilometer": "km", "km": "km", "metre": "m", "meter": "m", "mile": "mile",
               "yard": "yard", "feet": "foot", "foot": "foot", "ft": "foot", "century": "century",
               "centuries": "century"}
_TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "month", "year", "decade"}
# what a number of no one counts, when people are counted: "38 hours", "20 kilometres", "18,000 litres"
_UNITS_OF_NO_ONE = _TIME_UNITS | set(_UNIT_NAMES) | {"litre", "liter", "tonne", "ton", "acre", "hectare", "point", "per",
                                                     "percent", "vote",
                                                     # places and things people are not counted in: "inspect 14
                                                     # other schools" is no count of children
                                                     "school", "building", "home", "house", "property", "hospital",
                                                     "church", "shop", "store", "site", "vehicle", "car", "bus",
                                                     "tram", "train", "turbine", "roof", "room", "classroom", "stop",
                                                     "station", "bed", "flat", "street", "road", "village", "town"}


def measure(written: str) -> str | None:
    """A length of time or a distance as a number and a unit: "five years" -> "5 year", "18 months" -> "18 month",
    "a decade" -> "1 decade", "12 km" -> "12 km"; None for what is no plain measure ("since", "half an hour")."""
    m = _MEASURE.fullmatch(written.strip())
    if m is None:
        return None
    word = m.group(2).lower()
    singular = word[:-1] if word.endswith("s") else ""
    unit = next((u for u in (word, singular) if u in _TIME_UNITS or u in _UNIT_NAMES), None)
    if unit is None:
        return None
    unit = _UNIT_NAMES.get(unit, unit)
    n = m.group(1).lower()
    return f"{1 if n in ('a', 'an') else _norm_number(n)} {unit}"


def number_value(written: str) -> str:
    """A number as digits: "five" -> "5", "1,200" -> "1200", "five thousand" -> "5000"."""
    return _norm_number(written)


def _norm_number(w: str) -> str:
    w = w.lower().replace(",", "").rstrip(".")
    scaled = re.fullmatch(r"([a-z-]+|\d+(?:\.\d+)?)\s+(hundred|thousand|million)", w)  # "five thousand" -> 5000
    if scaled and (scaled.group(1) in _WORD_NUMBERS or scaled.group(1)[0].isdigit()):
        n = float(_WORD_NUMBERS.get(scaled.group(1), scaled.group(1))) * (
            100 if scaled.group(2) == "hundred" else _SCALE[scaled.group(2)])
        return str(int(n)) if n == int(n) else str(n)
    return str(_WORD_NUMBERS.get(w, w))


def _age(sentence: str, asked: set[str]) -> tuple[str, str, bool] | None:
    """The age a sentence gives ("How old is he?"): other numbers in it count other things, and an age its clause
    gives someone the question does not ask about ("His sister also set the record at the age of 19") is none."""
    m = _AGE.search(sentence)
    if m is None:
        return None
    group = next(g for g in (1, 2, 3) if m.group(g))
    written = m.group(group)
    doc = parse(sentence)
    token = next((t for t in doc if t.idx >= m.start(group)), None)
    head = token
    while head is not None and head.head is not head and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        head = head.head
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None) if head is not None else None
    if subject is not None and token not in list(subject.subtree) and subject.pos_ == "NOUN" \
            and stem(subject.lower_) not in asked and subject.lemma_.lower() not in asked:
        return None
    return _norm_number(written), written, True


def _share(sentence: str) -> tuple[str, str, bool] | None:
    """The share a sentence gives, normalised ("18 per cent" -> "18%", "a quarter" -> "25%") and as written."""
    written = share_in(sentence)
    fraction = _FRACTION.search(sentence)
    if fraction and (written is None or fraction.start() < sentence.find(written)):
        return f"{_FRACTIONS[fraction.group(1).lower().replace('-', ' ')]}%", fraction.group(0), True
    if written is None:
        return None
    return _norm_number(re.match(r"[\d,.]+", written).group(0)) + "%", written, True


_FRACTIONS = {"half": 50, "a half": 50, "a third": 33, "one third": 33, "two thirds": 67, "a quarter": 25,
              "one quarter": 25, "three quarters": 75, "a fifth": 20, "one fifth": 20, "a tenth": 10, "one in four": 25,
              "one in five": 20, "one in three": 33, "one in ten": 10}
_FRACTION = re.compile(r"\b(" + "|".join(sorted((k.replace(" ", r"[\s-]") for k in _FRACTIONS), key=len, reverse=True))
                       + r")\b(?=\s+(?:of|the|were|was|are|is)\b)", re.I)


def _date(hit: Hit, start: int, end: int, deadline: bool = False, year: bool = False,
          announced: bool = False) -> tuple[str, str] | None:
    """The day the sentence dates; for a deadline, the first day after the word for closing ("will start on the
    12th and run until 4 January" -> 4 January); with ``year``, a year when it names no day ("built in 1962"); with
    ``announced`` (the question asks when something was confirmed or announced), the day of that too."""
    if deadline:
        closes = _CLOSES.search(hit.text, start, end)
        if closes is not None:
            start = closes.start()
    for m in hit.dates:
        # "..., the agency said on Wednesday": when it was said, not when it happens
        if start <= m.start < end and m.granularity == "day" and not said_on(hit.text[start:m.start], not announced):
            return m.first.isoformat(), m.text
    if year:
        said = re.search(r"\b(?:in|from|of|since)\s+((?:1[89]|20)\d\d)\b", hit.text[start:end])
        if said:
            return said.group(1), said.group(1)
    return None


# What was made once, in a year: "When was the drain built?" is answered "built in 1962", "dated from 1971"
_MADE_Q = re.compile(r"^(?:when|in\s+what\s+year|what\s+year)\s+(?:was|were|is|are)\s+.*\b(?:built|constructed|founded|"
                     r"established|laid|made|opened|erected|installed|dug)\b", re.I)


def _thing_named(question: str) -> str | None:
    """The thing whose name a question asks ("What is Ern Pollexfen's giant pumpkin called?", "What is the name of the
    new ferry?", "What did they name the storm?" -> "pumpkin", "ferry", "storm"); None for any other question."""
    doc = parse(question)
    for t in doc:
        if t.lemma_.lower() in ("call", "name") and t.pos_ == "VERB":
            nouns = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN"]
        elif t.lower_ == "name" and t.pos_ == "NOUN":
            nouns = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        else:
            continue
        if nouns and not person_noun(nouns[0].lemma_.lower()):
            return nouns[0].lemma_.lower()
    return None


def _given_name(sentence: str, thing: str) -> tuple[str, str] | None:
    """The name the sentence gives the thing: set beside it ("his pumpkin, Goliath,") or after "called"/"named" ("a
    pumpkin called Big Bertha", "the ship, named Ocean Star,", "the new ferry will be called the Carrow Queen")."""
    for t in parse(sentence):
        if t.lemma_.lower() != thing:
            continue
        naming = [c for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in _NAMING]  # "a pumpkin called ..."
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in _NAMING:
            naming.append(t.head)  # "the ferry will be called ..."
        names = [c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        names += [g for v in naming for g in v.children if g.dep_ in ("oprd", "xcomp", "attr", "dobj") and g.pos_ == "PROPN"]
        if names:
            name = " ".join(w.text for w in names[0].subtree if w.pos_ == "PROPN")
            return name.lower(), name
    return None


_NAMING = {"call", "name", "dub", "nickname", "christen"}


def _name(sentence: str, question: str) -> tuple[str, str] | None:
    """The person the sentence names that the question does not; for "Which keeper ...?", the one named beside
    the word "keeper" ("recaptured by keeper Idris Maelor", "Keeper Nerys Caddow coaxed her down") when the
    sentence has one. A title the question shares ("Keeper") is no part of the name."""
    asked = set(content_terms(question))
    focus = focus_term(question)
    doc = parse(sentence)
    people = []
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        end = e.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_:
            end += 1  # the recogniser's "Keeper Nerys" of "Keeper Nerys Caddow"
        tokens = list(doc[e.start:end])
        while tokens and (set(content_terms(tokens[0].text)) & asked or tokens[0].lower_.rstrip(".") in _HONORIFICS):
            tokens = tokens[1:]  # "Keeper Nerys Caddow" -> "Nerys Caddow", "Dr Ana Moss" -> "Ana Moss"
        while tokens and (tokens[-1].tag_ == "POS" or not tokens[-1].text[:1].isalpha()):
            tokens = tokens[:-1]  # "Ern Pollexfen's" asked about leaves "'s", which is no name
        if not tokens or set(content_terms(" ".join(t.text for t in tokens))) & asked:
            continue
        titled = bool(focus) and any(stem(t.lower_) == stem(focus) for t in doc[max(0, e.start - 3):tokens[0].i])
        people.append((titled, " ".join(t.text for t in tokens)))
    if not people:
        people = [(False, n) for n in _untagged_people(doc, asked)]
    if not people:
        return None
    name = next((n for titled, n in people if titled), people[0][1])
    return _surname(name), name


# titles before a name, beside the honorifics: "Detective Superintendent Rhiannon Vell"
_TITLES = {"detective", "superintendent", "inspector", "chief", "sergeant", "constable", "officer", "commander",
           "captain", "councillor", "mayor", "minister", "judge", "assistant", "deputy", "acting", "chair", "director",
           "president", "governor", "senator", "general", "colonel", "major"}


def _untagged_people(doc, asked: set[str]) -> list[str]:
    """Names the small recogniser did not call people: a run of proper nouns with a title in it ("Detective
    Superintendent Rhiannon Vell" -> "Rhiannon Vell", which it may call an organisation), two words or more besides
    the title, or two words "of" an organisation ("Bethan Roscoe of Wendlebury Road Runners"), none of them the
    question's."""
    out, run = [], []
    for t in [*doc, None]:
        if t is not None and t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON", "ORG") and t.text[:1].isupper():
            run.append(t)
            continue
        words_ = [w for w in run if w.lower_.rstrip(".") not in _TITLES | _HONORIFICS]
        # "Bethan Roscoe of Wendlebury Road Runners": a first name and a surname of a club, whatever the recogniser says
        member = (len(words_) == len(run) == 2 and t is not None and t.lower_ == "of" and t.i + 1 < len(doc)
                  and doc[t.i + 1].ent_type_ == "ORG" and doc[t.i + 1].ent_iob_ == "B")
        if len(words_) >= 2 and (len(words_) < len(run) or member) and not any(w.lower_ in asked for w in words_):
            out.append(" ".join(w.text for w in words_))
        run = []
    return out


def _surname(name: str) -> str:
    """"Keeper Nerys Caddow" and "Nerys Caddow" are one person; "Idris Maelor" another."""
    return name.split()[-1].lower()


def find_disagreement(question: str, hits: list[Hit], min_share: float = 0.5) -> Disagreement | None:
    """Different values for what the question asks, from different stories among the hits (``reported_values``)."""
    found = reported_values(question, hits, min_share)
    if not found:
        return None
    # one claim per outlet (a number given for the thing counted first, then its sentence closest to the
    # question), one per value
    by_outlet: dict[str, Claim] = {}
    for c in found:
        by_outlet.setdefault(c.outlet, c)
    distinct: dict[str, Claim] = {}
    for c in by_outlet.values():
        distinct.setdefault(c.value, c)
    # a report that gives both values tells of a change, not a disagreement ("falls from 180 to 120")
    distinct = {v: c for v, c in distinct.items()
                if not any(o is not c and re.search(rf"(?<!\w){re.escape(c.written)}(?!\w)", o.sentence, re.I)
                           for o in distinct.values())}
    stories = {hits[c.hit].article_id for c in distinct.values()}
    if len(distinct) < 2 or len(stories) < 2:
        return None
    return Disagreement(found[0].kind, tuple(distinct.values()))


def reported_values(question: str, hits: list[Hit], min_share: float = 0.5) -> list[Claim]:
    """Per hit, the value its best sentence gives for what the question asks: a number given for the thing
    counted first, then the sentences closest to the question; none for a question that asks for no value.

    A report's claim is its sentence that holds the kind asked for and, with the article's title, shares at
    least ``min_share`` of the question's terms (a third for a sum of money, a length of time or a distance, whose kind
    alone says much). For a date or a name, the sentence must also hold one of the question's terms that
    most retrieved paragraphs lack (``"first sighted"`` in a story about an escape), and for a date it must
    tell of the event the question's verb names (``_event``): nearly every report dates something, and a
    day on which something else happened is not a rival answer.
    """
    kind = expected_kind(question) or ("distance" if asks_size(question) else None)
    if kind is None:
        return []
    counted = counted_thing(question)
    measured = measured_thing(question) if kind == "number" and counted is None else None
    per = asked_rate(question) if kind == "number" else None
    age = kind == "number" and bool(re.match(r"how old\b", asked_clause(question), re.I))
    share_asked = asks_share(question)  # "What share of the candidates ...?": "18 per cent" against "23%"
    margin = bool(re.search(r"\bby how (?:many|much)\b|\bmargin\b|\blead\b", question, re.I))  # "16 votes ahead"
    # "What was the margin of the council vote?": "eight votes to three" against "seven to four"
    tallied = kind == "number" and counted is None and bool(_VOTE.search(question)) and (
        margin or bool(re.search(r"\bwhat\s+was\s+the\s+(?:vote|result|split|tally)\b|\bhow\s+did\b.*\bvote\b",
                                 question, re.I)))
    event = _event(question) if kind == "date" else None
    deadline = kind == "date" and bool(DEADLINE.search(question))
    made = kind == "date" and bool(_MADE_Q.match(asked_clause(question).strip()))  # a year is an answer
    announced = bool(event) and event[0] in _ANNOUNCING  # "When was the first case confirmed?": "confirmed on 24 August"
    role = role_asked(question) if kind == "name" else None
    thing = _thing_named(question) if kind == "name" else None  # "What is the pumpkin called?": not a person
    asked = set(content_terms(question))
    if not asked:
        return []
    specific = kind not in ("date", "name")
    # a sum of money, a length of time or a distance says much by its kind; so does an age set off after a name
    need = min_share / 1.5 if kind in ("money", "duration", "distance") else min_share / 2 if age else min_share
    para_terms = [set(content_terms(h.title + " " + h.text)) for h in hits]
    # "On which day ...?", "When did the leak happen?": words that frame the date asked, not the event
    frame = {"day", "date", "year", "month", "week", "time", "happen", "occur", "place"} if kind == "date" else set()
    focus = {t for t in asked - frame if sum(t in p for p in para_terms) * 2 < len(hits)}
    focus_lemmas = _lemmas(question, focus)
    # the question's names count as found when the article holds them ("the vessel struck the sandbank")
    named = names_by_article(question, hits)
    if thing:
        focus = set()  # the name is read only where it stands beside the thing (``_given_name``): that is focus enough
    series = _ORDINALS & set(words(question))
    if kind == "date" and event is None and series:
        focus = series  # "When is the second strike due to take place?": a date of the second one
    # the question's events that reports also tell by other verbs: "find out" ~ "discovered", "hacked" ~ "breach"
    told_by = {stem(t.text.lower()): verbs for t in parse(question)
               if len(verbs := same_event(_EVENT_NOUNS.get(t.lemma_.lower(), phrasal(t)))) > 1}
    told_by = {t: verbs for t, verbs in told_by.items() if t in asked}
    role_terms = asked & set(content_terms(" ".join(role_forms(role) | {"heading", "leading", "charge"}))) if role else set()
    claims: list[tuple[tuple[float, float], Claim]] = []
    for i, h in enumerate(hits):
        best = None
        title = set(content_terms(h.title))
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            terms = set(content_terms(sentence))
            terms |= {t for t in asked if any(_made_from(w, {t}) for w in terms)}  # "workers" holds "work"
            if counted and any(counts_workforce(w, counted) for w in words(sentence)):
                terms.add(counted)  # "1,900 drivers, conductors and depot staff" are the workers asked about
            if margin and _AHEAD.search(sentence):
                terms |= asked & {"lead", "margin"}  # "finished 16 votes ahead of" tells Quell's lead
            if told_by and not share_asked and not holds_kind(sentence, kind, counted):
                continue
            heading = title
            if told_by and asked - terms - title:
                terms |= {t for t, verbs in told_by.items() if _told(sentence, verbs)}
                heading = title | {t for t, verbs in told_by.items() if _told(h.title, verbs)}
            named_role = bool(role) and names_role(question, sentence, role)
            if named_role:
                terms |= role_terms  # "The review, chaired by Professor Tobias Renwick" for "Who's heading the review?"
            share = (len(asked & (terms | heading | named[h.article_id])) / len(asked), len(asked & terms) / len(asked))
            holds = _share(sentence) is not None if share_asked else holds_kind(sentence, kind, counted)
            if share[0] < need or not holds or _ELSEWHERE.search(sentence):
                continue
            if deadline:
                if not _CLOSES.search(sentence):
                    continue  # "What's the deadline for responses?": the day it opened is no rival to the day it closes
            elif not specific and focus and not named_role and not _holds_focus(terms, focus) \
                    and not _lemmas(sentence) & focus_lemmas:
                continue  # "led by" holds the "leading" of "Who is leading the trial?"
            if event and not _tells_event(sentence, terms, event):
                continue  # "When was a man detained?": the day a painting was found missing is no rival
            if role and not named_role:
                continue  # "Who chairs Ellsmoor Rovers?": the striker it sold, the fans' trust's chair are no rivals
            if best is not None and share <= best[0]:
                continue
            found = (_share(sentence) if share_asked else _age(sentence, asked) if age else
                     _tally(sentence) if tallied else
                     _number(sentence, counted, asked, measured, per, margin) if kind == "number"
                     else _date(h, s, e, deadline, made, announced) if kind == "date"
                     else _amount(sentence, MONEY) if kind == "money" else _amount(sentence, DURATION, asked)
                     if kind == "duration" else _distance(sentence, asked) if kind == "distance"
                     else _given_name(sentence, thing) if thing else _name(sentence, question))
            if found:  # the report's best sentence that gives a value
                # bound to the thing asked; and telling of the question's event in its own words ("six cavers
                # trapped" for "How many people were stuck?", not "80 rescuers" in a report titled so)
                bound = (len(found) > 2 and found[2], bool(told_by) and bool(set(told_by) & terms))
                best = (share, Claim(found[0], found[1], i, sentence, h.outlet, kind), bound)
        if best is not None:
            claims.append(best)
    if kind == "distance" and any(bound[0] for _, _, bound in claims):
        # the size of the thing asked ("a 600-metre cordon") has rivals only in sizes of it ("a cordon of 400
        # metres"), not in a report's other distances ("driven eight miles to the quarry"). (Not for counts: "three
        # crew" is a rival to "five people" though only the second is read as a count of people.)
        claims = [sc for sc in claims if sc[2][0]]
    return [c for _, c, _ in sorted(claims, key=lambda sc: (not sc[2][0], not sc[2][1], -sc[0][0], -sc[0][1]))]


# a sentence that says it is about another matter gives no value for this one: "was fined 45,000 thalers last year in
# a separate case"
_AHEAD = re.compile(r"\b(?:ahead|lead|led|leads|margin|majority)\b", re.I)
_ELSEWHERE = re.compile(r"\b(?:in|over|for|as part of)\s+(?:a|an)\s+(?:separate|unrelated|different)\s+(?:case|matter|"
                        r"incident|investigation|inquiry|deal|dispute|trial|prosecution)\b", re.I)
_HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "lord", "lady"}
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
# Nouns a question names an event by, which reports tell by a verb: "Who performed the official opening?" is told
# by "was opened by the mayor" and "the ribbon was cut by Gwen Hartley". (Openings and discoveries are not among the
# events a premise takes as done, ``events.NOMINAL``: "Why was the opening delayed?" against "has not opened yet".)
_EVENT_NOUNS = {**NOMINAL, "opening": "open", "inauguration": "inaugurate", "discovery": "find"}
_LIGHT_VERBS = {"be", "have", "do", "take", "make", "get", "go", "happen", "say", "begin", "start", "come", "due"}


def _event(question: str) -> tuple[str, ...] | None:
    """The main verb of a question about when something happened, as lemma and as written ("When was a man
    detained?" -> ("detain", "detained")); for a light verb that names no event of its own, the nouns it takes
    ("On what date did she take her fight to court?" -> ("fight", "court")), and None when it takes none ("take
    place", "happen")."""
    doc = parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # the root when it is a verb ("did the ballot close", parsed as an adjective with "did"), else the first
    # verb ("When was the painting stolen": the root is "was")
    # a verb that only describes a noun comes last ("the first case linked to the school confirmed": "confirmed")
    describes = [t for t in doc if t is not root and t.dep_ in ("acl", "relcl", "amod")]
    tokens = ([root] if root is not None else []) + [t for t in doc if t is not root and t not in describes] + describes
    light = None
    for t in tokens:
        verb = t.pos_ == "VERB" or (t is root and any(c.dep_ == "aux" and c.lemma_ == "do" for c in t.children))
        if verb and t.lemma_.lower() not in _LIGHT_VERBS:
            meant = phrasal(t)  # "kick in" -> the ban taking effect
            return (meant, t.text.lower()) if meant == t.lemma_.lower() else (meant, t.lemma_.lower(), t.text.lower())
        if verb and light is None:
            light = t
    if light is not None:  # "take her fight to court": the event is named by what the light verb takes
        objects = [c for c in light.children if c.dep_ == "dobj"]
        objects += [g for c in light.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if not objects and light.lemma_.lower() in ("happen", "occur"):  # "When did the chemical leak happen?"
            objects = [c for c in light.children if c.dep_ == "nsubj"]
        named = tuple(o.lemma_.lower() for o in objects if o.pos_ == "NOUN" and o.lemma_.lower() not in _NO_EVENT)
        return named or None
    return None


_ANNOUNCING = {"announce", "confirm", "declare", "report", "reveal", "disclose", "publish", "release"}

# A deadline is the day something closes: "run until 4 January", "closes on 11 January", "the deadline is ..."
_CLOSES = re.compile(r"\b(?:clos(?:e|es|ed|ing)|until|deadline|ends?|cut-?off)\b", re.I)
_NO_EVENT = {"place", "part", "time", "day", "date", "year", "week", "month"}  # "take place", "take part"


def _tells_event(sentence: str, terms: set[str], event: tuple[str, ...]) -> bool:
    """The sentence tells of the event asked about: one of its words ("detained"), or in the parse ("stole" for
    "stolen")."""
    if _holds_focus(terms, set(event)):
        return True
    same = _SAME_VERDICT.get(event[0])
    if same and same.search(sentence):
        return True  # "found guilty" tells of a conviction
    told = set(event) | same_event(event[0])  # "discovered the breach" tells when Veldren found out
    doc = parse(sentence)
    return any(t.lemma_.lower() in told for t in doc) or tells(" ".join(t.lemma_.lower() for t in doc), told)



# Events news names in a fixed phrase as often as by the verb
_SAME_VERDICT = {"convict": re.compile(r"\b(?:found|find|finds|finding)\s+(?:\w+\s+){0,3}guilty\b", re.I),
                 "acquit": re.compile(r"\b(?:found|find|finds|finding)\s+(?:\w+\s+){0,3}not\s+guilty\b|\bcleared\b",
                                      re.I)}


def _told(text: str, verbs) -> bool:
    """The text tells of one of ``verbs``: a word's lemma, or words in a row ("comes into force")."""
    doc = parse(text)
    return any(t.lemma_.lower() in verbs for t in doc) or tells(" ".join(t.lemma_.lower() for t in doc), verbs)


def _lemmas(text: str, only: set[str] | None = None) -> set[str]:
    """The lemmas of the text's words in the parse ("led" -> "lead"), of those among ``only`` (content terms)
    when given."""
    return {t.lemma_.lower() for t in parse(text) if t.is_alpha and not t.is_stop
            and (only is None or any(c in only for c in content_terms(t.text)))}


def _holds_focus(terms: set[str], focus: set[str]) -> bool:
    """A focus term, or a word it begins ("work" in "workers")."""
    return any(t == f or (len(f) >= 4 and t.startswith(f)) for t in terms for f in focus)
