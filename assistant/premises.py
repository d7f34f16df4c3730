"""False premises: a question that assumes what the reporting contradicts.

"Why did Russia close its embassy in Damascus?" assumes a closure; the report says the embassy
"remains operational". The question's events are its verbs (spaCy's parse: the main verb and
any "when ..." clause); a retrieved sentence contradicts one when it negates that verb ("has not
resigned", "never failed"), states the opposite state from a short list ("remains open" against
"close", "will go ahead" against "cancel"), or says a place the question names was "unaffected",
in a paragraph about the same thing. The answer then
corrects the premise, quoting and citing the sentence, instead of repeating it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asks import person_noun
from .conflicts import measure, number_value
from .events import FORMS, NOMINAL, PHRASAL, SAME_EVENT, phrasal, same_event
from .nlp import parse
from .sentences import sentence_spans
from .text import article_terms, content_terms, entity_found, key_entities, names_by_article, stem, words
from .types import Hit
from . import voice

__all__ = ["Premise", "contradicted_premise"]

# Nobody hurt ("How many people were injured?" against "nobody was hurt"); nobody killed either (but "nobody was
# killed" leaves the injured standing)
_HURT = r"hurt|injured|harmed|wounded"
_UNHURT_ONLY = (rf"\bno\s*(?:one|body)\s+(?:was|were|has\s+been|had\s+been)\s+(?:{_HURT})"
                r"|\bno\s+(?:injuries|casualties)\s+(?:were|have\s+been|had\s+been)\s+reported"
                r"|\bthere\s+(?:were|have\s+been)\s+no\s+(?:injuries|casualties)")
_UNHURT = (rf"\bno\s*(?:one|body)\s+(?:was|were|has\s+been|had\s+been)\s+(?:{_HURT}|killed)"
           r"|\bno\s+(?:injuries|casualties|deaths|fatalities)\s+(?:were|have\s+been|had\s+been)\s+reported"
           r"|\bthere\s+(?:were|have\s+been)\s+no\s+(?:injuries|casualties|deaths|fatalities)")

# Opposite states worth naming; any verb is also contradicted by its own negation.
_OPPOSITES = {
    "close": r"remain(?:s|ed)?\s+(?:open|operational|in operation)|continue[sd]?\s+to\s+(?:operate|function|work)"
             r"|\bstay(?:s|ed)?\s+open\b",
    "shut": r"remain(?:s|ed)?\s+(?:open|operational)|continue[sd]?\s+to\s+operate|\bstay(?:s|ed)?\s+open\b",
    "resign": r"serve\s+out|remain(?:s|ed)?\s+in\s+office|refus\w*\s+to\s+(?:resign|step\s+down)|no\s+intention\s+of\s+resigning",
    "quit": r"serve\s+out|remain(?:s|ed)?\s+in\s+office|refus\w*\s+to\s+(?:quit|resign)",
    "cancel": r"go(?:es|ing)?\s+ahead|as\s+planned|will\s+proceed|went\s+ahead",
    "postpone": r"go(?:es|ing)?\s+ahead|as\s+planned|on\s+schedule",
    "burst": r"never\s+(?:failed|burst|broke|collapsed|breached)|held\b|remain(?:s|ed)?\s+intact",
    "fail": r"never\s+(?:failed|burst|collapsed|breached)|held\b|remain(?:s|ed)?\s+intact",
    "collapse": r"never\s+(?:failed|collapsed)|remain(?:s|ed)?\s+(?:standing|intact)",
    "destroy": r"(?:were|was)\s+not\s+(?:flooded|destroyed|damaged)|no\s+(?:homes?|houses?|buildings?)\s+(?:were|was)\s+(?:destroyed|flooded|damaged)",
    "die": r"survived|(?:is|are|was|were)\s+alive|" + _UNHURT,
    # "Has the body of the caver been recovered?": the caver was found safe
    "be found dead": r"\b(?:found|brought\s+out|rescued)\s+(?:\w+\s+)?(?:safe|alive|unhurt)\b|\bsafe\s+and\s+well\b",
    "kill": r"survived|no\s+one\s+(?:was|has\s+been)\s+killed|(?:is|are|was|were)\s+alive|" + _UNHURT,
    "injure": r"escaped\s+unhurt|\b(?:unhurt|uninjured|unharmed)\b|" + _UNHURT_ONLY,
    "withdraw": r"remain(?:s|ed)?\s+in|stay(?:s|ed)?\s+in|(?:remains?|still|stays?)\s+on\s+the\s+table"
                r"|stands?\s+by\s+(?:its|their|his|her|the)\s+(?:offer|bid|proposal)"
                # an appeal against a refusal: the scheme is pressed, not dropped
                r"|\b(?:lodged|filed|launched|submitted)\s+an\s+appeal\b|\bhas\s+appealed\b|\bis\s+appealing\b",
    "ban": r"remain(?:s|ed)?\s+legal|(?:was|is|has\s+not\s+been)\s+not\s+banned",
    "arrest": r"released\s+without\s+charge|(?:was|were)\s+not\s+arrested",
    "charge": r"released\s+without\s+charge|no\s+(?:criminal\s+)?(?:charges?\s+(?:have|has)\s+been|investigation)",
    "fire": r"\breinstated\b|remain(?:s|ed)?\s+in\s+(?:charge|post|(?:his|her)\s+post|the\s+job)|(?:has|have)\s+(?:our|their|the)\s+full\s+backing",
    "sack": r"remain(?:s|ed)?\s+in\s+(?:charge|post|(?:his|her)\s+post|the\s+job)|(?:has|have)\s+(?:our|their|the)\s+full\s+backing",
}
_OPPOSITES["dismiss"] = _OPPOSITES["fire"]
_OPPOSITES["damage"] = r"\bundamaged\b|\bnot\s+(?:been\s+)?damaged\b|\bescaped\s+(?:\w+\s+)?(?:damage|unscathed)\b|\bno\s+damage\b"
# "When did councillors approve the budget?": the vote on it was put off, or the plan was rejected
_OPPOSITES["approve"] = _OPPOSITES["adopt"] = _OPPOSITES["pass"] = (
    r"\b(?:vote|decision|approval)(?:\s+on\s+(?P<voted_on>[^.]{1,60}?))?\s+(?:was|were|has\s+been|had\s+been|is\s+being)\s+"
    r"(?:postponed|put\s+off|deferred|delayed|pushed\s+back|adjourned)"
    r"|\b(?:postponed|put\s+off|deferred|delayed)\s+(?:a|the|its|their)\s+vote\b(?!\s+on\b)"
    r"|\b(?:was|were|has\s+been|had\s+been)\s+(?:rejected|refused|turned\s+down|thrown\s+out)\b"
    r"|\bvoted\s+(?:\w+\s+){0,3}against\b|\brefused\s+(?:planning\s+)?permission\b")
# a verdict and its opposite: "Why was he cleared?" against "found guilty"; "Why was she convicted?" against "acquitted"
_OPPOSITES["clear"] = _OPPOSITES["acquit"] = (r"\bfound\s+(?:\w+\s+){0,3}guilty\b|\bconvicted\b|\bguilty\s+verdict\b")
# the verdict asked about, said in the same story: verdicts on several charges, one each way, leave the premise standing
_VERDICT = {"convict": re.compile(r"\bconvicted\b|\bfound\s+(?!not\b)(?:\w+\s+){0,3}?guilty\b", re.I)}
_VERDICT["clear"] = _VERDICT["acquit"] = re.compile(r"\bcleared\s+(?:\w+\s+){0,2}of\b|\bacquitted\b|\bnot\s+guilty\b", re.I)
_OPPOSITES["convict"] = r"\bacquitted\b|\bcleared\s+(?:\w+\s+){0,2}of\b|\bfound\s+(?:\w+\s+){0,3}not\s+guilty\b"
# "Why did the watchdog block the takeover?", "stop Amberlane from buying": it approved it
_OPPOSITES["block"] = (r"\bapproved\b|\bcleared\s+the\s+(?:deal|takeover|merger|sale|bid|way)\b|\bgo-ahead\b|\bwaved\s+"
                       r"(?:\w+\s+)?through\b|\bgave\s+(?:its|their|the)\s+(?:approval|blessing)\b")
_OPPOSITES["reject"] = _OPPOSITES["block"]
# "Where is he hiding?" assumes he is at large: he was recaptured
_OPPOSITES["hide"] = (r"\b(?:recaptured|re-arrested|rearrested|arrested|caught|detained)\b|\b(?:back|returned)\s+(?:in|to)\s+"
                      r"custody\b|\bhanded\s+himself\s+in\b|\bgave\s+himself\s+up\b")
# "With the ban still in force ...", "... still on the run", "How long will the works stay shut?": a state that has ended
_REOPENED = r"\breopen(?:ed|s|ing)?\b|\bback\s+open\b|\bopen(?:ed)?\s+again\b"
_STILL = {"in force": r"\blifted\b|\bscrapped\b|\bno\s+longer\s+in\s+force\b|\bended\b|\brevoked\b",
          "on the run": _OPPOSITES["hide"], "at large": _OPPOSITES["hide"], "missing": r"\bfound\b|\btraced\b",
          "closed": _REOPENED, "shut": _REOPENED}
_OPPOSITES["fail"] += r"|\bpassed\b"  # "failed his medical": "passed his medical"
_OPPOSITES["stay closed"] = _REOPENED
_OPPOSITES["stop"] = (r"\bunaffected\b|\b(?:running|ran|run|runs|continued|went\s+on)\s+as\s+(?:normal|usual)\b"
                      r"|(?:continued|continues|carried\s+on)\s+(?:to\s+)?(?:run|operate|work)\w*|without\s+(?:a\s+)?(?:break|pause|interruption)")
_OPPOSITES["halt"] = _OPPOSITES["suspend"] = _OPPOSITES["stop"]
_OPPOSITES["resign"] += r"|remain(?:s|ed)?\s+in\s+(?:charge|post)|not\s+stepp\w*\s+down"
_DROPPED = r"(?:dropped|scrapped|shelved|abandoned|ditched|withdrawn|withdrew)"  # a plan given up
_NEGATION = (r"(?:not|never|n't|no\s+longer)\s+(?:been\s+|be\s+)?{stem}\w*"
             # "denied closing", "denied that it closed"; not "denies all charges" (the charges stand)
             r"|(?:denied|deny|denies)\s+(?:that\s+)?(?!(?:all|the|these|those|both|any|each)\b)\w*\s*{stem}\w*"
             # "denying reports that a cable had snapped"
             r"|\b(?:denied|deny|denies|denying)\s+(?:reports?|claims?|suggestions?|rumou?rs?)\s+that\s+(?:[\w'’-]+\s+){{0,6}}?"
             r"(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:been\s+)?{stem}\w*"
             r"|\b(?:declined|declines|refused|refuses)\s+to\s+{stem}\w*"  # "declined to blame the government"
             r"|no\s+(?:plans?|intention|decision)\s+(?:to|of|has\s+been\s+taken\s+to)\s+{stem}\w*"
             r"|\bno\s+(?:formal\s+)?{stem}\w*\s+(?:has|had|have)\s+been\b"  # "no recall has been ordered"
             r"|\bno\s+{stem}\w*\s+(?:order|orders|notice|warning)\s+(?:was|were|has\s+been|had\s+been)\s+"
             r"(?:issued|given|made)\b"  # "No evacuation order was issued for Wenlow"
             r"|\b{stem}\w*\s+(?:was|is|would\s+be)\s+[\"“”']?(?:not\s+necessary|unnecessary|not\s+needed)"
             r"|\bno\s*(?:one|body)\s+(?:has|had|have|was|were|is)\s+(?:yet\s+)?(?:been\s+)?{stem}\w*"
             # "voted to repair it rather than demolish it", "ruled out closing", "plans to close it were dropped"
             r"|\b(?:rather\s+than|instead\s+of)\s+{stem}\w*|\bruled\s+out\s+(?:\w+\s+){{0,2}}{stem}\w*"
             r"|\bplans?\s+to\s+{stem}\w*\s+(?:[\w'’-]+\s+){{0,6}}(?:were|was|have\s+been|has\s+been)\s+"
             r"(?:dropped|scrapped|shelved|abandoned|withdrawn|called\s+off|axed|ditched)"
             # "the merger has been called off", "the merger would not go ahead"
             r"|\b{stem}\w*(?:\s+of\s+(?:[\w'’-]+\s+){{1,6}}?[\w'’-]+)?\s+(?:plans?\s+|proposals?\s+)?(?:has|had|have|was|were)\s+"
             r"(?:now\s+)?(?:been\s+)?(?:called\s+off|"
             r"scrapped|shelved|abandoned)\b|\b{stem}\w*\s+(?:will|would|should)\s+not\s+go\s+ahead\b"
             # "no staff at either school will lose their jobs"; "has yet to publish"
             r"|\bno\s+(?:staff|one|body|people|workers?|employees?|jobs?)(?:\s+[\w'’-]+){{0,4}}?\s+(?:will|would|has|have|had|"
             r"was|were|is|are)\s+(?:be\s+|been\s+)?{stem}\w*"
             r"|\byet\s+to\s+(?:be\s+)?{stem}\w*"  # "has yet to be approved"
             r"|\bnot\s+(?:have|need|needs|had)\s+to\s+{stem}\w*"  # "will not have to resit"
             r"|\bno\s*(?:one|body)\s+(?:needs|has|had|will\s+have)\s+to\s+{stem}\w*"  # "Nobody needs to boil"
             # "has reversed its decision to close", "has dropped its plan to dig up the orchids and move them"
             r"|\b(?:reversed|overturned|" + _DROPPED + r")\s+(?:its|their|the|his|her)\s+"
             r"(?:decision|plans?|proposals?|bid)\s+to\s+(?:\w+ly\s+)?{stem}\w*"  # the event itself, not a word after it
             r"|\bnone\s+of\s+(?:them|those|the\s+[\w-]+)\s+(?:had|has|have|was|were|needed|would)\s+(?:to\s+)?(?:be\s+|been\s+)?{stem}\w*")
# "Posts claimed the tram had been halted. That was not the case: ...": a denial of the claim just reported
_DENIAL = re.compile(r"^(?:but\s+)?(?:(?:[\w.'’]+\s+){1,4}?(?:said|says|added|insisted)\s+)?(?:that|this|it)\s+(?:was|is)\s+(?:not\s+(?:the\s+case|true|so)|untrue|false|wrong)\b", re.I)
_REPORTED = re.compile(r"\b(?:claim\w*|rumou?r\w*|posts?|reports?|reported|suggest\w*|speculat\w*|alleg\w*)\b", re.I)
# Verbs that report hearsay: what they govern is not assumed ("Why did the mayor deny that the depot closed?")
_FILED = {"file", "lodge", "launch", "bring", "mount", "make", "submit", "issue", "table"}  # a challenge, an appeal, a bid
_HEARSAY = {"deny", "rumour", "rumor", "claim", "allege", "suggest", "speculate"}
# The reporting calls a claim false in so many words; a sentence saying so of the question's event (its verb in
# any form) contradicts the premise ("Reports that the school would be demolished were untrue").
_CALLED_FALSE = re.compile(
    r"\b(?:contrary\s+to|despite)\s+(?:\w+\s+){0,3}(?:reports?|rumou?rs?|claims?|posts?|accounts?|speculation)\b"
    r"|\b(?:denied|dismissed|rejected|played\s+down)\s+(?:\w+\s+){0,3}(?:reports?|rumou?rs?|claims?|accounts?|speculation)\b"
    r"|\b(?:untrue|not\s+true|no\s+truth|unfounded|baseless|wide\s+of\s+the\s+mark|never\s+(?:been\s+)?on\s+the\s+table"
    r"|not\s+on\s+the\s+table|no\s+such\s+plans?)\b"
    # "Stories passed between parents that a child had been hurt were wrong", "Claims ... were mistaken"
    r"|\b(?:claims?|reports?|stories|rumou?rs?|posts?|suggestions?|accounts?|fears?)\b[^.;]{0,200}?\b(?:were|was|are|is|"
    r"proved|proven|turned\s+out\s+to\s+be)\s+(?:\w+\s+)?(?:wrong|mistaken|false|incorrect|inaccurate|untrue|unfounded|"
    r"groundless)\b", re.I)


# A place or body the question assumes an event touched, which the reporting says it did not ("Tarrow, which draws
# its supply from a separate borehole, has been unaffected"): said of one of the question's names, before the word.
_UNAFFECTED = re.compile(r"\b(?:unaffected|not\s+(?:been\s+)?affected|spared|untouched)\b", re.I)


# ... said of the place itself: "Brindle has been unaffected", "the village was spared", not "the square had kept its
# frontages almost untouched"
_SPARED = re.compile(r"\b(?:(?:is|was|are|were|be|been|being|remains?|remained|stays?|stayed|left)\s+(?:\w+\s+)?"
                     r"(?:unaffected|spared|untouched)|not\s+(?:been\s+)?affected)\b", re.I)


def _spared(sentence: str, names: list[str]) -> bool:
    m = _SPARED.search(sentence)
    return bool(m) and any(entity_found(n, set(content_terms(sentence[:m.start()]))) for n in names)


@dataclass(frozen=True)
class Premise:
    """What the question assumes, and the retrieved sentence that contradicts it."""

    assumed: str  # the question's words for it: "Russia close its embassy in Damascus"
    hit: int  # position of the contradicting paragraph in the hits
    sentence: str  # the contradicting sentence, word for word

    def note(self, language: str = "en") -> str:
        return voice.premise(self.assumed, language)


# Arrested, said of a person in the passive ("Who got nicked?", "the man was collared"); of a thing, "nicked" is stolen
_NICKED = {"nick", "collar", "nab"}
# What a sportsman hangs up when retiring
_KIT = {"shoe", "boot", "glove", "spike", "racket", "whistle", "helmet"}


def _events(question: str, clauses_only: bool = False) -> list[tuple[str, str, set[str]]]:
    """(verb lemma, the clause it heads, what the question is about) for each event the question assumes
    (``clauses_only``: those of its relative and adverbial clauses, not its main verb)."""
    doc = parse(question)
    about_all = set(content_terms(question))
    events = []
    heads = ("advcl", "relcl") if clauses_only else ("ROOT", "advcl", "ccomp", "relcl", "conj")
    for t in doc:
        # "has to resit"; "hired to dig up the orchids": what someone must do, or was taken on to do
        obliged = t.dep_ == "xcomp" and t.pos_ == "VERB" and t.head.lemma_.lower() in (
            "have", "need", "hire", "pay", "employ", "order", "commission", "recruit", "bring")
        # "after being carted away": a passive clause that a preposition opens
        opened = t.dep_ == "pcomp" and t.pos_ == "VERB" and t.head.lower_ in ("after", "since", "following", "despite") \
            and any(c.dep_ == "auxpass" for c in t.children)
        if t.pos_ in ("VERB", "NOUN", "ADJ") and (t.dep_ in heads or opened or (obliged and not clauses_only)) \
                and t.lemma_.lower() not in ("be", "have", "do", "happen"):
            if t.pos_ != "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in t.children) \
                    and t.dep_ != "advcl" and not any(x.dep_ in ("aux", "auxpass") for x in t.head.children):
                continue
            if _hearsay(t) or _unrealised(t):
                continue
            # the subject of "after being carted away" is that of the verb the preposition belongs to
            governor = t.head.head if opened else t.head
            subject = [c for c in list(t.children) + list(governor.children) if c.dep_ in ("nsubj", "nsubjpass")]
            words = [x for c in subject[:1] for x in c.subtree] + [t]
            words += [x for c in t.children if c.dep_ in ("dobj", "prep", "prt") or phrasal(t) != t.lemma_.lower()
                      and c.dep_ == "advmod" and (t.lemma_.lower(), c.lower_) in PHRASAL for x in c.subtree]
            if t.dep_ == "relcl" and subject and subject[0].lower_ in ("who", "which", "that"):
                # "the motorist who was swept away by the landslide": the motorist was swept away by the landslide
                words = [x for x in t.head.subtree if x.i <= t.head.i] + [c for c in t.children if c.dep_ in (
                    "aux", "auxpass", "neg")] + [t] + [x for c in t.children if c.dep_ in (
                        "dobj", "prep", "prt", "agent", "advmod") for x in c.subtree]
            thing = []
            if t.dep_ == "relcl" and t.head.pos_ == "NOUN" and not (subject and subject[0].lower_ in ("who", "which", "that")):
                # "the fungus paper that it retracted": it retracted the fungus paper
                thing = [c for c in t.head.children if c.dep_ in ("compound", "amod") and c.i < t.head.i] + [t.head]
                words = [w for w in words if w.lower_ not in ("that", "which")]
            words = [w for w in sorted({w.i: w for w in words}.values(), key=lambda x: x.i)
                     if w.lower_ not in ("how", "many", "much", "why", "when", "what", "which", "who", "where")]
            if thing:
                at = next((k for k, w in enumerate(words) if w.i == t.i), len(words) - 1) + 1
                words = words[:at] + ["the"] + thing + words[at:]
            clause = re.sub(r"\s+(['’]s)\b", r"\1", " ".join(w if isinstance(w, str) else w.text for w in words)).strip(" ?")
            restated = _inverted(_WH_OPENING.sub("", question.strip())) if t.dep_ == "ROOT" and subject else None
            if restated and restated.lower().startswith(" ".join(x.text for x in subject[0].subtree).lower()):
                clause = restated  # "How badly was the pupil injured when ...?": the pupil was injured when ...
            events.append((t.lemma_.lower(), clause, _about(clause, t.text, about_all)))
            if thing and t.lemma_.lower() in _FILED and thing[-1].lemma_.lower() not in ("case", "claim"):
                # "the challenge that Quell filed": contradicted by "would not challenge the recount"
                events.append((thing[-1].lemma_.lower(), clause, events[-1][2]))
            if phrasal(t) != t.lemma_.lower():  # "swept away" is also "carried away"
                events.append((phrasal(t), clause, events[-1][2]))
    if re.search(r"\b(?:in|to|into)\s+hospital\b|\bhospitali[sz]ed\b", question, re.I):  # "ended up in hospital": hurt
        events.append(("injure", _assumed_clause(question), about_all - {"hospital", "ended"}))
    if re.search(r"\b(?:go-ahead|green\s+light)\b", question, re.I):  # "give the homes the go-ahead": approve them
        events.append(("approve", _assumed_clause(question), about_all - {"ahead", "green", "light"}))
    body = re.search(r"\bbod(?:y|ies)\s+of\s+((?:[\w'’-]+\s+){0,8}?[\w'’-]+)(?=\s+(?:has|have|had|been|was|were|be|is)\b|\?|$)",
                     question, re.I)
    if body:  # "Has the body of the caver who got separated been recovered?" assumes the caver died
        clause = f"{body.group(1)} died"
        events.append(("be found dead", clause, _about(clause, "died", about_all)))
    known = {e[0] for e in events}
    lexicon = set(_OPPOSITES) | {v for group in SAME_EVENT for v in group}
    plain = _statement(question)
    for t in doc:
        verb = NOMINAL.get(t.lower_, NOMINAL.get(t.lemma_.lower(), phrasal(t)))
        kit = t.lemma_.lower() == "hang" and any(c.lower_ == "up" for c in t.children) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _KIT for c in t.children)  # "hang up her running shoes": retire
        if kit:
            verb = "retire"
        if t.lemma_.lower() in _NICKED and any(c.dep_ == "auxpass" for c in t.children) and any(
                c.dep_ == "nsubjpass" and (c.lower_ in ("who", "he", "she", "they") or c.ent_type_ == "PERSON"
                                           or person_noun(c.lemma_.lower())) for c in t.children):
            verb = "arrest"  # "Who got nicked for ...?": someone was arrested
        if verb in lexicon and verb not in known and not _hearsay(t) and not _unrealised(t):
            known.add(verb)
            clause = _nominal_clause(t, doc) or plain
            about = _about(clause, t.text, about_all)
            events.append((verb, clause, about - {stem(k) for k in _KIT} - {"running"} if kit else about))
    for t in doc:  # "How long will the works stay shut?", "... remain closed": assumes it is closed still
        if t.lemma_.lower() in ("stay", "remain", "keep") and "stay closed" not in known and any(
                c.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advmod") and c.lower_ in ("shut", "closed")
                for c in t.children):
            known.add("stay closed")
            subject = next((c for c in list(t.children) + list(t.head.children) if c.dep_ == "nsubj"), None)
            clause = (doc[subject.left_edge.i:subject.right_edge.i + 1].text + " is still shut" if subject is not None
                      else _assumed_clause(question))
            events.append(("stay closed", clause, _about(clause, t.text, about_all)))
    return events


_WH_OPENING = re.compile(r"^(?:how\s+\w+ly|how\s+(?:badly|bad|much|long|far|soon|often)|why|when|where|how)\s+(?=was|were|"
                         r"is|are|has|have|had)", re.I)


def _statement(question: str) -> str:
    """The question as the statement it takes for granted, by its words: "How seriously was the pupil injured when
    the roof fell in?" -> "the pupil was injured when the roof fell in" (the small parser reads "injured" there as
    describing the pupil, so this is done on the words)."""
    q = _WH_OPENING.sub("", question.strip())
    return _inverted(q) or re.sub(r"^(?:(?:why|how|when|where|what|who|which|in what|for what)\s+)?(?:(?:did|does|do|"
                                  r"was|were|is|are|has|have|had|will|would)\s+)?", "", q, flags=re.I).strip(" ?")


def _inverted(question: str) -> str | None:
    """A passive question's words put back in a statement's order: "was the pupil injured when ..." -> "the pupil
    was injured when ..."; None when they are not in that order."""
    m = re.match(r"^(?P<aux>was|were|is|are|has|have|had)\s+(?P<subj>(?:[\w'’-]+\s+){1,5}?)(?P<been>been\s+)?"
                 r"(?P<verb>\w+(?:ed|en)|hurt|hit|cut|shut|built|sold|lost|won|held|made|paid|kept|left)\b(?P<rest>.*)$",
                 question.strip(), re.I)
    if not m or not (m.group("been") or m.group("aux").lower() not in ("has", "have", "had")):
        return None
    return f"{m.group('subj')}{m.group('aux').lower()} {m.group('been') or ''}{m.group('verb')}{m.group('rest')}".strip(" ?")


