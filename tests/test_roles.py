"""Who did what: a sentence that gives one named person's award or office to another is not supported."""

from assistant.roles import misbound
from assistant.support import SupportChecker

AWARDS = ("The period drama \"Salt Harbour\" took home best drama and best actor for Tomas Varga. "
          "Ilse Brandt and Neve Okafor garnered lead actress and supporting actor wins respectively for \"Lanterns\", "
          "while the comedy won the screenplay prize.")
COUNCIL = ("Marta Quell was elected mayor of Dunmore on Thursday. Her rival, Owen Strade, kept his seat as "
           "treasurer of the county council, which he has held since 2019.")


def test_a_role_given_to_the_wrong_named_person_is_caught():
    m = misbound("Tomas Varga won the award for best lead actress.", AWARDS)
    assert m is not None and m.word == "actress" and "Ilse Brandt" in m.other and m.name == "Tomas Varga"
    m = misbound("Owen Strade was elected mayor of Dunmore.", COUNCIL)
    assert m is not None and m.word == "mayor" and m.other == "Marta Quell"
    # a title two people share does not make them one
    towns = "Mayor Ilse Varga opened the new library, while Mayor Tomas Brandt cut the ribbon at the harbour."
    assert misbound("Mayor Tomas Brandt opened the new library.", towns).other == "Mayor Ilse Varga"
    assert misbound("Mayor Ilse Varga opened the new library.", towns) is None
    # a verb of saying in the passive is said of its subject: "was found guilty"
    m = misbound("Councillor Marta Quell said the fine would stand if Owen Strade was found liable.",
                 "Councillor Owen Strade said the fine would stand if Marta Quell was found liable.")
    assert m is not None and m.word == "liable" and m.name == "Owen Strade"


def test_roles_as_the_source_gives_them_pass():
    for sentence in ["Ilse Brandt won the award for best lead actress.",
                     "Neve Okafor won the supporting actor award.",
                     "Tomas Varga took home best actor.",
                     "Marta Quell became mayor of Dunmore.",
                     "Owen Strade is the county council's treasurer."]:
        assert misbound(sentence, AWARDS + " " + COUNCIL) is None, sentence


def test_a_pronoun_or_a_common_noun_binds_no_one():
    # "She" and "the comedy" are not names: a sentence may resolve them, or join two sentences
    para = "Ilse Brandt won best actress. She also won a critics' award. The comedy won the screenplay prize."
    assert misbound("Ilse Brandt won a critics' award.", para) is None
    assert misbound("Tomas Varga won the screenplay prize.", para) is None
    # a place stands for its government: "Washington" may be written "the United States"
    assert misbound("The United States imposed sanctions on the bank.",
                    "Washington imposed sanctions on the bank. Beijing condemned the move.") is None
    # what someone says is not said of them: the agency is the source of "faults", not their subject
    assert misbound("Vextor Motors recalled 2 million cars over faults in the braking software.",
                    "Over 2 million Vextor cars were recalled on Wednesday, the Road Safety Agency announced, over "
                    "faults in the braking software.") is None
    # the sentence's name in the same clause: the other side of the same event
    assert misbound("Owen Strade handed the chain of office to Marta Quell.",
                    "Marta Quell received the chain of office from Owen Strade.") is None


def test_the_support_check_refuses_a_swapped_role_and_says_why():
    v = SupportChecker().check("Tomas Varga won the award for best lead actress.", AWARDS)
    assert not v.supported and "actress" in v.misbound and "Ilse Brandt" in " ".join(v.reasons)
    assert v.to_json()["misbound"] == v.misbound
    assert SupportChecker().check("Ilse Brandt won the award for best lead actress.", AWARDS).supported
    # a quotation of the paragraph is its own binding
    assert SupportChecker().check(AWARDS.split(". ")[1], AWARDS).supported


def test_a_source_without_any_clause_is_read():
    # headlines and captions often have no verb with a subject: nothing binds, nothing hangs
    assert misbound("Ilse Brandt won best actress.", "Best actress: Ilse Brandt, for “Lanterns”. Photos: the night") is None
    assert misbound("Best actress: Ilse Brandt.", AWARDS) is None
