"""Migration 0009 indexes events.event_id, and an event page (sort keys first, then its rows by id) is the
same as the plain ORDER BY ... LIMIT ... OFFSET over every column."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_store_data import coded_articles

from volte.store import queries as q
from volte.store import reading
from volte.store.db import Store


def test_migration_0009_creates_the_event_id_index(tmp_path: Path) -> None:
    with Store(tmp_path / "ix.duckdb") as store:
        names = [
            r[0]
            for r in store.con.execute(
                "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'"
            ).fetchall()
        ]
        applied = [r[0] for r in store.con.execute("SELECT name FROM _migrations").fetchall()]
    assert "events_event_id" in names
    assert "0009_event_id_index" in applied


@pytest.mark.parametrize(
    ("filters", "limit", "offset"),
    [
        ({"source": "COL"}, 10, 0),
        ({"source": "COL"}, 1, 1),
        ({"target": "USA"}, 2, 0),
        ({"q": "president"}, 5, 0),
        ({"root": "03"}, 100, 0),
        ({"source": "COL"}, 5, 50),  # past the last page
        ({"source": "PRK"}, 5, 0),  # no match
    ],
)
def test_event_page_is_the_plain_sorted_page(tmp_path: Path, filters: dict, limit: int, offset: int) -> None:
    with Store(tmp_path / "page.duckdb") as store:
        store.ingest(coded_articles())
        where = q.event_filters(**filters)
        rows, total = reading.events(store.con, where, limit=limit, offset=offset)
        cursor = store.con.execute(
            f"SELECT {', '.join(reading.OUT_COLUMNS)} FROM events WHERE {where.sql} {reading.EVENTS_ORDER} LIMIT ? OFFSET ?",
            [*where.params, limit, offset],
        )
        want = [reading._jsonable(r) for r in reading._dicts(cursor)]
        count = store.con.execute(f"SELECT count(*) FROM events WHERE {where.sql}", where.params).fetchone()
    assert rows == want
    assert total == (count[0] if count else 0)