# What is planned, proposed or only supposed is not taken as done: "the plan to close the unit", "would save by
# shutting it"
_PLANNED = {"plan", "proposal", "propose", "threaten", "threat", "consider", "want", "aim", "intend", "seek", "bid",
            "consultation", "scheme", "idea", "option"}


def _unrealised(token) -> bool:
    """The event is one a plan or proposal governs ("the plan to close the unit"), or the means of a supposed
    outcome ("How much would the board save by shutting the unit?"): the question does not take it as done."""
    if any(a.lemma_.lower() in _PLANNED for a in token.ancestors):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for a in token.ancestors for c in a.children)


def _hearsay(token) -> bool:
    """The event is hearsay the question reports, not assumes: "the rumours that its consulate had closed", "deny
    that the depot closed"."""
    return any(_REPORTED.fullmatch(a.lower_) or a.lemma_.lower() in _HEARSAY for a in token.ancestors)


def _about(clause: str, event_word: str, about_all: set[str]) -> set[str]:
    """What an event is about: the words of its clause ("With Kilvington's school buses stopped" -> kilvington,
    school, buses), not the rest of a long question; the whole question's when the clause has under two."""
    own = set(content_terms(clause)) - set(content_terms(event_word))
    return own if len(own) >= 2 else about_all - set(content_terms(event_word))


