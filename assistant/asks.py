"""What a question asks for: the kind of thing (a number, a date, a name), the thing counted,
the thing a which/what question names, and whether a sentence holds it. Read in the clause that
asks (``asked_clause``: "Apart from X, who ...?", "... this week. When did they ...?").

Used by several stages: the extractive generator scores sentences with it, the verifier
refuses answers that do not hold it, and the editor's reading (disagreements, premises)
compares the values of that kind across reports.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import MONTHS, STOPWORDS, WEEKDAYS, content_terms, key_entities, stem, words

_NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands)\b",
    re.I,
)
_DATEISH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|yesterday|today|tomorrow|\d{4}|\d{3}0s|\d{1,2}(?:st|nd|rd|th))\b",  # "the 1990s"
    re.I,
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


_MONEY_Q = re.compile(
    r"\bhow much\b.*\b(?:cost|costs|costing|worth|value|valued|price|priced|pay|paid|pays|paying|spend|spent|spending|"
    r"raise|raised|fund|funding|funds|budget|fine|fined|compensation|owe|owed|charge|charged|earn|earned|sell|sold|"
    r"buy|bought|invest|invested|donate|donated|grant|loan|loans|damages|bill|fee|fees|prize|salary|wage|money|"
    r"forgiveness|relief|settlement|deal|contract|investing|investment|(?:put|puts|putting|pump|pumps|pumping|pumped)"
    r"(?:\s+\w+)?\s+into)\b"
    # "How much is Renske accused of pocketing?"
    r"|\bhow much (?:is|was|are|were|did|does|do|has|have|had|will|would)\b.*\b(?:pocket|pocketed|pocketing|embezzl\w*|"
    r"brib\w*|swindl\w*|launder\w*|receiv\w*|stole|stolen|steal\w*|get|gets|got|getting|gotten|win|wins|won|winning)\b"
    # "What fee did Drelling Rovers get?", "What salary will she earn?"
    r"|^what (?:\w+ )?(?:fee|price|sum|amount|salary|wage|fine|compensation|payout|ransom|bonus|settlement)s? (?:did|does|do|"
    r"will|would|is|was|are|were|has|have|had)\b"
    r"|\b(?:worth|sold for|paid|pay|cost|costs|offered(?: \w+)?) (?:up to )?how much\b"
    # "How big is the hole in Aldmarsh's budget?", "How large is the council's deficit?"
    r"|^how (?:big|large|deep|wide) (?:is|was|are|were|will be) (?:[\w'’-]+ ){0,4}?(?:(?:shortfall|deficit|overspend|"
    r"debt|black hole)\b|(?:hole|gap)\b.*\b(?:budget|finances|funding|accounts|pension)s?\b)"
    r"|^what (?:will|would|did|does|do|could|might) (?:it|this|that|they|the \w+) cost\b"
    r"|^what (?:is|was|are|were|will be) (?:[\w'’-]+ ){1,10}?worth\??$"  # "What is the tin cargo of the wreck worth?"
    r"|^what (?:is|was|will be|were) the (?:\w+ )?(?:cost|price|value|bill|fine|budget|fee)s? (?:of|for)\b"
    # "What did Quillmouth Athletic pay for Teodor Vance?", "What is he being paid a week?"
    r"|^what (?:did|does|do|will|would|is|was|are|were) (?:[\w'’.-]+ ){1,5}?(?:pay|paid|being paid|earn|earning|charge|"
    r"charging|cost)\b"
    # "What did the repairs to the road come to?": a bill, a cost, works or damage adding up
    r"|^what (?:did|does|do|will|would) (?:[\w'’.-]+ ){0,3}?(?:repairs?|bill|works?|damage|refit|rebuild|renovation|"
    r"upgrade|costs?|fees?)\b(?: [\w'’.-]+){0,6}? (?:come to|add up to|total)\b",
    re.I,
)
MONEY = re.compile(
    r"[$€£¥₩]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|m|bn|k)\b)?"
    r"|\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|hundreds of|thousands of|millions of)"
    r"(?:\s(?:hundred|thousand|million|billion|trillion))?\s?"
    r"(?:euros?|dollars?|pounds?(?! of)|sterling|yen|yuan|won|rubles?|roubles?|francs?|rupees?|pesos?|kronor|krona|kroner|"
    r"crowns?|krone|koruna|zloty|zlotys|forints?|lira|liras|lire|rand|dinars?|dirhams?|riyals?|shekels?|baht|ringgit|"
    r"rupiah|naira|hryvnias?|lei|leva|kuna|reais|dong|taka|usd|eur|gbp|chf|jpy|cny|inr|aud|cad|nok|sek|dkk|cents?|pence|"
    r"thalers?|guilders?|florins?|ducats?|shillings?|escudos?|pesetas?|drachmas?|cedis?|kwacha|rials?|manat|tenge|lari|"
    r"bucks)\b",
    re.I,
)
DURATION = re.compile(
    r"\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|hundred|several|few|many|half an?|a couple of|the next|the past|the last)"
    r"(?:[\s-](?:more|full|extra|further|and a half))?[\s-](?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|"
    r"decades?|centuries)\b(?![\s-]old)|\bsince\b|\buntil\b|\bovernight\b",
    re.I,
)
DISTANCE = re.compile(
    r"\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|a hundred|several|a few|a couple of)[\s-](?:miles?|kilometres?|kilometers?|km|metres?|"
    r"meters?|yards?|feet|foot|ft|centimetres?|centimeters?|cm|millimetres?|millimeters?|mm|inch|inches)\b",
    re.I,
)
# "Which keeper ...", "Which GOP lawmaker ...": the answer is a person's name.
_PERSON_ROLES = (
    "actor|actress|author|writer|singer|rapper|musician|artist|star|celebrity|figure|legend|player|golfer|athlete|"
    "footballer|coach|manager|captain|driver|pilot|keeper|officer|official|officials|minister|secretary|president|"
    "senator|lawmaker|politician|candidate|nominee|governor|mayor|leader|chief|spokesman|spokeswoman|spokesperson|"
    "judge|lawyer|prosecutor|detective|inspector|doctor|surgeon|scientist|researcher|professor|economist|analyst|"
    "founder|owner|executive|ceo|chairman|chairwoman|director|editor|journalist|reporter|survivor|victim|suspect|"
    "witness|member|veteran|billionaire|entrepreneur|monarch|king|queen|prince|princess|pope|bishop|worker|employee|"
    "volunteer|resident|ranger|guard|firefighter|paramedic|nurse|teacher|student|conservator|curator|engineer|"
    "activist|organiser|organizer|negotiator|envoy|ambassador|diplomat|commander|general|soldier|person|man|woman|"
    "act|band|performer|headliner"
)
_PERSON_NOUN = re.compile(r"(?:" + _PERSON_ROLES + r"|boy|girl|child|baby|people|son|daughter|wife|husband|"
                          r"\w+(?:er|or|ist|ian|ant|ent))s?", re.I)


def person_noun(noun: str) -> bool:
    """A noun for a person ("keeper", "woman"), or one that may be ("diver", "cyclist": the endings of those who do
    something): what is called so is named as people are."""
    return bool(_PERSON_NOUN.fullmatch(noun))


_NAME_Q = re.compile(r"^(?:\w+\s+){0,3}?(?:which|what)\s+(?:[\w'’-]+\s+){0,3}?(?:" + _PERSON_ROLES + r")\b", re.I)

# "What was Nadia Quartermain's vote total?", "What is the death toll?": a number, though no "how many"
_COUNT_Q = re.compile(r"^what (?:was|is|were|are|will be) (?:the )?(?:[\w'’-]+ ){0,4}?"
                      r"(?:total|tally|count|toll|turnout|majority|margin|split|headcount|number of \w+)\b")

KIND_WORDS = {"number": "a number", "money": "a sum of money", "duration": "a length of time", "date": "a date",
              "name": "a name", "distance": "a distance"}


_WH = r"(?:who|whom|whose|what|which|when|where|why|how)\b"
# "How big is Tolliver's workforce?": a number, counting what the size is of
_SIZE_Q = re.compile(r"\bhow (?:big|large|wide|narrow) (?:is|was|are|were) (?:[\w'’-]+ ){0,4}?(workforce|staff|payroll|crowd|"
                     r"turnout|membership|audience|electorate|majority|following|lead|margin)\b", re.I)
_SIZE_COUNTS = {"workforce": "employee", "staff": "employee", "payroll": "employee", "membership": "member",
                "majority": "vote", "following": "follower"}


def asked_clause(question: str) -> str:
    """The part of a question that asks: the question itself when it opens with a question word, else its last
    sentence or clause that does ("Joe Biden turned a milestone age this week. What is his age?" -> "What is his
    age?", "Apart from Bram Odegaard, who is the other councillor ...?" -> "who is the other councillor ...?")."""
    q = question.strip()
    if re.match(_WH, q, re.I):
        return q
    for part in reversed(re.split(r"(?<=[.!?])\s+(?=[A-Z])", q)):
        if re.match(_WH, part, re.I):
            return part
        m = re.search(r",\s+(" + _WH + r".*)$", part, re.I)
        if m:
            return m.group(1)
    return q


def expected_kind(question: str) -> str | None:
    """What the question asks for: 'money', 'duration', 'distance', 'number', 'date', 'name' or None (read in
    the clause that asks: ``asked_clause``)."""
    question = asked_clause(question)
    q = question.lower().strip()
    if _MONEY_Q.search(q):
        return "money"
    if re.match(r"^how (?:far|deep|tall|wide)\b", q):  # "How deep were the coins buried?": a distance
        return "distance"

    if re.match(r"^how long\b(?! ago)", q):
        return "duration"
    if re.match(r"^(how many|how much|how long|how old|how far|what percent|what share|what proportion|what fraction|"
                r"by how much|how (?:strong|fast|heavy|hot|cold|quick|quickly)\b)", q) or re.search(r"\bhow (many|much)\b", q) \
            or _SIZE_Q.match(q):
        return "number"
    if _COUNT_Q.match(q):
        return "number"
    if re.match(r"^(when|on (?:what|which) (date|day)|in (?:what|which) year|what year|what date|which year|which day|"
                r"what day)\b", q) or _DEADLINE_Q.match(q):
        return "date"
    if asks_who(q) or _NAME_Q.match(question.strip()) or asks_name_of(question):
        return "name"
    return None


def asks_size(question: str) -> bool:
    """"How big was the whale?": its size, which reports give as a length ("9.2 metres"), an area or a weight (so
    no one kind is asked: only rival lengths are read as a disagreement)."""
    q = asked_clause(question).lower().strip()
    return bool(re.match(r"^how (?:big|large)\b", q)) and not _SIZE_Q.match(q)


def asks_name_of(question: str) -> bool:
    """"What is the name of the firm's owner?", "What was the ship called?": a name the question does not hold."""
    return bool(_NAME_OF_Q.match(asked_clause(question).strip()))


_NAME_OF_Q = re.compile(r"^(?:what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:full\s+)?names?\s+of\b"
                        r"|what\s+(?:is|was|are|were)\s+(?:[\w'’.-]+\s+){1,6}?called\b)", re.I)


_PERSON_NAME_Q = re.compile(r"^what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:full\s+)?names?\s+of\s+(?:the|a|an|this|"
                            r"that|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?(?:" + _PERSON_ROLES +
                            r"|teenager|teen|boy|girl|youth|pensioner|owner|mother|father)s?\b", re.I)
_PLACES = {"GPE", "LOC", "FAC", "NORP"}


def asks_person_name(question: str) -> bool:
    """"What's the name of the teenager arrested ...?": the answer is someone's name, not a place's."""
    return bool(_PERSON_NAME_Q.match(asked_clause(question).strip()))


def names_person(question: str, sentence: str) -> bool:
    """``sentence`` gives a name the question does not hold that is no place ("A 19-year-old man has been arrested in
    Haverleigh" names a town, not the man): one the recogniser calls a person, or a name of two words or more that
    does not follow "in", "at" or "from" (the small recogniser calls many an invented person something else)."""
    def person(span) -> bool:
        kinds = {span.label_} if span.label_ else {t.ent_type_ for t in span}
        before = span.doc[span.start - 1].lower_ if span.start else ""
        return "PERSON" in kinds or (len(span) >= 2 and not kinds & _PLACES and before not in _PLACE_BEFORE)
    return any(person(span) for span in _new_name_spans(question, sentence))


_PLACE_BEFORE = {"in", "at", "from", "near", "outside", "to", "of", "across", "around"}


_CHANGE_VERBS = (r"(?:go(?:ing)?\s+up|went\s+up|go(?:ing)?\s+down|rise|rising|risen|rose|increase[ds]?|increasing|fall|falling|"
                 r"fallen|fell|drop(?:ped|ping|s)?|(?:be\s+|been\s+)?(?:cut|raised|reduced|lowered|increased))")
_CHANGE_Q = re.compile(r"^(?:by\s+)?how\s+much\s+(?:are|is|will|would|did|do|does|have|has|were|was)\s+(?:the\s+)?"
                       r"(?P<thing>[\w'’ -]+?)\s+(?:be\s+|been\s+)?" + _CHANGE_VERBS + r"\b", re.I)
_CHANGE_NOUN = re.compile(r"\s*(?:per\s?cent|percent|%)?\s*(?:[\w-]+\s+){0,2}?(?:rise|increase|cut|reduction|fall|drop|"
                          r"hike|jump|rises|increases|cuts)\s+(?:in|of|to|for)\s+(?P<of>[^,.;]{0,60})", re.I)
_CHANGE_UNITS = {"per", "percent", "percentage", "pc", "p", "pence", "cents", "pounds", "euros", "dollars", "crowns", "points",
                 "million", "billion", "m", "bn", "k", "times", "fold", "a", "an", "each", "every", "from", "to"}


def changed_thing(question: str) -> set[str]:
    """The words of what a "By how much are parking charges going up?" question asks the change of (empty for other
    questions)."""
    m = _CHANGE_Q.match(asked_clause(question).strip())
    return set(content_terms(m.group("thing"))) if m else set()


def gives_change(sentence: str, thing: set[str]) -> bool:
    """A number in ``sentence`` that is the change of ``thing`` (``changed_thing``): "parking charges will rise by 10
    per cent", "a 10 per cent rise in parking charges"; not "a 4.9 per cent rise in property tax, higher parking
    charges" (the number is the tax's)."""
    for m in _NUMBER.finditer(sentence):
        unit = re.match(r"\s*([a-z]+)", sentence[m.end():], re.I)
        if unit and unit.group(1).lower() not in _CHANGE_UNITS:
            continue  # "the city's six libraries" counts libraries
        of = _CHANGE_NOUN.match(sentence, m.end())
        if of:
            if set(content_terms(of.group("of"))) & thing:
                return True
            continue  # "a 4.9 per cent rise in property tax"
        if set(content_terms(sentence[max(0, m.start() - 80):m.start()])) & thing:
            return True  # "parking charges will go up by 10 per cent"
    return False


# "What's the deadline for responses?", "What is the closing date for bids?": a date
_DEADLINE_Q = re.compile(r"^what(?:'s|’s|\s+is|\s+was|\s+will\s+be)\s+the\s+(?:\w+\s+){0,2}?(?:deadline|closing date|"
                         r"cut-?off(?: date)?|due date|start date|end date|opening date|"
                         r"date(?=\s+(?:of|for|when)\b|\s*\?))")
DEADLINE = re.compile(r"\b(?:deadline|closing date|cut-?off)\b", re.I)


# "... did not specify the exact number", "without providing specific numbers": the
# sentence says the thing asked for is not given, so it cannot be the answer.
_UNDISCLOSED = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|do not|without|not|declined to|refused to)\s+"
    r"(?:specify|specifying|provide|providing|give|giving|disclose|disclosing|reveal|revealing|release|releasing|say|saying)\b"
    r"|\bnot (?:been )?(?:disclosed|released|known|specified|confirmed)\b|\bunclear\b|\bunknown\b",
    re.I,
)


