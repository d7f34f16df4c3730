"""Questions in other languages: paragraph recall of the curated questions in English, Korean and Spanish,
with the English-only embedder (MiniLM + BM25, the default) and with multilingual search on
(multilingual-e5-small for non-English questions + BM25, answered by e5-matched quotes), each with and without
questions in the fitted languages read in English by the local model first (``assistant/translation.py``,
``eval/fit_translation.py``; on by default), in the same run. When a question is read in English, recall is
of the paragraphs its answer used (the English reading's search, k=5): the question as asked was not searched.

    .venv/bin/python eval/bench_multilingual.py

The index holds the seed article (corpus/) and the invented articles of the editor sets as distractors
(about 190 paragraphs); the questions are eval/questions.jsonl and its translations in eval/multilingual/.
Also prints how the answers come out (answered, and holding every answer fact; the value said first in the
question's language, ``assistant/brief.py``: how often, and how often it is one of the answer facts, compared
as it would be said in English, a length of time as a number and a unit) and the cost: e5 ingest,
search and answer time (extractive English answers; cross-lingual quotes for the other languages).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant, Settings, voice  # noqa: E402
from assistant.conflicts import measure  # noqa: E402
from assistant.evaluation.metrics import fact_present, ranked_ids, retrieval_scores  # noqa: E402
from assistant.evaluation.questions import load_questions  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "corpus", REPO / "eval" / "editor" / "articles", REPO / "eval" / "editor_heldout" / "articles",
           REPO / "eval" / "editor_blind2" / "articles"]
SETS = {"en": REPO / "eval" / "questions.jsonl", "ko": REPO / "eval" / "multilingual" / "questions_ko.jsonl",
        "es": REPO / "eval" / "multilingual" / "questions_es.jsonl"}
CONFIGS = (("english-only, no reading in English", False, False),
           ("english-only, fitted languages read in English (default)", False, True),
           ("multilingual, e5 quotes", True, False),
           ("multilingual, fitted languages read in English", True, True))


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="bench-ml-"))
    try:
        rows = []
        for label, multilingual, translate in CONFIGS:
            a = Assistant(settings=Settings(data_dir=root / f"c{len(rows)}", generator="extractive",
                                            multilingual=multilingual, translate=translate))
            t = time.perf_counter()
            a.ingest(SOURCES, progress=False)
            took = time.perf_counter() - t
            n = a.catalog.counts()[1]
            print(f"{label}: ingest of {n} paragraphs {took:.1f} s ({n / took:.0f}/s)")
            if translate:
                a.generator_named("local").warm()  # load the model before the clock runs
            for lang, path in SETS.items():
                qs = [q for q in load_questions(path) if q.answerable and q.gold_paragraphs]
                t = time.perf_counter()
                ranked = [ranked_ids(a.search(q.question, 10, as_of=q.as_of), q.gold_paragraphs) for q in qs]
                ms = 1000 * (time.perf_counter() - t) / len(qs)
                t = time.perf_counter()
                answered_with = [a.answer(q.question, as_of=q.as_of) for q in qs]
                ask_s = (time.perf_counter() - t) / len(qs)
                answers = [x for x, _ in answered_with]
                if translate and a.translator.reads(lang):  # recall of what the English reading found
                    ranked = [ranked_ids(hits, q.gold_paragraphs) for (_, hits), q in zip(answered_with, qs)]
                r = retrieval_scores(ranked, [q.gold_paragraphs for q in qs])
                answered = sum(not x.refused for x in answers)
                right = sum(not x.refused and all(fact_present(x.text, f.variants) for f in q.answer_facts)
                            for x, q in zip(answers, qs))
                briefs = [(x.brief, q) for x, q in zip(answers, qs) if x.brief is not None]
                english = [(voice.in_short(b.kind, b.value, b.value, "en"), b, q) for b, q in briefs]
                brief_right = sum(any(fact_present(said, f.variants) or fact_present(b.value, f.variants)
                                      or any(measure(v) == b.value for v in f.variants) for f in q.answer_facts)
                                  for said, b, q in english)
                unanswerable = [q for q in load_questions(path) if not q.answerable]
                declined = sum(a.ask(q.question, as_of=q.as_of).refused for q in unanswerable)
                rows.append((label, lang, len(qs), r, ms, answered, right, ask_s, f"{declined}/{len(unanswerable)}",
                             f"{len(briefs)}/{len(qs)}", brief_right))
        print("\n| search | questions | n | recall@1 | recall@5 | MRR@10 | search ms | answered (not refused) "
              "| answer facts all present | ask mean s | unanswerable refused | value said first | of them an answer fact |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for label, lang, n, r, ms, answered, right, ask_s, declined, briefs, brief_right in rows:
            print(f"| {label} | {lang} | {n} | {r['recall@1']:.3f} | {r['recall@5']:.3f} | {r['mrr@10']:.3f} | "
                  f"{ms:.0f} | {answered}/{n} | {right}/{n} | {ask_s:.2f} | {declined} | {briefs} | {brief_right} |")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
