import json

import pytest

from assistant.evaluation.metrics import contains, distinct_stories, fact_present, normalise, retrieval_scores
from assistant.evaluation.questions import load_questions
from assistant.evaluation.runner import check_thresholds


def test_retrieval_scores_against_hand_computed_values():
    ranked = [["a", "g1", "b"], ["g2", "x"], ["x", "y", "z", "w", "v", "u", "t", "s", "r", "g3"], ["n"]]
    gold = [["g1"], ["g2"], ["g3"], ["g4"]]
    s = retrieval_scores(ranked, gold)
    assert s["recall@1"] == 0.25 and s["recall@3"] == 0.5 and s["recall@5"] == 0.5 and s["recall@10"] == 0.75
    assert s["mrr@10"] == pytest.approx((1 / 2 + 1 + 1 / 10 + 0) / 4)


@pytest.mark.parametrize(
    "text, fact, expected",
    [
        ("It carried 118,000 passengers", "118000", True),
        ("after five years", "5 years", True),
        ("announced on 15 December 2024", "December 15, 2024", True),
        ("on Dec. 15", "December 15", True),
        ("about 2000 people", "200", False),
        ("Chkalovsky Airport", "chkalovsky", True),
        ("The “No. 645/646” train", "645/646", True),
        ("Bashar al-Assad", "Bashar al-Assad", True),
    ],
)
def test_fact_matching_normalises_case_numbers_and_dates(text, fact, expected):
    assert contains(text, fact) is expected


def test_fact_variants():
    assert fact_present("remains operational", ["closed", "operational"])
    assert normalise("The 4th of the month") == "4 of month"


def test_both_question_formats_load(tmp_path):
    ours = tmp_path / "ours.jsonl"
    ours.write_text(json.dumps({"id": "q", "question": "Q?", "answerable": True, "gold_paragraphs": ["a#p1"],
                                "answer_facts": [{"variants": ["x", "y"]}], "as_of": "2024-01-02"}) + "\n")
    bench = tmp_path / "bench.jsonl"
    bench.write_text(json.dumps({"id": "b", "question": "B?", "answer": "Illinois", "answerable": True,
                                 "question_date": "2022-08-05",
                                 "evidence": [{"article_id": "rtqa-1", "paragraph_index": 0, "quote": "..."}]}) + "\n")
    q = load_questions(ours)[0]
    b = load_questions(bench)[0]
    assert q.gold_paragraphs == ("a#p1",) and q.answer_facts[0].variants == ("x", "y") and str(q.as_of) == "2024-01-02"
    assert b.gold_paragraphs == ("rtqa-1#p1",) and b.answer_facts[0].variants == ("Illinois",) and str(b.as_of) == "2022-08-05"


def test_bad_question_row_names_file_and_line(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "question": "Q", "answerable": true}\n{"id": 1}\n')
    with pytest.raises(ValueError, match="q.jsonl:2"):
        load_questions(path)


def test_thresholds():
    assert check_thresholds({"a": 0.5, "b": 0.2}, {"a": {"min": 0.6}, "b": {"max": 0.1}, "c": {"min": 0}}) == [
        "a = 0.500 < 0.6", "b = 0.200 > 0.1", "c: not measured"]
    assert check_thresholds({"a": 0.7}, {"a": {"min": 0.6}}) == []


def test_curated_set_is_well_formed():
    from conftest import REPO

    qs = load_questions(REPO / "eval" / "questions.jsonl")
    assert len(qs) >= 30 and len({q.id for q in qs}) == len(qs)
    assert sum(not q.answerable for q in qs) >= 6
    assert {q.kind for q in qs} >= {"who", "what", "where", "when", "how-many", "multi", "date", "false_premise", "unanswerable"}
    for q in qs:
        assert (q.answerable and q.gold_paragraphs and q.answer_facts) or (not q.answerable and not q.gold_paragraphs)


def test_cited_paragraphs_are_judged_against_the_gold_answer_not_by_the_verifier():
    from datetime import date

    from assistant.citations import build_answer
    from assistant.evaluation.questions import EvalQuestion, Fact
    from assistant.evaluation.runner import score_answer, summarize
    from assistant.generators.base import Draft, DraftSentence
    from assistant.support import SupportChecker
    from assistant.types import Hit

    def hit(n, text):
        return Hit(f"a#p{n}", "a", "T", "O", date(2024, 1, 2), text, 0, len(text), 1.0)

    hits = [hit(1, "The ferry carried 118,000 passengers."), hit(2, "The mayor will appeal.")]
    ans = build_answer(Draft(sentences=(DraftSentence("It carried 118,000 passengers.", (0,)),
                                        DraftSentence("The mayor will appeal.", (1,)))), hits, None)
    q = EvalQuestion("q", "How many passengers?", True, ("a#p1",), (Fact(("118,000",)),))
    r = score_answer(q, ans, hits, ["a#p1"], 0.1, SupportChecker())
    assert r.cited_hold_answer == [True, False]
    assert summarize([r])["cited_hold_answer"] == 0.5


def test_distinct_stories_counts_a_hit_that_copies_an_earlier_one_once():
    from types import SimpleNamespace as H

    folded = [H(paragraph_id="a#p1", copies=("b#p1", "c#p1")), H(paragraph_id="d#p2", copies=())]
    assert distinct_stories(folded, 5) == (1.0, 2)
    unfolded = [H(paragraph_id="a#p1", copies=("b#p1",)), H(paragraph_id="b#p1", copies=("a#p1",)),
                H(paragraph_id="d#p2", copies=()), H(paragraph_id="e#p1", copies=()), H(paragraph_id="f#p1", copies=()),
                H(paragraph_id="g#p1", copies=())]
    assert distinct_stories(unfolded, 5) == (0.8, 2)  # the sixth is past the top 5


def test_a_disagreement_claimed_on_a_question_that_has_none_is_counted_as_a_false_alarm():
    from assistant.evaluation.editor import editor_score, summarize_editor
    from assistant.types import Answer

    def answer(note, text="The strike begins on 15 October 2024. [1]"):
        return Answer(text=text, sentences=(), citations=(), refused=False, note=note,
                      flagged="disagreement" if note else "")

    alarm = editor_score("relative-date", {"dates": ["2024-10-15"]}, answer("The reports disagree: A gives 1; B gives 2."))
    assert alarm == {"date_resolved": True, "false_disagreement": True}
    calm = editor_score("relative-date", {"dates": ["2024-10-15"]}, answer(""))
    assert calm["false_disagreement"] is False
    surfaced = editor_score("conflict", {"values": ["15 October"]}, answer("The reports disagree: A; B."))
    assert surfaced == {"conflict_surfaced": True}  # a conflict question is scored on surfacing it
    assert summarize_editor([("a", alarm), ("b", calm)])["false_disagreement"] == 0.5
