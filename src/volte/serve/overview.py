"""The home page's charts across dyads, as Vega-Lite specs (drawn by the vendored vega-embed).

- who did what to whom: the busiest directed country dyads, one bar each, split by quad class; a bar opens
  its dyad;
- what kind of events: event clusters per CAMEO root, coloured by quad class; a bar opens those events;
- where: a world map (Natural Earth countries from the vendored ``world-atlas``, no CDN) with a circle per
  place that events happened at, sized by their number; a circle opens that place's events.

Every datum that opens a page carries its ``url``; ``js/overview.js`` follows it on click.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from volte.serve.charts import CONFIG, QUAD_COLOURS, QUAD_LABELS, SCHEMA

WORLD = "/static/vendor/world-atlas/countries-110m.json"
QUAD_COLOUR = {
    "field": "label",
    "type": "nominal",
    "title": None,
    "scale": {"domain": list(QUAD_LABELS.values()), "range": list(QUAD_COLOURS.values())},
    "legend": {"orient": "top", "direction": "horizontal"},
}


def events_url(since: date | None, until: date | None, **filters: Any) -> str:
    """The events page for ``filters`` over [since, until] (empty values left out)."""
    params = {
        **filters,
        "since": since.isoformat() if since else "",
        "until": until.isoformat() if until else "",
    }
    return "/events?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def pairs_chart(pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """Directed dyads ranked by event clusters, each bar stacked by quad class."""
    order = [f"{p['source']} → {p['target']}" for p in pairs]
    values = [
        {
            "dyad": f"{p['source']} → {p['target']}",
            "quad": q,
            "label": QUAD_LABELS[q],
            "n": int(p.get(f"q{q}") or 0),
            "total": p["events"],
            "url": f"/dyad/{p['source']}/{p['target']}",
        }
        for p in pairs
        for q in (1, 2, 3, 4)
        if p.get(f"q{q}")
    ]
    return {
        "$schema": SCHEMA,
        "data": {"values": values},
        "width": 360,
        "height": {"step": 18},
        "mark": {"type": "bar", "cursor": "pointer"},
        "encoding": {
            "y": {"field": "dyad", "type": "nominal", "sort": order, "title": None},
            "x": {"field": "n", "type": "quantitative", "stack": "zero", "title": "events"},
            "color": QUAD_COLOUR,
            "order": {"field": "quad", "type": "quantitative"},
            "tooltip": [
                {"field": "dyad"},
                {"field": "label", "title": "class"},
                {"field": "n", "title": "events"},
                {"field": "total", "title": "all classes"},
            ],
        },
        "config": CONFIG,
    }


def roots_chart(roots: list[dict[str, Any]], since: date | None, until: date | None) -> dict[str, Any]:
    """Event clusters per CAMEO root, coloured by the root's quad class."""
    values = [
        {
            "root": f"{r['root']} {r['name']}",
            "n": r["events"],
            "label": QUAD_LABELS.get(int(r.get("quad_class") or 0), ""),
            "url": events_url(since, until, root=r["root"]),
        }
        for r in roots
    ]
    return {
        "$schema": SCHEMA,
        "data": {"values": values},
        "width": 360,
        "height": {"step": 18},
        "mark": {"type": "bar", "cursor": "pointer"},
        "encoding": {
            "y": {"field": "root", "type": "nominal", "sort": None, "title": None},
            "x": {"field": "n", "type": "quantitative", "title": "events"},
            "color": {**QUAD_COLOUR, "legend": None},
            "tooltip": [{"field": "root", "title": "CAMEO root"}, {"field": "n", "title": "events"}],
        },
        "config": CONFIG,
    }


def map_chart(places: list[dict[str, Any]], since: date | None, until: date | None) -> dict[str, Any]:
    """The world's countries and a circle per place events happened at (area ~ events)."""
    values = [
        {
            "name": p["name"],
            "country": p.get("country") or "",
            "lat": p["lat"],
            "lon": p["lon"],
            "events": p["events"],
            "url": events_url(since, until, place=p["name"]),
        }
        for p in places
    ]
    projection = {"type": "equalEarth"}
    return {
        "$schema": SCHEMA,
        "width": 760,
        "height": 380,
        "projection": projection,
        "layer": [
            {
                "data": {"url": WORLD, "format": {"type": "topojson", "feature": "countries"}},
                "mark": {"type": "geoshape", "fill": "#e8ecef", "stroke": "#fff", "strokeWidth": 0.5},
            },
            {
                "data": {"values": values},
                "mark": {
                    "type": "circle",
                    "color": "#2b6cb0",
                    "opacity": 0.7,
                    "stroke": "#123",
                    "strokeWidth": 0.5,
                    "cursor": "pointer",
                },
                "encoding": {
                    "longitude": {"field": "lon", "type": "quantitative"},
                    "latitude": {"field": "lat", "type": "quantitative"},
                    "size": {
                        "field": "events",
                        "type": "quantitative",
                        "scale": {"range": [30, 600]},
                        "legend": None,
                    },
                    "tooltip": [
                        {"field": "name", "title": "place"},
                        {"field": "country"},
                        {"field": "events", "title": "events"},
                    ],
                },
            },
        ],
        "config": CONFIG,
    }
