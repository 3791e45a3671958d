"""Storing batch shards with SQL (``Store.ingest_parquet``, ``INSERT ... SELECT FROM read_parquet()``) gives
the store that ``Store.ingest`` gives from the same coded articles: same summary, same rows in every
table, through repeats, id and URL collisions, rejects, duplicate event ids, publishers, unchanged and
replaced articles (issue 17, "One typed record codec")."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from store_records import Coded, article

from volte.records import Reject
from volte.scale.manifest import ShardStats, parquet_parts, shard_tables, write_shard
from volte.store.db import Store

SKIP = {"ingested_at", "rejected_at"}  # the time of the write


def _rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    columns = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in SKIP]
    return store.con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()


def _shards(out: Path, shards: list[list[Coded]]) -> None:
    for number, items in enumerate(shards):
        shard = f"s{number}"
        stats = ShardStats(
            shard=shard, source="test", input_docs=len(items), coded_docs=0, rejects=0, events=0
        )
        write_shard(out, stats, shard_tables(shard, items))


def _runs() -> list[list[list[Coded]]]:
    """Three runs of shards: the first with every kind of document, the second the same again
    (unchanged), the third with one article changed (replaced) and one new."""
    a1 = article(
        "a1",
        [("COLGOV", "USAGOV", "040", "2026-01-05"), ("USAGOV", "COLGOV", "112", "2026-01-03")],
        url="https://www.desk.example/a1",
    )
    doubled = Coded(a1.article, (*a1.events, a1.events[0]))  # an event id twice: stored once
    a2 = article("a2", [("RUSGOV", "UKRGOV", "190", "2026-01-04")], url="https://wire.example/a2")
    a2 = Coded(dataclasses.replace(a2.article, publisher="Harbor Times"), a2.events)
    undated = article("a5", [("FRAGOV", "DEUGOV", "036", None)])  # no URL, no date
    thaw = article(
        "t1",
        [
            ("COLGOV", "USAGOV", "120", "2026-01-04"),
            ("COLGOV", "USAGOV", "036", "2026-01-07"),
            ("USAGOV", "COLGOV", "040", "2026-01-07"),
        ],
        url="https://desk.example/t1",
    )  # narrates a turn
    unreadable = Coded(None, (), Reject("bad.txt", "ingest", "E201", "empty text", "bad.txt"))
    failed = article("c1", [])
    failed = Coded(failed.article, (), Reject("c1", "coding", "E402", "coding failed", None))
    clash = article("a2", [("CHNGOV", "JPNGOV", "111", "2026-01-06")], text="Another story.")  # id a2 again
    same_url = article("a9", [("CHNGOV", "JPNGOV", "111", "2026-01-06")], url="https://www.desk.example/a1")
    first = [[doubled, a2, unreadable, failed], [a1, clash, same_url, thaw, undated]]  # a1 again: a repeat
    changed = article("a1", [("COLGOV", "USAGOV", "042", "2026-01-05")], url="https://www.desk.example/a1")
    new = article("a6", [("COLGOV", "VENGOV", "173", "2026-01-06")])
    return [first, first, [[changed, new]]]


@pytest.mark.issue(17)
def test_ingest_parquet_stores_what_ingest_stores(tmp_path: Path) -> None:
    with Store(tmp_path / "sql.duckdb") as sql, Store(tmp_path / "objects.duckdb") as objects:
        for number, shards in enumerate(_runs()):
            out = tmp_path / f"out{number}"
            _shards(out, shards)
            parts = parquet_parts(out)
            assert parts is not None and len(parts) == len(shards)
            got = sql.ingest_parquet(parts, spacy_model="m")
            want = objects.ingest([item for items in shards for item in items], spacy_model="m")
            assert {k: v for k, v in got.to_dict().items() if k != "batches"} == {
                k: v for k, v in want.to_dict().items() if k != "batches"
            }, number
            for table in ("articles", "events", "clusters", "dyad_days", "turns", "rejects"):
                assert _rows(sql, table) == _rows(objects, table), (number, table)
        # the runs did what they say: a repeat, two collisions, two rejects, a turn, a replacement
        summaries = [got.to_dict(), want.to_dict()]
        assert all(s["replaced"] == 1 and s["added"] == 1 for s in summaries)
        assert sql.con.execute("SELECT count(*) FROM turns").fetchone() == (1,)
        assert sql.con.execute("SELECT publisher FROM events WHERE doc_id = 'a2'").fetchall() == [
            ("Harbor Times",)
        ]
        codes = sql.con.execute("SELECT code FROM rejects ORDER BY ALL").fetchall()
        assert codes == [("E201",), ("E212",), ("E212",), ("E402",)]


@pytest.mark.issue(17)
def test_first_run_counts_repeats_collisions_and_stores_each_event_id_once(tmp_path: Path) -> None:
    first = _runs()[0]
    _shards(tmp_path, first)
    parts = parquet_parts(tmp_path)
    assert parts is not None
    with Store(tmp_path / "s.duckdb") as store:
        summary = store.ingest_parquet(parts)
        assert (summary.documents, summary.added, summary.repeats, summary.rejects) == (9, 4, 1, 4)
        assert store.con.execute("SELECT num_events FROM articles WHERE id = 'a1'").fetchone() == (2,)
        assert store.con.execute("SELECT count(*) FROM events WHERE doc_id = 'a1'").fetchone() == (2,)


@pytest.mark.issue(17)
def test_parquet_parts_is_none_for_shards_without_the_store_columns(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    _shards(tmp_path, _runs()[2])
    assert parquet_parts(tmp_path) is not None
    path = tmp_path / "shards" / "s0" / "articles.parquet"
    pq.write_table(pq.read_table(path).drop_columns(["host", "content_hash"]), path)
    assert parquet_parts(tmp_path) is None  # an older volte's shards: stored through iter_coded
