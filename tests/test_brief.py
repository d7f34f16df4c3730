"""The value asked for, said first in the question's language, from the cited sentence that gives it."""

from datetime import date

from assistant.brief import in_short
from assistant.citations import build_answer
from assistant.dates import find_dates
from assistant.generators.base import Draft, DraftSentence
from assistant.types import Hit
from assistant import voice


def _hit(pid, text, published=date(2025, 3, 12)):
    return Hit(pid, pid.split("#")[0], "A report", "Test Post", published, text, 0, len(text), 1.0,
               dates=tuple(find_dates(text, published)))


DAM = _hit("dam#p1", "Engineers found the leak in the Oskarby dam on Tuesday, the water board said.",
           published=date(2025, 2, 5))
FIRE = _hit("fire#p1", "The Port Averly warehouse fire killed 14 workers, officials said.")
CHAIR = _hit("club#p1", "Ellsmoor Rovers named Ilse Varga as its new chair after a vote of the members.")
TRAINS = _hit("rail#p1", "Passenger trains between Harwick and Ostrava, halted for five years, will run again in May.")
OTHER = _hit("other#p1", "The council met on Monday to discuss the bridge repairs.")


def _answer(hits, cited):
    draft = Draft(sentences=tuple(DraftSentence(hits[i].text, (i,)) for i in cited))
    return build_answer(draft, hits, None)


def test_a_date_a_number_and_a_name_are_said_the_languages_way_with_their_citation():
    hits = [OTHER, DAM]
    said = in_short("When was the leak in the Oskarby dam found?", _answer(hits, [1]), hits, "ko")
    assert said is not None and said.text == "요약하면: 2025년 2월 4일" and said.citation == 1 and said.value == "2025-02-04"
    assert in_short("When was the leak in the Oskarby dam found?", _answer(hits, [1]), hits, "es").text == \
        "En resumen: 4 de febrero de 2025"
    hits = [FIRE]
    assert in_short("How many workers died in the Port Averly warehouse fire?", _answer(hits, [0]), hits, "ko").text \
        == "요약하면: 14"
    hits = [CHAIR]
    said = in_short("Who did Ellsmoor Rovers name as its new chair?", _answer(hits, [0]), hits, "es")
    assert said.text == "En resumen: Ilse Varga" and said.value == "Ilse Varga" and said.kind == "name"


def test_a_length_of_time_is_said_as_a_number_and_the_languages_unit():
    hits = [TRAINS]
    question = "How long were passenger trains between Harwick and Ostrava halted?"
    said = in_short(question, _answer(hits, [0]), hits, "ko")
    assert said.text == "요약하면: 5년" and said.value == "5 year" and said.kind == "duration"
    assert in_short(question, _answer(hits, [0]), hits, "es").text == "En resumen: 5 años"


def test_nothing_is_said_that_the_answer_does_not_state_or_cite():
    hits = [FIRE, OTHER]
    # the value is in a retrieved paragraph the answer does not cite
    assert in_short("How many workers died in the Port Averly warehouse fire?", _answer(hits, [1]), hits, "ko") is None
    # the value the paragraph gives is not what the answer states ("14" is no part of "2014")
    hits = [FIRE]
    draft = Draft(sentences=(DraftSentence("The warehouse had stood since 2014.", (0,)),))
    assert in_short("How many workers died in the Port Averly warehouse fire?", build_answer(draft, hits, None), hits,
                    "ko") is None
    # a question that asks for no single value
    assert in_short("Why did the warehouse burn?", _answer(hits, [0]), hits, "ko") is None
    refused = build_answer(Draft(refused=True), hits, None)
    assert in_short("How many workers died in the Port Averly warehouse fire?", refused, hits, "ko") is None


def test_digit_grouping_and_amounts_as_written():
    assert voice.in_short("number", "12000", "12,000", "es") == "En resumen: 12\u00a0000"
    assert voice.in_short("number", "1500", "1,500", "es") == "En resumen: 1500"
    assert voice.in_short("number", "12000", "12,000", "ko") == "요약하면: 12,000"
    assert voice.in_short("money", "3100000.0 euro", "3.1 million euros", "es") == "En resumen: “3.1 million euros”"
    assert voice.in_short("date", "2024-12-15", "the 15th", "fr") == "In short: 15 December 2024"
    assert voice.in_short("duration", "1 year", "a year", "es") == "En resumen: 1 año"
    assert voice.in_short("distance", "12 km", "12 kilometres", "ko") == "요약하면: 12 km"
    assert voice.in_short("distance", "5 mile", "five miles", "es") == "En resumen: 5 millas"
    assert voice.in_short("duration", "", "half an hour", "ko") == "요약하면: “half an hour”"  # no plain measure


def test_a_written_length_of_time_or_distance_reads_as_a_number_and_a_unit():
    from assistant.conflicts import measure

    assert [measure(w) for w in ("five years", "18 months", "a decade", "two-week", "1,200 metres", "six more weeks",
                                 "2.5 kilometres", "100 feet")] == \
        ["5 year", "18 month", "1 decade", "2 week", "1200 m", "6 week", "2.5 km", "100 foot"]
    assert measure("since") is None and measure("half an hour") is None