# what a report withholds is a count ("without providing specific numbers"), which a name or a date still answers
_OF_NUMBERS = re.compile(r"\s+(?:(?:any|the|exact|specific|precise|detailed|further|official)\s+){0,2}"
                         r"(?:numbers?|figures?|totals?|counts?|toll|how\s+many)\b", re.I)


STRICT_COUNT = False


def counted_thing(question: str) -> str | None:
    """What a "how many" question counts: "how many North Korean troops ..." -> "troop"."""
    m = re.search(r"\bhow many\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*s|people|children|men|women|staff|personnel|fish|"
                  r"sheep|deer|cattle|livestock|aircraft|salmon|trout|poultry|crew)\b", question, re.I)
    if m:
        return stem(m.group(2).lower())
    m = _SIZE_Q.search(question)
    if m and m.group(1).lower() in ("lead", "margin"):
        return None  # "How big was Quell's lead?": votes, points or seconds, as the report counts it
    if m:  # "How big is Tolliver's workforce?" counts its employees
        return _SIZE_COUNTS.get(m.group(1).lower(), "people")
    return None


def measured_thing(question: str) -> str | None:
    """What a "how much" question measures: "How much diesel leaked ...?" -> "diesel" (None for "how much did")."""
    m = re.search(r"\bhow much\s+([a-z][\w-]*)\b", question, re.I)
    if not m or m.group(1).lower() in _AUXILIARIES:
        return None
    return stem(m.group(1).lower())


