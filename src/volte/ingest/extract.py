"""Turning one raw record (text, JSON object, HTML page, feed entry) into an Article or a Reject.

No file or network I/O here: :mod:`volte.ingest.sources` reads, this module validates and cleans.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from volte.errors import (
    E_INGEST_BAD_DATE,
    E_INGEST_BAD_RECORD,
    E_INGEST_BINARY,
    E_INGEST_EMPTY,
    E_INGEST_ENCODING,
    E_INGEST_LANGUAGE,
    E_INGEST_NO_TEXT,
    E_INGEST_TOO_LARGE,
    message,
)
from volte.ingest.language import judge_language
from volte.ingest.published import DateProblem, read_date
from volte.ingest.published import record_date as read_record_date
from volte.records import Article, Reject
from volte.settings import Settings

log = logging.getLogger(__name__)

# "Original: toutiao.com/article/1", "Source: https://...": provenance lines, not article text.
_SOURCE_LINE = re.compile(r"^\s*(?:original|source|link|url|originally published at)\s*:\s*(\S+)\s*$", re.I)
_OPINION = re.compile(
    r"personal views? of the author|views expressed (?:here|in this article) are|^\s*(?:opinion|commentary|editorial|op-ed|analysis and opinion)\s*[:|\-]"
    r"|\b(?:op-ed|opinion column)\b",
    re.I | re.M,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EARLIEST_PUBLISHED = date(1900, 1, 1)  # news before this is a typo or a placeholder (0001-01-01)


def parse_date(value: Any) -> date | None:
    """A date value as a day, or None when missing or unreadable: the forms of
    :func:`volte.ingest.published.read_date` (ISO, ISO timestamps, RFC-822, "March 3, 2025")."""
    try:
        return read_date(value)
    except DateProblem:
        return None


def check_published(published: date | None, *, today: date | None = None) -> str | None:
    """Why ``published`` cannot be a publication date (before 1900-01-01 or after tomorrow, UTC), or None.

    Every reader goes through :func:`article_from_text`, which turns the reason into a Reject (E211): one
    absurd date would otherwise stretch every dense day index of the store across centuries."""
    if published is None:
        return None
    latest = (today or datetime.now(UTC).date()) + timedelta(days=1)
    if EARLIEST_PUBLISHED <= published <= latest:
        return None
    return (
        f"publication date {published.isoformat()} is outside {EARLIEST_PUBLISHED.isoformat()}.."
        f"{latest.isoformat()} (before 1900 or after tomorrow); fix the record's date or give none"
    )


def classify_kind(text: str, title: str | None = None) -> str:
    """``opinion`` when the text or title carries opinion/commentary markers, else ``news``."""
    for part in (title or "", text):
        if _OPINION.search(part):
            return "opinion"
    return "news"


def split_source_lines(text: str) -> tuple[str, str | None]:
    """Remove provenance lines ("Original: <url>") and return (text, first url found)."""
    url = None
    kept = []
    for line in text.split("\n"):  # not splitlines(): it also splits on \x1c-\x1e, \x85, \u2028 and loses them
        match = _SOURCE_LINE.match(line.rstrip("\r"))
        if match:
            url = url or _normalise_url(match[1])
            continue
        kept.append(line)
    return "\n".join(kept), url


def _normalise_url(url: str) -> str:
    return url if re.match(r"^[a-z]+://", url, re.I) else f"https://{url}"


def article_from_text(
    text: str,
    *,
    doc_id: str,
    published: date | None = None,
    url: str | None = None,
    title: str | None = None,
    origin: str | None = None,
    settings: Settings | None = None,
    publisher: str | None = None,
    language: str | None = None,
) -> Article | Reject:
    """Validate and clean one text: publication date, size, emptiness, binary content, language; set kind
    and URL. ``language``, a record's own language tag, is trusted: a supported one skips the identifier,
    another is rejected (E208)."""
    settings = settings or Settings()

    def reject(code: str, reason: str) -> Reject:
        return Reject(doc_id=doc_id, stage="ingest", code=code, reason=reason, origin=origin)

    if not isinstance(text, str):
        return reject(E_INGEST_BAD_RECORD, f"text must be a string, got {type(text).__name__}")
    bad_date = check_published(published)
    if bad_date is not None:
        return reject(E_INGEST_BAD_DATE, bad_date)
    if len(text.encode("utf-8", "surrogatepass")) > settings.ingest.max_bytes:
        return reject(
            E_INGEST_TOO_LARGE,
            f"text is over the {settings.ingest.max_bytes:,}-byte limit (setting ingest.max_bytes)",
        )
    nul = text.find("\x00")  # anywhere, not only near the start
    if nul >= 0:
        return reject(E_INGEST_BINARY, message(E_INGEST_BINARY, at=len(text[:nul].encode("utf-8", "surrogatepass"))))
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    body, found_url = split_source_lines(text)
    body = body.strip()
    if not body or not re.search(r"\w", body):
        return reject(E_INGEST_EMPTY, message(E_INGEST_EMPTY))
    if language is not None:
        tag = language.strip().lower().replace("_", "-").split("-")[0]
        if tag not in settings.ingest.languages:
            return reject(
                E_INGEST_LANGUAGE,
                f"the record's language is {language!r}; volte codes {', '.join(settings.ingest.languages)}",
            )
        verdict = None
    else:
        verdict = judge_language(
            body, languages=settings.ingest.languages, min_score=settings.ingest.min_lang_score
        )
    if verdict is None:
        lang = tag
    elif not verdict.supported:
        return reject(
            E_INGEST_LANGUAGE,
            f"language {verdict.lang!r} (confidence {verdict.score:.2f}) is not supported; volte codes {', '.join(settings.ingest.languages)}",
        )
    else:
        lang = verdict.lang if verdict.lang in settings.ingest.languages else settings.ingest.languages[0]
    return Article(
        id=doc_id,
        text=body,
        url=url or found_url,
        title=title,
        published=published,
        kind=classify_kind(text, title),
        lang=lang,
        origin=origin,
        publisher=publisher,
    )


def article_from_record(
    record: Any, *, origin: str, published: date | None = None, settings: Settings | None = None
) -> Article | Reject:
    """One JSON record (docs/input.md): ``id``, ``url``, ``title``, ``date`` | ``published`` | ``datetime``,
    ``text``, ``source`` | ``publisher``, ``language``; unknown fields are ignored."""
    if not isinstance(record, dict):
        return Reject(
            doc_id=origin,
            stage="ingest",
            code=E_INGEST_BAD_RECORD,
            reason=f"expected a JSON object, got {type(record).__name__}",
            origin=origin,
        )
    raw_id = record.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else origin
    text = record.get("text")
    if text is None:  # a blank `text` is empty text (E202), checked with the rest below
        return Reject(
            doc_id=doc_id, stage="ingest", code=E_INGEST_NO_TEXT, reason=message(E_INGEST_NO_TEXT), origin=origin
        )

    record_date, problem = read_record_date(record)
    if problem is not None:
        log.warning("%s: unreadable date (%s); the article is read as undated", origin, problem)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    named = next((record[k] for k in ("source", "publisher") if isinstance(record.get(k), str) and record[k].strip()), None)
    language = record.get("language") if isinstance(record.get("language"), str) and record["language"].strip() else None
    return article_from_text(
        text,
        doc_id=doc_id,
        published=record_date or published,
        url=url or None,
        title=title,
        origin=origin,
        settings=settings,
        publisher=named.strip() if named else None,
        language=language,
    )


def parse_iso_datetime(value: str | None) -> date | None:
    """The day of an ISO date or timestamp as written (trafilatura's dates): :func:`parse_date`."""
    return parse_date(value)


_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
)


