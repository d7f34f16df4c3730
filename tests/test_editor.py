"""Reading like an editor: dates resolved, attribution kept, disagreements and false premises, timelines.

Unit tests on the parts (real spaCy and dateparser: both are packaged) and the answer chain over the
invented articles in ``eval/editor/articles`` (the hashing embedder stands in for MiniLM).
"""

from datetime import date

import pytest

from assistant.attribution import attribution_of, keep_attribution
from assistant.conflicts import find_disagreement
from assistant.dates import find_dates, period_label, state_dates, time_asked
from assistant.premises import contradicted_premise
from assistant.timeline import events, is_timeline
from assistant.types import Hit
from conftest import REPO

EDITOR = REPO / "eval" / "editor" / "articles"


def _hit(pid, text, outlet="Test Post", published=date(2025, 3, 12), title="A report"):
    return Hit(pid, pid.split("#")[0], title, outlet, published, text, 0, len(text), 1.0,
               dates=tuple(find_dates(text, published)))


def _correcting(question, *texts, title="Brimwell news"):
    """The sentence that corrects the question's premise among one-paragraph reports of ``texts``, or None."""
    found = contradicted_premise(question, [_hit(f"t{i}#p1", t, title=title) for i, t in enumerate(texts)])
    return found.sentence if found else None


def _corrects_only(sentence, premised, control):
    """``sentence`` corrects the premise of the question ``premised`` and leaves the question ``control`` be."""
    return _correcting(premised, sentence) == sentence and _correcting(control, sentence) is None


def test_relative_dates_resolve_against_the_publication_date():
    text = ("According to Sputnik News on the 15th, staff withdrew. The treaty took effect from the 4th. "
            "Zelensky said last week that troops died. Russia has used the base since 2015 and in the late 1990s. "
            "The vote will be held on Friday.")
    found = {m.text: m for m in find_dates(text, date(2024, 12, 16))}
    assert found["the 15th"].first == date(2024, 12, 15) and found["the 15th"].relative
    assert found["the 4th"].first == date(2024, 12, 4)  # spaCy calls it an ORDINAL; the rule after "from" finds it
    assert (found["last week"].first, found["last week"].last) == (date(2024, 12, 9), date(2024, 12, 15))
    assert not found["2015"].relative and found["2015"].granularity == "year"
    assert found["the late 1990s"].granularity == "decade" and not found["the late 1990s"].relative
    assert found["Friday"].first == date(2024, 12, 20)  # future tense reads forward
    # ... unless the date goes with a past participle after the future's word: when drivers were fined, not refunded
    (fined,) = find_dates("The council will refund every driver fined by the camera in August.", date(2026, 11, 20))
    (closed,) = find_dates("The bridge will be closed in October.", date(2026, 11, 20))
    assert fined.label == "August 2026" and closed.label == "October 2027"
    (friday,) = find_dates("The minister will visit the flooded villages on Friday.", date(2025, 1, 20))
    assert friday.first == date(2025, 1, 24)  # "the flooded": an adjective
    assert "3,000" not in {m.text for m in find_dates("It sent 3,000 troops and the 4th Brigade.", date(2024, 12, 16))}
    assert state_dates("Staff withdrew on the 15th.", list(found.values())) == "Staff withdrew on the 15th (15 December 2024)."


def test_two_days_of_one_month_are_one_period_not_a_year():
    # dateparser read "19 and 20 September" as 19 September 2020; "a week later" then counted from 2020
    found = {m.text: m for m in find_dates("The clinic went ahead on 19 and 20 September, a week later than planned. "
                                           "Talks were held on September 3-4, 2025.", date(2026, 9, 29))}
    assert found["19 and 20 September"].label == "19–20 September 2026"
    assert found["a week later"].first.year == 2026
    assert (found["September 3-4, 2025"].first, found["September 3-4, 2025"].last) == (date(2025, 9, 3), date(2025, 9, 4))
    assert found["19 and 20 September"].granularity == "day"
    assert period_label(date(2026, 9, 19), date(2026, 9, 19), "day") == "19 September 2026"


def test_a_date_resolved_inside_a_quotation_is_an_editors_insertion():
    """Inside quotation marks the resolved date goes in square brackets, and the quotation still matches its
    paragraph word for word (the eval's quote fidelity and the verifier's quote check)."""
    from assistant.support import SupportChecker, quoted_spans

    text = '"We have stopped taking women in labour eleven times this year," she said on Monday.'
    stated = state_dates(text, find_dates(text, date(2026, 10, 6)))
    assert stated == ('"We have stopped taking women in labour eleven times this year [2026]," she said on Monday '
                      '(5 October 2026).')
    assert not SupportChecker().check(stated, text).bad_quotes
    assert quoted_spans(stated)
    # a word slipped into the quotation is still caught
    assert SupportChecker().check(stated.replace("eleven", "twelve"), text).bad_quotes


def test_a_day_and_month_without_a_year_is_never_nearly_a_year_away():
    # reported speech in the past tense about a coming day: dateparser alone reads 28 October back to 2023
    said = find_dates("The union warned that a second walkout would follow on 28 October.", date(2024, 10, 16))
    assert said[0].first == date(2024, 10, 28) and said[0].label == "28 October 2024"
    assert find_dates("The ballot closed on October 4.", date(2024, 10, 16))[0].first == date(2024, 10, 4)
    assert find_dates("The fair opened on 28 December.", date(2025, 1, 3))[0].first == date(2024, 12, 28)
    assert find_dates("Talks resume on 3 January.", date(2024, 12, 30))[0].first == date(2025, 1, 3)
    assert find_dates("It was founded on 28 October 2019.", date(2024, 10, 16))[0].first == date(2019, 10, 28)
    # "two days later" counts from the day named before it; the recogniser's "Monday, ending months" is Monday
    later = find_dates("The board wrote to the regulator on Monday, and the regulator approved it two days later.",
                       date(2025, 8, 22))
    assert [m.first for m in later] == [date(2025, 8, 18), date(2025, 8, 20)]
    assert find_dates("The board accepted an offer from a consortium led by Henrik Solvang on Monday, ending months "
                      "of uncertainty.", date(2025, 9, 10))[0].first == date(2025, 9, 8)
    # the past tense still reads back when the day lies within months: the January 6 attack, in August
    assert find_dates("He spoke about the January 6 attack.", date(2022, 8, 19))[0].first == date(2022, 1, 6)
    # each date by its own clause's tense (published Thursday 6 March 2025)
    both = find_dates("Births will be suspended from 1 April after the health board voted on Tuesday.", date(2025, 3, 6))
    assert [m.first for m in both] == [date(2025, 4, 1), date(2025, 3, 4)]
    said = find_dates("The plant will close on Friday, the company said on Monday.", date(2025, 3, 6))
    assert [m.first for m in said] == [date(2025, 3, 7), date(2025, 3, 3)]
    assert find_dates("On Friday the council will vote on the plan.", date(2025, 3, 6))[0].first == date(2025, 3, 7)
    assert find_dates("The museum hopes to reopen on Saturday.", date(2025, 3, 6))[0].first == date(2025, 3, 8)
    # Wednesday in Wednesday's paper is that day (wire style), in either tense; "until Tuesday" is still to come
    assert find_dates("Eight candidates will take the debate stage Wednesday.", date(2023, 8, 23))[0].first == date(2023, 8, 23)
    assert find_dates("The two leaders spoke by phone on Wednesday.", date(2025, 6, 4))[0].first == date(2025, 6, 4)
    assert find_dates("The court adjourned the case until Tuesday.", date(2025, 2, 13))[0].first == date(2025, 2, 18)


def test_dates_resolved_by_older_rules_are_resolved_again(tmp_path):
    import sqlite3

    from assistant.catalog import Catalog
    from assistant.dates import DATE_RULES

    Catalog(tmp_path / "c.sqlite").close()
    db = sqlite3.connect(tmp_path / "c.sqlite")
    with db:  # as left by an earlier version: stored dates, no rules version
        db.execute("DELETE FROM meta WHERE key = 'date_rules'")
        db.execute("INSERT INTO articles (id, title, outlet, published, day, url, language, source, body, body_hash, "
                   "generation) VALUES ('a', 't', 'o', '2024-10-16', 0, '', 'en', 's', 'x', 'h', 1)")
        db.execute('INSERT INTO paragraphs (id, article_row, n, start, "end", hash, tokens, windows, text, dates) '
                   "SELECT 'a#p1', row, 1, 0, 1, 'h', 1, 1, 'x', '[]' FROM articles")
    db.close()
    catalog = Catalog(tmp_path / "c.sqlite")
    assert catalog.get_meta("date_rules") == DATE_RULES
    assert catalog._rows("SELECT dates FROM paragraphs") == [(None,)]  # readers resolve them again
    assert catalog.undated(10) == [("a#p1", "x", date(2024, 10, 16))]


def test_the_next_ingest_stores_dates_dropped_under_older_rules(tmp_path):
    import sqlite3

    from assistant import Assistant
    from assistant.settings import Settings
    from conftest import HashingEmbedder

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "walkout.md").write_text("---\ntitle: Walkout\noutlet: Test Post\npublished: 2024-10-16\n---\n\n"
                                       "The union warned that a second walkout would follow on 28 October.\n")
    settings = Settings(data_dir=tmp_path / "data", generator="extractive")
    Assistant(settings=settings, embedder=HashingEmbedder()).ingest([folder], progress=False)
    db = sqlite3.connect(tmp_path / "data" / "catalog.sqlite")
    with db:  # as an earlier version left it: dates resolved by its rules
        db.execute("UPDATE meta SET value = '1' WHERE key = 'date_rules'")
        db.execute("UPDATE paragraphs SET dates = '[]'")
    db.close()
    a = Assistant(settings=settings, embedder=HashingEmbedder())
    report = a.ingest([folder], progress=False)
    assert report.unchanged == 1 and report.added == 0  # nothing embedded again
    (p,) = a.catalog.article_paragraphs(a.articles()[0].id)
    assert [m.label for m in p.dates] == ["28 October 2024"]


def test_a_question_names_a_period_read_on_the_as_of_date():
    period = time_asked("What happened in Kursk last week?", date(2024, 12, 20))
    assert (period.first, period.last) == (date(2024, 12, 9), date(2024, 12, 15))
    assert time_asked("Who withdrew from Damascus?", date(2024, 12, 20)) is None


def test_attribution_is_found_by_the_parse_and_put_back_when_dropped():
    assert attribution_of("According to the regional health authority, 40 patients were treated.") == "the regional health authority"
    assert attribution_of("The road will stay closed until Friday, a city spokesperson said.") == "a city spokesperson"
    assert attribution_of("The company reportedly cut 200 jobs.") == "reportedly"
    assert attribution_of("The bridge was closed for repairs on Monday.") is None
    # a relative clause tells what some believe; it does not attribute the sentence (it gave "According to who")
    assert attribution_of("A consensus has emerged that the mayor acted unethically (79% feel so, including 45% "
                          "who believe his actions were illegal).") is None
    para = "According to the regional health authority, 40 patients were treated for smoke inhalation. The fire is out."
    text, source, repaired = keep_attribution("40 patients were treated for smoke inhalation.", [para])
    assert repaired and text == "According to the regional health authority, 40 patients were treated for smoke inhalation."
    assert keep_attribution("The fire is out.", [para]) == ("The fire is out.", "", False)


def test_a_contradicted_premise_is_found_and_a_true_one_is_not():
    hits = [_hit("emb#p1", "Despite the withdrawal of some personnel, the Russian embassy in Damascus remains operational.",
                 title="Russia flies diplomats out of Damascus")]
    premise = contradicted_premise("Why did Russia close its embassy in Damascus?", hits)
    assert premise is not None and "remains operational" in premise.sentence
    assert contradicted_premise("Why did Russia fly diplomats out of Damascus?", hits) is None


def test_different_values_from_different_outlets_are_a_disagreement():
    hits = [_hit("a#p1", "Nine workers died in the Port Averly warehouse fire on Monday.", outlet="Coastal Ledger"),
            _hit("b#p1", "The Port Averly warehouse fire killed 14 workers, officials said.", outlet="Northwind Herald")]
    found = find_disagreement("How many workers died in the Port Averly warehouse fire?", hits)
    assert found is not None and {c.value for c in found.claims} == {"9", "14"}
    assert find_disagreement("How many workers died in the Port Averly warehouse fire?", hits[:1]) is None


