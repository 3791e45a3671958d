"""A small store across several dyads for the overview tests (home page, /api/overview, /api/places, the
events page's filters and downloads): short texts written for these tests, coded by hand, each event with
the place its text names (coordinates from GeoNames)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from serve_store_data import Coded, fake_event

from volte.records import Article, Event

PLACES = {
    "Bogota": ("city", "COL", "CO", 3688689, 4.60971, -74.08175),
    "Caracas": ("city", "VEN", "VE", 3646738, 10.48801, -66.87919),
    "Kyiv": ("city", "UKR", "UP", 703448, 50.45466, 30.5238),
    "Nairobi": ("city", "KEN", "KE", 184745, -1.28333, 36.81667),
}

# (id, day, text, [(source, code, target, trigger, source name, target name, place or None)])
ARTICLES = [
    (
        "ov-1",
        "2026-03-02",
        "Caracas, March 2. Venezuela's government accused Colombia of harbouring armed groups.",
        [("VENGOV", "112", "COLGOV", "accused", "Venezuela's government", "Colombia", "Caracas")],
    ),
    (
        "ov-2",
        "2026-03-03",
        "Bogota, March 3. Colombia's president met Venezuela's foreign minister in Bogota.",
        [
            (
                "COLGOV",
                "040",
                "VENGOV",
                "met",
                "Colombia's president",
                "Venezuela's foreign minister",
                "Bogota",
            )
        ],
    ),
    (
        "ov-3",
        "2026-03-04",
        "Kyiv, March 4. Russian forces shelled Ukrainian positions near Kyiv overnight.",
        [("RUSMIL", "190", "UKRMIL", "shelled", "Russian forces", "Ukrainian positions", "Kyiv")],
    ),
    (
        "ov-4",
        "2026-03-05",
        "Kyiv, March 5. Ukraine's army fired on Russian troops outside Kyiv.",
        [("UKRMIL", "190", "RUSMIL", "fired on", "Ukraine's army", "Russian troops", "Kyiv")],
    ),
    (
        "ov-5",
        "2026-03-06",
        "Nairobi, March 6. Kenya's government promised aid to Somalia at a meeting in Nairobi.",
        [("KENGOV", "030", "SOMGOV", "promised", "Kenya's government", "Somalia", "Nairobi")],
    ),
    (
        "ov-6",
        "2026-04-10",
        "Moscow, April 10. Russia's government threatened Ukraine with new strikes.",
        [("RUSGOV", "138", "UKRGOV", "threatened", "Russia's government", "Ukraine", None)],
    ),
]


def _event(doc_id: str, day: str, text: str, spec: tuple[Any, ...]) -> Event:
    *sides, place = spec
    where: dict[str, Any] = {}
    if place:
        kind, country, fips, geonameid, lat, lon = PLACES[place]
        at = text.index(place)
        where = {
            "place": place,
            "place_type": kind,
            "place_country": country,
            "place_fips": fips,
            "place_geonameid": geonameid,
            "place_lat": lat,
            "place_lon": lon,
            "place_start": at,
            "place_end": at + len(place),
        }
    return fake_event(doc_id, day, text, tuple(sides), where=where)


def overview_articles() -> list[Coded]:
    return [
        Coded(
            article=Article(
                id=doc_id,
                text=text,
                url=f"https://desk.example/{doc_id}",
                title=f"Story {doc_id}",
                published=date.fromisoformat(day),
            ),
            events=tuple(_event(doc_id, day, text, spec) for spec in specs),
            reject=None,
        )
        for doc_id, day, text, specs in ARTICLES
    ]


def overview_store(path: Path) -> Path:
    """A store at ``path`` holding :func:`overview_articles`."""
    from volte.store.db import Store

    with Store(path) as store:
        store.ingest(overview_articles())
    return path
