"""How well dates and attribution are read: the library path against hand-written rules.

Dates, on ``eval/editor/dated_sentences.jsonl`` (sentences written for this, each mention's span and
resolved period): detection precision/recall (a found span overlapping a gold one) and resolution
accuracy (first and last day equal), for
  rules      a regular expression for date words and a resolver written here (no library),
  ours       spaCy DATE entities + dateparser + three rules (``assistant/dates.py``).
Attribution, on ``eval/editor/attributed_sentences.jsonl``: detection of attributed sentences and the
source named, for a word list ("according to", "said", ...; the source = the words before the verb)
against spaCy's dependency parse (``assistant/attribution.py``). Also the time per paragraph.

    .venv/bin/python eval/bench_dates.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.attribution import attribution_of  # noqa: E402
from assistant.dates import _month_end, find_dates  # noqa: E402

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RULE = re.compile(
    r"\b(?:(?:on|last|this|next)\s+)?(?:" + "|".join(DAYS) + r")\b|\byesterday\b|\btoday\b|\btomorrow\b|"
    r"\b(?:last|this|next)\s+(?:week|month|year)\b|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b|"
    r"\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")(?:\s+\d{4})?\b|\b(?:" + "|".join(MONTHS) + r")(?:\s+\d{1,2})?(?:,?\s+\d{4})?\b|"
    r"\b(?:19|20)\d{2}\b",
    re.I,
)


def rules(text: str, base: date) -> list[tuple[int, int, date, date]]:
    out = []
    for m in RULE.finditer(text):
        t = m.group(0).lower()
        first = last = None
        if "yesterday" in t:
            first = last = base - timedelta(days=1)
        elif "today" in t:
            first = last = base
        elif "tomorrow" in t:
            first = last = base + timedelta(days=1)
        elif any(d in t for d in DAYS):
            wd = next(i for i, d in enumerate(DAYS) if d in t)
            back = (base.weekday() - wd) % 7 or 7
            first = last = base - timedelta(days=back)
        elif "week" in t:
            monday = base - timedelta(days=base.weekday()) + timedelta(days=7 * (("next" in t) - ("last" in t)))
            first, last = monday, monday + timedelta(days=6)
        elif "month" in t:
            m0 = base.month - 1 + (("next" in t) - ("last" in t))
            first = date(base.year + m0 // 12, m0 % 12 + 1, 1)
            last = _month_end(first)
        elif "year" in t:
            y = base.year + (("next" in t) - ("last" in t))
            first, last = date(y, 1, 1), date(y, 12, 31)
        elif re.search(r"the\s+(\d+)", t):
            d = int(re.search(r"(\d+)", t).group(1))
            try:
                first = last = base.replace(day=d) if d <= base.day else (base.replace(day=1) - timedelta(days=1)).replace(day=d)
            except ValueError:
                continue
        else:
            month = next((i + 1 for i, n in enumerate(MONTHS) if n in t), None)
            year = re.search(r"\d{4}", t)
            day = re.search(r"\b(\d{1,2})\b", t)
            y = int(year.group(0)) if year else base.year
            if month and day:
                first = last = date(y, month, int(day.group(1)))
            elif month:
                first = date(y, month, 1)
                last = _month_end(first)
            elif year:
                first, last = date(y, 1, 1), date(y, 12, 31)
        if first:
            out.append((m.start(), m.end(), first, last))
    return out


def ours(text: str, base: date):
    return [(m.start, m.end, m.first, m.last) for m in find_dates(text, base)]


def score_dates(rows, fn) -> dict:
    tp = fp = fn_ = resolved = 0
    start = time.perf_counter()
    for r in rows:
        base = date.fromisoformat(r["published"])
        found = fn(r["text"], base)
        gold = [(g["start"], g["end"], date.fromisoformat(g["date"]), date.fromisoformat(g["until"])) for g in r["mentions"]]
        matched = set()
        for s, e, first, last in found:
            hit = next((i for i, g in enumerate(gold) if i not in matched and s < g[1] and g[0] < e), None)
            if hit is None:
                fp += 1
                continue
            matched.add(hit)
            tp += 1
            resolved += (first, last) == (gold[hit][2], gold[hit][3])
        fn_ += len(gold) - len(matched)
    seconds = time.perf_counter() - start
    gold_total = tp + fn_
    return {"precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / gold_total if gold_total else 0.0,
            "resolved (of all gold)": resolved / gold_total if gold_total else 0.0, "ms/sentence": 1000 * seconds / len(rows)}


_SPEECH = re.compile(r"\b(?:said|says|told|announced|estimated|claimed|reported|warned|denied|confirmed|insisted|alleged|"
                     r"forecast|believe|believes|found|states)\b", re.I)


def words_source(text: str) -> str | None:
    if m := re.search(r"according to ([^,.]+)", text, re.I):
        return m.group(1)
    if re.search(r"\b(?:reportedly|allegedly)\b", text, re.I):
        return "reportedly"
    if m := _SPEECH.search(text):
        before = text[: m.start()].strip(" ,\"”")
        return before.split(",")[-1].strip() or None
    return None


def score_attribution(rows, fn) -> dict:
    tp = fp = fn_ = source_ok = 0
    start = time.perf_counter()
    for r in rows:
        got = fn(r["text"])
        if r["attributed"] and got:
            tp += 1
            source_ok += got.lower() in r["source"].lower() or r["source"].lower() in got.lower()
        elif r["attributed"]:
            fn_ += 1
        elif got:
            fp += 1
    seconds = time.perf_counter() - start
    return {"precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn_) if tp + fn_ else 0.0,
            "source named": source_ok / (tp + fn_) if tp + fn_ else 0.0, "ms/sentence": 1000 * seconds / len(rows)}


def table(title: str, results: dict[str, dict]) -> str:
    cols = list(next(iter(results.values())))
    lines = [f"\n{title}", "| method | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for name, r in results.items():
        lines.append(f"| {name} | " + " | ".join(f"{v:.3f}" if k != "ms/sentence" else f"{v:.1f}" for k, v in r.items()) + " |")
    return "\n".join(lines)


def main() -> None:
    dated = [json.loads(x) for x in (REPO / "eval/editor/dated_sentences.jsonl").read_text().splitlines() if x.strip()]
    attributed = [json.loads(x) for x in (REPO / "eval/editor/attributed_sentences.jsonl").read_text().splitlines() if x.strip()]
    ours(dated[0]["text"], date(2024, 1, 1))  # load spaCy before timing
    attribution_of("He said so.")
    n = sum(len(r["mentions"]) for r in dated)
    print(table(f"Dates: {len(dated)} sentences, {n} date expressions", {
        "rules (regex + resolver)": score_dates(dated, rules), "spaCy + dateparser (ours)": score_dates(dated, ours)}))
    print(table(f"Attribution: {len(attributed)} sentences, {sum(r['attributed'] for r in attributed)} attributed", {
        "word list": score_attribution(attributed, words_source), "dependency parse (ours)": score_attribution(attributed, attribution_of)}))


if __name__ == "__main__":
    main()