def test_timeline_events_come_in_order_of_the_day_they_happened():
    hits = [_hit("c#p1", "Residents of Oskarby returned home on Saturday.", published=date(2025, 2, 24)),
            _hit("a#p1", "Engineers found a leak in the Oskarby dam on Tuesday.", published=date(2025, 2, 5))]
    assert is_timeline("Give me the timeline of the Oskarby dam leak") and not is_timeline("Who found the leak?")
    found = events("Give me the timeline of the Oskarby dam", hits)
    assert [e.day for e in found] == [date(2025, 2, 4), date(2025, 2, 22)]
    # an event is dated by what had happened by publication, not by what is planned
    planned = [_hit("m#p1", "The Oskarby clinic will close from 1 April after the board voted on Tuesday.",
                    published=date(2025, 3, 6))]
    assert [e.label for e in events("What happened with the Oskarby clinic?", planned)] == ["4 March 2025"]
    # an announcement is an event of the story; a day on which someone only said something is not
    told = [_hit("s#p1", "Oskarby clinic staff backed a strike in a ballot whose result was announced on the 2nd.",
                 published=date(2025, 3, 6)),
            _hit("s#p2", "The Oskarby clinic is short of nurses, its manager said on Monday.", published=date(2025, 3, 6))]
    assert [e.label for e in events("What happened with the Oskarby clinic?", told)] == ["2 March 2025"]
    # ... unless what was said that day tells of something done or to be done: then the saying is the event
    done = [_hit("d#p1", "Oskarby clinic saw 4,100 patients in its first month, its manager said on Monday.",
                 published=date(2025, 3, 6)),
            _hit("d#p2", "The Oskarby clinic will open on Sundays from 1 May, its manager said on the 5th.",
                 published=date(2025, 3, 6))]
    assert [e.label for e in events("What happened with the Oskarby clinic?", done)] == ["3 March 2025", "5 March 2025"]


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    from assistant import Assistant
    from assistant.settings import Settings
    from conftest import HashingEmbedder

    settings = Settings(data_dir=tmp_path_factory.mktemp("editor"), generator="extractive")
    a = Assistant(settings=settings, embedder=HashingEmbedder())
    a.ingest([EDITOR], progress=False)
    return a


def test_the_chain_surfaces_a_disagreement_with_both_values_cited(editor):
    ans = editor.ask("How many people died in the Port Averly warehouse fire?", as_of="2025-03-13", k=8)
    assert ans.note.startswith("The reports disagree")
    assert ans.flagged == "disagreement"
    assert "14" in ans.text and "Nine" in ans.text
    assert {c.outlet for c in ans.citations} >= {"Northwind Herald", "Coastal Ledger"}


def test_the_rival_report_is_found_below_the_answers_own_paragraphs(editor):
    ans = editor.ask("How many people died in the Port Averly warehouse fire?", as_of="2025-03-13", k=1)
    assert ans.note.startswith("The reports disagree")  # one paragraph asked for, the rival read from deeper
    assert {c.outlet for c in ans.citations} >= {"Northwind Herald", "Coastal Ledger"}


def test_the_chain_corrects_a_false_premise(editor):
    ans = editor.ask("Why was the Fernwick Folk Festival cancelled?", as_of="2025-05-09")
    assert not ans.refused and ans.note.startswith("The question assumes")
    assert "go ahead as planned" in ans.text and ans.citations
    assert ans.flagged == "premise"


def test_the_chain_answers_a_timeline_in_order_with_a_chart(editor):
    from assistant.ui.render import answer_html

    ans = editor.ask("What happened with the Oskarby dam?", as_of="2025-03-06")
    days = [p.day for p in ans.timeline]
    assert len(days) >= 3 and days == sorted(days)
    assert all(s.text[:1].isdigit() for s in ans.sentences)  # "4 February 2025: ..."
    html = answer_html(ans, [])
    assert '<svg class="timeline"' in html and html.count('class="cite tl-point"') == len(days)
    assert 'class="cite-tip"' in html  # hovering a marker shows its quote


def test_the_reading_pane_shows_what_a_relative_date_resolves_to(editor):
    from assistant.ui.render import article_html

    article = next(a for a in editor.articles() if a.id.startswith("ed10_"))
    paragraphs = editor.catalog.article_paragraphs(article.id)
    assert paragraphs[0].dates and paragraphs[0].dates[0].label == "4 February 2025"  # stored at ingest
    html = article_html(article, paragraphs, None)
    assert '<span class="date-badge">4 February 2025</span>' in html


def test_disagreement_on_a_sum_of_money_and_no_rival_date_from_another_event():
    from assistant.conflicts import find_disagreement

    def hit(pid, outlet, title, text, published=date(2025, 6, 3)):
        from assistant.dates import find_dates

        return Hit(paragraph_id=pid, article_id=pid.split("#")[0], title=title, outlet=outlet, published=published,
                   text=text, start=0, end=len(text), score=1.0, dates=tuple(find_dates(text, published)))

    money = find_disagreement("How much is the painting stolen from the Lenby museum worth?", [
        hit("a#p3", "Post A", "Painting stolen from Lenby museum", "The insurer values the canvas at 2.4 million euros."),
        hit("b#p3", "Wire B", "Man held over Lenby museum theft", "The work, which the museum puts at about 3.1 million "
            "euros, was cut from its frame."),
    ])
    assert money is not None and money.kind == "money"
    assert {c.written for c in money.claims} == {"2.4 million euros", "3.1 million euros"}
    # Two days in two reports, but of different events (escape, capture): not a disagreement on the sighting.
    assert find_disagreement("When was the red panda that escaped from the Lenby zoo first sighted?", [
        hit("c#p1", "Post A", "Red panda escapes Lenby zoo", "A red panda escaped from the Lenby zoo on Sunday, the zoo said."),
        hit("d#p1", "Wire B", "Lenby zoo red panda caught", "The red panda that escaped from the Lenby zoo was caught "
            "yesterday in an apple tree.", date(2025, 6, 7)),
        hit("d#p2", "Wire B", "Lenby zoo red panda caught", "Keepers searched the woods around the zoo."),
    ]) is None


def test_a_timeline_question_that_names_its_ends_searches_for_each_end():
    from assistant.timeline import endpoints

    assert endpoints("Trace the Lenby ferry dispute from the strike ballot to the failed talks.") == [
        "Lenby the strike ballot", "Lenby the failed talks"]
    assert endpoints("How far is it from Lenby to Carrow?") == []  # no timeline
    assert endpoints("Give me the timeline of the Lenby ferry dispute.") == []  # no ends named


def test_the_chain_reads_a_timeline_end_that_the_first_ten_paragraphs_miss(make_assistant, tmp_path):
    from conftest import write_article

    folder = tmp_path / "c"
    sides = ["crews", "managers", "passengers", "traders", "councillors", "pilots", "cooks", "porters", "cleaners",
             "engineers", "stewards", "islanders"]
    places = ["harbour", "quay", "pier", "terminal", "slipway", "dock", "jetty", "wharf", "marina", "berth", "landing",
              "causeway"]
    filler = "".join(f"\n\nAt the {p}, {w} said the Lenby ferry dispute and the failed talks had gone on too long."
                     for w, p in zip(sides, places))
    write_article(folder, "vote.md", id="vote", published="2025-10-08",
                  body="Ferry crews in Lenby will walk out on the 15th in the Lenby ferry dispute, their union said."
                       + filler + "\n\nOf the members who voted in the ballot, which closed on the 4th, 80 per cent "
                       "backed action.")
    write_article(folder, "talks.md", id="talks", published="2025-10-18",
                  body="Talks in the Lenby ferry dispute broke up on Friday without agreement.")
    a = make_assistant()
    a.ingest([folder])
    answer = a.ask("Trace the Lenby ferry dispute from the strike ballot to the failed talks.", as_of="2025-10-20")
    days = [p.day for p in answer.timeline]  # the ballot, deep in its report, first; the failed talks last
    assert days[0] == "2025-10-04" and days[-1] == "2025-10-17", answer.text


def test_a_timeline_reads_its_reports_whole(make_assistant, tmp_path, monkeypatch):
    """The day engineers began a survey is a line deep in a report that the search for "what happened" does not
    rank among the first ten paragraphs: the timeline reads the reports it found whole (``STORY_K``)."""
    from assistant import lc
    from conftest import write_article

    folder = tmp_path / "c"
    sides = ["drivers", "traders", "cyclists", "walkers", "councillors", "residents", "pupils", "parents", "bus crews",
             "taxi drivers", "shopkeepers", "police"]
    filler = "".join(f"\n\nThe Brimwell bridge closure has angered {w}, who said the bridge closure had gone on too long."
                     for w in sides)
    write_article(folder, "shut.md", id="shut", published="2026-01-20", title="Brimwell bridge closed",
                  body="The Brimwell bridge closure began on 12 January after a crack was found in the bridge." + filler
                       + "\n\nEngineers began surveying the span on the 14th.")
    write_article(folder, "open.md", id="open", published="2026-02-06", title="Brimwell bridge reopens",
                  body="The Brimwell bridge reopened on Thursday, ending the bridge closure.")
    a = make_assistant()
    a.ingest([folder])
    question = "Give me the timeline of the Brimwell bridge closure."
    answer = a.ask(question, as_of="2026-02-10")
    assert [p.day for p in answer.timeline] == ["2026-01-12", "2026-01-14", "2026-02-05"], answer.text
    monkeypatch.setattr(lc, "STORY_K", 0)
    a = make_assistant()
    assert "2026-01-14" not in [p.day for p in a.ask(question, as_of="2026-02-10").timeline]


def test_a_premise_is_contradicted_by_the_same_event_in_other_words_and_trace_asks_for_a_timeline():
    h = Hit(paragraph_id="m#p3", article_id="m", title="Hundreds march as Brisby mill cuts jobs", outlet="O",
            published=date(2025, 1, 5), text="The Brisby mill itself is not closing, its chief executive said.",
            start=0, end=64, score=1.0)
    premise = contradicted_premise("When will the Brisby mill shut down for good?", [h])
    assert premise is not None and "not closing" in premise.sentence
    assert is_timeline("Trace the Brisby rail dispute from the ballot to the failed talks.")
    assert is_timeline("Walk me through the ferry grounding.") and not is_timeline("Which ferry ran aground?")
    assert is_timeline("How has the Brisby affair played out since the contract came to light?")
    assert not is_timeline("How did the Brisby vote turn out?")


def _rivals(first: tuple[str, str], second: tuple[str, str]) -> list[Hit]:
    """Two reports, each (text, title), from two outlets."""
    return [_hit("a#p1", first[0], outlet="Coastal Ledger", title=first[1]),
            _hit("b#p1", second[0], outlet="Northwind Herald", title=second[1])]


def test_a_light_verb_question_dates_what_the_verb_takes():
    """"On what date did she take her fight to court?": the day a recount takes place is no rival to the day a
    petition was lodged at a court; another day for the court case is."""
    question = "On what date did Ada Wendt take her fight over the Selby result to court?"
    petition = ("Ada Wendt lodged an election petition at Carrow County Court on Monday, challenging the Selby result.",
                "Wendt challenges Selby result")
    others = [_hit(f"c{i}#p1", text, outlet=f"Paper {i}", title="Selby result") for i, text in enumerate((
        "Ada Wendt lost the Selby seat by nine votes, the Selby result showed.",
        "Turnout in Selby was 41 percent, and the result was declared after midnight.",
        "Ada Wendt thanked her volunteers after the Selby result was declared."))]
    assert find_disagreement(question, _rivals(petition, (
        "The Selby recount will take place on Saturday, Ada Wendt said, and no result will be declared until then.",
        "Selby recount on Saturday")) + others) is None
    assert find_disagreement(question, _rivals(petition, (
        "Ada Wendt took her fight over the Selby result to Carrow County Court on Tuesday.",
        "Wendt goes to court")) + others) is not None


def test_a_share_of_the_thing_counted_is_no_rival_count():
    question = "How many patients were enrolled in the Selby heart trial?"
    enrolled = ("The Selby heart trial enrolled 4,120 patients in eleven countries.", "Selby heart trial results")
    assert find_disagreement(question, _rivals(enrolled, (
        "In the Selby heart trial, dizziness affected 7 per cent of patients.", "Selby heart trial side effects"))) is None
    found = find_disagreement(question, _rivals(enrolled, (
        "The Selby heart trial enrolled 4,600 patients, its sponsor said.", "Selby heart trial sponsor")))
    assert found is not None and {c.value for c in found.claims} == {"4120", "4600"}


def test_a_workforce_is_counted_by_its_trades_but_not_by_a_source_or_a_comparative():
    """"How many Selby transit workers walked out?": "1,900 drivers, conductors and depot staff" and "1,600 Guild
    members" are rival counts of workers; "two sides were closer" counts none."""
    from assistant.asks import counted_thing, holds_kind

    question = "How many Selby transit workers took part in the walkout?"
    counted = counted_thing(question)
    assert holds_kind("Some 1,900 drivers, conductors and depot staff have been out since Monday.", "number", counted)
    assert not holds_kind('Talks resumed, and the two sides were "closer than before".', "number", counted)
    assert not holds_kind("The walkout halted 40 trains on Monday.", "number", counted)
    found = find_disagreement(question, _rivals(
        ("About 1,600 Guild members are expected to walk out at Selby Transit from Monday.", "Selby transit workers to strike"),
        ("Some 1,900 drivers, conductors and depot staff at Selby Transit have been out since Monday.",
         "Selby transit walkout")))
    assert found is not None and {c.value for c in found.claims} == {"1600", "1900"}


