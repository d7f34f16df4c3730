"""Read article files: Markdown or text with YAML front matter, JSONL, folders.

Every problem is a :class:`LoadError` naming the file and the fix; one bad file
never stops the others from loading.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .types import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
UNKNOWN_OUTLET = "Outlet not named in the source"
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")


class LoadError(ValueError):
    """A file (or one line of a JSONL file) that cannot become an article."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Loaded:
    articles: list[Article]
    errors: list[LoadError]


def load_paths(paths: Iterable[str | Path]) -> Loaded:
    """Load every article under ``paths`` (files or folders, read recursively)."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            errors.append(LoadError(path, "no such file or folder; check the path"))
            continue
        for file in _files(path):
            try:
                if file.suffix.lower() in JSONL_SUFFIXES:
                    got, bad = load_jsonl(file)
                    articles.extend(got)
                    errors.extend(bad)
                else:
                    articles.append(load_text(file))
            except LoadError as exc:
                errors.append(exc)
    return Loaded(articles, errors)


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


def _read_utf8(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            path, f"not UTF-8 (bad byte at offset {exc.start}); re-save the file as UTF-8"
        ) from exc


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def load_text(path: Path) -> Article:
    """A Markdown or text file: YAML front matter between ``---`` lines, then the body.

    Paragraphs are separated by blank lines; a body without blank lines is read as
    one paragraph a line.
    """
    text = _read_utf8(path)
    m = _FRONT_MATTER.match(text)
    if not m:
        raise LoadError(
            path,
            "no front matter; start the file with a '---' block giving at least "
            "title and published (YYYY-MM-DD)",
        )
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise LoadError(path, f"front matter is not valid YAML ({_first_line(exc)})") from exc
    if not isinstance(meta, dict):
        raise LoadError(path, "front matter must be 'key: value' lines")
    body = text[m.end():]
    return article_from_fields(meta, body, source=path, default_id=path.stem)


def load_jsonl(path: Path) -> tuple[list[Article], list[LoadError]]:
    """One article a line; accepts ``source``/``published_date`` as well as ours."""
    text = _read_utf8(path)
    articles, errors = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(LoadError(where, f"not valid JSON ({exc.msg}); fix or remove that line"))
            continue
        if not isinstance(row, dict):
            errors.append(LoadError(where, "each line must be a JSON object"))
            continue
        try:
            articles.append(article_from_fields(row, row.get("body", ""), source=where))
        except LoadError as exc:
            errors.append(exc)
    if not articles and not errors:
        errors.append(LoadError(path, "empty file: no articles"))
    return articles, errors


def article_from_fields(meta: dict, body, *, source, default_id: str | None = None) -> Article:
    """Validate fields from front matter or a JSONL row and build an Article."""
    title = str(meta.get("title") or "").strip()
    if not title:
        raise LoadError(source, "missing title; add 'title: ...'")
    article_id = str(meta.get("id") or default_id or "").strip()
    if not article_id:
        raise LoadError(source, "missing id; add 'id: ...'")
    if not _ID_RE.match(article_id):
        raise LoadError(
            source, f"id {article_id!r} may hold only letters, digits and . _ : -"
        )
    published = parse_date(meta.get("published", meta.get("published_date")), source)
    outlet = str(meta.get("outlet") or meta.get("source") or "").strip() or UNKNOWN_OUTLET
    if not isinstance(body, str) or not body.strip():
        raise LoadError(source, "empty body; the article needs at least one paragraph of text")
    return Article(
        id=article_id,
        title=title,
        outlet=outlet,
        published=published,
        body=body,
        url=str(meta.get("url") or ""),
        language=str(meta.get("language") or "en"),
        source=str(source),
    )


def parse_date(value, source) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or str(value).strip() == "":
        raise LoadError(source, "missing published date; add 'published: YYYY-MM-DD'")
    raw = str(value).strip()
    try:
        return date.fromisoformat(raw[:10])
    except ValueError as exc:
        raise LoadError(
            source, f"published date {raw!r} is not an ISO date; write it as YYYY-MM-DD"
        ) from exc


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
