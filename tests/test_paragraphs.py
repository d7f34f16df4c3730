from datetime import date

from assistant.paragraphs import embedding_windows, split_article, split_spans
from assistant.types import Article


def _article(body):
    return Article(id="a", title="T", outlet="O", published=date(2024, 1, 1), body=body)


def test_blank_lines_separate_paragraphs_and_offsets_point_into_the_body():
    body = "\n  First para,\nstill first.  \n\n\nSecond.\n \nThird!\n"
    paras = split_article(_article(body))
    assert [p.id for p in paras] == ["a#p1", "a#p2", "a#p3"]
    assert [p.text for p in paras] == ["First para,\nstill first.", "Second.", "Third!"]
    for p in paras:
        assert body[p.start:p.end] == p.text
        assert p.tokens > 0 and len(p.hash) == 16


def test_one_paragraph_a_line_when_there_are_no_blank_lines():
    assert len(split_spans("a\nb\nc")) == 3


def test_matches_the_benchmark_convention_of_split_on_blank_line():
    body = "Alpha one.\n\nBeta two.\n\nGamma three."
    assert [body[s:e] for s, e in split_spans(body)] == body.split("\n\n")


def test_hash_is_content_based_and_ids_are_stable():
    a1 = split_article(_article("X.\n\nY."))
    a2 = split_article(_article("X.\n\nY changed."))
    assert a1[0].hash == a2[0].hash and a1[1].hash != a2[1].hash
    assert a1[1].id == a2[1].id == "a#p2"


def test_long_paragraph_is_windowed_at_sentence_boundaries():
    sentences = [f"Sentence number {i} talks about item {i}." for i in range(40)]
    text = " ".join(sentences)
    count = lambda t: len(t.split())  # noqa: E731
    windows = embedding_windows(text, count, max_tokens=30)
    assert len(windows) > 1
    assert all(count(w) <= 28 for w in windows)
    assert " ".join(windows) == text  # nothing lost, nothing repeated
    assert embedding_windows("short one", count, max_tokens=30) == ["short one"]


def test_a_single_huge_sentence_is_cut_at_words():
    text = " ".join(f"w{i}" for i in range(100))
    windows = embedding_windows(text, lambda t: len(t.split()), max_tokens=22)
    assert all(len(w.split()) <= 20 for w in windows)
    assert " ".join(windows) == text