def test_a_deadline_is_the_day_something_closes():
    """"What's the deadline for responses?" asks for a date; a report's rival is the day it says the consultation
    closes ("run until 4 January" rather than "start on the 12th"), not the day it opened."""
    from assistant.asks import expected_kind

    question = "What's the deadline for responses to the Selby consultation?"
    assert expected_kind(question) == "date" and expected_kind("What is the date palm harvest worth?") == "money"
    opened = ("A consultation on the Selby plan will start on the 12th and run until 4 January, the board said.",
              "Selby consultation")
    found = find_disagreement(question, _rivals(opened, (
        "The Selby consultation, which opened on Monday, closes on 11 January.", "Selby petition handed in")))
    assert found is not None and {c.written for c in found.claims} == {"4 January", "11 January"}
    assert find_disagreement(question, _rivals(opened, (
        "The Selby consultation opened on Monday with six public meetings.", "Selby consultation opens"))) is None


def test_no_rival_chair_from_another_body_or_a_player():
    """"Who chairs Selby Town?": the supporters' trust's chair and the striker the club sold are not rival chairs."""
    question = "Who chairs Selby Town?"
    chairman = ("Selby Town chairman Ivo Marn said the manager kept the board's backing.", "Selby Town backs manager")
    assert find_disagreement(question, _rivals(chairman, (
        "Ada Wendt, chair of the Selby Supporters' Trust, said fans of Selby Town were split.", "Selby Town fans split"))) is None
    assert find_disagreement(question, _rivals(chairman, (
        "Selby Town sold striker Teodor Vance to Carrow, Selby Town chairman Ivo Marn confirmed.", "Vance sold"))) is None
    found = find_disagreement(question, _rivals(chairman, (
        "Selby Town chairman Piet Ostrander said the stadium plan would go ahead.", "Selby Town stadium plan")))
    assert found is not None and {c.value for c in found.claims} == {"marn", "ostrander"}


def test_no_rival_value_from_a_sentence_that_counts_something_else_or_dates_another_event():
    jobs = "How many jobs will be cut at the Harlow plant?"
    cut = ("The Harlow plant will cut 300 jobs under the plan, the company said.", "Harlow plant to cut jobs")
    # "two of its biggest customers" does not count jobs
    assert find_disagreement(jobs, _rivals(cut, ("The Harlow plant lost two of its biggest customers this year, and "
                                                 "jobs will be cut.", "Harlow plant jobs plan"))) is None
    found = find_disagreement(jobs, _rivals(cut, ("About 250 jobs will be cut at the Harlow plant.", "Harlow cuts")))
    assert {c.value for c in found.claims} == {"300", "250"}
    # the day a theft was found is no rival to the day a suspect was detained
    detained = "When was a man detained over the theft of the painting from the Lenby museum?"
    held = ("A man was detained on Thursday over the theft of a painting from the Lenby museum.",
            "Man detained over Lenby museum theft")
    assert find_disagreement(detained, _rivals(held, (
        "A painting was stolen from the Lenby museum, police said, after a cleaner found an empty frame on Monday.",
        "Painting stolen from Lenby museum"))) is None
    assert find_disagreement(detained, _rivals(held, (
        "Police detained a man on Wednesday over the theft of the painting from the Lenby museum.",
        "Man held over Lenby theft"))) is not None
    # the same event in another form of the verb ("stole" for "stolen") is a rival
    found = find_disagreement("When was the painting stolen from the Lenby museum?", _rivals(
        ("Thieves stole the painting from the Lenby museum on Monday, police said.", "Painting stolen from Lenby museum"),
        ("The painting was stolen from the Lenby museum on Sunday.", "Lenby museum theft")))
    assert found is not None and found.kind == "date" and len(found.claims) == 2


def test_no_rival_value_from_a_tally_a_possessive_or_another_distance():
    rows = ("The 38 households on Tanner's Row would not have to pay anything, the council said.", "Tanner's Row renaming")
    # "voted 9-4" is a tally, and "two rooms ... on Tanner's Row" counts no households ("Tanner's" is no word made
    # from "Tanner")
    for other in ("Councillors voted 9-4 on Monday to defer the decision on Tanner's Row.",
                  "Hester Quayle opened the library in two rooms above a shop on Tanner's Row in 1892."):
        assert find_disagreement("How many households are there on Tanner's Row?",
                                 _rivals(rows, (other, "Tanner's Row vote"))) is None, other
    found = find_disagreement("How many households are there on Tanner's Row?",
                              _rivals(rows, ("Of the 52 households on Tanner's Row, 34 replied.", "Tanner's Row poll")))
    assert {c.value for c in found.claims} == {"38", "52"}
    # the size of the cordon has rivals in sizes of the cordon, not in how far the bomb was driven
    cordon = "How far out from the Tennerby bomb did the police cordon reach?"
    sizes = [("The 600-metre cordon around the Tennerby bomb closed the station.", "Tennerby bomb cordon"),
             ("A cordon of 400 metres was put around the Tennerby bomb site.", "Tennerby bomb"),
             ("The Tennerby bomb was driven eight miles to a quarry, police said, and the cordon lifted.",
              "Tennerby bomb destroyed")]
    found = find_disagreement(cordon, [_hit(f"r{i}#p1", text, outlet=f"Outlet {i}", title=title)
                                       for i, (text, title) in enumerate(sizes)])
    assert {c.written for c in found.claims} == {"600-metre", "400 metres"}
    # what a possessive leaves of a name the question holds is no name
    assert find_disagreement("What is Ern Pollexfen's giant pumpkin called?", _rivals(
        ("His rival Ern Pollexfen's pumpkin was not eligible for the giant pumpkin title.", "Pumpkin show"),
        ("Ern Pollexfen found his giant pumpkin, Goliath, with holes in its side.", "Pumpkin damaged"))) is None
    from assistant.asks import expected_kind

    assert expected_kind("How much did each shop inside the cordon get from the council's hardship pot?") == "money"
    assert expected_kind("How much rain did Leeds get?") == "number"


def test_until_or_since_is_no_length_of_time_to_compare():
    assert find_disagreement("How long will it take to restore the Lenby painting?", _rivals(
        ("Restoring the canvas will take about eight months, the museum said.", "Lenby painting to be restored"),
        ("The canvas will stay in the museum's workshop until restoration of the painting is done.",
         "Lenby painting restoration"))) is None


def test_rival_names_dates_and_counts_are_read_as_an_editor_would():
    # "Which keeper": the name beside the word keeper, whole ("Keeper Ilse Varrow", not the animal "Tam")
    keeper = find_disagreement("Which keeper caught the runaway otter from the Lenby zoo?", _rivals(
        ("Keeper Ilse Varrow coaxed the runaway otter out of a drain with fish, the Lenby zoo said.", "Lenby otter caught"),
        ("The otter, Tam, was caught on Friday by keeper Oskar Brenn, who had followed its trail from the Lenby zoo.",
         "Runaway Lenby zoo otter back")))
    assert keeper is not None and {c.written for c in keeper.claims} == {"Ilse Varrow", "Oskar Brenn"}
    # a light verb ("take place") names no event: "the second strike" is read from sentences about a second one
    second = find_disagreement("On what date is the second Lenby ferry strike due to take place?", _rivals(
        ("The first strike, on Tuesday, stopped every ferry. The union warned that a second walkout would follow on "
         "28 March.", "Lenby ferry strike"),
        ("A second walkout remains scheduled for 4 April, the union said.", "Lenby ferry strike talks fail")))
    assert second is not None and {c.value for c in second.claims} == {"2025-03-28", "2025-04-04"}
    # "720 workers" counts the people who work; "two of its biggest customers" counts nothing asked
    work = find_disagreement("How many people work at the Brisby mill?", _rivals(
        ("The Brisby mill employs around 650 people. It lost two of its biggest customers this year.", "Brisby mill cuts"),
        ("The union told the crowd that the Brisby mill's 720 workers had carried the company.", "March for Brisby mill")))
    assert work is not None and {c.value for c in work.claims} == {"650", "720"}
    # a report that gives both the old and the new figure tells of a change, not a disagreement
    assert find_disagreement("How many jobs will be lost at the Brisby mill under the deal?", _rivals(
        ("The Brisby mill will shed 180 jobs, the company said.", "Brisby mill to cut jobs"),
        ("Under the deal, the number of jobs to go at the Brisby mill falls from 180 to 120.", "Deal softens Brisby cuts"),
    )) is None



def test_a_count_of_employees_given_in_people_and_a_rate_asked_per_day_are_rivals():
    from assistant.asks import asked_rate

    # people in general count the employees; "the remaining eight" (depots) and "31 drivers" (hired by another
    # firm) do not
    staff = find_disagreement("How many employees did Tamsford Ferries have?", [
        _hit("a#p1", "All 12 of the depots once run by Tamsford Ferries have reopened, after Corran Lines took over "
             "the remaining eight.", outlet="Coastal Ledger", title="Tamsford Ferries depots reopen"),
        _hit("a#p2", "Tamsford, which had 210 people on its books, was the port's largest employer, and Corran Lines "
             "has hired 31 of its drivers.", outlet="Coastal Ledger", title="Tamsford Ferries depots reopen"),
        _hit("b#p1", "The firm employed 185 staff, the administrators said.", outlet="Northwind Herald",
             title="Tamsford Ferries collapses")])
    assert staff is not None and {c.value for c in staff.claims} == {"210", "185"}
    # "How much traffic ... each day": the number given a day, whatever it counts
    assert asked_rate("How much traffic crossed the Lenby bridge each day?") == "day"
    assert asked_rate("How many ferries sail daily?") == "day" and asked_rate("How much did it cost?") is None
    traffic = find_disagreement("How much traffic crossed the Lenby bridge each day before it closed?", _rivals(
        ("Before it closed, the Lenby bridge carried about 7,500 vehicles a day, council counts show.",
         "Lenby bridge shut"),
        ("Some 11,000 cars and lorries used the Lenby bridge every day before it closed, traders said.",
         "Lenby traders count the cost")))
    assert traffic is not None and {c.value for c in traffic.claims} == {"7500", "11000"}
    # a distance: "a 26-mile journey" and "about 31 miles" are rivals, and one value however written
    far = find_disagreement("How far will Lenby mothers have to travel to give birth?", _rivals(
        ("Lenby mothers would face a 26-mile journey to give birth, a councillor said.", "Lenby maternity unit closes"),
        ("Mothers in Lenby will have to travel about 31 miles to give birth.", "Lenby births move")))
    assert far is not None and far.kind == "distance" and {c.value for c in far.claims} == {"26.0 mile", "31.0 mile"}
    # households are counted in homes
    homes = find_disagreement("How many Lenby households were evacuated because of the flood?", _rivals(
        ("Families from 41 homes in Lenby were evacuated as the river rose.", "Lenby flood"),
        ("Households in 58 houses had been moved out by Sunday night, the council said.", "Lenby flood: residents return")))
    assert homes is not None and {c.value for c in homes.claims} == {"41", "58"}

def test_a_premise_named_by_a_noun_or_misparsed_is_still_corrected():
    mayor = [_hit("m#p1", "Mayor Ilse Varga has not resigned, despite calls from two councillors to step down.",
                  title="Lenby mayor under pressure")]
    found = contradicted_premise("What prompted Ilse Varga's resignation as mayor of Lenby?", mayor)
    assert found is not None and found.assumed == "Ilse Varga's resignation as mayor of Lenby"
    # the small parser reads "sack" as a noun here; the event is found by its lemma all the same
    coach = [_hit("c#p1", "Coach Ari Moss remains in charge, the Lenby club's owners said.", title="Lenby club sold")]
    assert contradicted_premise("Why did the Lenby club's new owners sack coach Ari Moss?", coach) is not None
    captain = [_hit("f#p1", "The Lenby ferry captain has not been charged, police said.", title="Lenby ferry inquiry")]
    found = contradicted_premise("What charges is the Lenby ferry captain facing?", captain)
    assert found is not None and found.assumed == "the Lenby ferry captain facing charges"
    assert contradicted_premise("What charges is the Lenby ferry captain facing?", [_hit(
        "g#p1", "The Lenby ferry captain was charged with negligence, police said.", title="Lenby ferry inquiry")]) is None


def test_rival_values_read_past_the_words_of_the_question():
    # "how much diesel": litres of diesel are a value, the passengers on board are not
    diesel = "How much diesel leaked from the Lenby ferry?"
    litres = ("About 3,000 litres of diesel leaked from the Lenby ferry, the coastguard said.", "Lenby ferry aground")
    assert find_disagreement(diesel, _rivals(litres, (
        "The Lenby ferry, carrying 212 passengers, leaked diesel after it ran aground.", "Lenby ferry leak"))) is None
    found = find_disagreement(diesel, _rivals(litres, ("Some 5,000 litres of diesel leaked from the Lenby ferry.",
                                                       "Lenby ferry leak")))
    assert found is not None and {c.value for c in found.claims} == {"3000", "5000"}
    # "led by" tells who is "leading"
    found = find_disagreement("Who is leading the Lenby vaccine trial?", _rivals(
        ("The Lenby vaccine trial is led by Dr Ana Moss, a specialist at the hospital.", "Lenby vaccine trial paused"),
        ("Dr Piet Roe, named as the Lenby vaccine trial's lead investigator, said the study was on hold.",
         "Lenby vaccine trial not cancelled")))
    assert found is not None and {c.written for c in found.claims} == {"Ana Moss", "Piet Roe"}
    # the question's names found elsewhere in the article: "the vessel" of a report whose lead names the ship
    hits = [_hit("a#p1", "The Lenby Star ran aground with 212 passengers on board.", outlet="Coastal Ledger"),
            _hit("b#p1", "The Lenby Star ran aground off Holm on Thursday.", outlet="Northwind Herald", title="Ferry aground"),
            _hit("b#p3", "Norr Lines said 186 passengers had been on board when the vessel struck a sandbank.",
                 outlet="Northwind Herald", title="Ferry aground")]
    found = find_disagreement("How many passengers were on the Lenby Star when it ran aground?", hits)
    assert found is not None and {c.value for c in found.claims} == {"212", "186"}