_PERIODS = ("day", "week", "month", "year", "hour")
_EVERY = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year", "hourly": "hour"}


def asked_rate(question: str) -> str | None:
    """The period a question asks a rate over: "How much traffic went over the bridge each day?" -> "day"."""
    low = question.lower()
    periods = "|".join(_PERIODS)
    m = re.search(r"\b(?:each|every|per)\s+(" + periods + r")\b|\ba\s+(" + periods + r")\b(?!\s+(?:ago|earlier|later))", low)
    if m:
        return m.group(1) or m.group(2)
    return next((period for word, period in _EVERY.items() if re.search(rf"\b{word}\b", low)), None)


def gives_rate(sentence: str, kind: str, period: str) -> bool:
    """``sentence`` gives a sum of money (or a number) per ``period``: "earns 40,000 crowns a week"."""
    pattern = MONEY if kind == "money" else _NUMBER
    return any(rate_after(sentence[m.end():], period) for m in pattern.finditer(sentence))


def rate_after(text: str, period: str) -> bool:
    """Does ``text`` (what follows a number) give it per ``period`` ("vehicles a day", "passengers every day")?"""
    every = "|".join(w for w, p in _EVERY.items() if p == period)
    rate = rf"(?:(?:a|an|each|every|per)\s+{period}|{every})\b"
    return bool(re.match(rf"(?:[\s,]+[\w'’-]+){{0,7}}?[\s,]+{rate}", text, re.I))  # within the next words


