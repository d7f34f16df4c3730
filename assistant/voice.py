"""What the assistant says in its own words, in the question's language where it has been written for it.

The reporting is quoted as written (English), never translated: the packaged 1.5B model alters names and figures
when it translates (measured: "$1.58 billion" became "$1.58 billetes", Korean came out garbled). What the assistant
says itself (that it cannot answer, how it read the question, that the reports disagree, that a premise does not
hold) is fixed text, written by hand for each language in ``LANGUAGES``; any other language gets English.
"""

from __future__ import annotations

from datetime import date

__all__ = ["LANGUAGES", "cannot_answer", "disagreement", "in_short", "language_name", "premise", "quoted_instead",
           "read_in_english", "refusal_words", "removed", "searched_across_languages"]

LANGUAGE_NAMES = {"ko": "Korean", "es": "Spanish", "fr": "French", "de": "German", "ja": "Japanese",
                  "zh-cn": "Chinese", "zh-tw": "Chinese", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic",
                  "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish", "tr": "Turkish"}

_TEXTS: dict[str, dict[str, str]] = {
    "cannot_answer": {
        "en": "The articles in the corpus do not answer this question.",
        "ko": "보유한 기사에는 이 질문에 대한 답이 없습니다.",
        "es": "Los artículos del corpus no responden a esta pregunta.",
    },
    "disagree": {
        "en": "The reports disagree: {claims}.",
        "ko": "보도가 서로 다릅니다. {claims}.",
        "es": "Los informes no coinciden: {claims}.",
    },
    "claim": {"en": "{outlet} gives {value}", "ko": "{outlet}: {value}", "es": "{outlet} da {value}"},
    "premise": {
        "en": "The question assumes “{assumed}”; the reporting says otherwise.",
        "ko": "질문은 “{assumed}”(을)를 전제하지만, 보도 내용은 그렇지 않습니다.",
        "es": "La pregunta supone “{assumed}”, pero la prensa dice otra cosa.",
    },
    "read": {
        "en": "Asked in {name}; the local model read the question in English as “{english}” and the English "
              "reporting answered that reading (quotes stay in English, as written).",
        "ko": "한국어 질문을 로컬 모델이 영어로 “{english}”(으)로 읽었고, 영어 보도에서 그 질문의 답을 찾았습니다 "
              "(인용문은 원문 그대로 영어입니다).",
        "es": "Pregunta hecha en español; el modelo local la leyó en inglés como “{english}” y la prensa en inglés "
              "respondió a esa lectura (las citas quedan en inglés, tal como se escribieron).",
    },
    "read_refused": {
        "en": "Asked in {name}; the local model read the question in English as “{english}”, and the English "
              "reporting does not answer that reading (if the reading is wrong, ask again in other words).",
        "ko": "한국어 질문을 로컬 모델이 영어로 “{english}”(으)로 읽었지만, 영어 보도에는 그 질문의 답이 없습니다 "
              "(읽기가 틀렸다면 다른 말로 다시 물어보세요).",
        "es": "Pregunta hecha en español; el modelo local la leyó en inglés como “{english}”, y la prensa en inglés "
              "no responde a esa lectura (si la lectura es errónea, pregunte de nuevo con otras palabras).",
    },
    "search_off": {
        "en": "Asked in {name}, but multilingual search is off, so the English-only embedder matched it and the "
              "paragraphs may miss: set ASSISTANT_MULTILINGUAL=1 and run 'assistant ingest' again.",
        "ko": "한국어로 질문하셨지만 다국어 검색이 꺼져 있어 영어 전용 임베더로 찾았으므로 관련 문단을 놓쳤을 수 "
              "있습니다. ASSISTANT_MULTILINGUAL=1로 설정하고 'assistant ingest'를 다시 실행하세요.",
        "es": "Pregunta hecha en español, pero la búsqueda multilingüe está desactivada: la buscó el modelo solo en "
              "inglés y puede no dar con los párrafos. Active ASSISTANT_MULTILINGUAL=1 y ejecute de nuevo "
              "'assistant ingest'.",
    },
    "search_refused": {
        "en": "Asked in {name}: the reporting was searched with a multilingual model (multilingual-e5-small), but "
              "none of the retrieved sentences is close enough to the question to quote as its answer.",
        "ko": "한국어 질문으로 다국어 모델(multilingual-e5-small)이 보도를 검색했지만, 답으로 인용할 만큼 질문에 "
              "가까운 문장이 없습니다.",
        "es": "Pregunta hecha en español: se buscó en la prensa con un modelo multilingüe (multilingual-e5-small), "
              "pero ninguna frase encontrada se acerca lo bastante a la pregunta para citarla como respuesta.",
    },
    "search_answered": {
        "en": "Asked in {name}: the reporting was searched with a multilingual model (multilingual-e5-small); "
              "below are the English sentences closest to the question, quoted as written (whether they answer it "
              "is judged by that model's similarity alone, not read in {name}).",
        "ko": "한국어 질문으로 다국어 모델(multilingual-e5-small)이 보도를 검색했습니다. 아래는 질문에 가장 가까운 "
              "영어 문장을 원문 그대로 인용한 것입니다(답이 되는지는 그 모델의 유사도로만 판단했으며, 한국어로 "
              "읽고 판단한 것이 아닙니다).",
        "es": "Pregunta hecha en español: se buscó en la prensa con un modelo multilingüe (multilingual-e5-small); "
              "debajo están las frases en inglés más cercanas a la pregunta, citadas tal como se escribieron (si "
              "responden se juzga solo por la similitud de ese modelo, no leyéndolas en español).",
    },
    "quoted_instead": {
        "en": "The model's answer was not supported by the sources; these sentences are quoted instead.",
        "ko": "모델의 답은 출처로 뒷받침되지 않아, 대신 이 문장들을 인용합니다.",
        "es": "Las fuentes no respaldaban la respuesta del modelo; en su lugar se citan estas frases.",
    },
    "removed": {
        "en": "{count} sentence(s) the sources do not support were removed.",
        "ko": "출처로 뒷받침되지 않는 문장 {count}개를 지웠습니다.",
        "es": "Se quitaron {count} frase(s) que las fuentes no respaldan.",
    },
    "in_short": {"en": "In short: {value}", "ko": "요약하면: {value}", "es": "En resumen: {value}"},
    "not_say": {"en": "The corpus does not say.", "ko": "기사에 나와 있지 않습니다.",
                "es": "El corpus no lo dice."},
    "nearby": {"en": "What the corpus does cover nearby:", "ko": "기사가 다루는 가까운 내용:",
               "es": "Lo que el corpus sí cubre cerca de la pregunta:"},
    "nothing_near": {"en": "Nothing in the corpus is close to this question.",
                     "ko": "이 질문에 가까운 기사가 없습니다.",
                     "es": "Nada en el corpus se acerca a esta pregunta."},
}

