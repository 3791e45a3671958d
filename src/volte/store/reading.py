"""Read paths of the store: event queries, dyad series, reversal detection with evidence, articles."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import duckdb
import numpy as np

from volte.analyse import calibration, dyads
from volte.analyse import explain as explaining
from volte.analyse import reversals as rv
from volte.records import EVENT_FIELDS
from volte.store import queries as q

log = logging.getLogger(__name__)
EVIDENCE_CLUSTERS = 12  # per side of a shift
MATRIX_CELLS = 2_000_000  # dyads x days scored at once (8 arrays of float64: about 130 MB)
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
        cursor = con.execute(f"SELECT {', '.join(OUT_COLUMNS)} FROM events {EVENTS_ORDER} LIMIT ? OFFSET ?", bounds)
        return [_jsonable(r) for r in _dicts(cursor)], int(total_row[0]) if total_row else 0
    keys = con.execute(EVENTS_PAGE_KEYS.format(where=where.sql), [*where.params, *bounds]).fetchall()
    if not keys:  # no match, or a page past the last one: the count alone
        total_row = con.execute(f"SELECT count(*) FROM events WHERE {where.sql}", where.params).fetchone()
        return [], int(total_row[0]) if total_row else 0
    ids = [row[1] for row in keys]
    rows = _dicts(con.execute(EVENTS_BY_ID.format(ids=", ".join("?" * len(ids))), ids))
    return [_jsonable(r) for r in rows], int(keys[0][0])


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


# -- reversals -------------------------------------------------------------------------------------
Pair = tuple[str, str]


def shifts(
    con: duckdb.DuckDBPyConnection,
    *,
    since: date | None,
    until: date | None,
    kind: str | None,
    window_hours: float,
    source: str | None,
    target: str | None,
    cache: bool,
    memo: dict[tuple[str, Pair], calibration.Calibration] | None = None,
    max_days: int | None = None,
    near: bool = False,
) -> list[dict[str, Any]]:
    """Reversals dated in [since, until], cut to the stored days; ``near`` adds the near misses (alarm
    episodes at 0.8 x the threshold that stay below it, ``status`` near). ``cache`` saves new
    calibrations in the store, ``memo`` keeps them for the life of a read-only Store (its data cannot
    change while it is open). A scan over more than ``max_days`` days is ConfigError E103.

    A shift's day, score and threshold are those of the dyad's whole stored history, whatever the range
    (docs/reversals.md, "Stable scores"): the volume term uses the history's rate, and a window whose
    alarms touch its edges is widened until each episode it reports is whole."""
    params = rv.ReversalParams(window_hours=window_hours)
    stored = con.execute("SELECT min(day), max(day) FROM dyad_days").fetchone() or (None, None)
    window = dyads.clamp_range(since, until, extent=(stored[0], stored[1]))
    if window is None:
        return []
    (since, until), last = window, stored[1]
    pairs = _active_pairs(con, since=since, until=until, source=source, target=target)
    if not pairs:
        return []
    # days before the pairs' first day or over a week past their last one change no score
    _register_pairs(con, pairs)
    first_day, last_day = con.execute(
        "SELECT min(day), max(day) FROM dyad_days JOIN _spairs USING (source_country, target_country)"
    ).fetchone() or (None, None)  # an aggregate: always one row, and the pairs have days
    last = min(last, _add_days(last_day, _tail(params)))
    start, end = _scan(params, max(since, first_day), until, last)
    if max_days is not None:
        dyads.check_points(start, end, freq="day", max_points=max_days)
    found: list[rv.Shift] = []
    rows_per_chunk = max(1, MATRIX_CELLS // ((end - start).days + 1))  # bounds memory on long ranges
    infos = _thresholds(con, pairs, params, cache=cache, memo={} if memo is None else memo)
    for lo in range(0, len(pairs), rows_per_chunk):
        found += _detect_chunk(
            con,
            pairs[lo : lo + rows_per_chunk],
            params,
            since=since,
            until=until,
            first=max(since, first_day),
            last=last,
            thresholds={p: i.value for p, i in infos.items()},
            near=near,
            max_days=max_days,
        )
    found = [
        replace(s, extras={**s.extras, "calibration": _calibration_dict(infos[(s.source, s.target)])})
        for s in found
        if kind is None or s.kind == kind
    ]
    found.sort(key=lambda s: (s.date, -s.score, s.source, s.target))
    return _with_evidence(con, found)


def _calibration_dict(info: explaining.ThresholdInfo) -> dict[str, Any]:
    out = info.to_dict()
    out.pop("value")  # the record's own ``threshold``
    return out


def _scan(params: rv.ReversalParams, since: date, until: date, last: date) -> tuple[date, date]:
    """The first days read for turns in [since, until]: a day's score reads ``_look(params)`` days before
    it, the first ``gap`` exact days tell whether an alarm episode began before them, and the days after
    ``until`` confirm and date a turn late in the range."""
    return _add_days(since, -(_look(params) + params.longest_after + 1)), min(
        _add_days(until, _tail(params)), last
    )


def _look(params: rv.ReversalParams) -> int:
    """Days before a day that its score reads (its longest after window and the before window)."""
    return params.before_days + params.longest_after - 1


def _tail(params: rv.ReversalParams) -> int:
    """An alarm this close to the end of the days read may merge with later alarms into one episode,
    or be dated by a split whose after week runs past them."""
    return params.longest_after + params.before_days


def _add_days(day: date, days: int) -> date:
    """``day`` moved by ``days``, stopping at date.min / date.max instead of overflowing."""
    room = (day - date.min).days if days < 0 else (date.max - day).days
    if abs(days) > room:
        return date.min if days < 0 else date.max
    return day + timedelta(days=days)


def _detect_chunk(
    con: duckdb.DuckDBPyConnection,
    pairs: list[Pair],
    params: rv.ReversalParams,
    *,
    since: date,
    until: date,
    first: date,
    last: date,
    thresholds: dict[Pair, float],
    near: bool = False,
    max_days: int | None = None,
) -> list[rv.Shift]:
    """The shifts of ``pairs`` dated in [since, until], scored exactly as on the whole stored history
    from the days [start, end] around the range (:func:`_scan` of [first, until]; ``first`` is ``since``
    or the pairs' first day if later, ``last`` the store's last day or a tail past the pairs' last day
    if earlier). Days before ``start`` enter through the table's priors (the Goldstein and composition
    baselines), the volume term through its rate; a pair with an alarm near either edge of the days read
    (an episode that may run on past them) is read again over a wider span, until no alarm touches an
    edge that has stored days beyond it (or the span would pass ``max_days``)."""
    look, gap, tail = _look(params), params.longest_after, _tail(params)
    found: list[rv.Shift] = []
    todo, pad = list(pairs), 0
    while todo:
        start, end = _scan(params, first, until, last)
        start, end = _add_days(start, -pad), min(_add_days(end, pad), last)
        _register_pairs(con, todo)
        table, firsts = _day_matrix(con, todo, start=start, until=end, min_days=params.min_calibration_days)
        limits = np.array([thresholds[p] for p in todo])
        lowest = limits * (explaining.NEAR if near else 1.0)
        scores = rv.score(table, params, splits=True, first=look)
        best = np.nan_to_num(np.fmax(scores.thaw, scores.rupture), nan=-np.inf)
        alarm = np.asarray(best >= lowest[:, None])
        n = len(table)
        exact_from = _add_days(start, look)
        open_left = np.array([f is not None and f < exact_from for f in firsts])
        at_left = np.asarray(alarm[:, look : look + gap + 1].any(axis=1) & open_left)
        at_right = np.asarray(alarm[:, max(n - tail, 0) :].any(axis=1) & (end < last))
        wider = (end - start).days + 1 + 2 * max(pad, 28)
        can_widen = max_days is None or wider <= max_days
        again, kept = [], 0
        # only rows with an alarm that can belong to an episode dating a turn in [since, until]
        alarm[:, : (since - start).days] = False
        alarm[:, (until - start).days + params.longest_after :] = False
        for row, pair in enumerate(todo):
            if at_left[row] or at_right[row]:
                if can_widen:
                    again.append(pair)
                    continue
                kept += 1
            if not alarm[row].any():
                continue
            fired, missed = explaining.detect_with_near(
                table.row(row),
                params,
                threshold=float(limits[row]),
                scores=rv._score_row(scores, row),
                near=near,
                turns=((since - start).days, (until - start).days),
            )
            found += [
                replace(s, source=pair[0], target=pair[1])
                for s in (fired + missed if near else fired)
                if since <= s.date <= until
            ]
        if kept:
            log.warning("%d dyads have alarms at the edge of the days read; not widened past max_days", kept)
        todo, pad = again, max(2 * pad, 28)
    return found


def explain(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    target: str,
    since: date | None,
    until: date | None,
    window_hours: float,
    cache: bool,
    memo: dict[tuple[str, Pair], calibration.Calibration] | None = None,
    max_days: int | None = None,
) -> explaining.Explanation:
    """Why the detector did or did not fire on ``source`` -> ``target`` (countries) for turns in
    [since, until]: the dyad's whole stored history scored as :func:`shifts` scores it, explained by
    :func:`volte.analyse.explain.explain`, with the dyad's events that the series leaves out."""
    params = rv.ReversalParams(window_hours=window_hours)
    pair = (source, target)
    last = (con.execute("SELECT max(day) FROM dyad_days").fetchone() or (None,))[0]
    _register_pairs(con, [pair])
    first, own_last = con.execute(
        "SELECT min(day), max(day) FROM dyad_days JOIN _spairs USING (source_country, target_country)"
    ).fetchone() or (None, None)
    uncounted = _uncounted(con, source, target, since=since, until=until)
    if first is None or last is None:  # no cluster of the dyad: nothing to calibrate or score
        threshold = max(params.short_history_threshold, params.min_threshold)
        info = explaining.ThresholdInfo(threshold, "short_history", threshold, None, 0)
        empty = rv.DayTable.of(date.min, {name: np.zeros(0) for name in rv.SUM_FIELDS})
        return explaining.explain(
            empty,
            params,
            threshold=info,
            source=source,
            target=target,
            since=since,
            until=until,
            uncounted=uncounted,
        )
    info = _thresholds(con, [pair], params, cache=cache, memo={} if memo is None else memo)[pair]
    start = _add_days(first, -_look(params))
    last = min(last, _add_days(own_last, _tail(params)))  # later days change no score (see shifts)
    if max_days is not None:
        dyads.check_points(start, last, freq="day", max_points=max_days)
    table, _ = _day_matrix(con, [pair], start=start, until=last, min_days=params.min_calibration_days)
    return explaining.explain(
        table.row(0),
        params,
        threshold=info,
        source=source,
        target=target,
        since=since,
        until=until,
        uncounted=uncounted,
    )