_AUXILIARIES = {"is", "are", "was", "were", "did", "do", "does", "has", "have", "had", "will", "would", "can", "could",
                "should", "money", "more", "less", "of", "the", "a", "an", "it", "they", "he", "she", "we", "you"}


def holds_kind(sentence: str, kind: str | None, counted: str | None = None) -> bool:
    """Does ``sentence`` hold the kind of thing asked for?

    For "how many X", a sentence that mentions X must put a number right before it
    ("200 casualties" does not count troops).
    """
    if kind is None:
        return True
    if kind == "money":
        return bool(MONEY.search(sentence))
    if kind == "duration":
        return bool(DURATION.search(sentence))
    if kind == "distance":
        return bool(DISTANCE.search(sentence))
    if kind == "number":
        if not _NUMBER.search(sentence):
            return False
        if counted:
            # a share counts nothing: "7 per cent of patients" is no number of patients
            plain = _COMPOUND_COUNT.sub(_counted_plural, sentence)  # "a 14-turbine farm" counts 14 turbines
            tokens = words(_SHARE.sub(" ", plain) if not _SHARE_Q.search(counted) else plain, whole_numbers=True)
            places = [i for i, t in enumerate(tokens) if counts_as(stem(t), counted) or counts_workforce(t, counted)]
            if any(_NUMBER.fullmatch(w) and (tokens[j + 1] != "of" or tokens[j + 2] in ("its", "their")
                                              or (tokens[j + 2] == "the" and w.lower() not in ("one", "1")))
                   for i in places for j, w in enumerate(tokens[max(0, i - 4):i], max(0, i - 4))):
                return True  # "200 casualties", "seven of its members", "five of the passengers"; not "one of the volunteers"
            if any(number_after(tokens, i) for i in places):
                return True  # "the number of jobs to go falls from 180 to 120"
            if places or STRICT_COUNT:
                return False  # "the exact number of troops", with no number
            if not MONEY.search(counted) and not _NUMBER.search(_SHARE.sub(" ", MONEY.sub(" ", sentence))):
                return False  # a sum of money or a share is no count of guards: "values the canvas at 2.4 million euros"
            if counted not in ANY_PERSON and not any(not _counts_thing(tokens, i, counted) for i, t in enumerate(tokens)
                                                     if _NUMBER.fullmatch(t)):
                return False  # every number counts another thing: "for 22 years" is no count of ballots
        return not _UNDISCLOSED.search(sentence)
    if any(not _OF_NUMBERS.match(sentence, m.end()) for m in _UNDISCLOSED.finditer(sentence)):
        return False  # "did not say when": but "Zelensky mentioned ... without providing specific numbers" names him
    if kind == "date":
        return bool(_DATEISH.search(sentence))
    if kind == "name":  # a name inside the sentence, or one that opens it ("Jin, the oldest member ...")
        return bool(_NAME.search(sentence)) or any(not e[0].isdigit() for e in key_entities(sentence, keep_initial=True))
    return True


_SHARE_MARK = r"\s?(?:%|per ?cent\b|percent\b)"  # what makes the number before it a share: "7 per cent", "12%"
_SHARE = re.compile(r"\b\d[\d,.]*" + _SHARE_MARK, re.I)
_SHARE_AFTER = re.compile(_SHARE_MARK, re.I)
_SHARE_Q = re.compile(r"\b(?:per ?cent|percent|percentage|share|proportion)\b|^how much of\b", re.I)  # "How much of the lake"
_CLOCK = {"am", "pm", "a", "p", "gmt", "utc", "o'clock", "hrs", "h"}
_BETWEEN = {"other", "more", "new", "additional", "further", "extra", "fewer", "local", "young", "older", "small",
            "large", "big", "full", "part", "time", "hundred", "thousand", "million", "billion"}  # "3.5 million people"


_FUTURE_Q = re.compile(
    r"^(?:when|on what (?:date|day)|what date|what day|by when|in what (?:month|year)) (?:will|shall)\b"
    r"|^when (?:is|are) .*\b(?:due|expected|scheduled|set|planned|going)\b"
    r"|^when (?:does|do) .*\b(?:start|begin|open|reopen|resume|end|close|finish|take effect|return)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|due|expected|expects?|scheduled|planned|plans?|set to|to (?:begin|start|open|reopen|"
    r"resume|run|return|take place|be held|be completed|finish|end|close|take effect)|next|upcoming|later this|"
    r"from (?:\w+ )?on|until|postponed|delayed|moved to|pushed back)\b", re.I)


