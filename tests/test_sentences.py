from assistant.sentences import sentence_spans, split_sentences


def test_splits_on_terminal_punctuation_but_not_abbreviations_or_decimals():
    text = 'Mr. Smith met Dr. Jones in the U.S. Army base. They lost 3.5 tons. He said "no." Then? Yes!'
    assert split_sentences(text) == [
        "Mr. Smith met Dr. Jones in the U.S. Army base.",
        "They lost 3.5 tons.",
        'He said "no."',
        "Then?",
        "Yes!",
    ]


def test_numbering_abbreviation_and_initials():
    assert split_sentences("The No. 645 train runs. John F. Kennedy spoke.") == [
        "The No. 645 train runs.", "John F. Kennedy spoke."]


def test_spans_point_into_the_text():
    text = "  One two.  Three four?\nFive."
    for s, e in sentence_spans(text):
        assert text[s:e].strip() == text[s:e] and text[s:e]
    assert len(sentence_spans(text)) == 3