def decode_bytes(raw: bytes) -> str | tuple[str, str]:
    """The text of an input read whole: UTF-8, or UTF-16/UTF-32 with a byte-order mark (decoded; the mark
    dropped). Otherwise ``(code, reason)``: E203 for a NUL byte anywhere, E204 for text that is not UTF-8
    (UTF-16 without a byte-order mark is named as such)."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                return E_INGEST_ENCODING, (
                    f"invalid {name} at byte {exc.start} (the input starts with a {name} byte-order mark); "
                    "re-encode it as UTF-8"
                )
    nul = raw.find(b"\x00")
    if nul >= 0:
        if _looks_like_utf16(raw):
            return E_INGEST_ENCODING, (
                "UTF-16 text without a byte-order mark (every other byte is NUL); re-encode it as UTF-8"
            )
        return E_INGEST_BINARY, message(E_INGEST_BINARY, at=nul)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return E_INGEST_ENCODING, message(E_INGEST_ENCODING, at=exc.start)


def _looks_like_utf16(raw: bytes) -> bool:
    """Mostly-ASCII UTF-16: NUL in (nearly) every even or every odd byte of the first 8 KB, not the other."""
    head = raw[: 8192 - 8192 % 2]
    if len(head) < 4:
        return False
    even, odd = head[0::2].count(0) / len(head[0::2]), head[1::2].count(0) / len(head[1::2])
    return max(even, odd) > 0.7 and min(even, odd) < 0.05