_MONTHS_ES = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre").split()

# A length of time or a distance in each language: Korean puts the unit after the number ("5년"), Spanish names it
# in the singular or the plural ("1 año", "5 años"); metric units are written alike in all three.
_UNITS = {
    "ko": {"second": "초", "minute": "분", "hour": "시간", "day": "일", "night": "박", "week": "주", "month": "개월",
           "year": "년", "century": "세기", "km": "km", "m": "m", "mile": "마일", "yard": "야드", "foot": "피트"},
    "es": {"second": ("segundo", "segundos"), "minute": ("minuto", "minutos"), "hour": ("hora", "horas"),
           "day": ("día", "días"), "night": ("noche", "noches"), "week": ("semana", "semanas"), "month": ("mes", "meses"),
           "year": ("año", "años"), "decade": ("década", "décadas"), "century": ("siglo", "siglos"), "km": ("km", "km"),
           "m": ("m", "m"), "mile": ("milla", "millas"), "yard": ("yarda", "yardas"), "foot": ("pie", "pies")},
}

LANGUAGES = frozenset(lang for texts in _TEXTS.values() for lang in texts)


def _say(key: str, language: str, **values: str) -> str:
    texts = _TEXTS[key]
    return texts.get(language, texts["en"]).format(name=language_name(language), **values)


