"""Exports of events with a place (issue 13): GDELT ActionGeo fields, PLOVER event_loc, Parquet/CSV columns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from store_records import BERLIN, GERMANY, TEXAS, article, placed_article

from volte.store.db import Store
from volte.store.exports import GDELT_COLUMNS, action_geo

ACTION_GEO = [c for c in GDELT_COLUMNS if c.startswith("ActionGeo_")]
ACTOR_GEO = [c for c in GDELT_COLUMNS if c.startswith(("Actor1Geo_", "Actor2Geo_"))]


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def _gdelt(store: Store, path: Path) -> list[dict[str, str]]:
    store.export("gdelt", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (BERLIN, ["4", "Berlin", "GM", "GM16", "", "52.52437", "13.41053", "2950159"]),
        (TEXAS, ["2", "Texas", "US", "USTX", "", "31.25044", "-99.25061", "TX"]),
        (GERMANY, ["1", "Germany", "GM", "GM", "", "51.5", "10.5", "GM"]),
    ],
    ids=["world-city", "us-state", "country"],
)
def test_export_gdelt_action_geo_from_the_event_place(
    store: Store, tmp_path: Path, place: dict[str, object], expected: list[str]
) -> None:
    store.ingest([placed_article("p1", place)])
    (row,) = _gdelt(store, tmp_path / "events.tsv")
    assert [row[c] for c in ACTION_GEO] == expected
    assert {row[c] for c in ACTOR_GEO} == {""}


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (
            {"name": "Houston", "type": "city", "fips": "US", "admin1": "TX", "geonameid": 4699066, "lat": 29.76328, "lon": -95.36327},
            ["3", "Houston", "US", "USTX", "", "29.76328", "-95.36327", "4699066"],
        ),
        (
            {"name": "Bavaria", "type": "region", "fips": "GM", "admin1": "02", "geonameid": 2951839, "lat": 49.0, "lon": 11.5},
            ["5", "Bavaria", "GM", "GM02", "", "49", "11.5", "GM02"],
        ),
        (
            {"name": "a city", "type": "city", "fips": "", "admin1": "", "geonameid": None, "lat": None, "lon": None},
            ["4", "a city", "", "", "", "", "", ""],
        ),
        (None, [""] * 8),
    ],
    ids=["us-city", "world-region", "city-without-gazetteer-data", "no-place"],
)  # fmt: skip
def test_action_geo_types_and_codes(place: dict[str, object] | None, expected: list[str]) -> None:
    assert action_geo(place) == expected


@pytest.mark.issue(13)
def test_export_gdelt_cluster_takes_the_place_of_its_first_mention_naming_one(
    store: Store, tmp_path: Path
) -> None:
    store.ingest([article("a0", [("COLGOV", "USAGOV", "040", "2026-01-05")], url="https://a.example/0")])
    store.ingest([placed_article("p1", BERLIN), placed_article("p2", TEXAS)])
    (row,) = _gdelt(store, tmp_path / "events.tsv")
    assert (row["NumMentions"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == (
        "3",
        "Berlin",
        "GM",
    )


@pytest.mark.issue(13)
def test_export_plover_carries_the_place_as_event_loc(store: Store, tmp_path: Path) -> None:
    located = placed_article("p1", BERLIN)
    store.ingest([located, article("a0", [("COLGOV", "USAGOV", "190", "2026-01-06")])])
    store.export("plover", tmp_path / "events.jsonl")
    records = {
        r["text_info"]["story_id"]: r for r in map(json.loads, (tmp_path / "events.jsonl").read_text().splitlines())
    }
    start = located.events[0].place_start
    assert records["p1"]["event_loc"] == {
        "search_name": "Berlin",
        "geonameid": 2950159,
        "lat": 52.52437,
        "lon": 13.41053,
        "country_code": "DEU",
        "admin1": "16",
        "feature_class": "P",
        "resolution": "city",
        "start_char": start,
        "end_char": start + len("Berlin"),
    }
    assert records["a0"]["event_loc"] is None


@pytest.mark.issue(13)
def test_export_parquet_and_csv_carry_the_place_columns(store: Store, tmp_path: Path) -> None:
    store.ingest([placed_article("p1", TEXAS, planned=("2026-03-01", "month"))])
    store.export("parquet", tmp_path / "events.parquet")
    store.export("csv", tmp_path / "events.csv")
    wanted = "place, place_type, place_fips, place_admin1, place_lat, planned_date, planned_precision"
    (parquet,) = duckdb.connect().execute(f"SELECT {wanted} FROM '{tmp_path / 'events.parquet'}'").fetchall()
    (row,) = csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8"))
    expected = ("Texas", "region", "US", "TX", 31.25044, "2026-03-01", "month")
    assert parquet[:5] + (parquet[5].isoformat(), parquet[6]) == expected
    assert tuple(row[c] for c in wanted.split(", ")) == tuple(str(v) for v in expected)