def _uncounted(
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


def _active_pairs(
    con: duckdb.DuckDBPyConnection, *, since: date, until: date, source: str | None, target: str | None
) -> list[Pair]:
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


def _day_matrix(
    con: duckdb.DuckDBPyConnection, pairs: list[Pair], *, start: date, until: date, min_days: int = 90
) -> tuple[rv.DayTable, list[date | None]]:
    """One 2-D DayTable (pairs x days over [start, until]) of the registered pairs, with their priors
    (every stored day before ``start``) and rates (each pair's clusters a day over its whole stored
    history, its first to its last day, as its calibration sees it; over ``min_days`` when shorter: a
    rate measured on a few days says little about the dyad's usual coverage); and each pair's first
    stored day."""
    n = (until - start).days + 1
    cols = con.execute(
        f"SELECT p.idx, (d.day - ?::DATE) AS i, {', '.join('d.' + f for f in rv.SUM_FIELDS)} FROM dyad_days d "
        "JOIN _spairs p USING (source_country, target_country) WHERE d.day BETWEEN ? AND ?",
        [start, start, until],
    ).fetchnumpy()
    rows, days = np.asarray(cols["idx"], dtype=np.int64), np.asarray(cols["i"], dtype=np.int64)
    arrays = {}
    for name in rv.SUM_FIELDS:
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
    table = rv.DayTable.of(
        start,
        arrays,
        prior=(prior[0], prior[1], prior[2]),
        rate=rate,
        count_prior=(counts[0], counts[1], counts[2]),
    )
    return table, firsts


def _day_tables(
    con: duckdb.DuckDBPyConnection,
    *,
    start: date | None,
    until: date | None,
    priors: dict[Pair, tuple[float, float, float]],
) -> dict[Pair, rv.DayTable]:
    """DayTables of the registered pairs over [start, until] (None: each pair's own first/last day)."""
    where = q.Where()
    if start is not None:
        where.add("day >= ?", start)
    if until is not None:
        where.add("day <= ?", until)
    cols = con.execute(
        f"SELECT source_country, target_country, day, {', '.join(rv.SUM_FIELDS)} FROM dyad_days "
        f"JOIN _spairs USING (source_country, target_country) WHERE {where.sql} ORDER BY 1, 2, 3",
        where.params,
    ).fetchnumpy()
    keys = (
        np.char.add(np.char.add(cols["source_country"].astype(str), ">"), cols["target_country"].astype(str))
        if len(cols["day"])
        else np.array([], dtype=str)
    )
    days = cols["day"].astype("datetime64[D]")
    out: dict[Pair, rv.DayTable] = {}
    bounds = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True]) if len(keys) else np.array([0])
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=False):
        src, tgt = str(keys[lo]).split(">")
        first = days[lo] if start is None else np.datetime64(start, "D")
        last = days[hi - 1] if until is None else np.datetime64(until, "D")
        n = int((last - first).astype(int)) + 1
        index = (days[lo:hi] - first).astype(int)
        arrays = {}
        for name in rv.SUM_FIELDS:
            values = np.zeros(n)
            np.add.at(values, index, cols[name][lo:hi].astype(float))
            arrays[name] = values
        out[(src, tgt)] = rv.DayTable.of(
            first.astype(date), arrays, prior=priors.get((src, tgt), (0.0, 0.0, 0.0))
        )
    return out


