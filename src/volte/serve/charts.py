"""The dyad timeline as a Vega-Lite spec (rendered in the browser by the vendored vega-embed).

One row per direction. Bars: event clusters per period stacked by quad class, cooperation (quad 1-2)
above zero and conflict (quad 3-4) below; each bar spans its period (a day, a week, a month) from its first
day to the next period's (``x``/``x2``), so weekly and monthly bars are as wide as their period. Points: the period's source-weighted mean Goldstein on its own
axis (-10..10, right). Both axes are symmetric, so their zeros line up. Reversals: dashed rules labelled
with kind and date. Every datum carries ``day``, ``source`` and ``target`` so a click can fetch its events.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from volte.store.series import nth_period

QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLOURS = {1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#cb181d"}
MARKER_COLOURS = {"thaw": "#2b6cb0", "rupture": "#9b1c1c"}
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
CONFIG = {  # every chart's (the dyad page's and the home page's): no view frame, 11 px axis text
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 11, "titleFontWeight": "normal"},
}
PLOT_WIDTH = 760  # px; the page widens it to its container before drawing
Direction = tuple[str, str]


def dyad_chart(
    directions: Sequence[Direction],
    series: dict[Direction, list[dict[str, Any]]],
    shifts: Sequence[dict[str, Any]],
    *,
    freq: str,
) -> dict[str, Any]:
    """The whole chart: both directions on one shared time axis, spanning the periods with events."""
    days = [str(p["date"])[:10] for pts in series.values() for p in pts if p.get("events")] + [
        str(s.get("date"))[:10] for s in shifts
    ]
    pad = {"week": 4, "month": 10}.get(freq, 2)
    last = _period_end(max(days), freq) if days else None  # the last bar ends where its period does
    domain = [_add_days(min(days), -pad), _add_days(last, pad)] if days and last else None
    peak = max([_peak(p) for pts in series.values() for p in pts] or [1])
    rows = [
        _direction(
            d,
            series.get(d, []),
            [s for s in shifts if _country_dyad(s) == (d[0][:3], d[1][:3])],
            domain=domain,
            freq=freq,
            peak=peak,
            legend=i == 0,
        )
        for i, d in enumerate(directions)
    ]
    return {
        "$schema": SCHEMA,
        "vconcat": rows,
        "spacing": 24,
        "config": CONFIG,
    }


WINDOW_COLOURS = {"conflict": "#fcbba1", "cooperation": "#c7e9c0"}


def shift_chart(
    shift: dict[str, Any], directions: Sequence[Direction], series: dict[Direction, list[dict[str, Any]]]
) -> dict[str, Any]:
    """The dyad chart of a shift's page: both directions by day, the shift's marker, and its before and
    after windows shaded behind the shift's own direction (conflict red, cooperation green)."""
    spec = dyad_chart(directions, series, [shift], freq="day")
    thaw = shift.get("kind") == "thaw"
    bands = [
        {
            "start": shift[side]["start"],
            "end": _add_days(shift[side]["end"], 1),
            "side": side,
            "label": f"{side} {shift[side]['start'][5:]}..{shift[side]['end'][5:]}",
            "colour": WINDOW_COLOURS["conflict" if (side == "before") == thaw else "cooperation"],
        }
        for side in ("before", "after")
    ]
    dates = [shift["before"]["start"], bands[1]["end"]]
    for row, direction in zip(spec["vconcat"], directions, strict=True):
        x = next(layer["encoding"]["x"] for layer in row["layer"] if "encoding" in layer)
        domain = x["scale"].get("domain")
        if domain:  # the windows are always in view (domains are UTC DateTimes: see _utc_day)
            first, last = (_iso_day(d) if isinstance(d, dict) else d for d in domain)
            x["scale"]["domain"] = [_utc_day(min(first, dates[0])), _utc_day(max(last, dates[1]))]
        if _country_dyad(shift) != (direction[0][:3], direction[1][:3]):
            continue
        colour = {"field": "colour", "type": "nominal", "scale": None, "legend": None}
        row["layer"].insert(
            0,
            {
                "data": {"values": bands},
                "layer": [
                    {
                        "mark": {"type": "rect", "opacity": 0.55},
                        "encoding": {
                            "x": {**x, "field": "start"},
                            "x2": {"field": "end"},
                            "color": colour,
                            "tooltip": [{"field": "label", "title": "window"}],
                        },
                    },
                    {
                        "mark": {
                            "type": "text",
                            "align": "left",
                            "dx": 3,
                            "baseline": "bottom",
                            "fontSize": 10,
                        },
                        "encoding": {
                            "x": {**x, "field": "start"},
                            "y": {"value": 178},
                            "text": {"field": "label"},
                        },
                    },
                ],
            },
        )
    return spec


