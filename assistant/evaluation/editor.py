"""Scores for the editor's question kinds (``expect`` in the curated format):

relative-date: every expected date is stated ("4 February 2025" or its ISO form);
attributed-claim: the answer names who says so (any listed variant);
conflict: the answer says the reports disagree and holds every conflicting value;
false-premise: the answer corrects the premise and holds the correcting words;
timeline: the events are in order of their days, the expected ones in the expected order, and how many are there.
Every other answered question of a set with editor kinds: whether it claims a disagreement all the same
(``false_disagreement``, a false alarm).
"""

from __future__ import annotations

from datetime import date

from ..types import Answer

KINDS = ("relative-date", "attributed-claim", "conflict", "false-premise", "timeline")


def _has(text: str, variants) -> bool:
    low = text.lower()
    return any(v.lower() in low for v in variants)


def _day_forms(iso: str) -> list[str]:
    d = date.fromisoformat(iso)
    return [iso, f"{d.day} {d:%B} {d.year}", f"{d:%B} {d.day}, {d.year}"]


def editor_score(kind: str, expect: dict, answer: Answer) -> dict:
    """{metric: bool or float} for one question of an editor kind; {} for other kinds."""
    if kind not in KINDS or not expect:
        return {}
    text = "" if answer.refused else answer.text
    scores = _kind_score(kind, expect, text, answer)
    if kind != "conflict" and not answer.refused:
        scores["false_disagreement"] = answer.flagged == "disagreement"
    return scores


def _kind_score(kind: str, expect: dict, text: str, answer: Answer) -> dict:
    if kind == "relative-date":
        return {"date_resolved": all(_has(text, _day_forms(d)) for d in expect.get("dates", []))}
    if kind == "attributed-claim":
        return {"attribution_kept": _has(text, expect.get("attribution", []))}
    if kind == "conflict":
        return {"conflict_surfaced": answer.flagged == "disagreement"
                and all(_has(text, v) for v in expect.get("values", []))}
    if kind == "false-premise":
        return {"premise_corrected": answer.flagged == "premise"
                and _has(text, expect.get("correction", []))}
    if kind == "timeline":
        order = expect.get("order", [])
        cited = [answer.citations[p.citation - 1].paragraph_id for p in answer.timeline]
        days = [p.day for p in answer.timeline]
        seen = [pid for pid in cited if pid in order]
        in_order = len(days) >= 2 and days == sorted(days) and seen == [p for p in order if p in seen]
        return {"timeline_in_order": in_order, "timeline_coverage": len(set(seen)) / len(order) if order else 0.0}
    return {}


def summarize_editor(rows: list[tuple[str, dict]]) -> dict:
    """Each metric's mean over the questions that have it, and how many they are."""
    out: dict = {}
    for _, scores in rows:
        for metric, value in scores.items():
            out.setdefault(metric, []).append(float(value))
    return {m: round(sum(v) / len(v), 3) for m, v in out.items()} | {f"{m}_n": len(v) for m, v in out.items()}
