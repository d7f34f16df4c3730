"""Articles from the web: article URLs, RSS 2.0 and Atom feeds (URLs or files), each entry's page fetched.

A feed is parsed by feedparser, a page by trafilatura (``pages``). The canonical URL is an
article's identity and its source, so the same story fetched twice (tracking parameters,
redirects, from the feed and from the page) is one article, and a changed page updates only
its changed paragraphs (the ordinary incremental ingest). ETag and Last-Modified are kept
per URL and sent again, so a refresh downloads only what changed; they are recorded only
after the articles are indexed. One failing entry never stops the others.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .fetch import Fetcher, FetchError, FetchPolicy
from .loaders import Limits, Loaded, LoadError, article_from_fields
from .pages import PageError, page_fields
from .types import Article

log = logging.getLogger(__name__)

FEED_SUFFIXES = {".xml", ".rss", ".atom"}


def is_url(item: str) -> bool:
    return "://" in str(item)[:16]


def is_feed_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in FEED_SUFFIXES


@dataclass(frozen=True)
class WebState:
    """What to remember of one URL once its articles are indexed."""

    url: str
    kind: str  # "page" or "feed"
    etag: str
    last_modified: str


@dataclass
class WebLoaded:
    loaded: Loaded
    state: list[WebState] = field(default_factory=list)  # to record after the ingest commits
    unchanged: int = 0  # URLs the server said were not modified
    seconds: float = 0.0  # time spent fetching and extracting


def _feed(data: bytes) -> list[tuple[str, date | None]] | None:
    """(link, published) of each entry, or None when ``data`` is not a feed."""
    import feedparser

    head = data[:512].lstrip().lower()
    if not (head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")):
        return None
    parsed = feedparser.parse(data)
    if not parsed.version:
        return None
    out = []
    for e in parsed.entries:
        when = e.get("published_parsed") or e.get("updated_parsed")
        out.append((e.get("link", ""), date(*when[:3]) if when else None))
    return out


def load_web(items: list[str], catalog, settings) -> WebLoaded:
    """Fetch and extract every URL or feed file in ``items``; errors name the URL (or file) and the fix."""
    t0 = time.perf_counter()
    limits = Limits.from_settings(settings)
    fetcher = Fetcher(FetchPolicy.from_settings(settings))
    out = WebLoaded(Loaded([], []))
    try:
        for item in items:
            if is_url(item):
                _url(item, fetcher, catalog, limits, out)
            else:
                _feed_file(Path(item), fetcher, catalog, limits, out)
    finally:
        fetcher.close()
    out.seconds = time.perf_counter() - t0
    return out


def _url(url: str, fetcher: Fetcher, catalog, limits: Limits, out: WebLoaded) -> None:
    cached = catalog.web_state(url)
    try:
        got = fetcher.get(url, *(cached or ("", "")))
    except FetchError as exc:
        out.loaded.errors.append(LoadError(exc.url, exc.reason))
        return
    if got.not_modified:
        out.unchanged += 1
        return
    entries = _feed(got.body)
    if entries is None:
        article = _page(got.body, got.url, url, None, limits, out)
        if article is not None:
            out.loaded.articles.append(article)
            out.state.append(WebState(url, "page", got.etag, got.last_modified))
        return
    if _entries(entries, url, fetcher, catalog, limits, out):
        out.state.append(WebState(url, "feed", got.etag, got.last_modified))


def _feed_file(path: Path, fetcher: Fetcher, catalog, limits: Limits, out: WebLoaded) -> None:
    try:
        entries = _feed(path.read_bytes())
    except OSError as exc:
        out.loaded.errors.append(LoadError(path, f"cannot be read ({exc.strerror or exc})"))
        return
    if entries is None:
        out.loaded.errors.append(LoadError(path, "not an RSS or Atom feed"))
        return
    _entries(entries, str(path), fetcher, catalog, limits, out)


def _entries(entries, feed: str, fetcher: Fetcher, catalog, limits: Limits, out: WebLoaded) -> bool:
    """Fetch each entry's page; True when every entry was read (then the feed's state may be recorded)."""
    ok = True
    for link, published in entries:
        if not link:
            out.loaded.errors.append(LoadError(feed, "an entry without a link; skipped"))
            ok = False
            continue
        cached = catalog.web_state(link)
        try:
            got = fetcher.get(link, *(cached or ("", "")))
        except FetchError as exc:
            out.loaded.errors.append(LoadError(exc.url, f"{exc.reason} (an entry of {feed})"))
            ok = False
            continue
        if got.not_modified:
            out.unchanged += 1
            continue
        article = _page(got.body, got.url, link, published, limits, out)
        if article is None:
            ok = False
        else:
            out.loaded.articles.append(article)
            out.state.append(WebState(link, "page", got.etag, got.last_modified))
    return ok


def _page(body: bytes, final_url: str, asked: str, fallback: date | None, limits: Limits, out: WebLoaded) -> Article | None:
    try:
        fields, text = page_fields(body, final_url, fallback)  # a fetched page always has a canonical URL
        return article_from_fields(fields, text, source=fields["url"], limits=limits)
    except PageError as exc:
        out.loaded.errors.append(LoadError(asked, str(exc)))
    except LoadError as exc:
        out.loaded.errors.append(LoadError(asked, exc.reason))
    return None
