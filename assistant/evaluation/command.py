"""``assistant eval``: ingest a corpus into its own index, run the questions, report, gate."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path

from .questions import load_questions
from .report import summary_table, write_report
from .runner import SYSTEMS, check_thresholds, run_questions, summarize

REPO = Path(__file__).resolve().parents[2]
DEFAULT_QUESTIONS = REPO / "eval" / "questions.jsonl"
DEFAULT_CORPUS = REPO / "corpus"
DEFAULT_THRESHOLDS = REPO / "eval" / "thresholds.json"


def run_eval(args, settings) -> int:
    from ..assistant import Assistant
    from ..support import SupportChecker

    questions_file = Path(args.questions or DEFAULT_QUESTIONS)
    corpus = Path(args.corpus or DEFAULT_CORPUS)
    if not corpus.exists():
        raise ValueError(f"corpus {corpus} does not exist; pass --corpus PATH")
    questions = load_questions(questions_file)
    if args.limit:
        questions = _sample(questions, args.limit)
    key = hashlib.sha1(str(corpus.resolve()).encode()).hexdigest()[:10]
    eval_settings = type(settings)(**{**settings.__dict__, "data_dir": Path(settings.data_dir) / "eval" / key})
    a = Assistant(settings=eval_settings)
    report = a.ingest([corpus], prune=True, progress=None)
    if report.skipped:
        for s in report.skipped:
            print(f"assistant eval: skipped {s.path}: {s.reason}", file=sys.stderr)
    if args.judge not in ("checker", "local"):
        raise ValueError(f"judge {args.judge!r} is not available; use --judge checker or --judge local")
    judge = None
    if args.judge == "local":
        from ..generators.local import load_llama
        from .judge import LocalJudge

        judge = LocalJudge(load_llama(eval_settings))
    checker = SupportChecker(embedder=a.embedder)
    systems = {"ours": "hybrid"} if args.no_baselines else SYSTEMS
    results = {name: run_questions(a, questions, mode=mode, checker=checker, label=name, judge=judge,
                                   judge_sample=args.judge_sample)
               for name, mode in systems.items()}
    summaries = {name: summarize(rs) for name, rs in results.items()}
    thresholds_file = args.thresholds or (DEFAULT_THRESHOLDS if questions_file.resolve() == DEFAULT_QUESTIONS.resolve() else None)
    missed = []
    if thresholds_file:
        thresholds = json.loads(Path(thresholds_file).read_text(encoding="utf-8"))
        missed = check_thresholds(summaries["ours"], thresholds)
    meta = {
        "questions_file": str(questions_file), "corpus": str(corpus), "generator": a.settings.generator,
        "judge": args.judge, "judge_sample": args.judge_sample, "date": datetime.now().isoformat(timespec="seconds"),
        "thresholds": str(thresholds_file) if thresholds_file else None,
    }
    report_dir = Path(args.report) if args.report else REPO / "eval" / "reports" / datetime.now().strftime("%Y%m%d-%H%M%S")
    json_path, md_path = write_report(report_dir, meta, summaries, results, missed)
    if args.json:
        print(json.dumps({"meta": meta, "summary": summaries, "thresholds_missed": missed}, indent=2))
    else:
        print(summary_table(summaries))
        print(f"\nreport: {md_path} and {json_path}")
    if missed:
        print("assistant eval: thresholds missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


def _sample(questions, n):
    """The first ``n`` questions, keeping the answerable/unanswerable mix of the whole set."""
    ans = [q for q in questions if q.answerable]
    unans = [q for q in questions if not q.answerable]
    n_un = round(n * len(unans) / len(questions)) if questions else 0
    picked = set(id(q) for q in ans[: n - n_un] + unans[:n_un])
    return [q for q in questions if id(q) in picked]
