"""HTML pages (trafilatura: main text, title, date, URL) and RSS/Atom feeds (feedparser)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from volte.errors import E_INGEST_BAD_FEED, E_INGEST_NO_TEXT
from volte.ingest.extract import article_from_text, parse_iso_datetime
from volte.records import Article, Reject
from volte.settings import Settings

log = logging.getLogger(__name__)

_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_HEAD = re.compile(rb"<(?:!doctype html|html|head|body|article|p)[\s>]", re.I)
_TAGS = re.compile(r"<[^>]+>")
_MIN_WORDS = 5  # fewer words in a page's main text means navigation or boilerplate, not an article


def looks_like_feed(head: bytes) -> bool:
    return bool(_FEED_HEAD.search(head[:2048]))


def looks_like_html(head: bytes | str) -> bool:
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    return bool(_HTML_HEAD.search(data[:2048]))


def article_from_html(
    html: str, *, doc_id: str, origin: str, published: date | None, settings: Settings
) -> Article | Reject:
    """Main text, title, date and URL of an HTML page."""
    # lazy: trafilatura (lxml) costs 80 ms at CLI start; only HTML input needs it (measured)
    import trafilatura
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        return Reject(
            doc_id=doc_id,
            stage="ingest",
            code=E_INGEST_NO_TEXT,
            reason=f"HTML could not be parsed: {exc}",
            origin=origin,
        )
    text = (doc.text if isinstance(doc, Document) else None) or ""  # a dict only with as_dict=True
    if not isinstance(doc, Document) or len(text.split()) < _MIN_WORDS:
        return Reject(
            doc_id=doc_id,
            stage="ingest",
            code=E_INGEST_NO_TEXT,
            reason="HTML page has no main text to code",
            origin=origin,
        )
    page_date = _page_date(html, doc.date)
    title = doc.title or None
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    return article_from_text(
        text,
        doc_id=doc_id,
        published=page_date or published,
        url=doc.url or None,
        title=title,
        origin=origin,
        settings=settings,
    )


def _page_date(html: str, extracted: str | None) -> date | None:
    """Trust trafilatura's date only when the page itself states one (it may otherwise guess)."""
    value = parse_iso_datetime(extracted)
    if value is None:
        return None
    return value if value.isoformat() in html or value.strftime("%Y/%m/%d") in html else None


def articles_from_feed(
    raw: bytes, *, origin: str, published: date | None, settings: Settings
) -> Iterator[Article | Reject]:
    """One article per feed entry (title, link, date, summary or content)."""
    # lazy: feedparser costs 25 ms at CLI start; only feeds need it (measured)
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        reason = f"not a readable RSS/Atom feed: {feed.get('bozo_exception', 'no entries')}"
        yield Reject(doc_id=origin, stage="ingest", code=E_INGEST_BAD_FEED, reason=reason, origin=origin)
        return
    for number, entry in enumerate(feed.entries):
        yield _article_from_entry(entry, origin=f"{origin}#{number}", published=published, settings=settings)


def _article_from_entry(
    entry: Any, *, origin: str, published: date | None, settings: Settings
) -> Article | Reject:
    """``entry``: a feedparser entry (a dict with attribute access; feedparser has no type information)."""
    doc_id = str(entry.get("id") or entry.get("link") or origin)
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary", "")
    text = _TAGS.sub(" ", body or "")
    text = re.sub(r"[ \t]+", " ", text).strip()
    entry_date = None
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        entry_date = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    if not text:
        return Reject(
            doc_id=doc_id,
            stage="ingest",
            code=E_INGEST_NO_TEXT,
            reason="feed entry has no text",
            origin=origin,
        )
    return article_from_text(
        text,
        doc_id=doc_id,
        published=entry_date or published,
        url=entry.get("link"),
        title=entry.get("title"),
        origin=origin,
        settings=settings,
    )
