"""Directed dyad time series: per day or week, event clusters, source-weighted Goldstein, quad classes.

Input rows are one directed dyad's clusters per day (the store computes them with SQL); output rows are
one per period, gap-free between the first and last period asked for, so charts show quiet periods as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

FREQS = ("day", "week")
SERIES_FIELDS = (
    "period",
    "clusters",
    "mentions",
    "sources",
    "weight",
    "goldstein_sum",
    "goldstein_mean",
    "goldstein_mean_unweighted",
    "cooperation",
    "conflict",
    "q1",
    "q2",
    "q3",
    "q4",
)
_SUMS = (
    "clusters",
    "mentions",
    "sources",
    "weight",
    "goldstein_sum",
    "goldstein_plain_sum",
    "cooperation",
    "conflict",
    "q1",
    "q2",
    "q3",
    "q4",
)


def period_start(day: date, *, freq: str) -> date:
    """The first day of the period holding ``day`` (weeks start on Monday, ISO 8601)."""
    return day - timedelta(days=day.weekday()) if freq == "week" else day


def series(
    day_rows: Iterable[Mapping[str, Any]],
    *,
    freq: str = "day",
    since: date | None = None,
    until: date | None = None,
) -> list[dict[str, Any]]:
    """Roll daily sums up to periods and fill the gaps.

    Each input row: ``day``, ``clusters``, ``mentions``, ``sources``, ``weight`` (sum of sqrt(sources)),
    ``goldstein_sum`` (sum of weight * Goldstein), ``goldstein_plain_sum``, ``cooperation`` and ``conflict``
    (the weighted Goldstein sums of the positive and of the negative clusters), ``q1``..``q4``.
    ``goldstein_mean`` is weighted by sqrt(num_sources); ``goldstein_mean_unweighted`` is per cluster.
    """
    totals: dict[date, dict[str, float]] = {}
    for row in day_rows:
        key = period_start(row["day"], freq=freq)
        acc = totals.setdefault(key, dict.fromkeys(_SUMS, 0.0))
        for name in _SUMS:
            acc[name] += float(row[name] or 0)
    if not totals and (since is None or until is None):
        return []
    first = period_start(since, freq=freq) if since else min(totals)
    last = period_start(until, freq=freq) if until else max(totals)
    step = timedelta(days=7 if freq == "week" else 1)
    out = []
    current = first
    while current <= last:
        out.append(_row(current, totals.get(current)))
        current += step
    return out


def _row(period: date, acc: Mapping[str, float] | None) -> dict[str, Any]:
    acc = acc or dict.fromkeys(_SUMS, 0.0)
    weight, clusters = acc["weight"], int(acc["clusters"])
    return {
        "period": period.isoformat(),
        "clusters": clusters,
        "mentions": int(acc["mentions"]),
        "sources": int(acc["sources"]),
        "weight": round(weight, 4),
        "goldstein_sum": round(acc["goldstein_sum"], 4),
        "goldstein_mean": round(acc["goldstein_sum"] / weight, 4) if weight else None,
        "goldstein_mean_unweighted": round(acc["goldstein_plain_sum"] / clusters, 4) if clusters else None,
        "cooperation": round(acc["cooperation"], 4),
        "conflict": round(acc["conflict"], 4),
        "q1": int(acc["q1"]),
        "q2": int(acc["q2"]),
        "q3": int(acc["q3"]),
        "q4": int(acc["q4"]),
    }
