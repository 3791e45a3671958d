"""Directed dyad time series: per day, week or month, event clusters, source-weighted Goldstein, quad classes.

Input rows are one directed dyad's clusters per day (the store computes them with SQL); output rows are
one per period, gap-free between the first and last period asked for, so charts show quiet periods as 0.
A range is first cut to the stored data (:func:`clamp_range`) and a series longer than ``max_points``
periods is refused before it is built, so no request can make a dense index of arbitrary length.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from volte.errors import E_CONFIG_TOO_MANY_POINTS, ConfigError

FREQS = ("day", "week", "month")
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
#: the daily sums a series adds up per period (the store's day rows' columns but the day)
SUMS = (
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
    """The first day of the period holding ``day`` (weeks start on Monday, ISO 8601; months on the 1st)."""
    if freq == "month":
        return day.replace(day=1)
    return day - timedelta(days=day.weekday()) if freq == "week" else day


def nth_period(first: date, n: int, *, freq: str) -> date:
    """The start of the ``n``-th period after the one starting on ``first`` (0: ``first`` itself)."""
    if freq == "month":
        months = first.year * 12 + first.month - 1 + n
        return date(months // 12, months % 12 + 1, 1)
    return first + timedelta(days=n * (7 if freq == "week" else 1))


def clamp_range(
    since: date | None, until: date | None, *, extent: tuple[date | None, date | None]
) -> tuple[date, date] | None:
    """[since, until] cut to the stored ``extent`` (first, last day with data); a missing bound takes the
    extent's. None when nothing is stored or the range lies outside the stored data."""
    first, last = extent
    if first is None or last is None:
        return None
    lo, hi = max(since or first, first), min(until or last, last)
    return (lo, hi) if lo <= hi else None


def count_periods(first: date, last: date, *, freq: str) -> int:
    """How many periods a gap-free series from ``first`` to ``last`` holds (both inclusive)."""
    if freq == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    days = (period_start(last, freq=freq) - period_start(first, freq=freq)).days
    return days // (7 if freq == "week" else 1) + 1


def check_points(first: date, last: date, *, freq: str, max_points: int) -> None:
    """ConfigError E103 when the series from ``first`` to ``last`` would hold over ``max_points`` periods."""
    n = count_periods(first, last, freq=freq)
    if n > max_points:
        raise ConfigError(
            f"the range {first.isoformat()}..{last.isoformat()} holds {n:,} {freq}s, over the limit of "
            f"{max_points:,} points (setting store.max_points); narrow it with since/until"
            + {"day": " or use freq=week", "week": " or use freq=month"}.get(freq, ""),
            code=E_CONFIG_TOO_MANY_POINTS,
        )


def series(
    day_rows: Iterable[Mapping[str, Any]],
    *,
    freq: str = "day",
    since: date | None = None,
    until: date | None = None,
    max_points: int | None = None,
) -> list[dict[str, Any]]:
    """Roll daily sums up to periods and fill the gaps.

    Each input row: ``day``, ``clusters``, ``mentions``, ``sources``, ``weight`` (sum of sqrt(sources)),
    ``goldstein_sum`` (sum of weight * Goldstein), ``goldstein_plain_sum``, ``cooperation`` and ``conflict``
    (the weighted Goldstein sums of the positive and of the negative clusters), ``q1``..``q4``.
    ``goldstein_mean`` is weighted by sqrt(num_sources); ``goldstein_mean_unweighted`` is per cluster.
    Over ``max_points`` periods between the first and the last: ConfigError E103 (nothing is built).
    """
    totals: dict[date, dict[str, float]] = {}
    for row in day_rows:
        key = period_start(row["day"], freq=freq)
        acc = totals.setdefault(key, dict.fromkeys(SUMS, 0.0))
        for name in SUMS:
            acc[name] += float(row[name] or 0)
    if not totals and (since is None or until is None):
        return []
    first = period_start(since, freq=freq) if since else min(totals)
    last = period_start(until, freq=freq) if until else max(totals)
    if max_points is not None:
        check_points(first, last, freq=freq, max_points=max_points)
    # by index, not by adding a step past ``last``: that would overflow on 9999-12-31
    starts = (
        nth_period(first, i, freq=freq) for i in range(count_periods(first, last, freq=freq) if first <= last else 0)
    )
    return [_row(start, totals.get(start)) for start in starts]


MAX_PANEL_ROWS = 2_000_000  # dyads x periods of one panel: beyond this, ask for week or month


def panel(
    day_rows: Iterable[Mapping[str, Any]], *, freq: str, since: date, until: date, max_points: int
) -> list[dict[str, Any]]:
    """A balanced panel: per directed country dyad (``source_country``, ``target_country`` of each input
    row, else as :func:`series`), one row per period from ``since`` to ``until``, with ``source`` and
    ``target`` first. Dyads without a cluster in the range have no rows. Over ``max_points`` periods or
    :data:`MAX_PANEL_ROWS` rows: ConfigError E103 (nothing is built)."""
    by_dyad: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for row in day_rows:
        by_dyad.setdefault((row["source_country"], row["target_country"]), []).append(row)
    first, last = period_start(since, freq=freq), period_start(until, freq=freq)
    check_points(first, last, freq=freq, max_points=max_points)
    rows = len(by_dyad) * count_periods(first, last, freq=freq)
    if rows > MAX_PANEL_ROWS:
        raise ConfigError(
            f"a {freq} panel of {len(by_dyad):,} dyads from {first.isoformat()} to {last.isoformat()} holds "
            f"{rows:,} rows, over the limit of {MAX_PANEL_ROWS:,}; narrow it with since/until or use a longer freq",
            code=E_CONFIG_TOO_MANY_POINTS,
        )
    out: list[dict[str, Any]] = []
    for (source, target), days in sorted(by_dyad.items()):
        out += [
            {"source": source, "target": target, **row}
            for row in series(days, freq=freq, since=since, until=until)
        ]
    return out


def _row(period: date, acc: Mapping[str, float] | None) -> dict[str, Any]:
    acc = acc or dict.fromkeys(SUMS, 0.0)
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