def _nominal_clause(noun, doc) -> str:
    """What a question assumes when it names the event by a noun: "Malcolm Tierney's resignation as
    vice-chancellor"; "What charges is the captain facing?" -> "the captain facing charges"."""
    if noun.pos_ != "NOUN":
        return ""
    tree = list(noun.subtree)
    if any(c.lower_ in ("what", "which") for c in noun.children):
        inside = {x.i for x in tree}
        rest = [x for x in doc if x.i not in inside and not x.is_punct]
        while rest and rest[0].pos_ == "AUX":
            rest = rest[1:]
        return " ".join([x.text for x in rest] + [noun.text]) if rest else ""
    if len(tree) > 1:
        return doc[tree[0].i:tree[-1].i + 1].text
    return ""


def _tells(sentence: str, verbs: set[str], verbs_only: bool = False) -> bool:
    """The sentence tells of the event: one of its verbs in any form ("would be demolished" for "demolish"), or its
    noun ("demolition"; with ``verbs_only``, not a noun that only dates other news: "denied reports that officers
    had been suspended over the escape" calls the suspensions untrue, not the escape)."""
    def said_of(t) -> bool:  # not a noun in "over the escape", "after the closure": the occasion of other news
        return not verbs_only or t.pos_ in ("VERB", "AUX") or not (
            t.dep_ == "pobj" and t.head.lower_ in ("over", "after", "since", "during", "following", "amid", "before"))
    return any((phrasal(t) in verbs or NOMINAL.get(t.lemma_.lower()) in verbs) and said_of(t) for t in parse(sentence))


