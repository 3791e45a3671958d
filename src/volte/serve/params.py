"""The API's and the dashboard's query parameters: types with their bounds (shown in /openapi.json) and the
date parsing that a pattern alone cannot do (2026-02-30, reversed ranges)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Path, Query, Request
from fastapi.dependencies.utils import get_flat_params
from fastapi.params import Query as QueryInfo

from volte.serve.errors import Invalid

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
Code = Annotated[
    str | None,
    Query(pattern=r"^\d{2,4}$", description="CAMEO event code or its prefix, 2-4 digits (`11`, `112`)."),
]
Root = Annotated[
    str | None, Query(pattern=r"^(0[1-9]|1\d|20)$", description="CAMEO root code, `01`-`20` (`04`).")
]
QuadClass = Annotated[
    int | None,
    Query(
        ge=1,
        le=4,
        description="Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    ),
]
Plover = Annotated[
    str | None,
    Query(pattern=r"^[A-Za-z]{3,12}$", description="PLOVER event type (`CONSULT`, `ACCUSE`, `ASSAULT`)."),
]
Place = Annotated[
    str | None,
    Query(
        min_length=2,
        max_length=200,
        description="Where the event happened: a place name (`Bogota`, case-insensitive) or its country (`COL`).",
    ),
]
Freq = Annotated[
    Literal["day", "week", "month"],
    Query(description="Period length (weeks start on Monday, months on the 1st)."),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Records to skip.")]
Search = Annotated[
    str | None, Query(min_length=1, max_length=200, description="Words searched in event sentences.")
]
PathActor = Annotated[str, Path(pattern=ACTOR_PATTERN, description="Actor code (`COL`, `USAGOV`).")]


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


async def known_query_params(request: Request) -> None:
    """A router dependency: 422 naming each query parameter the matched route does not declare, so a
    misspelt or unsupported filter (``?cod=112``) is never silently ignored. (Async: a few microseconds
    of work, run on the event loop instead of a worker thread.)"""
    route = request.scope.get("route")
    if getattr(route, "dependant", None) is None:
        return
    declared = declared_query_params(route)
    unknown = [name for name in request.query_params if name not in declared]
    if unknown:
        names = ", ".join(repr(name[:50]) for name in unknown[:5])
        accepted = ", ".join(sorted(declared)) or "none"
        raise Invalid(
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names} for "
            f"{request.method} {request.url.path}; accepted: {accepted} (see /openapi.json)"
        )


def declared_query_params(route: Any) -> frozenset[str]:
    """The query parameter names (aliases) a route and its dependencies declare (a few microseconds; routes
    are not hashable, so nothing is cached)."""
    return frozenset(
        field.alias for field in get_flat_params(route.dependant) if isinstance(field.field_info, QueryInfo)
    )