def _thresholds(
    con: duckdb.DuckDBPyConnection,
    pairs: list[Pair],
    params: rv.ReversalParams,
    *,
    cache: bool,
    memo: dict[tuple[str, Pair], calibration.Calibration],
) -> dict[Pair, explaining.ThresholdInfo]:
    """Alarm thresholds of the given pairs and where they come from: every cached calibration of the
    store (missing ones of ``pairs`` are calibrated now), pooled across all of them
    (calibration.pool_thresholds)."""
    method = _method(params)
    rows = con.execute(
        "SELECT source_country, target_country, threshold, calibrated, days, features FROM dyad_thresholds "
        "WHERE method = ?",
        [method],
    ).fetchall()
    known = {
        (r[0], r[1]): calibration.Calibration(
            threshold=float(r[2]),
            calibrated=r[3],
            days=int(r[4]),
            features=tuple(r[5]) if r[5] is not None else None,
        )
        for r in rows
    }
    known.update({pair: cal for (m, pair), cal in memo.items() if m == method})
    missing = [p for p in pairs if p not in known]
    if missing:
        if not cache:
            log.warning(
                "%d dyads have no cached threshold for these detector settings; calibrating them now "
                "(open the store once for writing, e.g. `volte ingest`, to cache them)",
                len(missing),
            )
        fresh = _calibrate(con, missing, params, cache=cache)
        memo.update({(method, p): cal for p, cal in fresh.items()})
        known.update(fresh)
    order = list(known)
    cals = [known[p] for p in order]
    pooled = calibration.pool_thresholds(cals, params)
    origins = calibration.threshold_origins(cals, params)
    wanted = set(pairs)
    return {
        p: explaining.ThresholdInfo(
            value=float(t),
            origin=o,
            own=known[p].threshold,
            calibrated=known[p].calibrated,
            days=known[p].days,
        )
        for p, t, o in zip(order, pooled, origins, strict=True)
        if p in wanted
    }


