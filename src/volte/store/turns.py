"""The ``turns`` table (migration 0008): the turns each stored article narrates (volte.derive.narrated).

Written at ingest from each article's events, in the article's transaction, and deleted with the article,
so re-ingesting changes nothing and a re-coded article gets its turns again. Stores made before 0008 are
filled once from their stored events by the migration (:func:`backfill`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from volte.derive.narrated import find_turns
from volte.records import EVENT_FIELDS, TURN_FIELDS, Event, Turn
from volte.store import queries as q

if TYPE_CHECKING:
    import duckdb

TURNS_DDL = """
CREATE TABLE IF NOT EXISTS turns (
    turn_id          VARCHAR NOT NULL,  -- stable: hash of article, dyad, kind and the two days
    article_id       VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,  -- country (first three letters of the actor codes)
    target           VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,  -- thaw | rupture
    before_date      DATE NOT NULL,
    after_date       DATE NOT NULL,     -- the turn: the first day of the after side
    gap_days         INTEGER NOT NULL,
    before_mean      DOUBLE NOT NULL,
    after_mean       DOUBLE NOT NULL,
    contrast         DOUBLE NOT NULL,
    before_event_ids VARCHAR[] NOT NULL,
    after_event_ids  VARCHAR[] NOT NULL,
    before_sentences VARCHAR[] NOT NULL,
    after_sentences  VARCHAR[] NOT NULL,
    method           VARCHAR NOT NULL   -- volte.narrated.v1
)
"""


def turns_of(events: Iterable[Event]) -> list[Turn]:
    """The turns of one article's events."""
    return find_turns(events)


def insert(con: duckdb.DuckDBPyConnection, turns: Sequence[Turn]) -> None:
    if not turns:
        return
    columns = ", ".join(TURN_FIELDS)
    marks = ", ".join("?" for _ in TURN_FIELDS)
    con.executemany(
        f"INSERT INTO turns ({columns}) VALUES ({marks})",
        [[_cell(name, t) for name in TURN_FIELDS] for t in turns],
    )


def _cell(name: str, turn: Turn) -> Any:
    value = getattr(turn, name)
    return list(value) if isinstance(value, tuple) else value


def delete(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    if article_ids:
        con.execute(
            "DELETE FROM turns WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)]
        )


def backfill(con: duckdb.DuckDBPyConnection) -> int:
    """(Re)compute the turns of every stored article from its stored events; returns how many were found.
    Reads only the articles that have both conflict (10-20) and cooperation (03-05) events of one dyad."""
    con.execute("DELETE FROM turns")
    return _fill(con, "TRUE", [])


def refill(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> int:
    """Compute and insert the turns of these stored articles from their stored events (for a write that
    inserted the events with SQL, volte.store.writer.write_parquet); returns how many were found."""
    if not doc_ids:
        return 0
    return _fill(con, "doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(doc_ids)])


def _fill(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> int:
    columns = (*EVENT_FIELDS, *q.SPAN_FIELDS)
    cursor = con.execute(
        f"SELECT {', '.join(columns)} FROM events WHERE doc_id IN ("
        f"SELECT doc_id FROM events WHERE {where} AND date_precision = 'day' AND date IS NOT NULL "
        "AND factuality IN ('asserted', 'future') AND length(source) >= 3 AND length(target) >= 3 "
        "GROUP BY doc_id, left(source, 3), left(target, 3) "
        "HAVING bool_or(root BETWEEN '10' AND '20') AND bool_or(root IN ('03', '04', '05'))) "
        "ORDER BY doc_id, sentence_index, trigger_start, event_id",
        params,
    )
    names = [d[0] for d in cursor.description or []]
    by_doc: dict[str, list[Event]] = {}
    for row in cursor.fetchall():
        record = dict(zip(names, row, strict=True))
        by_doc.setdefault(record["doc_id"], []).append(Event.from_dict(record))
    found = [t for events in by_doc.values() for t in turns_of(events)]
    insert(con, found)
    return len(found)


def read(
    con: duckdb.DuckDBPyConnection,
    *,
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
    target: str | None = None,
    kind: str | None = None,
    article_id: str | None = None,
) -> list[dict[str, Any]]:
    """Stored turns (as :meth:`Turn.to_dict`), filtered on the after day, dyad, kind or article; by date."""
    where = q.Where()
    for column, value in (("source", source), ("target", target), ("kind", kind), ("article_id", article_id)):
        if value:
            where.add(f"{column} = ?", value)
    if since:
        where.add("after_date >= ?", since)
    if until:
        where.add("after_date <= ?", until)
    cursor = con.execute(
        f"SELECT {', '.join(TURN_FIELDS)} FROM turns WHERE {where.sql} "
        "ORDER BY after_date, source, target, article_id",
        where.params,
    )
    names = [d[0] for d in cursor.description or []]
    return [Turn.from_dict(dict(zip(names, row, strict=True))).to_dict() for row in cursor.fetchall()]


def as_shifts(con: duckdb.DuckDBPyConnection, turns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Turns as rows of `volte shifts` (kind ``narrated``; ``turn`` says thaw or rupture), with their
    evidence events read from the store."""
    ids = [i for t in turns for i in (*t["before_event_ids"], *t["after_event_ids"])]
    events: dict[str, dict[str, Any]] = {}
    if ids:
        cursor = con.execute(
            "SELECT event_id, date, source, target, code, goldstein, doc_id, sentence FROM events "
            "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        )
        names = [d[0] for d in cursor.description or []]
        for row in cursor.fetchall():
            record = dict(zip(names, row, strict=True))
            record["date"] = record["date"].isoformat() if record["date"] else None
            events[record["event_id"]] = record
    return [_shift(t, events) for t in turns]


def _shift(turn: dict[str, Any], events: dict[str, dict[str, Any]]) -> dict[str, Any]:
    before = [events[i] for i in turn["before_event_ids"] if i in events]
    after = [events[i] for i in turn["after_event_ids"] if i in events]

    def side(rows: list[dict[str, Any]], mean: float, day: str) -> dict[str, Any]:
        days = sorted(str(r["date"]) for r in rows if r["date"]) or [day]
        return {"start": days[0], "end": days[-1], "events": len(rows), "mean": mean}

    return {
        "kind": "narrated",
        "turn": turn["kind"],
        "source": turn["source"],
        "target": turn["target"],
        "date": turn["after_date"],
        "detected": turn["after_date"],
        "score": None,
        "threshold": None,
        "contrast": turn["contrast"],
        "article_id": turn["article_id"],
        "turn_id": turn["turn_id"],
        "method": turn["method"],
        "before": side(before, turn["before_mean"], turn["before_date"]),
        "after": side(after, turn["after_mean"], turn["after_date"]),
        "evidence": [r["event_id"] for r in (*before, *after)],
        "evidence_events": [*before, *after],
    }
