"""Write an evaluation run as JSON and as Markdown (summary table, then one row per question)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

ROWS = [
    ("recall@1", "paragraph recall@1"), ("recall@3", "paragraph recall@3"), ("recall@5", "paragraph recall@5"),
    ("recall@10", "paragraph recall@10"), ("mrr@10", "MRR@10"),
    ("distinct_top5", "top-5 hits that are distinct stories"), ("folded_top5", "questions with copies folded into the top 5"),
    ("fact_recall", "answer facts present"),
    ("accuracy", "accuracy (all facts)"), ("lenient_accuracy", "lenient: answer in a cited paragraph"),
    ("cited_hold_answer", "cited paragraphs holding the gold answer (no verifier)"),
    ("citation_recall", "citation recall"), ("citation_precision", "citation precision"),
    ("judge_citation_recall", "citation recall (local judge)"), ("judge_citation_precision", "citation precision (local judge)"),
    ("quote_fidelity", "quote fidelity"), ("refusal_precision", "refusal precision"),
    ("refusal_recall", "refusal recall"), ("wrong_refusal_rate", "wrong refusals (answerable)"),
    ("verifier_kept_share", "sentences the verifier kept"), ("fallback_share", "answers from the extractive fallback"),
    ("first_text_p50_s", "first words p50 (s)"), ("latency_p50_s", "latency p50 (s)"), ("latency_p95_s", "latency p95 (s)"),
]
# The editor's question kinds (``editor``): shown only for question sets that have them.
EDITOR_ROWS = [
    ("date_resolved", "relative dates stated in full"), ("attribution_kept", "attribution kept"),
    ("conflict_surfaced", "conflicts surfaced"), ("premise_corrected", "false premises corrected"),
    ("timeline_in_order", "timelines in order"), ("timeline_coverage", "timeline events found"),
    ("false_disagreement", "disagreements claimed on other editor questions (lower is better)"),
]


def _fmt(v) -> str:
    return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def summary_table(summaries: dict[str, dict]) -> str:
    """Markdown table: one column per system, ours first, baselines as value (ratio to ours)."""
    names = list(summaries)
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    ours = summaries[names[0]]
    for key, label in ROWS + [r for r in EDITOR_ROWS if any(r[0] in summaries[n] for n in names)]:
        if key in dict(EDITOR_ROWS):
            label = f"{label} (n={ours.get(key + '_n', 0)})"
        cells = []
        for n in names:
            v = summaries[n].get(key)
            cell = _fmt(v)
            if n != names[0] and isinstance(v, float) and isinstance(ours.get(key), float) and ours[key]:
                cell += f" ({v / ours[key]:.2f}x)"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    first = summaries[names[0]]
    lines.append(f"\n{first['questions']} questions: {first['answerable']} answerable, {first['unanswerable']} unanswerable; "
                 "baseline cells show value (baseline / ours).")
    return "\n".join(lines)


def write_report(directory: Path, meta: dict, summaries: dict[str, dict], results: dict[str, list], missed: list[str]) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    data = {
        "meta": meta,
        "summary": summaries,
        "thresholds_missed": missed,
        "questions": {name: [asdict(r) for r in rs] for name, rs in results.items()},
    }
    json_path = directory / "report.json"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    md = [f"# Evaluation: {meta.get('questions_file')}", "",
          f"Corpus `{meta.get('corpus')}`, generator `{meta.get('generator')}`, judge `{meta.get('judge')}`, "
          f"{meta.get('date')}.", "", summary_table(summaries), ""]
    if missed:
        md += ["**Thresholds missed:**", ""] + [f"- {m}" for m in missed] + [""]
    ours = next(iter(results.values()))
    md += ["## Questions (ours)", "", "| id | question | answer | citations | verdicts |", "|---|---|---|---|---|"]
    for r in ours:
        cites = "<br>".join(f"[{i}] {c['paragraph_id']}: \u201c{_cell(c['quote'])[:200]}\u201d" for i, c in enumerate(r.citations, 1))
        verdicts = "<br>".join(
            ("supported" if s.supported else "NOT supported: " + "; ".join(s.reasons)) for s in r.sentences
        ) or ("refused" if r.refused else "")
        status = "ok" if (r.correct or (not r.answerable and r.refused)) else "MISS"
        md.append(f"| {r.id} ({status}) | {_cell(r.question)} | {_cell(r.answer)} | {cites} | {verdicts} |")
    md_path = directory / "report.md"
    md_path.write_text("\n".join(md) + "\n", encoding="utf-8")
    return json_path, md_path


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
