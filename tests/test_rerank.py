"""The re-ranker: signals that read a paragraph against the question, and the fitted order."""

from dataclasses import dataclass

import pytest

from assistant.rerank import FEATURES, Reranker, default_reranker, features


@dataclass
class P:
    id: str
    text: str
    title: str = "Ferry service"
    n: int = 2

    @property
    def article_id(self):
        return self.id.partition("#")[0]


QUESTION = "How many passengers did the Villemer ferry carry last year?"
VAGUE = P("a#p2", "The Villemer ferry is loved by passengers, and the ferry crew say passengers often return to the ferry.")
ANSWER = P("b#p3", "Last year the Villemer ferry did carry 118,000 passengers, the authority said.")


def row(rows, pid_index, name):
    return rows[pid_index][FEATURES.index(name)]


def test_signals_read_the_paragraph_against_the_question():
    rows = features(QUESTION, [VAGUE, ANSWER], [0.3, 0.2], {"a#p2": 1, "b#p3": 2}, {"a#p2": 0.7, "b#p3": 0.6},
                    {"a#p2": 1}, {"a#p2": 9.0})
    assert rows.shape == (2, len(FEATURES))
    assert row(rows, 0, "fits") == 0.0 and row(rows, 1, "fits") == 1.0  # only one holds a number of passengers
    assert row(rows, 1, "sentence") > row(rows, 0, "sentence")
    assert row(rows, 1, "bm25_rr") == 0.0 and row(rows, 0, "bm25_rr") == 1.0  # BM25 never found the second
    assert row(rows, 0, "fused_rr") == 1.0 and row(rows, 1, "fused_rr") == 0.5
    assert row(rows, 1, "dense_sim") == 0.6 and row(rows, 1, "bm25_rel") == 0.0
    assert row(rows, 1, "answer_sentence") == row(rows, 1, "sentence") > 0 == row(rows, 0, "answer_sentence")
    assert row(rows, 0, "position") == 0.5 and row(rows, 0, "article") == 0.5


def test_the_committed_model_puts_the_answering_paragraph_first():
    rows = features(QUESTION, [VAGUE, ANSWER], [0.3, 0.28], {"a#p2": 1, "b#p3": 2}, {"a#p2": 0.62, "b#p3": 0.6},
                    {"a#p2": 1, "b#p3": 2}, {"a#p2": 9.0, "b#p3": 8.5})
    p = default_reranker().p_answers(rows)
    assert p[1] > p[0]


def test_a_model_fitted_on_other_signals_is_refused_with_the_command_to_refit():
    data = {"names": ["fused"], "mean": [0.0], "scale": [1.0], "weights": [0.0, 1.0]}
    with pytest.raises(ValueError, match="fit_rerank.py --write"):
        Reranker.from_json(data)


def test_retrieval_reorders_by_the_reranker_and_depth_zero_keeps_the_fused_order(make_assistant, tmp_path):
    from conftest import write_article

    folder = tmp_path / "c"
    write_article(folder, "a.md", id="vague", title="Villemer ferry passengers", published="2024-03-01",
                  body="Last year the Villemer ferry did carry passengers, and passengers of the Villemer ferry say it will "
                       "carry them next year too: how many passengers will the ferry carry?")
    write_article(folder, "b.md", id="answer", title="Harbour report", published="2024-03-01",
                  body="The harbour report was published.\n\n" + ANSWER.text)
    fused = make_assistant(rerank_depth=0)
    fused.ingest([folder])
    plain = [h.paragraph_id for h in fused.search(QUESTION, k=3)]
    reranked = [h.paragraph_id for h in make_assistant().search(QUESTION, k=3)]
    assert plain[0].startswith("vague#"), plain  # word counts favour the vague article
    assert reranked[0] == "answer#p2", reranked
    assert sorted(plain) == sorted(reranked)  # the same candidates, another order
