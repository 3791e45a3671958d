"""One Arrow schema per record (volte.codec): the migrated store, the DDL the schema derives, the
records and the batch shards all agree with it (issue 17, "One typed record codec")."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from store_records import Coded, article

from volte import codec
from volte.records import EVENT_FIELDS, SPAN_FIELDS, Article, Event, Reject
from volte.scale.manifest import shard_dir, shard_tables, write_shard
from volte.store import migrations
from volte.store.db import Store


def _described(
    con: duckdb.DuckDBPyConnection, table: str
) -> dict[str, tuple[str, str, str | None, str | None]]:
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in con.execute(f"DESCRIBE {table}").fetchall()}


@pytest.mark.issue(17)
@pytest.mark.parametrize("table", sorted(codec.TABLES))
def test_migrated_store_describes_as_the_schema_derives(table: str) -> None:
    """The migrations (schema.sql, then ALTERs) build exactly the store columns of the record's schema:
    names, types, NOT NULL, primary key and defaults."""
    con = duckdb.connect()
    migrations.migrate(con)
    assert _described(con, table) == codec.describe(codec.TABLES[table])
    fresh = duckdb.connect()
    fresh.execute(codec.ddl(table))
    assert _described(fresh, table) == codec.describe(codec.TABLES[table])


@pytest.mark.issue(17)
def test_schema_record_fields_are_the_records_fields() -> None:
    assert codec.record_columns(codec.EVENT) == (*EVENT_FIELDS, *SPAN_FIELDS)
    assert codec.record_columns(codec.EVENT) == tuple(f.name for f in dataclasses.fields(Event))
    assert set(codec.record_columns(codec.ARTICLE)) == {f.name for f in dataclasses.fields(Article)}
    assert codec.record_columns(codec.REJECT) == tuple(f.name for f in dataclasses.fields(Reject))


@pytest.mark.issue(17)
def test_shard_files_have_the_shard_schema(tmp_path: Path) -> None:
    item = article("a1", [("COLGOV", "USAGOV", "040", "2026-01-05")], url="https://www.desk.example/a1")
    rejected = Coded(None, (), Reject("r1", "ingest", "E201", "empty text", "in.jsonl:2"))
    stats = _stats("s1")
    write_shard(tmp_path, stats, shard_tables("s1", [item, rejected]))
    for name, record in (("events", codec.EVENT), ("articles", codec.ARTICLE), ("rejects", codec.REJECT)):
        written = pq.read_schema(shard_dir(tmp_path, "s1") / f"{name}.parquet").remove_metadata()
        assert written == codec.shard_schema(record), name
    assert "date32" in str(codec.shard_schema(codec.EVENT).field("date").type)


@pytest.mark.issue(17)
def test_store_rows_keep_the_records_values(tmp_path: Path) -> None:
    """What the writer stores reads back as the same Event (dates as dates, offsets, places)."""
    item = article("a1", [("COLGOV", "USAGOV", "040", "2026-01-05")], url="https://www.desk.example/a1")
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([item])
        names = ", ".join(codec.record_columns(codec.EVENT))
        cursor = store.con.execute(f"SELECT {names} FROM events")
        columns = [d[0] for d in cursor.description or []]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    assert [Event(**row) for row in rows] == list(item.events)


def _stats(shard: str) -> Any:
    from volte.scale.manifest import ShardStats

    return ShardStats(shard=shard, source="test", input_docs=2, coded_docs=1, rejects=1, events=1)