def _method(params: rv.ReversalParams) -> str:
    """Cache key of a calibration: the method name and a fingerprint of every parameter."""
    digest = hashlib.sha1(repr(sorted(asdict(params).items())).encode()).hexdigest()[:10]
    return f"{params.method}/w{params.window_days}/{digest}"


def _calibrate(
    con: duckdb.DuckDBPyConnection, pairs: list[Pair], params: rv.ReversalParams, *, cache: bool
) -> dict[Pair, calibration.Calibration]:
    _register_pairs(con, pairs)
    tables = _day_tables(con, start=None, until=None, priors={})
    now = datetime.now(UTC).replace(tzinfo=None)
    out, rows = {}, []
    for pair in pairs:
        table = tables.get(pair)
        cal = (
            calibration.calibrate(table, params, seed=calibration.dyad_seed(*pair))
            if table is not None
            else calibration.Calibration(params.min_threshold, None, 0)
        )
        out[pair] = cal
        features = list(cal.features) if cal.features is not None else None
        rows.append(
            (pair[0], pair[1], cal.threshold, cal.calibrated, cal.days, _method(params), now, features)
        )
    if cache and rows:
        con.executemany(
            "DELETE FROM dyad_thresholds WHERE source_country = ? AND target_country = ?",
            [r[:2] for r in rows],
        )
        con.executemany(
            "INSERT INTO dyad_thresholds (source_country, target_country, threshold, calibrated, days, method, "
            "computed_at, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    log.info("calibrated %d dyads", len(rows))
    return out


def refresh_thresholds(con: duckdb.DuckDBPyConnection, params: rv.ReversalParams | None = None) -> int:
    """Calibrate (and cache) every international dyad that has no threshold for ``params``."""
    params = params or rv.ReversalParams()
    rows = con.execute(
        "SELECT DISTINCT d.source_country, d.target_country FROM dyad_days d ANTI JOIN "
        "(SELECT * FROM dyad_thresholds WHERE method = ?) t USING (source_country, target_country) "
        "WHERE d.source_country <> d.target_country ORDER BY 1, 2",
        [_method(params)],
    ).fetchall()
    pairs = [(r[0], r[1]) for r in rows]
    if pairs:
        _calibrate(con, pairs, params, cache=True)
    return len(pairs)


def _with_evidence(con: duckdb.DuckDBPyConnection, found: list[rv.Shift]) -> list[dict[str, Any]]:
    if not found:
        return []
    windows = []
    for i, s in enumerate(found):
        before_want, after_want = ("conflict", "coop") if s.kind == "thaw" else ("coop", "conflict")
        windows.append((i, "before", s.source, s.target, s.before.start, s.before.end, before_want))
        windows.append((i, "after", s.source, s.target, s.after.start, s.after.end, after_want))
    kinds = ("INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "DATE", "VARCHAR")
    names = ("shift", "side", "source_country", "target_country", "lo", "hi", "want")
    values = zip(*windows, strict=True)
    _temp_table(con, "_windows", **{n: (k, list(v)) for n, k, v in zip(names, kinds, values, strict=True)})
    lo, hi = min(w[4] for w in windows), max(w[5] for w in windows) + timedelta(days=2)
    rows = _dicts(con.execute(EVIDENCE_SQL, [EVIDENCE_CLUSTERS, lo, hi]))
    per_shift: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        per_shift.setdefault(int(row.pop("shift")), []).append(_jsonable(row))
    out = []
    for i, s in enumerate(found):
        record = s.to_dict()
        detail = per_shift.get(i, [])
        record["evidence"] = [d["event_id"] for d in detail]
        record["evidence_events"] = detail
        out.append(record)
    return out


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