def test_a_timeline_of_a_named_story_reads_every_report_of_it():
    # only the first report says "grounding"; the others name the ship, or a paragraph of their article does
    hits = [_hit("a#p1", "The ferry Lenby Star ran aground off Holm on Thursday, the coastguard said.",
                 published=date(2025, 6, 13), title="Ferry grounding off Holm"),
            _hit("b#p1", "Divers sealed the Lenby Star's damaged tank on Sunday.", published=date(2025, 6, 16), title="Leak sealed"),
            _hit("c#p2", "Sailings resumed on the 24th with a chartered vessel.", published=date(2025, 6, 25), title="Sailings back"),
            _hit("c#p1", "The Lenby Star will not return to service this summer.", published=date(2025, 6, 25), title="Sailings back"),
            _hit("d#p1", "A ferry ran aground off Brannock on Friday.", published=date(2025, 6, 14), title="Another ferry")]
    found = events("Walk me through the Lenby Star grounding, from the accident to the inquiry.", hits)
    assert [e.day for e in found] == [date(2025, 6, 12), date(2025, 6, 15), date(2025, 6, 24)]


def test_a_part_of_a_group_is_no_count_of_it_and_money_put_into_something_is_a_sum():
    from assistant.asks import expected_kind, holds_kind

    assert not holds_kind("The trial was paused after one of the volunteers fell ill.", "number", "volunteer")
    assert holds_kind("A total of 640 volunteers had enrolled.", "number", "volunteer")
    assert expected_kind("How much are the club's new owners putting into the stadium?") == "money"
    assert expected_kind("How much diesel leaked from the ferry?") == "number"


def test_a_premise_is_read_in_a_paragraph_whose_article_names_the_question_s_subject():
    hits = [_hit("s#p1", "The Lenby Star ran aground off Holm on Thursday.", title="Inquiry opens"),
            _hit("s#p3", "The ferry's master, Captain Ivo Mall, has not been charged with any offence.", title="Inquiry opens")]
    found = contradicted_premise("What charges is the Lenby Star captain facing?", hits)
    assert found is not None and found.hit == 1


def test_a_premise_the_reporting_calls_untrue_or_has_no_plans_for_is_corrected():
    def ask(text):
        return contradicted_premise("Why was the Lenby school demolished?", [_hit("x#p1", text, title="Lenby school")])

    assert ask("The council said reports that the Lenby school would be demolished were untrue.") is not None
    assert ask("The council has no plans to demolish the Lenby school.") is not None
    assert ask("Despite rumours, the mayor attended the Lenby school opening.") is None  # another event


def test_a_quote_said_by_she_names_her_even_when_the_recogniser_misses_the_name():
    para = ('Fire chief Ana Moss gave the figures at a briefing on Tuesday. "We counted 40 homes destroyed," she said. '
            "The council said it would help.")
    text, source, repaired = keep_attribution('"We counted 40 homes destroyed," she said.', [para])
    assert (text, source, repaired) == ('"We counted 40 homes destroyed," she (Ana Moss) said.', "Ana Moss", True)
    assert keep_attribution("The council said it would help.", [para]) == ("The council said it would help.", "The council", False)


def test_premises_halted_or_arrested_and_claims_denied_in_the_next_sentence():
    tram = [_hit("t#p5", "Posts on social media yesterday claimed that the Lenby tram line had also been halted in "
                         "sympathy. That was not the case: the tram was unaffected, a spokesperson said.", title="Lenby bus strike")]
    found = contradicted_premise("Why did the Lenby trams stop running during the bus strike?", tram)
    assert found is not None and found.sentence.startswith("Posts on social media")  # the claim, then its denial
    fire = [_hit("f#p4", "Rumours that two teenagers had been detained spread through the village. Police said no one "
                          "has been arrested.", title="Lenby moor fire")]
    assert contradicted_premise("Who were the two teenagers arrested over the Lenby moor fire?", fire) is not None
    count = [_hit("v#p4", "Claims circulated online during the night that counting had been halted. Counting was not "
                          "suspended at any point, the returning officer said.", title="Lenby count")]
    found = contradicted_premise("Why was the Lenby vote count stopped partway through the night?", count)
    assert found is not None and "not suspended" in found.sentence


def test_what_the_question_asks_for_read_more_widely():
    from assistant.asks import expected_kind, holds_kind
    from assistant.conflicts import find_disagreement

    assert expected_kind("What was Nadia Quartermain's vote total in the Lenby by-election?") == "number"
    assert expected_kind("What day did the Lenby bus drivers vote to accept the offer?") == "date"
    assert expected_kind("What was the cause of the fire?") is None
    assert not holds_kind("He had represented Lenby for 22 years.", "number", "ballot")  # counts years
    assert is_timeline("What happened, and when, in the row over the Lenby maternity unit?")
    found = find_disagreement("How many Lenby households had to leave their homes?", _rivals(
        ("Residents of 37 Lenby households were evacuated on Sunday night.", "Lenby fire"),
        ("Fifty-two households in Lenby had to leave their homes, the council said.", "Lenby moor fire")))
    assert found is not None and {c.value for c in found.claims} == {"37", "52"}


def test_premises_read_past_a_leading_clause_and_phrasal_verbs_and_reopening_is_no_denial():
    bridge = [_hit("b#p4", "Talk of demolition has never been on the table, the council said; it intends to repair "
                           "the Lenby Bridge.", title="Lenby Bridge")]
    assert contradicted_premise("When is the council going to knock down the Lenby Bridge?", bridge) is not None
    buses = [_hit("k#p3", "School bus services in Lenby were never suspended and continued as normal, run by a separate "
                          "firm, so children got to school.", title="Lenby buses")]
    found = contradicted_premise("With Lenby school buses stopped since the firm went under, how are children getting "
                                 "to school?", buses)
    assert found is not None and found.assumed == "Lenby school buses stopped"
    # a bridge that "reopens" was closed: no denial of "before it shut"
    assert contradicted_premise("How much traffic went over the Lenby Bridge each day before it shut?", [_hit(
        "c#p2", "The old Lenby Bridge will stay in use until the main bridge reopens, officials believe.",
        title="Lenby Bridge")]) is None


def test_premises_of_a_move_out_and_a_sign_off_are_corrected_by_no_order_and_no_approval():
    """"moved out of Wenlow" assumes an evacuation ("No evacuation order was issued for Wenlow"); "signed off on"
    assumes an approval ("has not been approved", "is still not licensed")."""
    wenlow = [_hit("w#p3", "No evacuation order was issued for neighbouring Wenlow, although households were told to "
                           "be ready to leave.", title="Fire on the Selby moors")]
    found = contradicted_premise("How many people were moved out of Wenlow when the fire got close?", wenlow)
    assert found is not None and "No evacuation order" in found.sentence
    assert contradicted_premise("How many people were moved out of Wenlow when the fire got close?", [_hit(
        "w#p4", "About 300 people were moved out of Wenlow on Sunday, fire officers said.", title="Wenlow")]) is None
    for denial in ("Selbatide has not been approved by any medicines regulator.",
                   "Selbatide is still not licensed anywhere, its maker said."):
        found = contradicted_premise("Which regulator signed off on selbatide?", [_hit(
            "d#p2", denial, title="Selbatide trial results")])
        assert found is not None, denial


def test_people_count_employees_not_jobs_and_she_is_named_whatever_the_recogniser_calls_her():
    from assistant.asks import holds_kind

    assert holds_kind("Redbrook employed 140 people.", "number", "employee")
    assert not holds_kind("The mill employs 650 people.", "number", "job")
    found = find_disagreement("How many employees did Lenby Motor Services have?", _rivals(
        ("Lenby Motor Services employed 140 people before it collapsed.", "Lenby bus firm collapses"),
        ("All 165 employees of Lenby Motor Services lost their jobs.", "Lenby Motor Services staff laid off")))
    assert found is not None and {c.value for c in found.claims} == {"140", "165"}
    para = ("Dr Ifeoma Grant, a consultant in health protection for the region, gave the latest figures. She said 31 "
            "people had tested positive.")
    text, source, _ = keep_attribution("She said 31 people had tested positive.", [para])
    assert text == "She (Ifeoma Grant) said 31 people had tested positive." and source == "Ifeoma Grant"


def test_a_premise_is_corrected_from_a_paragraph_just_below_the_ones_answered_from(editor):
    # with k=1 the consulate's correction is not in the one paragraph retrieved, but it is in the same search
    ans = editor.ask("Why was the Valdorian consulate in Larkhaven closed?", as_of="2025-04-10", k=1)
    assert ans.note.startswith("The question assumes")
    assert ans.citations and ans.citations[0].paragraph_id.startswith("ed07_larkhaven_consulate_meridian#p")


def test_a_place_the_reports_call_unaffected_corrects_the_premise_that_it_was_hit():
    hits = [_hit("w#p3", "Brindle, which is fed by its own reservoir, has been unaffected throughout, the water board said.",
                 title="Carrow boil-water notice lifted"),
            _hit("w#p1", "Homes in Carrow were told to boil their water on Monday.", title="Carrow boil-water notice lifted")]
    premise = contradicted_premise("How much longer will people in Brindle have to boil their tap water?", hits)
    assert premise is not None and premise.assumed == "people in Brindle have to boil their tap water"
    assert premise.sentence.startswith("Brindle, which is fed")
    # the place the question asks about is not the one spared; a question asking which were spared assumes nothing
    assert contradicted_premise("How much longer will people in Carrow have to boil their tap water?", hits) is None
    assert contradicted_premise("Which villages near Carrow were unaffected by the boil-water notice?", hits) is None
    # what a place kept untouched is not the place spared
    assert _correcting("Why did the makers of The Salt Widow pick Culvermere to film in?",
                       "Tamsin Orme, location manager for the makers of The Salt Widow, said Culvermere was picked to "
                       "film in because the square had kept its frontages almost untouched.", title="Culvermere filming") is None
    assert _correcting("How much longer will people in Brindle have to boil their tap water?",
                       "Brindle was largely spared, the water board said.", title="Brindle boil-water notice") is not None


def test_a_number_with_a_thousands_separator_counts_what_follows_it_whole():
    from assistant.asks import holds_kind, number_after
    from assistant.text import words

    # "1,200 residents" is no "1" of buses, nor "3.5 million people" a "3" of them
    assert not holds_kind("About 1,200 residents were moved to shelters in Selby.", "number", "buse")
    assert not holds_kind("Some 3.5 million people live in the region.", "number", "buse")
    assert holds_kind("Twelve buses took 1,200 residents home.", "number", "buse")
    assert holds_kind("About 1,200 residents were moved.", "number", "resident")
    tokens = words("the number of jobs to go falls from 1,200 to 1,100", whole_numbers=True)
    assert number_after(tokens, tokens.index("jobs")) == "1,100"


def test_a_question_read_in_the_clause_that_asks_and_an_age_compared_as_an_age():
    from assistant.asks import asked_clause, asks_someone, expected_kind

    assert expected_kind("Apart from Bram Odegaard, who is the other city councillor calling for her to resign?") \
        == "name"
    assert asks_someone("Apart from Bram Odegaard, who is the other city councillor calling for her to resign?")
    assert expected_kind("The Kestrels ended their drought. When did they last reach the final?") == "date"
    assert asked_clause("Which country issued a warrant for Sen. Ola Brandt?") == \
        "Which country issued a warrant for Sen. Ola Brandt?"  # "Sen." ends no sentence worth reading alone
    assert expected_kind("Was the Selby bridge closed on Monday?") is None
    teen = "A Selby teenager became the youngest pilot to fly solo around the coast. How old is he?"
    # other numbers in the reports (23 stops, 19 days) are no rival ages
    assert find_disagreement(teen, _rivals(
        ("A 17-year-old from Selby became the youngest pilot to fly solo around the coast, making 23 stops.",
         "Selby teenager youngest pilot"),
        ("The Selby pilot, the youngest to fly solo around the coast, finished in 19 days at the age of 17.",
         "Youngest pilot lands in Selby"))) is None
    # nor is the age of someone else the report names ("his sister ... at the age of 19")
    assert find_disagreement(teen, _rivals(
        ("A 17-year-old from Selby became the youngest pilot to fly solo around the coast.", "Selby pilot"),
        ("His sister also set the record for the youngest pilot to fly solo around the coast, at the age of 19.",
         "Youngest pilot lands in Selby"))) is None
    found = find_disagreement(teen, _rivals(
        ("A 17-year-old from Selby became the youngest pilot to fly solo around the coast.", "Selby pilot"),
        ("Selby's youngest pilot to fly solo around the coast, aged 18, landed on Sunday.", "Youngest pilot")))
    assert found is not None and {c.value for c in found.claims} == {"17", "18"}