def is_share(after: str) -> bool:
    """The words right ``after`` a number make it a share ("7 per cent", "12%")."""
    return bool(_SHARE_AFTER.match(after))


def asks_share(question: str) -> bool:
    """"What share of the candidates were marked down?", "What percentage ...?": the answer is a share."""
    return expected_kind(question) == "number" and bool(_SHARE_Q.search(asked_clause(question)))


def share_in(sentence: str) -> str | None:
    """The first share the sentence gives, as written ("18 per cent", "23%")."""
    m = _SHARE.search(sentence)
    return m.group(0) if m else None


def names_new(question: str, sentence: str) -> bool:
    """``sentence`` names someone or something the question does not: what a "who" question needs. A name is an
    entity of the parse (not a date, time or quantity) or a run of proper nouns; a capital that only opens the
    sentence ("Talks broke up ...") is none. "Since then the harbour has been run by his deputy" names nobody
    new for "Who is the deputy running the harbour since Piet Ostrander stepped down?"."""
    return bool(new_names(question, sentence))


def new_names(question: str, sentence: str) -> list[str]:
    """The names ``sentence`` gives that the question does not hold (``names_new``), each once."""
    return [span.text for span in _new_name_spans(question, sentence)]


# Institutions whose names end in the kind of thing they are ("Quillmouth District Court", "Court of Appeal"): a
# name headed by one kind is no answer to "which <other kind>?"
_INSTITUTIONS = (
    {"court", "courts", "tribunal"},
    {"prison", "jail", "gaol", "penitentiary", "correctional"},
    {"hospital", "clinic", "infirmary"},
    {"university", "universities", "college", "school", "academy"},
    {"airport", "airfield"},
    {"stadium", "arena", "venue"},
    {"company", "companies", "firm", "bank", "cooperative", "co-op", "corporation", "corp", "inc", "ltd", "plc",
     "group", "holdings"},
    {"council", "ministry", "department", "agency", "authority", "commission", "committee", "office", "police"},
)
# Places and institutions: a person's name is none of them
_NOT_PEOPLE = {"country", "countries", "nation", "state", "city", "cities", "town", "island", "region", "province",
               "county", "counties", "airport", "prison", "jail", "court", "hospital", "stadium", "venue",
               "university", "universities", "college", "school"}


def names_thing(question: str, sentence: str, thing: str) -> bool:
    """``sentence`` names a ``thing`` (``named_thing_asked``) the question does not: a new name that is not a
    person's when a place or institution is asked, nor headed by another kind of institution ("which prison?"
    is not answered by "Quillmouth District Court")."""
    asked = next((kind for kind in _INSTITUTIONS if thing in kind), set())
    for span in _new_name_spans(question, sentence):
        if thing in _NOT_PEOPLE and span.label_ == "PERSON":
            continue
        tokens = words(span.text)
        head = (tokens[tokens.index("of") - 1] if "of" in tokens[1:] else tokens[-1]) if tokens else ""
        if tokens and tokens[0] == "hmp":  # "HMP Wandsworth": His Majesty's Prison
            head = "prison"
        if asked and any(kind is not asked and head in kind for kind in _INSTITUTIONS):
            continue
        return True
    return False


def _new_name_spans(question: str, sentence: str) -> list:
    from .nlp import parse

    asked = set(content_terms(question))
    doc = parse(sentence)
    spans = [e for e in doc.ents if e.label_ not in _NOT_NAMES]
    run: list = []
    for t in [*doc, None]:
        if t is not None and t.pos_ == "PROPN":
            run.append(t)
            continue
        if run:
            spans.append(doc[run[0].i:run[-1].i + 1])
            run = []
    found: list = []
    for span in spans:
        terms = [stem(w) for w in words(span.text) if w not in STOPWORDS and w not in MONTHS and w not in WEEKDAYS
                 and w not in ("today", "yesterday")]
        if terms and not set(terms) <= asked and not any(span.start < f.end and f.start < span.end for f in found):
            found.append(span)
    return found


_SEVERAL = {"two": 2, "three": 3, "four": 4, "both": 2}


def several_asked(question: str) -> int:
    """How many things "Which two schools ...?" asks to name (0 for other questions)."""
    m = re.search(r"\b(?:which|what)\s+(two|three|four|both)\b", asked_clause(question), re.I)
    return _SEVERAL[m.group(1).lower()] if m else 0


_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def role_asked(question: str) -> str | None:
    """The role a "Who is the <role> ...?" question asks to name, by the parse: "Who is the mayor of Oskarby?" ->
    "mayor", "Who is the former council adviser linked to ...?" -> "adviser"; None for other questions ("Who won
    ...?")."""
    from .nlp import parse

    for t in parse(question):
        if t.lower_ == "who" and t.head.lemma_ == "be":
            roles = [c for c in t.head.children if c is not t and c.dep_ in ("attr", "nsubj") and c.pos_ == "NOUN"]
            if roles:
                return roles[0].lemma_.lower()
        if t.lower_ == "who" and t.dep_ == "nsubj" and t.head.lemma_.lower() in _VERB_ROLES:
            return _VERB_ROLES[t.head.lemma_.lower()]  # "Who chairs Ellsmoor Rovers?" -> "chair"
    if _IN_CHARGE_Q.match(asked_clause(question)):
        return IN_CHARGE  # "Who is in charge of the inquiry?": led, chaired, headed by someone
    return None


IN_CHARGE = "in charge"
_IN_CHARGE_Q = re.compile(r"^who(?:'s|\s+is|\s+was|\s+will\s+be|\s+are|\s+were)\s+(?:now\s+)?in\s+charge\b", re.I)


