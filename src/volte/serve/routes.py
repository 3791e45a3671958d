"""The JSON API under ``/api``: each route validates its parameters, calls one store or coder method and
returns its result. Every bound is declared here, so it shows in ``/openapi.json``."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, ValidationError

from volte import __version__
from volte.errors import E_API_INVALID, NotFound, Unauthorized
from volte.records import Article, Reject
from volte.serve import lookups
from volte.serve.errors import Invalid, describe_validation

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
# A country (COL), optionally followed by role codes (COLGOV, COLGOVMIL), or an IGO/NGO code (IGOUNO).
ACTOR_PATTERN = r"^[A-Za-z]{3}(?:[A-Za-z]{3}){0,6}$"

ActorCode = Annotated[
    str | None,
    Query(
        pattern=ACTOR_PATTERN,
        description="Actor code or its prefix at country level (`COL`, `USAGOV`, `IGOUNO`).",
    ),
]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day, `YYYY-MM-DD`.")]
Root = Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root code, two digits (`04`).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Records to skip.")]
Search = Annotated[
    str | None, Query(min_length=1, max_length=200, description="Words searched in event sentences.")
]
PathActor = Annotated[str, Path(pattern=ACTOR_PATTERN, description="Actor code (`COL`, `USAGOV`).")]


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    ok: Literal[False] = False
    error: str = Field(description="What went wrong, where, and how to fix it.")
    code: str = Field(description="Stable volte error code (`E622`).")
    status: int = Field(description="The HTTP status, repeated.")


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
    text: str = Field(min_length=1, description="The article text (plain text).")


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in ((404, "Not found"), (422, "Invalid parameter"), (503, "Store unavailable or locked"))
}

router = APIRouter(prefix="/api", responses=_ERRORS)


def parse_day(name: str, value: str | None) -> date | None:
    """``YYYY-MM-DD`` (already pattern-checked) as a date; impossible dates such as 2026-02-30 are 422."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise Invalid(f"{name}={value!r} is not a calendar date; use YYYY-MM-DD (e.g. 2026-01-07)") from None


def parse_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    start, end = parse_day("since", since), parse_day("until", until)
    if start and end and start > end:
        raise Invalid(f"since={start} is after until={end}: swap them")
    return start, end


def upper(code: str | None) -> str | None:
    return code.upper() if code else None


@router.get("/health", summary="Server and store status")
def health(request: Request) -> dict[str, Any]:
    access = request.app.state.store
    readable, problem = True, None
    try:
        with access.reading():
            pass
    except Exception as exc:  # the health check reports every failure instead of raising it
        readable, problem = False, str(exc)
    return {
        "ok": True,
        "version": __version__,
        "store": {"path": str(access.path), "readable": readable, "error": problem},
        "writes": access.writable,
    }


