"""The reads the API and the dashboard make, expressed over :class:`volte.store.db.Store`.

Each is one store call plus renaming to the API's field names, or an empty answer for a direction with
no events at all.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from volte.analyse import shifts as detection
from volte.errors import E_STORE_UNKNOWN_ACTOR, StoreError
from volte.serve import readindex

if TYPE_CHECKING:
    from volte.serve.readindex import ReadIndex


def find_events(
    store: Any,
    *,
    q: str | None = None,
    limit: int,
    offset: int,
    index: ReadIndex | None = None,
    **filters: Any,
) -> tuple[list[dict[str, Any]], int]:
    """Events matching the filters, newest first, and the number matching; ``q`` searches sentences
    (case-insensitive substring). With the server's read ``index``, answered through it where it can."""
    filters = {k: v for k, v in filters.items() if v is not None}
    if index is not None:
        found = readindex.find_events(index, store, limit=limit, offset=offset, q=q or None, **filters)
        if found is not None:
            return found
    return store.query_events(q=q or None, limit=limit, offset=offset, **filters)  # type: ignore[no-any-return]


def series_points(
    store: Any,
    source: str,
    target: str,
    *,
    freq: str,
    since: date | None,
    until: date | None,
    index: ReadIndex | None = None,
) -> list[dict[str, Any]]:
    """The dyad series with the API's names: ``date`` (period start) and ``events`` (event clusters).
    With the server's read ``index``, computed from it where it can."""
    found = None
    if index is not None:
        found = readindex.dyad_series(index, store, source, target, freq=freq, since=since, until=until)
    rows = (
        found if found is not None else store.dyad_series(source, target, freq=freq, since=since, until=until)
    )
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
        return detection.shifts(store, **options)
    except StoreError as exc:
        if exc.code == E_STORE_UNKNOWN_ACTOR:
            return []
        raise


def recent_start(store: Any, *, days: int) -> date | None:
    """The first day of the last ``days`` days that hold data (None for an empty store)."""
    last = store.stats().get("last_date")
    return date.fromisoformat(str(last)[:10]) - timedelta(days=days - 1) if last else None


def recent_window(store: Any, *, days: int, today: date | None = None) -> tuple[date, date] | None:
    """The last ``days`` days of data up to today: they end at the latest event dated on or before
    ``today`` (default: the server's date), never at a future-dated one (a statement about a meeting
    next spring must not empty the home page); None when no event is dated on or before today."""
    today = today or date.today()
    rows, _ = store.query_events(until=today, limit=1, offset=0)
    if not rows or not rows[0].get("date"):
        return None
    last = date.fromisoformat(str(rows[0]["date"])[:10])
    return last - timedelta(days=days - 1), last


def top_dyads(
    store: Any, *, limit: int, since: date | None = None, until: date | None = None
) -> list[dict[str, Any]]:
    """The most active directed country dyads in [since, until]: events (clusters), mean Goldstein, last
    day."""
    return store.top_dyads(limit=limit, since=since, until=until)  # type: ignore[no-any-return]


def require_actor(store: Any, code: str) -> None:
    """StoreError E505 (404) naming the known countries when ``code`` is the source or target of no stored
    event (a dyad page of empty charts would look like a quiet dyad)."""
    missing: StoreError | None = None
    for side in ("source", "target"):
        try:
            store.query_events(limit=0, offset=0, **{side: code})
            return
        except StoreError as exc:
            if exc.code != E_STORE_UNKNOWN_ACTOR:
                raise
            missing = missing or exc
    if missing is not None:
        raise missing
