import json

from assistant.generators.prompting import parse_answer
from assistant.generators.streaming import SentenceStream


def _streamed(watcher_class, raw: str, size: int) -> str:
    """What a watcher passes on when ``raw`` arrives in pieces of ``size`` characters."""
    got: list[str] = []
    watcher = watcher_class(got.append)
    for i in range(0, len(raw), size):
        watcher.feed(raw[i:i + size])
    return "".join(got)


def test_sentence_texts_stream_out_of_partial_json_in_any_chunking():
    answer = {"sentences": [{"text": "The train \"No. 645\" resumes.", "citations": [2]},
                            {"text": "Caf\u00e9 staff left\nDamascus.", "citations": [1, 3]}], "cannot_answer": False}
    raw = json.dumps(answer)
    for size in (1, 2, 3, 7, len(raw)):
        assert _streamed(SentenceStream, raw, size) == 'The train "No. 645" resumes. Caf\u00e9 staff left\nDamascus.'


def test_parse_answer_maps_1_based_citations_and_drops_out_of_range():
    raw = json.dumps({"sentences": [{"text": "A.", "citations": [1, 9]}, {"text": " ", "citations": [1]}], "cannot_answer": False})
    d = parse_answer(raw, 3)
    assert [(s.text, s.sources) for s in d.sentences] == [("A.", (0,))]
    assert parse_answer("{not json", 3).refused
    assert parse_answer(json.dumps({"sentences": [], "cannot_answer": True}), 3).refused


def test_a_plain_text_answer_streams_without_its_citation_markers_in_any_chunking():
    from assistant.generators.streaming import MarkerStream

    raw = "The Council voted 7 to 2 [1]. Service resumes in May. [1][3] Cars [2, 4] wait."
    for size in (1, 2, 3, 5, len(raw)):
        assert _streamed(MarkerStream, raw, size) == "The Council voted 7 to 2. Service resumes in May. Cars wait."
    refused = []
    s = MarkerStream(refused.append)
    for piece in ("CANN", "OT ", "ANSWER"):
        s.feed(piece)
    assert "".join(refused) == ""


def test_parse_text_answer_reads_markers_before_or_after_the_full_stop_and_the_refusal():
    from assistant.generators.prompting import as_text, parse_text_answer

    for raw in ("The U.S. average is $5 a gallon [1]. It rose 19 cents [1][3].",
                "The U.S. average is $5 a gallon. [1] It rose 19 cents. [1, 3]"):
        d = parse_text_answer(raw, 3)
        assert [(s.text, s.sources) for s in d.sentences] == [("The U.S. average is $5 a gallon.", (0,)),
                                                              ("It rose 19 cents.", (0, 2))], raw
        assert parse_text_answer(as_text(d), 3).sentences == d.sentences
    assert parse_text_answer("It rose [9].", 3).sentences[0].sources == ()  # out of range: the verifier finds one
    assert parse_text_answer("CANNOT ANSWER", 3).refused and parse_text_answer("  ", 3).refused
    assert parse_text_answer("Cannot answer.", 3).refused
