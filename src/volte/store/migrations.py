"""Named, recorded schema migrations. A migration runs once per store and is recorded in ``_migrations``.

Add a migration by appending a ``(name, function)`` pair to :data:`MIGRATIONS`; never edit or reorder a
released one (stores in the field have it recorded by name). DuckDB refuses to drop or change a column of a
table that has an index (``Dependency Error``): a migration that does so to ``events`` drops
``events_event_id`` (0009) first and creates it again after.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING

from volte import __version__
from volte.errors import E_STORE_OPEN, StoreError
from volte.store import turns

if TYPE_CHECKING:
    import duckdb

log = logging.getLogger(__name__)

Migration = Callable[["duckdb.DuckDBPyConnection"], None]


def _initial(con: duckdb.DuckDBPyConnection) -> None:
    sql = (resources.files("volte.store") / "schema.sql").read_text(encoding="utf-8")
    for statement in _statements(sql):
        con.execute(statement)


def _statements(sql: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def _dyad_days_squared_weights(con: duckdb.DuckDBPyConnection) -> None:
    """dyad_days.ww: the sum of squared cluster weights (= of num_sources), for the detector's variances."""
    con.execute("ALTER TABLE dyad_days ADD COLUMN ww DOUBLE NOT NULL DEFAULT 0")
    con.execute(
        "UPDATE dyad_days d SET ww = s.ww FROM (SELECT source_country, target_country, date AS day, "
        "sum(weight * weight) AS ww FROM clusters GROUP BY ALL) s "
        "WHERE d.source_country = s.source_country AND d.target_country = s.target_country AND d.day = s.day"
    )
    con.execute("DELETE FROM dyad_thresholds")  # calibrated with the old variances


def _dictionaries_provenance(con: duckdb.DuckDBPyConnection) -> None:
    """events/articles.dictionaries_sha256: which actor/verb/code dictionaries coded the event."""
    con.execute("ALTER TABLE events ADD COLUMN dictionaries_sha256 VARCHAR")
    con.execute("ALTER TABLE articles ADD COLUMN dictionaries_sha256 VARCHAR")


def _yield_is_cooperation_evidence(con: duckdb.DuckDBPyConnection) -> None:
    """dyad_days.coop counts root 08 (yield: ceasefires, releases, easing sanctions) as cooperation."""
    con.execute(
        "UPDATE dyad_days d SET coop = s.coop FROM (SELECT source_country, target_country, date AS day, "
        "count(*) FILTER (WHERE root IN ('03', '04', '05', '08'))::INTEGER AS coop FROM clusters GROUP BY ALL) s "
        "WHERE d.source_country = s.source_country AND d.target_country = s.target_country AND d.day = s.day"
    )
    con.execute("DELETE FROM dyad_thresholds")


def _threshold_features(con: duckdb.DuckDBPyConnection) -> None:
    """dyad_thresholds.features: what each calibration is pooled on (volte.reversals.v4)."""
    con.execute("ALTER TABLE dyad_thresholds ADD COLUMN features DOUBLE[]")
    con.execute("DELETE FROM dyad_thresholds")  # v3 calibrations have no features


EVENT_PLACE_COLUMNS = (
    ("place", "VARCHAR DEFAULT ''"),
    ("place_type", "VARCHAR DEFAULT ''"),
    ("place_country", "VARCHAR DEFAULT ''"),
    ("place_fips", "VARCHAR DEFAULT ''"),
    ("place_admin1", "VARCHAR DEFAULT ''"),
    ("place_geonameid", "BIGINT"),
    ("place_lat", "DOUBLE"),
    ("place_lon", "DOUBLE"),
    ("place_start", "INTEGER DEFAULT -1"),
    ("place_end", "INTEGER DEFAULT -1"),
    ("planned_date", "DATE"),
    ("planned_precision", "VARCHAR DEFAULT ''"),
)


def _event_place(con: duckdb.DuckDBPyConnection) -> None:
    """events: where the event happened (place name, type, ISO-3 and FIPS country, admin1, GeoNames id,
    latitude, longitude, character span) and the planned date of statements about the future. Stored
    events get the record's defaults: no place, no planned date."""
    for name, kind in EVENT_PLACE_COLUMNS:
        con.execute(f"ALTER TABLE events ADD COLUMN {name} {kind}")


def _article_source_hash(con: duckdb.DuckDBPyConnection) -> None:
    """articles.source_hash: the article and what codes it, so a rerun skips stored articles before coding."""
    con.execute("ALTER TABLE articles ADD COLUMN source_hash VARCHAR")


def _narrated_turns(con: duckdb.DuckDBPyConnection) -> None:
    """turns: the turns each article narrates (volte.narrated.v1), filled from the stored events."""
    con.execute(turns.TURNS_DDL)
    turns.backfill(con)


def _event_id_index(con: duckdb.DuckDBPyConnection) -> None:
    """events_event_id: an ART index on events.event_id, so an event page fetches its rows by id instead of
    scanning every column of the table (docs/api.md "Speed"); not unique (ingest keeps ids unique)."""
    con.execute("CREATE INDEX IF NOT EXISTS events_event_id ON events (event_id)")


MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_initial", _initial),
    ("0002_dyad_days_squared_weights", _dyad_days_squared_weights),
    ("0003_dictionaries_provenance", _dictionaries_provenance),
    ("0004_yield_is_cooperation_evidence", _yield_is_cooperation_evidence),
    ("0005_threshold_features", _threshold_features),
    ("0006_event_place", _event_place),
    ("0007_article_source_hash", _article_source_hash),
    ("0008_narrated_turns", _narrated_turns),
    ("0009_event_id_index", _event_id_index),
)


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in the store ([] for a new, empty database)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = '_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    return [
        row[0] for row in con.execute("SELECT name FROM _migrations ORDER BY applied_at, name").fetchall()
    ]


def foreign_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables of a database that has no ``_migrations`` table (not a volte store); [] otherwise."""
    if applied(con):
        return []
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows if r[0] != "_migrations"]


def pending(con: duckdb.DuckDBPyConnection) -> list[str]:
    done = set(applied(con))
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every pending migration, each in its own transaction; returns the names applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL, volte_version VARCHAR NOT NULL)"
    )
    done = set(applied(con))
    ran: list[str] = []
    for name, function in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            function(con)
            con.execute(
                "INSERT INTO _migrations VALUES (?, ?, ?)",
                [name, datetime.now(UTC).replace(tzinfo=None), __version__],
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {name} failed: {exc}", code=E_STORE_OPEN) from exc
        log.info("applied store migration %s", name)
        ran.append(name)
    return ran
