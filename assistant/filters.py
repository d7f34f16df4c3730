"""What a search may return: outlet, published-date range and as-of, and the compact table they are checked on.

Filters are applied by the index itself (inside the lexical query, and on dense
candidates through ``ArticleTable``), never by asking Chroma to scan its metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np


@dataclass(frozen=True)
class Filters:
    as_of: date | None = None
    since: date | None = None
    until: date | None = None
    outlets: tuple[str, ...] = ()

    @classmethod
    def from_values(cls, as_of=None, outlets=None, since=None, until=None) -> "Filters":
        """Filters from user values: dates or ISO date strings, outlet names (one name alone is one outlet)."""
        if isinstance(outlets, str):
            outlets = [outlets]
        return cls(
            as_of=_date(as_of, "as_of"),
            since=_date(since, "since"),
            until=_date(until, "until"),
            outlets=tuple(o for o in (outlets or ()) if o),
        )

    def values(self) -> dict:
        return {"as_of": self.as_of, "since": self.since, "until": self.until, "outlets": self.outlets}

    @property
    def active(self) -> bool:
        return self != Filters()

    @property
    def latest(self) -> date | None:
        """The last publication date allowed (as_of or until, whichever is earlier)."""
        return min((d for d in (self.as_of, self.until) if d), default=None)

    def day_range(self) -> tuple[int | None, int | None]:
        """(first, last) allowed publication day as date ordinals; None is unbounded."""
        latest = self.latest
        return (self.since.toordinal() if self.since else None, latest.toordinal() if latest else None)

    def allows(self, published: date, outlet: str) -> bool:
        lo, hi = self.day_range()
        day = published.toordinal()
        if (lo is not None and day < lo) or (hi is not None and day > hi):
            return False
        return not self.outlets or outlet.lower() in {o.lower() for o in self.outlets}


def read_time(question: str, filters: Filters, slack_days: int) -> tuple[Filters, object]:
    """``filters`` narrowed to the relative period the question names ("last week"), and that period
    (a ``DateMention`` read on the as-of date, else today); unchanged when it names none or sets its own range."""
    from datetime import timedelta

    from .dates import time_asked

    if slack_days < 0 or filters.since or filters.until:
        return filters, None
    base = filters.as_of or date.today()
    period = time_asked(question, base)
    if period is None:
        return filters, None
    until = period.last + timedelta(days=slack_days)
    # reporting on a period's events runs a few days either side of it ("this week" asked on a Monday)
    narrowed = Filters(as_of=filters.as_of, since=period.first - timedelta(days=slack_days),
                       until=until if until < base else None,
                       outlets=filters.outlets)
    return narrowed, period


def _date(value, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{name} {value!r} is not a date; write it as YYYY-MM-DD") from exc


class ArticleTable:
    """Per article, as integer arrays: publication day, outlet code, paragraph count, catalog row.

    A few bytes per article, loaded once per catalog generation: a filter becomes a boolean
    mask over articles, and a dense candidate is checked by its article's position.
    """

    def __init__(self, rows: list[tuple[str, int, int, str, int]]):
        self.outlet_names = sorted({r[3] for r in rows})
        code = {name: i for i, name in enumerate(self.outlet_names)}
        self.position = {r[0]: i for i, r in enumerate(rows)}
        self.rows = np.array([r[1] for r in rows], dtype=np.int64)
        self.days = np.array([r[2] for r in rows], dtype=np.int32)
        self.outlets = np.array([code[r[3]] for r in rows], dtype=np.int32)
        self.paragraphs = np.array([r[4] for r in rows], dtype=np.int32)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def total_paragraphs(self) -> int:
        return int(self.paragraphs.sum())

    def outlet_codes(self, names: tuple[str, ...]) -> list[int]:
        wanted = {n.lower() for n in names}
        return [i for i, n in enumerate(self.outlet_names) if n.lower() in wanted]

    def mask(self, f: Filters) -> np.ndarray | None:
        """Which articles the filters allow; None when they allow everything."""
        if not f.active:
            return None
        keep = np.ones(len(self.rows), dtype=bool)
        lo, hi = f.day_range()
        if lo is not None:
            keep &= self.days >= lo
        if hi is not None:
            keep &= self.days <= hi
        if f.outlets:
            keep &= np.isin(self.outlets, self.outlet_codes(f.outlets))
        return keep

    def allowed_paragraphs(self, mask: np.ndarray | None) -> int:
        return self.total_paragraphs if mask is None else int(self.paragraphs[mask].sum())

    def day(self, article_id: str) -> int | None:
        i = self.position.get(article_id)
        return None if i is None else int(self.days[i])

    def allowed(self, article_id: str, mask: np.ndarray | None) -> bool:
        i = self.position.get(article_id)
        return i is not None and (mask is None or bool(mask[i]))
