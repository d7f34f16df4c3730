"""Evaluation questions, from our curated format or the RealTimeQA benchmark format."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Fact:
    """A fact the answer must contain: any one of its accepted variants."""

    variants: tuple[str, ...]


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    answerable: bool
    gold_paragraphs: tuple[str, ...] = ()
    answer_facts: tuple[Fact, ...] = ()
    as_of: date | None = None
    kind: str = ""
    meta: dict = field(default_factory=dict)


def load_questions(path: str | Path) -> list[EvalQuestion]:
    """Read a JSONL question file in either format; errors name the file and line."""
    path = Path(path)
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.append(_from_row(row))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{n}: not a valid question row ({exc})") from exc
    if not out:
        raise ValueError(f"{path}: no questions")
    return out


def _from_row(row: dict) -> EvalQuestion:
    if "evidence" in row or "question_date" in row:  # the RealTimeQA benchmark format
        gold = tuple(f"{e['article_id']}#p{int(e['paragraph_index']) + 1}" for e in row.get("evidence", []))
        answer = str(row.get("answer") or "").strip()
        return EvalQuestion(
            id=str(row["id"]),
            question=row["question"],
            answerable=bool(row["answerable"]),
            gold_paragraphs=gold,
            answer_facts=(Fact((answer,)),) if answer else (),
            as_of=date.fromisoformat(row["question_date"]) if row.get("question_date") else None,
            kind=row.get("answer_type", ""),
            meta={"unanswerable_kind": row.get("unanswerable_kind", "")},
        )
    facts = []
    for f in row.get("answer_facts", []):
        variants = tuple(f) if isinstance(f, list) else tuple(f.get("variants") or [f["fact"]])
        facts.append(Fact(variants))
    return EvalQuestion(
        id=str(row["id"]),
        question=row["question"],
        answerable=bool(row["answerable"]),
        gold_paragraphs=tuple(row.get("gold_paragraphs", [])),
        answer_facts=tuple(facts),
        as_of=date.fromisoformat(row["as_of"]) if row.get("as_of") else None,
        kind=row.get("kind", ""),
        meta={"expect": row.get("expect") or {}},
    )