def test_hearsay_in_a_question_is_no_premise():
    hits = [_hit("c#p1", "The Merrow consulate in Selby remains open and is operating normally, the consulate said "
                         "on Wednesday, after rumours of its closure spread online.", title="Merrow consulate")]
    assert contradicted_premise("Why did Merrow close its consulate in Selby?", hits) is not None
    assert contradicted_premise("What did Merrow's foreign ministry say about the rumours that its consulate in "
                                "Selby had closed?", hits) is None
    assert contradicted_premise("Why did Merrow deny that its consulate in Selby had closed?", hits) is None


def test_a_yes_no_question_assumes_its_clauses_not_its_main_verb():
    slip = [_hit("s#p4", "Police dismissed accounts circulating online that a cyclist had been carried away by the "
                         "flood. The only vehicle caught in it was a parked trailer, and nobody was hurt.",
                 title="Flood sweeps through Brenlow")]
    found = contradicted_premise("Has the cyclist who was swept away by the Brenlow flood been found?", slip)
    assert found is not None and found.assumed == "the cyclist was swept away by the Brenlow flood"
    assert "dismissed accounts" in found.sentence
    # what a yes/no question asks is no premise: a report that the cyclist "has not been found" answers it
    lost = [_hit("s#p2", "The cyclist swept away by the Brenlow flood has not been found, police said.",
                 title="Flood sweeps through Brenlow")]
    assert contradicted_premise("Has the cyclist swept away by the Brenlow flood been found?", lost) is None


def test_more_ways_reports_deny_a_premise():
    def hit(text):
        return [_hit("d#p2", text, title="Brenlow depot fire")]

    nobody = hit("Firefighters put out the blaze at the Brenlow depot within an hour, and nobody was hurt.")
    assert contradicted_premise("How many people were injured in the Brenlow depot fire?", nobody) is not None
    assert contradicted_premise("How many people died in the Brenlow depot fire?", nobody) is not None
    assert contradicted_premise("When will the council demolish the Brenlow depot?", hit(
        "The council voted on Monday to repair the Brenlow depot rather than demolish it.")) is not None
    assert contradicted_premise("When will the council demolish the Brenlow depot?", hit(
        "Plans to demolish the Brenlow depot were dropped last year after a campaign by residents.")) is not None
    assert contradicted_premise("When will the council demolish the Brenlow depot?", hit(
        "The council has ruled out demolishing the Brenlow depot.")) is not None
    # a report of injuries is no denial of them
    assert contradicted_premise("How many people were injured in the Brenlow depot fire?", hit(
        "Three people were injured in the Brenlow depot fire, one seriously.")) is None


def test_courts_elections_and_deals_read_as_their_reports_word_them():
    from assistant.asks import counted_thing, expected_kind

    assert expected_kind("What did Selby Town pay for Ivo Marn?") == "money"
    assert expected_kind("On which day was Ada Quell convicted?") == "date"
    assert expected_kind("How big is Brenner Foods' workforce?") == "number"
    assert counted_thing("How big is Brenner Foods' workforce?") == "employee"
    assert is_timeline("What has happened so far in Orvane's bid for Brenner Foods?")
    assert is_timeline("What's been going on at Selby Town since the summer?")
    # "found guilty" tells of the conviction: two reports, two days
    found = find_disagreement("On which day was Ada Quell convicted?", _rivals(
        ("A jury found Ada Quell guilty of fraud on 3 March.", "Quell guilty"),
        ("Quell was convicted on 4 March of fraud.", "Quell jailed")))
    assert found is not None and len(found.claims) == 2
    # a margin is no tally of votes, unless the margin is asked; a sum of money is no count of staff
    votes = _rivals(("Ivo Marn won the Selby ward by nine votes after the recount.", "Selby recount"),
                    ("Marn finished six votes ahead of Ada Quell in the Selby ward recount.", "Selby result"))
    assert find_disagreement("How many votes did Ada Quell get in the Selby ward recount?", votes) is None
    margin = find_disagreement("By how many votes did Ivo Marn win the Selby ward recount?", votes)
    assert margin is not None and {c.value for c in margin.claims} == {"9", "6"}
    assert find_disagreement("How big is Brenner Foods' workforce?", _rivals(
        ("Brenner Foods employs 2,300 people at its Selby plant.", "Brenner Foods bid"),
        ("The board rejected an offer of 6.40 crowns a share for Brenner Foods.", "Brenner Foods board"))) is None


def test_a_bid_still_on_the_table_and_a_recall_never_ordered_correct_premises():
    bid = [_hit("o#p2", "Orvane Holdings has not walked away: its offer for Brenner Foods remains on the table, a "
                        "spokesman said.", title="Brenner Foods bid")]
    assert contradicted_premise("Why did Orvane pull its bid for Brenner Foods?", bid) is not None
    recall = [_hit("r#p3", "No recall has been ordered, and the Selby creamery stopped selling two batches of brie.",
                   title="Selby creamery listeria")]
    assert contradicted_premise("Has the Selby creamery widened its recall of brie?", recall) is not None


def test_a_length_of_something_else_is_no_rival_term():
    assert find_disagreement("How long was Ada Quell sent to prison for?", _rivals(
        ("Ada Quell was jailed for three years at Selby Crown Court.", "Quell jailed"),
        ("A jury found Ada Quell guilty after two days of deliberation, before she was sent to prison.",
         "Quell guilty"))) is None


def test_a_month_in_a_timeline_question_names_no_story():
    hits = [_hit("a#p1", "Selby Town sold striker Ivo Marn on 3 February for a record fee.", title="Selby Town sell Marn"),
            _hit("b#p1", "Selby Town submitted plans for a new stadium on 6 March.", title="Selby Town stadium plan")]
    found = events("What's been going on at Selby Town since the start of February?", hits)
    assert [e.day for e in found] == [date(2025, 2, 3), date(2025, 3, 6)]


def test_rival_values_read_in_the_forms_reports_write_them():
    """A share ("18 per cent" against "23%"), a budget hole in two spellings of money, jobs counted as "posts", a
    day a discovery was told by another verb, a leak named by a noun: each is a disagreement between two reports;
    a sentence dating something else in a story about the leak is no rival."""
    def pair(question, first, second, titles=("Grading error hits pupils", "Exam board review")):
        return find_disagreement(question, [
            _hit("a#p2", first, outlet="Post A", title=titles[0], published=date(2026, 10, 17)),
            _hit("b#p3", second, outlet="Wire B", title=titles[1], published=date(2026, 10, 17))])

    share = pair("What share of the Sixth Form chemistry candidates were marked down?",
                 "Around 18 per cent of the 6,000 Sixth Form chemistry candidates were marked down by the fault.",
                 "Figures show that 23% of those who sat the Sixth Form chemistry paper were marked down.")
    assert share is not None and {c.value for c in share.claims} == {"18%", "23%"}
    hole = pair("How big is the hole in Tolbury's budget?",
                "Tolbury council must fill a £3.1m shortfall in next year's budget.",
                "The council must find 3.6 million pounds to balance Tolbury's budget, a report says.",
                titles=("Tolbury budget cuts", "Tolbury budget vote"))
    assert hole is not None and hole.kind == "money"
    jobs = pair("How many council jobs will go in Tolbury?",
                "Tolbury council plans to cut 140 posts to save money.",
                "Tolbury council now expects to lose about 190 jobs.", titles=("Tolbury cuts", "Tolbury cuts revised"))
    assert jobs is not None and {c.value for c in jobs.claims} == {"140", "190"}
    found = pair("When did Brimwell Water find out it had been hacked?",
                 "Brimwell Water discovered the breach on 3 October, a filing shows.",
                 "Its security team spotted the intrusion on Friday, a spokesman said.",
                 titles=("Brimwell Water knew of data breach", "Brimwell Water hacked"))
    assert found is not None and {c.value for c in found.claims} == {"2026-10-03", "2026-10-16"}
    leak = "When did the chemical leak into the River Dunnet happen?"
    assert pair(leak, "About 9,000 litres leaked into the River Dunnet on the night of 14 October.",
                "Thousands of fish died in the River Dunnet after a chemical leak on Thursday.",
                titles=("Chemical leak in River Dunnet", "Fish die after River Dunnet leak")) is not None
    assert pair(leak, "About 9,000 litres leaked into the River Dunnet on the night of 14 October.",
                "Anglers found dead trout along the River Dunnet on Thursday.",
                titles=("Chemical leak in River Dunnet", "Fish die after River Dunnet chemical leak")) is None
    litres = pair("How much solvent escaped from the Brimwell plant?",
                  "About 9,000 litres of a solvent-based paint leaked from the Brimwell plant.",
                  "Some 14,000 litres of solvent escaped from the Brimwell plant, a filing shows.",
                  titles=("Brimwell plant leak", "Brimwell plant leak larger"))
    assert litres is not None and {c.value for c in litres.claims} == {"9000", "14000"}


def test_a_chief_of_another_body_does_not_lead_the_review():
    from assistant.asks import holds_kind, names_role

    question = "Who's heading the independent review into the Tolbury marking blunder?"
    assert not names_role(question, "Ada Quell, the Tolbury Examinations Board's chief examiner, has stepped back "
                                    "while an independent review is carried out.", "in charge")
    assert names_role(question, "The review, chaired by Professor Ivo Marsh, is expected to report in May.", "in charge")
    # a count withheld does not stop a sentence from naming someone; a name withheld does
    assert holds_kind("President Ada Quell also mentioned the large number of troops without providing specific "
                      "numbers.", "name", None)
    assert not holds_kind("Police did not say who was arrested.", "name", None)


def test_premises_read_in_more_of_the_forms_reports_deny_them():
    """"declined to blame", a vote put off, "reopened" against "stay shut", "denied that any ... details", "no ...
    were", "were not among those affected": each contradicts what its question assumes; a report of other things
    left out does not."""
    from assistant.premises import contradicted_premise

    def hits(*texts, title="Tolbury budget and water works"):
        return [_hit(f"t{i}#p1", t, title=title) for i, t in enumerate(texts)]

    cases = [
        ("Who did Mayor Ada Quell blame for Tolbury's budget shortfall?",
         "The mayor, Ada Quell, declined to blame the government for Tolbury's budget shortfall."),
        ("When did Tolbury councillors approve the budget?",
         "A vote on Tolbury council's budget was postponed last night after councillors complained."),
        ("How long is the Tolbury water works going to stay shut?",
         "Tolbury's water works, shut as a precaution, reopened on the 21st after tests."),
        ("Which bank details did the Tolbury hackers get hold of?",
         "The Tolbury council denied that any bank or card details had been taken by the hackers."),
        ("How many of Tolbury's business customers were caught up in the breach?",
         "Tolbury's business customers were not among those affected by the breach, the council said."),
    ]
    for question, text in cases:
        found = contradicted_premise(question, hits(text))
        assert found is not None and found.sentence == text, question
    assert contradicted_premise("How many of Tolbury's household customers were caught up in the breach?", hits(
        "Tolbury's business customers were not among those affected by the breach, the council said.")) is None
    assert contradicted_premise("When did Tolbury councillors approve the budget?", hits(
        "Tolbury councillors approved the budget on Tuesday after a vote on the pool was postponed to May.")) is None


def test_premises_contradicted_by_the_opposite_outcome_and_not_by_a_verdict_on_another_charge():
    """Cleared against "found guilty" (an acquittal on another charge leaves it contradicted), a challenge filed
    against "would not challenge", a takeover stopped against "approved", a medical failed against "passed", a paper
    retracted against "has not been retracted"; "denies all charges" contradicts no charge, "has not resigned as a
    councillor" no resignation as leader, and an acquittal beside a conviction no conviction."""

    def found(question, *texts):
        return _correcting(question, *texts, title="Tolbury court and deal")

    guilty = "Tolbury District Court found Ivo Brannock guilty of accepting bribes from a paving firm."
    other = "The court acquitted Brannock of a fifth charge, breach of trust, over a snow-clearing contract."
    assert found("Why was Ivo Brannock cleared of the bribery charges in Tolbury?", guilty, other) == guilty
    assert found("On which day was Ivo Brannock convicted in Tolbury?", guilty, other) is None
    assert found("Why did Ivo Brannock plead guilty in Tolbury?", "Ivo Brannock, 58, denies all charges in Tolbury.") is None
    refused = "Ada Quell said on Wednesday that she would not challenge the Tolbury recount in court."
    assert found("Has the court ruled on the challenge that Ada Quell filed against the Tolbury recount?", refused) == refused
    approved = "The competition authority approved Brimco's takeover of Tolbury Mills on condition it sells a brand."
    assert found("On what grounds did the competition authority stop Brimco from buying Tolbury Mills?", approved) == approved
    passed = "Ivo Brannock signed for Tolbury Athletic a day after he passed his medical at the club."
    assert found("Since Ivo Brannock failed his medical at Tolbury Athletic, is he staying put?", passed) == passed
    kept = "The Tolbury fungus paper has not been retracted, and the journal said it had no plans to retract it."
    assert found("Has the journal put back the Tolbury fungus paper that it retracted after the criticism?", kept) == kept
    assert found("On what date did Ada Quell resign as Tolbury's leader?",
                 "Ada Quell has not resigned as a councillor and will go on representing Tolbury ward.") is None


