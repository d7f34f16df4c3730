"""A question in another language read in English by the local chat model, so that the whole English path
answers it: hybrid search, the calibrated refusal, premises, disagreement, dates and attribution.

The small model misspells names it has to transliterate (a Korean 다마스쿠스 came back as "Athens"), so it is
shown the names of the paragraphs that the question, as asked, retrieved (``names_for``) and told to spell
them as the reports do. Whether a language is read this way, or answered by quotes matched with
multilingual-e5 (``generators/crosslingual.py``), is decided per language by ``eval/fit_translation.py`` on the
translated editor dev questions: the languages where reading the translation answered better are listed in
``crosslingual_model.json`` under ``translate``. A language not measured keeps the e5 quotes.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .text import STOPWORDS, key_entities
from .types import Hit

__all__ = ["MAX_NAMES", "MAX_WORDS", "Translator", "english_reading", "names_for", "translated_languages",
           "translation_messages", "words_for"]

FITTED_FILE = Path(__file__).resolve().parent / "crosslingual_model.json"

MAX_NAMES = 40  # names shown to the model: enough for five paragraphs, short enough to read in about a second

SYSTEM = ("You translate a news question into English. The names in the reports that might be relevant are "
          "listed; use their English spelling when the question names them. Words the reports use are listed too; "
          "where one fits the question, use it. Reply with the English question only.")
MAX_WORDS = 40  # the reports' own words shown beside the names: the English path matches words, so a reading in the
# reports' words ("withdrawn", "flown") finds them where a free one ("evacuated", "transported") is refused


def names_for(hits: list[Hit], limit: int = MAX_NAMES) -> list[str]:
    """The names the retrieved paragraphs use (titles first), each once, in order of the hits."""
    out: list[str] = []
    for hit in hits:
        for name in key_entities(f"{hit.title}. {hit.text}"):
            if name not in out and not name[0].isdigit():
                out.append(name)
    return out[:limit]


def words_for(hits: list[Hit], limit: int = MAX_WORDS) -> list[str]:
    """The retrieved paragraphs' own words (no names, no stopwords, none shorter than four letters), each once, in
    order of the hits."""
    out: list[str] = []
    for hit in hits:
        for word in re.findall(r"[A-Za-z]+", hit.text):
            if len(word) > 3 and word.islower() and word not in STOPWORDS and word not in out:  # names are listed apart
                out.append(word)
    return out[:limit]


def translation_messages(question: str, names: list[str], vocabulary: list[str] = ()) -> list[dict]:
    listed = "; ".join(names) if names else "(none)"
    said = ", ".join(vocabulary) if vocabulary else "(none)"
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Names in the reports: {listed}\n\nWords in the reports: {said}\n\n"
                                        f"Question: {question}"}]


def english_reading(reply: str, question: str) -> str | None:
    """The model's reply as one English question, or None when it gave none (empty, or the question back)."""
    lines = [line.strip() for line in reply.strip().splitlines() if line.strip()]
    if not lines:
        return None
    text = lines[0]
    for prefix in ("English question:", "Question:", "Translation:"):
        if text.lower().startswith(prefix.lower()):
            text = text[len(prefix):].strip()
    text = text.strip('"“”').strip()
    if not text or text == question.strip():
        return None
    return text


@lru_cache(maxsize=1)
def _fitted() -> dict:
    return json.loads(FITTED_FILE.read_text(encoding="utf-8")).get("translate", {})


def translated_languages() -> frozenset[str]:
    """Languages whose questions are read in English by the local model (fitted, ``eval/fit_translation.py``)."""
    return frozenset(lang for lang, fit in _fitted().items() if fit.get("translate"))


class Translator:
    """Reads questions in ``languages`` (default: the fitted ones) in English with a chat model's ``complete``
    (messages in, reply text out: ``LocalGenerator.complete``)."""

    def __init__(self, complete: Callable[[list[dict]], str], languages: frozenset[str] | None = None):
        self.complete = complete
        self.languages = translated_languages() if languages is None else frozenset(languages)

    def reads(self, language: str) -> bool:
        return language != "en" and language in self.languages

    def translate(self, question: str, hits: list[Hit]) -> str | None:
        """``question`` in English, names spelled as in ``hits`` (what the question as asked retrieved)."""
        return english_reading(self.complete(translation_messages(question, names_for(hits), words_for(hits))),
                               question)
