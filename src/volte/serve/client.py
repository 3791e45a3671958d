"""A client of a running ``volte serve``: ``volte ingest --server URL`` sends articles to it instead of
opening the store file (which the server holds).

Each article is posted as a JSON record (``id``, ``date``, ``url``, ``title``, ``text``) to
``POST /api/articles`` with ``Authorization: Bearer <VOLTE_TOKEN>``. The server codes and stores it;
201 counts as accepted (with its events and whether it was new, replaced or unchanged), a 4xx carrying an
ingest or coding code (413, 415, 422) as rejected with that code. A document the reader already rejected
(malformed JSON line, binary file) is counted as rejected without being sent. The server being unreachable
or answering anything else is ConfigError E130; a missing or refused token is E131: the run stops there.
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from volte.errors import E_SERVER_TOKEN, E_SERVER_UNREACHABLE, ConfigError
from volte.records import Article, Reject

REJECT_STATUSES = frozenset({413, 415, 422})  # the server read the article and refused it, with a code


@dataclass
class SendSummary:
    """What a server did with the articles sent: accepted ones by what the store did, rejects by code."""

    documents: int = 0
    accepted: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    rejects: int = 0
    reject_codes: Counter[str] = field(default_factory=Counter)
    rejected: list[Reject] = field(default_factory=list)


def send_articles(
    items: Iterable[Article | Reject],
    *,
    url: str,
    token: str,
    client: httpx.Client | None = None,
    on_item: Callable[[str, int, bool], None] | None = None,
) -> SendSummary:
    """Post every article to the server at ``url``; ``on_item(doc_id, events, rejected)`` after each."""
    if not token:
        raise ConfigError(
            f"--server {url}: no token; set VOLTE_TOKEN to the token the server was started with",
            code=E_SERVER_TOKEN,
        )
    base = url.rstrip("/")
    http = client or httpx.Client(timeout=httpx.Timeout(300.0, connect=10.0), trust_env=not _loopback(base))
    summary = SendSummary()
    try:
        check_server(http, base)
        for item in items:
            summary.documents += 1
            if isinstance(item, Reject):
                _reject(summary, item)
                events, rejected = 0, True
            else:
                events, rejected = _send(http, base, token, item, summary)
            if on_item is not None:
                on_item(item.id if isinstance(item, Article) else item.doc_id, events, rejected)
    finally:
        if client is None:
            http.close()
    return summary


def check_server(http: httpx.Client, base: str) -> None:
    """E130 unless ``base`` answers ``GET /api/health`` as a volte server."""
    try:
        response = http.get(f"{base}/api/health")
    except httpx.HTTPError as exc:
        raise ConfigError(
            f"--server {base}: cannot be reached ({type(exc).__name__}: {exc}); is `volte serve` running there?",
            code=E_SERVER_UNREACHABLE,
        ) from None
    body = _json(response)
    if response.status_code != 200 or "store" not in body:
        raise ConfigError(
            f"--server {base}: GET /api/health answered {response.status_code}, not a volte server's health; "
            "check the URL (the server's root, e.g. http://127.0.0.1:8000)",
            code=E_SERVER_UNREACHABLE,
        )


def _send(
    http: httpx.Client, base: str, token: str, article: Article, summary: SendSummary
) -> tuple[int, bool]:
    record = {
        "id": article.id,
        "date": article.published.isoformat() if article.published else None,
        "url": article.url,
        "title": article.title,
        "publisher": article.publisher,
        "text": article.text,
    }
    try:
        response = http.post(
            f"{base}/api/articles",
            json={k: v for k, v in record.items() if v is not None},
            headers={"Authorization": f"Bearer {token}"},
        )
    except httpx.HTTPError as exc:
        raise ConfigError(
            f"--server {base}: POST /api/articles for {article.id!r} failed ({type(exc).__name__}: {exc}); "
            f"{summary.accepted} articles were accepted before it",
            code=E_SERVER_UNREACHABLE,
        ) from None
    body = _json(response)
    if response.status_code == 201:
        stored = body.get("stored") or {}
        summary.accepted += 1
        for key in ("added", "replaced", "unchanged"):
            setattr(summary, key, getattr(summary, key) + int(stored.get(key, 0) or 0))
        events = len(body.get("events") or [])
        summary.events += events
        return events, False
    error = str(body.get("error") or response.text[:200])
    if response.status_code == 401:
        raise ConfigError(
            f"--server {base}: the server refused the token ({error}); set VOLTE_TOKEN to its token",
            code=E_SERVER_TOKEN,
        )
    if response.status_code in REJECT_STATUSES and body.get("code"):
        _reject(
            summary,
            Reject(
                doc_id=article.id,
                stage="ingest" if str(body["code"]).startswith("E2") else "coding",
                code=str(body["code"]),
                reason=error,
            ),
        )
        return 0, True
    raise ConfigError(
        f"--server {base}: POST /api/articles for {article.id!r} answered {response.status_code} "
        f"[{body.get('code', '-')}]: {error}; {summary.accepted} articles were accepted before it",
        code=E_SERVER_UNREACHABLE,
    )


def _reject(summary: SendSummary, reject: Reject) -> None:
    summary.rejects += 1
    summary.reject_codes[reject.code] += 1
    summary.rejected.append(reject)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _loopback(base: str) -> bool:
    """True for a server on this machine (proxy settings from the environment are then ignored)."""
    host = urlsplit(base).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["SendSummary", "check_server", "send_articles"]
