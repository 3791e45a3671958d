"""The JSON API under ``/api``: each route validates its parameters, calls one store or coder method and
returns its result. Every bound is declared here, so it shows in ``/openapi.json``."""

from __future__ import annotations

import dataclasses
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from volte import __version__
from volte.analyse import shifts as detection
from volte.errors import E_STORE_CORRUPT, E_STORE_OPEN, NotFound, StoreError, Unauthorized
from volte.serve import lookups, submissions
from volte.serve.errors import Invalid
from volte.serve.params import (
    ACTOR_PATTERN,
    MAX_LIMIT,
    ActorCode,
    Code,
    Day,
    Freq,
    Limit,
    Offset,
    PathActor,
    Place,
    Plover,
    QuadClass,
    Root,
    Search,
    known_query_params,
    parse_range,
    upper,
)

if TYPE_CHECKING:
    from volte.store.db import Store


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    ok: Literal[False] = False
    error: str = Field(description="What went wrong, where, and how to fix it.")
    code: str = Field(description="Stable volte error code (`E622`).")
    status: int = Field(description="The HTTP status, repeated.")


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "Host header not allowed (serve.allowed_hosts)"),
        (404, "Not found"),
        (422, "Invalid or unknown parameter, or a range over store.max_points (E103)"),
        (503, "Store unavailable or locked"),
    )
}

# Every API route refuses query parameters it does not declare (422 naming them).
router = APIRouter(prefix="/api", responses=_ERRORS, dependencies=[Depends(known_query_params)])
ANSWER = dict[str, Any]  # the documented response model of the read routes that answer pre-encoded JSON


async def _answer(
    request: Request, key: tuple[Any, ...], compute: Callable[[Store], dict[str, Any]]
) -> Response:
    """``compute(store)`` as JSON: from the server's cache when the store has not been written since it was
    computed (no thread, no connection), else computed on a pooled read-only store in a worker thread."""
    access = request.app.state.store
    body = access.cached(key)
    if body is None:
        body = await run_in_threadpool(access.answer, key, compute)
    if access.cache.max_bytes:  # cache.RepeatedReads: with no cache there is no body to repeat
        access.urls.put((request.scope["path"], request.scope["query_string"]), key)
    return Response(content=body, media_type="application/json")


@router.get("/health", summary="Server and store status")
def health(request: Request) -> dict[str, Any]:
    access = request.app.state.store
    readable, problem = True, None
    try:
        with access.reading():
            pass
    except StoreError as exc:
        if exc.code in (E_STORE_CORRUPT, E_STORE_OPEN):  # the file is there but unusable until fixed: 503
            raise
        readable, problem = False, str(exc)
    except Exception as exc:  # a missing or locked store: the server is up and reports it
        readable, problem = False, str(exc)
    return {
        "ok": True,
        "version": __version__,
        "store": {"path": str(access.path), "readable": readable, "error": problem},
        "writes": access.writable,
    }


async def event_filters(
    source: ActorCode = None,
    target: ActorCode = None,
    since: Day = None,
    until: Day = None,
    root: Root = None,
    code: Code = None,
    quad_class: QuadClass = None,
    plover: Plover = None,
    place: Place = None,
    q: Search = None,
) -> dict[str, Any]:
    """The filters of ``GET /api/events`` and its downloads, checked, as the store's keyword arguments.
    (Async: microseconds of work, run on the event loop instead of a worker thread.)"""
    start, end = parse_range(since, until)
    return {
        "source": upper(source),
        "target": upper(target),
        "since": start,
        "until": end,
        "root": root,
        "code": code,
        "quad_class": quad_class,
        "plover": upper(plover),
        "place": place,
        "q": q,
    }


EventFilters = Annotated[dict[str, Any], Depends(event_filters)]


@router.get("/events", summary="Coded events, filtered and paged", response_model=ANSWER)
async def events(request: Request, filters: EventFilters, limit: Limit = 100, offset: Offset = 0) -> Response:
    access = request.app.state.store

    def compute(store: Store) -> dict[str, Any]:
        index = access.read_index(store)
        rows, total = lookups.find_events(store, limit=limit, offset=offset, index=index, **filters)
        return {"events": rows, "total": total, "limit": limit, "offset": offset}

    key = ("events", *sorted(filters.items()), limit, offset)
    return await _answer(request, key, compute)


DOWNLOAD_LIMIT = 100_000  # events in one download; more is 422 E102 (use `volte export`)
DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "json": "application/json",
}


@router.get(
    "/events/download",
    summary=f"The filtered events as one CSV, Parquet or JSON file (at most {DOWNLOAD_LIMIT:,})",
    response_class=FileResponse,
    responses={200: {"content": {t.split(";")[0]: {} for t in DOWNLOAD_TYPES.values()}}},
)
def download_events(
    request: Request,
    filters: EventFilters,
    format_: Annotated[
        Literal["csv", "parquet", "json"],
        Query(alias="format", description="File format (JSON: one array of records)."),
    ],
) -> FileResponse:
    folder = tempfile.mkdtemp(prefix="volte-download-")
    path = os.path.join(folder, f"volte-events.{format_}")
    try:
        with request.app.state.store.reading() as store:
            store.write_events(format_, path, limit=DOWNLOAD_LIMIT, **filters)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        path,
        media_type=DOWNLOAD_TYPES[format_],
        filename=f"volte-events.{format_}",
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


@router.get(
    "/overview",
    summary="Across dyads: who did what to whom by quad class, events per CAMEO root",
    response_model=ANSWER,
)
async def overview(
    request: Request,
    since: Day = None,
    until: Day = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Dyads listed, 1 to 200.")] = 25,
) -> Response:
    start, end = parse_range(since, until)

    def compute(store: Store) -> dict[str, Any]:
        return {"since": since, "until": until, **store.overview(since=start, until=end, limit=limit)}

    return await _answer(request, ("overview", since, until, start, end, limit), compute)


