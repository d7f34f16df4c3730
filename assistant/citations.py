"""Turn a generator's draft into an ``Answer`` whose every marker points to a retrieved paragraph."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date

from .generators.base import Draft
from .prompts import CANNOT_ANSWER
from .types import Answer, Citation, Hit, Sentence

log = logging.getLogger(__name__)

_MARKER = re.compile(r"\s*\[(\d+)\]")


def strip_markers(text: str) -> str:
    """Remove inline ``[n]`` markers a generator may have written into the text itself."""
    return _MARKER.sub("", text).strip()


def build_answer(draft: Draft, hits: list[Hit], as_of: date | None, **extra) -> Answer:
    """Number citations by first use; drop markers that point to no retrieved paragraph."""
    if draft.refused or not draft.sentences:
        return refusal(as_of, **extra)
    numbers: dict[int, int] = {}
    citations: list[Citation] = []
    sentences: list[Sentence] = []
    for ds in draft.sentences:
        text = strip_markers(ds.text)
        if not text:
            continue
        marks = []
        for pos in ds.sources:
            if not 0 <= pos < len(hits):
                log.info("dropped a citation to paragraph %d of %d retrieved", pos + 1, len(hits))
                continue
            if pos not in numbers:
                numbers[pos] = len(citations) + 1
                citations.append(Citation.from_hit(hits[pos]))
            if numbers[pos] not in marks:
                marks.append(numbers[pos])
        if not marks:
            log.info("dropped an uncited sentence: %r", text[:80])
            continue
        sentences.append(Sentence(text, tuple(marks), ds.attribution))
    if not sentences:
        return refusal(as_of, **extra)
    # Citations no sentence kept are not shown.
    used = sorted({m for s in sentences for m in s.citations})
    if len(used) != len(citations):
        renumber = {old: new for new, old in enumerate(used, 1)}
        citations = [citations[m - 1] for m in used]
        sentences = [Sentence(s.text, tuple(renumber[m] for m in s.citations), s.attribution) for s in sentences]
    quoted: dict[int, list[str]] = {}
    for s in sentences:
        if s.attribution:
            for m in s.citations:
                quoted.setdefault(m, []).append(s.attribution)
    citations = [replace(c, quoted=tuple(dict.fromkeys(quoted.get(n, ())))) for n, c in enumerate(citations, 1)]
    text = " ".join(s.text + "".join(f" [{m}]" for m in s.citations) for s in sentences)
    return Answer(text=text, sentences=tuple(sentences), citations=tuple(citations), refused=False, as_of=as_of, **extra)


def refusal(as_of: date | None, **extra) -> Answer:
    return Answer(text=CANNOT_ANSWER, sentences=(), citations=(), refused=True, as_of=as_of, **extra)
