"""Reads across dyads for the dashboard: who did what to whom by quad class, events per CAMEO root, the
places events happened, and filtered event tables written as files (CSV, Parquet, JSON) for download.

Every query is one SQL statement of :mod:`volte.store.queries` with bound parameters and a row limit.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from volte.coding.cameo import code_table
from volte.errors import E_CONFIG_BAD_OPTION, E_STORE_QUERY, ConfigError, StoreError
from volte.store import queries as q
from volte.store.exports import table_sql

DOWNLOAD_FORMATS = {
    "csv": "FORMAT csv, HEADER true",
    "parquet": "FORMAT parquet",
    "json": "FORMAT json, ARRAY true",
}


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description or []]
    return [
        {k: (v.isoformat() if isinstance(v, date) else v) for k, v in zip(names, row, strict=True)}
        for row in cursor.fetchall()
    ]


def overview(con: duckdb.DuckDBPyConnection, *, since: date, until: date, limit: int) -> dict[str, Any]:
    """Event clusters dated in [since, until]: the ``limit`` busiest directed country dyads with their
    counts per quad class (``pairs``), and the count per CAMEO root with its name (``roots``)."""
    pairs = _rows(con, q.OVERVIEW_PAIRS_SQL, [since, until, limit])
    names = code_table()
    roots = [
        {**row, "name": names[row["root"]].name if row["root"] in names else ""}
        for row in _rows(con, q.OVERVIEW_ROOTS_SQL, [since, until])
    ]
    return {"pairs": pairs, "roots": roots}


def places(con: duckdb.DuckDBPyConnection, *, since: date, until: date, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` places with coordinates where most events (mentions) dated in [since, until]
    happened: name, type, country, GeoNames id, lat, lon, events, first and last day."""
    return _rows(con, q.PLACES_SQL, [since, until, limit])


def write_events(con: duckdb.DuckDBPyConnection, fmt: str, path: Path, *, where: q.Where, limit: int) -> int:
    """Write the events matching ``where`` as ``fmt`` (csv, parquet or json: one array of records) to
    ``path``, the rows of ``volte export``'s CSV/Parquet; ConfigError E102 when more than ``limit`` match
    (nothing is written). Returns the rows written."""
    if fmt not in DOWNLOAD_FORMATS:
        raise StoreError(f"format {fmt!r}: choose one of {', '.join(DOWNLOAD_FORMATS)}", code=E_STORE_QUERY)
    found = con.execute(f"SELECT count(*) FROM events WHERE {where.sql}", where.params).fetchone()
    count = int(found[0]) if found else 0
    if count > limit:
        raise ConfigError(
            f"{count:,} events match, over the download limit of {limit:,}: narrow the filter "
            "(dates, actors, codes) or use `volte export`",
            code=E_CONFIG_BAD_OPTION,
        )
    target = str(path).replace("'", "''")
    con.execute(f"COPY ({table_sql(where.sql)}) TO '{target}' ({DOWNLOAD_FORMATS[fmt]})", where.params)
    return count