@router.get(
    "/places", summary="Places with coordinates where events happened, the busiest first", response_model=ANSWER
)
async def places(
    request: Request,
    since: Day = None,
    until: Day = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Places listed, 1 to {MAX_LIMIT}.")] = 500,
) -> Response:
    start, end = parse_range(since, until)

    def compute(store: Store) -> dict[str, Any]:
        found = store.places(since=start, until=end, limit=limit)
        return {"places": found, "total": len(found)}

    return await _answer(request, ("places", start, end, limit), compute)


@router.get("/dyads/{source}/{target}/series", summary="A directed dyad's time series", response_model=ANSWER)
async def dyad_series(
    request: Request,
    source: PathActor,
    target: PathActor,
    freq: Freq = "day",
    since: Day = None,
    until: Day = None,
) -> Response:
    start, end = parse_range(since, until)
    source, target = source.upper(), target.upper()

    access = request.app.state.store

    def compute(store: Store) -> dict[str, Any]:
        index = access.read_index(store)
        points = lookups.series_points(store, source, target, freq=freq, since=start, until=end, index=index)
        return {"source": source, "target": target, "freq": freq, "points": points}

    return await _answer(request, ("series", source, target, freq, start, end), compute)


@router.get(
    "/shifts",
    summary="Detected reversals (thaws and ruptures) and turns narrated in one article",
    response_model=ANSWER,
)
async def shifts(
    request: Request,
    since: Day = None,
    until: Day = None,
    kind: Annotated[
        Literal["thaw", "rupture", "narrated"] | None,
        Query(description="Only this kind (thaw and rupture include narrated turns of that kind)."),
    ] = None,
    source: ActorCode = None,
    target: ActorCode = None,
    limit: Limit = 100,
    near: Annotated[
        bool,
        Query(description="Also list the near misses (scores of at least 0.8 x the threshold; status near)."),
    ] = False,
) -> Response:
    start, end = parse_range(since, until)
    dyad: dict[str, Any] = {"source": upper(source), "target": upper(target)}

    def compute(store: Store) -> dict[str, Any]:
        found = (
            [] if kind == "narrated" else detection.shifts(store, since=start, until=end, kind=kind, near=near, **dyad)
        )
        turn = kind if kind in ("thaw", "rupture") else None
        found += store.narrated_shifts(since=start, until=end, kind=turn, **dyad)
        found.sort(key=lambda s: (str(s["date"]), s["kind"] == "narrated", s["source"], s["target"]))
        return {"shifts": found[:limit], "total": len(found)}

    return await _answer(request, ("shifts", start, end, kind, *dyad.values(), limit, near), compute)


@router.get(
    "/shifts/explain", summary="Why the detector did or did not fire on one directed dyad", response_model=ANSWER
)
async def explain_shifts(
    request: Request,
    source: Annotated[
        str,
        Query(
            pattern=ACTOR_PATTERN, description="Source country (`COL`; a longer code counts as its country)."
        ),
    ],
    target: Annotated[str, Query(pattern=ACTOR_PATTERN, description="Target country (`USA`).")],
    since: Day = None,
    until: Day = None,
) -> Response:
    start, end = parse_range(since, until)
    source, target = source.upper(), target.upper()

    def compute(store: Store) -> dict[str, Any]:
        return dict(detection.explain_shifts(store, source, target, since=start, until=end).to_dict())

    return await _answer(request, ("explain", source, target, start, end), compute)


@router.get("/shifts/{shift_id}", summary="One shift (fired or near miss) by its id", response_model=ANSWER)
async def shift(
    request: Request,
    shift_id: Annotated[str, Path(pattern=r"^[A-Z-]{3}-[A-Z-]{3}-\d{4}-\d{2}-\d{2}-[a-z]+$", max_length=64)],
) -> Response:
    def compute(store: Store) -> dict[str, Any]:
        found = detection.shift(store, shift_id)
        if found is None:
            raise NotFound(
                f"no shift with id {shift_id!r} in the store (list ids with GET /api/shifts?near=true)"
            )
        return dict(found)

    return await _answer(request, ("shift", shift_id), compute)


@router.get(
    "/articles/{article_id:path}",
    summary="One article with its events and their character spans",
    response_model=ANSWER,
)
async def article(
    request: Request, article_id: Annotated[str, Path(min_length=1, max_length=512)]
) -> Response:
    def compute(store: Store) -> dict[str, Any]:
        found = store.get_article(article_id)
        if found is None:
            raise NotFound(f"no article with id {article_id!r} in the store (list ids with GET /api/events)")
        return dict(found)

    return await _answer(request, ("article", article_id), compute)


_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": submissions.ArticleIn.model_json_schema()},
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
        415: {"model": ErrorBody, "description": "No Content-Type, or one not read here"},
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
    params = {"id": id, "date": date_, "url": url, "title": title}
    article = submissions.to_article(
        await request.body(),
        request.headers.get("content-type", ""),
        params,
        settings=request.app.state.settings,
    )
    coded = await run_in_threadpool(request.app.state.coder.code, article)
    if coded.reject is not None:
        raise Invalid(
            f"article {article.id!r} could not be coded: {coded.reject.reason}", code=coded.reject.code
        )
    summary = await run_in_threadpool(request.app.state.store.write, [coded])
    return {
        "ok": True,
        "article": submissions.article_summary(article),
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


def _plain(summary: Any) -> Any:
    if hasattr(summary, "to_dict"):
        return summary.to_dict()
    if dataclasses.is_dataclass(summary) and not isinstance(summary, type):
        return dataclasses.asdict(summary)
    return summary
