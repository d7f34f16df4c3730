"""The assistant's own small result types. LangChain types appear only in ``lc.py``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article as loaded from a file, before it is split into paragraphs."""

    id: str
    title: str
    outlet: str
    published: date
    body: str
    url: str = ""
    language: str = "en"
    source: str = ""  # the file it came from


@dataclass(frozen=True)
class Paragraph:
    """The unit of retrieval and of citation: ``<article_id>#p<N>``, N from 1."""

    id: str
    article_id: str
    index: int  # N, from 1
    text: str
    start: int  # character offsets in the article body
    end: int
    hash: str
    tokens: int  # cl100k_base tokens


@dataclass(frozen=True)
class DateMention:
    """A date expression in a paragraph (offsets in its text), resolved against the publication date."""

    start: int
    end: int
    text: str  # as written: "the 15th", "last week"
    first: date  # the period it names, first and last day
    last: date
    granularity: str  # day, week, month, year, decade
    relative: bool  # needs the publication date to be read ("the 15th"), unlike "4 December 2024"
    label: str = ""  # how an answer writes it: "15 December 2024"

    def to_json(self) -> list:
        return [self.start, self.end, self.text, self.first.isoformat(), self.last.isoformat(),
                self.granularity, int(self.relative), self.label]

    @classmethod
    def from_json(cls, row: list) -> "DateMention":
        s, e, text, first, last, gran, rel, label = row
        return cls(s, e, text, date.fromisoformat(first), date.fromisoformat(last), gran, bool(rel), label)


@dataclass(frozen=True)
class Hit:
    """A retrieved paragraph with what retrieval knows about it."""

    paragraph_id: str
    article_id: str
    title: str
    outlet: str
    published: date
    text: str
    start: int
    end: int
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None
    url: str = ""  # the article's address, when it has one
    source: str = ""  # the file it was loaded from
    copies: tuple[str, ...] = ()  # near-identical paragraphs elsewhere (wire copy), shown as this one
    also_in: tuple[str, ...] = ()  # their outlets
    dates: tuple[DateMention, ...] = ()  # date expressions in the text, resolved
    lead: str = ""  # its article's first paragraph when this is a later one: the lead names what later ones
    # call "the moor" ("Harnwick Moor")


@dataclass(frozen=True)
class Citation:
    paragraph_id: str
    article_id: str
    title: str
    outlet: str
    published: str  # ISO date
    quote: str  # the cited paragraph, word for word
    start: int
    end: int
    also_in: tuple[str, ...] = ()  # outlets that ran a copy of this paragraph
    dates: tuple[DateMention, ...] = ()  # date expressions in the quote, resolved
    quoted: tuple[str, ...] = ()  # who the answer's claims from this paragraph are attributed to

    def to_json(self) -> dict:
        return {**asdict(self), "also_in": list(self.also_in), "quoted": list(self.quoted), "dates": [
            {"text": d.text, "start": d.start, "end": d.end, "first": d.first.isoformat(), "last": d.last.isoformat(),
             "granularity": d.granularity, "relative": d.relative, "label": d.label} for d in self.dates]}

    @classmethod
    def from_hit(cls, hit: Hit) -> "Citation":
        return cls(
            also_in=hit.also_in,
            dates=hit.dates,
            paragraph_id=hit.paragraph_id,
            article_id=hit.article_id,
            title=hit.title,
            outlet=hit.outlet,
            published=hit.published.isoformat(),
            quote=hit.text,
            start=hit.start,
            end=hit.end,
        )


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer; ``citations`` are 1-based numbers into ``Answer.citations``."""

    text: str
    citations: tuple[int, ...] = ()
    attribution: str = ""  # who its source says makes the claim ("the regional health authority"), if anyone


@dataclass(frozen=True)
class TimelinePoint:
    """One dated event of a timeline answer: its day and the citation that reports it."""

    day: str  # ISO date
    label: str  # "4 February 2025"
    citation: int  # 1-based number into ``Answer.citations``
    text: str  # the answer's line for it


@dataclass(frozen=True)
class Answer:
    text: str  # sentences joined, each followed by its markers, e.g. "... [1][2]"
    sentences: tuple[Sentence, ...]
    citations: tuple[Citation, ...]
    refused: bool
    as_of: date | None = None
    verification: object = None  # verify.Verification: per sentence, its verdict and the signals behind it
    generator: str = ""  # who wrote it: "extractive", "local", ... (after any fallback)
    time_read: str = ""  # how a relative period in the question was read: "“last week” read as 9–15 December 2024"
    note: str = ""  # what an editor would say first: the reports disagree, or the question's premise does not hold
    timeline: tuple[TimelinePoint, ...] = ()  # a timeline answer's events, in order (the UI charts them)
    flagged: str = ""  # what the note flags: "disagreement" (the reports give different values), "premise" (the
    # question assumes what the reporting contradicts), or ""
    language: str = "en"  # the question's language: the note and a refusal are written in it where ``voice`` can
    brief: object = None  # brief.Brief: for a question in another language, the value asked for, said in it first

    def to_json(self) -> dict:
        """The shape printed by ``assistant ask --json``."""
        return {
            "answer": self.text,
            "refused": self.refused,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "time_read": self.time_read or None,
            "note": self.note or None,
            "flagged": self.flagged or None,
            "language": self.language,
            "brief": self.brief.to_json() if self.brief is not None else None,
            "timeline": [asdict(p) for p in self.timeline],
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class IngestReport:
    articles: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    embedded: int = 0  # vectors computed (windows), 0 when nothing changed
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    fetched: int = 0  # articles read from the web (pages, feed entries)
    not_modified: int = 0  # URLs the server said had not changed since the last fetch
    fetch_seconds: float = 0.0  # time spent fetching and extracting them

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "paragraphs": {
                "added": self.added,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "deleted": self.deleted,
            },
            "embedded": self.embedded,
            "web": {"fetched": self.fetched, "not_modified": self.not_modified, "seconds": round(self.fetch_seconds, 3)},
            "skipped": [asdict(s) for s in self.skipped],
            "seconds": round(self.seconds, 3),
        }
