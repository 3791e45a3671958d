"""Day tables written as plans for the reversal tests: day index -> the clusters of that day."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from volte.analyse.reversals import DayTable, day_table

START = date(2025, 1, 1)
Plan = dict[int, list[tuple[float, int, str]]]


def plan_table(days: int, plan: Plan, start: date = START) -> DayTable:
    """plan: day index -> clusters as (goldstein, num_sources, 'conflict'|'coop'|'other'), weighted by the
    square root of their sources as the store's day matrix weights them."""
    rows = []
    for i, clusters in plan.items():
        w = [np.sqrt(s) for _, s, _ in clusters]
        rows.append(
            {
                "day": start + timedelta(days=i),
                "clusters": len(clusters),
                "w": sum(w),
                "ww": sum(x * x for x in w),
                "wg": sum(x * g for x, (g, _, _) in zip(w, clusters, strict=True)),
                "wg2": sum(x * g * g for x, (g, _, _) in zip(w, clusters, strict=True)),
                "conflict": sum(k == "conflict" for _, _, k in clusters),
                "coop": sum(k == "coop" for _, _, k in clusters),
            }
        )
    return day_table(start, rows, end=start + timedelta(days=days - 1))