def role_forms(role: str) -> set[str]:
    """The words a report uses for ``role`` (``role_asked``): "chair" -> chair, chairman, chaired, ..."""
    return _ROLE_FORMS.get(role, {role}) | _ROLE_PARTICIPLES.get(role, set())


def role_words(question: str) -> str:
    """The words for the role asked, to search by ("Who chairs Ellsmoor Rovers?" -> "chair chaired chairman
    chairperson chairwoman": reports say "chairman Leopold Varney"); "" when no role with other names is asked."""
    role = role_asked(question)
    return " ".join(sorted(role_forms(role))) if role in _ROLE_FORMS else ""


# "Who chairs / coaches / captains X?" asks for the one in that role, and the words a report uses for it; "Who leads /
# heads / is in charge of X?" for whoever leads it, called leader, head, chair, chief, director or manager
_VERB_ROLES = {"chair": "chair", "coach": "coach", "captain": "captain", "own": "owner", "edit": "editor",
               "govern": "governor", "lead": IN_CHARGE, "head": IN_CHARGE}
_ROLE_FORMS = {"chair": {"chair", "chairman", "chairwoman", "chairperson"}, "coach": {"coach", "manager"},
               "captain": {"captain", "skipper"}, "owner": {"owner", "own"}, "editor": {"editor", "edit"},
               "governor": {"governor"},
               IN_CHARGE: {"lead", "leader", "head", "chair", "chairman", "chairwoman", "chairperson", "chief",
                           "director", "manager", "boss", "president", "convenor"}}
_ROLE_PARTICIPLES = {"chair": {"chaired"}, "coach": {"coached"}, "captain": {"captained"}, "owner": {"owned"},
                     "editor": {"edited"}, IN_CHARGE: {"led", "headed", "chaired"}}


def names_role(question: str, sentence: str, role: str) -> bool:
    """``sentence`` ties a name the question does not hold to ``role``, by the parse: the name and the role word
    are one phrase ("Mayor Ilse Varga", "Ilse Varga, the town's mayor") or subject and complement of one verb
    ("Ilse Varga has been named the new harbour commissioner"); a sentence naming someone else ("Opposition leader
    Carl Wendt claimed ... a former council adviser") or only the role ("run by his deputy") does not."""
    from .nlp import parse

    doc = parse(sentence)
    forms = _ROLE_FORMS.get(role, {role})
    asked = set(content_terms(question))
    roles = [t for t in doc if (t.lemma_.lower() in forms or t.lower_ in forms) and not _role_elsewhere(t, asked)]
    if not roles:
        return False
    # a role word that qualifies another ("the trial's lead investigator", "chief executive") is that noun's role
    roles += [r.head for r in roles if r.dep_ in ("amod", "compound") and r.head.pos_ == "NOUN"]
    for t in doc:
        if t.pos_ != "PROPN" or t.lower_ in asked or t.lower_ in MONTHS or t.lower_ in WEEKDAYS:
            continue
        for r in roles:
            phrase = t
            while phrase.dep_ in ("compound", "appos", "flat") and phrase.head.i != phrase.i:
                phrase = phrase.head  # "the barrister Rosalind Treharne"
            if t.head.i == r.i or r.head.i == t.i or abs(t.i - r.i) == 1 or _one_clause(t, r) \
                    or (r.head.dep_ == "relcl" and r.head.head.i == t.i) \
                    or (phrase.head.dep_ == "agent" and phrase.head.head.i == r.i) \
                    or _set_off(doc, t, r):  # "chaired by Leopold Varney", "led by the barrister Rosalind Treharne"
                return True
    return False


def _set_off(doc, name, role) -> bool:
    """The role stands in the aside that follows the name between commas, whatever the parse made of it: "Paul
    Renshaw, whom the hospital named as the trial's lead investigator, said ..."."""
    end = name.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end >= len(doc) or doc[end].text != "," or not end < role.i <= end + 12:
        return False
    return not any(doc[k].text in (",", ";", ".") for k in range(end + 1, role.i))


def _role_elsewhere(role, asked: set[str]) -> bool:
    """The role is held in a body the question does not name: "chair of the Rovers Supporters' Trust" is not the
    chair of Ellsmoor Rovers, and "the Carnmoor Examinations Council's chief examiner" does not lead the review."""
    holders = [role] + ([role.head] if role.dep_ in ("amod", "compound") and role.head.pos_ == "NOUN" else [])
    for prep in (c for h in holders for c in h.children):
        if (prep.dep_ == "prep" and prep.lower_ in ("of", "at")) or prep.dep_ == "poss":
            names = [w.lower_ for w in prep.subtree if w.pos_ == "PROPN"]
            if any(n not in asked and stem(n) not in asked for n in names):
                return True
    return False


def _one_clause(name, role) -> bool:
    """A name and a role that are arguments of one verb: "Varga was named harbour commissioner", "the board named
    Varga as the new commissioner"."""
    if name.dep_ not in ("nsubj", "nsubjpass", "dobj", "oprd"):
        return False
    verb = role.head.head if role.dep_ == "pobj" and role.head.lower_ == "as" else \
        role.head if role.dep_ in ("attr", "oprd", "dobj", "appos") else None
    if verb is not None and verb.dep_ == "relcl" and verb.head.i == name.i:
        return True  # "Paul Renshaw, whom the hospital named as the trial's lead investigator"
    return verb is not None and verb.i == name.head.i and role.i != name.i


def asks_who(question: str) -> bool:
    """"Who ...?", "Whose ...?" (not "Which keeper ...?", which also asks for a name)."""
    return bool(re.match(r"^(?:who|whom|whose)\b", asked_clause(question), re.I))


_WHICH_ROLE = re.compile(r"^(?:\w+\s+){0,3}?which\s+(?:[\w'’-]+\s+){0,3}?(?:" + _PERSON_ROLES + r")\b", re.I)