def language_name(language: str) -> str:
    """'ko' -> 'Korean' (the code itself for a language without a name here)."""
    return LANGUAGE_NAMES.get(language, language)


def cannot_answer(language: str = "en") -> str:
    """The named "cannot answer" response, said instead of guessing."""
    return _say("cannot_answer", language)


def disagreement(claims: list[tuple[str, str]], language: str = "en") -> str:
    """Reports that give different values: ``claims`` is (outlet, value as written) per report."""
    joined = "; ".join(_say("claim", language, outlet=outlet, value=value) for outlet, value in claims)
    return _say("disagree", language, claims=joined)


def premise(assumed: str, language: str = "en") -> str:
    """A question that assumes what the reporting contradicts (``assumed``: the question's words for it)."""
    return _say("premise", language, assumed=assumed)


def read_in_english(language: str, english: str, refused: bool = False) -> str:
    """What an answer to a question read in English by the local model says about that reading."""
    return _say("read_refused" if refused else "read", language, english=english)


def searched_across_languages(language: str, searched: bool, refused: bool) -> str:
    """How a question in another language met the English reporting: ``searched``: by the multilingual model
    (else by the English-only embedder, which may miss)."""
    if not searched:
        return _say("search_off", language)
    return _say("search_refused" if refused else "search_answered", language)


def quoted_instead(language: str = "en") -> str:
    """Under an answer the extractive fallback wrote because nothing the model wrote was supported."""
    return _say("quoted_instead", language)


def removed(count: int, language: str = "en") -> str:
    """Under an answer some of whose drafted sentences the verifier removed."""
    return _say("removed", language, count=str(count))


def refusal_words(language: str = "en") -> tuple[str, str, str]:
    """The chat's refusal box: its heading, the lead-in to the nearby articles, and the line when none is near."""
    return _say("not_say", language), _say("nearby", language), _say("nothing_near", language)


def in_short(kind: str, value: str, written: str, language: str = "en") -> str:
    """The value an answer gives, said first and the language's way: a date ("2024-12-15" -> "2024년 12월 15일",
    "15 de diciembre de 2024"), a number with the language's digit grouping ("3000" -> "3,000"; Spanish groups
    five digits and more with a space, "12 000"), a length of time or a distance read as a number and a unit
    ("5 year" -> "5년", "5 años"); a name, or an amount of money or what no unit reads, as the report writes it
    (quoted: the report's words, not translated)."""
    if kind == "date" and len(value) == 4:  # a year ("built in 1962"), said as written in every language
        said = {"ko": f"{value}년"}.get(language, value)
    elif kind == "date":
        day = date.fromisoformat(value)
        said = {"ko": f"{day.year}년 {day.month}월 {day.day}일",
                "es": f"{day.day} de {_MONTHS_ES[day.month - 1]} de {day.year}"}.get(
            language, f"{day.day} {day:%B} {day.year}")  # as ``dates`` labels a day
    elif kind == "number" and value.isdigit():
        said = f"{int(value):,}"
        if language == "es":
            said = value if len(value) <= 4 else f"{int(value):,}".replace(",", "\u00a0")
    elif kind in ("duration", "distance") and value.split(" ")[-1] in _UNITS.get(language, {}):
        n, unit = value.split(" ")  # "5 year", read by ``conflicts.measure``
        if language == "ko":
            said = f"{n} {unit}" if unit in ("km", "m") else f"{n}{_UNITS['ko'][unit]}"
        else:
            said = f"{n} {_UNITS['es'][unit][n != '1']}"
    elif kind == "name":
        said = written
    else:
        said = f"“{written}”"
    return _say("in_short", language, value=said)
