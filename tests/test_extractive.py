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
    # a decade dates a thing as much as a year does: "When did they start?" "In the late 1980s"
    assert holds_kind("The two towns have shared a fire service since the late 1980s.", "date")
    assert not holds_kind("The two towns have shared a fire service for years.", "date")


def test_without_an_embedder_it_still_ranks_by_word_overlap(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    hits = a.search("Who called the decision a betrayal of the islands?", k=3)
    ranked = ExtractiveGenerator(embedder=None).candidates("Who called the decision a betrayal of the islands?", hits)
    assert "Ingrid Kalt" in ranked[0].text


def test_finer_answer_kinds_money_length_and_people_by_role():
    assert expected_kind("How much is the stolen painting worth?") == "money"
    assert expected_kind("What will it cost to repair the roof?") == "money"
    assert expected_kind("A hat sold for how much at auction?") == "money"
    assert expected_kind("How much rain fell on Sunday?") == "number"
    assert expected_kind("How long will the repairs take?") == "duration"
    assert expected_kind("Which keeper caught the red panda?") == "name"
    assert expected_kind("Which two countries were invited?") is None
    assert holds_kind("The insurer values the canvas at 2.4 million euros.", "money")
    assert holds_kind("It cost $10bn.", "money") and holds_kind("The repairs would cost 4.2 million crowns.", "money")
    assert not holds_kind("A 34-year-old man was held.", "money")
    assert holds_kind("Restoring it will take about six months.", "duration")
    assert not holds_kind("A 34-year-old man was held.", "duration")
    assert expected_kind("How far will families have to travel to give birth?") == "distance"
    assert holds_kind("Some families would face a 26-mile journey.", "distance")
    assert holds_kind("The diversion adds around 11 miles.", "distance")
    assert not holds_kind("Births will stop from 1 April, the board said on Tuesday.", "distance")


def test_the_thing_a_which_question_asks_for_skips_numbers_and_proper_modifiers():
    from assistant.asks import focus_term

    assert focus_term("Which two Pac-12 schools are in talks to leave?") == "school"
    assert focus_term("To which airport were they flown?") == "airport"
    assert focus_term("Which 3 teams won?") == "team"
    assert focus_term("What is her name?") is None
    # the first noun of the phrase "which" determines, past its adjectives (the first word after it was taken before)
    assert focus_term("Kanye West is acquiring which controversial social media platform?") == "media"
    assert focus_term("Which train service will resume?") == "train"
    assert focus_term("Which GOP lawmaker called for an inquiry?") == "lawmaker"


def test_a_name_that_opens_the_sentence_is_a_name():
    assert holds_kind("Jin, the oldest member of BTS, starts his service.", "name")
    assert holds_kind("Officials said Maria Ostrova won.", "name")
    assert not holds_kind("The oldest member starts his service this week.", "name")


def test_a_best_sentence_that_restates_the_question_is_followed_by_the_next_one():
    from datetime import date

    from assistant.refusal import RefusalModel
    from assistant.types import Hit

    text = ("The list of extinct birds that the Harbour Museum wants to bring back to the island is growing. "
            "The latest addition: the dodo. The museum opened in 1990.")
    hit = Hit("m#p1", "m", "Museum plans", "Harbour Herald", date(2024, 3, 5), text, 0, len(text), 1.0, 1, 1)
    always = RefusalModel(("best",), (0.0,), (1.0,), (10.0, 0.0), threshold=0.0)
    gen = ExtractiveGenerator(refusal=always)
    draft = gen.generate("Which extinct bird does the Harbour Museum want to bring back to the island?", [hit])
    assert [s.text for s in draft.sentences][:2] == [text.split(". ")[0] + ".", "The latest addition: the dodo."]
    # a sentence that adds to the question stands alone
    draft = gen.generate("When did the Harbour Museum open?", [hit])
    assert "The latest addition: the dodo." not in [s.text for s in draft.sentences]


def test_a_name_from_the_lead_counts_for_a_later_paragraph_of_the_same_article():
    """News names the museum once, in the lead, and says "the museum" after: the paragraph with the value
    must not lose to the lead for lacking the name."""
    from datetime import date

    from assistant.refusal import RefusalModel
    from assistant.types import Hit

    def hit(n, text, article="theft"):
        return Hit(f"{article}#p{n}", article, "Painting stolen from museum", "Calder Post", date(2024, 9, 17),
                   text, 0, len(text), 1.0, n, n)

    hits = [hit(1, "A painting has been stolen from the Vantmoor Civic Museum, police said on Monday."),
            hit(3, "The museum's insurer values the canvas at 2.4 million euros."),
            hit(1, "A painting was stolen from a gallery in Ossingham, which values it at 9 million euros.", "other")]
    always = RefusalModel(("best",), (0.0,), (1.0,), (10.0, 0.0), threshold=0.0)
    ranked = ExtractiveGenerator(refusal=always).candidates(
        "How much is the painting stolen from the Vantmoor Civic Museum worth?", hits)
    value = next(c for c in ranked if c.text.startswith("The museum's insurer"))
    assert value.entities == 1.0 and value.score > 0  # it scored 0 and the question was refused
    other = [c for c in ranked if c.hit == 2]
    assert other and other[0].entities < 1.0  # another article never lends its names
    # the lead itself was not retrieved: the hit carries it (``Hit.lead``, set by retrieval)
    from dataclasses import replace

    alone = [replace(hits[1], lead=hits[0].text), hits[2]]
    ranked = ExtractiveGenerator(refusal=always).candidates(
        "How much is the painting stolen from the Vantmoor Civic Museum worth?", alone)
    assert ranked[0].text.startswith("The museum's insurer") and ranked[0].entities == 1.0
    without = ExtractiveGenerator(refusal=always).candidates(
        "How much is the painting stolen from the Vantmoor Civic Museum worth?", [hits[1], hits[2]])
    assert next(c for c in without if c.text.startswith("The museum's insurer")).score == 0  # as before the lead


def test_a_question_in_the_text_is_never_quoted_as_the_answer():
    """A subheading that asks ("Why did Selby Town change its crest?") shares the question's words but answers
    nothing: the sentence that does is quoted."""
    from datetime import date

    from assistant.refusal import RefusalModel
    from assistant.types import Hit

    text = ("Why did Selby Town change its crest? The club said the new crest, a heron, will appear on shirts "
            "next season.")
    hit = Hit("s#p1", "s", "Selby Town crest", "Selby Post", date(2024, 3, 5), text, 0, len(text), 1.0, 1, 1)
    always = RefusalModel(("best",), (0.0,), (1.0,), (10.0, 0.0), threshold=0.0)
    ranked = ExtractiveGenerator(refusal=always).candidates("Selby Town has changed its crest to what?", [hit])
    assert [c.text for c in ranked] == [text.split("? ")[1]]


def test_a_why_question_prefers_the_sentence_that_gives_a_reason():
    from datetime import date

    from assistant.asks import asks_reason, gives_reason
    from assistant.settings import Settings
    from assistant.types import Hit

    assert asks_reason("Why did the makers pick Brimwell?") and asks_reason("What started the fire at the depot?")
    assert not asks_reason("What did the makers pick?") and not asks_reason("Who started the fire?")
    assert gives_reason("The fire was traced to a faulty heater.") and not gives_reason("The fire started at 2am.")
    # "What went wrong with ...?", "What's behind ...?" ask why; "blamed a formula", "driven largely by" say why
    assert asks_reason("What went wrong with the marking of the exam?") and asks_reason("What's behind the deficit?")
    assert not asks_reason("What went on sale at the market?")
    assert gives_reason("Its chief executive blamed a spreadsheet formula.")
    assert gives_reason("The gap had been driven largely by the cost of care.") and not gives_reason("He drove home.")
    # two sentences that share as many of the question's words (no embedder here: words alone score them)
    text = ("Filming of the drama The Harbour Lights begins in Brimwell on Monday. "
            "The makers chose Brimwell because its harbour has kept its old stone quays.")
    hit = Hit("f#p1", "f", "Drama to film in Brimwell", "Test Post", date(2026, 6, 1), text, 0, len(text), 1.0)
    question = "Why did the makers of The Harbour Lights pick Brimwell to film in?"

    def best(bonus):
        return ExtractiveGenerator(settings=Settings(reason_bonus=bonus)).candidates(question, [hit])[0].text

    assert best(0.0).startswith("Filming")  # the first of equals
    assert best(0.1).startswith("The makers chose Brimwell because")

    # the answer holds the best sentence that gives a reason, even when another sentence scores higher
    text = ("Filming of the drama The Harbour Lights begins in Brimwell on Monday and runs for six weeks, the makers "
            "said. The town was chosen because its harbour has kept its old stone quays.")
    hit = Hit("f#p1", "f", "Drama to film in Brimwell", "Test Post", date(2026, 6, 1), text, 0, len(text), 1.0)
    gen = ExtractiveGenerator(settings=Settings(reason_bonus=0.1, min_support=0.3))
    gen._refusal = type("Answers", (), {"p_answerable": lambda self, s: 1.0, "refuses": lambda self, s: False})()
    said = [s.text for s in gen.generate(question, [hit]).sentences]
    assert said[0].startswith("Filming") and said[-1].startswith("The town was chosen because")
    off = ExtractiveGenerator(settings=Settings(reason_bonus=0.0, min_support=0.3))
    off._refusal = gen._refusal
    assert not any("because" in s.text for s in off.generate(question, [hit]).sentences)
    # it needs as much support as a sentence answering another part of the question: three quarters of min_support
    scored = next(c.score for c in gen.candidates(question, [hit]) if "because" in c.text)
    for share, joins in ((0.9, True), (0.7, False)):
        bar = ExtractiveGenerator(settings=Settings(reason_bonus=0.1, min_support=scored / share))
        bar._refusal = gen._refusal
        assert any("because" in s.text for s in bar.generate(question, [hit]).sentences) is joins


def test_a_number_joined_to_a_noun_or_naming_a_line_counts_nothing_asked_and_trips_are_journeys():
    """"a 14-turbine farm" counts turbines, not households; "Line 2" names a line; "41,000 journeys" counts trips."""
    assert not holds_kind("Councillors approved a 14-turbine wind farm on Wednesday.", "number", "household")
    assert holds_kind("The farm would power around 38,000 homes.", "number", "household")
    assert not holds_kind("Trams ran on the new extension of Line 2 on Tuesday.", "number", "trip")
    assert holds_kind("About 41,000 journeys were made in its first week.", "number", "trip")
    assert holds_kind("Councillors approved 14 turbines on Wednesday.", "number", "turbine")


def test_the_best_sentence_holding_the_kind_asked_joins_an_answer_whose_best_sentence_lacks_it():
    """"How long had patients been waiting?": the best sentence tells of the waiting but gives no length of time;
    the one that does ("nearly three years") joins when it scores at least ``kind_share`` of the best."""
    from datetime import date

    from assistant.settings import Settings
    from assistant.types import Hit

    texts = ("Patients waiting for operations at Brimwell Hospital were kept off the official waiting list, papers "
             "show. The hospital said it was looking into it.", "A nurse said some had been left for nearly three years.")
    hits = [Hit(f"h#p{i}", "h", "Hidden waiting list at Brimwell Hospital", "Test Post", date(2025, 3, 1), t, 0,
                len(t), 1.0) for i, t in enumerate(texts, 1)]
    question = "How long had patients waiting for operations at Brimwell Hospital been kept off the official list?"

    def said(share):
        gen = ExtractiveGenerator(settings=Settings(kind_share=share))
        gen._refusal = type("Answers", (), {"p_answerable": lambda self, s: 1.0, "refuses": lambda self, s: False})()
        ranked = gen.candidates(question, hits)
        assert not ranked[0].fits and ranked[0].text.startswith("Patients")  # words alone put the waiting first
        return " ".join(s.text for s in gen.generate(question, hits).sentences)

    assert "three years" not in said(1.5)
    assert "nearly three years" in said(0.1)


def test_a_date_question_prefers_the_sentence_that_tells_its_event_in_the_past_by_any_of_its_verbs():
    """"What date was the fugitive caught?": "was recaptured on Monday" tells the event ("caught" ~ "recaptured",
    ``events.SAME_EVENT``); "a reward ... for information leading to his capture" only names it. And "On what day
    did Brimwell Town shut the stand?" asks for no town (a verb stands between "what" and "Town")."""
    from datetime import date

    from assistant.asks import named_thing_asked
    from assistant.settings import Settings
    from assistant.types import Hit

    assert named_thing_asked("On what day did Brimwell Town shut the stand?") is None
    assert named_thing_asked("Which Brimwell team won the cup?") == "team"
    texts = ("Police hunting the Brimwell prison fugitive offered a reward on Wednesday for information leading to his "
             "capture.", "The fugitive was recaptured on Monday in a barn near Brimwell.")
    hits = [Hit(f"p#p{i}", "p", "Brimwell fugitive", "Test Post", date(2026, 9, 16), t, 0, len(t), 1.0)
            for i, t in enumerate(texts, 1)]
    question = "What date was the Brimwell prison fugitive finally caught?"

    def best(bonus):
        return ExtractiveGenerator(settings=Settings(event_bonus=bonus)).candidates(question, hits)[0].text

    assert best(0.0).startswith("Police hunting")  # more of the question's words
    assert best(0.1).startswith("The fugitive was recaptured")


def test_how_old_asks_an_age_not_any_number():
    from assistant.asks import asks_age, states_age

    assert asks_age("How old is the whale that stranded on Tollan Strand?") and not asks_age("How long is the whale?")
    assert states_age("The animal was probably about six years old.") and states_age("Dorian Pask, 34, was found.")
    assert states_age("A 17-year-old boy was arrested.") and states_age("She was aged 80.")
    assert not states_age("Volunteers spent nine hours keeping it wet.")
    from datetime import date

    from assistant.types import Hit

    texts = ("A whale stranded on Brimwell Strand was refloated after volunteers spent nine hours keeping it wet.",
             "A scientist said the animal was probably about six years old.")
    hits = [Hit(f"w#p{i}", "w", "Brimwell whale", "Test Post", date(2026, 11, 4), t, 0, len(t), 1.0)
            for i, t in enumerate(texts, 1)]
    ranked = ExtractiveGenerator().candidates("How old is the whale that stranded on Brimwell Strand?", hits)
    assert [c.fits for c in ranked if "nine hours" in c.text] == [False]
    assert [c.fits for c in ranked if "six years old" in c.text] == [True]


def test_a_cause_nobody_gives_in_so_many_words_is_someones_account_not_the_event_told_again():
    """"What caused the explosion?": no sentence says "because"; the lead tells the explosion again ("after an
    explosion destroyed a house" is no cause), a spokesman says it is "too early to say", and investigators
    "believe gas escaped from a corroded pipe": that account joins the answer."""
    from datetime import date

    from assistant.asks import gives_reason, withholds
    from assistant.settings import Settings
    from assistant.types import Hit

    assert gives_reason("Homes were evacuated after the blast.") and not gives_reason(
        "Homes were evacuated after the blast.", strong=True)
    assert gives_reason("The line closed because of a fault.", strong=True)
    assert withholds("It is too early to say what caused this, a spokesman said.")
    texts = ("A man was pulled from the rubble after an explosion destroyed a house on Mill Row in Brimwell.",
             "\"It is too early to say what caused this,\" said a spokesman for the gas company.",
             "Fire investigators believe gas escaped from a corroded pipe under the house on Mill Row, said a fire "
             "officer.")
    hits = [Hit(f"x#p{i}", "x", "Explosion on Mill Row", "Test Post", date(2026, 10, 11), t, 0, len(t), 1.0)
            for i, t in enumerate(texts, 1)]
    gen = ExtractiveGenerator(settings=Settings(min_support=0.2))
    gen._refusal = type("Answers", (), {"p_answerable": lambda self, s: 1.0, "refuses": lambda self, s: False})()
    said = " ".join(s.text for s in gen.generate("What caused the explosion that destroyed the house on Mill Row in "
                                                 "Brimwell?", hits).sentences)
    assert "corroded pipe" in said and "too early" not in said
    off = ExtractiveGenerator(settings=Settings(min_support=0.2, reason_bonus=0.0))
    off._refusal = gen._refusal
    assert "corroded pipe" not in " ".join(
        s.text for s in off.generate("What caused the explosion that destroyed the house on Mill Row in Brimwell?",
                                     hits).sentences)
