"""The support checker on hand-made supported and unsupported pairs."""

import pytest

from assistant.support import SupportChecker, quoted_spans

PARA = (
    "The Ukrainian Military Intelligence Directorate stated on the 14th that joint forces suffered "
    "substantial losses. They estimated around 200 casualties. Mayor Ingrid Kalt called the decision "
    "\u201ca betrayal of the islands\u201d and said the council would appeal."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukrainian military intelligence estimated around 200 casualties among the joint forces.",
        "Ingrid Kalt called the decision \u201ca betrayal of the islands\u201d.",
        "The council would appeal, the mayor said.",
    ],
)
def test_supported(sentence):
    v = SupportChecker().check(sentence, PARA)
    assert v.supported, v.reasons


@pytest.mark.parametrize(
    "sentence, reason",
    [
        ("Ukrainian military intelligence estimated around 300 casualties among the joint forces.", "numbers"),
        ("Mayor Maria Ostrova called the decision a betrayal of the islands.", "names"),
        ("Ingrid Kalt called the decision \u201ca betrayal of the nation\u201d.", "quote"),
        ("The harbour will build a new bridge to the mainland next spring.", "too little"),
        ("The council said Chinese officials welcomed the decision.", "names"),
    ],
)
def test_unsupported_changed_numbers_swapped_names_altered_quotes_outside_claims(sentence, reason):
    v = SupportChecker().check(sentence, PARA)
    assert not v.supported
    assert any(reason in r for r in v.reasons), v.reasons


def test_title_counts_as_part_of_the_source():
    v = SupportChecker().check("The Tessel bridge reopened.", "It reopened on Friday.", title="Tessel bridge reopens")
    assert v.supported


def test_quoted_spans():
    assert quoted_spans('He said "no way out" and \u201cnever again\u201d.') == ["no way out", "never again"]


def test_a_name_opening_the_sentence_is_checked_too():
    v = SupportChecker().check("China did not say anything about the decision of the council.", PARA)
    assert not v.supported and "China" in v.missing_names
    assert SupportChecker().check("According to the directorate, around 200 casualties were estimated.", PARA).supported


def test_a_claim_with_one_new_key_word_is_not_supported():
    para = ("In a recent development, Russia has facilitated the withdrawal of North Korean embassy staff from Syria. "
            "Reports indicate the embassy in Damascus remains open.")
    v = SupportChecker().check("The Russian ambassador to Syria is currently in Damascus, according to reports.", para)
    assert not v.supported


def test_the_publication_day_is_not_a_source_for_event_dates():
    from datetime import date

    from assistant.support import source_label

    label = source_label("Train resumes", date(2024, 12, 16))
    para = "The No. 645/646 train will resume operations. It was announced on the 15th."
    assert SupportChecker().check("The train will resume operations, it was announced on 15 December 2024.", para, label).supported
    assert not SupportChecker().check("The first No. 645/646 train will run on December 16, 2024.", para, label).supported
