from assistant.asks import expected_kind, holds_kind
from assistant.generators.extractive import ExtractiveGenerator
from assistant.prompts import CANNOT_ANSWER


def test_answers_with_the_sentence_that_holds_the_fact_and_cites_it(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    ans = a.ask("How many passengers did the night ferry carry last year?")
    assert not ans.refused
    assert "118,000" in ans.text
    cited = {c.paragraph_id for c in ans.citations}
    assert "ferry#p2" in cited
    assert "last year (2023)" in ans.text  # the relative date the answer quotes is stated in full
    for s in ans.sentences:
        for m in s.citations:
            quoted = s.text.replace(" (2023)", "")
            assert quoted in ans.citations[m - 1].quote  # extractive: the sentence is in its paragraph


def test_refuses_when_the_corpus_does_not_cover_the_question(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    ans = a.ask("What is the capital of Mongolia?")
    assert ans.refused and ans.text == CANNOT_ANSWER and not ans.citations


def test_answer_kind_detection():
    assert expected_kind("How many troops are in Kursk?") == "number"
    assert expected_kind("When did the ferry stop?") == "date"
    assert expected_kind("Who called the decision a betrayal?") == "name"
    assert expected_kind("Which train resumes?") is None
    assert holds_kind("It carried 118,000 passengers.", "number")
    assert not holds_kind("It carried many passengers.", "number")


def test_without_an_embedder_it_still_ranks_by_word_overlap(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    hits = a.search("Who called the decision a betrayal of the islands?", k=3)
    ranked = ExtractiveGenerator(embedder=None).candidates("Who called the decision a betrayal of the islands?", hits)
    assert "Ingrid Kalt" in ranked[0].text