def asks_someone(question: str) -> bool:
    """"Who ...?" or "Which keeper / act / official ...?": the answer names someone ("What did Mayor Kalt call
    it?" does not ask for one)."""
    return asks_who(question) or bool(_WHICH_ROLE.match(asked_clause(question)))


# Things known by their names: "Which country ...?", "Which airline ...?" is answered by naming one
_NAMED_THINGS = ("country|countries|nation|state|city|cities|town|island|region|province|county|counties|team|club|"
                 "company|companies|firm|airline|automaker|carmaker|brand|chain|franchise|university|universities|"
                 "college|school|airport|platform|network|newspaper|broadcaster|bank|party|parties|league|prison|jail|"
                 "court|hospital|stadium|venue")
# (the words between are the thing's modifiers, not a verb: "On what day did Welmoreth Town shut ...?" asks no town)
_WHICH_NAMED = re.compile(r"\b(?:which|what)\s+(?:(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\b)"
                          r"[\w'’-]+\s+){0,3}?(" + _NAMED_THINGS + r")s?\b", re.I)


def named_thing_asked(question: str) -> str | None:
    """The thing known by its name a "which" question asks for: "Which social media platform banned ...?" ->
    "platform"; None for other questions ("Which type of infrastructure ...?")."""
    m = _WHICH_NAMED.search(asked_clause(question))
    return m.group(1).lower() if m else None


def asks_future(question: str) -> bool:
    """"When will the bridge reopen?", "When is the quay due to be completed?": a date still to come."""
    return bool(_FUTURE_Q.search(question.strip()))


def tells_future(sentence: str) -> bool:
    """A date and words for what is still to come ("will reopen on 3 April", "is due to finish in May"): what a
    question about a date to come needs. A report of what happened on a date ("talks broke up on Friday") is not."""
    return bool(_DATEISH.search(sentence)) and bool(_FUTURE.search(sentence)) and not _UNDISCLOSED.search(sentence)


# A number joined to a noun by a hyphen counts that noun: "a 14-turbine wind farm", "a three-hour meeting" (not an
# age, "a 12-year-old", read elsewhere)
_COMPOUND_COUNT = re.compile(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                             r"thirty|forty|fifty|hundred)-([a-z]+)\b(?!-)", re.I)


def _counted_plural(m: re.Match) -> str:
    noun = m.group(2)
    return f"{m.group(1)} {noun if noun.endswith('s') else noun + 's'}"


# Nouns a number names rather than counts: "Line 2", "Platform 4", "Phase 3"
_NAMED_BY_NUMBER = {"line", "route", "platform", "gate", "phase", "stage", "terminal", "ward", "block", "junction", "exit",
                    "zone", "tier", "level", "category", "grade", "division", "flight", "channel", "page", "chapter",
                    "section", "article", "clause", "part", "room", "lane", "track", "bay", "pier", "season", "episode",
                    "version", "model", "number", "no"}


def _counts_thing(tokens: list[str], i: int, counted: str = "") -> bool:
    """The number at ``tokens[i]`` counts another thing named right after it ("22 years", "37 homes", "two of
    them", "eleven other workers"), or is no count at all: a time ("11 pm", "4 a.m."), a day
    of a month ("3 April", "March 26") or a year ("2025"). "140 people" counts any people ``counted`` names
    (``counts_people``)."""
    word = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    before = tokens[i - 1] if i else ""
    if nxt in _CLOCK or nxt in MONTHS or before in MONTHS or nxt in ("st", "nd", "rd", "th") or before in _NAMED_BY_NUMBER:
        return True
    if re.fullmatch(r"(?:1[89]|20)\d\d", word):
        return True
    j = i + 1
    while j < len(tokens) and j <= i + 2 and tokens[j] in _BETWEEN:
        j += 1  # "eleven other workers"
    nxt = tokens[j] if j < len(tokens) else ""
    if nxt in ANY_PERSON and counts_people(counted):
        return False
    if counted and counts_as(stem(nxt), counted):
        return False
    return nxt == "of" or (nxt.isalpha() and (nxt.endswith("s") or nxt in _PLURALS) and nxt not in _NOT_THINGS)


# Counting these, "14 workers" counts them too
ANY_PERSON = {"people", "person", "men", "women", "children", "staff", "personnel"}
# Words that count one thing: households are counted in homes ("residents of 37 homes were evacuated")
_SAME_COUNT = ({"household", "home", "house", "property", "dwelling"}, {"job", "post", "position"},
               {"fan", "supporter", "spectator", "seat"}, {"children", "child", "pupil", "student", "schoolchildren"},
               {"trip", "journey", "ride"})


def counts_as(word_stem: str, counted: str) -> bool:
    """Does a number before the word (its stem) count ``counted``: the word itself, or one that counts the same
    thing ("homes" for households)?"""
    return word_stem == counted or any(word_stem in group and counted in group for group in _SAME_COUNT)


def counts_workforce(word: str, counted: str) -> bool:
    """For a count of a workforce (workers, employees, members), the people in it by their trades, as written in
    the plural: "1,900 drivers, conductors and depot staff" are workers, "1,600 Guild members" too."""
    if counted not in _WORKFORCE and counted not in ANY_PERSON:
        return False  # "How many people were trapped?": "six cavers", "seven of its members" are people too
    return word in ANY_PERSON - {"person"} or (bool(re.search(r"(?:ers|ors|ists|ians|dents|tients|ployees)$", word))
                                               and word[:-1] not in _NOT_TRADES)


_WORKFORCE = {"worker", "employee", "member", "personnel"}
_NOT_TRADES = {"other", "order", "number", "power", "water", "hour", "year", "quarter", "floor", "door", "letter",
               "meter", "metre", "dollar", "counter", "sector", "factor", "motor", "computer", "center", "centre"}