@router.get("/events", summary="Coded events, filtered and paged")
def events(
    request: Request,
    source: ActorCode = None,
    target: ActorCode = None,
    since: Day = None,
    until: Day = None,
    root: Root = None,
    q: Search = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    start, end = parse_range(since, until)
    with request.app.state.store.reading() as store:
        rows, total = lookups.find_events(
            store,
            source=upper(source),
            target=upper(target),
            since=start,
            until=end,
            root=root,
            q=q,
            limit=limit,
            offset=offset,
        )
    return {"events": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/dyads/{source}/{target}/series", summary="A directed dyad's time series")
def dyad_series(
    request: Request,
    source: PathActor,
    target: PathActor,
    freq: Annotated[Literal["day", "week"], Query(description="Period length.")] = "day",
    since: Day = None,
    until: Day = None,
) -> dict[str, Any]:
    start, end = parse_range(since, until)
    with request.app.state.store.reading() as store:
        points = lookups.series_points(
            store, source.upper(), target.upper(), freq=freq, since=start, until=end
        )
    return {"source": source.upper(), "target": target.upper(), "freq": freq, "points": points}


@router.get("/shifts", summary="Detected reversals (thaws and ruptures)")
def shifts(
    request: Request,
    since: Day = None,
    until: Day = None,
    kind: Annotated[Literal["thaw", "rupture"] | None, Query(description="Only this kind.")] = None,
    source: ActorCode = None,
    target: ActorCode = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    start, end = parse_range(since, until)
    with request.app.state.store.reading() as store:
        found = store.shifts(since=start, until=end, kind=kind, source=upper(source), target=upper(target))
    return {"shifts": found[:limit], "total": len(found)}


@router.get("/articles/{article_id:path}", summary="One article with its events and their character spans")
def article(
    request: Request, article_id: Annotated[str, Path(min_length=1, max_length=512)]
) -> dict[str, Any]:
    with request.app.state.store.reading() as store:
        found = store.get_article(article_id)
    if found is None:
        raise NotFound(f"no article with id {article_id!r} in the store (list ids with GET /api/events)")
    return dict(found)


_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/articles",
    status_code=201,
    summary="Code an article and store it (needs `Authorization: Bearer <VOLTE_TOKEN>`)",
    openapi_extra=_POST_BODY,
    responses={
        401: {"model": ErrorBody, "description": "Missing or wrong token"},
        413: {"model": ErrorBody, "description": "Body too large"},
    },
)
async def post_article(
    request: Request,
    authorization: Annotated[str | None, Header(max_length=1024)] = None,
    id: Annotated[
        str | None, Query(min_length=1, max_length=512, description="Id for a raw text/HTML body.")
    ] = None,
    date_: Annotated[
        str | None, Query(alias="date", pattern=r"^\d{4}-\d{2}-\d{2}$", description="Date for a raw body.")
    ] = None,
    url: Annotated[str | None, Query(max_length=2048)] = None,
    title: Annotated[str | None, Query(max_length=1000)] = None,
) -> dict[str, Any]:
    check_token(request, authorization)
    body = await request.body()
    record = read_body(
        body, request.headers.get("content-type", ""), {"id": id, "date": date_, "url": url, "title": title}
    )
    article = to_article(record, settings=request.app.state.settings)
    coded = await run_in_threadpool(request.app.state.coder.code, article)
    if coded.reject is not None:
        raise Invalid(
            f"article {article.id!r} could not be coded: {coded.reject.reason}", code=coded.reject.code
        )
    summary = await run_in_threadpool(request.app.state.store.write, [coded])
    return {
        "ok": True,
        "article": article_summary(article),
        "events": [e.to_dict() for e in coded.events],
        "stored": _plain(summary),
    }


def check_token(request: Request, authorization: str | None) -> None:
    """401 unless the header carries the server's token; a server without a token refuses every write."""
    expected = request.app.state.token
    if not expected:
        raise Unauthorized("this server accepts no writes: start `volte serve` with VOLTE_TOKEN set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise Unauthorized("missing or wrong token: send `Authorization: Bearer <VOLTE_TOKEN>`")


def read_body(body: bytes, content_type: str, defaults: dict[str, str | None]) -> dict[str, Any]:
    """The posted article as a record ``{"id","date","url","title","text"[,"html"]}``."""
    media = content_type.split(";")[0].strip().lower()
    if media == "application/json":
        try:
            raw = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise Invalid(f"body is not valid JSON: {exc}") from None
        if not isinstance(raw, dict):
            raise Invalid(
                f'body must be a JSON object {{"id","date","url","title","text"}}, got {type(raw).__name__}'
            )
        try:
            return ArticleIn.model_validate(raw).model_dump()
        except ValidationError as exc:
            raise Invalid(describe_validation(exc.errors()), code=E_API_INVALID) from None
    if media in ("text/plain", "text/html", ""):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid("body is not valid UTF-8 text") from None
        if media == "text/html":
            return {**defaults, **html_record(text, defaults)}
        return {**defaults, "text": text}
    raise Invalid(f"unsupported Content-Type {media!r}: send application/json, text/plain or text/html")


def html_record(html: str, defaults: dict[str, str | None]) -> dict[str, Any]:
    """Main text, title and date of an HTML page (trafilatura), the query parameters winning."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    found = {
        "title": getattr(meta, "title", None),
        "date": getattr(meta, "date", None),
        "url": getattr(meta, "url", None),
    }
    return {**found, **{k: v for k, v in defaults.items() if v}, "text": text}


def to_article(record: dict[str, Any], *, settings: Any) -> Article:
    """Validate a record into an Article (language, size, emptiness); a Reject becomes a 422."""
    from volte.ingest.extract import article_from_record

    if not record.get("id"):
        record = {
            **record,
            "id": "api-" + hashlib.sha1(str(record.get("text", "")).encode()).hexdigest()[:16],
        }
    if record.get("date"):
        parse_day("date", str(record["date"])[:10])
    result = article_from_record(record, origin="api", published=None, settings=settings)
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


def _plain(summary: Any) -> Any:
    if hasattr(summary, "to_dict"):
        return summary.to_dict()
    if dataclasses.is_dataclass(summary) and not isinstance(summary, type):
        return dataclasses.asdict(summary)
    return summary
