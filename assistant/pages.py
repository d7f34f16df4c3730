"""An HTML page's article: main text and metadata by trafilatura, identity by canonical URL.

Paragraphs come from the page's structure (trafilatura emits one block a line); the title,
site name (the outlet), publication date, author and canonical URL come from the page's
metadata. ``page_fields`` returns the fields and body an article is built from (by the
loaders, which validate them as they do a file's front matter); a page without a findable
title or date is a ``PageError`` the caller turns into the same named error a file gets.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date

log = logging.getLogger(__name__)


class PageError(ValueError):
    """The page holds no usable article; the message says why and what to do."""


def canonical_url(url: str) -> str:
    """The URL that identifies an article: tracking parameters and fragment removed, host lower-cased."""
    from courlan import normalize_url

    try:
        return normalize_url(url, strict=True)
    except (ValueError, TypeError) as exc:
        log.debug("could not normalise %s: %s", url, exc)
        return url


def web_article_id(url: str) -> str:
    return "web-" + hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:16]


def page_fields(html: bytes | str, url: str = "", fallback_date: date | None = None) -> tuple[dict, str]:
    """(fields, body) of the article on a page fetched (or saved) from ``url``."""
    import trafilatura

    # Dates only from the page's markup and metadata: a year in the text ("down from 240,000 in 2015")
    # must never become the publication date.
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False,
                                      include_tables=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        raise PageError("no article text found on the page; is it an article page (not a front page or a list)?")
    title = (doc.title or "").strip()
    if not title:
        raise PageError("no title found on the page; save it as Markdown with a 'title:' line instead")
    published = doc.date or (fallback_date.isoformat() if fallback_date else None)
    if not published:
        raise PageError("no publication date found on the page (nor in its feed); save it as Markdown with "
                        "'published: YYYY-MM-DD' instead")
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]  # the headline again
    page_url = doc.url or url
    canonical = canonical_url(page_url) if page_url.startswith(("http://", "https://")) else ""
    fields = {
        "title": title,
        "outlet": doc.sitename or doc.hostname or "",
        "published": published,
        "url": canonical,
        "author": doc.author or "",
    }
    if canonical:
        fields["id"] = web_article_id(canonical)
    return fields, "\n\n".join(lines)
