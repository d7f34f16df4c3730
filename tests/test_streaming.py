import json

from assistant.generators.prompting import parse_answer
from assistant.generators.streaming import SentenceStream


def test_sentence_texts_stream_out_of_partial_json_in_any_chunking():
    answer = {"sentences": [{"text": "The train \"No. 645\" resumes.", "citations": [2]},
                            {"text": "Caf\u00e9 staff left\nDamascus.", "citations": [1, 3]}], "cannot_answer": False}
    raw = json.dumps(answer)
    for size in (1, 2, 3, 7, len(raw)):
        got = []
        s = SentenceStream(got.append)
        for i in range(0, len(raw), size):
            s.feed(raw[i:i + size])
        assert "".join(got) == 'The train "No. 645" resumes. Caf\u00e9 staff left\nDamascus.'


def test_parse_answer_maps_1_based_citations_and_drops_out_of_range():
    raw = json.dumps({"sentences": [{"text": "A.", "citations": [1, 9]}, {"text": " ", "citations": [1]}], "cannot_answer": False})
    d = parse_answer(raw, 3)
    assert [(s.text, s.sources) for s in d.sentences] == [("A.", (0,))]
    assert parse_answer("{not json", 3).refused
    assert parse_answer(json.dumps({"sentences": [], "cannot_answer": True}), 3).refused
