"""Read paths of the store: event queries, dyad series, articles, and the data reversal detection reads
(day matrices of dyads, the calibration table, the evidence of a shift). Detection and calibration
themselves live in volte.analyse.shifts, which calls these functions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import numpy as np

from volte.records import EVENT_FIELDS
from volte.store import queries as q

OUT_COLUMNS = (*EVENT_FIELDS, "cluster_id")


EVENTS_ORDER = "ORDER BY date DESC NULLS LAST, doc_id, sentence_index, trigger_start, event_id"
# An event page is two statements. The first runs the filter once, over the sort keys only, and returns the
# page's event ids with the number of matches; the second fetches the page's full rows by id through the
# events_event_id index (migration 0009), without scanning the other rows' columns (the sentence column
# most). Reading every column of each matching row before sorting (the plain ORDER BY ... LIMIT)
# decompresses the sentence column across the whole table. Both statements see the same rows: nothing
# writes between them (a read-only store has no writer; a read-write store's one connection is this one).
EVENTS_PAGE_KEYS = f"""
WITH hits AS MATERIALIZED (
    SELECT date, doc_id, sentence_index, trigger_start, event_id FROM events WHERE {{where}}
)
SELECT (SELECT count(*) FROM hits) AS _total, event_id FROM hits {EVENTS_ORDER} LIMIT ? OFFSET ?
"""
EVENTS_BY_ID = f"SELECT {', '.join(OUT_COLUMNS)} FROM events WHERE event_id IN ({{ids}}) {EVENTS_ORDER}"


def events(
    con: duckdb.DuckDBPyConnection, where: q.Where, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    bounds = [max(int(limit), 0), max(int(offset), 0)]
    if not where.parts:  # the whole table: its count is known without a scan, and the keys would be all rows
        total_row = con.execute("SELECT count(*) FROM events").fetchone()
        cursor = con.execute(
            f"SELECT {', '.join(OUT_COLUMNS)} FROM events {EVENTS_ORDER} LIMIT ? OFFSET ?", bounds
        )
        return [_jsonable(r) for r in _dicts(cursor)], int(total_row[0]) if total_row else 0
    keys = con.execute(EVENTS_PAGE_KEYS.format(where=where.sql), [*where.params, *bounds]).fetchall()
    if not keys:  # no match, or a page past the last one: the count alone
        total_row = con.execute(f"SELECT count(*) FROM events WHERE {where.sql}", where.params).fetchone()
        return [], int(total_row[0]) if total_row else 0
    return events_by_id(con, [row[1] for row in keys]), int(keys[0][0])


def events_by_id(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The events with these ids, in the API's order, as JSON-ready dicts (an event page's rows)."""
    if not ids:
        return []
    cursor = con.execute(EVENTS_BY_ID.format(ids=", ".join("?" * len(ids))), list(ids))
    description = cursor.description or []
    names = [d[0] for d in description]
    # as _jsonable, which looks at every value: only the date columns can hold dates
    dated = [(i, names[i]) for i, d in enumerate(description) if str(d[1]).startswith(("DATE", "TIMESTAMP"))]
    out = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        for i, name in dated:
            if isinstance(values[i], (date, datetime)):
                row[name] = values[i].isoformat()
        out.append(row)
    return out


# -- the columns of the server's read index (volte.serve.readindex) ---------------------------------
#: event columns the index holds as small integers into a dictionary of their distinct values
INDEX_TEXT_COLUMNS = ("source", "target", "root", "code", "plover")
NULL_DAY = 2**31 - 1  # a missing date in the index's negated day numbers: sorts after every day