def to_script_json(spec: dict[str, Any]) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(spec, default=str).replace("<", "\\u003c")


def _period_end(day: str, freq: str) -> str:
    """The first day after the period starting on ``day`` (a bar's ``x2``); the last day of the calendar
    for a period that ends the calendar."""
    try:
        return nth_period(date.fromisoformat(day), 1, freq=freq).isoformat()
    except (OverflowError, ValueError):
        return date.max.isoformat()


def _add_days(day: str, delta: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=delta)).isoformat()


def _iso_day(value: dict[str, Any]) -> str:
    """The ``YYYY-MM-DD`` of a DateTime made by :func:`_utc_day`."""
    return date(value["year"], value["month"], value["date"]).isoformat()


def _utc_day(day: str) -> dict[str, Any]:
    """A ``YYYY-MM-DD`` day as a Vega-Lite DateTime at 00:00 UTC. (A date string would compile to
    ``datetime("2026-01-07")``, which Vega's expression interpreter, the one the page's CSP allows, reads
    as an invalid date.)"""
    parsed = date.fromisoformat(day)
    return {"year": parsed.year, "month": parsed.month, "date": parsed.day, "utc": True}


def _ticks(span_days: int) -> dict[str, Any]:
    """Whole-day ticks: daily on short spans, weekly, then monthly."""
    if span_days <= 21:
        return {"tickCount": {"interval": "day", "step": 1}, "format": "%a %d %b"}
    if span_days <= 150:
        return {"tickCount": {"interval": "week", "step": 1}, "format": "%d %b"}
    return {"tickCount": {"interval": "month", "step": 1}, "format": "%b %Y"}


def _peak(point: dict[str, Any]) -> int:
    return max(
        int(point.get("q1") or 0) + int(point.get("q2") or 0),
        int(point.get("q3") or 0) + int(point.get("q4") or 0),
    )


def _country_dyad(shift: dict[str, Any]) -> Direction:
    return str(shift.get("source", ""))[:3], str(shift.get("target", ""))[:3]


def _direction(
    direction: Direction,
    points: list[dict[str, Any]],
    shifts: list[dict[str, Any]],
    *,
    domain: list[str] | None,
    freq: str,
    peak: int,
    legend: bool,
) -> dict[str, Any]:
    # Days are calendar days: a UTC scale keeps 2026-01-07 on 7 January in every browser time zone.
    x: dict[str, Any] = {
        "field": "date",
        "type": "temporal",
        "title": None,
        "scale": {"type": "utc"},
        "axis": {"labelOverlap": True},
    }
    if domain:
        x["scale"]["domain"] = [_utc_day(day) for day in domain]
        span = (date.fromisoformat(domain[1]) - date.fromisoformat(domain[0])).days
        x["axis"].update(_ticks(max(span, 151) if freq == "month" else span))  # months: month ticks
    layers = [
        _bars(direction, points, x, freq=freq, peak=peak, legend=legend),
        _means(direction, points, x, freq=freq),
    ]
    if shifts:
        layers.append(_markers(shifts, x))
    return {
        "title": {"text": f"{direction[0]} → {direction[1]}", "anchor": "start", "fontSize": 13},
        "width": PLOT_WIDTH,
        "height": 180,
        "layer": layers,
        "resolve": {"scale": {"y": "independent", "color": "independent"}},
    }


def _bars(
    direction: Direction,
    points: list[dict[str, Any]],
    x: dict[str, Any],
    *,
    freq: str,
    peak: int,
    legend: bool,
) -> dict[str, Any]:
    values = [
        {
            **_segment(p, q),
            "date": str(p["date"])[:10],
            "end": _period_end(str(p["date"])[:10], freq),
            "day": str(p["date"])[:10],
            "until": _add_days(_period_end(str(p["date"])[:10], freq), -1),
            "period": _period_label(str(p["date"])[:10], freq),
            "quad": q,
            "label": QUAD_LABELS[q],
            "n": (1 if q <= 2 else -1) * int(p.get(f"q{q}") or 0),
            "source": direction[0],
            "target": direction[1],
        }
        for p in points
        for q in (1, 2, 3, 4)
        if p.get(f"q{q}")
    ]
    return {
        "data": {"values": values},
        "mark": {"type": "bar", "cursor": "pointer", "stroke": "#fff", "strokeWidth": 0.5},
        "encoding": {
            "x": x,
            "x2": {"field": "end"},
            # stacked here (low..high per quad class): Vega-Lite's own stacking makes a bar with x and x2
            # a horizontal one
            "y": {
                "field": "high",
                "type": "quantitative",
                "title": "events: cooperation ↑ conflict ↓",
                "scale": {"domain": [-peak, peak]},
                "axis": {"orient": "left", "tickMinStep": 1},
            },
            "y2": {"field": "low"},
            "color": {
                "field": "label",
                "type": "nominal",
                "title": None,
                "scale": {"domain": list(QUAD_LABELS.values()), "range": list(QUAD_COLOURS.values())},
                "legend": {"orient": "top", "direction": "horizontal"} if legend else None,
            },
            "tooltip": [
                {"field": "period", "title": freq},
                {"field": "label", "title": "class"},
                {"field": "n", "title": "events"},
            ],
        },
    }


