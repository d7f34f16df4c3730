"""Read article files: Markdown or text with YAML front matter, JSONL, folders.

Every problem is a :class:`LoadError` naming the file (or ``file:line``) and the fix; one
bad file never stops the others from loading. Input is bounded (``Limits``): file and
line size, field length and paragraphs per article, and front matter is parsed without
YAML aliases (no expansion bombs) and without YAML's own date parsing (dates are checked
here, with a message that names the file).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import yaml

from .paragraphs import split_spans
from .types import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
JSONL_SUFFIXES = {".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}  # saved web pages
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
UNKNOWN_OUTLET = "Outlet not named in the source"
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
_FRONT_MATTER_MAX = 64 * 1024


class LoadError(ValueError):
    """A file (or one line of a JSONL file) that cannot become an article."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Limits:
    """How much one file may hold (the settings ``max_file_mb``, ``max_field_chars``, ``max_paragraphs``)."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_field_chars: int = 2000
    max_paragraphs: int = 2000

    @classmethod
    def from_settings(cls, settings) -> "Limits":
        return cls(int(settings.max_file_mb * 1024 * 1024), settings.max_field_chars, settings.max_paragraphs)


@dataclass(frozen=True)
class Loaded:
    articles: list[Article]
    errors: list[LoadError]


def load_paths(paths: Iterable[str | Path], limits: Limits = Limits()) -> Loaded:
    """Load every article under ``paths`` (files or folders, read recursively)."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    for path in paths:
        path = Path(path)
        try:
            if not path.exists():
                errors.append(LoadError(path, "no such file or folder; check the path"))
                continue
            files = list(_files(path))
        except OSError as exc:
            errors.append(LoadError(path, f"cannot be listed ({exc.strerror or exc}); check its permissions"))
            continue
        for file in files:
            try:
                if file.suffix.lower() in JSONL_SUFFIXES:
                    got, bad = load_jsonl(file, limits)
                    articles.extend(got)
                    errors.extend(bad)
                elif file.suffix.lower() in HTML_SUFFIXES:
                    articles.append(load_html(file, limits))
                else:
                    articles.append(load_text(file, limits))
            except LoadError as exc:
                errors.append(exc)
            except Exception as exc:  # anything else reading one file is that file's error; the batch goes on
                errors.append(LoadError(file, f"could not be read ({_describe(exc)}); fix or remove the file"))
    return Loaded(articles, errors)


def loadable_name(name: str) -> bool:
    """Would the folder loader read a file of this name (suffix known, not hidden)?"""
    return Path(name).suffix.lower() in SUFFIXES and not name.startswith(".")


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
        return
    for file in sorted(path.rglob("*")):
        rel = file.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if file.is_file() and file.suffix.lower() in SUFFIXES:
            yield file


def _decode(data: bytes, where) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(where, f"not UTF-8 (bad byte at offset {exc.start}); re-save the file as UTF-8") from exc


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases (a few bytes could expand to gigabytes) and without timestamp parsing."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_text(path: Path, limits: Limits = Limits()) -> Article:
    """A Markdown or text file: YAML front matter between ``---`` lines, then the body.

    Paragraphs are separated by blank lines; a body without blank lines is read as
    one paragraph a line.
    """
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise LoadError(path, f"{size / 1e6:.1f} MB is larger than the {limits.max_file_bytes / 1e6:.1f} MB allowed; "
                              "split the article, or raise ASSISTANT_MAX_FILE_MB")
    text = _decode(path.read_bytes(), path)
    m = _FRONT_MATTER.match(text)
    if not m:
        raise LoadError(
            path,
            "no front matter; start the file with a '---' block giving at least "
            "title and published (YYYY-MM-DD)",
        )
    if len(m.group(1)) > _FRONT_MATTER_MAX:
        raise LoadError(path, f"front matter is longer than {_FRONT_MATTER_MAX // 1024} KB; keep it to the article's fields")
    try:
        meta = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        raise LoadError(path, f"front matter is not valid YAML ({_first_line(exc)})") from exc
    except RecursionError as exc:
        raise LoadError(path, "front matter is nested too deeply; write 'key: value' lines") from exc
    if not isinstance(meta, dict):
        raise LoadError(path, "front matter must be 'key: value' lines")
    body = text[m.end():]
    return article_from_fields(meta, body, source=path, default_id=path.stem, limits=limits)


