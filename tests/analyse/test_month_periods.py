"""Month periods of the dyad series (issue 15): months start on the 1st, the series is gap-free across
month and year ends, and the period count that guards store.max_points counts months."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.store.series import count_periods, nth_period, period_start, series

pytestmark = pytest.mark.issue(15)


def _day(day: str, clusters: int) -> dict[str, object]:
    zero = dict.fromkeys(
        ("mentions", "sources", "weight", "goldstein_sum", "goldstein_plain_sum", "cooperation", "conflict"),
        0,
    )
    return {
        **zero,
        "day": date.fromisoformat(day),
        "clusters": clusters,
        "q1": clusters,
        "q2": 0,
        "q3": 0,
        "q4": 0,
    }


@pytest.mark.parametrize(
    ("day", "start"),
    [("2026-01-31", "2026-01-01"), ("2024-02-29", "2024-02-01"), ("2026-12-01", "2026-12-01")],
)
def test_month_period_starts_on_the_first(day: str, start: str) -> None:
    assert period_start(date.fromisoformat(day), freq="month") == date.fromisoformat(start)


def test_month_series_is_gap_free_across_a_year_end() -> None:
    rows = [_day("2025-11-03", 2), _day("2025-11-30", 1), _day("2026-02-14", 4)]
    out = series(rows, freq="month")
    assert [r["period"] for r in out] == ["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]
    assert [r["clusters"] for r in out] == [3, 0, 0, 4]


@given(first=st.dates(max_value=date(9998, 1, 1)), last=st.dates(max_value=date(9998, 1, 1)))
def test_month_count_matches_stepping(first: date, last: date) -> None:
    first, last = sorted((first, last))
    n = count_periods(first, last, freq="month")
    start = period_start(first, freq="month")
    assert nth_period(start, n - 1, freq="month") == period_start(last, freq="month")