def index_events(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    """Every event in the API's order (``EVENTS_ORDER``): its rowid, its day negated (days since 1970-01-01,
    ``NULL_DAY`` when it has none), its quad class (-1: none) and, for each ``INDEX_TEXT_COLUMNS``, the
    position of its value in that column's sorted distinct values (-1: NULL); and those distinct values."""
    values = {
        column: [
            r[0]
            for r in con.execute(
                f"SELECT DISTINCT {column} FROM events WHERE {column} IS NOT NULL ORDER BY {column}"
            ).fetchall()
        ]
        for column in INDEX_TEXT_COLUMNS
    }
    joins = " ".join(
        f"LEFT JOIN (SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS i FROM "
        f"(SELECT DISTINCT {c} AS v FROM events WHERE {c} IS NOT NULL)) d_{c} ON e.{c} = d_{c}.v"
        for c in INDEX_TEXT_COLUMNS
    )
    codes = ", ".join(f"coalesce(d_{c}.i, -1)::INTEGER AS i_{c}" for c in INDEX_TEXT_COLUMNS)
    cols = con.execute(
        f"SELECT e.rowid AS i_rowid, coalesce(-(e.date - DATE '1970-01-01'), {NULL_DAY})::INTEGER AS i_day, "
        f"coalesce(e.quad_class, -1)::TINYINT AS i_quad_class, {codes} FROM events e {joins} {EVENTS_ORDER}"
    ).fetchnumpy()
    return {name[2:]: np.asarray(array) for name, array in cols.items()}, values


#: the text columns of an event page that the read index holds per event (its page fetch reads the rest)
INDEX_PAGE_COLUMNS = ("event_id", "doc_id", "cluster_id")
PAGE_COLUMNS = ("event_id", *(c for c in OUT_COLUMNS if c not in INDEX_PAGE_COLUMNS))


def event_texts(
    con: duckdb.DuckDBPyConnection, *, rows: int = 131_072
) -> Iterator[tuple[np.ndarray, dict[str, np.ndarray]]]:
    """Every event's rowid and ``INDEX_PAGE_COLUMNS`` (None for NULL), ``rows`` rowids at a time (the ids
    of a million events as Python strings would take some 70 MB at once)."""
    last = (con.execute("SELECT max(rowid) FROM events").fetchone() or (None,))[0]
    for lo in range(0, -1 if last is None else int(last) + 1, rows):
        chunk = con.execute(
            f"SELECT rowid, {', '.join(INDEX_PAGE_COLUMNS)} FROM events WHERE rowid >= ? AND rowid < ?",
            [lo, lo + rows],
        ).fetchnumpy()
        yield np.asarray(chunk["rowid"]), {c: np.asarray(chunk[c]) for c in INDEX_PAGE_COLUMNS}


def text_bytes(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The length in bytes of the longest value of each ``INDEX_PAGE_COLUMNS`` (0 when none)."""
    row = con.execute(
        f"SELECT {', '.join(f'max(strlen({c}))' for c in INDEX_PAGE_COLUMNS)} FROM events"
    ).fetchone() or (None,) * len(INDEX_PAGE_COLUMNS)
    return {c: int(v or 0) for c, v in zip(INDEX_PAGE_COLUMNS, row, strict=True)}


def page_by_id(
    con: duckdb.DuckDBPyConnection, ids: Sequence[str], known: Mapping[str, Sequence[Any]]
) -> list[dict[str, Any]] | None:
    """As :func:`events_by_id`, ``ids`` already in the API's order and the values of ``INDEX_PAGE_COLUMNS``
    given (``known``, one list each, in the order of ``ids``): only the other columns are read (the
    unique text columns cost the most to fetch by row), and no sort. None if an id is not found."""
    if not ids:
        return []
    cursor = con.execute(
        f"SELECT {', '.join(PAGE_COLUMNS)} FROM events WHERE event_id IN ({', '.join('?' * len(ids))})",
        list(ids),
    )
    description = cursor.description or []
    dated = [i for i, d in enumerate(description) if str(d[1]).startswith(("DATE", "TIMESTAMP"))]
    found: dict[str, dict[str, Any]] = {}
    for values in cursor.fetchall():
        row = dict(zip(PAGE_COLUMNS, values, strict=True))
        for i in dated:
            if isinstance(values[i], (date, datetime)):
                row[PAGE_COLUMNS[i]] = values[i].isoformat()
        found[values[0]] = row
    if len(found) != len(ids):
        return None
    out = []
    for i, event_id in enumerate(ids):
        row = found[event_id]
        out.append({c: known[c][i] if c in known else row[c] for c in OUT_COLUMNS})
    return out


def matching_rowids(con: duckdb.DuckDBPyConnection, where: q.Where) -> np.ndarray:
    """The rowids of the events matching ``where`` (the read index's word searches)."""
    return np.asarray(
        con.execute(f"SELECT rowid FROM events WHERE {where.sql}", where.params).fetchnumpy()["rowid"]
    )


def index_clusters(
    con: duckdb.DuckDBPyConnection,
) -> tuple[dict[str, np.ndarray], list[tuple[str, str, int]]]:
    """The columns of every cluster that a dyad series sums, grouped by directed country dyad and, within
    one, in the table's own row order (the order a one-thread ``SERIES_DAYS`` adds them up in); and the
    dyads with their number of clusters, in that order."""
    pairs = con.execute(
        "SELECT source_country, target_country, count(*) FROM clusters GROUP BY ALL ORDER BY 1, 2"
    ).fetchall()
    # the dyads numbered in that order, joined in, and the rows sorted here (less memory than DuckDB's sort)
    cols = con.execute(
        "SELECT c.rowid AS _rowid, p.i AS _pair, (c.date - DATE '1970-01-01')::INTEGER AS day, c.num_mentions, "
        "c.num_sources, c.weight, c.goldstein, c.quad_class FROM clusters c JOIN (SELECT source_country, "
        "target_country, (row_number() OVER (ORDER BY source_country, target_country) - 1)::INTEGER AS i "
        "FROM (SELECT DISTINCT source_country, target_country FROM clusters)) p USING (source_country, target_country)"
    ).fetchnumpy()
    order = np.lexsort((np.asarray(cols.pop("_rowid")), np.asarray(cols.pop("_pair"))))
    return {name: np.asarray(array)[order] for name, array in cols.items()}, [
        (r[0], r[1], int(r[2])) for r in pairs
    ]


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in row.items()}


def actor_exists(con: duckdb.DuckDBPyConnection, side: str, code: str) -> bool:
    column = "source" if side == "source" else "target"
    return (
        con.execute(f"SELECT 1 FROM events WHERE starts_with({column}, ?) LIMIT 1", [code]).fetchone()
        is not None
    )


def actors(
    con: duckdb.DuckDBPyConnection, *, side: str, limit: int, level: int | None = None
) -> list[tuple[str, int]]:
    column = "source" if side == "source" else "target"
    expr = f"left({column}, {int(level)})" if level else column
    rows = con.execute(
        f"SELECT {expr} AS actor, count(*) AS n FROM events WHERE {column} <> '' GROUP BY actor ORDER BY n DESC, actor LIMIT ?",
        [limit],
    ).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def extent(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """The first and last day of a stored event ((None, None) for an empty store)."""
    row = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    return (row[0], row[1]) if row else (None, None)


def series_days(
    con: duckdb.DuckDBPyConnection, source: str, target: str, *, since: date | None, until: date | None
) -> list[dict[str, Any]]:
    where = q.Where()
    for side, code in (("source", source), ("target", target)):
        if len(code) == 3:
            where.add(f"{side}_country = ?", code)
        else:
            where.add(f"starts_with({side}_key, ?)", code[:6])
    if since:
        where.add("date >= ?", since)
    if until:
        where.add("date <= ?", until)
    return _dicts(con.execute(q.SERIES_DAYS.format(where=where.sql), where.params))


def panel_days(con: duckdb.DuckDBPyConnection, *, since: date, until: date) -> list[dict[str, Any]]:
    """Daily cluster sums of every directed country dyad between ``since`` and ``until`` (inclusive)."""
    return _dicts(con.execute(q.PANEL_DAYS.format(where="date >= ? AND date <= ?"), [since, until]))


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    cursor = con.execute(f"SELECT {', '.join(q.ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id])
    rows = _dicts(cursor)
    if not rows:
        return None
    out = _jsonable(rows[0])
    cursor = con.execute(
        f"SELECT {', '.join((*OUT_COLUMNS, *q.SPAN_FIELDS))} FROM events WHERE doc_id = ? ORDER BY sentence_index, trigger_start, event_id",
        [article_id],
    )
    out["events"] = [_jsonable(r) for r in _dicts(cursor)]
    return out


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {
        t: int((con.execute(f"SELECT count(*) FROM {t}").fetchone() or (0,))[0])
        for t in ("articles", "events", "clusters", "rejects")
    }
    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone() or (None, None)
    return {
        **counts,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
    }


# -- the data of reversal detection (volte.analyse.shifts) ------------------------------------------
Pair = tuple[str, str]


def day_extent(
    con: duckdb.DuckDBPyConnection, pairs: list[Pair] | None = None
) -> tuple[date | None, date | None]:
    """The first and last day of ``dyad_days`` (of the given pairs only, when given)."""
    if pairs is None:
        row = con.execute("SELECT min(day), max(day) FROM dyad_days").fetchone()
    else:
        _register_pairs(con, pairs)
        row = con.execute(
            "SELECT min(day), max(day) FROM dyad_days JOIN _spairs USING (source_country, target_country)"
        ).fetchone()
    return (row[0], row[1]) if row else (None, None)  # an aggregate: always one row


def uncounted(
    con: duckdb.DuckDBPyConnection, source: str, target: str, *, since: date | None, until: date | None
) -> dict[str, int]:
    """Events of the dyad (countries) in [since, until] that no cluster counts, by reason (an event
    without a date counts when its article's date is in the range)."""
    lo, hi = since or date.min, until or date.max
    row = con.execute(
        "SELECT count(*) FILTER (WHERE date IS NULL), "
        "count(*) FILTER (WHERE date IS NOT NULL AND date_precision <> 'day'), "
        "count(*) FILTER (WHERE date_precision = 'day' AND factuality = 'future' "
        f"AND root NOT IN ({q.STATEMENT_ROOTS_SQL})), "  # statements about the future count on the day said
        "count(*) FILTER (WHERE date_precision = 'day' AND factuality = 'hypothetical') "
        "FROM events WHERE left(source, 3) = ? AND left(target, 3) = ? "
        "AND (date BETWEEN ? AND ? OR (date IS NULL AND (published IS NULL OR published BETWEEN ? AND ?)))",
        [source, target, lo, hi, lo, hi],
    ).fetchone() or (0, 0, 0, 0)
    return dict(zip(("no_date", "not_day", "future", "hypothetical"), (int(v) for v in row), strict=True))


def active_pairs(
    con: duckdb.DuckDBPyConnection, *, since: date, until: date, source: str | None, target: str | None
) -> list[Pair]:
    """The international country dyads with a stored day in [since, until], sorted."""
    where = q.Where()
    where.add("day BETWEEN ? AND ?", since, until)
    where.add("source_country <> target_country")
    if source:
        where.add("source_country = ?", source)
    if target:
        where.add("target_country = ?", target)
    rows = con.execute(
        f"SELECT DISTINCT source_country, target_country FROM dyad_days WHERE {where.sql} ORDER BY 1, 2",
        where.params,
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def _register_pairs(con: duckdb.DuckDBPyConnection, pairs: list[Pair]) -> None:
    _temp_table(
        con,
        "_spairs",
        idx=("INTEGER", list(range(len(pairs)))),
        source_country=("VARCHAR", [p[0] for p in pairs]),
        target_country=("VARCHAR", [p[1] for p in pairs]),
    )


def _temp_table(con: duckdb.DuckDBPyConnection, name: str, **columns: tuple[str, list[Any]]) -> None:
    """(Re)create the temporary table ``name`` from equal-length Python lists, column=(type, values)
    (DuckDB unnests the lists side by side; works on read-only stores too)."""
    select = ", ".join(f"unnest(?::{kind}[]) AS {column}" for column, (kind, _) in columns.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", [v for _, v in columns.values()])


@dataclass(frozen=True)
class DayMatrix:
    """Pairs x days sums of ``dyad_days`` columns over [start, start + n), with each pair's priors (sums
    of w, wg, wg2 and of clusters, coop - conflict, coop + conflict over every stored day before
    ``start``; shape (3, pairs, 1) each), its rate (clusters a day, (pairs, 1)) and its first stored day."""

    start: date
    arrays: dict[str, np.ndarray]
    prior: np.ndarray
    counts: np.ndarray
    rate: np.ndarray
    firsts: list[date | None]


def day_matrix(
    con: duckdb.DuckDBPyConnection,
    pairs: list[Pair],
    *,
    start: date,
    until: date,
    fields: Sequence[str],
    min_days: int = 90,
) -> DayMatrix:
    """The ``fields`` of ``pairs`` x days over [start, until], with their priors (every stored day before
    ``start``) and rates (each pair's clusters a day over its whole stored history, its first to its last
    day, as its calibration sees it; over ``min_days`` when shorter: a rate measured on a few days says
    little about the dyad's usual coverage); and each pair's first stored day."""
    _register_pairs(con, pairs)
    n = (until - start).days + 1
    cols = con.execute(
        f"SELECT p.idx, (d.day - ?::DATE) AS i, {', '.join('d.' + f for f in fields)} FROM dyad_days d "
        "JOIN _spairs p USING (source_country, target_country) WHERE d.day BETWEEN ? AND ?",
        [start, start, until],
    ).fetchnumpy()
    rows, days = np.asarray(cols["idx"], dtype=np.int64), np.asarray(cols["i"], dtype=np.int64)
    arrays = {}
    for name in fields:
        values = np.zeros((len(pairs), n))
        values[rows, days] = np.asarray(cols[name], dtype=float)  # (pair, day) is dyad_days' key: no repeats
        arrays[name] = values
    prior, counts = np.zeros((3, len(pairs), 1)), np.zeros((3, len(pairs), 1))
    rate = np.full((len(pairs), 1), np.nan)
    firsts: list[date | None] = [None] * len(pairs)
    before = [
        f"coalesce(sum({expr}) FILTER (WHERE d.day < ?), 0)"
        for expr in ("d.w", "d.wg", "d.wg2", "d.clusters", "d.coop - d.conflict", "d.coop + d.conflict")
    ]
    for r in con.execute(
        f"SELECT p.idx, {', '.join(before)}, sum(d.clusters), min(d.day), max(d.day) FROM dyad_days d "
        "JOIN _spairs p USING (source_country, target_country) GROUP BY p.idx",
        [start] * len(before),
    ).fetchall():
        i = int(r[0])
        prior[:, i, 0], counts[:, i, 0] = r[1:4], r[4:7]
        rate[i, 0] = float(r[7]) / max((r[9] - r[8]).days + 1, min_days)
        firsts[i] = r[8]
    return DayMatrix(start, arrays, prior, counts, rate, firsts)


def pair_days(
    con: duckdb.DuckDBPyConnection, pairs: list[Pair], *, fields: Sequence[str]
) -> dict[Pair, tuple[date, dict[str, np.ndarray]]]:
    """Each pair's ``fields`` over its own stored history, its first to its last day (days without a row
    are zeros): the pair's first day and one array per field."""
    _register_pairs(con, pairs)
    cols = con.execute(
        f"SELECT source_country, target_country, day, {', '.join(fields)} FROM dyad_days "
        "JOIN _spairs USING (source_country, target_country) ORDER BY 1, 2, 3"
    ).fetchnumpy()
    keys = (
        np.char.add(np.char.add(cols["source_country"].astype(str), ">"), cols["target_country"].astype(str))
        if len(cols["day"])
        else np.array([], dtype=str)
    )
    days = cols["day"].astype("datetime64[D]")
    out: dict[Pair, tuple[date, dict[str, np.ndarray]]] = {}
    bounds = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True]) if len(keys) else np.array([0])
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=False):
        src, tgt = str(keys[lo]).split(">")
        first, last = days[lo], days[hi - 1]
        n = int((last - first).astype(int)) + 1
        index = (days[lo:hi] - first).astype(int)
        arrays = {}
        for name in fields:
            values = np.zeros(n)
            np.add.at(values, index, cols[name][lo:hi].astype(float))
            arrays[name] = values
        out[(src, tgt)] = (first.astype(date), arrays)
    return out


def cached_thresholds(
    con: duckdb.DuckDBPyConnection, method: str
) -> dict[Pair, tuple[float, float | None, int, tuple[float, ...] | None]]:
    """The calibration table: pair -> (threshold, calibrated, days, features) cached for ``method``."""
    rows = con.execute(
        "SELECT source_country, target_country, threshold, calibrated, days, features FROM dyad_thresholds "
        "WHERE method = ?",
        [method],
    ).fetchall()
    return {
        (r[0], r[1]): (float(r[2]), r[3], int(r[4]), tuple(r[5]) if r[5] is not None else None) for r in rows
    }


def save_thresholds(con: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> None:
    """Replace the cached calibrations of the rows' pairs: (source, target, threshold, calibrated, days,
    method, computed_at, features) each."""
    con.executemany(
        "DELETE FROM dyad_thresholds WHERE source_country = ? AND target_country = ?",
        [r[:2] for r in rows],
    )
    con.executemany(
        "INSERT INTO dyad_thresholds (source_country, target_country, threshold, calibrated, days, method, "
        "computed_at, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def uncalibrated_pairs(con: duckdb.DuckDBPyConnection, method: str) -> list[Pair]:
    """Every international dyad of ``dyad_days`` without a cached calibration for ``method``."""
    rows = con.execute(
        "SELECT DISTINCT d.source_country, d.target_country FROM dyad_days d ANTI JOIN "
        "(SELECT * FROM dyad_thresholds WHERE method = ?) t USING (source_country, target_country) "
        "WHERE d.source_country <> d.target_country ORDER BY 1, 2",
        [method],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


#: a window of evidence: (shift index, side, source, target, first day, last day, want: conflict | coop)
Window = tuple[int, str, str, str, date, date, str]


def evidence(
    con: duckdb.DuckDBPyConnection, windows: list[Window], *, clusters: int, lo: date, hi: date
) -> dict[int, list[dict[str, Any]]]:
    """Per shift index: the mentions of the ``clusters`` heaviest clusters of each window of the wanted
    kind (conflict: roots 10-20, coop: 03, 04, 05, 08), mentions dated in [lo, hi]."""
    kinds = ("INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "DATE", "VARCHAR")
    names = ("shift", "side", "source_country", "target_country", "lo", "hi", "want")
    values = zip(*windows, strict=True)
    _temp_table(con, "_windows", **{n: (k, list(v)) for n, k, v in zip(names, kinds, values, strict=True)})
    rows = _dicts(con.execute(EVIDENCE_SQL, [clusters, lo, hi]))
    per_shift: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        per_shift.setdefault(int(row.pop("shift")), []).append(_jsonable(row))
    return per_shift


EVIDENCE_SQL = """
WITH picked AS (
    SELECT w.shift, w.side, c.cluster_id, c.date, c.num_sources, c.root,
           row_number() OVER (PARTITION BY w.shift, w.side ORDER BY c.weight DESC, c.date, c.cluster_id) AS rank
    FROM _windows w JOIN clusters c
      ON c.source_country = w.source_country AND c.target_country = w.target_country AND c.date BETWEEN w.lo AND w.hi
    WHERE (w.want = 'conflict' AND c.root BETWEEN '10' AND '20') OR (w.want = 'coop' AND c.root IN ('03', '04', '05', '08'))
)
SELECT p.shift, p.side, e.event_id, e.date, e.source, e.target, e.code, e.goldstein, p.cluster_id,
       p.num_sources, e.doc_id, e.sentence
FROM picked p JOIN events e ON e.cluster_id = p.cluster_id
WHERE p.rank <= ? AND e.date BETWEEN ? AND ?  -- mentions lie within 36 h of their cluster's anchor
ORDER BY p.shift, p.side DESC, p.date, p.rank, e.doc_id, e.sentence_index, e.event_id
"""
