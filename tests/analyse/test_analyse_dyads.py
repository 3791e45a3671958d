"""Dyad series: gap filling, weekly roll-up, source-weighted means."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.errors import ConfigError
from volte.store.series import clamp_range, count_periods, period_start, series


def _day(
    day: str, *, clusters: int = 1, weight: float = 1.0, gsum: float = 0.0, plain: float = 0.0, q: int = 1
) -> dict:
    row = {
        "day": date.fromisoformat(day),
        "clusters": clusters,
        "mentions": clusters,
        "sources": clusters,
        "weight": weight,
        "goldstein_sum": gsum,
        "goldstein_plain_sum": plain,
        "cooperation": max(gsum, 0),
        "conflict": min(gsum, 0),
        "q1": 0,
        "q2": 0,
        "q3": 0,
        "q4": 0,
    }
    row[f"q{q}"] = clusters
    return row


@pytest.mark.parametrize(
    ("day", "freq", "start"),
    [
        ("2026-01-07", "week", "2026-01-05"),
        ("2026-01-05", "week", "2026-01-05"),
        ("2026-01-07", "day", "2026-01-07"),
        ("2026-01-31", "month", "2026-01-01"),
        ("2024-02-29", "month", "2024-02-01"),
    ],
)
def test_dyads_period_start(day: str, freq: str, start: str) -> None:
    assert period_start(date.fromisoformat(day), freq=freq).isoformat() == start


def test_dyads_series_fills_quiet_days() -> None:
    rows = series([_day("2026-01-01"), _day("2026-01-04")], freq="day")
    assert [r["period"] for r in rows] == ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]
    assert [r["clusters"] for r in rows] == [1, 0, 0, 1]
    assert rows[1]["goldstein_mean"] is None


def test_dyads_series_weighted_mean_differs_from_plain() -> None:
    # one cluster of 4 sources at +4 (weight 2), one single-source cluster at -8 (weight 1)
    (row,) = series(
        [_day("2026-01-01", clusters=2, weight=3.0, gsum=2 * 4 + 1 * -8, plain=4 - 8)], freq="day"
    )
    assert row["goldstein_mean"] == pytest.approx(0.0)
    assert row["goldstein_mean_unweighted"] == pytest.approx(-2.0)


def test_dyads_series_rolls_up_weeks() -> None:
    rows = series(
        [_day("2026-01-05", q=1), _day("2026-01-07", q=4, gsum=-9), _day("2026-01-13", q=2)], freq="week"
    )
    assert [(r["period"], r["clusters"], r["q1"], r["q4"]) for r in rows] == [
        ("2026-01-05", 2, 1, 1),
        ("2026-01-12", 1, 0, 0),
    ]
    assert rows[0]["conflict"] == pytest.approx(-9)


def test_dyads_series_honours_range_and_empty_input() -> None:
    assert series([], freq="day") == []
    rows = series([], freq="day", since=date(2026, 1, 1), until=date(2026, 1, 3))
    assert [r["clusters"] for r in rows] == [0, 0, 0]


EXTENT = (date(2026, 1, 4), date(2026, 3, 1))


@pytest.mark.issue(16)
@given(since=st.none() | st.dates(), until=st.none() | st.dates())
def test_dyads_clamp_range_stays_inside_the_stored_extent(since: date | None, until: date | None) -> None:
    clamped = clamp_range(since, until, extent=EXTENT)
    if clamped is None:  # nothing stored in the asked range
        assert (since and since > EXTENT[1]) or (until and until < EXTENT[0]) or (since and until and since > until)
        return
    first, last = clamped
    assert EXTENT[0] <= first <= last <= EXTENT[1]
    assert first == max(since or EXTENT[0], EXTENT[0]) and last == min(until or EXTENT[1], EXTENT[1])


@pytest.mark.issue(16)
@pytest.mark.parametrize("extent", [(None, None)])
def test_dyads_clamp_range_of_an_empty_store_is_none(extent: tuple[None, None]) -> None:
    assert clamp_range(date(1, 1, 1), date(9999, 12, 31), extent=extent) is None


@pytest.mark.issue(16)
@given(first=st.dates(), last=st.dates(), freq=st.sampled_from(["day", "week", "month"]))
def test_dyads_count_periods_matches_the_series_length(first: date, last: date, freq: str) -> None:
    first, last = min(first, last), max(first, last)
    n = count_periods(first, last, freq=freq)
    assert n >= 1
    if n <= 400:  # build only short series; long ones must be refused before they are built
        assert len(series([], freq=freq, since=first, until=last)) == n


@pytest.mark.issue(16)
@pytest.mark.parametrize(("since", "until"), [(date(1, 1, 1), date(9999, 12, 31)), (date(9999, 12, 1), date(9999, 12, 31))])
def test_dyads_series_refuses_more_points_than_the_cap(since: date, until: date) -> None:
    with pytest.raises(ConfigError) as caught:
        series([], freq="day", since=since, until=until, max_points=10)
    assert caught.value.code == "E103" and "store.max_points" in caught.value.message


@pytest.mark.issue(16)
@pytest.mark.parametrize("freq", ["day", "week", "month"])
def test_dyads_series_reaches_the_last_day_without_overflow(freq: str) -> None:
    rows = series([_day("9999-12-31")], freq=freq, since=date(9999, 12, 20), until=date(9999, 12, 31))
    assert rows[-1]["period"] == period_start(date(9999, 12, 31), freq=freq).isoformat()


@pytest.mark.issue(15)
def test_dyads_month_series_sums_a_month_and_fills_quiet_months() -> None:
    rows = series(
        [_day("2025-12-31", q=4, gsum=-9), _day("2026-01-02", q=1), _day("2026-01-30", q=1), _day("2026-03-01", q=2)],
        freq="month",
    )
    assert [(r["period"], r["clusters"], r["q1"]) for r in rows] == [
        ("2025-12-01", 1, 0),
        ("2026-01-01", 2, 2),
        ("2026-02-01", 0, 0),
        ("2026-03-01", 1, 0),
    ]
