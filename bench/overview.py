"""The dashboard across dyads on a generated store: home page, /api/overview, /api/places, filtered
events, downloads and a month dyad page, timed in process (no sockets).

    .venv/bin/python bench/overview.py                  # 1,000,000 events, a third of them with a place
    .venv/bin/python bench/overview.py --events 200000 --repeat 5

Builds the store as bench/serve.py does, gives every third event one of a few cities with coordinates,
then prints the median and worst wall time of ``--repeat`` requests per URL, with the response size.
Figures depend on the machine and its load; compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import build_store  # noqa: E402  (bench/serve.py, a sibling script)

# (name, country, lat, lon): GeoNames coordinates of a few capitals
CITIES = [
    ("Bogota", "COL", 4.60971, -74.08175),
    ("Caracas", "VEN", 10.48801, -66.87919),
    ("Kyiv", "UKR", 50.45466, 30.5238),
    ("Moscow", "RUS", 55.75222, 37.61556),
    ("Nairobi", "KEN", -1.28333, 36.81667),
    ("Beijing", "CHN", 39.9075, 116.39723),
    ("New Delhi", "IND", 28.63576, 77.22445),
]

URLS = [
    "/",
    "/?days=730",
    "/api/overview",
    "/api/overview?since=2025-01-01&until=2025-06-30&limit=200",
    "/api/places",
    "/api/events?quad_class=4&place=Kyiv&limit=50",
    "/api/events?plover=PLOVER&root=19&limit=50",
    "/events?source=RUS&quad_class=4",
    "/api/events/download?source=RUS&target=UKR&root=19&format=parquet",
    "/api/events/download?source=RUS&target=UKR&root=19&format=csv",
    "/api/events/download?source=RUS&target=UKR&root=19&format=json",
    "/dyad/RUS/UKR?freq=month&span=all",
]


def add_places(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TEMP TABLE cities (i INTEGER, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)")
    con.executemany("INSERT INTO cities VALUES (?, ?, ?, ?, ?)", [(i, *c) for i, c in enumerate(CITIES)])
    con.execute(
        "UPDATE events SET place = c.name, place_type = 'city', place_country = c.country, place_lat = c.lat, "
        "place_lon = c.lon FROM cities c WHERE hash(events.event_id) % 3 = 0 "
        "AND c.i = hash(events.event_id) % ?",
        [len(CITIES)],
    )
    con.execute("CHECKPOINT")
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or build once) the store at this path")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from volte.serve.app import create_app

    path = args.db or Path(tempfile.mkdtemp(prefix="volte-bench-")) / "overview.duckdb"
    if not path.exists():
        took = build_store(path, events=args.events)
        add_places(path)
        print(f"store: {args.events:,} events in {took:.1f} s at {path}")
    with TestClient(create_app(path, token=""), base_url="http://127.0.0.1") as client:
        for url in URLS:
            client.get(url, headers={"accept": "text/html"})  # warm the pool and DuckDB's caches
            times, size, status = [], 0, 0
            for _ in range(args.repeat):
                began = time.perf_counter()
                response = client.get(url, headers={"accept": "text/html"})
                times.append(time.perf_counter() - began)
                size, status = len(response.content), response.status_code
            print(
                f"{statistics.median(times) * 1000:8.0f} ms median {max(times) * 1000:8.0f} ms worst "
                f"{status} {size / 1024:9.1f} KiB  {url}"
            )


if __name__ == "__main__":
    main()