def test_rival_sums_leads_and_fees_written_as_reports_write_them():
    def pair(question, first, second, title="Tolbury trial and transfer"):
        return find_disagreement(question, [_hit("a#p1", first, outlet="Post A", title=title),
                                            _hit("b#p2", second, outlet="Wire B", title=title)])

    bribes = pair("How much is Brannock accused of pocketing from the paving firm?",
                  "Prosecutors accuse Brannock of accepting 310,000 thalers in bribes from a paving firm.",
                  "The payments to Brannock from the paving firm amounted to 270,000 thalers, the indictment says.")
    assert bribes is not None and {c.written for c in bribes.claims} == {"310,000 thalers", "270,000 thalers"}
    # a sum from another case is no rival
    assert pair("How much is Brannock accused of pocketing from the paving firm?",
                "Prosecutors accuse Brannock of accepting 310,000 thalers in bribes from a paving firm.",
                "The paving firm was fined 45,000 thalers last year in a separate case over Brannock's invoices.") is None
    lead = pair("Before the recount, how big was Quell's lead over Varga?",
                "Ada Quell finished 16 votes ahead of Ilse Varga in the Tolbury ward, provisional results show.",
                "The provisional count gave Quell a lead of 24 votes over Varga.")
    assert lead is not None and {c.value for c in lead.claims} == {"16", "24"}
    fee = pair("What fee did Tolbury Rovers get for Brannock?", "The fee Tolbury Rovers get for Brannock is 2.8 million "
               "thalers, people familiar with the talks said.", "Athletic paid Tolbury Rovers 3.4 million thalers for "
               "Brannock, its finance director said.")
    assert fee is not None and fee.kind == "money"


def test_fish_are_counted_as_fish_not_as_litres_of_the_spill():
    found = find_disagreement("How many fish did the Dunnet spill kill?", [
        _hit("a#p1", "More than 4,000 fish have died along the River Dunnet since the spill, officials said.",
             outlet="Post A", title="Fish die after Dunnet spill"),
        _hit("b#p1", "About 18,000 litres of coating spilled into the River Dunnet, killing fish for miles.",
             outlet="Wire B", title="Dunnet spill")])
    assert found is None


def test_rivals_read_from_words_reports_use_for_them():
    """Seats and supporters for fans, "five thousand" as 5000, "comes into force on Friday" for a ban kicking in (a
    day still to come), an age set off by commas, a detective the recogniser misses, "arrested" for caught, "a
    quarter" for a share, cavers and members for people, the report telling of the event first."""
    def pair(question, first, second, title="Brimwell news", published=date(2026, 7, 13)):
        return find_disagreement(question, [_hit("a#p1", first, outlet="Post A", title=title, published=published),
                                            _hit("b#p2", second, outlet="Wire B", title=title, published=published)])

    def values(found):
        return None if found is None else {c.value for c in found.claims}

    assert values(pair("How many fans can the North Stand at Brimwell Park hold?",
                       "The North Stand, which holds 4,200 supporters, was built in 1974.",
                       "The club had expected the North Stand, which has nearly five thousand seats, to stay shut.")) \
        == {"4200", "5000"}
    assert values(pair("Which day did the Brimwell hosepipe ban actually kick in?",
                       "The Brimwell hosepipe ban comes into force on Friday, the water company said.",
                       "Its hosepipe ban came into force on Saturday 18 July across Brimwell.")) == {"2026-07-17", "2026-07-18"}
    assert values(pair("How old is the prisoner who escaped from Brimwell?", "Ivo Brannock, 34, was found to be missing "
                       "from his cell in Brimwell prison.", "Brannock, 36, is believed to have friends near Brimwell.")) \
        == {"34", "36"}
    assert values(pair("Who's heading the police hunt for Ivo Brannock?",
                       "The search for Brannock is being led by Detective Superintendent Rhiannon Quell of Brimwell Police.",
                       "Chief Inspector Tobias Marsh of Brimwell Police, who is leading the search for Brannock, "
                       "asked for help.")) \
        == {"quell", "marsh"}
    assert values(pair("How far from the prison had Brannock got by the time he was caught?",
                       "The barn where Brannock hid lies about eight miles from the prison.",
                       "Brannock was arrested in a barn some 20 kilometres from Brimwell prison.")) \
        == {"8.0 mile", "20.0 kilometre"}
    assert values(pair("What proportion of the Brimwell Farm homes were to be affordable?",
                       "Under the scheme, 30 per cent of the Brimwell Farm homes would be affordable.",
                       "The builder offered to make a quarter of the Brimwell Farm homes affordable.")) == {"30%", "25%"}
    caves = pair("How many people were stuck in Brimwell Cave when it flooded?",
                 "Six cavers trapped in Brimwell Cave were brought out alive. About 80 rescuers pumped water out of "
                 "the flooded cave.", "The club reviewed its trips after seven of its members were trapped in "
                 "Brimwell Cave when it flooded.", title="Cavers trapped in flooded Brimwell Cave")
    assert values(caves) == {"6", "7"}


def test_premises_that_a_state_lasts_or_an_outcome_came_are_corrected_by_its_end():

    cases = [
        ("Is there any word yet on when the North Stand at Brimwell Park will reopen?",
         "The North Stand at Brimwell Park reopened on Saturday, two months after it was closed."),
        ("With Brimwell's hosepipe ban still in force, am I allowed to fill a paddling pool?",
         "The Brimwell hosepipe ban was lifted on Wednesday after heavy rain refilled the reservoirs."),
        ("Where do police believe Ivo Brannock is hiding out?",
         "Ivo Brannock was recaptured in a barn near Brimwell on Monday and is back in custody."),
        ("On what grounds did Brimwell councillors give the Brimwell Farm homes the go-ahead?",
         "Plans for 640 Brimwell Farm homes were rejected by Brimwell councillors on Tuesday."),
        ("Why has Brimco walked away from its Brimwell Farm scheme?",
         "Brimco has lodged an appeal against the refusal of its Brimwell Farm scheme."),
        ("Has the body of the caver who got separated in Brimwell Cave been recovered?",
         "The caver who got separated in Brimwell Cave was found safe in a dry chamber."),
        ("Which parts of Brimwell have been switched over to standpipes?",
         "Brimwell Water has ruled out standpipes and rota cuts this summer."),
    ]
    for question, text in cases:
        assert _correcting(question, text) == text, question
    # suspensions called untrue "over the escape" do not deny the escape
    assert _correcting("How old is the prisoner who escaped from Brimwell?", "The Prison Service denied reports that two "
                       "officers at Brimwell had been suspended over the escape.") is None
    # dead workers are not contradicted by missing ones found safe
    assert _correcting("How many people died in the Brimwell warehouse fire?", "Earlier reports of a higher toll in the "
                       "Brimwell warehouse fire counted missing workers who were later found safe.") is None


def test_a_count_of_people_may_be_written_with_any_noun_but_not_in_hours():
    def pair(first, second):
        return find_disagreement("How many people were trapped in the Brimwell mine?", [
            _hit("a#p1", first, outlet="Post A", title="Brimwell mine"), _hit("b#p2", second, outlet="Wire B",
                                                                               title="Brimwell mine")])
    found = pair("Three crew were trapped in the Brimwell mine for a day.", "Five people were trapped in the Brimwell mine.")
    assert found is not None and {c.value for c in found.claims} == {"3", "5"}
    assert pair("The trapped were in the Brimwell mine for 38 hours.", "Five people were trapped in the Brimwell mine.") is None


def test_premises_denied_in_the_ways_reports_write_corrections():
    """A merger called off, a head reinstated, a building that will not be sold, no staff losing jobs, a locomotive
    undamaged, a report yet to be published, "not a humpback", "no second whale", hospital against "nobody was
    hurt", a runway "out of action" that reopened, a claim of compensation rejected; and none of these where the
    words are about something else."""

    cases = [
        ("Now that Brimwell Primary and St Ives Primary have merged, what is the new school called?",
         "The merger of Brimwell Primary and St Ives Primary has been called off, the trust said."),
        ("Why was Ada Quell fired as head of Brimwell Primary?",
         "Ada Quell, head of Brimwell Primary, has been reinstated after a fortnight's suspension."),
        ("Who is buying the Brimwell Primary building?", "The Brimwell Primary building will not be sold, the trust said."),
        ("Which two Brimwell Primary teachers lost their jobs over the plan?",
         "No staff at Brimwell Primary will lose their jobs over the plan, the trust said."),
        ("How long will the Brimwell locomotive be out of service while the damage is repaired?",
         "The Brimwell locomotive was undamaged and will be back in service on Saturday."),
        ("What did the Brimwell rail board's report blame for the derailment?",
         "The Brimwell rail board has yet to publish its report into the derailment."),
        ("What drew the humpback whale into the Brimwell estuary?",
         "The whale in the Brimwell estuary was a young sperm whale, not a humpback as first reported."),
        ("How did rescuers get both whales off Brimwell beach?",
         "Coastguards searched the Brimwell beach and found no second whale."),
        ("How many passengers ended up in hospital after the Brimwell derailment?",
         "Nobody was hurt in the Brimwell derailment, the railway said."),
        ("With Brimwell's main runway out of action for six weeks, where are jets landing?",
         "Brimwell's main runway reopened on Sunday, eleven days after it was closed."),
        ("Has Brimwell Airport started paying the compensation it promised stranded travellers?",
         "Brimwell Airport has rejected claims that it owes compensation to stranded travellers."),
    ]
    for question, text in cases:
        assert _correcting(question, text) == text, question
    assert _correcting("Who won the Brimwell award for best actress?", "Many who never won the Brimwell award for best "
                       "actress were nominated.") is None
    assert _correcting("How many jobs will be lost at the Brimwell mill under the deal?", "Most of the Brimwell mill losses "
                       "will fall on the night shift, which is to be scrapped.") is None
    assert _correcting("Who is leading the Brimwell vaccine trial?", "The Brimwell vaccine trial has not been cancelled, "
                       "despite reports that the study had been abandoned.") is None


def test_a_year_answers_when_something_was_built():
    found = find_disagreement("When was the drain under Brimwell's runway built?", [
        _hit("a#p2", "Part of the brick drain under Brimwell's runway, built in 1962, had given way.", outlet="Post A",
             title="Brimwell runway"),
        _hit("b#p3", "Engineers replaced the runway above the drain, which the airport said dated from 1971.",
             outlet="Wire B", title="Brimwell runway reopens")])
    assert found is not None and {c.value for c in found.claims} == {"1962", "1971"}
    from assistant import voice
    assert voice.in_short("date", "1962", "1962", "ko") == voice.in_short("date", "2024-12-04", "x", "ko").replace(
        "2024년 12월 4일", "1962년")
    # a year is no rival to a day for what happened on a day
    assert find_disagreement("When did the Brimwell runway close?", [
        _hit("a#p2", "The Brimwell runway closed on Monday after a drain gave way.", outlet="Post A",
             title="Brimwell runway"),
        _hit("b#p3", "The Brimwell runway, which closed in 2019 for resurfacing, shut again this week.", outlet="Wire B",
             title="Brimwell runway shut")]) is None


def test_pupils_count_as_children_and_a_speaker_s_own_children_are_no_tally():
    def claims(*texts):
        found = find_disagreement("How many children go to Brimwell Primary and St Ives between them?", [
            _hit(f"{k}#p1", t, outlet=f"Outlet {k}", title="Brimwell Primary merger") for k, t in enumerate(texts)])
        return None if found is None else {c.value for c in found.claims}

    assert claims("Brimwell Primary and St Ives have a combined roll of 412 pupils, the trust said.",
                  "The 468 children at Brimwell Primary and St Ives would keep their places.") == {"412", "468"}
    assert claims("\"It will hurt,\" said Ada Quell, whose two children go to Brimwell Primary.",
                  "The 468 children at Brimwell Primary and St Ives would keep their places.") is None


