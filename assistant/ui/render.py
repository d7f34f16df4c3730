"""HTML for the chat UI: answers with clickable citation markers, sources, the reading pane."""

from __future__ import annotations

from html import escape

from .. import voice
from ..catalog import StoredParagraph
from ..retrieval import stored_dates
from ..types import Answer, Article, Hit


def cite_link(n: int, paragraph_id: str, quote: str = "") -> str:
    """A numbered marker; clicking it opens the paragraph in the reading pane (see ``CLICK_JS``),
    hovering shows its quote."""
    tip = f'<span class="cite-tip">{escape(_short(quote))}</span>' if quote else ""
    return f'<a class="cite" href="#cite={escape(paragraph_id)}" title="{escape(paragraph_id)}">[{n}]{tip}</a>'


def _short(quote: str, limit: int = 420) -> str:
    return quote if len(quote) <= limit else quote[: limit - 20].rsplit(" ", 1)[0] + " …"


def timeline_svg(answer: Answer) -> str:
    """The timeline's events on a date axis; each point opens its paragraph (a citation link)."""
    from datetime import date

    points = answer.timeline
    if len(points) < 2:
        return ""
    days = [date.fromisoformat(p.day).toordinal() for p in points]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)
    width, left, right = 640, 40, 40
    x = [left + (d - lo) / span * (width - left - right) for d in days]
    marks = []
    for i, (p, px) in enumerate(zip(points, x)):
        c = answer.citations[p.citation - 1]
        y = 40 if i % 2 == 0 else 78
        marks.append(
            f'<a class="cite tl-point" href="#cite={escape(c.paragraph_id)}"><title>{escape(p.label)}: '
            f'{escape(_short(c.quote, 200))}</title><line x1="{px:.1f}" y1="60" x2="{px:.1f}" y2="{y}" stroke="#94a3b8"/>'
            f'<circle cx="{px:.1f}" cy="60" r="7" fill="#1d4ed8"/>'
            f'<text x="{px:.1f}" y="{y - 4 if y < 60 else y + 12}" text-anchor="middle" font-size="11">'
            f'[{p.citation}] {escape(p.label)}</text></a>'
        )
    axis = f'<line x1="{left}" y1="60" x2="{width - right}" y2="60" stroke="#334155" stroke-width="2"/>'
    return (f'<svg class="timeline" viewBox="0 0 {width} 110" width="100%" role="img" '
            f'aria-label="Timeline of the cited events">{axis}{"".join(marks)}</svg>')


def answer_html(answer: Answer, hits: list[Hit]) -> str:
    if answer.refused:
        return refusal_html(answer, hits)
    parts = []
    for s in answer.sentences:
        marks = "".join(cite_link(m, answer.citations[m - 1].paragraph_id, answer.citations[m - 1].quote)
                        for m in s.citations)
        parts.append(f"{escape(s.text)}<sup>{marks}</sup>")
    lead = f'<div class="editor-note">{escape(answer.note)}</div>' if answer.note else ""
    if answer.brief is not None:  # the value asked for, in the question's language, cited
        c = answer.citations[answer.brief.citation - 1]
        lead += (f'<div class="brief">{escape(answer.brief.text)}'
                 f'<sup>{cite_link(answer.brief.citation, c.paragraph_id, c.quote)}</sup></div>')
    if answer.time_read:
        lead += f'<div class="meta time-read">{escape(answer.time_read)}</div>'
    if answer.timeline:
        body = "".join(f"<li>{p}</li>" for p in parts)
        return f'{lead}{timeline_svg(answer)}<ol class="answer timeline-list">{body}</ol>{sources_html(answer)}'
    note = ""
    v = answer.verification
    if v is not None and v.fallback == "extractive":
        note = f'<div class="note">{escape(voice.quoted_instead(answer.language))}</div>'
    elif v is not None and any(c.verdict == "removed" for c in v.sentences):
        removed = sum(1 for c in v.sentences if c.verdict == "removed")
        note = f'<div class="note">{escape(voice.removed(removed, answer.language))}</div>'
    if answer.note:  # the note is shown above, not repeated in the text
        parts[0] = parts[0].replace(escape(answer.note) + " ", "", 1)
    return f'{lead}<div class="answer">{" ".join(parts)}</div>{note}{sources_html(answer)}'


