"""What a chat model is shown: few, short, numbered sources and what kind of answer is asked for."""

from datetime import date

from assistant.generators.prompting import PromptBuilder
from assistant.settings import Settings
from assistant.types import Hit


def _hit(article, n, text, title):
    return Hit(paragraph_id=f"{article}#p{n}", article_id=article, title=title, outlet="Harbour Herald",
               published=date(2024, 3, 5), text=text, start=0, end=len(text), score=1.0)


HITS = [
    _hit("ferry", 2, "The ferry carried 118,000 passengers last year.", "Night ferry to Villemer to stop after 42 years"),
    _hit("ferry", 1, "The night ferry will stop running on 1 May.", "Night ferry to Villemer to stop after 42 years"),
    _hit("bridge", 1, "The bridge repair cost 31 million euros.", "Tessel bridge reopens after repair"),
    _hit("bridge", 2, "The bridge had been closed since last spring.", "Tessel bridge reopens after repair"),
    _hit("vote", 1, "Maria Ostrova was elected council leader.", "Ostrova wins Selden council vote"),
]


def test_the_prompt_shows_the_best_sources_each_title_once_and_the_kind_asked_for():
    user = PromptBuilder(settings=Settings(prompt_sources=4, prompt_sentences=0, answer_format="json")).messages(
        "How much did the bridge repair cost?", HITS, date(2024, 3, 6))[1]["content"]
    assert user.count("Night ferry to Villemer to stop after 42 years") == 1
    assert "[2] (same article as [1]): The night ferry will stop running on 1 May." in user
    assert "[4] (same article as [3])" in user
    assert "[5]" not in user and "Ostrova" not in user  # only the best four
    assert user.endswith("Question: How much did the bridge repair cost? (answer with a sum of money)")
    everything = PromptBuilder(settings=Settings(prompt_sources=0, prompt_sentences=0, answer_format="json")).messages("Who won the vote?", HITS, None)[1]["content"]
    assert "[5] Ostrova wins Selden council vote" in everything and everything.endswith("(answer with a name)")


def test_worked_examples_come_before_the_question_only_when_asked_for_and_never_change():
    plain = PromptBuilder(settings=Settings()).messages("Who won the vote?", HITS, None)
    assert [m["role"] for m in plain] == ["system", "user"]
    shown = PromptBuilder(settings=Settings(prompt_examples=True, answer_format="json"))
    messages = shown.messages("Who won the vote?", HITS, None)
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user", "assistant", "user"]
    assert messages[:-1] == shown.preamble() == shown.messages("How much?", HITS[:1], date(2024, 1, 1))[:-1]
    assert messages[-1]["content"].endswith("Question: Who won the vote? (answer with a name)")
    import json
    for m in messages[2:-1:2]:  # each example answer is what the schema asks for
        assert set(json.loads(m["content"])) == {"sentences", "cannot_answer"}


def test_a_sentence_budget_shows_only_the_best_sentences_and_keeps_each_paragraphs_number():
    builder = PromptBuilder(settings=Settings(prompt_sources=0, prompt_sentences=2, context_sentences=1))
    user = builder.messages("How much did the bridge repair cost?", HITS, date(2024, 3, 6))[1]["content"]
    assert "[3] Tessel bridge reopens after repair (Harbour Herald, 2024-03-05): The bridge repair cost 31 million euros." in user
    shown = [line for line in user.splitlines() if line.startswith("[")]
    assert len(shown) == 2  # two sentences in all, one per paragraph
    assert "[1]" not in user or "[2]" not in user  # the rest are left out, and nobody is renumbered
    assert "Ostrova" not in user
    # the first paragraph of an article left out: the next one shown names the article itself
    texts = builder.context("How much did the bridge repair cost?", HITS)
    assert texts[2] == "The bridge repair cost 31 million euros." and sum(bool(t) for t in texts) == 2
    every = PromptBuilder(settings=Settings(prompt_sources=0, prompt_sentences=0, context_sentences=1)).context("How much did the bridge repair cost?", HITS)
    assert all(every)


def test_the_answer_format_sets_the_instructions_and_an_unknown_one_names_the_setting():
    import pytest

    text = PromptBuilder(settings=Settings(answer_format="text", prompt_examples=True))
    system = text.preamble()[0]["content"]
    assert "[2]" in system and "JSON" not in system and "CANNOT ANSWER" in system
    assert text.preamble()[2]["content"] == "The council voted to restore the night ferry. [1]"  # examples in its format
    assert "JSON" in PromptBuilder(settings=Settings(answer_format="json")).preamble()[0]["content"]
    # in plain text the 1.5B model answered "(answer with a number)" with the bare number
    user = text.messages("How much did the bridge repair cost?", HITS, None)[-1]["content"]
    assert user.endswith("(answer in a full sentence that gives a sum of money)")
    assert text.messages("Who built it?", HITS, None)[-1]["content"].endswith("(answer in a full sentence that gives a name)")
    assert text.parse("The bridge repair cost 31 million euros [3].", 5).sentences[0].sources == (2,)
    with pytest.raises(ValueError, match="ASSISTANT_ANSWER_FORMAT"):
        PromptBuilder(settings=Settings(answer_format="xml"))