def test_premises_of_length_intent_untouched_things_declared_status_and_corrected_reports():
    """Premises read in the forms a new dev set (editor_dev13) wrote them, each beside a control it must leave be."""
    ban = "Lena Marsh has been banned from competition for six months after a tribunal accepted her account."
    assert _correcting("When will Lena Marsh race again after her four-year ban?", ban) == ban
    assert _correcting("When will Lena Marsh race again after her six-month ban?", ban) is None
    assert _correcting("When will Lena Marsh race again after her four-year ban?",
                       "Lena Marsh was given a four-year ban from competition.") is None

    foul = "Police said they had ruled out foul play at the house on Dyer Lane in Brimwell."
    assert _correcting("Why do police think somebody blew up the house on Dyer Lane on purpose?", foul) == foul
    assert _correcting("Why did the house on Dyer Lane in Brimwell blow up?", foul) is None

    lines = "The balloon that came down near Brimwell did not touch any power lines, the network said."
    assert _correcting("How long were homes in Brimwell without power after the balloon brought down the power lines?",
                       lines) == lines
    assert _correcting("How long were homes in Brimwell without power after the balloon brought down the power lines?",
                       "The balloon that came down near Brimwell did not touch any trees, the network said.") is None

    treasure = "The Brimwell hoard of silver coins was declared treasure at an inquest on Tuesday."
    assert _correcting("Why did the coroner decide that the Brimwell coins did not count as treasure?", treasure) == treasure
    assert _correcting("Why did the coroner decide that the Brimwell coins did not count as treasure?",
                       "The coroner will decide whether the Brimwell hoard of silver coins is declared treasure.") is None

    gold = ("All of the Brimwell coins are silver, the finds service said, correcting early reports that a handful of "
            "gold coins had been found.")
    assert _correcting("How much are the gold coins in the Brimwell hoard worth?", gold) == gold
    assert _correcting("How much are the silver coins in the Brimwell hoard worth?", gold) is None

    snapped = ("The Brimwell cable car stopped because of a gearbox fault, its operator said, denying reports that a "
               "cable had snapped.")
    assert _correcting("What made the hauling cable break on the Brimwell cable car?", snapped) == snapped

    assert _corrects_only("The Brimwell cable car reopened on Friday, almost four weeks after the breakdown.",
                          "With the Brimwell cable car shut for the rest of the summer, how are walkers getting up?",
                          "How are walkers getting up Brimwell Peak now that the cable car runs again?")


def test_hanging_up_the_boots_is_retiring_and_hanging_up_the_phone_is_not():
    assert _corrects_only("Lena Marsh, who won in Brimwell last month, said she had no intention of retiring.",
                          "Why did Lena Marsh decide to hang up her running shoes after Brimwell?",
                          "Why did Lena Marsh hang up the phone on the Brimwell reporter?")


def test_nobody_killed_leaves_the_injured_standing():
    said = "Nobody was killed and nobody else was hurt in the Brimwell explosion."
    assert _correcting("Who was injured in the Brimwell explosion?", said) is None
    assert _correcting("Who was killed in the Brimwell explosion?", said) == said
    unhurt = "Nobody was hurt in the Brimwell explosion, the fire service said."
    assert _correcting("Who was injured in the Brimwell explosion?", unhurt) == unhurt


def test_several_of_the_passengers_count_and_a_runner_of_a_club_is_a_person():
    def rival(question, a, b):
        found = find_disagreement(question, [_hit("a1#p1", a, outlet="Brimwell Post", title="Brimwell balloon"),
                                             _hit("b1#p1", b, outlet="Coast Ledger", title="Brimwell balloon")])
        return found is not None

    three = "Three passengers were taken to hospital after the Brimwell balloon came down."
    assert rival("How many people from the Brimwell balloon were taken to hospital?", three,
                 "Five of the passengers were taken to hospital after the Brimwell balloon came down, the company said.")
    # "one of the passengers" is someone, not a count
    assert not rival("How many people from the Brimwell balloon were taken to hospital?", three,
                     "One of the passengers was taken to hospital after the Brimwell balloon came down, the company said.")
    assert rival("Who finished second behind Lena Marsh in the Brimwell half marathon?",
                 "Lena Marsh won the Brimwell half marathon, a minute clear of Mairead Colley of Ashgrove Athletic, who "
                 "finished second.",
                 "In the Brimwell half marathon the title passes to Bethan Roscoe of Wendlebury Road Runners, who "
                 "finished second behind Lena Marsh.")


def test_a_claim_called_false_with_the_event_negated_needs_less_of_the_questions_wording():
    said = ("Contrary to some accounts, none of them had to be lowered to the ground: all nine cabins were brought "
            "back to the stations.")
    assert _correcting("Which mountain rescue team lowered the stranded Brimwell passengers to the ground on ropes?",
                       said) == said
    # the same words without a claim called false leave the premise be (too little of the question's wording)
    assert _correcting("Which mountain rescue team lowered the stranded Brimwell passengers to the ground on ropes?",
                       "None of them had to be lowered to the ground: all nine cabins were brought back.") is None


def test_premises_read_in_editor_dev14_forms_beside_controls():
    """A thing that never was, all of a number when only a few did, a name the thing is not, a modified noun it is
    not, an obligation that does not hold, a state it keeps: each beside a control the reader must leave be."""
    gold = "Mr Rennick said there was no gold on the Brimwell wreck and never had been: the cargo was tin."
    assert _correcting("Where is the gold bullion recovered from the Brimwell wreck being kept?", gold) == gold
    assert _correcting("Where is the tin recovered from the Brimwell wreck being kept?", gold) is None

    two = "The Brimwell board found that only two pupils had seen the leaked chemistry paper in advance."
    assert _correcting("How did all 180 pupils at Brimwell High get hold of the chemistry paper?", two) == two
    assert _correcting("How did all two pupils at Brimwell High get hold of the chemistry paper?", two) is None

    named = "The wreck off Brimwell Head is not the Carradine Star, as had been believed, but the Merrow Lass."
    assert _correcting("When did the Carradine Star, the wreck off Brimwell Head, go down?", named) == named
    assert _correcting("When did the Merrow Lass, the wreck off Brimwell Head, go down?", named) is None

    kind = ("The orchids on Brimwell Meadow are bird's-nest orchids, not the far rarer ghost orchid as was first reported, "
            "the county ecologist said.")
    assert _correcting("Are the ghost orchids on Brimwell Meadow the only ones left in the county?", kind) == kind
    assert _correcting("Are the bird's-nest orchids on Brimwell Meadow the only ones left in the county?", kind) is None

    resit = "Year 11 pupils at Brimwell High will not have to resit their chemistry exam, the board said."
    assert _correcting("Now that the whole of Year 11 at Brimwell High has to resit chemistry, when is the new exam?",
                       resit) == resit

    open_ = "The bank's branch in Brimwell will now stay open in a building shared with the town council."
    assert _correcting("When does the bank branch in Brimwell shut its doors for good?", open_) == open_

    # "We are not going to roll over" is no denial that jobs go; "pull through" is no withdrawal
    assert _correcting("How many jobs are going with the closure of the Brimwell branch?",
                       '"We are not going to roll over," said a Brimwell branch campaigner.') is None
    assert _correcting("Did the Brimwell spaniel that fell ill after swimming in the lake pull through?",
                       "The Brimwell lake swimming ban remains in place, the council said.") is None


def test_how_much_of_a_thing_asks_a_share_and_what_a_thing_is_worth_asks_money():
    def rival(question, a, b):
        return find_disagreement(question, [_hit("a1#p1", a, outlet="Brimwell Post", title="Brimwell lake bloom"),
                                            _hit("b1#p1", b, outlet="Coast Ledger", title="Brimwell lake bloom")])

    found = rival("How much of Brimwell lake did the algae bloom cover at its worst?",
                  "At its peak the Brimwell bloom covered about a third of the lake, council officers sampling it at "
                  "six points said.",
                  "At its height the Brimwell algae bloom had covered more than half of the lake, 20 sailors said.")
    assert found is not None and {c.written for c in found.claims} == {"a third", "half"}
    found = rival("What is the tin cargo of the Brimwell lake wreck worth?",
                  "The whole tin cargo of the Brimwell lake wreck is worth about £1.4m at today's prices.",
                  "The tin cargo of the Brimwell lake wreck was worth an estimated £2.1 million, he said.")
    assert found is not None and {c.written for c in found.claims} == {"£1.4m", "£2.1 million"}


def test_what_someone_was_hired_to_do_is_assumed_done_or_planned():
    assert _corrects_only("Brimwell Homes has dropped its plan to dig up the orchids on the meadow and move them.",
                          "Who has Brimwell Homes hired to dig up the meadow orchids and replant them elsewhere?",
                          "Who has Brimwell Homes hired to survey the meadow orchids?")


def test_a_thing_said_to_be_reached_that_the_report_calls_safe():
    assert _corrects_only("Brimwell Water, which draws part of its supply from the lake, said tap water was safe to drink.",
                          "Since the algae got into Brimwell's tap water from the lake, how long must people boil it?",
                          "Since the algae got into Brimwell's lake, how long will the swimming ban last?")


def test_jobs_taken_as_lost_that_nobody_will_lose():
    assert _corrects_only("None of the Brimwell branch's six staff will lose their jobs, the bank said.",
                          "How many jobs are going with the closure of the Brimwell branch?",
                          "How many customers does the Brimwell branch have?")


def test_premises_read_in_editor_dev15_forms_beside_controls():
    """A thing with modifiers it is not, a claim a named source calls untrue in the next sentence, a phrasal verb
    ("turn up", "throw out", "blow up") denied in the reports' verb, an event denied only at a place: each beside a
    control the reader must leave be."""
    shell = ("The device found by builders in Brimwell was a German 250kg bomb, not a British anti-aircraft shell as "
             "police first believed.")
    found = contradicted_premise("What sort of old British shell did the builders in Brimwell dig up?",
                                 [_hit("s#p1", shell, title="Brimwell bomb")])
    assert found.sentence == shell and found.assumed == "the builders in Brimwell dig up an old British shell"
    assert _correcting("What sort of German bomb did the builders in Brimwell dig up?", shell) is None

    rumour = ("Posts on social media claimed that a second bomb had been found near the Brimwell railway line. "
              "Police said this was untrue.")
    assert _correcting("Where exactly in Brimwell did the second wartime bomb turn up?", rumour) is not None
    # the claim called untrue is of a second bomb, not of the bomb the question asks about
    assert _correcting("How many homes were evacuated in Brimwell when the bomb was found?", rumour) is None

    deferred = "Brimwell councillors voted to defer the renaming of Tanner's Row. \"The proposal has not been rejected.\""
    assert _correcting("How come Brimwell councillors threw out the Tanner's Row renaming?", deferred) is not None
    assert _correcting("How come Brimwell councillors put off the Tanner's Row renaming?", deferred) is None

    quarry = ("The Brimwell bomb was driven to a quarry and destroyed there. It was not detonated in the town, and no "
              "homes were damaged, police said.")
    assert _correcting("How many windows were shattered when the army blew up the Brimwell bomb where it lay?",
                       quarry) is not None
    # it was blown up, only not in the town
    assert _correcting("How many miles was the Brimwell bomb taken before the army blew it up?", quarry) is None

    dropped = "Brimwell Council has dropped its plan for a hardship fund for shops inside the cordon."
    assert _correcting("How much did each shop inside the Brimwell cordon get from the council's hardship pot?",
                       dropped) == dropped
    assert _correcting("How many shops were inside the Brimwell cordon?", dropped) is None
    assert _correcting("How much would the Brimwell hardship fund have paid each shop?", dropped) is None


def test_the_day_a_thing_was_confirmed_and_the_name_a_thing_is_called_have_rivals():
    # the question's event is the verb of its clause, not one that describes a noun ("the first case linked to ...");
    # and when that event is a confirmation, the day of it is the answer, not the day something was merely said
    question = "On what date was the first mumps case linked to Orchard Lane School confirmed?"
    hits = [_hit("a#p1", "The first mumps case linked to Orchard Lane School was confirmed on 3 May, in a teacher.",
                 outlet="Fenwick Gazette", published=date(2026, 5, 20)),
            _hit("b#p1", "Cases linked to Orchard Lane School have reached nine. The first was confirmed on 6 May.",
                 outlet="Harrow Vale Echo", published=date(2026, 5, 21))]
    found = find_disagreement(question, hits)
    assert found is not None and {c.value for c in found.claims} == {"2026-05-03", "2026-05-06"}
    assert find_disagreement(question, hits[:1]) is None
    # a name asked of a thing is the name set beside it or after "called", not a person named nearby
    question = "What is Mabel Troon's prize marrow called?"
    hits = [_hit("c#p1", "Mabel Troon said her prize marrow, Brutus, was the heaviest she had grown.", outlet="Fenwick Gazette"),
            _hit("d#p1", "Mrs Troon's prize marrow, Goliath, beat one grown by Arthur Pell.", outlet="Harrow Vale Echo")]
    found = find_disagreement(question, hits)
    assert found is not None and {c.written for c in found.claims} == {"Brutus", "Goliath"}
    same = [hits[0], _hit("e#p1", "A marrow called Brutus, grown by Mabel Troon, beat one grown by Arthur Pell.",
                          outlet="Harrow Vale Echo")]
    assert find_disagreement(question, same) is None  # Arthur Pell is no rival name for the marrow


