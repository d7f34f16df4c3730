"""The calibrated refusal decision: one probability from the answer path's signals, and the name rule."""

from datetime import date

from assistant.generators.base import Draft, DraftSentence
from assistant.refusal import RefusalModel, Signals, default_model
from assistant.types import Hit


def _hit(text, dense=1, bm25=1, score=0.3):
    return Hit("a#p1", "a", "Ferry news", "O", date(2024, 3, 5), text, 0, len(text), score, dense, bm25)


def _signals(**kw):
    base = dict(best=0.6, similarity=0.6, coverage=0.5, context=0.6, absent_share=0.0, agree=1.0, fused=0.3)
    return Signals(**{**base, **kw})


def test_the_committed_model_weighs_coverage_upwards_and_refuses_below_its_threshold():
    m = default_model()
    low, high = _signals(coverage=0.1, context=0.1), _signals(coverage=0.9, context=0.9)
    assert m.p_answerable(low) < m.p_answerable(high)
    assert m.refuses(_signals(best=0.05, similarity=0.2, coverage=0.05, context=0.05, fused=0.15, agree=0.0))
    assert not m.refuses(high)


def test_a_name_no_paragraph_mentions_refuses_however_close_the_text_reads():
    hits = [_hit("The treaty between North Korea and Russia took effect on the 4th.")]
    s = Signals.of("What did China say about the treaty between North Korea and Russia?", hits, None)
    assert s.missing_names == ("China",)
    assert default_model().refuses(_signals(missing_names=("China",), coverage=0.9, context=0.9))
    # numbers are weighed by the regression, not refused outright
    assert Signals.of("How did the 2015 treaty change?", hits, None).missing_names == ()


def test_a_model_threshold_is_applied_as_written():
    m = RefusalModel(("coverage",), (0.5,), (0.1,), (0.0, 10.0), threshold=0.5)
    assert m.refuses(_signals(coverage=0.4)) and not m.refuses(_signals(coverage=0.6))


class _Counting:
    name = "scripted"

    def __init__(self):
        self.calls = 0

    def generate(self, question, hits, as_of=None, on_text=None):
        self.calls += 1
        return Draft(sentences=(DraftSentence("China welcomed the treaty.", (0,)),))


def test_no_model_is_asked_when_the_paragraphs_cannot_answer(settings, embedder, small_corpus):
    from assistant import Assistant

    fake = _Counting()
    a = Assistant(settings=settings, embedder=embedder, generator=fake)
    a.ingest([small_corpus])
    ans = a.ask("What did the Prime Minister of Mongolia say about the ferry?")
    assert ans.refused and fake.calls == 0


def test_only_a_missing_name_in_the_question_subject_refuses_outright():
    hits = [_hit("Tony Dow, best known for playing Wally Cleaver on the sitcom Leave It to Beaver, died at 77.")]
    s = Signals.of("Actor Tony Dow died this week. He was best known for his role on which iconic TV show?", hits, None)
    assert s.missing_names == () and s.absent_share > 0  # "TV" is missing, but it is not what the question is about
    hits = [_hit("The government said the withdrawal of the diplomats was complete.")]
    s = Signals.of("What did the United States government say about the withdrawal of the diplomats?", hits, None)
    assert s.missing_names == ("United States",)
    hits = [_hit("The volcano on Kyushu erupted on Sunday, Japan's weather agency said.")]
    assert Signals.of("A volcano erupted on which Japanese island on Sunday?", hits, None).missing_names == ()
