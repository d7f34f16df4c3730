from assistant.conversation import Turn, condense, looks_like_follow_up


def test_follow_up_detection():
    assert looks_like_follow_up("And how did they travel?")
    assert looks_like_follow_up("What about the train?")
    assert not looks_like_follow_up("Which stations does the North Korea-Russia train connect?")


def test_condense_without_a_model_carries_the_previous_question(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    first = a.ask("Who called the night ferry decision a betrayal of the islands?")
    assert "Ingrid Kalt" in first.text
    history = [Turn("Who called the night ferry decision a betrayal of the islands?", first)]
    assert condense("And what did she say the council would do?", history).endswith(
        "(Who called the night ferry decision a betrayal of the islands?)")
    follow = a.ask("And what did she say the council would do?", history=history)
    assert "appeal" in follow.text


def test_condense_uses_the_model_rewrite_when_there_is_one():
    calls = []

    def rewrite(q, history):
        calls.append((q, len(history)))
        return "How did the diplomats travel from Damascus to Moscow?"

    from assistant.citations import refusal

    history = [Turn("Which diplomats left Damascus?", refusal(None))]
    assert condense("And how did they travel?", history, rewrite) == "How did the diplomats travel from Damascus to Moscow?"
    assert calls == [("And how did they travel?", 1)]
    assert condense("Which diplomats left Damascus?", [], rewrite) == "Which diplomats left Damascus?"