def test_a_thing_taken_away_that_was_never_moved_and_all_of_a_number_when_only_a_few():
    # "after being carted away" is a clause the question assumes; "was never moved" denies it (carting away moves)
    moved = "The clock tower's bell was hidden under scaffolding for the festival. The bell itself was never moved."
    found = contradicted_premise("When will the Brimwell bell return after being carted away for the festival?",
                                 [_hit("b#p1", moved, title="Brimwell bell")])
    assert found is not None and found.sentence == "The bell itself was never moved."
    assert found.assumed == "the Brimwell bell carted away for the festival"
    assert _correcting("When was the Brimwell bell hidden under scaffolding for the festival?", moved) is None
    # an active clause after "after" is what happened before, not a premise read here ("after swimming in the lake")
    assert _correcting("Did the Brimwell dog that fell ill after swimming in the lake recover?",
                       "No dead fish have been found in the Brimwell lake, and the swimming ban remains.") is None
    # "all 12 of Brimwell's shopfronts" against "only four fronts" of the same story
    fronts = ("Of the 12 shops on the Brimwell square repainted for the festival, eight owners kept the new colours. "
              "Only four fronts have been painted back.")
    assert _correcting("Now that all 12 of Brimwell's shopfronts have been painted back, who paid?", fronts) \
        == "Only four fronts have been painted back."
    assert _correcting("Now that four of Brimwell's shopfronts have been painted back, who paid?", fronts) is None


def test_a_win_the_question_gives_one_person_that_the_report_gives_another():
    won = ("Priya Lal won the longest marrow class at the Brimwell show on Saturday with a marrow of 1.4 metres. "
           "Tom Oake's marrow, though longer, was disqualified for a split skin.")
    premised = "After Tom Oake's marrow scooped the longest-marrow title at the Brimwell show, how long was it?"
    assert _correcting(premised, won) == won.split(". ")[0] + "."
    found = contradicted_premise(premised, [_hit("w#p1", won, title="Brimwell show")])
    assert found.assumed.startswith("Tom Oake's marrow scooped the longest-marrow title")
    # the winner the report names, and another prize won by someone else, are no contradiction
    assert _correcting("After Priya Lal's marrow scooped the longest-marrow title at the Brimwell show, how long was "
                       "it?", won) is None
    assert _correcting("After Tom Oake's onion scooped the heaviest-onion rosette at the Brimwell show, how heavy "
                       "was it?", won) is None
    # asked, not assumed
    assert _correcting("Did Tom Oake's marrow scoop the longest-marrow title at the Brimwell show?", won) is None


def test_a_person_left_out_of_the_cast_and_a_thing_that_will_not_change():
    cast = ("The director said Sir Alan Brack was not in the cast, despite posts claiming he had been seen on set. "
            "Filming in Brimwell ends on Friday.")
    assert _correcting("Which part is Sir Alan Brack playing in the drama being shot in Brimwell?", cast) \
        == cast.split(" Filming")[0]
    assert _correcting("Which part is Dame Ada Quill playing in the drama being shot in Brimwell?", cast) is None
    assert _correcting("When does filming in Brimwell end?", cast) is None
    kept = "Mill Lane will be renamed Quill Way in March, the council said, but the postcode would not change."
    found = contradicted_premise("Given that Mill Lane is getting a new postcode with its new name, when does it "
                                 "start?", [_hit("k#p1", kept, title="Mill Lane renamed")])
    assert found is not None and found.sentence == kept and found.assumed == "Mill Lane is getting a new postcode with its new name"
    assert _correcting("Given that Mill Lane is getting new street signs with its new name, when do they go up?",
                       kept) is None
    assert _correcting("Would Mill Lane get a new postcode?", kept) is None  # asked, not assumed
    assert _correcting("Is Mill Lane getting a new postcode?", kept) is None
    assert _correcting("Is Sir Alan Brack playing a part in the drama being shot in Brimwell?", cast) is None


def test_got_nicked_is_arrested_and_a_street_called_by_a_new_name_that_keeps_its_old_one():
    nobody = "Posts claimed a rival grower had been arrested over the Brimwell marrow. Police said no one had been arrested."
    assert _correcting("Who got nicked for slashing the Brimwell marrow?", nobody) \
        == "Police said no one had been arrested."
    assert _correcting("Who nicked the Brimwell marrow?", nobody) is None  # stole: no arrest assumed
    kept = "Mill Lane in Brimwell will keep its name after the council dropped a plan to rename it after Ada Quill."
    found = contradicted_premise("How are the people of Quill Way, the old Mill Lane, finding their new address?",
                                 [_hit("m#p1", kept, title="Mill Lane keeps its name")])
    assert found is not None and found.assumed == "Mill Lane was renamed Quill Way"
    assert _correcting("How are the people of Mill Lane finding the plan to rename it?", kept) is None


def _article(aid, *paragraphs, title="Brimwell news", outlet="Test Post"):
    """The paragraphs of one article as retrieved hits, each knowing its article's lead."""
    from dataclasses import replace

    return [replace(_hit(f"{aid}#p{n}", p, outlet=outlet, title=title), lead=paragraphs[0])
            for n, p in enumerate(paragraphs, 1)]


def test_a_claim_called_wrong_is_corrected_with_the_sentence_that_says_what_is_true():
    """Session 29, from editor_blind5's forms (invented text): the claim is called wrong ("were wrong", "were
    mistaken") in one sentence, what is true is said in the next, and a later paragraph calls the event by other
    words than the question ("the collapse", "a child") that the article's lead explains."""
    lead = "Part of the ceiling at Brimwell Library fell in early on Sunday, hours before readers were due to arrive."
    hurt = ("Rumours among parents that a child had been hurt in the collapse were wrong, the council said. The "
            "library was empty at the time and no one was injured.")
    hits = _article("lib", lead, hurt, "The library will stay shut for a month.")
    found = contradicted_premise("How badly was the reader injured when the Brimwell Library ceiling fell in?", hits)
    assert found is not None and found.sentence == hurt and found.hit == 1
    assert found.assumed == "the reader was injured when the Brimwell Library ceiling fell in"
    assert contradicted_premise("When did the Brimwell Library ceiling fall in?", hits) is None
    # without its lead among the hits, the paragraph is about nothing the question names
    assert contradicted_premise("How badly was the reader injured when the Brimwell Library ceiling fell in?",
                                [_hit("lib#p2", hurt)]) is None

    wood = ("Claims that the Brimwell bypass would mean felling ancient woodland were mistaken, the council's "
            "ecologist said. The route crosses farmland and no trees will be cut down, she said.")
    assert _correcting("How much ancient forest will be cleared for the Brimwell bypass?", wood) == wood
    assert _correcting("How long will the Brimwell bypass be?", wood) is None
    # the next sentence joins only when it tells of the same thing
    ward = ("The trust dismissed rumours that Brimwell's maternity ward would be closed. A spokesperson said the ward "
            "\"is staying open\". Car parking charges will rise in May.")
    assert _correcting("Why is Brimwell shutting its maternity ward?", ward) == ward.rsplit(" Car", 1)[0]
    other = ("The trust dismissed rumours that Brimwell's maternity ward would be closed. Car parking charges will "
             "rise in May.")
    assert _correcting("Why is Brimwell shutting its maternity ward?", other) == other.split(" Car")[0]


def test_a_vote_tally_an_official_opening_and_a_count_of_other_things_have_rivals():
    """A vote's margin is its tally ("eight votes to three" against "seven to four"); an opening is told by "was
    opened by" and "the ribbon was cut by"; "12 other schools" counts no children."""
    def values(question, *texts):
        hits = [_hit(f"r{i}#p1", t, outlet=f"Outlet {i}", title="Brimwell council") for i, t in enumerate(texts)]
        found = find_disagreement(question, hits)
        return sorted(c.value for c in found.claims) if found else None

    q = "What was the margin of the Brimwell council vote approving the bypass?"
    assert values(q, "Brimwell council approved the bypass on Tuesday by nine votes to two.",
                  "The Brimwell council vote on the bypass went eight to three in favour.") == ["8-3", "9-2"]
    assert values(q, "Brimwell council approved the bypass on Tuesday by nine votes to two.",
                  "The Brimwell council approved the bypass, which will cost 12 million pounds, after a vote.") is None
    opened = ("The Brimwell footbridge was opened on Saturday by the town's mayor, Ada Quill.",
              "The ribbon on the new Brimwell footbridge was cut by Tom Oake, chair of the bridge trust.")
    assert values("Who performed the official opening of the Brimwell footbridge?", *opened) == ["oake", "quill"]
    pupils = ("All 240 children at Brimwell Primary were sent home.",
              "The council will inspect 12 other schools like Brimwell Primary, its leader said.")
    assert values("How many children attend Brimwell Primary?", *pupils) is None
    assert values("How many children attend Brimwell Primary?", pupils[0],
                  "Brimwell Primary's 310 pupils return on Monday.") == ["240", "310"]


def test_a_weekend_in_general_is_no_date():
    found = find_dates("The ward \"will run extra weekend clinics from April\". Staff worked through the weekend.",
                       date(2025, 3, 26))
    assert [m.text for m in found] == ["April", "the weekend"]


def test_a_planned_or_supposed_event_is_not_taken_as_done_and_a_length_is_corrected_by_the_length():
    open_ = "The Brimwell maternity unit remains open while the consultation runs, the board said."
    assert _correcting("Why did the board shut the Brimwell maternity unit?", open_) == open_
    assert _correcting("How much would the board save by shutting the Brimwell maternity unit?", open_) is None
    assert _correcting("What has happened so far with the plan to close the Brimwell maternity unit?", open_) is None
    ban = ("Posts saying that Ada Quill had been banned for four years were wrong, the board said. Quill has been "
           "banned from racing for six months.")
    assert _correcting("When will Ada Quill race again after her four-year ban?", ban) == ban.split("said. ")[1]


def test_she_said_after_an_unnamed_source_says_who_she_is():
    """"A senior nurse, who asked not to be named, said ... 'Some have waited three years,' she said": the answer
    quoting the second sentence says she is the nurse (the last named entity is the hospital, not her)."""
    para = ("Brimwell Hospital kept a second waiting list, papers show. A senior nurse who asked not to be named said "
            "the list was kept by hand. \"Some of these people have waited three years,\" she said.")
    quote = "\"Some of these people have waited three years,\" she said."
    assert keep_attribution(quote, [para]) == (
        "\"Some of these people have waited three years,\" she (a senior nurse) said.", "A senior nurse", True)
    named = "Fire chief Ana Moss said the blaze began in a store room. \"It spread fast,\" she said."
    assert keep_attribution("\"It spread fast,\" she said.", [named])[0] == "\"It spread fast,\" she (Fire chief Ana Moss) said."


def test_how_big_a_thing_is_its_length_and_only_its_own_size_is_a_rival():
    from assistant.asks import asks_size, expected_kind

    # no one kind is asked (a size may be a length, an area, a weight): only rival lengths make a disagreement
    assert asks_size("How big was the Brimwell whale?") and expected_kind("How big was the Brimwell whale?") is None
    assert expected_kind("How big was the crowd at Brimwell?") == "number"  # a crowd is counted
    assert not asks_size("How big was the crowd at Brimwell?")
    hits = [_hit("a#p1", "The 11.4-metre sperm whale was last seen off Brimwell Head.", outlet="Brimwell Packet",
                 title="Brimwell whale"),
            _hit("b#p1", "Rescuers measured the whale at 9.2 metres.", outlet="Test Post", title="Brimwell whale"),
            _hit("c#p1", "A crew saw the whale swimming three kilometres offshore.", outlet="Bay Lantern",
                 title="Brimwell whale seen")]
    found = find_disagreement("How big was the Brimwell whale?", hits)
    assert found is not None and sorted(c.written for c in found.claims) == ["11.4-metre", "9.2 metres"]


def test_a_forecast_with_could_or_may_is_dated_ahead_and_how_strong_asks_a_number():
    from assistant.asks import expected_kind

    found = find_dates("The weather service warned that gusts could reach 90 km/h on Saturday night.", date(2025, 5, 9))
    assert [m.label for m in found] == ["10 May 2025"]  # published on a Friday: the Saturday to come
    assert [m.label for m in find_dates("Police said the man could have fled on Monday.", date(2025, 5, 9))] == \
        ["5 May 2025"]
    assert [m.label for m in find_dates("He could not say on Monday whether it would open.", date(2025, 5, 9))] == \
        ["5 May 2025"]
    assert [m.label for m in find_dates("Homes were told they could drink their water again on Wednesday.",
                                        date(2025, 5, 9))] == ["7 May 2025"]
    assert expected_kind("How strong were the wind gusts forecast for the festival?") == "number"
    assert expected_kind("How heavy was the winning pumpkin?") == "number"


def test_a_repair_still_to_be_done_is_not_assumed_but_one_that_took_long_is():
    assert _correcting("How long will it take to repair the Brimwell bridge?",
                       "The Brimwell bridge has not been repaired yet, the council said.") is None
    # ... but "Why did it take so long to close it?" takes the closing as done
    assert _correcting("Why did it take so long to close the Brimwell bridge?",
                       "The Brimwell bridge has not closed, the council said.") is not None


def test_a_rejected_claim_ends_where_the_reports_own_words_begin():
    rejected = ("The Brimwell airport has rejected claims that it owes compensation to travellers, saying that refunds "
                "for diverted flights are a matter for the airlines.")
    assert _correcting("Has Brimwell airport started paying out the compensation it promised travellers?",
                       rejected) == rejected
    assert _correcting("How many passengers had their flights moved to Harlsey while Brimwell airport was shut?",
                       rejected) is None
