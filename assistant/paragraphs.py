"""Split an article body into paragraphs with stable ids, offsets and content hashes."""

from __future__ import annotations

import hashlib
import re

from .sentences import split_sentences
from .tokens import count_tokens
from .types import Article, Paragraph

# Bump when the way text becomes paragraphs or windows changes: the index
# fingerprint records it, so an old index is rebuilt rather than mixed.
CHUNKING_VERSION = "paragraphs-v2"

_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def split_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph in ``body``.

    Paragraphs are separated by blank lines; a body with no blank line but several
    lines is one paragraph a line. Surrounding whitespace is not part of a paragraph.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(body) else re.compile(r"\r?\n")
    spans = []
    pos = 0
    for m in list(separator.finditer(body)) + [None]:
        end = m.start() if m else len(body)
        chunk = body[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            s = pos + lead
            spans.append((s, s + len(stripped)))
        if m:
            pos = m.end()
    return spans


def split_article(article: Article) -> list[Paragraph]:
    paragraphs = []
    for n, (start, end) in enumerate(split_spans(article.body), 1):
        text = article.body[start:end]
        paragraphs.append(
            Paragraph(
                id=f"{article.id}#p{n}",
                article_id=article.id,
                index=n,
                text=text,
                start=start,
                end=end,
                hash=content_hash(text),
                tokens=count_tokens(text),
            )
        )
    return paragraphs


def embedding_windows(text: str, count_tokens, max_tokens: int) -> list[str]:
    return [w for w, _ in counted_windows(text, count_tokens, max_tokens)]


def counted_windows(text: str, count_tokens, max_tokens: int) -> list[tuple[str, int]]:
    """Pieces of ``text`` that each fit the embedder's window (sentence-aligned).

    Most paragraphs fit and come back whole. A longer one is packed sentence by
    sentence; a single sentence longer than the window is cut at word boundaries.
    The paragraph is still cited as one; only its vectors are several.
    """
    limit = max(8, max_tokens - 2)  # room for [CLS] and [SEP]
    n = count_tokens(text)
    if n <= limit:
        return [(text, n)]
    pieces: list[str] = []
    for sentence in split_sentences(text):
        if count_tokens(sentence) <= limit:
            pieces.append(sentence)
        else:
            pieces.extend(_cut_words(sentence, count_tokens, limit))
    windows: list[tuple[str, int]] = []
    current: list[str] = []
    used = 0
    for piece in pieces:
        n = count_tokens(piece)
        if current and used + n > limit:
            windows.append((" ".join(current), used))
            current, used = [], 0
        current.append(piece)
        used += n
    if current:
        windows.append((" ".join(current), used))
    return windows


def _cut_words(sentence: str, count_tokens, limit: int) -> list[str]:
    out, current, used = [], [], 0
    for word in sentence.split():
        n = count_tokens(word)  # word pieces add up within a whitespace-split text
        if current and used + n > limit:
            out.append(" ".join(current))
            current, used = [], 0
        current.append(word)
        used += n
    if current:
        out.append(" ".join(current))
    return out