def refusal_html(answer: Answer, hits: list[Hit]) -> str:
    """A refusal looks different, and says what the corpus does cover near the question."""
    covered = []
    seen = set()
    for h in hits:
        if h.article_id in seen:
            continue
        seen.add(h.article_id)
        covered.append(f'<li>{escape(h.title)} <span class="meta">({escape(h.outlet)}, {h.published.isoformat()})</span> '
                       f'{cite_link(len(covered) + 1, h.paragraph_id)}</li>')
        if len(covered) == 3:
            break
    heading, nearby, nothing = voice.refusal_words(answer.language)
    near = f'<div class="covered">{escape(nearby)}<ul>{"".join(covered)}</ul></div>' if covered else \
        f'<div class="covered">{escape(nothing)}</div>'
    lead = f'<div class="editor-note">{escape(answer.note)}</div>' if answer.note else ""  # how the question was read
    return f'{lead}<div class="refusal"><strong>{escape(heading)}</strong> {escape(answer.text)}{near}</div>'


def sources_html(answer: Answer) -> str:
    if not answer.citations:
        return ""
    items = []
    for n, c in enumerate(answer.citations, 1):
        quote = c.quote if len(c.quote) <= 420 else c.quote[:400].rsplit(" ", 1)[0] + " …"
        also = f'<div class="meta also">also in: {escape(", ".join(c.also_in))}</div>' if c.also_in else ""
        if c.quoted:
            also += f'<div class="meta quoted">quoted: {escape("; ".join(c.quoted))}</div>'
        items.append(
            f'<li class="source"><div>{cite_link(n, c.paragraph_id)} <strong>{escape(c.title)}</strong> '
            f'<span class="meta">{escape(c.outlet)}, {escape(c.published)} · {escape(c.paragraph_id)}</span></div>'
            f'{also}<blockquote>{escape(quote)}</blockquote></li>'
        )
    return f'<ol class="sources">{"".join(items)}</ol>'


def found_html(hits: list[Hit]) -> str:
    """The sources retrieval found, by article, shown while the answer is still being written."""
    if not hits:
        return '<div class="found">No paragraph matched.</div>'
    groups: dict[str, list[Hit]] = {}
    for h in hits:
        groups.setdefault(h.article_id, []).append(h)
    rows = []
    for items in groups.values():
        h = items[0]
        paras = " ".join(
            f'<a class="cite" href="#cite={escape(x.paragraph_id)}" title="{escape(x.paragraph_id)}">'
            f'¶{escape(x.paragraph_id.rsplit("#p", 1)[-1])}</a>' for x in items
        )
        rows.append(f'<li>{escape(h.title)} <span class="meta">({escape(h.outlet)}, {h.published.isoformat()})</span> {paras}</li>')
    return f'<div class="found">Sources found:<ul>{"".join(rows)}</ul></div>'


def article_html(article: Article, paragraphs: list[StoredParagraph], highlight: str | None) -> str:
    """The whole article, the cited paragraph highlighted (and scrolled to by ``SCROLL_JS``)."""
    link = f' · <a href="{escape(article.url)}" target="_blank" rel="noopener">original</a>' if _web(article.url) else ""
    body = []
    for p in paragraphs:
        cls = "para cited" if p.id == highlight else "para"
        body.append(f'<p id="para-{p.n}" class="{cls}" data-pid="{escape(p.id)}"><span class="pn">¶{p.n}</span> '
                    f'{dated_html(p.text, stored_dates(p))}</p>')
    return (
        f'<div class="reader"><h3>{escape(article.title)}</h3>'
        f'<div class="meta">{escape(article.outlet)} · {article.published.isoformat()}{link}</div>'
        f'{"".join(body)}</div>'
    )


