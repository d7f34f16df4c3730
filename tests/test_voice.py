"""What the assistant says itself, in the question's language: every text exists in every language written for,
fills the same blanks, and a language without texts gets English."""

from __future__ import annotations

import re
import string

from assistant import voice


def _blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_is_written_in_each_language_with_the_same_blanks():
    assert {"en", "ko", "es"} <= voice.LANGUAGES
    for key, texts in voice._TEXTS.items():
        assert set(texts) == voice.LANGUAGES, key
        for lang, text in texts.items():
            assert _blanks(text) - {"name"} == _blanks(texts["en"]) - {"name"}, (key, lang)


def test_korean_and_spanish_texts_are_in_their_language_and_keep_the_reports_values():
    ko = voice.disagreement([("Coastal Ledger", "Nine"), ("Northwind Herald", "14")], "ko")
    assert ko.startswith("보도가 서로 다릅니다") and "Coastal Ledger: Nine" in ko and "Northwind Herald: 14" in ko
    es = voice.premise("the festival was cancelled", "es")
    assert es == "La pregunta supone “the festival was cancelled”, pero la prensa dice otra cosa."
    assert re.search(r"[가-힣]", voice.cannot_answer("ko")) and voice.cannot_answer("es").startswith("Los artículos")
    assert "2" in voice.removed(2, "ko") and "ASSISTANT_MULTILINGUAL=1" in voice.searched_across_languages(
        "es", searched=False, refused=False)


def test_a_language_without_texts_gets_english_naming_the_language():
    assert voice.cannot_answer("fr") == voice.cannot_answer() == "The articles in the corpus do not answer this question."
    assert voice.read_in_english("fr", "Who won?").startswith("Asked in French; the local model read the question")
    assert voice.searched_across_languages("de", searched=True, refused=True).startswith("Asked in German:")
