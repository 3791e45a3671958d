"""A posted article (JSON record, plain text or an HTML page) turned into a validated Article.

Validation is ingest's (:mod:`volte.ingest.extract`, :mod:`volte.ingest.html`): size, emptiness, binary
content, language. Anything it rejects becomes a 422 carrying ingest's own code (E2xx).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from volte.errors import E_API_INVALID
from volte.ingest.extract import article_from_record, decode_bytes
from volte.ingest.html import article_from_html
from volte.records import Article, Reject
from volte.serve.errors import Invalid, UnsupportedMediaType, describe_validation
from volte.serve.params import parse_day
from volte.settings import Settings


class ArticleIn(BaseModel):
    """An article posted as JSON (the JSON Lines input format)."""

    model_config = {"extra": "ignore"}
    id: str | None = Field(
        None, min_length=1, max_length=512, description="Stable article id; default: a hash of the text."
    )
    date: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}", description="Publication date, `YYYY-MM-DD`."
    )
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)
    text: str = Field(description="The article text (plain text); empty text is rejected as E202.")


MAX_JSON_DEPTH = 32  # an article is one flat object; anything nested deeper is refused unparsed
# One JSON string (escapes included), one bracket, or a quote that opens a string never closed.
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|"', re.DOTALL)
MEDIA_TYPES = ("application/json", "text/plain", "text/html")
_UTF8 = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})  # ASCII is a subset of UTF-8


def to_article(
    body: bytes, content_type: str, params: dict[str, str | None], *, settings: Settings
) -> Article:
    """The posted body as an Article. ``params`` (id, date, url, title from the query string) describe a raw
    text or HTML body; a JSON body carries its own."""
    media = media_type(content_type)
    if media == "application/json":
        return _from_record(_json_record(body), settings=settings)
    if media == "text/plain":
        return _from_record({**params, "text": _utf8(body)}, settings=settings)
    return _from_html(_utf8(body), params, settings=settings)


def media_type(content_type: str) -> str:
    """The media type a Content-Type header names, lower-cased: one of :data:`MEDIA_TYPES`, with no charset
    or a UTF-8 one. Anything else, a missing header included, is 415 E615: a body is never guessed at."""
    media, _, rest = content_type.partition(";")
    media = media.strip().lower()
    shown = f"Content-Type {content_type[:100]!r}" if content_type.strip() else "no Content-Type header"
    if media not in MEDIA_TYPES:
        raise UnsupportedMediaType(
            f"{shown}: send the article with Content-Type application/json, text/plain or text/html"
        )
    for parameter in rest.split(";"):
        name, _, value = parameter.partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in _UTF8:
            raise UnsupportedMediaType(f"{shown}: bodies are read as UTF-8; send charset=utf-8 or no charset")
    return media


def json_depth(text: str, *, limit: int) -> int:
    """How deep arrays and objects nest in ``text``, by one linear scan without recursion; brackets inside
    strings do not count. The scan stops as soon as the depth passes ``limit`` (and at a string never
    closed), so malformed JSON gives some depth and the parser then says what is wrong with it."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(text):
        first = match.group()[0]
        if first in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                break
        elif first in "]}":
            depth = max(depth - 1, 0)
        elif match.end() - match.start() == 1:  # a lone quote: the rest of the text is one open string
            break
    return deepest


def _json_record(body: bytes) -> dict[str, Any]:
    text = _utf8(body)  # JSON is UTF-8 (RFC 8259)
    if json_depth(text, limit=MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise Invalid(
            f"body is JSON nested deeper than {MAX_JSON_DEPTH} levels: post one flat object "
            '{"id","date","url","title","text"}'
        )
    try:
        raw = json.loads(text)  # the depth is bounded, so the parser's recursion is too
    except ValueError as exc:  # JSONDecodeError, and integers over Python's 4,300-digit limit
        raise Invalid(f"body is not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise Invalid(
            f'body must be a JSON object {{"id","date","url","title","text"}}, got {type(raw).__name__}'
        )
    try:
        return ArticleIn.model_validate(raw).model_dump()
    except ValidationError as exc:
        raise Invalid(describe_validation(exc.errors()), code=E_API_INVALID) from None


def _utf8(body: bytes) -> str:
    decoded = decode_bytes(body)  # ingest's codes: E203 binary, E204 not UTF-8 (UTF-16 with a mark is decoded)
    if isinstance(decoded, tuple):
        raise Invalid(f"body rejected: {decoded[1]}", code=decoded[0])
    return decoded


def _from_record(record: dict[str, Any], *, settings: Settings) -> Article:
    record = {**record, "id": record.get("id") or _content_id(str(record.get("text", "")))}
    _check_date(record.get("date"))
    return _accepted(article_from_record(record, origin="api", published=None, settings=settings))


def _from_html(html: str, params: dict[str, str | None], *, settings: Settings) -> Article:
    published = _check_date(params.get("date"))
    doc_id = params.get("id") or _content_id(html)
    article = _accepted(
        article_from_html(html, doc_id=doc_id, origin="api", published=published, settings=settings)
    )
    return dataclasses.replace(
        article, url=params.get("url") or article.url, title=params.get("title") or article.title
    )


def _check_date(value: Any) -> Any:
    return parse_day("date", str(value)[:10]) if value else None


def _content_id(text: str) -> str:
    return "api-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _accepted(result: Article | Reject) -> Article:
    if isinstance(result, Reject):
        raise Invalid(f"article {result.doc_id!r} rejected: {result.reason}", code=result.code)
    return result


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "kind": article.kind,
        "lang": article.lang,
    }