def dated_html(text: str, dates) -> str:
    """The paragraph with a badge beside each relative date saying which day it is."""
    out, pos = [], 0
    for m in sorted((d for d in dates if d.relative), key=lambda d: d.start):
        if m.start < pos or text[m.start:m.end] != m.text:
            continue
        out.append(escape(text[pos:m.start]))
        out.append(f'<span class="date-rel" title="{escape(m.label)}">{escape(m.text)}</span>'
                   f'<span class="date-badge">{escape(m.label)}</span>')
        pos = m.end
    out.append(escape(text[pos:]))
    return "".join(out)


def _web(url: str) -> bool:
    """Only http(s) addresses become links (never javascript:, data: or file:)."""
    from urllib.parse import urlparse

    u = urlparse((url or "").strip())
    return u.scheme in ("http", "https") and bool(u.netloc)


CSS = """
.answer sup a.cite, a.cite { text-decoration: none; font-weight: 600; color: #1d4ed8; cursor: pointer; margin-left: 1px; }
.refusal { border-left: 4px solid #b45309; background: #fffbeb; padding: 8px 12px; color: #78350f; }
.refusal .covered { margin-top: 6px; color: #444; font-size: 0.92em; }
.note { color: #555; font-size: 0.85em; margin-top: 4px; font-style: italic; }
.sources { margin-top: 8px; padding-left: 1.2em; font-size: 0.9em; }
.sources blockquote { margin: 2px 0 8px 0; padding-left: 8px; border-left: 3px solid #ccc; color: #333; }
.meta { color: #666; font-size: 0.9em; }
.reader { max-height: 640px; overflow-y: auto; padding-right: 6px; }
.reader .para { padding: 4px 6px; border-radius: 4px; }
.reader .para.cited { background: #fef08a; outline: 2px solid #ca8a04; }
.reader .pn { color: #999; font-size: 0.8em; margin-right: 4px; }
.hidden-control { display: none !important; }
a.cite { position: relative; }
a.cite .cite-tip { display: none; position: absolute; left: 0; top: 1.4em; z-index: 50; width: 360px; padding: 6px 8px;
  background: #fff; color: #222; border: 1px solid #cbd5e1; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.15);
  font-weight: normal; font-size: 0.85rem; line-height: 1.3; white-space: normal; }
a.cite:hover .cite-tip { display: block; }
.editor-note { border-left: 4px solid #7c3aed; background: #f5f3ff; padding: 6px 10px; color: #4c1d95; margin-bottom: 6px; }
.brief { font-weight: 600; font-size: 1.05em; margin: 4px 0 6px; }
.date-rel { border-bottom: 1px dotted #666; }
.date-badge { display: inline-block; margin-left: 3px; padding: 0 4px; border-radius: 3px; background: #e0f2fe;
  color: #075985; font-size: 0.75em; }
svg.timeline { max-width: 680px; margin: 6px 0; }
svg.timeline a.cite { cursor: pointer; }
.streaming { color: #555; }
.warming { border-left: 4px solid #1d4ed8; background: #eff6ff; padding: 6px 10px; color: #1e3a8a; }
.streaming .checking { display: block; font-size: 0.8em; color: #888; font-style: italic; margin-top: 4px; }
"""

# Clicking a citation anywhere: put its paragraph id in the hidden box and press the hidden button.
CLICK_JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.cite');
    if (!link) return;
    event.preventDefault();
    const pid = decodeURIComponent(link.getAttribute('href').slice('#cite='.length));
    const box = document.querySelector('#cite-target textarea, #cite-target input');
    const button = document.querySelector('#cite-open');
    if (!box || !button) return;
    box.value = pid;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => button.click(), 50);
  }, true);
}
"""

SCROLL_JS = """
() => { setTimeout(() => { const el = document.querySelector('.reader .para.cited');
  if (el) el.scrollIntoView({ block: 'center' }); }, 200); }
"""
