from datetime import date

from assistant.citations import build_answer, strip_markers
from assistant.generators.base import Draft, DraftSentence
from assistant.prompts import CANNOT_ANSWER
from assistant.types import Hit


def _hits(n):
    return [
        Hit(paragraph_id=f"a#p{i + 1}", article_id="a", title="T", outlet="O", published=date(2024, 1, 1),
            text=f"Paragraph {i + 1}.", start=i * 20, end=i * 20 + 12, score=1.0 / (i + 1))
        for i in range(n)
    ]


def test_markers_are_numbered_by_first_use_and_point_to_retrieved_paragraphs():
    draft = Draft(sentences=(DraftSentence("B says so.", (2,)), DraftSentence("A and B agree.", (0, 2))))
    ans = build_answer(draft, _hits(3), date(2024, 2, 1))
    assert ans.text == "B says so. [1] A and B agree. [2] [1]"
    assert [c.paragraph_id for c in ans.citations] == ["a#p3", "a#p1"]
    assert ans.citations[0].quote == "Paragraph 3." and ans.as_of == date(2024, 2, 1)
    assert not ans.refused


def test_a_marker_pointing_nowhere_is_removed_and_an_uncited_sentence_dropped():
    draft = Draft(sentences=(DraftSentence("Good. [7]", (0, 7)), DraftSentence("Invented.", (9,))))
    ans = build_answer(draft, _hits(2), None)
    assert ans.text == "Good. [1]"
    assert len(ans.citations) == 1 and len(ans.sentences) == 1


def test_nothing_cited_becomes_the_cannot_answer_response():
    ans = build_answer(Draft(sentences=(DraftSentence("x", (5,)),)), _hits(1), None)
    assert ans.refused and ans.text == CANNOT_ANSWER and ans.citations == ()


def test_strip_markers():
    assert strip_markers("Text [1][2] more [3].") == "Text more."