def _segment(point: dict[str, Any], quad: int) -> dict[str, int]:
    """Where a quad class's part of a period's bar lies: cooperation stacks up from zero (quad 1, then
    2), conflict down (quad 3, then 4)."""
    counts = {q: int(point.get(f"q{q}") or 0) for q in (1, 2, 3, 4)}
    below = sum(counts[q] for q in ((1,) if quad == 2 else (3,) if quad == 4 else ()))
    sign = 1 if quad <= 2 else -1
    return {"low": sign * below, "high": sign * (below + counts[quad])}


def _period_label(day: str, freq: str) -> str:
    """How a tooltip names a period: the day, ``week of 2026-01-05``, ``2026-01``."""
    return {"week": f"week of {day}", "month": day[:7]}.get(freq, day)


def _means(
    direction: Direction, points: list[dict[str, Any]], x: dict[str, Any], *, freq: str
) -> dict[str, Any]:
    # a period's point sits in the middle of its bar
    values = [
        {
            "date": _middle(str(p["date"])[:10], freq),
            "day": str(p["date"])[:10],
            "until": _add_days(_period_end(str(p["date"])[:10], freq), -1),
            "period": _period_label(str(p["date"])[:10], freq),
            "mean": p["goldstein_mean"],
            "sum": p.get("goldstein_sum"),
            "events": p.get("events"),
            "source": direction[0],
            "target": direction[1],
        }
        for p in points
        if p.get("goldstein_mean") is not None
    ]
    y = {
        "field": "mean",
        "type": "quantitative",
        "title": "mean Goldstein",
        "scale": {"domain": [-10, 10]},
        "axis": {"orient": "right", "values": [-10, -5, 0, 5, 10]},
    }
    return {
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "rule", "color": "#777"},
                "encoding": {"y": {"datum": 0, "type": "quantitative"}},
            },
            {
                "mark": {"type": "line", "color": "#222", "strokeWidth": 1, "opacity": 0.35},
                "encoding": {"x": x, "y": y},
            },
            {
                "mark": {
                    "type": "point",
                    "filled": True,
                    "size": 55,
                    "color": "#1d232a",
                    "cursor": "pointer",
                },
                "encoding": {
                    "x": x,
                    "y": y,
                    "tooltip": [
                        {"field": "period", "title": freq},
                        {"field": "events", "title": "events"},
                        {"field": "mean", "title": "mean Goldstein", "format": "+.1f"},
                        {"field": "sum", "title": "Goldstein sum", "format": "+.1f"},
                    ],
                },
            },
        ],
    }


def _middle(day: str, freq: str) -> str:
    """The middle of the period starting on ``day`` as an ISO timestamp (UTC): noon of a day."""
    start = date.fromisoformat(day)
    hours = (date.fromisoformat(_period_end(day, freq)) - start).days * 12
    return f"{(start + timedelta(hours=hours)).isoformat()}T{hours % 24:02d}:00:00Z"


def _markers(shifts: list[dict[str, Any]], x: dict[str, Any]) -> dict[str, Any]:
    values = [
        {
            "date": f"{str(s.get('date'))[:10]}T12:00:00Z",  # the middle of the day's bar
            "kind": s.get("kind"),
            "score": s.get("score"),
            "label": f"{s.get('kind')} {str(s.get('date'))[:10]}",
            "colour": MARKER_COLOURS.get(str(s.get("kind")), "#555"),
            "url": f"/shift/{s['id']}" if s.get("id") else None,
        }
        for s in shifts
    ]
    colour = {"field": "colour", "type": "nominal", "scale": None, "legend": None}
    return {
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "rule", "strokeDash": [5, 3], "strokeWidth": 2, "cursor": "pointer"},
                "encoding": {"x": x, "color": colour},
            },
            {
                "mark": {
                    "type": "text",
                    "cursor": "pointer",
                    "align": "left",
                    "dx": 4,
                    "baseline": "top",
                    "fontWeight": "bold",
                    "fontSize": 11,
                },
                "encoding": {"x": x, "y": {"value": 2}, "text": {"field": "label"}, "color": colour},
            },
        ],
    }