def load_html(path: Path, limits: Limits = Limits()) -> Article:
    """A saved web page: its article's text and metadata (see ``pages``); the page's canonical URL, when it
    names one, is the article's identity, as if it had been fetched."""
    from .pages import PageError, page_fields

    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise LoadError(path, f"{size / 1e6:.1f} MB is larger than the {limits.max_file_bytes / 1e6:.1f} MB allowed; "
                              "raise ASSISTANT_MAX_FILE_MB if it is really one article")
    try:
        fields, body = page_fields(path.read_bytes())
    except PageError as exc:
        raise LoadError(path, str(exc)) from exc
    return article_from_fields(fields, body, source=path, default_id=path.stem, limits=limits)


def load_jsonl(path: Path, limits: Limits = Limits()) -> tuple[list[Article], list[LoadError]]:
    """One article a line; accepts ``source``/``published_date`` as well as ours. Read line by line."""
    articles, errors = [], []
    with open(path, "rb") as f:
        for n, raw in _lines(f, limits.max_file_bytes):
            where = f"{path}:{n}"
            try:
                if raw is None:
                    raise LoadError(where, f"line longer than the {limits.max_file_bytes / 1e6:.1f} MB allowed; "
                                           "split the article, or raise ASSISTANT_MAX_FILE_MB")
                line = _decode(raw, where)
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise LoadError(where, f"not valid JSON ({exc.msg}); fix or remove that line") from exc
                except RecursionError as exc:
                    raise LoadError(where, "JSON nested too deeply; each line must be one flat article object") from exc
                if not isinstance(row, dict):
                    raise LoadError(where, "each line must be a JSON object")
                articles.append(article_from_fields(row, row.get("body", ""), source=where, limits=limits))
            except LoadError as exc:
                errors.append(exc)
    if not articles and not errors:
        errors.append(LoadError(path, "empty file: no articles"))
    return articles, errors


def _lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line longer than ``limit`` (skipped unread)."""
    n = 0
    while True:
        raw = f.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = f.readline(1 << 20)
            yield n, None
            continue
        yield n, raw


def _field(meta: dict, key: str, source, limits: Limits, *alternatives: str) -> str:
    value = meta.get(key)
    for alt in alternatives:
        if value is None or value == "":
            value = meta.get(alt)
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple, set)):
        raise LoadError(source, f"{key} must be plain text, not a {type(value).__name__}")
    text = str(value).strip()
    if len(text) > limits.max_field_chars:
        raise LoadError(source, f"{key} is {len(text)} characters, more than the {limits.max_field_chars} allowed; "
                                "shorten it, or raise ASSISTANT_MAX_FIELD_CHARS")
    return text


def article_from_fields(meta: dict, body, *, source, default_id: str | None = None, limits: Limits = Limits()) -> Article:
    """Validate fields from front matter or a JSONL row and build an Article."""
    title = _field(meta, "title", source, limits)
    if not title:
        raise LoadError(source, "missing title; add 'title: ...'")
    article_id = _field(meta, "id", source, limits) or str(default_id or "").strip()
    if not article_id:
        raise LoadError(source, "missing id; add 'id: ...'")
    if not _ID_RE.match(article_id):
        raise LoadError(
            source, f"id {article_id[:80]!r} may hold only letters, digits and . _ : - (and start with a letter or digit)"
        )
    published = parse_date(meta.get("published", meta.get("published_date")), source)
    outlet = _field(meta, "outlet", source, limits, "source") or UNKNOWN_OUTLET
    if not isinstance(body, str) or not body.strip():
        raise LoadError(source, "empty body; the article needs at least one paragraph of text")
    paragraphs = len(split_spans(body))
    if paragraphs > limits.max_paragraphs:
        raise LoadError(source, f"{paragraphs} paragraphs, more than the {limits.max_paragraphs} allowed in one article; "
                                "split it, or raise ASSISTANT_MAX_PARAGRAPHS")
    return Article(
        id=article_id,
        title=title,
        outlet=outlet,
        published=published,
        body=body,
        url=_field(meta, "url", source, limits),
        language=_field(meta, "language", source, limits) or "en",
        source=str(source),
    )


def parse_date(value, source) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or str(value).strip() == "":
        raise LoadError(source, "missing published date; add 'published: YYYY-MM-DD'")
    if isinstance(value, (dict, list, tuple, set, bool)):
        raise LoadError(source, "published must be a date written YYYY-MM-DD")
    raw = str(value).strip()
    try:
        return date.fromisoformat(raw[:10])
    except ValueError as exc:
        raise LoadError(
            source, f"published date {raw[:40]!r} is not a valid date; write it as YYYY-MM-DD"
        ) from exc


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


def _describe(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, MemoryError):
        return "too large to read"
    return f"{type(exc).__name__}: {_first_line(exc)}"
