"""Query speed of the event store on generated data (volte issue 5).

    .venv/bin/python bench/store.py                       # 10 million events (several minutes to build)
    .venv/bin/python bench/store.py --events 1000000      # quicker
    .venv/bin/python bench/store.py --db /tmp/b.duckdb --reuse   # time an already generated store again

Generates articles, events, clusters and dyad_days directly in DuckDB with vectorised SQL (no Python
loops over rows), calibrates every dyad's threshold once (timed: it runs at ingest time, not at query
time), then times what `volte dyad` and `volte shifts` do: ``Store.dyad_series`` for one dyad-year and
``volte.analyse.shifts.shifts`` for one month, plus an event query. Prints the median of several runs and the ratio to
the 1-second target. ``--ingest N`` (default 10,000) also times the store's write path on N already
coded articles (the coder, not measured here, dominates a real `volte ingest`).

Generated data (inserted in date order, as ingest of a news stream would): 60 countries with Zipf-like activity, GOV/MIL/OPP/BUS roles, 5 years (2021-2025), 5
events per article, CAMEO codes drawn from the code table, 400 publishers. Clusters are built with a
vectorised stand-in for the ingest clusterer (same dyad, root and 2-day bucket), which gives the same
table sizes; ingest itself clusters with volte.derive.clusters.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from volte.analyse import shifts as detection
from volte.coding.cameo import code_table
from volte.records import EVENT_FIELDS
from volte.store import queries as q
from volte.store.db import Store

COUNTRIES = (
    "USA CHN RUS UKR ISR PSE IRN GBR FRA DEU IND PAK TUR SYR IRQ SAU JPN KOR PRK AFG EGY MEX COL VEN BRA "
    "NGA ZAF ETH SDN KEN LBY YEM QAT ARE CAN AUS ITA ESP POL BLR ARM AZE GEO SRB KOS THA MMR PHL IDN VNM "
    "MYS BGD LKA NPL CUB ARG CHL PER BOL HTI"
).split()
ROLES = ("GOV", "GOV", "GOV", "GOV", "MIL", "OPP")


# The columns the generator fills; the others (the event's place and planned date) keep their defaults.
GENERATED_EVENT_COLUMNS = (
    *EVENT_FIELDS[: EVENT_FIELDS.index("coder_version") + 1],
    *q.SPAN_FIELDS,
    "cluster_id",
    "publisher",
    "volte_version",
    "spacy_model",
    "dictionaries_sha256",
)


def build(store: Store, *, events: int) -> None:
    con = store.con
    con.execute("SET threads = 2")
    table = [c for c in code_table().values() if len(c.code) == 3]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _codes (idx INTEGER, code VARCHAR, root VARCHAR, quad TINYINT, goldstein DOUBLE, plover VARCHAR)"
    )
    con.executemany(
        "INSERT INTO _codes VALUES (?, ?, ?, ?, ?, ?)",
        [(i, c.code, c.root, c.quad_class, c.goldstein, c.plover) for i, c in enumerate(table)],
    )
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    roles = "[" + ", ".join(f"'{r}'" for r in ROLES) + "]"
    n_articles = events // 5
    con.execute(f"""
        INSERT INTO articles (id, url, host, title, published, kind, lang, origin, text, content_hash, num_events,
                              ingested_at, volte_version, coder_version, spacy_model, dictionaries_sha256)
        SELECT 'bench-' || i, 'https://pub' || (hash(i) % 400) || '.example/' || i, 'pub' || (hash(i) % 400) || '.example',
               'Generated article ' || i, DATE '2021-01-01' + CAST(hash(i * 3 + 1) % 1826 AS INTEGER), 'news', 'en',
               'bench', 'Generated text.', md5(i::VARCHAR), 5, now()::TIMESTAMP, '0.1.0', 'volte.coder.v2', 'bench', NULL
        FROM range({n_articles}) t(i)
        ORDER BY 5, 1
    """)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _gen AS
        SELECT i, i // 5 AS doc,
               DATE '2021-01-01' + CAST(hash((i // 5) * 3 + 1) % 1826 AS INTEGER) AS day,
               {countries}[1 + CAST(floor(60 * pow((hash(i * 11 + 5) % 1000003) / 1000003.0, 2.5)) AS INTEGER)] AS sc,
               {countries}[1 + CAST((floor(60 * pow((hash(i * 11 + 5) % 1000003) / 1000003.0, 2.5))
                   + 1 + floor(59 * pow((hash(i * 13 + 7) % 1000003) / 1000003.0, 2.5))) % 60 AS INTEGER)] AS tc,
               {roles}[1 + CAST(hash(i * 17) % 6 AS INTEGER)] AS sr, {roles}[1 + CAST(hash(i * 19) % 6 AS INTEGER)] AS tr,
               CAST(hash(i * 23 + 3) % {len(table)} AS INTEGER) AS code_idx
        FROM range({events}) t(i)
    """)
    con.execute(f"""
        INSERT INTO events ({", ".join(GENERATED_EVENT_COLUMNS)})
        SELECT printf('%016x', hash(g.i)), 'bench-' || g.doc, CAST(g.i % 5 AS INTEGER), 'Generated sentence ' || g.i, 0, 40,
               g.day, 'day', g.day, g.sc || g.sr, lower(g.sc), g.tc || g.tr, lower(g.tc),
               c.code, c.root, c.quad, c.goldstein, c.plover, 'said', 'bench.' || c.code, 'asserted', NULL, 'news', 'volte.coder.v2',
               -1, -1, -1, -1, -1, -1,
               'c' || substr(md5(g.sc || g.sr || '>' || g.tc || g.tr || '>' || c.root || '>' ||
                   (g.day - CAST((g.day - DATE '2021-01-01') % 2 AS INTEGER))::VARCHAR), 1, 15),
               'pub' || (hash(g.doc) % 400) || '.example', '0.1.0', 'bench', NULL
        FROM _gen g JOIN _codes c ON c.idx = g.code_idx
        ORDER BY g.day, g.i  -- news arrive roughly in date order; the store's zone maps rely on it
    """)
    con.execute("DROP TABLE _gen")
    con.execute("""
        INSERT INTO clusters
        SELECT cluster_id, left(source, 6), left(target, 6), left(source, 3), left(target, 3), root, mode(code), min(date), max(date),
               avg(goldstein), mode(quad_class), count(*), count(DISTINCT publisher), count(DISTINCT doc_id), sqrt(count(DISTINCT publisher))
        FROM events GROUP BY cluster_id, left(source, 6), left(target, 6), left(source, 3), left(target, 3), root
    """)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _pairs AS SELECT DISTINCT source_country, target_country, NULL::DATE AS since FROM clusters"
    )
    con.execute(f"INSERT INTO dyad_days ({', '.join(q.DYAD_DAYS_COLUMNS)}) {q.DYAD_DAYS_FROM_CLUSTERS}")
    con.execute("CHECKPOINT")


