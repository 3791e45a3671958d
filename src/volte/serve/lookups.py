"""The reads the API and the dashboard make, expressed over :class:`volte.store.db.Store`.

Most are one store call plus renaming to the API's field names. Two reads the store does not offer yet
(searching sentences with ``q``, the most active dyads) fall back to the store's own query builders and
connection, with bound parameters only; they go away when ``Store`` grows them.
"""

from __future__ import annotations

import inspect
from datetime import date, timedelta
from functools import cache
from typing import Any

from volte.errors import E_STORE_UNKNOWN_ACTOR, StoreError


def find_events(
    store: Any,
    *,
    q: str | None = None,
    limit: int,
    offset: int,
    **filters: Any,
) -> tuple[list[dict[str, Any]], int]:
    """Events matching the filters, newest first, and the number matching; ``q`` searches sentences
    (case-insensitive substring)."""
    filters = {k: v for k, v in filters.items() if v is not None}
    if not q:
        return store.query_events(limit=limit, offset=offset, **filters)  # type: ignore[no-any-return]
    if _store_searches():
        return store.query_events(q=q, limit=limit, offset=offset, **filters)  # type: ignore[no-any-return]
    return _search_fallback(store, q, limit=limit, offset=offset, filters=filters)


@cache
def _store_searches() -> bool:
    from volte.store import queries

    return "q" in inspect.signature(queries.event_filters).parameters


def _search_fallback(
    store: Any, text: str, *, limit: int, offset: int, filters: dict[str, Any]
) -> tuple[list[dict[str, Any]], int]:
    from volte.store import queries, reading

    where = queries.event_filters(**filters)
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where.add("sentence ILIKE ? ESCAPE '\\'", pattern)
    store._check_actors(filters.get("source"), filters.get("target"))
    return reading.events(store.con, where, limit=limit, offset=offset)  # type: ignore[no-any-return]


def series_points(
    store: Any, source: str, target: str, *, freq: str, since: date | None, until: date | None
) -> list[dict[str, Any]]:
    """The dyad series with the API's names: ``date`` (period start) and ``events`` (event clusters)."""
    rows = store.dyad_series(source, target, freq=freq, since=since, until=until)
    return [
        {"date": r.get("period", r.get("date")), "events": r.get("clusters", r.get("events")), **r}
        for r in rows
    ]


def series_or_empty(store: Any, source: str, target: str, **options: Any) -> list[dict[str, Any]]:
    """Like :func:`series_points`, but a direction with no events at all is an empty series."""
    try:
        return series_points(store, source, target, **options)
    except StoreError as exc:
        if exc.code == E_STORE_UNKNOWN_ACTOR:
            return []
        raise


def events_or_empty(store: Any, **options: Any) -> tuple[list[dict[str, Any]], int]:
    try:
        return find_events(store, **options)
    except StoreError as exc:
        if exc.code == E_STORE_UNKNOWN_ACTOR:
            return [], 0
        raise


def shifts_or_empty(store: Any, **options: Any) -> list[dict[str, Any]]:
    try:
        return store.shifts(**options)  # type: ignore[no-any-return]
    except StoreError as exc:
        if exc.code == E_STORE_UNKNOWN_ACTOR:
            return []
        raise


def recent_start(store: Any, *, days: int) -> date | None:
    """The first day of the last ``days`` days that hold data (None for an empty store)."""
    last = store.stats().get("last_date")
    return date.fromisoformat(str(last)[:10]) - timedelta(days=days - 1) if last else None


TOP_DYADS_SQL = """
SELECT source_country AS source, target_country AS target, sum(clusters)::BIGINT AS events,
       sum(wg) / nullif(sum(w), 0) AS goldstein_mean, max(day) AS last_date
FROM dyad_days WHERE source_country <> target_country AND day >= ?
GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?
"""


def top_dyads(store: Any, *, limit: int, since: date | None = None) -> list[dict[str, Any]]:
    """The most active directed country dyads since ``since``: events (clusters), mean Goldstein, last day."""
    method = getattr(store, "top_dyads", None)
    if method is not None:
        return list(method(limit=limit, since=since))
    cursor = store.con.execute(TOP_DYADS_SQL, [since or date.min, limit])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