def contradicted_premise(question: str, hits: list[Hit]) -> Premise | None:
    """The first retrieved sentence that contradicts an event the question takes for granted."""
    q = question.strip().lower()
    # a question that asks about something, or opens with what it takes as given ("With the buses stopped, how
    # are children getting to school?"); not a statement. A yes/no question asks about its main verb and assumes
    # only its clauses ("Has the motorist who was swept away been found?" assumes someone was swept away).
    aux = r"(?:has|have|had|did|does|do|am|is|are|was|were|will|can|could|should|would|may|might|must)"
    # "Since Vantresca failed his medical, is he staying?" assumes its opening clause, asks about the rest
    yes_no = bool(re.match(rf"^{aux}\b", q) or re.match(rf"^(?:with|after|since|now that|given that)\b[^?]*,\s*{aux}\b", q))
    if not yes_no and not re.match(r"^(?:why|how|when|where|what|who|which|in what|for what|(?:on|under|by|from) what "
                                   r"(?:grounds?|basis|authority|terms|charges?|evidence))\b", q) \
            and not re.match(r"^(with|after|since|now that|given that)\b[^?]*,\s*(why|how|when|where|what|who|which)\b", q):
        return None
    if _LENGTH_Q.search(question):  # "after her four-year ban": the length the report gives is the correction
        found = _length_premise(question, hits)
        if found is not None:
            return found
    for lemma, assumed, about in _events(question, clauses_only=yes_no):
        assumed = re.sub(r"^(?:with|after|since|now that|given that)\s+", "", assumed, flags=re.I)
        if lemma in _VERDICT and _verdict_stands(question, lemma, [h for _, h in _same_story(question, about, hits)]):
            continue  # "convicted" of one charge, "acquitted" of another: a verdict asked about stands
        same = same_event(lemma)
        patterns = []
        for verb in sorted(same):
            stems = [re.escape(verb[:-1] if verb.endswith("e") else verb)] + [re.escape(f) for f in FORMS.get(verb, ())]
            if verb == "go":  # "We are not going to roll over" is a future, not jobs that do not go
                stems = [r"go(?!ing\s+to\b)"]
            patterns.append(_NEGATION.format(stem="(?:" + "|".join(stems) + ")"))
            if verb in _OPPOSITES:
                patterns.append(_OPPOSITES[verb])
        denial = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
        # a paragraph about the question's story in its own words; or, for a claim called false in so many words,
        # one whose article is ("Stories that a child had been hurt in the collapse were wrong" under a lead
        # about the roof falling in)
        own = {i for i, _ in _same_story(question, about, hits)}
        for i, h in _same_story(question, about, hits, article_wide=True):
            previous = ""
            spans = sentence_spans(h.text)
            for k, (s, e) in enumerate(spans):
                sentence = h.text[s:e]
                if i in own and _DENIAL.match(sentence) and _REPORTED.search(previous) and _tells(previous, same) \
                        and not _another_one(previous, question):
                    return Premise(assumed, i, f"{previous} {sentence}")
                if i in own and any(_on_the_thing(m, about) and not _other_role(m, question)
                                    and not _elsewhere(m, question) for m in denial.finditer(sentence)):
                    return Premise(assumed, i, sentence)
                if _CALLED_FALSE.search(sentence) and (_tells(sentence, same, verbs_only=True)
                                                       or _claim_of(sentence, assumed)):
                    # "Stories that a child had been hurt were wrong. ... nobody was injured": the sentence after
                    # a claim called false often says what is true instead; it is quoted too when it tells of it
                    after = spans[k + 1] if k + 1 < len(spans) else None
                    if after and _says_instead(h.text[after[0]:after[1]], denial, same, about):
                        return Premise(assumed, i, h.text[s:after[1]])
                    return Premise(assumed, i, sentence)
                previous = sentence
        # a sentence that calls a claim false and negates the event in so many words ("Contrary to some accounts, none
        # of them had to be lowered to the ground") needs less of the question's wording around it
        found = _first_sentence(question, about, hits, lambda x: bool(
            _CALLED_FALSE.search(x) and _tells(x, same, verbs_only=True) and denial.search(x)), share=0.25)
        if found:
            return Premise(assumed, *found)
    return (_spared_premise(question, hits) or _none_of_premise(question, hits) or _ended_premise(question, hits)
            or _ruled_out_premise(question, hits) or _not_a_premise(question, hits) or _length_premise(question, hits)
            or _deliberate_premise(question, hits) or _untouched_premise(question, hits)
            or _declared_premise(question, hits) or _corrected_premise(question, hits) or _no_such_premise(question, hits)
            or _all_of_premise(question, hits) or _unharmed_thing_premise(question, hits)
            or _jobs_kept_premise(question, hits) or _dropped_plan_premise(question, hits)
            or _won_by_other_premise(question, hits) or _not_taking_part_premise(question, hits)
            or _unchanged_premise(question, hits))


def _not_a_premise(question: str, hits: list[Hit]) -> Premise | None:
    """What the question calls a thing, a report about it says it was not ("What drew the humpback whale ...?":
    "was a young sperm whale, not a humpback as was initially reported"), or that there was one of what it takes as
    two ("both whales": "there was no second whale")."""
    doc = parse(question)
    nouns = {t.lower_ for t in doc if t.pos_ == "NOUN" and not t.ent_type_ and len(t) > 3}
    both = {t.head.lower_ for t in doc if t.lower_ == "both" and t.head.pos_ == "NOUN"}
    if not nouns:
        return None
    said = "|".join(re.escape(n) for n in sorted(nouns))
    # "not a humpback"; with "the", the question's own modifier too ("the ghost orchids": "not the far rarer ghost
    # orchid as was first reported"), or a name it gives the thing ("not the Carradine Star, as had been believed")
    modified = [rf"{re.escape(m)}\s+{re.escape(stem(n))}\w*" for m, n in _modified_nouns(question) if len(n) > 3]
    names = [re.escape(n) for n in key_entities(question) if " " in n]
    the = "|".join(modified + names)
    not_a = re.compile(rf"\bnot\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{said})\b"  # "not a British anti-aircraft shell"
                       + (rf"|\bnot\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:{the})\b" if the else ""), re.I)
    single = re.compile(r"\bno\s+second\s+\w+|\b(?:only|just)\s+one\s+(?:" + "|".join(
        re.escape(stem(n)) for n in sorted(both)) + r")", re.I) if both else None  # "found no second animal"
    # "What did the board's report blame?": "the board has yet to publish its report"
    yet_to = re.compile(rf"\byet\s+to\s+\w+\s+(?:its|the|their|his|her)\s+(?:[\w-]+\s+)?(?:{said})\b", re.I)
    things = set(content_terms(" ".join(t.text for t in doc if t.pos_ in ("NOUN", "PROPN"))))
    for i, h in _same_story(question, things, hits):
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            if not_a.search(sentence) or yet_to.search(sentence) or (single is not None and single.search(sentence)):
                return Premise(_assumed_clause(question), i, sentence)
    return None