def coded_articles(n: int, *, seed: int = 1) -> Iterator[Any]:
    """Hand-built coded articles (5 events each, 12 countries, 40 publishers) for the write path."""
    from volte.coding.cameo import describe
    from volte.coding.coder import Coded
    from volte.records import Article, Event, make_event_id

    rng = random.Random(seed)
    countries = COUNTRIES[:12]
    for i in range(n):
        day = date(2025, 1, 1) + timedelta(days=i * 365 // n)
        events = []
        for j in range(5):
            src, tgt = rng.sample(countries, 2)
            info = describe(
                rng.choice(("042", "036", "111", "112", "190", "057", "173", "138", "051", "040"))
            )
            events.append(
                Event(
                    make_event_id(f"a{i}", j, src, tgt, info.code),
                    f"a{i}",
                    j,
                    "Generated.",
                    0,
                    10,
                    day,
                    "day",
                    day,
                    src + "GOV",
                    src,
                    tgt + "GOV",
                    tgt,
                    info.code,
                    info.root,
                    info.quad_class,
                    info.goldstein,
                    info.plover,
                    "said",
                    "bench",
                    "asserted",
                    None,
                    "news",
                    "volte.coder.v1",
                )
            )
        yield Coded(
            Article(f"a{i}", "Generated text.", url=f"https://h{i % 40}.example/{i}", published=day),
            tuple(events),
            None,
        )


def bench_ingest(n: int, directory: Path) -> None:
    """Time Store.ingest on already coded articles: the store's share of `volte ingest`."""
    with Store(directory / "ingest.duckdb") as store:
        start = time.perf_counter()
        summary = detection.ingest(store, coded_articles(n), batch_size=200)  # writes and calibrates, as `volte ingest`
        seconds = time.perf_counter() - start
        again = time.perf_counter()
        detection.ingest(store, coded_articles(n), batch_size=200)
        rerun = time.perf_counter() - again
    print(
        f"ingest of {n:,} coded articles ({summary.events:,} events, batches of 200): {seconds:.1f}s, "
        f"{n / seconds:,.0f} articles/s; idempotent re-run {rerun:.1f}s"
    )


def timed(fn: Callable[[], Any], *, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time dyad series and shift detection on generated events.")
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument(
        "--db", type=Path, default=None, help="store file (default: a temporary one, deleted after)"
    )
    parser.add_argument("--reuse", action="store_true", help="time an existing --db without generating")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--ingest",
        type=int,
        default=10_000,
        help="also time Store.ingest of this many coded articles (0: skip)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="volte-bench-") as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if not args.reuse:
            path.unlink(missing_ok=True)
            with Store(path) as store:
                start = time.perf_counter()
                build(store, events=args.events)
                print(
                    f"generated {args.events:,} events in {time.perf_counter() - start:.1f}s; store file {path.stat().st_size / 1e6:.0f} MB"
                )
        with Store(path) as store:  # what ingest does for the dyads it touched (all of them here)
            start = time.perf_counter()
            calibrated = detection.refresh_thresholds(store)
            print(
                f"calibrated {calibrated} dyads in {time.perf_counter() - start:.1f}s (once, at ingest time)"
            )
        report(path, runs=args.runs)
        if args.ingest:
            bench_ingest(args.ingest, Path(tmp))
    return 0


def report(path: Path, *, runs: int) -> None:
    with Store(path, read_only=True) as store:
        stats = store.stats()
        top = store.con.execute(
            "SELECT source_country, target_country, count(*) AS n FROM clusters GROUP BY ALL ORDER BY n DESC LIMIT 1"
        ).fetchone()
        print(
            f"store: {stats['events']:,} events, {stats['clusters']:,} clusters, {stats['articles']:,} articles; busiest dyad {top[0]}->{top[1]} ({top[2]:,} clusters)"
        )
        rows: list[tuple[str, float, str]] = []
        t, series = timed(
            lambda: store.dyad_series(
                top[0], top[1], freq="day", since=date(2024, 1, 1), until=date(2024, 12, 31)
            ),
            runs=runs,
        )
        rows.append(
            (
                f"dyad_series {top[0]} {top[1]} 2024 by day",
                t,
                f"{len(series)} days, {sum(r['clusters'] for r in series):,} clusters",
            )
        )
        t, series = timed(
            lambda: store.dyad_series(
                top[0] + "GOV", top[1], freq="week", since=date(2024, 1, 1), until=date(2024, 12, 31)
            ),
            runs=runs,
        )
        rows.append((f"dyad_series {top[0]}GOV {top[1]} 2024 by week", t, f"{len(series)} weeks"))
        t, found = timed(lambda: detection.shifts(store, since=date(2025, 6, 1), until=date(2025, 6, 30)), runs=runs)
        rows.append(("shifts 2025-06 (all dyads)", t, f"{len(found)} shifts"))
        t, found = timed(
            lambda: detection.shifts(store, since=date(2025, 6, 1), until=date(2025, 6, 30), source=top[0]), runs=runs
        )
        rows.append((f"shifts 2025-06 source {top[0]}", t, f"{len(found)} shifts"))
        t, (_, total) = timed(
            lambda: store.query_events(
                source=top[0], target=top[1], since=date(2025, 6, 1), until=date(2025, 6, 30), limit=100
            ),
            runs=runs,
        )
        rows.append(("query_events dyad-month, 100 rows", t, f"{total:,} matching"))
    print(f"{'query':<40} {'median s':>9} {'x of 1 s':>9}  result")
    for name, seconds, note in rows:
        print(f"{name:<40} {seconds:9.3f} {seconds / 1.0:9.3f}  {note}")


if __name__ == "__main__":
    sys.exit(main())