def counts_people(counted: str) -> bool:
    """A count of people: "people", or a noun for people by its ending (worker, employee, volunteer, passenger,
    resident, officer, scientist): "140 people" counts employees, not jobs."""
    return counted in ANY_PERSON or bool(re.search(r"(?:er|ee|or|ist|ant|ent|ian)$", counted))
_PLURALS = {"people", "men", "women", "children", "staff", "police", "cattle", "sheep", "fish"}
_NOT_THINGS = {"is", "was", "has", "as", "his", "its", "this", "thus", "plus", "less", "across", "always", "perhaps",
               "per", "us"}


def number_after(tokens: list[str], place: int) -> str | None:
    """After "the number (total, toll) of X" at ``tokens[place]``, the number the clause gives for it: the last of
    "from 180 to 120", else the first within a few words ("the number of jobs to go falls from 180 to 120")."""
    if place < 2 or tokens[place - 1].lower() != "of" or tokens[place - 2].lower() not in ("number", "total", "toll"):
        return None
    found = []
    for i in range(place + 1, min(len(tokens), place + 10)):
        if _NUMBER.fullmatch(tokens[i]):
            found.append(i)
            if i + 2 < len(tokens) and tokens[i - 1].lower() == "from" and tokens[i + 1].lower() == "to" \
                    and _NUMBER.fullmatch(tokens[i + 2]):
                return tokens[i + 2]
    return tokens[found[0]] if found else None


@lru_cache(maxsize=2048)
def focus_term(question: str) -> str | None:
    """The thing a which/what question asks for: "To which airport ..." -> "airport"; the noun "which" determines
    in the parse, past adjectives ("which controversial social media platform" -> "media"), else the first content
    word after it."""
    m = re.search(r"\b(?:which|what)\s+([\w'’-]+)(?:\s+([\w'’-]+))?(?:\s+([\w'’-]+))?", question, re.I)
    if not m:
        return None
    from .nlp import parse

    doc = parse(question)
    for t in doc:
        if t.lower_ in ("which", "what") and t.dep_ == "det" and t.head.pos_ == "NOUN" and t.head.i > t.i:
            # the first common noun of the phrase: "which train service" -> "train", past adjectives, numbers
            # and names ("which controversial social media platform" -> "media", "which GOP lawmaker")
            return stem(next(x for x in doc[t.i + 1:t.head.i + 1] if x.pos_ == "NOUN").lower_)
    counted = 0
    for w in m.groups():
        if not w or w[0].isupper() or _NUMBER.fullmatch(w):
            continue  # "which two Pac-12 schools" asks for schools
        if w.lower() not in STOPWORDS and not w.lower().endswith("ly"):
            return stem(w.lower())
        counted += 1
        if counted == 2:
            break
    return None


# "Why did they pick Culvermere?", "What started the outbreak?", "What caused the fire?": a reason is asked for
_REASON_Q = re.compile(r"^\s*(?:why\b|how\s+come\b|what\s+(?:started|caused|causes|triggered|sparked|led\s+to|"
                       r"prompted|was\s+behind|is\s+behind|made)\b|what(?:'s|’s)\s+behind\b|"
                       r"what\s+(?:went|had\s+gone|has\s+gone|is\s+going)\s+wrong\b|for\s+what\s+reason\b)", re.I)
# a sentence that gives one
_REASON = re.compile(r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused\s+by|blamed\s+on|traced\s+to|"
                     r"the\s+reason|sparked\s+by|triggered\s+by|prompted\s+by|blamed\b|driven\s+(?:\w+\s+)?by|"
                     r"(?:was|were|is|are)\s+down\s+to|put\s+down\s+to|stemm?(?:ed|s)?\s+from|attributed\s+to|"
                     r"the\s+result\s+of|because\s+of)", re.I)
# words that may give one, but as often only tell what came before or after ("evacuated after the blast")
_WEAK_REASON = re.compile(r"\b(?:so\s+that|in\s+order\s+to|after\s+(?:a|an|the)\s+\w+|led\s+to|since\s+(?:it|they|the)\b)",
                          re.I)


_AGE_WORDS = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
              r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?")
# an age: "about six years old", "a 17-year-old", "aged 17", "turned 80", "Dorian Pask, 34, was ..."
_AGE = re.compile(rf"\b{_AGE_WORDS}[\s-]+(?:years?|months?|weeks?)[\s-]+old\b|\b{_AGE_WORDS}\s+years\s+of\s+age\b"
                  rf"|\b(?:aged|age\s+of|turned|turns|turning)\s+{_AGE_WORDS}\b|(?<=[A-Z][a-z]),\s\d{{1,2}},\s", re.I)


def asks_age(question: str) -> bool:
    """"How old is the whale?": an age, not any number ("nine hours")."""
    return bool(re.match(r"\s*how\s+old\b", asked_clause(question), re.I))


def states_age(sentence: str) -> bool:
    return bool(_AGE.search(sentence))


_NO_ANSWER_YET = re.compile(r"\btoo\s+(?:early|soon)\s+to\s+(?:say|tell)\b|\bnot\s+yet\s+(?:known|clear)\b", re.I)


def withholds(sentence: str) -> bool:
    """The sentence says the thing is not known or not given ("It is too early to say what caused this", "did not
    say why", "the cause is unclear")."""
    return bool(_UNDISCLOSED.search(sentence) or _NO_ANSWER_YET.search(sentence))


def asks_reason(question: str) -> bool:
    """The question asks why something happened or what caused it."""
    return bool(_REASON_Q.match(question))


def gives_reason(sentence: str, strong: bool = False) -> bool:
    """The sentence gives a reason or a cause in so many words ("chosen because ...", "was traced to ...");
    ``strong``: only in words that say so whatever follows them ("because", "caused by"), not "after", "led to" or
    "so that" ("Forty-six homes were evacuated after the blast" gives no cause of the blast)."""
    return bool(_REASON.search(sentence) or (not strong and _WEAK_REASON.search(sentence)))