# "When will the stand reopen?" assumes it has not; "With the ban still in force, ...?" that it has not been lifted
_WHEN_WILL = re.compile(r"\bwhen\s+(?:(?:will|would|is|are)\s+(?P<subj>(?:[\w'’-]+\s+){1,8}?)(?:(?:expected|due|set|going)\s+to\s+)?"
                        r"|(?P<subj2>(?:[\w'’-]+\s+){1,8}?)(?:will|would|is\s+(?:expected|due|set|going)\s+to)\s+)"
                        r"(?:be\s+)?(?P<verb>reopen|resume|restart|return|lift|lifted|end|reconvene)\b", re.I)
_STILL_Q = re.compile(r"\b(?P<subj>(?:[\w'’-]+\s+){1,8}?)(?:is\s+|are\s+|remains?\s+)?(?:still\s+(?P<state>in\s+force|on\s+the\s+run|"
                      r"at\s+large|missing|closed|shut)|(?P<out>out\s+of\s+(?:action|service|use)"
                      r"|(?:shut|closed)\s+(?:for|until)\b))\b", re.I)  # "With the cable car shut for the summer, ...?"


def _ended_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A question that takes a state as lasting which a report about the same thing says has ended: "When will the
    East Stand reopen?" against "The East Stand reopened on Saturday", "With the hosepipe ban still in force, ...?"
    against "the ban was lifted"."""
    m = _WHEN_WILL.search(question)
    if m:
        verb = "lift" if m.group("verb").lower().startswith("lift") else m.group("verb").lower()
        done = re.compile(rf"\b(?:has|have|had)\s+(?:now\s+|already\s+|finally\s+)?(?:been\s+)?{verb}e?d\b"
                          rf"|\b{verb}e?d\s+(?:on|last|yesterday|this|earlier|at)\b", re.I)
        subject = m.group("subj") or m.group("subj2")
        assumed = f"{subject.strip()} has yet to {verb}"
    else:
        m = _STILL_Q.search(question)
        if not m:
            return None
        if m.group("out") and not re.match(r"(?:with|since|now that|as|given that)\b", m.group("subj"), re.I):
            return None  # "With the runway out of action, ...?" takes it as given; "How long will it be out of action?" asks
        state = re.sub(r"\s+", " ", (m.group("state") or "closed").lower())
        done = re.compile(_STILL[state], re.I)
        subject = re.sub(r"^(?:with|since|now that|given that|as)\s+", "", m.group("subj").strip(), flags=re.I)
        assumed = f"{subject} is still {state}"
    about = set(content_terms(subject)) - {"still"}
    if not about:
        return None
    for i, h in _same_story(question, about, hits):
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            if done.search(sentence) and len(about & set(content_terms(f"{h.title} {sentence}"))) * 2 >= len(about):
                return Premise(assumed, i, sentence)
    return None


def _ruled_out_premise(question: str, hits: list[Hit]) -> Premise | None:
    """"Which parts have been switched over to standpipes?" against "has ruled out standpipes": what the question
    takes as done, a report about the same thing rules out (a thing the question names, not a name)."""
    doc = parse(question)
    things = {stem(t.lower_) for t in doc if t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj", "nsubjpass", "nsubj")}
    if not things:
        return None
    for i, h in _same_story(question, set(content_terms(question)), hits):
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            for m in re.finditer(r"\bruled\s+out\s+((?:[\w-]+\s+){0,2}[\w-]+)", sentence, re.I):
                if {stem(w) for w in words(m.group(1))} & things:
                    return Premise(_assumed_clause(question), i, sentence)
    return None


# What the reporting says of the things a "Which bank details ...?" or "How many of its business customers ...?"
# question asks about: there were none ("denied that any bank or card details had been taken", "no bank details
# were taken"), or they were left out ("Business customers were not among those affected").
_NONE_BEFORE = re.compile(r"\b(?:denied|denies|deny)\s+(?:that\s+)?(?:any|its|their)\s+|\bno\s+", re.I)
_LEFT_OUT = re.compile(r"\b(?:(?:were|was|are|is|have\s+been|has\s+been)\s+not\s+(?:among|affected|included|involved|hit)"
                       r"|(?:were|was|are|is|have\s+been|has\s+been)\s+(?:unaffected|spared|untouched))\b", re.I)


def _things_asked(question: str) -> tuple[list[str], str] | None:
    """The words of the things a "which" or "how many (of)" question asks about, and what it assumes of them:
    "Which bank details did the hackers get hold of?" -> ([bank, detail], "the hackers get hold of bank details")."""
    doc = parse(question)
    head = None
    for t in doc:
        if t.lower_ in ("which", "what") and t.dep_ == "det" and t.head.pos_ == "NOUN":
            head = t.head
        elif t.lower_ == "many" and t.i > 0 and doc[t.i - 1].lower_ == "how":
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            head = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else (
                t.head if t.head.pos_ == "NOUN" else None)
        if head is not None:
            break
    if head is None:
        return None
    mods = [c for c in head.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")
            and c.lower_ not in ("many", "much", "which", "what")]
    phrase = mods + [head]
    terms = [x for w in phrase for x in content_terms(w.text)]
    said = " ".join(w.text for w in phrase)
    owner = [c for c in head.children if c.dep_ == "poss"]
    if owner:
        said = doc[owner[0].left_edge.i:owner[0].right_edge.i + 1].text + " " + said
    rest = doc[head.i + 1:]
    if len(rest) and rest[0].lower_ in ("did", "does", "do", "will", "would", "could", "can"):
        assumed = f"{rest[1:].text.strip(' ?')} {said}"
    else:
        assumed = f"{said} {rest.text.strip(' ?')}"
    return terms, assumed


def _none_of_premise(question: str, hits: list[Hit]) -> Premise | None:
    """The things the question asks about, which a report about the same thing says there were none of, or were
    left out (``_things_asked``)."""
    asked = _things_asked(question)
    if asked is None or not asked[0]:
        return None
    terms, assumed = asked
    if len(terms) < 2:
        return None  # "How many customers ...?": "Business customers were not among those affected" leaves others
    for i, h in _same_story(question, set(content_terms(question)), hits):
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            for m in _NONE_BEFORE.finditer(sentence):
                # "denied that any bank or card details had been taken"; "no bank details were taken"
                after = " ".join(sentence[m.end():].split()[:6 if m.group(0).lower().startswith("den") else 3])
                if all(t in content_terms(after) for t in terms) and (m.group(0).lower().startswith("den") or re.match(
                        r"\s*(?:were|was|had|have|has)\b", sentence[m.end() + len(after):], re.I)):
                    return Premise(assumed, i, sentence)
            left = _LEFT_OUT.search(sentence)
            if left and all(t in content_terms(sentence[max(0, left.start() - 60):left.start()]) for t in terms):
                return Premise(assumed, i, sentence)
    return None


def _verdict_stands(question: str, lemma: str, hits: list[Hit]) -> bool:
    """A report in the story gives the verdict the question asks about ("On which day was Dallow convicted?": "found
    guilty of fraud", beside "acquitted of false accounting"); of the charge it names, when it names one ("cleared of
    the bribery charges" is not given by "acquitted of a fifth charge, breach of trust")."""
    named = re.search(r"\bof\s+(?:the\s+)?([^?,]+)", question[question.lower().find(lemma[:5]):]) if lemma[:5] in \
        question.lower() else None
    charge = set(content_terms(named.group(1))) - {"charge", "count", "offence", "offense"} if named else set()
    for h in hits:
        for s, e in sentence_spans(h.text):
            sentence = h.text[s:e]
            if _VERDICT[lemma].search(sentence) and (not charge or set(content_terms(sentence)) & charge):
                return True
    return False


def _other_role(match: re.Match, question: str) -> bool:
    """The negated event is in another capacity than the question's: "has not resigned as a councillor" leaves "resign
    as Orrin Bay's leader" standing."""
    asked = re.search(r"\bas\s+((?:[\w'’-]+\s*){1,4})", question)
    said = re.match(r"\s+as\s+((?:[\w'’-]+\s*){1,4})", match.string[match.end():])
    return bool(asked and said) and not set(content_terms(asked.group(1))) & set(content_terms(said.group(1)))


_CLAIM = re.compile(r"\b(?:rejected|denied|dismissed|denies|rejects)\s+(?:\w+\s+){0,2}(?:claims?|reports?|suggestions?)\s+that\s+"
                    r"([^.;]+)", re.I)


def _claim_of(sentence: str, assumed: str) -> bool:
    """The claim a report rejects is of what the question assumes: "has rejected claims that it owes compensation"
    for "the compensation it promised"."""
    m = _CLAIM.search(sentence)
    if not m:
        return False
    # the claim ends where the report's own words begin: "rejected claims that it owes compensation, saying that
    # refunds for diverted flights are a matter for the airlines" claims nothing about flights
    claim = re.split(r",\s+(?:saying|adding|arguing|insisting|noting|explaining|pointing\s+out)\b", m.group(1))[0]
    return bool(_plain_terms(assumed) & set(content_terms(claim)))


def _plain_terms(text: str) -> set[str]:
    """The words of a clause that are no names ("the compensation it promised" -> compensation, promised)."""
    return {t for t in content_terms(text) if not any(t in content_terms(e) for e in key_entities(text))}


def _another_one(claim: str, question: str) -> bool:
    """The claim called untrue is of another one than the question's ("a second bomb had been found" leaves "the
    bomb" the question asks about found)."""
    m = re.search(r"\b(?:a|an)\s+(second|third|another|further|new|fresh)\s+(\w+)", claim, re.I)
    return bool(m) and m.group(1).lower() not in words(question) and stem(m.group(2).lower()) in content_terms(question)


def _elsewhere(match: re.Match, question: str) -> bool:
    """The event denied only at a place ("It was not detonated in the town": it was, elsewhere), against a question
    that does not say where it happened ("before the army blew it up", not "blew it up where it lay")."""
    place = re.match(r"\s+(?:in|at|inside|within|near)\s+the\s+(\w+)\b", match.string[match.end():], re.I)
    return bool(place) and bool(re.search(r"\bnot\b", match.group(0), re.I)) \
        and stem(place.group(1).lower()) not in content_terms(question) \
        and not re.search(r"\b(?:where|in\s+the|at\s+the|on\s+the\s+spot|on\s+site)\b", question, re.I)


def _on_the_thing(match: re.Match, about: set[str]) -> bool:
    """A vote put off is on what the question is about ("A vote on the budget was postponed"), not on another thing
    ("a vote on the pool was postponed" leaves the budget approved)."""
    voted_on = match.groupdict().get("voted_on")
    return voted_on is None or bool(set(content_terms(voted_on)) & about)


def _spared_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A place the question names, said by a report about the same thing to be "unaffected" ("How much longer will
    people in Tarrow have to boil their water?": "Tarrow ... has been unaffected throughout")."""
    names = [] if _UNAFFECTED.search(question) else key_entities(question)
    about = set(content_terms(question))
    if not names or not about:
        return None
    for i, h in _same_story(question, about, hits):
        for s, e in sentence_spans(h.text):
            if _spared(h.text[s:e], names):
                return Premise(_assumed_clause(question), i, h.text[s:e])
    return None


def _says_instead(sentence: str, denial: re.Pattern, same: frozenset[str], about: set[str]) -> bool:
    """After a claim called false, does ``sentence`` say what is true of the same thing: it denies the event too
    ("nobody was injured"), tells of it ("no trees will be cut down") or names what the question is about ("A
    spokesperson said the ward 'is staying open'")?"""
    return bool(denial.search(sentence)) or _tells(sentence, same) or bool(about & set(content_terms(sentence)))


def _same_story(question: str, about: set[str], hits: list[Hit], share: float = 0.5,
                article_wide: bool = False) -> list[tuple[int, Hit]]:
    """(position, hit) of the paragraphs about the same thing: holding ``share`` of the words ``about``, with the
    question's names counted as found when the article names them. ``article_wide``: the words of the article's
    title, lead and other retrieved paragraphs count too (a later paragraph says "the collapse" and "a child" of
    what the lead called the roof falling in on the pupils)."""
    if not about:
        return []
    named = names_by_article(question, hits)
    wide = article_terms(hits) if article_wide else {}
    return [(i, h) for i, h in enumerate(hits)
            if len(about & (set(content_terms(h.title + " " + h.text)) | named[h.article_id]
                            | wide.get(h.article_id, set()))) / len(about) >= share]


def _first_sentence(question: str, about: set[str], hits: list[Hit], found, share: float = 0.5) -> tuple[int, str] | None:
    """(position, sentence) of the first retrieved sentence, in a paragraph about the same thing (``_same_story``),
    for which ``found(sentence)`` holds."""
    for i, h in _same_story(question, about, hits, share):
        for s, e in sentence_spans(h.text):
            if found(h.text[s:e]):
                return i, h.text[s:e]
    return None


def _assumed_clause(question: str) -> str:
    """The statement a question takes as given: "How much longer will people in Tarrow have to boil their water?"
    -> "people in Tarrow have to boil their water"."""
    question = re.sub(r"^(?:on|under|by|from|in|for)\s+(?=what\b)", "", question.strip(), flags=re.I)
    # "What sort of old British shell did the builders dig up?" -> "the builders dig up an old British shell"
    m = re.match(r"^(?:what|which)\s+(?:sorts?|kinds?|types?)\s+of\s+(?P<np>.+?)\s+(?:did|does|do|was|were|is|are|has|have|"
                 r"had|will|would|can|could)\s+(?P<rest>.+?)[\s?]*$", question, re.I)
    if m:
        return f"{m.group('rest')} {'an' if m.group('np')[:1].lower() in 'aeiou' else 'a'} {m.group('np')}"
    return re.sub(r"^(?:(?:why|how|when|where|what|who|which)(?:\s+\w+){0,2}?\s+)?(?:did|does|do|was|were|is|are|has|"
                  r"have|had|will|would|can|could)\s+", "", question.strip(), count=1, flags=re.I).strip(" ?")


_NUM_WORD = (r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|"
             r"twenty|thirty|forty|fifty|sixty|ninety)")
_TIME_UNIT = r"(?:second|minute|hour|day|night|week|month|year|decade)"
_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1, "week": 7, "month": 30.4,
         "year": 365.25, "decade": 3652.5}
# What lasts, and how a report writes it lasting "for" a time ("banned for six months", "jailed for two years")
_LASTING = {"ban": r"ban(?:ned)?", "suspension": r"suspen(?:sion|ded)", "sentence": r"(?:sentenced|jailed|imprisoned)",
            "closure": r"(?:closed|shut)", "shutdown": r"(?:closed|shut)", "delay": r"delayed", "strike": r"strike",
            "contract": r"contract", "deal": r"deal", "loan": r"loan"}
_LENGTH_Q = re.compile(rf"\b(?P<n>{_NUM_WORD})[- ](?P<u>{_TIME_UNIT})s?(?:[- ]long)?\s+(?P<noun>{'|'.join(_LASTING)})\b",
                       re.I)


def _days(n: str, unit: str) -> float | None:
    said = measure(f"{n} {unit}")
    if said is None:
        return None
    value, unit = said.split(" ", 1)
    return float(value) * _DAYS[unit] if unit in _DAYS else None


def _length_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A length the question gives a thing, which a report about it gives otherwise: "When will she race again after
    her four-year ban?" against "banned for six months" or "a six-month ban"."""
    m = _LENGTH_Q.search(question)
    if not m:
        return None
    assumed_days = _days(m.group("n"), m.group("u"))
    if assumed_days is None:
        return None
    noun = m.group("noun").lower()
    said = re.compile(rf"\b(?P<n>{_NUM_WORD})[- ](?P<u>{_TIME_UNIT})s?(?:[- ]long)?\s+{noun}"
                      rf"|\b{_LASTING[noun]}\s+(?:[\w'’-]+\s+){{0,3}}?for\s+(?P<n2>{_NUM_WORD})\s+(?P<u2>{_TIME_UNIT})s?\b", re.I)
    about = set(content_terms(question[:m.start()] + " " + question[m.end():]))  # the length's own words are in ``said``

    def other_length(sentence: str) -> bool:
        lengths = (_days(r.group("n") or r.group("n2"), r.group("u") or r.group("u2")) for r in said.finditer(sentence))
        return any(d is not None and abs(d - assumed_days) > 0.1 * assumed_days for d in lengths)

    found = _first_sentence(question, about, hits, other_length)
    return Premise(f"a {m.group(0)}", *found) if found else None


# "Why do police think somebody blew up the house on purpose?" against "Police said they had ruled out foul play"
_DELIBERATE_Q = re.compile(r"\b(?:on\s+purpose|deliberate(?:ly)?|intentional(?:ly)?|arson|sabotage[ds]?|foul\s+play)\b", re.I)
_BELIEF_WORDS = {"think", "thought", "believe", "believed", "suspect", "suspected", "say", "said", "somebody", "someone",
                  "anyone", "anybody"}
_NOT_DELIBERATE = re.compile(
    r"\bruled\s+out\s+(?:any\s+)?(?:foul\s+play|arson|sabotage|(?:a\s+)?deliberate|(?:any\s+)?criminal)"
    r"|\bnot\s+(?:being\s+)?(?:treated|regarded)\s+as\s+(?:suspicious|deliberate|arson)"
    r"|\bno\s+(?:evidence|sign|suggestion|indication)s?\s+(?:of|that)\s+(?:foul\s+play|arson|sabotage|"
    r"(?:it|the\s+[\w-]+)\s+was\s+(?:deliberate|started\s+deliberately))"
    r"|\bnothing\s+to\s+suggest\b[^.]*\b(?:deliberate|foul\s+play|criminal|suspicious)", re.I)


def _deliberate_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A question that takes an act as deliberate which the report about it says was not (foul play ruled out, not
    treated as suspicious)."""
    if not _DELIBERATE_Q.search(question):
        return None
    about = set(content_terms(_DELIBERATE_Q.sub(" ", question))) - _BELIEF_WORDS
    found = _first_sentence(question, about, hits, _NOT_DELIBERATE.search)
    return Premise(_assumed_clause(question), *found) if found else None


def _object_phrases(question: str, roles=("dobj", "pobj", "nsubjpass")) -> list[tuple[str, str]]:
    """(modifier or "", head noun) of the things a question's verbs act on (or of its ``roles``): "after the balloon
    brought down the power lines" -> [("power", "lines")]."""
    out = []
    for t in parse(question):
        if t.pos_ == "NOUN" and t.dep_ in roles and len(t) > 2:
            mods = [c.lower_ for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i]
            out.append((mods[-1] if mods else "", t.lower_))
    return out


def _untouched_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A thing the question has acted on that the report says was not: "after the balloon brought down the power
    lines" against "did not touch any power lines"."""
    phrases = [(m, n) for m, n in _object_phrases(question) if m]  # a bare noun ("people") is not specific enough
    if not phrases:
        return None
    alternatives = "|".join(rf"{re.escape(m)}\s+{re.escape(stem(n))}\w*" for m, n in phrases)
    untouched = re.compile(rf"\b(?:did\s+not|didn[’']t|never|has\s+not|had\s+not|was\s+not)\s+(?:\w+\s+){{1,2}}?any\s+"
                           rf"(?:{alternatives})\b", re.I)
    found = _first_sentence(question, set(content_terms(question)), hits, untouched.search)
    return Premise(_assumed_clause(question), *found) if found else None


# "Why did the coroner decide the coins did not count as treasure?" against "was declared treasure at an inquest"
_NOT_DECLARED_Q = re.compile(
    r"\b(?:(?:did|does|do|was|were|is|are)\s*n[o’']t|(?:did|does|do|was|were|is|are)\s+not)\s+(?:count|qualify|rank|"
    r"declared|ruled|classed|classified|deemed)\s+(?:as\s+|to\s+be\s+)?(?:an?\s+)?(?P<what>[\w-]+)", re.I)


def _declared_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A status the question says a thing was denied, which a report says it was given."""
    m = _NOT_DECLARED_Q.search(question)
    if not m or m.group("what").lower() in _STOP_WHAT:
        return None
    what = re.escape(m.group("what"))
    given = re.compile(rf"\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:formally\s+|officially\s+)?(?:declared|ruled|"
                       rf"classed|classified|deemed|confirmed)\s+(?:as\s+|to\s+be\s+)?(?:an?\s+)?{what}\b"
                       rf"|\b(?:counts|counted|qualifies|qualified)\s+as\s+(?:an?\s+)?{what}\b", re.I)
    def granted(sentence: str) -> bool:  # "was declared treasure"; not "whether it is declared treasure"
        g = given.search(sentence)
        return g is not None and not re.search(r"\b(?:whether|if)\b", sentence[:g.start()], re.I)

    found = _first_sentence(question, set(content_terms(question)), hits, granted)
    return Premise(_assumed_clause(question), *found) if found else None


_STOP_WHAT = {"the", "a", "an", "part", "one", "such", "much", "many", "more", "less", "well"}
# "correcting early reports that a handful of gold coins had been found": the thing the question calls "gold coins"
_CORRECTING = re.compile(r"\b(?:correcting|contradicting|denying|dismissing)\s+(?:[\w-]+\s+){0,2}(?:reports?|accounts?|claims?|"
                         r"suggestions?|rumou?rs?|posts?)\s+(?:\w+\s+){0,4}?that\s+(?P<claim>[^.;]+)", re.I)


def _corrected_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A thing the question names by a modifier ("the gold coins") that a report corrects earlier reports of."""
    phrases = _modified_nouns(question)
    if not phrases:
        return None
    def corrects(sentence: str) -> bool:
        claims = ({stem(w) for w in words(c.group("claim").lower())} for c in _CORRECTING.finditer(sentence))
        return any(stem(m) in claim and stem(n) in claim for claim in claims for m, n in phrases)

    found = _first_sentence(question, set(content_terms(question)), hits, corrects)
    return Premise(_assumed_clause(question), *found) if found else None


def _no_such_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A thing the question takes as there, which the report about it says never was: "Where is the gold bullion
    recovered from the wreck being kept?" against "there was no gold on the wreck and never had been"."""
    things = {w for m, n in _object_phrases(question, ("dobj", "pobj", "nsubjpass", "nsubj")) for w in (m, n) if len(w) > 3}
    if not things:
        return None
    alternatives = "|".join(re.escape(stem(w)) + r"\w*" for w in sorted(things))
    none = re.compile(rf"\bthere\s+(?:was|were|is|are|had\s+been|has\s+been)\s+no\s+(?:{alternatives})\b"
                      rf"|\bno\s+(?:{alternatives})\s+(?:was|were|has\s+been|had\s+been)\s+(?:found|recovered|on\s+board|aboard)\b",
                      re.I)
    found = _first_sentence(question, set(content_terms(question)), hits, none.search)
    return Premise(_assumed_clause(question), *found) if found else None


# "How did all 180 Year 11 pupils get hold of the paper?" against "only two pupils had seen the leaked paper"
_ALL_Q = re.compile(rf"\ball\s+(?:the\s+|of\s+the\s+)?(?P<n>{_NUM_WORD})\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>[a-z]+s)\b", re.I)


def _all_of_premise(question: str, hits: list[Hit]) -> Premise | None:
    """All of a number the question says did something, of whom the report says only a few did."""
    m = _ALL_Q.search(question)
    if not m:
        return None
    only = re.compile(rf"\bonly\s+(?P<m>{_NUM_WORD})\s+(?P<words>(?:[\w'’-]+\s+){{0,2}}[a-z]+)", re.I)
    noun = stem(m.group("noun"))
    about = set(content_terms(question)) - {stem(m.group("n").lower())}
    assumed = number_value(m.group("n"))

    def same_thing(word: str) -> bool:  # "shops", and "fronts" for "shopfronts"
        said = stem(word.lower())
        return word.lower().startswith(noun) or (len(said) >= 4 and noun.endswith(said))

    def fewer(sentence: str) -> bool:
        return any(number_value(r.group("m")) != assumed and any(same_thing(w) for w in r.group("words").split())
                   for r in only.finditer(sentence))

    # "only three <the things>" with another number is specific: a third of the question's words around it will do
    found = _first_sentence(question, about, hits, fewer, share=0.35)
    return Premise(f"all {m.group('n')} {m.group('noun')}", *found) if found else None


def _modified_nouns(question: str) -> list[tuple[str, str]]:
    """(modifier, noun) for each noun the question qualifies by the word before it ("the gold coins", "the ghost
    orchids"), read from the parts of speech, not the parse, which the small model often gets wrong for such pairs."""
    doc = parse(question)
    return [(doc[t.i - 1].lower_, t.lower_) for t in doc if t.i and t.pos_ == "NOUN" and not t.ent_type_
            and doc[t.i - 1].pos_ in ("NOUN", "ADJ") and not doc[t.i - 1].ent_type_ and len(doc[t.i - 1]) > 2]


# "Since the algae got into the tap water, ...?" against "tap water was safe to drink"
_GOT_INTO = re.compile(r"\b(?:got|get|gets|getting|seeped|leaked|spread|found\s+its\s+way)\s+into\s+(?:the\s+|[\w'’-]+['’]s\s+)?"
                       r"(?P<thing>(?:[\w-]+\s+)?[\w-]+)|\bcontaminat\w*\s+(?:the\s+|[\w'’-]+['’]s\s+)?(?P<thing2>(?:[\w-]+\s+)?[\w-]+)",
                       re.I)
_UNHARMED = r"(?:unaffected|not\s+(?:been\s+)?affected|safe\s+to\s+(?:drink|use|eat)|not\s+(?:been\s+)?contaminated|uncontaminated)"


def _unharmed_thing_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A thing the question says something got into or contaminated, which the report says is unaffected or safe."""
    m = _GOT_INTO.search(question)
    if not m:
        return None
    thing = (m.group("thing") or m.group("thing2")).lower()
    said = re.compile(rf"\b{re.escape(thing)}\b[^.;]{{0,40}}?\b{_UNHARMED}", re.I)
    found = _first_sentence(question, set(content_terms(question)), hits, said.search, share=0.4)
    if found is None:
        return None
    clause = re.split(r",|\b(?:since|after|now\s+that|given\s+that|with|why|how|when|did|does|has|have|had)\s+",
                      question[:m.end()], flags=re.I)[-1].strip()  # "the algae got into Hatherlin's tap water"
    return Premise(clause or _assumed_clause(question), *found)


# "How many jobs are going with the closure?" against "None of the branch's six staff will lose their jobs"
_JOBS_Q = re.compile(r"\bjobs?\s+(?:are\s+|were\s+|will\s+be\s+|have\s+been\s+)?(?:going|to\s+go|lost|cut|axed|shed)\b"
                     r"|\b(?:redundanc\w+|job\s+(?:cuts|losses))\b|\blos[et]\s+(?:their|his|her)\s+jobs?\b", re.I)
_JOBS_KEPT = re.compile(
    r"\b(?:no|none\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?)(?:staff|workers?|employees?|one|body|teachers?|members?\s+of\s+staff)"
    r"\b[^.;]{0,40}?\b(?:will|would|is|are|was|were)\s+(?:be\s+)?(?:lose|lost|losing|made\s+redundant)\b"
    r"|\bno\s+(?:jobs?\s+(?:will|would)\s+(?:be\s+)?(?:go|lost|cut)|job\s+losses|(?:compulsory\s+)?redundancies)\b", re.I)


def _jobs_kept_premise(question: str, hits: list[Hit]) -> Premise | None:
    """Jobs the question takes as lost, which the report says nobody will lose."""
    if not _JOBS_Q.search(question):
        return None
    found = _first_sentence(question, set(content_terms(question)) - {"job", "jobs", "going", "lost", "cut"}, hits,
                            _JOBS_KEPT.search)
    if found is None:
        return None  # "How many jobs are going ...?" assumes "jobs are going ..."
    return Premise(re.sub(r"^(?:how\s+many|what|which)\s+", "", question.strip(), flags=re.I).strip(" ?"), *found)


# "The council has dropped its plan for a hardship fund for shops inside the cordon"
_DROPPED_FOR = re.compile(r"\b" + _DROPPED + r"\s+(?:its|their|the|his|her)\s+"
                          r"(?:plans?|proposals?|idea)\s+for\s+(?:a|an|the)?\s*(?P<thing>(?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)


def _dropped_plan_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A thing the question takes as there, whose plan a report says was dropped: "How much did each shop get from
    the council's hardship pot?" against "the council has dropped its plan for a hardship fund". Not a question that
    asks about the plan itself or what would have been ("How much would the fund have paid?")."""
    if re.search(r"\b(?:plan|proposal|idea|scheme|drop|scrap|shelve|abandon|ditch|would|could|might|consider)\w*", question,
                 re.I):
        return None
    asked = set(content_terms(question))

    def dropped(sentence: str) -> bool:
        m = _DROPPED_FOR.search(sentence)
        return m is not None and bool(set(content_terms(m.group("thing"))) & asked)

    found = _first_sentence(question, asked, hits, dropped)
    return Premise(_assumed_clause(question), *found) if found else None


def _asks_yes_no(question: str) -> bool:
    """A question that asks whether its main clause holds ("Is she in the cast?"), and so assumes nothing of it."""
    return bool(re.match(r"^(?:is|are|was|were|will|would|did|does|do|has|have|had|can|could)\b", question.strip(), re.I))


_WIN = {"win", "scoop", "clinch", "take", "claim", "land", "bag", "capture", "secure", "lift"}
_PRIZES = {"crown", "title", "prize", "award", "trophy", "medal", "class", "race", "cup", "championship", "election",
           "seat", "contest", "competition", "category", "final", "rosette", "jackpot", "gold", "silver", "bronze"}


def _winner_and_prize(doc) -> list[tuple[str, set[str], str]]:
    """(the winner's surname, the prize's words, the clause) for each win a parsed text tells with a named winner:
    "Ern Pollexfen's pumpkin scooped the heaviest-pumpkin crown" -> ("pollexfen", {heaviest, pumpkin, crown}, ...)."""
    out = []
    for t in doc:
        if t.pos_ != "VERB" or t.lemma_.lower() not in _WIN:
            continue
        prizes = [c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in _PRIZES]
        if not prizes:
            continue
        governor = t.head if t.dep_ in ("pcomp", "xcomp") else t
        governor = governor.head if governor.dep_ == "pcomp" else governor
        subject = next((c for c in list(t.children) + list(governor.children) if c.dep_ in ("nsubj", "nsubjpass")), None)
        names = [w for w in subject.subtree if w.pos_ == "PROPN" and w.ent_type_ in ("PERSON", "ORG", "")] \
            if subject is not None else []
        if not names:
            continue
        prize = prizes[0]
        terms = set(content_terms(" ".join(w.text for w in prize.subtree)))
        clause = " ".join(w.text for w in doc[min(subject.left_edge.i, t.i):prize.right_edge.i + 1])
        out.append((names[-1].lower_, terms, re.sub(r"\s+(['’]s)\b", r"\1", clause).replace(" - ", "-")))
    return out


def _won_by_other_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A win the question gives to one named person that the report gives to another: "After Ern Pollexfen's pumpkin
    scooped the heaviest-pumpkin crown, what did it weigh?" against "Dennis Argent won the heaviest pumpkin class". The
    prize must share a word with the question's ("heaviest", "pumpkin"); a winner the question also names is no rival."""
    wins = _winner_and_prize(parse(question))
    if not wins or _asks_yes_no(question):  # "Did her marrow win the title?" asks it
        return None
    winner, prize, assumed = wins[0]
    named = {w.lower() for w in words(question)}

    def other_won(sentence: str) -> bool:
        return any(who != winner and who not in named and len(said & prize) >= max(1, min(2, len(prize - _PRIZES_TERMS)))
                   for who, said, _ in _winner_and_prize(parse(sentence)))

    found = _first_sentence(question, set(content_terms(question)), hits, other_won)
    return Premise(assumed, *found) if found else None


_PRIZES_TERMS = set(content_terms(" ".join(_PRIZES)))


_TAKING_PART_WORD = re.compile(r"play(?:s|ed|ing)?|star(?:s|red|ring)|appear(?:s|ed|ing)?|perform(?:s|ed|ing)?|"
                               r"featur(?:e|es|ed|ing)|acting|compet(?:e|es|ed|ing)|racing|sing(?:s|ing)?|sang|"
                               r"headlin(?:e|es|ed|ing)", re.I)
_NOT_IN = (r"\b(?:is|was|are|were|has\s+been|had\s+been|will\s+be|would\s+be)\s+(?:not|never)\s+(?:in|part\s+of|among|"
           r"on|named\s+in|included\s+in)\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:cast|line-?up|squad|team|field|bill|side|film|"
           r"show|production|race)\b|\b(?:is|was|are|were|will)\s+not\s+(?:be\s+)?(?:taking|take)\s+part\b")


def _not_taking_part_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A named person the question has playing, starring or competing, whom a report puts outside the cast, squad
    or field: "Which part is Dame Celia Marchbourne playing?" against "Celia Marchbourne was not in the cast"."""
    doc = parse(question)
    # by the word, not the part of speech: the small parser calls "playing" in "Which part is she playing" a noun
    verb = next((t for t in doc if _TAKING_PART_WORD.fullmatch(t.lower_)), None)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    if verb is None or not people or _asks_yes_no(question):
        return None
    surname = people[0][-1].text
    denial = re.compile(rf"\b{re.escape(surname)}\b(?:[^.;]{{0,40}}?){_NOT_IN}|\b(?:she|he)\b\s*{_NOT_IN}", re.I)
    found = _first_sentence(question, set(content_terms(question)), hits,
                            lambda s: bool(re.search(rf"\b{re.escape(surname)}\b", s) and denial.search(s)), share=0.35)
    assumed = " ".join(w.text for w in doc[people[0].start:verb.right_edge.i + 1] if w.lower_ not in ("is", "are"))
    return Premise(assumed.strip(" ?") if verb.i > people[0].start else f"{people[0].text} {verb.text}", *found) \
        if found else None


_RENAMED = re.compile(r"(?P<new>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}),\s+(?:the\s+old|the\s+former|formerly)\s+"
                      r"(?P<old>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")


def _unchanged_premise(question: str, hits: list[Hit]) -> Premise | None:
    """A new thing the question takes as coming that a report says will not change: "Given that the street is getting
    a new postcode, ..." against "the postcode would not change"."""
    if re.search(r"\b(?:would|could|might|whether|if)\b", question, re.I) or _asks_yes_no(question):
        return None
    new = re.findall(r"\b(?:a|an|its|their|the)\s+new\s+([a-z]+)", question, re.I)
    renamed = _RENAMED.search(question)
    if renamed or re.search(r"\brenamed\b", question):
        new.append("name")  # "Hester Quayle Way, the old Tanner's Row": renamed, which "will keep its name" denies
    for noun in new:
        n = re.escape(noun.lower())
        kept = re.compile(rf"\b{n}s?\s+(?:would|will|is\s+to|was\s+to|does|did|is\s+not\s+going\s+to)\s+(?:not\s+|never\s+)"
                          rf"(?:change|be\s+changed|be\s+replaced)\b|\b{n}s?\s+(?:would|will)\s+(?:stay|remain)\s+"
                          rf"(?:the\s+same|unchanged)\b|\b(?:keep|keeps|kept|retain|retains|retained)\s+(?:its|their|the)\s+"
                          rf"(?:current\s+|existing\s+|old\s+)?{n}\b", re.I)
        found = _first_sentence(question, set(content_terms(question)), hits, kept.search, share=0.25)
        if found:
            opening = re.match(r"^(?:given\s+that|now\s+that|since|with|after|as)\s+([^,]+),", question.strip(), re.I)
            assumed = (f"{renamed.group('old')} was renamed {renamed.group('new')}" if renamed and noun == "name"
                       else opening.group(1) if opening else f"a new {noun}")
            return Premise(assumed, *found)
    return None
