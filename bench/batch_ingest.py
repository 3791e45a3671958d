"""Storing a `volte batch` output (issue 17): the two ways `volte ingest DIR` can read the shards.

    .venv/bin/python bench/batch_ingest.py [--n 10000] [--shard-size 500] [--runs 3]

Writes N generated coded articles (5 events each: bench/store.py's ``coded_articles``) as batch shards,
then times, into fresh stores, (a) ``Store.ingest(iter_coded(DIR))``: every shard read back into Article
and Event objects, then written row by row through the Python mapping (how volte stored a batch output
before issue 17, and still stores shards of an older volte), and (b) ``Store.ingest_parquet``: articles
and events loaded with ``INSERT ... SELECT FROM read_parquet()``. Both end with the same tables (checked
here and in tests/store/test_store_parquet.py). Prints the median of ``--runs`` and the load average;
nothing is timed in the test suite.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store import coded_articles  # noqa: E402  (bench/store.py)
from volte.scale.manifest import ShardStats, iter_coded, parquet_parts, shard_tables, write_shard  # noqa: E402
from volte.store.db import Store  # noqa: E402


def write_output(out: Path, n: int, shard_size: int) -> None:
    items = coded_articles(n)
    for number in itertools.count():
        chunk = list(itertools.islice(items, shard_size))
        if not chunk:
            return
        shard = f"s{number:05d}"
        stats = ShardStats(
            shard=shard, source="bench", input_docs=len(chunk), coded_docs=len(chunk), rejects=0, events=0
        )
        write_shard(out, stats, shard_tables(shard, chunk))


def rows(store: Store) -> list[Any]:
    return [
        store.con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {table}").fetchone()
        for table, key in (("articles", "id"), ("events", "event_id"), ("clusters", "cluster_id"))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        write_output(out, args.n, args.shard_size)
        times: dict[str, list[float]] = {"objects": [], "sql": []}
        tables: dict[str, Any] = {}
        for run in range(args.runs):
            for name in times:
                with Store(Path(tmp) / f"{name}{run}.duckdb") as store:
                    start = time.perf_counter()
                    if name == "objects":
                        store.ingest(iter_coded(out), batch_size=args.shard_size)
                    else:
                        parts = parquet_parts(out)
                        assert parts is not None
                        store.ingest_parquet(parts)
                    times[name].append(time.perf_counter() - start)
                    tables[name] = rows(store)
    assert tables["objects"] == tables["sql"], tables
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{args.n:,} articles, {5 * args.n:,} events, shards of {args.shard_size}; load average {load}")
    for name, label in (
        ("objects", "ingest(iter_coded(DIR)), Python objects"),
        ("sql", "ingest_parquet, SQL"),
    ):
        median = statistics.median(times[name])
        print(f"  {label:42s} {median:6.2f} s  ({args.n / median:,.0f} articles/s; runs {times[name]})")
    print(f"  speed-up {statistics.median(times['objects']) / statistics.median(times['sql']):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
