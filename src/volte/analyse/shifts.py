"""Reversal detection over a store: the shifts of its dyads with their evidence, explanations of a
verdict, and the calibration of alarm thresholds (cached in the store's ``dyad_thresholds`` table).

The store hands over data (day matrices, the calibration table, evidence rows: volte.store.reading);
scoring, dating and calibration are volte.analyse's. Callers (cli, serve, the demo) use these functions
with an open :class:`~volte.store.db.Store`:

    with Store("volte.duckdb") as store:
        ingest(store, coded)               # write, then cache the new dyads' calibrations
        shifts(store, since=date(2026, 1, 1))
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from volte.analyse import calibration
from volte.analyse import explain as explaining
from volte.analyse import reversals as rv
from volte.store import queries as q
from volte.store import reading
from volte.store import series as dyads
from volte.store.db import SHIFT_ID, Store, check_window, translated, turn_filters
from volte.store.writer import IngestSummary

if TYPE_CHECKING:
    from volte.coding.coder import Coded
    from volte.records import Article, ParquetPart, Reject

log = logging.getLogger(__name__)
EVIDENCE_CLUSTERS = 12  # per side of a shift
MATRIX_CELLS = 2_000_000  # dyads x days scored at once (8 arrays of float64: about 130 MB)
Pair = tuple[str, str]
#: the memo key that says every dyad of a read-only store has a calibration for the method
_COMPLETE = ("", "")


# -- the Store's reversal API ------------------------------------------------------------------------
def shifts(
    store: Store,
    *,
    since: date | None = None,
    until: date | None = None,
    kind: str | None = None,
    window_hours: float = 72.0,
    source: str | None = None,
    target: str | None = None,
    near: bool = False,
) -> list[dict[str, Any]]:
    """Detected reversals (thaw | rupture) dated in [since, until], with summaries and evidence;
    ``near`` adds the near misses (``status`` near: scores of at least 0.8 x the threshold).

    A shift's day, score and threshold do not depend on the range: they are those of the stored
    history. The range is cut to the stored data; a scan over more than ``store.max_points`` days
    is E103."""
    source, target = turn_filters(since, until, kind, source, target)
    check_window(window_hours)
    with translated(store.path, "shift detection"):
        store.check_actors(source, target)
        return detect(
            store,
            since=since,
            until=until,
            kind=kind,
            window_hours=window_hours,
            source=source,
            target=target,
            near=near,
        )


def explain_shifts(
    store: Store,
    source: str,
    target: str,
    *,
    since: date | None = None,
    until: date | None = None,
    window_hours: float = 72.0,
) -> explaining.Explanation:
    """Why the detector did or did not fire on the directed country dyad ``source`` -> ``target``
    for turns in [since, until] (docs/reversals.md, "Explaining a verdict")."""
    q.check_range(since, until)
    check_window(window_hours)
    source = q.check_actor(source, option="source")[:3]
    target = q.check_actor(target, option="target")[:3]
    with translated(store.path, "shift explanation"):
        store.check_actors(source, target)
        return explain(
            store, source=source, target=target, since=since, until=until, window_hours=window_hours
        )


def shift(store: Store, shift_id: str) -> dict[str, Any] | None:
    """The shift (fired or near miss) with this id (``COL-USA-2026-01-07-thaw``), None when the
    store has none: ids are stable, so this is the record any listing gave."""
    match = SHIFT_ID.fullmatch(shift_id or "")
    if not match:
        return None
    source, target, day, kind = match.groups()
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return None
    with translated(store.path, "shift lookup"):  # "---" (no known country) is a side of some dyads
        found = detect(
            store,
            since=when,
            until=when,
            kind=kind,
            window_hours=72.0,
            source=source,
            target=target,
            near=True,
        )
    return next((s for s in found if s.get("id") == shift_id), None)


def ingest(
    store: Store,
    items: Iterable[Coded] | Iterable[Article | Reject],
    *,
    code: Callable[[list[Article | Reject]], Iterable[Coded]] | None = None,
    **options: Any,
) -> IngestSummary:
    """The ingest path's one write step: store the items, then calibrate (and cache) the dyads the write
    added (:func:`refresh_thresholds`). Coded articles are stored as they are (:meth:`Store.ingest`); with
    ``code``, articles and rejects are coded by it first, except those stored before with the same
    provenance (:meth:`Store.ingest_articles`). ``options`` (batch_size, spacy_model, dictionaries,
    on_batch, coder_settings with ``code``) go to the store."""
    if code is None:
        summary = store.ingest(cast("Iterable[Coded]", items), **options)
    else:
        summary = store.ingest_articles(cast("Iterable[Article | Reject]", items), code=code, **options)
    refresh_thresholds(store)
    return summary


def ingest_parquet(store: Store, parts: Iterable[ParquetPart], **options: Any) -> IngestSummary:
    """:func:`ingest` for coded output held in Parquet files (a ``volte batch`` output's shards), loaded with
    SQL by :meth:`Store.ingest_parquet`; ``options`` (spacy_model, dictionaries, on_batch) go to the store."""
    summary = store.ingest_parquet(parts, **options)
    refresh_thresholds(store)
    return summary


def refresh_thresholds(store: Store, params: rv.ReversalParams | None = None) -> int:
    """Calibrate (and cache) every international dyad of a writable store that has no threshold for
    ``params``; returns how many were computed. :func:`ingest` calls it after each write."""
    store.writable("refresh_thresholds")
    with translated(store.path, "calibration"):
        params = params or rv.ReversalParams()
        pairs = reading.uncalibrated_pairs(store.con, _method(params))
        if pairs:
            _calibrate(store, pairs, params, cache=True)
        return len(pairs)


# -- detection -------------------------------------------------------------------------------------
def detect(
    store: Store,
    *,
    since: date | None,
    until: date | None,
    kind: str | None,
    window_hours: float,
    source: str | None,
    target: str | None,
    near: bool = False,
) -> list[dict[str, Any]]:
    """Reversals dated in [since, until], cut to the stored days (filters already checked); ``near``
    adds the near misses (alarm episodes at 0.8 x the threshold that stay below it, ``status`` near).
    A writable store caches new calibrations, a read-only one keeps them in its memo (its data cannot
    change while it is open). A scan over more than ``store.max_points`` days is ConfigError E103.

    A shift's day, score and threshold are those of the dyad's whole stored history, whatever the range
    (docs/reversals.md, "Stable scores"): the volume term uses the history's rate, and a window whose
    alarms touch its edges is widened until each episode it reports is whole."""
    con, max_days = store.con, store.settings.store.max_points
    params = rv.ReversalParams(window_hours=window_hours)
    stored = reading.day_extent(con)
    window = dyads.clamp_range(since, until, extent=stored)
    if window is None:
        return []
    (since, until), last = window, stored[1]
    assert last is not None
    pairs = reading.active_pairs(con, since=since, until=until, source=source, target=target)
    if not pairs:
        return []
    # days before the pairs' first day or over a week past their last one change no score
    first_day, last_day = reading.day_extent(con, pairs)  # the pairs have days
    assert first_day is not None and last_day is not None
    last = min(last, _add_days(last_day, _tail(params)))
    start, end = _scan(params, max(since, first_day), until, last)
    if max_days is not None:
        dyads.check_points(start, end, freq="day", max_points=max_days)
    found: list[rv.Shift] = []
    rows_per_chunk = max(1, MATRIX_CELLS // ((end - start).days + 1))  # bounds memory on long ranges
    infos = _thresholds(store, pairs, params)
    thresholds = {p: i.value for p, i in infos.items()}
    for lo in range(0, len(pairs), rows_per_chunk):
        found += _detect_chunk(
            store,
            pairs[lo : lo + rows_per_chunk],
            params,
            since=since,
            until=until,
            first=max(since, first_day),
            last=last,
            thresholds=thresholds,
            near=near,
            max_days=max_days,
        )
    found = [
        replace(s, extras={**s.extras, "calibration": _calibration_dict(infos[(s.source, s.target)])})
        for s in found
        if kind is None or s.kind == kind
    ]
    found.sort(key=lambda s: (s.date, -s.score, s.source, s.target))
    return _with_evidence(store, found)


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


def _day_matrix(
    store: Store, pairs: list[Pair], *, start: date, until: date, min_days: int = 90
) -> tuple[rv.DayTable, list[date | None]]:
    """One 2-D DayTable (pairs x days over [start, until]) with the pairs' priors and rates
    (:func:`volte.store.reading.day_matrix`), and each pair's first stored day."""
    m = reading.day_matrix(
        store.con, pairs, start=start, until=until, fields=rv.SUM_FIELDS, min_days=min_days
    )
    table = rv.DayTable.of(
        m.start,
        m.arrays,
        prior=(m.prior[0], m.prior[1], m.prior[2]),
        rate=m.rate,
        count_prior=(m.counts[0], m.counts[1], m.counts[2]),
    )
    return table, m.firsts


def _detect_chunk(
    store: Store,
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
        table, firsts = _day_matrix(store, todo, start=start, until=end, min_days=params.min_calibration_days)
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
    store: Store,
    *,
    source: str,
    target: str,
    since: date | None,
    until: date | None,
    window_hours: float,
) -> explaining.Explanation:
    """Why the detector did or did not fire on ``source`` -> ``target`` (countries) for turns in
    [since, until]: the dyad's whole stored history scored as :func:`detect` scores it, explained by
    :func:`volte.analyse.explain.explain`, with the dyad's events that the series leaves out."""
    con, max_days = store.con, store.settings.store.max_points
    params = rv.ReversalParams(window_hours=window_hours)
    pair = (source, target)
    last = reading.day_extent(con)[1]
    first, own_last = reading.day_extent(con, [pair])
    uncounted = reading.uncounted(con, source, target, since=since, until=until)
    if first is None or last is None or own_last is None:  # no cluster of the dyad: nothing to calibrate
        threshold = max(params.short_history_threshold, params.min_threshold)
        info = explaining.ThresholdInfo(threshold, "short_history", threshold, None, 0)
        days = rv.DayTable.of(date.min, {name: np.zeros(0) for name in rv.SUM_FIELDS})
    else:
        info = _thresholds(store, [pair], params)[pair]
        start = _add_days(first, -_look(params))
        last = min(last, _add_days(own_last, _tail(params)))  # later days change no score (see detect)
        if max_days is not None:
            dyads.check_points(start, last, freq="day", max_points=max_days)
        table, _ = _day_matrix(store, [pair], start=start, until=last, min_days=params.min_calibration_days)
        days = table.row(0)
    return explaining.explain(
        days,
        params,
        threshold=info,
        source=source,
        target=target,
        since=since,
        until=until,
        uncounted=uncounted,
    )


# -- calibration -----------------------------------------------------------------------------------
def _thresholds(
    store: Store, pairs: list[Pair], params: rv.ReversalParams
) -> dict[Pair, explaining.ThresholdInfo]:
    """Alarm thresholds of the given pairs and where they come from: every cached calibration of the
    store, pooled across all of them (calibration.pool_thresholds). Missing ones are calibrated now:
    those of ``pairs`` and every other international dyad without one (what the ingest path's
    :func:`refresh_thresholds` caches), so the pool is the same whether or not the writer cached them."""
    method = _method(params)
    cache, memo = not store.read_only, store.memo
    known = {
        pair: calibration.Calibration(threshold=t, calibrated=c, days=d, features=f)
        for pair, (t, c, d, f) in reading.cached_thresholds(store.con, method).items()
    }
    known.update({pair: cal for (m, pair), cal in memo.items() if m == method and pair != _COMPLETE})
    missing = [p for p in pairs if p not in known]
    if (method, _COMPLETE) not in memo:
        others = [p for p in reading.uncalibrated_pairs(store.con, method) if p not in known]
        missing += [p for p in others if p not in set(missing)]
    if missing:
        if not cache:
            log.warning(
                "%d dyads have no cached threshold for these detector settings; calibrating them now "
                "(open the store once for writing, e.g. `volte ingest`, to cache them)",
                len(missing),
            )
        fresh = _calibrate(store, missing, params, cache=cache)
        memo.update({(method, p): cal for p, cal in fresh.items()})
        known.update(fresh)
    if not cache:  # a read-only store's data cannot change: every dyad now has a calibration
        memo[(method, _COMPLETE)] = calibration.Calibration(params.min_threshold, None, 0)
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
    store: Store, pairs: list[Pair], params: rv.ReversalParams, *, cache: bool
) -> dict[Pair, calibration.Calibration]:
    days = reading.pair_days(store.con, pairs, fields=rv.SUM_FIELDS)
    now = datetime.now(UTC).replace(tzinfo=None)
    out, rows = {}, []
    for pair in pairs:
        found = days.get(pair)
        cal = (
            calibration.calibrate(
                rv.DayTable.of(found[0], found[1], prior=(0.0, 0.0, 0.0)),
                params,
                seed=calibration.dyad_seed(*pair),
            )
            if found is not None
            else calibration.Calibration(params.min_threshold, None, 0)
        )
        out[pair] = cal
        features = list(cal.features) if cal.features is not None else None
        rows.append(
            (pair[0], pair[1], cal.threshold, cal.calibrated, cal.days, _method(params), now, features)
        )
    if cache and rows:
        reading.save_thresholds(store.con, rows)
    log.info("calibrated %d dyads", len(rows))
    return out


# -- evidence --------------------------------------------------------------------------------------
def _with_evidence(store: Store, found: list[rv.Shift]) -> list[dict[str, Any]]:
    if not found:
        return []
    windows: list[reading.Window] = []
    for i, s in enumerate(found):
        before_want, after_want = ("conflict", "coop") if s.kind == "thaw" else ("coop", "conflict")
        windows.append((i, "before", s.source, s.target, s.before.start, s.before.end, before_want))
        windows.append((i, "after", s.source, s.target, s.after.start, s.after.end, after_want))
    lo, hi = min(w[4] for w in windows), max(w[5] for w in windows) + timedelta(days=2)
    per_shift = reading.evidence(store.con, windows, clusters=EVIDENCE_CLUSTERS, lo=lo, hi=hi)
    out = []
    for i, s in enumerate(found):
        record = s.to_dict()
        detail = per_shift.get(i, [])
        record["evidence"] = [d["event_id"] for d in detail]
        record["evidence_events"] = detail
        out.append(record)
    return out
